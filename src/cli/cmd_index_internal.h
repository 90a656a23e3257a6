/* Shared by the files of `wiall index` (cmd_index.c parses the options and
 * runs both modes, cmd_index_print.c writes the results); not for other
 * commands. The results stay the caller's; scratch goes in its arena. */
#ifndef WIALL_CLI_CMD_INDEX_INTERNAL_H
#define WIALL_CLI_CMD_INDEX_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "app/index.h"
#include "cli/cmd.h"

extern const struct cmd_entry cmd_index_entry;

enum cmd_index_sub { CMD_INDEX_BUILD, CMD_INDEX_UNCERTAINTY,
	CMD_INDEX_SENSITIVITY, CMD_INDEX__MAX };

/* "build", "uncertainty", "sensitivity" */
extern const char *const cmd_index_sub_names[CMD_INDEX__MAX];

enum cmd_index_format { CMD_INDEX_CSV, CMD_INDEX_JSON };

/* Everything the command line says. */
struct cmd_index_args {
	enum cmd_index_sub	 sub;
	struct index_options	 o;
	enum cmd_index_format	 format;
	enum composite_stage	 stage;
	size_t			 runs;
	long long		 seed;
	enum rng_kind		 rng;
	int			 threads;
	const char		*weights;	/* ahp:FILE or budget:FILE */
	const char		*vary[32];
	size_t			 n_vary;
	const char		*catalog;	/* an index of the catalogue */
	const char		*file_option;	/* one only files take */
	bool			 runs_given, seed_given;
};

/* What the output reads of a built index, from files or the catalogue. */
struct cmd_index_built {
	const struct composite_hierarchy	*h;
	const struct composite_data		*d;
	const struct composite_result		*result;
};

/* The table of a->stage (rows by rank for the aggregated stage). */
void	cmd_index_print_build(struct cmd_context *ctx,
	    const struct cmd_index_args *a, const struct cmd_index_built *m,
	    struct arena *arena);
/* uCode,Nominal,Mean,Median,Q5,Q95 of the rank, rows by nominal rank;
 * seed is the one used (the catalogue's unless --seed). */
void	cmd_index_print_uncertainty(struct cmd_context *ctx,
	    const struct cmd_index_args *a, const struct cmd_index_built *m,
	    const struct uncertainty_result *r, long long seed,
	    struct arena *arena);
/* Input,First,Total, one row per input named by inputs[i]. */
void	cmd_index_print_sensitivity(struct cmd_context *ctx,
	    const struct cmd_index_args *a, const struct sensitivity_result *r,
	    const char *const *inputs, long long seed);

#endif
