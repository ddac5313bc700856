#!/usr/bin/env bash
# Fetches the Natural Earth basemap the desktop app renders offline.
#
# Source: the npm package world-atlas@2.0.2 (Natural Earth vector data, public domain, converted
# to TopoJSON; package ISC licence). Uses `npm pack`, so only the npm registry is contacted.
# Output: data/basemap/countries-{110m,50m}.json plus the package's LICENSE.
set -euo pipefail

VERSION="2.0.2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/data/basemap"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm pack "world-atlas@$VERSION" >/dev/null
tar xzf "world-atlas-$VERSION.tgz"

mkdir -p "$OUT"
for file in countries-110m.json countries-50m.json LICENSE; do
    cp "package/$file" "$OUT/$file.tmp"
    mv "$OUT/$file.tmp" "$OUT/$file"
done
mv "$OUT/LICENSE" "$OUT/LICENSE-world-atlas"
echo "basemap: world-atlas@$VERSION -> $OUT"
