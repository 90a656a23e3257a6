/* The units the store holds: an indicator's unit (for an import to compare
 * each row with) and, per indicator, the units its observations carry where
 * they differ from it (for `wiall check`). Strings handed out are the
 * caller's to free (units_indicator) or valid only during a callback. */
#ifndef WIALL_STORE_UNITS_H
#define WIALL_STORE_UNITS_H

#include "store/db.h"
#include "util/error.h"

/* The unit of the indicator with this id into *out (xstrdup'd, the
 * caller's). Returns 1, 0 when there is no such indicator (*out NULL), -1
 * on a database error. */
int	units_indicator(struct db *db, long long indicator_id, char **out,
	    struct error *e);

/* Observations of one indicator whose unit text is not the indicator's
 * (observations without a unit take the indicator's and are not counted). */
struct units_row {
	const char	*indicator;	/* code */
	const char	*indicator_unit;
	const char	*unit;		/* the observations' */
	long long	 count;
	const char	*region;	/* an example: the first by region code */
	const char	*period;	/* and period */
};
typedef int (*units_fn)(const struct units_row *row, void *arg);

/* Ordered by indicator code and unit. Returns 0, -1, or the callback's stop
 * value. */
int	units_differing(struct db *db, units_fn fn, void *arg,
	    struct error *e);

#endif
