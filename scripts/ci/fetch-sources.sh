#!/usr/bin/env bash
# Fetch the (copyrighted, never committed) source texts for CI, when the maintainers have configured them:
#   APPARAT_SOURCES_URL   address of a .tar.gz holding trotsky-bureaucracy.txt and gramsci-bukharin.txt
#   APPARAT_SOURCES_TOKEN optional bearer token for that address
# Without them this does nothing, and the build and tests use the sample edition only.
set -euo pipefail
dest=${1:?usage: fetch-sources.sh DEST}
if [ -z "${APPARAT_SOURCES_URL:-}" ]; then
  echo "fetch-sources: APPARAT_SOURCES_URL is not set; building the sample edition only" >&2
  exit 0
fi
mkdir -p "$dest"
auth=()
[ -n "${APPARAT_SOURCES_TOKEN:-}" ] && auth=(-H "Authorization: Bearer $APPARAT_SOURCES_TOKEN")
curl -fsSL "${auth[@]}" "$APPARAT_SOURCES_URL" | tar -xz -C "$dest"
echo "APPARAT_SOURCES=$dest" >> "${GITHUB_ENV:-/dev/null}"
echo "fetch-sources: sources in $dest" >&2
