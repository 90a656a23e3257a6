/* Fixtures shared by the unit tests (fixture.h): the temporary database with
 * a catalogue and observations that the app and store tests start from, and
 * the yearly series of the assessment tests. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/catalog.h"
#include "app/import.h"
#include "fixture.h"

void
fixture_path(char *out, size_t size, const char *relative)
{
	const char *top = getenv("TOP");

	snprintf(out, size, "%s/%s", top != NULL ? top : ".", relative);
}

int
fixture_db_open(struct fixture_db *f)
{
	struct error e;
	int fd;

	snprintf(f->path, sizeof(f->path), "/tmp/wiall-unit-XXXXXX");
	fd = mkstemp(f->path);
	if (fd == -1) {
		perror(f->path);
		return -1;
	}
	close(fd);
	unlink(f->path);
	if (db_open(f->path, DB_CREATE, &f->db, &e) == -1) {
		fprintf(stderr, "%s: %s\n", f->path, e.message);
		f->db = NULL;
		return -1;
	}
	return 0;
}

int
fixture_db_load(struct fixture_db *f, const char *catalog,
    const char *const *files, size_t count)
{
	struct store_catalog_report rep;
	struct obsfile_options ro;
	struct import_options io = { 0 };
	struct import_result res;
	struct diag_list diags;
	struct error e;
	char cat[512], (*paths)[512] = NULL;
	const char **names = NULL;
	size_t i;
	int rc = -1;

	diag_list_init(&diags, 0);
	store_catalog_report_init(&rep);
	obsfile_options_init(&ro);
	io.reader = &ro;
	fixture_path(cat, sizeof(cat), catalog);
	if (app_catalog_load_file(f->db, cat, false, &diags, &rep, &e) !=
	    APP_CATALOG_OK) {
		fprintf(stderr, "%s: %s\n", cat, e.message);
		goto done;
	}
	if (count > 0) {
		paths = calloc(count, sizeof(*paths));
		names = calloc(count, sizeof(*names));
		for (i = 0; i < count; i++) {
			fixture_path(paths[i], sizeof(paths[i]), files[i]);
			names[i] = paths[i];
		}
		if (import_run(f->db, names, count, &io, &res, &diags,
		    &e) == -1) {
			fprintf(stderr, "import: %s\n", e.message);
			goto done;
		}
		import_result_free(&res);
	}
	rc = 0;
done:
	if (rc == -1)
		diag_list_print(&diags, stderr);
	free(names);
	free(paths);
	store_catalog_report_free(&rep);
	obsfile_options_free(&ro);
	diag_list_free(&diags);
	return rc;
}

void
fixture_db_close(struct fixture_db *f)
{
	char p[80];

	if (f->db != NULL)
		db_close(f->db);
	f->db = NULL;
	unlink(f->path);
	snprintf(p, sizeof(p), "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", f->path);
	unlink(p);
}

int
fixture_db_setup(void **state, const char *catalog, const char *const *files,
    size_t count)
{
	struct fixture_db *f = calloc(1, sizeof(*f));

	*state = f;
	if (f == NULL || fixture_db_open(f) == -1)
		return -1;
	if (catalog == NULL)
		return 0;
	return fixture_db_load(f, catalog, files, count);
}

int
fixture_db_teardown(void **state)
{
	struct fixture_db *f = *state;

	if (f != NULL) {
		fixture_db_close(f);
		free(f);
	}
	return 0;
}

struct series *
fixture_years(struct fixture_series *x, int first_year, const double *v,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		x->p[i].year = first_year + (int)i;
		x->p[i].kind = PERIOD_YEAR;
		x->p[i].sub = 0;
		x->v[i] = v[i];
		x->f[i] = 0;
	}
	x->s.periods = x->p;
	x->s.values = x->v;
	x->s.flags = x->f;
	x->s.count = n;
	return &x->s;
}

struct series *
fixture_points(struct fixture_series *x, const int *years, const double *v,
    size_t n)
{
	size_t i;

	fixture_years(x, 0, v, n);
	for (i = 0; i < n; i++)
		x->p[i].year = years[i];
	return &x->s;
}

double
fixture_q(const struct explain *e, enum explain_quantity k)
{
	double v;

	return explain_get(e, k, &v) ? v : NAN;
}
