#!/usr/bin/env bash
# Quick start 1: set up, extract the claims of the bundled example corpus as a table, store them and list
# the transfers they make (in a fresh demo database, so the run can be repeated).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/armstrack extract --format table examples/
rm -f demo.db demo.db-wal demo.db-shm
.venv/bin/armstrack ingest --db demo.db examples/
.venv/bin/armstrack transfers --db demo.db
