# A database for the shell tests; source after tests/lib/tap.sh.

# fixture_db DB CATALOG [OBSERVATIONS...]: a new database DB with the
# catalogue file loaded and the observation files imported, one by one;
# the status of the first step that fails (its output is not kept).
fixture_db() {
	local db=$1 catalog=$2 file
	shift 2
	"$WIALL" --db "$db" init >/dev/null || return
	"$WIALL" --db "$db" catalog load "$catalog" >/dev/null || return
	for file in "$@"; do
		"$WIALL" --db "$db" import "$file" >/dev/null || return
	done
}
