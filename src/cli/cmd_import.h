/* The import command's option parsing and reporting, shared with `wiall demo`,
 * whose manifest lines are import command lines. Nothing is handed out: the
 * options and result stay the caller's. */
#ifndef WIALL_CLI_CMD_IMPORT_H
#define WIALL_CLI_CMD_IMPORT_H

#include "app/import.h"
#include "cli/cmd.h"
#include "util/buf.h"

/* Parses `import [OPTIONS] FILE...` (argv[0] is the command's name) into ro
 * and io, and appends the options that shape the reading to text (recorded
 * with each batch). Returns the index of the first file, or -1 after a usage
 * message on ctx->err. */
int	cmd_import_parse(struct cmd_context *ctx, int argc, char **argv,
	    struct obsfile_options *ro, struct import_options *io,
	    struct buf *text);
/* "FILE: FORMAT, N observations: N new, N changed, N unchanged (batch N)" */
void	cmd_import_print_file(struct cmd_context *ctx,
	    const struct import_file_result *f);
/* The warnings of an import (whether it failed or not), on ctx->err. */
void	cmd_import_print_warnings(struct cmd_context *ctx,
	    const struct import_result *res);
/* The warnings and problems of a failed import and "nothing was imported (N problems)". */
void	cmd_import_print_failure(struct cmd_context *ctx,
	    const struct import_result *res, const struct diag_list *diags,
	    const struct error *e);

#endif
