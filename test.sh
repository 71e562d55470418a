#!/usr/bin/env bash
# Run the whole test suite: lint (ruff), types (mypy), and pytest, including the integration tests
# on the real sources (when the sources directory exists) and the browser tests (Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh --browser
export NO_MKDOCS_2_WARNING=1
echo "== ruff" && .venv/bin/ruff check scripts tests
echo "== mypy" && .venv/bin/mypy
echo "== pytest"
status=0
.venv/bin/pytest "$@" || status=$?
# pytest exits 5 when it collected no test: that is a broken suite, not a pass.
if [ "$status" = 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi
exit "$status"
