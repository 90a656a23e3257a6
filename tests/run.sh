#!/usr/bin/env bash
# Runs every test and ends with one line "N passed, N failed".
# Each test program speaks TAP ("ok N - name" / "not ok N - name"):
#   unit      build/tests/unit/test_*      (cmocka, CMOCKA_MESSAGE_OUTPUT=TAP)
#   cli       tests/cli/*.sh               (tests/lib/tap.sh)
#   http      tests/http/*.sh              (a real server on 127.0.0.1)
#   browser   tests/browser/*.mjs          (headless Chromium via playwright-core)
# A program that exits non-zero without reporting a failure (a crash, a plan
# not met) counts as one more failure. TESTS=pattern runs only matching files.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
export BUILD WIALL="$PWD/$BUILD/wiall" TOP="$PWD"
export CMOCKA_MESSAGE_OUTPUT=TAP
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1764115200}
# Sanitizer runs: stop at the first error, and let LeakSanitizer speak.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
LOG=$BUILD/test-logs
rm -rf "$LOG"; mkdir -p "$LOG"
passed=0 failed=0
pattern=${TESTS:-}

run_one() {	# name, command...
	local name=$1; shift
	local log="$LOG/$(echo "$name" | tr '/' '_').log"
	[ -n "$pattern" ] && [[ "$name" != *$pattern* ]] && return
	"$@" >"$log" 2>&1
	local rc=$?
	local ok nok
	ok=$(grep -cE '^ok ' "$log")
	nok=$(grep -cE '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$nok" -eq 0 ]; then
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
		(cd tests/browser && npm ci --no-audit --no-fund >/dev/null 2>&1) ||
			echo "not ok - npm ci in tests/browser failed" >"$LOG/npm.log"
	fi
	for t in tests/browser/*.mjs; do
		run_one "browser/$(basename "$t" .mjs)" node "$t"
	done
fi
[ -f "$LOG/npm.log" ] && failed=$((failed + 1))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
