# wiall init, global options and exit codes.
. "$TOP/tests/lib/tap.sh"

run "$WIALL" --db "$TMP/a.db" init
is "$RC" 0 "init exits 0"
like "$OUT" "schema version [0-9]+" "init reports the schema version"
is "$(sqlite3 "$TMP/a.db" 'PRAGMA journal_mode')" wal "database is in WAL mode"
is "$(sqlite3 "$TMP/a.db" "SELECT count(*) FROM sqlite_schema WHERE type='table' AND sql NOT LIKE '%STRICT%'")" 0 \
    "every table is STRICT"
v1=$(sqlite3 "$TMP/a.db" 'PRAGMA user_version')
run "$WIALL" --db "$TMP/a.db" init
is "$RC" 0 "init on an existing database is safe"
is "$(sqlite3 "$TMP/a.db" 'PRAGMA user_version')" "$v1" "a second init keeps the version"

(cd "$TMP" && WIALL_DB="$TMP/env.db" "$WIALL" init >/dev/null)
ok $([ -f "$TMP/env.db" ]; echo $?) "\$WIALL_DB names the database"
(cd "$TMP" && env -u WIALL_DB "$WIALL" init >/dev/null)
ok $([ -f "$TMP/wiall.db" ]; echo $?) "default database is ./wiall.db"

run "$WIALL" --db "$TMP/a.db" frobnicate
is "$RC" 2 "unknown command is a usage error"
like "$ERR" "unknown command 'frobnicate'" "unknown command is named"
run "$WIALL" --bogus
is "$RC" 2 "unknown global option is a usage error"
run "$WIALL" init extra
is "$RC" 2 "unexpected argument is a usage error"
run "$WIALL" --help
is "$RC" 0 "--help exits 0"
like "$OUT" "init" "--help lists the commands"
run "$WIALL" init --help
like "$OUT" "usage: wiall" "init --help shows usage"

printf 'this is not a database, just text that is long enough to fill a header......................................................................' >"$TMP/junk.db"
run "$WIALL" --db "$TMP/junk.db" init
is "$RC" 1 "a file that is not a database fails with 1"
like "$ERR" "junk.db" "the message names the file"
done_testing
