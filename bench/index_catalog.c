/* Benchmark of a catalogue index from the database (app/index_catalog.h) on
 * the Bottrop demo: the example index over the eight districts of
 * Regierungsbezirk Münster (4 leaves, 2 groups). Times (1) the build without
 * the analysis — the catalogue, the observations, the structure report over
 * 18 years and the pipeline; (2) with the catalogue's uncertainty analysis,
 * 1000 runs, on 1 and 2 threads; (3) the whole index page as the server
 * renders it (the same build with 1000 runs, then the HTML). The demo
 * database is made with `$WIALL demo`. Prints the figures; passes nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/index_catalog.h"
#include "web/http.h"
#include "web/site.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct db *bench_db;

static struct db *
bench_database(void *arg, struct error *e)
{
	(void)arg;
	(void)e;
	return bench_db;
}

static const char *
bench_query(void *arg, const char *key)
{
	(void)arg;
	(void)key;
	return NULL;
}

/* Mean milliseconds of n builds. */
static double
bench_build(struct db *db, bool uncertainty, int threads, int n)
{
	struct index_catalog_options o;
	double t0 = now();
	int i;

	memset(&o, 0, sizeof(o));
	o.uncertainty = uncertainty;
	o.threads = threads;
	for (i = 0; i < n; i++) {
		struct index_catalog x;
		struct error e;

		if (index_catalog_build(db, &o, &x, &e) != INDEX_CATALOG_OK) {
			fprintf(stderr, "index_catalog: %s\n", e.message);
			exit(1);
		}
		index_catalog_free(&x);
	}
	return (now() - t0) * 1000 / n;
}

static double
bench_page(const struct site *site, int n, size_t *bytes)
{
	double t0 = now();
	int i;

	for (i = 0; i < n; i++) {
		struct http_request req;
		struct http_response resp;
		size_t size;

		memset(&req, 0, sizeof(req));
		req.method = HTTP_GET;
		req.path = "/indices";
		req.lang = "de";
		req.site = site;
		req.query = bench_query;
		req.database = bench_database;
		http_response_init(&resp);
		site_handle(&req, &resp);
		if (resp.status != 200) {
			fprintf(stderr, "/indices: status %d\n", resp.status);
			exit(1);
		}
		http_response_data(&resp, &size);
		*bytes = size;
		http_response_free(&resp);
	}
	return (now() - t0) * 1000 / n;
}

int
main(void)
{
	const char *wiall = getenv("WIALL");
	const char *build = getenv("BUILD");
	char path[512], cmd[1200];
	struct site site;
	struct error e;
	size_t bytes = 0;

	snprintf(path, sizeof(path), "%s/bench-work/index-demo.db",
	    build != NULL ? build : "build");
	if (access(path, F_OK) != 0) {
		snprintf(cmd, sizeof(cmd), "'%s' --db '%s' demo >/dev/null 2>&1",
		    wiall != NULL ? wiall : "build/wiall", path);
		if (system(cmd) != 0) {
			fprintf(stderr, "cannot make the demo database\n");
			return 1;
		}
	}
	if (db_open(path, DB_READ_ONLY, &bench_db, &e) == -1 ||
	    site_init(&site, "bench", &e) == -1) {
		fprintf(stderr, "%s\n", e.message);
		return 1;
	}
	printf("The demo's index (8 districts, 4 leaves, 2 groups), from the "
	    "database:\n");
	printf("  build without the analysis:        %8.2f ms (mean of 50)\n",
	    bench_build(bench_db, false, 1, 50));
	printf("  build with 1000 runs, 1 thread:    %8.2f ms (mean of 20)\n",
	    bench_build(bench_db, true, 1, 20));
	printf("  build with 1000 runs, 2 threads:   %8.2f ms (mean of 20)\n",
	    bench_build(bench_db, true, 2, 20));
	printf("  the index page (1000 runs, HTML):  %8.2f ms (mean of 20)",
	    bench_page(&site, 20, &bytes));
	printf(", %zu bytes\n", bytes);
	site_free(&site);
	db_close(bench_db);
	return 0;
}
