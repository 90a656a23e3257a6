# wiall structure in matrix mode on REAT's Länder file (long: industry,
# region, year, emp): the 16 Länder against Germany ("Insgesamt") and against
# their column sums. Sector C is a subset of B-E there: wiall cannot know it
# from the file, so it reports that the sectors exceed the published totals
# and names C; --exclude-sector leaves it out. Independent figures are
# recomputed from the file with awk.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/structure_fixture.sh"
L="$SDATA/G.regions.emp.csv"
C='Verarbeitendes Gewerbe (C)'

run "$WIALL" structure --input "$L" "${LAENDER_READ[@]}" --reference Insgesamt --period 2014 --format json
is "$RC" 0 "matrix mode against Germany with C kept: still computed"
printf '%s\n' "$OUT" >"$TMP/c.json"
is "$("$SJ" count "$TMP/c.json" regions)" 16 "the 16 Länder, Germany being the reference"
like "$(jget "$TMP/c.json" notes)" "add up to more than the published all-sector total" \
    "the overlap is reported"
like "$(jget "$TMP/c.json" notes)" "Without 'Verarbeitendes Gewerbe \\(C\\)' the sectors meet every published total" \
    "and C is named as the sector inside another"
is "$(jget "$TMP/c.json" regions/0/periods/0/coverage/status)" excess "coverage: excess"

run "$WIALL" structure --input "$L" "${LAENDER_READ[@]}" --exclude-sector "$C" \
    --reference Insgesamt --from 2008 --to 2014 --format json
is "$RC" 0 "against Germany without C, 2008-2014"
printf '%s\n' "$OUT" >"$TMP/g.json"
is "$(jget "$TMP/g.json" reference)" Insgesamt "Germany is the reference"
is "$(jget "$TMP/g.json" reference_kind)" region "an explicit reference"
unlike "$(jget "$TMP/g.json" notes)" "more than the published" "without C nothing exceeds the totals"
run "$SJ" invariants "$TMP/g.json"
is "$RC" 0 "every invariant for 16 regions x 7 years and their shift-share ($OUT)"
n=-1
for r in $(seq 0 15); do
	[ "$(jget "$TMP/g.json" regions/$r/region)" = Nordrhein-Westfalen ] && n=$r
done
ok "$([ "$n" -ge 0 ]; echo $?)" "NRW is among the regions (at $n)"

# NRW from the file itself: the ten sectors without C and Insgesamt (the
# industry may hold commas; region, year and value are the last three fields).
nrw() { awk -F, -v y="$1" '$(NF - 2) == "\"Nordrhein-Westfalen\"" && $(NF - 1) == y &&
    $0 !~ /^"Insgesamt"/ && $0 !~ /^"Verarbeitendes Gewerbe \(C\)"/ { print $NF }' "$L"; }
t08=$(nrw 2008 | awk '{ s += $1 } END { printf "%.0f", s }')
t14=$(nrw 2014 | awk '{ s += $1 } END { printf "%.0f", s }')
h14=$(nrw 2014 | awk -v t="$t14" '{ h += ($1 / t) ^ 2 } END { printf "%.17g", h }')
is "$(nrw 2014 | wc -l | tr -d ' ')" 10 "awk finds NRW's ten sectors"
close "$TMP/g.json" regions/$n/periods/0/total "$t08" 0 "NRW 2008: the sum of its ten sectors ($t08)"
close "$TMP/g.json" regions/$n/shift_share/growth "$((t14 - t08))" 0 "NRW growth 2008-2014 ($((t14 - t08)))"
close "$TMP/g.json" regions/$n/periods/6/hhi "$h14" 1e-12 "NRW HHI 2014 = sum of squared shares ($h14)"

# Against the column sums (EconGeo): the national row must go, or it counts twice.
run "$WIALL" structure --input "$L" "${LAENDER_READ[@]}" --exclude-sector "$C" \
    --exclude-region Insgesamt --period 2014 --format json
is "$RC" 0 "matrix mode against the column sums"
printf '%s\n' "$OUT" >"$TMP/m.json"
is "$(jget "$TMP/m.json" reference)" null "no reference region"
is "$(jget "$TMP/m.json" reference_kind)" matrix "the reference is the column sums"
is "$("$SJ" count "$TMP/m.json" regions)" 16 "16 regions"
run "$SJ" invariants "$TMP/m.json"
is "$RC" 0 "sum S_j LQ_rj = 1 and the other invariants against the column sums ($OUT)"
# For every sector, the LQ weighted by the regions' totals is 1 (EconGeo).
w=$(for r in $(seq 0 15); do
	printf '%s %s\n' "$(jget "$TMP/m.json" regions/$r/periods/0/total)" \
	    "$(jget "$TMP/m.json" "regions/$r/periods/0/lq/Baugewerbe (F)")"
done | awk '{ t += $1; s += $1 * $2 } END { printf "%.12f", s / t }')
is "$w" "1.000000000000" "sum over regions of (T_r/T) LQ_rF = 1"

run "$WIALL" structure --input "$L" "${LAENDER_READ[@]}" --exclude-sector "$C" \
    --exclude-region Insgesamt --period 2014
is "$RC" 0 "matrix table"
like "$OUT" "Economic structure of 16 regions" "the table says how many"
like "$OUT" "Reference: the column sums of the regions" "and against what"
like "$OUT" "Nordrhein-Westfalen +2014" "a row per region and period"
done_testing
