/* The command-line commands. Each lives in src/cli/cmd_<name>.c and exports one
 * `const struct cmd_entry cmd_<name>_entry` (tmux style); main.c lists them.
 * Exit codes: 0 ok, 1 bad input or failed check, 2 usage error. */
#ifndef WIALL_CLI_CMD_H
#define WIALL_CLI_CMD_H

#include <stdbool.h>
#include <stdio.h>

#include "store/db.h"

struct option;

enum cmd_exit {
	CMD_OK = 0,
	CMD_FAIL = 1,		/* bad input, failed check, runtime error */
	CMD_USAGE = 2		/* wrong options or arguments */
};

struct cmd_context {
	const char	*db_path;	/* --db, $WIALL_DB or ./wiall.db */
	bool		 db_explicit;	/* --db or $WIALL_DB was given */
	FILE		*out;
	FILE		*err;
};

struct cmd_entry {
	const char	*name;
	const char	*usage;		/* after "wiall [--db PATH] NAME " */
	const char	*summary;	/* one line for `wiall --help` */
	const char	*help;		/* the options, one per line, for NAME --help */
	/* argv[0] is the command's name; getopt_long may be used (optind reset). */
	int		(*exec)(struct cmd_context *ctx, int argc, char **argv);
};

/* Prints "wiall NAME: message" and the usage line to ctx->err; returns CMD_USAGE. */
int	cmd_usage_error(const struct cmd_entry *entry, struct cmd_context *ctx,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Prints the full help of a command to ctx->out; returns CMD_OK. */
int	cmd_print_help(const struct cmd_entry *entry, struct cmd_context *ctx);
/* True if argv holds -h or --help before a "--". */
bool	cmd_wants_help(int argc, char **argv);
/* Prints "unknown option or missing argument: 'ARG'" for the argument
 * getopt_long() stopped at (argv[optind - 1]); returns CMD_USAGE. */
int	cmd_usage_unknown(const struct cmd_entry *entry, struct cmd_context *ctx,
	    char **argv);
/* Index of s in names[0..n), or -1: an option's word as an enum value. */
int	cmd_pick(const char *s, const char *const *names, int n);
/* The long name of the option whose value is val in a getopt_long() table
 * (ending in a NULL name), for messages; "?" when there is none. */
const char *cmd_option_name(const struct option *options, int val);
/* Opens ctx->db_path, printing the reason on failure (then returns -1). */
int	cmd_open_db(struct cmd_context *ctx, enum db_mode mode, struct db **out);

#endif
