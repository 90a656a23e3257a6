/* wiall publish: the public dashboard as a static site. */
#include "cli/cmd.h"

#include <getopt.h>
#include <string.h>

#include "util/version.h"
#include "web/publish.h"
#include "web/site.h"

static int
cmd_publish_exec(struct cmd_context *ctx, int argc, char **argv)
{
	extern const struct cmd_entry cmd_publish_entry;
	static const struct option options[] = {
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct publish_report r;
	struct site site;
	struct error e;
	struct db *db = NULL;
	const char *out = NULL;
	int c, rc = CMD_FAIL;

	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_publish_entry, ctx);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case ':':
			return cmd_usage_error(&cmd_publish_entry, ctx,
			    "option '%s' needs a value", argv[optind - 1]);
		default:
			return cmd_usage_error(&cmd_publish_entry, ctx,
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_publish_entry, ctx,
		    "unexpected argument '%s'", argv[optind]);
	if (out == NULL || out[0] == '\0')
		return cmd_usage_error(&cmd_publish_entry, ctx,
		    "--out DIR is required");
	if (cmd_open_db(ctx, DB_READ_ONLY, &db) == -1)
		return CMD_FAIL;
	site_init(&site, WIALL_VERSION, &e);
	if (publish_site(db, &site, out, &r, &e) == -1)
		fprintf(ctx->err, "wiall publish: %s\n", e.message);
	else {
		fprintf(ctx->out, "%s: %zu pages, %zu downloads, %zu assets, "
		    "%zu data files, %zu bytes\n", out, r.pages, r.downloads,
		    r.assets, r.data, r.bytes);
		rc = CMD_OK;
	}
	site_free(&site);
	db_close(db);
	return rc;
}

const struct cmd_entry cmd_publish_entry = {
	.name = "publish",
	.usage = "--out DIR",
	.summary = "Write the public dashboard as a static site.",
	.help = "  --out DIR    where to write (created if missing)\n"
	    "German pages go to DIR, English ones to DIR/en, each indicator's\n"
	    "data (CSV, JSON) to DIR/downloads, assets to DIR/assets. Links\n"
	    "are relative: the site works from file:// and from any static\n"
	    "host. The same data gives the same files.\n",
	.exec = cmd_publish_exec,
};
