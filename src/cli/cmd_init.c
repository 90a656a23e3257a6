/* wiall init: create (or migrate) a database. */
#include "cli/cmd.h"

static int
cmd_init_exec(struct cmd_context *ctx, int argc, char **argv)
{
	extern const struct cmd_entry cmd_init_entry;
	struct db *db;

	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_init_entry, ctx);
	if (argc > 1)
		return cmd_usage_error(&cmd_init_entry, ctx,
		    "unexpected argument '%s'", argv[1]);
	if (cmd_open_db(ctx, DB_CREATE, &db) == -1)
		return CMD_FAIL;
	fprintf(ctx->out, "%s: schema version %d\n", ctx->db_path,
	    db_schema_version(db));
	db_close(db);
	return CMD_OK;
}

const struct cmd_entry cmd_init_entry = {
	.name = "init",
	.usage = "",
	.summary = "Create a database (or bring an old one to the current schema).",
	.help = "The database is --db PATH, else $WIALL_DB, else ./wiall.db.\n"
	    "Running init on an existing database is safe: it only migrates.\n",
	.exec = cmd_init_exec,
};
