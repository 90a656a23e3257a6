# The notes of `wiall structure --format json` in both languages (METHODS §1):
# `notes` (English, as scripts read it) and `notes_de` (the same notes in
# German, same order) for every kind of note the test data trigger — sections
# short of the published total (REAT's Göttingen), sectors over it with the
# one inside another named (REAT's Länder), sectors left out so nothing counts
# twice and the indicator's reference region (Eurostat, Bottrop), an unknown
# --exclude-sector, and a sector that was zero at the start (hand-made rows).
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/structure_fixture.sh"
NB=$(printf '\302\240')	# the no-break space between a number and its unit

# bilingual FILE NAME: as many German notes as English ones (at least one),
# each there and not the English one copied.
bilingual() {
	local n k en de bad=""
	n=$("$SJ" count "$1" notes)
	is "$("$SJ" count "$1" notes_de)" "$n" "$2: as many German notes as English ones"
	[ "${n:-0}" -gt 0 ]
	ok $? "$2: there are notes ($n)"
	for ((k = 0; k < ${n:-0}; k++)); do
		en=$(jget "$1" "notes/$k")
		de=$(jget "$1" "notes_de/$k")
		if [ -z "$de" ] || [ "$de" = "$en" ]; then
			bad="$bad $k"
		fi
	done
	is "$bad" "" "$2: every note is in German, not the English copied"
}

# ---- sections short of the published total: Göttingen against Germany -----
G="$SDATA/Goettingen.csv"
run "$WIALL" structure --input "$G" "${GOETTINGEN_READ[@]}" --region Goettingen \
    --reference BRD --format json
is "$RC" 0 "Göttingen against Germany: exit 0"
printf '%s\n' "$OUT" >"$TMP/g.json"
bilingual "$TMP/g.json" "Göttingen"
de=$(jget "$TMP/g.json" notes_de)
like "$de" "Die Bereiche bleiben für Goettingen hinter der veröffentlichten Gesamtzahl aller Bereiche zurück \\(in 10 von 20 geprüften Kombinationen aus Region und Zeitraum" \
    "the shortfall in German, with the count of region-periods"
# The worst shortfall is the same number in both, with a decimal comma in German.
worst=$(jget "$TMP/g.json" notes/0 | sed -n 's/.*at most \([0-9]*\)\.\([0-9]\) %.*/\1,\2/p')
like "$worst" '^[0-9]+,[0-9]$' "the English note gives the worst shortfall ($worst)"
like "$de" "höchstens ${worst}${NB}%, Goettingen " "and the German the same with a decimal comma"
like "$de" "Die Standortquotienten teilen durch die veröffentlichten Gesamtzahlen aller Bereiche \\(wie REAT locq\\)" \
    "why the location quotients divide by the published totals"
unlike "$de" "sectors|region-periods" "no English left in the German notes"

# ---- sectors over the published total: the Länder with C inside B-E -------
L="$SDATA/G.regions.emp.csv"
C='Verarbeitendes Gewerbe (C)'
run "$WIALL" structure --input "$L" "${LAENDER_READ[@]}" --reference Insgesamt \
    --period 2014 --exclude-sector NOPE --format json
is "$RC" 0 "the Länder against Germany with C kept: exit 0"
printf '%s\n' "$OUT" >"$TMP/l.json"
bilingual "$TMP/l.json" "Länder"
de=$(jget "$TMP/l.json" notes_de)
like "$de" "Die Bereiche ergeben für .* mehr als die veröffentlichte Gesamtzahl aller Bereiche" \
    "the excess in German"
like "$de" "Ohne „Verarbeitendes Gewerbe \\(C\\)“ stimmen die Bereiche mit jeder veröffentlichten Gesamtzahl überein" \
    "and C named as the sector inside another, in German quotes"
like "$de" "--exclude-sector NOPE: Einen solchen Bereich gibt es in der Eingabe nicht\\." \
    "an --exclude-sector the input does not have"

# ---- the database: C left out, the indicator's reference region -------------
DB="$TMP/b.db"
"$WIALL" --db "$DB" init >/dev/null
"$WIALL" --db "$DB" catalog load "$TOP/data/catalog/bottrop.json" >/dev/null
"$WIALL" --db "$DB" import --indicator employment_persons "${EUROSTAT_READ[@]}" \
    "$SDATA/DEA3_muenster_nuts3_emp_2000_2017.csv" >/dev/null
run "$WIALL" --db "$DB" structure --indicator employment_persons --region DEA31 \
    --from 2000 --to 2017 --format json
is "$RC" 0 "Bottrop from the database: exit 0"
printf '%s\n' "$OUT" >"$TMP/b.json"
bilingual "$TMP/b.json" "Bottrop"
de=$(jget "$TMP/b.json" notes_de)
like "$de" "Weggelassen, damit nichts doppelt gezählt wird: C \\(Teil von B_E\\)\\." \
    "C is left out so that nothing counts twice"
like "$de" "Verglichen wird mit der Vergleichsregion des Indikators, Regierungsbezirk Münster \\(--reference ändert sie\\)\\." \
    "the reference region by its German name"
like "$(jget "$TMP/b.json" notes)" "reference region, Münster government region" \
    "and by its English name in English"

# ---- a sector that was zero at the start ------------------------------------
printf 'region,period,sector,value\nR,2000,A,0\nR,2000,B,20\nR,2001,A,5\nR,2001,B,20\nQ,2000,A,10\nQ,2000,B,10\nQ,2001,A,10\nQ,2001,B,10\n' >"$TMP/zs.csv"
run "$WIALL" structure --input "$TMP/zs.csv" --region R --reference Q --from 2000 \
    --to 2001 --format json
is "$RC" 0 "a sector starting at zero: exit 0"
printf '%s\n' "$OUT" >"$TMP/z.json"
bilingual "$TMP/z.json" "zero at the start"
is "$(jget "$TMP/z.json" notes_de/0)" "R hatte 2000 im Bereich A nichts: Die Wachstumsrate ist nicht definiert, daher ist die Standortkomponente die ganze Veränderung dieses Bereichs (METHODS §3.6), und die Zerlegung nach Esteban-Marquillas wird nicht berechnet." \
    "the German note, whole"

# Quarters, two sectors at zero: the German period and the plural.
printf 'region,period,sector,value\nR,2000-Q1,A,0\nR,2000-Q1,B,0\nR,2000-Q1,C,9\nR,2000-Q2,A,5\nR,2000-Q2,B,1\nR,2000-Q2,C,9\nQ,2000-Q1,A,10\nQ,2000-Q1,B,10\nQ,2000-Q1,C,10\nQ,2000-Q2,A,10\nQ,2000-Q2,B,10\nQ,2000-Q2,C,10\n' >"$TMP/zq.csv"
run "$WIALL" structure --input "$TMP/zq.csv" --region R --reference Q \
    --from 2000-Q1 --to 2000-Q2 --format json
is "$RC" 0 "quarters, two sectors starting at zero: exit 0"
printf '%s\n' "$OUT" >"$TMP/q.json"
bilingual "$TMP/q.json" "quarters"
like "$(jget "$TMP/q.json" notes/0)" "^R had nothing in A, B in 2000-Q1: .* of these sectors" \
    "English: the period as given, the plural"
like "$(jget "$TMP/q.json" notes_de/0)" "^R hatte im 1\\. Quartal 2000 in den Bereichen A, B nichts: .* Veränderung dieser Bereiche" \
    "German: the quarter in words, the plural"

# ---- the table and the CSV stay English (the command has no --lang) ---------
run "$WIALL" structure --input "$TMP/zs.csv" --region R --reference Q --from 2000 --to 2001
like "$OUT" "R had nothing in A in 2000" "the table shows the English note"
unlike "$OUT" "hatte" "and not the German one"
done_testing
