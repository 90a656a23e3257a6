# wiall publish with figures by sector (tests/data/web/structure.json): the
# economic-structure page of every region of the data in German and English,
# at the paths the region switch links to, and its JSON beside it; the same
# files on a second run; well-formed pages and SVGs; no broken link.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/checks.sh"
. "$TOP/tests/lib/fixture.sh"

DATA="$TOP/tests/data/web"
fixture_db "$TMP/w.db" "$DATA/structure.json" "$DATA/structure.csv"

run "$WIALL" --db "$TMP/w.db" publish --out "$TMP/site"
is "$RC" 0 "publish exits 0"
# Overview, goal G, indicators emp_sector and emp_fine, the structure pages
# of emp_sector for 05512000 (home: structure.html), 05513000 and 05515000
# (not NAT, the reference, nor RUHR, which holds two cities), and of emp_fine
# for 05512000, each in German and English: 2 × 8 = 16; one JSON per page.
like "$OUT" "16 pages, [0-9]+ downloads, 7 assets, 4 data files" "it reports 16 pages and 4 JSON files"
for f in structure.html structure/05513000.html structure/05515000.html \
    structure/05512000/emp_fine.html; do
	ok $([ -f "$TMP/site/$f" ] && [ -f "$TMP/site/en/$f" ]; echo $?) \
	    "$f is written in German and English"
done
ok $([ ! -e "$TMP/site/structure/05512000.html" ]; echo $?) \
    "the home region's page is structure.html only"
ok $([ ! -e "$TMP/site/structure/NAT.html" ] && [ ! -e "$TMP/site/structure/RUHR.html" ]; echo $?) \
    "neither the reference region nor the area has a page of its own"

"$WIALL" --db "$TMP/w.db" structure --indicator emp_sector --region 05513000 \
    --from 2010 --to 2012 --format json >"$TMP/cli.json"
cmp -s "$TMP/site/api/v1/structure/emp_sector/05513000.json" "$TMP/cli.json"
ok $? "the published JSON is what wiall structure --format json writes"

run "$WIALL" --db "$TMP/w.db" publish --out "$TMP/site2"
diff -r "$TMP/site" "$TMP/site2" >/dev/null
ok $? "publishing twice gives identical files"

bad=0 svgs=0
for f in $(cd "$TMP/site" && find . -name 'structure*.html' -o -path '*/structure/*.html' | sort); do
	xmllint --noout "$TMP/site/$f" 2>/dev/null || { bad=$((bad + 1)); echo "# not well-formed: $f"; }
	n=$(xmllint --xpath "count(//*[local-name()='svg'])" "$TMP/site/$f" 2>/dev/null)
	for i in $(seq 1 "${n:-0}"); do
		xmllint --xpath "(//*[local-name()='svg'])[$i]" "$TMP/site/$f" \
		    >"$TMP/c.svg" 2>/dev/null
		xmllint --noout "$TMP/c.svg" 2>/dev/null || { bad=$((bad + 1)); echo "# SVG $i of $f"; }
		svgs=$((svgs + 1))
	done
done
is "$bad" 0 "every structure page and each of its SVGs is well-formed (xmllint)"
ok $([ "$svgs" -ge 80 ]; echo $?) "the eight structure pages hold their charts ($svgs SVGs)"

# Every relative href and src names a file of the site.
site_links "$TMP/site" structure
ok $([ "$MATCHED" -gt 30 ]; echo $?) "links lead to the structure pages ($MATCHED)"
is "$BROKEN" 0 "no relative link is broken ($LINKS checked)"

page=$(cat "$TMP/site/structure.html")
like "$page" 'href="\./structure/05513000\.html">Gelsenkirchen</a>' \
    "the region switch links files in the static site"
like "$page" 'href="\./api/v1/structure/emp_sector/05512000\.json"' "and the page its JSON"
like "$(cat "$TMP/site/index.html")" 'href="\./structure\.html">Wirtschaftsstruktur</a>' \
    "the overview links the structure page"
like "$(cat "$TMP/site/structure/05513000.html")" 'href="\.\./en/structure/05513000\.html" hreflang="en"' \
    "the language switch leads to the English page of the same region"
like "$(cat "$TMP/site/en/structure/05513000.html")" 'href="\.\./structure\.html">Bottrop &lt;b&gt;bold' \
    "English pages link the English pages of other regions"
like "$(cat "$TMP/site/structure/05513000.html")" 'href="\.\./structure/05512000/emp_fine\.html">Beschäftigte nach feinen Bereichen</a>' \
    "another indicator is linked at a region it has figures for"
like "$(cat "$TMP/site/structure/05512000/emp_fine.html")" 'href="\.\./\.\./api/v1/structure/emp_fine/05512000\.json"' \
    "and its page links its own JSON"
unlike "$page" '<script>alert' "the catalogue's <script> stays text"
done_testing
