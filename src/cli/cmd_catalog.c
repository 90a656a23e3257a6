/* wiall catalog: load a catalogue file, export the stored catalogue. */
#include <getopt.h>
#include <string.h>

#include "app/catalog.h"
#include "cli/cmd.h"

#define CMD_CATALOG_MAX_PROBLEMS 100

extern const struct cmd_entry cmd_catalog_entry;

static void
cmd_catalog_print_report(struct cmd_context *ctx,
    const struct store_catalog_report *rep, bool quiet)
{
	size_t i, item;

	for (i = 0; !quiet && i < rep->change_count; i++) {
		const struct store_catalog_change *ch = &rep->changes[i];

		fprintf(ctx->out, "%s %s %s",
		    store_catalog_action_names[ch->action],
		    store_catalog_item_names[ch->item], ch->code);
		if (ch->detail != NULL)
			fprintf(ctx->out, " (%s)", ch->detail);
		fputc('\n', ctx->out);
	}
	for (item = 0; item < STORE_CATALOG_ITEM__MAX; item++) {
		const size_t *n = rep->counts[item];

		if (n[STORE_CATALOG_CREATED] + n[STORE_CATALOG_UPDATED] +
		    n[STORE_CATALOG_SUPERSEDED] +
		    n[STORE_CATALOG_UNCHANGED] == 0)
			continue;
		fprintf(ctx->out, "%-15s %4zu created, %4zu updated, ",
		    store_catalog_item_names[item], n[STORE_CATALOG_CREATED],
		    n[STORE_CATALOG_UPDATED]);
		if (item == STORE_CATALOG_TARGET)
			fprintf(ctx->out, "%4zu superseded, ",
			    n[STORE_CATALOG_SUPERSEDED]);
		fprintf(ctx->out, "%4zu unchanged\n",
		    n[STORE_CATALOG_UNCHANGED]);
	}
}

static int
cmd_catalog_load(struct cmd_context *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_catalog_report rep;
	struct diag_list diags;
	enum app_catalog_status status;
	bool dry_run = false, quiet = false;
	struct db *db;
	struct error e;
	int ch;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+nq", options, NULL)) != -1) {
		switch (ch) {
		case 'n':
			dry_run = true;
			break;
		case 'q':
			quiet = true;
			break;
		default:
			return cmd_usage_error(&cmd_catalog_entry, ctx,
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return cmd_usage_error(&cmd_catalog_entry, ctx, optind >= argc ?
		    "load needs a catalogue file" : "load takes one file");
	if (cmd_open_db(ctx, DB_READ_WRITE, &db) == -1)
		return CMD_FAIL;
	diag_list_init(&diags, CMD_CATALOG_MAX_PROBLEMS);
	store_catalog_report_init(&rep);
	status = app_catalog_load_file(db, argv[optind], dry_run, &diags, &rep,
	    &e);
	switch (status) {
	case APP_CATALOG_OK:
		cmd_catalog_print_report(ctx, &rep, quiet);
		fprintf(ctx->out, dry_run ? "dry run: nothing was written to "
		    "%s\n" : "catalogue saved in %s\n", ctx->db_path);
		break;
	case APP_CATALOG_INVALID:
		diag_list_print(&diags, ctx->err);
		fprintf(ctx->err, "wiall catalog: %s: %zu problem%s; nothing "
		    "was loaded\n", argv[optind], diags.total,
		    diags.total == 1 ? "" : "s");
		break;
	case APP_CATALOG_FAILED:
		fprintf(ctx->err, "wiall catalog: %s; nothing was loaded\n",
		    e.message);
		break;
	}
	store_catalog_report_free(&rep);
	diag_list_free(&diags);
	db_close(db);
	return status == APP_CATALOG_OK ? CMD_OK : CMD_FAIL;
}

static int
cmd_catalog_export(struct cmd_context *ctx, int argc, char **argv)
{
	struct buf out = BUF_INIT;
	struct db *db;
	struct error e;
	int rc = CMD_FAIL;

	if (argc > 1)
		return cmd_usage_error(&cmd_catalog_entry, ctx,
		    "unexpected argument '%s'", argv[1]);
	if (cmd_open_db(ctx, DB_READ_ONLY, &db) == -1)
		return CMD_FAIL;
	if (app_catalog_export(db, &out, &e) == -1)
		fprintf(ctx->err, "wiall catalog: %s\n", e.message);
	else if (fwrite(out.data, 1, out.len, ctx->out) != out.len ||
	    fflush(ctx->out) != 0)
		fprintf(ctx->err, "wiall catalog: cannot write the export\n");
	else
		rc = CMD_OK;
	buf_free(&out);
	db_close(db);
	return rc;
}

static int
cmd_catalog_exec(struct cmd_context *ctx, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		if (argc < 2)
			return cmd_usage_error(&cmd_catalog_entry, ctx,
			    "say load or export");
		return cmd_print_help(&cmd_catalog_entry, ctx);
	}
	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_catalog_entry, ctx);
	if (strcmp(argv[1], "load") == 0)
		return cmd_catalog_load(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "export") == 0)
		return cmd_catalog_export(ctx, argc - 1, argv + 1);
	return cmd_usage_error(&cmd_catalog_entry, ctx,
	    "unknown subcommand '%s'", argv[1]);
}

const struct cmd_entry cmd_catalog_entry = {
	.name = "catalog",
	.usage = "load [--dry-run] [--quiet] FILE.json | export",
	.summary = "Load the catalogue of goals, indicators, targets, regions "
	    "and sectors; export it.",
	.help =
	    "catalog load FILE.json\n"
	    "  Checks the file and saves it in one transaction: all of it or\n"
	    "  nothing. Every problem is listed with its JSON path (e.g.\n"
	    "  indicators[3].polarity: required); then the exit code is 1 and\n"
	    "  the database is unchanged. Prints what was created, updated or\n"
	    "  superseded.\n"
	    "  - Items are matched by code: new codes are created, known ones\n"
	    "    updated. Items the file does not name are KEPT: a file may\n"
	    "    add to the catalogue, and a load never deletes anything.\n"
	    "  - An indicator's goal and SDG links and a region's aliases are\n"
	    "    replaced by the file's lists.\n"
	    "  - Targets are versioned: a target whose content changed\n"
	    "    supersedes the stored one, which keeps its dates. The new\n"
	    "    version starts on its valid_from, else today\n"
	    "    ($SOURCE_DATE_EPOCH if set). Targets with a valid_to are\n"
	    "    history and are kept as given; giving the current version a\n"
	    "    valid_to retires the target.\n"
	    "  References may name items already stored.\n"
	    "  --dry-run   check and report what would change; write nothing\n"
	    "  --quiet     print only the counts\n"
	    "catalog export\n"
	    "  Writes the stored catalogue as canonical JSON to stdout, with\n"
	    "  superseded target versions: loading the export into an empty\n"
	    "  database and exporting again gives the same bytes.\n"
	    "\n"
	    "The file: an object with `vision` and the arrays `goals`,\n"
	    "`indicators` (each with `targets`), `regions`, `classifications`\n"
	    "(each with `sectors`) and `shocks`. data/catalog/bottrop.json is\n"
	    "a complete example. Exit codes: 0 ok, 1 bad file or database,\n"
	    "2 usage.\n",
	.exec = cmd_catalog_exec,
};
