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

/* Splits "a,b,c" into at most max numbers; returns how many, -1 on a bad one. */
static int
index_numbers(const char *s, double *out, int max)
{
	int n = 0;

	while (*s != '\0') {
		const char *end = strchr(s, ',');
		size_t len = end != NULL ? (size_t)(end - s) : strlen(s);

		if (n == max || text_parse_double(s, len, '.', &out[n]) < 0)
			return -1;
		n++;
		if (end == NULL)
			break;
		s = end + 1;
	}
	return n;
}

int
index_parse_normalise(const char *text, struct normalise_spec *s,
    const char **reference, struct arena *a, struct error *e)
{
	const char *colon = strchr(text, ':');
	size_t len = colon != NULL ? (size_t)(colon - text) : strlen(text);
	const char *args = colon != NULL ? colon + 1 : "";
	char name[32];
	double v[3];
	int n = 0;

	normalise_spec_default(s);
	if (reference != NULL)
		*reference = NULL;
	if (len >= sizeof(name))
		return error_set(e, "unknown normalisation '%s'", text);
	memcpy(name, text, len);
	name[len] = '\0';
	if (normalise_method_parse(name, &s->method) < 0)
		return error_set(e, "unknown normalisation '%s' (one of minmax, "
		    "zscore, dist2max, dist2ref, dist2target, fracmax, rank, borda, "
		    "prank, goalposts, none)", name);
	if (s->method == NORMALISE_DIST2REF) {
		const char *comma = strchr(args, ',');
		size_t ulen = comma != NULL ? (size_t)(comma - args) : strlen(args);

		if (ulen == 0)
			return error_set(e, "dist2ref needs a unit: dist2ref:CODE");
		if (reference != NULL)
			*reference = arena_strndup(a, args, ulen);
		if (comma != NULL) {
			if (strcmp(comma + 1, "cap") != 0)
				return error_set(e, "dist2ref:CODE takes only "
				    "',cap' after the unit");
			s->cap = true;
		}
		return 0;
	}
	if (args[0] != '\0' && (n = index_numbers(args, v, 3)) < 0)
		return error_set(e, "'%s': parameters must be numbers separated "
		    "by commas", text);
	switch (s->method) {
	case NORMALISE_MINMAX:
		if (n != 0 && n != 2)
			return error_set(e, "minmax takes two bounds: minmax:l,u");
		if (n == 2) {
			s->lower = v[0];
			s->upper = v[1];
		}
		if (!(s->upper > s->lower))
			return error_set(e, "minmax:%g,%g: the upper bound must "
			    "exceed the lower", s->lower, s->upper);
		return 0;
	case NORMALISE_ZSCORE:
		if (n != 0 && n != 2)
			return error_set(e, "zscore takes a mean and a standard "
			    "deviation: zscore:m,s");
		if (n == 2) {
			s->mean = v[0];
			s->sd = v[1];
		}
		if (!(s->sd > 0))
			return error_set(e, "zscore: the standard deviation must "
			    "be positive");
		return 0;
	case NORMALISE_GOALPOSTS:
		if (n != 0 && n != 2 && n != 3)
			return error_set(e, "goalposts takes lo,hi[,scale] (or none, "
			    "then the iMeta columns goalpost_lower/_upper)");
		if (n >= 2) {
			s->goal_lower = v[0];
			s->goal_upper = v[1];
		}
		if (n == 3)
			s->goal_scale = v[2];
		return 0;
	default:
		if (n != 0)
			return error_set(e, "%s takes no parameters", name);
		return 0;
	}
}

int
index_parse_aggregate(const char *text, struct aggregate_spec *s,
    struct error *e)
{
	const char *colon = strchr(text, ':');
	size_t len = colon != NULL ? (size_t)(colon - text) : strlen(text);
	char name[32];

	s->power = 1.0;
	if (len >= sizeof(name))
		return error_set(e, "unknown aggregation '%s'", text);
	memcpy(name, text, len);
	name[len] = '\0';
	if (aggregate_method_parse(name, &s->method) < 0)
		return error_set(e, "unknown aggregation '%s' (one of amean, gmean, "
		    "hmean, genmean:p, copeland)", name);
	if (s->method == AGGREGATE_GENMEAN) {
		if (colon == NULL || text_parse_double(colon + 1,
		    strlen(colon + 1), '.', &s->power) < 0)
			return error_set(e, "genmean needs its power: genmean:p");
		return 0;
	}
	if (colon != NULL)
		return error_set(e, "%s takes no parameter", name);
	return 0;
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
	if (index_parse_normalise(o->normalise, &s->normalise, &reference, a,
	    e) < 0)
		return -1;
	if (reference != NULL) {
		long u = coinr_unit(&m->coin, reference);

		if (u < 0)
			return error_set(e, "dist2ref: no unit %s in %s", reference,
			    o->data_path);
		s->reference_unit = (size_t)u;
	}
	if (index_parse_aggregate(o->aggregate, &s->aggregate, e) < 0)
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

			if (index_parse_normalise(one, &norm[k], &ref, a, e) < 0)
				return -1;
			if (ref != NULL && coinr_unit(&m->coin, ref) !=
			    (long)m->spec.reference_unit)
				return error_set(e, "dist2ref in --vary must use the "
				    "unit of --normalise dist2ref");
		} else if (index_parse_aggregate(one, &agg[k], e) < 0) {
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
