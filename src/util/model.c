#include "util/model.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "util/period.h"

const char *const model_dimension_names[MODEL_DIMENSION__MAX] = {
	NULL, "economic", "ecological", "social", "governance"
};
const char *const model_principle_names[MODEL_PRINCIPLE__MAX] = {
	NULL, "diversity", "redundancy", "modularity", "connectivity",
	"adaptability", "robustness", "feedback", "efficiency", "resistance",
	"recovery", "reorientation", "renewal"
};
const char *const model_perspective_names[MODEL_PERSPECTIVE__MAX] = {
	NULL, "impact", "customer", "financial", "process", "learning"
};
const char *const model_annual_names[MODEL_ANNUAL__MAX] = {
	"mean", "last", "sum"
};
const char *const model_target_kind_names[MODEL_TARGET_KIND__MAX] = {
	"value", "interval", "every_year", "direction", "reference"
};
const char *const model_region_level_names[MODEL_REGION_LEVEL__MAX] = {
	"nation", "state", "government_region", "district",
	"district_free_city", "municipality", "area"
};
const char *const model_alias_scheme_names[MODEL_ALIAS_SCHEME__MAX] = {
	NULL, "ags", "ars", "nuts", "lau", "other"
};

const char *const model_measure_names[MODEL_MEASURE__MAX] = {
	NULL, "level", "growth", "share", "entropy", "hhi", "resistance"
};

int
model_enum_parse(const char *const *names, int count, const char *name)
{
	int i;

	for (i = 0; i < count; i++)
		if (names[i] != NULL && strcmp(names[i], name) == 0)
			return i;
	return -1;
}

void
model_catalog_init(struct catalog *c)
{
	memset(c, 0, sizeof(*c));
	arena_init(&c->arena);
}

void
model_catalog_free(struct catalog *c)
{
	arena_free(&c->arena);
	memset(c, 0, sizeof(*c));
}

/* Arrays live in the arena too: growing copies them into a chunk twice the
 * size and abandons the old one, which costs at most as much again. */
static void *
model_append(struct catalog *c, void **items, size_t *count, size_t *cap,
    size_t size)
{
	char *p;

	if (*count == *cap) {
		size_t ncap = *cap == 0 ? 16 : *cap * 2;
		void *n = arena_alloc(&c->arena, ncap * size);

		if (*count > 0)
			memcpy(n, *items, *count * size);
		*items = n;
		*cap = ncap;
	}
	p = (char *)*items + *count * size;
	memset(p, 0, size);
	(*count)++;
	return p;
}

struct goal *
model_add_goal(struct catalog *c)
{
	return model_append(c, (void **)&c->goals, &c->goal_count,
	    &c->goal_cap, sizeof(struct goal));
}

struct indicator *
model_add_indicator(struct catalog *c)
{
	return model_append(c, (void **)&c->indicators, &c->indicator_count,
	    &c->indicator_cap, sizeof(struct indicator));
}

struct region *
model_add_region(struct catalog *c)
{
	return model_append(c, (void **)&c->regions, &c->region_count,
	    &c->region_cap, sizeof(struct region));
}

struct classification *
model_add_classification(struct catalog *c)
{
	return model_append(c, (void **)&c->classifications,
	    &c->classification_count, &c->classification_cap,
	    sizeof(struct classification));
}

struct shock *
model_add_shock(struct catalog *c)
{
	return model_append(c, (void **)&c->shocks, &c->shock_count,
	    &c->shock_cap, sizeof(struct shock));
}

struct composite_index *
model_add_index(struct catalog *c)
{
	return model_append(c, (void **)&c->indices, &c->index_count,
	    &c->index_cap, sizeof(struct composite_index));
}

const char *
model_strdup(struct catalog *c, const char *s)
{
	return s == NULL ? NULL : arena_strdup(&c->arena, s);
}

/* The first of `count` records (each `size` bytes, its code at `offset`)
 * whose code is `code`; records without a code are skipped. */
static void *
model_find_code(void *items, size_t count, size_t size, size_t offset,
    const char *code)
{
	char *item = items;
	size_t i;

	for (i = 0; i < count; i++, item += size) {
		const char *c = *(const char **)(item + offset);

		if (c != NULL && strcmp(c, code) == 0)
			return item;
	}
	return NULL;
}

/* The record of `type` in items[0..count) whose code is `wanted`. */
#define MODEL_FIND(items, count, type, wanted) \
	model_find_code(items, count, sizeof(type), offsetof(type, code), \
	    wanted)

struct goal *
model_find_goal(const struct catalog *c, const char *code)
{
	return MODEL_FIND(c->goals, c->goal_count, struct goal, code);
}

struct indicator *
model_find_indicator(const struct catalog *c, const char *code)
{
	return MODEL_FIND(c->indicators, c->indicator_count, struct indicator,
	    code);
}

struct region *
model_find_region(const struct catalog *c, const char *code)
{
	return MODEL_FIND(c->regions, c->region_count, struct region, code);
}

struct region *
model_find_region_any(const struct catalog *c, const char *code)
{
	struct region *r = model_find_region(c, code);
	size_t i;

	for (i = 0; r == NULL && i < c->region_count; i++)
		if (MODEL_FIND(c->regions[i].aliases, c->regions[i].alias_count,
		    struct region_alias, code) != NULL)
			return &c->regions[i];
	return r;
}

struct classification *
model_find_classification(const struct catalog *c, const char *code)
{
	return MODEL_FIND(c->classifications, c->classification_count,
	    struct classification, code);
}

struct sector *
model_find_sector(const struct classification *cl, const char *code)
{
	return MODEL_FIND(cl->sectors, cl->sector_count, struct sector, code);
}

struct shock *
model_find_shock(const struct catalog *c, const char *code)
{
	return MODEL_FIND(c->shocks, c->shock_count, struct shock, code);
}

struct composite_index *
model_find_index(const struct catalog *c, const char *code)
{
	return MODEL_FIND(c->indices, c->index_count, struct composite_index,
	    code);
}

struct index_component *
model_find_component(const struct composite_index *x, const char *code)
{
	return MODEL_FIND(x->components, x->component_count,
	    struct index_component, code);
}

const struct target_version *
model_current_target(const struct indicator *ind, const char *code)
{
	size_t i;

	for (i = 0; i < ind->target_count; i++)
		if (ind->targets[i].valid_to == NULL &&
		    ind->targets[i].code != NULL &&
		    strcmp(ind->targets[i].code, code) == 0)
			return &ind->targets[i];
	return NULL;
}

static int
model_compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* SDG codes sort by goal number, then target:
 * "8" < "8.2" < "8.10" < "8.a" < "10". */
int
model_sdg_compare(const char *a, const char *b)
{
	long ga = strtol(a, NULL, 10), gb = strtol(b, NULL, 10);
	const char *ta = strchr(a, '.'), *tb = strchr(b, '.');
	int da, db;

	if (ga != gb)
		return ga < gb ? -1 : 1;
	if (ta == NULL || tb == NULL)
		return (ta != NULL) - (tb != NULL);
	ta++, tb++;
	da = *ta >= '0' && *ta <= '9';
	db = *tb >= '0' && *tb <= '9';
	if (da && db) {
		long na = strtol(ta, NULL, 10), nb = strtol(tb, NULL, 10);

		if (na != nb)
			return na < nb ? -1 : 1;
	} else if (da != db)
		return da ? -1 : 1;
	return strcmp(ta, tb);
}

static int
model_compare_sdgs(const void *a, const void *b)
{
	return model_sdg_compare(*(const char *const *)a,
	    *(const char *const *)b);
}

/* Targets: by code, then by valid_from, the version without a start (one a file
 * leaves to the store) last; equal starts put the current version last. */
static int
model_compare_targets(const void *pa, const void *pb)
{
	const struct target_version *a = pa, *b = pb;
	int r = strcmp(a->code, b->code);

	if (r != 0)
		return r;
	if ((a->valid_from == NULL) != (b->valid_from == NULL))
		return a->valid_from == NULL ? 1 : -1;
	if (a->valid_from != NULL &&
	    (r = strcmp(a->valid_from, b->valid_from)) != 0)
		return r;
	if ((a->valid_to == NULL) != (b->valid_to == NULL))
		return a->valid_to == NULL ? 1 : -1;
	return a->valid_to == NULL ? 0 : strcmp(a->valid_to, b->valid_to);
}

static int
model_compare_aliases(const void *a, const void *b)
{
	return strcmp(((const struct region_alias *)a)->code,
	    ((const struct region_alias *)b)->code);
}

static int
model_compare_classifications(const void *a, const void *b)
{
	return strcmp(((const struct classification *)a)->code,
	    ((const struct classification *)b)->code);
}

static int
model_compare_shocks(const void *pa, const void *pb)
{
	const struct shock *a = pa, *b = pb;
	struct period x, y;
	int r;

	if (period_parse(a->peak, strlen(a->peak), &x) == 0 &&
	    period_parse(b->peak, strlen(b->peak), &y) == 0 &&
	    (r = period_compare(&x, &y)) != 0)
		return r;
	return strcmp(a->code, b->code);
}

void
model_catalog_canonicalize(struct catalog *c)
{
	size_t i;

	for (i = 0; i < c->indicator_count; i++) {
		struct indicator *ind = &c->indicators[i];

		if (ind->goal_count > 1)
			qsort(ind->goals, ind->goal_count, sizeof(*ind->goals),
			    model_compare_strings);
		if (ind->sdg_count > 1)
			qsort(ind->sdgs, ind->sdg_count, sizeof(*ind->sdgs),
			    model_compare_sdgs);
		if (ind->target_count > 1)
			qsort(ind->targets, ind->target_count,
			    sizeof(*ind->targets), model_compare_targets);
	}
	for (i = 0; i < c->region_count; i++)
		if (c->regions[i].alias_count > 1)
			qsort(c->regions[i].aliases, c->regions[i].alias_count,
			    sizeof(struct region_alias), model_compare_aliases);
	if (c->classification_count > 1)
		qsort(c->classifications, c->classification_count,
		    sizeof(struct classification),
		    model_compare_classifications);
	if (c->shock_count > 1)
		qsort(c->shocks, c->shock_count, sizeof(struct shock),
		    model_compare_shocks);
}

static bool
model_same_string(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static bool
model_same_number(bool has_a, double a, bool has_b, double b)
{
	return has_a == has_b && (!has_a || a == b);
}

bool
model_target_same_content(const struct target_version *a,
    const struct target_version *b)
{
	return a->kind == b->kind &&
	    model_same_number(a->has_value, a->value, b->has_value, b->value) &&
	    model_same_number(a->has_low, a->low, b->has_low, b->low) &&
	    model_same_number(a->has_high, a->high, b->has_high, b->high) &&
	    a->year == b->year &&
	    model_same_string(a->reference_region, b->reference_region) &&
	    model_same_string(a->note_de, b->note_de) &&
	    model_same_string(a->note_en, b->note_en);
}

static bool
model_same_strings(const char *const *a, size_t na, const char *const *b,
    size_t nb)
{
	size_t i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (!model_same_string(a[i], b[i]))
			return false;
	return true;
}

static bool
model_same_uncertainty(const struct index_uncertainty *a,
    const struct index_uncertainty *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return model_same_strings(a->normalise, a->normalise_count,
	    b->normalise, b->normalise_count) &&
	    model_same_strings(a->aggregate, a->aggregate_count,
	    b->aggregate, b->aggregate_count) &&
	    model_same_number(a->has_weights, a->weights, b->has_weights,
	    b->weights) && a->runs == b->runs && a->seed == b->seed;
}

static bool
model_same_component(const struct index_component *a,
    const struct index_component *b)
{
	return model_same_string(a->code, b->code) &&
	    model_same_string(a->parent, b->parent) &&
	    model_same_string(a->title_de, b->title_de) &&
	    model_same_string(a->title_en, b->title_en) &&
	    model_same_number(a->has_weight, a->weight, b->has_weight,
	    b->weight) &&
	    model_same_string(a->indicator, b->indicator) &&
	    a->measure == b->measure && a->direction == b->direction &&
	    model_same_string(a->from, b->from) &&
	    model_same_string(a->sector, b->sector) &&
	    model_same_string(a->shock, b->shock);
}

bool
model_index_same_content(const struct composite_index *a,
    const struct composite_index *b)
{
	size_t i;

	if (!model_same_string(a->code, b->code) ||
	    !model_same_string(a->title_de, b->title_de) ||
	    !model_same_string(a->title_en, b->title_en) ||
	    !model_same_string(a->description_de, b->description_de) ||
	    !model_same_string(a->description_en, b->description_en) ||
	    !model_same_strings(a->units, a->unit_count, b->units,
	    b->unit_count) ||
	    !model_same_string(a->period, b->period) ||
	    !model_same_string(a->normalise, b->normalise) ||
	    !model_same_string(a->aggregate, b->aggregate) ||
	    !model_same_uncertainty(a->uncertainty, b->uncertainty) ||
	    a->component_count != b->component_count)
		return false;
	for (i = 0; i < a->component_count; i++)
		if (!model_same_component(&a->components[i], &b->components[i]))
			return false;
	return true;
}

void
model_goal_tree(struct catalog *c, struct goal_tree *out)
{
	size_t i, j, k;

	memset(out, 0, sizeof(*out));
	out->node_count = c->goal_count;
	out->nodes = arena_alloc(&c->arena,
	    (c->goal_count + 1) * sizeof(struct goal_node));
	out->roots = arena_alloc(&c->arena,
	    (c->goal_count + 1) * sizeof(struct goal_node *));
	for (i = 0; i < c->goal_count; i++) {
		struct goal_node *n = &out->nodes[i];
		size_t children = 0, indicators = 0;

		n->goal = &c->goals[i];
		for (j = 0; j < c->goal_count; j++)
			if (c->goals[j].parent != NULL &&
			    strcmp(c->goals[j].parent, c->goals[i].code) == 0)
				children++;
		for (j = 0; j < c->indicator_count; j++)
			for (k = 0; k < c->indicators[j].goal_count; k++)
				if (strcmp(c->indicators[j].goals[k],
				    c->goals[i].code) == 0)
					indicators++;
		n->children = arena_alloc(&c->arena,
		    (children + 1) * sizeof(*n->children));
		n->indicators = arena_alloc(&c->arena,
		    (indicators + 1) * sizeof(*n->indicators));
		for (j = 0; j < c->indicator_count; j++)
			for (k = 0; k < c->indicators[j].goal_count; k++)
				if (strcmp(c->indicators[j].goals[k],
				    c->goals[i].code) == 0)
					n->indicators[n->indicator_count++] =
					    &c->indicators[j];
	}
	for (i = 0; i < c->goal_count; i++) {
		const struct goal *g = &c->goals[i];
		struct goal *parent = g->parent == NULL ? NULL :
		    model_find_goal(c, g->parent);

		if (parent == NULL) {
			out->roots[out->root_count++] = &out->nodes[i];
		} else {
			struct goal_node *pn = &out->nodes[parent - c->goals];

			pn->children[pn->child_count++] = &out->nodes[i];
		}
	}
}
