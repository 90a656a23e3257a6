# The OpenAPI document (/api/v1/openapi.json) against the server that serves
# it, on the demo (`wiall demo`): the document is well-formed (every $ref
# resolves, the schemas keep to the subset tests/helpers/openapi_check.c
# validates); every path answers with a documented status, with parameter
# values taken from the demo; every body fits its schema strictly (a key the
# document does not name fails); the documented headers are sent; HEAD,
# OPTIONS and the refused methods answer as documented; parameters a path
# does not take, empty, repeated or malformed ones are 400, unknown codes and
# regions 404, each a JSON error that fits the Error schema; numbers come
# back as imported. The route table's side (every API route is in the
# document) is tests/unit/test_openapi.c.
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/http.sh"

OC="$TOP/$BUILD/tests/helpers/openapi_check"
JSON_GET="$TOP/$BUILD/tests/helpers/json_get"
DOC="$TMP/openapi.json"

"$WIALL" --db "$TMP/w.db" demo >/dev/null
ok $? "wiall demo builds the demo database"
# Numbers to come back as written: 15 and 17 significant digits, a tiny
# and a negative one, in years before the demo's data.
printf 'indicator,region,period,value\n%s\n%s\n%s\n%s\n' \
    "unemployment_rate,05512000,1990,12345.6789012345" \
    "unemployment_rate,05512000,1991,0.30000000000000004" \
    "unemployment_rate,05512000,1992,1e-7" \
    "unemployment_rate,05512000,1993,-0.000123456789012345" >"$TMP/digits.csv"
"$WIALL" --db "$TMP/w.db" import "$TMP/digits.csv" >/dev/null
ok $? "four observations with many digits are imported"
start_server --access-log off
ok $? "the server starts on the demo"

# answer PATH METHOD NAME: the last fetch fits the document's answer for
# PATH and METHOD with its status (headers, content type, body).
answer() {
	"$OC" response "$DOC" "$1" "$2" "${STATUS:-none}" "$TMP/.head" \
	    "$TMP/.body" 2>"$TMP/oc.err"
	ok $? "$3" || sed 's/^/# /' "$TMP/oc.err" | head -12
}
status_is() {	# status_is WANT NAME: like is, with the body on failure
	is "$STATUS" "$1" "$2" || printf '%s\n' "$BODY" | head -5 | sed 's/^/# /'
}

# ---- the document ------------------------------------------------------------
fetch "$BASE/api/v1/openapi.json"
is "$STATUS" 200 "/api/v1/openapi.json is 200"
is "$(header Content-Type)" "application/json" "as JSON"
is "$(header Access-Control-Allow-Origin)" "*" "with CORS"
is "$(header Cache-Control)" "no-cache" "revalidated by its ETag"
etag=$(header ETag)
like "$etag" '^"[0-9a-f]{16}"$' "with a strong ETag"
printf '%s\n' "$BODY" >"$DOC"
"$OC" lint "$DOC" 2>"$TMP/lint.err"
ok $? "the document is OpenAPI 3.1: refs resolve, templates match their parameters, schemas keep to the checked subset, each is used" ||
    sed 's/^/# /' "$TMP/lint.err" | head -20
is "$("$JSON_GET" "$DOC" openapi)" 3.1.0 "it says openapi 3.1.0"
is "wiall $("$JSON_GET" "$DOC" info.version)" "$("$WIALL" --version)" \
    "info.version is the program's version"
answer /api/v1/openapi.json get "the document fits its own schema"
fetch -H "If-None-Match: $etag" "$BASE/api/v1/openapi.json"
is "$STATUS" 304 "If-None-Match gives 304"
is "$BODY" "" "without a body"
answer /api/v1/openapi.json get "304 is documented, with its ETag"
is "$(header Last-Modified)" "" "no Last-Modified (documented: ETag only)"

fetch "$BASE/api/v1"
answer /api/v1 get "/api/v1 fits ApiIndex"
is "$("$JSON_GET" - openapi <<<"$BODY")" /api/v1/openapi.json "it points at the document"
paths=$("$OC" requests "$DOC" code=x indicator=x | cut -f1 | sort -u)
listed=$(i=0; while p=$("$JSON_GET" - "endpoints.$i" <<<"$BODY"); do
	echo "$p"; i=$((i + 1)); done | sort)
is "$listed" "$paths" "and lists exactly the document's paths"
for p in /api/v1/indicators /api/v1/indicators/{code} \
    /api/v1/indicators/{code}/observations /api/v1/assessments \
    /api/v1/structure /api/v1/index /api/v1/index/{code} /api/v1/health; do
	case "$paths" in
	*"$p"*) ok 0 "the document has $p" ;;
	*) ok 1 "the document has $p" ;;
	esac
done

# ---- every path, with values from the demo -----------------------------------
fetch "$BASE/api/v1/indicators"
printf '%s\n' "$BODY" >"$TMP/indicators.json"
region=$("$JSON_GET" "$TMP/indicators.json" region)
is "$region" 05512000 "the demo's home region is Bottrop"
n=$("$JSON_GET" "$TMP/indicators.json" indicators | sed 's/array //')
code=""
for i in $(seq 0 $((n - 1))); do	# the first with a weather symbol
	if [ "$("$JSON_GET" "$TMP/indicators.json" "indicators.$i.weather")" != null ]; then
		code=$("$JSON_GET" "$TMP/indicators.json" "indicators.$i.code")
		break
	fi
done
like "$code" '^[a-z0-9_]+$' "an indicator of the demo with a weather symbol: $code"
fetch "$BASE/api/v1/structure"
printf '%s\n' "$BODY" >"$TMP/structure.json"
sector_indicator=$("$JSON_GET" "$TMP/structure.json" indicator)
reference=$("$JSON_GET" "$TMP/structure.json" reference)
periods=$("$JSON_GET" "$TMP/structure.json" periods | sed 's/array //')
first=$("$JSON_GET" "$TMP/structure.json" periods.0.period)
last=$("$JSON_GET" "$TMP/structure.json" "periods.$((periods - 1)).period")
fetch "$BASE/api/v1/index"
index=$("$JSON_GET" - indices.0.code <<<"$BODY")
like "$index" '^[a-z0-9_]+$' "a composite index of the demo: $index"
"$OC" requests "$DOC" code="$code" region="$region" indicator="$sector_indicator" \
    reference="$reference" from="$first" to="$last" method=opensdg \
    "/api/v1/index/{code}:code=$index" \
    >"$TMP/requests" 2>"$TMP/requests.err"
ok $? "each parameter has a value (from the demo or the document's example)" ||
    sed 's/^/# /' "$TMP/requests.err"
while IFS=$'\t' read -r path url; do
	fetch "$BASE$url"
	status_is 200 "GET $url is 200"
	answer "$path" get "GET $url fits the document"
done <"$TMP/requests"

# Every indicator of the demo: its document and its observations fit.
bad=""
for i in $(seq 0 $((n - 1))); do
	c=$("$JSON_GET" "$TMP/indicators.json" "indicators.$i.code")
	for suffix in "" /observations; do
		fetch "$BASE/api/v1/indicators/$c$suffix"
		"$OC" response "$DOC" "/api/v1/indicators/{code}$suffix" get \
		    "$STATUS" "$TMP/.head" "$TMP/.body" 2>>"$TMP/all.err" ||
			bad="$bad $c$suffix"
	done
done
is "$bad" "" "all $n indicators of the demo and their observations fit the document"
[ -n "$bad" ] && head -20 "$TMP/all.err" | sed 's/^/# /'
# The assessments by each method, every RESULT of the demo.
for m in dns eurostat opensdg; do
	fetch "$BASE/api/v1/assessments?method=$m"
	answer /api/v1/assessments get "the demo's assessments by $m fit AssessDocument"
done

# ---- methods: HEAD, OPTIONS and the refused ones ----------------------------
while read -r path; do
	url=$(grep -m1 "^$path	" "$TMP/requests" | cut -f2)
	fetch "$BASE$url"
	get_etag=$(header ETag)
	head=$(curl -s -I --max-time 20 "$BASE$url" | tr -d '\r')
	like "$head" "^HTTP/1.1 200 " "HEAD $url is 200"
	like "$head" "ETag: $get_etag" "HEAD $url has GET's ETag"
	fetch -X OPTIONS -H 'Origin: https://example.org' \
	    -H 'Access-Control-Request-Method: GET' "$BASE$url"
	status_is 204 "OPTIONS $url is a CORS preflight"
	answer "$path" options "OPTIONS $url fits the document"
	for method in POST PUT PATCH DELETE; do
		fetch -X "$method" "$BASE$url"
		status_is 405 "$method $url is 405"
		answer "$path" "$(echo "$method" | tr 'A-Z' 'a-z')" \
		    "$method $url: documented, with Allow and a JSON error"
	done
done < <(cut -f1 "$TMP/requests" | uniq)

# ---- parameters ----------------------------------------------------------------
while read -r path; do
	url=$(grep -m1 "^$path	" "$TMP/requests" | cut -f2)
	fetch "$BASE$url?bogus=1"
	status_is 400 "GET $url?bogus=1: a parameter it does not take is 400"
	answer "$path" get "GET $url?bogus=1 fits the document"
	like "$BODY" "\"message\": \"unknown query parameter 'bogus' \\(this endpoint takes " \
	    "GET $url?bogus=1 names the parameter and those it takes"
	while IFS=$'\t' read -r name empty; do
		fetch "$BASE$url?$name="
		if [ "$empty" = empty ]; then
			status_is 200 "GET $url?$name= (documented empty value) is 200"
		else
			status_is 400 "GET $url?$name= (empty) is 400"
			like "$BODY" "\"message\": \"$name: give a value" "and says so"
		fi
		answer "$path" get "GET $url?$name= fits the document"
		value=$(grep -m1 "^$path	$url?$name=" "$TMP/requests" | sed 's/.*=//')
		fetch "$BASE$url?$name=$value&$name=$value"
		status_is 400 "GET $url?$name twice is 400"
		answer "$path" get "GET $url?$name twice fits the document"
	done < <("$OC" params "$DOC" "$path")
done < <(cut -f1 "$TMP/requests" | uniq)

# ---- errors --------------------------------------------------------------------
error_case() {	# error_case PATH URL STATUS MESSAGE-REGEX NAME
	fetch "$BASE$2"
	status_is "$3" "$5: $3"
	is "$(header Content-Type)" application/json "$5: as JSON"
	is "$(header Access-Control-Allow-Origin)" "*" "$5: with CORS"
	answer "$1" get "$5: documented, fits the Error schema"
	like "$BODY" "\"message\": \"$4" "$5: says what is wrong"
}
error_case "/api/v1/indicators/{code}" /api/v1/indicators/nope 404 \
    "no such indicator" "an unknown indicator"
error_case "/api/v1/indicators/{code}/observations" \
    /api/v1/indicators/nope/observations 404 "no such indicator" \
    "an unknown indicator's observations"
error_case "/api/v1/index/{code}" /api/v1/index/nope 404 "" "an unknown index"
for path in /api/v1/indicators "/api/v1/indicators/{code}" \
    "/api/v1/indicators/{code}/observations" /api/v1/assessments; do
	url=$(printf '%s' "$path" | sed "s/{code}/$code/")
	error_case "$path" "$url?region=atlantis" 404 "no such region" \
	    "$url?region=atlantis"
done
error_case /api/v1/structure "/api/v1/structure?region=atlantis" 404 "no region" \
    "/api/v1/structure?region=atlantis"
error_case "/api/v1/indicators/{code}/observations" \
    "/api/v1/indicators/$code/observations?from=soon" 400 "bad period 'soon'" \
    "a malformed period in the observations"
error_case /api/v1/structure "/api/v1/structure?from=soon" 400 \
    "from 'soon' is not a period" "a malformed period in the structure"
error_case /api/v1/assessments "/api/v1/assessments?method=astrology" 400 \
    "method is dns, eurostat or opensdg" "an unknown method"
error_case /api/v1/indicators "/api/v1/indicators?region=%FF" 400 \
    "region: the value is not UTF-8" "a value that is not UTF-8"
fetch "$BASE/api/v1/nope"
is "$STATUS" 404 "a path outside the document is 404"
printf '%s\n' "$BODY" >"$TMP/nope.json"
"$OC" validate "$DOC" Error "$TMP/nope.json"
ok $? "as a JSON error that fits the Error schema"

# ---- numbers come back as imported ---------------------------------------------
fetch "$BASE/api/v1/indicators/unemployment_rate/observations?region=DEA31&from=1990&to=1993"
answer "/api/v1/indicators/{code}/observations" get "the observations of 1990-1993 fit"
for v in 12345.6789012345 0.30000000000000004 1e-07 -0.000123456789012345; do
	like "$BODY" "\"value\": $v,\$" "$v comes back as written (shortest exact form)"
done
is "$("$JSON_GET" - region <<<"$BODY")" DEA31 "the query is echoed as given"
is "$("$JSON_GET" - observations.0.region <<<"$BODY")" 05512000 \
    "the rows name the region by its code"
"$WIALL" --db "$TMP/w.db" export --indicator unemployment_rate --from 1990 --to 1993 |
    cut -d, -f4 | tail -n +2 >"$TMP/export.txt"
for i in 0 1 2 3; do
	"$JSON_GET" - "observations.$i.value" <<<"$BODY"
done >"$TMP/api.txt"
cmp -s "$TMP/export.txt" "$TMP/api.txt"
ok $? "the same digits as wiall export writes" ||
    diff "$TMP/export.txt" "$TMP/api.txt" | sed 's/^/# /'

# ---- the checker can fail ------------------------------------------------------
# Each file breaks the indicator list in one way; each must be refused.
sed '0,/"href"/s//"hreff"/' "$TMP/indicators.json" >"$TMP/bad1.json"
sed '0,/"decimals": 1,/s//"decimals": "1",/' "$TMP/indicators.json" >"$TMP/bad2.json"
sed '0,/"weather": null/s//"weather": "rain"/' "$TMP/indicators.json" >"$TMP/bad3.json"
sed '0,/"period": "[0-9]*"/s//"period": "2019-13"/' "$TMP/indicators.json" >"$TMP/bad4.json"
sed '0,/"region": "05512000",/s///' "$TMP/indicators.json" >"$TMP/bad5.json"
for k in 1 2 3 4 5; do
	cmp -s "$TMP/indicators.json" "$TMP/bad$k.json"
	is $? 1 "broken list $k differs from the real one"
	"$OC" validate "$DOC" IndicatorList "$TMP/bad$k.json" 2>"$TMP/bad.err"
	is $? 1 "broken list $k is refused: $(head -1 "$TMP/bad.err")"
done
"$OC" validate "$DOC" IndicatorList "$TMP/indicators.json"
ok $? "the real list is accepted"
"$OC" validate "$DOC" Error "$TMP/indicators.json" 2>/dev/null
is $? 1 "and refused as an error"

stop_server
is "$SERVER_RC" 0 "the server stops cleanly"

# ---- the escaping fixture: other target kinds, notes with <script> ------------
rm -f "$TMP/w.db"*
"$WIALL" --db "$TMP/w.db" init >/dev/null
"$WIALL" --db "$TMP/w.db" catalog load "$TOP/tests/data/web/catalog.json" >/dev/null &&
    "$WIALL" --db "$TMP/w.db" import "$TOP/tests/data/web/observations.csv" >/dev/null &&
    "$WIALL" --db "$TMP/w.db" import "$TOP/tests/data/web/observations_revised.csv" >/dev/null
ok $? "the fixture of tests/data/web loads"
# start_server reads the URL from serve.out: the last server's must go
# first, or it may read the old port before the new server writes.
rm -f "$TMP/serve.out"
start_server --access-log off
ok $? "the server starts on it"
fetch "$BASE/api/v1/indicators"
answer /api/v1/indicators get "its indicator list fits"
printf '%s\n' "$BODY" >"$TMP/fixture.json"
n=$("$JSON_GET" "$TMP/fixture.json" indicators | sed 's/array //')
bad=""
for i in $(seq 0 $((n - 1))); do
	c=$("$JSON_GET" "$TMP/fixture.json" "indicators.$i.code")
	for suffix in "" /observations; do
		fetch "$BASE/api/v1/indicators/$c$suffix"
		"$OC" response "$DOC" "/api/v1/indicators/{code}$suffix" get \
		    "$STATUS" "$TMP/.head" "$TMP/.body" 2>>"$TMP/fixture.err" ||
			bad="$bad $c$suffix"
	done
done
is "$bad" "" "its $n indicators and their observations fit"
[ -n "$bad" ] && head -20 "$TMP/fixture.err" | sed 's/^/# /'
fetch "$BASE/api/v1/indicators/unemployment"
like "$BODY" '"kind": "every_year"' "an every-year target is among them"
for m in dns eurostat opensdg; do
	fetch "$BASE/api/v1/assessments?method=$m"
	answer /api/v1/assessments get "its assessments by $m fit"
done
fetch "$BASE/api/v1/structure"
is "$STATUS" 404 "it has no figures by sector: /api/v1/structure is 404"
answer /api/v1/structure get "and that answer fits"
stop_server
is "$SERVER_RC" 0 "the fixture's server stops cleanly"

# ---- sectors, shocks and an index: the structure and index fixtures -----------
# First without figures (the index has no result), then with them.
for figures in no yes; do
	rm -f "$TMP/w.db"*
	"$WIALL" --db "$TMP/w.db" init >/dev/null
	"$WIALL" --db "$TMP/w.db" catalog load "$TOP/tests/data/web/structure.json" >/dev/null &&
	    "$WIALL" --db "$TMP/w.db" catalog load "$TOP/tests/data/index/web_index.json" >/dev/null
	ok $? "figures $figures: the structure fixture and the hostile index load"
	if [ "$figures" = yes ]; then
		"$WIALL" --db "$TMP/w.db" import "$TOP/tests/data/web/structure.csv" >/dev/null
		ok $? "figures $figures: with the figures by sector"
	fi
	rm -f "$TMP/serve.out"
	start_server --access-log off
	ok $? "figures $figures: the server starts"
	fetch "$BASE/api/v1/index"
	answer /api/v1/index get "figures $figures: the index list fits"
	fetch "$BASE/api/v1/index/hostile"
	is "$STATUS" 200 "figures $figures: /api/v1/index/hostile is 200"
	answer "/api/v1/index/{code}" get "figures $figures: the index fits"
	is "$("$JSON_GET" - status <<<"$BODY")" \
	    "$([ "$figures" = yes ] && echo ok || echo no_data)" \
	    "figures $figures: with its status"
	fetch "$BASE/api/v1/structure"
	is "$STATUS" "$([ "$figures" = yes ] && echo 200 || echo 404)" \
	    "figures $figures: /api/v1/structure"
	answer /api/v1/structure get "figures $figures: the structure answer fits"
	stop_server
done
done_testing
