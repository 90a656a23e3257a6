/*
 * The composite-index pipeline, METHODS §4, in the order given there:
 * hierarchy (§4.1), denominate (§4.2), impute (§4.3), screen (§4.4), treat
 * (§4.5, treat.c), normalise (§4.6, normalise.c), aggregate level by level (§4.8,
 * aggregate.c) and rank (§4.9). With composite_spec_default() it reproduces
 * COINr's build_example_coin() on the ASEM data.
 *
 * Screening keeps a unit iff its share of present indicator values, computed as
 * COINr does (1 - missing / indicators), is not below the threshold; it runs after
 * imputation.
 */
#include "core/composite.h"

#include <math.h>
#include <string.h>

const char *const composite_stage_names[COMPOSITE_STAGE__MAX] = {
	"raw", "denominated", "imputed", "screened", "treated", "normalised",
	"aggregated"
};

void
composite_spec_default(struct composite_spec *s)
{
	memset(s, 0, sizeof(*s));
	s->denominate = true;
	s->impute = IMPUTE_GROUP_MEAN;
	s->screen = true;
	s->screen_threshold = 0.9;
	s->treat = true;
	s->treatment.winmax = 5;
	s->treatment.skew_limit = 2.0;
	s->treatment.kurtosis_limit = 3.5;
	normalise_spec_default(&s->normalise);
	s->aggregate.method = AGGREGATE_AMEAN;
	s->aggregate.power = 1.0;
}

int
composite_stage_parse(const char *name, enum composite_stage *stage)
{
	int k;

	for (k = 0; k < COMPOSITE_STAGE__MAX; k++) {
		if (strcmp(name, composite_stage_names[k]) == 0) {
			*stage = (enum composite_stage)k;
			return 0;
		}
	}
	return -1;
}

static long
composite_input_find(const struct composite_node *nodes, size_t n,
    const char *code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(nodes[i].code, code) == 0)
			return (long)i;
	return -1;
}

long
composite_hierarchy_find(const struct composite_hierarchy *h, const char *code)
{
	size_t k;

	for (k = 0; k < h->n_nodes; k++)
		if (strcmp(h->code[k], code) == 0)
			return (long)k;
	return -1;
}

static bool
composite_has_parent(const struct composite_node *node)
{
	return node->parent != NULL && node->parent[0] != '\0';
}

int
composite_hierarchy_build(struct composite_hierarchy *h, struct arena *a,
    const struct composite_node *nodes, size_t n, struct error *e)
{
	size_t i, j, k, *position;
	int level, top = 0;

	memset(h, 0, sizeof(*h));
	if (n == 0)
		return error_set(e, "the hierarchy is empty");
	for (i = 0; i < n; i++) {
		if (nodes[i].code == NULL || nodes[i].code[0] == '\0')
			return error_set(e, "node %zu has no code", i + 1);
		if (nodes[i].level < 1)
			return error_set(e, "%s: level %d (levels start at 1)",
			    nodes[i].code, nodes[i].level);
		if (!(nodes[i].weight >= 0.0) || isinf(nodes[i].weight))
			return error_set(e, "%s: weight %g is not a non-negative "
			    "number", nodes[i].code, nodes[i].weight);
		if (composite_input_find(nodes, i, nodes[i].code) >= 0)
			return error_set(e, "%s: code given twice", nodes[i].code);
		if (nodes[i].level > top)
			top = nodes[i].level;
	}
	if (top < 2)
		return error_set(e, "the hierarchy has no aggregate above the "
		    "indicators");

	/* Working order: level by level, each in the order given. */
	h->n_nodes = n;
	h->n_levels = top;
	h->code = arena_alloc(a, n * sizeof(*h->code));
	h->level = arena_alloc(a, n * sizeof(*h->level));
	h->parent = arena_alloc(a, n * sizeof(*h->parent));
	h->weight = arena_alloc(a, n * sizeof(*h->weight));
	h->source = arena_alloc(a, n * sizeof(*h->source));
	position = arena_alloc(a, n * sizeof(*position));
	k = 0;
	for (level = 1; level <= top; level++) {
		size_t before = k;

		for (i = 0; i < n; i++) {
			if (nodes[i].level != level)
				continue;
			h->source[k] = i;
			position[i] = k;
			h->code[k] = nodes[i].code;
			h->level[k] = level;
			h->weight[k] = nodes[i].weight;
			k++;
		}
		if (k == before)
			return error_set(e, "no node at level %d (levels 1 to %d "
			    "must all be present)", level, top);
		if (level == 1)
			h->n_indicators = k;
		if (level == top && k - before != 1)
			return error_set(e, "%zu nodes at the top level %d: exactly "
			    "one is needed, the index", k - before, top);
	}
	h->root = n - 1;

	for (k = 0; k < n; k++) {
		const struct composite_node *node = &nodes[h->source[k]];
		long p;

		if (!composite_has_parent(node)) {
			if (node->level != top)
				return error_set(e, "%s (level %d) has no parent",
				    node->code, node->level);
			h->parent[k] = -1;
			continue;
		}
		if (node->level == top)
			return error_set(e, "%s is at the top level but names the "
			    "parent %s", node->code, node->parent);
		p = composite_input_find(nodes, n, node->parent);
		if (p < 0)
			return error_set(e, "%s: parent %s is not in the hierarchy",
			    node->code, node->parent);
		if (nodes[p].level != node->level + 1)
			return error_set(e, "%s (level %d): parent %s is at level "
			    "%d, not %d", node->code, node->level, node->parent,
			    nodes[p].level, node->level + 1);
		h->parent[k] = (long)position[p];
	}

	/* Children, in CSR form. */
	h->child_start = arena_alloc(a, (n + 1) * sizeof(*h->child_start));
	h->child = arena_alloc(a, n * sizeof(*h->child));
	for (k = 0; k < n; k++)
		if (h->parent[k] >= 0)
			h->child_start[h->parent[k] + 1]++;
	for (k = 0; k < n; k++)
		h->child_start[k + 1] += h->child_start[k];
	{
		size_t *fill = arena_alloc(a, n * sizeof(*fill));

		for (k = 0; k < n; k++) {
			long p = h->parent[k];

			if (p >= 0)
				h->child[h->child_start[p] + fill[p]++] = k;
		}
	}
	for (k = h->n_indicators; k < n; k++) {
		size_t count = h->child_start[k + 1] - h->child_start[k];

		if (count == 0)
			return error_set(e, "aggregate %s has no children",
			    h->code[k]);
		if (count > h->max_children)
			h->max_children = count;
	}

	/* Indicator attributes. */
	j = h->n_indicators;
	h->direction = arena_alloc(a, j * sizeof(*h->direction));
	h->denominator = arena_alloc(a, j * sizeof(*h->denominator));
	h->target = arena_alloc(a, j * sizeof(*h->target));
	h->goal_lower = arena_alloc(a, j * sizeof(*h->goal_lower));
	h->goal_upper = arena_alloc(a, j * sizeof(*h->goal_upper));
	for (k = 0; k < j; k++) {
		const struct composite_node *node = &nodes[h->source[k]];

		if (node->direction != 1 && node->direction != -1)
			return error_set(e, "%s: direction %d (it must be given "
			    "explicitly as 1 or -1)", node->code, node->direction);
		h->direction[k] = node->direction;
		h->denominator[k] = node->denominator;
		h->target[k] = node->target;
		h->goal_lower[k] = node->goal_lower;
		h->goal_upper[k] = node->goal_upper;
	}
	return 0;
}

void
composite_result_init(struct composite_result *r, struct arena *a,
    const struct composite_hierarchy *h, size_t n_units)
{
	size_t cells = n_units * h->n_indicators;
	size_t aggregates = h->n_nodes - h->n_indicators;

	memset(r, 0, sizeof(*r));
	r->n_units = n_units;
	r->raw = arena_alloc(a, cells * sizeof(double));
	r->denominated = arena_alloc(a, cells * sizeof(double));
	r->imputed = arena_alloc(a, cells * sizeof(double));
	r->availability = arena_alloc(a, n_units * sizeof(double));
	r->screened = arena_alloc(a, cells * sizeof(double));
	r->treated = arena_alloc(a, cells * sizeof(double));
	r->normalised = arena_alloc(a, cells * sizeof(double));
	r->aggregated = arena_alloc(a, n_units * aggregates * sizeof(double));
	r->rank = arena_alloc(a, n_units * sizeof(double));
	r->treatment = arena_alloc(a, h->n_indicators * sizeof(*r->treatment));
	r->treated_point = arena_alloc(a, cells);
	r->kept_store = arena_alloc(a, n_units * sizeof(size_t));
	r->kept = r->kept_store;
	r->pairs = arena_alloc(a, n_units * sizeof(*r->pairs));
	r->scratch = arena_alloc(a, n_units * sizeof(double));
	r->index_scratch = arena_alloc(a, 2 * n_units * sizeof(size_t));
	r->child_column = arena_alloc(a, h->max_children * sizeof(double *));
	r->child_weight = arena_alloc(a, h->max_children * sizeof(double));
}

/* METHODS §4.2: x <- x / denominator, unit by unit. A missing denominator leaves
 * the value missing; a zero denominator is an error, never an infinity. */
static int
composite_denominate(const struct composite_hierarchy *h,
    const struct composite_data *d, double *x, struct error *e)
{
	size_t k, i, n = d->n_units;

	for (k = 0; k < h->n_indicators; k++) {
		long c = h->denominator[k];
		const double *den;

		if (c < 0)
			continue;
		if ((size_t)c >= d->n_denominators || d->denominators == NULL)
			return error_set(e, "denominate %s: no denominator "
			    "column %ld", h->code[k], c + 1);
		den = d->denominators + (size_t)c * n;
		for (i = 0; i < n; i++) {
			double *v = &x[k * n + i];

			if (isnan(*v))
				continue;
			if (isnan(den[i])) {
				*v = NAN;
				continue;
			}
			if (den[i] == 0.0)
				return error_set(e, "denominate %s: the denominator "
				    "of unit %s is 0", h->code[k],
				    d->unit != NULL ? d->unit[i] : "?");
			*v /= den[i];
		}
	}
	return 0;
}

int
composite_run(const struct composite_hierarchy *h,
    const struct composite_data *d, const struct composite_spec *s,
    struct composite_result *r, struct error *e)
{
	size_t n = d->n_units, m = h->n_indicators, cells = n * m, i, k;

	if (n != r->n_units)
		return error_set(e, "result sized for %zu units, data has %zu",
		    r->n_units, n);
	if (n == 0)
		return error_set(e, "no units");
	memcpy(r->raw, d->values, cells * sizeof(double));
	memcpy(r->denominated, r->raw, cells * sizeof(double));
	if (s->denominate && composite_denominate(h, d, r->denominated, e) < 0)
		return -1;
	memcpy(r->imputed, r->denominated, cells * sizeof(double));
	r->imputed_count = 0;
	if (s->impute == IMPUTE_GROUP_MEAN && d->group == NULL)
		return error_set(e, "impute: group mean needs a group for each "
		    "unit");
	for (k = 0; k < m; k++)
		r->imputed_count += impute_values(s->impute, r->imputed + k * n,
		    n, d->group, r->scratch);

	/* METHODS §4.4: share of present values, as COINr's 1 - missing/columns. */
	r->n_kept = 0;
	for (i = 0; i < n; i++) {
		size_t missing = 0;

		for (k = 0; k < m; k++)
			if (isnan(r->imputed[k * n + i]))
				missing++;
		r->availability[i] = 1.0 - (double)missing / (double)m;
		if (!s->screen || !(r->availability[i] < s->screen_threshold))
			r->kept_store[r->n_kept++] = i;
	}
	r->kept = r->kept_store;
	if (r->n_kept == 0)
		return error_set(e, "screen: no unit has a share of present values "
		    "of at least %g", s->screen_threshold);
	for (k = 0; k < m; k++)
		for (i = 0; i < r->n_kept; i++)
			r->screened[k * r->n_kept + i] =
			    r->imputed[k * n + r->kept[i]];
	return composite_run_after_screening(h, d, s, r, r, e);
}

static const double *
composite_column(const struct composite_hierarchy *h,
    const struct composite_result *r, size_t node)
{
	if (node < h->n_indicators)
		return r->normalised + node * r->n_kept;
	return r->aggregated + (node - h->n_indicators) * r->n_kept;
}

int
composite_run_after_screening(const struct composite_hierarchy *h,
    const struct composite_data *d, const struct composite_spec *s,
    const struct composite_result *base, struct composite_result *r,
    struct error *e)
{
	size_t m = h->n_indicators, nk = base->n_kept, k, i, reference = 0, bad;
	bool reuse;
	const double *weight = s->weight != NULL ? s->weight : h->weight;

	r->n_kept = nk;
	r->kept = base->kept;

	/* METHODS §4.5. The check before treatment depends only on the screened
	 * values and the limits: where base already found an indicator passing
	 * (or too short, or constant) with the same limits, that holds here too,
	 * whatever winmax is, and the values stay as they are. */
	reuse = base != r && base->treated_with_limits && s->treat &&
	    base->treat_skew_limit == s->treatment.skew_limit &&
	    base->treat_kurtosis_limit == s->treatment.kurtosis_limit;
	for (k = 0; k < m; k++) {
		const double *x = base->screened + k * nk;

		if (reuse && base->treatment[k].outcome != TREAT_WINSORISED &&
		    base->treatment[k].outcome != TREAT_LOG) {
			memcpy(r->treated + k * nk, x, nk * sizeof(double));
			memset(r->treated_point + k * nk, TREAT_POINT_NONE, nk);
			r->treatment[k] = base->treatment[k];
			r->treatment[k].checks = 1;
		} else if (s->treat) {
			treat_column(&s->treatment, x, nk, r->treated + k * nk,
			    r->treated_point + k * nk, &r->treatment[k],
			    r->index_scratch);
		} else {
			memcpy(r->treated + k * nk, x, nk * sizeof(double));
			memset(r->treated_point + k * nk, TREAT_POINT_NONE, nk);
			memset(&r->treatment[k], 0, sizeof(r->treatment[k]));
			r->treatment[k].n = colstat_count(x, nk);
		}
	}

	r->treated_with_limits = s->treat;
	r->treat_skew_limit = s->treatment.skew_limit;
	r->treat_kurtosis_limit = s->treatment.kurtosis_limit;

	/* METHODS §4.6 */
	if (s->normalise.method == NORMALISE_DIST2REF) {
		for (i = 0; i < nk && r->kept[i] != s->reference_unit; i++)
			;
		if (i == nk)
			return error_set(e, "normalise: the reference unit %s is "
			    "not among the units kept",
			    d->unit != NULL && s->reference_unit < d->n_units ?
			    d->unit[s->reference_unit] : "?");
		reference = i;
	}
	for (k = 0; k < m; k++) {
		struct normalise_column column = {
			.code = h->code[k],
			.direction = h->direction[k],
			.target = h->target[k],
			.goal_lower = h->goal_lower[k],
			.goal_upper = h->goal_upper[k],
			.reference = reference,
		};

		if (normalise_values(&s->normalise, &column, r->treated + k * nk,
		    nk, r->normalised + k * nk, r->pairs, e) < 0)
			return error_prefix(e, "normalise");
	}

	/* METHODS §4.8: aggregates come level by level in working order, so
	 * every child is computed before its parent. */
	for (k = m; k < h->n_nodes; k++) {
		size_t first = h->child_start[k], count = h->child_start[k + 1] - first;
		double availability = -1.0;

		for (i = 0; i < count; i++) {
			size_t c = h->child[first + i];

			r->child_column[i] = composite_column(h, r, c);
			r->child_weight[i] = weight[c];
		}
		if (s->availability != NULL)
			availability = s->availability[h->level[k]];
		bad = nk;
		if (aggregate_values(&s->aggregate, r->child_column,
		    r->child_weight, count, nk, availability,
		    r->aggregated + (k - m) * nk, &bad, e) < 0) {
			if (bad < nk && d->unit != NULL)
				return error_prefix(e, "aggregate %s (%s), unit %s",
				    h->code[k],
				    aggregate_method_names[s->aggregate.method],
				    d->unit[r->kept[bad]]);
			return error_prefix(e, "aggregate %s (%s)", h->code[k],
			    aggregate_method_names[s->aggregate.method]);
		}
	}

	/* METHODS §4.9: descending, ties take the minimum rank. */
	colstat_rank_descending(composite_column(h, r, h->root), nk, r->rank,
	    r->pairs);
	return 0;
}

void
composite_stage_table(const struct composite_hierarchy *h,
    const struct composite_result *r, enum composite_stage stage,
    struct composite_table *t)
{
	memset(t, 0, sizeof(*t));
	t->cols = h->n_indicators;
	switch (stage) {
	case COMPOSITE_RAW:
	case COMPOSITE_DENOMINATED:
	case COMPOSITE_IMPUTED:
		t->rows = r->n_units;
		t->values = stage == COMPOSITE_RAW ? r->raw :
		    stage == COMPOSITE_DENOMINATED ? r->denominated : r->imputed;
		return;
	case COMPOSITE_SCREENED:
	case COMPOSITE_TREATED:
	case COMPOSITE_NORMALISED:
		t->rows = r->n_kept;
		t->unit = r->kept;
		t->values = stage == COMPOSITE_SCREENED ? r->screened :
		    stage == COMPOSITE_TREATED ? r->treated : r->normalised;
		return;
	default:
		t->rows = r->n_kept;
		t->unit = r->kept;
		t->values = r->aggregated;
		t->cols = h->n_nodes - h->n_indicators;
		t->first_node = h->n_indicators;
		return;
	}
}
