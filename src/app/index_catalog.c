/*
 * A catalogue index from the database (see index_catalog.h). The leaves'
 * values come from the code that owns each formula: a level is an
 * observation; growth is core/growth's relative change (METHODS §2.1) in
 * percent; share, entropy and HHI are the structure report's (app/structure,
 * METHODS §3.1–3.2) and resistance its shock measure (§3.7), computed once
 * per indicator in matrix mode over every period, against the indicator's
 * reference region. The pipeline is core/composite's with nothing but
 * normalisation and aggregation switched on, and the analysis
 * core/uncertainty's, seeded as `wiall index uncertainty` seeds it.
 */
#include "app/index_catalog.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/assess.h"
#include "app/structure.h"
#include "core/growth.h"
#include "store/catalog.h"
#include "store/observations.h"
#include "util/buf.h"
#include "util/period.h"

const char *const index_catalog_status_names[INDEX_CATALOG__MAX] = {
	"ok", "none", "not_found", "no_data", "not_computable", "error"
};

/* The observations of one indicator without dimensions, per unit and year
 * (first_year .. first_year + years - 1), NAN where there is none. */
struct index_catalog_levels {
	const char	*indicator;
	int		 first_year, years;
	double		*value;		/* unit-major: u * years + (y - first) */
	bool		 loaded;
};

/* The structure report of one indicator over every period and region. */
struct index_catalog_structure {
	const char			*indicator;
	bool				 ok;
	const char			*error;
	struct app_structure_report	 report;
};

/* A build in progress. */
struct index_catalog_builder {
	struct db			*db;
	struct index_catalog		*x;
	struct index_catalog_levels	*levels;
	size_t				 level_count;
	struct index_catalog_structure	*structures;
	size_t				 structure_count;
	struct error			*e;
	bool				 failed;	/* a database error */
};

/* ---- the data ------------------------------------------------------------ */

static long
index_catalog_unit(const struct index_catalog *x, const char *code)
{
	size_t u;

	for (u = 0; u < x->unit_count; u++)
		if (strcmp(x->units[u]->code, code) == 0)
			return (long)u;
	return -1;
}

/* Two passes over the rows: the span of years, then the values. */
struct index_catalog_scan {
	struct index_catalog		*x;
	struct index_catalog_levels	*lv;
	bool				 fill;
	int				 lo, hi;
};

static int
index_catalog_scan_row(const struct observation_row *row, void *arg)
{
	struct index_catalog_scan *s = arg;
	struct period p;
	long u;

	if (period_parse(row->period, strlen(row->period), &p) == -1 ||
	    p.kind != PERIOD_YEAR || !row->has_value || !isfinite(row->value) ||
	    (u = index_catalog_unit(s->x, row->region)) < 0)
		return 0;
	if (!s->fill) {
		if (s->lo == 0 || p.year < s->lo)
			s->lo = p.year;
		if (p.year > s->hi)
			s->hi = p.year;
		return 0;
	}
	s->lv->value[u * s->lv->years + (p.year - s->lv->first_year)] =
	    row->value;
	return 0;
}

static struct index_catalog_levels *
index_catalog_levels(struct index_catalog_builder *b, const char *indicator)
{
	struct index_catalog *x = b->x;
	struct index_catalog_levels *lv;
	struct observations_query q;
	struct index_catalog_scan s;
	size_t i;

	for (i = 0; i < b->level_count; i++)
		if (strcmp(b->levels[i].indicator, indicator) == 0)
			return &b->levels[i];
	lv = &b->levels[b->level_count++];
	memset(lv, 0, sizeof(*lv));
	lv->indicator = indicator;
	memset(&q, 0, sizeof(q));
	q.indicator = indicator;
	q.dims = "";
	memset(&s, 0, sizeof(s));
	s.x = x;
	s.lv = lv;
	if (observations_query(b->db, &q, index_catalog_scan_row, &s, b->e) ==
	    -1) {
		b->failed = true;
		return lv;
	}
	if (s.lo > 0) {
		lv->first_year = s.lo;
		lv->years = s.hi - s.lo + 1;
		lv->value = arena_alloc(&x->arena, x->unit_count *
		    (size_t)lv->years * sizeof(double));
		for (i = 0; i < x->unit_count * (size_t)lv->years; i++)
			lv->value[i] = NAN;
		s.fill = true;
		if (observations_query(b->db, &q, index_catalog_scan_row, &s,
		    b->e) == -1)
			b->failed = true;
	}
	lv->loaded = true;
	return lv;
}

static double
index_catalog_level_at(const struct index_catalog_levels *lv, size_t u,
    int year)
{
	if (lv->years == 0 || year < lv->first_year ||
	    year >= lv->first_year + lv->years)
		return NAN;
	return lv->value[u * (size_t)lv->years + (size_t)(year -
	    lv->first_year)];
}

static struct index_catalog_structure *
index_catalog_structure(struct index_catalog_builder *b, const char *indicator)
{
	struct index_catalog_structure *st;
	struct app_structure_options o;
	struct diag_list diags;
	struct error e;
	size_t i;

	for (i = 0; i < b->structure_count; i++)
		if (strcmp(b->structures[i].indicator, indicator) == 0)
			return &b->structures[i];
	st = &b->structures[b->structure_count++];
	memset(st, 0, sizeof(*st));
	st->indicator = indicator;
	memset(&o, 0, sizeof(o));
	o.source = APP_STRUCTURE_DATABASE;
	o.indicator = indicator;
	o.base = STRUCTURE_BASE_2;
	diag_list_init(&diags, 10);
	/* Matrix mode over every period: the registered shocks need their
	 * own periods, the index its year. */
	st->ok = app_structure_run(b->db, &o, &st->report, &diags, &e) == 0;
	if (!st->ok)
		st->error = arena_strdup(&b->x->arena, e.message);
	diag_list_free(&diags);
	return st;
}

/* ---- a leaf's value --------------------------------------------------------- */

static const char *
index_catalog_reason(struct index_catalog *x, const char *fmt, const char *a,
    const char *b)
{
	return arena_printf(&x->arena, fmt, a, b);
}

/* The structure value of a leaf for unit u in year (NULL for a shock). */
static double
index_catalog_structure_value(struct index_catalog_builder *b,
    const struct index_catalog_leaf *leaf, size_t u, const char *year,
    const char **why)
{
	struct index_catalog *x = b->x;
	struct index_catalog_structure *st =
	    index_catalog_structure(b, leaf->indicator->code);
	const struct app_structure_report *r = &st->report;
	const struct app_structure_region *g = NULL;
	const struct app_structure_value *v = NULL;
	const char *code = x->units[u]->code;
	size_t i, k;

	if (!st->ok) {
		*why = st->error;
		return NAN;
	}
	for (i = 0; i < r->region_count && g == NULL; i++)
		if (strcmp(r->regions[i].code, code) == 0)
			g = &r->regions[i];
	if (g == NULL) {
		*why = index_catalog_reason(x, "%s has no figures of %s by "
		    "sector", code, leaf->indicator->code);
		return NAN;
	}
	if (leaf->measure == MODEL_MEASURE_RESISTANCE) {
		for (i = 0; i < r->shock_count && v == NULL; i++)
			if (strcmp(g->shocks[i].name,
			    leaf->component->shock) == 0)
				v = &g->shocks[i].resistance;
		if (v == NULL) {
			*why = index_catalog_reason(x, "the shock %s is not "
			    "registered%s", leaf->component->shock, "");
			return NAN;
		}
	} else {
		const struct app_structure_period *p = NULL;

		for (k = 0; k < r->period_count && p == NULL; k++)
			if (strcmp(r->periods[k], year) == 0)
				p = &g->periods[k];
		if (p == NULL) {
			*why = index_catalog_reason(x, "no figures by sector "
			    "for %s in %s", code, year);
			return NAN;
		}
		if (leaf->measure == MODEL_MEASURE_ENTROPY)
			v = &p->entropy;
		else if (leaf->measure == MODEL_MEASURE_HHI)
			v = &p->hhi;
		else {
			for (k = 0; k < r->sector_count && v == NULL; k++)
				if (strcmp(r->sectors[k],
				    leaf->component->sector) == 0)
					v = &p->share[k];
			if (v == NULL) {
				*why = index_catalog_reason(x, "sector %s is "
				    "not one of the sectors compared by the "
				    "structure analysis of %s",
				    leaf->component->sector,
				    leaf->indicator->code);
				return NAN;
			}
		}
	}
	if (v->status != STRUCTURE_OK) {
		*why = v->reason != NULL ? v->reason : "not computable";
		return NAN;
	}
	/* Shares in percent, as the indicators' shares are. */
	return leaf->measure == MODEL_MEASURE_SHARE ? v->value * 100.0 :
	    v->value;
}

/* The raw value of a leaf for unit u in `year` (NULL when the catalogue
 * gave none and none is chosen yet: a measure that needs one is missing). */
static double
index_catalog_leaf_value(struct index_catalog_builder *b,
    const struct index_catalog_leaf *leaf, size_t u, const char *year,
    const char **why)
{
	struct index_catalog *x = b->x;
	const char *code = x->units[u]->code;
	struct index_catalog_levels *lv;
	double v0, v1, g;
	struct period p, f;

	*why = NULL;
	if (year == NULL && leaf->measure != MODEL_MEASURE_RESISTANCE) {
		*why = "no year has figures";
		return NAN;
	}
	switch (leaf->measure) {
	case MODEL_MEASURE_LEVEL:
	case MODEL_MEASURE_GROWTH:
		lv = index_catalog_levels(b, leaf->indicator->code);
		period_parse(year, strlen(year), &p);
		v1 = index_catalog_level_at(lv, u, p.year);
		if (isnan(v1)) {
			*why = index_catalog_reason(x, "no figure for %s in %s",
			    code, year);
			return NAN;
		}
		if (leaf->measure == MODEL_MEASURE_LEVEL)
			return v1;
		period_parse(leaf->from, strlen(leaf->from), &f);
		if (f.year >= p.year) {
			*why = index_catalog_reason(x, "the growth from %s needs "
			    "a later year than %s", leaf->from, year);
			return NAN;
		}
		v0 = index_catalog_level_at(lv, u, f.year);
		if (isnan(v0)) {
			*why = index_catalog_reason(x, "no figure for %s in %s",
			    code, leaf->from);
			return NAN;
		}
		/* METHODS §2.1: Δ / previous, here in percent. */
		if (growth_relative_change(v0, v1, &g) != GROWTH_OK) {
			*why = index_catalog_reason(x, "the growth of %s from "
			    "%s cannot be computed (a zero base)", code,
			    leaf->from);
			return NAN;
		}
		return g * 100.0;
	case MODEL_MEASURE_SHARE:
	case MODEL_MEASURE_ENTROPY:
	case MODEL_MEASURE_HHI:
	case MODEL_MEASURE_RESISTANCE:
		return index_catalog_structure_value(b, leaf, u, year, why);
	case MODEL_MEASURE_NONE:
	case MODEL_MEASURE__MAX:
		break;
	}
	*why = "unknown measure";
	return NAN;
}

/* ---- the leaves and the period -------------------------------------------- */

/* The direction of a leaf: explicit, else the indicator's polarity for a
 * level or a growth, else the measure's: more diversity (entropy) and a
 * better than expected change in a crisis (resistance) are better, more
 * concentration (HHI) is worse. */
static int
index_catalog_direction(const struct index_component *c,
    const struct indicator *ind, enum model_measure m, const char **source)
{
	*source = "explicit";
	if (c->direction != 0)
		return c->direction;
	switch (m) {
	case MODEL_MEASURE_LEVEL:
	case MODEL_MEASURE_GROWTH:
		*source = "polarity";
		return ind->polarity;
	case MODEL_MEASURE_ENTROPY:
	case MODEL_MEASURE_RESISTANCE:
		*source = "measure";
		return 1;
	case MODEL_MEASURE_HHI:
		*source = "measure";
		return -1;
	default:
		return 0;
	}
}

static int
index_catalog_leaves(struct index_catalog_builder *b)
{
	struct index_catalog *x = b->x;
	const struct composite_index *ix = x->index;
	size_t i, n = 0;

	x->leaves = arena_alloc(&x->arena, (ix->component_count + 1) *
	    sizeof(*x->leaves));
	for (i = 0; i < ix->component_count; i++) {
		const struct index_component *c = &ix->components[i];
		struct index_catalog_leaf *leaf;

		if (c->indicator == NULL)
			continue;
		leaf = &x->leaves[n++];
		leaf->component = c;
		leaf->node = -1;
		leaf->indicator = model_find_indicator(&x->catalog,
		    c->indicator);
		if (leaf->indicator == NULL)
			return error_set(b->e, "index %s: component %s names "
			    "an unknown indicator %s", ix->code, c->code,
			    c->indicator);
		leaf->measure = c->measure == MODEL_MEASURE_NONE ?
		    MODEL_MEASURE_LEVEL : c->measure;
		leaf->direction = index_catalog_direction(c, leaf->indicator,
		    leaf->measure, &leaf->direction_source);
		if (leaf->direction == 0)
			return error_set(b->e, "index %s: component %s needs a "
			    "direction (its indicator's polarity is 0)",
			    ix->code, c->code);
		leaf->from = c->from;
		switch (leaf->measure) {
		case MODEL_MEASURE_LEVEL:
			leaf->unit = leaf->indicator->unit != NULL ?
			    leaf->indicator->unit : "";
			break;
		case MODEL_MEASURE_GROWTH:
		case MODEL_MEASURE_SHARE:
			leaf->unit = "percent";
			break;
		case MODEL_MEASURE_ENTROPY:
			leaf->unit = "bits";
			break;
		default:
			leaf->unit = "";
		}
		leaf->raw = arena_alloc(&x->arena, (x->unit_count + 1) *
		    sizeof(double));
		leaf->reason = arena_alloc(&x->arena, (x->unit_count + 1) *
		    sizeof(const char *));
		leaf->normalised = arena_alloc(&x->arena, (x->unit_count + 1) *
		    sizeof(double));
	}
	x->leaf_count = n;
	return 0;
}

/* The years any leaf that needs one could take. */
static void
index_catalog_year_span(struct index_catalog_builder *b, int *lo, int *hi)
{
	struct index_catalog *x = b->x;
	size_t i, k;

	*lo = *hi = 0;
	for (i = 0; i < x->leaf_count; i++) {
		const struct index_catalog_leaf *leaf = &x->leaves[i];
		int a = 0, z = 0;

		if (leaf->measure == MODEL_MEASURE_RESISTANCE)
			continue;
		if (leaf->measure == MODEL_MEASURE_LEVEL ||
		    leaf->measure == MODEL_MEASURE_GROWTH) {
			struct index_catalog_levels *lv =
			    index_catalog_levels(b, leaf->indicator->code);

			if (lv->years == 0)
				continue;
			a = lv->first_year;
			z = lv->first_year + lv->years - 1;
		} else {
			struct index_catalog_structure *st =
			    index_catalog_structure(b, leaf->indicator->code);
			struct period p;

			for (k = 0; st->ok && k < st->report.period_count; k++) {
				const char *t = st->report.periods[k];

				if (period_parse(t, strlen(t), &p) == -1 ||
				    p.kind != PERIOD_YEAR)
					continue;
				if (a == 0 || p.year < a)
					a = p.year;
				if (p.year > z)
					z = p.year;
			}
			if (a == 0)
				continue;
		}
		if (*lo == 0 || a < *lo)
			*lo = a;
		if (z > *hi)
			*hi = z;
	}
}

/*
 * "latest": the latest year in which the leaves that need a year have the
 * most values (all of them for every unit when any year has that). A year
 * that only some leaves reach would otherwise leave the others out.
 */
static const char *
index_catalog_latest(struct index_catalog_builder *b)
{
	struct index_catalog *x = b->x;
	char text[PERIOD_TEXT_MAX];
	size_t best = 0, i, u;
	int lo, hi, year, best_year = 0;

	index_catalog_year_span(b, &lo, &hi);
	for (year = hi; lo > 0 && year >= lo; year--) {
		size_t count = 0;

		snprintf(text, sizeof(text), "%d", year);
		for (i = 0; i < x->leaf_count; i++) {
			const char *why;

			if (x->leaves[i].measure == MODEL_MEASURE_RESISTANCE)
				continue;
			for (u = 0; u < x->unit_count; u++)
				if (!isnan(index_catalog_leaf_value(b,
				    &x->leaves[i], u, text, &why)))
					count++;
		}
		if (count > best) {
			best = count;
			best_year = year;
		}
	}
	if (best == 0)
		return NULL;
	return arena_printf(&x->arena, "%d", best_year);
}

static bool
index_catalog_needs_year(const struct index_catalog *x)
{
	size_t i;

	for (i = 0; i < x->leaf_count; i++)
		if (x->leaves[i].measure != MODEL_MEASURE_RESISTANCE)
			return true;
	return false;
}

/* Every leaf's raw values in the period; a leaf without any is unused. */
static size_t
index_catalog_values(struct index_catalog_builder *b)
{
	struct index_catalog *x = b->x;
	size_t i, u, used = 0;

	for (i = 0; i < x->leaf_count; i++) {
		struct index_catalog_leaf *leaf = &x->leaves[i];
		size_t present = 0;

		if (leaf->measure == MODEL_MEASURE_GROWTH)
			leaf->to = x->period;
		for (u = 0; u < x->unit_count; u++) {
			leaf->raw[u] = index_catalog_leaf_value(b, leaf, u,
			    x->period, &leaf->reason[u]);
			leaf->normalised[u] = NAN;
			if (!isnan(leaf->raw[u]))
				present++;
		}
		if (present == 0)
			leaf->unused = arena_printf(&x->arena, "none of the %zu "
			    "regions has a value (the first: %s)", x->unit_count,
			    leaf->reason[0] != NULL ? leaf->reason[0] :
			    "no value");
		else
			used++;
	}
	return used;
}

/* ---- the hierarchy ------------------------------------------------------------ */

static const struct index_catalog_leaf *
index_catalog_leaf_of(const struct index_catalog *x,
    const struct index_component *c)
{
	size_t i;

	for (i = 0; i < x->leaf_count; i++)
		if (x->leaves[i].component == c)
			return &x->leaves[i];
	return NULL;
}

/* A component's depth below the index (1: a child of the index). */
static int
index_catalog_depth(const struct composite_index *ix,
    const struct index_component *c)
{
	int depth = 1;

	while (c != NULL && c->parent != NULL &&
	    depth <= (int)ix->component_count) {
		c = model_find_component(ix, c->parent);
		depth++;
	}
	return depth;
}

/* Nodes for every component and the index: levels from the depths, which
 * ones are used (a used leaf, or an aggregate with a used child), and each
 * used node's share of its parent. */
static int
index_catalog_nodes(struct index_catalog_builder *b)
{
	struct index_catalog *x = b->x;
	const struct composite_index *ix = x->index;
	size_t n = ix->component_count, i, j;
	int leaf_depth = 0, level;
	bool *used;

	x->nodes = arena_alloc(&x->arena, (n + 1) * sizeof(*x->nodes));
	used = arena_alloc(&x->arena, (n + 1) * sizeof(*used));
	for (i = 0; i < n; i++)
		if (ix->components[i].indicator != NULL) {
			int d = index_catalog_depth(ix, &ix->components[i]);

			if (leaf_depth != 0 && d != leaf_depth)
				return error_set(b->e, "index %s: the leaves lie "
				    "at different depths", ix->code);
			leaf_depth = d;
		}
	for (i = 0; i < n; i++) {
		const struct index_component *c = &ix->components[i];
		const struct index_catalog_leaf *leaf;
		struct index_catalog_node *nd = &x->nodes[i];

		nd->code = c->code;
		nd->title_de = c->title_de;
		nd->title_en = c->title_en;
		nd->component = c;
		nd->level = leaf_depth - index_catalog_depth(ix, c) + 1;
		nd->weight = c->has_weight ? c->weight : 1.0;
		nd->node = -1;
		leaf = index_catalog_leaf_of(x, c);
		used[i] = leaf != NULL && leaf->unused == NULL;
	}
	x->nodes[n].code = ix->code;
	x->nodes[n].title_de = ix->title_de;
	x->nodes[n].title_en = ix->title_en;
	x->nodes[n].level = leaf_depth + 1;
	x->nodes[n].weight = 1.0;
	used[n] = false;
	x->node_count = n + 1;
	/* Bottom-up: an aggregate is used when one of its children is. */
	for (level = 2; level <= leaf_depth + 1; level++)
		for (i = 0; i <= n; i++) {
			const char *code = x->nodes[i].code;

			if (x->nodes[i].level != level)
				continue;
			for (j = 0; j < n && !used[i]; j++) {
				const char *p = ix->components[j].parent;

				used[i] = used[j] && (i == n ? p == NULL :
				    p != NULL && strcmp(p, code) == 0);
			}
		}
	for (i = 0; i < n; i++) {
		const char *p = ix->components[i].parent;
		double sum = 0;

		x->nodes[i].share = NAN;
		if (!used[i])
			continue;
		for (j = 0; j < n; j++)
			if (used[j] && (p == NULL ? ix->components[j].parent ==
			    NULL : ix->components[j].parent != NULL &&
			    strcmp(ix->components[j].parent, p) == 0))
				sum += x->nodes[j].weight;
		x->nodes[i].share = sum > 0 ? x->nodes[i].weight / sum : NAN;
	}
	x->nodes[n].share = used[n] ? 1.0 : NAN;
	/* Used or not; the pipeline puts the hierarchy's index in. */
	for (i = 0; i <= n; i++)
		x->nodes[i].node = used[i] ? 0 : -1;
	return 0;
}

/* The hierarchy of the used nodes and the data of the used leaves. */
static int
index_catalog_pipeline(struct index_catalog_builder *b)
{
	struct index_catalog *x = b->x;
	const struct composite_index *ix = x->index;
	struct composite_node *cn;
	const char *reference = NULL;
	double *values;
	const char **codes;
	size_t i, count = 0, leaves = 0;

	cn = arena_alloc(&x->arena, (x->node_count + 1) * sizeof(*cn));
	/* Leaves first, then aggregates by level: the hierarchy's order. */
	for (i = 0; i < x->leaf_count; i++) {
		const struct index_catalog_leaf *leaf = &x->leaves[i];
		const struct index_component *c = leaf->component;

		if (leaf->unused != NULL)
			continue;
		cn[count].code = c->code;
		cn[count].level = 1;
		cn[count].parent = c->parent != NULL ? c->parent : ix->code;
		cn[count].weight = c->has_weight ? c->weight : 1.0;
		cn[count].direction = leaf->direction;
		cn[count].denominator = -1;
		cn[count].target = NAN;
		cn[count].goal_lower = NAN;
		cn[count].goal_upper = NAN;
		count++;
	}
	leaves = count;
	for (i = 0; i < x->node_count; i++) {
		const struct index_catalog_node *nd = &x->nodes[i];

		if (nd->node < 0 || nd->level < 2)
			continue;
		cn[count].code = nd->code;
		cn[count].level = nd->level;
		cn[count].parent = nd->component == NULL ? "" :
		    nd->component->parent != NULL ? nd->component->parent :
		    ix->code;
		cn[count].weight = nd->weight;
		cn[count].direction = 1;
		cn[count].denominator = -1;
		cn[count].target = NAN;
		cn[count].goal_lower = NAN;
		cn[count].goal_upper = NAN;
		count++;
	}
	if (composite_hierarchy_build(&x->h, &x->arena, cn, count, b->e) == -1)
		return -1;
	for (i = 0; i < x->node_count; i++)
		if (x->nodes[i].node >= 0)
			x->nodes[i].node = composite_hierarchy_find(&x->h,
			    x->nodes[i].code);
	values = arena_alloc(&x->arena, (leaves * x->unit_count + 1) *
	    sizeof(double));
	codes = arena_alloc(&x->arena, (x->unit_count + 1) * sizeof(*codes));
	for (i = 0; i < x->unit_count; i++)
		codes[i] = x->units[i]->code;
	for (i = 0; i < x->leaf_count; i++) {
		struct index_catalog_leaf *leaf = &x->leaves[i];
		size_t u;
		long node;

		if (leaf->unused != NULL)
			continue;
		node = composite_hierarchy_find(&x->h, leaf->component->code);
		leaf->node = node;
		for (u = 0; u < x->unit_count; u++)
			values[(size_t)node * x->unit_count + u] = leaf->raw[u];
	}
	memset(&x->d, 0, sizeof(x->d));
	x->d.n_units = x->unit_count;
	x->d.unit = codes;
	x->d.values = values;
	/* Only normalisation and aggregation: the catalogue's figures are
	 * complete official data, not a survey to impute or screen. */
	composite_spec_default(&x->spec);
	x->spec.denominate = false;
	x->spec.impute = IMPUTE_NONE;
	x->spec.screen = false;
	x->spec.treat = false;
	x->normalise = ix->normalise != NULL ? ix->normalise : "minmax:0,100";
	x->aggregate = ix->aggregate != NULL ? ix->aggregate : "amean";
	if (normalise_spec_parse(x->normalise, &x->spec.normalise, &reference,
	    &x->arena, b->e) == -1 ||
	    aggregate_spec_parse(x->aggregate, &x->spec.aggregate, b->e) == -1)
		return error_prefix(b->e, "index %s", ix->code);
	if (reference != NULL) {
		long u = index_catalog_unit(x, reference);

		if (u < 0)
			return error_set(b->e, "index %s: dist2ref names %s, not "
			    "a unit", ix->code, reference);
		x->spec.reference_unit = (size_t)u;
	}
	composite_result_init(&x->result, &x->arena, &x->h, x->unit_count);
	return 0;
}

/* ---- the analysis -------------------------------------------------------------- */

static int
index_catalog_analysis(struct index_catalog_builder *b,
    const struct index_catalog_options *o)
{
	struct index_catalog *x = b->x;
	const struct index_uncertainty *u = x->index->uncertainty;
	struct uncertainty_input in[3];
	struct buf text = BUF_INIT;
	struct rng g;
	size_t n = 0, i;
	int level;

	memset(in, 0, sizeof(in));
	x->runs = o->runs > 0 ? o->runs : (size_t)u->runs;
	x->seed = o->has_seed ? o->seed : u->seed;
	x->rng = o->rng;
	x->varied = arena_alloc(&x->arena, 3 * sizeof(*x->varied));
	if (u->normalise_count >= 2) {
		struct normalise_spec *alt = arena_alloc(&x->arena,
		    u->normalise_count * sizeof(*alt));

		buf_reset(&text);
		buf_puts(&text, "normalise=");
		for (i = 0; i < u->normalise_count; i++) {
			const char *reference = NULL;

			if (normalise_spec_parse(u->normalise[i], &alt[i],
			    &reference, &x->arena, b->e) == -1)
				goto fail;
			if (reference != NULL && index_catalog_unit(x,
			    reference) != (long)x->spec.reference_unit) {
				error_set(b->e, "dist2ref in the analysis must "
				    "use the unit of the index's normalisation");
				goto fail;
			}
			buf_printf(&text, "%s%s", i > 0 ? "/" : "",
			    u->normalise[i]);
		}
		in[n].kind = UNCERTAINTY_NORMALISE;
		in[n].normalise = alt;
		in[n++].n_alternatives = u->normalise_count;
		x->varied[x->varied_count++] = arena_strdup(&x->arena,
		    buf_cstr(&text));
	}
	if (u->aggregate_count >= 2) {
		struct aggregate_spec *alt = arena_alloc(&x->arena,
		    u->aggregate_count * sizeof(*alt));

		buf_reset(&text);
		buf_puts(&text, "aggregate=");
		for (i = 0; i < u->aggregate_count; i++) {
			if (aggregate_spec_parse(u->aggregate[i], &alt[i],
			    b->e) == -1)
				goto fail;
			buf_printf(&text, "%s%s", i > 0 ? "/" : "",
			    u->aggregate[i]);
		}
		in[n].kind = UNCERTAINTY_AGGREGATE;
		in[n].aggregate = alt;
		in[n++].n_alternatives = u->aggregate_count;
		x->varied[x->varied_count++] = arena_strdup(&x->arena,
		    buf_cstr(&text));
	}
	if (rng_seed(&g, x->rng, x->seed) == -1) {
		error_set(b->e, "seed %lld: R's set.seed takes integers from "
		    "-2147483647 to 2147483647", x->seed);
		goto fail;
	}
	if (u->has_weights && x->h.n_levels >= 2) {
		/* COINr's get_noisy_weights(): one set per replication, every
		 * weight below the top within ± the share; drawn before the
		 * analysis' own draws, as `wiall index` does. */
		int levels = x->h.n_levels - 1;
		double *factor = arena_alloc(&x->arena,
		    ((size_t)x->h.n_levels + 1) * sizeof(double));
		int *list = arena_alloc(&x->arena, (size_t)levels *
		    sizeof(int));
		double **sets = arena_alloc(&x->arena, x->runs *
		    sizeof(double *));

		for (level = 0; level <= x->h.n_levels; level++)
			factor[level] = 0;
		buf_reset(&text);
		buf_puts(&text, "weights=");
		for (level = 1; level < x->h.n_levels; level++) {
			factor[level] = u->weights;
			list[level - 1] = level;
			buf_printf(&text, "%d:%.17g,", level, u->weights);
		}
		buf_printf(&text, "sets=%zu", x->runs);
		for (i = 0; i < x->runs; i++)
			sets[i] = arena_alloc(&x->arena, x->h.n_nodes *
			    sizeof(double));
		uncertainty_noisy_weights(&x->h, x->h.weight, list,
		    (size_t)levels, factor, x->runs, &g, sets);
		in[n].kind = UNCERTAINTY_WEIGHTS;
		in[n].weights = (const double *const *)sets;
		in[n++].n_alternatives = x->runs;
		x->varied[x->varied_count++] = arena_strdup(&x->arena,
		    buf_cstr(&text));
	}
	if (n == 0) {
		buf_free(&text);
		return 0;
	}
	if (uncertainty_run(&x->h, &x->d, &x->spec, &x->result, in, n,
	    x->runs, &g, o->threads > 0 ? o->threads : 1, &x->arena,
	    &x->uncertainty, b->e) == -1)
		goto fail;
	x->has_uncertainty = true;
	buf_free(&text);
	return 0;
fail:
	buf_free(&text);
	return -1;
}

/* ---- the whole ------------------------------------------------------------------ */

static enum index_catalog_status
index_catalog_fail(struct index_catalog *x, enum index_catalog_status st,
    struct error *e)
{
	x->status = st;
	x->reason = arena_strdup(&x->arena, e->message);
	return st;
}

enum index_catalog_status
index_catalog_build(struct db *db, const struct index_catalog_options *o,
    struct index_catalog *x, struct error *e)
{
	struct index_catalog_builder b;
	enum index_catalog_status st = INDEX_CATALOG_ERROR;
	size_t i;

	memset(x, 0, sizeof(*x));
	model_catalog_init(&x->catalog);
	arena_init(&x->arena);
	memset(&b, 0, sizeof(b));
	b.db = db;
	b.x = x;
	b.e = e;
	if (store_catalog_load(db, &x->catalog, e) == -1)
		return index_catalog_fail(x, INDEX_CATALOG_ERROR, e);
	if (x->catalog.index_count == 0) {
		error_set(e, "the catalogue defines no composite index");
		return index_catalog_fail(x, INDEX_CATALOG_NONE, e);
	}
	x->index = o->code == NULL ? &x->catalog.indices[0] :
	    model_find_index(&x->catalog, o->code);
	if (x->index == NULL) {
		error_set(e, "the catalogue has no index '%s'", o->code);
		return index_catalog_fail(x, INDEX_CATALOG_NOT_FOUND, e);
	}
	x->unit_count = x->index->unit_count;
	x->units = arena_alloc(&x->arena, (x->unit_count + 1) *
	    sizeof(*x->units));
	for (i = 0; i < x->unit_count; i++)
		if ((x->units[i] = model_find_region(&x->catalog,
		    x->index->units[i])) == NULL) {
			error_set(e, "index %s: unknown region %s",
			    x->index->code, x->index->units[i]);
			return index_catalog_fail(x, INDEX_CATALOG_ERROR, e);
		}
	if (x->catalog.region_count > 0 &&
	    assess_home_region(db, &x->catalog, &x->home, e) == -1)
		x->home = NULL;
	if (x->home != NULL && index_catalog_unit(x, x->home->code) < 0)
		x->home = NULL;
	/* One cache slot per leaf is enough: at most one per indicator. */
	b.levels = arena_alloc(&x->arena, (x->index->component_count + 1) *
	    sizeof(*b.levels));
	b.structures = arena_alloc(&x->arena, (x->index->component_count + 1) *
	    sizeof(*b.structures));
	if (index_catalog_leaves(&b) == -1) {
		st = index_catalog_fail(x, INDEX_CATALOG_ERROR, e);
		goto done;
	}
	if (strcmp(x->index->period, "latest") == 0) {
		x->latest = true;
		x->period = index_catalog_needs_year(x) ?
		    index_catalog_latest(&b) : NULL;
	} else
		x->period = x->index->period;
	if (b.failed) {
		st = index_catalog_fail(x, INDEX_CATALOG_ERROR, e);
		goto done;
	}
	if (index_catalog_values(&b) == 0) {
		error_set(e, "index %s: no component has figures%s%s",
		    x->index->code, x->period != NULL ? " for " : "",
		    x->period != NULL ? x->period : "");
		st = index_catalog_fail(x, INDEX_CATALOG_NO_DATA, e);
		goto done;
	}
	if (b.failed) {
		st = index_catalog_fail(x, INDEX_CATALOG_ERROR, e);
		goto done;
	}
	if (index_catalog_nodes(&b) == -1 ||
	    index_catalog_pipeline(&b) == -1) {
		st = index_catalog_fail(x, INDEX_CATALOG_ERROR, e);
		goto done;
	}
	if (composite_run(&x->h, &x->d, &x->spec, &x->result, e) == -1) {
		st = index_catalog_fail(x, INDEX_CATALOG_NOT_COMPUTABLE, e);
		goto done;
	}
	for (i = 0; i < x->leaf_count; i++) {
		struct index_catalog_leaf *leaf = &x->leaves[i];
		size_t u;

		if (leaf->node < 0)
			continue;
		for (u = 0; u < x->unit_count; u++)
			leaf->normalised[u] = x->result.normalised[
			    (size_t)leaf->node * x->result.n_kept + u];
	}
	if (o->uncertainty && x->index->uncertainty != NULL &&
	    index_catalog_analysis(&b, o) == -1) {
		st = index_catalog_fail(x, INDEX_CATALOG_NOT_COMPUTABLE, e);
		goto done;
	}
	x->status = st = INDEX_CATALOG_OK;
done:
	for (i = 0; i < b.structure_count; i++)
		app_structure_report_free(&b.structures[i].report);
	return st;
}

void
index_catalog_free(struct index_catalog *x)
{
	model_catalog_free(&x->catalog);
	arena_free(&x->arena);
	memset(x, 0, sizeof(*x));
}

const struct index_catalog_node *
index_catalog_top(const struct index_catalog *x)
{
	return x->node_count > 0 ? &x->nodes[x->node_count - 1] : NULL;
}

double
index_catalog_score(const struct index_catalog *x,
    const struct index_catalog_node *n, size_t u)
{
	size_t first = x->h.n_indicators;

	if (x->status != INDEX_CATALOG_OK || n->node < 0 || u >= x->unit_count)
		return NAN;
	if ((size_t)n->node < first)
		return x->result.normalised[(size_t)n->node * x->result.n_kept +
		    u];
	return x->result.aggregated[((size_t)n->node - first) *
	    x->result.n_kept + u];
}

const size_t *
index_catalog_rank_order(struct index_catalog *x)
{
	size_t n = x->unit_count, i, j;
	size_t *order = arena_alloc(&x->arena, (n + 1) * sizeof(*order));
	const double *rank = x->status == INDEX_CATALOG_OK ? x->result.rank :
	    NULL;

	for (i = 0; i < n; i++)
		order[i] = i;
	/* Insertion sort: stable, and n is a handful of regions. */
	for (i = 1; rank != NULL && i < n; i++) {
		size_t cur = order[i];
		double rc = rank[cur];

		for (j = i; j > 0; j--) {
			double rp = rank[order[j - 1]];

			if (!(isnan(rp) ? !isnan(rc) : (!isnan(rc) && rc < rp)))
				break;
			order[j] = order[j - 1];
		}
		order[j] = cur;
	}
	return order;
}

long
index_catalog_stats_row(const struct index_catalog *x, size_t u)
{
	size_t i;

	if (!x->has_uncertainty)
		return -1;
	for (i = 0; i < x->uncertainty.stats.n_units; i++)
		if (x->uncertainty.stats.unit[i] == u)
			return (long)i;
	return -1;
}
