/* Benchmark of the structure measures (METHODS §3.1–3.5): Herfindahl, entropy,
 * Krugman, location quotients and related/unrelated variety for every row of two
 * real regions × sectors matrices: the ADH matrix (Autor, Dorn & Hanson 2013:
 * 1,444 commuting zone × period rows, 770 SIC industry columns) and the world
 * trade matrix (country × SITC-4 product). Prints the parse time and the time of
 * one pass of each measure over the whole matrix, parsing excluded.
 *
 * The data are not part of the project: they are read from the shared data folder
 * ($WIALL_BENCH_DATA, else ../shared/data or ../../shared/data from the top of the
 * tree), decompressed with `gzip -dc` into $BUILD/bench-work. Without them the
 * benchmark says so and exits 0. Files are read with the project's CSV reader
 * (src/io/csv.h) and numbers parsed with text_parse_double(). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/structure.h"
#include "core/variety.h"
#include "io/csv.h"
#include "util/error.h"
#include "util/text.h"

#define BENCH_PASSES	15	/* each measure: best of this many passes */

struct bench_matrix {
	const char	*name;
	double		*value;		/* rows × cols, row-major */
	size_t		 rows, cols;
	size_t		 cells;		/* non-zero cells read */
	size_t		*group;		/* cols: group index of each column */
	size_t		 groups;
	double		 parse_seconds;	/* read + parse, not timed below */
};

static double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int
bench_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* Finds the shared data folder; returns 0 and fills dir, or -1. */
static int
bench_data_dir(char *dir, size_t size)
{
	const char *env = getenv("WIALL_BENCH_DATA");
	const char *top = getenv("TOP");
	const char *rel[] = { "../shared/data", "../../shared/data" };
	char probe[8192];
	size_t i;

	if (env != NULL && *env != '\0') {
		snprintf(dir, size, "%s", env);
		return bench_exists(dir) ? 0 : -1;
	}
	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		snprintf(dir, size, "%s/%s", top != NULL ? top : ".", rel[i]);
		snprintf(probe, sizeof(probe), "%s/adh", dir);
		if (bench_exists(probe))
			return 0;
	}
	return -1;
}

/* gzip -dc src > dst, once; returns the seconds it took (0 when cached), or -1. */
static double
bench_decompress(const char *src, const char *dst)
{
	char cmd[20000];
	double t0;

	if (bench_exists(dst))
		return 0;
	snprintf(cmd, sizeof(cmd), "gzip -dc '%s' > '%s.tmp' && mv '%s.tmp' '%s'",
	    src, dst, dst, dst);
	t0 = bench_now();
	if (system(cmd) != 0)
		return -1;
	return bench_now() - t0;
}

/* A tiny open-addressing table from short keys to dense indices. */
#define BENCH_SLOTS	8192
struct bench_keys {
	char	key[BENCH_SLOTS][16];
	size_t	index[BENCH_SLOTS];
	bool	used[BENCH_SLOTS];
	size_t	count;
};

static size_t
bench_key_index(struct bench_keys *k, const char *s, size_t n)
{
	unsigned long h = 5381;
	size_t i, slot;

	if (n >= sizeof(k->key[0]))
		n = sizeof(k->key[0]) - 1;
	for (i = 0; i < n; i++)
		h = h * 33 + (unsigned char)s[i];
	for (slot = h % BENCH_SLOTS; k->used[slot]; slot = (slot + 1) % BENCH_SLOTS)
		if (strncmp(k->key[slot], s, n) == 0 && k->key[slot][n] == '\0')
			return k->index[slot];
	k->used[slot] = true;
	memcpy(k->key[slot], s, n);
	k->key[slot][n] = '\0';
	k->index[slot] = k->count;
	return k->count++;
}

struct bench_cell {
	size_t	row, col;
	double	value;
};

/* Cells collected while reading, before the matrix size is known. */
struct bench_cells {
	struct bench_cell	*cell;
	size_t			 count, cap;
};

static int
bench_cells_add(struct bench_cells *c, size_t row, size_t col, double value)
{
	struct bench_cell *grown;

	if (c->count == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 1 << 16;
		if ((grown = realloc(c->cell, c->cap * sizeof(*grown))) == NULL)
			return -1;
		c->cell = grown;
	}
	c->cell[c->count].row = row;
	c->cell[c->count].col = col;
	c->cell[c->count].value = value;
	c->count++;
	return 0;
}

/* The dense matrix from the cells. */
static int
bench_fill(struct bench_matrix *m, const struct bench_cells *c, size_t rows,
    size_t cols)
{
	size_t n;

	m->rows = rows;
	m->cols = cols;
	m->cells = c->count;
	if ((m->value = calloc(rows * cols, sizeof(double))) == NULL)
		return -1;
	for (n = 0; n < c->count; n++)
		m->value[c->cell[n].row * cols + c->cell[n].col] = c->cell[n].value;
	return 0;
}

/* Reads a long CSV file with the project's reader (src/io/csv.h): `fields`
 * columns, the header skipped; calls `cell` for every record. */
static int
bench_read_csv(const char *path, size_t fields,
    int (*cell)(const struct csv_field *f, void *arg), void *arg)
{
	struct csv_reader *r;
	struct csv_record *rec;
	struct error e;
	enum csv_status st;
	int rc = -1;

	if (csv_open_file(path, NULL, &r, &e) != 0) {
		printf("  %s\n", e.message);
		return -1;
	}
	while ((st = csv_next(r, &rec, &e)) == CSV_RECORD) {
		if (rec->number == 1)
			continue;
		if (rec->count != fields) {
			printf("  %s:%ld: %zu fields, expected %zu\n", path, rec->line,
			    rec->count, fields);
			goto done;
		}
		if (cell(rec->fields, arg) != 0) {
			printf("  %s:%ld: bad record\n", path, rec->line);
			goto done;
		}
	}
	if (st == CSV_ERROR) {
		printf("  %s\n", e.message);
		goto done;
	}
	rc = 0;
done:
	csv_close(r);
	return rc;
}

struct bench_adh {
	struct bench_keys	*cols, *groups;
	struct bench_cells	 cells;
	size_t			 col_group[1024];
	size_t			 maxrow;
};

/* ADH long format: "row","czone","t2","sic","share". Columns are the distinct
 * (t2, sic) pairs (770), rows 1..1444 (two all-zero rows have no cells); groups
 * are the first two digits of the SIC code. */
static int
bench_adh_cell(const struct csv_field *f, void *arg)
{
	struct bench_adh *a = arg;
	long long row;
	double v;
	char key[8];
	size_t col;

	if (text_parse_int(f[0].data, f[0].len, &row) != 0 || row < 1 ||
	    f[3].len != 4 || f[2].len == 0 ||
	    text_parse_double(f[4].data, f[4].len, '.', &v) != 0)
		return -1;
	snprintf(key, sizeof(key), "%c%.4s", f[2].data[0], f[3].data);
	col = bench_key_index(a->cols, key, 5);
	if (col >= 1024)
		return -1;
	a->col_group[col] = bench_key_index(a->groups, f[3].data, 2);
	if ((size_t)row > a->maxrow)
		a->maxrow = (size_t)row;
	return bench_cells_add(&a->cells, (size_t)row - 1, col, v);
}

static int
bench_parse_adh(const char *path, struct bench_matrix *m)
{
	struct bench_adh a;
	int rc = -1;

	memset(&a, 0, sizeof(a));
	a.cols = calloc(1, sizeof(*a.cols));
	a.groups = calloc(1, sizeof(*a.groups));
	if (a.cols == NULL || a.groups == NULL ||
	    bench_read_csv(path, 5, bench_adh_cell, &a) != 0 ||
	    bench_fill(m, &a.cells, a.maxrow, a.cols->count) != 0)
		goto done;
	m->groups = a.groups->count;
	if ((m->group = malloc(m->cols * sizeof(size_t))) == NULL)
		goto done;
	memcpy(m->group, a.col_group, m->cols * sizeof(size_t));
	rc = 0;
done:
	free(a.cells.cell);
	free(a.cols);
	free(a.groups);
	return rc;
}

struct bench_trade {
	struct bench_keys	*rows, *cols, *groups;
	struct bench_cells	 cells;
	size_t			 col_group[4096];
};

/* Trade: "country","product","value"; groups are SITC 2-digit divisions. */
static int
bench_trade_cell(const struct csv_field *f, void *arg)
{
	struct bench_trade *t = arg;
	size_t row, col;
	double v;

	if (f[1].len < 2 || text_parse_double(f[2].data, f[2].len, '.', &v) != 0)
		return -1;
	row = bench_key_index(t->rows, f[0].data, f[0].len);
	col = bench_key_index(t->cols, f[1].data, f[1].len);
	if (col >= 4096)
		return -1;
	t->col_group[col] = bench_key_index(t->groups, f[1].data, 2);
	return bench_cells_add(&t->cells, row, col, v);
}

static int
bench_parse_trade(const char *path, struct bench_matrix *m)
{
	struct bench_trade t;
	int rc = -1;

	memset(&t, 0, sizeof(t));
	t.rows = calloc(1, sizeof(*t.rows));
	t.cols = calloc(1, sizeof(*t.cols));
	t.groups = calloc(1, sizeof(*t.groups));
	if (t.rows == NULL || t.cols == NULL || t.groups == NULL ||
	    bench_read_csv(path, 3, bench_trade_cell, &t) != 0 ||
	    bench_fill(m, &t.cells, t.rows->count, t.cols->count) != 0)
		goto done;
	m->groups = t.groups->count;
	if ((m->group = malloc(m->cols * sizeof(size_t))) == NULL)
		goto done;
	memcpy(m->group, t.col_group, m->cols * sizeof(size_t));
	rc = 0;
done:
	free(t.cells.cell);
	free(t.rows);
	free(t.cols);
	free(t.groups);
	return rc;
}

/* What one pass of a measure over every row leaves behind, so the work cannot be
 * optimised away and the output says something checkable. */
struct bench_tally {
	double	sum;		/* Σ of the computed values */
	size_t	computed;
	size_t	failed;
};

enum bench_measure {
	BENCH_HERFINDAHL,
	BENCH_ENTROPY,
	BENCH_KRUGMAN,
	BENCH_LQ,
	BENCH_VARIETY,
	BENCH_PROFILE,
	BENCH__MAX
};

static const char *const bench_measure_names[BENCH__MAX] = {
	"herfindahl (H, H*, 1/H)",
	"entropy (bits)",
	"krugman (+ column sums)",
	"location quotients",
	"variety (E, UV, RV)",
	"all of the above",
};

struct bench_work {
	double			*colsum, *comp, *group_ws;
	struct structure_lq	*lq;		/* rows × cols */
};

static void
bench_tally_measure(struct bench_tally *t, const struct structure_measure *m)
{
	if (m->status == STRUCTURE_OK) {
		t->sum += m->value;
		t->computed++;
	} else {
		t->failed++;
	}
}

static void
bench_pass(enum bench_measure which, const struct bench_matrix *bm,
    struct bench_work *w, struct bench_tally *t)
{
	struct structure_matrix m = { bm->value, NULL, bm->rows, bm->cols };
	struct variety_groups groups = { bm->group, bm->cols, bm->groups };
	struct structure_reference ref;
	struct structure_values row;
	struct structure_herfindahl h;
	struct structure_measure e;
	struct structure_lq_summary lqs;
	struct variety_result v;
	struct structure_profile_input in;
	struct structure_profile prof;
	size_t r, j;

	memset(t, 0, sizeof(*t));
	if (which == BENCH_KRUGMAN || which == BENCH_LQ || which == BENCH_PROFILE)
		structure_matrix_reference(&m, w->colsum, w->comp, &ref);
	for (r = 0; r < bm->rows; r++) {
		row = structure_matrix_row(&m, r);
		switch (which) {
		case BENCH_HERFINDAHL:
			structure_herfindahl(&row, &h);
			bench_tally_measure(t, &h.hhi);
			break;
		case BENCH_ENTROPY:
			structure_entropy(&row, STRUCTURE_BASE_2, &e);
			bench_tally_measure(t, &e);
			break;
		case BENCH_KRUGMAN:
			structure_krugman(&row, &ref, &e);
			bench_tally_measure(t, &e);
			break;
		case BENCH_LQ:
			structure_location_quotients(&row, NULL, &ref,
			    w->lq + r * bm->cols, &lqs);
			t->computed += lqs.computed;
			t->failed += lqs.not_computable;
			for (j = 0; j < bm->cols; j++)
				if (w->lq[r * bm->cols + j].status == STRUCTURE_OK)
					t->sum += w->lq[r * bm->cols + j].value;
			break;
		case BENCH_VARIETY:
			variety_compute(&row, &groups, STRUCTURE_BASE_2, w->group_ws,
			    &v);
			bench_tally_measure(t, &v.related);
			break;
		case BENCH_PROFILE:
			in.region = row;
			in.reference = &ref;
			in.groups = &groups;
			in.group_workspace = w->group_ws;
			in.base = STRUCTURE_BASE_2;
			in.lq = w->lq + r * bm->cols;
			structure_profile_compute(&in, &prof);
			bench_tally_measure(t, &prof.krugman);
			break;
		case BENCH__MAX:
			break;
		}
	}
}

static void
bench_run(const struct bench_matrix *bm)
{
	struct bench_work w;
	struct bench_tally t;
	double best, t0, dt;
	size_t k;
	int which;

	w.colsum = malloc(bm->cols * sizeof(double));
	w.comp = malloc(bm->cols * sizeof(double));
	w.group_ws = malloc(VARIETY_WORKSPACE(bm->groups) * sizeof(double));
	w.lq = malloc(bm->rows * bm->cols * sizeof(*w.lq));
	if (w.colsum == NULL || w.comp == NULL || w.group_ws == NULL || w.lq == NULL) {
		printf("  out of memory\n");
		goto done;
	}
	printf("%s: %zu rows x %zu columns (%zu non-zero cells read), %zu column groups\n",
	    bm->name, bm->rows, bm->cols, bm->cells, bm->groups);
	printf("  read and parse (src/io/csv.h) into the dense matrix: %.4f s\n",
	    bm->parse_seconds);
	printf("  %-26s %12s %12s %10s %8s  %s\n", "measure", "s per pass",
	    "us per row", "computed", "status", "mean of computed values");
	for (which = 0; which < BENCH__MAX; which++) {
		best = INFINITY;
		for (k = 0; k < BENCH_PASSES; k++) {
			t0 = bench_now();
			bench_pass(which, bm, &w, &t);
			dt = bench_now() - t0;
			if (dt < best)
				best = dt;
		}
		printf("  %-26s %12.6f %12.3f %10zu %8zu  %.6g\n",
		    bench_measure_names[which], best, best / (double)bm->rows * 1e6,
		    t.computed, t.failed,
		    t.computed > 0 ? t.sum / (double)t.computed : NAN);
	}
	printf("  (\"status\": rows or cells not computable, e.g. all-zero rows)\n");
done:
	free(w.colsum);
	free(w.comp);
	free(w.group_ws);
	free(w.lq);
}

static int
bench_load(const char *dir, const char *work, const char *file, const char *name,
    int (*parse)(const char *, struct bench_matrix *), struct bench_matrix *m)
{
	char src[4096], dst[4096];
	double t0, unzip;

	memset(m, 0, sizeof(*m));
	m->name = name;
	snprintf(src, sizeof(src), "%s/%s.csv.gz", dir, file);
	snprintf(dst, sizeof(dst), "%s/structure-%s.csv", work,
	    strrchr(file, '/') + 1);
	if (!bench_exists(src)) {
		printf("%s: %s not found, skipped\n", name, src);
		return -1;
	}
	if ((unzip = bench_decompress(src, dst)) < 0) {
		printf("%s: gzip -dc %s failed, skipped\n", name, src);
		return -1;
	}
	if (unzip > 0)
		printf("%s: decompressed %s with gzip -dc in %.3f s\n", name, src,
		    unzip);
	t0 = bench_now();
	if (parse(dst, m) != 0) {
		printf("%s: cannot parse %s\n", name, dst);
		free(m->value);
		free(m->group);
		return -1;
	}
	m->parse_seconds = bench_now() - t0;
	return 0;
}

int
main(void)
{
	const char *build = getenv("BUILD");
	char dir[4096], work[4096];
	struct bench_matrix m;

	if (bench_data_dir(dir, sizeof(dir)) != 0) {
		printf("structure: shared data folder not found (set WIALL_BENCH_DATA): "
		    "skipped\n");
		return 0;
	}
	snprintf(work, sizeof(work), "%s/bench-work", build != NULL ? build : "build");
	mkdir(work, 0755);
	printf("structure measures (METHODS §3) per row of a regions x sectors matrix,\n"
	    "best of %d passes, parsing excluded; data from %s:\n"
	    "  adh/ADH_W_long_nonzero.csv.gz (Autor, Dorn & Hanson 2013, via the R "
	    "package ShiftShareSE)\n"
	    "  trade/world_trade_avg_1998_to_2000.csv.gz (via the R package "
	    "economiccomplexity)\n"
	    "reader: src/io/csv.h, numbers by text_parse_double()\n"
	    "for scale: EconGeo (R) needs about 0.04-0.07 s per measure on ADH\n\n",
	    BENCH_PASSES, dir);
	if (bench_load(dir, work, "adh/ADH_W_long_nonzero", "ADH (czone x period, SIC)",
	    bench_parse_adh, &m) == 0) {
		bench_run(&m);
		free(m.value);
		free(m.group);
	}
	printf("\n");
	if (bench_load(dir, work, "trade/world_trade_avg_1998_to_2000",
	    "trade (country, SITC-4)", bench_parse_trade, &m) == 0) {
		bench_run(&m);
		free(m.value);
		free(m.group);
	}
	return 0;
}
