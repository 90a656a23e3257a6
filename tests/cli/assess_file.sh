# wiall assess --input: one series from a long CSV, no database. Reproduces
# METHODS §2.4's worked cases (Open SDG's own tests) and the official DNS weather
# symbols of tests/data/trend (68 real cases, breaks as flags), and checks that
# bad options exit 2 and bad files exit 1 with their location.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/checks.sh"
JSON_GET="$TOP/$BUILD/tests/helpers/json_get"
TREND="$TOP/tests/data/trend"

# ---- METHODS §2.4, Open SDG's two test series --------------------------------
printf 'period,value\n2015,10\n2016,30\n' >"$TMP/osdg1.csv"
run "$WIALL" assess --input "$TMP/osdg1.csv" --polarity -1 --target 1 \
    --target-year 2030 --limit 1 --method opensdg --format json
is "$RC" 0 "Open SDG case 1 runs"
printf '%s' "$OUT" >"$TMP/osdg1.json"
# p = s·d·CAGR(30, 10, 2016, 2015)/|CAGR(1, 10, 2030, 2015)| = −2/|0.1^(1/15) − 1|
near_abs "$("$JSON_GET" "$TMP/osdg1.json" results.0.assessment.intermediate.progress)" \
    -14.0544 0.00005 "case 1: p ≈ −14.0544 (METHODS §2.4)"
is "$("$JSON_GET" "$TMP/osdg1.json" results.0.assessment.intermediate.score)" -5 \
    "case 1: score −5"
is "$("$JSON_GET" "$TMP/osdg1.json" results.0.verdict)" deterioration \
    "case 1: deterioration"
is "$("$JSON_GET" "$TMP/osdg1.json" results.0.assessment.rule)" opensdg_target \
    "case 1: with a target, the limit does not scale the thresholds"
is "$("$JSON_GET" "$TMP/osdg1.json" results.0.assessment.version)" \
    opensdg-progress/2.4 "the record names the method's version"

printf 'period,value\n2015,5\n2016,6\n' >"$TMP/osdg2.csv"
run "$WIALL" assess --input "$TMP/osdg2.csv" --polarity 1 --target 9 \
    --target-year 2030 --method opensdg --format json
printf '%s' "$OUT" >"$TMP/osdg2.json"
near_abs "$("$JSON_GET" "$TMP/osdg2.json" results.0.assessment.intermediate.progress)" \
    5.00455 0.000005 "case 2: p ≈ 5.00455 (METHODS §2.4)"
is "$("$JSON_GET" "$TMP/osdg2.json" results.0.assessment.intermediate.score)" 5 \
    "case 2: score 5"
is "$("$JSON_GET" "$TMP/osdg2.json" results.0.verdict)" substantial_progress \
    "case 2: on track (substantial progress)"
is "$("$JSON_GET" "$TMP/osdg2.json" results.0.assessment.thresholds.threshold_high)" \
    0.95 "case 2: the with-target thresholds"
like "$("$JSON_GET" "$TMP/osdg2.json" results.0.reason_de)" \
    '^Der Wert wächst seit 2015 um durchschnittlich 20,0 % pro Jahr' \
    "case 2: the German sentence"
like "$("$JSON_GET" "$TMP/osdg2.json" results.0.reason_en)" \
    'substantial progress \(score 5 on a scale' "case 2: the English sentence"

# ---- the DNS cases with their official weather symbols ------------------------
# Each case's series as the official assessment used it, a break (flag b) where
# the official text starts after one (assess_from), the target by its type.
checked=0 agreed=0
while IFS=';' read -r case label verdict url evidence; do
	[ "$case" = case ] && continue
	row=$(awk -F';' -v c="$case" '$1 == c' "$TREND/dns_cases.csv")
	IFS=';' read -r _ _ _ _ target year type direction series from <<<"$row"
	awk -v s="$series" -v from="$from" 'BEGIN { print "period,value,flag";
	    n = split(s, p, "|"); for (i = 1; i <= n; i++) { split(p[i], kv, ":");
	    print kv[1] "," kv[2] "," (kv[1] == from ? "b" : "") } }' >"$TMP/case.csv"
	polarity=1; [ "$direction" = decrease ] && polarity=-1
	case $type in
	year_target) opts=(--target "$target" --target-year "$year") ;;
	annual) opts=(--target-kind every_year --target "$target") ;;
	direction) opts=(--target-kind direction) ;;
	esac
	got=$("$WIALL" assess --input "$TMP/case.csv" --polarity $polarity \
	    "${opts[@]}" --format csv | sed -n 2p | cut -d, -f6)
	checked=$((checked + 1))
	if [ "$got" = "$verdict" ]; then
		agreed=$((agreed + 1))
	else
		echo "# $case: official $verdict ($label), wiall $got"
	fi
done <"$TREND/dns_official.csv"
is "$checked" 68 "68 DNS cases have an official symbol"
is "$agreed" 68 "wiall assess gives the official weather symbol in all 68"

# One case in full: 7.2.a@2024, renewables' share 41 % by 2030, official
# symbol Wolke. Δ̄ over 2019–2024 = (22.4 − 17.3)/5 = 1.02; x̂ = 22.4 + 6·1.02
# = 28.52; r = (41 − 28.52)/(41 − 22.4) = 0.670967…
row=$(awk -F';' '$1 == "7.2.a@2024"' "$TREND/dns_cases.csv")
awk -F';' '{ print "period,value,unit"; n = split($9, p, "|");
    for (i = 1; i <= n; i++) { split(p[i], kv, ":"); print kv[1] "," kv[2] ",percent" } }' \
    <<<"$row" >"$TMP/renewables.csv"
run "$WIALL" assess --input "$TMP/renewables.csv" --polarity 1 --target 41 \
    --target-year 2030 --decimals 1
is "$RC" 0 "the table runs"
like "$OUT" 'Wolke +22,4 % \(2024\) +↑' "table: symbol, latest value with unit, arrow"
like "$OUT" 'bis 2030 deutlich verfehlt \(Abweichung 67 %' "table: the reason in German"
run "$WIALL" assess --input "$TMP/renewables.csv" --polarity 1 --target 41 \
    --target-year 2030 --format json
printf '%s' "$OUT" >"$TMP/renewables.json"
near_abs "$("$JSON_GET" "$TMP/renewables.json" results.0.assessment.intermediate.projected_value)" \
    28.52 1e-9 "projected value 28.52"
near_abs "$("$JSON_GET" "$TMP/renewables.json" results.0.assessment.intermediate.miss_ratio)" \
    0.67096774193548 1e-12 "miss ratio 12.48/18.6"
is "$("$JSON_GET" "$TMP/renewables.json" results.0.assessment.points)" "array 6" \
    "the six values used"
is "$("$JSON_GET" "$TMP/renewables.json" results.0.assessment.points.0.period)" 2019 \
    "the first value used is 2019's"
is "$("$JSON_GET" "$TMP/renewables.json" results.0.unit)" percent "the file's unit"
run "$WIALL" assess --input "$TMP/renewables.csv" --polarity 1 --target 41 \
    --target-year 2030 --lang en
like "$OUT" 'cloud +22.4% \(2024\)' "--lang en: English label and number"
like "$OUT" 'will be clearly missed' "--lang en: English reason"
run "$WIALL" assess --input "$TMP/renewables.csv" --polarity 1 --target 41 \
    --target-year 2030 --format csv
is "$(echo "$OUT" | head -1)" "indicator,region,method,status,reason,verdict,verdict_level,rule,target_count,deciding_target,target_kind,latest_period,latest_value,latest_flags,trend,change_per_year,start_year,last_year,last_value,target_value,target_year,reference_value,gap,mean_change,projected_value,miss_ratio,rate_actual,rate_required,rate_ratio,progress,score,break_period,reason_de,reason_en" \
    "CSV: the stable header"
like "$(echo "$OUT" | sed -n 2p)" '^series,,dns,assessed,none,cloud,2,dns_projection,1,target,value,2024,22\.4,,up,' \
    "CSV: one row with the verdict and the numbers"
# start_year … miss_ratio: 2019, 2024, 22.4, target 41 by 2030, no reference,
# Δ̄ = 1.02, x̂ = 28.52, r = 0.670967…
like "$(echo "$OUT" | sed -n 2p)" ',2019,2024,22\.4,41,2030,,,1\.0(2|19999+[0-9]*),28\.5(2|19999+[0-9]*),0\.670967[0-9]*,,,,,,,"Der Wert' \
    "CSV: the record's numbers in their columns"

# Eurostat on the same file, short term: CAGR_a = (22.4/17.3)^(1/5) − 1,
# CAGR_r = (41/17.3)^(1/11) − 1, R = 0.6530 → moderate progress.
run "$WIALL" assess --input "$TMP/renewables.csv" --polarity 1 --target 41 \
    --target-year 2030 --method eurostat --format json
printf '%s' "$OUT" >"$TMP/eurostat.json"
near_abs "$("$JSON_GET" "$TMP/eurostat.json" results.0.assessment.intermediate.rate_ratio)" \
    "$(awk 'BEGIN { printf "%.17g", ((22.4/17.3)^(1/5) - 1) / ((41/17.3)^(1/11) - 1) }')" 1e-6 \
    "Eurostat: R = CAGR_a/CAGR_r"
is "$("$JSON_GET" "$TMP/eurostat.json" results.0.verdict)" moderate_progress \
    "Eurostat: moderate progress"

# A reference series: at least the reference region (METHODS §2.5).
printf 'region,period,value\nA,2019,50\nA,2020,51\nA,2021,52\nA,2022,53\n' >"$TMP/own.csv"
printf 'region,period,value\nB,2019,52\nB,2020,52\nB,2021,52\nB,2022,52\n' >"$TMP/ref.csv"
run "$WIALL" assess --input "$TMP/own.csv" --polarity 1 \
    --reference-input "$TMP/ref.csv" --format json
printf '%s' "$OUT" >"$TMP/ref.json"
is "$("$JSON_GET" "$TMP/ref.json" results.0.assessment.rule)" dns_reference \
    "reference: rule §2.5"
# gaps −2, −1, 0, 1: g = 1 ≥ 0 met, Δ̄ = 1 → sun
is "$("$JSON_GET" "$TMP/ref.json" results.0.verdict)" sun "reference: sun"
is "$("$JSON_GET" "$TMP/ref.json" results.0.targets.0.reference_region)" B \
    "reference: the reference file's region"
is "$("$JSON_GET" "$TMP/ref.json" results.0.region)" A "the file's region"

# Monthly values and a missing one: 2020 complete (mean 5), 2021 June missing.
{ echo "period,value,flag"; for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
	echo "2020-$m,5,"; done; for m in 01 02 03 04 05; do echo "2021-$m,6,"; done
  echo "2021-06,,m"; } >"$TMP/monthly.csv"
run "$WIALL" assess --input "$TMP/monthly.csv" --polarity -1 --format json
printf '%s' "$OUT" >"$TMP/monthly.json"
is "$("$JSON_GET" "$TMP/monthly.json" results.0.annual_values)" "array 1" \
    "monthly: one complete year"
is "$("$JSON_GET" "$TMP/monthly.json" results.0.incomplete_years)" 1 \
    "monthly: one incomplete year, left out"
is "$("$JSON_GET" "$TMP/monthly.json" results.0.latest.period)" 2021-05 \
    "monthly: the latest value is May 2021 (June is missing)"
is "$("$JSON_GET" "$TMP/monthly.json" results.0.reason)" too_few_points \
    "monthly: one year is too few"

# Polarity 0 without a target: a status, not an error.
run "$WIALL" assess --input "$TMP/own.csv" --polarity 0
is "$RC" 0 "polarity 0 without a target exits 0"
like "$OUT" 'nicht festgelegt, ob höhere oder niedrigere Werte besser sind' \
    "and says why there is no verdict"

# ---- usage errors: exit 2 -----------------------------------------------------
usage() {	# usage NAME ARGS...
	local name=$1; shift
	run "$WIALL" assess "$@"
	is "$RC" 2 "usage: $name"
}
usage "unknown option" --nope
usage "bad --method" --input "$TMP/own.csv" --polarity 1 --method weather
usage "bad --format" --input "$TMP/own.csv" --polarity 1 --format xml
usage "bad --lang" --input "$TMP/own.csv" --polarity 1 --lang fr
usage "--polarity 2" --input "$TMP/own.csv" --polarity 2
usage "--input without --polarity" --input "$TMP/own.csv"
usage "--target without --target-year" --input "$TMP/own.csv" --polarity 1 --target 5
usage "every_year with a year" --input "$TMP/own.csv" --polarity 1 \
    --target-kind every_year --target 5 --target-year 2030
usage "interval upside down" --input "$TMP/own.csv" --polarity 1 \
    --target-low 5 --target-high 3
usage "--target 4,5" --input "$TMP/own.csv" --polarity 1 --target 4,5 --target-year 2030
usage "--target-year 20" --input "$TMP/own.csv" --polarity 1 --target 4 --target-year 20
usage "direction with polarity 0" --input "$TMP/own.csv" --polarity 0 --target-kind direction
usage "reference without a file" --input "$TMP/own.csv" --polarity 1 --target-kind reference
usage "--polarity without --input" --polarity 1
usage "codes with --input" unemployment_rate --input "$TMP/own.csv" --polarity 1
like "$ERR" 'usage: wiall \[--db PATH\] assess' "a usage error shows the usage"

run "$WIALL" assess --help
is "$RC" 0 "--help exits 0"
for opt in --region --method --format --lang --term --base-year --limit --input \
    --polarity --annual --target --target-year --target-low --target-high \
    --target-kind --reference-input --unit --decimals; do
	like "$OUT" "  $opt " "--help documents $opt"
done
like "$OUT" 'docs/assess.md' "--help points at the JSON documentation"

# ---- bad input: exit 1 with its location --------------------------------------
run "$WIALL" assess --input "$TMP/nonexistent.csv" --polarity 1
is "$RC" 1 "a missing file exits 1"
like "$ERR" 'nonexistent.csv' "and names the file"
: >"$TMP/empty.csv"
run "$WIALL" assess --input "$TMP/empty.csv" --polarity 1
is "$RC" 1 "an empty file exits 1"
like "$ERR" 'empty.csv' "and names the file"
printf 'period,value\n' >"$TMP/header.csv"
run "$WIALL" assess --input "$TMP/header.csv" --polarity 1
is "$RC" 1 "a header without rows exits 1"
like "$ERR" 'header.csv:2:1: no data rows' "and says so"
printf 'period,value\n2019,1\n2019/20,2\n' >"$TMP/badperiod.csv"
run "$WIALL" assess --input "$TMP/badperiod.csv" --polarity 1
is "$RC" 1 "a bad period exits 1"
like "$ERR" 'badperiod.csv:3:1: ' "with file:line:column"
printf 'period,value\n2019,1\n2020,2\n2019,3\n' >"$TMP/twice.csv"
run "$WIALL" assess --input "$TMP/twice.csv" --polarity 1
is "$RC" 1 "a period twice exits 1"
like "$ERR" 'twice.csv:4:1: period 2019 comes twice \(first on line 2\)' \
    "with both lines"
printf 'indicator,region,period,value\nx,A,2019,1\ny,A,2020,2\n' >"$TMP/two.csv"
run "$WIALL" assess --input "$TMP/two.csv" --polarity 1
is "$RC" 1 "two series exit 1"
like "$ERR" 'two.csv:3:1: a second series \(y in A\)' "and say where the second begins"
printf 'period,sector,value\n2019,C,1\n' >"$TMP/dims.csv"
run "$WIALL" assess --input "$TMP/dims.csv" --polarity 1
is "$RC" 1 "a breakdown exits 1"
run "$WIALL" assess --input "$TMP/own.csv" --polarity 1 \
    --reference-input "$TMP/empty.csv"
is "$RC" 1 "an empty reference file exits 1"
done_testing
