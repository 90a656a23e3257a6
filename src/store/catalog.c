/* The catalogue store's save: items created or updated by code in one
 * transaction, with a report of what changed (the rules are in catalog.h;
 * targets are in catalog_target.c, reading in catalog_load.c). */
#include "store/catalog.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/catalog_internal.h"
#include "store/catalog_sql.h"
#include "util/xalloc.h"

const char *const store_catalog_item_names[STORE_CATALOG_ITEM__MAX] = {
	"vision", "goal", "indicator", "target", "region", "classification",
	"sector", "shock", "index"
};
const char *const store_catalog_action_names[STORE_CATALOG_ACTION__MAX] = {
	"unchanged", "created", "updated", "superseded"
};

/* The tables, column by column in the order of their parameters (see
 * struct catalog_sql_table); the first names the row. */
static const struct catalog_sql_column store_catalog_vision_columns[] = {
	CATALOG_SQL_TEXT_COLUMN(struct vision, code),
	CATALOG_SQL_TEXT_COLUMN(struct vision, title_de),
	CATALOG_SQL_TEXT_COLUMN(struct vision, title_en),
	CATALOG_SQL_TEXT_COLUMN(struct vision, description_de),
	CATALOG_SQL_TEXT_COLUMN(struct vision, description_en),
	CATALOG_SQL_TEXT_COLUMN(struct vision, adopted),
};
static const struct catalog_sql_column store_catalog_goal_columns[] = {
	CATALOG_SQL_TEXT_COLUMN(struct goal, code),
	CATALOG_SQL_TEXT_COLUMN(struct goal, title_de),
	CATALOG_SQL_TEXT_COLUMN(struct goal, title_en),
	CATALOG_SQL_TEXT_COLUMN(struct goal, description_de),
	CATALOG_SQL_TEXT_COLUMN(struct goal, description_en),
	CATALOG_SQL_NAME_COLUMN(struct goal, perspective,
	    model_perspective_names),
	CATALOG_SQL_POSITION_COLUMN,
};
/* ids: the reference region's, the classification's. */
static const struct catalog_sql_column store_catalog_indicator_columns[] = {
	CATALOG_SQL_TEXT_COLUMN(struct indicator, code),
	CATALOG_SQL_TEXT_COLUMN(struct indicator, title_de),
	CATALOG_SQL_TEXT_COLUMN(struct indicator, title_en),
	CATALOG_SQL_TEXT_COLUMN(struct indicator, definition_de),
	CATALOG_SQL_TEXT_COLUMN(struct indicator, definition_en),
	CATALOG_SQL_TEXT_COLUMN(struct indicator, unit),
	CATALOG_SQL_INT_COLUMN(struct indicator, decimals),
	CATALOG_SQL_INT_COLUMN(struct indicator, polarity),
	CATALOG_SQL_NAME_COLUMN(struct indicator, dimension,
	    model_dimension_names),
	CATALOG_SQL_NAME_COLUMN(struct indicator, principle,
	    model_principle_names),
	CATALOG_SQL_TEXT_COLUMN(struct indicator, field),
	CATALOG_SQL_TEXT_COLUMN(struct indicator, source),
	CATALOG_SQL_TEXT_COLUMN(struct indicator, source_url),
	CATALOG_SQL_TEXT_COLUMN(struct indicator, method_note),
	CATALOG_SQL_ID_COLUMN("reference_region_id", 0),
	CATALOG_SQL_NAME_COLUMN(struct indicator, annual, model_annual_names),
	CATALOG_SQL_ID_COLUMN("classification_id", 1),
	CATALOG_SQL_POSITION_COLUMN,
};
static const struct catalog_sql_column store_catalog_region_columns[] = {
	CATALOG_SQL_TEXT_COLUMN(struct region, code),
	CATALOG_SQL_TEXT_COLUMN(struct region, name_de),
	CATALOG_SQL_TEXT_COLUMN(struct region, name_en),
	CATALOG_SQL_NAME_COLUMN(struct region, level,
	    model_region_level_names),
	CATALOG_SQL_POSITION_COLUMN,
};
static const struct catalog_sql_column
store_catalog_classification_columns[] = {
	CATALOG_SQL_TEXT_COLUMN(struct classification, code),
	CATALOG_SQL_TEXT_COLUMN(struct classification, name_de),
	CATALOG_SQL_TEXT_COLUMN(struct classification, name_en),
};
/* ids: the classification's. */
static const struct catalog_sql_column store_catalog_sector_columns[] = {
	CATALOG_SQL_ID_COLUMN("classification_id", 0),
	CATALOG_SQL_TEXT_COLUMN(struct sector, code),
	CATALOG_SQL_TEXT_COLUMN(struct sector, name_de),
	CATALOG_SQL_TEXT_COLUMN(struct sector, name_en),
	CATALOG_SQL_INT_COLUMN(struct sector, level),
	CATALOG_SQL_POSITION_COLUMN,
};
static const struct catalog_sql_column store_catalog_shock_columns[] = {
	CATALOG_SQL_TEXT_COLUMN(struct shock, code),
	CATALOG_SQL_TEXT_COLUMN(struct shock, name_de),
	CATALOG_SQL_TEXT_COLUMN(struct shock, name_en),
	CATALOG_SQL_TEXT_COLUMN(struct shock, peak),
	CATALOG_SQL_TEXT_COLUMN(struct shock, trough),
	CATALOG_SQL_TEXT_COLUMN(struct shock, recovery_end),
};

#define STORE_CATALOG_TABLE(name, keys, parent, columns) \
	{ name, keys, parent, columns, sizeof(columns) / sizeof(columns[0]) }

static const struct catalog_sql_table store_catalog_vision_table =
    STORE_CATALOG_TABLE("vision", 1, false, store_catalog_vision_columns);
static const struct catalog_sql_table store_catalog_goal_table =
    STORE_CATALOG_TABLE("goal", 1, true, store_catalog_goal_columns);
static const struct catalog_sql_table store_catalog_indicator_table =
    STORE_CATALOG_TABLE("indicator", 1, false,
    store_catalog_indicator_columns);
static const struct catalog_sql_table store_catalog_region_table =
    STORE_CATALOG_TABLE("region", 1, true, store_catalog_region_columns);
static const struct catalog_sql_table store_catalog_classification_table =
    STORE_CATALOG_TABLE("classification", 1, false,
    store_catalog_classification_columns);
static const struct catalog_sql_table store_catalog_sector_table =
    STORE_CATALOG_TABLE("sector", 2, true, store_catalog_sector_columns);
static const struct catalog_sql_table store_catalog_shock_table =
    STORE_CATALOG_TABLE("shock", 1, false, store_catalog_shock_columns);

void
store_catalog_report_init(struct store_catalog_report *rep)
{
	memset(rep, 0, sizeof(*rep));
	arena_init(&rep->arena);
}

void
store_catalog_report_free(struct store_catalog_report *rep)
{
	arena_free(&rep->arena);
	memset(rep, 0, sizeof(*rep));
}

void
store_catalog_report_add(struct store_catalog_report *rep,
    enum store_catalog_item item, enum store_catalog_action action,
    const char *code, const char *detail)
{
	struct store_catalog_change *ch;

	rep->counts[item][action]++;
	if (action == STORE_CATALOG_UNCHANGED)
		return;
	rep->changes = catalog_sql_grow(&rep->arena, rep->changes,
	    rep->change_count, &rep->change_cap, sizeof(*rep->changes));
	ch = &rep->changes[rep->change_count++];
	ch->item = item;
	ch->action = action;
	ch->code = arena_strdup(&rep->arena, code);
	ch->detail = detail == NULL ? NULL : arena_strdup(&rep->arena, detail);
}

/* There is one vision: a vision with another code replaces it, so it is
 * updated by its row id rather than by code. */
static int
store_catalog_save_vision(struct store_catalog_saver *s, const struct vision *v)
{
	sqlite3_stmt *st = NULL;
	int64_t id = 0;
	int rc = -1, n;

	if ((st = sql_prepare(s->db,
		 "SELECT id FROM vision ORDER BY id LIMIT 1",
		 s->e)) == NULL)
		return -1;
	if ((n = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (n != SQLITE_ROW && n != SQLITE_DONE)
		return sql_error(s->db, s->e);
	st = sql_prepare(s->db, id == 0 ?
	    "INSERT INTO vision(code, title_de, title_en, description_de, "
	    "description_en, adopted) VALUES (?1, ?2, ?3, ?4, ?5, ?6)" :
	    "UPDATE vision SET code = ?1, title_de = ?2, title_en = ?3, "
	    "description_de = ?4, description_en = ?5, adopted = ?6 "
	    "WHERE id = ?7 AND (code IS DISTINCT FROM ?1 OR "
	    "title_de IS DISTINCT FROM ?2 OR title_en IS DISTINCT FROM ?3 OR "
	    "description_de IS DISTINCT FROM ?4 OR "
	    "description_en IS DISTINCT FROM ?5 OR "
	    "adopted IS DISTINCT FROM ?6)", s->e);
	if (st == NULL)
		return -1;
	catalog_sql_bind_columns(st, &store_catalog_vision_table, v, 0, NULL);
	if (id != 0)
		sqlite3_bind_int64(st, 7, id);
	if ((n = sql_run(s->db, st, s->e)) == -1)
		goto done;
	store_catalog_report_add(s->rep, STORE_CATALOG_VISION, id == 0 ?
	    STORE_CATALOG_CREATED : n > 0 ? STORE_CATALOG_UPDATED :
	    STORE_CATALOG_UNCHANGED, v->code, NULL);
	rc = 0;
done:
	sqlite3_finalize(st);
	return rc;
}

/*
 * Items with a parent are saved in two passes: the first creates or updates
 * each item without its parent, the second sets the parents, so that a parent
 * may come after its children in the file. `actions` collects per item what
 * happened in both passes.
 */
static enum store_catalog_action
store_catalog_merge_action(enum store_catalog_action a, int changed)
{
	if (a == STORE_CATALOG_UNCHANGED && changed > 0)
		return STORE_CATALOG_UPDATED;
	return a;
}

static int
store_catalog_save_goals(struct store_catalog_saver *s, const struct catalog *c)
{
	struct catalog_sql_upsert u;
	enum store_catalog_action *actions;
	size_t i;
	int rc = -1, n;

	actions = xcalloc(c->goal_count + 1, sizeof(*actions));
	if (catalog_sql_upsert_prepare(s->db, &store_catalog_goal_table, &u,
	    s->e) == -1)
		goto done;
	for (i = 0; i < c->goal_count; i++)
		if (catalog_sql_upsert(s->db, &u, &c->goals[i], (int)i, NULL,
		    &actions[i], s->e) == -1)
			goto done;
	for (i = 0; i < c->goal_count; i++) {
		int64_t parent;

		if (catalog_sql_require_id(s->db, CATALOG_SQL_GOAL_ID, "goal",
		    c->goals[i].parent, &parent, s->e) == -1 ||
		    (n = catalog_sql_upsert_parent(s->db, &u, &c->goals[i],
		    NULL, parent, s->e)) == -1)
			goto done;
		actions[i] = store_catalog_merge_action(actions[i], n);
		store_catalog_report_add(s->rep, STORE_CATALOG_GOAL, actions[i],
		    c->goals[i].code, NULL);
	}
	rc = 0;
done:
	catalog_sql_upsert_finalize(&u);
	free(actions);
	return rc;
}

/* Whether the stored aliases of region g (`sel`, ?1 = code, ordered by alias)
 * differ from the catalogue's: 1, 0, or -1 on an error. */
static int
store_catalog_aliases_differ(struct store_catalog_saver *s, sqlite3_stmt *sel,
    const struct region *g)
{
	size_t j = 0;
	int differ = 0, n;

	sqlite3_bind_text(sel, 1, g->code, -1, SQLITE_STATIC);
	while ((n = sqlite3_step(sel)) == SQLITE_ROW) {
		const char *alias = (const char *)sqlite3_column_text(sel, 0);
		const char *scheme = (const char *)sqlite3_column_text(sel, 1);
		const char *want = j < g->alias_count
		    ? model_alias_scheme_names[g->aliases[j].scheme] : NULL;

		if (j >= g->alias_count ||
		    strcmp(alias, g->aliases[j].code) != 0 ||
		    (scheme == NULL) != (want == NULL) ||
		    (scheme != NULL && strcmp(scheme, want) != 0))
			differ = 1;
		j++;
	}
	sqlite3_reset(sel);
	if (n != SQLITE_DONE)
		return sql_error(s->db, s->e);
	return differ || j != g->alias_count;
}

static int
store_catalog_save_regions(
    struct store_catalog_saver *s, const struct catalog *c)
{
	struct catalog_sql_upsert u;
	sqlite3_stmt *sel = NULL, *del = NULL, *add = NULL;
	enum store_catalog_action *actions;
	bool *replace;
	size_t i, j;
	int rc = -1, n;

	actions = xcalloc(c->region_count + 1, sizeof(*actions));
	replace = xcalloc(c->region_count + 1, sizeof(*replace));
	if (catalog_sql_upsert_prepare(s->db, &store_catalog_region_table, &u,
	    s->e) == -1)
		goto done;
	sel = sql_prepare(s->db,
	    "SELECT a.alias, a.scheme FROM region_alias a "
	    "JOIN region r ON r.id = a.region_id WHERE r.code = ?1 "
	    "ORDER BY a.alias", s->e);
	del = sql_prepare(s->db,
	    "DELETE FROM region_alias WHERE region_id = "
	    "(SELECT id FROM region WHERE code = ?1)", s->e);
	add = sql_prepare(s->db,
	    "INSERT INTO region_alias(alias, region_id, "
	    "scheme) VALUES (?1, (SELECT id FROM region WHERE code = ?2), ?3)",
	    s->e);
	if (sel == NULL || del == NULL || add == NULL)
		goto done;
	for (i = 0; i < c->region_count; i++)
		if (catalog_sql_upsert(s->db, &u, &c->regions[i], (int)i, NULL,
		    &actions[i], s->e) == -1)
			goto done;
	/* Aliases: first take away every set that changes, then add the new
	 * sets, so that an alias may move from one region to another. */
	for (i = 0; i < c->region_count; i++) {
		if ((n = store_catalog_aliases_differ(s, sel,
		    &c->regions[i])) == -1)
			goto done;
		replace[i] = n;
		if (!replace[i])
			continue;
		sql_bind_text(del, 1, c->regions[i].code);
		if (sql_run(s->db, del, s->e) == -1)
			goto done;
	}
	for (i = 0; i < c->region_count; i++) {
		const struct region *g = &c->regions[i];
		int64_t parent;

		for (j = 0; replace[i] && j < g->alias_count; j++) {
			sql_bind_text(add, 1, g->aliases[j].code);
			sql_bind_text(add, 2, g->code);
			sql_bind_text(add, 3,
			    model_alias_scheme_names[g->aliases[j].scheme]);
			if (sql_run(s->db, add, s->e) == -1) {
				error_prefix(s->e, "region '%s', alias '%s'",
				    g->code, g->aliases[j].code);
				goto done;
			}
		}
		if (catalog_sql_require_id(s->db, CATALOG_SQL_REGION_ID,
		    "region", g->parent, &parent, s->e) == -1 ||
		    (n = catalog_sql_upsert_parent(s->db, &u, g, NULL, parent,
		    s->e)) == -1)
			goto done;
		actions[i] =
		    store_catalog_merge_action(actions[i], n + replace[i]);
		store_catalog_report_add(
		    s->rep, STORE_CATALOG_REGION, actions[i], g->code, NULL);
	}
	rc = 0;
done:
	catalog_sql_upsert_finalize(&u);
	sqlite3_finalize(sel);
	sqlite3_finalize(del);
	sqlite3_finalize(add);
	free(actions);
	free(replace);
	return rc;
}

static int
store_catalog_save_sectors(struct store_catalog_saver *s,
    const struct classification *cl, int64_t class_id)
{
	struct catalog_sql_upsert u;
	sqlite3_stmt *sel = NULL, *lev = NULL;
	enum store_catalog_action *actions;
	size_t i;
	int rc = -1, n;

	actions = xcalloc(cl->sector_count + 1, sizeof(*actions));
	if (catalog_sql_upsert_prepare(s->db, &store_catalog_sector_table, &u,
	    s->e) == -1)
		goto done;
	sel = sql_prepare(s->db, "SELECT id FROM sector "
	    "WHERE classification_id = ?1 AND code = ?2", s->e);
	/* Levels follow the parents: a file that moves a stored sector
	 * changes the depth of children it need not name. */
	lev = sql_prepare(s->db, "WITH RECURSIVE depth(id, level) AS ("
	    "SELECT id, 1 FROM sector WHERE classification_id = ?1 AND "
	    "parent_id IS NULL UNION ALL SELECT s.id, d.level + 1 "
	    "FROM sector s JOIN depth d ON s.parent_id = d.id) "
	    "UPDATE sector SET level = (SELECT level FROM depth "
	    "WHERE depth.id = sector.id) WHERE classification_id = ?1 AND "
	    "id IN (SELECT id FROM depth) AND level IS DISTINCT FROM "
	    "(SELECT level FROM depth WHERE depth.id = sector.id)", s->e);
	if (sel == NULL || lev == NULL)
		goto done;
	for (i = 0; i < cl->sector_count; i++)
		if (catalog_sql_upsert(s->db, &u, &cl->sectors[i], (int)i,
		    &class_id, &actions[i], s->e) == -1)
			goto done;
	for (i = 0; i < cl->sector_count; i++) {
		const struct sector *sec = &cl->sectors[i];
		int64_t parent = 0;
		char code[160];

		if (sec->parent != NULL) {
			sqlite3_bind_int64(sel, 1, class_id);
			sql_bind_text(sel, 2, sec->parent);
			if ((n = sqlite3_step(sel)) == SQLITE_ROW)
				parent = sqlite3_column_int64(sel, 0);
			sqlite3_reset(sel);
			if (n != SQLITE_ROW && n != SQLITE_DONE) {
				sql_error(s->db, s->e);
				goto done;
			}
			if (parent == 0) {
				error_set(s->e, "unknown sector '%s' in '%s'",
				    sec->parent, cl->code);
				goto done;
			}
		}
		if ((n = catalog_sql_upsert_parent(s->db, &u, sec, &class_id,
		    parent, s->e)) == -1)
			goto done;
		actions[i] = store_catalog_merge_action(actions[i], n);
		snprintf(code, sizeof(code), "%s/%s", cl->code, sec->code);
		store_catalog_report_add(
		    s->rep, STORE_CATALOG_SECTOR, actions[i], code, NULL);
	}
	sqlite3_bind_int64(lev, 1, class_id);
	if (sql_run(s->db, lev, s->e) == -1)
		goto done;
	rc = 0;
done:
	catalog_sql_upsert_finalize(&u);
	sqlite3_finalize(sel);
	sqlite3_finalize(lev);
	free(actions);
	return rc;
}

static int
store_catalog_save_classifications(
    struct store_catalog_saver *s, const struct catalog *c)
{
	struct catalog_sql_upsert u;
	size_t i;
	int rc = -1;

	if (catalog_sql_upsert_prepare(s->db,
	    &store_catalog_classification_table, &u, s->e) == -1)
		goto done;
	for (i = 0; i < c->classification_count; i++) {
		const struct classification *cl = &c->classifications[i];
		enum store_catalog_action action;
		int64_t id;

		if (catalog_sql_upsert(s->db, &u, cl, (int)i, NULL, &action,
		    s->e) == -1)
			goto done;
		store_catalog_report_add(s->rep, STORE_CATALOG_CLASSIFICATION,
		    action, cl->code, NULL);
		if (catalog_sql_require_id(s->db, CATALOG_SQL_CLASS_ID,
		    "classification", cl->code, &id, s->e) == -1 ||
		    store_catalog_save_sectors(s, cl, id) == -1)
			goto done;
	}
	rc = 0;
done:
	catalog_sql_upsert_finalize(&u);
	return rc;
}

static int
store_catalog_save_shocks(
    struct store_catalog_saver *s, const struct catalog *c)
{
	struct catalog_sql_upsert u;
	size_t i;
	int rc = -1;

	if (catalog_sql_upsert_prepare(s->db, &store_catalog_shock_table, &u,
	    s->e) == -1)
		goto done;
	for (i = 0; i < c->shock_count; i++) {
		enum store_catalog_action action;

		if (catalog_sql_upsert(s->db, &u, &c->shocks[i], (int)i, NULL,
		    &action, s->e) == -1)
			goto done;
		store_catalog_report_add(s->rep, STORE_CATALOG_SHOCK, action,
		    c->shocks[i].code, NULL);
	}
	rc = 0;
done:
	catalog_sql_upsert_finalize(&u);
	return rc;
}

/*
 * Replaces the set of codes linked to an indicator when it differs. `sel`
 * lists the stored codes (?1 = indicator id), `del` removes them all, `add`
 * inserts one (?1 = indicator id, ?2 = code). Returns 1 if replaced, 0 if the
 * sets were equal, -1 on error.
 */
static int
store_catalog_replace_links(struct store_catalog_saver *s, int64_t id,
    const char **codes, size_t count, sqlite3_stmt *sel, sqlite3_stmt *del,
    sqlite3_stmt *add, int (*compare)(const char *, const char *))
{
	size_t i, stored = 0;
	bool same = true;
	char **have = NULL;
	int rc = -1, n;

	sqlite3_bind_int64(sel, 1, id);
	while ((n = sqlite3_step(sel)) == SQLITE_ROW) {
		have = xrealloc(have, (stored + 1) * sizeof(*have));
		have[stored++] = xstrdup((const char *)
		    sqlite3_column_text(sel, 0));
	}
	sqlite3_reset(sel);
	if (n != SQLITE_DONE) {
		sql_error(s->db, s->e);
		goto done;
	}
	/* Both lists are in canonical order: the model's by construction,
	 * the stored one sorted here with the same comparison. */
	for (i = 1; i < stored; i++)
		for (size_t j = i; j > 0 && compare(have[j - 1], have[j]) > 0;
		    j--) {
			char *t = have[j];

			have[j] = have[j - 1];
			have[j - 1] = t;
		}
	if (stored != count)
		same = false;
	for (i = 0; same && i < count; i++)
		same = strcmp(have[i], codes[i]) == 0;
	if (same) {
		rc = 0;
		goto done;
	}
	sqlite3_bind_int64(del, 1, id);
	if (sql_run(s->db, del, s->e) == -1)
		goto done;
	for (i = 0; i < count; i++) {
		sqlite3_bind_int64(add, 1, id);
		sql_bind_text(add, 2, codes[i]);
		if (sql_run(s->db, add, s->e) == -1)
			goto done;
	}
	rc = 1;
done:
	for (i = 0; i < stored; i++)
		free(have[i]);
	free(have);
	return rc;
}

static int
store_catalog_compare_codes(const char *a, const char *b)
{
	return strcmp(a, b);
}

static int
store_catalog_save_indicators(
    struct store_catalog_saver *s, const struct catalog *c)
{
	struct store_catalog_target_sql ts;
	struct catalog_sql_upsert u = { NULL, NULL, NULL, NULL };
	sqlite3_stmt *goal_sel = NULL, *goal_del = NULL, *goal_add = NULL;
	sqlite3_stmt *sdg_sel = NULL, *sdg_del = NULL, *sdg_add = NULL;
	size_t i, j;
	int rc = -1;

	if (store_catalog_target_prepare(s, &ts) == -1 ||
	    catalog_sql_upsert_prepare(s->db, &store_catalog_indicator_table,
	    &u, s->e) == -1)
		goto done;
	goal_sel = sql_prepare(s->db,
	    "SELECT g.code FROM indicator_goal ig "
	    "JOIN goal g ON g.id = ig.goal_id WHERE ig.indicator_id = ?1",
	    s->e);
	goal_del = sql_prepare(s->db, "DELETE FROM indicator_goal "
	    "WHERE indicator_id = ?1", s->e);
	goal_add = sql_prepare(s->db, "INSERT INTO indicator_goal("
	    "indicator_id, goal_id) VALUES (?1, "
	    "(SELECT id FROM goal WHERE code = ?2))", s->e);
	sdg_sel = sql_prepare(s->db, "SELECT sdg FROM indicator_sdg "
	    "WHERE indicator_id = ?1", s->e);
	sdg_del = sql_prepare(s->db, "DELETE FROM indicator_sdg "
	    "WHERE indicator_id = ?1", s->e);
	sdg_add = sql_prepare(s->db,
	    "INSERT INTO indicator_sdg(indicator_id, sdg) VALUES (?1, ?2)",
	    s->e);
	if (goal_sel == NULL || goal_del == NULL || goal_add == NULL ||
	    sdg_sel == NULL || sdg_del == NULL || sdg_add == NULL)
		goto done;
	for (i = 0; i < c->indicator_count; i++) {
		const struct indicator *ind = &c->indicators[i];
		enum store_catalog_action action;
		int64_t ids[2], goal, id;
		int links;

		if (catalog_sql_require_id(s->db, CATALOG_SQL_REGION_ID,
		    "region", ind->reference_region, &ids[0], s->e) == -1 ||
		    catalog_sql_require_id(s->db, CATALOG_SQL_CLASS_ID,
		    "classification", ind->classification, &ids[1],
		    s->e) == -1 ||
		    catalog_sql_upsert(s->db, &u, ind, (int)i, ids, &action,
		    s->e) == -1 ||
		    catalog_sql_require_id(s->db, CATALOG_SQL_INDICATOR_ID,
		    "indicator", ind->code, &id, s->e) == -1)
			goto done;
		for (j = 0; j < ind->goal_count; j++)
			if (catalog_sql_require_id(s->db, CATALOG_SQL_GOAL_ID,
			    "goal", ind->goals[j], &goal, s->e) == -1)
				goto done;
		if ((links = store_catalog_replace_links(s, id, ind->goals,
		    ind->goal_count, goal_sel, goal_del, goal_add,
		    store_catalog_compare_codes)) == -1)
			goto done;
		action = store_catalog_merge_action(action, links);
		if ((links = store_catalog_replace_links(s, id, ind->sdgs,
		    ind->sdg_count, sdg_sel, sdg_del, sdg_add,
		    model_sdg_compare)) == -1)
			goto done;
		action = store_catalog_merge_action(action, links);
		store_catalog_report_add(
		    s->rep, STORE_CATALOG_INDICATOR, action, ind->code, NULL);
		for (j = 0; j < ind->target_count; j++)
			if (store_catalog_target_save(s, &ts, ind, id,
			    &ind->targets[j]) == -1)
				goto done;
		if (store_catalog_target_check_versions(s, &ts, ind, id) == -1)
			goto done;
	}
	rc = 0;
done:
	catalog_sql_upsert_finalize(&u);
	sqlite3_finalize(goal_sel);
	sqlite3_finalize(goal_del);
	sqlite3_finalize(goal_add);
	sqlite3_finalize(sdg_sel);
	sqlite3_finalize(sdg_del);
	sqlite3_finalize(sdg_add);
	store_catalog_target_finalize(&ts);
	return rc;
}

int
store_catalog_save(struct db *db, const struct catalog *c, const char *today,
    bool dry_run, struct store_catalog_report *rep, struct error *e)
{
	struct store_catalog_saver s = { db, rep, e, today };
	size_t item, changed = 0;

	if (db_begin(db, e) == -1)
		return -1;
	/* Referenced tables first: regions and classifications before the
	 * indicators that name them, goals before the links to them. */
	if (store_catalog_save_regions(&s, c) == -1 ||
	    store_catalog_save_classifications(&s, c) == -1 ||
	    (c->vision != NULL &&
	    store_catalog_save_vision(&s, c->vision) == -1) ||
	    store_catalog_save_goals(&s, c) == -1 ||
	    store_catalog_save_indicators(&s, c) == -1 ||
	    store_catalog_save_shocks(&s, c) == -1 ||
	    store_catalog_index_save(&s, c) == -1)
		goto fail;
	for (item = 0; item < STORE_CATALOG_ITEM__MAX; item++)
		changed += rep->counts[item][STORE_CATALOG_CREATED] +
		    rep->counts[item][STORE_CATALOG_UPDATED] +
		    rep->counts[item][STORE_CATALOG_SUPERSEDED];
	if (changed > 0 && db_meta_set(db, "catalog_updated", today, e) == -1)
		goto fail;
	if (dry_run) {
		db_rollback(db);
		return 0;
	}
	return db_commit(db, e);
fail:
	db_rollback(db);
	return -1;
}

