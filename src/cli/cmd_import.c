/* wiall import: observation files into the database, all or nothing. */
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "app/import.h"
#include "cli/cmd.h"
#include "cli/cmd_import.h"
#include "cli/cmd_reader.h"
#include "util/buf.h"

extern const struct cmd_entry cmd_import_entry;

enum {
	OPT_DRY_RUN = 256, OPT_SKIP_REGIONS, OPT_SKIP_INDICATORS, OPT_MAX_PROBLEMS
};

static const struct option cmd_import_options[] = {
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "format", required_argument, NULL, CMD_READER_FORMAT },
	{ "delimiter", required_argument, NULL, CMD_READER_DELIMITER },
	{ "decimal", required_argument, NULL, CMD_READER_DECIMAL },
	{ "indicator", required_argument, NULL, CMD_READER_INDICATOR },
	{ "region", required_argument, NULL, CMD_READER_REGION },
	{ "unit", required_argument, NULL, CMD_READER_UNIT },
	{ "source", required_argument, NULL, CMD_READER_SOURCE },
	{ "indicator-column", required_argument, NULL,
	    CMD_READER_INDICATOR_COLUMN },
	{ "region-column", required_argument, NULL, CMD_READER_REGION_COLUMN },
	{ "period-column", required_argument, NULL, CMD_READER_PERIOD_COLUMN },
	{ "dim-column", required_argument, NULL, CMD_READER_DIM_COLUMN },
	{ "ignore-column", required_argument, NULL, CMD_READER_IGNORE_COLUMN },
	{ "value-columns", required_argument, NULL, CMD_READER_VALUE_COLUMNS },
	{ "total-label", required_argument, NULL, CMD_READER_TOTAL_LABEL },
	{ "map-region", required_argument, NULL, CMD_READER_MAP_REGION },
	{ "map-indicator", required_argument, NULL, CMD_READER_MAP_INDICATOR },
	{ "map-period", required_argument, NULL, CMD_READER_MAP_PERIOD },
	{ "map-dim", required_argument, NULL, CMD_READER_MAP_DIM },
	{ "map-flag", required_argument, NULL, CMD_READER_MAP_FLAG },
	{ "school-year", required_argument, NULL, CMD_READER_SCHOOL_YEAR },
	{ "date-period", required_argument, NULL, CMD_READER_DATE_PERIOD },
	{ "mapping", required_argument, NULL, CMD_READER_MAPPING },
	{ "skip-unknown-regions", no_argument, NULL, OPT_SKIP_REGIONS },
	{ "skip-unknown-indicators", no_argument, NULL, OPT_SKIP_INDICATORS },
	{ "max-problems", required_argument, NULL, OPT_MAX_PROBLEMS },
	{ NULL, 0, NULL, 0 }
};

/* A usage error of the import options; returns -1 for cmd_import_parse(). */
static int __attribute__((format(printf, 2, 3)))
cmd_import_bad(struct cmd_context *ctx, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cmd_usage_error(&cmd_import_entry, ctx, "%s", msg);
	return -1;
}

void
cmd_import_print_file(struct cmd_context *ctx,
    const struct import_file_result *f)
{
	fprintf(ctx->out, "%s: %s, %ld observations: %ld new, %ld changed, "
	    "%ld unchanged", f->path, f->format, f->read, f->added, f->changed,
	    f->unchanged);
	if (f->skipped > 0)
		fprintf(ctx->out, ", %ld skipped (unknown code)", f->skipped);
	if (f->batch_id > 0)
		fprintf(ctx->out, " (batch %lld)", f->batch_id);
	fputc('\n', ctx->out);
}

void
cmd_import_print_warnings(struct cmd_context *ctx,
    const struct import_result *res)
{
	diag_list_print(&res->warnings, ctx->err);
}

void
cmd_import_print_failure(struct cmd_context *ctx,
    const struct import_result *res, const struct diag_list *diags,
    const struct error *e)
{
	if (diags->total == 0)
		fprintf(ctx->err, "wiall import: %s\n", e->message);
	cmd_import_print_warnings(ctx, res);
	diag_list_print(diags, ctx->err);
	if (res->stopped)
		fprintf(ctx->err, "wiall import: stopped reading after %zu "
		    "problems\n", diags->limit);
	fprintf(ctx->err, "wiall import: nothing was imported (%zu problem%s)\n",
	    diags->total, diags->total == 1 ? "" : "s");
}

int
cmd_import_parse(struct cmd_context *ctx, int argc, char **argv,
    struct obsfile_options *ro, struct import_options *io, struct buf *text)
{
	struct error e;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", cmd_import_options, NULL)) != -1) {
		if (c != '?' && c != ':' && c != OPT_DRY_RUN &&
		    c != OPT_MAX_PROBLEMS) {
			/* Recorded with each batch: how the file was read. */
			if (text->len > 0)
				buf_putc(text, ' ');
			buf_printf(text, "--%s", cmd_option_name(
			    cmd_import_options, c));
			if (optarg != NULL)
				buf_printf(text, " '%s'", optarg);
		}
		switch (c) {
		case OPT_DRY_RUN:
			io->dry_run = true;
			break;
		case OPT_SKIP_REGIONS:
			io->skip_unknown_regions = true;
			break;
		case OPT_SKIP_INDICATORS:
			io->skip_unknown_indicators = true;
			break;
		case OPT_MAX_PROBLEMS:
			io->max_problems = (size_t)strtoul(optarg, NULL, 10);
			if (io->max_problems == 0)
				return cmd_import_bad(ctx, "--max-problems is a "
				    "positive number");
			break;
		default:
			if (!cmd_reader_is(c)) {
				cmd_usage_unknown(&cmd_import_entry, ctx, argv);
				return -1;
			}
			if (cmd_reader_apply(ro, c, optarg, &e) != CMD_READER_OK)
				return cmd_import_bad(ctx, "--%s %s",
				    cmd_option_name(cmd_import_options, c),
				    e.message);
		}
	}
	if (optind >= argc)
		return cmd_import_bad(ctx, "which file(s)?");
	return optind;
}

static int
cmd_import_exec(struct cmd_context *ctx, int argc, char **argv)
{
	struct obsfile_options ro;
	struct import_options io = { 0 };
	struct import_result res;
	struct diag_list diags;
	struct buf text = BUF_INIT;
	struct db *db = NULL;
	struct error e;
	int first, i, status = CMD_USAGE;

	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_import_entry, ctx);
	obsfile_options_init(&ro);
	diag_list_init(&diags, 0);
	io.reader = &ro;
	if ((first = cmd_import_parse(ctx, argc, argv, &ro, &io, &text)) == -1)
		goto done;
	if (cmd_open_db(ctx, DB_READ_WRITE, &db) == -1) {
		status = CMD_FAIL;
		goto done;
	}
	io.options_text = buf_cstr(&text);
	diags.limit = io.max_problems != 0 ? io.max_problems : IMPORT_MAX_PROBLEMS;
	if (import_run(db, (const char *const *)argv + first,
	    (size_t)(argc - first), &io, &res, &diags, &e) == -1) {
		cmd_import_print_failure(ctx, &res, &diags, &e);
		import_result_free(&res);
		status = CMD_FAIL;
		goto done;
	}
	cmd_import_print_warnings(ctx, &res);
	for (i = 0; (size_t)i < res.count; i++)
		cmd_import_print_file(ctx, &res.files[i]);
	if (io.dry_run)
		fprintf(ctx->out, "dry run: %ld new, %ld changed, %ld unchanged; "
		    "nothing was written\n", res.added, res.changed,
		    res.unchanged);
	else if (res.added + res.changed == 0)
		fprintf(ctx->out, "nothing changed\n");
	import_result_free(&res);
	status = CMD_OK;
done:
	db_close(db);
	diag_list_free(&diags);
	obsfile_options_free(&ro);
	buf_free(&text);
	return status;
}

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.usage = "[OPTIONS] FILE...",
	.summary = "Import observations (long CSV, wide CSV, SDMX-CSV), all or "
	    "nothing.",
	.help =
	    "All files are imported in one transaction: on any problem nothing is\n"
	    "written, every problem is printed as file:line:column: message, and\n"
	    "the exit code is 1. Re-importing a file changes nothing (and records\n"
	    "no batch); a changed value keeps the old one as a revision.\n"
	    "A row's unit is compared with its indicator's: another scale of the\n"
	    "same unit ('billion EUR' for 'million EUR') is a problem, any other\n"
	    "difference a warning (file:line:column: warning: ...); a row without\n"
	    "a unit has the indicator's.\n"
	    "The formats are described in docs/formats.md.\n"
	    "\n"
	    "  --dry-run                check everything, report how many rows would\n"
	    "                           be new, changed, unchanged; write nothing\n"
	    "  --format F               auto (default), long, wide or sdmx\n"
	    "  --delimiter D            ',', ';' or tab (default: from the header)\n"
	    "  --decimal point|comma    decimal mark (default: point, except that\n"
	    "                           ';' files may use a comma: see formats.md)\n"
	    "  --max-problems N         stop after N problems (default 50)\n"
	    "\n"
	    "Periods (2017, 2017-Q2 and 2017-06 are read as they are):\n"
	    "  --map-period OLD=NEW     read period OLD as NEW (exact text)\n"
	    "  --school-year start|end  2017/18 (or 2017/2018) means 2017 or 2018\n"
	    "  --date-period month|quarter|year\n"
	    "                           a date 2017-06-30 means 2017-06, 2017-Q2\n"
	    "                           or 2017\n"
	    "\n"
	    "Codes:\n"
	    "  --map-region OLD=NEW     region OLD in the file is NEW (code or alias)\n"
	    "  --map-indicator OLD=NEW  likewise for indicators\n"
	    "  --map-dim KEY:OLD=NEW    likewise for dimension KEY (NEW empty: total)\n"
	    "  --map-flag OLD=NEW       likewise for flags\n"
	    "  --total-label L          a dimension value L means the total: the\n"
	    "                           observation has no such dimension\n"
	    "  --skip-unknown-regions   skip rows of regions not in the catalogue\n"
	    "  --skip-unknown-indicators skip rows of indicators not in it\n"
	    "\n"
	    "What the columns hold (wide files, or to complete any file):\n"
	    "  --indicator CODE         every row is of this indicator\n"
	    "  --region CODE            every row is of this region\n"
	    "  --unit U, --source S     unit and source of every row\n"
	    "  --indicator-column C     column C holds the indicator code\n"
	    "  --region-column C        column C holds the region code\n"
	    "  --period-column C        column C holds the period\n"
	    "  --dim-column C[=KEY]     column C holds dimension KEY (default: C)\n"
	    "  --ignore-column C        column C is not read\n"
	    "  --value-columns PATTERN  every other column holds values, and its name\n"
	    "                           is PATTERN: {period}, {region}, {indicator}\n"
	    "                           or {KEY} (a dimension) and literal text,\n"
	    "                           e.g. '{region}{period}' for Goettingen2017\n"
	    "  --mapping FILE           SDMX-CSV: the mapping file (formats.md)\n"
	    "\n"
	    "Examples:\n"
	    "  wiall import data.csv\n"
	    "  wiall import --indicator employees --dim-column WZ2008_Code=sector \\\n"
	    "      --ignore-column WZ2008_Name --value-columns '{region}{period}' \\\n"
	    "      --map-region Goettingen=03159016 --map-region BRD=DE \\\n"
	    "      --total-label A-R Goettingen.csv\n"
	    "  wiall import --mapping eurostat.map nama_10r_3empers.csv\n",
	.exec = cmd_import_exec,
};
