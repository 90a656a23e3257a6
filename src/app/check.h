/* The consistency check of a database (`wiall check`): SQLite's own checks,
 * then the catalogue (indicators without goals, goals without indicators,
 * targets without data) and the data (codes the catalogue does not know,
 * periods that are no period, series mixing kinds of period, units other
 * than the indicator's). The report owns
 * its messages until check_report_free(). */
#ifndef WIALL_APP_CHECK_H
#define WIALL_APP_CHECK_H

#include <stddef.h>

#include "store/db.h"
#include "util/arena.h"
#include "util/error.h"

/* An error makes the database wrong (exit 1); a warning is a gap a user
 * should know about, e.g. a target whose data have not been imported yet. */
enum check_severity {
	CHECK_ERROR,
	CHECK_WARNING,
	CHECK_SEVERITY__MAX
};

extern const char *const check_severity_names[CHECK_SEVERITY__MAX];

struct check_problem {
	enum check_severity	 severity;
	const char		*message;	/* one line */
};

struct check_report {
	struct arena		 arena;
	struct check_problem	*problems;	/* in the order found */
	size_t			 count, cap;
	size_t			 errors, warnings;
};

void	check_report_init(struct check_report *r);
void	check_report_free(struct check_report *r);

/* Runs every check; returns 0 when they ran (the report says what they
 * found), -1 when they could not (e says why). */
int	check_run(struct db *db, struct check_report *r, struct error *e);

#endif
