#!/usr/bin/env bash
# Refreshes the vendored browser ES-module builds in this folder from the npm registry.
# Usage: bash update.sh            (the pinned versions below)
# To move to newer versions, edit the versions below, run the script, re-run the
# enrolment checks and update README.md (versions, integrity hashes).
# Needs: npm, tar. Writes only inside this folder.
set -euo pipefail

PKIJS=4.0.0
ASN1JS=4.0.0
BYTESTREAMJS=3.0.0
PECULIAR_UTILS=4.1.0
NOBLE_HASHES=2.4.0

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# fetch NAME VERSION -> unpacks the registry tarball (integrity-checked by npm) into $work/NAME
fetch() {
  local name="$1" version="$2" tgz
  tgz="$(cd "$work" && npm pack --silent "$name@$version" | tail -n 1)"
  echo "$name@$version  $(cd "$work" && sha256sum "$tgz" | cut -d' ' -f1)  (sha256 of $tgz)"
  mkdir -p "$work/$name"
  tar -xzf "$work/$tgz" -C "$work/$name" --strip-components=1
}

# copy NAME FILE... -> copies FILEs (paths inside the package) to ./NAME/FILE
copy() {
  local name="$1"; shift
  local f
  for f in "$@"; do
    mkdir -p "$here/$name/$(dirname "$f")"
    cp "$work/$name/$f" "$here/$name/$f"
  done
}

fetch pkijs "$PKIJS"
fetch asn1js "$ASN1JS"
fetch bytestreamjs "$BYTESTREAMJS"
fetch @peculiar/utils "$PECULIAR_UTILS"
fetch @noble/hashes "$NOBLE_HASHES"

rm -rf "$here/pkijs" "$here/asn1js" "$here/bytestreamjs" "$here/@peculiar" "$here/@noble"

copy pkijs LICENSE package.json build/index.js
copy asn1js LICENSE package.json build/index.js
copy bytestreamjs LICENSE package.json $(cd "$work/bytestreamjs" && ls build/*.js)
copy @peculiar/utils LICENSE package.json $(cd "$work/@peculiar/utils" && find build -name '*.js' | sort)
# pkijs imports only @noble/hashes/legacy.js (SHA-1) and sha2.js; these are their module closure.
copy @noble/hashes LICENSE package.json legacy.js sha2.js _md.js _u64.js utils.js

# Fail if a vendored module imports something the import map (../importmap.json) does not cover.
bad="$(grep -rhE "^(import|export|\\})[^\"']*(from)? ?[\"'][^\"']+[\"'];?$" --include='*.js' "$here" |
       grep -oE "[\"'][^\"']+[\"'];?$" | tr -d "\"';" | grep -v '^\.' | sort -u |
       grep -vxE 'pkijs|asn1js|bytestreamjs|@peculiar/utils|@noble/hashes/(legacy|sha2)\.js' || true)"
if [ -n "$bad" ]; then
  echo "Unmapped bare imports in vendored files:" >&2
  echo "$bad" >&2
  exit 1
fi
du -sh "$here"
