# TAP helpers for shell tests: source it, call the checks, end with `done_testing`.
# Every check prints "ok N - name" or "not ok N - name" with a diagnostic.
# $WIALL is the binary under test; each test file gets a fresh $TMP directory.
set -u
_tap_n=0
_tap_failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/wiall-test.XXXXXX")
# The EXIT trap is for this shell only. A child forked for `cmd &` is a copy
# of it, trap included, until it has exec'd cmd; a signal in that moment
# would run the trap in the child and remove $TMP under the test's feet.
# ($BASHPID is the process asking, $$ the test's shell.)
trap '[ "$BASHPID" = "$$" ] && rm -rf "$TMP"' EXIT

ok() {		# ok CONDITION-EXIT-CODE NAME
	_tap_n=$((_tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_tap_n - $2"
	else
		echo "not ok $_tap_n - $2"
		_tap_failed=$((_tap_failed + 1))
	fi
}

is() {		# is GOT EXPECTED NAME
	_tap_n=$((_tap_n + 1))
	if [ "$1" == "$2" ]; then
		echo "ok $_tap_n - $3"
	else
		echo "not ok $_tap_n - $3"
		echo "#   got:      '$1'"
		echo "#   expected: '$2'"
		_tap_failed=$((_tap_failed + 1))
	fi
}

like() {	# like TEXT REGEX NAME
	_tap_n=$((_tap_n + 1))
	if printf '%s' "$1" | grep -qE -- "$2"; then
		echo "ok $_tap_n - $3"
	else
		echo "not ok $_tap_n - $3"
		echo "#   text did not match /$2/:"
		printf '%s\n' "$1" | head -10 | sed 's/^/#   | /'
		_tap_failed=$((_tap_failed + 1))
	fi
}

unlike() {	# unlike TEXT REGEX NAME
	_tap_n=$((_tap_n + 1))
	if printf '%s' "$1" | grep -qE -- "$2"; then
		echo "not ok $_tap_n - $3"
		echo "#   text matched /$2/ but should not:"
		printf '%s\n' "$1" | grep -E -- "$2" | head -5 | sed 's/^/#   | /'
		_tap_failed=$((_tap_failed + 1))
	else
		echo "ok $_tap_n - $3"
	fi
}

# run CMD...: runs it, keeping stdout in $OUT, stderr in $ERR, status in $RC.
run() {
	"$@" >"$TMP/.out" 2>"$TMP/.err"
	RC=$?
	OUT=$(cat "$TMP/.out")
	ERR=$(cat "$TMP/.err")
}

# bail_out REASON: one failure that the rest of the file depends on (say,
# the server did not start): report it and stop, rather than fail every
# check after it for the same reason.
bail_out() {
	ok 1 "$1"
	echo "Bail out! $1"
	exit 1
}

# diag TEXT...: a TAP diagnostic line per line of text.
diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

done_testing() {
	echo "1..$_tap_n"
	[ "$_tap_failed" -eq 0 ]
}
