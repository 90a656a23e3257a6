/*
 * AHP and budget weights from files for `wiall index --weights` (METHODS §4.7).
 * The core does the arithmetic (core/weights); this file turns located CSV rows
 * into matrices, one per aggregate (and per judge), and checks them first:
 * unknown codes, children of another parent, judgements that contradict their
 * reciprocal, pairs nobody judged.
 */
#include "app/index_weights.h"

#include <math.h>
#include <string.h>

#include "core/weights.h"
#include "io/csv.h"
#include "util/text.h"

/* A number or a fraction "a/b" of positive numbers. */
static int
index_weights_value(const char *s, size_t n, double *out)
{
	const char *slash = memchr(s, '/', n);
	double a, b;

	if (slash == NULL)
		return text_parse_double(s, n, '.', out);
	if (text_parse_double(s, (size_t)(slash - s), '.', &a) < 0 ||
	    text_parse_double(slash + 1, n - (size_t)(slash - s) - 1, '.', &b) < 0 ||
	    !(b != 0))
		return -1;
	*out = a / b;
	return 0;
}

static long
index_weights_column(const struct csv_record *rec, const char *name)
{
	size_t j;

	for (j = 0; j < rec->count; j++)
		if (strcmp(rec->fields[j].data, name) == 0)
			return (long)j;
	return -1;
}

/* Position of node among the children of parent p, or -1. */
static long
index_weights_child(const struct composite_hierarchy *h, size_t p, long node)
{
	size_t i;

	for (i = h->child_start[p]; i < h->child_start[p + 1]; i++)
		if ((long)h->child[i] == node)
			return (long)(i - h->child_start[p]);
	return -1;
}

struct index_weights_group {
	size_t		 parent;
	size_t		 k;		/* children */
	size_t		 n_sets;	/* judges or participants */
	const char	**who;
	double		**cells;	/* per judge: k x k, or per participant: k */
};

static struct index_weights_group *
index_weights_group(struct index_weights_group **groups, size_t *n,
    size_t *cap, const struct composite_hierarchy *h, size_t parent,
    struct arena *a)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*groups)[i].parent == parent)
			return &(*groups)[i];
	if (*n == *cap) {
		struct index_weights_group *g;

		*cap = *cap ? *cap * 2 : 8;
		g = arena_alloc(a, *cap * sizeof(*g));
		if (*n > 0)
			memcpy(g, *groups, *n * sizeof(*g));
		*groups = g;
	}
	memset(&(*groups)[*n], 0, sizeof(**groups));
	(*groups)[*n].parent = parent;
	(*groups)[*n].k = h->child_start[parent + 1] - h->child_start[parent];
	(*groups)[*n].who = arena_alloc(a, 1024 * sizeof(char *));
	(*groups)[*n].cells = arena_alloc(a, 1024 * sizeof(double *));
	return &(*groups)[(*n)++];
}

/* The judge's (or participant's) set in g, created on first use. */
static double *
index_weights_set(struct index_weights_group *g, const char *who, bool matrix,
    struct arena *a)
{
	size_t i, cells = matrix ? g->k * g->k : g->k;

	for (i = 0; i < g->n_sets; i++)
		if (strcmp(g->who[i], who) == 0)
			return g->cells[i];
	if (g->n_sets == 1024)
		return NULL;
	g->who[g->n_sets] = arena_strdup(a, who);
	g->cells[g->n_sets] = arena_alloc(a, cells * sizeof(double));
	for (i = 0; i < cells; i++)
		g->cells[g->n_sets][i] = matrix ? (i % (g->k + 1) == 0 ? 1.0 : NAN) :
		    0.0;
	return g->cells[g->n_sets++];
}

int
index_weights_load(struct index_model *m, const char *text, struct arena *a,
    struct index_weights_report *report, struct error *e)
{
	const struct composite_hierarchy *h = &m->h;
	bool ahp = strncmp(text, "ahp:", 4) == 0;
	const char *path = text + (ahp ? 4 : 7);
	struct index_weights_group *groups = NULL;
	size_t n_groups = 0, cap = 0, i, j, c;
	struct csv_reader *r;
	struct csv_record *rec;
	enum csv_status st;
	long col[5];
	double *w;
	int rc = -1;

	memset(report, 0, sizeof(*report));
	if (!ahp && strncmp(text, "budget:", 7) != 0)
		return error_set(e, "--weights %s: meta, equal, ahp:FILE or "
		    "budget:FILE", text);
	if (csv_open_file(path, NULL, &r, e) < 0)
		return -1;
	if ((st = csv_next(r, &rec, e)) != CSV_RECORD) {
		if (st == CSV_END)
			error_set(e, "%s: empty file", path);
		goto done;
	}
	{
		static const char *const ahp_cols[5] = { "parent", "row", "column",
		    "value", "judge" };
		static const char *const budget_cols[3] = { "participant", "node",
		    "points" };
		int need = ahp ? 4 : 3, k;

		for (k = 0; k < 5; k++)
			col[k] = k < (ahp ? 5 : 3) ? index_weights_column(rec,
			    ahp ? ahp_cols[k] : budget_cols[k]) : -1;
		for (k = 0; k < need; k++)
			if (col[k] < 0) {
				error_set(e, "%s:1:1: no column %s", path, ahp ?
				    ahp_cols[k] : budget_cols[k]);
				goto done;
			}
	}
	while ((st = csv_next(r, &rec, e)) == CSV_RECORD) {
		const struct csv_field *f[5];
		struct index_weights_group *g;
		double v, *set;
		int k;

		for (k = 0; k < 5; k++)
			f[k] = col[k] >= 0 && (size_t)col[k] < rec->count ?
			    &rec->fields[col[k]] : NULL;
		for (k = 0; k < (ahp ? 4 : 3); k++)
			if (f[k] == NULL) {
				error_set(e, "%s:%ld: too few fields", path,
				    rec->line);
				goto done;
			}
		if (ahp) {
			long p = composite_hierarchy_find(h, f[0]->data);
			long rn = composite_hierarchy_find(h, f[1]->data);
			long cn = composite_hierarchy_find(h, f[2]->data);
			long ri, ci;

			if (p < (long)h->n_indicators) {
				error_set(e, "%s:%ld:%ld: %s is not an aggregate",
				    path, f[0]->line, f[0]->column, f[0]->data);
				goto done;
			}
			ri = index_weights_child(h, (size_t)p, rn);
			ci = index_weights_child(h, (size_t)p, cn);
			if (ri < 0 || ci < 0) {
				const struct csv_field *bad = ri < 0 ? f[1] : f[2];

				error_set(e, "%s:%ld:%ld: %s is not a child of %s",
				    path, bad->line, bad->column, bad->data,
				    f[0]->data);
				goto done;
			}
			if (index_weights_value(f[3]->data, f[3]->len, &v) < 0 ||
			    !(v > 0) || (ri == ci && v != 1)) {
				error_set(e, "%s:%ld:%ld: '%s' is not a positive "
				    "judgement (1 on the diagonal)", path,
				    f[3]->line, f[3]->column, f[3]->data);
				goto done;
			}
			g = index_weights_group(&groups, &n_groups, &cap, h,
			    (size_t)p, a);
			set = index_weights_set(g, f[4] != NULL ? f[4]->data : "",
			    true, a);
			if (set == NULL) {
				error_set(e, "%s: too many judges", path);
				goto done;
			}
			/* METHODS §4.7: a reciprocal matrix. */
			if ((!isnan(set[ri * g->k + ci]) &&
			    fabs(set[ri * g->k + ci] / v - 1) > 1e-6) ||
			    (!isnan(set[ci * g->k + ri]) &&
			    fabs(set[ci * g->k + ri] * v - 1) > 1e-6)) {
				error_set(e, "%s:%ld:%ld: %s over %s = %s contradicts "
				    "an earlier judgement (the matrix must be "
				    "reciprocal)", path, f[3]->line, f[3]->column,
				    f[1]->data, f[2]->data, f[3]->data);
				goto done;
			}
			set[ri * g->k + ci] = v;
			set[ci * g->k + ri] = 1.0 / v;
		} else {
			long node = composite_hierarchy_find(h, f[1]->data), ni;

			if (node < 0 || h->parent[node] < 0) {
				error_set(e, "%s:%ld:%ld: %s is not a node with a "
				    "parent", path, f[1]->line, f[1]->column,
				    f[1]->data);
				goto done;
			}
			if (text_parse_double(f[2]->data, f[2]->len, '.', &v) < 0 ||
			    v < 0) {
				error_set(e, "%s:%ld:%ld: '%s' points: a number >= 0",
				    path, f[2]->line, f[2]->column, f[2]->data);
				goto done;
			}
			g = index_weights_group(&groups, &n_groups, &cap, h,
			    (size_t)h->parent[node], a);
			ni = index_weights_child(h, g->parent, node);
			set = index_weights_set(g, f[0]->data, false, a);
			if (set == NULL) {
				error_set(e, "%s: too many participants", path);
				goto done;
			}
			set[ni] += v;
		}
	}
	if (st == CSV_ERROR)
		goto done;

	w = arena_alloc(a, h->n_nodes * sizeof(double));
	memcpy(w, m->spec.weight != NULL ? m->spec.weight : h->weight,
	    h->n_nodes * sizeof(double));
	report->parent = arena_alloc(a, (n_groups + 1) * sizeof(char *));
	report->lambda_max = arena_alloc(a, (n_groups + 1) * sizeof(double));
	report->cr = arena_alloc(a, (n_groups + 1) * sizeof(double));
	report->inconsistent = arena_alloc(a, n_groups + 1);
	for (i = 0; i < n_groups; i++) {
		struct index_weights_group *g = &groups[i];
		double *out = arena_alloc(a, g->k * sizeof(double));
		const char *pcode = h->code[g->parent];

		if (ahp) {
			double *combined = arena_alloc(a, g->k * g->k * sizeof(double));
			struct weights_ahp_result res;

			for (j = 0; j < g->n_sets; j++)
				for (c = 0; c < g->k * g->k; c++)
					if (isnan(g->cells[j][c])) {
						error_set(e, "%s: %s: the pair %s, %s "
						    "is not judged%s%s", path, pcode,
						    h->code[h->child[h->child_start[
						    g->parent] + c / g->k]],
						    h->code[h->child[h->child_start[
						    g->parent] + c % g->k]],
						    g->who[j][0] ? " by " : "",
						    g->who[j]);
						goto done;
					}
			if (weights_ahp_combine((const double *const *)g->cells,
			    g->n_sets, g->k, combined, e) < 0 ||
			    weights_ahp(combined, g->k, out, &res, e) < 0) {
				error_prefix(e, "%s: %s", path, pcode);
				goto done;
			}
			report->parent[report->n] = pcode;
			report->lambda_max[report->n] = res.lambda_max;
			report->cr[report->n] = res.cr;
			report->inconsistent[report->n] = res.inconsistent;
			report->n++;
		} else {
			double *points = arena_alloc(a, g->n_sets * g->k *
			    sizeof(double));

			for (j = 0; j < g->n_sets; j++)
				memcpy(points + j * g->k, g->cells[j],
				    g->k * sizeof(double));
			if (weights_budget(points, g->n_sets, g->k, out, e) < 0) {
				error_prefix(e, "%s: %s", path, pcode);
				goto done;
			}
		}
		for (c = 0; c < g->k; c++)
			w[h->child[h->child_start[g->parent] + c]] = out[c];
	}
	m->spec.weight = w;
	rc = 0;
done:
	csv_close(r);
	return rc;
}
