# One assessment for the command line and the web: on the demo (`wiall
# demo`), the static site (`wiall publish`) must give every indicator the
# verdict `wiall assess --format json` gives, by every method, on its page
# and in its JSON download; the CSV download is `wiall export`'s; and no
# link of the published demo points nowhere.
. "$TOP/tests/lib/tap.sh"

DB="$TMP/demo.db"
"$WIALL" --db "$DB" demo >/dev/null
ok $? "wiall demo builds the demo database"
run "$WIALL" --db "$DB" publish --out "$TMP/site"
is "$RC" 0 "the demo publishes"
for m in dns eurostat opensdg; do
	"$WIALL" --db "$DB" assess --method "$m" --format json >"$TMP/$m.json"
done
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]))' "$TMP/dns.json")
ok $([ "$n" -gt 80 ]; echo $?) "wiall assess gives $n indicators"
like "$OUT" "$((n * 2)) downloads" "publish writes a CSV and a JSON download for each of them"

python3 - "$TMP/site" "$TMP/dns.json" "$TMP/eurostat.json" "$TMP/opensdg.json" <<'EOF'
import json, re, sys
site = sys.argv[1]
weather = {"sun", "sun_behind_cloud", "cloud", "thunderstorm"}
bad, checked = [], 0
docs = [json.load(open(p)) for p in sys.argv[2:]]
for r in docs[0]["results"]:
    code = r["indicator"]
    page = open(f"{site}/indicators/{code}.html").read()
    m = re.search(r'<p class="verdict"><span class="weather weather-([a-z_]+)"', page)
    want = r["verdict"] if r["verdict"] in weather else "none"
    if not m or m.group(1) != want:
        bad.append(f"{code}: page says {m and m.group(1)}, wiall assess {want}")
    download = json.load(open(f"{site}/downloads/{code}.json"))
    for doc in docs:
        cli = [x for x in doc["results"] if x["indicator"] == code][0]
        web = download["assessments"][doc["method"]]
        if web != cli:
            bad.append(f"{code}: the {doc['method']} record differs")
        checked += 1
    # The other methods' words on the page are their verdicts.
    for doc in docs[1:]:
        cli = [x for x in doc["results"] if x["indicator"] == code][0]
        if cli["status"] == "assessed":
            label = cli["assessment"]["label_de"]
            if f'level-{cli["assessment"]["verdict_level"]}">{label}</span>' not in page:
                bad.append(f"{code}: the page lacks {doc['method']}'s '{label}'")
for b in bad[:10]:
    print("# " + b)
print(f"# {checked} records compared")
sys.exit(1 if bad or checked == 0 else 0)
EOF
ok $? "every indicator's weather, and each method's full record, are wiall assess's"

"$WIALL" --db "$DB" export --indicator unemployment_rate >"$TMP/export.csv"
cmp -s "$TMP/export.csv" "$TMP/site/downloads/unemployment_rate.csv"
ok $? "the CSV download is what wiall export --indicator writes"
like "$(cat "$TMP/site/en/indicators/unemployment_rate.html")" \
    'href="\.\./\.\./downloads/unemployment_rate\.csv"' "English pages reach the shared downloads"

# Every relative href and src of the published demo names a file.
out=$(python3 - "$TMP/site" <<'EOF'
import os, re, sys
site, links, broken = sys.argv[1], 0, []
for top, dirs, files in os.walk(site):
    for name in files:
        if not name.endswith(".html"):
            continue
        path = os.path.join(top, name)
        for link in set(re.findall(r'(?:href|src)="([^"]*)"', open(path).read())):
            if re.match(r"(https?:|mailto:|#)", link):
                continue
            links += 1
            if not os.path.isfile(os.path.join(top, link.split("#")[0])):
                broken.append(f"{os.path.relpath(path, site)} -> {link}")
print(links, len(broken))
for b in broken[:10]:
    print("# broken: " + b)
EOF
)
set -- $out
ok $([ "$1" -gt 1000 ]; echo $?) "the published demo has links to check ($1)"
is "$2" 0 "no relative link of the published demo is broken"
printf '%s\n' "$out" | grep '^# broken'
# A target relative to the reference region is assessed on the gaps to it
# (METHODS §2.5): the "Warum?" section must call them gaps, not values (the
# demo's disposable income: Bottrop 21,500 against NRW 23,200 EUR in 2020;
# the first gap read, 2011, is 18,417 − 20,056 = −1,639 EUR, from the two
# rows of data/demo/observations.csv).
page=$(cat "$TMP/site/indicators/disposable_income_per_capita.html")
like "$page" "Gelesene Abstände zur Vergleichsregion: 2011: -1.639" \
    "a relative target's Warum? reads gaps and says so"
like "$page" "Erster verwendeter Abstand" "its first number used is a gap"
unlike "$page" "Gelesene Werte:" "and nothing calls them values"
page=$(cat "$TMP/site/en/indicators/disposable_income_per_capita.html")
like "$page" "Gaps to the reference region read: 2011: -1,639" "the same in English"
like "$(cat "$TMP/site/indicators/unemployment_rate.html")" "Gelesene Werte:" \
    "an indicator without a relative target still reads values"
done_testing
