# The worked examples of METHODS: the textbook shift-share (§3.6, Farhauer &
# Kröll, REAT `shift` docs: regions A, B, C against their nation) and the
# variety check (§3.3), through small files and the CLI.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/structure_fixture.sh"
T="$SDATA/textbook.csv"

run "$WIALL" structure --input "$T" --reference N --from 2000 --to 2001 --format json
is "$RC" 0 "A, B, C against the nation N"
printf '%s\n' "$OUT" >"$TMP/t.json"
is "$("$SJ" count "$TMP/t.json" regions)" 3 "three regions"
i=0
for want in "A 25 27 1 -3 -2" "B 55 24 -1 32 31" "C 85 114 0 -29 -29"; do
	set -- $want
	is "$(jget "$TMP/t.json" regions/$i/region)" "$1" "region $1"
	close "$TMP/t.json" regions/$i/shift_share/growth "$2" 1e-12 "$1: growth $2"
	close "$TMP/t.json" regions/$i/shift_share/national_share "$3" 1e-12 "$1: national share $3"
	close "$TMP/t.json" regions/$i/shift_share/industry_mix "$4" 1e-12 "$1: industry mix $4"
	close "$TMP/t.json" regions/$i/shift_share/regional_share "$5" 1e-12 "$1: regional share $5"
	close "$TMP/t.json" regions/$i/shift_share/net_total_shift "$6" 1e-12 "$1: net total shift $6"
	i=$((i + 1))
done
run "$SJ" invariants "$TMP/t.json"
is "$RC" 0 "the invariants ($OUT)"

# The nation is the sum of A, B and C: the column sums give the same numbers.
run "$WIALL" structure --input "$T" --exclude-region N --from 2000 --to 2001 --format json
is "$RC" 0 "against the column sums of A, B, C"
close - regions/1/shift_share/regional_share 32 1e-12 "B: regional share 32 against the column sums" <<<"$OUT"
close - regions/2/shift_share/national_share 114 1e-12 "C: national share 114 against the column sums" <<<"$OUT"

# Without --exclude-region, N would count twice in the column sums.
run "$WIALL" structure --input "$T" --region A --from 2000 --to 2001 --format json
close - shift_share/national_share 27 1e-12 "one region against column sums with N: still NS 27 (N doubles every sum alike)" <<<"$OUT"

run "$WIALL" structure --input "$T" --region A --reference N --from 2000 --to 2001
is "$RC" 0 "table"
like "$OUT" "national share +27\\.0" "the table shows NS 27.0"
like "$OUT" "regional share +-3\\.0" "and RS -3.0"
like "$OUT" "growth had the region grown like the reference" "and says what NS means"

# METHODS §3.3: counts (10, 0, 5, 5), groups (A, A, B, B): E = 1.5, UV = 1,
# RV = 0.5 bits.
V="$SDATA/variety.csv"
run "$WIALL" structure --input "$V" --region X --groups "$SDATA/variety_groups.csv" --format json
is "$RC" 0 "the variety example"
printf '%s\n' "$OUT" >"$TMP/v.json"
close "$TMP/v.json" periods/0/entropy 1.5 1e-12 "E = 1.5 bits"
close "$TMP/v.json" periods/0/unrelated_variety 1 1e-12 "UV = 1 bit"
close "$TMP/v.json" periods/0/related_variety 0.5 1e-12 "RV = 0.5 bit"
is "$(jget "$TMP/v.json" groups/s3)" B "the groups come from the file"
is "$(jget "$TMP/v.json" periods/0/nonzero_sectors)" 3 "the zero sector counts in n but not as nonzero"
run "$WIALL" structure --input "$V" --region X --groups "$SDATA/variety_groups.csv" --base e --format json
# 1.5 · ln 2 and 0.5 · ln 2
close - periods/0/entropy 1.0397207708399179 1e-12 "--base e: E = 1.5 ln 2" <<<"$OUT"
close - periods/0/related_variety 0.34657359027997264 1e-12 "--base e: RV = 0.5 ln 2" <<<"$OUT"
printf 'sector,group\ns1,A\ns2,A\ns3,B\n' >"$TMP/short_groups.csv"
run "$WIALL" structure --input "$V" --region X --groups "$TMP/short_groups.csv"
is "$RC" 1 "a sector without a group is an error"
like "$ERR" "sector 's4' has no group" "naming the sector"
done_testing
