#!/bin/sh
# Regenerates the demo files in data/demo/ from the project's shared data
# folder (data/README.md says what each file is, where it comes from and why
# rows were left out). Only POSIX sh, cat and awk, so that anyone can re-run it
# and compare: the demo itself never needs the shared folder.
#
# Usage: data/demo/make-demo.sh [SHARED_DATA_DIR]   (default: ../shared/data,
#        relative to the repository's top directory)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
shared=${1:-$top/../shared/data}
out=$top/data/demo
catalog=$top/data/catalog/bottrop.json

for f in eurostat/DEA3_muenster_nuts3_emp_2000_2017.csv \
    reat/G.counties.gdp.csv bottrop/observations.csv; do
	[ -f "$shared/$f" ] || { echo "make-demo.sh: no $shared/$f" >&2; exit 1; }
done

# The codes of a section of the canonical catalogue ("indicators", "regions"):
# every "code" inside it, aliases included, one a line.
codes() {
	awk -v section="$1" '
	    $0 == "  \"" section "\": [" { inside = 1; next }
	    inside && /^  \]/ { inside = 0 }
	    inside {
		line = $0
		while (match(line, /"code": "[^"]*"/)) {
			print substr(line, RSTART + 9, RLENGTH - 10)
			line = substr(line, RSTART + RLENGTH)
		}
	    }' "$catalog"
}
codes indicators >"$out/.indicators"
codes regions >"$out/.regions"
trap 'rm -f "$out/.indicators" "$out/.regions"' EXIT

# 1. Eurostat persons employed by NACE group, DEA3 and its NUTS-3 regions:
#    every row is of a catalogue region, so the file is copied unchanged.
rm -f "$out/DEA3_muenster_nuts3_emp_2000_2017.csv"
cat "$shared/eurostat/DEA3_muenster_nuts3_emp_2000_2017.csv" \
    >"$out/DEA3_muenster_nuts3_emp_2000_2017.csv"

# 2. District GDP and population: the header and the rows of catalogue
#    regions (found by their NUTS or AGS code), rows unchanged.
awk -F, 'FNR == NR { known["\"" $0 "\""] = 1; next }
    FNR == 1 || ($1 in known) || ($2 in known)' \
    "$out/.regions" "$shared/reat/G.counties.gdp.csv" \
    >"$out/G.counties.gdp.DEA3.csv"

# 3. The published Bottrop figures: rows of catalogue indicators whose period
#    `wiall import --school-year start --date-period month` can map. A second
#    row for the same indicator, region and period (a later calculation
#    vintage) goes to a second file, imported after the first, so that the
#    database keeps the older value as a revision. Two corrections of units
#    (data/README.md): the one gva_total row in billion EUR is converted to
#    million EUR, the catalogue's unit; sgb2_rate rows whose unit describes
#    the population the percentage is of get unit "percent", the description
#    going into the note. The file has no quoting: no ';' in a note.
awk -F';' -v OFS=';' -v first="$out/observations.csv" \
    -v later="$out/observations_later_vintage.csv" '
    function mapped(p) {
	if (p ~ /^[0-9][0-9][0-9][0-9]$/ ||
	    p ~ /^[0-9][0-9][0-9][0-9]-Q[1-4]$/ ||
	    p ~ /^[0-9][0-9][0-9][0-9]-(0[1-9]|1[0-2])$/)
		return p
	if (p ~ /^[0-9][0-9][0-9][0-9]\/[0-9][0-9]$/ ||
	    p ~ /^[0-9][0-9][0-9][0-9]\/[0-9][0-9][0-9][0-9]$/)
		return substr(p, 1, 4)
	if (p ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/)
		return substr(p, 1, 7)
	return ""
    }
    FNR == NR { known[$0] = 1; next }
    FNR == 1 { print >first; print >later; next }
    !($1 in known) { next }
    $1 == "gva_total" && $5 == "billion EUR" && $4 == "2.1" {
	$4 = "2100"
	$5 = "million EUR"
	$7 = $7 ": published as 2.1 billion EUR, converted to million EUR"
    }
    $1 == "sgb2_rate" && $5 == "percent of pop. 0 to statutory retirement age" {
	$7 = $7 ", " $5
	$5 = "percent"
    }
    {
	p = mapped($3)
	if (p == "")
		next
	key = $1 ";" $2 ";" p
	if (key in seen)
		print >later
	else
		print >first
	seen[key] = 1
    }' "$out/.indicators" "$shared/bottrop/observations.csv"

wc -l "$out/DEA3_muenster_nuts3_emp_2000_2017.csv" \
    "$out/G.counties.gdp.DEA3.csv" "$out/observations.csv" \
    "$out/observations_later_vintage.csv"
