# wiall index sensitivity --catalog CODE: the variance-based sensitivity
# analysis (METHODS §4.11) of a catalogue index over the database, varying
# what the catalogue's uncertainty analysis varies. Output as in the file
# mode (Input,First,Total, inputs named by their --vary texts); the same
# bytes for 1 and 2 threads; the same numbers as the file mode on the same
# data (tests/data/index/balance_iData.csv and balance_iMeta.csv by hand;
# for the demo the iData is `--stage raw`, the iMeta
# tests/data/index/demo_iMeta.csv); indices that make sense.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/checks.sh"
. "$TOP/tests/lib/fixture.sh"
DATA="$TOP/tests/data/index"
JSON_GET="$TOP/$BUILD/tests/helpers/json_get"

# The Monte-Carlo tolerance of the checks below: the estimators' errors
# shrink as 1/sqrt(N); at N = 1000 points per matrix 0.15 is about five
# standard errors of a mean of values in [-1, 1] (5/sqrt(1000) = 0.158).
TOL=0.15

# column CSV INPUT-PREFIX 2|3: First (2) or Total (3) of the row whose input
# starts with INPUT-PREFIX (the input may hold commas: count from the end).
column() {
	printf '%s\n' "$1" | awk -F, -v p="$2" -v c="$3" 'NR > 1 { i = $0
	    sub(/^"/, "", i); if (index(i, p) == 1) print (c == 2 ? $(NF - 1) : $NF) }'
}

# sensible CSV WHAT: every First <= Total + TOL, and the sum of the First
# indices <= 1 + TOL (they share the output's variance).
sensible() {
	printf '%s\n' "$1" | awk -F, -v t="$TOL" 'NR > 1 { if ($(NF - 1) > $NF + t)
	    bad = 1; sum += $(NF - 1); n++ } END { exit !(n > 0 && !bad && sum <= 1 + t) }'
	ok $? "$2: first-order <= total and the sum of first-order <= 1 (within $TOL)"
}

# ---- the fixture: an index whose order only the weights can change --------
# Index `balance` of tests/data/index/sensitivity.json: R1, R2, R3 with
# L1 = GDP per head (30000, 20000, 25000; weight 2) and L2 = unemployment
# (6, 8, 4; lower is better; weight 1). Every normalisation the analysis
# tries gives R1 and R3 mirrored points: minmax:1,100 → R1 (100, 50.5),
# R3 (50.5, 100); zscore:10,2 → R1 (12, 10), R3 (10, 12); R2 is lowest in
# both. With points (a, b) against (b, a), a > b, the arithmetic means
# differ by (w1 − w2)(a − b)/(w1 + w2) and the geometric ones are in the
# ratio (a/b)^((w1 − w2)/(w1 + w2)): whatever the normalisation and
# aggregation, R1 is ahead of R3 exactly when w1 > w2. So the output (the
# mean absolute rank shift) is a function of the weights alone: for
# normalise and aggregate y_ABi = y_A in every run, and
# S_i = mean(y_B (y_ABi − y_A)) / V and ST_i = Σ (y_A − y_ABi)² / (2 N V)
# are exactly 0; for the weights S = ST = 1 up to the Monte-Carlo error.
# (With weights ± 100 %: w1 = 2 + 2x, w2 = 1 + y, x, y uniform on [-1, 1],
# P(w1 < w2) = 1/4, so the output does vary.)
DB="$TMP/s.db"
fixture_db "$DB" "$DATA/sensitivity.json" "$DATA/observations.csv"

run "$WIALL" --db "$DB" index sensitivity --catalog balance --threads 1
is "$RC" 0 "sensitivity --catalog exits 0"
printf '%s\n' "$OUT" >"$TMP/b1.csv"
is "$(printf '%s\n' "$OUT" | head -1)" "Input,First,Total" "the file mode's columns"
is "$(printf '%s\n' "$OUT" | tail -n +2 | sed -E 's/,[^,]*,[^,]*$//' | tr '\n' ' ')" \
    '"normalise=minmax:1,100/zscore:10,2" aggregate=amean/gmean "weights=1:1,sets=1000" ' \
    "the catalogue's inputs in its order, named by their --vary texts"
is "$(column "$OUT" normalise 2),$(column "$OUT" normalise 3)" "0,0" \
    "normalise cannot change the order: first and total exactly 0"
is "$(column "$OUT" aggregate 2),$(column "$OUT" aggregate 3)" "0,0" \
    "aggregate cannot change the order: first and total exactly 0"
near_abs "$(column "$OUT" weights 2)" 1 "$TOL" "the weights explain everything: first ~ 1"
near_abs "$(column "$OUT" weights 3)" 1 "$TOL" "and total ~ 1"
sensible "$OUT" "balance"
"$WIALL" --db "$DB" index sensitivity --catalog balance --threads 2 >"$TMP/b2.csv"
ok "$(cmp -s "$TMP/b1.csv" "$TMP/b2.csv"; echo $?)" "1 and 2 threads give the same bytes"

# The same index as iData/iMeta files: the same bytes.
FILES="--data $DATA/balance_iData.csv --meta $DATA/balance_iMeta.csv"
VARY="--vary normalise=minmax:1,100/zscore:10,2 --vary aggregate=amean/gmean"
"$WIALL" index sensitivity $FILES $VARY --vary weights=1:1,sets=1000 \
    --runs 1000 --seed 5 >"$TMP/bf.csv"
ok "$(cmp -s "$TMP/b1.csv" "$TMP/bf.csv"; echo $?)" \
    "the file mode with the catalogue's inputs, runs and seed gives the same bytes"
"$WIALL" --db "$DB" index sensitivity --catalog balance --runs 200 --seed 9 \
    --rng r >"$TMP/br.csv"
"$WIALL" index sensitivity $FILES $VARY --vary weights=1:1,sets=200 \
    --runs 200 --seed 9 --rng r >"$TMP/bfr.csv"
ok "$(cmp -s "$TMP/br.csv" "$TMP/bfr.csv"; echo $?)" \
    "so does --runs 200 --seed 9 --rng r"

run "$WIALL" --db "$DB" index sensitivity --catalog balance --format json
is "$RC" 0 "--format json exits 0"
printf '%s\n' "$OUT" >"$TMP/b.json"
is "$("$JSON_GET" "$TMP/b.json" n)" 1000 "the catalogue's 1000 runs are N, the points per matrix"
is "$("$JSON_GET" "$TMP/b.json" runs)" 5000 "N (d + 2) = 1000 · 5 runs in all"
is "$("$JSON_GET" "$TMP/b.json" seed)" 5 "the catalogue's seed"
is "$("$JSON_GET" "$TMP/b.json" failed)" 0 "no run failed"
is "$("$JSON_GET" "$TMP/b.json" inputs.2.input)" "weights=1:1,sets=1000" "the inputs by name"
"$WIALL" --db "$DB" index sensitivity --catalog balance --runs 200 --seed 9 \
    --format json >"$TMP/b9.json"
is "$("$JSON_GET" "$TMP/b9.json" n)" 200 "--runs overrides N"
is "$("$JSON_GET" "$TMP/b9.json" seed)" 9 "--seed overrides"
is "$("$JSON_GET" "$TMP/b9.json" inputs.2.input)" "weights=1:1,sets=200" \
    "one weight set per point of a matrix"

# ---- what cannot be computed or asked for -----------------------------------
# single: one leaf under the index. Min-max and z-scores are increasing maps,
# and the mean of one child (weighted or geometric) is that child: no variant
# moves a rank, V = 0, and no index can be computed.
run "$WIALL" --db "$DB" index sensitivity --catalog single
like "$ERR" "sensitivity indices not computable: the output does not vary" "which says why"
is "$(printf '%s\n' "$OUT" | tail -1)" '"weights=1:0.5,sets=100",,' \
    "the indices are empty, not 0"
DB2="$TMP/i.db"
fixture_db "$DB2" "$DATA/catalog.json" "$DATA/observations.csv"
run "$WIALL" --db "$DB2" index sensitivity --catalog diversity
is "$RC" 1 "an index without an analysis: exit 1"
like "$ERR" "wiall index sensitivity: index diversity defines no uncertainty analysis" \
    "and says so"
run "$WIALL" --db "$DB2" index sensitivity --catalog strength --vary aggregate=amean/gmean
is "$RC" 2 "--vary with --catalog: usage error"
like "$ERR" "--vary: with --catalog the catalogue defines" "which says why"
run "$WIALL" --db "$DB2" index sensitivity --catalog nope
is "$RC" 1 "an unknown index: exit 1"

# ---- the demo: resilience_muenster ------------------------------------------
DEMO="$TMP/demo.db"
"$WIALL" --db "$DEMO" demo >/dev/null 2>&1
run "$WIALL" --db "$DEMO" index sensitivity --catalog resilience_muenster --threads 1
is "$RC" 0 "the demo's index: exit 0"
printf '%s\n' "$OUT" >"$TMP/d1.csv"
is "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')" 4 "a header and three inputs"
like "$(printf '%s\n' "$OUT" | tail -1)" '^"weights=1:0\.25,2:0\.25,sets=1000",0\.[0-9]+,0\.[0-9]+$' \
    "the weights of both levels within ± 25 %, one set per point"
sensible "$OUT" "the demo"
"$WIALL" --db "$DEMO" index sensitivity --catalog resilience_muenster --threads 2 >"$TMP/d2.csv"
ok "$(cmp -s "$TMP/d1.csv" "$TMP/d2.csv"; echo $?)" "1 and 2 threads give the same bytes"
# The catalogue index's data as iData (--stage raw is uCode and one column
# per leaf) with its hierarchy as iMeta: the file mode gives the same bytes.
"$WIALL" --db "$DEMO" index build --catalog resilience_muenster --stage raw >"$TMP/demo_iData.csv"
"$WIALL" index sensitivity --data "$TMP/demo_iData.csv" --meta "$DATA/demo_iMeta.csv" \
    $VARY --vary weights=1:0.25,2:0.25,sets=1000 --runs 1000 --seed 2018 >"$TMP/df.csv"
ok "$(cmp -s "$TMP/d1.csv" "$TMP/df.csv"; echo $?)" \
    "the demo's index from files gives the same bytes"
done_testing
