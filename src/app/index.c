/*
 * `wiall index` use cases: COINr files in (io/coinr), the pipeline of METHODS §4
 * (core/composite), the analyses of §4.10-4.11 (core/uncertainty, sensitivity).
 * Text forms of the methods are parsed here so that build, uncertainty and
 * sensitivity accept the same words.
 */
#include "app/index.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/text.h"

void
index_options_default(struct index_options *o)
{
	memset(o, 0, sizeof(*o));
	o->impute = IMPUTE_NONE;
	o->screen_threshold = 0.9;
	o->winmax = 5;
	o->normalise = "minmax:0,100";
	o->aggregate = "amean";
	o->availability = -1.0;
}

int
index_load(const struct index_options *o, struct arena *a,
    struct index_model *m, struct error *e)
{
	const char *reference = NULL;
	struct composite_spec *s = &m->spec;
	int level;

	memset(m, 0, sizeof(*m));
	if (o->impute == IMPUTE_GROUP_MEAN && o->group_column == NULL)
		return error_set(e, "group-mean imputation needs --group-column");
	if (coinr_read(o->data_path, o->meta_path, a, &m->coin, e) < 0)
		return -1;
	if (coinr_prepare(&m->coin, o->impute == IMPUTE_GROUP_MEAN ?
	    o->group_column : NULL, a, &m->h, &m->d, e) < 0)
		return -1;
	composite_spec_default(s);
	s->denominate = o->denominate;
	s->impute = o->impute;
	s->screen = o->screen;
	s->screen_threshold = o->screen_threshold;
	s->treat = o->treat;
	s->treatment.winmax = o->winmax;
	if (normalise_spec_parse(o->normalise, &s->normalise, &reference, a,
	    e) < 0)
		return -1;
	if (reference != NULL) {
		long u = coinr_unit(&m->coin, reference);

		if (u < 0)
			return error_set(e, "dist2ref: no unit %s in %s", reference,
			    o->data_path);
		s->reference_unit = (size_t)u;
	}
	if (aggregate_spec_parse(o->aggregate, &s->aggregate, e) < 0)
		return -1;
	if (o->availability >= 0) {
		m->availability = arena_alloc(a, ((size_t)m->h.n_levels + 1) *
		    sizeof(double));
		for (level = 0; level <= m->h.n_levels; level++)
			m->availability[level] = o->availability;
		s->availability = m->availability;
	}
	if (o->equal_weights) {
		size_t k;

		/* METHODS §4.7: equal weights, 1 for every node. */
		m->weight = arena_alloc(a, m->h.n_nodes * sizeof(double));
		for (k = 0; k < m->h.n_nodes; k++)
			m->weight[k] = 1.0;
		s->weight = m->weight;
	}
	composite_result_init(&m->result, a, &m->h, m->d.n_units);
	return 0;
}

int
index_build(struct index_model *m, struct arena *a, struct error *e)
{
	(void)a;
	return composite_run(&m->h, &m->d, &m->spec, &m->result, e);
}

static int
index_vary_winmax(const char *list, struct arena *a, struct index_vary *v,
    struct error *e)
{
	const char *dots = strstr(list, "..");
	int *w, count = 0;

	if (dots != NULL) {
		long long lo, hi, i;

		if (text_parse_int(list, (size_t)(dots - list), &lo) < 0 ||
		    text_parse_int(dots + 2, strlen(dots + 2), &hi) < 0 ||
		    lo < 0 || hi < lo || hi - lo > 1000)
			return error_set(e, "winmax=%s: expected a range like 1..5",
			    list);
		w = arena_alloc(a, (size_t)(hi - lo + 1) * sizeof(int));
		for (i = lo; i <= hi; i++)
			w[count++] = (int)i;
	} else {
		const char *p = list;

		w = arena_alloc(a, (strlen(list) + 1) * sizeof(int));
		while (*p != '\0') {
			const char *end = strchr(p, '/');
			size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
			long long x;

			if (text_parse_int(p, len, &x) < 0 || x < 0 || x > 100000)
				return error_set(e, "winmax=%s: alternatives are "
				    "whole numbers separated by /", list);
			w[count++] = (int)x;
			if (end == NULL)
				break;
			p = end + 1;
		}
	}
	v->input.kind = UNCERTAINTY_WINMAX;
	v->input.winmax = w;
	v->input.n_alternatives = (size_t)count;
	return 0;
}

/* Splits list by '/' into alternatives, each parsed by the kind's parser. */
static int
index_vary_list(const struct index_model *m, const char *list,
    struct arena *a, struct index_vary *v, struct error *e)
{
	struct normalise_spec *norm = NULL;
	struct aggregate_spec *agg = NULL;
	size_t cap = 1, k = 0;
	const char *p;

	for (p = list; *p != '\0'; p++)
		if (*p == '/')
			cap++;
	if (v->input.kind == UNCERTAINTY_NORMALISE)
		norm = arena_alloc(a, cap * sizeof(*norm));
	else
		agg = arena_alloc(a, cap * sizeof(*agg));
	p = list;
	for (;;) {
		const char *end = strchr(p, '/');
		char *one = arena_strndup(a, p, end != NULL ? (size_t)(end - p) :
		    strlen(p));

		if (norm != NULL) {
			const char *ref = NULL;

			if (normalise_spec_parse(one, &norm[k], &ref, a, e) < 0)
				return -1;
			if (ref != NULL && coinr_unit(&m->coin, ref) !=
			    (long)m->spec.reference_unit)
				return error_set(e, "dist2ref in --vary must use the "
				    "unit of --normalise dist2ref");
		} else if (aggregate_spec_parse(one, &agg[k], e) < 0) {
			return -1;
		}
		k++;
		if (end == NULL)
			break;
		p = end + 1;
	}
	v->input.normalise = norm;
	v->input.aggregate = agg;
	v->input.n_alternatives = k;
	return 0;
}

static int
index_vary_weights(const struct index_model *m, const char *list,
    struct arena *a, struct index_vary *v, struct error *e)
{
	const char *p = list;
	long long sets = 0;

	v->input.kind = UNCERTAINTY_WEIGHTS;
	v->factor = arena_alloc(a, ((size_t)m->h.n_levels + 1) * sizeof(double));
	v->levels = arena_alloc(a, ((size_t)m->h.n_levels + 1) * sizeof(int));
	while (*p != '\0') {
		const char *end = strchr(p, ',');
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
		const char *colon = memchr(p, ':', len);
		long long level;
		double f;

		if (len > 5 && strncmp(p, "sets=", 5) == 0) {
			if (text_parse_int(p + 5, len - 5, &sets) < 0 || sets < 2 ||
			    sets > 1000000)
				return error_set(e, "weights: sets=K needs K >= 2");
		} else if (colon == NULL ||
		    text_parse_int(p, (size_t)(colon - p), &level) < 0 ||
		    text_parse_double(colon + 1, len - (size_t)(colon - p) - 1, '.',
		    &f) < 0 || level < 1 || level > m->h.n_levels || !(f >= 0)) {
			return error_set(e, "weights=%s: expected LEVEL:FACTOR,... "
			    "and sets=K, e.g. weights=2:0.25,3:0.25,sets=100", list);
		} else {
			v->factor[level] = f;
			v->levels[v->n_levels++] = (int)level;
		}
		if (end == NULL)
			break;
		p = end + 1;
	}
	if (v->n_levels == 0 || sets == 0)
		return error_set(e, "weights=%s: name at least one LEVEL:FACTOR and "
		    "sets=K", list);
	v->input.n_alternatives = (size_t)sets;
	return 0;
}

int
index_parse_vary(const struct index_model *m, const char *text,
    struct arena *a, struct index_vary *v, struct error *e)
{
	const char *eq = strchr(text, '=');
	size_t len = eq != NULL ? (size_t)(eq - text) : 0;
	int rc;

	memset(v, 0, sizeof(*v));
	v->text = text;
	if (eq == NULL || eq[1] == '\0')
		return error_set(e, "--vary %s: expected NAME=ALTERNATIVES", text);
	if (len == 6 && strncmp(text, "winmax", 6) == 0)
		rc = index_vary_winmax(eq + 1, a, v, e);
	else if (len == 9 && strncmp(text, "normalise", 9) == 0) {
		v->input.kind = UNCERTAINTY_NORMALISE;
		rc = index_vary_list(m, eq + 1, a, v, e);
	} else if (len == 9 && strncmp(text, "aggregate", 9) == 0) {
		v->input.kind = UNCERTAINTY_AGGREGATE;
		rc = index_vary_list(m, eq + 1, a, v, e);
	} else if (len == 7 && strncmp(text, "weights", 7) == 0)
		rc = index_vary_weights(m, eq + 1, a, v, e);
	else
		return error_set(e, "--vary %s: unknown input (winmax, normalise, "
		    "aggregate or weights)", text);
	if (rc < 0)
		return error_prefix(e, "--vary %s", text);
	if (v->input.n_alternatives < 2)
		return error_set(e, "--vary %s: an uncertain input needs at least 2 "
		    "alternatives", text);
	return 0;
}

int
index_start_draws(const struct index_model *m, struct index_vary *v, size_t n,
    enum rng_kind kind, int64_t seed, struct arena *a, struct rng *g,
    struct error *e)
{
	size_t i, j;

	if (rng_seed(g, kind, seed) < 0)
		return error_set(e, "seed %lld: R's set.seed takes integers from "
		    "-2147483647 to 2147483647", (long long)seed);
	for (i = 0; i < n; i++) {
		double **sets;

		if (v[i].input.kind != UNCERTAINTY_WEIGHTS)
			continue;
		sets = arena_alloc(a, v[i].input.n_alternatives * sizeof(double *));
		for (j = 0; j < v[i].input.n_alternatives; j++)
			sets[j] = arena_alloc(a, m->h.n_nodes * sizeof(double));
		uncertainty_noisy_weights(&m->h, m->spec.weight != NULL ?
		    m->spec.weight : m->h.weight, v[i].levels,
		    v[i].n_levels, v[i].factor, v[i].input.n_alternatives, g, sets);
		v[i].input.weights = (const double *const *)sets;
	}
	return 0;
}

int
index_default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n >= 1 && n <= 1024 ? (int)n : 1;
}
