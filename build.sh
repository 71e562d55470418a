#!/usr/bin/env bash
# Build the edition: `./build.sh` converts the sources and builds the site into site/;
# `./build.sh serve` also serves it on http://127.0.0.1:8000 and rebuilds on edits of content/.
# Extra options go to `apparat build`/`apparat serve` (see `.venv/bin/apparat --help`).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
cmd=build
if [ "${1:-}" = "serve" ]; then cmd=serve; shift; fi
exec .venv/bin/apparat "$cmd" "$@"
