# No English on a German page: the demo site as `wiall publish` writes it,
# every German page read for text that is an English msgid of po/de.po with
# a different German translation (tests/helpers/msgids pages: whole texts,
# and pieces of two words or more of longer msgids; names, codes and units
# whose German is the same, like "EUR" or "ha", are not looked for). The
# safety net behind tests/cli/i18n.sh: it also sees msgids that come from
# data (units) or from code paths the static check cannot follow.
. "$TOP/tests/lib/tap.sh"

MSGIDS="$TOP/$BUILD/tests/helpers/msgids"
PO="$TOP/po/de.po"

# leaks SITE: what the German pages of SITE show of po/de.po's msgids.
leaks() {
	(cd "$1" && "$MSGIDS" pages "$PO" $(find . -name '*.html' \
	    -not -path './en/*' | sort))
}

run "$WIALL" --db "$TMP/demo.db" demo
is "$RC" 0 "the demo database is built"
run "$WIALL" --db "$TMP/demo.db" publish --out "$TMP/site"
is "$RC" 0 "the demo site is published"
n=$(find "$TMP/site" -name '*.html' -not -path "$TMP/site/en/*" | wc -l)
ok $([ "$n" -gt 100 ]; echo $?) "it has German pages to read ($n)"

found=$(leaks "$TMP/site")
is "$found" "" "no German page shows an English msgid"
printf '%s\n' "$found" | head -20 | sed 's/^/# /'

# The reader sees the texts: the English pages, read the same way, show
# a good part of the msgids.
seen=$(cd "$TMP/site" && "$MSGIDS" pages "$PO" $(find en -name '*.html') |
    cut -f2 | sort -u | wc -l)
ok $([ "$seen" -gt 150 ]; echo $?) \
    "the English pages show $seen different msgids (the reader finds them)"

# The check fails when a translation goes missing: a wiall whose German
# table comes from a copy of po/de.po without "Latest value" (a heading of
# the overview) and "persons" (a unit, from the catalogue), linked from the
# objects of this build with that table in place of the built one.
awk 'BEGIN { RS = ""; ORS = "\n\n" }
    !/(^|\n)msgid "Latest value"\n/ && !/(^|\n)msgid "persons"\n/' "$PO" \
    >"$TMP/de.po"
mkdir -p "$TMP/tr"
"$TOP/$BUILD/tools/po2c" "$TMP/tr/translations.c" "$TMP/de.po"
ok $? "po2c compiles the copy"
san=""
nm "$TOP/$BUILD/obj/src/cli/main.o" | grep -q __asan && \
    san="-fsanitize=address,undefined"
${CC:-cc} $san -I"$TOP/src" -c -o "$TMP/tr/translations.o" \
    "$TMP/tr/translations.c" &&
    ${CC:-cc} $san -o "$TMP/tr/wiall" "$TOP/$BUILD/obj/src/cli/main.o" \
    "$TMP/tr/translations.o" "$TOP/$BUILD/libwiall.a" \
    $(pkg-config --libs sqlite3 jansson libmicrohttpd libsodium) -lm -lpthread
ok $? "a wiall with the shorter table links"
run "$TMP/tr/wiall" --db "$TMP/demo.db" publish --out "$TMP/site2"
is "$RC" 0 "it publishes the site"
found=$(leaks "$TMP/site2")
like "$found" '^\./index\.html	Latest value	Latest value$' \
    "the missing heading is found on the overview, with page and text"
like "$found" '^\./indicators/[a-z_]+\.html	persons	persons$' \
    "the missing unit is found on an indicator page"
is "$(printf '%s\n' "$found" | cut -f2 | sort -u | tr '\n' '|')" \
    "Latest value|persons|" "and nothing else is"

done_testing
