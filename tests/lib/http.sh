# Helpers for HTTP tests: start `wiall serve` on a free port of 127.0.0.1
# (port 0: the server prints the one it got), fetch with curl, stop it.
# Source after tests/lib/tap.sh. Sets $BASE (http://127.0.0.1:PORT) and $PORT.
# No fixed ports, no sleeps in place of a condition: start_server waits for
# the URL the new server prints, and stop_server for its exit; each has a
# deadline (SERVER_WAIT seconds, 60 by default: a sanitizer build on a busy
# machine) after which it fails loudly instead of hanging. A server still
# running when the file ends, however it ends, is stopped by the EXIT trap.
RAWHTTP="$TOP/$BUILD/tests/helpers/rawhttp"
SERVER_WAIT=${SERVER_WAIT:-60}
SERVER_PID=""
trap '[ "$BASHPID" = "$$" ] && { server_cleanup; rm -rf "$TMP"; }' EXIT	# see tap.sh

# server_running: $SERVER_PID is a child of this shell that has not ended.
# Asked of the shell's job table, not of `kill -0`: once the shell has
# reaped the server its PID may already belong to another process.
server_running() {
	[ -n "$SERVER_PID" ] &&
	    [[ $'\n'"$(jobs -pr)"$'\n' == *$'\n'"$SERVER_PID"$'\n'* ]]
}

server_cleanup() {
	[ -n "$SERVER_PID" ] || return 0
	server_running && kill -TERM "$SERVER_PID"
	server_reap || { kill -KILL "$SERVER_PID"; wait "$SERVER_PID"; }
	SERVER_PID=""
}

# server_reap: waits for $SERVER_PID to exit, at most $SERVER_WAIT s; its
# status in SERVER_RC. 1 when it is still running.
server_reap() {
	local deadline=$((SECONDS + SERVER_WAIT))
	while server_running; do
		[ "$SECONDS" -lt "$deadline" ] || return 1
		sleep 0.05
	done
	wait "$SERVER_PID"
	SERVER_RC=$?
	return 0
}

# start_server [serve options...]: returns 0 once the server has printed its
# URL, 1 (with diagnostics) when it exited or stayed silent instead.
start_server() {
	[ -f "$TMP/w.db" ] || "$WIALL" --db "$TMP/w.db" init >/dev/null
	# Emptied here, before the new server exists: what the loop below
	# reads can only be this server's URL, never the previous one's.
	: >"$TMP/serve.out"
	: >"$TMP/serve.err"
	"$WIALL" --db "$TMP/w.db" serve --listen 127.0.0.1:0 "$@" \
	    >>"$TMP/serve.out" 2>>"$TMP/serve.err" &
	SERVER_PID=$!
	BASE="" PORT=""
	local deadline=$((SECONDS + SERVER_WAIT))
	until grep -q '^wiall: serving http' "$TMP/serve.out"; do
		if ! server_running; then
			wait "$SERVER_PID"
			diag "wiall serve exited with status $? before it printed its URL:"
			diag "$(tail -5 "$TMP/serve.err")"
			SERVER_PID=""
			return 1
		fi
		if [ "$SECONDS" -ge "$deadline" ]; then
			diag "wiall serve printed no URL within $SERVER_WAIT s:"
			diag "$(tail -5 "$TMP/serve.err")"
			server_cleanup
			return 1
		fi
		sleep 0.05
	done
	BASE=$(sed -n 's|^wiall: serving \(http://[^/]*\)/.*|\1|p' "$TMP/serve.out")
	PORT=${BASE##*:}
	[ -n "$BASE" ]
}

# stop_server [SIGNAL]: sends SIGTERM (or SIGNAL) and waits for the exit;
# the status in SERVER_RC (KILL after $SERVER_WAIT s: status 137).
stop_server() {
	if [ -z "$SERVER_PID" ]; then
		diag "stop_server: no server is running"
		SERVER_RC=255
		return
	fi
	server_running && kill -"${1:-TERM}" "$SERVER_PID"
	if ! server_reap; then
		diag "wiall serve did not stop within $SERVER_WAIT s; killed"
		kill -KILL "$SERVER_PID"
		wait "$SERVER_PID"
		SERVER_RC=$?
	fi
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
