#!/usr/bin/env bash
# Build the edition: `./build.sh` converts the sources and builds the site into site/;
# `./build.sh serve` also serves it on http://127.0.0.1:8000 and rebuilds on edits of content/.
# Extra options go to `apparat build`/`apparat serve` (see `.venv/bin/apparat --help`).
set -euo pipefail
cd "$(dirname "$0")"
case " $* " in
  *" --editions "*) bash scripts/setup.sh --editions ;;  # the EPUB and PDF need Pango and the fonts
  *) bash scripts/setup.sh ;;
esac
cmd=build
if [ "${1:-}" = "serve" ]; then cmd=serve; shift; fi
exec .venv/bin/apparat "$cmd" "$@"
