/* COINr's iData and iMeta tables (the exchange format of composite-indicator
 * work, shared/data/coinr) read from CSV into a hierarchy and a data set for
 * core/composite. Everything read lives in the caller's arena; errors name the
 * file, line and column. */
#ifndef WIALL_IO_COINR_H
#define WIALL_IO_COINR_H

#include <stddef.h>

#include "core/composite.h"
#include "util/arena.h"
#include "util/error.h"

struct coinr_coin {
	/* iMeta rows of Type Indicator and Aggregate, in file order. */
	struct composite_node	*nodes;
	size_t			 n_nodes;
	size_t			 n_indicators;
	const char		**indicator;	/* codes in the order of `values` */
	/* iData */
	size_t			 n_units;
	const char		**unit;		/* uCode */
	const char		**unit_name;	/* uName, or the code */
	double			*values;	/* indicator by indicator, NAN missing */
	size_t			 n_denominators;
	const char		**denominator;	/* iMeta rows of Type Denominator */
	double			*denominators;	/* column by column */
	size_t			 n_groups;
	const char		**group;	/* iMeta rows of Type Group */
	const char		***group_value;	/* [group][unit], "" for none */
};

/* Reads iData (data_path) and iMeta (meta_path). Checks: the required columns
 * (uCode; iCode, Level, Type and for indicators Direction), unique unit codes,
 * a column in iData for every indicator, denominator and group of iMeta,
 * numbers where numbers belong (empty or NA = missing), directions 1 or -1,
 * denominators naming Denominator rows. */
int	coinr_read(const char *data_path, const char *meta_path, struct arena *a,
	    struct coinr_coin *coin, struct error *e);
/* Builds the hierarchy and the data set; `group` names the group column used
 * for group-mean imputation (NULL: none). Unit groups become indices. */
int	coinr_prepare(const struct coinr_coin *coin, const char *group,
	    struct arena *a, struct composite_hierarchy *h,
	    struct composite_data *d, struct error *e);
/* Index of a unit code, or -1. */
long	coinr_unit(const struct coinr_coin *coin, const char *code);

#endif
