# wiall serve: status codes, content types, security headers on every answer,
# ETag/Last-Modified/304, languages, CORS, methods, the access log, SIGTERM.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/http.sh"

start_server --access-log "$TMP/access.log"
ok $? "the server starts on a free port and prints its URL" ||
    bail_out "no server to test"
like "$BASE" '^http://127\.0\.0\.1:[0-9]+$' "the URL names 127.0.0.1 and the port"

# The API index and the health check.
fetch "$BASE/api/v1/"
is "$STATUS" 200 "GET /api/v1/ is 200"
is "$(header Content-Type)" "application/json" "the API answers JSON"
like "$BODY" "\"version\": \"$("$WIALL" --version | sed 's/^wiall //')\"" \
    "the API names the program's version"
is "$(header Access-Control-Allow-Origin)" "*" "API reads are open to any origin (CORS)"
check_security_headers "API 200"
fetch "$BASE/healthz"
is "$STATUS" 200 "GET /healthz is 200 with a database"
like "$BODY" '"status": "ok"' "health says ok"
like "$BODY" '"schema": [0-9]+' "health names the schema version"

# Assets: content types, long cache lifetime, ETag, Last-Modified.
for pair in "style.css:text/css; charset=utf-8" \
    "app.js:text/javascript; charset=utf-8" "favicon.svg:image/svg+xml" \
    "weather-sun.svg:image/svg+xml" "weather-sun-cloud.svg:image/svg+xml" \
    "weather-cloud.svg:image/svg+xml" "weather-thunderstorm.svg:image/svg+xml"; do
	name=${pair%%:*}
	fetch "$BASE/assets/$name"
	is "$STATUS" 200 "GET /assets/$name is 200"
	is "$(header Content-Type)" "${pair#*:}" "/assets/$name has its content type"
	cmp -s "$TMP/.body" "$TOP/src/web/assets/$name"
	ok $? "/assets/$name is the embedded file, byte for byte"
done
fetch "$BASE/assets/style.css"
check_security_headers "asset 200"
like "$(header Cache-Control)" 'max-age=31536000' "assets may be cached for a year"
etag=$(header ETag)
like "$etag" '^"[0-9a-f]{16}"$' "assets carry a strong ETag"
modified=$(header Last-Modified)
like "$modified" '^[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} GMT$' \
    "assets carry Last-Modified as an IMF-fixdate"
size=$(stat -c %s "$TOP/src/web/assets/style.css")

fetch -H "If-None-Match: $etag" "$BASE/assets/style.css"
is "$STATUS" 304 "If-None-Match with the current ETag gives 304"
is "$(stat -c %s "$TMP/.body")" 0 "a 304 has no body"
is "$(header ETag)" "$etag" "a 304 repeats the ETag"
check_security_headers "304"
fetch -H "If-None-Match: \"0000000000000000\", W/$etag" "$BASE/assets/style.css"
is "$STATUS" 304 "a list with a weak form of the ETag matches too"
fetch -H 'If-None-Match: "0000000000000000"' "$BASE/assets/style.css"
is "$STATUS" 200 "an old ETag gets the full answer"
fetch -H "If-Modified-Since: $modified" "$BASE/assets/style.css"
is "$STATUS" 304 "If-Modified-Since at Last-Modified gives 304"
fetch -H "If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT" "$BASE/assets/style.css"
is "$STATUS" 200 "If-Modified-Since long before gives 200"
fetch -H "If-Modified-Since: yesterday" "$BASE/assets/style.css"
is "$STATUS" 200 "a malformed If-Modified-Since is ignored"
fetch -H "If-None-Match: $(curl -s -D - -o /dev/null "$BASE/api/v1/" | tr -d '\r' | sed -n 's/^ETag: //p')" "$BASE/api/v1/"
is "$STATUS" 304 "API answers support If-None-Match too"

fetch -I "$BASE/assets/style.css"
is "$STATUS" 200 "HEAD on an asset is 200"
is "$(header Content-Length)" "$size" "HEAD announces the length of the body"
printf 'HEAD /assets/style.css HTTP/1.0\r\n\r\n' | "$RAWHTTP" "$PORT" 5 >"$TMP/head.raw"
is "$(sed -n '/^\r$/,$p' "$TMP/head.raw" | wc -c)" 2 "HEAD sends no body (nothing after the blank line)"

# Error pages: proper HTML, German by default, escaped, well-formed.
fetch "$BASE/no/such/page?x=<script>"
is "$STATUS" 404 "an unknown page is 404"
is "$(header Content-Type)" "text/html; charset=utf-8" "the 404 is an HTML page"
check_security_headers "404 page"
like "$BODY" '<html lang="de">' "the UI is German by default"
like "$BODY" 'Seite nicht gefunden' "the 404 page says what happened, in German"
like "$BODY" 'href="\.\./\.\./assets/style\.css\?v=[0-9a-f]+"' \
    "links are relative to the page's depth"
printf '%s' "$BODY" | xmllint --noout - 2>"$TMP/xml.err"
ok $? "the 404 page is well-formed (xmllint)"
printf '%s' "$BODY" | xmllint --html --noout - 2>"$TMP/html.err"
ok $? "the 404 page parses as HTML without errors"
like "$(header Vary)" 'Accept-Language' "pages vary by language"
fetch -H 'Accept-Language: en-GB,en;q=0.9' "$BASE/nope"
like "$BODY" '<html lang="en">' "Accept-Language en gives English"
like "$BODY" 'Page not found' "the English 404 page"
fetch -H 'Accept-Language: fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7' "$BASE/nope"
like "$BODY" '<html lang="en">' "the highest q among supported languages wins"
fetch -H 'Accept-Language: en;q=0, de;q=0.1' "$BASE/nope"
like "$BODY" '<html lang="de">' "q=0 means not acceptable"
fetch "$BASE/nope?lang=en"
like "$BODY" '<html lang="en">' "?lang=en switches to English"
like "$BODY" 'href="\?lang=de"' "the page offers the switch back"
fetch -H 'Cookie: theme=x; lang=en' "$BASE/nope"
like "$BODY" '<html lang="en">' "the lang cookie keeps the choice"
fetch -H 'Cookie: lang=en' "$BASE/nope?lang=de"
like "$BODY" '<html lang="de">' "the switch wins over the cookie"
fetch "$BASE/healthz?lang=en"
like "$(header Set-Cookie)" '^lang=en; Path=/; Max-Age=31536000; SameSite=Lax$' \
    "the switch is remembered in a cookie"

fetch "$BASE/api/v1/nope"
is "$STATUS" 404 "an unknown API path is 404"
is "$(header Content-Type)" "application/json" "API errors are JSON"
like "$BODY" '"message": "no such endpoint' "the JSON error has a message"
check_security_headers "API 404"

fetch "$BASE/%ff%fe"
is "$STATUS" 400 "a path that is not UTF-8 is 400"
like "$BODY" 'Ungültige Anfrage' "the 400 page says so"
check_security_headers "400 page"

# Methods: GET and HEAD only; OPTIONS on the API for CORS preflights.
fetch -X POST --data 'a=1' "$BASE/healthz"
is "$STATUS" 405 "POST is 405"
is "$(header Allow)" "GET, HEAD" "405 says what is allowed"
like "$BODY" 'Methode nicht erlaubt' "the 405 page explains"
check_security_headers "405"
fetch -X DELETE "$BASE/api/v1/"
is "$STATUS" 405 "DELETE on the API is 405"
is "$(header Allow)" "GET, HEAD, OPTIONS" "the API allows OPTIONS too"
like "$BODY" '"status": 405' "the API's 405 is JSON"
fetch -X BREW "$BASE/assets/style.css"
is "$STATUS" 405 "an unknown method is 405"
fetch -X OPTIONS -H 'Origin: https://example.org' \
    -H 'Access-Control-Request-Method: GET' "$BASE/api/v1/"
is "$STATUS" 204 "OPTIONS on the API is a CORS preflight (204)"
is "$(header Access-Control-Allow-Methods)" "GET, HEAD, OPTIONS" "preflight names the methods"
check_security_headers "204"

# Keep-alive: two requests over one connection.
curl -sv -o /dev/null -o /dev/null "$BASE/healthz" "$BASE/api/v1/" 2>"$TMP/keep.err"
like "$(cat "$TMP/keep.err")" 'Re-using existing connection|left intact' \
    "keep-alive: the connection is reused"

stop_server
is "$SERVER_RC" 0 "SIGTERM stops the server with exit 0"
like "$(cat "$TMP/serve.err")" 'SIGTERM received, stopping' "the server says why it stops"

# The access log: one line per request, no raw control bytes. Read after
# the stop: a request's line is written once MHD has finished with it,
# which may be after the client has its answer; the stop finishes them all.
like "$(cat "$TMP/access.log")" '^127\.0\.0\.1 - - \[[0-9T:Z-]+\] "GET /api/v1/" 200 [0-9]+ [0-9.]+ms$' \
    "the access log has one line per request"
like "$(cat "$TMP/access.log")" '"BREW /assets/style.css" 405' "the log names odd methods as sent"

# SIGINT too (sent to a background job, whose SIGINT the shell set to
# "ignore": the server takes it all the same once it has printed its URL).
start_server --access-log off
ok $? "a second server starts" || bail_out "no server for SIGINT"
stop_server INT
is "$SERVER_RC" 0 "SIGINT stops the server with exit 0"
like "$(cat "$TMP/serve.err")" 'SIGINT received, stopping' "and the server says so"

# A signal while the server starts: it ends the process at once before the
# server takes the signals (the default action: status 143), or it stops the
# server as soon as it has started (exit 0, after the "serving" line). It is
# never lost: the server does not go on serving. Sent once the child runs
# wiall (before, it would still be a copy of this shell).
"$WIALL" --db "$TMP/w.db" serve --listen 127.0.0.1:0 --access-log off \
    >"$TMP/early.out" 2>"$TMP/early.err" &
SERVER_PID=$!
exe=$(readlink -f "$WIALL") deadline=$((SECONDS + SERVER_WAIT))
until [ "$(readlink "/proc/$SERVER_PID/exe" 2>/dev/null)" = "$exe" ] ||
    [ "$SECONDS" -ge "$deadline" ]; do
	:
done
kill -TERM "$SERVER_PID"
server_reap
ok $? "a SIGTERM during start-up is not lost: the process ends" ||
    bail_out "the server went on after a SIGTERM during its start"
SERVER_PID=""
case $SERVER_RC in
0)	like "$(cat "$TMP/early.out")" '^wiall: serving http' \
	    "a SIGTERM during start-up, taken by the server: it started first"
	like "$(cat "$TMP/early.err")" 'SIGTERM received, stopping' \
	    "and then stopped cleanly (exit 0)" ;;
*)	is "$SERVER_RC" 143 "a SIGTERM during start-up, before the server takes it: the default action"
	is "$(cat "$TMP/early.out")" "" "and it never served" ;;
esac

# Errors at start.
start_server
ok $? "a third server starts" || bail_out "no server for the port test"
run "$WIALL" --db "$TMP/w.db" serve --listen "127.0.0.1:$PORT"
is "$RC" 1 "a port in use fails with 1"
like "$ERR" "cannot listen on 127.0.0.1:$PORT" "and says where"
stop_server
is "$SERVER_RC" 0 "the server on that port was not disturbed and stops cleanly"
run "$WIALL" --db "$TMP/w.db" serve --listen nonsense
is "$RC" 2 "a --listen without a port is a usage error"
run "$WIALL" --db "$TMP/w.db" serve --threads 0
is "$RC" 2 "--threads 0 is a usage error"
run "$WIALL" --db "$TMP/missing.db" serve --listen 127.0.0.1:0
is "$RC" 1 "a missing database fails at start"
like "$ERR" "missing.db: no such database" "and names the file"
done_testing
