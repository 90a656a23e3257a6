/* Reading the catalogue from the database (the API is in catalog.h). Each
 * table is read row by row into the caller's catalogue; what belongs to a
 * row (an indicator's links and targets, a region's aliases, a
 * classification's sectors) by an inner query for the row's id. */
#include <sqlite3.h>

#include "store/catalog.h"
#include "store/catalog_internal.h"
#include "store/catalog_sql.h"

/* A read in progress: where to, the error to fill, and while an inner
 * query runs, the record its rows belong to and that record's array. */
struct store_catalog_loader {
	struct db	*db;
	struct catalog	*c;
	struct error	*e;
	void		*owner;
	sqlite3_stmt	*inner[3];	/* the inner queries of the table */
	size_t		 cap;		/* of the array being filled */
};

/* An inner query's rows appended to a list of strings. */
struct store_catalog_load_list {
	const char	***items;
	size_t		*count;
};

/* Column i holds a name of the enum `names` (NULL: `absent`): its index. */
static int
store_catalog_load_name(struct store_catalog_loader *l, sqlite3_stmt *st,
    int i, const char *const *names, int count, const char *what,
    const char *code, int absent, int *out)
{
	const char *text = (const char *)sqlite3_column_text(st, i);
	int v;

	if (text == NULL) {
		*out = absent;
		return 0;
	}
	if ((v = model_enum_parse(names, count, text)) < 0)
		return error_set(l->e, "%s: %s '%s' has an unknown value '%s'",
		    l->db->path, what, code, text);
	*out = v;
	return 0;
}

/* Runs an inner query (?1 = the id of its owner's row) through row(). */
static int
store_catalog_load_inner(struct store_catalog_loader *l, sqlite3_stmt *st,
    int64_t id, sql_row_fn row, void *owner)
{
	int rc;

	l->owner = owner;
	l->cap = 0;
	sqlite3_bind_int64(st, 1, id);
	rc = sql_each(l->db, st, row, l, l->e);
	sqlite3_reset(st);
	return rc;
}

static void
store_catalog_load_finalize(struct store_catalog_loader *l)
{
	size_t i;

	for (i = 0; i < sizeof(l->inner) / sizeof(l->inner[0]); i++) {
		sqlite3_finalize(l->inner[i]);
		l->inner[i] = NULL;
	}
}

static int
store_catalog_load_vision(struct store_catalog_loader *l)
{
	struct catalog *c = l->c;
	sqlite3_stmt *st;
	int n;

	if ((st = sql_prepare(l->db, "SELECT code, title_de, title_en, "
	    "description_de, description_en, adopted FROM vision ORDER BY id "
	    "LIMIT 1", l->e)) == NULL)
		return -1;
	if ((n = sqlite3_step(st)) == SQLITE_ROW) {
		struct vision *v = arena_alloc(&c->arena, sizeof(*v));

		v->code = catalog_sql_column_text(c, st, 0);
		v->title_de = catalog_sql_column_text(c, st, 1);
		v->title_en = catalog_sql_column_text(c, st, 2);
		v->description_de = catalog_sql_column_text(c, st, 3);
		v->description_en = catalog_sql_column_text(c, st, 4);
		v->adopted = catalog_sql_column_text(c, st, 5);
		c->vision = v;
	}
	sqlite3_finalize(st);
	if (n != SQLITE_ROW && n != SQLITE_DONE)
		return sql_error(l->db, l->e);
	return 0;
}

static int
store_catalog_load_goal(sqlite3_stmt *st, void *arg)
{
	struct store_catalog_loader *l = arg;
	struct goal *g = model_add_goal(l->c);
	int perspective = 0;

	g->code = catalog_sql_column_text(l->c, st, 0);
	g->parent = catalog_sql_column_text(l->c, st, 1);
	g->title_de = catalog_sql_column_text(l->c, st, 2);
	g->title_en = catalog_sql_column_text(l->c, st, 3);
	g->description_de = catalog_sql_column_text(l->c, st, 4);
	g->description_en = catalog_sql_column_text(l->c, st, 5);
	g->position = (int)(l->c->goal_count - 1);
	if (store_catalog_load_name(l, st, 6, model_perspective_names,
	    MODEL_PERSPECTIVE__MAX, "goal", g->code, MODEL_PERSPECTIVE_NONE,
	    &perspective) == -1)
		return -1;
	g->perspective = perspective;
	return 0;
}

static int
store_catalog_load_goals(struct store_catalog_loader *l)
{
	struct catalog *c = l->c;
	size_t i;

	if (sql_rows(l->db, sql_prepare(l->db, "SELECT g.code, p.code, "
	    "g.title_de, g.title_en, g.description_de, g.description_en, "
	    "g.perspective FROM goal g LEFT JOIN goal p ON p.id = g.parent_id "
	    "ORDER BY g.position, g.id", l->e), store_catalog_load_goal, l,
	    l->e) == -1)
		return -1;
	/* The level is the depth: not stored, so it can never disagree. */
	for (i = 0; i < c->goal_count; i++) {
		const struct goal *p = &c->goals[i];
		int level = 1;

		while (p->parent != NULL &&
		    (p = model_find_goal(c, p->parent)) != NULL)
			if (++level > (int)c->goal_count)
				return error_set(l->e, "%s: the parents of "
				    "goal '%s' form a cycle", l->db->path,
				    c->goals[i].code);
		c->goals[i].level = level;
	}
	return 0;
}

static int
store_catalog_load_string(sqlite3_stmt *st, void *arg)
{
	struct store_catalog_loader *l = arg;
	struct store_catalog_load_list *list = l->owner;

	*list->items = catalog_sql_grow(&l->c->arena, *list->items,
	    *list->count, &l->cap, sizeof(**list->items));
	(*list->items)[(*list->count)++] = catalog_sql_column_text(l->c, st, 0);
	return 0;
}

static int
store_catalog_load_target(sqlite3_stmt *st, void *arg)
{
	struct store_catalog_loader *l = arg;
	struct indicator *ind = l->owner;
	struct target_version *t;
	int kind = 0;

	ind->targets = catalog_sql_grow(&l->c->arena, ind->targets,
	    ind->target_count, &l->cap, sizeof(*ind->targets));
	t = &ind->targets[ind->target_count++];
	t->code = catalog_sql_column_text(l->c, st, 0);
	if (store_catalog_load_name(l, st, 1, model_target_kind_names,
	    MODEL_TARGET_KIND__MAX, "target", t->code, 0, &kind) == -1)
		return -1;
	t->kind = kind;
	catalog_sql_column_target(l->c, st, t);
	return 0;
}

static int
store_catalog_load_indicator(sqlite3_stmt *st, void *arg)
{
	struct store_catalog_loader *l = arg;
	struct indicator *ind = model_add_indicator(l->c);
	int64_t id = sqlite3_column_int64(st, 0);
	struct store_catalog_load_list goals = { &ind->goals,
	    &ind->goal_count };
	struct store_catalog_load_list sdgs = { &ind->sdgs, &ind->sdg_count };
	int dimension = 0, principle = 0, annual = 0;

	ind->code = catalog_sql_column_text(l->c, st, 1);
	ind->title_de = catalog_sql_column_text(l->c, st, 2);
	ind->title_en = catalog_sql_column_text(l->c, st, 3);
	ind->definition_de = catalog_sql_column_text(l->c, st, 4);
	ind->definition_en = catalog_sql_column_text(l->c, st, 5);
	ind->unit = catalog_sql_column_text(l->c, st, 6);
	ind->decimals = sqlite3_column_int(st, 7);
	ind->polarity = sqlite3_column_int(st, 8);
	if (store_catalog_load_name(l, st, 9, model_dimension_names,
	    MODEL_DIMENSION__MAX, "indicator", ind->code, MODEL_DIMENSION_NONE,
	    &dimension) == -1 ||
	    store_catalog_load_name(l, st, 10, model_principle_names,
	    MODEL_PRINCIPLE__MAX, "indicator", ind->code, MODEL_PRINCIPLE_NONE,
	    &principle) == -1)
		return -1;
	ind->dimension = dimension;
	ind->principle = principle;
	ind->field = catalog_sql_column_text(l->c, st, 11);
	ind->source = catalog_sql_column_text(l->c, st, 12);
	ind->source_url = catalog_sql_column_text(l->c, st, 13);
	ind->method_note = catalog_sql_column_text(l->c, st, 14);
	ind->reference_region = catalog_sql_column_text(l->c, st, 15);
	if (store_catalog_load_name(l, st, 16, model_annual_names,
	    MODEL_ANNUAL__MAX, "indicator", ind->code, MODEL_ANNUAL_MEAN,
	    &annual) == -1)
		return -1;
	ind->annual = annual;
	ind->classification = catalog_sql_column_text(l->c, st, 17);
	ind->position = (int)(l->c->indicator_count - 1);
	if (store_catalog_load_inner(l, l->inner[0], id,
	    store_catalog_load_string, &goals) == -1 ||
	    store_catalog_load_inner(l, l->inner[1], id,
	    store_catalog_load_string, &sdgs) == -1 ||
	    store_catalog_load_inner(l, l->inner[2], id,
	    store_catalog_load_target, ind) == -1)
		return -1;
	return 0;
}

/* Reads the indicators (all, or the one whose code is `only`). */
static int
store_catalog_load_indicators(struct store_catalog_loader *l,
    const char *only)
{
	sqlite3_stmt *st;
	int rc = -1;

	st = sql_prepare(l->db,
	    "SELECT i.id, i.code, i.title_de, i.title_en, "
	    "i.definition_de, i.definition_en, i.unit, i.decimals, i.polarity, "
	    "i.dimension, i.principle, i.field, i.source, i.source_url, "
	    "i.method_note, r.code, i.annual, c.code FROM indicator i "
	    "LEFT JOIN region r ON r.id = i.reference_region_id "
	    "LEFT JOIN classification c ON c.id = i.classification_id "
	    "WHERE ?1 IS NULL OR i.code = ?1 ORDER BY i.position, i.id", l->e);
	l->inner[0] = sql_prepare(l->db, "SELECT g.code FROM indicator_goal "
	    "ig JOIN goal g ON g.id = ig.goal_id WHERE ig.indicator_id = ?1",
	    l->e);
	l->inner[1] = sql_prepare(l->db, "SELECT sdg FROM indicator_sdg "
	    "WHERE indicator_id = ?1", l->e);
	l->inner[2] = sql_prepare(l->db, "SELECT t.code, " CATALOG_SQL_TARGET
	    "WHERE t.indicator_id = ?1", l->e);
	if (st != NULL && l->inner[0] != NULL && l->inner[1] != NULL &&
	    l->inner[2] != NULL) {
		sql_bind_text(st, 1, only);
		rc = sql_each(l->db, st, store_catalog_load_indicator, l, l->e);
	}
	sqlite3_finalize(st);
	store_catalog_load_finalize(l);
	return rc;
}

static int
store_catalog_load_alias(sqlite3_stmt *st, void *arg)
{
	struct store_catalog_loader *l = arg;
	struct region *g = l->owner;
	struct region_alias *a;
	int scheme = 0;

	g->aliases = catalog_sql_grow(&l->c->arena, g->aliases, g->alias_count,
	    &l->cap, sizeof(*g->aliases));
	a = &g->aliases[g->alias_count++];
	a->code = catalog_sql_column_text(l->c, st, 0);
	if (store_catalog_load_name(l, st, 1, model_alias_scheme_names,
	    MODEL_ALIAS_SCHEME__MAX, "alias", a->code, MODEL_ALIAS_NONE,
	    &scheme) == -1)
		return -1;
	a->scheme = scheme;
	return 0;
}

static int
store_catalog_load_region(sqlite3_stmt *st, void *arg)
{
	struct store_catalog_loader *l = arg;
	struct region *g = model_add_region(l->c);
	int level = 0;

	g->code = catalog_sql_column_text(l->c, st, 1);
	g->name_de = catalog_sql_column_text(l->c, st, 2);
	g->name_en = catalog_sql_column_text(l->c, st, 3);
	if (store_catalog_load_name(l, st, 4, model_region_level_names,
	    MODEL_REGION_LEVEL__MAX, "region", g->code, 0, &level) == -1)
		return -1;
	g->level = level;
	g->parent = catalog_sql_column_text(l->c, st, 5);
	g->position = (int)(l->c->region_count - 1);
	return store_catalog_load_inner(l, l->inner[0],
	    sqlite3_column_int64(st, 0), store_catalog_load_alias, g);
}

static int
store_catalog_load_regions(struct store_catalog_loader *l)
{
	sqlite3_stmt *st;
	int rc = -1;

	st = sql_prepare(l->db, "SELECT r.id, r.code, r.name_de, r.name_en, "
	    "r.level, p.code FROM region r LEFT JOIN region p "
	    "ON p.id = r.parent_id ORDER BY r.position, r.id", l->e);
	l->inner[0] = sql_prepare(l->db, "SELECT alias, scheme FROM "
	    "region_alias WHERE region_id = ?1 ORDER BY alias", l->e);
	if (st != NULL && l->inner[0] != NULL)
		rc = sql_each(l->db, st, store_catalog_load_region, l, l->e);
	sqlite3_finalize(st);
	store_catalog_load_finalize(l);
	return rc;
}

static int
store_catalog_load_sector(sqlite3_stmt *st, void *arg)
{
	struct store_catalog_loader *l = arg;
	struct classification *cl = l->owner;
	struct sector *s;

	cl->sectors = catalog_sql_grow(&l->c->arena, cl->sectors,
	    cl->sector_count, &l->cap, sizeof(*cl->sectors));
	s = &cl->sectors[cl->sector_count];
	s->code = catalog_sql_column_text(l->c, st, 0);
	s->parent = catalog_sql_column_text(l->c, st, 1);
	s->level = sqlite3_column_int(st, 2);
	s->name_de = catalog_sql_column_text(l->c, st, 3);
	s->name_en = catalog_sql_column_text(l->c, st, 4);
	s->position = (int)cl->sector_count++;
	return 0;
}

static int
store_catalog_load_classification(sqlite3_stmt *st, void *arg)
{
	struct store_catalog_loader *l = arg;
	struct classification *cl = model_add_classification(l->c);

	cl->code = catalog_sql_column_text(l->c, st, 1);
	cl->name_de = catalog_sql_column_text(l->c, st, 2);
	cl->name_en = catalog_sql_column_text(l->c, st, 3);
	return store_catalog_load_inner(l, l->inner[0],
	    sqlite3_column_int64(st, 0), store_catalog_load_sector, cl);
}

static int
store_catalog_load_classifications(struct store_catalog_loader *l)
{
	sqlite3_stmt *st;
	int rc = -1;

	st = sql_prepare(l->db, "SELECT id, code, name_de, name_en "
	    "FROM classification ORDER BY code", l->e);
	l->inner[0] = sql_prepare(l->db, "SELECT s.code, p.code, s.level, "
	    "s.name_de, s.name_en FROM sector s LEFT JOIN sector p "
	    "ON p.id = s.parent_id WHERE s.classification_id = ?1 "
	    "ORDER BY s.position, s.id", l->e);
	if (st != NULL && l->inner[0] != NULL)
		rc = sql_each(l->db, st, store_catalog_load_classification, l,
		    l->e);
	sqlite3_finalize(st);
	store_catalog_load_finalize(l);
	return rc;
}

static int
store_catalog_load_shock(sqlite3_stmt *st, void *arg)
{
	struct store_catalog_loader *l = arg;
	struct shock *s = model_add_shock(l->c);

	s->code = catalog_sql_column_text(l->c, st, 0);
	s->name_de = catalog_sql_column_text(l->c, st, 1);
	s->name_en = catalog_sql_column_text(l->c, st, 2);
	s->peak = catalog_sql_column_text(l->c, st, 3);
	s->trough = catalog_sql_column_text(l->c, st, 4);
	s->recovery_end = catalog_sql_column_text(l->c, st, 5);
	return 0;
}

static int
store_catalog_load_shocks(struct store_catalog_loader *l)
{
	return sql_rows(l->db, sql_prepare(l->db, "SELECT code, name_de, "
	    "name_en, peak, trough, recovery_end FROM shock ORDER BY id",
	    l->e), store_catalog_load_shock, l, l->e);
}

int
store_catalog_load(struct db *db, struct catalog *out, struct error *e)
{
	struct store_catalog_loader l = { db, out, e, NULL, { NULL }, 0 };

	if (store_catalog_load_vision(&l) == -1 ||
	    store_catalog_load_goals(&l) == -1 ||
	    store_catalog_load_indicators(&l, NULL) == -1 ||
	    store_catalog_load_regions(&l) == -1 ||
	    store_catalog_load_classifications(&l) == -1 ||
	    store_catalog_load_shocks(&l) == -1 ||
	    store_catalog_index_load(db, out, NULL, e) == -1)
		return -1;
	model_catalog_canonicalize(out);
	return 0;
}

int
store_catalog_indicator(struct db *db, const char *code,
    struct catalog *out_owner, struct indicator *out, struct error *e)
{
	struct store_catalog_loader l = { db, NULL, e, NULL, { NULL }, 0 };
	struct catalog one;
	int rc;

	/* Read into a catalogue of one whose arena is the owner's (borrowed
	 * for the read and handed back), then copy the record out: its
	 * strings and arrays stay in the owner's arena. */
	model_catalog_init(&one);
	one.arena = out_owner->arena;
	l.c = &one;
	rc = store_catalog_load_indicators(&l, code);
	out_owner->arena = one.arena;
	if (rc == -1)
		return -1;
	if (one.indicator_count == 0)
		return 0;
	model_catalog_canonicalize(&one);
	*out = one.indicators[0];
	return 1;
}

int
store_catalog_goal_tree(struct db *db, struct catalog *out,
    struct goal_tree *tree, struct error *e)
{
	if (store_catalog_load(db, out, e) == -1)
		return -1;
	model_goal_tree(out, tree);
	return 0;
}

int
store_catalog_indicator_id(struct db *db, const char *code, int64_t *id,
    struct error *e)
{
	if (sql_code_id(db, CATALOG_SQL_INDICATOR_ID, code, id,
	    e) == -1)
		return -1;
	return *id != 0;
}

int
store_catalog_region_id(struct db *db, const char *code_or_alias, int64_t *id,
    struct error *e)
{
	if (sql_code_id(db, "SELECT id FROM region WHERE code = ?1 "
	    "UNION ALL SELECT region_id FROM region_alias WHERE alias = ?1 "
	    "LIMIT 1", code_or_alias, id, e) == -1)
		return -1;
	return *id != 0;
}
