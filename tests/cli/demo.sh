# wiall demo: the shipped catalogue and demo data into a fresh database; a
# second run changes nothing; the manifest is what a user could type.
. "$TOP/tests/lib/tap.sh"
DB="$TMP/demo.db"

snapshot() {	# snapshot DB: everything a run could change
	"$WIALL" --db "$1" export
	"$WIALL" --db "$1" catalog export
	sqlite3 "$1" "SELECT * FROM batch ORDER BY id; SELECT * FROM revision ORDER BY id;
	    SELECT * FROM target ORDER BY id"
}

run "$WIALL" --db "$DB" demo
is "$RC" 0 "demo on a fresh database exits 0"
like "$OUT" "data/catalog/bottrop.json: catalogue, [0-9]+ items: [0-9]+ created, 0 updated" \
    "it loads the catalogue"
like "$OUT" "DEA3_muenster_nuts3_emp_2000_2017.csv: wide-csv, 1296 observations: 1296 new.*\(batch 1\)" \
    "it imports the Eurostat employment series (9 regions x 8 groups x 18 years)"
like "$OUT" "G.counties.gdp.DEA3.csv: wide-csv, 528 observations: 528 new.*\(batch 2\)" \
    "it imports district GDP, population, GDP per head (8 districts x 3 x 22 years)"
like "$OUT" "data/demo/observations.csv: long-csv, [0-9]+ observations: [0-9]+ new, 0 changed.*\(batch 3\)" \
    "it imports the published Bottrop figures"
like "$OUT" "observations_later_vintage.csv: long-csv, 5 observations: 0 new, 5 changed.*\(batch 4\)" \
    "the later vintage changes 5 values"
unlike "$ERR" "warning" "no warning: every row's unit is its indicator's"
is "$(sqlite3 "$DB" "SELECT o.value || ' ' || o.unit FROM observation o
    JOIN series s ON s.id = o.series_id JOIN indicator i ON i.id = s.indicator_id
    JOIN region g ON g.id = s.region_id
    WHERE i.code = 'gva_total' AND g.code = '05512000' AND o.period = '2014'")" \
    "2100.0 million EUR" "Bottrop's GVA 2014, published as 2.1 billion EUR, is stored in million EUR"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM revision')" 4 \
    "4 revisions (the 2014 value is the same in both vintages)"
is "$(sqlite3 "$DB" "SELECT old_value || '>' || new_value FROM revision WHERE period = '2011'")" \
    "64862.0>66041.0" "NRW GDP per employed 2011: 64,862 (2013 release) then 66,041 (2016 annex)"
is "$(sqlite3 "$DB" "SELECT o.value FROM observation o JOIN series s ON s.id = o.series_id
    JOIN indicator i ON i.id = s.indicator_id WHERE i.code = 'population_annual_average'
    AND s.region_id = (SELECT id FROM region WHERE code = '05512000') AND o.period = '2010'")" \
    "117.692" "VGR population stays in thousands, as published (117.692)"
is "$(sqlite3 "$DB" "SELECT DISTINCT source FROM observation o JOIN batch b ON b.id = o.batch_id
    WHERE b.id = 1")" "Eurostat, nama_10r_3empers" "every Eurostat row keeps its source"
is "$(sqlite3 "$DB" "SELECT count(*) FROM observation WHERE batch_id = 3 AND source IS NULL")" 0 \
    "every published figure keeps its source URL"

# The embedded files are the repository's files.
for f in DEA3_muenster_nuts3_emp_2000_2017.csv G.counties.gdp.DEA3.csv observations.csv \
    observations_later_vintage.csv; do
	is "$(sqlite3 "$DB" "SELECT sha256 FROM batch WHERE file_name = 'data/demo/$f'")" \
	    "$(sha256sum "$TOP/data/demo/$f" | cut -d' ' -f1)" "the binary carries data/demo/$f as it is"
done

before=$(snapshot "$DB")
run "$WIALL" --db "$DB" demo
is "$RC" 0 "demo a second time exits 0"
like "$OUT" "catalogue, ([0-9]+) items: 0 created, 0 updated, 0 superseded, [0-9]+ unchanged" \
    "the catalogue is unchanged"
like "$OUT" "observations.csv: already imported \(batch 3\), skipped" "imported files are skipped"
like "$OUT" "demo: nothing changed" "it says nothing changed"
is "$(snapshot "$DB")" "$before" "export, catalogue, batches, revisions and targets are identical"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM batch')" 4 "the batch count is unchanged"

# The manifest, typed line by line in the top directory, gives the same database.
wiall() { "$WIALL" --db "$TMP/typed.db" "$@"; }
"$WIALL" --db "$TMP/typed.db" init >/dev/null
(cd "$TOP" && . data/demo/manifest) >"$TMP/typed.out" 2>&1
is "$?" 0 "the manifest runs as shell commands"
is "$("$WIALL" --db "$TMP/typed.db" export)" "$("$WIALL" --db "$DB" export)" \
    "typed: the same observations"
is "$("$WIALL" --db "$TMP/typed.db" catalog export)" "$("$WIALL" --db "$DB" catalog export)" \
    "typed: the same catalogue"
q="SELECT file_name, sha256, format, options, rows_read, rows_new, rows_changed, rows_unchanged
    FROM batch ORDER BY id"
is "$(sqlite3 "$TMP/typed.db" "$q")" "$(sqlite3 "$DB" "$q")" \
    "typed: the same batches (file, hash, format, options, counts)"
run "$WIALL" --db "$TMP/typed.db" demo
like "$OUT" "demo: nothing changed" "demo after the typed manifest changes nothing"

# A database that exists with other data: demo adds to it.
"$WIALL" --db "$TMP/other.db" init >/dev/null
run "$WIALL" --db "$TMP/other.db" demo
is "$RC" 0 "demo on an existing empty database"
run "$WIALL" --db "$TMP/new/dir/x.db" demo
is "$RC" 1 "a database in a folder that does not exist fails with 1"

run "$WIALL" --db "$DB" demo extra
is "$RC" 2 "an argument is a usage error"
run "$WIALL" --db "$DB" demo --bogus
is "$RC" 2 "an unknown option is a usage error"
run "$WIALL" demo --help
is "$RC" 0 "demo --help exits 0"
like "$OUT" "usage: wiall \[--db PATH\] demo" "demo --help shows the usage"
like "$OUT" "manifest" "and says what it runs"
done_testing
