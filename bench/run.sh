#!/usr/bin/env bash
# Runs every benchmark: the compiled programs build/bench/* and the scripts
# bench/*.sh. Each prints its own figures; nothing here is a pass/fail test.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
export BUILD WIALL="$PWD/$BUILD/wiall" TOP="$PWD"
mkdir -p "$BUILD/bench-work"
for b in "$BUILD"/bench/*; do
	[ -x "$b" ] || continue
	echo "== $(basename "$b")"
	"$b"
	echo
done
for s in bench/*.sh; do
	[ -f "$s" ] || continue
	[ "$(basename "$s")" = run.sh ] && continue	# not itself: it would recurse forever
	echo "== $(basename "$s" .sh)"
	bash "$s"
	echo
done
