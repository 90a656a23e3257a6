# Shared by tests/cli/structure_*.sh: the data folder, the JSON checker, and
# the options that read the real files (as `wiall import` reads them).
SDATA="$TOP/tests/data/structcli"
SJ="$TOP/$BUILD/tests/helpers/structure_json"

# close JSONFILE PATH WANT REL NAME: the number at PATH is WANT to REL.
close() {
	local msg
	msg=$("$SJ" close "$1" "$2" "$3" "$4")
	ok $? "$5"
	[ -n "$msg" ] && echo "#   $msg"
	return 0
}

# jget JSONFILE PATH: the value at PATH (strings bare, null as null).
jget() { "$SJ" get "$1" "$2"; }

EUROSTAT_READ=(--region-column geo --period-column year --value-columns '{sector}'
    --total-label TOTAL)
GOETTINGEN_READ=(--dim-column WZ2008_Code=sector --ignore-column WZ2008_Name
    --value-columns '{region}{period}' --total-label A-R)
LAENDER_READ=(--region-column region --period-column year
    --dim-column industry=sector --value-columns emp --total-label Insgesamt)
