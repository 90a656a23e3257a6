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
 * benchmark says so and exits 0. Parsing uses a small dedicated parser below:
 * the project's CSV reader (src/io/csv.h) had not landed when this was written. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/structure.h"
#include "core/variety.h"

#define BENCH_PASSES	15	/* each measure: best of this many passes */

struct bench_matrix {
	const char	*name;
	double		*value;		/* rows × cols, row-major */
	size_t		 rows, cols;
	size_t		 cells;		/* non-zero cells read */
	size_t		*group;		/* cols: group index of each column */
	size_t		 groups;
	double		 read_seconds, parse_seconds;
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

static char *
bench_read(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *data;
	long n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	data = malloc((size_t)n + 1);
	if (data == NULL || fread(data, 1, (size_t)n, fp) != (size_t)n) {
		free(data);
		fclose(fp);
		return NULL;
	}
	data[n] = '\0';
	*len = (size_t)n;
	fclose(fp);
	return data;
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

/* The next comma-separated field of *p, quotes stripped; advances *p. */
static const char *
bench_field(char **p, size_t *n)
{
	char *s = *p, *e;

	if (*s == '"') {
		s++;
		e = strchr(s, '"');
		if (e == NULL)
			return NULL;
		*n = (size_t)(e - s);
		e++;
	} else {
		e = s + strcspn(s, ",\r\n");
		*n = (size_t)(e - s);
	}
	if (*e == ',')
		e++;
	*p = e;
	return s;
}

static void
bench_next_line(char **p)
{
	*p += strcspn(*p, "\n");
	if (**p == '\n')
		(*p)++;
}

struct bench_cell {
	size_t	row, col;
	double	value;
};

/* ADH long format: "row","czone","t2","sic","share". Columns are the distinct
 * (t2, sic) pairs (770), rows 1..1444 (two all-zero rows have no cells); groups
 * are the first two digits of the SIC code. */
static int
bench_parse_adh(char *text, struct bench_matrix *m)
{
	struct bench_keys *cols = calloc(1, sizeof(*cols));
	struct bench_keys *groups = calloc(1, sizeof(*groups));
	struct bench_cell *cells = NULL;
	size_t ncells = 0, cap = 0, n, i, row, maxrow = 0, col;
	size_t *col_group = calloc(1024, sizeof(size_t));
	const char *f[5];
	size_t fl[5];
	char key[16], *p = text, *end;
	int rc = -1;

	if (cols == NULL || groups == NULL || col_group == NULL)
		goto done;
	bench_next_line(&p);
	while (*p != '\0') {
		for (i = 0; i < 5; i++)
			if ((f[i] = bench_field(&p, &fl[i])) == NULL)
				goto done;
		bench_next_line(&p);
		row = strtoul(f[0], &end, 10);
		if (row == 0 || fl[3] != 4)
			goto done;
		snprintf(key, sizeof(key), "%c%.4s", f[2][0], f[3]);
		col = bench_key_index(cols, key, 5);
		if (ncells == cap) {
			cap = cap ? 2 * cap : 1 << 16;
			if ((cells = realloc(cells, cap * sizeof(*cells))) == NULL)
				goto done;
		}
		if (col < 1024)
			col_group[col] = bench_key_index(groups, f[3], 2);
		cells[ncells].row = row - 1;
		cells[ncells].col = col;
		cells[ncells].value = strtod(f[4], NULL);
		ncells++;
		if (row > maxrow)
			maxrow = row;
	}
	if (cols->count > 1024)
		goto done;
	m->rows = maxrow;
	m->cols = cols->count;
	m->cells = ncells;
	m->value = calloc(m->rows * m->cols, sizeof(double));
	m->group = col_group;
	col_group = NULL;
	m->groups = groups->count;
	if (m->value == NULL)
		goto done;
	for (n = 0; n < ncells; n++)
		m->value[cells[n].row * m->cols + cells[n].col] = cells[n].value;
	rc = 0;
done:
	free(cells);
	free(col_group);
	free(cols);
	free(groups);
	return rc;
}

/* Trade: "country","product","value"; groups are SITC 2-digit divisions. */
static int
bench_parse_trade(char *text, struct bench_matrix *m)
{
	struct bench_keys *rows = calloc(1, sizeof(*rows));
	struct bench_keys *cols = calloc(1, sizeof(*cols));
	struct bench_keys *groups = calloc(1, sizeof(*groups));
	struct bench_cell *cells = NULL;
	size_t ncells = 0, cap = 0, n, i, col_group[4096];
	const char *f[3];
	size_t fl[3];
	char *p = text;
	int rc = -1;

	if (rows == NULL || cols == NULL || groups == NULL)
		goto done;
	bench_next_line(&p);
	while (*p != '\0') {
		for (i = 0; i < 3; i++)
			if ((f[i] = bench_field(&p, &fl[i])) == NULL)
				goto done;
		bench_next_line(&p);
		if (ncells == cap) {
			cap = cap ? 2 * cap : 1 << 16;
			if ((cells = realloc(cells, cap * sizeof(*cells))) == NULL)
				goto done;
		}
		cells[ncells].row = bench_key_index(rows, f[0], fl[0]);
		cells[ncells].col = bench_key_index(cols, f[1], fl[1]);
		if (cells[ncells].col >= 4096 || fl[1] < 2)
			goto done;
		col_group[cells[ncells].col] = bench_key_index(groups, f[1], 2);
		cells[ncells].value = strtod(f[2], NULL);
		ncells++;
	}
	m->rows = rows->count;
	m->cols = cols->count;
	m->cells = ncells;
	m->groups = groups->count;
	m->value = calloc(m->rows * m->cols, sizeof(double));
	m->group = malloc(m->cols * sizeof(size_t));
	if (m->value == NULL || m->group == NULL)
		goto done;
	memcpy(m->group, col_group, m->cols * sizeof(size_t));
	for (n = 0; n < ncells; n++)
		m->value[cells[n].row * m->cols + cells[n].col] = cells[n].value;
	rc = 0;
done:
	free(cells);
	free(rows);
	free(cols);
	free(groups);
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
	printf("  read file %.4f s, parse into the dense matrix %.4f s\n",
	    bm->read_seconds, bm->parse_seconds);
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
    int (*parse)(char *, struct bench_matrix *), struct bench_matrix *m)
{
	char src[4096], dst[4096];
	size_t len;
	double t0, unzip;
	char *text;

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
	text = bench_read(dst, &len);
	m->read_seconds = bench_now() - t0;
	if (text == NULL) {
		printf("%s: cannot read %s: %s\n", name, dst, strerror(errno));
		return -1;
	}
	t0 = bench_now();
	if (parse(text, m) != 0) {
		printf("%s: cannot parse %s\n", name, dst);
		free(text);
		return -1;
	}
	m->parse_seconds = bench_now() - t0;
	free(text);
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
	    "parser: a dedicated one in bench/structure.c (the project CSV reader "
	    "had not landed)\n"
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
