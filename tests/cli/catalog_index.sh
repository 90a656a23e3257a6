# Composite indices in the catalogue: broken `indices` give exit 1 with every
# problem at its JSON path and leave the database as it was; a good one
# survives load → export → load → export byte for byte and loading it again
# changes nothing; a database of schema version 1 is migrated by the first
# writing command (and refused, with the reason, by a reading one).
. "$TOP/tests/lib/tap.sh"
DATA="$TOP/tests/data/index"
DB="$TMP/c.db"

"$WIALL" --db "$DB" init >/dev/null
run "$WIALL" --db "$DB" catalog load "$DATA/catalog.json"
is "$RC" 0 "the index fixture loads"
like "$OUT" "created index strength" "the report names the index"
like "$OUT" "index +3 created" "and counts the indices"
"$WIALL" --db "$DB" catalog export >"$TMP/before.json"

# A catalogue around one index; $1 replaces the index's body.
index_file() {	# index_file NAME JSON-OF-THE-INDEX
	cat >"$TMP/$1.json" <<JSON
{"indicators": [
  {"code": "zero", "title_de": "Ohne Richtung", "unit": "persons", "polarity": 0},
  {"code": "flat", "title_de": "Ohne Bereiche", "unit": "persons", "polarity": 1}],
 "indices": [$2]}
JSON
}

# name | the index | what the message must say (a regex on stderr)
while IFS='|' read -r name body expect; do
	index_file "$name" "$body"
	run "$WIALL" --db "$DB" catalog load "$TMP/$name.json"
	is "$RC" 1 "$name: exit 1"
	like "$ERR" "$expect" "$name: names the place"
	"$WIALL" --db "$DB" catalog export >"$TMP/after.json"
	ok "$(cmp -s "$TMP/before.json" "$TMP/after.json"; echo $?)" \
	    "$name: database unchanged"
done <<'CASES'
unknown_region|{"code": "x", "title_de": "X", "units": ["R1", "XX"], "period": "2014", "components": [{"code": "a", "title_de": "A", "indicator": "gdp_pc"}]}|indices\[0\]\.units\[1\]: unknown region 'XX'
one_unit|{"code": "x", "title_de": "X", "units": ["R1"], "period": "2014", "components": [{"code": "a", "title_de": "A", "indicator": "gdp_pc"}]}|indices\[0\]\.units: an index compares at least two regions
unknown_indicator|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "a", "title_de": "A", "indicator": "nope"}]}|indices\[0\]\.components\[0\]\.indicator: unknown indicator 'nope'
unknown_shock|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "a", "title_de": "A", "indicator": "emp", "measure": "resistance", "shock": "quake"}]}|indices\[0\]\.components\[0\]\.shock: unknown shock 'quake'
unknown_sector|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "a", "title_de": "A", "indicator": "emp", "measure": "share", "sector": "S9", "direction": 1}]}|indices\[0\]\.components\[0\]\.sector: unknown sector 'S9' in 'SEC'
bad_period|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "soon", "components": [{"code": "a", "title_de": "A", "indicator": "gdp_pc"}]}|indices\[0\]\.period: 'soon' is neither a year \(2014\) nor 'latest'
bad_method|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "normalise": "maxmin", "components": [{"code": "a", "title_de": "A", "indicator": "gdp_pc"}]}|indices\[0\]\.normalise: unknown normalisation 'maxmin'
one_alternative|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "uncertainty": {"aggregate": ["amean"]}, "components": [{"code": "a", "title_de": "A", "indicator": "gdp_pc"}]}|indices\[0\]\.uncertainty\.aggregate: give at least two alternatives
bad_alternative|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "uncertainty": {"normalise": ["minmax:1,100", "zscore:10,0"]}, "components": [{"code": "a", "title_de": "A", "indicator": "gdp_pc"}]}|indices\[0\]\.uncertainty\.normalise\[1\]: zscore: the standard deviation must be positive
cycle|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "p", "parent": "q", "title_de": "P"}, {"code": "q", "parent": "p", "title_de": "Q"}, {"code": "a", "parent": "p", "title_de": "A", "indicator": "gdp_pc"}]}|indices\[0\]\.components\[0\]\.parent: 'q' leads back to 'p': components must not form a cycle
depth|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "p", "title_de": "P"}, {"code": "a", "parent": "p", "title_de": "A", "indicator": "gdp_pc"}, {"code": "b", "title_de": "B", "indicator": "unemp"}]}|indices\[0\]\.components\[2\]\.parent: leaves must all lie at the same depth below the index: 'b' is at depth 1, 'a' at 2
empty_group|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "p", "title_de": "P"}, {"code": "a", "title_de": "A", "indicator": "gdp_pc"}]}|indices\[0\]\.components\[0\]: 'p' names no indicator and no component has it as parent
leaf_parent|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "a", "title_de": "A", "indicator": "gdp_pc"}, {"code": "b", "parent": "a", "title_de": "B", "indicator": "unemp"}]}|indices\[0\]\.components\[1\]\.parent: 'a' names an indicator: it is a leaf
unknown_parent|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "a", "parent": "nope", "title_de": "A", "indicator": "gdp_pc"}]}|indices\[0\]\.components\[0\]\.parent: unknown component 'nope' of index 'x'
growth_from|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "a", "title_de": "A", "indicator": "emp", "measure": "growth"}]}|indices\[0\]\.components\[0\]\.from: required for measure 'growth'
share_direction|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "a", "title_de": "A", "indicator": "emp", "measure": "share", "sector": "S1"}]}|indices\[0\]\.components\[0\]\.direction: required for measure 'share'
no_polarity|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "a", "title_de": "A", "indicator": "zero"}]}|indices\[0\]\.components\[0\]\.direction: required: indicator 'zero' has polarity 0
no_sectors|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "a", "title_de": "A", "indicator": "flat", "measure": "entropy"}]}|indices\[0\]\.components\[0\]\.measure: 'entropy' needs figures by sector, but indicator 'flat' has no classification
leaf_key_on_group|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "p", "title_de": "P", "measure": "growth"}, {"code": "a", "parent": "p", "title_de": "A", "indicator": "gdp_pc"}]}|indices\[0\]\.components\[0\]\.measure: only a component that names an indicator takes it
zero_direction|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "a", "title_de": "A", "indicator": "gdp_pc", "direction": 0}]}|indices\[0\]\.components\[0\]\.direction: is 1 \(higher is better\) or -1
unknown_field|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "colour": "red", "components": [{"code": "a", "title_de": "A", "indicator": "gdp_pc"}]}|indices\[0\]\.colour: unknown field
duplicate|{"code": "x", "title_de": "X", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "a", "title_de": "A", "indicator": "gdp_pc"}, {"code": "a", "title_de": "B", "indicator": "unemp"}]}|indices\[0\]\.components\[1\]\.code: duplicate component 'a' \(first at indices\[0\]\.components\[0\]\)
CASES

# Every problem of a file is listed, not only the first.
index_file many '{"code": "x", "title_de": "X", "units": ["R1", "XX"], "period": "soon", "components": [{"code": "a", "title_de": "A", "indicator": "nope"}]}'
run "$WIALL" --db "$DB" catalog load "$TMP/many.json"
is "$(printf '%s\n' "$ERR" | grep -c 'many.json: indices\[0\]')" 3 \
    "three problems of one index: three lines"

# A leaf whose indicator has no figures is not a load error: it is a status
# when the index is built (app/index_catalog.h).
index_file nodata '{"code": "later", "title_de": "Später", "units": ["R1", "R2"], "period": "2014", "components": [{"code": "a", "title_de": "A", "indicator": "flat"}, {"code": "b", "title_de": "B", "indicator": "gdp_pc"}]}'
run "$WIALL" --db "$DB" catalog load "$TMP/nodata.json"
is "$RC" 0 "an index whose leaf has no figures loads"

# Round trip: export, load into a new database, export: the same bytes;
# loading the export again changes nothing.
"$WIALL" --db "$DB" catalog export >"$TMP/e1.json"
like "$(cat "$TMP/e1.json")" '"uncertainty": \{"normalise": \["minmax:1,100", "zscore:10,2"\], "aggregate": \["amean", "gmean"\], "weights": 0.25, "runs": 500, "seed": 11\}' \
    "the uncertainty analysis is written on one line"
like "$(tr -d '\n ' <"$TMP/e1.json")" '"code":"L3","parent":"P2","title_de":"Beschäftigungswachstum","indicator":"emp","measure":"growth","from":"2010"' \
    "a leaf keeps its measure and span"
"$WIALL" --db "$TMP/d.db" init >/dev/null
run "$WIALL" --db "$TMP/d.db" catalog load "$TMP/e1.json"
is "$RC" 0 "the export loads into a new database"
"$WIALL" --db "$TMP/d.db" catalog export >"$TMP/e2.json"
ok "$(cmp -s "$TMP/e1.json" "$TMP/e2.json"; echo $?)" \
    "export, load, export gives the same bytes"
run "$WIALL" --db "$TMP/d.db" catalog load "$TMP/e2.json"
unlike "$OUT" "^(created|updated) " "loading its own export changes nothing"
like "$OUT" "index +0 created, +0 updated, +4 unchanged" "the indices are unchanged"

# A changed component updates the index (its parts are replaced whole).
sed 's/"seed": 11/"seed": 12/' "$TMP/e2.json" >"$TMP/changed.json"
run "$WIALL" --db "$TMP/d.db" catalog load "$TMP/changed.json"
like "$OUT" "updated index strength" "a changed seed updates the index"
unlike "$OUT" "updated index (diversity|gaps)" "and only that index"
"$WIALL" --db "$TMP/d.db" catalog export >"$TMP/e3.json"
like "$(cat "$TMP/e3.json")" '"seed": 12' "and the new seed is stored"

# A catalogue without indices exports no `indices` key (as before).
"$WIALL" --db "$TMP/n.db" init >/dev/null
"$WIALL" --db "$TMP/n.db" catalog load "$TOP/tests/data/catalog/small.json" >/dev/null
unlike "$("$WIALL" --db "$TMP/n.db" catalog export)" '"indices"' \
    "a catalogue without indices has no indices key"

# Migration: a database of schema version 1 (before the indices).
if command -v sqlite3 >/dev/null; then
	sqlite3 "$TMP/v1.db" <"$TOP/src/store/schema/001_init.sql"
	sqlite3 "$TMP/v1.db" 'PRAGMA user_version = 1'
	run "$WIALL" --db "$TMP/v1.db" index build --catalog strength
	is "$RC" 1 "a version-1 database: a reading command refuses it"
	like "$ERR" "schema version 1, expected 2 \(open it once with a writing command to migrate\)" \
	    "and says how to migrate"
	run "$WIALL" --db "$TMP/v1.db" catalog load "$DATA/catalog.json"
	is "$RC" 0 "a writing command migrates it and loads the indices"
	is "$(sqlite3 "$TMP/v1.db" 'PRAGMA user_version')" 2 "it is now version 2"
	is "$(sqlite3 "$TMP/v1.db" 'SELECT count(*) FROM composite_index_component')" 11 \
	    "with the 5 + 3 + 3 components of the three indices"
	"$WIALL" --db "$TMP/v1.db" import "$DATA/observations.csv" >/dev/null
	run "$WIALL" --db "$TMP/v1.db" index build --catalog strength
	is "$RC" 0 "and the index builds on it"
else
	echo "ok - # SKIP sqlite3 not installed"
fi
done_testing
