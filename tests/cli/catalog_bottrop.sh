# The shipped catalogue data/catalog/bottrop.json: loads cleanly and says what
# BOTTROP.md says (vision, goals, targets relative to NRW, regions with their
# NUTS and AGS codes, WZ 2008 and the Eurostat NACE groups).
. "$TOP/tests/lib/tap.sh"
DB="$TMP/b.db"
q() { sqlite3 "$DB" "$1"; }

"$WIALL" --db "$DB" init >/dev/null
run "$WIALL" --db "$DB" catalog load "$TOP/data/catalog/bottrop.json"
is "$RC" 0 "the shipped catalogue loads"
is "$ERR" "" "without a single problem"

n=$(q "SELECT count(*) FROM indicator WHERE polarity IN (-1, 0, 1)")
ok "$([ "$n" -ge 25 ]; echo $?)" "at least 25 indicators with a polarity ($n)"
is "$(q "SELECT count(*) FROM indicator WHERE dimension IS NULL OR unit = '' OR source IS NULL")" 0 \
    "every indicator has a dimension, a unit and a source"
is "$(q "SELECT group_concat(d, ',') FROM (SELECT DISTINCT dimension d FROM indicator ORDER BY d)")" \
    "ecological,economic,governance,social" "all four dimensions are covered"
n=$(q "SELECT count(DISTINCT principle) FROM indicator")
ok "$([ "$n" -ge 6 ]; echo $?)" "six or more resilience principles are used ($n)"
is "$(q "SELECT count(*) FROM indicator i WHERE NOT EXISTS (SELECT 1 FROM indicator_goal g WHERE g.indicator_id = i.id)")" 0 \
    "every indicator serves a goal"

is "$(q "SELECT title_de || '|' || adopted FROM vision")" \
    "Gemeinsam. Innovativ. Nachhaltig.|2017-11-29" "the vision and the day it was signed"
is "$(q "SELECT group_concat(code, ',') FROM (SELECT code FROM goal WHERE parent_id IS NULL ORDER BY position)")" \
    "GEMEINSAM,INNOVATIV,NACHHALTIG" "the guiding goals group under the vision's three words"
run "$WIALL" --db "$DB" catalog export
like "$(printf '%s' "$OUT" | tr -d '\n ')" '"code":"G2.1","parent":"G2","level":3' \
    "goals go three levels deep"

# Targets as Bottrop's goals state them.
t() { q "SELECT t.kind || '|' || ifnull(t.value, '') || '|' || ifnull(t.year, '') || '|' || ifnull(r.code, '') || '|' || t.valid_from FROM target t JOIN indicator i ON i.id = t.indicator_id LEFT JOIN region r ON r.id = t.reference_region_id WHERE i.code = '$1' AND t.valid_to IS NULL"; }
is "$(t employment_rate_svb_women)" "reference||2025|05|2017-11-29" "women's employment rate: above NRW by 2025"
is "$(t employment_rate_svb_55_64)" "reference||2025|05|2017-11-29" "employment rate 55-64: above NRW by 2025"
is "$(t disposable_income_per_capita)" "reference||2025|05|2017-11-29" "disposable income: NRW level by 2025"
is "$(t women_leadership_share)" "value|50.0|2025||2017-11-29" "women in leadership: towards 50 % by 2025"
is "$(t gender_pay_gap)" "value|0.0|2025||2017-11-29" "gender pay gap: towards 0 by 2025"

# Regions, with the codes Eurostat, IT.NRW and the REAT files use.
alias_of() { q "SELECT r.code FROM region_alias a JOIN region r ON r.id = a.region_id WHERE a.alias = '$1'"; }
is "$(alias_of DEA31)" 05512000 "DEA31 is Bottrop"
is "$(alias_of 05512)" 05512000 "05512 is Bottrop"
is "$(alias_of DEA)" 05 "DEA is NRW"
is "$(alias_of 055)" DEA3 "055 is Regierungsbezirk Münster"
for nuts in DEA32 DEA33 DEA34 DEA35 DEA36 DEA37 DEA38; do
	is "$(q "SELECT p.code FROM region_alias a JOIN region r ON r.id = a.region_id JOIN region p ON p.id = r.parent_id WHERE a.alias = '$nuts'")" \
	    DEA3 "$nuts lies in DEA3"
done
is "$(q "SELECT count(*) FROM region WHERE code IN ('DE', '05', 'DEA3', 'RVR', '05512000')")" 5 \
    "Germany, NRW, Münster, the Ruhr and Bottrop are there"

# Sector classifications.
sectors() { q "SELECT count(*) FROM sector s JOIN classification c ON c.id = s.classification_id WHERE c.code = '$1' AND s.level = $2"; }
is "$(sectors WZ2008 1)" 21 "WZ 2008: 21 sections"
is "$(sectors WZ2008 2)" 88 "WZ 2008: 88 divisions"
is "$(q "SELECT p.code FROM sector s JOIN sector p ON p.id = s.parent_id JOIN classification c ON c.id = s.classification_id WHERE c.code = 'WZ2008' AND s.code = '19'")" \
    C "division 19 (coke, Bottrop's coking plant) lies in section C"
is "$(q "SELECT p.code FROM sector s JOIN sector p ON p.id = s.parent_id JOIN classification c ON c.id = s.classification_id WHERE c.code = 'NACE_R2_REGIONAL' AND s.code = 'C'")" \
    B_E "NACE groups: C is part of B_E"
is "$(q "SELECT group_concat(s.code, ',') FROM (SELECT s.code FROM sector s JOIN sector p ON p.id = s.parent_id WHERE p.code = 'TOTAL' ORDER BY s.position) s")" \
    "A,B_E,F,G_J,K_N,O_U" "NACE groups: the six exhaustive groups lie under TOTAL"
is "$(q "SELECT c.code FROM indicator i JOIN classification c ON c.id = i.classification_id WHERE i.code = 'employment_persons'")" \
    NACE_R2_REGIONAL "employment_persons is broken down by the NACE groups"

is "$(q "SELECT group_concat(code || ':' || peak || '-' || trough || '-' || recovery_end, ' ') FROM (SELECT * FROM shock ORDER BY peak)")" \
    "financial-crisis-2008:2008-2009-2011 coal-exit-2018:2017-2019-2023 covid-19-2020:2019-2020-2022" \
    "three shocks with annual periods"

# The indicator codes of the real Bottrop data file that the demo imports.
missing=""
while read -r code; do
	[ "$(q "SELECT count(*) FROM indicator WHERE code = '$code'")" = 1 ] || missing="$missing $code"
done <"$TOP/tests/data/catalog/bottrop_observation_codes.txt"
is "$missing" "" "every code of the Bottrop data the catalogue covers is defined"
for code in employment_persons gdp population gdp_per_capita sector_diversity_entropy; do
	is "$(q "SELECT count(*) FROM indicator WHERE code = '$code'")" 1 "$code is defined"
done
done_testing
