# Checks shared by the shell tests; source after tests/lib/tap.sh. Numbers
# near an expected value, pages that parse as XML with each of their SVGs,
# the relative links of a published site.

# near_abs GOT EXPECTED TOLERANCE NAME: |GOT − EXPECTED| ≤ TOLERANCE; an
# empty or "missing" GOT fails.
near_abs() {
	_tap_n=$((_tap_n + 1))
	if awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d;
	    exit !(a != "" && a != "missing" && d <= t) }'; then
		echo "ok $_tap_n - $4"
	else
		echo "not ok $_tap_n - $4"
		echo "#   got $1, expected $2 (within $3)"
		_tap_failed=$((_tap_failed + 1))
	fi
}

# near_rel A B WHAT: |A − B| ≤ 1e-9 · max(1, |B|), the agreement METHODS asks
# of wiall against the tools it names.
near_rel() {
	awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d;
	    m = b < 0 ? -b : b; if (m < 1) m = 1; exit !(d <= 1e-9 * m) }'
	ok $? "$3 ($1, expected $2)"
}

# wellformed_svgs WHAT [SVGS]: $BODY and each of its SVGs (at least SVGS, 1)
# parse as XML.
wellformed_svgs() {
	local n i bad=0
	printf '%s' "$BODY" >"$TMP/page.xml"
	xmllint --noout "$TMP/page.xml" 2>"$TMP/xml.err"
	ok $? "$1 is well-formed (xmllint)" || sed 's/^/# /' "$TMP/xml.err" | head -5
	n=$(xmllint --xpath "count(//*[local-name()='svg'])" "$TMP/page.xml" 2>/dev/null)
	for i in $(seq 1 "${n:-0}"); do
		xmllint --xpath "(//*[local-name()='svg'])[$i]" "$TMP/page.xml" \
		    >"$TMP/chart.svg" 2>/dev/null
		xmllint --noout "$TMP/chart.svg" 2>/dev/null || bad=$((bad + 1))
	done
	ok $([ "${n:-0}" -ge "${2:-1}" ] && [ "$bad" -eq 0 ]; echo $?) \
	    "$1: each of its ${n:-0} SVGs is a well-formed document of its own"
}

# site_links DIR [PATTERN]: follows every relative href and src of the pages
# under DIR. Sets LINKS (how many), BROKEN (how many name no file; each is
# printed as a diagnostic) and MATCHED (how many contain PATTERN).
site_links() {
	local f dir link target
	LINKS=0 BROKEN=0 MATCHED=0
	for f in $(cd "$1" && find . -name '*.html' | sort); do
		dir=$(dirname "$1/$f")
		for link in $(grep -oE '(href|src)="[^"]*"' "$1/$f" | sed -E 's/^(href|src)="//; s/"$//'); do
			case "$link" in
			http://*|https://*|mailto:*|'#'*) continue ;;
			esac
			[ -n "${2:-}" ] && [[ "$link" == *"$2"* ]] && MATCHED=$((MATCHED + 1))
			target=${link%%#*}
			target=${target%%\?*}
			LINKS=$((LINKS + 1))
			if [ ! -f "$dir/$target" ]; then
				BROKEN=$((BROKEN + 1))
				echo "# broken: $f -> $link"
			fi
		done
	done
}
