# wiall status and wiall show on the demo database.
. "$TOP/tests/lib/tap.sh"
DB="$TMP/demo.db"
DATA="$TOP/tests/data/demo"
"$WIALL" --db "$DB" demo >/dev/null

# ---- status ------------------------------------------------------------------
run "$WIALL" --db "$DB" status
is "$RC" 0 "status exits 0"
like "$OUT" "Catalogue +25 goals, 88 indicators, 5 targets \(0 superseded\)" \
    "the header counts the catalogue"
like "$OUT" "Last import +batch 4, 2025-11-26T00:00:00Z" "and names the last import"
like "$OUT" "data/demo/observations_later_vintage.csv" "with its file"
like "$OUT" "Home region +Bottrop \(05512000\)" "the home region is the catalogue's first"
emp=$(printf '%s\n' "$OUT" | sed -n '/^    employment_persons /,/^    [a-z]/p')
like "$emp" "^      05512000 Bottrop +2000 – 2017 +144 obs\. 8 series$" \
    "Bottrop's employment by sector: 2000–2017, 8 series of 18 years"
like "$emp" "^      DEA3 +Regierungsbezirk Münster +2000 – 2017 +144 obs\." \
    "and the reference region's"
is "$(printf '%s\n' "$emp" | grep -c ' obs\.')" 9 "nine regions have the Eurostat series"
like "$OUT" "N2  Resiliente Wirtschaftsstruktur" "goals come with their German titles"
like "$OUT" "  G2.1  Beschäftigungsquote der Frauen über dem NRW-Durchschnitt" \
    "a sub-goal is indented under its goal"
gpg=$(printf '%s\n' "$OUT" | sed -n '/gender_pay_gap/,+1p')
like "$gpg" "missing: no data at all" "an indicator without data says so"
sgb=$(printf '%s\n' "$OUT" | sed -n '/^    sgb2_rate /,/missing/p')
like "$sgb" "missing: home region Bottrop \(05512000\)" "a missing home region is named"
svb=$(printf '%s\n' "$OUT" | sed -n '/^    employment_rate_svb_men /,/missing/p')
like "$svb" "missing: reference region Nordrhein-Westfalen \(05\)" \
    "a missing reference region is named"
like "$OUT" "72 of 88 indicators have data; 16 have none" "the summary counts indicators"
is "$(printf '%s\n' "$OUT" | LC_ALL=C.UTF-8 wc -L)" 80 "no line is wider than 80 columns"

run "$WIALL" --db "$DB" status --format json
is "$RC" 0 "status --format json exits 0"
like "$OUT" '"home_region": "05512000"' "JSON: the home region"
like "$OUT" '"last_batch": \{' "JSON: the last batch"
like "$(printf '%s' "$OUT" | tr -d ' \n')" \
    '"code":"05512000","name_de":"Bottrop","first":"2000","last":"2017","values":144,"missing":0,"series":8,"period_kinds":\["year"\]' \
    "JSON: Bottrop's employment by sector"
like "$(printf '%s' "$OUT" | tr -d ' \n')" '"code":"gender_pay_gap".*"missing":\["no_data"\]' \
    "JSON: what is missing"
if command -v python3 >/dev/null; then
	printf '%s' "$OUT" | python3 -m json.tool >/dev/null
	ok $? "JSON: well formed"
fi

"$WIALL" --db "$TMP/empty.db" init >/dev/null
run "$WIALL" --db "$TMP/empty.db" status
is "$RC" 0 "status of an empty database exits 0"
like "$OUT" "Last import +none" "and says there was no import"

run "$WIALL" --db "$DB" status --format xml
is "$RC" 2 "an unknown format is a usage error"
run "$WIALL" --db "$DB" status extra
is "$RC" 2 "an argument is a usage error"
run "$WIALL" --db "$TMP/none.db" status
is "$RC" 1 "a missing database fails with 1"
run "$WIALL" status --help
is "$RC" 0 "status --help exits 0"
like "$OUT" "--format table\|json" "status --help documents --format"

# ---- show --------------------------------------------------------------------
"$WIALL" --db "$DB" catalog load "$DATA/gdp_target_2019.json" >/dev/null
"$WIALL" --db "$DB" catalog load "$DATA/gdp_target_2021.json" >/dev/null
run "$WIALL" --db "$DB" show gdp_per_employed
is "$RC" 0 "show exits 0"
like "$OUT" "^gdp_per_employed  Bruttoinlandsprodukt je Erwerbstätigen" "title"
like "$OUT" "English +Gross domestic product per person employed" "English title"
like "$OUT" "Polarity +higher is better \(\+1\)" "polarity in words"
like "$OUT" "Unit +EUR per person employed, shown with 0 decimals" "unit and decimals"
like "$OUT" "Reference +Nordrhein-Westfalen \(05\)" "reference region"
like "$OUT" "Goal +N2 Resiliente Wirtschaftsstruktur" "goal with its title"
like "$OUT" "SDGs +8.2" "SDGs"
like "$OUT" "test \(value, current, since 2021-01-01\)" "the current target"
like "$OUT" "55000 EUR per person employed by 2025" "what it asks"
like "$OUT" "test \(value, superseded: 2019-01-01 to 2021-01-01\)" \
    "the superseded target with its dates"
like "$OUT" "50000 EUR per person employed by 2025" "and what it asked"
like "$OUT" "^  2011 +47121 +66041$" "the table: Bottrop and NRW in 2011"
like "$OUT" "^  05 2011: 64862 → 66041  \(batch 3 → 4, 2025-11-26\)$" "a revision: old → new, batch, date"
like "$OUT" "batch 4: 2025-11-26T00:00:00Z, data/demo/observations_later_vintage.csv" \
    "the batch of the revision"
like "$OUT" "12  https://expydoc.com/doc/10212598/" "the sources of the values"

run "$WIALL" --db "$DB" show --region DEA31 employment_persons
is "$RC" 0 "show --region (an alias) exits 0"
like "$OUT" "Data \(persons\), Bottrop \(05512000\)" "the region in the title"
like "$OUT" "^  period +total +A +B_E +C +F +G_J +K_N$" "the sectors as columns"
like "$OUT" "^  2000 +47180 +390 +10650 +6200 +3370 +11670 +4210$" \
    "Bottrop 2000 as Eurostat publishes it (DEA31,2000: TOTAL 47180, A 390, B_E 10650 …)"
like "$OUT" "^  period +O_U$" "the last sector in a second block"
run "$WIALL" --db "$DB" show employment_persons
like "$OUT" "Data \(persons\): totals; 63 series by dimension with --region" \
    "without --region: the totals, and how to see the sectors"
like "$OUT" "^  2017 +48230 +1295660 +113730" "the totals of 2017 (Bottrop, DEA3, Gelsenkirchen)"

"$WIALL" --db "$DB" import "$DATA/flags.csv" >/dev/null
run "$WIALL" --db "$DB" show --region 05512000 gdp
like "$OUT" "^  2021 +2882 p$" "a flag beside its value"
like "$OUT" "^  2022 +: c$" "a missing value as ':' with its flag"
like "$OUT" "Flags: c confidential; p provisional;" "the flags explained"
like "$OUT" "05512000 2021: 2882 → 2882 p" "a changed flag is a revision"

run "$WIALL" --db "$DB" show nonesuch
is "$RC" 1 "an unknown indicator fails with 1"
like "$ERR" "unknown indicator 'nonesuch'" "and is named"
run "$WIALL" --db "$DB" show --region XX gdp
is "$RC" 1 "an unknown region fails with 1"
run "$WIALL" --db "$DB" show
is "$RC" 2 "no indicator is a usage error"
run "$WIALL" --db "$DB" show gdp extra
is "$RC" 2 "two indicators are a usage error"
run "$WIALL" --db "$DB" show --bogus gdp
is "$RC" 2 "an unknown option is a usage error"
run "$WIALL" show --help
is "$RC" 0 "show --help exits 0"
like "$OUT" "--region R" "show --help documents --region"
done_testing
