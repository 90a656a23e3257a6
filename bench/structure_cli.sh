#!/usr/bin/env bash
# End-to-end benchmark of `wiall structure --input` (issue 3 §2): reading,
# checking and computing everything, writing JSON. (1) The Länder file of the
# CLI tests (16 Länder + Germany x 12 sector groups x 7 years, long CSV read
# with the wide-layout options), matrix mode against Germany with shift-share:
# the mean of 50 runs. (2) A generated long CSV of 402 regions x 20 sectors x
# 25 years (201,000 rows, like the German districts), matrix mode against the
# column sums with shift-share over all 25 years: time and peak memory.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
WIALL=${WIALL:-$PWD/$BUILD/wiall}
WORK=$BUILD/bench-work/structure_cli
mkdir -p "$WORK"
TIME=/usr/bin/time
now() { date +%s.%N; }

L=tests/data/structcli/G.regions.emp.csv
RUNS=50
t0=$(now)
for _ in $(seq 1 $RUNS); do
	"$WIALL" structure --input "$L" --region-column region --period-column year \
	    --dim-column industry=sector --value-columns emp --total-label Insgesamt \
	    --exclude-sector 'Verarbeitendes Gewerbe (C)' --reference Insgesamt \
	    --from 2008 --to 2014 --format json >"$WORK/laender.json"
done
t1=$(now)
awk -v a="$t0" -v b="$t1" -v n=$RUNS -v s="$(wc -c <"$WORK/laender.json")" 'BEGIN {
	printf "Länder file (1,428 rows), 16 regions x 11 sectors x 7 years, matrix mode + shift-share:\n"
	printf "  %.2f ms per run (mean of %d, process start included), %d bytes of JSON\n", (b - a) * 1000 / n, n, s }'

BIG=$WORK/districts.csv
if [ ! -f "$BIG" ]; then
	awk 'BEGIN {
		srand(42)
		print "region,period,sector,value"
		for (r = 1; r <= 402; r++)
			for (y = 1995; y < 2020; y++)
				for (s = 1; s <= 20; s++)
					printf "D%03d,%d,S%02d,%d\n", r, y, s, 100 + int(rand() * 5000 * s)
	}' >"$BIG"
fi
if [ -x "$TIME" ]; then
	"$TIME" -f '%e %M' -o "$WORK/time.txt" "$WIALL" structure --input "$BIG" \
	    --from 1995 --to 2019 --format json >"$WORK/districts.json"
	read -r sec kb <"$WORK/time.txt"
else
	t0=$(now)
	"$WIALL" structure --input "$BIG" --from 1995 --to 2019 --format json >"$WORK/districts.json"
	sec=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
	kb="?"
fi
printf 'Generated districts file (201,000 rows), 402 regions x 20 sectors x 25 years,\n'
printf '  column sums, shift-share (classic, dynamic, EM), portfolio, JSON of %s MB:\n' \
    "$(awk -v s="$(wc -c <"$WORK/districts.json")" 'BEGIN { printf "%.1f", s / 1e6 }')"
printf '  %s s, peak memory %s KiB\n' "$sec" "$kb"
