# wiall serve under bad input: malformed requests, oversized headers and
# bodies, idle and half-sent connections. Each is answered or dropped, and the
# server keeps serving afterwards.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/http.sh"

start_server --timeout 2 --body-limit 10000 --access-log "$TMP/access.log"
ok $? "the server starts (2 s idle timeout, 10000-byte bodies)" ||
    bail_out "no server to test"

alive() {	# alive WHAT: the server still answers a normal request
	fetch "$BASE/healthz"
	is "$STATUS" 200 "still serving after $1"
}

raw() {		# raw WAIT: sends stdin, answer in $RAW, exit code in $RAWRC
	"$RAWHTTP" "$PORT" "$1" >"$TMP/raw.out"
	RAWRC=$?
	RAW=$(tr -d '\r' <"$TMP/raw.out")
}

printf 'GARBAGE\r\n\r\n' >"$TMP/req"; raw 5 <"$TMP/req"
is "$RAWRC" 0 "a request line that is not HTTP: the connection is closed"
alive "garbage"

printf 'GET /healthz HTTP/1.1\r\nHost x\r\n\r\n' >"$TMP/req"; raw 5 <"$TMP/req"
like "$RAW" '^HTTP/1\.1 400' "a header line without a colon is 400"
alive "a broken header"

printf 'GET /healthz HTTP/1.1\r\n\r\n' >"$TMP/req"; raw 5 <"$TMP/req"
like "$RAW" '^HTTP/1\.1 400' "HTTP/1.1 without Host is 400 (RFC 9112 3.2)"
like "$RAW" "frame-ancestors 'none'" "that 400 carries the security headers"

printf 'GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n' >"$TMP/req"; raw 5 <"$TMP/req"
like "$RAW" '^HTTP/1\.1 505' "an unknown HTTP version is 505"

printf 'GET /\001\177 HTTP/1.1\r\nHost: x\r\n\r\n' >"$TMP/req"; raw 5 <"$TMP/req"
like "$RAW" '^HTTP/1\.1 (400|404)' "control bytes in the path are answered"
like "$RAW" "frame-ancestors 'none'" "with the security headers"
alive "control bytes"

# Every byte value, twice, as a "request".
for i in $(seq 0 255); do printf "\\$(printf %03o "$i")"; done >"$TMP/bytes"
cat "$TMP/bytes" "$TMP/bytes" >"$TMP/req"; raw 5 <"$TMP/req"
is "$RAWRC" 0 "binary junk: the connection is closed"
alive "binary junk"

# Headers beyond the per-connection memory limit (32 KiB).
{ printf 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: '
  head -c 100000 /dev/zero | tr '\0' a; printf '\r\n\r\n'; } >"$TMP/req"; raw 5 <"$TMP/req"
like "$RAW" '^HTTP/1\.1 431' "a 100 KB header is refused (431)"
alive "a huge header"
{ printf 'GET /'; head -c 70000 /dev/zero | tr '\0' a; printf ' HTTP/1.1\r\nHost: x\r\n\r\n'; } >"$TMP/req"; raw 5 <"$TMP/req"
like "$RAW" '^HTTP/1\.1 (414|431)' "a 70 KB request line is refused"
alive "a huge request line"

# Bodies: a declared length over the limit is refused before it is read.
head -c 20000 /dev/zero | tr '\0' x >"$TMP/body"
fetch -X POST --data-binary @"$TMP/body" "$BASE/healthz"
is "$STATUS" 413 "a 20000-byte body over a 10000-byte limit is 413"
like "$BODY" 'Anfrage zu groß' "the 413 page explains"
check_security_headers "413"
fetch -X POST --data-binary @"$TMP/body" "$BASE/api/v1/"
is "$STATUS" 413 "413 under /api/ too"
like "$BODY" '"status": 413' "as JSON"
printf 'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n' >"$TMP/req"; raw 5 <"$TMP/req"
like "$RAW" '^HTTP/1\.1 413' "a huge Content-Length without a body is 413 at once"
is "$RAWRC" 0 "and the connection is closed"
head -c 5000 /dev/zero | tr '\0' x >"$TMP/small"
fetch -X POST --data-binary @"$TMP/small" "$BASE/healthz"
is "$STATUS" 405 "a body within the limit on a read-only address is 405"
# A chunked body cannot be answered in mid-stream: it is dropped.
{ printf 'GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n'
  for i in $(seq 1 30); do printf '3e8\r\n'; head -c 1000 /dev/zero | tr '\0' y; printf '\r\n'; done
  printf '0\r\n\r\n'; } >"$TMP/req"; raw 5 <"$TMP/req"
is "$RAWRC" 0 "a chunked body over the limit: the connection is closed"
unlike "$RAW" '^HTTP/1\.1 200' "and nothing is served for it"
alive "oversized bodies"

# Idle and half-sent connections are closed by the timeout.
"$RAWHTTP" "$PORT" 10 --idle >/dev/null 2>&1; rc=$?
is "$rc" 0 "an idle connection is closed by the server within 10 s (timeout 2 s)"
printf 'GET /healthz HTTP/1.1\r\nHost: x\r\n' >"$TMP/req"; raw 10 <"$TMP/req"
is "$RAWRC" 0 "a request whose headers never end is closed by the timeout"
printf 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n' >"$TMP/req"; raw 10 <"$TMP/req"
like "$RAW" '^HTTP/1\.1 200' "a kept-alive connection is answered"
is "$RAWRC" 0 "and closed once it has idled past the timeout"
# Many idle connections do not block others: asked once all 40 are open.
idlers=""
: >"$TMP/idlers"
for i in $(seq 1 40); do
	"$RAWHTTP" "$PORT" 10 --idle >/dev/null 2>>"$TMP/idlers" & idlers="$idlers $!"
done
deadline=$((SECONDS + SERVER_WAIT))
until [ "$(grep -c '^connected$' "$TMP/idlers")" -eq 40 ] ||
    [ "$SECONDS" -ge "$deadline" ]; do
	sleep 0.05
done
is "$(grep -c '^connected$' "$TMP/idlers")" 40 "40 idle connections are open"
alive "40 idle connections opened"
closed=0
for p in $idlers; do wait "$p" && closed=$((closed + 1)); done
is "$closed" 40 "all 40 idle connections were closed by the server"
alive "the idle connections timed out"

stop_server
is "$SERVER_RC" 0 "SIGTERM still stops it cleanly"
# Read after the stop, which finishes every request's log line.
like "$(cat "$TMP/access.log")" '"GET /\\x01\\x7f"' "the access log escapes control bytes"
done_testing
