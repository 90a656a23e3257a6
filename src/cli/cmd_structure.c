/* wiall structure: economic structure and resilience of regions (METHODS §3)
 * from the database or a file, as a table for people, CSV or JSON. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "app/structure.h"
#include "app/structure_json.h"
#include "cli/cmd.h"
#include "cli/cmd_reader.h"
#include "cli/cmd_structure_internal.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/xalloc.h"

extern const struct cmd_entry cmd_structure_entry;

enum cmd_structure_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON };

enum {
	OPT_INDICATOR = 256, OPT_BY, OPT_LEVEL, OPT_INPUT, OPT_REGION,
	OPT_REFERENCE, OPT_PERIOD, OPT_FROM, OPT_TO, OPT_GROUPS, OPT_BASE,
	OPT_SHOCK, OPT_NO_REGISTERED, OPT_EXCLUDE_SECTOR, OPT_EXCLUDE_REGION,
	OPT_TOLERANCE, OPT_FORMAT, OPT_COLUMN_SUMS
};

static const struct option cmd_structure_options[] = {
	{ "indicator", required_argument, NULL, OPT_INDICATOR },
	{ "by", required_argument, NULL, OPT_BY },
	{ "level", required_argument, NULL, OPT_LEVEL },
	{ "input", required_argument, NULL, OPT_INPUT },
	{ "region", required_argument, NULL, OPT_REGION },
	{ "reference", required_argument, NULL, OPT_REFERENCE },
	{ "column-sums", no_argument, NULL, OPT_COLUMN_SUMS },
	{ "period", required_argument, NULL, OPT_PERIOD },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "groups", required_argument, NULL, OPT_GROUPS },
	{ "base", required_argument, NULL, OPT_BASE },
	{ "shock", required_argument, NULL, OPT_SHOCK },
	{ "no-registered-shocks", no_argument, NULL, OPT_NO_REGISTERED },
	{ "exclude-sector", required_argument, NULL, OPT_EXCLUDE_SECTOR },
	{ "exclude-region", required_argument, NULL, OPT_EXCLUDE_REGION },
	{ "tolerance", required_argument, NULL, OPT_TOLERANCE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "file-format", required_argument, NULL, CMD_READER_FORMAT },
	{ "delimiter", required_argument, NULL, CMD_READER_DELIMITER },
	{ "decimal", required_argument, NULL, CMD_READER_DECIMAL },
	{ "indicator-column", required_argument, NULL,
	    CMD_READER_INDICATOR_COLUMN },
	{ "region-column", required_argument, NULL, CMD_READER_REGION_COLUMN },
	{ "period-column", required_argument, NULL, CMD_READER_PERIOD_COLUMN },
	{ "dim-column", required_argument, NULL, CMD_READER_DIM_COLUMN },
	{ "ignore-column", required_argument, NULL, CMD_READER_IGNORE_COLUMN },
	{ "value-columns", required_argument, NULL, CMD_READER_VALUE_COLUMNS },
	{ "total-label", required_argument, NULL, CMD_READER_TOTAL_LABEL },
	{ "map-region", required_argument, NULL, CMD_READER_MAP_REGION },
	{ "map-period", required_argument, NULL, CMD_READER_MAP_PERIOD },
	{ "map-dim", required_argument, NULL, CMD_READER_MAP_DIM },
	{ "school-year", required_argument, NULL, CMD_READER_SCHOOL_YEAR },
	{ "date-period", required_argument, NULL, CMD_READER_DATE_PERIOD },
	{ "mapping", required_argument, NULL, CMD_READER_MAPPING },
	{ NULL, 0, NULL, 0 }
};

/* A list of option arguments (pointers into argv). */
struct cmd_structure_list {
	const char	**item;
	size_t		  count, cap;
};

static void
cmd_structure_push(struct cmd_structure_list *l, const char *s)
{
	l->item = xgrow(l->item, &l->cap, l->count + 1, sizeof(*l->item));
	l->item[l->count++] = s;
}

/* Applies one of the reading options of `wiall import`; -1 on a bad value
 * (the usage error is printed). */
static int
cmd_structure_reader(struct cmd_context *ctx, int c, const char *arg,
    struct obsfile_options *ro)
{
	struct error e;

	switch (cmd_reader_apply(ro, c, arg, &e)) {
	case CMD_READER_OK:
		return 0;
	case CMD_READER_REFUSED:
		cmd_usage_error(&cmd_structure_entry, ctx, "--%s %s",
		    cmd_option_name(cmd_structure_options, c), e.message);
		return -1;
	case CMD_READER_NOT_A_CHOICE:
		break;
	}
	cmd_usage_error(&cmd_structure_entry, ctx, "--%s '%s': see 'wiall "
	    "structure --help'", cmd_option_name(cmd_structure_options, c), arg);
	return -1;
}

/* ---- the command ---------------------------------------------------------- */

static int
cmd_structure_exec(struct cmd_context *ctx, int argc, char **argv)
{
	static const char *const formats[] = { "table", "csv", "json" };
	struct app_structure_options o = { 0 };
	struct app_structure_report report;
	struct app_structure_shock_spec *shocks = NULL;
	size_t shock_count = 0, shock_cap = 0;
	struct cmd_structure_list ex_sectors = { 0 }, ex_regions = { 0 };
	struct obsfile_options ro;
	enum cmd_structure_format format = FORMAT_TABLE;
	struct diag_list diags;
	struct db *db = NULL;
	struct buf json = BUF_INIT;
	struct error e;
	bool reader_used = false, have_report = false;
	int c, k, status = CMD_USAGE;
	char *end;

	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_structure_entry, ctx);
	obsfile_options_init(&ro);
	diag_list_init(&diags, 50);
	o.base = STRUCTURE_BASE_2;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", cmd_structure_options, NULL)) !=
	    -1) {
		switch (c) {
		case OPT_INDICATOR:
			o.indicator = optarg;
			break;
		case OPT_BY:
			o.by = optarg;
			break;
		case OPT_LEVEL:
			o.level = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || o.level < 1 || o.level > 99) {
				cmd_usage_error(&cmd_structure_entry, ctx,
				    "--level is a number from 1");
				goto done;
			}
			break;
		case OPT_INPUT:
			o.input = optarg;
			break;
		case OPT_REGION:
			o.region = optarg;
			break;
		case OPT_REFERENCE:
			o.reference = optarg;
			break;
		case OPT_COLUMN_SUMS:
			o.column_sums = true;
			break;
		case OPT_PERIOD:
			o.period = optarg;
			break;
		case OPT_FROM:
			o.from = optarg;
			break;
		case OPT_TO:
			o.to = optarg;
			break;
		case OPT_GROUPS:
			o.groups = optarg;
			break;
		case OPT_BASE:
			if ((k = cmd_pick(optarg, structure_base_names,
			    STRUCTURE_BASE__MAX)) < 0) {
				cmd_usage_error(&cmd_structure_entry, ctx,
				    "--base is 2 or e");
				goto done;
			}
			o.base = (enum structure_base)k;
			break;
		case OPT_SHOCK:
			shocks = xgrow(shocks, &shock_cap, shock_count + 1,
			    sizeof(*shocks));
			if (app_structure_shock_parse(optarg, &shocks[shock_count],
			    &e) == -1) {
				cmd_usage_error(&cmd_structure_entry, ctx,
				    "--shock %s", e.message);
				goto done;
			}
			shock_count++;
			break;
		case OPT_NO_REGISTERED:
			o.no_registered_shocks = true;
			break;
		case OPT_EXCLUDE_SECTOR:
			cmd_structure_push(&ex_sectors, optarg);
			break;
		case OPT_EXCLUDE_REGION:
			cmd_structure_push(&ex_regions, optarg);
			break;
		case OPT_TOLERANCE:
			if (text_parse_double(optarg, strlen(optarg), '.',
			    &o.tolerance) == -1 || !(o.tolerance > 0 &&
			    o.tolerance < 100)) {
				cmd_usage_error(&cmd_structure_entry, ctx,
				    "--tolerance is a percentage above 0");
				goto done;
			}
			o.tolerance /= 100;
			break;
		case OPT_FORMAT:
			if ((k = cmd_pick(optarg, formats, 3)) < 0) {
				cmd_usage_error(&cmd_structure_entry, ctx,
				    "--format is table, csv or json");
				goto done;
			}
			format = (enum cmd_structure_format)k;
			break;
		default:
			if (!cmd_reader_is(c)) {
				cmd_usage_unknown(&cmd_structure_entry, ctx, argv);
				goto done;
			}
			if (cmd_structure_reader(ctx, c, optarg, &ro) == -1)
				goto done;
			reader_used = true;
		}
	}
	if (optind < argc) {
		cmd_usage_error(&cmd_structure_entry, ctx, "unexpected argument "
		    "'%s' (a file is given with --input)", argv[optind]);
		goto done;
	}
	if (o.input == NULL && o.indicator == NULL) {
		cmd_usage_error(&cmd_structure_entry, ctx, "which figures? "
		    "--indicator CODE (database) or --input FILE");
		goto done;
	}
	if (o.period != NULL && (o.from != NULL || o.to != NULL)) {
		cmd_usage_error(&cmd_structure_entry, ctx, "--period or "
		    "--from/--to, not both");
		goto done;
	}
	if (o.input == NULL && reader_used) {
		cmd_usage_error(&cmd_structure_entry, ctx, "the reading options "
		    "are for --input FILE");
		goto done;
	}
	o.source = o.input != NULL ? APP_STRUCTURE_FILE : APP_STRUCTURE_DATABASE;
	o.reader = &ro;
	o.shocks = shocks;
	o.shock_count = shock_count;
	o.exclude_sectors = ex_sectors.item;
	o.exclude_sector_count = ex_sectors.count;
	o.exclude_regions = ex_regions.item;
	o.exclude_region_count = ex_regions.count;
	status = CMD_FAIL;
	if (o.source == APP_STRUCTURE_DATABASE &&
	    cmd_open_db(ctx, DB_READ_ONLY, &db) == -1)
		goto done;
	have_report = true;
	if (app_structure_run(db, &o, &report, &diags, &e) == -1) {
		diag_list_print(&diags, ctx->err);
		fprintf(ctx->err, "wiall structure: %s\n", e.message);
		goto done;
	}
	switch (format) {
	case FORMAT_TABLE:
		cmd_structure_table(ctx->out, &report);
		break;
	case FORMAT_CSV:
		cmd_structure_csv(ctx->out, &report);
		break;
	case FORMAT_JSON:
		app_structure_json_write(&report, &json);
		fwrite(json.data, 1, json.len, ctx->out);
		break;
	}
	status = fflush(ctx->out) == 0 ? CMD_OK : CMD_FAIL;
done:
	if (have_report)
		app_structure_report_free(&report);
	db_close(db);
	buf_free(&json);
	diag_list_free(&diags);
	obsfile_options_free(&ro);
	free(shocks);
	free(ex_sectors.item);
	free(ex_regions.item);
	return status;
}

const struct cmd_entry cmd_structure_entry = {
	.name = "structure",
	.usage = "(--indicator CODE | --input FILE) [--region R] [--reference R] "
	    "[--period P | --from P0 --to P1] [OPTIONS]",
	.summary = "Economic structure and resilience: shares, HHI, entropy, "
	    "variety, Krugman, LQ, shift-share, shocks.",
	.help =
	    "Compares the sector structure of regions with a reference (METHODS 3):\n"
	    "per period the total, HHI (normalised H*, 1/H), entropy, related and\n"
	    "unrelated variety, Krugman and location quotients (LQ); over a span\n"
	    "shift-share (Dunn, dynamic, Esteban-Marquillas) and the portfolio; and\n"
	    "sensitivity, resistance and recovery for each shock. A number that\n"
	    "cannot be computed is n/a (JSON null) with its reason, never 0; sectors\n"
	    "that do not add up to a published total are reported.\n"
	    "\n"
	    "  --indicator CODE         figures from the database (with --input: the\n"
	    "                           file's rows of this indicator)\n"
	    "  --input FILE             figures from a file: long CSV with columns\n"
	    "                           region,period,<dimension>,value, or a layout\n"
	    "                           `wiall import` reads; rows without the\n"
	    "                           dimension are the all-sector total\n"
	    "  --by KEY                 the dimension of the sectors (default sector;\n"
	    "                           in a file the one it has)\n"
	    "  --level N                database: the classification level compared\n"
	    "                           (default: the one below the total); a sector\n"
	    "                           with one sub-sector (B_E, C) is kept whole\n"
	    "  --exclude-sector S       leave a sector out, e.g. C inside B-E\n"
	    "  --exclude-region R       leave a region out (repeatable, as above)\n"
	    "  --groups FILE            CSV 'sector,group' for variety (default in the\n"
	    "                           database: the sectors' parents)\n"
	    "  --region R               one region; without it every region (matrix)\n"
	    "  --reference R            the reference (default: the indicator's\n"
	    "                           reference region, else the column sums of\n"
	    "                           the regions, the region included)\n"
	    "  --column-sums            the column sums even so\n"
	    "  --period P               one period (default: all)\n"
	    "  --from P0, --to P1       the periods P0..P1, with shift-share and\n"
	    "                           the portfolio from P0 to P1\n"
	    "  --shock NAME:PEAK:TROUGH:END  a shock (repeatable); the database's\n"
	    "                           registered shocks come too, unless\n"
	    "  --no-registered-shocks\n"
	    "  --base 2|e               logarithm for entropy (default 2: bits)\n"
	    "  --tolerance PCT          sectors within PCT % of a published total are\n"
	    "                           complete (default 0.5)\n"
	    "  --format table|csv|json  default table; CSV columns region,period,\n"
	    "                           shock,measure,sector,value,status; JSON keys\n"
	    "                           in docs/structure.md\n"
	    "\n"
	    "Reading a file, as `wiall import` (docs/formats.md): --file-format\n"
	    "auto|long|wide|sdmx, --delimiter D, --decimal point|comma,\n"
	    "--region-column C, --period-column C, --indicator-column C,\n"
	    "--dim-column C[=KEY], --ignore-column C, --value-columns PATTERN,\n"
	    "--total-label L, --map-region OLD=NEW, --map-period OLD=NEW,\n"
	    "--map-dim KEY:OLD=NEW, --school-year start|end,\n"
	    "--date-period month|quarter|year, --mapping FILE (SDMX-CSV).\n"
	    "\n"
	    "Example: wiall structure --indicator employment_persons --region DEA31\n"
	    "    --from 2000 --to 2017\n"
	    "Exit codes: 0 ok, 1 the input cannot be used (unknown region, empty\n"
	    "file, bad rows as file:line:column), 2 usage error.\n",
	.exec = cmd_structure_exec,
};
