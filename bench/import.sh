#!/usr/bin/env bash
# Import benchmark (issue 2): a generated long CSV of 1,000,000 rows
# (10 indicators x 50 regions x 20 sectors x 100 quarters, with flags, units
# and sources like a statistics office file) imported into a fresh database,
# beside sqlite3's own `.import` of the same file into a plain table, in the
# same run. Prints rows/s and peak memory (GNU time's maximum resident set
# size); the 250,000-row run shows that memory does not grow with the file.
# ROWS=N changes the size of the big file (a multiple of 10,000).
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
WIALL=${WIALL:-$PWD/$BUILD/wiall}
WORK=$BUILD/bench-work/import
ROWS=${ROWS:-1000000}
mkdir -p "$WORK"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "GNU time (/usr/bin/time) is missing: apt-get install time"; exit 1; }

# The catalogue: 10 indicators of one classification with 20 sectors, 50 regions.
catalog() {
	echo "BEGIN;"
	echo "INSERT INTO classification(id, code, name_de) VALUES (1, 'WZ', 'WZ');"
	for s in $(seq 1 20); do
		echo "INSERT INTO sector(classification_id, code, name_de, level) VALUES (1, 'S$s', 'Sektor $s', 1);"
	done
	for i in $(seq 1 10); do
		echo "INSERT INTO indicator(code, title_de, unit, polarity, classification_id) VALUES ('ind_$i', 'Indikator $i', 'persons', 1, 1);"
	done
	for r in $(seq 1 50); do
		printf "INSERT INTO region(code, name_de, level) VALUES ('05%03d000', 'Region %d', 'district');\n" "$r" "$r"
	done
	echo "COMMIT;"
}

# rows: indicator x region x sector x quarter, in that nesting order.
generate() {	# FILE ROWS
	awk -v rows="$2" 'BEGIN {
		print "indicator;region;sector;period;value;flag;unit;source"
		srand(42); n = 0; periods = rows / 10000
		for (i = 1; i <= 10; i++) for (r = 1; r <= 50; r++)
		for (s = 1; s <= 20; s++) for (p = 0; p < periods; p++) {
			y = 2000 + int(p / 4); q = p % 4 + 1
			v = int(rand() * 100000) / 10
			f = (p == periods - 1) ? "p" : ""
			printf "ind_%d;05%03d000;S%d;%d-Q%d;%s;%s;persons;Statistik NRW\n", \
			    i, r, s, y, q, v, f
		}
	}' >"$1"
}

measure() {	# NAME LOG: prints seconds and KiB
	local secs kib
	secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {
		n = split($2, t, ":"); s = 0
		for (i = 1; i <= n; i++) s = s * 60 + t[i]
		print s }' "$2")
	kib=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$2")
	echo "$secs $kib"
}

run_wiall() {	# FILE ROWS
	local db=$WORK/bench.db
	rm -f "$db" "$db-wal" "$db-shm"
	"$WIALL" --db "$db" init >/dev/null
	catalog | sqlite3 "$db"
	$TIME -v "$WIALL" --db "$db" import "$1" >"$WORK/wiall.out" 2>"$WORK/wiall.time"
	grep -q "$2 new" "$WORK/wiall.out" || { cat "$WORK/wiall.out" "$WORK/wiall.time"; exit 1; }
	measure wiall "$WORK/wiall.time"
}

run_sqlite() {	# FILE
	local db=$WORK/plain.db
	rm -f "$db"
	$TIME -v sqlite3 "$db" ".mode csv" ".separator ;" ".import $1 t" \
	    >/dev/null 2>"$WORK/sqlite.time"
	measure sqlite "$WORK/sqlite.time"
}

small=$((ROWS / 4))
generate "$WORK/obs_big.csv" "$ROWS"
generate "$WORK/obs_small.csv" "$small"
size=$(du -m "$WORK/obs_big.csv" | cut -f1)
echo "file: $ROWS rows, $size MB (10 indicators x 50 regions x 20 sectors x $((ROWS / 10000)) quarters)"

read -r ws wk < <(run_wiall "$WORK/obs_big.csv" "$ROWS")
read -r ss sk < <(run_sqlite "$WORK/obs_big.csv")
read -r ws2 wk2 < <(run_wiall "$WORK/obs_small.csv" "$small")
awk -v rows="$ROWS" -v small="$small" -v ws="$ws" -v wk="$wk" -v ss="$ss" \
    -v sk="$sk" -v ws2="$ws2" -v wk2="$wk2" 'BEGIN {
	printf "%-36s %9s %12s %10s\n", "", "seconds", "rows/s", "peak MiB"
	printf "%-36s %9.2f %12.0f %10.1f\n", "wiall import (validated, " rows ")", ws, rows / ws, wk / 1024
	printf "%-36s %9.2f %12.0f %10.1f\n", "sqlite3 .import (plain table)", ss, rows / ss, sk / 1024
	printf "%-36s %9.2f %12.0f %10.1f\n", "wiall import (" small " rows)", ws2, small / ws2, wk2 / 1024
	printf "wiall / sqlite3 rate: %.2f (aim: >= 0.5)\n", (rows / ws) / (rows / ss)
	printf "peak memory %d rows / %d rows: %.2f (flat: ~1)\n", rows, small, wk / wk2
}'
rm -f "$WORK"/obs_*.csv "$WORK"/*.db "$WORK"/*.db-wal "$WORK"/*.db-shm
