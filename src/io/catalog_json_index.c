/* The catalogue reader's composite indices (docs/index.md): phase one reads
 * each index with its uncertainty analysis and components and checks the
 * rules inside one index (the period, the methods' text forms, what each
 * measure needs); phase two checks what spans items: duplicate codes, the
 * units' regions, the hierarchy (parents, cycles, depth) and the indicators,
 * sectors and shocks the leaves name. Whether the data are there is not a
 * question for the catalogue: a leaf without figures is a status when the
 * index is built (app/index_catalog.h). */
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "core/aggregate.h"
#include "core/normalise.h"
#include "io/catalog_json_internal.h"
#include "util/period.h"

/* Replications: default and bounds (the schema's runs field says them too). */
#define CATALOG_JSON_INDEX_RUNS	1000
#define CATALOG_JSON_INDEX_SEED	1

/* ---- phase one ------------------------------------------------------------ */

/* True when a unit of the index is `code`. */
static bool
catalog_json_index_has_unit(const struct composite_index *x, const char *code)
{
	size_t i;

	for (i = 0; i < x->unit_count; i++)
		if (x->units[i] != NULL && strcmp(x->units[i], code) == 0)
			return true;
	return false;
}

/* A normalisation's text form, as `wiall index` reads it, less what a
 * catalogue index cannot give: targets (dist2target), goalposts per
 * indicator; dist2ref must name one of the units. */
static void
catalog_json_index_normalise(struct catalog_json_reader *r, const char *path,
    const char *key, const char *text, const struct composite_index *x)
{
	struct normalise_spec spec;
	const char *reference = NULL;
	struct error e;

	if (text == NULL)
		return;
	if (normalise_spec_parse(text, &spec, &reference, &r->out->arena,
	    &e) == -1) {
		catalog_json_problem(r, path, key, "%s", e.message);
		return;
	}
	if (spec.method == NORMALISE_DIST2TARGET)
		catalog_json_problem(r, path, key, "'%s' needs targets for "
		    "each component, which a catalogue index does not give",
		    text);
	else if (spec.method == NORMALISE_GOALPOSTS &&
	    (isnan(spec.goal_lower) || isnan(spec.goal_upper)))
		catalog_json_problem(r, path, key, "'%s': give the goalposts "
		    "here, goalposts:lo,hi[,scale]", text);
	else if (reference != NULL && !catalog_json_index_has_unit(x,
	    reference))
		catalog_json_problem(r, path, key, "'%s': %s is not one of the "
		    "index's units", text, reference);
}

static void
catalog_json_index_aggregate(struct catalog_json_reader *r, const char *path,
    const char *key, const char *text)
{
	struct aggregate_spec spec;
	struct error e;

	if (text != NULL && aggregate_spec_parse(text, &spec, &e) == -1)
		catalog_json_problem(r, path, key, "%s", e.message);
}

static void
catalog_json_index_uncertainty(struct catalog_json_reader *r, json_t *v,
    const char *base, struct composite_index *x)
{
	char path[CATALOG_JSON_PATH_MAX], item[CATALOG_JSON_PATH_MAX];
	struct index_uncertainty *u;
	size_t i;

	catalog_json_path(path, "%s.uncertainty", base);
	if (!json_is_object(v)) {
		catalog_json_problem(r, path, NULL, "expected an object, got %s",
		    catalog_json_field_kind(v));
		return;
	}
	u = arena_alloc(&r->out->arena, sizeof(*u));
	u->runs = CATALOG_JSON_INDEX_RUNS;
	u->seed = CATALOG_JSON_INDEX_SEED;
	catalog_json_field_object(r, v, path, catalog_json_schema_uncertainty,
	    u);
	x->uncertainty = u;
	/* METHODS §4.10: an uncertain input has at least two alternatives. */
	if (u->normalise_count == 1)
		catalog_json_problem(r, path, "normalise", "give at least two "
		    "alternatives to draw from");
	if (u->aggregate_count == 1)
		catalog_json_problem(r, path, "aggregate", "give at least two "
		    "alternatives to draw from");
	for (i = 0; i < u->normalise_count; i++) {
		catalog_json_path(item, "%s.normalise[%zu]", path, i);
		catalog_json_index_normalise(r, item, NULL, u->normalise[i], x);
	}
	for (i = 0; i < u->aggregate_count; i++) {
		catalog_json_path(item, "%s.aggregate[%zu]", path, i);
		catalog_json_index_aggregate(r, item, NULL, u->aggregate[i]);
	}
	if (u->has_weights && !(u->weights > 0 && u->weights <= 1))
		catalog_json_problem(r, path, "weights", "is a share greater "
		    "than 0 and at most 1 (0.25: each weight within ±25 %%)");
	if (u->normalise_count == 0 && u->aggregate_count == 0 &&
	    !u->has_weights)
		catalog_json_problem(r, path, NULL, "name what varies: "
		    "normalise, aggregate or weights");
}

/* A field that a measure needs (it must be there) or does not take. */
static void
catalog_json_index_measure_field(struct catalog_json_reader *r, json_t *v,
    const char *path, const char *key, bool needed, const char *measure)
{
	bool has = catalog_json_field_has(v, key);

	if (needed && !has)
		catalog_json_problem(r, path, key, "required for measure '%s'",
		    measure);
	if (!needed && has)
		catalog_json_problem(r, path, key, "not taken by measure '%s'",
		    measure);
}

static void
catalog_json_index_component_read(struct catalog_json_reader *r, json_t *v,
    const char *path, void *record, const void *arg)
{
	static const char *const leaf_keys[] = { "measure", "direction",
	    "from", "sector", "shock" };
	struct index_component *c = record;
	enum model_measure m;
	const char *measure;
	json_t *d;
	size_t i;

	(void)arg;
	catalog_json_field_object(r, v, path, catalog_json_schema_component, c);
	if (c->has_weight && !(c->weight >= 0 && isfinite(c->weight)))
		catalog_json_problem(r, path, "weight", "must be 0 or more");
	d = json_object_get(v, "direction");
	if (json_is_integer(d) && json_integer_value(d) == 0)
		catalog_json_problem(r, path, "direction", "is 1 (higher is "
		    "better) or -1 (lower is better); leave it out for the "
		    "measure's default");
	if (!catalog_json_field_has(v, "indicator")) {
		for (i = 0; i < sizeof(leaf_keys) / sizeof(leaf_keys[0]); i++)
			if (catalog_json_field_has(v, leaf_keys[i]))
				catalog_json_problem(r, path, leaf_keys[i],
				    "only a component that names an indicator "
				    "takes it");
		return;
	}
	m = c->measure == MODEL_MEASURE_NONE ? MODEL_MEASURE_LEVEL : c->measure;
	measure = model_measure_names[m];
	catalog_json_index_measure_field(r, v, path, "from",
	    m == MODEL_MEASURE_GROWTH, measure);
	catalog_json_index_measure_field(r, v, path, "sector",
	    m == MODEL_MEASURE_SHARE, measure);
	catalog_json_index_measure_field(r, v, path, "shock",
	    m == MODEL_MEASURE_RESISTANCE, measure);
	/* Whether a larger share is better depends on the sector. */
	if (m == MODEL_MEASURE_SHARE && !catalog_json_field_has(v, "direction"))
		catalog_json_problem(r, path, "direction", "required for "
		    "measure 'share': is a larger share better (1) or worse "
		    "(-1)?");
	if (c->from != NULL) {
		struct period p;

		if (period_parse(c->from, strlen(c->from), &p) == 0 &&
		    p.kind != PERIOD_YEAR)
			catalog_json_problem(r, path, "from", "'%s' is not a "
			    "year: an index compares years", c->from);
	}
}

/* The period: "latest" or a year. */
static void
catalog_json_index_period(struct catalog_json_reader *r, const char *path,
    const char *text)
{
	struct period p;

	if (text == NULL || strcmp(text, "latest") == 0)
		return;
	if (period_parse(text, strlen(text), &p) == -1 || p.kind != PERIOD_YEAR)
		catalog_json_problem(r, path, "period", "'%s' is neither a "
		    "year (2014) nor 'latest' (the latest year the data have in "
		    "common)", text);
}

void
catalog_json_index_read_all(struct catalog_json_reader *r, json_t *array)
{
	char path[CATALOG_JSON_PATH_MAX];
	size_t i, j;

	for (i = 0; i < json_array_size(array); i++) {
		struct composite_index *x = model_add_index(r->out);
		json_t *v = catalog_json_field_item(r, array, i, "indices",
		    path);
		json_t *u;

		x->position = (int)i;
		if (v == NULL)
			continue;
		catalog_json_field_object(r, v, path, catalog_json_schema_index,
		    x);
		if (catalog_json_field_has(v, "units") && x->unit_count < 2)
			catalog_json_problem(r, path, "units", "an index "
			    "compares at least two regions");
		else if (!catalog_json_field_has(v, "units"))
			catalog_json_problem(r, path, "units", "required");
		catalog_json_index_period(r, path, x->period);
		catalog_json_index_normalise(r, path, "normalise", x->normalise,
		    x);
		catalog_json_index_aggregate(r, path, "aggregate", x->aggregate);
		if ((u = json_object_get(v, "uncertainty")) != NULL &&
		    !json_is_null(u))
			catalog_json_index_uncertainty(r, u, path, x);
		x->components = catalog_json_records(r, v, path, "components",
		    sizeof(*x->components), &x->component_count,
		    catalog_json_index_component_read, NULL);
		if (x->component_count == 0)
			catalog_json_problem(r, path, "components", "required: "
			    "the index needs at least one component that names "
			    "an indicator");
		for (j = 0; j < x->component_count; j++)
			x->components[j].position = (int)j;
	}
}

/* ---- phase two ------------------------------------------------------------ */

static const struct indicator *
catalog_json_index_find_indicator(const struct catalog_json_reader *r,
    const char *code)
{
	const struct indicator *ind = model_find_indicator(r->out, code);

	if (ind == NULL && r->known != NULL)
		ind = model_find_indicator(r->known, code);
	return ind;
}

static const struct classification *
catalog_json_index_find_class(const struct catalog_json_reader *r,
    const char *code)
{
	const struct classification *cl = model_find_classification(r->out,
	    code);

	if (cl == NULL && r->known != NULL)
		cl = model_find_classification(r->known, code);
	return cl;
}

static bool
catalog_json_index_has_sector(const struct catalog_json_reader *r,
    const char *classification, const char *code)
{
	const struct classification *cl =
	    model_find_classification(r->out, classification);

	if (cl != NULL && model_find_sector(cl, code) != NULL)
		return true;
	cl = r->known != NULL ?
	    model_find_classification(r->known, classification) : NULL;
	return cl != NULL && model_find_sector(cl, code) != NULL;
}

/* What a leaf names: its indicator, and what the measure needs of it. */
static void
catalog_json_index_check_leaf(struct catalog_json_reader *r,
    const char *path, const struct index_component *c)
{
	const struct indicator *ind;
	enum model_measure m = c->measure == MODEL_MEASURE_NONE ?
	    MODEL_MEASURE_LEVEL : c->measure;

	if ((ind = catalog_json_index_find_indicator(r, c->indicator)) ==
	    NULL) {
		catalog_json_problem(r, path, "indicator",
		    "unknown indicator '%s'", c->indicator);
		return;
	}
	switch (m) {
	case MODEL_MEASURE_LEVEL:
	case MODEL_MEASURE_GROWTH:
		/* The direction comes from the polarity, which 0 does not
		 * give (METHODS §1: never a silent default). */
		if (ind->polarity == 0 && c->direction == 0)
			catalog_json_problem(r, path, "direction", "required: "
			    "indicator '%s' has polarity 0, so say whether "
			    "higher is better (1) or worse (-1)", ind->code);
		break;
	case MODEL_MEASURE_SHARE:
	case MODEL_MEASURE_ENTROPY:
	case MODEL_MEASURE_HHI:
	case MODEL_MEASURE_RESISTANCE:
		if (ind->classification == NULL) {
			catalog_json_problem(r, path, "measure", "'%s' needs "
			    "figures by sector, but indicator '%s' has no "
			    "classification", model_measure_names[m],
			    ind->code);
			return;
		}
		if (catalog_json_index_find_class(r, ind->classification) ==
		    NULL)
			return;		/* reported at the indicator */
		if (c->sector != NULL && !catalog_json_index_has_sector(r,
		    ind->classification, c->sector))
			catalog_json_problem(r, path, "sector", "unknown sector "
			    "'%s' in '%s'", c->sector, ind->classification);
		if (c->shock != NULL && model_find_shock(r->out, c->shock) ==
		    NULL && (r->known == NULL ||
		    model_find_shock(r->known, c->shock) == NULL))
			catalog_json_problem(r, path, "shock",
			    "unknown shock '%s'", c->shock);
		break;
	case MODEL_MEASURE_NONE:
	case MODEL_MEASURE__MAX:
		break;
	}
}

/* The depth of a component below the index (1: a child of the index); 0
 * when its parents break off or cycle elsewhere (reported there), -1 when
 * they lead back to the component itself. */
static int
catalog_json_index_depth(const struct composite_index *x,
    const struct index_component *c)
{
	const struct index_component *p = c;
	int depth = 1;

	while (p->parent != NULL) {
		if (strcmp(p->parent, c->code) == 0)
			return -1;
		if (++depth > (int)x->component_count + 1)
			return 0;
		if ((p = model_find_component(x, p->parent)) == NULL)
			return 0;
	}
	return depth;
}

/* Parents, cycles, aggregates without components, and leaves at one depth
 * (the pipeline aggregates level by level, METHODS §4.1). */
static void
catalog_json_index_check_tree(struct catalog_json_reader *r,
    const char *base, const struct composite_index *x)
{
	char path[CATALOG_JSON_PATH_MAX];
	const struct index_component *first_leaf = NULL;
	int leaf_depth = 0;
	size_t i, j;

	for (i = 0; i < x->component_count; i++) {
		const struct index_component *c = &x->components[i];
		const struct index_component *p;
		bool children = false;
		int depth;

		if (c->code == NULL)
			continue;
		catalog_json_path(path, "%s.components[%zu]", base, i);
		if (x->code != NULL && strcmp(c->code, x->code) == 0)
			catalog_json_problem(r, path, "code", "'%s' is the "
			    "index's own code", c->code);
		if (c->parent != NULL) {
			p = model_find_component(x, c->parent);
			if (p == NULL) {
				catalog_json_problem(r, path, "parent",
				    "unknown component '%s' of index '%s'",
				    c->parent, x->code != NULL ? x->code : "");
				continue;
			}
			if (p->indicator != NULL) {
				catalog_json_problem(r, path, "parent",
				    "'%s' names an indicator: it is a leaf "
				    "and has no components", c->parent);
				continue;
			}
		}
		if ((depth = catalog_json_index_depth(x, c)) == -1) {
			catalog_json_problem(r, path, "parent", "'%s' leads "
			    "back to '%s': components must not form a cycle",
			    c->parent, c->code);
			continue;
		}
		if (c->indicator == NULL) {
			for (j = 0; j < x->component_count && !children; j++)
				children = x->components[j].parent != NULL &&
				    strcmp(x->components[j].parent, c->code) ==
				    0;
			if (!children)
				catalog_json_problem(r, path, NULL, "'%s' names "
				    "no indicator and no component has it as "
				    "parent: an aggregate needs components",
				    c->code);
			continue;
		}
		if (depth == 0)
			continue;
		if (first_leaf == NULL) {
			first_leaf = c;
			leaf_depth = depth;
		} else if (depth != leaf_depth)
			catalog_json_problem(r, path, "parent", "leaves must "
			    "all lie at the same depth below the index: '%s' "
			    "is at depth %d, '%s' at %d", c->code, depth,
			    first_leaf->code, leaf_depth);
	}
	if (x->component_count > 0 && first_leaf == NULL)
		catalog_json_problem(r, base, "components", "no component "
		    "names an indicator");
}

void
catalog_json_index_check(struct catalog_json_reader *r)
{
	struct catalog *c = r->out;
	char path[CATALOG_JSON_PATH_MAX], item[CATALOG_JSON_PATH_MAX];
	size_t i, j;

	catalog_json_check_duplicates(r, c->indices, c->index_count,
	    sizeof(struct composite_index),
	    offsetof(struct composite_index, code), "indices", "index");
	for (i = 0; i < c->index_count; i++) {
		const struct composite_index *x = &c->indices[i];

		if (x->code == NULL)
			continue;
		catalog_json_path(path, "indices[%zu]", i);
		for (j = 0; j < x->unit_count; j++) {
			catalog_json_path(item, "%s.units[%zu]", path, j);
			catalog_json_check_region_ref(r, item, NULL,
			    x->units[j]);
		}
		catalog_json_path(item, "%s.components", path);
		catalog_json_check_duplicates(r, x->components,
		    x->component_count, sizeof(struct index_component),
		    offsetof(struct index_component, code), item, "component");
		catalog_json_index_check_tree(r, path, x);
		for (j = 0; j < x->component_count; j++) {
			if (x->components[j].indicator == NULL)
				continue;
			catalog_json_path(item, "%s.components[%zu]", path, j);
			catalog_json_index_check_leaf(r, item,
			    &x->components[j]);
		}
	}
}
