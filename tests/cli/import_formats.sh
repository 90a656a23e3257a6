# wiall import of the real files, each with one command line, and the values
# they put in the store (read off the files by hand), plus SDMX-CSV 1.0/2.0.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/io_fixture.sh"
DB="$TMP/a.db"
new_db "$DB"

run "$WIALL" --db "$DB" import "${GOETTINGEN_OPTS[@]}" "$DATA/Goettingen.csv"
is "$RC" 0 "Goettingen.csv imports with one command"
like "$OUT" "wide-csv, 320 observations: 320 new" "16 rows x 20 value columns"
run "$WIALL" --db "$DB" export --indicator employees_svb --region 03159016 --from 2017
like "$OUT" $'\n''employees_svb,03159016,C,2017,7874,' "Goettingen C 2017 = 7874 (row C, column Goettingen2017)"
like "$OUT" $'\n''employees_svb,03159016,,2017,69403,' "A-R is the total: no sector (69403)"
run "$WIALL" --db "$DB" export --indicator employees_svb --region DE --from 2017
like "$OUT" 'employees_svb,DE,,2017,32164973,' "BRD2017 maps to DE"

run "$WIALL" --db "$DB" import "${EUROSTAT_OPTS[@]}" "$DATA/DEA3_muenster_nuts3_emp_2000_2017.csv"
is "$RC" 0 "the Eurostat DEA3 file imports with one command"
like "$OUT" "1296 observations: 1296 new" "9 regions x 18 years x 8 columns"
run "$WIALL" --db "$DB" export --indicator employment_persons --region DEA31 --from 2017 --to 2017
like "$OUT" 'employment_persons,05512000,,2017,48230,' "DEA31 (alias of Bottrop) TOTAL 2017 = 48230"
like "$OUT" 'employment_persons,05512000,B-E,2017,7950,' "B_E mapped to B-E"

run "$WIALL" --db "$DB" import "${COUNTIES_OPTS[@]}" "$DATA/G.counties.gdp.slice.csv"
is "$RC" 0 "G.counties.gdp.csv (slice) imports with one command"
like "$OUT" "792 observations: 660 new, 0 changed, 0 unchanged, 132 skipped" \
    "12 districts x 66 columns; the two outside the catalogue skipped"
run "$WIALL" --db "$DB" export --indicator gdp_eur_million --region 05512 --from 1995 --to 1996
is "$(echo "$OUT" | cut -d, -f3,4 | tail -2 | tr '\n' ' ')" "1995,2004.434 1996,1640.107 " \
    "Bottrop's GDP 1995 and 1996 (the break in series)"

run "$WIALL" --db "$DB" import "$DATA/observations.csv"
is "$RC" 1 "observations.csv as it is: rejected"
like "$ERR" "observations.csv:2:36: bad period '2017/18': a school or financial year" \
    "a school year needs --school-year"
run "$WIALL" --db "$DB" import "${OBS_OPTS[@]}" "$DATA/observations.csv"
is "$RC" 1 "with the period options, 22 rows remain that cannot be imported"
like "$ERR" "observations.csv:308:35: bad period '2005-2012': a span of years" "span"
like "$ERR" "observations.csv:105:21: duplicate: gdp_per_employed, 05, 2010" \
    "conflicting vintages are duplicates"
like "$ERR" "observations.csv:166:29: unit 'billion EUR' is 1000 times the indicator's 'million EUR': convert the value or the unit" \
    "the Bottrop GVA 2014 published in billion EUR is refused at its unit"
like "$ERR" "observations.csv:245:23: warning: unit 'percent of pop. 0 to statutory retirement age' is not the indicator's unit 'percent'" \
    "a descriptive unit is a warning"
like "$ERR" "nothing was imported \(22 problems\)" "16 periods + 5 duplicates + 1 unit"
run "$WIALL" --db "$DB" import "${OBS_OPTS[@]}" "$DATA/observations_importable.csv"
is "$RC" 0 "the filtered copy imports"
like "$OUT" "366 observations: 366 new" "366 rows"
run "$WIALL" --db "$DB" export --indicator apprenticeship_applicants
like "$OUT" 'apprenticeship_applicants,05512000,2017,909,,persons,https://' \
    "2017/18 is stored as 2017, with unit and source"
run "$WIALL" --db "$DB" export --indicator svb_workplace --region 05512000
like "$OUT" '05512000,2015-09,32975,' "2015-09-30 is stored as 2015-09"
run "$WIALL" --db "$DB" import "${OBS_OPTS[@]}" "$DATA/observations_vintage2016.csv"
like "$OUT" "5 observations: 0 new, 5 changed" "the 2016 vintage revises 5 rows"
is "$(sqlite3 "$DB" "SELECT old_value || '>' || new_value FROM revision r JOIN series s ON s.id = r.series_id WHERE r.period = '2011'")" \
    "64862.0>66041.0" "NRW GDP per employed 2011: 64,862 (2013 release) revised to 66,041 (2016 annex)"

run "$WIALL" --db "$DB" import --mapping "$DATA/eurostat_emp.map" "$DATA/dea3_emp_sdmx1.csv"
is "$RC" 0 "SDMX-CSV 1.0 with a mapping file"
like "$OUT" "sdmx-csv-1, 72 observations: 72 new" "3 regions x 3 years x 8 sectors"
run "$WIALL" --db "$DB" export --indicator employment_thousand --region 05512000 --from 2017
like "$OUT" 'employment_thousand,05512000,,2017,48.23,' "TOTAL mapped to no sector, DEA31 to 05512000"
run "$WIALL" --db "$DB" import --mapping "$DATA/eurostat_emp.map" "$DATA/dea3_emp_sdmx2.csv"
is "$RC" 0 "SDMX-CSV 2.0 with the same mapping"
like "$OUT" "sdmx-csv-2, 72 observations: 0 new, 0 changed, 72 unchanged" \
    "the same data in 2.0 changes nothing"
is "$(sqlite3 "$DB" "SELECT format FROM batch ORDER BY id" | tr '\n' ' ')" \
    "wide-csv wide-csv wide-csv long-csv long-csv sdmx-csv-1 " "one batch per file that changed something"
is "$(sqlite3 "$DB" "SELECT sha256 FROM batch WHERE id = 1")" \
    "$(sha256sum "$DATA/Goettingen.csv" | cut -d' ' -f1)" "the batch keeps the file's SHA-256"
is "$(sqlite3 "$DB" "SELECT DISTINCT created_at FROM batch")" "2025-11-26T00:00:00Z" \
    "batch time from SOURCE_DATE_EPOCH"

run "$WIALL" import --help
like "$OUT" "--value-columns PATTERN" "import --help documents the options"
like "$OUT" "--school-year start\|end" "import --help documents the period options"
run "$WIALL" export --help
like "$OUT" "--format csv" "export --help documents the options"
done_testing
