# wiall structure on bad input and edge cases: a status and a reason, exit 1
# for input that cannot be used, 2 for usage errors — never a crash or a
# silent 0.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/structure_fixture.sh"
T="$SDATA/textbook.csv"

# ---- usage ---------------------------------------------------------------
run "$WIALL" structure
is "$RC" 2 "no figures named: usage error"
like "$ERR" "--indicator CODE \\(database\\) or --input FILE" "it says what is needed"
run "$WIALL" structure --input "$T" --period 2000 --from 2000
is "$RC" 2 "--period with --from"
run "$WIALL" structure --input "$T" --base 10
is "$RC" 2 "--base 10"
run "$WIALL" structure --input "$T" --format xml
is "$RC" 2 "--format xml"
run "$WIALL" structure --input "$T" --shock crash:2009:2008:2010
is "$RC" 2 "a shock whose trough comes before its peak"
like "$ERR" "the peak comes before the trough" "with the reason"
run "$WIALL" structure --input "$T" --shock crash:2008
is "$RC" 2 "a shock without trough and end"
run "$WIALL" structure --input "$T" --frobnicate
is "$RC" 2 "an unknown option"
run "$WIALL" structure --indicator x --value-columns '{sector}'
is "$RC" 2 "reading options without --input"
run "$WIALL" structure --input "$T" extra.csv
is "$RC" 2 "a stray argument"

run "$WIALL" structure --help
is "$RC" 0 "--help"
missing=""
for o in $(sed -n '/cmd_structure_options\[\] = {/,/NULL, 0, NULL, 0/p' "$TOP/src/cli/cmd_structure.c" |
    grep -o '{ "[a-z-]*"' | cut -d'"' -f2); do
	printf '%s' "$OUT" | grep -q -- "--$o" || missing="$missing $o"
done
is "$missing" "" "--help documents every option"
run "$WIALL" --help
like "$OUT" "structure +Economic structure" "wiall --help lists the command"

# ---- input that cannot be used --------------------------------------------
run "$WIALL" structure --input "$T" --region Z
is "$RC" 1 "an unknown region: exit 1"
like "$ERR" "region 'Z' has no figures in the input \\(its regions: N, A, B, C\\)" \
    "naming the regions there are"
run "$WIALL" structure --input "$T" --region A --reference Q
is "$RC" 1 "an unknown reference: exit 1"
run "$WIALL" structure --input "$T" --region A --reference A
is "$RC" 1 "a region as its own reference"
run "$WIALL" structure --input "$T" --region A --period 1999
like "$ERR" "period 1999: the input has no figures for it \\(it covers 2000 to 2001\\)" \
    "a period outside the data"
is "$RC" 1 "... exit 1"
run "$WIALL" structure --input "$T" --from 2001 --to 2000
is "$RC" 1 "--from after --to"
run "$WIALL" structure --input "$TMP/none.csv"
is "$RC" 1 "a file that does not exist"
like "$ERR" "none.csv" "named"
run "$WIALL" structure --input "$SDATA/empty.csv"
is "$RC" 1 "an empty file: exit 1"
unlike "$ERR" "AddressSanitizer|runtime error" "no crash"
run "$WIALL" structure --input "$SDATA/header_only.csv"
is "$RC" 1 "a header without rows"
like "$ERR" "header_only.csv:2:1: no data rows after the header" "says so at its place"
run "$WIALL" structure --input "$SDATA/duplicate.csv"
is "$RC" 1 "a figure given twice"
like "$ERR" "duplicate.csv:4:10: a second figure for R, 2020, sector A \\(the first is on line 2\\)" \
    "with its place"
printf 'region,period,sector,value\nR,2020,A,1\nR,2020/21,B,2\n' >"$TMP/badperiod.csv"
run "$WIALL" structure --input "$TMP/badperiod.csv"
is "$RC" 1 "a bad period"
like "$ERR" "badperiod.csv:3:3: bad period" "at its place"
printf 'region,period,value\nR,2020,5\n' >"$TMP/totals.csv"
run "$WIALL" structure --input "$TMP/totals.csv"
is "$RC" 1 "only totals, no sectors"
like "$ERR" "no figures by" "says so"
DB="$TMP/e.db"
"$WIALL" --db "$DB" init >/dev/null
run "$WIALL" --db "$DB" structure --indicator nothing
is "$RC" 1 "an unknown indicator"
like "$ERR" "unknown indicator 'nothing'" "named"

# ---- edge cases that are computed, with statuses --------------------------
run "$WIALL" structure --input "$SDATA/one_sector.csv" --region R --reference Q --format json
is "$RC" 0 "one sector: computed"
printf '%s\n' "$OUT" >"$TMP/one.json"
close "$TMP/one.json" periods/0/hhi 1 0 "HHI = 1"
is "$(jget "$TMP/one.json" periods/0/hhi_normalised)" null "H* is null, not 0"
is "$(jget "$TMP/one.json" periods/0/unavailable/hhi_normalised/status)" one_sector "status one_sector"
like "$(jget "$TMP/one.json" periods/0/unavailable/hhi_normalised/reason)" "one sector" "with the reason"
close "$TMP/one.json" periods/0/entropy 0 0 "entropy 0 (one sector holds everything)"
close "$TMP/one.json" periods/0/lq/A 1 1e-12 "LQ 1"

run "$WIALL" structure --input "$SDATA/zeros.csv" --region Z --reference R --format json
is "$RC" 0 "a region with only zeros: computed"
printf '%s\n' "$OUT" >"$TMP/z.json"
for k in total hhi hhi_normalised entropy krugman; do
	is "$(jget "$TMP/z.json" periods/0/$k)/$(jget "$TMP/z.json" periods/0/unavailable/$k/status)" \
	    "null/zero_total" "all zeros: $k is null with status zero_total"
done
is "$(jget "$TMP/z.json" periods/0/lq/A)" null "and the LQ too"
run "$WIALL" structure --input "$SDATA/zeros.csv" --region R --reference Z --format json
is "$(jget - periods/0/unavailable/krugman/status <<<"$OUT")" zero_total \
    "a reference with only zeros: Krugman null"
like "$(jget - periods/0/unavailable/krugman/reason <<<"$OUT")" "reference Z" \
    "the reason says it is the reference"
run "$WIALL" structure --input "$SDATA/zeros.csv" --region Z --reference R
is "$RC" 0 "the table with n/a"
like "$OUT" "n/a: not computable" "explains n/a"
like "$OUT" "All sectors are zero" "with the reason"

run "$WIALL" structure --input "$SDATA/missing.csv" --region R --reference Q --format json
is "$RC" 0 "a missing figure (NA): computed"
is "$(jget - periods/0/hhi <<<"$OUT")" null "HHI null"
is "$(jget - periods/0/unavailable/hhi/status <<<"$OUT")" missing "status missing"
like "$(jget - periods/0/unavailable/hhi/reason <<<"$OUT")" "sector B, 2020" "names sector and period"
run "$WIALL" structure --input "$SDATA/missing.csv" --region Q --format json
is "$(jget - periods/0/unavailable/krugman/status <<<"$OUT")" missing \
    "column sums with a missing cell: Krugman null, status missing"
like "$(jget - periods/0/unavailable/krugman/reason <<<"$OUT")" "column sums, region R" \
    "naming the region whose figure is missing"

run "$WIALL" structure --input "$T" --region A --reference N --period 2001 --from 2000
is "$RC" 2 "period and span"
run "$WIALL" structure --input "$T" --region A --reference N --from 2001 --format json
is "$RC" 0 "a span of one period"
is "$(jget - shift_share/growth <<<"$OUT")" null "shift-share needs two periods: null"
is "$(jget - shift_share/unavailable/growth/status <<<"$OUT")" too_few_periods "status too_few_periods"
printf 'region,period,sector,value\nR,2020,A,-5\nR,2020,B,20\nQ,2020,A,10\nQ,2020,B,10\n' >"$TMP/neg.csv"
run "$WIALL" structure --input "$TMP/neg.csv" --region R --reference Q --format json
is "$RC" 0 "a negative employment figure: computed, with statuses"
is "$(jget - periods/0/unavailable/hhi/status <<<"$OUT")" negative "HHI null, status negative"
like "$(jget - periods/0/unavailable/hhi/reason <<<"$OUT")" "negative.*sector A" "naming the sector"

# A sector that was 0 at the start (METHODS §3.6): its RS term is its change,
# Esteban-Marquillas is not computed, and the note says so.
printf 'region,period,sector,value\nR,2000,A,0\nR,2000,B,20\nR,2001,A,5\nR,2001,B,20\nQ,2000,A,10\nQ,2000,B,10\nQ,2001,A,10\nQ,2001,B,10\n' >"$TMP/zs.csv"
run "$WIALL" structure --input "$TMP/zs.csv" --region R --reference Q --from 2000 --to 2001 --format json
is "$RC" 0 "a sector starting at zero"
is "$(jget - zero_start_sectors <<<"$OUT")" A "is named"
# growth 25 - 20 = 5; g = 0: NS = 0, IM = 0, RS = (5 - 0) + (20 - 20) = 5.
close - shift_share/regional_share 5 1e-12 "RS takes its whole change (5)" <<<"$OUT"
is "$(jget - esteban_marquillas/unavailable/competitive/status <<<"$OUT")" zero_start \
    "Esteban-Marquillas: null, status zero_start"
like "$(jget - notes <<<"$OUT")" "R had nothing in A in 2000" "the note explains"
done_testing
