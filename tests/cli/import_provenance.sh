# Re-importing the same figures from a bare table (no source, unit or note
# column, or empty cells) keeps their provenance; a changed value takes the
# new file's fields, empty or not, and keeps the old value as a revision.
. "$TOP/tests/lib/tap.sh"

DB="$TMP/p.db"
"$WIALL" --db "$DB" init >/dev/null
"$WIALL" --db "$DB" catalog load "$TOP/data/catalog/bottrop.json" >/dev/null
cat >"$TMP/full.csv" <<'CSV'
indicator;region;period;value;unit;source;note
gdp;05512000;2016;2900;million EUR;IT.NRW VGR;first release
gdp;05512000;2017;3000;million EUR;IT.NRW VGR;first release
CSV
printf 'indicator;region;period;value\ngdp;05512000;2016;2900\ngdp;05512000;2017;3000\n' >"$TMP/bare.csv"
printf 'indicator;region;period;value;unit;source;note\ngdp;05512000;2016;2900;;;\n' >"$TMP/empty.csv"
printf 'indicator;region;period;value\ngdp;05512000;2017;3100\n' >"$TMP/revised.csv"
export_gdp() { "$WIALL" --db "$DB" export --indicator gdp; }

run "$WIALL" --db "$DB" import "$TMP/full.csv"
is "$RC" 0 "the full file imports"
before=$(export_gdp)

run "$WIALL" --db "$DB" import "$TMP/bare.csv"
is "$RC" 0 "the bare file imports"
like "$OUT" "0 new, 0 changed, 2 unchanged" "the same values without source are unchanged"
is "$(export_gdp)" "$before" "their unit, source and note are kept"

run "$WIALL" --db "$DB" import "$TMP/empty.csv"
like "$OUT" "0 changed, 1 unchanged" "empty cells count as not given"
is "$(export_gdp)" "$before" "and keep what is stored"

run "$WIALL" --db "$DB" import "$TMP/revised.csv"
like "$OUT" "1 changed" "a new value is a change"
like "$(export_gdp)" "gdp,05512000,2017,3100,,,," \
    "the new value takes the file's (empty) fields: the old ones were the old value's"
like "$(export_gdp)" "gdp,05512000,2016,2900,,million EUR,IT.NRW VGR,first release" \
    "the other year keeps its own"
is "$(sqlite3 "$DB" "SELECT old_value, new_value FROM revision")" "3000.0|3100.0" \
    "the old value is kept as a revision"
done_testing
