/* Reading the catalogue from the database (the API is in catalog.h). */
#include <sqlite3.h>

#include "store/catalog.h"
#include "store/catalog_sql.h"

static int
store_catalog_load_name(struct db *db, const char *const *names, int count,
    const char *text, const char *what, const char *code, int absent,
    int *out, struct error *e)
{
	int v = 0;

	if (text == NULL) {
		*out = absent;
		return 0;
	}
	if ((v = model_enum_parse(names, count, text)) < 0)
		return error_set(e, "%s: %s '%s' has an unknown value '%s'",
		    db->path, what, code, text);
	*out = v;
	return 0;
}

static int
store_catalog_load_vision(struct db *db, struct catalog *c, struct error *e)
{
	sqlite3_stmt *st;
	int n;

	if ((st = sql_prepare(db, "SELECT code, title_de, title_en, "
	    "description_de, description_en, adopted FROM vision ORDER BY id "
	    "LIMIT 1", e)) == NULL)
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
		return sql_error(db, e);
	return 0;
}

static int
store_catalog_load_goals(struct db *db, struct catalog *c, struct error *e)
{
	sqlite3_stmt *st;
	size_t i;
	int n, rc = 0;

	if ((st = sql_prepare(db, "SELECT g.code, p.code, g.title_de, "
	    "g.title_en, g.description_de, g.description_en, g.perspective "
	    "FROM goal g LEFT JOIN goal p ON p.id = g.parent_id "
	    "ORDER BY g.position, g.id", e)) == NULL)
		return -1;
	while (rc == 0 && (n = sqlite3_step(st)) == SQLITE_ROW) {
		struct goal *g = model_add_goal(c);
		int perspective = 0;

		g->code = catalog_sql_column_text(c, st, 0);
		g->parent = catalog_sql_column_text(c, st, 1);
		g->title_de = catalog_sql_column_text(c, st, 2);
		g->title_en = catalog_sql_column_text(c, st, 3);
		g->description_de = catalog_sql_column_text(c, st, 4);
		g->description_en = catalog_sql_column_text(c, st, 5);
		g->position = (int)(c->goal_count - 1);
		rc = store_catalog_load_name(db, model_perspective_names,
		    MODEL_PERSPECTIVE__MAX, (const char *)
		    sqlite3_column_text(st, 6), "goal", g->code,
		    MODEL_PERSPECTIVE_NONE, &perspective, e);
		g->perspective = perspective;
	}
	sqlite3_finalize(st);
	if (rc == 0 && n != SQLITE_DONE)
		return sql_error(db, e);
	/* The level is the depth: not stored, so it can never disagree. */
	for (i = 0; rc == 0 && i < c->goal_count; i++) {
		const struct goal *p = &c->goals[i];
		int level = 1;

		while (p->parent != NULL &&
		    (p = model_find_goal(c, p->parent)) != NULL)
			if (++level > (int)c->goal_count)
				return error_set(e, "%s: the parents of goal "
				    "'%s' form a cycle", db->path,
				    c->goals[i].code);
		c->goals[i].level = level;
	}
	return rc;
}

static int
store_catalog_load_strings(struct db *db, sqlite3_stmt *st, int64_t id,
    struct catalog *c, const char ***list, size_t *count, struct error *e)
{
	size_t cap = 0;
	int n;

	*list = NULL;
	*count = 0;
	sqlite3_bind_int64(st, 1, id);
	while ((n = sqlite3_step(st)) == SQLITE_ROW) {
		*list = catalog_sql_grow(&c->arena, *list, *count, &cap,
		    sizeof(**list));
		(*list)[(*count)++] = catalog_sql_column_text(c, st, 0);
	}
	sqlite3_reset(st);
	if (n != SQLITE_DONE)
		return sql_error(db, e);
	return 0;
}

static int
store_catalog_load_targets(struct db *db, sqlite3_stmt *st, int64_t id,
    struct catalog *c, struct indicator *ind, struct error *e)
{
	size_t cap = 0;
	int n, rc = 0;

	sqlite3_bind_int64(st, 1, id);
	while (rc == 0 && (n = sqlite3_step(st)) == SQLITE_ROW) {
		struct target_version *t;
		int kind = 0;

		ind->targets = catalog_sql_grow(&c->arena, ind->targets,
		    ind->target_count, &cap, sizeof(*ind->targets));
		t = &ind->targets[ind->target_count++];
		t->code = catalog_sql_column_text(c, st, 0);
		rc = store_catalog_load_name(db, model_target_kind_names,
		    MODEL_TARGET_KIND__MAX,
		    (const char *)sqlite3_column_text(st, 1), "target", t->code,
		    0, &kind, e);
		t->kind = kind;
		catalog_sql_column_target(c, st, t);
	}
	sqlite3_reset(st);
	if (rc == 0 && n != SQLITE_DONE)
		return sql_error(db, e);
	return rc;
}

/* Reads the indicators (all, or the one whose code is `only`). */
static int
store_catalog_load_indicators(
    struct db *db, struct catalog *c, const char *only, struct error *e)
{
	sqlite3_stmt *st = NULL, *goals = NULL, *sdgs = NULL, *targets = NULL;
	int n = SQLITE_DONE, rc = -1;

	st = sql_prepare(db,
	    "SELECT i.id, i.code, i.title_de, i.title_en, "
	    "i.definition_de, i.definition_en, i.unit, i.decimals, i.polarity, "
	    "i.dimension, i.principle, i.field, i.source, i.source_url, "
	    "i.method_note, r.code, i.annual, c.code FROM indicator i "
	    "LEFT JOIN region r ON r.id = i.reference_region_id "
	    "LEFT JOIN classification c ON c.id = i.classification_id "
	    "WHERE ?1 IS NULL OR i.code = ?1 ORDER BY i.position, i.id", e);
	goals = sql_prepare(db, "SELECT g.code FROM indicator_goal ig "
	    "JOIN goal g ON g.id = ig.goal_id WHERE ig.indicator_id = ?1", e);
	sdgs = sql_prepare(db, "SELECT sdg FROM indicator_sdg "
	    "WHERE indicator_id = ?1", e);
	targets = sql_prepare(db, "SELECT t.code, " CATALOG_SQL_TARGET
	    "WHERE t.indicator_id = ?1", e);
	if (st == NULL || goals == NULL || sdgs == NULL || targets == NULL)
		goto done;
	sql_bind_text(st, 1, only);
	while ((n = sqlite3_step(st)) == SQLITE_ROW) {
		struct indicator *ind = model_add_indicator(c);
		int64_t id = sqlite3_column_int64(st, 0);
		const char *text;
		int v = 0;

		ind->code = catalog_sql_column_text(c, st, 1);
		ind->title_de = catalog_sql_column_text(c, st, 2);
		ind->title_en = catalog_sql_column_text(c, st, 3);
		ind->definition_de = catalog_sql_column_text(c, st, 4);
		ind->definition_en = catalog_sql_column_text(c, st, 5);
		ind->unit = catalog_sql_column_text(c, st, 6);
		ind->decimals = sqlite3_column_int(st, 7);
		ind->polarity = sqlite3_column_int(st, 8);
		text = (const char *)sqlite3_column_text(st, 9);
		if (store_catalog_load_name(db, model_dimension_names,
		    MODEL_DIMENSION__MAX, text, "indicator", ind->code,
		    MODEL_DIMENSION_NONE, &v, e) == -1)
			goto done;
		ind->dimension = v;
		text = (const char *)sqlite3_column_text(st, 10);
		if (store_catalog_load_name(db, model_principle_names,
		    MODEL_PRINCIPLE__MAX, text, "indicator", ind->code,
		    MODEL_PRINCIPLE_NONE, &v, e) == -1)
			goto done;
		ind->principle = v;
		ind->field = catalog_sql_column_text(c, st, 11);
		ind->source = catalog_sql_column_text(c, st, 12);
		ind->source_url = catalog_sql_column_text(c, st, 13);
		ind->method_note = catalog_sql_column_text(c, st, 14);
		ind->reference_region = catalog_sql_column_text(c, st, 15);
		text = (const char *)sqlite3_column_text(st, 16);
		if (store_catalog_load_name(db, model_annual_names,
		    MODEL_ANNUAL__MAX, text, "indicator", ind->code,
		    MODEL_ANNUAL_MEAN, &v, e) == -1)
			goto done;
		ind->annual = v;
		ind->classification = catalog_sql_column_text(c, st, 17);
		ind->position = (int)(c->indicator_count - 1);
		if (store_catalog_load_strings(db, goals, id, c, &ind->goals,
		    &ind->goal_count, e) == -1 ||
		    store_catalog_load_strings(db, sdgs, id, c, &ind->sdgs,
		    &ind->sdg_count, e) == -1 ||
		    store_catalog_load_targets(db, targets, id, c, ind,
		    e) == -1)
			goto done;
	}
	if (n != SQLITE_DONE) {
		sql_error(db, e);
		goto done;
	}
	rc = 0;
done:
	sqlite3_finalize(st);
	sqlite3_finalize(goals);
	sqlite3_finalize(sdgs);
	sqlite3_finalize(targets);
	return rc;
}

static int
store_catalog_load_regions(struct db *db, struct catalog *c, struct error *e)
{
	sqlite3_stmt *st = NULL, *aliases = NULL;
	int n = SQLITE_DONE, rc = -1;

	st = sql_prepare(db,
	    "SELECT r.id, r.code, r.name_de, r.name_en, "
	    "r.level, p.code FROM region r LEFT JOIN region p "
	    "ON p.id = r.parent_id ORDER BY r.position, r.id", e);
	aliases = sql_prepare(db,
	    "SELECT alias, scheme FROM region_alias "
	    "WHERE region_id = ?1 ORDER BY alias", e);
	if (st == NULL || aliases == NULL)
		goto done;
	while ((n = sqlite3_step(st)) == SQLITE_ROW) {
		struct region *g = model_add_region(c);
		size_t cap = 0;
		int v = 0, m;

		g->code = catalog_sql_column_text(c, st, 1);
		g->name_de = catalog_sql_column_text(c, st, 2);
		g->name_en = catalog_sql_column_text(c, st, 3);
		if (store_catalog_load_name(db, model_region_level_names,
		    MODEL_REGION_LEVEL__MAX,
		    (const char *)sqlite3_column_text(st, 4), "region", g->code,
		    0, &v, e) == -1)
			goto done;
		g->level = v;
		g->parent = catalog_sql_column_text(c, st, 5);
		g->position = (int)(c->region_count - 1);
		sqlite3_bind_int64(aliases, 1, sqlite3_column_int64(st, 0));
		while ((m = sqlite3_step(aliases)) == SQLITE_ROW) {
			struct region_alias *a;

			g->aliases = catalog_sql_grow(&c->arena, g->aliases,
			    g->alias_count, &cap, sizeof(*g->aliases));
			a = &g->aliases[g->alias_count++];
			a->code = catalog_sql_column_text(c, aliases, 0);
			if (store_catalog_load_name(db,
			    model_alias_scheme_names, MODEL_ALIAS_SCHEME__MAX,
			    (const char *)sqlite3_column_text(aliases, 1),
			    "alias", a->code, MODEL_ALIAS_NONE, &v,
			    e) == -1) {
				sqlite3_reset(aliases);
				goto done;
			}
			a->scheme = v;
		}
		sqlite3_reset(aliases);
		if (m != SQLITE_DONE) {
			sql_error(db, e);
			goto done;
		}
	}
	if (n != SQLITE_DONE) {
		sql_error(db, e);
		goto done;
	}
	rc = 0;
done:
	sqlite3_finalize(st);
	sqlite3_finalize(aliases);
	return rc;
}

static int
store_catalog_load_classifications(
    struct db *db, struct catalog *c, struct error *e)
{
	sqlite3_stmt *st = NULL, *sectors = NULL;
	int n = SQLITE_DONE, rc = -1;

	st = sql_prepare(db, "SELECT id, code, name_de, name_en "
	    "FROM classification ORDER BY code", e);
	sectors = sql_prepare(db,
	    "SELECT s.code, p.code, s.level, s.name_de, "
	    "s.name_en FROM sector s LEFT JOIN sector p ON p.id = s.parent_id "
	    "WHERE s.classification_id = ?1 ORDER BY s.position, s.id", e);
	if (st == NULL || sectors == NULL)
		goto done;
	while ((n = sqlite3_step(st)) == SQLITE_ROW) {
		struct classification *cl = model_add_classification(c);
		size_t cap = 0;
		int m;

		cl->code = catalog_sql_column_text(c, st, 1);
		cl->name_de = catalog_sql_column_text(c, st, 2);
		cl->name_en = catalog_sql_column_text(c, st, 3);
		sqlite3_bind_int64(sectors, 1, sqlite3_column_int64(st, 0));
		while ((m = sqlite3_step(sectors)) == SQLITE_ROW) {
			struct sector *s;

			cl->sectors = catalog_sql_grow(&c->arena, cl->sectors,
			    cl->sector_count, &cap, sizeof(*cl->sectors));
			s = &cl->sectors[cl->sector_count];
			s->code = catalog_sql_column_text(c, sectors, 0);
			s->parent = catalog_sql_column_text(c, sectors, 1);
			s->level = sqlite3_column_int(sectors, 2);
			s->name_de = catalog_sql_column_text(c, sectors, 3);
			s->name_en = catalog_sql_column_text(c, sectors, 4);
			s->position = (int)cl->sector_count++;
		}
		sqlite3_reset(sectors);
		if (m != SQLITE_DONE) {
			sql_error(db, e);
			goto done;
		}
	}
	if (n != SQLITE_DONE) {
		sql_error(db, e);
		goto done;
	}
	rc = 0;
done:
	sqlite3_finalize(st);
	sqlite3_finalize(sectors);
	return rc;
}

static int
store_catalog_load_shocks(struct db *db, struct catalog *c, struct error *e)
{
	sqlite3_stmt *st;
	int n;

	if ((st = sql_prepare(db,
		 "SELECT code, name_de, name_en, peak, "
		 "trough, recovery_end FROM shock ORDER BY id",
		 e)) == NULL)
		return -1;
	while ((n = sqlite3_step(st)) == SQLITE_ROW) {
		struct shock *s = model_add_shock(c);

		s->code = catalog_sql_column_text(c, st, 0);
		s->name_de = catalog_sql_column_text(c, st, 1);
		s->name_en = catalog_sql_column_text(c, st, 2);
		s->peak = catalog_sql_column_text(c, st, 3);
		s->trough = catalog_sql_column_text(c, st, 4);
		s->recovery_end = catalog_sql_column_text(c, st, 5);
	}
	sqlite3_finalize(st);
	if (n != SQLITE_DONE)
		return sql_error(db, e);
	return 0;
}

int
store_catalog_load(struct db *db, struct catalog *out, struct error *e)
{
	if (store_catalog_load_vision(db, out, e) == -1 ||
	    store_catalog_load_goals(db, out, e) == -1 ||
	    store_catalog_load_indicators(db, out, NULL, e) == -1 ||
	    store_catalog_load_regions(db, out, e) == -1 ||
	    store_catalog_load_classifications(db, out, e) == -1 ||
	    store_catalog_load_shocks(db, out, e) == -1)
		return -1;
	model_catalog_canonicalize(out);
	return 0;
}

int
store_catalog_indicator(struct db *db, const char *code,
    struct catalog *out_owner, struct indicator *out, struct error *e)
{
	struct catalog one;
	int rc;

	/* Read into a catalogue of one whose arena is the owner's (borrowed
	 * for the read and handed back), then copy the record out: its
	 * strings and arrays stay in the owner's arena. */
	model_catalog_init(&one);
	one.arena = out_owner->arena;
	rc = store_catalog_load_indicators(db, &one, code, e);
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
