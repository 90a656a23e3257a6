# Every command listed by `wiall --help` documents itself with --help.
. "$TOP/tests/lib/tap.sh"

run "$WIALL" --help
is "$RC" 0 "wiall --help exits 0"
commands=$(printf '%s\n' "$OUT" | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 && $1 != "Commands:" { print $1 }')
for c in demo status show check; do
	like "$commands" "^$c\$" "wiall --help lists $c"
done
for c in $commands; do
	run "$WIALL" "$c" --help
	is "$RC" 0 "$c --help exits 0"
	like "$OUT" "^usage: wiall \[--db PATH\] $c" "$c --help starts with its usage"
	run "$WIALL" help "$c"
	like "$OUT" "^usage: wiall \[--db PATH\] $c" "wiall help $c says the same"
done
done_testing
