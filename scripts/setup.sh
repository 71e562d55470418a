#!/usr/bin/env bash
# Set up everything apparat needs on a fresh Debian machine with Python 3.11:
# a virtualenv in .venv with the exact versions of requirements.lock, the apparat package itself,
# with --editions the Debian packages the EPUB and PDF editions need (Pango for WeasyPrint, the fonts),
# and with --browser everything the tests need as well (chromium for the browser tests, epubcheck with a
# Java runtime and poppler-utils to check the editions). Safe to run again: it only redoes what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
want_editions=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1; want_editions=1 ;;
    --editions) want_editions=1 ;;
  esac
done

python=${PYTHON:-python3.11}
command -v "$python" >/dev/null 2>&1 || python=python3

stamp=.venv/.apparat-installed
lock_sum=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  echo "setup: installing pinned packages into .venv (first run takes about a minute)" >&2
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
  echo "$lock_sum" > "$stamp"
fi

# Debian packages, installed only when missing.
debian=()
if [ "$want_editions" = 1 ]; then
  # WeasyPrint's Pango; Linux Libertine (Latin and Cyrillic) for the PDF and the cover, DejaVu as fallback
  debian+=(libpango-1.0-0 libpangoft2-1.0-0 fonts-linuxlibertine fonts-dejavu-core)
fi
if [ "$want_browser" = 1 ]; then
  # chromium for the browser tests; epubcheck (Java) and poppler-utils (pdfinfo, pdftotext) check the editions
  debian+=(chromium fonts-dejavu-core epubcheck default-jre-headless poppler-utils)
fi
missing=()
for package in "${debian[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
