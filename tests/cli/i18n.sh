# Every English msgid of the program has a German translation in po/de.po,
# and po/de.po has no entry that nothing uses. A msgid without an entry
# shows English on the German page (i18n_text falls back silently), so this
# is where a forgotten translation is found, named by the file:line using it.
#
# The msgids come from tests/helpers/msgids.c: literals passed to the
# translating functions (i18n_text, page_text, page_index_text,
# page_structure_text, page_term, page_error; both branches of a ?:), strings
# marked N_() in tables, the structure status reasons (a table in core,
# iterated at run time) and the units of the shipped catalogue (data, looked
# up by i18n_text too). Unused entries fail as well: an orphaned entry is
# most often a msgid that was reworded in the source, whose new wording then
# has no translation (caught above) while the old one lingers unnoticed; the
# file stays a true list of what is translated.
. "$TOP/tests/lib/tap.sh"

MSGIDS="$TOP/$BUILD/tests/helpers/msgids"
cd "$TOP" || exit 1

# Used only in JSON answers of /api/ paths, which stay English by design.
EXEMPT='no such endpoint (/api/v1 and /api/v1/openapi.json list them)'

# Calls whose msgid is a variable: each must get its strings from an N_()
# table (or from the data: units; or is a wrapper passing msgid on). A new
# one fails here: mark its strings with N_() and add it to this list.
# (page_error's details, e.message, show only when translated or in English.)
DYNAMIC='src/app/assess.c	unit
src/web/dash.c	reasons[x->reason]
src/web/dash.c	words[dir]
src/web/dash_indicator.c	dash_indicator_polarity(ind->polarity)
src/web/dash_indicator.c	files[i].note
src/web/dash_indicator.c	files[i].text
src/web/dash_indicator.c	rules[di->indicator->annual][months?1:0]
src/web/dash_overview.c	heads[k]
src/web/dash_why.c	dash_why_quantities[q]
src/web/dash_why.c	others[i].name
src/web/page.c	items[i].label
src/web/page.c	msgid
src/web/page.c	term
src/web/page_error.c	detail
src/web/page_error.c	t->explanation
src/web/page_error.c	t->title
src/web/page_index.c	e.message
src/web/page_index.c	msgid
src/web/page_index.c	unit
src/web/page_index_ranking.c	heads[k]
src/web/page_structure.c	e.message
src/web/page_structure.c	items[i][1]
src/web/page_structure.c	msgid
src/web/page_structure.c	v.indicator->unit
src/web/page_structure_change.c	heads[k]
src/web/page_structure_change.c	names[k]
src/web/page_structure_change.c	structure_status_reason(v->status)
src/web/page_structure_figures.c	fmt
src/web/router.c	message'

"$MSGIDS" src $(find src -name '*.c' | sort) >"$TMP/src.tsv"
ok $? "msgids src reads the sources"
"$MSGIDS" runtime >"$TMP/runtime.tsv"
ok $? "msgids runtime lists the status reasons"
"$MSGIDS" units data/catalog/bottrop.json >"$TMP/units.tsv"
ok $? "msgids units reads the shipped catalogue"
cat "$TMP/src.tsv" "$TMP/runtime.tsv" "$TMP/units.tsv" >"$TMP/used.tsv"

n=$(grep -c '^L' "$TMP/src.tsv")
ok $([ "$n" -gt 300 ]; echo $?) "the sources have literal msgids to check ($n)"
like "$(cut -f3 "$TMP/src.tsv")" '^at least$' \
    "the second branch of a ?: is found (\"at least\", which xgettext misses)"
like "$(cut -f3 "$TMP/src.tsv")" '^Median rank$' "a string marked N_() is found"
like "$(cut -f3 "$TMP/runtime.tsv")" '^There are no sectors to compute with\.$' \
    "the status reasons are listed"
like "$(cut -f3 "$TMP/units.tsv")" '^million EUR$' "the catalogue's units are listed"
unlike "$(cut -f3 "$TMP/units.tsv")" '^percent' "percentages are not (they print as %)"

# i18n_check PO: prints "missing" lines (file:line of the use and the msgid)
# and "unused" lines (po file:line and the msgid).
i18n_check() {
	"$MSGIDS" po "$1" >"$TMP/po.tsv" || return 1
	awk -F'\t' -v exempt="$EXEMPT" '
		FNR == NR { if ($1 == "T") have[$3] = 1; next }
		($1 == "L" || $1 == "R" || $1 == "C") && !($3 in have) &&
		    $3 != exempt { print "missing " $2 ": " $3 }
	' "$TMP/po.tsv" "$TMP/used.tsv"
	awk -F'\t' '
		FNR == NR { if ($1 == "L" || $1 == "R" || $1 == "C") used[$3] = 1; next }
		!($3 in used) { print "unused " $2 ": " $3 }
	' "$TMP/used.tsv" "$TMP/po.tsv"
}

report=$(i18n_check po/de.po)
is "$(printf '%s\n' "$report" | grep -c '^missing')" 0 \
    "every msgid has a German translation in po/de.po"
printf '%s\n' "$report" | grep '^missing' | sed 's/^/# /'
is "$(printf '%s\n' "$report" | grep -c '^unused')" 0 \
    "po/de.po has no entry that nothing uses"
printf '%s\n' "$report" | grep '^unused' | sed 's/^/# /'

untranslated=$(grep '^U' "$TMP/po.tsv" | cut -f2,3)
is "$untranslated" "" "no entry of po/de.po is empty or fuzzy"

dynamic=$(grep '^D' "$TMP/src.tsv" | cut -f2,3 | sed 's/:[0-9]*\t/\t/' | LC_ALL=C sort -u)
is "$dynamic" "$DYNAMIC" "every call with a variable msgid is a known one"

# The check can fail: one entry taken out of a copy of po/de.po (a literal
# msgid, and one marked N_() in a table), one entry nobody uses added.
awk 'BEGIN { RS = ""; ORS = "\n\n" }
    !/\nmsgid "Downloads"\n/ && !/\nmsgid "Median rank"\n/ && \
    !/^msgid "Downloads"\n/ && !/^msgid "Median rank"\n/' po/de.po \
    >"$TMP/de.po"
printf 'msgid "Nothing uses this"\nmsgstr "Das braucht niemand"\n' >>"$TMP/de.po"
report=$(i18n_check "$TMP/de.po")
like "$report" '^missing src/web/dash_indicator\.c:[0-9]+: Downloads$' \
    "a removed entry is reported with the file:line that uses it"
like "$report" '^missing src/web/page_index_ranking\.c:[0-9]+: Median rank$' \
    "a removed entry of an N_() table is reported too"
like "$report" "^unused $TMP/de.po:[0-9]+: Nothing uses this\$" \
    "an entry nothing uses is reported with its line"
is "$(printf '%s\n' "$report" | wc -l)" 3 "and nothing else is"

done_testing
