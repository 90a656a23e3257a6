# wiall assess over the database: the shipped catalogue (data/catalog/bottrop.json)
# with real published Bottrop and NRW figures (tests/data/assess/
# bottrop_observations.csv), and the test catalogue with one indicator per case.
# Expected values are worked out by hand in the comments.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/checks.sh"
JSON_GET="$TOP/$BUILD/tests/helpers/json_get"
DATA="$TOP/tests/data/assess"
DB="$TMP/bottrop.db"

"$WIALL" --db "$DB" init >/dev/null
"$WIALL" --db "$DB" catalog load "$TOP/data/catalog/bottrop.json" >/dev/null
run "$WIALL" --db "$DB" import "$DATA/bottrop_observations.csv"
is "$RC" 0 "the real Bottrop rows import"

# ---- unemployment rate, Bottrop ----------------------------------------------
# Annual averages 2019 7.0, 2021 8.0, 2022 7.3, 2023 7.7, 2024 8.1; 2020 and
# 2025 have only some months, and 2004, 2014, 2018 a single month: five years
# left out. No target, polarity −1: rule D. Δ̄ = (8.1 − 7.0)/5 = 0.22 (up, the
# wrong way), δ = 8.1 − 7.7 = +0.4 → thunderstorm. Latest figure: March 2025,
# 8.2 %.
run "$WIALL" --db "$DB" assess unemployment_rate
is "$RC" 0 "the home region by default"
like "$OUT" '^Region 05512000 \(Bottrop\) · Methode: Wettersymbole der Deutschen Nachhaltigkeitsstrategie \(dns-weather/1\)' \
    "the home region is Bottrop, the catalogue's first district-free city"
like "$OUT" 'unemployment_rate +Gewitter +8,2 % \(2025-03\) +↑ +Der Wert steigt im Mittel um 0,2 Prozentpunkte pro Jahr, entgegen der gewünschten Richtung' \
    "table: thunderstorm, the latest month, the arrow and why"
run "$WIALL" --db "$DB" assess unemployment_rate --format json
printf '%s' "$OUT" >"$TMP/u.json"
is "$("$JSON_GET" "$TMP/u.json" source region results.0.verdict results.0.assessment.rule)" \
    "database
05512000
thunderstorm
dns_direction" "JSON: source, region, verdict, rule D"
near_abs "$("$JSON_GET" "$TMP/u.json" results.0.assessment.intermediate.mean_change)" \
    0.22 1e-12 "JSON: Δ̄ = 0.22"
near_abs "$("$JSON_GET" "$TMP/u.json" results.0.assessment.intermediate.last_change)" \
    0.4 1e-12 "JSON: δ = 0.4"
is "$("$JSON_GET" "$TMP/u.json" results.0.annual_values results.0.incomplete_years results.0.latest.period results.0.latest.value)" \
    "array 5
5
2025-03
8.2" "JSON: five annual values, five incomplete years, the latest month"
is "$("$JSON_GET" "$TMP/u.json" results.0.targets.0.implied results.0.targets.0.kind results.0.targets.0.code)" \
    "true
direction
null" "JSON: no target in the catalogue: the polarity's direction"
is "$("$JSON_GET" "$TMP/u.json" results.0.trend.direction results.0.trend.better)" \
    "up
-1" "JSON: the arrow points up, the wrong way"
like "$("$JSON_GET" "$TMP/u.json" results.0.reason_en)" \
    '^The value rises by 0.2 percentage points a year on average, against the desired direction' \
    "JSON: the English reason"

# Eurostat, short term: t0 = 2019; CAGR = (8.1/7.0)^(1/5) − 1 = 2.96 %;
# g = −2.96 % < −1 % → significant movement away.
run "$WIALL" --db "$DB" assess unemployment_rate --method eurostat --format json
printf '%s' "$OUT" >"$TMP/ue.json"
near_abs "$("$JSON_GET" "$TMP/ue.json" results.0.assessment.intermediate.rate_actual)" \
    "$(awk 'BEGIN { printf "%.17g", (8.1 / 7.0)^(1 / 5) - 1 }')" 1e-9 "Eurostat: CAGR 2019–2024"
is "$("$JSON_GET" "$TMP/ue.json" results.0.verdict)" significant_movement_away \
    "Eurostat: significant movement away"
# Open SDG: no value in 2015, so the base is 2019; p = −2.96 % → score
# max(125p − 2.5, −5) = −5, deterioration.
run "$WIALL" --db "$DB" assess unemployment_rate --method opensdg --format json
printf '%s' "$OUT" >"$TMP/uo.json"
is "$("$JSON_GET" "$TMP/uo.json" results.0.verdict results.0.assessment.intermediate.score results.0.assessment.observations.start_year)" \
    "deterioration
-5
2019" "Open SDG: deterioration, score −5, base year 2019"

# ---- disposable income: the catalogue's target "at the NRW level by 2025" ------
# Common years of Bottrop and NRW: 2011, 2018, 2019, 2020; gaps d·(x − ref) =
# 18417 − 20056 = −1639, −2044, −2036, 21500 − 23200 = −1700. Not met; Δ̄ of
# the gaps = (−1700 + 1639)/9 = −6.78 a year → thunderstorm (METHODS §2.5).
run "$WIALL" --db "$DB" assess disposable_income_per_capita --format json
printf '%s' "$OUT" >"$TMP/d.json"
is "$("$JSON_GET" "$TMP/d.json" results.0.verdict results.0.assessment.rule results.0.targets.0.code results.0.targets.0.reference_region)" \
    "thunderstorm
dns_reference
leitziel
05" "reference target: thunderstorm by §2.5 against NRW"
near_abs "$("$JSON_GET" "$TMP/d.json" results.0.assessment.intermediate.gap)" -1700 1e-9 \
    "gap 2020 = −1700"
near_abs "$("$JSON_GET" "$TMP/d.json" results.0.assessment.intermediate.mean_change)" \
    "$(awk 'BEGIN { printf "%.17g", -61 / 9 }')" 1e-9 "Δ̄ of the gaps = −61/9"
is "$("$JSON_GET" "$TMP/d.json" results.0.assessment.observations.reference_value results.0.targets.0.reference_values)" \
    "23200
array 5" "the reference value and NRW's five annual values"
run "$WIALL" --db "$DB" assess disposable_income_per_capita --lang en
like "$OUT" 'thunderstorm +21,500 EUR per inhabitant \(2020\)' "English table: unit in words"
like "$OUT" "below the reference region's value of 23,200" "English reason"
# In NRW itself the target does not count: NRW 2011–2020 rises by
# (23200 − 20056)/9 = 349.3 a year, last change +107 → sun (rule D).
run "$WIALL" --db "$DB" assess disposable_income_per_capita --region DEA --format csv
like "$(echo "$OUT" | sed -n 2p)" '^disposable_income_per_capita,05,dns,assessed,none,sun,0,dns_direction,1,,direction,2020,23200,' \
    "the reference region (by its alias) is assessed without its own target"

# ---- every indicator ----------------------------------------------------------
n=$(sqlite3 "$DB" 'SELECT count(*) FROM indicator')
run "$WIALL" --db "$DB" assess --format csv
is "$RC" 0 "every indicator of the catalogue"
is "$(echo "$OUT" | wc -l)" $((n + 1)) "one CSV row per indicator ($n)"
is "$(echo "$OUT" | grep -c ',not_assessable,empty_series,')" $((n - 2)) \
    "no data is a status, not an error"
like "$OUT" $'\n''svb_workplace_parttime,05512000,dns,not_assessable,empty_series' \
    "polarity 0 without data: no values"
run "$WIALL" --db "$DB" assess --format json
printf '%s' "$OUT" >"$TMP/all.json"
is "$("$JSON_GET" "$TMP/all.json" results)" "array $n" "the JSON holds every indicator"
run "$WIALL" --db "$DB" assess --lang en
like "$OUT" '^Region 05512000 \(Bottrop\) · method:' "English table heading"
is "$(echo "$OUT" | wc -l)" $((n + 3)) "heading, blank line, header and one line each"

sqlite3 "$DB" "INSERT INTO meta(key, value) VALUES ('home_region', 'DEA')"
run "$WIALL" --db "$DB" assess unemployment_rate --format csv
like "$(echo "$OUT" | sed -n 2p)" '^unemployment_rate,05,dns,not_assessable,too_few_points,' \
    "meta home_region: NRW, whose two annual values are too few"
sqlite3 "$DB" "DELETE FROM meta WHERE key = 'home_region'"

# ---- the test catalogue: several targets in the table -------------------------
T="$TMP/cases.db"
"$WIALL" --db "$T" init >/dev/null
"$WIALL" --db "$T" catalog load "$DATA/catalog.json" >/dev/null
"$WIALL" --db "$T" import "$DATA/observations.csv" >/dev/null
run "$WIALL" --db "$T" assess several
like "$OUT" 'several +Wolke +50 Personen \(2024\)' \
    "several targets: the worst (cloud) decides (unit translated by po/de.po)"
like "$OUT" $'\n''    Ziel a \(value\): Wolke – ' "each target has its line: a"
like "$OUT" $'\n''    Ziel b \(every_year\): Sonne – ' "each target has its line: b"
run "$WIALL" --db "$T" assess breaks --format json
printf '%s' "$OUT" >"$TMP/b.json"
is "$("$JSON_GET" "$TMP/b.json" results.0.assessment.after_break results.0.assessment.break_period results.0.annual_values.4.flags)" \
    "true
2019
b" "a flag b in the database cuts the series"

# ---- errors -------------------------------------------------------------------
run "$WIALL" --db "$DB" assess nope
is "$RC" 1 "an unknown indicator exits 1"
like "$ERR" "unknown indicator 'nope'" "and names it"
is "$OUT" "" "and writes nothing to standard output"
run "$WIALL" --db "$DB" assess unemployment_rate --region XX
is "$RC" 1 "an unknown region exits 1"
like "$ERR" "unknown region 'XX'" "and names it"
run "$WIALL" --db "$TMP/none.db" assess
is "$RC" 1 "a missing database exits 1"
"$WIALL" --db "$TMP/blank.db" init >/dev/null
run "$WIALL" --db "$TMP/blank.db" assess
is "$RC" 1 "an empty catalogue exits 1"
like "$ERR" 'catalog load' "and says how to load one"
run "$WIALL" --db "$DB" assess --method nope
is "$RC" 2 "a bad option exits 2"
run "$WIALL" --db "$DB" assess unemployment_rate --target 5
is "$RC" 2 "target options belong to --input"
done_testing
