# wiall index build|uncertainty|sensitivity on COINr's ASEM iData/iMeta
# (tests/data/composite, see SOURCES.md). Expected values from COINr's
# vignettes (bluefoxr/COINr articles/results.md, sensitivity.md).
. "$TOP/tests/lib/tap.sh"

D="$TOP/tests/data/composite"
FILES="--data $D/ASEM_iData.csv --meta $D/ASEM_iMeta.csv"
COIN="$FILES --denominate --impute group-mean --group-column EurAsia_group --screen 0.9 --treat winsorise --winmax 5"

run "$WIALL" index build $COIN
is "$RC" 0 "build exits 0"
is "$(printf '%s\n' "$OUT" | head -1)" \
    "uCode,Physical,ConEcFin,Political,Instit,P2P,Environ,Social,SusEcFin,Conn,Sust,Index,Rank" \
    "header: uCode, the aggregates, Rank"
is "$(printf '%s\n' "$OUT" | wc -l)" 52 "one row per unit (51) after the header"
# get_results(): CHE 68.38, NLD 64.82, DNK 64.80, NOR 64.47, BEL 63.54, SWE 63.00
top=$(printf '%s\n' "$OUT" | awk -F, 'NR>1 && NR<=7 { printf "%s %.2f %s\n", $1, $12, $13 }')
is "$top" "CHE 68.38 1
NLD 64.82 2
DNK 64.80 3
NOR 64.47 4
BEL 63.54 5
SWE 63.00 6" "top six as COINr's build_example_coin()"
is "$(printf '%s\n' "$OUT" | awk -F, '$1=="IND" { printf "%.2f %s", $12, $13 }')" \
    "39.79 45" "India 39.79, rank 45 (get_unit_summary)"
is "$(printf '%s\n' "$OUT" | awk -F, 'NR>1 { print $13 }' | sort -n | uniq | wc -l)" 51 \
    "ranks are a permutation"

run "$WIALL" index build $COIN --stage normalised
like "$(printf '%s\n' "$OUT" | head -1)" "^uCode,LPI,Flights,Ship" "--stage normalised gives the indicators"
is "$(printf '%s\n' "$OUT" | awk -F, 'NR>1 { print $4 }' | sort -g | sed -n '1p;$p' | tr '\n' ' ')" \
    "0 100 " "min-max spans [0, 100]"
run "$WIALL" index sensitivity $COIN --runs 20 --vary winmax=1..5 --vary aggregate=amean/gmean
is "$RC" 1 "gmean over min-max [0, 100]: every gmean run fails, no indices"
like "$ERR" "replications? failed|run [0-9]+ failed" "and says so"
run "$WIALL" index build $FILES --stage raw --format json
is "$RC" 0 "--stage raw --format json"
like "$OUT" '"stage": "raw"' "JSON names the stage"
like "$OUT" '"uCode": "AUT"' "JSON has the units"
like "$OUT" '"Energy"|null' "missing values are null in JSON"

# Nominal ranks of COINr's sensitivity vignette: AUS 35, AUT 7, BEL 5
run "$WIALL" index uncertainty $COIN --runs 200 --seed 3 --rng r --vary winmax=1..5 \
    --vary normalise=minmax:1,100/zscore:10,2 --vary aggregate=amean/gmean --threads 1
is "$RC" 0 "uncertainty exits 0"
is "$(printf '%s\n' "$OUT" | head -1)" "uCode,Nominal,Mean,Median,Q5,Q95" "uncertainty header"
is "$(printf '%s\n' "$OUT" | awk -F, '$1=="AUS" || $1=="AUT" || $1=="BEL" { printf "%s=%s ", $1, $2 }')" \
    "BEL=5 AUT=7 AUS=35 " "nominal ranks as COINr's vignette"
one="$OUT"
run "$WIALL" index uncertainty $COIN --runs 200 --seed 3 --rng r --vary winmax=1..5 \
    --vary normalise=minmax:1,100/zscore:10,2 --vary aggregate=amean/gmean --threads 2
is "$OUT" "$one" "same seed, 2 threads: byte-identical"
run "$WIALL" index uncertainty $COIN --runs 200 --seed 3 --rng r --vary winmax=1..5 \
    --vary normalise=minmax:1,100/zscore:10,2 --vary aggregate=amean/gmean --threads 4
is "$OUT" "$one" "same seed, 4 threads: byte-identical"
run "$WIALL" index uncertainty $COIN --runs 200 --seed 4 --rng r --vary winmax=1..5 \
    --vary normalise=minmax:1,100/zscore:10,2 --vary aggregate=amean/gmean
ok $([ "$OUT" != "$one" ]; echo $?) "another seed, another result"

run "$WIALL" index sensitivity $COIN --normalise minmax:1,100 --runs 50 \
    --vary winmax=1..5 --vary aggregate=amean/gmean --format json
is "$RC" 0 "sensitivity exits 0"
like "$OUT" '"runs": 200' "N (d + 2) runs"
like "$OUT" '"input": "aggregate=amean/gmean"' "indices per input"

# Bad input: a status and a message, never a crash.
run "$WIALL" index build $FILES --aggregate gmean
is "$RC" 1 "gmean over min-max [0, 100] fails"
like "$ERR" "unit [A-Z]+: child [0-9]+: geometric mean of a value <= 0" "the message names unit and child"
run "$WIALL" index uncertainty $COIN --vary aggregate=amean
is "$RC" 2 "one alternative is a usage error"
like "$ERR" "at least 2 alternatives" "and says why"
run "$WIALL" index build $FILES --normalise minmax:5,1
is "$RC" 1 "inverted bounds are rejected"
run "$WIALL" index build --data "$D/ASEM_iData.csv"
is "$RC" 2 "missing --meta is a usage error"
run "$WIALL" index frobnicate
is "$RC" 2 "unknown subcommand"
run "$WIALL" index build $FILES --impute group-mean
is "$RC" 1 "group-mean without a group column"

printf 'Level,iCode,Direction,Weight,Parent,Type\n1,A,1,1,T,Indicator\n1,B,up,1,T,Indicator\n2,T,,1,,Aggregate\n' >"$TMP/meta.csv"
printf 'uCode,A,B\nX,1,2\nY,2,3\n' >"$TMP/data.csv"
run "$WIALL" index build --data "$TMP/data.csv" --meta "$TMP/meta.csv"
is "$RC" 1 "a bad direction fails"
like "$ERR" "meta.csv:3:[0-9]+: Direction 'up' of B" "with file, line and column"
printf 'Level,iCode,Direction,Weight,Parent,Type\n1,A,1,1,T,Indicator\n1,B,-1,1,T,Indicator\n2,T,,1,,Aggregate\n' >"$TMP/meta.csv"
printf 'uCode,A,B\nX,1,2\nY,two,3\n' >"$TMP/data.csv"
run "$WIALL" index build --data "$TMP/data.csv" --meta "$TMP/meta.csv"
like "$ERR" "data.csv:3:[0-9]+: 'two' is not a number" "a bad number is located"
printf 'uCode,A\nX,1\n' >"$TMP/data.csv"
run "$WIALL" index build --data "$TMP/data.csv" --meta "$TMP/meta.csv"
like "$ERR" "no column for the indicator B" "a missing indicator column is named"
printf 'uCode,A,B\nX,1,2\nY,2,1\nZ,3,3\n' >"$TMP/data.csv"
run "$WIALL" index build --data "$TMP/data.csv" --meta "$TMP/meta.csv"
is "$RC" 0 "a tiny index builds"
# A: 1,2,3 -> 0,50,100; B (direction -1): 2,1,3 -> 50,100,0; T = 25, 75, 50
is "$OUT" "uCode,T,Rank
Y,75,1
Z,50,2
X,25,3" "by hand: min-max with direction, mean, ranks"
run "$WIALL" index build --data "$TMP/data.csv" --meta "$TMP/meta.csv" --weights equal
is "$RC" 0 "--weights equal"
printf 'Level,iCode,Direction,Weight,Parent,Type\n1,A,1,3,T,Indicator\n1,B,-1,1,T,Indicator\n2,T,,1,,Aggregate\n' >"$TMP/meta.csv"
run "$WIALL" index build --data "$TMP/data.csv" --meta "$TMP/meta.csv"
# weights 3 and 1: T = (3 A + B)/4 = (0 + 50)/4, (150 + 100)/4, (300 + 0)/4
is "$OUT" "uCode,T,Rank
Z,75,1
Y,62.5,2
X,12.5,3" "by hand: iMeta's weights 3 and 1"
run "$WIALL" index build --data "$TMP/data.csv" --meta "$TMP/meta.csv" --weights equal
is "$(printf '%s\n' "$OUT" | sed -n 2p)" "Y,75,1" "--weights equal ignores them"

# AHP and budget weights from files (METHODS §4.7), by hand.
printf 'Level,iCode,Direction,Weight,Parent,Type\n1,A,1,1,T,Indicator\n1,B,-1,1,T,Indicator\n2,T,,1,,Aggregate\n' >"$TMP/meta.csv"
printf 'parent,row,column,value\nT,A,B,3\n' >"$TMP/ahp.csv"
run "$WIALL" index build --data "$TMP/data.csv" --meta "$TMP/meta.csv" --weights "ahp:$TMP/ahp.csv"
# A over B = 3: w = (3/4, 1/4), as iMeta weights 3 and 1 above
is "$OUT" "uCode,T,Rank
Z,75,1
Y,62.5,2
X,12.5,3" "AHP A:B = 3 gives weights 0.75, 0.25"
printf 'parent,row,column,value,judge\nT,A,B,4,ann\nT,B,A,1,bob\n' >"$TMP/ahp.csv"
run "$WIALL" index build --data "$TMP/data.csv" --meta "$TMP/meta.csv" --weights "ahp:$TMP/ahp.csv"
# judges 4 and 1 -> geometric mean 2 -> w = (2/3, 1/3): X (0*2 + 50)/3,
# Y (200 + 100)/3 = 100... Y = (2*50 + 100)/3, Z = (2*100 + 0)/3: Y and Z tie
is "$(printf '%s\n' "$OUT" | awk -F, 'NR>1 { printf "%s %.4f %s;", $1, $2, $3 }')" \
    "Y 66.6667 1;Z 66.6667 1;X 16.6667 3;" "two judges by geometric mean; tied ranks share 1"
printf 'parent,row,column,value\nT,A,B,3\nT,B,A,2\n' >"$TMP/ahp.csv"
run "$WIALL" index build --data "$TMP/data.csv" --meta "$TMP/meta.csv" --weights "ahp:$TMP/ahp.csv"
is "$RC" 1 "a judgement contradicting its reciprocal fails"
like "$ERR" "ahp.csv:3:[0-9]+: B over A = 2 contradicts" "located"
printf 'parent,row,column,value\nT,A,X,3\n' >"$TMP/ahp.csv"
run "$WIALL" index build --data "$TMP/data.csv" --meta "$TMP/meta.csv" --weights "ahp:$TMP/ahp.csv"
like "$ERR" "X is not a child of T" "unknown child"
printf 'participant,node,points\np1,A,80\np1,B,20\np2,A,70\np2,B,30\n' >"$TMP/budget.csv"
run "$WIALL" index build --data "$TMP/data.csv" --meta "$TMP/meta.csv" --weights "budget:$TMP/budget.csv"
is "$(printf '%s\n' "$OUT" | sed -n 2p)" "Z,75,1" "budget: mean shares (0.75, 0.25)"
printf 'participant,node,points\np1,A,80\np1,B,10\n' >"$TMP/budget.csv"
run "$WIALL" index build --data "$TMP/data.csv" --meta "$TMP/meta.csv" --weights "budget:$TMP/budget.csv"
is "$RC" 1 "a budget not summing to 100 fails"
like "$ERR" "distributed 90 points, not 100" "and says so"
done_testing
