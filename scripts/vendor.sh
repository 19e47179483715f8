#!/usr/bin/env bash
# Copy the browser files the web app serves from web/node_modules (installed by `npm ci`) to its static folder.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=src/armstrack/api/static/vendor
mkdir -p "$OUT"
for f in d3/dist/d3.min.js topojson-client/dist/topojson-client.min.js world-atlas/countries-110m.json \
         axe-core/axe.min.js; do
  cp "web/node_modules/$f" "$OUT/"
done
