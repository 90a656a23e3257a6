# wiall catalog load with broken files: exit 1, every problem with its JSON
# path (or line:column for syntax), and the database exactly as before.
. "$TOP/tests/lib/tap.sh"
BAD="$TOP/tests/data/catalog/bad"
DB="$TMP/c.db"

"$WIALL" --db "$DB" init >/dev/null
run "$WIALL" --db "$DB" catalog load "$TOP/tests/data/catalog/small.json"
is "$RC" 0 "the small catalogue loads"
"$WIALL" --db "$DB" catalog export >"$TMP/before.json"

# file | what the message must say (a regex, matched against stderr)
while IFS='|' read -r file expect; do
	run "$WIALL" --db "$DB" catalog load "$BAD/$file"
	is "$RC" 1 "$file: exit 1"
	like "$ERR" "$expect" "$file: names the place"
	like "$ERR" "nothing was loaded" "$file: says nothing was loaded"
	"$WIALL" --db "$DB" catalog export >"$TMP/after.json"
	ok "$(cmp -s "$TMP/before.json" "$TMP/after.json"; echo $?)" \
	    "$file: database unchanged"
done <<'CASES'
unknown_field.json|bad/unknown_field.json: indicators\[0\]\.foo: unknown field
polarity_missing.json|bad/polarity_missing.json: indicators\[3\]\.polarity: required
unknown_parent.json|goals\[2\]\.parent: unknown goal 'G9'
duplicate_code.json|regions\[1\]\.code: duplicate region '05' \(first at regions\[0\]\)
bad_enum.json|indicators\[0\]\.annual: 'median' is not one of: mean, last, sum
wrong_type.json|indicators\[0\]\.decimals: expected an integer, got a string
target_rule.json|indicators\[0\]\.targets\[0\]\.year: required for kind 'value'
syntax.json|bad/syntax.json:4:5: invalid JSON: '\]' expected near '\{'
not_utf8.json|bad/not_utf8.json:1:44: invalid UTF-8
empty.json|bad/empty.json:1:1: invalid JSON
garbage.json|bad/garbage.json:1:1: invalid UTF-8
array.json|a catalogue is a JSON object, not an array
CASES

# All problems are listed, not only the first.
run "$WIALL" --db "$DB" catalog load "$BAD/many.json"
is "$RC" 1 "many problems: exit 1"
is "$(printf '%s\n' "$ERR" | grep -cE 'bad/many.json: (goals|indicators)\[')" 4 \
    "many problems: each on its own line"
like "$ERR" "many.json: 4 problems; nothing was loaded" "many problems: counted"

# A file that is fine on its own but clashes with what is stored: a history
# version of target 'band' from 2019 to 2021 overlaps the stored versions
# 2018-01-01..2020-01-01 and 2020-01-01..(current). The store refuses it.
cat >"$TMP/overlap.json" <<'JSON'
{"indicators": [{"code": "employment_persons", "title_de": "Erwerbstätige",
  "unit": "persons", "decimals": 0, "polarity": 1, "classification": "NACE",
  "targets": [{"code": "band", "kind": "interval", "low": 1, "high": 2,
    "year": 2030, "valid_from": "2019-01-01", "valid_to": "2021-01-01"}]}]}
JSON
run "$WIALL" --db "$DB" catalog load "$TMP/overlap.json"
is "$RC" 1 "overlapping target versions: exit 1"
like "$ERR" "target 'band': the versions from 2018-01-01 and from 2019-01-01 overlap" \
    "overlapping target versions: named"
"$WIALL" --db "$DB" catalog export >"$TMP/after.json"
ok "$(cmp -s "$TMP/before.json" "$TMP/after.json"; echo $?)" \
    "overlapping target versions: database unchanged"

run "$WIALL" --db "$DB" catalog load "$TMP/no-such-file.json"
is "$RC" 1 "a missing file: exit 1"
like "$ERR" "no-such-file.json: cannot open" "a missing file: named"

run "$WIALL" --db "$TMP/none.db" catalog load "$TOP/tests/data/catalog/small.json"
is "$RC" 1 "a missing database: exit 1"
like "$ERR" "no such database" "a missing database: says so"
run "$WIALL" --db "$TMP/none.db" catalog export
is "$RC" 1 "export from a missing database: exit 1"

# Usage errors exit 2; --help explains.
run "$WIALL" --db "$DB" catalog
is "$RC" 2 "catalog without a subcommand: exit 2"
run "$WIALL" --db "$DB" catalog frobnicate
is "$RC" 2 "unknown subcommand: exit 2"
like "$ERR" "unknown subcommand 'frobnicate'" "unknown subcommand: named"
run "$WIALL" --db "$DB" catalog load
is "$RC" 2 "load without a file: exit 2"
run "$WIALL" --db "$DB" catalog load a.json b.json
is "$RC" 2 "load with two files: exit 2"
run "$WIALL" --db "$DB" catalog load --bogus a.json
is "$RC" 2 "load with an unknown option: exit 2"
run "$WIALL" --db "$DB" catalog export extra
is "$RC" 2 "export with an argument: exit 2"
run "$WIALL" catalog --help
is "$RC" 0 "catalog --help: exit 0"
like "$OUT" "KEPT" "catalog --help says what happens to items not in the file"
like "$OUT" "SOURCE_DATE_EPOCH" "catalog --help says how targets are dated"
run "$WIALL" --help
like "$OUT" "catalog" "wiall --help lists catalog"
done_testing
