# wiall publish: the static site. Same data, same files; every page is
# well-formed; no link points nowhere; German at the root, English under en/.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/checks.sh"
. "$TOP/tests/lib/fixture.sh"

DATA="$TOP/tests/data/web"
fixture_db "$TMP/w.db" "$DATA/catalog.json" "$DATA/observations.csv"

run "$WIALL" --db "$TMP/w.db" publish --out "$TMP/site"
is "$RC" 0 "publish exits 0"
like "$OUT" "14 pages, 4 downloads, 7 assets, 0 data files" \
    "it reports 14 pages (overview, 3 goals, 2 indicators, the structure page; de and en), 4 downloads (CSV and JSON of 2 indicators), 7 assets and no JSON (no figures by sector)"
for f in index.html goals/G.html goals/G2.html goals/G2.1.html \
    indicators/emp_women.html indicators/unemployment.html; do
	ok $([ -f "$TMP/site/$f" ] && [ -f "$TMP/site/en/$f" ]; echo $?) "$f is written in German and English"
done
ok $([ -f "$TMP/site/assets/style.css" ]; echo $?) "the assets are written"
cmp -s "$TMP/site/assets/app.js" "$TOP/src/web/assets/app.js"
ok $? "assets are the embedded files, byte for byte"

run "$WIALL" --db "$TMP/w.db" publish --out "$TMP/site2"
diff -r "$TMP/site" "$TMP/site2" >/dev/null
ok $? "publishing twice gives identical files"

bad=0
for f in $(cd "$TMP/site" && find . -name '*.html' | sort); do
	xmllint --noout "$TMP/site/$f" 2>/dev/null || { bad=$((bad + 1)); echo "# not well-formed: $f"; }
done
is "$bad" 0 "every page is well-formed (xmllint)"

# Every relative href and src must name a file of the site.
site_links "$TMP/site"
ok $([ "$LINKS" -gt 50 ]; echo $?) "the site has links to check ($LINKS)"
is "$BROKEN" 0 "no relative link is broken"

like "$(cat "$TMP/site/index.html")" '<html lang="de">' "the root is German"
like "$(cat "$TMP/site/en/index.html")" '<html lang="en">' "en/ is English"
like "$(cat "$TMP/site/indicators/unemployment.html")" 'href="\.\./en/indicators/unemployment\.html" hreflang="en"' \
    "the language switch links to the English page"
like "$(cat "$TMP/site/en/indicators/unemployment.html")" 'href="\.\./\.\./assets/style\.css"' \
    "English pages reach the shared assets"
like "$(cat "$TMP/site/index.html")" 'http-equiv="Content-Security-Policy"' \
    "static pages carry their content security policy"
unlike "$(cat "$TMP/site/index.html")" '<script>alert' "the catalogue's <script> stays text"

run "$WIALL" --db "$TMP/w.db" publish
is "$RC" 2 "publish without --out is a usage error"
run "$WIALL" --db "$TMP/missing.db" publish --out "$TMP/x"
is "$RC" 1 "a missing database fails"
printf 'x' >"$TMP/file"
run "$WIALL" --db "$TMP/w.db" publish --out "$TMP/file/site"
is "$RC" 1 "an output directory that cannot be made fails"
like "$ERR" "file" "and names the path"
done_testing
