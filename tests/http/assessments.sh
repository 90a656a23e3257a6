# The assessment side of the dashboard over a real server: every target's
# record in "Warum?", the other methods, revisions, the annual-value note,
# downloads, /api/v1/assessments and the full records of
# /api/v1/indicators/{code}. Two databases: the escaping fixture
# (tests/data/web, titles and target notes with <script>, quotes and &, a
# later vintage that revises three values) and the real demo (`wiall demo`),
# where the web must say exactly what `wiall assess` says.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/http.sh"
. "$TOP/tests/lib/fixture.sh"

DATA="$TOP/tests/data/web"
NB=$(printf '\302\240')	# the no-break space between a number and %
fixture_db "$TMP/w.db" "$DATA/catalog.json" "$DATA/observations.csv" \
    "$DATA/observations_revised.csv"
ok $? "the fixture and its later vintage load"
start_server --access-log off
ok $? "the server starts" || bail_out "no server to test"

wellformed() {	# wellformed WHAT: $BODY parses as XML
	printf '%s' "$BODY" | xmllint --noout - 2>"$TMP/xml.err"
	ok $? "$1 is well-formed (xmllint)" || sed 's/^/# /' "$TMP/xml.err" | head -5
}
json_ok() {	# json_ok WHAT: $BODY is valid JSON
	printf '%s' "$BODY" | python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null
	ok $? "$1 is valid JSON"
}
# same_as_cli WHAT FILE: $BODY equals FILE byte for byte.
same_as_cli() {
	printf '%s\n' "$BODY" | cmp -s - "$2"
	ok $? "$1" || diff <(printf '%s\n' "$BODY") "$2" | head -5 | sed 's/^/# /'
}
# reason DB CODE METHOD LANG [REGION]: the sentence `wiall assess` writes.
reason() {
	"$WIALL" --db "$1" assess "$2" --method "$3" --format json ${5:+--region "$5"} |
	    python3 -c 'import json,sys,html; print(html.escape(json.load(sys.stdin)["results"][0]["reason_'"$4"'"], quote=False))'
}

# ---- several targets: every record, the worst decides (METHODS §2.2 E) ----
# unemployment has "cap" (at most 10 % every year: 8.7 % in 2022 holds it,
# the trend falls: sun) and "main" (7.0 % by 2025: cloud, the worked example
# of pages.sh); the worse, cloud, is the indicator's.
fetch "$BASE/indicators/unemployment"
is "$STATUS" 200 "the indicator with two targets is 200"
wellformed "its page"
is "$(printf '%s' "$BODY" | grep -o '<script' | wc -l)" 1 "one script element, ours"
like "$BODY" '<dt>Ziele</dt><dd><ul><li>höchstens 10,0.% in jedem Jahr \(nie mehr &lt;script&gt;alert\(&#39;t&#39;\)&lt;/script&gt; &amp; &quot;10 %&quot;\)</li><li>7,0.% bis 2025</li></ul></dd>' \
    "both current targets are listed, the note escaped"
like "$BODY" '<p class="rule-e">Es gelten 2 Ziele\. Alle müssen erreicht werden, deshalb zählt das ungünstigste Ergebnis' \
    "Warum? says that the worst of the targets counts"
like "$BODY" '<li class="target-record"><h3>Ziel: höchstens 10,0.% in jedem Jahr \(nie mehr &lt;script&gt;' \
    "the first target's record, its note escaped in the heading"
like "$BODY" 'weather-sun"><img[^>]*/>Sonne</span></p><p class="sentence">Der Wert liegt mit 8,7.% \(2022\) im Rahmen des jährlichen Ziels von höchstens 10,0.%' \
    "the every-year target: sun, with its sentence"
like "$BODY" '<li class="target-record deciding"><h3>Ziel: 7,0.% bis 2025</h3><p class="verdict"><span class="weather weather-cloud">.*Wolke</span><strong class="decides"> – dieses Ziel entscheidet</strong>' \
    "the value target decides: cloud"
is "$(printf '%s' "$BODY" | grep -o 'class="data numbers"' | wc -l)" 2 "each target has its own numbers"
like "$BODY" '<p class="verdict"><span class="weather weather-cloud">' "the indicator's weather is the worse one"
like "$BODY" 'Gelesene Werte: 2017: 9,8.%; 2018: 9,2.%' "the values read are listed"
like "$BODY" '<th scope="row">Polarität</th><td class="num">Niedriger ist besser</td>' "the polarity in words"

# The other methods, each with the sentence `wiall assess` writes.
like "$BODY" '<h2 id="other-methods">Andere Methoden</h2>' "the other methods have a section"
like "$BODY" 'Fortschrittskategorie von Eurostat \(kurzfristig, 5 Jahre\)</dt><dd><p class="verdict"><span class="verdict-word level-[0-3]">' \
    "Eurostat's category in words"
like "$BODY" 'Fortschrittsstatus und Punktzahl von Open SDG</dt><dd><p class="verdict"><span class="verdict-word level-[0-3]">' \
    "Open SDG's status in words"
for m in dns eurostat opensdg; do
	sentence=$(reason "$TMP/w.db" unemployment "$m" de)
	case "$BODY" in
	*"<p class=\"sentence\">$sentence</p>"*) ok 0 "the $m sentence is the one wiall assess writes" ;;
	*) ok 1 "the $m sentence is the one wiall assess writes"; echo "# $sentence" ;;
	esac
done
fetch -H 'Accept-Language: en' "$BASE/indicators/unemployment"
like "$BODY" '2 targets apply\. All of them must be met' "in English: the rule in words"
like "$BODY" '<h2 id="other-methods">Other methods</h2>' "and the other methods"
sentence=$(reason "$TMP/w.db" unemployment eurostat en)
case "$BODY" in
*"$sentence"*) ok 0 "with the English Eurostat sentence" ;;
*) ok 1 "with the English Eurostat sentence" ;;
esac

# ---- revisions (tests/data/web/observations_revised.csv) --------------------
fetch "$BASE/indicators/emp_women"
wellformed "the page with revisions"
like "$BODY" '<th scope="col">Revisionen</th>' "the data table gets a revisions column"
like "$BODY" 'Bottrop: 51,8 → 51,9 \(revidiert am [0-9]{2}\.[0-9]{2}\.[0-9]{4}\)' \
    "a revised value: old → new, with the date of the batch"
like "$BODY" 'Bottrop: 52,9 \[p\] → 53,0 \(revidiert am' "a provisional value made final shows its flag"
like "$BODY" '<th scope="col">Bottrop \(%\)</th>' "the unit is in the heading, not in every cell"
fetch "$BASE/indicators/unemployment"
like "$BODY" 'Nordrhein-Westfalen: 7,3 → 7,2 \(revidiert am' "revisions of the reference region name it"

# ---- the API -----------------------------------------------------------------
fetch "$BASE/api/v1/assessments"
is "$STATUS" 200 "/api/v1/assessments is 200"
is "$(header Content-Type)" "application/json" "as JSON"
is "$(header Access-Control-Allow-Origin)" "*" "readable from any origin (CORS)"
json_ok "the assessments"
"$WIALL" --db "$TMP/w.db" assess --format json >"$TMP/cli.json"
same_as_cli "it is what wiall assess --format json prints, byte for byte" "$TMP/cli.json"
like "$BODY" '"note_de": "nie mehr <script>alert\(.t.\)</script> & \\"10 %\\""' \
    "a target note with <script> and quotes is a JSON string"
etag=$(header ETag)
fetch -H "If-None-Match: $etag" "$BASE/api/v1/assessments"
is "$STATUS" 304 "If-None-Match gives 304"
for m in eurostat opensdg dns; do
	fetch "$BASE/api/v1/assessments?method=$m"
	"$WIALL" --db "$TMP/w.db" assess --method "$m" --format json >"$TMP/cli-$m.json"
	same_as_cli "?method=$m equals wiall assess --method $m" "$TMP/cli-$m.json"
done
fetch "$BASE/api/v1/assessments?region=05"
"$WIALL" --db "$TMP/w.db" assess --region 05 --format json >"$TMP/cli-05.json"
same_as_cli "?region=05 equals wiall assess --region 05" "$TMP/cli-05.json"
fetch "$BASE/api/v1/assessments?region=DEA31&method=eurostat"
like "$BODY" '"region": "05512000"' "a region alias works (and filters combine)"
like "$BODY" '"method": "eurostat"' "with the method"
fetch "$BASE/api/v1/assessments?method=astrology"
is "$STATUS" 400 "an unknown method is 400"
like "$BODY" '"message": "method is dns, eurostat or opensdg"' "with a JSON message"
fetch "$BASE/api/v1/assessments?region=atlantis"
is "$STATUS" 404 "an unknown region is 404"
like "$BODY" '"message": "no such region' "with a JSON message"
fetch -X OPTIONS -H 'Origin: https://example.org' "$BASE/api/v1/assessments"
is "$STATUS" 204 "a CORS preflight is answered"
fetch -X POST "$BASE/api/v1/assessments"
is "$STATUS" 405 "POST is not allowed"
like "$BODY" '"status": 405' "and says so in JSON"

fetch "$BASE/api/v1/indicators/unemployment"
json_ok "one indicator with its records"
printf '%s' "$BODY" >"$TMP/one.json"
python3 - "$TMP/one.json" "$TMP/cli-dns.json" "$TMP/cli-eurostat.json" "$TMP/cli-opensdg.json" <<'EOF'
import json, sys
one = json.load(open(sys.argv[1]))
a = one["assessments"]
ok = a["format"] == "wiall-assess/1"
for path in sys.argv[2:]:
    doc = json.load(open(path))
    want = [r for r in doc["results"] if r["indicator"] == "unemployment"][0]
    ok = ok and a[doc["method"]] == want
ok = ok and one["assessment"]["verdict"] == "cloud" and len(a["dns"]["targets"]) == 2
sys.exit(0 if ok else 1)
EOF
ok $? "its assessments are wiall assess's results for each method, both targets included"
like "$BODY" '"projected_value": 8\.04' "with the numbers (shortest form)"
like "$BODY" '"note_de": "nie mehr <script>alert' "and the target notes as JSON strings"
etag=$(header ETag)
fetch -H "If-None-Match: $etag" "$BASE/api/v1/indicators/unemployment"
is "$STATUS" 304 "the indicator answers If-None-Match with 304"

# ---- downloads ---------------------------------------------------------------
fetch "$BASE/indicators/unemployment"
like "$BODY" '<a href="\.\./downloads/unemployment\.csv" type="text/csv">Beobachtungen als CSV</a>' \
    "the page links the CSV"
like "$BODY" '<a href="\.\./downloads/unemployment\.json" type="application/json">' "and the JSON"
fetch "$BASE/downloads/unemployment.csv"
is "$STATUS" 200 "the CSV download is 200"
is "$(header Content-Type)" "text/csv; charset=utf-8" "as CSV"
"$WIALL" --db "$TMP/w.db" export --indicator unemployment >"$TMP/export.csv"
same_as_cli "it is what wiall export --indicator writes" "$TMP/export.csv"
fetch "$BASE/downloads/emp_women.json"
is "$STATUS" 200 "the JSON download is 200"
json_ok "the JSON download"
printf '%s' "$BODY" | python3 -c '
import json, sys
d = json.load(sys.stdin)
sys.exit(0 if len(d["observations"]) == 16 and d["assessments"]["dns"]["indicator"] == "emp_women" else 1)'
ok $? "it holds the 16 observations and the assessments"
fetch "$BASE/downloads/nope.csv"
is "$STATUS" 404 "an unknown indicator's download is 404"
fetch "$BASE/downloads/unemployment.exe"
is "$STATUS" 404 "an unknown kind of download is 404"
stop_server
is "$SERVER_RC" 0 "the fixture's server stops cleanly"

# ---- the demo: the web says what wiall assess says ---------------------------
DEMO="$TMP/demo.db"
"$WIALL" --db "$DEMO" demo >/dev/null
ok $? "wiall demo builds the demo database"
cp "$DEMO" "$TMP/w.db"
start_server --access-log off
ok $? "the server starts on the demo" || bail_out "no server for the demo"
for m in dns eurostat opensdg; do
	fetch "$BASE/api/v1/assessments?method=$m"
	"$WIALL" --db "$DEMO" assess --method "$m" --format json >"$TMP/demo-$m.json"
	same_as_cli "demo: /api/v1/assessments?method=$m equals wiall assess" "$TMP/demo-$m.json"
done

# Every indicator's weather on the overview and on its own page is the one
# wiall assess gives; the tally of each guiding goal counts its subtree's.
fetch "$BASE/"
wellformed "the demo overview"
printf '%s' "$BODY" >"$TMP/overview.html"
mkdir -p "$TMP/pages"
for code in $(python3 -c 'import json,sys; print(" ".join(r["indicator"] for r in json.load(open(sys.argv[1]))["results"]))' "$TMP/demo-dns.json"); do
	curl -s "$BASE/indicators/$code" >"$TMP/pages/$code.html"
done
python3 - "$TMP/demo-dns.json" "$TOP/data/catalog/bottrop.json" "$TMP/overview.html" "$TMP/pages" <<'EOF'
import json, re, sys, collections
results = json.load(open(sys.argv[1]))["results"]
catalog = json.load(open(sys.argv[2]))
overview = open(sys.argv[3]).read()
bad = []
weather = {"sun", "sun_behind_cloud", "cloud", "thunderstorm"}
for r in results:
    code, verdict = r["indicator"], r["verdict"]
    page = open(f"{sys.argv[4]}/{code}.html").read()
    m = re.search(r'<p class="verdict"><span class="weather weather-([a-z_]+)"', page)
    got = m.group(1) if m else None
    want = verdict if verdict in weather else "none"
    if got != want:
        bad.append(f"page {code}: {got} != {want}")
    rows = re.findall(r'href="\./indicators/' + re.escape(code) +
        r'">[^<]*</a></th><td><span class="weather weather-([a-z_]+)"', overview)
    if verdict in weather and (not rows or any(x != verdict for x in rows)):
        bad.append(f"overview {code}: {rows} != {verdict}")
# The tally of each guiding goal: its subtree's indicators, each once.
parent = {g["code"]: g.get("parent") for g in catalog["goals"]}
def root(g):
    while parent.get(g):
        g = parent[g]
    return g
by = {r["indicator"]: r for r in results}
tally = collections.defaultdict(collections.Counter)
seen = collections.defaultdict(set)
for ind in catalog["indicators"]:
    for g in ind.get("goals", []):
        rt = root(g)
        if ind["code"] in seen[rt]:
            continue
        seen[rt].add(ind["code"])
        v = by[ind["code"]]["verdict"]
        tally[rt][v if v in weather else "other"] += 1
labels = {"sun": "Sonne", "sun_behind_cloud": "Leicht bewölkt", "cloud": "Wolke",
          "thunderstorm": "Gewitter"}
sections = re.split(r'<section class="goal">', overview)[1:]
for s in sections:
    code = re.search(r'href="\./goals/([^"]+)"', s).group(1)
    ul = re.search(r'<ul class="tally"[^>]*>(.*?)</ul>', s).group(1)
    for v, label in labels.items():
        n = tally[code][v]
        has = re.search(r'weather-' + v + r'">.*?' + label + r': (\d+)</li>', ul)
        if (has and int(has.group(1)) != n) or (not has and n):
            bad.append(f"tally {code} {v}: {has and has.group(1)} != {n}")
if bad:
    print("\n".join("# " + b for b in bad))
sys.exit(1 if bad or not sections else 0)
EOF
ok $? "every indicator's weather on the overview and its page, and each guiding goal's tally, agree with wiall assess"
like "$(cat "$TMP/overview.html")" '<details class="more"><summary>[0-9]+ weitere Indikatoren ohne ausreichende Daten</summary>' \
    "indicators without enough data are folded into one line per goal"
like "$(cat "$TMP/overview.html")" '<details class="more"><summary>[0-9]+ Indikatoren ohne ausreichende Daten</summary>' \
    "(without 'weitere' where nothing was assessed)"
like "$(cat "$TMP/overview.html")" 'Daten zuletzt aktualisiert: <time' "the date of the last update stays"
unlike "$(cat "$TMP/overview.html")" '<td><span class="weather weather-none">nicht bewertbar</span><span class="reason">: (noch keine Werte|zu wenige Werte)' \
    "no indicator without enough data is listed in a table"

# Monthly data, made annual: the page says how, and keeps the raw values.
page=$(cat "$TMP/pages/unemployment_rate.html")
like "$page" '<p class="annual-note"><strong>Jahreswerte: Mittel der Monatswerte</strong>' \
    "unemployment_rate: the annual values are the mean of the months"
like "$page" 'Jahre mit unvollständigen Werten bleiben unberücksichtigt' "incomplete years are said to be left out"
like "$page" '<th scope="row">März 2025</th><td class="num" data-value="8.2">8,2</td>' \
    "the data table still shows the monthly values"
like "$page" 'weather-thunderstorm' "and the weather is wiall assess's thunderstorm"
page=$(cat "$TMP/pages/population.html")
like "$page" '<strong>Jahreswerte: der Dezemberwert</strong>' "population (stock): the December value"
page=$(cat "$TMP/pages/gdp_per_employed.html")
like "$page" 'Nordrhein-Westfalen: 64\.862 → 66\.041 \(revidiert am' \
    "gdp_per_employed: the demo's later vintage shows as a revision"
page=$(cat "$TMP/pages/disposable_income_per_capita.html")
like "$page" 'Kein Ziel im Katalog|über Nordrhein-Westfalen' "a reference target is named"
stop_server
is "$SERVER_RC" 0 "the demo's server stops cleanly"
done_testing
