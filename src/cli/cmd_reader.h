/* The options of `wiall import` that say how an observation file is read
 * (layout, columns, mappings), shared by every command that reads one. A value
 * goes into the caller's struct obsfile_options; nothing is kept here. */
#ifndef WIALL_CLI_CMD_READER_H
#define WIALL_CLI_CMD_READER_H

#include <stdbool.h>

#include "io/obsfile.h"
#include "util/error.h"

/* getopt_long() values for a command's option table: far above the
 * command's own (which start at 256), so that both fit in one table. */
enum cmd_reader_option {
	CMD_READER_FORMAT = 1024, CMD_READER_DELIMITER, CMD_READER_DECIMAL,
	CMD_READER_INDICATOR, CMD_READER_REGION, CMD_READER_UNIT,
	CMD_READER_SOURCE, CMD_READER_INDICATOR_COLUMN,
	CMD_READER_REGION_COLUMN, CMD_READER_PERIOD_COLUMN,
	CMD_READER_DIM_COLUMN, CMD_READER_IGNORE_COLUMN,
	CMD_READER_VALUE_COLUMNS, CMD_READER_TOTAL_LABEL, CMD_READER_MAP_REGION,
	CMD_READER_MAP_INDICATOR, CMD_READER_MAP_PERIOD, CMD_READER_MAP_DIM,
	CMD_READER_MAP_FLAG, CMD_READER_SCHOOL_YEAR, CMD_READER_DATE_PERIOD,
	CMD_READER_MAPPING,
	CMD_READER__MAX
};

enum cmd_reader_status {
	CMD_READER_OK,
	CMD_READER_NOT_A_CHOICE,	/* not one of the option's words */
	CMD_READER_REFUSED		/* a column or mapping obsfile refused */
};

/* True if val is one of enum cmd_reader_option. */
bool	cmd_reader_is(int val);
/* Applies option val with argument arg to ro. When arg cannot be used, e
 * says why so that "--NAME <reason>" reads as a sentence ("is point or
 * comma", or obsfile's reason for a column or mapping). */
enum cmd_reader_status cmd_reader_apply(struct obsfile_options *ro, int val,
	    const char *arg, struct error *e);

#endif
