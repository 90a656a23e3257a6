# load → export → load → export is byte-identical, for the shipped Bottrop
# catalogue and for a small fixture; superseded targets survive the trip.
. "$TOP/tests/lib/tap.sh"
SHIPPED="$TOP/data/catalog/bottrop.json"
SMALL="$TOP/tests/data/catalog/small.json"

roundtrip() {	# FILE NAME
	rm -f "$TMP"/a.db* "$TMP"/b.db*
	"$WIALL" --db "$TMP/a.db" init >/dev/null
	"$WIALL" --db "$TMP/b.db" init >/dev/null
	run "$WIALL" --db "$TMP/a.db" catalog load "$1"
	is "$RC" 0 "$2: loads"
	"$WIALL" --db "$TMP/a.db" catalog export >"$TMP/e1.json"
	run "$WIALL" --db "$TMP/b.db" catalog load "$TMP/e1.json"
	is "$RC" 0 "$2: its export loads into a new database"
	"$WIALL" --db "$TMP/b.db" catalog export >"$TMP/e2.json"
	ok "$(cmp -s "$TMP/e1.json" "$TMP/e2.json"; echo $?)" \
	    "$2: export, load, export gives the same bytes"
	run "$WIALL" --db "$TMP/a.db" catalog load "$TMP/e1.json"
	unlike "$OUT" "^(created|updated|superseded) " \
	    "$2: loading its own export changes nothing"
}

roundtrip "$SHIPPED" bottrop.json
ok "$(cmp -s "$SHIPPED" "$TMP/e1.json"; echo $?)" \
    "the shipped catalogue is in canonical form"
roundtrip "$SMALL" small.json
like "$(cat "$TMP/e1.json")" '"valid_to": "2020-01-01"' \
    "small.json: the superseded version is exported"

# A changed target supersedes the stored one, dated by SOURCE_DATE_EPOCH.
rm -f "$TMP"/a.db* "$TMP"/b.db*
"$WIALL" --db "$TMP/a.db" init >/dev/null
SOURCE_DATE_EPOCH=1514764800 "$WIALL" --db "$TMP/a.db" catalog load "$SMALL" >/dev/null
sed 's/"kind": "every_year", "value": 8.5/"kind": "every_year", "value": 7/' "$SMALL" >"$TMP/changed.json"
# 1 June 2024, 00:00 UTC
run env SOURCE_DATE_EPOCH=1717200000 "$WIALL" --db "$TMP/a.db" catalog load "$TMP/changed.json"
is "$RC" 0 "a changed target loads"
like "$OUT" "superseded target unemployment_rate/cap \(version from 2018-01-01 ended 2024-06-01\)" \
    "the report names the superseded version and its dates"
like "$OUT" "target +0 created, +0 updated, +1 superseded, +4 unchanged" \
    "the report counts targets"
"$WIALL" --db "$TMP/a.db" catalog export >"$TMP/e1.json"
like "$(tr -d '\n ' <"$TMP/e1.json")" '"code":"cap","kind":"every_year","value":8.5,"valid_from":"2018-01-01","valid_to":"2024-06-01"' \
    "the old version keeps its dates"
like "$(tr -d '\n ' <"$TMP/e1.json")" '"code":"cap","kind":"every_year","value":7,"valid_from":"2024-06-01"}' \
    "the new version starts on the day of loading"
"$WIALL" --db "$TMP/b.db" init >/dev/null
"$WIALL" --db "$TMP/b.db" catalog load "$TMP/e1.json" >/dev/null
"$WIALL" --db "$TMP/b.db" catalog export >"$TMP/e2.json"
ok "$(cmp -s "$TMP/e1.json" "$TMP/e2.json"; echo $?)" \
    "with a superseded version, export, load, export gives the same bytes"

# --dry-run reports but writes nothing.
"$WIALL" --db "$TMP/a.db" catalog export >"$TMP/before.json"
run "$WIALL" --db "$TMP/a.db" catalog load --dry-run "$SHIPPED"
is "$RC" 0 "--dry-run exits 0"
like "$OUT" "created indicator gdp" "--dry-run says what would be created"
like "$OUT" "dry run: nothing was written" "--dry-run says it wrote nothing"
"$WIALL" --db "$TMP/a.db" catalog export >"$TMP/after.json"
ok "$(cmp -s "$TMP/before.json" "$TMP/after.json"; echo $?)" \
    "--dry-run leaves the database unchanged"

# Items a file does not name are kept.
run "$WIALL" --db "$TMP/a.db" catalog load --quiet "$SHIPPED"
is "$RC" 0 "the shipped catalogue loads over the small one"
unlike "$OUT" "^created " "--quiet prints only the counts"
"$WIALL" --db "$TMP/a.db" catalog export >"$TMP/merged.json"
like "$(cat "$TMP/merged.json")" '"code": "finance-2008"' \
    "a shock only the small file had is kept"
like "$(cat "$TMP/merged.json")" '"code": "NACE",' \
    "a classification only the small file had is kept"
done_testing
