/* Fixtures shared by the unit tests: a temporary database file (optionally
 * with a catalogue and observation files of tests/data loaded) and short
 * yearly series for the assessment methods. The caller owns every struct;
 * fixture_db_close() removes the database files again. */
#ifndef WIALL_TESTS_UNIT_FIXTURE_H
#define WIALL_TESTS_UNIT_FIXTURE_H

#include <stddef.h>

#include "core/explain.h"
#include "core/series.h"
#include "store/db.h"

/* A database file in /tmp, removed with its -wal and -shm by
 * fixture_db_close(). */
struct fixture_db {
	char		 path[64];
	struct db	*db;
};

/* out = $TOP/relative (the tree's top; "." when TOP is not set). */
void	fixture_path(char *out, size_t size, const char *relative);

/* Creates an empty database (schema applied); 0, or -1 with a message. */
int	fixture_db_open(struct fixture_db *f);
/* Loads the catalogue file and imports the observation files (paths below
 * $TOP; files may be NULL when count is 0); 0, or -1 with the diagnostics
 * printed. */
int	fixture_db_load(struct fixture_db *f, const char *catalog,
	    const char *const *files, size_t count);
void	fixture_db_close(struct fixture_db *f);

/* cmocka setup and teardown: *state is a new fixture_db holding the
 * catalogue and the observation files, as fixture_db_load() loads them
 * (catalog NULL: an empty database). */
int	fixture_db_setup(void **state, const char *catalog,
	    const char *const *files, size_t count);
int	fixture_db_teardown(void **state);

/* Room for a series of up to FIXTURE_POINTS yearly values. */
#define FIXTURE_POINTS	40
struct fixture_series {
	struct period	p[FIXTURE_POINTS];
	double		v[FIXTURE_POINTS];
	unsigned	f[FIXTURE_POINTS];
	struct series	s;
};

/* The n values from first_year on, no point flagged. */
struct series	*fixture_years(struct fixture_series *x, int first_year,
		    const double *v, size_t n);
/* The n values at the given years, no point flagged. */
struct series	*fixture_points(struct fixture_series *x, const int *years,
		    const double *v, size_t n);

/* A quantity of the record; NaN when it is absent, so that a comparison with
 * an expected number fails. */
double	fixture_q(const struct explain *e, enum explain_quantity k);

#endif
