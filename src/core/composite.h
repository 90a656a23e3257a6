/* Composite indices (METHODS §4): the hierarchy of indicators and aggregates, and
 * the pipeline denominate -> impute -> screen -> treat -> normalise -> aggregate ->
 * rank, keeping every stage's output. Pure: every array lives in the caller's
 * arena (composite_hierarchy_build, composite_result_init); nothing is freed singly. */
#ifndef WIALL_CORE_COMPOSITE_H
#define WIALL_CORE_COMPOSITE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/aggregate.h"
#include "core/colstat.h"
#include "core/impute.h"
#include "core/normalise.h"
#include "core/treat.h"
#include "util/arena.h"
#include "util/error.h"

enum composite_stage {
	COMPOSITE_RAW,
	COMPOSITE_DENOMINATED,
	COMPOSITE_IMPUTED,
	COMPOSITE_SCREENED,
	COMPOSITE_TREATED,
	COMPOSITE_NORMALISED,
	COMPOSITE_AGGREGATED,
	COMPOSITE_STAGE__MAX
};

/* "raw", "denominated", "imputed", "screened", "treated", "normalised", "aggregated" */
extern const char *const composite_stage_names[COMPOSITE_STAGE__MAX];

/* One row of the meta table, as given (any order). */
struct composite_node {
	const char	*code;
	int		 level;		/* 1 = indicator, 2.. = aggregates */
	const char	*parent;	/* NULL or "" at the top */
	double		 weight;
	int		 direction;	/* indicators: +1 or -1, explicit */
	long		 denominator;	/* indicators: column of the denominators, -1 */
	double		 target;	/* NAN when none */
	double		 goal_lower, goal_upper;	/* NAN when none */
};

/* The hierarchy in working order: the indicators first (nodes 0..n_indicators-1,
 * in the order given), then the aggregates level by level. */
struct composite_hierarchy {
	size_t		 n_nodes;
	size_t		 n_indicators;
	int		 n_levels;
	const char	**code;
	int		*level;
	long		*parent;	/* node index, -1 for the top */
	double		*weight;
	size_t		*source;	/* position of each node in the input */
	/* per indicator */
	int		*direction;
	long		*denominator;
	double		*target, *goal_lower, *goal_upper;
	/* children of node k: child[child_start[k] .. child_start[k + 1]) */
	size_t		*child_start;
	size_t		*child;
	size_t		 max_children;
	size_t		 root;		/* the single top node */
};

/* Builds and checks the hierarchy (METHODS §4.1): unique codes, levels from 1 up
 * without gaps, every parent one level above its child, every aggregate with
 * children, one node at the top, explicit directions, non-negative weights. */
int	composite_hierarchy_build(struct composite_hierarchy *h, struct arena *a,
	    const struct composite_node *nodes, size_t n, struct error *e);
/* Node index of a code, or -1. */
long	composite_hierarchy_find(const struct composite_hierarchy *h, const char *code);

/* The data: values of the indicators column by column (indicator k's values are
 * values[k * n_units .. (k + 1) * n_units)), in the hierarchy's indicator order,
 * NAN for missing. */
struct composite_data {
	size_t		 n_units;
	const char	*const *unit;		/* codes, for messages */
	const double	*values;
	const int	*group;			/* per unit, -1 = none; may be NULL */
	size_t		 n_denominators;
	const double	*denominators;		/* column by column, like values */
};

struct composite_spec {
	bool			 denominate;
	enum impute_method	 impute;
	bool			 screen;
	double			 screen_threshold;	/* keep share >= this */
	bool			 treat;
	struct treat_spec	 treatment;
	struct normalise_spec	 normalise;
	size_t			 reference_unit;	/* dist2ref: unit index */
	struct aggregate_spec	 aggregate;
	const double		*availability;	/* per level (index = level), < 0
						 * none; NULL: no threshold */
	const double		*weight;	/* per node; NULL: the hierarchy's */
};

/* COINr's build_example_coin(): denominate, group-mean imputation, screening at
 * 0.9, winsorisation up to 5 points, min-max onto [0, 100], arithmetic mean. */
void	composite_spec_default(struct composite_spec *s);

/* Every stage's output. Matrices are column by column. Up to the imputed stage
 * they have a row per unit of the data; from the screened stage on, a row per
 * kept unit (kept[row] = unit index). */
struct composite_result {
	size_t			 n_units;
	size_t			 n_kept;
	const size_t		*kept;
	double			*raw, *denominated, *imputed;	/* units x indicators */
	double			*availability;	/* per unit, after imputation */
	double			*screened, *treated, *normalised; /* kept x indicators */
	double			*aggregated;	/* kept x aggregates */
	double			*rank;		/* kept: rank at the top node, 1 = best */
	struct treat_info	*treatment;	/* per indicator */
	unsigned char		*treated_point;	/* kept x indicators: enum treat_point */
	size_t			 imputed_count;
	/* The limits the treatment stage was computed with (treated_with_limits
	 * false: not treated). Replications reuse the verdict on indicators that
	 * pass as screened: it does not depend on winmax. */
	bool			 treated_with_limits;
	double			 treat_skew_limit, treat_kurtosis_limit;
	/* scratch */
	size_t			*kept_store;
	struct colstat_pair	*pairs;
	double			*scratch;
	size_t			*index_scratch;
	const double		**child_column;
	double			*child_weight;
};

/* Sizes every array of r for h and n_units, from the arena. */
void	composite_result_init(struct composite_result *r, struct arena *a,
	    const struct composite_hierarchy *h, size_t n_units);
/* Runs the whole pipeline into r. Returns -1 with the step, node and reason when a
 * step cannot compute. */
int	composite_run(const struct composite_hierarchy *h,
	    const struct composite_data *d, const struct composite_spec *s,
	    struct composite_result *r, struct error *e);
/* Runs treatment, normalisation, aggregation and ranks into r on base's screened
 * data (base is only read, so threads may share it): how replications re-run the
 * part of the pipeline that their varied inputs touch. r may be base. */
int	composite_run_after_screening(const struct composite_hierarchy *h,
	    const struct composite_data *d, const struct composite_spec *s,
	    const struct composite_result *base, struct composite_result *r,
	    struct error *e);

/* One stage's table: rows (units), columns (nodes). */
struct composite_table {
	size_t		 rows, cols;
	const size_t	*unit;		/* unit index of each row; NULL: row = unit */
	const double	*values;	/* column by column */
	size_t		 first_node;	/* node index of column 0; columns are
					 * consecutive nodes */
};

void	composite_stage_table(const struct composite_hierarchy *h,
	    const struct composite_result *r, enum composite_stage stage,
	    struct composite_table *t);
/* Parses a stage name; -1 if unknown. */
int	composite_stage_parse(const char *name, enum composite_stage *stage);

#endif
