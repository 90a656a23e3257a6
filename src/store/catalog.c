#include "store/catalog.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/catalog_sql.h"
#include "util/xalloc.h"

const char *const store_catalog_item_names[STORE_CATALOG_ITEM__MAX] = {
	"vision", "goal", "indicator", "target", "region", "classification",
	"sector", "shock"
};
const char *const store_catalog_action_names[STORE_CATALOG_ACTION__MAX] = {
	"unchanged", "created", "updated", "superseded"
};

/* A save in progress: the database, the report, and the error to fill. */
struct store_catalog_saver {
	struct db			*db;
	struct store_catalog_report	*rep;
	struct error			*e;
	const char			*today;
};

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

static void
store_catalog_report_add(struct store_catalog_report *rep,
    enum store_catalog_item item, enum store_catalog_action action,
    const char *code, const char *detail)
{
	struct store_catalog_change *ch;

	rep->counts[item][action]++;
	if (action == STORE_CATALOG_UNCHANGED)
		return;
	if (rep->change_count == rep->change_cap) {
		size_t ncap = rep->change_cap == 0 ? 64 : rep->change_cap * 2;
		struct store_catalog_change *n = arena_alloc(&rep->arena,
		    ncap * sizeof(*n));

		if (rep->change_count > 0)
			memcpy(n, rep->changes,
			    rep->change_count * sizeof(*n));
		rep->changes = n;
		rep->change_cap = ncap;
	}
	ch = &rep->changes[rep->change_count++];
	ch->item = item;
	ch->action = action;
	ch->code = arena_strdup(&rep->arena, code);
	ch->detail = detail == NULL ? NULL : arena_strdup(&rep->arena, detail);
}

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
	sql_bind_text(st, 1, v->code);
	sql_bind_text(st, 2, v->title_de);
	sql_bind_text(st, 3, v->title_en);
	sql_bind_text(st, 4, v->description_de);
	sql_bind_text(st, 5, v->description_en);
	sql_bind_text(st, 6, v->adopted);
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
	sqlite3_stmt *ins = NULL, *upd = NULL, *par = NULL;
	enum store_catalog_action *actions;
	size_t i;
	int rc = -1, n;

	actions = xcalloc(c->goal_count + 1, sizeof(*actions));
	ins = sql_prepare(s->db,
	    "INSERT INTO goal(code, title_de, title_en, "
	    "description_de, description_en, perspective, position) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(code) DO NOTHING",
	    s->e);
	upd = sql_prepare(s->db, "UPDATE goal SET title_de = ?2, "
	    "title_en = ?3, description_de = ?4, description_en = ?5, "
	    "perspective = ?6, position = ?7 WHERE code = ?1 AND ("
	    "title_de IS DISTINCT FROM ?2 OR title_en IS DISTINCT FROM ?3 OR "
	    "description_de IS DISTINCT FROM ?4 OR "
	    "description_en IS DISTINCT FROM ?5 OR "
	    "perspective IS DISTINCT FROM ?6 OR position IS DISTINCT FROM ?7)",
	    s->e);
	par = sql_prepare(s->db, "UPDATE goal SET parent_id = ?2 "
	    "WHERE code = ?1 AND parent_id IS DISTINCT FROM ?2", s->e);
	if (ins == NULL || upd == NULL || par == NULL)
		goto done;
	for (i = 0; i < c->goal_count; i++) {
		const struct goal *g = &c->goals[i];
		sqlite3_stmt *st;

		for (st = ins; st != NULL; st = st == ins ? upd : NULL) {
			sql_bind_text(st, 1, g->code);
			sql_bind_text(st, 2, g->title_de);
			sql_bind_text(st, 3, g->title_en);
			sql_bind_text(st, 4, g->description_de);
			sql_bind_text(st, 5, g->description_en);
			sql_bind_text(st, 6,
			    model_perspective_names[g->perspective]);
			sqlite3_bind_int(st, 7, (int)i);
			if ((n = sql_run(s->db, st, s->e)) == -1)
				goto done;
			if (st == ins && n > 0) {
				actions[i] = STORE_CATALOG_CREATED;
				break;
			}
			if (st == upd && n > 0)
				actions[i] = STORE_CATALOG_UPDATED;
		}
	}
	for (i = 0; i < c->goal_count; i++) {
		int64_t parent;

		if (catalog_sql_require_id(s->db, CATALOG_SQL_GOAL_ID, "goal",
		    c->goals[i].parent, &parent, s->e) == -1)
			goto done;
		sql_bind_text(par, 1, c->goals[i].code);
		sql_bind_id(par, 2, parent);
		if ((n = sql_run(s->db, par, s->e)) == -1)
			goto done;
		actions[i] = store_catalog_merge_action(actions[i], n);
		store_catalog_report_add(s->rep, STORE_CATALOG_GOAL, actions[i],
		    c->goals[i].code, NULL);
	}
	rc = 0;
done:
	sqlite3_finalize(ins);
	sqlite3_finalize(upd);
	sqlite3_finalize(par);
	free(actions);
	return rc;
}

static int
store_catalog_save_regions(
    struct store_catalog_saver *s, const struct catalog *c)
{
	sqlite3_stmt *ins = NULL, *upd = NULL, *par = NULL, *sel = NULL;
	sqlite3_stmt *del = NULL, *add = NULL;
	enum store_catalog_action *actions;
	bool *replace;
	size_t i, j;
	int rc = -1, n;

	actions = xcalloc(c->region_count + 1, sizeof(*actions));
	replace = xcalloc(c->region_count + 1, sizeof(*replace));
	ins = sql_prepare(s->db,
	    "INSERT INTO region(code, name_de, name_en, "
	    "level, position) VALUES (?1, ?2, ?3, ?4, ?5) "
	    "ON CONFLICT(code) DO NOTHING", s->e);
	upd = sql_prepare(s->db, "UPDATE region SET name_de = ?2, "
	    "name_en = ?3, level = ?4, position = ?5 WHERE code = ?1 AND ("
	    "name_de IS DISTINCT FROM ?2 OR name_en IS DISTINCT FROM ?3 OR "
	    "level IS DISTINCT FROM ?4 OR position IS DISTINCT FROM ?5)", s->e);
	par = sql_prepare(s->db, "UPDATE region SET parent_id = ?2 "
	    "WHERE code = ?1 AND parent_id IS DISTINCT FROM ?2", s->e);
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
	if (ins == NULL || upd == NULL || par == NULL || sel == NULL ||
	    del == NULL || add == NULL)
		goto done;
	for (i = 0; i < c->region_count; i++) {
		const struct region *g = &c->regions[i];
		sqlite3_stmt *st;

		for (st = ins; st != NULL; st = st == ins ? upd : NULL) {
			sql_bind_text(st, 1, g->code);
			sql_bind_text(st, 2, g->name_de);
			sql_bind_text(st, 3, g->name_en);
			sql_bind_text(
			    st, 4, model_region_level_names[g->level]);
			sqlite3_bind_int(st, 5, (int)i);
			if ((n = sql_run(s->db, st, s->e)) == -1)
				goto done;
			if (st == ins && n > 0) {
				actions[i] = STORE_CATALOG_CREATED;
				break;
			}
			if (st == upd && n > 0)
				actions[i] = STORE_CATALOG_UPDATED;
		}
	}
	/* Aliases: first take away every set that changes, then add the new
	 * sets, so that an alias may move from one region to another. */
	for (i = 0; i < c->region_count; i++) {
		const struct region *g = &c->regions[i];

		sqlite3_bind_text(sel, 1, g->code, -1, SQLITE_STATIC);
		j = 0;
		while ((n = sqlite3_step(sel)) == SQLITE_ROW) {
			const char *alias = (const char *)
			    sqlite3_column_text(sel, 0);
			const char *scheme = (const char *)
			    sqlite3_column_text(sel, 1);
			const char *want = j < g->alias_count
			    ? model_alias_scheme_names[g->aliases[j].scheme]
			    : NULL;

			if (j >= g->alias_count ||
			    strcmp(alias, g->aliases[j].code) != 0 ||
			    (scheme == NULL) != (want == NULL) ||
			    (scheme != NULL && strcmp(scheme, want) != 0))
				replace[i] = true;
			j++;
		}
		sqlite3_reset(sel);
		if (n != SQLITE_DONE)
			goto sql_error;
		if (j != g->alias_count)
			replace[i] = true;
		if (!replace[i])
			continue;
		sql_bind_text(del, 1, g->code);
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
		    "region", g->parent, &parent, s->e) == -1)
			goto done;
		sql_bind_text(par, 1, g->code);
		sql_bind_id(par, 2, parent);
		if ((n = sql_run(s->db, par, s->e)) == -1)
			goto done;
		actions[i] =
		    store_catalog_merge_action(actions[i], n + replace[i]);
		store_catalog_report_add(
		    s->rep, STORE_CATALOG_REGION, actions[i], g->code, NULL);
	}
	rc = 0;
	goto done;
sql_error:
	sql_error(s->db, s->e);
done:
	sqlite3_finalize(ins);
	sqlite3_finalize(upd);
	sqlite3_finalize(par);
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
	sqlite3_stmt *ins = NULL, *upd = NULL, *par = NULL, *sel = NULL;
	sqlite3_stmt *lev = NULL;
	enum store_catalog_action *actions;
	size_t i;
	int rc = -1, n;

	actions = xcalloc(cl->sector_count + 1, sizeof(*actions));
	ins = sql_prepare(s->db,
	    "INSERT INTO sector(classification_id, code, "
	    "name_de, name_en, level, position) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6) ON CONFLICT(classification_id, code) DO NOTHING", s->e);
	upd = sql_prepare(s->db, "UPDATE sector SET name_de = ?3, "
	    "name_en = ?4, level = ?5, position = ?6 "
	    "WHERE classification_id = ?1 AND code = ?2 AND ("
	    "name_de IS DISTINCT FROM ?3 OR name_en IS DISTINCT FROM ?4 OR "
	    "level IS DISTINCT FROM ?5 OR position IS DISTINCT FROM ?6)", s->e);
	par = sql_prepare(s->db, "UPDATE sector SET parent_id = ?3 "
	    "WHERE classification_id = ?1 AND code = ?2 AND "
	    "parent_id IS DISTINCT FROM ?3", s->e);
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
	if (ins == NULL || upd == NULL || par == NULL || sel == NULL ||
	    lev == NULL)
		goto done;
	for (i = 0; i < cl->sector_count; i++) {
		const struct sector *sec = &cl->sectors[i];
		sqlite3_stmt *st;

		for (st = ins; st != NULL; st = st == ins ? upd : NULL) {
			sqlite3_bind_int64(st, 1, class_id);
			sql_bind_text(st, 2, sec->code);
			sql_bind_text(st, 3, sec->name_de);
			sql_bind_text(st, 4, sec->name_en);
			sqlite3_bind_int(st, 5, sec->level);
			sqlite3_bind_int(st, 6, (int)i);
			if ((n = sql_run(s->db, st, s->e)) == -1)
				goto done;
			if (st == ins && n > 0) {
				actions[i] = STORE_CATALOG_CREATED;
				break;
			}
			if (st == upd && n > 0)
				actions[i] = STORE_CATALOG_UPDATED;
		}
	}
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
		sqlite3_bind_int64(par, 1, class_id);
		sql_bind_text(par, 2, sec->code);
		sql_bind_id(par, 3, parent);
		if ((n = sql_run(s->db, par, s->e)) == -1)
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
	sqlite3_finalize(ins);
	sqlite3_finalize(upd);
	sqlite3_finalize(par);
	sqlite3_finalize(sel);
	sqlite3_finalize(lev);
	free(actions);
	return rc;
}

static int
store_catalog_save_classifications(
    struct store_catalog_saver *s, const struct catalog *c)
{
	sqlite3_stmt *ins = NULL, *upd = NULL;
	size_t i;
	int rc = -1, n;

	ins = sql_prepare(s->db,
	    "INSERT INTO classification(code, name_de, "
	    "name_en) VALUES (?1, ?2, ?3) ON CONFLICT(code) DO NOTHING", s->e);
	upd = sql_prepare(s->db,
	    "UPDATE classification SET name_de = ?2, "
	    "name_en = ?3 WHERE code = ?1 AND (name_de IS DISTINCT FROM ?2 OR "
	    "name_en IS DISTINCT FROM ?3)", s->e);
	if (ins == NULL || upd == NULL)
		goto done;
	for (i = 0; i < c->classification_count; i++) {
		const struct classification *cl = &c->classifications[i];
		enum store_catalog_action action = STORE_CATALOG_UNCHANGED;
		sqlite3_stmt *st;
		int64_t id;

		for (st = ins; st != NULL; st = st == ins ? upd : NULL) {
			sql_bind_text(st, 1, cl->code);
			sql_bind_text(st, 2, cl->name_de);
			sql_bind_text(st, 3, cl->name_en);
			if ((n = sql_run(s->db, st, s->e)) == -1)
				goto done;
			if (st == ins && n > 0) {
				action = STORE_CATALOG_CREATED;
				break;
			}
			if (st == upd && n > 0)
				action = STORE_CATALOG_UPDATED;
		}
		store_catalog_report_add(s->rep, STORE_CATALOG_CLASSIFICATION,
		    action, cl->code, NULL);
		if (catalog_sql_require_id(s->db, CATALOG_SQL_CLASS_ID,
		    "classification", cl->code, &id, s->e) == -1 ||
		    store_catalog_save_sectors(s, cl, id) == -1)
			goto done;
	}
	rc = 0;
done:
	sqlite3_finalize(ins);
	sqlite3_finalize(upd);
	return rc;
}

static int
store_catalog_save_shocks(
    struct store_catalog_saver *s, const struct catalog *c)
{
	sqlite3_stmt *ins = NULL, *upd = NULL;
	size_t i;
	int rc = -1, n;

	ins = sql_prepare(s->db,
	    "INSERT INTO shock(code, name_de, name_en, "
	    "peak, trough, recovery_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
	    "ON CONFLICT(code) DO NOTHING", s->e);
	upd = sql_prepare(s->db,
	    "UPDATE shock SET name_de = ?2, name_en = ?3, "
	    "peak = ?4, trough = ?5, recovery_end = ?6 WHERE code = ?1 AND ("
	    "name_de IS DISTINCT FROM ?2 OR name_en IS DISTINCT FROM ?3 OR "
	    "peak IS DISTINCT FROM ?4 OR trough IS DISTINCT FROM ?5 OR "
	    "recovery_end IS DISTINCT FROM ?6)", s->e);
	if (ins == NULL || upd == NULL)
		goto done;
	for (i = 0; i < c->shock_count; i++) {
		const struct shock *sh = &c->shocks[i];
		enum store_catalog_action action = STORE_CATALOG_UNCHANGED;
		sqlite3_stmt *st;

		for (st = ins; st != NULL; st = st == ins ? upd : NULL) {
			sql_bind_text(st, 1, sh->code);
			sql_bind_text(st, 2, sh->name_de);
			sql_bind_text(st, 3, sh->name_en);
			sql_bind_text(st, 4, sh->peak);
			sql_bind_text(st, 5, sh->trough);
			sql_bind_text(st, 6, sh->recovery_end);
			if ((n = sql_run(s->db, st, s->e)) == -1)
				goto done;
			if (st == ins && n > 0) {
				action = STORE_CATALOG_CREATED;
				break;
			}
			if (st == upd && n > 0)
				action = STORE_CATALOG_UPDATED;
		}
		store_catalog_report_add(
		    s->rep, STORE_CATALOG_SHOCK, action, sh->code, NULL);
	}
	rc = 0;
done:
	sqlite3_finalize(ins);
	sqlite3_finalize(upd);
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

/* Reads the stored version row of `sel` into t (strings in c's arena). The
 * columns: id, kind, value, low, high, year, region code, note_de, note_en,
 * valid_from, valid_to. Returns the row id, 0 if there is none, -1. */
static int64_t
store_catalog_read_target(struct store_catalog_saver *s, sqlite3_stmt *sel,
    struct catalog *c, struct target_version *t)
{
	int64_t id = 0;
	int n;

	memset(t, 0, sizeof(*t));
	if ((n = sqlite3_step(sel)) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(sel, 1);

		id = sqlite3_column_int64(sel, 0);
		t->kind = model_enum_parse(model_target_kind_names,
		    MODEL_TARGET_KIND__MAX, kind);
		t->has_value = sqlite3_column_type(sel, 2) != SQLITE_NULL;
		t->value = sqlite3_column_double(sel, 2);
		t->has_low = sqlite3_column_type(sel, 3) != SQLITE_NULL;
		t->low = sqlite3_column_double(sel, 3);
		t->has_high = sqlite3_column_type(sel, 4) != SQLITE_NULL;
		t->high = sqlite3_column_double(sel, 4);
		t->year = sqlite3_column_int(sel, 5);
		t->reference_region = catalog_sql_column_text(c, sel, 6);
		t->note_de = catalog_sql_column_text(c, sel, 7);
		t->note_en = catalog_sql_column_text(c, sel, 8);
		t->valid_from = catalog_sql_column_text(c, sel, 9);
		t->valid_to = catalog_sql_column_text(c, sel, 10);
	}
	sqlite3_reset(sel);
	sqlite3_clear_bindings(sel);
	if (n != SQLITE_ROW && n != SQLITE_DONE) {
		sql_error(s->db, s->e);
		return -1;
	}
	return id;
}

#define SQL_TARGET_COLUMNS "SELECT t.id, t.kind, t.value, t.low, t.high, " \
	"t.year, r.code, t.note_de, t.note_en, t.valid_from, t.valid_to " \
	"FROM target t LEFT JOIN region r ON r.id = t.reference_region_id "

struct store_catalog_target_sql {
	sqlite3_stmt	*by_start;	/* ?1 indicator, ?2 code, ?3 from */
	sqlite3_stmt	*current;	/* ?1 indicator, ?2 code */
	sqlite3_stmt	*insert;
	sqlite3_stmt	*update;	/* content and valid_to of row ?12 */
	sqlite3_stmt	*close;		/* valid_to = ?2 of row ?1 */
	sqlite3_stmt	*versions;	/* ?1 indicator: code, from, to */
};

static void
store_catalog_bind_target(sqlite3_stmt *st, int64_t indicator,
    const struct target_version *t, int64_t region, const char *valid_from)
{
	sqlite3_bind_int64(st, 1, indicator);
	sql_bind_text(st, 2, t->code);
	sql_bind_text(st, 3, model_target_kind_names[t->kind]);
	sql_bind_number(st, 4, t->has_value, t->value);
	sql_bind_number(st, 5, t->has_low, t->low);
	sql_bind_number(st, 6, t->has_high, t->high);
	if (t->year != 0)
		sqlite3_bind_int(st, 7, t->year);
	else
		sqlite3_bind_null(st, 7);
	sql_bind_id(st, 8, region);
	sql_bind_text(st, 9, t->note_de);
	sql_bind_text(st, 10, t->note_en);
	sql_bind_text(st, 11, valid_from);
	sql_bind_text(st, 12, t->valid_to);
}

/* One target of the catalogue against its stored versions (see the header). */
static int
store_catalog_save_target(struct store_catalog_saver *s,
    struct store_catalog_target_sql *ts, struct catalog *scratch,
    const struct indicator *ind, int64_t ind_id, const struct target_version *t)
{
	struct target_version old;
	char code[160], detail[96];
	const char *from;
	int64_t region, old_id;

	snprintf(code, sizeof(code), "%s/%s", ind->code, t->code);
	if (catalog_sql_require_id(s->db, CATALOG_SQL_REGION_ID, "region",
	    t->reference_region, &region, s->e) == -1)
		return -1;
	if (t->valid_to != NULL) {
		sqlite3_bind_int64(ts->by_start, 1, ind_id);
		sql_bind_text(ts->by_start, 2, t->code);
		sql_bind_text(ts->by_start, 3, t->valid_from);
		if ((old_id = store_catalog_read_target(
			 s, ts->by_start, scratch, &old)) == -1)
			return -1;
		if (old_id == 0) {
			store_catalog_bind_target(ts->insert, ind_id, t, region,
			    t->valid_from);
			if (sql_run(s->db, ts->insert, s->e) == -1)
				return -1;
			store_catalog_report_add(s->rep, STORE_CATALOG_TARGET,
			    STORE_CATALOG_CREATED, code, NULL);
			return 0;
		}
		if (model_target_same_content(&old, t) &&
		    old.valid_to != NULL &&
		    strcmp(old.valid_to, t->valid_to) == 0) {
			store_catalog_report_add(s->rep, STORE_CATALOG_TARGET,
			    STORE_CATALOG_UNCHANGED, code, NULL);
			return 0;
		}
		goto update;
	}

	sqlite3_bind_int64(ts->current, 1, ind_id);
	sql_bind_text(ts->current, 2, t->code);
	if ((old_id = store_catalog_read_target(
		 s, ts->current, scratch, &old)) == -1)
		return -1;
	from = t->valid_from != NULL ? t->valid_from : s->today;
	if (old_id == 0) {
		store_catalog_bind_target(ts->insert, ind_id, t, region, from);
		if (sql_run(s->db, ts->insert, s->e) == -1)
			return error_prefix(s->e, "indicator '%s', target '%s' "
			    "from %s", ind->code, t->code, from);
		store_catalog_report_add(s->rep, STORE_CATALOG_TARGET,
		    STORE_CATALOG_CREATED, code, NULL);
		return 0;
	}
	if (model_target_same_content(&old, t)) {
		store_catalog_report_add(s->rep, STORE_CATALOG_TARGET,
		    STORE_CATALOG_UNCHANGED, code, NULL);
		return 0;
	}
	if (strcmp(from, old.valid_from) < 0)
		return error_set(s->e, "indicator '%s', target '%s': the new "
		    "version from %s would start before the current one (from "
		    "%s)", ind->code, t->code, from, old.valid_from);
	if (strcmp(from, old.valid_from) == 0)
		goto update;
	/* A changed target supersedes the current version (DESIGN.md). */
	sqlite3_bind_int64(ts->close, 1, old_id);
	sqlite3_bind_text(ts->close, 2, from, -1, SQLITE_STATIC);
	if (sql_run(s->db, ts->close, s->e) == -1)
		return -1;
	store_catalog_bind_target(ts->insert, ind_id, t, region, from);
	if (sql_run(s->db, ts->insert, s->e) == -1)
		return -1;
	snprintf(detail, sizeof(detail), "version from %s ended %s",
	    old.valid_from, from);
	store_catalog_report_add(s->rep, STORE_CATALOG_TARGET,
	    STORE_CATALOG_SUPERSEDED, code, detail);
	return 0;
update:
	store_catalog_bind_target(
	    ts->update, ind_id, t, region, old.valid_from);
	sqlite3_bind_int64(ts->update, 13, old_id);
	if (sql_run(s->db, ts->update, s->e) == -1)
		return -1;
	store_catalog_report_add(
	    s->rep, STORE_CATALOG_TARGET, STORE_CATALOG_UPDATED, code, NULL);
	return 0;
}

/* Versions of one target code must follow each other without overlap, and
 * only the last may be open. */
static int
store_catalog_check_versions(struct store_catalog_saver *s,
    struct store_catalog_target_sql *ts, const struct indicator *ind,
    int64_t ind_id)
{
	char code[72] = "", from[16] = "", to[16] = "";
	bool open = false;
	int n = SQLITE_DONE, rc = 0;

	sqlite3_bind_int64(ts->versions, 1, ind_id);
	while (rc == 0 && (n = sqlite3_step(ts->versions)) == SQLITE_ROW) {
		const char *c =
		    (const char *)sqlite3_column_text(ts->versions, 0);
		const char *f =
		    (const char *)sqlite3_column_text(ts->versions, 1);
		const char *t =
		    (const char *)sqlite3_column_text(ts->versions, 2);

		if (strcmp(c, code) == 0 && (open || strcmp(f, to) < 0))
			rc = error_set(s->e, "indicator '%s', target '%s': the "
			    "versions from %s and from %s overlap", ind->code,
			    c, from, f);
		snprintf(code, sizeof(code), "%s", c);
		snprintf(from, sizeof(from), "%s", f);
		snprintf(to, sizeof(to), "%s", t != NULL ? t : "");
		open = t == NULL;
	}
	sqlite3_reset(ts->versions);
	if (rc == 0 && n != SQLITE_DONE)
		return sql_error(s->db, s->e);
	return rc;
}

static int
store_catalog_save_indicators(
    struct store_catalog_saver *s, const struct catalog *c)
{
	struct store_catalog_target_sql ts = {
	    NULL, NULL, NULL, NULL, NULL, NULL};
	sqlite3_stmt *ins = NULL, *upd = NULL;
	sqlite3_stmt *goal_sel = NULL, *goal_del = NULL, *goal_add = NULL;
	sqlite3_stmt *sdg_sel = NULL, *sdg_del = NULL, *sdg_add = NULL;
	struct catalog scratch;
	size_t i, j;
	int rc = -1, n;

	model_catalog_init(&scratch);
	ins = sql_prepare(s->db,
	    "INSERT INTO indicator(code, title_de, "
	    "title_en, definition_de, definition_en, unit, decimals, polarity, "
	    "dimension, principle, field, source, source_url, method_note, "
	    "reference_region_id, annual, classification_id, position) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
	    "?15, "
	    "?16, ?17, ?18) ON CONFLICT(code) DO NOTHING", s->e);
	upd = sql_prepare(s->db,
	    "UPDATE indicator SET title_de = ?2, "
	    "title_en = ?3, definition_de = ?4, definition_en = ?5, unit = ?6, "
	    "decimals = ?7, polarity = ?8, dimension = ?9, principle = ?10, "
	    "field = ?11, source = ?12, source_url = ?13, method_note = ?14, "
	    "reference_region_id = ?15, annual = ?16, classification_id = ?17, "
	    "position = ?18 WHERE code = ?1 AND ("
	    "title_de IS DISTINCT FROM ?2 OR title_en IS DISTINCT FROM ?3 OR "
	    "definition_de IS DISTINCT FROM ?4 OR "
	    "definition_en IS DISTINCT FROM ?5 OR unit IS DISTINCT FROM ?6 OR "
	    "decimals IS DISTINCT FROM ?7 OR polarity IS DISTINCT FROM ?8 OR "
	    "dimension IS DISTINCT FROM ?9 OR principle IS DISTINCT FROM ?10 "
	    "OR "
	    "field IS DISTINCT FROM ?11 OR source IS DISTINCT FROM ?12 OR "
	    "source_url IS DISTINCT FROM ?13 OR "
	    "method_note IS DISTINCT FROM ?14 OR "
	    "reference_region_id IS DISTINCT FROM ?15 OR "
	    "annual IS DISTINCT FROM ?16 OR "
	    "classification_id IS DISTINCT FROM ?17 OR "
	    "position IS DISTINCT FROM ?18)", s->e);
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
	ts.by_start = sql_prepare(s->db, SQL_TARGET_COLUMNS "WHERE "
	    "t.indicator_id = ?1 AND t.code = ?2 AND t.valid_from = ?3", s->e);
	ts.current = sql_prepare(s->db, SQL_TARGET_COLUMNS "WHERE "
	    "t.indicator_id = ?1 AND t.code = ?2 AND t.valid_to IS NULL", s->e);
	ts.insert = sql_prepare(s->db,
	    "INSERT INTO target(indicator_id, code, "
	    "kind, value, low, high, year, reference_region_id, note_de, "
	    "note_en, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, "
	    "?8, ?9, ?10, ?11, ?12)", s->e);
	ts.update = sql_prepare(s->db, "UPDATE target SET kind = ?3, "
	    "value = ?4, low = ?5, high = ?6, year = ?7, "
	    "reference_region_id = ?8, note_de = ?9, note_en = ?10, "
	    "valid_to = ?12 WHERE id = ?13 AND indicator_id = ?1 AND code = ?2 "
	    "AND valid_from = ?11", s->e);
	ts.close = sql_prepare(s->db, "UPDATE target SET valid_to = ?2 "
	    "WHERE id = ?1", s->e);
	ts.versions = sql_prepare(s->db,
	    "SELECT code, valid_from, valid_to "
	    "FROM target WHERE indicator_id = ?1 ORDER BY code, valid_from",
	    s->e);
	if (ins == NULL || upd == NULL || goal_sel == NULL ||
	    goal_del == NULL || goal_add == NULL || sdg_sel == NULL ||
	    sdg_del == NULL || sdg_add == NULL || ts.by_start == NULL ||
	    ts.current == NULL || ts.insert == NULL || ts.update == NULL ||
	    ts.close == NULL || ts.versions == NULL)
		goto done;
	for (i = 0; i < c->indicator_count; i++) {
		const struct indicator *ind = &c->indicators[i];
		enum store_catalog_action action = STORE_CATALOG_UNCHANGED;
		int64_t region, classification, goal, id;
		sqlite3_stmt *st;
		int links;

		if (catalog_sql_require_id(s->db, CATALOG_SQL_REGION_ID,
		    "region", ind->reference_region, &region, s->e) == -1 ||
		    catalog_sql_require_id(s->db, CATALOG_SQL_CLASS_ID,
		    "classification", ind->classification, &classification,
		    s->e) == -1)
			goto done;
		for (st = ins; st != NULL; st = st == ins ? upd : NULL) {
			sql_bind_text(st, 1, ind->code);
			sql_bind_text(st, 2, ind->title_de);
			sql_bind_text(st, 3, ind->title_en);
			sql_bind_text(st, 4, ind->definition_de);
			sql_bind_text(st, 5, ind->definition_en);
			sql_bind_text(st, 6, ind->unit);
			sqlite3_bind_int(st, 7, ind->decimals);
			sqlite3_bind_int(st, 8, ind->polarity);
			sql_bind_text(st, 9,
			    model_dimension_names[ind->dimension]);
			sql_bind_text(st, 10,
			    model_principle_names[ind->principle]);
			sql_bind_text(st, 11, ind->field);
			sql_bind_text(st, 12, ind->source);
			sql_bind_text(st, 13, ind->source_url);
			sql_bind_text(st, 14, ind->method_note);
			sql_bind_id(st, 15, region);
			sql_bind_text(
			    st, 16, model_annual_names[ind->annual]);
			sql_bind_id(st, 17, classification);
			sqlite3_bind_int(st, 18, (int)i);
			if ((n = sql_run(s->db, st, s->e)) == -1)
				goto done;
			if (st == ins && n > 0) {
				action = STORE_CATALOG_CREATED;
				break;
			}
			if (st == upd && n > 0)
				action = STORE_CATALOG_UPDATED;
		}
		if (catalog_sql_require_id(s->db, CATALOG_SQL_INDICATOR_ID,
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
			if (store_catalog_save_target(s, &ts, &scratch, ind, id,
			    &ind->targets[j]) == -1)
				goto done;
		if (store_catalog_check_versions(s, &ts, ind, id) == -1)
			goto done;
	}
	rc = 0;
done:
	sqlite3_finalize(ins);
	sqlite3_finalize(upd);
	sqlite3_finalize(goal_sel);
	sqlite3_finalize(goal_del);
	sqlite3_finalize(goal_add);
	sqlite3_finalize(sdg_sel);
	sqlite3_finalize(sdg_del);
	sqlite3_finalize(sdg_add);
	sqlite3_finalize(ts.by_start);
	sqlite3_finalize(ts.current);
	sqlite3_finalize(ts.insert);
	sqlite3_finalize(ts.update);
	sqlite3_finalize(ts.close);
	sqlite3_finalize(ts.versions);
	model_catalog_free(&scratch);
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
	    store_catalog_save_shocks(&s, c) == -1)
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

