# wiall check: passes on the demo database; databases broken on purpose
# (with sqlite3, around wiall) fail with 1 and name the problem.
. "$TOP/tests/lib/tap.sh"
DB="$TMP/demo.db"
"$WIALL" --db "$DB" demo >/dev/null

broken() {	# broken NAME SQL: a copy of the demo database, changed
	cp "$DB" "$TMP/$1.db"
	sqlite3 "$TMP/$1.db" "$2"
	run "$WIALL" --db "$TMP/$1.db" check
}

run "$WIALL" --db "$DB" check
is "$RC" 0 "check of the demo database exits 0"
like "$OUT" "check of .*demo.db: 0 errors, [0-9]+ warnings" "0 errors"
like "$OUT" "^warning: series unemployment_rate/05512000 mixes kinds of period \([0-9]+ years, [0-9]+ months\)" \
    "a warning: annual and monthly values in one series (as published)"
like "$OUT" "^warning: target 'leitziel' of 'gender_pay_gap': no data for the home region Bottrop \(05512000\)$" \
    "a warning: a target without data for the home region"
like "$OUT" "^warning: target 'leitziel' of 'employment_rate_svb_women': no data for the reference region Nordrhein-Westfalen \(05\)$" \
    "a warning: a target without data for its reference region"
unlike "$OUT" "target 'leitziel' of 'disposable_income_per_capita'" \
    "no warning where home and reference region have data"
is "$(printf '%s\n' "$OUT" | grep -cvE '^(error|warning): |^check of ')" 0 \
    "each problem on one line"
unlike "$OUT" "observations? in unit" \
    "no unit problems in the demo (its gva_total and sgb2_rate rows were corrected)"
run "$WIALL" --db "$DB" check --strict
is "$RC" 1 "--strict: warnings fail"
run "$WIALL" --db "$DB" check --errors
is "$(printf '%s\n' "$OUT" | grep -c '^warning')" 0 "--errors prints only errors"

broken sector "INSERT INTO series(indicator_id, region_id, dims)
    SELECT i.id, r.id, 'sector=ZZ' FROM indicator i, region r
    WHERE i.code = 'employment_persons' AND r.code = '05512000';
    INSERT INTO observation(series_id, period, value, batch_id)
    SELECT max(id), '2017', 1, 1 FROM series;"
is "$RC" 1 "a sector outside the classification fails with 1"
like "$OUT" "^error: series employment_persons/05512000/sector=ZZ: sector 'ZZ' is not in classification NACE_R2_REGIONAL of indicator 'employment_persons'$" \
    "and is named"

# The demo's gva_total row as published (2.1 billion EUR), and sgb2_rate rows
# with a descriptive unit, written around wiall's import.
broken units "UPDATE observation SET value = 2.1, unit = 'billion EUR'
    WHERE period = '2014' AND series_id = (SELECT s.id FROM series s
    JOIN indicator i ON i.id = s.indicator_id JOIN region g ON g.id = s.region_id
    WHERE i.code = 'gva_total' AND g.code = '05512000');
    UPDATE observation SET unit = 'percent of pop. 0 to statutory retirement age'
    WHERE period IN ('2021', '2022') AND series_id IN (SELECT s.id FROM series s
    JOIN indicator i ON i.id = s.indicator_id WHERE i.code = 'sgb2_rate');
    UPDATE observation SET unit = 'Prozent' WHERE series_id IN (SELECT s.id
    FROM series s JOIN indicator i ON i.id = s.indicator_id
    WHERE i.code = 'sgb2_rate_children_u18');"
is "$RC" 1 "a value in another scale of its indicator's unit fails with 1"
like "$OUT" "^error: indicator 'gva_total': 1 observation in unit 'billion EUR', 1000 times the indicator's 'million EUR' \(e.g. 05512000 2014\): convert the values$" \
    "and is named, with an example"
like "$OUT" "^warning: indicator 'sgb2_rate': 3 observations in unit 'percent of pop. 0 to statutory retirement age', not the indicator's 'percent' \(e.g. DE 2021\)$" \
    "another unit is a warning, with count and example"
unlike "$OUT" "sgb2_rate_children_u18" "'Prozent' is the indicator's 'percent'"

broken nogoal "DELETE FROM indicator_goal WHERE indicator_id =
    (SELECT id FROM indicator WHERE code = 'gdp')"
is "$RC" 1 "an indicator without a goal fails with 1"
like "$OUT" "^error: indicator 'gdp' \(Bruttoinlandsprodukt\) serves no goal$" "and is named"
like "$OUT" ": 1 error," "and is the only error"

broken emptygoal "INSERT INTO goal(code, parent_id, title_de, position)
    VALUES ('X9', (SELECT id FROM goal WHERE code = 'N2'), 'Ohne Indikatoren', 99)"
is "$RC" 1 "a goal without indicators or sub-goals fails with 1"
like "$OUT" "^error: goal 'X9' \(Ohne Indikatoren\) has no indicators and no sub-goals$" \
    "and is named"

broken period "UPDATE observation SET period = '2017/18' WHERE period = '2017'
    AND series_id = (SELECT min(id) FROM series)"
is "$RC" 1 "a period that is no period fails with 1"
like "$OUT" "^error: series .*: 1 observation with a period that is no period, e.g. '2017/18'$" \
    "and is named"

broken dims "UPDATE series SET dims = 'sector=A;nace=A' WHERE dims = 'sector=A'
    AND region_id = (SELECT id FROM region WHERE code = 'DEA3')"
is "$RC" 1 "dimensions out of order fail with 1"
like "$OUT" "^error: series employment_persons/DEA3/sector=A;nace=A: dimension keys are not sorted" \
    "and are named"

broken emptyseries "INSERT INTO series(indicator_id, region_id, dims)
    SELECT i.id, r.id, '' FROM indicator i, region r
    WHERE i.code = 'land_take' AND r.code = '05512000'"
is "$RC" 0 "an empty series is only a warning"
like "$OUT" "^warning: series land_take/05512000 has no observations$" "and is named"

broken fk "PRAGMA foreign_keys = OFF;
    INSERT INTO observation(series_id, period, value, batch_id) VALUES (99999, '2017', 1, 1)"
is "$RC" 1 "a broken reference fails with 1"
like "$OUT" "^error: foreign key: .* table observation refers to a missing row of series$" \
    "and is named"

printf 'this is not a database, just text that is long enough to fill a header......................................................................' >"$TMP/junk.db"
run "$WIALL" --db "$TMP/junk.db" check
is "$RC" 1 "a file that is not a database fails with 1"

run "$WIALL" --db "$DB" check extra
is "$RC" 2 "an argument is a usage error"
run "$WIALL" --db "$DB" check --bogus
is "$RC" 2 "an unknown option is a usage error"
run "$WIALL" check --help
is "$RC" 0 "check --help exits 0"
like "$OUT" "--strict" "check --help documents --strict"
done_testing
