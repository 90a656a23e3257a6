/* Shared by the files of `wiall assess` (cmd_assess.c parses the options and
 * runs the database mode, cmd_assess_file.c the file mode, cmd_assess_print.c
 * writes the results); not for other commands. The results stay the caller's. */
#ifndef WIALL_CLI_CMD_ASSESS_INTERNAL_H
#define WIALL_CLI_CMD_ASSESS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "app/assess.h"
#include "cli/cmd.h"

extern const struct cmd_entry cmd_assess_entry;

enum cmd_assess_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON };

/* Everything the command line says. */
struct cmd_assess_args {
	const char		*region;
	enum assess_method	 method;
	enum cmd_assess_format	 format;
	const char		*lang;
	struct assess_options	 options;
	/* File mode. */
	const char		*input, *reference_input;
	bool			 has_polarity;
	int			 polarity;
	enum model_annual	 annual;
	bool			 has_target, has_low, has_high;
	double			 target, low, high;
	int			 target_year;
	int			 target_kind;	/* -1: from the other options */
	const char		*unit;
	int			 decimals;	/* -1: from the values */
	bool			 file_only;	/* a file-mode option was given */
};

/* True if the output is in English (--lang en). */
bool	cmd_assess_en(const struct cmd_assess_args *a);
/* Assesses the series of --input FILE; returns a cmd_exit code. */
int	cmd_assess_file(struct cmd_context *ctx, const struct cmd_assess_args *a);
/* Writes the results in a->format: source "database" or "file", region the
 * code (or NULL), region_text the table's heading. */
void	cmd_assess_print(struct cmd_context *ctx, const struct cmd_assess_args *a,
	    const char *source, const char *region, const char *region_text,
	    const struct assess_result *results, size_t n);

#endif
