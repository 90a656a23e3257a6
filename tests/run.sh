#!/usr/bin/env bash
# Runs every test and ends with one line "N passed, N failed".
# Each test program speaks TAP ("ok N - name" / "not ok N - name"):
#   unit      build/tests/unit/test_*      (cmocka, CMOCKA_MESSAGE_OUTPUT=TAP)
#   cli       tests/cli/*.sh               (tests/lib/tap.sh)
#   http      tests/http/*.sh              (a real server on 127.0.0.1)
#   browser   tests/browser/*.mjs          (headless Chromium via playwright-core)
# A program that exits non-zero without reporting a failure (a crash, a plan
# not met) counts as one more failure. TESTS=pattern runs only matching files.
#
# No test can hang the run: each file gets TEST_TIMEOUT seconds (300 by
# default; the slowest file takes about 15 s), then it is stopped and counts
# as a failure that says so. Whatever a file leaves running (a server, a
# Chromium), however it ended, is killed before the next file starts: every
# process started here carries this run's WIALL_TEST_RUN token in its
# environment, which is how it is found, even when it made its own process
# group or session as Chromium does. Interrupted (Ctrl-C, SIGTERM), the run
# stops the file in progress, cleans up, and still prints the final line.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
export BUILD WIALL="$PWD/$BUILD/wiall" TOP="$PWD"
export CMOCKA_MESSAGE_OUTPUT=TAP
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1764115200}
# Sanitizer runs: stop at the first error, and let LeakSanitizer speak.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
TEST_TIMEOUT=${TEST_TIMEOUT:-300}
export WIALL_TEST_RUN="$$-$(date +%s%N)-$RANDOM"
LOG=$BUILD/test-logs
rm -rf "$LOG"; mkdir -p "$LOG"
passed=0 failed=0
pattern=${TESTS:-}
current="" current_name="" current_log=""

# The PIDs of the processes that carry this run's token. /proc/PID/environ
# is the environment a process was exec'd with: this shell and its subshells
# do not show the token (it was exported after their exec), nor does grep,
# which runs without it (and nothing else runs beside it here).
leftovers() {
	local f
	for f in $(env -u WIALL_TEST_RUN grep -lzxF \
	    "WIALL_TEST_RUN=$WIALL_TEST_RUN" /proc/[0-9]*/environ 2>/dev/null); do
		f=${f#/proc/}
		echo "${f%/environ}"
	done
}

# gone SECONDS: true once no process carries the token, false if some still
# do after SECONDS.
gone() {
	local i
	for ((i = 0; i < $1 * 10; i++)); do
		[ -z "$(leftovers)" ] && return 0
		sleep 0.1
	done
	[ -z "$(leftovers)" ]
}

# Kills what the last test file left running, with a note in its log. What
# is already on its way out (the signal of timeout(1) reached the whole
# process group) gets 2 s to go by itself.
clean_up() {	# log
	local pids pid cmd
	gone 2 && return 0
	pids=$(leftovers)
	for pid in $pids; do
		cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)
		printf '# killed: left running by the test: %s %s\n' "$pid" \
		    "${cmd:0:120}" >>"$1"
	done
	kill -TERM $pids 2>/dev/null
	gone 2 || kill -KILL $(leftovers) 2>/dev/null
}

interrupted() {	# signal name, exit status
	trap - INT TERM
	if [ -n "$current" ]; then
		kill -TERM "$current" 2>/dev/null
		wait "$current" 2>/dev/null
		echo "not ok - $current_name interrupted by SIG$1" >>"$current_log"
		printf '%-44s interrupted by SIG%s\n' "$current_name" "$1"
		passed=$((passed + $(grep -cE '^ok ' "$current_log")))
		failed=$((failed + $(grep -cE '^not ok ' "$current_log")))
	fi
	clean_up "${current_log:-/dev/null}"
	echo "$passed passed, $failed failed"
	exit "$2"
}
trap 'interrupted INT 130' INT
trap 'interrupted TERM 143' TERM

run_one() {	# name, command...
	local name=$1; shift
	local log="$LOG/$(echo "$name" | tr '/' '_').log"
	[ -n "$pattern" ] && [[ "$name" != *$pattern* ]] && return
	# In the background, so that a signal to this shell is handled at
	# once; timeout(1) stops the file after TEST_TIMEOUT s with SIGTERM
	# (which runs its clean-up traps), and 10 s later with SIGKILL.
	current_name=$name current_log=$log
	timeout -k 10 "$TEST_TIMEOUT" "$@" >"$log" 2>&1 </dev/null &
	current=$!
	wait "$current"
	local rc=$?
	current=""
	clean_up "$log"
	local ok nok
	ok=$(grep -cE '^ok ' "$log")
	nok=$(grep -cE '^not ok ' "$log")
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		nok=$((nok + 1))
		echo "not ok - $name did not finish within $TEST_TIMEOUT s" \
		    "(TEST_TIMEOUT): stopped" >>"$log"
	elif [ "$rc" -ne 0 ] && [ "$nok" -eq 0 ]; then
		nok=1
		echo "not ok - $name exited with status $rc" >>"$log"
	fi
	passed=$((passed + ok)); failed=$((failed + nok))
	if [ "$nok" -gt 0 ]; then
		printf '%-44s %4d passed %4d FAILED\n' "$name" "$ok" "$nok"
		grep -E '^not ok|^# ' "$log" | head -20 | sed 's/^/    /'
		tail -5 "$log" | sed 's/^/    | /'
	else
		printf '%-44s %4d passed\n' "$name" "$ok"
	fi
}

for t in "$BUILD"/tests/unit/test_*; do
	[ -x "$t" ] || continue
	run_one "unit/$(basename "$t")" "$t"
done
for t in tests/cli/*.sh; do
	[ -f "$t" ] || continue
	run_one "cli/$(basename "$t" .sh)" bash "$t"
done
for t in tests/http/*.sh; do
	[ -f "$t" ] || continue
	run_one "http/$(basename "$t" .sh)" bash "$t"
done
if ls tests/browser/*.mjs >/dev/null 2>&1 && [ "${SAN:-}" != 1 ]; then
	# Installed when missing, and again when the lock file names packages
	# that were not there at the last install.
	if [ ! -d tests/browser/node_modules ] || [ tests/browser/package-lock.json \
	    -nt tests/browser/node_modules/.package-lock.json ]; then
		(cd tests/browser && timeout 900 npm ci --no-audit --no-fund \
		    >/dev/null 2>&1) ||
			echo "not ok - npm ci in tests/browser failed" >"$LOG/npm.log"
	fi
	for t in tests/browser/*.mjs; do
		run_one "browser/$(basename "$t" .mjs)" node "$t"
	done
fi
[ -f "$LOG/npm.log" ] && failed=$((failed + 1))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
