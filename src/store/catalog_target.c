/* The catalogue store's targets: versions by (indicator, target code), a
 * changed current target superseding the stored one (the rules are in
 * catalog.h, above store_catalog_save()). */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "store/catalog_internal.h"
#include "store/catalog_sql.h"

int
store_catalog_target_prepare(struct store_catalog_saver *s,
    struct store_catalog_target_sql *ts)
{
	memset(ts, 0, sizeof(*ts));
	model_catalog_init(&ts->scratch);
	ts->by_start = sql_prepare(s->db, "SELECT t.id, " CATALOG_SQL_TARGET
	    "WHERE t.indicator_id = ?1 AND t.code = ?2 AND t.valid_from = ?3",
	    s->e);
	ts->current = sql_prepare(s->db, "SELECT t.id, " CATALOG_SQL_TARGET
	    "WHERE t.indicator_id = ?1 AND t.code = ?2 AND t.valid_to IS NULL",
	    s->e);
	ts->insert = sql_prepare(s->db, "INSERT INTO target(indicator_id, "
	    "code, kind, value, low, high, year, reference_region_id, note_de, "
	    "note_en, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?9, ?10, ?11, ?12)", s->e);
	ts->update = sql_prepare(s->db, "UPDATE target SET kind = ?3, "
	    "value = ?4, low = ?5, high = ?6, year = ?7, "
	    "reference_region_id = ?8, note_de = ?9, note_en = ?10, "
	    "valid_to = ?12 WHERE id = ?13 AND indicator_id = ?1 AND code = ?2 "
	    "AND valid_from = ?11", s->e);
	ts->close = sql_prepare(s->db, "UPDATE target SET valid_to = ?2 "
	    "WHERE id = ?1", s->e);
	ts->versions = sql_prepare(s->db, "SELECT code, valid_from, valid_to "
	    "FROM target WHERE indicator_id = ?1 ORDER BY code, valid_from",
	    s->e);
	if (ts->by_start == NULL || ts->current == NULL || ts->insert == NULL ||
	    ts->update == NULL || ts->close == NULL || ts->versions == NULL)
		return -1;
	return 0;
}

void
store_catalog_target_finalize(struct store_catalog_target_sql *ts)
{
	sqlite3_finalize(ts->by_start);
	sqlite3_finalize(ts->current);
	sqlite3_finalize(ts->insert);
	sqlite3_finalize(ts->update);
	sqlite3_finalize(ts->close);
	sqlite3_finalize(ts->versions);
	model_catalog_free(&ts->scratch);
}

/* Reads the stored version row of `sel` into t (strings in the scratch
 * catalogue). Returns the row id, 0 if there is none, -1. */
static int64_t
store_catalog_target_read(struct store_catalog_saver *s,
    struct store_catalog_target_sql *ts, sqlite3_stmt *sel,
    struct target_version *t)
{
	int64_t id = 0;
	int n;

	memset(t, 0, sizeof(*t));
	if ((n = sqlite3_step(sel)) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(sel, 1);

		id = sqlite3_column_int64(sel, 0);
		t->kind = model_enum_parse(model_target_kind_names,
		    MODEL_TARGET_KIND__MAX, kind);
		catalog_sql_column_target(&ts->scratch, sel, t);
	}
	sqlite3_reset(sel);
	sqlite3_clear_bindings(sel);
	if (n != SQLITE_ROW && n != SQLITE_DONE) {
		sql_error(s->db, s->e);
		return -1;
	}
	return id;
}

static void
store_catalog_target_bind(sqlite3_stmt *st, int64_t indicator,
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
int
store_catalog_target_save(struct store_catalog_saver *s,
    struct store_catalog_target_sql *ts, const struct indicator *ind,
    int64_t ind_id, const struct target_version *t)
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
		if ((old_id = store_catalog_target_read(s, ts, ts->by_start,
		    &old)) == -1)
			return -1;
		if (old_id == 0) {
			store_catalog_target_bind(ts->insert, ind_id, t, region,
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
	if ((old_id = store_catalog_target_read(s, ts, ts->current,
	    &old)) == -1)
		return -1;
	from = t->valid_from != NULL ? t->valid_from : s->today;
	if (old_id == 0) {
		store_catalog_target_bind(ts->insert, ind_id, t, region, from);
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
	store_catalog_target_bind(ts->insert, ind_id, t, region, from);
	if (sql_run(s->db, ts->insert, s->e) == -1)
		return -1;
	snprintf(detail, sizeof(detail), "version from %s ended %s",
	    old.valid_from, from);
	store_catalog_report_add(s->rep, STORE_CATALOG_TARGET,
	    STORE_CATALOG_SUPERSEDED, code, detail);
	return 0;
update:
	store_catalog_target_bind(
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
int
store_catalog_target_check_versions(struct store_catalog_saver *s,
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
