/*
 * Reading COINr's iData/iMeta (METHODS §4): iMeta says what each column of iData
 * is (Type Indicator, Aggregate, Group, Denominator; "Other" rows are ignored)
 * and, for indicators and aggregates, the level, the parent, the weight and, for
 * indicators, the explicit direction, target and denominator. Optional columns
 * goalpost_lower and goalpost_upper give per-indicator goalposts. Two passes:
 * iMeta first, so that iData's header can be checked against it.
 */
#include "io/coinr.h"

#include <math.h>
#include <string.h>

#include "io/csv.h"
#include "util/text.h"

enum meta_column {
	META_CODE, META_LEVEL, META_TYPE, META_PARENT, META_WEIGHT,
	META_DIRECTION, META_TARGET, META_DENOMINATOR, META_GOAL_LOWER,
	META_GOAL_UPPER, META__MAX
};

static const char *const meta_names[META__MAX] = {
	"iCode", "Level", "Type", "Parent", "Weight", "Direction", "Target",
	"Denominator", "goalpost_lower", "goalpost_upper"
};

struct meta_row {
	const char	*code, *type, *parent, *denominator;
	long		 line;
	long		 column[META__MAX];	/* of each field on the row */
	long long	 level;
	double		 weight, target, goal_lower, goal_upper;
	long long	 direction;
	bool		 has_level, has_direction;
};

static int
coinr_located(struct error *e, const char *path, long line, long column,
    const char *fmt, const char *a, const char *b)
{
	char msg[512];

	snprintf(msg, sizeof(msg), fmt, a, b);
	return error_set(e, "%s:%ld:%ld: %s", path, line, column, msg);
}

/* A number field: empty or NA is missing; otherwise it must parse. */
static int
coinr_number(const struct csv_field *f, double *out)
{
	if (f->len == 0 || text_equal(f->data, f->len, "NA")) {
		*out = NAN;
		return 0;
	}
	return text_parse_double(f->data, f->len, '.', out);
}

static const struct csv_field *
coinr_field(const struct csv_record *rec, long index)
{
	static const struct csv_field empty = { "", 0, 0, 0, false };

	if (index < 0 || (size_t)index >= rec->count)
		return &empty;
	return &rec->fields[index];
}

static int
coinr_read_meta(const char *path, struct arena *a, struct meta_row **rows_out,
    size_t *n_out, struct error *e)
{
	struct csv_reader *r;
	struct csv_record *rec;
	struct meta_row *rows = NULL;
	size_t n = 0, cap = 0, j;
	long col[META__MAX];
	enum csv_status st;
	int k, rc = -1;

	if (csv_open_file(path, NULL, &r, e) < 0)
		return -1;
	st = csv_next(r, &rec, e);
	if (st != CSV_RECORD) {
		if (st == CSV_END)
			error_set(e, "%s:1:1: empty file (an iMeta table needs a "
			    "header with iCode, Level, Type...)", path);
		goto done;
	}
	for (k = 0; k < META__MAX; k++) {
		col[k] = -1;
		for (j = 0; j < rec->count; j++)
			if (strcmp(rec->fields[j].data, meta_names[k]) == 0)
				col[k] = (long)j;
	}
	for (k = 0; k <= META_TYPE; k++)
		if (col[k] < 0) {
			error_set(e, "%s:1:1: no column %s in the header", path,
			    meta_names[k]);
			goto done;
		}
	while ((st = csv_next(r, &rec, e)) == CSV_RECORD) {
		struct meta_row *m;
		const struct csv_field *f;
		double v;

		if (n == cap) {
			struct meta_row *grown;

			cap = cap ? cap * 2 : 64;
			grown = arena_alloc(a, cap * sizeof(*grown));
			if (n > 0)
				memcpy(grown, rows, n * sizeof(*grown));
			rows = grown;
		}
		m = &rows[n];
		memset(m, 0, sizeof(*m));
		m->line = rec->line;
		for (k = 0; k < META__MAX; k++)
			m->column[k] = coinr_field(rec, col[k])->column;
		m->code = arena_strdup(a, coinr_field(rec, col[META_CODE])->data);
		m->type = arena_strdup(a, coinr_field(rec, col[META_TYPE])->data);
		m->parent = arena_strdup(a, coinr_field(rec, col[META_PARENT])->data);
		m->denominator = arena_strdup(a,
		    coinr_field(rec, col[META_DENOMINATOR])->data);
		if (m->code[0] == '\0') {
			error_set(e, "%s:%ld:%ld: empty iCode", path, m->line,
			    m->column[META_CODE]);
			goto done;
		}
		f = coinr_field(rec, col[META_LEVEL]);
		if (f->len > 0 && !text_equal(f->data, f->len, "NA")) {
			if (text_parse_int(f->data, f->len, &m->level) < 0 ||
			    m->level < 1 || m->level > 100) {
				coinr_located(e, path, f->line, f->column,
				    "Level '%s' of %s is not a level from 1 up",
				    f->data, m->code);
				goto done;
			}
			m->has_level = true;
		}
		f = coinr_field(rec, col[META_DIRECTION]);
		if (f->len > 0 && !text_equal(f->data, f->len, "NA")) {
			if (text_parse_int(f->data, f->len, &m->direction) < 0) {
				coinr_located(e, path, f->line, f->column,
				    "Direction '%s' of %s is not 1 or -1", f->data,
				    m->code);
				goto done;
			}
			m->has_direction = true;
		}
		f = coinr_field(rec, col[META_WEIGHT]);
		if (coinr_number(f, &v) < 0) {
			coinr_located(e, path, f->line, f->column,
			    "Weight '%s' of %s is not a number", f->data, m->code);
			goto done;
		}
		m->weight = isnan(v) ? 1.0 : v;	/* METHODS §4.1: default 1 */
		{
			static const int num[3] = { META_TARGET, META_GOAL_LOWER,
			    META_GOAL_UPPER };
			double *dst[3] = { &m->target, &m->goal_lower,
			    &m->goal_upper };

			for (k = 0; k < 3; k++) {
				f = coinr_field(rec, col[num[k]]);
				if (coinr_number(f, dst[k]) < 0) {
					coinr_located(e, path, f->line, f->column,
					    "%s of %s is not a number",
					    meta_names[num[k]], m->code);
					goto done;
				}
			}
		}
		n++;
	}
	if (st == CSV_ERROR)
		goto done;
	*rows_out = rows;
	*n_out = n;
	rc = 0;
done:
	csv_close(r);
	return rc;
}

static long
coinr_find(const char *const *codes, size_t n, const char *code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(codes[i], code) == 0)
			return (long)i;
	return -1;
}

long
coinr_unit(const struct coinr_coin *coin, const char *code)
{
	return coinr_find(coin->unit, coin->n_units, code);
}

int
coinr_read(const char *data_path, const char *meta_path, struct arena *a,
    struct coinr_coin *coin, struct error *e)
{
	struct meta_row *meta = NULL;
	size_t n_meta = 0, i, j, cap = 64;
	struct csv_reader *r = NULL;
	struct csv_record *rec;
	enum csv_status st;
	long *ind_col, *den_col, *grp_col, code_col = -1, name_col = -1;
	double **values_rows = NULL;
	int rc = -1;

	memset(coin, 0, sizeof(*coin));
	if (coinr_read_meta(meta_path, a, &meta, &n_meta, e) < 0)
		return -1;
	coin->nodes = arena_alloc(a, (n_meta + 1) * sizeof(*coin->nodes));
	coin->indicator = arena_alloc(a, (n_meta + 1) * sizeof(char *));
	coin->denominator = arena_alloc(a, (n_meta + 1) * sizeof(char *));
	coin->group = arena_alloc(a, (n_meta + 1) * sizeof(char *));
	for (i = 0; i < n_meta; i++) {
		const struct meta_row *m = &meta[i];

		if (strcmp(m->type, "Denominator") == 0)
			coin->denominator[coin->n_denominators++] = m->code;
		else if (strcmp(m->type, "Group") == 0)
			coin->group[coin->n_groups++] = m->code;
	}
	for (i = 0; i < n_meta; i++) {
		const struct meta_row *m = &meta[i];
		struct composite_node *node;
		bool indicator = strcmp(m->type, "Indicator") == 0;

		if (!indicator && strcmp(m->type, "Aggregate") != 0)
			continue;
		for (j = 0; j < coin->n_nodes; j++)
			if (strcmp(coin->nodes[j].code, m->code) == 0)
				return coinr_located(e, meta_path, m->line,
				    m->column[META_CODE], "iCode %s appears twice%s",
				    m->code, "");
		if (!m->has_level)
			return coinr_located(e, meta_path, m->line,
			    m->column[META_LEVEL], "%s has no Level%s", m->code, "");
		if (indicator && m->level != 1)
			return coinr_located(e, meta_path, m->line,
			    m->column[META_LEVEL], "indicator %s must be at Level "
			    "1%s", m->code, "");
		if (!indicator && m->level < 2)
			return coinr_located(e, meta_path, m->line,
			    m->column[META_LEVEL], "aggregate %s must be at Level 2 "
			    "or above%s", m->code, "");
		if (indicator && (!m->has_direction ||
		    (m->direction != 1 && m->direction != -1)))
			return coinr_located(e, meta_path, m->line,
			    m->column[META_DIRECTION], "indicator %s needs an "
			    "explicit Direction of 1 or -1%s", m->code, "");
		node = &coin->nodes[coin->n_nodes++];
		memset(node, 0, sizeof(*node));
		node->code = m->code;
		node->level = (int)m->level;
		node->parent = m->parent[0] != '\0' && strcmp(m->parent, "NA") != 0 ?
		    m->parent : NULL;
		node->weight = m->weight;
		node->direction = indicator ? (int)m->direction : 0;
		node->target = m->target;
		node->goal_lower = m->goal_lower;
		node->goal_upper = m->goal_upper;
		node->denominator = -1;
		if (indicator && m->denominator[0] != '\0' &&
		    strcmp(m->denominator, "NA") != 0) {
			long d = coinr_find(coin->denominator,
			    coin->n_denominators, m->denominator);

			if (d < 0)
				return coinr_located(e, meta_path, m->line,
				    m->column[META_DENOMINATOR], "denominator %s of "
				    "%s is not a row of Type Denominator",
				    m->denominator, m->code);
			node->denominator = d;
		}
		if (indicator)
			coin->indicator[coin->n_indicators++] = m->code;
	}
	if (coin->n_indicators == 0)
		return error_set(e, "%s: no row of Type Indicator", meta_path);

	/* iData */
	ind_col = arena_alloc(a, coin->n_indicators * sizeof(long));
	den_col = arena_alloc(a, (coin->n_denominators + 1) * sizeof(long));
	grp_col = arena_alloc(a, (coin->n_groups + 1) * sizeof(long));
	if (csv_open_file(data_path, NULL, &r, e) < 0)
		return -1;
	st = csv_next(r, &rec, e);
	if (st != CSV_RECORD) {
		if (st == CSV_END)
			error_set(e, "%s:1:1: empty file (an iData table needs a "
			    "header with uCode and the indicators)", data_path);
		goto done;
	}
	{
		const char **header = arena_alloc(a, rec->count * sizeof(char *));
		struct {
			size_t		 n;
			const char	**codes;
			long		*col;
			const char	*what;
		} need[3] = {
			{ coin->n_indicators, coin->indicator, ind_col, "indicator" },
			{ coin->n_denominators, coin->denominator, den_col,
			    "denominator" },
			{ coin->n_groups, coin->group, grp_col, "group" },
		};
		int k;

		for (j = 0; j < rec->count; j++)
			header[j] = arena_strdup(a, rec->fields[j].data);
		code_col = coinr_find(header, rec->count, "uCode");
		name_col = coinr_find(header, rec->count, "uName");
		if (code_col < 0) {
			error_set(e, "%s:1:1: no column uCode in the header",
			    data_path);
			goto done;
		}
		for (k = 0; k < 3; k++) {
			for (i = 0; i < need[k].n; i++) {
				need[k].col[i] = coinr_find(header, rec->count,
				    need[k].codes[i]);
				if (need[k].col[i] < 0) {
					error_set(e, "%s:1:1: no column for the %s "
					    "%s of %s", data_path, need[k].what,
					    need[k].codes[i], meta_path);
					goto done;
				}
			}
		}
	}
	coin->unit = arena_alloc(a, cap * sizeof(char *));
	coin->unit_name = arena_alloc(a, cap * sizeof(char *));
	values_rows = arena_alloc(a, cap * sizeof(double *));
	coin->group_value = arena_alloc(a, (coin->n_groups + 1) * sizeof(char **));
	for (i = 0; i < coin->n_groups; i++)
		coin->group_value[i] = arena_alloc(a, cap * sizeof(char *));
	while ((st = csv_next(r, &rec, e)) == CSV_RECORD) {
		size_t u = coin->n_units, width = coin->n_indicators +
		    coin->n_denominators;
		const struct csv_field *f = coinr_field(rec, code_col);
		double *row;

		if (u == cap) {
			size_t old = cap;
			const char **gu, **gn;
			double **gv;

			cap *= 2;
			gu = arena_alloc(a, cap * sizeof(char *));
			gn = arena_alloc(a, cap * sizeof(char *));
			gv = arena_alloc(a, cap * sizeof(double *));
			memcpy(gu, coin->unit, old * sizeof(char *));
			memcpy(gn, coin->unit_name, old * sizeof(char *));
			memcpy(gv, values_rows, old * sizeof(double *));
			coin->unit = gu;
			coin->unit_name = gn;
			values_rows = gv;
			for (i = 0; i < coin->n_groups; i++) {
				const char **g = arena_alloc(a, cap * sizeof(char *));

				memcpy(g, coin->group_value[i], old * sizeof(char *));
				coin->group_value[i] = g;
			}
		}
		if (f->len == 0) {
			error_set(e, "%s:%ld:%ld: empty uCode", data_path, rec->line,
			    f->column);
			goto done;
		}
		if (coinr_find(coin->unit, u, f->data) >= 0) {
			error_set(e, "%s:%ld:%ld: uCode %s appears twice", data_path,
			    rec->line, f->column, f->data);
			goto done;
		}
		coin->unit[u] = arena_strdup(a, f->data);
		coin->unit_name[u] = name_col >= 0 && coinr_field(rec,
		    name_col)->len > 0 ? arena_strdup(a, coinr_field(rec,
		    name_col)->data) : coin->unit[u];
		row = arena_alloc(a, (width + 1) * sizeof(double));
		for (i = 0; i < width; i++) {
			long c = i < coin->n_indicators ? ind_col[i] :
			    den_col[i - coin->n_indicators];

			f = coinr_field(rec, c);
			if ((size_t)c >= rec->count) {
				error_set(e, "%s:%ld: the row has %zu fields, the "
				    "header more", data_path, rec->line, rec->count);
				goto done;
			}
			if (coinr_number(f, &row[i]) < 0) {
				error_set(e, "%s:%ld:%ld: '%s' is not a number "
				    "(column %s)", data_path, f->line, f->column,
				    f->data, i < coin->n_indicators ?
				    coin->indicator[i] :
				    coin->denominator[i - coin->n_indicators]);
				goto done;
			}
		}
		for (i = 0; i < coin->n_groups; i++) {
			f = coinr_field(rec, grp_col[i]);
			coin->group_value[i][u] = f->len == 0 || text_equal(f->data,
			    f->len, "NA") ? "" : arena_strdup(a, f->data);
		}
		values_rows[u] = row;
		coin->n_units++;
	}
	if (st == CSV_ERROR)
		goto done;
	if (coin->n_units == 0) {
		error_set(e, "%s: no units", data_path);
		goto done;
	}
	coin->values = arena_alloc(a, coin->n_units * coin->n_indicators *
	    sizeof(double));
	coin->denominators = arena_alloc(a, (coin->n_units *
	    coin->n_denominators + 1) * sizeof(double));
	for (i = 0; i < coin->n_units; i++) {
		for (j = 0; j < coin->n_indicators; j++)
			coin->values[j * coin->n_units + i] = values_rows[i][j];
		for (j = 0; j < coin->n_denominators; j++)
			coin->denominators[j * coin->n_units + i] =
			    values_rows[i][coin->n_indicators + j];
	}
	rc = 0;
done:
	csv_close(r);
	return rc;
}

int
coinr_prepare(const struct coinr_coin *coin, const char *group,
    struct arena *a, struct composite_hierarchy *h, struct composite_data *d,
    struct error *e)
{
	size_t i, k, n_seen = 0;
	int *unit_group = NULL;

	if (composite_hierarchy_build(h, a, coin->nodes, coin->n_nodes, e) < 0)
		return -1;
	memset(d, 0, sizeof(*d));
	d->n_units = coin->n_units;
	d->unit = coin->unit;
	d->values = coin->values;
	d->n_denominators = coin->n_denominators;
	d->denominators = coin->denominators;
	if (group != NULL) {
		long g = coinr_find(coin->group, coin->n_groups, group);
		const char **seen;

		if (g < 0)
			return error_set(e, "no group column %s (the groups are the "
			    "rows of Type Group in iMeta)", group);
		unit_group = arena_alloc(a, coin->n_units * sizeof(int));
		seen = arena_alloc(a, coin->n_units * sizeof(char *));
		for (i = 0; i < coin->n_units; i++) {
			const char *v = coin->group_value[g][i];

			unit_group[i] = -1;
			if (v[0] == '\0')
				continue;
			for (k = 0; k < n_seen && strcmp(seen[k], v) != 0; k++)
				;
			if (k == n_seen)
				seen[n_seen++] = v;
			unit_group[i] = (int)k;
		}
		d->group = unit_group;
	}
	return 0;
}
