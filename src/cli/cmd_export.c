/* wiall export: observations to standard output as long CSV or SDMX-CSV. */
#include <getopt.h>
#include <string.h>

#include "app/export.h"
#include "cli/cmd.h"

extern const struct cmd_entry cmd_export_entry;

static int
cmd_export_exec(struct cmd_context *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "indicator", required_argument, NULL, 'i' },
		{ "region", required_argument, NULL, 'r' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_options o = { NULL, NULL, NULL, NULL, OBSWRITE_LONG };
	struct db *db;
	struct error e;
	long rows;
	int c, status;

	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_export_entry, ctx);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		switch (c) {
		case 'i':
			o.indicator = optarg;
			break;
		case 'r':
			o.region = optarg;
			break;
		case 'f':
			o.from = optarg;
			break;
		case 't':
			o.to = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "csv") == 0)
				o.format = OBSWRITE_LONG;
			else if (strcmp(optarg, "sdmx") == 0)
				o.format = OBSWRITE_SDMX;
			else
				return cmd_usage_error(&cmd_export_entry, ctx,
				    "--format is csv or sdmx");
			break;
		default:
			return cmd_usage_unknown(&cmd_export_entry, ctx, argv);
		}
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_export_entry, ctx,
		    "unexpected argument '%s'", argv[optind]);
	if (cmd_open_db(ctx, DB_READ_ONLY, &db) == -1)
		return CMD_FAIL;
	status = CMD_OK;
	if (export_run(db, &o, ctx->out, &rows, &e) == -1) {
		fprintf(ctx->err, "wiall export: %s\n", e.message);
		status = CMD_FAIL;
	}
	db_close(db);
	return status;
}

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.usage = "[--indicator CODE] [--region CODE] [--from P] [--to P] "
	    "[--format csv|sdmx]",
	.summary = "Write observations to standard output (long CSV or SDMX-CSV).",
	.help =
	    "  --indicator CODE    only this indicator\n"
	    "  --region CODE       only this region (its code or an alias)\n"
	    "  --from P, --to P    only periods within P (2017, 2017-Q2, 2017-06),\n"
	    "                      by the time they cover: --to 2018 takes 2018-12\n"
	    "  --format csv        long CSV, the columns `wiall import` reads:\n"
	    "                      indicator,region,<dimensions>,period,value,flag,\n"
	    "                      unit,source,note (the default)\n"
	    "  --format sdmx       SDMX-CSV 1.0: DATAFLOW,INDICATOR,REF_AREA,\n"
	    "                      <DIMENSIONS>,TIME_PERIOD,OBS_VALUE,OBS_STATUS,\n"
	    "                      UNIT_MEASURE,SOURCE_DETAIL,COMMENT_OBS\n"
	    "Rows are ordered by indicator, region, dimensions and period; the same\n"
	    "database gives the same bytes, and importing an export into a new\n"
	    "database and exporting again gives the same bytes too.\n",
	.exec = cmd_export_exec,
};
