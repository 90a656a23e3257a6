#!/usr/bin/env bash
# HTTP benchmark: wrk on loopback (2 threads, 64 connections, $BENCH_SECONDS
# s, default 30) against `wiall serve` and, in the same run, nginx serving the
# same bytes as static files. Prints requests/s, p50/p99 latency, errors, and
# the server's resident memory before, during and after the load.
# Targets: the overview and an indicator page (rendered per request from the
# database: tests/data/web's catalogue and observations), and an embedded asset.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
WIALL=${WIALL:-$PWD/$BUILD/wiall}
SECONDS_RUN=${BENCH_SECONDS:-30}
WORK="$PWD/$BUILD/bench-work/http"
rm -rf "$WORK"; mkdir -p "$WORK/nginx/html/indicators" "$WORK/nginx/tmp" "$WORK/nginx/logs"

for tool in wrk nginx curl; do
	command -v "$tool" >/dev/null 2>&1 || { echo "http: $tool not installed, skipped"; exit 0; }
done
NGINX=$(command -v nginx)

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
rss_kb() {	# the resident set of a process, in KiB
	awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null
}

"$WIALL" --db "$WORK/w.db" init >/dev/null
"$WIALL" --db "$WORK/w.db" catalog load tests/data/web/catalog.json >/dev/null
"$WIALL" --db "$WORK/w.db" import tests/data/web/observations.csv >/dev/null
"$WIALL" --db "$WORK/w.db" serve --listen 127.0.0.1:0 --threads 2 \
    --access-log off >"$WORK/serve.out" 2>"$WORK/serve.err" &
WIALL_PID=$!
NGINX_PID=""
cleanup() {
	kill -TERM "$WIALL_PID" 2>/dev/null
	[ -n "$NGINX_PID" ] && kill -TERM "$NGINX_PID" 2>/dev/null
	wait 2>/dev/null
}
trap cleanup EXIT
for i in $(seq 1 100); do
	grep -q 'serving http' "$WORK/serve.out" 2>/dev/null && break
	sleep 0.05
done
BASE=$(sed -n 's|^wiall: serving \(http://[^/]*\)/.*|\1|p' "$WORK/serve.out")
[ -n "$BASE" ] || { echo "http: wiall serve did not start"; cat "$WORK/serve.err"; exit 1; }

# The same bytes for nginx, as files.
curl -s "$BASE/assets/style.css" >"$WORK/nginx/html/style.css"
curl -s "$BASE/" >"$WORK/nginx/html/index.html"
curl -s "$BASE/indicators/unemployment" >"$WORK/nginx/html/indicators/unemployment.html"
NGINX_PORT=$(free_port)
USER_LINE=""
[ "$(id -u)" -eq 0 ] && USER_LINE="user root;"
cat >"$WORK/nginx/nginx.conf" <<CONF
$USER_LINE
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $WORK/nginx/tmp/body;
	proxy_temp_path $WORK/nginx/tmp/proxy;
	fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
	uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
	scgi_temp_path $WORK/nginx/tmp/scgi;
	types { text/css css; text/html html; }
	keepalive_requests 1000000;
	server {
		listen 127.0.0.1:$NGINX_PORT;
		root $WORK/nginx/html;
		location /indicators/ { try_files \$uri.html =404; }
	}
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' 2>"$WORK/nginx/logs/start.log" &
NGINX_PID=$!
for i in $(seq 1 100); do
	curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/style.css" && break
	sleep 0.05
done

echo "wrk: 2 threads, 64 connections, ${SECONDS_RUN}s each, loopback; wiall with 2 worker threads, nginx with 2 workers"
printf '%-34s %12s %10s %10s %8s\n' "target" "requests/s" "p50" "p99" "errors"
run_wrk() {	# run_wrk LABEL URL [PID to sample]
	local label=$1 url=$2 pid=${3:-} out sample=""
	wrk -t2 -c64 -d"${SECONDS_RUN}s" --latency "$url" >"$WORK/wrk.out" 2>&1 &
	local wrk_pid=$!
	if [ -n "$pid" ]; then
		sleep $((SECONDS_RUN / 2))
		sample=$(rss_kb "$pid")
		echo "$sample" >>"$WORK/rss-during"
	fi
	wait "$wrk_pid"
	out=$(cat "$WORK/wrk.out")
	local rps p50 p99 sock non2xx errors
	rps=$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ { print $2 }')
	p50=$(printf '%s\n' "$out" | awk '$1 == "50%" { print $2 }')
	p99=$(printf '%s\n' "$out" | awk '$1 == "99%" { print $2 }')
	sock=$(printf '%s\n' "$out" | sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1+\2+\3+\4/p')
	non2xx=$(printf '%s\n' "$out" | awk '/Non-2xx/ { print $NF }')
	errors=$(( ${sock:-0} + ${non2xx:-0} ))
	printf '%-34s %12s %10s %10s %8s\n' "$label" "${rps:-?}" "${p50:-?}" "${p99:-?}" "$errors"
}

rss_before=$(rss_kb "$WIALL_PID")
run_wrk "wiall  / (overview)" "$BASE/" "$WIALL_PID"
run_wrk "nginx  / (saved file)" "http://127.0.0.1:$NGINX_PORT/"
run_wrk "wiall  /indicators/unemployment" "$BASE/indicators/unemployment" "$WIALL_PID"
run_wrk "nginx  /indicators/unemployment" "http://127.0.0.1:$NGINX_PORT/indicators/unemployment"
run_wrk "wiall  /assets/style.css" "$BASE/assets/style.css" "$WIALL_PID"
run_wrk "nginx  /style.css" "http://127.0.0.1:$NGINX_PORT/style.css"
sleep 1
rss_after=$(rss_kb "$WIALL_PID")
echo "wiall resident memory: before ${rss_before} KiB, during $(paste -sd/ "$WORK/rss-during") KiB, after ${rss_after} KiB"
kill -TERM "$WIALL_PID"; wait "$WIALL_PID"; rc=$?
echo "wiall exit status after SIGTERM under no load: $rc"
