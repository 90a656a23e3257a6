# wiall structure on the real Eurostat figures: Bottrop (DEA31) against
# Regierungsbezirk Münster (DEA3), 2000–2017, from the database with the
# shipped catalogue and from the file. Expected values are the hand
# calculations of tests/unit/test_shiftshare.c and test_structure.c (bc on the
# six exhaustive NACE groups; C is part of B_E and must be left out).
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/structure_fixture.sh"
DB="$TMP/b.db"
"$WIALL" --db "$DB" init >/dev/null
"$WIALL" --db "$DB" catalog load "$TOP/data/catalog/bottrop.json" >/dev/null
run "$WIALL" --db "$DB" import --indicator employment_persons "${EUROSTAT_READ[@]}" \
    "$SDATA/DEA3_muenster_nuts3_emp_2000_2017.csv"
is "$RC" 0 "the Eurostat file imports into the shipped catalogue"

# ---- database mode -------------------------------------------------------
run "$WIALL" --db "$DB" structure --indicator employment_persons --region DEA31 \
    --from 2000 --to 2017 --format json
is "$RC" 0 "database mode, one region, a span: exit 0"
printf '%s\n' "$OUT" >"$TMP/db.json"
is "$(jget "$TMP/db.json" region)" "05512000" "DEA31 is found by its alias: Bottrop"
is "$(jget "$TMP/db.json" reference)" "DEA3" "the indicator's reference region is the default reference"
is "$(jget "$TMP/db.json" sectors)" '["A","B_E","F","G_J","K_N","O_U"]' \
    "the six exhaustive groups under TOTAL, without C (part of B_E)"
like "$(jget "$TMP/db.json" notes)" "C \\(part of B_E\\)" "the note says why C is left out"
is "$(jget "$TMP/db.json" periods/0/period)/$(jget "$TMP/db.json" periods/17/period)" "2000/2017" \
    "every period of the span, in order"
is "$("$SJ" keys "$TMP/db.json" shift_share)" \
    "from,to,growth,national_share,industry_mix,regional_share,net_total_shift" \
    "shift_share has the contract's keys"
is "$("$SJ" keys "$TMP/db.json" esteban_marquillas)" "competitive,allocation" \
    "esteban_marquillas has the contract's keys"
like "$("$SJ" keys "$TMP/db.json" periods/17)" \
    "^period,total,hhi,hhi_normalised,entropy,unrelated_variety,related_variety,krugman,lq," \
    "a period has the contract's keys"
# test_shiftshare.c, by hand with bc: sector sums 47190 -> 48230, 1173450 -> 1295660.
close "$TMP/db.json" shift_share/growth 1040 0 "growth 2000-2017 = 48230 - 47190"
close "$TMP/db.json" shift_share/national_share 4914.644765435255017 1e-12 "national share (hand calculation)"
close "$TMP/db.json" shift_share/industry_mix -221.238531844059383 1e-12 "industry mix (hand calculation)"
close "$TMP/db.json" shift_share/regional_share -3653.406233591195634 1e-12 "regional share (hand calculation)"
close "$TMP/db.json" shift_share/net_total_shift -3874.644765435255017 1e-12 "net total shift (hand calculation)"
close "$TMP/db.json" esteban_marquillas/competitive -2993.415624715616023 1e-12 "competitive effect (hand calculation)"
close "$TMP/db.json" esteban_marquillas/allocation -659.990608875579611 1e-12 "allocation effect (hand calculation)"
close "$TMP/db.json" shift_share_dynamic/growth 1040 1e-12 "dynamic growth telescopes to 1040"
is "$(jget "$TMP/db.json" shift_share_dynamic/steps)" 17 "17 yearly steps"
# test_structure.c: (7950/48230)/(225750/1295660) by bc.
close "$TMP/db.json" periods/17/lq/B_E .9460479719615932240516958 1e-12 "LQ of B_E in 2017 (hand calculation)"
close "$TMP/db.json" periods/0/total 47190 0 "2000: the groups sum to 47190"
is "$(jget "$TMP/db.json" periods/0/coverage/status)" complete \
    "the groups meet the published TOTAL (47180) within the rounding"
close "$TMP/db.json" periods/0/coverage/difference -10 0 "and differ from it by -10"
run "$SJ" invariants "$TMP/db.json"
is "$RC" 0 "shares, LQ, HHI, Krugman, NS + IM + RS = growth: every invariant holds"
like "$OUT" "^[0-9]+ checks" "$OUT"
is "$(jget "$TMP/db.json" periods/0/unrelated_variety)" null "no variety without a coarser level"
is "$(jget "$TMP/db.json" periods/0/unavailable/unrelated_variety/status)" no_groups "... and it says why"
is "$(jget "$TMP/db.json" shocks/0/name)" financial-crisis-2008 "the catalogue's shocks are measured"
# Bottrop 2008 -> 2009: 48840 -> 48890; DEA3: 1195640 -> 1199190 (group
# sums). beta = (50/48840)/(3550/1195640) = .3447993447993447993 (bc).
close "$TMP/db.json" shocks/0/sensitivity .3447993447993447993 1e-12 "sensitivity 2008-2009 (hand calculation)"
is "$(jget "$TMP/db.json" shocks/1/resistance)" null "coal exit 2017-2019-2023: no figures after 2017"
like "$(jget "$TMP/db.json" shocks/1/unavailable/resistance/reason)" "no figures for 2019" \
    "... and the reason names the period"

run "$WIALL" --db "$DB" structure --indicator employment_persons --from 2000 --to 2017 --format json
is "$RC" 0 "matrix mode from the database"
printf '%s\n' "$OUT" >"$TMP/m.json"
is "$("$SJ" count "$TMP/m.json" regions)" 8 "the eight NUTS-3 regions against DEA3"
run "$SJ" invariants "$TMP/m.json"
is "$RC" 0 "the invariants hold for every region ($OUT)"
is "$(jget "$TMP/m.json" regions/0/region)" 05512000 "regions in the catalogue's order"
close "$TMP/m.json" regions/0/shift_share/national_share 4914.644765435255017 1e-12 \
    "matrix mode gives Bottrop the same national share"

run "$WIALL" --db "$DB" structure --indicator employment_persons --reference DEA3 \
    --from 2000 --to 2017 --no-registered-shocks --format json --region 05512
is "$(jget - shocks <<<"$OUT")" "[]" "--no-registered-shocks; the AGS alias 05512 works too"

run "$WIALL" --db "$DB" structure --indicator employment_persons --region DEA31 --period 2017
is "$RC" 0 "table output"
like "$OUT" "Economic structure of Bottrop \\(05512000\\)" "the table names the region"
like "$OUT" "Reference: Münster government region \\(DEA3\\)" "... and the reference"
like "$OUT" "HHI is the sum of the squared sector shares" "the table explains the measures"
like "$OUT" "B_E +0\\.1648 +0\\.946" "LQ of B_E 0.946 in the table"

run "$WIALL" --db "$DB" structure --indicator employment_persons --region DEA31 \
    --from 2016 --to 2017 --format csv
is "$RC" 0 "CSV output"
is "$(printf '%s\n' "$OUT" | head -1)" "region,period,shock,measure,sector,value,status" "CSV header"
like "$OUT" $'\n''05512000,2016/2017,,shift_share.growth,,490,ok' "growth 2016-2017 = 48230 - 47740"
like "$OUT" $'\n''05512000,,coal-exit-2018,resistance,,,missing' "null as an empty value with its status"

# ---- file mode -----------------------------------------------------------
run "$WIALL" structure --input "$SDATA/DEA3_muenster_nuts3_emp_2000_2017.csv" "${EUROSTAT_READ[@]}" \
    --exclude-sector C --region DEA31 --reference DEA3 --from 2000 --to 2017 --format json
is "$RC" 0 "file mode, with the wide layout's options"
printf '%s\n' "$OUT" >"$TMP/f.json"
close "$TMP/f.json" shift_share/national_share 4914.644765435255017 1e-12 "file mode: the same national share"
close "$TMP/f.json" shift_share/regional_share -3653.406233591195634 1e-12 "file mode: the same regional share"
close "$TMP/f.json" periods/17/lq/B_E .9460479719615932240516958 1e-12 "file mode: the same LQ"
run "$SJ" invariants "$TMP/f.json"
is "$RC" 0 "file mode: the invariants hold"

run "$WIALL" structure --input "$SDATA/DEA3_muenster_nuts3_emp_2000_2017.csv" "${EUROSTAT_READ[@]}" \
    --region DEA31 --reference DEA3 --period 2017 --format json
is "$RC" 0 "with C not left out the figures are still computed"
like "$(jget - notes <<<"$OUT")" "add up to more than the published all-sector total" \
    "but C inside B_E is reported: the sectors exceed TOTAL"
like "$(jget - notes <<<"$OUT")" "Without 'C' the sectors meet every published total" \
    "and the note names C"
is "$(jget - periods/0/coverage/status <<<"$OUT")" excess "coverage: excess"
done_testing
