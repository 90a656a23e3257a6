/* wiall: the command-line entry point. Reads the global options, picks the
 * command from the table below and runs it (tmux's cmd-*.c pattern). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "util/version.h"

extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_catalog_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_demo_entry;
extern const struct cmd_entry cmd_status_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_assess_entry;
extern const struct cmd_entry cmd_structure_entry;
extern const struct cmd_entry cmd_index_entry;
extern const struct cmd_entry cmd_serve_entry;
extern const struct cmd_entry cmd_publish_entry;

static const struct cmd_entry *const commands[] = {
	&cmd_init_entry,
	&cmd_demo_entry,
	&cmd_catalog_entry,
	&cmd_import_entry,
	&cmd_export_entry,
	&cmd_status_entry,
	&cmd_show_entry,
	&cmd_check_entry,
	&cmd_assess_entry,
	&cmd_structure_entry,
	&cmd_index_entry,
	&cmd_serve_entry,
	&cmd_publish_entry,
	NULL
};

static void
main_usage(FILE *fp)
{
	const struct cmd_entry *const *c;

	fprintf(fp, "usage: wiall [--db PATH] COMMAND [OPTIONS] [ARGS]\n\n"
	    "wiall: monitoring and evaluation for local economic alliances.\n\n"
	    "Global options:\n"
	    "  --db PATH    the database (default: $WIALL_DB, else ./wiall.db)\n"
	    "  --help       this text; `wiall COMMAND --help` explains a command\n"
	    "  --version    the version\n\nCommands:\n");
	for (c = commands; *c != NULL; c++)
		fprintf(fp, "  %-10s %s\n", (*c)->name, (*c)->summary);
	fprintf(fp, "\nExit codes: 0 ok, 1 bad input or failed check, "
	    "2 usage error.\n");
}

int
main(int argc, char **argv)
{
	struct cmd_context ctx = { NULL, false, stdout, stderr };
	const struct cmd_entry *const *c;
	int i = 1;

	ctx.db_path = getenv("WIALL_DB");
	if (ctx.db_path != NULL && ctx.db_path[0] != '\0')
		ctx.db_explicit = true;
	else
		ctx.db_path = "wiall.db";
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 >= argc) {
				fprintf(stderr, "wiall: --db needs a path\n");
				return CMD_USAGE;
			}
			ctx.db_path = argv[++i];
			ctx.db_explicit = true;
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			ctx.db_path = argv[i] + 5;
			ctx.db_explicit = true;
		} else if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			main_usage(stdout);
			return CMD_OK;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("wiall %s\n", WIALL_VERSION);
			return CMD_OK;
		} else {
			fprintf(stderr, "wiall: unknown option '%s'\n", argv[i]);
			main_usage(stderr);
			return CMD_USAGE;
		}
	}
	if (i >= argc) {
		main_usage(stderr);
		return CMD_USAGE;
	}
	if (strcmp(argv[i], "help") == 0) {
		if (i + 1 < argc)
			for (c = commands; *c != NULL; c++)
				if (strcmp((*c)->name, argv[i + 1]) == 0)
					return cmd_print_help(*c, &ctx);
		main_usage(stdout);
		return CMD_OK;
	}
	for (c = commands; *c != NULL; c++)
		if (strcmp((*c)->name, argv[i]) == 0)
			return (*c)->exec(&ctx, argc - i, argv + i);
	fprintf(stderr, "wiall: unknown command '%s'\n", argv[i]);
	main_usage(stderr);
	return CMD_USAGE;
}
