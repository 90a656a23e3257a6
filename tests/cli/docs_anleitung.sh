# docs/anleitung.md, the German guide for the staff who run wiall, must not go
# stale: every `wiall …` line of its ```sh blocks is run here, in order, in a
# fresh directory holding the repository's data/ and the guide's ```csv NAME
# files, and must end with the exit code the guide gives (`# Exit-Code N`,
# else 0). A bare ``` block right after a ```sh block is that block's output:
# each of its lines must appear in what the commands printed. The figures the
# guide quotes in its prose, and its claim that a changed target keeps the
# old one with dates, are checked at the end.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/http.sh"

GUIDE="$TOP/docs/anleitung.md"
WORK="$TMP/work"
mkdir -p "$WORK/data"
cp -R "$TOP/data/catalog" "$TOP/data/demo" "$WORK/data/"
PATH="$(cd "$(dirname "$WIALL")" && pwd):$PATH"
export PATH
[ "$(command -v wiall)" = "$(cd "$(dirname "$WIALL")" && pwd)/wiall" ] ||
    bail_out "wiall on PATH is the binary under test"

# Split the guide into $TMP/cmds (block number, expected code, command),
# $TMP/outs/N (the output shown after sh block N) and the csv files.
mkdir -p "$TMP/outs"
awk -v cmds="$TMP/cmds" -v outs="$TMP/outs" -v work="$WORK" '
function flush_cmd() {
	if (cmd == "") return
	code = 0
	if (match(cmd, /# Exit-Code [0-9]+ *$/)) {
		code = substr(cmd, RSTART + 12) + 0
		cmd = substr(cmd, 1, RSTART - 1)
	}
	sub(/ +$/, "", cmd)
	if (cmd ~ /^wiall /) print block "\t" code "\t" cmd > cmds
	cmd = ""
}
/^```/ && kind != "" {			# a closing fence
	flush_cmd()
	if (kind == "sh") { last_sh = block; closed_sh = 1 } else closed_sh = 0
	kind = ""; next
}
/^```sh *$/ { kind = "sh"; block++; cmd = ""; next }
/^```csv [^ ]+ *$/ { kind = "csv"; file = work "/" $2; printf "" > file; next }
/^``` *$/ {
	kind = closed_sh ? "out" : "other"
	if (kind == "out") { file = outs "/" last_sh; printf "" > file }
	next
}
/^```/ { kind = "other"; next }
kind == "sh" {
	line = $0
	if (line ~ /\\$/) { sub(/\\$/, "", line); cmd = cmd line; next }
	cmd = cmd line; flush_cmd(); next
}
kind == "csv" || kind == "out" { print > file; next }
kind == "" && NF > 0 { closed_sh = 0 }
' "$GUIDE"

n_cmds=$(wc -l <"$TMP/cmds")
ok $([ "$n_cmds" -ge 15 ]; echo $?) "the guide's sh blocks hold $n_cmds wiall commands"
ok $([ -s "$WORK/neue_zahlen.csv" ] && [ -s "$WORK/fehler.csv" ] &&
    [ -s "$WORK/wertschoepfung.csv" ]; echo $?) "the guide's example files are extracted"

# serve: started as the guide says, on a free port, asked for a page in each
# language, stopped with SIGTERM.
run_serve() {	# run_serve COMMAND
	: >"$TMP/serve.out"
	: >"$TMP/serve.err"
	(cd "$WORK" && eval "exec $1 --listen 127.0.0.1:0") \
	    >>"$TMP/serve.out" 2>>"$TMP/serve.err" &
	SERVER_PID=$!
	local deadline=$((SECONDS + SERVER_WAIT))
	until grep -q '^wiall: serving http' "$TMP/serve.out"; do
		if ! server_running || [ "$SECONDS" -ge "$deadline" ]; then
			diag "$(tail -5 "$TMP/serve.err")"
			server_cleanup
			ok 1 "$1: the server starts"
			return
		fi
		sleep 0.05
	done
	BASE=$(sed -n 's|^wiall: serving \(http://[^/]*\)/.*|\1|p' "$TMP/serve.out")
	fetch "$BASE/"
	is "$STATUS" 200 "$1: the dashboard answers"
	like "$BODY" 'Übersicht' "$1: in German"
	like "$BODY" 'English' "$1: with the switch to English"
	fetch "$BASE/?lang=en"
	like "$BODY" 'Overview' "$1: ?lang=en is English"
	stop_server
	is "$SERVER_RC" 0 "$1: Ctrl-C/SIGTERM stops it with exit 0"
}

prev=0
while IFS=$'\t' read -r block code cmd; do
	if [ "$block" != "$prev" ]; then
		: >"$TMP/block.$block"
		prev=$block
	fi
	case "$cmd" in
	*" serve"*) run_serve "$cmd"; continue ;;
	esac
	(cd "$WORK" && eval "$cmd") >"$TMP/.out" 2>"$TMP/.err"
	rc=$?
	cat "$TMP/.out" "$TMP/.err" >>"$TMP/block.$block"
	is "$rc" "$code" "$cmd  → exit $code"
	[ "$rc" = "$code" ] || diag "$(head -5 "$TMP/.err")"
done <"$TMP/cmds"

# Every output the guide shows was printed by its commands.
for f in "$TMP"/outs/*; do
	[ -e "$f" ] || continue
	b=${f##*/}
	missing=0
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		grep -qxF -- "$line" "$TMP/block.$b" ||
		    { missing=$((missing + 1)); diag "not printed: $line"; }
	done <"$f"
	is "$missing" 0 "the output shown after sh block $b is what it prints"
done

# The figures the prose quotes.
cd "$WORK"
guide=$(cat "$GUIDE")
run wiall --db uebung.db check
like "$OUT" '^check of uebung\.db: 0 errors, 16 warnings$' "check ends as the guide says"
like "$guide" 'check of uebung\.db: 0 errors, 16 warnings' "(the guide says so)"
run wiall --db uebung.db import --dry-run --indicator employment_persons \
    --region-column geo --period-column year --value-columns '{sector}' \
    --total-label TOTAL --source 'Eurostat, nama_10r_3empers' \
    data/demo/DEA3_muenster_nuts3_emp_2000_2017.csv
like "$OUT" '0 new, 0 changed, 1296 unchanged' "the wide import reports 1296 unchanged, as quoted"
like "$guide" '0 new, 0 changed, 1296 unchanged' "(the guide quotes it)"
run wiall --db uebung.db publish --out "$TMP/site"
like "$OUT" ': 246 pages, 176 downloads, ' "publish writes 246 pages, as the guide says"
run wiall --db uebung.db status
like "$OUT" 'missing: reference region Nordrhein-Westfalen \(05\)' "status words what is missing as quoted"
run wiall --db uebung.db export --region 05512000 --from 2021-09 --to 2021-09
like "$OUT" 'unemployed,05512000,,2021-09,4573,' "--decimal comma read 4.573 as 4573"

# Changing a target, as section 5 says: year 2030, valid from 2026-01-01.
awk '/"code": "gender_pay_gap"/ { in_gpg = 1 }
in_gpg && /"year": 2025/ && !y { sub(/2025/, "2030"); y = 1 }
in_gpg && /"valid_from": "2017-11-29"/ && !v { sub(/2017-11-29/, "2026-01-01"); v = 1 }
{ print }' data/catalog/bottrop.json >"$TMP/cat.json" &&
    mv "$TMP/cat.json" data/catalog/bottrop.json
run wiall --db uebung.db catalog load data/catalog/bottrop.json
is "$RC" 0 "the catalogue with the changed target loads"
like "$OUT" 'superseded target gender_pay_gap/leitziel \(version from 2017-11-29 ended 2026-01-01\)' \
    "load reports the superseded target as the guide quotes it"
like "$OUT" '1 superseded' "one target superseded"
run wiall --db uebung.db show gender_pay_gap
like "$OUT" 'superseded: 2017-11-29 to 2026-01-01' "show keeps the old target with its dates"
like "$OUT" 'current, since 2026-01-01' "and shows the new one as current"

like "$(head -12 "$TOP/README.md")" 'docs/anleitung\.md' "README links the guide at the top"

done_testing
