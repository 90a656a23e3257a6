/* A composite index of the catalogue (docs/index.md) built from the
 * database: each leaf's raw value per unit (a level, or a measure the
 * structure and growth code derives from the observations), the pipeline of
 * METHODS §4 over them, and the uncertainty analysis of §4.10 the catalogue
 * asks for (or, varying the same inputs, the sensitivity analysis of §4.11).
 * A struct index_catalog owns everything it points to (its own catalogue and
 * arena); index_catalog_free() releases it. */
#ifndef WIALL_APP_INDEX_CATALOG_H
#define WIALL_APP_INDEX_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/composite.h"
#include "core/rng.h"
#include "core/sensitivity.h"
#include "core/uncertainty.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/error.h"
#include "util/model.h"

enum index_catalog_status {
	INDEX_CATALOG_OK,
	INDEX_CATALOG_NONE,		/* the catalogue defines no index */
	INDEX_CATALOG_NOT_FOUND,	/* no index of that code */
	INDEX_CATALOG_NO_DATA,		/* no leaf has figures for the period */
	INDEX_CATALOG_NOT_COMPUTABLE,	/* a step of the pipeline cannot
					 * compute (a zero range, a value <= 0
					 * for the geometric mean …) */
	INDEX_CATALOG_ERROR,		/* the database failed */
	INDEX_CATALOG__MAX
};

/* "ok", "none", "not_found", "no_data", "not_computable", "error" */
extern const char *const index_catalog_status_names[INDEX_CATALOG__MAX];

/* What is asked for. */
struct index_catalog_options {
	const char	*code;		/* NULL: the catalogue's first index */
	bool		 uncertainty;	/* run the catalogue's analysis */
	bool		 sensitivity;	/* with uncertainty: vary the same
					 * inputs in the variance-based
					 * design instead (runs is then N,
					 * the points per matrix) */
	int		 threads;	/* for the replications; 0: 1 */
	/* Overrides of the catalogue's analysis (0: the catalogue's). */
	size_t		 runs;
	bool		 has_seed;
	long long	 seed;
	enum rng_kind	 rng;		/* RNG_FAST unless asked */
};

/* A leaf: the indicator it takes and how, and its value per unit. */
struct index_catalog_leaf {
	const struct index_component	*component;
	const struct indicator		*indicator;
	enum model_measure		 measure;	/* never NONE */
	int				 direction;	/* the one used */
	const char			*direction_source; /* "explicit",
							 * "polarity", "measure" */
	const char			*from, *to;	/* growth's span */
	const char			*unit;		/* of the raw values:
							 * the indicator's,
							 * "percent", "bits",
							 * "" (HHI, resistance) */
	double				*raw;		/* per unit; NAN missing */
	const char			**reason;	/* per unit: why missing
							 * (English), else NULL */
	double				*normalised;	/* per unit; NAN when
							 * missing or not used */
	long				 node;		/* in the hierarchy, -1:
							 * not used */
	const char			*unused;	/* why not used (no unit
							 * has a value), or NULL */
};

/* A component or the index itself as a node of the pipeline. */
struct index_catalog_node {
	const char			*code;
	const char			*title_de, *title_en;
	const struct index_component	*component;	/* NULL: the index */
	int				 level;		/* 1 = leaves */
	double				 weight;	/* as given, 1 default */
	double				 share;		/* of its parent's score:
							 * w / Σ w of the siblings */
	long				 node;		/* in the hierarchy, -1:
							 * not used */
};

struct index_catalog {
	struct catalog			 catalog;	/* owns the definitions */
	struct arena			 arena;		/* everything else */
	const struct composite_index	*index;
	enum index_catalog_status	 status;
	const char			*reason;	/* when not OK */
	const struct region		*home;		/* the home region, if one
							 * of the units; else NULL */
	const struct region		**units;	/* unit_count */
	size_t				 unit_count;
	const char			*period;	/* the year used, or NULL
							 * when no leaf needs one */
	bool				 latest;	/* chosen as the latest
							 * common year */
	struct index_catalog_leaf	*leaves;	/* in component order */
	size_t				 leaf_count;
	struct index_catalog_node	*nodes;		/* components then the
							 * index, in order */
	size_t				 node_count;
	const char			*normalise;	/* text forms used */
	const char			*aggregate;
	/* The pipeline (core/composite.h); rows are units in their order
	 * (nothing is screened out). */
	struct composite_hierarchy	 h;
	struct composite_data		 d;
	struct composite_spec		 spec;
	struct composite_result		 result;
	/* The analysis (has_uncertainty false: none asked for, or none in
	 * the catalogue). */
	bool				 has_uncertainty;
	struct uncertainty_result	 uncertainty;
	size_t				 runs;
	long long			 seed;
	enum rng_kind			 rng;
	const char			**varied;	/* what varied, as the
							 * --vary texts */
	size_t				 varied_count;
	/* The sensitivity analysis, asked for instead (has_sensitivity
	 * false: not asked for, or nothing varies). Indices that cannot be
	 * computed are NAN with the reason in sensitivity_note. */
	bool				 has_sensitivity;
	struct sensitivity_result	 sensitivity;
	const char			*sensitivity_note;
};

/*
 * Loads the catalogue, finds the index, computes every leaf for the units
 * in the index's period (or the latest year in which the leaves that need a
 * year have the most values, every unit of every leaf when there is one),
 * and runs the pipeline and, if asked, the analysis. Returns the status
 * (also in x->status, with the reason in x->reason and e). A leaf without
 * any value is left out of the pipeline (and says why); so is an aggregate
 * left without components. The caller frees x whatever the result.
 */
enum index_catalog_status index_catalog_build(struct db *db,
	    const struct index_catalog_options *o, struct index_catalog *x,
	    struct error *e);
void	index_catalog_free(struct index_catalog *x);

/* A node's score for unit u (its row), NAN when missing or not used. */
double	index_catalog_score(const struct index_catalog *x,
	    const struct index_catalog_node *n, size_t u);
/* The leaf of component c, or NULL when c is an aggregate. */
const struct index_catalog_leaf *index_catalog_leaf_of(
	    const struct index_catalog *x, const struct index_component *c);
/* The node of the index itself (the last). */
const struct index_catalog_node *index_catalog_top(
	    const struct index_catalog *x);
/* Units in the order of their nominal rank (missing ranks last, then the
 * units' order); an array of unit_count indices in x's arena. */
const size_t *index_catalog_rank_order(struct index_catalog *x);
/* Per unit its rank statistics when the analysis ran: the entry of
 * x->uncertainty.stats for unit u, or -1. */
long	index_catalog_stats_row(const struct index_catalog *x, size_t u);

#endif
