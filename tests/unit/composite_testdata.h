/* Test-only reader of COINr's iData/iMeta CSV files (plain comma-separated, double
 * quotes, no embedded newlines), to load the ASEM data of tests/data/composite into
 * a hierarchy and a data set. Everything lives in the caller's arena. Not part of
 * wiall: the program reads these files through src/io. */
#ifndef WIALL_TESTS_COMPOSITE_TESTDATA_H
#define WIALL_TESTS_COMPOSITE_TESTDATA_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/composite.h"
#include "util/arena.h"

struct testdata_table {
	size_t	 rows, cols;
	char	**header;
	char	**cell;		/* rows x cols, row by row */
};

static inline size_t
testdata_split(struct arena *a, char *line, char **out, size_t max)
{
	size_t n = 0;
	char *p = line;

	while (n < max) {
		char field[4096];
		size_t k = 0;

		if (*p == '"') {
			p++;
			while (*p != '\0' && !(*p == '"' && p[1] != '"')) {
				if (*p == '"')
					p++;
				if (k < sizeof(field) - 1)
					field[k++] = *p;
				p++;
			}
			if (*p == '"')
				p++;
		} else {
			while (*p != '\0' && *p != ',' && *p != '\n' && *p != '\r') {
				if (k < sizeof(field) - 1)
					field[k++] = *p;
				p++;
			}
		}
		field[k] = '\0';
		out[n++] = arena_strdup(a, field);
		if (*p != ',')
			break;
		p++;
	}
	return n;
}

static inline int
testdata_read(struct arena *a, const char *path, struct testdata_table *t)
{
	FILE *fp = fopen(path, "r");
	char line[65536], *fields[512];
	size_t cap = 64;

	memset(t, 0, sizeof(*t));
	if (fp == NULL)
		return -1;
	if (fgets(line, sizeof(line), fp) == NULL) {
		fclose(fp);
		return -1;
	}
	t->cols = testdata_split(a, line, fields, 512);
	t->header = arena_alloc(a, t->cols * sizeof(char *));
	memcpy(t->header, fields, t->cols * sizeof(char *));
	t->cell = malloc(cap * t->cols * sizeof(char *));
	while (fgets(line, sizeof(line), fp) != NULL) {
		size_t n = testdata_split(a, line, fields, 512), j;

		if (t->rows == cap) {
			cap *= 2;
			t->cell = realloc(t->cell, cap * t->cols * sizeof(char *));
		}
		for (j = 0; j < t->cols; j++)
			t->cell[t->rows * t->cols + j] = j < n ? fields[j] : "";
		t->rows++;
	}
	fclose(fp);
	{
		char **kept = arena_alloc(a, (t->rows * t->cols + 1) * sizeof(char *));

		memcpy(kept, t->cell, t->rows * t->cols * sizeof(char *));
		free(t->cell);
		t->cell = kept;
	}
	return 0;
}

static inline long
testdata_column(const struct testdata_table *t, const char *name)
{
	size_t j;

	for (j = 0; j < t->cols; j++)
		if (strcmp(t->header[j], name) == 0)
			return (long)j;
	return -1;
}

static inline const char *
testdata_cell(const struct testdata_table *t, size_t row, const char *name)
{
	long j = testdata_column(t, name);

	return j < 0 ? "" : t->cell[row * t->cols + (size_t)j];
}

static inline double
testdata_number(const char *s)
{
	return s[0] == '\0' || strcmp(s, "NA") == 0 ? NAN : strtod(s, NULL);
}

/* The ASEM coin: hierarchy, data (denominators Area, Energy, GDP, Population),
 * groups by the column `group_column`. */
struct testdata_coin {
	struct composite_hierarchy	 h;
	struct composite_data		 d;
	const char			**unit_name;
	size_t				 n_denominators;
	const char			**denominator_code;
};

static inline int
testdata_asem(struct arena *a, const char *group_column, struct testdata_coin *c)
{
	struct testdata_table meta, data;
	struct composite_node *nodes;
	const char *dir = "tests/data/composite/";
	char path[512];
	size_t i, k, n = 0, nd = 0, m;
	double *values, *den;
	int *group;
	const char **groups_seen;
	size_t n_groups = 0;
	struct error e;

	memset(c, 0, sizeof(*c));
	snprintf(path, sizeof(path), "%sASEM_iMeta.csv", dir);
	if (testdata_read(a, path, &meta) < 0)
		return -1;
	snprintf(path, sizeof(path), "%sASEM_iData.csv", dir);
	if (testdata_read(a, path, &data) < 0)
		return -1;
	nodes = arena_alloc(a, meta.rows * sizeof(*nodes));
	c->denominator_code = arena_alloc(a, meta.rows * sizeof(char *));
	for (i = 0; i < meta.rows; i++)
		if (strcmp(testdata_cell(&meta, i, "Type"), "Denominator") == 0)
			c->denominator_code[nd++] = testdata_cell(&meta, i, "iCode");
	c->n_denominators = nd;
	for (i = 0; i < meta.rows; i++) {
		const char *type = testdata_cell(&meta, i, "Type");
		const char *dn = testdata_cell(&meta, i, "Denominator");
		struct composite_node *node = &nodes[n];

		if (strcmp(type, "Indicator") != 0 && strcmp(type, "Aggregate") != 0)
			continue;
		node->code = testdata_cell(&meta, i, "iCode");
		node->level = atoi(testdata_cell(&meta, i, "Level"));
		node->parent = testdata_cell(&meta, i, "Parent");
		node->weight = testdata_number(testdata_cell(&meta, i, "Weight"));
		node->direction = atoi(testdata_cell(&meta, i, "Direction"));
		node->target = testdata_number(testdata_cell(&meta, i, "Target"));
		node->goal_lower = node->goal_upper = NAN;
		node->denominator = -1;
		for (k = 0; k < nd; k++)
			if (strcmp(dn, c->denominator_code[k]) == 0)
				node->denominator = (long)k;
		n++;
	}
	if (composite_hierarchy_build(&c->h, a, nodes, n, &e) < 0) {
		fprintf(stderr, "%s\n", e.message);
		return -1;
	}
	m = c->h.n_indicators;
	c->d.n_units = data.rows;
	values = arena_alloc(a, data.rows * m * sizeof(double));
	den = arena_alloc(a, data.rows * (nd + 1) * sizeof(double));
	group = arena_alloc(a, data.rows * sizeof(int));
	groups_seen = arena_alloc(a, data.rows * sizeof(char *));
	c->d.unit = (const char *const *)arena_alloc(a, data.rows * sizeof(char *));
	c->unit_name = arena_alloc(a, data.rows * sizeof(char *));
	for (i = 0; i < data.rows; i++) {
		const char *g = group_column != NULL ?
		    testdata_cell(&data, i, group_column) : "";

		((const char **)c->d.unit)[i] = testdata_cell(&data, i, "uCode");
		c->unit_name[i] = testdata_cell(&data, i, "uName");
		for (k = 0; k < m; k++)
			values[k * data.rows + i] =
			    testdata_number(testdata_cell(&data, i, c->h.code[k]));
		for (k = 0; k < nd; k++)
			den[k * data.rows + i] = testdata_number(
			    testdata_cell(&data, i, c->denominator_code[k]));
		group[i] = -1;
		if (g[0] == '\0')
			continue;
		for (k = 0; k < n_groups && strcmp(groups_seen[k], g) != 0; k++)
			;
		if (k == n_groups)
			groups_seen[n_groups++] = g;
		group[i] = (int)k;
	}
	c->d.values = values;
	c->d.group = group_column != NULL ? group : NULL;
	c->d.n_denominators = nd;
	c->d.denominators = den;
	return 0;
}

static inline long
testdata_unit(const struct testdata_coin *c, const char *code)
{
	size_t i;

	for (i = 0; i < c->d.n_units; i++)
		if (strcmp(c->d.unit[i], code) == 0)
			return (long)i;
	return -1;
}

#endif
