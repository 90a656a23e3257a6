/* The composite-index use cases behind `wiall index`: read COINr iData/iMeta
 * files, turn the options' text into a pipeline specification, build the index,
 * and run its uncertainty and sensitivity analyses. Everything lives in the
 * caller's arena. */
#ifndef WIALL_APP_INDEX_H
#define WIALL_APP_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/composite.h"
#include "core/rng.h"
#include "core/sensitivity.h"
#include "core/uncertainty.h"
#include "io/coinr.h"
#include "util/arena.h"
#include "util/error.h"

struct index_options {
	const char		*data_path, *meta_path;
	bool			 denominate;
	enum impute_method	 impute;
	const char		*group_column;
	bool			 screen;
	double			 screen_threshold;
	bool			 treat;
	int			 winmax;
	const char		*normalise;	/* "minmax:0,100", ... */
	const char		*aggregate;	/* "amean", "genmean:2", ... */
	double			 availability;	/* < 0: no threshold */
	bool			 equal_weights;	/* ignore iMeta's Weight column */
};

void	index_options_default(struct index_options *o);

struct index_model {
	struct coinr_coin		 coin;
	struct composite_hierarchy	 h;
	struct composite_data		 d;
	struct composite_spec		 spec;
	struct composite_result		 result;
	double				*availability;
	double				*weight;	/* equal weights, if asked */
};

/* Reads the files and prepares the specification; then index_build runs it. */
int	index_load(const struct index_options *o, struct arena *a,
	    struct index_model *m, struct error *e);
int	index_build(struct index_model *m, struct arena *a, struct error *e);

/* An uncertain input given as text: "winmax=1..5" (or "winmax=1/3/5"),
 * "normalise=minmax:1,100/zscore:10,2", "aggregate=amean/gmean",
 * "weights=2:0.25,3:0.25,sets=100" (weights of levels 2 and 3 within +-25 %,
 * 100 noisy sets, COINr's get_noisy_weights()). */
struct index_vary {
	struct uncertainty_input	 input;
	const char			*text;
	/* weights noise, drawn when the analysis starts */
	double				*factor;	/* per level */
	int				*levels;
	size_t				 n_levels;
};

int	index_parse_vary(const struct index_model *m, const char *text,
	    struct arena *a, struct index_vary *v, struct error *e);
/* Seeds the generator and draws the noisy weight sets of every weights input
 * (in the order given) before the analysis' own draws, as a COINr script
 * calling get_noisy_weights() before get_sensitivity() does. */
int	index_start_draws(const struct index_model *m, struct index_vary *v,
	    size_t n, enum rng_kind kind, int64_t seed, struct arena *a,
	    struct rng *g, struct error *e);
/* The number of processors online (at least 1): the default thread count. */
int	index_default_threads(void);

#endif
