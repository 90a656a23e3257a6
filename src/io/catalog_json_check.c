/* The catalogue reader's phase two: what spans items (duplicate codes,
 * references, parent chains and levels, colliding aliases). See
 * catalog_json_internal.h. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "io/catalog_json_internal.h"

void
catalog_json_check_duplicates(struct catalog_json_reader *r, const void *array,
    size_t count, size_t size, size_t offset, const char *base,
    const char *what)
{
	char path[CATALOG_JSON_PATH_MAX];
	size_t i, j;

#define CODE_AT(k) (*(const char *const *)((const char *)array + \
	(k) * size + offset))
	for (i = 0; i < count; i++) {
		if (CODE_AT(i) == NULL)
			continue;
		for (j = 0; j < i; j++) {
			if (CODE_AT(j) == NULL ||
			    strcmp(CODE_AT(j), CODE_AT(i)) != 0)
				continue;
			catalog_json_path(path, "%s[%zu]", base, i);
			catalog_json_problem(r, path, "code",
			    "duplicate %s '%s' (first at %s[%zu])",
			    what, CODE_AT(i), base, j);
			break;
		}
	}
#undef CODE_AT
}

static const struct goal *
catalog_json_check_find_goal(
    const struct catalog_json_reader *r, const char *code)
{
	const struct goal *g = model_find_goal(r->out, code);

	if (g == NULL && r->known != NULL)
		g = model_find_goal(r->known, code);
	return g;
}

static const struct region *
catalog_json_check_find_region(
    const struct catalog_json_reader *r, const char *code)
{
	const struct region *g = model_find_region(r->out, code);

	if (g == NULL && r->known != NULL)
		g = model_find_region(r->known, code);
	return g;
}

static const struct classification *
catalog_json_check_find_class(
    const struct catalog_json_reader *r, const char *code)
{
	const struct classification *cl = model_find_classification(r->out,
	    code);

	if (cl == NULL && r->known != NULL)
		cl = model_find_classification(r->known, code);
	return cl;
}

void
catalog_json_check_region_ref(struct catalog_json_reader *r, const char *path,
    const char *key, const char *code)
{
	const struct region *g;

	if (code == NULL || catalog_json_check_find_region(r, code) != NULL)
		return;
	g = model_find_region_any(r->out, code);
	if (g == NULL && r->known != NULL)
		g = model_find_region_any(r->known, code);
	if (g != NULL)
		catalog_json_problem(r, path, key,
		    "'%s' is an alias of region '%s'; use the region's code",
		    code, g->code);
	else
		catalog_json_problem(r, path, key, "unknown region '%s'", code);
}

/*
 * Follows parents up from an item to find its level (1 = no parent). The
 * chain may run through the stored catalogue; the file's version of an item
 * wins. Returns the level, 0 if the chain breaks (an unknown parent, reported
 * elsewhere) and -1 if it runs in a cycle through the item itself (a chain that
 * cycles elsewhere returns 0: those items report it).
 */
typedef const char *(*catalog_json_check_parent_fn)(
    const struct catalog_json_reader *, const void *, const char *, bool *);

static int
catalog_json_check_level(const struct catalog_json_reader *r, const void *scope,
    const char *code, const char *parent, size_t limit,
    catalog_json_check_parent_fn parent_of)
{
	size_t steps = 0;
	int level = 1;

	while (parent != NULL) {
		bool found;

		if (strcmp(parent, code) == 0)
			return -1;
		if (++steps > limit)
			return 0;
		level++;
		parent = parent_of(r, scope, parent, &found);
		if (!found)
			return 0;
	}
	return level;
}

static const char *
catalog_json_check_goal_parent(const struct catalog_json_reader *r,
    const void *scope, const char *code, bool *found)
{
	const struct goal *g = catalog_json_check_find_goal(r, code);

	(void)scope;
	*found = g != NULL;
	return g == NULL ? NULL : g->parent;
}

static void
catalog_json_check_goals(struct catalog_json_reader *r)
{
	struct catalog *c = r->out;
	size_t i, limit = c->goal_count + (r->known ? r->known->goal_count : 0);
	char path[CATALOG_JSON_PATH_MAX];

	catalog_json_check_duplicates(r, c->goals, c->goal_count,
	    sizeof(struct goal), offsetof(struct goal, code), "goals", "goal");
	for (i = 0; i < c->goal_count; i++) {
		struct goal *g = &c->goals[i];
		int level;

		if (g->code == NULL)
			continue;
		catalog_json_path(path, "goals[%zu]", i);
		if (g->parent != NULL &&
		    catalog_json_check_find_goal(r, g->parent) == NULL) {
			catalog_json_problem(
			    r, path, "parent", "unknown goal '%s'", g->parent);
			continue;
		}
		level = catalog_json_check_level(r, NULL, g->code, g->parent,
		    limit, catalog_json_check_goal_parent);
		if (level == -1)
			catalog_json_problem(r, path, "parent",
			    "'%s' leads back to "
			    "'%s': goals must not form a cycle",
			    g->parent, g->code);
		else if (level > 0 && g->level != 0 && g->level != level)
			catalog_json_problem(r, path, "level",
			    "is %d, but its place "
			    "under its parents makes it %d", g->level, level);
		if (level > 0)
			g->level = level;
	}
}

static void
catalog_json_check_indicators(struct catalog_json_reader *r)
{
	struct catalog *c = r->out;
	char path[CATALOG_JSON_PATH_MAX], item[CATALOG_JSON_PATH_MAX];
	size_t i, j;

	catalog_json_check_duplicates(r, c->indicators, c->indicator_count,
	    sizeof(struct indicator), offsetof(struct indicator, code),
	    "indicators", "indicator");
	for (i = 0; i < c->indicator_count; i++) {
		const struct indicator *ind = &c->indicators[i];

		if (ind->code == NULL)
			continue;
		catalog_json_path(path, "indicators[%zu]", i);
		catalog_json_check_region_ref(r, path, "reference_region",
		    ind->reference_region);
		if (ind->classification != NULL &&
		    catalog_json_check_find_class(r, ind->classification) ==
		    NULL)
			catalog_json_problem(r, path, "classification",
			    "unknown classification '%s'", ind->classification);
		for (j = 0; j < ind->goal_count; j++) {
			if (ind->goals[j] == NULL ||
			    catalog_json_check_find_goal(r, ind->goals[j]) !=
			    NULL)
				continue;
			catalog_json_path(item, "%s.goals[%zu]", path, j);
			catalog_json_problem(r, item, NULL, "unknown goal '%s'",
			    ind->goals[j]);
		}
		for (j = 0; j < ind->target_count; j++) {
			catalog_json_path(item, "%s.targets[%zu]", path, j);
			catalog_json_check_region_ref(r, item,
			    "reference_region",
			    ind->targets[j].reference_region);
		}
	}
}

static const char *
catalog_json_check_region_parent(const struct catalog_json_reader *r,
    const void *scope, const char *code, bool *found)
{
	const struct region *g = catalog_json_check_find_region(r, code);

	(void)scope;
	*found = g != NULL;
	return g == NULL ? NULL : g->parent;
}

/*
 * Who else already answers to `code` (a code or alias of region `self`, alias
 * number `self_alias` or (size_t)-1 for its code): another region's code, or
 * an alias given before this one in the file, or a stored region's code or
 * alias. A stored region that the file redefines counts with the file's
 * aliases, which replace its stored ones. Each clash is found from one side.
 */
static const char *
catalog_json_check_code_owner(const struct catalog_json_reader *r,
    const char *code, size_t self, size_t self_alias)
{
	const struct catalog *c = r->out;
	const char *self_code = c->regions[self].code;
	size_t i, j;

	for (i = 0; i < c->region_count; i++) {
		const struct region *g = &c->regions[i];

		if (g->code == NULL)
			continue;
		if (i != self && strcmp(g->code, code) == 0)
			return g->code;
		for (j = 0; j < g->alias_count; j++) {
			bool earlier = i < self ||
			    (i == self && j < self_alias);

			if (earlier && g->aliases[j].code != NULL &&
			    strcmp(g->aliases[j].code, code) == 0)
				return g->code;
		}
	}
	for (i = 0; r->known != NULL && i < r->known->region_count; i++) {
		const struct region *g = &r->known->regions[i];

		if (strcmp(g->code, self_code) == 0 ||
		    model_find_region(c, g->code) != NULL)
			continue;
		if (strcmp(g->code, code) == 0)
			return g->code;
		for (j = 0; j < g->alias_count; j++)
			if (strcmp(g->aliases[j].code, code) == 0)
				return g->code;
	}
	return NULL;
}

static void
catalog_json_check_regions(struct catalog_json_reader *r)
{
	struct catalog *c = r->out;
	size_t i, j, limit = c->region_count +
	    (r->known ? r->known->region_count : 0);
	char path[CATALOG_JSON_PATH_MAX], item[CATALOG_JSON_PATH_MAX];

	catalog_json_check_duplicates(r, c->regions, c->region_count,
	    sizeof(struct region), offsetof(struct region, code), "regions",
	    "region");
	for (i = 0; i < c->region_count; i++) {
		const struct region *g = &c->regions[i];
		const char *owner;

		if (g->code == NULL)
			continue;
		catalog_json_path(path, "regions[%zu]", i);
		if (g->parent != NULL &&
		    catalog_json_check_find_region(r, g->parent) == NULL)
			catalog_json_check_region_ref(
			    r, path, "parent", g->parent);
		else if (catalog_json_check_level(r, NULL, g->code, g->parent,
			     limit, catalog_json_check_region_parent) == -1)
			catalog_json_problem(r, path, "parent",
			    "'%s' leads back to "
			    "'%s': regions must not form a cycle",
			    g->parent, g->code);
		/* Clashes with the file's own codes are found from the other
		 * side (duplicates, aliases); here: a stored region's alias. */
		if ((owner = catalog_json_check_code_owner(
			 r, g->code, i, (size_t)-1)) != NULL &&
		    model_find_region(c, owner) == NULL)
			catalog_json_problem(r, path, "code",
			    "'%s' is already an alias of region '%s'",
			    g->code, owner);
		for (j = 0; j < g->alias_count; j++) {
			const char *alias = g->aliases[j].code;

			if (alias == NULL)
				continue;
			catalog_json_path(item, "%s.aliases[%zu]", path, j);
			if (strcmp(alias, g->code) == 0)
				catalog_json_problem(r, item, "code",
				    "'%s' is the region's own code", alias);
			else if ((owner = catalog_json_check_code_owner(
				      r, alias, i, j)) != NULL)
				catalog_json_problem(r, item, "code",
				    "'%s' already names region '%s'",
				    alias, owner);
		}
	}
}

static const char *
catalog_json_check_sector_parent(const struct catalog_json_reader *r,
    const void *scope, const char *code, bool *found)
{
	const struct classification *const *pair = scope;
	const struct sector *s = model_find_sector(pair[0], code);

	if (s == NULL && pair[1] != NULL)
		s = model_find_sector(pair[1], code);
	*found = s != NULL;
	return s == NULL ? NULL : s->parent;
}

static void
catalog_json_check_classifications(struct catalog_json_reader *r)
{
	struct catalog *c = r->out;
	char path[CATALOG_JSON_PATH_MAX], base[CATALOG_JSON_PATH_MAX];
	size_t i, j;

	catalog_json_check_duplicates(r, c->classifications,
	    c->classification_count, sizeof(struct classification),
	    offsetof(struct classification, code), "classifications",
	    "classification");
	for (i = 0; i < c->classification_count; i++) {
		struct classification *cl = &c->classifications[i];
		const struct classification *pair[2] = { cl, NULL };
		size_t limit;

		if (cl->code == NULL)
			continue;
		if (r->known != NULL)
			pair[1] = model_find_classification(r->known, cl->code);
		limit =
		    cl->sector_count + (pair[1] ? pair[1]->sector_count : 0);
		catalog_json_path(base, "classifications[%zu].sectors", i);
		catalog_json_check_duplicates(r, cl->sectors, cl->sector_count,
		    sizeof(struct sector), offsetof(struct sector, code), base,
		    "sector");
		for (j = 0; j < cl->sector_count; j++) {
			struct sector *s = &cl->sectors[j];
			bool found;
			int level;

			if (s->code == NULL)
				continue;
			catalog_json_path(path, "%s[%zu]", base, j);
			if (s->parent != NULL) {
				catalog_json_check_sector_parent(
				    r, pair, s->parent, &found);
				if (!found) {
					catalog_json_problem(r, path, "parent",
					    "unknown sector '%s' in '%s'",
					    s->parent, cl->code);
					continue;
				}
			}
			level = catalog_json_check_level(r, pair, s->code,
			    s->parent, limit, catalog_json_check_sector_parent);
			if (level == -1)
				catalog_json_problem(r, path, "parent",
				    "'%s' leads "
				    "back to '%s': sectors must not form a "
				    "cycle", s->parent, s->code);
			else if (level > 0 && s->level != 0 &&
			    s->level != level)
				catalog_json_problem(r, path, "level",
				    "is %d, but its "
				    "place under its parents makes it %d",
				    s->level, level);
			if (level > 0)
				s->level = level;
		}
	}
}

static void
catalog_json_check_shocks(struct catalog_json_reader *r)
{
	catalog_json_check_duplicates(r, r->out->shocks, r->out->shock_count,
	    sizeof(struct shock), offsetof(struct shock, code), "shocks",
	    "shock");
}


void
catalog_json_check(struct catalog_json_reader *r)
{
	catalog_json_check_goals(r);
	catalog_json_check_indicators(r);
	catalog_json_check_regions(r);
	catalog_json_check_classifications(r);
	catalog_json_check_shocks(r);
	catalog_json_index_check(r);
}
