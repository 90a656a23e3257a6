/* The leaves of a catalogue index (see index_catalog_internal.h): each
 * leaf's raw value per unit in a year, from the observations (a level, a
 * growth by core/growth, METHODS §2.1) or from the structure report of its
 * indicator (share, entropy, HHI, resistance: app/structure, METHODS §3),
 * computed once per indicator; the direction of each leaf; and the latest
 * year the leaves have in common. Everything lives in the index's arena. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/index_catalog_internal.h"
#include "core/growth.h"
#include "store/observations.h"
#include "util/period.h"


/* Two passes over the rows: the span of years, then the values. */
struct index_catalog_leaves_scan {
	struct index_catalog		*x;
	struct index_catalog_levels	*lv;
	bool				 fill;
	int				 lo, hi;
};

static int
index_catalog_leaves_scan_row(const struct observation_row *row, void *arg)
{
	struct index_catalog_leaves_scan *s = arg;
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
index_catalog_leaves_levels(struct index_catalog_builder *b,
    const char *indicator)
{
	struct index_catalog *x = b->x;
	struct index_catalog_levels *lv;
	struct observations_query q;
	struct index_catalog_leaves_scan s;
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
	if (observations_query(b->db, &q, index_catalog_leaves_scan_row, &s, b->e) ==
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
		if (observations_query(b->db, &q, index_catalog_leaves_scan_row, &s,
		    b->e) == -1)
			b->failed = true;
	}
	lv->loaded = true;
	return lv;
}

static double
index_catalog_leaves_level_at(const struct index_catalog_levels *lv, size_t u,
    int year)
{
	if (lv->years == 0 || year < lv->first_year ||
	    year >= lv->first_year + lv->years)
		return NAN;
	return lv->value[u * (size_t)lv->years + (size_t)(year -
	    lv->first_year)];
}

static struct index_catalog_structure *
index_catalog_leaves_structure(struct index_catalog_builder *b,
    const char *indicator)
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

/* ---- a leaf's value ------------------------------------------------ */

/* The structure value of a leaf for unit u in year (NULL for a shock). */
static double
index_catalog_leaves_structure_value(struct index_catalog_builder *b,
    const struct index_catalog_leaf *leaf, size_t u, const char *year,
    const char **why)
{
	struct index_catalog *x = b->x;
	struct index_catalog_structure *st =
	    index_catalog_leaves_structure(b, leaf->indicator->code);
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
		*why = arena_printf(&x->arena, "%s has no figures of %s by "
		    "sector", code, leaf->indicator->code);
		return NAN;
	}
	if (leaf->measure == MODEL_MEASURE_RESISTANCE) {
		for (i = 0; i < r->shock_count && v == NULL; i++)
			if (strcmp(g->shocks[i].name,
			    leaf->component->shock) == 0)
				v = &g->shocks[i].resistance;
		if (v == NULL) {
			*why = arena_printf(&x->arena, "the shock %s is not "
			    "registered", leaf->component->shock);
			return NAN;
		}
	} else {
		const struct app_structure_period *p = NULL;

		for (k = 0; k < r->period_count && p == NULL; k++)
			if (strcmp(r->periods[k], year) == 0)
				p = &g->periods[k];
		if (p == NULL) {
			*why = arena_printf(&x->arena, "no figures by sector "
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
				*why = arena_printf(&x->arena, "sector %s is "
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
index_catalog_leaves_value(struct index_catalog_builder *b,
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
		lv = index_catalog_leaves_levels(b, leaf->indicator->code);
		period_parse(year, strlen(year), &p);
		v1 = index_catalog_leaves_level_at(lv, u, p.year);
		if (isnan(v1)) {
			*why = arena_printf(&x->arena, "no figure for %s in %s",
			    code, year);
			return NAN;
		}
		if (leaf->measure == MODEL_MEASURE_LEVEL)
			return v1;
		period_parse(leaf->from, strlen(leaf->from), &f);
		if (f.year >= p.year) {
			*why = arena_printf(&x->arena, "the growth from %s needs "
			    "a later year than %s", leaf->from, year);
			return NAN;
		}
		v0 = index_catalog_leaves_level_at(lv, u, f.year);
		if (isnan(v0)) {
			*why = arena_printf(&x->arena, "no figure for %s in %s",
			    code, leaf->from);
			return NAN;
		}
		/* METHODS §2.1: Δ / previous, here in percent. */
		if (growth_relative_change(v0, v1, &g) != GROWTH_OK) {
			*why = arena_printf(&x->arena, "the growth of %s from "
			    "%s cannot be computed (a zero base)", code,
			    leaf->from);
			return NAN;
		}
		return g * 100.0;
	case MODEL_MEASURE_SHARE:
	case MODEL_MEASURE_ENTROPY:
	case MODEL_MEASURE_HHI:
	case MODEL_MEASURE_RESISTANCE:
		return index_catalog_leaves_structure_value(b, leaf, u, year, why);
	case MODEL_MEASURE_NONE:
	case MODEL_MEASURE__MAX:
		break;
	}
	*why = "unknown measure";
	return NAN;
}

/* ---- the leaves and the period ------------------------------------- */

/* The direction of a leaf: explicit, else the indicator's polarity for a
 * level or a growth, else the measure's: more diversity (entropy) and a
 * better than expected change in a crisis (resistance) are better, more
 * concentration (HHI) is worse. */
static int
index_catalog_leaves_direction(const struct index_component *c,
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

int
index_catalog_leaves_load(struct index_catalog_builder *b)
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
		leaf->direction = index_catalog_leaves_direction(c, leaf->indicator,
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
index_catalog_leaves_year_span(struct index_catalog_builder *b, int *lo, int *hi)
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
			    index_catalog_leaves_levels(b, leaf->indicator->code);

			if (lv->years == 0)
				continue;
			a = lv->first_year;
			z = lv->first_year + lv->years - 1;
		} else {
			struct index_catalog_structure *st =
			    index_catalog_leaves_structure(b, leaf->indicator->code);
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
const char *
index_catalog_leaves_latest(struct index_catalog_builder *b)
{
	struct index_catalog *x = b->x;
	char text[PERIOD_TEXT_MAX];
	size_t best = 0, i, u;
	int lo, hi, year, best_year = 0;

	index_catalog_leaves_year_span(b, &lo, &hi);
	for (year = hi; lo > 0 && year >= lo; year--) {
		size_t count = 0;

		snprintf(text, sizeof(text), "%d", year);
		for (i = 0; i < x->leaf_count; i++) {
			const char *why;

			if (x->leaves[i].measure == MODEL_MEASURE_RESISTANCE)
				continue;
			for (u = 0; u < x->unit_count; u++)
				if (!isnan(index_catalog_leaves_value(b,
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

bool
index_catalog_leaves_needs_year(const struct index_catalog *x)
{
	size_t i;

	for (i = 0; i < x->leaf_count; i++)
		if (x->leaves[i].measure != MODEL_MEASURE_RESISTANCE)
			return true;
	return false;
}

/* Every leaf's raw values in the period; a leaf without any is unused. */
size_t
index_catalog_leaves_values(struct index_catalog_builder *b)
{
	struct index_catalog *x = b->x;
	size_t i, u, used = 0;

	for (i = 0; i < x->leaf_count; i++) {
		struct index_catalog_leaf *leaf = &x->leaves[i];
		size_t present = 0;

		if (leaf->measure == MODEL_MEASURE_GROWTH)
			leaf->to = x->period;
		for (u = 0; u < x->unit_count; u++) {
			leaf->raw[u] = index_catalog_leaves_value(b, leaf, u,
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
