/* Loads the ASEM data of tests/data/composite (COINr's iData/iMeta, see
 * SOURCES.md) through io/coinr, and reads other small CSV tables through io/csv,
 * for the composite-index tests. Everything lives in the caller's arena. */
#ifndef WIALL_TESTS_COMPOSITE_TESTDATA_H
#define WIALL_TESTS_COMPOSITE_TESTDATA_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/composite.h"
#include "io/coinr.h"
#include "io/csv.h"
#include "util/arena.h"
#include "util/text.h"

/* A whole CSV table as strings, row by row. */
struct testdata_table {
	size_t	 rows, cols;
	char	**header;
	char	**cell;
};

static inline int
testdata_read(struct arena *a, const char *path, struct testdata_table *t)
{
	struct csv_reader *r;
	struct csv_record *rec;
	struct error e;
	size_t cap = 64, j;
	char **cells;

	memset(t, 0, sizeof(*t));
	if (csv_open_file(path, NULL, &r, &e) < 0)
		return -1;
	if (csv_next(r, &rec, &e) != CSV_RECORD) {
		csv_close(r);
		return -1;
	}
	t->cols = rec->count;
	t->header = arena_alloc(a, t->cols * sizeof(char *));
	for (j = 0; j < t->cols; j++)
		t->header[j] = arena_strdup(a, rec->fields[j].data);
	cells = arena_alloc(a, cap * t->cols * sizeof(char *));
	while (csv_next(r, &rec, &e) == CSV_RECORD) {
		if (t->rows == cap) {
			char **grown = arena_alloc(a, 2 * cap * t->cols * sizeof(char *));

			memcpy(grown, cells, cap * t->cols * sizeof(char *));
			cells = grown;
			cap *= 2;
		}
		for (j = 0; j < t->cols; j++)
			cells[t->rows * t->cols + j] = arena_strdup(a,
			    j < rec->count ? rec->fields[j].data : "");
		t->rows++;
	}
	csv_close(r);
	t->cell = cells;
	return 0;
}

static inline const char *
testdata_cell(const struct testdata_table *t, size_t row, const char *name)
{
	size_t j;

	for (j = 0; j < t->cols; j++)
		if (strcmp(t->header[j], name) == 0)
			return t->cell[row * t->cols + j];
	return "";
}

static inline double
testdata_number(const char *s)
{
	double v;

	if (s[0] == '\0' || strcmp(s, "NA") == 0 ||
	    text_parse_double(s, strlen(s), '.', &v) < 0)
		return NAN;
	return v;
}

/* The ASEM coin: hierarchy and data (denominators Area, Energy, GDP,
 * Population; groups by `group_column`, NULL for none). */
struct testdata_coin {
	struct coinr_coin		 coin;
	struct composite_hierarchy	 h;
	struct composite_data		 d;
};

static inline int
testdata_asem(struct arena *a, const char *group_column, struct testdata_coin *c)
{
	struct error e;

	memset(c, 0, sizeof(*c));
	if (coinr_read("tests/data/composite/ASEM_iData.csv",
	    "tests/data/composite/ASEM_iMeta.csv", a, &c->coin, &e) < 0 ||
	    coinr_prepare(&c->coin, group_column, a, &c->h, &c->d, &e) < 0) {
		fprintf(stderr, "%s\n", e.message);
		return -1;
	}
	return 0;
}

static inline long
testdata_unit(const struct testdata_coin *c, const char *code)
{
	return coinr_unit(&c->coin, code);
}

#endif
