/* wiall check: is the database sound and the catalogue consistent with its
 * data? One problem a line; exit 1 on an error (or, with --strict, on a
 * warning). */
#include <getopt.h>
#include <string.h>

#include "app/check.h"
#include "cli/cmd.h"

extern const struct cmd_entry cmd_check_entry;

static int
cmd_check_exec(struct cmd_context *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "strict", no_argument, NULL, 's' },
		{ "errors", no_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	struct check_report rep;
	struct db *db;
	struct error e;
	bool strict = false, errors_only = false;
	size_t i;
	int c, rc = CMD_FAIL;

	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_check_entry, ctx);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		if (c == 's')
			strict = true;
		else if (c == 'e')
			errors_only = true;
		else
			return cmd_usage_error(&cmd_check_entry, ctx,
			    "unknown option '%s'", argv[optind - 1]);
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_check_entry, ctx,
		    "unexpected argument '%s'", argv[optind]);
	if (cmd_open_db(ctx, DB_READ_ONLY, &db) == -1)
		return CMD_FAIL;
	check_report_init(&rep);
	if (check_run(db, &rep, &e) == -1)
		fprintf(ctx->err, "wiall check: %s\n", e.message);
	else {
		for (i = 0; i < rep.count; i++)
			if (!errors_only ||
			    rep.problems[i].severity == CHECK_ERROR)
				fprintf(ctx->out, "%s: %s\n",
				    check_severity_names[
				    rep.problems[i].severity],
				    rep.problems[i].message);
		fprintf(ctx->out, "check of %s: %zu error%s, %zu warning%s\n",
		    ctx->db_path, rep.errors, rep.errors == 1 ? "" : "s",
		    rep.warnings, rep.warnings == 1 ? "" : "s");
		if (rep.errors == 0 && (!strict || rep.warnings == 0))
			rc = CMD_OK;
	}
	check_report_free(&rep);
	db_close(db);
	return rc;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.usage = "[--strict] [--errors]",
	.summary = "Check the database and the catalogue's consistency.",
	.help =
	    "Runs SQLite's integrity and foreign-key checks, then checks the\n"
	    "catalogue and its data; prints one problem a line.\n"
	    "\n"
	    "Errors (exit code 1): a damaged database or broken references;\n"
	    "an indicator that serves no goal; a goal with neither indicators\n"
	    "nor sub-goals; data the catalogue cannot know: a sector outside the\n"
	    "indicator's classification, dimensions that are not key=value pairs,\n"
	    "periods that are no period; observations in another scale of their\n"
	    "indicator's unit ('billion EUR' for 'million EUR').\n"
	    "Warnings (exit code 0): a current target without data for the home\n"
	    "region (the catalogue's first) or for its reference region; a\n"
	    "series mixing years, quarters and months; sectors of an indicator\n"
	    "without a classification; a series without observations;\n"
	    "observations whose unit differs from their indicator's otherwise.\n"
	    "\n"
	    "  --strict   warnings fail too (exit code 1)\n"
	    "  --errors   print only the errors\n",
	.exec = cmd_check_exec,
};
