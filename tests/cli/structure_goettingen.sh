# wiall structure on REAT's Göttingen file: the city against Germany (BRD),
# file mode with the wide layout. The 15 sections do not add up to the A-R
# total, and that must be reported. Expected values: REAT's Goettingen
# documentation (locq with the A-R totals, krugman.spec with the section sums)
# and the hand calculations of tests/unit/test_structure.c.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/structure_fixture.sh"
G="$SDATA/Goettingen.csv"

run "$WIALL" structure --input "$G" "${GOETTINGEN_READ[@]}" --region Goettingen \
    --reference BRD --format json
is "$RC" 0 "Göttingen against Germany, every year: exit 0"
printf '%s\n' "$OUT" >"$TMP/g.json"
is "$("$SJ" count "$TMP/g.json" periods)" 10 "2008 to 2017"
is "$(jget "$TMP/g.json" periods/9/coverage/status)" short "2017: the sections fall short of A-R"
# 45 + 466 + 7874 + 1334 + 7051 + 2481 + 2251 + 2032 + 1739 + 7915 + 4875
# + 3936 + 7488 + 16896 + 900 = 67283 against 69403 (by hand).
close "$TMP/g.json" periods/9/coverage/sector_sum 67283 0 "2017: the sections sum to 67283"
close "$TMP/g.json" periods/9/coverage/published_total 69403 0 "A-R 2017 is 69403"
close "$TMP/g.json" periods/9/coverage/difference 2120 0 "2120 short"
like "$(jget "$TMP/g.json" notes)" "fall short of the published all-sector total for Goettingen \\(10 of 20" \
    "the note reports the shortfall in all ten years (Germany's sections are complete)"
is "$(jget "$TMP/g.json" reference_coverage/9/coverage/status)" complete \
    "Germany's sections add up to its A-R row"
is "$(jget "$TMP/g.json" lq_basis)" published_total "LQ divide by the A-R totals, as REAT locq"
# (16896/69403)/(4676036/32164973) by bc.
close "$TMP/g.json" periods/9/lq/Q 1.67459967423044103196 1e-12 "LQ of Q (health) 2017 (hand calculation)"
# sum |x_i/67283 - X_i/32164973| by bc.
close "$TMP/g.json" periods/9/krugman .450846878361571499827 1e-12 "Krugman 2017 (hand calculation)"
close "$TMP/g.json" periods/9/total 67283 0 "the total is the sum of the sections"
run "$SJ" invariants "$TMP/g.json"
is "$RC" 0 "shares, HHI, Krugman hold in every year ($OUT)"

run "$WIALL" structure --input "$G" "${GOETTINGEN_READ[@]}" --region Goettingen \
    --reference BRD --period 2017
is "$RC" 0 "table output"
like "$OUT" "2017 +67283 +69403 +2120 +3\\.05 short" "the table shows the shortfall"
like "$OUT" "sectors are missing from the input" "and says what it means"
like "$OUT" "LQ divide by the published totals" "and what the LQ divide by"

run "$WIALL" structure --input "$G" "${GOETTINGEN_READ[@]}" --region Goettingen \
    --reference BRD --from 2008 --to 2017 --format json
printf '%s\n' "$OUT" >"$TMP/s.json"
run "$SJ" invariants "$TMP/s.json"
is "$RC" 0 "shift-share 2008-2017: NS + IM + RS = growth ($OUT)"
# growth = 67283 - (44 + 446 + 9116 + 1611 + 7092 + 1979 + 1768 + 1631 + 2246
# + 5393 + 3357 + 3173 + 6152 + 12360 + 504 = 56872) = 10411 (bc).
close "$TMP/s.json" shift_share/growth 10411 0 "growth of the sections 2008-2017"
close "$TMP/s.json" shift_share_dynamic/growth 10411 1e-12 "the dynamic form telescopes to it"

# Without A-R as a total the file has a sector "A-R": the sum then double counts.
run "$WIALL" structure --input "$G" --dim-column WZ2008_Code=sector --ignore-column WZ2008_Name \
    --value-columns '{region}{period}' --region Goettingen --reference BRD --period 2017 --format json
is "$RC" 0 "without --total-label A-R is a sector like the others"
is "$(jget - periods/0/coverage <<<"$OUT")" null "and there is no published total to check against"
done_testing
