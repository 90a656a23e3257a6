# Last-Modified and If-Modified-Since on the answers drawn from the database
# (the JSON API, the pages, the downloads): the header is the database's
# modified_at stamp (store/freshness.h) as an IMF-fixdate; If-Modified-Since
# at it is 304 with the ETag and no body, before it 200; If-None-Match
# decides when both are sent (RFC 9110 §13.2.2); a malformed date is
# ignored; every write moves the stamp on (by a second at least, so even
# under the fixed SOURCE_DATE_EPOCH of tests/run.sh), dry runs and failed
# imports do not; the page cache follows; a stamp ahead of the clock is sent
# as now but still decides 304 by itself; no stamp, no header; the static
# site does not change with the stamp. The expected header is computed from
# the stored stamp by date(1), not by our formatter.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/http.sh"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1764115200}	# as tests/run.sh

IMF='^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$'

stamp() {	# the stored modified_at, "" when there is none
	sqlite3 "$TMP/w.db" "SELECT value FROM meta WHERE key = 'modified_at'"
}
imf() {		# imf ISO-OR-@SECONDS: the IMF-fixdate of that time
	LC_ALL=C date -u -d "$1" '+%a, %d %b %Y %H:%M:%S GMT'
}
body_bytes() { stat -c %s "$TMP/.body"; }

# ---- a database no write has stamped: no header, If-Modified-Since unused ----
"$WIALL" --db "$TMP/w.db" init >/dev/null
is "$(stamp)" "" "init writes no rows: no stamp"
start_server --access-log off
ok $? "the server starts on the empty database" || bail_out "no server"
fetch "$BASE/api/v1/indicators"
is "$STATUS" 200 "the empty catalogue's indicator list is 200"
is "$(header Last-Modified)" "" "without a stamp there is no Last-Modified"
fetch -H "If-Modified-Since: $(imf @2000000000)" "$BASE/api/v1/indicators"
is "$STATUS" 200 "and If-Modified-Since, even a late one, is not used"
stop_server

# ---- the demo ----------------------------------------------------------------
rm -f "$TMP/w.db"*
"$WIALL" --db "$TMP/w.db" demo >/dev/null
ok $? "wiall demo builds the demo database"
s0=$(stamp)
like "$s0" '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$' \
    "the demo's writes stamped modified_at: $s0"
# Each commit stamps max(now, previous + 1 s): from the epoch on.
ok "$([ "$(date -u -d "$s0" +%s)" -ge "$SOURCE_DATE_EPOCH" ]; echo $?)" \
    "the stamp is at or after SOURCE_DATE_EPOCH"
lm0=$(imf "$s0")
start_server --access-log off
ok $? "the server starts on the demo" || bail_out "no server"

fetch "$BASE/api/v1/indicators"
code=$(printf '%s\n' "$BODY" | sed -n 's/^ *"code": "\([a-z0-9_]*\)",$/\1/p' | head -1)
like "$code" '^[a-z0-9_]+$' "an indicator of the demo: $code"
fetch "$BASE/api/v1/index"
index=$(printf '%s\n' "$BODY" | sed -n 's/^ *"code": "\([a-z0-9_]*\)",$/\1/p' | head -1)
like "$index" '^[a-z0-9_]+$' "a composite index of the demo: $index"

data_urls="/api/v1/indicators /api/v1/indicators/$code
/api/v1/indicators/$code/observations /api/v1/assessments?method=eurostat
/api/v1/structure /api/v1/index /api/v1/index/$index
/ /goals/G1 /indicators/$code /structure /indices /indices/$index
/downloads/$code.csv /downloads/$code.json /?lang=en"
old=$(imf "@$(($(date -u -d "$s0" +%s) - 1))")
for url in $data_urls; do
	fetch "$BASE$url"
	is "$STATUS" 200 "GET $url is 200"
	lm=$(header Last-Modified)
	like "$lm" "$IMF" "$url: Last-Modified is an IMF-fixdate"
	is "$lm" "$lm0" "$url: it is the stored stamp"
	etag=$(header ETag)
	fetch -H "If-Modified-Since: $lm" "$BASE$url"
	is "$STATUS" 304 "$url: If-Modified-Since at it is 304"
	is "$(body_bytes)" 0 "$url: the 304 has no body"
	is "$(header ETag)" "$etag" "$url: the 304 repeats the ETag"
	is "$(header Last-Modified)" "$lm0" "$url: and the Last-Modified"
	fetch -H "If-Modified-Since: $(imf @2000000000)" "$BASE$url"
	is "$STATUS" 304 "$url: a later If-Modified-Since is 304 too"
	fetch -H "If-Modified-Since: $old" "$BASE$url"
	is "$STATUS" 200 "$url: a second before it is 200"
	fetch -H 'If-None-Match: "0000000000000000"' -H "If-Modified-Since: $lm" \
	    "$BASE$url"
	is "$STATUS" 200 "$url: a stale ETag with a current date is 200 (If-None-Match decides)"
	fetch -H "If-None-Match: $etag" -H "If-Modified-Since: $old" "$BASE$url"
	is "$STATUS" 304 "$url: the current ETag with an old date is 304 (If-None-Match decides)"
	fetch -H "If-Modified-Since: $lm junk" "$BASE$url"
	is "$STATUS" 200 "$url: a malformed If-Modified-Since is ignored"
done
head=$(curl -s -I --max-time 20 "$BASE/api/v1/indicators" | tr -d '\r')
like "$head" "Last-Modified: $lm0" "HEAD carries Last-Modified too"
fetch "$BASE/api/v1/indicators"
is "$(header Access-Control-Expose-Headers)" "ETag, Last-Modified" \
    "a script from another origin may read it (CORS)"

# Not from the database, or not a 200: no Last-Modified.
for url in /api/v1 /api/v1/openapi.json /api/v1/health /healthz \
    /api/v1/indicators/nope /indicators/nope "/api/v1/indicators?bogus=1" \
    /api/v1/nope /nope; do
	fetch "$BASE$url"
	is "$(header Last-Modified)" "" "GET $url ($STATUS): no Last-Modified"
	fetch -H "If-Modified-Since: $lm0" "$BASE$url"
	isnt=$([ "$STATUS" != 304 ]; echo $?)
	ok "$isnt" "GET $url with If-Modified-Since is not 304 ($STATUS)"
done

# ---- writes move it on ---------------------------------------------------------
printf 'indicator,region,period,value\n%s\n' \
    "unemployment_rate,05512000,1990,12.5" >"$TMP/one.csv"
"$WIALL" --db "$TMP/w.db" import --dry-run "$TMP/one.csv" >/dev/null
ok $? "a dry-run import runs"
is "$(stamp)" "$s0" "a dry run leaves the stamp"
printf 'indicator,region,period,value\n%s\n' \
    "unemployment_rate,05512000,1990,twelve" >"$TMP/bad.csv"
"$WIALL" --db "$TMP/w.db" import "$TMP/bad.csv" >/dev/null 2>&1
is $? 1 "an import with a bad value fails"
is "$(stamp)" "$s0" "a failed import (rolled back) leaves the stamp"
fetch -H "If-Modified-Since: $lm0" "$BASE/"
is "$STATUS" 304 "the page is still not modified"

"$WIALL" --db "$TMP/w.db" import "$TMP/one.csv" >/dev/null
ok $? "an import of a new observation"
s1=$(stamp)
ok "$([ "$(date -u -d "$s1" +%s)" -gt "$(date -u -d "$s0" +%s)" ]; echo $?)" \
    "the import moved the stamp on: $s0 -> $s1"
is "$(date -u -d "$s1" +%s)" "$(($(date -u -d "$s0" +%s) + 1))" \
    "by one second, though SOURCE_DATE_EPOCH holds the clock"
lm1=$(imf "$s1")
for url in /api/v1/indicators/$code/observations / /indicators/$code; do
	fetch -H "If-Modified-Since: $lm0" "$BASE$url"
	is "$STATUS" 200 "$url: the old date now gets 200 (the page cache follows)"
	is "$(header Last-Modified)" "$lm1" "$url: with the new Last-Modified"
	fetch -H "If-Modified-Since: $lm1" "$BASE$url"
	is "$STATUS" 304 "$url: and the new date 304"
done
"$WIALL" --db "$TMP/w.db" import "$TMP/one.csv" >/dev/null
is "$(stamp)" "$s1" "importing the same file again changes no row: no stamp"
"$WIALL" --db "$TMP/w.db" catalog export >"$TMP/catalog.json" &&
    "$WIALL" --db "$TMP/w.db" catalog load "$TMP/catalog.json" >/dev/null
ok $? "the catalogue exported and loaded again"
is "$(stamp)" "$s1" "an unchanged catalogue changes no row: no stamp"
"$WIALL" --db "$TMP/w.db" catalog export >"$TMP/catalog2.json"
cmp -s "$TMP/catalog.json" "$TMP/catalog2.json"
ok $? "and exports the same bytes (the stamp is not in the catalogue)"

# The clock, as outside the tests: a second later, the stamp is now.
sleep 1
before=$(date -u +%s)
printf 'indicator,region,period,value\n%s\n' \
    "unemployment_rate,05512000,1991,13.5" >"$TMP/two.csv"
env -u SOURCE_DATE_EPOCH "$WIALL" --db "$TMP/w.db" import "$TMP/two.csv" >/dev/null
ok $? "an import with the clock (SOURCE_DATE_EPOCH unset)"
after=$(date -u +%s)
s2=$(date -u -d "$(stamp)" +%s)
ok "$([ "$s2" -ge "$before" ] && [ "$s2" -le "$after" ]; echo $?)" \
    "without SOURCE_DATE_EPOCH the stamp is the clock ($before <= $s2 <= $after)"
fetch "$BASE/api/v1/indicators"
is "$(header Last-Modified)" "$(imf "@$s2")" "and Last-Modified moved later with it"

# ---- a stamp ahead of the clock (many writes in one second) ------------------
sqlite3 "$TMP/w.db" "UPDATE meta SET value = '2099-01-01T00:00:00Z' WHERE key = 'modified_at'"
fetch "$BASE/api/v1/indicators"
lm=$(header Last-Modified)
date=$(header Date)
ok "$([ "$(date -u -d "$lm" +%s)" -le "$(date -u -d "$date" +%s)" ]; echo $?)" \
    "a stamp in the future is sent as no later than Date ($lm)"
fetch -H "If-Modified-Since: $lm" "$BASE/api/v1/indicators"
is "$STATUS" 200 "and that date does not hide the stamp's change (200, not 304)"
fetch -H "If-Modified-Since: $(imf 2099-01-01T00:00:00Z)" "$BASE/api/v1/indicators"
is "$STATUS" 304 "the stamp itself is what 304 is decided on"
printf 'indicator,region,period,value\n%s\n' \
    "unemployment_rate,05512000,1992,14.5" >"$TMP/three.csv"
"$WIALL" --db "$TMP/w.db" import "$TMP/three.csv" >/dev/null
is "$(stamp)" "2099-01-01T00:00:01Z" "the next write still moves it on, by a second"

# A stamp that is not a time (edited by hand): no header, answers go on.
sqlite3 "$TMP/w.db" "UPDATE meta SET value = 'yesterday' WHERE key = 'modified_at'"
fetch "$BASE/api/v1/indicators"
is "$STATUS" 200 "a stamp that is not a time: still 200"
is "$(header Last-Modified)" "" "without Last-Modified"
stop_server
is "$SERVER_RC" 0 "the server stops cleanly"
printf 'indicator,region,period,value\n%s\n' \
    "unemployment_rate,05512000,1993,15.5" >"$TMP/four.csv"
"$WIALL" --db "$TMP/w.db" import "$TMP/four.csv" >/dev/null
like "$(stamp)" '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$' \
    "the next write replaces it with a time"

# ---- the static site does not depend on the stamp ------------------------------
"$WIALL" --db "$TMP/w.db" publish --out "$TMP/site1" >/dev/null
ok $? "publish"
sqlite3 "$TMP/w.db" "UPDATE meta SET value = '2030-06-01T12:00:00Z' WHERE key = 'modified_at'"
"$WIALL" --db "$TMP/w.db" publish --out "$TMP/site2" >/dev/null
diff -r "$TMP/site1" "$TMP/site2" >"$TMP/site.diff"
ok $? "another stamp publishes the same files, byte for byte" ||
    head -5 "$TMP/site.diff" | sed 's/^/# /'
done_testing
