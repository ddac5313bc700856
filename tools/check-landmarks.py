#!/usr/bin/env python3
"""Validate the curated landmarks table (data/gazetteer/landmarks.tsv).

Checks every row for the format the gazetteer build relies on (see docs/architecture.md and
data/gazetteer/LANDMARKS.md) and prints one line per problem, naming the line number.

Errors (exit status 1): wrong header, wrong column count, bad or duplicate id, duplicate
(name, kind), unknown kind, empty name or feature, latitude/longitude out of range or not a
number, malformed or unknown ISO 3166-1 alpha-2 code, empty or repeated alternate name, an
alternate name equal to the row's own name, stray whitespace, a source that is neither
"GeoNames <id>" nor "Wikipedia: <title>", a row that uses an id listed in a
"# Retired ids" comment (ids of deleted rows are never reused).

Warnings (exit status 0 unless --strict): an alternate name that is another row's name, and a
point feature (facility, peak, pass) given with fewer than two decimals.

Usage: tools/check-landmarks.py [--strict] [--quiet] [PATH]
(PATH defaults to data/gazetteer/landmarks.tsv next to this script's repository.)
Python standard library only.
"""

import argparse
import collections
import pathlib
import re
import sys
import unicodedata

HEADER = ["id", "name", "alt_names", "kind", "feature", "countries", "lat", "lon", "source"]
KINDS = {"water", "landform", "facility", "region", "continent"}

# ISO 3166-1 alpha-2 officially assigned codes, plus XK (Kosovo, user-assigned but used by
# GeoNames and the gazetteer's other sources).
ISO2 = set(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW XK
    """.split()
)

# Feature words that mark a point feature, whose coordinates must be precise (~1 km).
POINT_FEATURES = {
    "mountain", "volcano", "mountain pass", "border crossing", "bridge", "dam", "tunnel",
    "cosmodrome", "launch site", "nuclear plant", "nuclear facility", "nuclear test site",
    "military base", "air base", "naval base", "monument", "waterfall",
}

RETIRED_RE = re.compile(r"^#\s*Retired ids\b[^:]*:(.*)$", re.IGNORECASE)
SOURCE_RE = re.compile(r"^(GeoNames [0-9]+|Wikipedia: \S.*)$")
ISO2_RE = re.compile(r"^[A-Z]{2}$")


def fold(name):
    """Fold a name the way the gazetteer indexes it, near enough to spot collisions:
    lower case, no diacritics, no punctuation, a leading "the" dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def decimals(text):
    return len(text.split(".", 1)[1]) if "." in text else 0


def check(path):
    errors = []
    warnings = []
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        return [f"{path}: cannot read: {err}"], [], []

    header_seen = False
    retired = set()
    for number, line in enumerate(lines, 1):
        match = RETIRED_RE.match(line)
        if match:
            retired.update(match.group(1).split())
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            header_seen = True
            if fields != HEADER:
                errors.append(f"line {number}: header is {fields!r}, expected {HEADER!r}")
            continue
        where = f"line {number}"
        if len(fields) != len(HEADER):
            errors.append(f"{where}: {len(fields)} columns, expected {len(HEADER)}")
            continue
        row = dict(zip(HEADER, fields))
        where = f"line {number} (id {row['id']}, {row['name']!r})"
        for column, value in row.items():
            if value != value.strip():
                errors.append(f"{where}: {column} has leading or trailing whitespace")
        if not re.fullmatch(r"[1-9][0-9]*", row["id"]):
            errors.append(f"{where}: id must be a positive integer")
        if not row["name"].strip():
            errors.append(f"{where}: empty name")
        if row["kind"] not in KINDS:
            errors.append(f"{where}: kind {row['kind']!r} is not one of {sorted(KINDS)}")
        if not row["feature"].strip():
            errors.append(f"{where}: empty feature")
        features = row["feature"].split("|")
        if any(not f.strip() or f != f.lower() for f in features):
            errors.append(f"{where}: feature words must be non-empty lower-case items")
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            if not -90.0 <= lat <= 90.0:
                errors.append(f"{where}: latitude {lat} out of range")
            if not -180.0 <= lon <= 180.0:
                errors.append(f"{where}: longitude {lon} out of range")
        except ValueError:
            errors.append(f"{where}: lat/lon {row['lat']!r}, {row['lon']!r} are not numbers")
        if row["countries"]:
            codes = row["countries"].split("|")
            for code in codes:
                if not ISO2_RE.match(code):
                    errors.append(f"{where}: country code {code!r} is not two capital letters")
                elif code not in ISO2:
                    errors.append(f"{where}: country code {code!r} is not an ISO 3166-1 code")
            if len(set(codes)) != len(codes):
                errors.append(f"{where}: a country code is repeated")
        alts = row["alt_names"].split("|") if row["alt_names"] else []
        seen = {}
        for alt in alts:
            if not alt.strip():
                errors.append(f"{where}: empty alternate name (doubled or stray '|')")
                continue
            key = fold(alt)
            if key == fold(row["name"]):
                errors.append(f"{where}: alternate name {alt!r} repeats the name")
            elif key in seen:
                errors.append(f"{where}: alternate names {seen[key]!r} and {alt!r} repeat")
            seen[key] = alt
        if not SOURCE_RE.match(row["source"]):
            errors.append(f"{where}: source must be 'GeoNames <id>' or 'Wikipedia: <title>'")
        if set(features) & POINT_FEATURES and row["kind"] in ("facility", "landform"):
            if min(decimals(row["lat"]), decimals(row["lon"])) < 2:
                warnings.append(f"{where}: point feature with fewer than two decimals")
        rows.append((number, row, [a for a in alts if a.strip()]))

    if not header_seen:
        errors.append(f"{path}: no header row")

    for number, row, _ in rows:
        if row["id"] in retired:
            errors.append(f"line {number}: id {row['id']} is retired and must not be reused")
    ids = collections.Counter(row["id"] for _, row, _ in rows)
    for number, row, _ in rows:
        if ids[row["id"]] > 1:
            errors.append(f"line {number}: id {row['id']} is used {ids[row['id']]} times")
    pairs = collections.defaultdict(list)
    for number, row, _ in rows:
        pairs[(fold(row["name"]), row["kind"])].append(number)
    for (name, kind), numbers in pairs.items():
        if len(numbers) > 1:
            errors.append(f"lines {numbers}: name {name!r} with kind {kind!r} appears twice")

    names = collections.defaultdict(list)
    for _, row, _ in rows:
        names[fold(row["name"])].append(row["id"])
    for number, row, alts in rows:
        for alt in alts:
            others = [i for i in names.get(fold(alt), []) if i != row["id"]]
            if others:
                warnings.append(
                    f"line {number} (id {row['id']}, {row['name']!r}): alternate name "
                    f"{alt!r} is the name of id {', '.join(others)}"
                )
    return errors, warnings, rows


def main():
    default = pathlib.Path(__file__).resolve().parent.parent / "data/gazetteer/landmarks.tsv"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=pathlib.Path, default=default)
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args()

    errors, warnings, rows = check(args.path)
    if not args.quiet:
        for message in errors:
            print(f"error: {message}")
        for message in warnings:
            print(f"warning: {message}")
    kinds = collections.Counter(row["kind"] for _, row, _ in rows)
    summary = ", ".join(f"{kind} {kinds[kind]}" for kind in sorted(kinds))
    print(f"{args.path}: {len(rows)} rows ({summary}); "
          f"{len(errors)} errors, {len(warnings)} warnings")
    failed = errors or (args.strict and warnings)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
