# A row's unit against its indicator's (docs/formats.md, "Units"): another
# scale of the same unit is refused at the unit's cell, all or nothing; any
# other unit is a warning and the row is imported; no unit is the
# indicator's. The test catalogue has gva_total in 'million EUR',
# population in 'persons', employment_thousand in 'thousand persons' and
# sgb2_rate in 'percent'.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/io_fixture.sh"
DB="$TMP/a.db"
new_db "$DB"
"$WIALL" --db "$DB" import "${GOETTINGEN_OPTS[@]}" "$DATA/Goettingen.csv" >/dev/null
cd "$TMP"

# The demo's row as it was published: 2.1 billion EUR among million EUR.
# Column 29 is where 'billion EUR' starts (gva_total;05512000;2014;2.1;).
{
	echo 'indicator;region;period;value;unit;note'
	echo 'gva_total;05512000;2013;2049;million EUR;'
	echo 'gva_total;05512000;2014;2.1;billion EUR;IAT 2017, rounded'
} >gva_billion.csv
bad "long CSV: billion EUR for million EUR" gva_billion.csv \
    "3:29: unit 'billion EUR' is 1000 times the indicator's 'million EUR': convert the value or the unit"
printf 'indicator,region,period,value,unit\ngva_total,05512000,2014,2100000,Tsd. EUR\n' >gva_tsd.csv
bad "long CSV: German Tsd. EUR for million EUR" gva_tsd.csv \
    "2:33: unit 'Tsd. EUR' is 1/1000 of the indicator's 'million EUR'"
printf 'indicator,region,period,value,unit\npopulation,05512000,2017,117.1,Tausend Personen\n' >pop_tausend.csv
bad "long CSV: Tausend Personen for persons" pop_tausend.csv \
    "2:32: unit 'Tausend Personen' is 1000 times the indicator's 'persons'"
printf 'indicator,region,period,value,unit\nemployment_thousand,05512000,2017,48230,persons\n' >emp_persons.csv
bad "long CSV: persons for thousand persons" emp_persons.csv \
    "2:41: unit 'persons' is 1/1000 of the indicator's 'thousand persons'"

# Wide CSV, the unit an option: said once, at the first value.
printf 'region,2013,2014\n05512000,2.0,2.1\nDE,2600,2700\n' >gva_wide.csv
bad "wide CSV: --unit 'Mrd. EUR'" gva_wide.csv \
    "2:10: unit 'Mrd. EUR' \(given for every row\) is 1000 times the indicator's 'million EUR'" \
    --indicator gva_total --region-column region --value-columns '{period}' \
    --unit 'Mrd. EUR'
is "$(echo "$ERR" | grep -c 'times the indicator')" 1 "wide CSV: one problem, not one per value"

# A scale error in a file of good rows stops the others too, and --dry-run
# reports it the same way.
printf 'indicator,region,period,value\npopulation,05512000,2031,117000\n' >good.csv
before=$(state)
run "$WIALL" --db "$DB" import --dry-run good.csv gva_billion.csv
is "$RC" 1 "--dry-run: the scale error fails"
like "$ERR" "^gva_billion.csv:3:29: unit 'billion EUR' is 1000 times" "--dry-run: located"
is "$(state)" "$before" "--dry-run: database unchanged"

# Units that are the indicator's once normalised: no word about them.
{
	echo 'indicator;region;period;value;unit'
	echo 'gva_total;05512000;2012;2003; Million  eur'
	echo 'gva_total;05512000;2011;1990;Mio. EUR'
	echo 'sgb2_rate;05512000;2021;17.1;%'
	echo 'sgb2_rate;05512000;2020;17.5;Prozent'
	echo 'sgb2_rate;05512000;2019;17.9;'
} >same.csv
run "$WIALL" --db "$DB" import same.csv
is "$RC" 0 "spellings of the indicator's unit import"
is "$ERR" "" "and give no warning"
like "$OUT" "5 observations: 5 new" "all five rows"

# Another unit: a warning each (three per indicator and file, then a count),
# exit 0, the rows imported with their unit.
U='percent of pop. 0 to statutory retirement age'
{
	echo 'indicator;region;period;value;unit'
	for y in 2013 2014 2015 2016 2017; do echo "sgb2_rate;RVR;$y;15.$((y - 2010));$U"; done
	echo 'gva_total;05512000;2010;1949;EUR per inhabitant'
} >other.csv
run "$WIALL" --db "$DB" import --dry-run other.csv
is "$RC" 0 "--dry-run with a warning: exit code 0"
like "$ERR" "^other.csv:2:25: warning: unit '$U' is not the indicator's unit 'percent'" \
    "--dry-run reports the warning"
like "$OUT" "dry run: 6 new" "and counts the rows"
before=$(state)
run "$WIALL" --db "$DB" import other.csv
is "$RC" 0 "another unit: exit code 0"
like "$ERR" "^other.csv:2:25: warning: unit '$U' is not the indicator's unit 'percent'" "warning at the unit's cell"
like "$ERR" $'\n'"other.csv:4:25: warning: unit '$U'" "the third"
is "$(echo "$ERR" | grep -c "^other.csv:[0-9]*:25: warning")" 3 "three shown for sgb2_rate"
like "$ERR" $'\n'"other.csv: warning: 2 more rows of indicator 'sgb2_rate' with a unit other than 'percent'" \
    "then the count of the others"
like "$ERR" "other.csv:7:30: warning: unit 'EUR per inhabitant' is not the indicator's unit 'million EUR'" \
    "another indicator, its own warning"
like "$OUT" "6 observations: 6 new" "the rows are imported"
[ "$(state)" != "$before" ]; ok $? "the database changed"
run "$WIALL" --db "$DB" export --indicator sgb2_rate --region RVR --from 2013 --to 2013
like "$OUT" "sgb2_rate,RVR,2013,15.3,,$U," "stored with the unit it came with"

# wiall check then names what is stored in another unit.
run "$WIALL" --db "$DB" check
like "$OUT" "^warning: indicator 'sgb2_rate': 5 observations in unit '$U', not the indicator's 'percent' \(e.g. RVR 2013\)$" \
    "check: one warning for the indicator, with count and example"
like "$OUT" "^warning: indicator 'gva_total': 1 observation in unit 'EUR per inhabitant', not the indicator's 'million EUR' \(e.g. 05512000 2010\)$" \
    "check: and one for gva_total"
unlike "$OUT" "unit 'Mio. EUR'|unit '%'|unit 'Prozent'" "check: spellings of the same unit pass"
done_testing
