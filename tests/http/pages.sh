# The dashboard over a real server: overview, goal and indicator pages and the
# JSON API, over a catalogue whose titles hold <script>, quotes and & (they
# must come out escaped everywhere: HTML text, SVG, attributes, JSON).
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/http.sh"
. "$TOP/tests/lib/fixture.sh"

DATA="$TOP/tests/data/web"
NB=$(printf '\302\240')	# the no-break space between a number and %
fixture_db "$TMP/w.db" "$DATA/catalog.json"
ok $? "the test catalogue loads"
"$WIALL" --db "$TMP/w.db" import "$DATA/observations.csv" >/dev/null
ok $? "the test observations import"
start_server --access-log off
ok $? "the server starts" || bail_out "no server to test"

wellformed() {	# wellformed WHAT: $BODY parses as XML and as HTML
	printf '%s' "$BODY" | xmllint --noout - 2>"$TMP/xml.err"
	ok $? "$1 is well-formed (xmllint)" || sed 's/^/# /' "$TMP/xml.err" | head -5
}
no_injection() {	# no_injection WHAT: only our one <script src>
	is "$(printf '%s' "$BODY" | grep -o '<script' | wc -l)" 1 "$1: one script element, ours"
	unlike "$BODY" '<script>alert|<b>fett|<i>Co' "$1: no markup from the catalogue"
}

fetch "$BASE/"
is "$STATUS" 200 "the overview is 200"
is "$(header Content-Type)" "text/html; charset=utf-8" "the overview is HTML"
check_security_headers "overview"
wellformed "the overview"
no_injection "overview"
like "$BODY" '<h1>Gemeinsam &lt;script&gt;alert\(&quot;v&quot;\)&lt;/script&gt; &amp; &quot;Nachhaltig&quot;</h1>' \
    "the vision's title is shown escaped"
like "$BODY" 'Gemeinsam &amp; &lt;i&gt;Co&lt;/i&gt;' "goal titles are escaped"
like "$BODY" 'href="\./indicators/unemployment">Arbeitslosenquote</a>' "indicators link to their pages"
like "$BODY" 'href="\./goals/G2\.1"' "goals link to their pages"
like "$BODY" 'weather weather-cloud"><img src="\./assets/weather-cloud\.svg\?v=[0-9a-f]+" alt="" width="24" height="24" />Wolke' \
    "the weather symbol comes with its word (the icon is decoration)"
like "$BODY" 'fallend' "the change is said in words"
like "$BODY" "8,7${NB}%" "the latest value in German format"
like "$BODY" 'Daten zuletzt aktualisiert: <time datetime="[0-9-]{10}">[0-9]{2}\.[0-9]{2}\.[0-9]{4}</time>' \
    "the date of the last update, German style"
etag=$(header ETag)
fetch -H "If-None-Match: $etag" "$BASE/"
is "$STATUS" 304 "pages answer If-None-Match with 304"

fetch "$BASE/indicators/emp_women"
is "$STATUS" 200 "an indicator page is 200"
wellformed "the indicator page"
no_injection "indicator page"
like "$BODY" '<h1>Beschäftigungsquote &lt;script&gt;alert\(&#39;x&#39;\)&lt;/script&gt; der &quot;Frauen&quot; &amp; Co</h1>' \
    "the indicator's title is escaped in the heading"
like "$BODY" '<title id="chart-series-title">Beschäftigungsquote &lt;script&gt;' \
    "and in the chart's SVG <title>"
like "$BODY" '<caption>Beschäftigungsquote &lt;script&gt;' "and in the data table's caption"
like "$BODY" 'href="https://example\.org/\?a=1&amp;b=&lt;2&gt;&amp;c=&quot;3&quot;">Bundesagentur für Arbeit &lt;script&gt;</a>' \
    "a source URL with & < and quotes is escaped inside its attribute"
like "$BODY" 'Sozialversicherungspflichtig beschäftigte Frauen je 100 Frauen von 15 bis 64 &lt;Jahren&gt;\.' \
    "the definition is escaped"
like "$BODY" '<summary>Warum\?</summary>' "the weather has a Warum? section"
like "$BODY" 'Nordrhein-Westfalen' "the reference region is named"
like "$BODY" '<td>p</td>' "flags are shown with the values"

# The worked example: unemployment 2017-2022 = 9.8, 9.2, 8.9, 9.6, 9.1, 8.7,
# target 7.0 by 2025, lower is better (METHODS §2.2 A). Mean change
# (8.7 - 9.8) / 5 = -0.22; projection 8.7 + 3 × -0.22 = 8.04; miss ratio
# (8.04 - 7.0) / (8.7 - 7.0) = 0.612 > 0.20: cloud.
fetch "$BASE/indicators/unemployment"
is "$STATUS" 200 "the unemployment page is 200"
wellformed "the unemployment page"
like "$BODY" 'Mittlere Veränderung je Jahr</th><td class="num">-0,22<' "Warum? shows the mean change -0,22"
like "$BODY" 'Projizierter Wert im Zieljahr</th><td class="num">8,04<' "the projection 8,04"
like "$BODY" "verfehlt wird</th><td class=\"num\">61,2${NB}%" "the miss ratio 61,2 %"
like "$BODY" 'class="weather weather-cloud"' "and the verdict: cloud"
like "$BODY" '<p class="sentence">Der Wert sinkt im Mittel um 0,2 Prozentpunkte pro Jahr; bei diesem Tempo wird das Ziel [^<]* bis 2025 deutlich verfehlt' \
    "the sentence says it in words, as wiall assess does"
like "$BODY" 'class="series series-3 projection"' "the chart draws the DNS projection"
like "$BODY" 'stroke-dasharray="7 5"' "as a dashed line"
like "$BODY" "Ziel 2025: 7,0${NB}%" "the target is marked on the chart"
like "$BODY" "Ziel \\(jedes Jahr\\): 10,0${NB}%" "and the second target, told apart by its label"
fetch -H 'Accept-Language: en' "$BASE/indicators/unemployment"
like "$BODY" '<summary>Why\?</summary>' "in English: Why?"
like "$BODY" 'falls by 0\.2 percentage points a year' "with the English sentence"

fetch "$BASE/goals/G2.1"
is "$STATUS" 200 "a goal page is 200"
wellformed "the goal page"
no_injection "goal page"
like "$BODY" 'href="\.\./indicators/emp_women"' "the goal page links its indicators"
like "$BODY" 'href="\.\./goals/G2"' "and its parent goal"
fetch "$BASE/goals/nope"
is "$STATUS" 404 "an unknown goal is 404"
fetch "$BASE/indicators/nope"
is "$STATUS" 404 "an unknown indicator is 404"

# The API.
json_ok() {	# json_ok WHAT: $BODY is valid JSON
	printf '%s' "$BODY" | python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null
	ok $? "$1 is valid JSON"
}
fetch "$BASE/api/v1/indicators"
is "$STATUS" 200 "/api/v1/indicators is 200"
json_ok "the indicator list"
like "$BODY" '"code": "emp_women"' "it lists the indicators"
like "$BODY" "\"de\": \"Beschäftigungsquote <script>alert\\('x'\\)</script> der \\\\\"Frauen\\\\\" & Co\"" \
    "titles are JSON strings (quotes escaped; served as JSON with nosniff)"
fetch "$BASE/api/v1/indicators/unemployment"
json_ok "one indicator"
like "$BODY" '"verdict": "cloud"' "the indicator's assessment"
like "$BODY" '"projected_value": 8\.04' "with its numbers"
fetch "$BASE/api/v1/indicators/unemployment/observations?region=05512000&from=2020"
json_ok "the observations"
is "$(printf '%s' "$BODY" | grep -c '"period"')" 3 "region and from filter the observations (2020-2022)"
fetch "$BASE/api/v1/indicators/unemployment/observations?region=DEA31&to=2016"
is "$(printf '%s' "$BODY" | grep -c '"period"')" 2 "a region alias and to work too"
fetch "$BASE/api/v1/indicators/unemployment/observations?from=soon"
is "$STATUS" 400 "a bad period is 400"
like "$BODY" '"status": 400' "as JSON"
fetch "$BASE/api/v1/indicators/nope/observations"
is "$STATUS" 404 "an unknown indicator's observations are 404"

# Pages are cached per thread while the data stay the same: a new import
# must show at once (the cache keys on SQLite's data_version).
for i in 1 2 3 4 5 6; do fetch "$BASE/"; done
like "$BODY" "8,7${NB}%" "before the import: 8,7 % (2022)"
printf 'indicator,region,period,value,flag\nunemployment,05512000,2023,8.1,\n' >"$TMP/more.csv"
"$WIALL" --db "$TMP/w.db" import "$TMP/more.csv" >/dev/null
ok $? "an import while the server runs"
for i in 1 2 3 4 5 6; do
	fetch "$BASE/"
	like "$BODY" "8,1${NB}%</td><td>2023</td>" "after the import, request $i shows 8,1 % (2023)"
done

stop_server
is "$SERVER_RC" 0 "the server stops cleanly"
done_testing
