# Shared by tests/cli/import_*.sh: a fresh database with the test catalogue,
# and the command lines that import the real files (docs/formats.md).
DATA="$TOP/tests/data/io"

new_db() {	# new_db PATH: init and load the test catalogue
	rm -f "$1" "$1-wal" "$1-shm"
	"$WIALL" --db "$1" init >/dev/null || return 1
	"$WIALL" --db "$1" catalog load --quiet "$DATA/catalog.json" >/dev/null
}

GOETTINGEN_OPTS=(--indicator employees_svb --dim-column WZ2008_Code=sector
    --ignore-column WZ2008_Name --value-columns '{region}{period}'
    --map-region Goettingen=03159016 --map-region BRD=DE --total-label A-R)
EUROSTAT_OPTS=(--indicator employment_persons --region-column geo
    --period-column year --value-columns '{sector}' --total-label TOTAL
    --map-dim sector:B_E=B-E --map-dim sector:G_J=G-J --map-dim sector:K_N=K-N
    --map-dim sector:O_U=O-U)
COUNTIES_OPTS=(--region-column region_code --ignore-column region_code_EU
    --ignore-column regional --value-columns '{indicator}{period}'
    --map-indicator gdp=gdp_eur_million --map-indicator pop=population_thousand
    --map-indicator gdppc=gdp_per_capita_eur --skip-unknown-regions)
OBS_OPTS=(--school-year start --date-period month)

state() {	# what a failed import must not change (in $DB)
	"$WIALL" --db "$DB" export
	sqlite3 "$DB" "SELECT count(*) FROM batch; SELECT count(*) FROM revision; SELECT count(*) FROM series"
}

# bad NAME FILE EXPECTED-LOCATED-MESSAGE [import options...]: importing FILE
# into $DB fails with exit 1 at the located message, and changes nothing.
bad() {
	local name=$1 file=$2 expect=$3
	shift 3
	local before after
	before=$(state)
	run "$WIALL" --db "$DB" import "$@" "$file"
	is "$RC" 1 "$name: exit code 1"
	like "$ERR" "^$file:$expect" "$name: located at $expect"
	like "$ERR" "nothing was imported" "$name: says nothing was imported"
	after=$(state)
	is "$after" "$before" "$name: database unchanged"
}
