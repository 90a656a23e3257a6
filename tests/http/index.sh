# The index page and /api/v1/index over a real server. On the Bottrop demo
# (`wiall demo`, the catalogue's example index): the page's numbers are the
# API's, and the API's are what `wiall index build|uncertainty --catalog …
# --format json` writes; ETag/304, CORS, JSON errors. On the web fixture
# (tests/data/web/structure.json and tests/data/index/web_index.json): titles
# with <script>, quotes and & are escaped in HTML, SVG and attributes and
# kept as they are in JSON; the hand calculation of its two leaves. Pages and
# charts are well-formed (xmllint); the published site has the index pages
# and JSON, with relative links that resolve, identical on repeat.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/checks.sh"
. "$TOP/tests/lib/fixture.sh"
. "$TOP/tests/lib/http.sh"

JSON_GET="$TOP/$BUILD/tests/helpers/json_get"
CODE=resilience_muenster
"$WIALL" --db "$TMP/w.db" demo >/dev/null 2>&1
ok $? "the demo loads"
start_server --access-log off
ok $? "the server starts" || bail_out "no server to test"

# The German UI's number with one decimal: 68.0407… → 68,0.
de1() { LC_ALL=C printf '%.1f' "$1" | tr . ,; }

# ---- the page ---------------------------------------------------------------
fetch "$BASE/"
like "$BODY" '<a href="\./indices">Index</a>' "the overview's navigation lists the index"
fetch "$BASE/indices"
is "$STATUS" 200 "/indices is 200"
is "$(header Content-Type)" "text/html; charset=utf-8" "it is HTML"
check_security_headers "the index page"
wellformed_svgs "the index page"
like "$BODY" '<h1>Resilienz und Wirtschaftskraft im Regierungsbezirk Münster</h1>' \
    "the index's German title"
like "$BODY" 'href="\./indices" aria-current="page">Index</a>' "the navigation marks the section"
like "$BODY" 'Beispielkonstruktion von wiall' "the lead says it is wiall's example"
like "$BODY" '<dd>2014, das letzte Jahr mit Daten für alle Regionen und Bestandteile</dd>' \
    "the year is 2014, the latest year all components have (GDP ends in 2014)"
page=$BODY

# The API and the command give the same numbers.
fetch "$BASE/api/v1/index/$CODE"
is "$STATUS" 200 "/api/v1/index/$CODE is 200"
is "$(header Content-Type)" "application/json" "as JSON"
is "$(header Access-Control-Allow-Origin)" "*" "with CORS"
printf '%s\n' "$BODY" >"$TMP/api.json"
etag=$(header ETag)
"$WIALL" --db "$TMP/w.db" index build --catalog $CODE --format json >"$TMP/build.json"
"$WIALL" --db "$TMP/w.db" index uncertainty --catalog $CODE --format json >"$TMP/unc.json"
is "$("$JSON_GET" "$TMP/api.json" period)" 2014 "the API's year"
is "$("$JSON_GET" "$TMP/api.json" home_region)" 05512000 "the home region is Bottrop"
is "$("$JSON_GET" "$TMP/api.json" method.uncertainty.runs)" 1000 "1000 runs"
is "$("$JSON_GET" "$TMP/api.json" method.uncertainty.seed)" 2018 "with the catalogue's seed"
for i in 0 1 2 3 4 5 6 7; do
	code=$("$JSON_GET" "$TMP/build.json" units.$i.uCode)
	is "$("$JSON_GET" "$TMP/api.json" units.$i.code)" "$code" \
	    "rank $((i + 1)): the API and the command name the same region ($code)"
	score=$("$JSON_GET" "$TMP/build.json" units.$i.$CODE)
	near_rel "$("$JSON_GET" "$TMP/api.json" units.$i.scores.$CODE)" "$score" \
	    "$code: the API's score is the command's"
	near_rel "$("$JSON_GET" "$TMP/api.json" units.$i.scores.strength)" \
	    "$("$JSON_GET" "$TMP/build.json" units.$i.strength)" "$code: and so is its Wirtschaftskraft"
	is "$("$JSON_GET" "$TMP/api.json" units.$i.rank)" "$((i + 1))" "$code: rank $((i + 1))"
	is "$("$JSON_GET" "$TMP/unc.json" units.$i.uCode)" "$code" "$code: uncertainty in the same order"
	near_rel "$("$JSON_GET" "$TMP/api.json" units.$i.rank_uncertainty.q5)" \
	    "$("$JSON_GET" "$TMP/unc.json" units.$i.Q5)" "$code: Q5 of the rank as the command's"
	near_rel "$("$JSON_GET" "$TMP/api.json" units.$i.rank_uncertainty.q95)" \
	    "$("$JSON_GET" "$TMP/unc.json" units.$i.Q95)" "$code: Q95 of the rank as the command's"
	like "$page" "<td class=\"num\" data-value=\"[0-9.e+-]*\">$(de1 "$score")</td>" \
	    "$code: the page shows the score $(de1 "$score")"
done
# The page's data value is the API's number to the last digit.
first=$(printf '%s' "$page" | grep -o 'class="data ranking".*' | grep -o 'data-value="[^"]*"' | head -1 | sed 's/.*="//; s/"//')
near_rel "$first" "$("$JSON_GET" "$TMP/api.json" units.0.scores.$CODE)" "the page's first score is the API's"

# Bottrop's sentence: its rank and the interval of the analysis, rounded
# outwards to whole ranks (type-7 quantiles may fall between two ranks).
b=$("$JSON_GET" "$TMP/api.json" units.7.code)
is "$b" 05512000 "Bottrop is last in the demo's index"
lo=$(awk -v q="$("$JSON_GET" "$TMP/api.json" units.7.rank_uncertainty.q5)" 'BEGIN { printf "%d", q == int(q) ? q : int(q) }')
hi=$(awk -v q="$("$JSON_GET" "$TMP/api.json" units.7.rank_uncertainty.q95)" 'BEGIN { printf "%d", q == int(q) ? q : int(q) + 1 }')
if [ "$lo" = "$hi" ]; then
	like "$page" "Bottrop liegt auf Rang 8 von 8; in 90 % der Varianten auf Rang $lo\\." \
	    "the page says where Bottrop stands and how sure that is"
else
	like "$page" "Bottrop liegt auf Rang 8 von 8; in 90 % der Varianten zwischen Rang $lo und $hi\\." \
	    "the page says where Bottrop stands and how sure that is"
fi
like "$page" '<th scope="row">Bottrop \(eigene Stadt\)</th>' "the home region is marked in words in the tables"
like "$page" '<text[^>]*class="label home"[^>]*>Bottrop \(eigene Stadt\)</text>' "and in the chart"
# Bottrop's GDP per head 2014 (VGR via REAT G.counties.gdp): 19.978 EUR.
like "$page" '<td class="num" data-value="19978">19.978</td>' "a raw value in the components table"
like "$page" 'wiall index uncertainty --catalog resilience_muenster' "the page names the command"
like "$page" 'href="\./api/v1/index/resilience_muenster" type="application/json"' "and links its JSON"
like "$page" 'jedes Gewicht wurde um bis zu ±25.% verschoben' "the method says what was varied"

# English.
fetch -H 'Accept-Language: en' "$BASE/indices"
like "$BODY" '<h1>Resilience and economic strength in the Münster government region</h1>' "in English"
like "$BODY" 'Bottrop is ranked 8 of 8' "with an English sentence"
like "$BODY" 'every weight moved by up to ±25%' "and English percent signs"

# Conditional requests, CORS, errors as JSON.
fetch -H "If-None-Match: $etag" "$BASE/api/v1/index/$CODE"
is "$STATUS" 304 "the same ETag gives 304"
is "$BODY" "" "without a body"
fetch -X OPTIONS "$BASE/api/v1/index/$CODE"
is "$STATUS" 204 "OPTIONS is a CORS preflight"
fetch "$BASE/api/v1/index"
is "$STATUS" 200 "/api/v1/index is 200"
printf '%s\n' "$BODY" >"$TMP/list.json"
is "$("$JSON_GET" "$TMP/list.json" indices.0.code)" "$CODE" "it lists the index"
is "$("$JSON_GET" "$TMP/list.json" indices.0.href)" "/api/v1/index/$CODE" "with its address"
fetch "$BASE/api/v1/index/nope"
is "$STATUS" 404 "an unknown index is 404"
like "$BODY" '"message": "the catalogue has no index '"'"'nope'"'"'"' "with a JSON message"
fetch "$BASE/indices/nope"
is "$STATUS" 404 "the page of an unknown index is 404"
like "$BODY" '<html lang="de">' "as a page"
fetch -X POST "$BASE/api/v1/index"
is "$STATUS" 405 "POST is 405"
fetch "$BASE/api/v1/"
like "$BODY" '"/api/v1/index/\{code\}"' "the API index lists the endpoint"
stop_server

# ---- hostile names ---------------------------------------------------------
DATA="$TOP/tests/data/web"
# start_server serves $TMP/w.db: the demo steps aside for the fixture.
for s in "" -wal -shm; do
	[ -e "$TMP/w.db$s" ] && mv "$TMP/w.db$s" "$TMP/demo.db$s"
done
fixture_db "$TMP/w.db" "$DATA/structure.json" "$DATA/structure.csv" &&
    "$WIALL" --db "$TMP/w.db" catalog load "$TOP/tests/data/index/web_index.json" >/dev/null
ok $? "the hostile index loads over the web fixture"
start_server --access-log off
ok $? "a server starts on it" || bail_out "no server for the hostile index"
fetch "$BASE/indices"
is "$STATUS" 200 "the hostile index page is 200"
wellformed_svgs "the hostile index page"
is "$(printf '%s' "$BODY" | grep -o '<script' | wc -l | tr -d ' ')" 1 \
    "one script element: ours, none from the catalogue"
unlike "$BODY" "<script>alert|<b>Markup|<i>in</i>|<Industrie>" "no markup from the catalogue"
like "$BODY" "<h1>Index &lt;script&gt;alert\\(&#39;x&#39;\\)&lt;/script&gt; &amp; &quot;Co&quot;</h1>" \
    "the title is escaped in the heading"
like "$BODY" "<title>Index &lt;script&gt;alert" "and in the document title"
like "$BODY" 'Beschreibung mit &lt;b&gt;Markup&lt;/b&gt; &amp; &quot;Anführungszeichen&quot;' \
    "the description is escaped"
like "$BODY" '<th scope="colgroup" colspan="2">Widerstand &lt;i&gt;in&lt;/i&gt; der &quot;Krise&quot; &amp; danach</th>' \
    "a component's title in a table header"
like "$BODY" '<text[^>]*class="label home"[^>]*>Bottrop &lt;b&gt;fett&lt;/b&gt; &amp; &quot;Co&quot; \(eigene Stadt\)</text>' \
    "a region's name in SVG text"
like "$BODY" 'während „Krise &lt;script&gt;alert\(&#39;k&#39;\)&lt;/script&gt; &amp; &quot;Co&quot;“' \
    "a shock's name in the method"
like "$BODY" '<desc id="ranking-chart-desc">Regionen nach Punkten, die beste zuerst: Gelsenkirchen 73,7 \(Rang 1\); Münster 50,0 \(Rang 2\); Bottrop &lt;b&gt;fett&lt;/b&gt; &amp; &quot;Co&quot; 4,5 \(Rang 3\)\.</desc>' \
    "the chart's description, escaped, with the hand-calculated scores"
# METHODS §3.7 on the textbook regions (tests/unit/test_index_catalog.c):
# resistance −3/28, 32/23, −29/114; S1's share in 2012 104/213, 88/222,
# 258/875 with a larger share worse. Points: resistance (r + 29/114)/(32/23
# + 29/114)·100 = 8.948, 100, 0; share 0, (−88/222 + 104/213)/(−258/875 +
# 104/213)·100 = 47.50, 100; the index is their mean: 4.474, 73.75, 50.
fetch "$BASE/api/v1/index/hostile"
printf '%s\n' "$BODY" >"$TMP/h.json"
is "$("$JSON_GET" "$TMP/h.json" title.de)" "Index <script>alert('x')</script> & \"Co\"" \
    "JSON keeps the title as it is"
is "$("$JSON_GET" "$TMP/h.json" period)" 2012 "the latest year of the sector figures"
is "$("$JSON_GET" "$TMP/h.json" units.0.code)" 05513000 "Gelsenkirchen first"
r1=$(awk 'BEGIN { printf "%.17g", (-3/28 + 29/114) / (32/23 + 29/114) * 100 }')
s2=$(awk 'BEGIN { printf "%.17g", (-88/222 + 104/213) / (-258/875 + 104/213) * 100 }')
near_rel "$("$JSON_GET" "$TMP/h.json" units.2.normalised.resist)" "$r1" "Bottrop's resistance points"
near_rel "$("$JSON_GET" "$TMP/h.json" units.0.normalised.share_s1)" "$s2" "Gelsenkirchen's share points"
near_rel "$("$JSON_GET" "$TMP/h.json" units.2.scores.hostile)" "$(awk -v a="$r1" 'BEGIN { printf "%.17g", a / 2 }')" \
    "Bottrop's index: (8.948 + 0)/2"
near_rel "$("$JSON_GET" "$TMP/h.json" units.0.scores.hostile)" "$(awk -v a="$s2" 'BEGIN { printf "%.17g", (100 + a) / 2 }')" \
    "Gelsenkirchen's index: (100 + 47.50)/2"
near_rel "$("$JSON_GET" "$TMP/h.json" units.2.raw.share_s1)" "$(awk 'BEGIN { printf "%.17g", 10400/213 }')" \
    "Bottrop's raw share 104/213 in percent"
stop_server

# ---- the static site ----------------------------------------------------------
"$WIALL" --db "$TMP/demo.db" publish --out "$TMP/site" >/dev/null
ok $? "publish exits 0"
for f in indices.html en/indices.html api/v1/index.json api/v1/index/$CODE.json; do
	ok $([ -f "$TMP/site/$f" ]; echo $?) "$f is written"
done
cmp -s "$TMP/site/api/v1/index/$CODE.json" "$TMP/api.json"
ok $? "the published JSON is the server's"
"$WIALL" --db "$TMP/demo.db" publish --out "$TMP/site2" >/dev/null
diff -r "$TMP/site/indices.html" "$TMP/site2/indices.html" >/dev/null &&
    diff -r "$TMP/site/api/v1/index" "$TMP/site2/api/v1/index" >/dev/null
ok $? "publishing twice gives identical index files"
broken=0 links=0
for f in indices.html en/indices.html index.html; do
	dir=$(dirname "$TMP/site/$f")
	xmllint --noout "$TMP/site/$f" 2>/dev/null || broken=$((broken + 1))
	for link in $(grep -oE '(href|src)="[^"]*"' "$TMP/site/$f" | sed -E 's/^(href|src)="//; s/"$//'); do
		case "$link" in http*|mailto:*|'#'*) continue ;; esac
		target=${link%%#*}
		links=$((links + 1))
		[ -e "$dir/$target" ] || { broken=$((broken + 1)); echo "# broken: $f -> $link"; }
	done
done
ok $([ "$links" -gt 20 ]; echo $?) "the index pages have links to check ($links)"
is "$broken" 0 "none of them is broken, and the pages are well-formed"
like "$(cat "$TMP/site/index.html")" 'href="\./indices\.html">Index</a>' "the overview links the index page"
like "$(cat "$TMP/site/indices.html")" 'href="\./api/v1/index/resilience_muenster\.json"' \
    "the index page links its JSON file"
done_testing
