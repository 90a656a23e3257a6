# Every class of bad input: exit code 1, the problem at file:line:column, and
# the database exactly as before (same export, same batches).
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/io_fixture.sh"
DB="$TMP/a.db"
new_db "$DB"
"$WIALL" --db "$DB" import "${GOETTINGEN_OPTS[@]}" "$DATA/Goettingen.csv" >/dev/null
H='indicator,region,period,value'

cd "$TMP"

printf '%s\nnope,05512000,2017,1\n' "$H" >unknown_indicator.csv
bad "unknown indicator" unknown_indicator.csv "2:1: unknown indicator 'nope'"
printf '%s\npopulation,XX,2017,1\n' "$H" >unknown_region.csv
bad "unknown region" unknown_region.csv "2:12: unknown region 'XX'"
printf '%s\npopulation,05512000,2017,12a\n' "$H" >bad_number.csv
bad "bad number" bad_number.csv "2:26: bad number '12a'"
# A `;` file with only 1.234-like numbers: decimal points or German
# thousands separators? No number decides, so nothing is imported on a guess
# (2.100 stored as 2.1 where the office meant 2100); --decimal settles it.
printf 'indicator;region;period;value\npopulation;05512000;2016;117.143\npopulation;05512000;2017;117.383\n' >thousands.csv
bad "undecidable decimal mark" thousands.csv \
    "2:26: '117.143' could be a decimal point or a thousands separator"
run "$WIALL" --db "$DB" import --dry-run --decimal comma thousands.csv
is "$RC" 0 "with --decimal comma the same file is fine"
like "$OUT" "2 new" "and would add its two values"
printf '%s\npopulation,05512000,2017/18,1\n' "$H" >bad_period.csv
bad "bad period" bad_period.csv "2:21: bad period '2017/18'"
printf '%s\npopulation,05512000,2017,1\npopulation,DEA31,2017,2\n' "$H" >duplicate.csv
bad "duplicate key (code and alias of one region)" duplicate.csv \
    "3:18: duplicate: population, 05512000, 2017 comes a second time"
printf '%s\npopulation,05512000,2017\n' "$H" >columns.csv
bad "wrong column count" columns.csv "2:25: 3 fields, but the header has 4"
printf '%s,note\npopulation,05512000,2017,1,G\xf6ttingen\n' "$H" >latin1.csv
bad "not UTF-8 (Latin-1)" latin1.csv "2:29: invalid UTF-8"
: >empty.csv
bad "empty file" empty.csv "1:1: empty file"
printf '%s\r\n' "$H" >header_only.csv
bad "header only" header_only.csv "2:1: no data rows after the header"
head -c 2048 "$DB" >garbage.csv
bad "binary garbage (a database file)" garbage.csv "1:16: NUL byte: this is not a text file"
{ printf '%s\npopulation,05512000,2017,' "$H"; head -c 10000000 /dev/zero | tr '\0' 7; echo; } >long_line.csv
bad "a 10 MB line" long_line.csv "2:26: record longer than 1048576 bytes"
printf 'indicator,region,period,value,sector\nemployment_persons,05512000,2017,1,ZZ\n' >sector.csv
bad "unknown sector of a classified indicator" sector.csv "2:36: unknown sector 'ZZ'"
printf '%s\npopulation,05512000,2017,"1\n' "$H" >open_quote.csv
bad "a quote never closed" open_quote.csv "2:26: quoted field is never closed"
bad "wide: a column that matches no pattern" "$DATA/Goettingen.csv" \
    "1:15: column 'WZ2008_Name' does not match" --indicator employees_svb \
    --dim-column WZ2008_Code=sector --value-columns '{region}{period}'

# All or nothing across files: a good file and a bad one import nothing.
printf '%s\npopulation,05512000,2030,1\n' "$H" >good.csv
before=$(state)
run "$WIALL" --db "$DB" import good.csv bad_number.csv
is "$RC" 1 "two files, one bad: exit code 1"
like "$ERR" "^bad_number.csv:2:26: bad number" "the bad file's problem is shown"
is "$(state)" "$before" "the good file was not imported either"
run "$WIALL" --db "$DB" import good.csv good.csv
is "$RC" 1 "the same key in two files of one run is a duplicate"
like "$ERR" "^good.csv:2:21: duplicate" "located in the second file"

# A limit on problems: 60 bad rows, 50 shown.
{ echo "$H"; for i in $(seq 1 60); do echo "population,05512000,$i,1"; done; } >many.csv
run "$WIALL" --db "$DB" import many.csv
is "$RC" 1 "60 bad periods: exit code 1"
is "$(echo "$ERR" | grep -c 'bad period')" 50 "50 problems are shown"
like "$ERR" "stopped reading after 50 problems" "and it says it stopped"

# --dry-run counts and writes nothing.
printf '%s\nemployees_svb,03159016,2017,1\nemployees_svb,03159016,2016,67818\npopulation,05512000,2031,5\n' \
    "$H" >dry.csv
before=$(state)
run "$WIALL" --db "$DB" import --dry-run dry.csv
is "$RC" 0 "--dry-run of a good file exits 0"
like "$OUT" "dry run: 1 new, 1 changed, 1 unchanged; nothing was written" \
    "--dry-run: one new, one changed (69403 -> 1), one unchanged"
is "$(state)" "$before" "--dry-run wrote nothing"
run "$WIALL" --db "$DB" import --dry-run bad_number.csv
is "$RC" 1 "--dry-run of a bad file exits 1"

# Usage errors exit 2.
run "$WIALL" --db "$DB" import
is "$RC" 2 "no file: usage error"
run "$WIALL" --db "$DB" import --school-year middle good.csv
is "$RC" 2 "a bad option value: usage error"
run "$WIALL" --db "$DB" import --frobnicate good.csv
is "$RC" 2 "an unknown option: usage error"
run "$WIALL" --db "$DB" import missing.csv
is "$RC" 1 "a missing file: exit code 1"
like "$ERR" "missing.csv: cannot open" "a missing file is named"
run "$WIALL" --db "$DB" export --indicator nope
is "$RC" 1 "export of an unknown indicator: exit code 1"
run "$WIALL" --db "$DB" export --from 2017/18
is "$RC" 1 "export with a bad period: exit code 1"
run "$WIALL" --db "$DB" export --format xml
is "$RC" 2 "export --format xml: usage error"
done_testing
