/* How an observation file is read, as `wiall import` and `wiall structure
 * --input` take it from the command line (not itself a command). */
#include "cli/cmd_reader.h"

#include <string.h>

#include "cli/cmd.h"

bool
cmd_reader_is(int val)
{
	return val >= CMD_READER_FORMAT && val < CMD_READER__MAX;
}

/* The word arg among names[from..n), as the enum value k, or -1 after the
 * reason in e. */
static int
cmd_reader_choice(const char *arg, const char *const *names, int n, int from,
    const char *words, struct error *e)
{
	int k;

	if ((k = cmd_pick(arg, names, n)) < from) {
		error_set(e, "is %s", words);
		return -1;
	}
	return k;
}

enum cmd_reader_status
cmd_reader_apply(struct obsfile_options *ro, int val, const char *arg,
    struct error *e)
{
	static const char *const formats[] = { "auto", "long", "wide", "sdmx" };
	static const char *const decimals[] = { "auto", "point", "comma" };
	static const char *const school[] = { "", "start", "end" };
	static const char *const dates[] = { "", "month", "quarter", "year" };
	enum obsfile_scope scope;
	int k;

	switch (val) {
	case CMD_READER_FORMAT:
		if ((k = cmd_reader_choice(arg, formats, 4, 0, "auto, long, "
		    "wide or sdmx", e)) < 0)
			return CMD_READER_NOT_A_CHOICE;
		ro->format = (enum obsfile_format)k;
		break;
	case CMD_READER_DELIMITER:
		if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0)
			ro->delimiter = '\t';
		else if (strcmp(arg, ",") == 0 || strcmp(arg, ";") == 0)
			ro->delimiter = arg[0];
		else {
			error_set(e, "is ',', ';' or tab");
			return CMD_READER_NOT_A_CHOICE;
		}
		break;
	case CMD_READER_DECIMAL:
		if ((k = cmd_reader_choice(arg, decimals, 3, 0,
		    "point or comma", e)) < 0)
			return CMD_READER_NOT_A_CHOICE;
		ro->decimal = (enum obsfile_decimal)k;
		break;
	case CMD_READER_INDICATOR:
		obsfile_options_set(&ro->indicator, arg);
		break;
	case CMD_READER_REGION:
		obsfile_options_set(&ro->region, arg);
		break;
	case CMD_READER_UNIT:
		obsfile_options_set(&ro->unit, arg);
		break;
	case CMD_READER_SOURCE:
		obsfile_options_set(&ro->source, arg);
		break;
	case CMD_READER_INDICATOR_COLUMN:
		obsfile_options_set(&ro->indicator_column, arg);
		break;
	case CMD_READER_REGION_COLUMN:
		obsfile_options_set(&ro->region_column, arg);
		break;
	case CMD_READER_PERIOD_COLUMN:
		obsfile_options_set(&ro->period_column, arg);
		break;
	case CMD_READER_VALUE_COLUMNS:
		obsfile_options_set(&ro->value_pattern, arg);
		break;
	case CMD_READER_MAPPING:
		obsfile_options_set(&ro->sdmx_mapping, arg);
		break;
	case CMD_READER_DIM_COLUMN:
		if (obsfile_options_add_dim_column(ro, arg, e) == -1)
			return CMD_READER_REFUSED;
		break;
	case CMD_READER_IGNORE_COLUMN:
		obsfile_options_add_ignore(ro, arg);
		break;
	case CMD_READER_TOTAL_LABEL:
		obsfile_options_add_total(ro, arg);
		break;
	case CMD_READER_MAP_REGION:
	case CMD_READER_MAP_INDICATOR:
	case CMD_READER_MAP_PERIOD:
	case CMD_READER_MAP_DIM:
	case CMD_READER_MAP_FLAG:
		scope = val == CMD_READER_MAP_REGION ? OBSFILE_SCOPE_REGION :
		    val == CMD_READER_MAP_INDICATOR ? OBSFILE_SCOPE_INDICATOR :
		    val == CMD_READER_MAP_PERIOD ? OBSFILE_SCOPE_PERIOD :
		    val == CMD_READER_MAP_DIM ? OBSFILE_SCOPE_DIM :
		    OBSFILE_SCOPE_FLAG;
		if (obsfile_options_add_map(ro, scope, arg, e) == -1)
			return CMD_READER_REFUSED;
		break;
	case CMD_READER_SCHOOL_YEAR:
		if ((k = cmd_reader_choice(arg, school, 3, 1, "start or end",
		    e)) < 0)
			return CMD_READER_NOT_A_CHOICE;
		ro->school_year = (enum obsfile_school_year)k;
		break;
	case CMD_READER_DATE_PERIOD:
		if ((k = cmd_reader_choice(arg, dates, 4, 1,
		    "month, quarter or year", e)) < 0)
			return CMD_READER_NOT_A_CHOICE;
		ro->date_period = (enum obsfile_date_period)k;
		break;
	}
	return CMD_READER_OK;
}
