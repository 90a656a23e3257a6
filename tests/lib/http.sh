# Helpers for HTTP tests: start `wiall serve` on a free port of 127.0.0.1
# (port 0: the server prints the one it got), fetch with curl, stop it.
# Source after tests/lib/tap.sh. Sets $BASE (http://127.0.0.1:PORT) and $PORT.
RAWHTTP="$TOP/$BUILD/tests/helpers/rawhttp"
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2>/dev/null; rm -rf "$TMP"' EXIT

start_server() {	# start_server [serve options...]
	[ -f "$TMP/w.db" ] || "$WIALL" --db "$TMP/w.db" init >/dev/null
	"$WIALL" --db "$TMP/w.db" serve --listen 127.0.0.1:0 "$@" \
	    >"$TMP/serve.out" 2>"$TMP/serve.err" &
	SERVER_PID=$!
	local i
	for i in $(seq 1 200); do
		grep -q 'serving http' "$TMP/serve.out" 2>/dev/null && break
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.05
	done
	BASE=$(sed -n 's|^wiall: serving \(http://[^/]*\)/.*|\1|p' "$TMP/serve.out")
	PORT=${BASE##*:}
	[ -n "$BASE" ]
}

stop_server() {		# sets SERVER_RC
	kill -TERM "$SERVER_PID" 2>/dev/null
	wait "$SERVER_PID"
	SERVER_RC=$?
	SERVER_PID=""
}

# fetch [curl options...] URL: headers in $HEAD (CR stripped), body in
# $BODY, status in $STATUS.
fetch() {
	rm -f "$TMP/.head" "$TMP/.body"
	curl -s -D "$TMP/.head" -o "$TMP/.body" --max-time 20 "$@" \
	    >/dev/null 2>&1
	touch "$TMP/.head" "$TMP/.body"
	HEAD=$(tr -d '\r' <"$TMP/.head")
	BODY=$(cat "$TMP/.body")
	STATUS=$(printf '%s\n' "$HEAD" | sed -n '1s/^HTTP\/[0-9.]* \([0-9]*\).*/\1/p')
}

header() {	# header NAME: the value of NAME in $HEAD (last one)
	printf '%s\n' "$HEAD" | grep -i "^$1:" | tail -1 | sed 's/^[^:]*: *//'
}

# Every answer carries the security headers, errors included.
check_security_headers() {	# check_security_headers WHAT
	local csp
	csp=$(header Content-Security-Policy)
	like "$csp" "default-src 'self'" "$1: CSP default-src 'self'"
	like "$csp" "script-src 'self'(;|$)" "$1: CSP script-src 'self'"
	like "$csp" "frame-ancestors 'none'" "$1: CSP frame-ancestors 'none'"
	unlike "$csp" "unsafe-inline|unsafe-eval" "$1: CSP allows no inline script"
	is "$(header X-Content-Type-Options)" nosniff "$1: nosniff"
	is "$(header Referrer-Policy)" no-referrer "$1: referrer policy"
	is "$(header X-Frame-Options)" DENY "$1: X-Frame-Options"
}
