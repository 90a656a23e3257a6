# export -> import into a new database -> export is byte-identical (long CSV
# and SDMX-CSV); re-importing changes nothing and records no batch; a changed
# value is kept as a revision.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/io_fixture.sh"
A="$TMP/a.db"
new_db "$A"
"$WIALL" --db "$A" import "${GOETTINGEN_OPTS[@]}" "$DATA/Goettingen.csv" >/dev/null
"$WIALL" --db "$A" import "${EUROSTAT_OPTS[@]}" "$DATA/DEA3_muenster_nuts3_emp_2000_2017.csv" >/dev/null
"$WIALL" --db "$A" import "${COUNTIES_OPTS[@]}" "$DATA/G.counties.gdp.slice.csv" >/dev/null
"$WIALL" --db "$A" import "${OBS_OPTS[@]}" "$DATA/observations_importable.csv" >/dev/null
"$WIALL" --db "$A" import "${OBS_OPTS[@]}" "$DATA/observations_vintage2016.csv" >/dev/null
printf 'indicator,region,period,value,flag,note\npopulation,DE,2031,,c,"secret, for now"\n' >"$TMP/missing.csv"
"$WIALL" --db "$A" import "$TMP/missing.csv" >/dev/null

for fmt in csv sdmx; do
	"$WIALL" --db "$A" export --format $fmt >"$TMP/one.$fmt"
	B="$TMP/b-$fmt.db"
	new_db "$B"
	run "$WIALL" --db "$B" import "$TMP/one.$fmt"
	is "$RC" 0 "$fmt: the export imports into a new database"
	like "$OUT" "2643 observations: 2643 new" \
	    "$fmt: 320 + 1296 + 660 + 366 + 1 observations"
	"$WIALL" --db "$B" export --format $fmt >"$TMP/two.$fmt"
	cmp -s "$TMP/one.$fmt" "$TMP/two.$fmt"
	ok $? "$fmt: export -> import -> export is byte-identical"
	run "$WIALL" --db "$B" import "$TMP/one.$fmt"
	like "$OUT" "0 new, 0 changed, 2643 unchanged" "$fmt: importing it again changes nothing"
	like "$OUT" "nothing changed" "$fmt: and says so"
	is "$(sqlite3 "$B" 'SELECT count(*) FROM batch')" 1 "$fmt: and records no batch"
done
like "$(cat "$TMP/one.csv")" $'\n''population,DE,2031,,c,,,"secret, for now"' \
    "a missing value stays missing (empty, flag c), never 0"
like "$(cat "$TMP/one.sdmx")" $'\n''WIALL:OBSERVATIONS\(1.0\),employees_svb,03159016,C,2017,7874,' \
    "SDMX-CSV 1.0 rows"
is "$(head -1 "$TMP/one.sdmx")" \
    "DATAFLOW,INDICATOR,REF_AREA,SECTOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE,SOURCE_DETAIL,COMMENT_OBS" \
    "SDMX-CSV header"

# A correction: the old value goes into the revision history.
printf 'indicator;region;period;value;flag\nemployees_svb;03159016;2017;69500;p\n' >"$TMP/fix.csv"
run "$WIALL" --db "$A" import "$TMP/fix.csv"
like "$OUT" "1 observations: 0 new, 1 changed" "a changed value is counted as changed"
is "$(sqlite3 "$A" "SELECT old_value, old_flag, new_value, new_flag FROM revision r JOIN batch b ON b.id = r.batch_id WHERE b.file_name LIKE '%fix.csv'")" \
    "69403.0||69500.0|p" "the revision keeps the old value, the new one and their flags"
run "$WIALL" --db "$A" export --indicator employees_svb --region 03159016 --from 2017
like "$OUT" "employees_svb,03159016,,2017,69500,p," "the export shows the new value"

# Deterministic: the same database gives the same bytes.
"$WIALL" --db "$A" export >"$TMP/x1"
"$WIALL" --db "$A" export >"$TMP/x2"
cmp -s "$TMP/x1" "$TMP/x2"
ok $? "two exports of one database are identical"
run "$WIALL" --db "$A" export --region DEA31 --indicator employment_persons --from 2017 --to 2017 --format sdmx
is "$(echo "$OUT" | wc -l)" 9 "filters: one region, one indicator, one year: 8 sectors + header"
done_testing
