/* Text layout for the commands that print tables (status, show, check):
 * widths in characters, not bytes, so that German titles line up in an
 * 80-column terminal. Nothing is allocated. */
#ifndef WIALL_CLI_CMD_TABLE_H
#define WIALL_CLI_CMD_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define CMD_TABLE_WIDTH 80

/* The number of characters of a UTF-8 string. */
size_t	cmd_table_width(const char *s);
/* Prints s in exactly width characters: cut with "…" when longer, padded
 * with blanks (on the left when right is true) when shorter. */
void	cmd_table_cell(FILE *fp, const char *s, size_t width, bool right);
/* Prints s cut to at most width characters (no padding). */
void	cmd_table_fit(FILE *fp, const char *s, size_t width);

/* Prints text wrapped at word boundaries so that no line passes width
 * characters; the cursor stands at column `at` (after a label), and
 * continuation lines start at column `indent`. Ends with a newline. */
void	cmd_table_wrap(FILE *fp, const char *text, size_t at, size_t indent,
	    size_t width);

#endif
