/* Helpers shared by the commands (not itself a command). */
#include "cli/cmd.h"

#include <getopt.h>
#include <stdarg.h>
#include <string.h>

int
cmd_usage_error(const struct cmd_entry *entry, struct cmd_context *ctx,
    const char *fmt, ...)
{
	va_list ap;

	fprintf(ctx->err, "wiall %s: ", entry->name);
	va_start(ap, fmt);
	vfprintf(ctx->err, fmt, ap);
	va_end(ap);
	fprintf(ctx->err, "\nusage: wiall [--db PATH] %s %s\n"
	    "Try 'wiall %s --help'.\n", entry->name, entry->usage, entry->name);
	return CMD_USAGE;
}

int
cmd_usage_unknown(const struct cmd_entry *entry, struct cmd_context *ctx,
    char **argv)
{
	return cmd_usage_error(entry, ctx, "unknown option or missing "
	    "argument: '%s'", argv[optind - 1]);
}

int
cmd_pick(const char *s, const char *const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

const char *
cmd_option_name(const struct option *options, int val)
{
	const struct option *o;

	for (o = options; o->name != NULL; o++)
		if (o->val == val)
			return o->name;
	return "?";
}

int
cmd_print_help(const struct cmd_entry *entry, struct cmd_context *ctx)
{
	fprintf(ctx->out, "usage: wiall [--db PATH] %s %s\n\n%s\n", entry->name,
	    entry->usage, entry->summary);
	if (entry->help != NULL && entry->help[0] != '\0')
		fprintf(ctx->out, "\n%s", entry->help);
	return CMD_OK;
}

bool
cmd_wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return true;
	}
	return false;
}

int
cmd_open_db(struct cmd_context *ctx, enum db_mode mode, struct db **out)
{
	struct error e;

	if (db_open(ctx->db_path, mode, out, &e) == -1) {
		fprintf(ctx->err, "wiall: %s\n", e.message);
		return -1;
	}
	return 0;
}
