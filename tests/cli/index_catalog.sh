# wiall index build|uncertainty --catalog CODE over the database, on the
# fixture tests/data/index/: the file mode's CSV and JSON with region codes
# as units; the hand calculation of tests/unit/test_index_catalog.c
# (`strength`: P1 = 75, 0, 75; P2 = 100, 0, 66.667; index 83.333, 0,
# 72.222); the same seed gives the same bytes for 1 and 2 threads; what the
# catalogue defines cannot be given as options (sensitivity --catalog:
# tests/cli/index_sensitivity.sh).
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/checks.sh"
. "$TOP/tests/lib/fixture.sh"
DATA="$TOP/tests/data/index"
DB="$TMP/i.db"
fixture_db "$DB" "$DATA/catalog.json" "$DATA/observations.csv"

field() {	# field CSV ROW-CODE COLUMN-NAME
	awk -F, -v row="$2" -v col="$3" 'NR == 1 { for (i = 1; i <= NF; i++)
	    if ($i == col) c = i; next } $1 == row { print $c }' <<EOF
$1
EOF
}

run "$WIALL" --db "$DB" index build --catalog strength
is "$RC" 0 "build --catalog exits 0"
is "$(printf '%s\n' "$OUT" | head -1)" "uCode,P1,P2,strength,Rank" \
    "the file mode's columns: uCode, the aggregates, Rank"
is "$(printf '%s\n' "$OUT" | cut -d, -f1 | tail -n +2 | tr '\n' ' ')" "R1 R3 R2 " \
    "rows in the order of the ranks"
near_rel "$(field "$OUT" R1 P1)" 75 "R1's P1: (100 + 50)/2"
near_rel "$(field "$OUT" R3 P2)" 66.66666666666667 "R3's P2: (5 + 5)/15 · 100"
near_rel "$(field "$OUT" R1 strength)" 83.33333333333333 "R1's index: (2 · 75 + 100)/3"
near_rel "$(field "$OUT" R3 strength)" 72.22222222222223 "R3's index: (2 · 75 + 66.667)/3"
is "$(field "$OUT" R2 strength)" 0 "R2's index: 0, the weakest everywhere"
is "$(field "$OUT" R3 Rank)" 2 "R3 is second"

run "$WIALL" --db "$DB" index build --catalog strength --stage raw
is "$(printf '%s\n' "$OUT" | head -1)" "uCode,L1,L2,L3" "--stage raw: the leaves"
is "$(field "$OUT" R2 L3)" -5 "R2's growth 160 → 152: -5 %"
run "$WIALL" --db "$DB" index build --catalog strength --stage normalised
is "$(field "$OUT" R1 L2)" 50 "R1's unemployment 6 between 4 and 8, lower better: 50 points"

run "$WIALL" --db "$DB" index build --catalog strength --format json
is "$RC" 0 "--format json exits 0"
printf '%s\n' "$OUT" >"$TMP/build.json"
JSON_GET="$TOP/$BUILD/tests/helpers/json_get"
is "$("$JSON_GET" "$TMP/build.json" units.0.uCode)" R1 "JSON: the best unit first"
near_rel "$("$JSON_GET" "$TMP/build.json" units.1.strength)" 72.22222222222223 \
    "JSON: R3's index with 17 digits"

# A leaf without figures is left out, with a warning that says why.
run "$WIALL" --db "$DB" index build --catalog gaps
is "$RC" 0 "an index with a leaf without figures still builds"
like "$ERR" "warning: G2 is left out: none of the 3 regions has a value" \
    "and the leaf left out is named"

# The analysis: the catalogue's runs and seed; the same bytes for 1 and 2
# threads; --runs and --seed override.
run "$WIALL" --db "$DB" index uncertainty --catalog strength --threads 1
is "$RC" 0 "uncertainty --catalog exits 0"
is "$(printf '%s\n' "$OUT" | head -1)" "uCode,Nominal,Mean,Median,Q5,Q95" \
    "the file mode's columns"
printf '%s\n' "$OUT" >"$TMP/u1.csv"
"$WIALL" --db "$DB" index uncertainty --catalog strength --threads 2 >"$TMP/u2.csv"
ok "$(cmp -s "$TMP/u1.csv" "$TMP/u2.csv"; echo $?)" "1 and 2 threads give the same bytes"
"$WIALL" --db "$DB" index uncertainty --catalog strength --threads 2 \
    --format json >"$TMP/u.json"
is "$("$JSON_GET" "$TMP/u.json" runs)" 500 "the catalogue's 500 runs"
is "$("$JSON_GET" "$TMP/u.json" seed)" 11 "with its seed"
"$WIALL" --db "$DB" index uncertainty --catalog strength --runs 50 --seed 3 \
    --format json >"$TMP/u3.json"
is "$("$JSON_GET" "$TMP/u3.json" runs)" 50 "--runs overrides"
is "$("$JSON_GET" "$TMP/u3.json" seed)" 3 "--seed overrides"
run "$WIALL" --db "$DB" index uncertainty --catalog diversity
is "$RC" 1 "uncertainty of an index without an analysis: exit 1"
like "$ERR" "index diversity defines no uncertainty analysis" "and says so"

# What the catalogue defines is not an option.
run "$WIALL" --db "$DB" index uncertainty --catalog strength --vary aggregate=amean/gmean
is "$RC" 2 "--vary with --catalog: usage error"
like "$ERR" "--vary: with --catalog the catalogue defines" "which says why"
run "$WIALL" --db "$DB" index build --catalog strength --data x.csv
is "$RC" 2 "--data with --catalog: usage error"
run "$WIALL" --db "$DB" index sensitivity --catalog strength --data x.csv
is "$RC" 2 "sensitivity --catalog with a file option: usage error"
run "$WIALL" --db "$DB" index build --catalog nope
is "$RC" 1 "an unknown index: exit 1"
like "$ERR" "the catalogue has no index 'nope'" "named"
"$WIALL" --db "$TMP/empty.db" init >/dev/null
"$WIALL" --db "$TMP/empty.db" catalog load "$DATA/catalog.json" >/dev/null
run "$WIALL" --db "$TMP/empty.db" index build --catalog strength
is "$RC" 1 "an index without any figures: exit 1"
like "$ERR" "index strength: no component has figures for 2014" "which says so"
run "$WIALL" --db "$TMP/none.db" index build --catalog strength
is "$RC" 1 "no database: exit 1"
done_testing
