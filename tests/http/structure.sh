# The economic-structure page and /api/v1/structure over a real server, on
# tests/data/web/structure.json: the textbook regions of METHODS §3.6 (a
# nation NAT = A + B + C, four sectors, 2010–2012) with titles, region, sector
# and shock names that hold <script>, quotes and &. Expected numbers are hand
# calculations written beside each check, and the API must give what
# `wiall structure --format json` gives for the same query.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/checks.sh"
. "$TOP/tests/lib/fixture.sh"
. "$TOP/tests/lib/http.sh"

DATA="$TOP/tests/data/web"
JSON_GET="$TOP/$BUILD/tests/helpers/json_get"
NB=$(printf '\302\240')	# the no-break space between a number and its unit
fixture_db "$TMP/w.db" "$DATA/structure.json"
ok $? "the structure catalogue loads"
"$WIALL" --db "$TMP/w.db" import "$DATA/structure.csv" >/dev/null
ok $? "the sector figures import"
start_server --access-log off
ok $? "the server starts" || bail_out "no server to test"

num() {		# num FILE PATH DECIMALS: a JSON number as the German UI writes it
	LC_ALL=C printf "%.$3f" "$("$JSON_GET" "$1" "$2")" | tr . ,
}

# ---- the page -------------------------------------------------------------
fetch "$BASE/structure"
is "$STATUS" 200 "/structure is 200"
is "$(header Content-Type)" "text/html; charset=utf-8" "it is HTML"
check_security_headers "the structure page"
wellformed_svgs "the structure page"
is "$(printf '%s' "$BODY" | grep -o '<script' | wc -l | tr -d ' ')" 1 \
    "one script element: ours, none from the catalogue"
unlike "$BODY" "<script>alert|<b>fett|<i>öffentlich" "no markup from the catalogue"
like "$BODY" '<h1>Wirtschaftsstruktur: Bottrop &lt;b&gt;fett&lt;/b&gt; &amp; &quot;Co&quot;</h1>' \
    "the home region (the catalogue's first city) in the heading, escaped"
like "$BODY" '<title>Wirtschaftsstruktur: Bottrop &lt;b&gt;fett' "and in the document title"
like "$BODY" '<dd>Beschäftigte &lt;script&gt;alert\(&#39;i&#39;\)&lt;/script&gt; nach &quot;Bereichen&quot; &amp; Co</dd>' \
    "the indicator's title is escaped"
like "$BODY" 'href="https://example\.org/\?a=1&amp;b=&lt;2&gt;">Statistik &lt;script&gt; &amp; Co</a>' \
    "the source link is escaped inside its attribute"
like "$BODY" '<title id="composition-chart-title">Anteil der Bereiche in Bottrop &lt;b&gt;fett' \
    "names are escaped in the SVG <title>"
like "$BODY" '<text[^>]*>Industrie &lt;script&gt;alert\(&#39;s&#39;\)&lt;/script&gt; &amp;…</text>' \
    "and in SVG text (a sector's label, shortened to 40 characters)"
like "$BODY" '<caption>Widerstandsfähigkeit und Erholung von Bottrop &lt;b&gt;' \
    "and in a data table's caption"
like "$BODY" '<th scope="row">Krise &lt;script&gt;alert\(&#39;k&#39;\)&lt;/script&gt; &amp; &quot;Co&quot;</th>' \
    "a shock's name is escaped in the shock table"
like "$BODY" 'class="site-nav"' "the page has the site navigation"
like "$BODY" 'href="\./structure" aria-current="page">Wirtschaftsstruktur</a>' \
    "which marks the structure page as the current one"

# Composition. Bottrop (region A) 2012 = (104, 42, 11, 56), total 213: S1
# 104/213 = 48,8 % is the largest; S2's share moved most, 20/180 = 11,1 % →
# 42/213 = 19,7 % (S4: 33,3 % → 26,3 %, S1: 50,0 % → 48,8 %).
like "$BODY" "2012 war in Bottrop &lt;b&gt;fett&lt;/b&gt; &amp; &quot;Co&quot; der Bereich „Industrie &lt;script&gt;alert\\(&#39;s&#39;\\)&lt;/script&gt; &amp; &quot;Bau&quot;“ mit 48,8${NB}% am größten" \
    "composition: the largest sector, 48,8 % (104/213)"
like "$BODY" "„Handel &amp; Verkehr“ am stärksten verändert, von 11,1${NB}% auf 19,7${NB}%" \
    "and the share that moved most, S2 11,1 % → 19,7 %"
like "$BODY" 'class="reading">Jedes Band ist ein Bereich' "with how to read the chart"
like "$BODY" 'class="chart chart-area" id="composition-chart"' "as a stacked area"

# Diversity. HHI 2010 = .5² + (20/180)² + (10/180)² + (60/180)² = 0.37654;
# 2012 = (104² + 42² + 11² + 56²)/213² = 15837/45369 = 0.34907; 1/H = 2.86.
like "$BODY" 'sank der Konzentrationsindex \(HHI\) von 0,377 \(2010\) auf 0,349 \(2012\)' \
    "diversity: HHI fell from 0,377 to 0,349"
like "$BODY" 'wie 2,9 gleich große Bereiche' "as even as 2,9 equally large sectors (1/0.34907)"
like "$BODY" 'Verwandte und unverwandte Vielfalt werden nicht gezeigt' \
    "variety is said to be missing (no groups), not drawn as zeros"
unlike "$BODY" 'id="diversity-related"' "and there is no variety chart"

# Location quotients 2012 against NAT (450, 220, 140, 500)/1310:
# S1 (104/213)/(450/1310) = 1.4214; S3 (11/213)/(140/1310) = 0.4832.
like "$BODY" 'spezialisiert als Nation &lt;script&gt;alert\(&#39;n&#39;\)&lt;/script&gt; &amp; Co \(LQ 1,42\); am schwächsten vertreten ist „Landwirtschaft“ \(LQ 0,48\)' \
    "LQ: most specialised in S1 (1,42), least S3 (0,48)"
like "$BODY" 'class="chart chart-diverging" id="location-chart"' "drawn as bars around 1"
like "$BODY" '<td class="num" data-value="1.42[0-9]*">1,42</td>' "with a data table"

# Shift-share 2010 → 2012: growth 213 − 180 = 33; g = 1310/1100 − 1 =
# 0.190909, NS = 180 g = 34.36; IM = Σ x_i0 (g_i − g) = 0.553; RS = 33 −
# 34.36 − 0.55 = −1.92 (METHODS §3.6).
like "$BODY" "um \\+33${NB}Personen; ein Wachstum wie in Nation" "shift-share: the change +33"
like "$BODY" "hätte \\+34${NB}Personen bedeutet \\(Nationalkomponente\\), die Branchenstruktur trug \\+1${NB}Personen bei" \
    "national share +34, industry mix +1"
like "$BODY" "dort -2${NB}Personen \\(Standortkomponente\\)" "regional share -2"
# By sector: S2 42 − 20 · 220/150 = +12.67; S4 56 − 60 · 500/400 = −19.
like "$BODY" "„Handel &amp; Verkehr“ am besten ab \\(\\+13${NB}Personen\\)" "the best sector, S2 +13"
like "$BODY" "„Dienste &lt;i&gt;öffentlich&lt;/i&gt;“ am schlechtesten \\(-19${NB}Personen\\)" "the worst, S4 -19"
like "$BODY" 'Dynamisch, 2 Jahresschritte' "the dynamic variant is drawn beside the classic one"

# Shocks (METHODS §3.7), crisis 2010 → 2011 → 2012. Expected change
# 2010→2011: Σ g_i x_i = 90·.1 + 20·.4 + 10·(−.1) + 60·.2 = 28, actual 25:
# resistance (25 − 28)/28 = −0.107. 2011→2012: E = 100·(10/440) + 40·(10/210)
# + 10·(5/135) + 55·(20/480) = 6.8395, actual 8: recovery 0.1697.
# Sensitivity (25/180)/(165/1100) = 0.926.
like "$BODY" 'hielt sich schlechter, als die Branchenstruktur erwarten ließ \(Widerstandsfähigkeit -0,11\), und erholte sich besser als erwartet \(Erholung 0,17\)' \
    "shocks: resistance -0,11, recovery 0,17"
like "$BODY" '<td class="num">0,93</td><td class="num">-0,11</td><td class="num">0,17</td>' \
    "the shock table: sensitivity 0,93, resistance -0,11, recovery 0,17"
like "$BODY" '<th scope="row">Spätere Krise</th><td>2019</td><td>2020</td><td>2022</td><td class="missing" colspan="3">keine Daten für diesen Zeitraum</td>' \
    "a shock outside the data: no data for this period"
like "$BODY" 'wiall structure --indicator emp_sector --region 05512000 --from 2010 --to 2012' \
    "the page names the command that gives its numbers"
like "$BODY" 'href="\./api/v1/structure\?indicator=emp_sector&amp;region=05512000"' \
    "and links its JSON"

# The same numbers as `wiall structure` for the same query.
"$WIALL" --db "$TMP/w.db" structure --indicator emp_sector --region 05512000 \
    --from 2010 --to 2012 --format json >"$TMP/cli.json"
is "$?" 0 "wiall structure --format json runs"
like "$BODY" "\\(LQ $(num "$TMP/cli.json" periods.2.lq.S1 2)\\);" "the page's LQ of S1 is the command's"
like "$BODY" "von $(num "$TMP/cli.json" periods.0.hhi 3) \\(2010\\) auf $(num "$TMP/cli.json" periods.2.hhi 3)" \
    "the page's HHI are the command's"
like "$BODY" "\\(Widerstandsfähigkeit $(num "$TMP/cli.json" shocks.0.resistance 2)\\)" \
    "the page's resistance is the command's"

# English.
fetch -H 'Accept-Language: en' "$BASE/structure"
like "$BODY" '<h1>Economic structure: Bottrop &lt;b&gt;bold&lt;/b&gt; &amp; &quot;Co&quot;</h1>' \
    "in English the English names"
like "$BODY" "In 2012, the largest sector in Bottrop &lt;b&gt;bold&lt;/b&gt; &amp; &quot;Co&quot; was “Industry &amp; &quot;construction&quot;” with 48.8%" \
    "with English sentences and number format"
like "$BODY" 'LQ 1.3 means a share 30% larger' "the reading sentence in English"
like "$BODY" 'the bands add up to 100%\.' "with English percent signs"

# Another region: its path works, the switch links there.
fetch "$BASE/structure/05513000"
is "$STATUS" 200 "/structure/05513000 is 200"
like "$BODY" '<h1>Wirtschaftsstruktur: Gelsenkirchen</h1>' "it shows Gelsenkirchen"
like "$BODY" 'href="\.\./structure" aria-current="page"' "the site navigation still marks the section"
like "$BODY" 'href="\.\./structure/05513000" aria-current="page">Gelsenkirchen</a>' \
    "the region switch marks the region shown"
like "$BODY" 'href="\.\./structure">Bottrop &lt;b&gt;fett' "and links back to the home region's page"
unlike "$(printf '%s' "$BODY" | grep -o '<nav class="region-switch".*</nav><nav class="contents"')" \
    'Nation|Ruhrgebiet' "neither the reference region nor an area holding cities is offered in the switch"
# Region B: 2010 total 60 + 30 + 30 + 40 = 160, 2012 88 + 57 + 41 + 36 = 222.
like "$BODY" "um \\+62${NB}Personen" "with its own numbers (growth 222 − 160 = 62)"
fetch "$BASE/structure/05512000/emp_fine"
is "$STATUS" 200 "a second sector indicator has its page at /structure/REGION/INDICATOR"
wellformed_svgs "the second indicator's page"
# METHODS §3.3's check: counts (10, 0, 5, 5) in groups (G1, G1, G2, G2) →
# E = 1.5, UV = 1, RV = 0.5 bits (Bottrop 2010 in emp_fine).
like "$BODY" 'id="diversity-unrelated"' "where the classification groups the sectors, variety is drawn"
like "$BODY" '<tr><th scope="row">2010</th><td class="num" data-value="1">1,00</td>' \
    "unrelated variety 2010 = 1 bit"
like "$BODY" '<tr><th scope="row">2010</th><td class="num" data-value="0.5">0,50</td>' \
    "related variety 2010 = 0.5 bits"
unlike "$BODY" 'werden nicht gezeigt' "and nothing says it is missing"
like "$BODY" 'Bereiche, die zu Beginn null waren \(F2\)' "a sector zero at the start is named"
like "$BODY" 'href="\.\./\.\./structure">Beschäftigte &lt;script&gt;' "it links back to the first indicator"
like "$BODY" 'href="\.\./\.\./structure/05512000/emp_fine" aria-current="page">Beschäftigte nach feinen Bereichen' \
    "and marks itself in the indicator switch"
# The notes on the computation in the page's language (METHODS §1): app/structure
# writes each in English and German; F2 was 0 in 2010 (tests/data/web/structure.csv).
like "$BODY" '<ul class="notes"><li>.*<li>Bottrop &lt;b&gt;fett&lt;/b&gt; &amp; &quot;Co&quot; hatte 2010 im Bereich F2 nichts: Die Wachstumsrate ist nicht definiert' \
    "the German page has the note in German, with the German region name"
unlike "$BODY" '<ul class="notes" lang="en">|had nothing in' "and neither marks nor shows an English one"
fetch "$BASE/structure/05512000/emp_fine?lang=en"
like "$BODY" '<html lang="en">' "the English page"
like "$BODY" '<ul class="notes"><li>.*<li>Bottrop &lt;b&gt;bold&lt;/b&gt; &amp; &quot;Co&quot; had nothing in F2 in 2010: the growth rate is undefined' \
    "has the note in English, with the English region name"
unlike "$BODY" 'hatte 2010' "and not the German one"
fetch "$BASE/structure/05513000/emp_fine"
is "$STATUS" 404 "a region without figures of that indicator is 404"
fetch "$BASE/structure/DEA31"
like "$BODY" '<h1>Wirtschaftsstruktur: Bottrop' "a region alias works in the path"
fetch "$BASE/structure/nope"
is "$STATUS" 404 "an unknown region is 404"
like "$BODY" '<html lang="de">' "as a page"
fetch "$BASE/structure/05513000/nope"
is "$STATUS" 404 "an unknown indicator is 404"
fetch "$BASE/"
like "$BODY" 'href="\./structure">Wirtschaftsstruktur</a>' "the overview links the structure page"

# ---- the API ----------------------------------------------------------------
fetch "$BASE/api/v1/structure"
is "$STATUS" 200 "/api/v1/structure is 200"
is "$(header Content-Type)" "application/json" "as JSON"
is "$(header Access-Control-Allow-Origin)" "*" "with CORS"
printf '%s\n' "$BODY" >"$TMP/api.json"
cmp -s "$TMP/api.json" "$TMP/cli.json"
ok $? "its body is what wiall structure --format json writes for the page's query"
is "$("$JSON_GET" "$TMP/api.json" region_name)" 'Bottrop <b>bold</b> & "Co"' \
    "names are JSON strings (escaped as JSON, served with nosniff)"
etag=$(header ETag)
fetch -H "If-None-Match: $etag" "$BASE/api/v1/structure"
is "$STATUS" 304 "If-None-Match gives 304"

# The textbook span 2010 → 2011 (METHODS §3.6, region A): growth 25, NS 27,
# IM 1, RS −3, net total shift −2.
fetch "$BASE/api/v1/structure?indicator=emp_sector&region=DEA31&from=2010&to=2011"
is "$STATUS" 200 "a query with indicator, region alias, from and to is 200"
printf '%s\n' "$BODY" >"$TMP/span.json"
near_rel "$("$JSON_GET" "$TMP/span.json" shift_share.growth)" 25 "textbook growth"
near_rel "$("$JSON_GET" "$TMP/span.json" shift_share.national_share)" 27 "textbook national share"
near_rel "$("$JSON_GET" "$TMP/span.json" shift_share.industry_mix)" 1 "textbook industry mix"
near_rel "$("$JSON_GET" "$TMP/span.json" shift_share.regional_share)" -3 "textbook regional share"
near_rel "$("$JSON_GET" "$TMP/span.json" shift_share.net_total_shift)" -2 "textbook net total shift"
"$WIALL" --db "$TMP/w.db" structure --indicator emp_sector --region DEA31 \
    --from 2010 --to 2011 --format json >"$TMP/cli_span.json"
cmp -s "$TMP/span.json" "$TMP/cli_span.json"
ok $? "and the same body as the command with the same options"
fetch "$BASE/api/v1/structure?region=05513000&reference=05515000"
is "$("$JSON_GET" - reference <<<"$BODY")" 05515000 "an explicit reference is used"

fetch "$BASE/api/v1/structure?region=nope"
is "$STATUS" 404 "an unknown region is 404"
like "$BODY" '"message": "no region' "with a message in JSON"
fetch "$BASE/api/v1/structure?indicator=nope"
is "$STATUS" 404 "an unknown indicator is 404"
fetch "$BASE/api/v1/structure?reference=nope"
is "$STATUS" 404 "an unknown reference is 404"
fetch "$BASE/api/v1/structure?from=soon"
is "$STATUS" 400 "a malformed period is 400"
is "$(header Content-Type)" "application/json" "answered as JSON"
like "$BODY" '"status": 400' "with its status"
like "$BODY" "from 'soon' is not a period" "and what is wrong"
fetch "$BASE/api/v1/structure?from=1990"
is "$STATUS" 400 "a period without figures is 400"
like "$BODY" 'the data cover 2010 to 2012' "saying which periods there are"
fetch "$BASE/api/v1/structure?from=2012&to=2010"
is "$STATUS" 400 "from after to is 400"
fetch "$BASE/api/v1/structure?region="
is "$STATUS" 400 "an empty parameter is 400"
fetch -X OPTIONS "$BASE/api/v1/structure"
is "$STATUS" 204 "OPTIONS is a CORS preflight"
fetch "$BASE/api/v1/"
like "$BODY" '"/api/v1/structure"' "the API index lists /api/v1/structure"
stop_server
is "$SERVER_RC" 0 "the server stops cleanly"

# ---- a catalogue without figures by sector ------------------------------------
rm -f "$TMP/w.db"*
"$WIALL" --db "$TMP/w.db" init >/dev/null
"$WIALL" --db "$TMP/w.db" catalog load "$DATA/catalog.json" >/dev/null
start_server --access-log off
ok $? "a server starts on a catalogue without figures by sector" ||
    bail_out "no server for the empty structure page"
fetch "$BASE/structure"
is "$STATUS" 200 "without figures by sector the page is still there"
like "$BODY" 'Es gibt noch keine Zahlen nach Wirtschaftsbereichen' "and says what it needs"
wellformed_svgs "the empty structure page" 0
fetch "$BASE/api/v1/structure"
is "$STATUS" 404 "the API answers 404"
like "$BODY" 'no indicator of the catalogue has figures by sector' "with the reason"
stop_server
is "$SERVER_RC" 0 "that server stops cleanly too"
done_testing
