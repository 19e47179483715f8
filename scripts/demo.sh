#!/usr/bin/env bash
# Quick start 1: set up, then extract the claims of the bundled example corpus as a table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/armstrack extract --format table examples/
