/* The catalogue store's composite indices (schema 002_index.sql): saved by
 * catalog.c's save, an index's own row created or updated by code and its
 * units, components and uncertainty analysis replaced whole when any of them
 * differs from what is stored; read by catalog_load.c's load. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store/catalog_internal.h"
#include "store/catalog_sql.h"
#include "util/buf.h"

static const struct catalog_sql_column store_catalog_index_columns[] = {
	CATALOG_SQL_TEXT_COLUMN(struct composite_index, code),
	CATALOG_SQL_TEXT_COLUMN(struct composite_index, title_de),
	CATALOG_SQL_TEXT_COLUMN(struct composite_index, title_en),
	CATALOG_SQL_TEXT_COLUMN(struct composite_index, description_de),
	CATALOG_SQL_TEXT_COLUMN(struct composite_index, description_en),
	CATALOG_SQL_TEXT_COLUMN(struct composite_index, period),
	CATALOG_SQL_TEXT_COLUMN(struct composite_index, normalise),
	CATALOG_SQL_TEXT_COLUMN(struct composite_index, aggregate),
	CATALOG_SQL_POSITION_COLUMN,
};

static const struct catalog_sql_table store_catalog_index_table = {
	"composite_index", 1, false, store_catalog_index_columns,
	sizeof(store_catalog_index_columns) /
	    sizeof(store_catalog_index_columns[0])
};

/* ---- reading ------------------------------------------------------------ */

/* "a/b/c" into a list of strings in c's arena. */
static const char **
store_catalog_index_split(struct catalog *c, const char *text, size_t *count)
{
	const char **list;
	const char *p;
	size_t n = 1, i = 0;

	*count = 0;
	if (text == NULL)
		return NULL;
	for (p = text; *p != '\0'; p++)
		if (*p == '/')
			n++;
	list = arena_alloc(&c->arena, n * sizeof(*list));
	for (p = text;; ) {
		const char *end = strchr(p, '/');

		list[i++] = arena_strndup(&c->arena, p, end != NULL ?
		    (size_t)(end - p) : strlen(p));
		if (end == NULL)
			break;
		p = end + 1;
	}
	*count = i;
	return list;
}

/* The statements that read what belongs to one index (?1 = its id). */
struct store_catalog_index_reader {
	struct db	*db;
	struct catalog	*c;
	struct error	*e;
	sqlite3_stmt	*units, *components, *uncertainty;
};

static int
store_catalog_index_read_units(struct store_catalog_index_reader *rd,
    int64_t id, struct composite_index *x)
{
	size_t cap = 0;
	int n;

	sqlite3_bind_int64(rd->units, 1, id);
	while ((n = sqlite3_step(rd->units)) == SQLITE_ROW) {
		x->units = catalog_sql_grow(&rd->c->arena, x->units,
		    x->unit_count, &cap, sizeof(*x->units));
		x->units[x->unit_count++] =
		    catalog_sql_column_text(rd->c, rd->units, 0);
	}
	sqlite3_reset(rd->units);
	return n == SQLITE_DONE ? 0 : sql_error(rd->db, rd->e);
}

static int
store_catalog_index_read_components(struct store_catalog_index_reader *rd,
    int64_t id, struct composite_index *x)
{
	sqlite3_stmt *st = rd->components;
	size_t cap = 0;
	int n;

	sqlite3_bind_int64(st, 1, id);
	while ((n = sqlite3_step(st)) == SQLITE_ROW) {
		struct index_component *k;
		const char *measure;
		int m;

		x->components = catalog_sql_grow(&rd->c->arena, x->components,
		    x->component_count, &cap, sizeof(*x->components));
		k = &x->components[x->component_count];
		k->position = (int)x->component_count++;
		k->code = catalog_sql_column_text(rd->c, st, 0);
		k->parent = catalog_sql_column_text(rd->c, st, 1);
		k->title_de = catalog_sql_column_text(rd->c, st, 2);
		k->title_en = catalog_sql_column_text(rd->c, st, 3);
		k->has_weight = sqlite3_column_type(st, 4) != SQLITE_NULL;
		k->weight = k->has_weight ? sqlite3_column_double(st, 4) : 0;
		k->indicator = catalog_sql_column_text(rd->c, st, 5);
		measure = (const char *)sqlite3_column_text(st, 6);
		m = measure == NULL ? MODEL_MEASURE_NONE :
		    model_enum_parse(model_measure_names, MODEL_MEASURE__MAX,
		    measure);
		if (m < 0) {
			sqlite3_reset(st);
			return error_set(rd->e, "%s: component '%s' of index "
			    "'%s' has an unknown measure '%s'", rd->db->path,
			    k->code, x->code, measure);
		}
		k->measure = m;
		k->direction = sqlite3_column_int(st, 7);
		k->from = catalog_sql_column_text(rd->c, st, 8);
		k->sector = catalog_sql_column_text(rd->c, st, 9);
		k->shock = catalog_sql_column_text(rd->c, st, 10);
	}
	sqlite3_reset(st);
	return n == SQLITE_DONE ? 0 : sql_error(rd->db, rd->e);
}

static int
store_catalog_index_read_uncertainty(struct store_catalog_index_reader *rd,
    int64_t id, struct composite_index *x)
{
	sqlite3_stmt *st = rd->uncertainty;
	struct index_uncertainty *u;
	int n;

	sqlite3_bind_int64(st, 1, id);
	if ((n = sqlite3_step(st)) == SQLITE_ROW) {
		u = arena_alloc(&rd->c->arena, sizeof(*u));
		u->normalise = store_catalog_index_split(rd->c,
		    (const char *)sqlite3_column_text(st, 0),
		    &u->normalise_count);
		u->aggregate = store_catalog_index_split(rd->c,
		    (const char *)sqlite3_column_text(st, 1),
		    &u->aggregate_count);
		u->has_weights = sqlite3_column_type(st, 2) != SQLITE_NULL;
		u->weights = u->has_weights ? sqlite3_column_double(st, 2) : 0;
		u->runs = sqlite3_column_int(st, 3);
		u->seed = sqlite3_column_int(st, 4);
		x->uncertainty = u;
	}
	sqlite3_reset(st);
	return n == SQLITE_ROW || n == SQLITE_DONE ? 0 :
	    sql_error(rd->db, rd->e);
}

int
store_catalog_index_load(struct db *db, struct catalog *c, const char *only,
    struct error *e)
{
	struct store_catalog_index_reader rd = { db, c, e, NULL, NULL, NULL };
	sqlite3_stmt *st;
	int rc = -1, n;

	st = sql_prepare(db, "SELECT id, code, title_de, title_en, "
	    "description_de, description_en, period, normalise, aggregate "
	    "FROM composite_index WHERE ?1 IS NULL OR code = ?1 "
	    "ORDER BY position, id", e);
	rd.units = sql_prepare(db, "SELECT r.code FROM composite_index_unit u "
	    "JOIN region r ON r.id = u.region_id WHERE u.index_id = ?1 "
	    "ORDER BY u.position", e);
	rd.components = sql_prepare(db, "SELECT c.code, c.parent, c.title_de, "
	    "c.title_en, c.weight, i.code, c.measure, c.direction, "
	    "c.from_period, c.sector, s.code FROM composite_index_component c "
	    "LEFT JOIN indicator i ON i.id = c.indicator_id "
	    "LEFT JOIN shock s ON s.id = c.shock_id WHERE c.index_id = ?1 "
	    "ORDER BY c.position", e);
	rd.uncertainty = sql_prepare(db, "SELECT normalise, aggregate, weights, "
	    "runs, seed FROM composite_index_uncertainty WHERE index_id = ?1",
	    e);
	if (st == NULL || rd.units == NULL || rd.components == NULL ||
	    rd.uncertainty == NULL)
		goto done;
	sql_bind_text(st, 1, only);
	while ((n = sqlite3_step(st)) == SQLITE_ROW) {
		struct composite_index *x = model_add_index(c);
		int64_t id = sqlite3_column_int64(st, 0);

		x->position = (int)(c->index_count - 1);
		x->code = catalog_sql_column_text(c, st, 1);
		x->title_de = catalog_sql_column_text(c, st, 2);
		x->title_en = catalog_sql_column_text(c, st, 3);
		x->description_de = catalog_sql_column_text(c, st, 4);
		x->description_en = catalog_sql_column_text(c, st, 5);
		x->period = catalog_sql_column_text(c, st, 6);
		x->normalise = catalog_sql_column_text(c, st, 7);
		x->aggregate = catalog_sql_column_text(c, st, 8);
		if (store_catalog_index_read_units(&rd, id, x) == -1 ||
		    store_catalog_index_read_components(&rd, id, x) == -1 ||
		    store_catalog_index_read_uncertainty(&rd, id, x) == -1)
			goto done;
	}
	if (n != SQLITE_DONE) {
		sql_error(db, e);
		goto done;
	}
	rc = 0;
done:
	sqlite3_finalize(st);
	sqlite3_finalize(rd.units);
	sqlite3_finalize(rd.components);
	sqlite3_finalize(rd.uncertainty);
	return rc;
}

int
store_catalog_index_count(struct db *db, size_t *count, struct error *e)
{
	sqlite3_stmt *st;
	int n;

	*count = 0;
	if ((st = sql_prepare(db, "SELECT count(*) FROM composite_index",
	    e)) == NULL)
		return -1;
	if ((n = sqlite3_step(st)) == SQLITE_ROW)
		*count = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n == SQLITE_ROW ? 0 : sql_error(db, e);
}

/* ---- saving ------------------------------------------------------------- */

/* The statements that write what belongs to an index. */
struct store_catalog_index_sql {
	sqlite3_stmt	*remove[3];	/* units, components, uncertainty */
	sqlite3_stmt	*unit, *component, *uncertainty;
};

static void
store_catalog_index_finalize(struct store_catalog_index_sql *q)
{
	size_t i;

	for (i = 0; i < 3; i++)
		sqlite3_finalize(q->remove[i]);
	sqlite3_finalize(q->unit);
	sqlite3_finalize(q->component);
	sqlite3_finalize(q->uncertainty);
	memset(q, 0, sizeof(*q));
}

static int
store_catalog_index_prepare(struct store_catalog_saver *s,
    struct store_catalog_index_sql *q)
{
	memset(q, 0, sizeof(*q));
	q->remove[0] = sql_prepare(s->db, "DELETE FROM composite_index_unit "
	    "WHERE index_id = ?1", s->e);
	q->remove[1] = sql_prepare(s->db, "DELETE FROM "
	    "composite_index_component WHERE index_id = ?1", s->e);
	q->remove[2] = sql_prepare(s->db, "DELETE FROM "
	    "composite_index_uncertainty WHERE index_id = ?1", s->e);
	q->unit = sql_prepare(s->db, "INSERT INTO composite_index_unit("
	    "index_id, region_id, position) VALUES (?1, ?2, ?3)", s->e);
	q->component = sql_prepare(s->db, "INSERT INTO "
	    "composite_index_component(index_id, code, parent, title_de, "
	    "title_en, weight, indicator_id, measure, direction, from_period, "
	    "sector, shock_id, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	    "?8, ?9, ?10, ?11, ?12, ?13)", s->e);
	q->uncertainty = sql_prepare(s->db, "INSERT INTO "
	    "composite_index_uncertainty(index_id, normalise, aggregate, "
	    "weights, runs, seed) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", s->e);
	return q->remove[0] != NULL && q->remove[1] != NULL &&
	    q->remove[2] != NULL && q->unit != NULL && q->component != NULL &&
	    q->uncertainty != NULL ? 0 : -1;
}

/* A list of alternatives as "a/b" (NULL for none), in b. */
static const char *
store_catalog_index_join(struct buf *b, const char *const *list, size_t n)
{
	size_t i;

	buf_reset(b);
	if (n == 0)
		return NULL;
	for (i = 0; i < n; i++)
		buf_printf(b, "%s%s", i > 0 ? "/" : "", list[i]);
	return buf_cstr(b);
}

static int
store_catalog_index_save_uncertainty(struct store_catalog_saver *s,
    struct store_catalog_index_sql *q, int64_t id,
    const struct index_uncertainty *u)
{
	struct buf norm = BUF_INIT, agg = BUF_INIT;
	int rc;

	sqlite3_bind_int64(q->uncertainty, 1, id);
	sql_bind_text(q->uncertainty, 2, store_catalog_index_join(&norm,
	    u->normalise, u->normalise_count));
	sql_bind_text(q->uncertainty, 3, store_catalog_index_join(&agg,
	    u->aggregate, u->aggregate_count));
	sql_bind_number(q->uncertainty, 4, u->has_weights, u->weights);
	sqlite3_bind_int(q->uncertainty, 5, u->runs);
	sqlite3_bind_int(q->uncertainty, 6, u->seed);
	rc = sql_run(s->db, q->uncertainty, s->e) == -1 ? -1 : 0;
	buf_free(&norm);
	buf_free(&agg);
	return rc;
}

/* Writes the units, components and uncertainty of index x (row id). */
static int
store_catalog_index_save_parts(struct store_catalog_saver *s,
    struct store_catalog_index_sql *q, int64_t id,
    const struct composite_index *x)
{
	size_t i;

	for (i = 0; i < x->unit_count; i++) {
		int64_t region;

		if (catalog_sql_require_id(s->db, CATALOG_SQL_REGION_ID,
		    "region", x->units[i], &region, s->e) == -1)
			return error_prefix(s->e, "index '%s'", x->code);
		sqlite3_bind_int64(q->unit, 1, id);
		sqlite3_bind_int64(q->unit, 2, region);
		sqlite3_bind_int(q->unit, 3, (int)i);
		if (sql_run(s->db, q->unit, s->e) == -1)
			return error_prefix(s->e, "index '%s', unit '%s'",
			    x->code, x->units[i]);
	}
	for (i = 0; i < x->component_count; i++) {
		const struct index_component *k = &x->components[i];
		int64_t indicator, shock;

		if (catalog_sql_require_id(s->db, CATALOG_SQL_INDICATOR_ID,
		    "indicator", k->indicator, &indicator, s->e) == -1 ||
		    catalog_sql_require_id(s->db, "SELECT id FROM shock "
		    "WHERE code = ?1", "shock", k->shock, &shock, s->e) == -1)
			return error_prefix(s->e, "index '%s', component '%s'",
			    x->code, k->code);
		sqlite3_bind_int64(q->component, 1, id);
		sql_bind_text(q->component, 2, k->code);
		sql_bind_text(q->component, 3, k->parent);
		sql_bind_text(q->component, 4, k->title_de);
		sql_bind_text(q->component, 5, k->title_en);
		sql_bind_number(q->component, 6, k->has_weight, k->weight);
		sql_bind_id(q->component, 7, indicator);
		sql_bind_text(q->component, 8, model_measure_names[k->measure]);
		if (k->direction != 0)
			sqlite3_bind_int(q->component, 9, k->direction);
		sql_bind_text(q->component, 10, k->from);
		sql_bind_text(q->component, 11, k->sector);
		sql_bind_id(q->component, 12, shock);
		sqlite3_bind_int(q->component, 13, (int)i);
		if (sql_run(s->db, q->component, s->e) == -1)
			return error_prefix(s->e, "index '%s', component '%s'",
			    x->code, k->code);
	}
	if (x->uncertainty != NULL && store_catalog_index_save_uncertainty(s,
	    q, id, x->uncertainty) == -1)
		return error_prefix(s->e, "index '%s'", x->code);
	return 0;
}

/* Whether what belongs to the stored index differs from x: 1, 0, -1. */
static int
store_catalog_index_differs(struct store_catalog_saver *s,
    const struct composite_index *x)
{
	struct catalog stored;
	int rc = -1;

	model_catalog_init(&stored);
	if (store_catalog_index_load(s->db, &stored, x->code, s->e) == -1)
		goto done;
	rc = stored.index_count == 0 ||
	    !model_index_same_content(&stored.indices[0], x);
done:
	model_catalog_free(&stored);
	return rc;
}

int
store_catalog_index_save(struct store_catalog_saver *s,
    const struct catalog *c)
{
	struct store_catalog_index_sql q;
	struct catalog_sql_upsert u;
	size_t i, k;
	int rc = -1;

	memset(&u, 0, sizeof(u));
	if (c->index_count == 0)
		return 0;
	if (store_catalog_index_prepare(s, &q) == -1 ||
	    catalog_sql_upsert_prepare(s->db, &store_catalog_index_table, &u,
	    s->e) == -1)
		goto done;
	for (i = 0; i < c->index_count; i++) {
		const struct composite_index *x = &c->indices[i];
		enum store_catalog_action action;
		int64_t id;
		int differs;

		if ((differs = store_catalog_index_differs(s, x)) == -1 ||
		    catalog_sql_upsert(s->db, &u, x, (int)i, NULL, &action,
		    s->e) == -1 ||
		    catalog_sql_require_id(s->db, "SELECT id FROM "
		    "composite_index WHERE code = ?1", "index", x->code, &id,
		    s->e) == -1)
			goto done;
		if (differs) {
			for (k = 0; k < 3; k++) {
				sqlite3_bind_int64(q.remove[k], 1, id);
				if (sql_run(s->db, q.remove[k], s->e) == -1)
					goto done;
			}
			if (store_catalog_index_save_parts(s, &q, id, x) == -1)
				goto done;
			if (action == STORE_CATALOG_UNCHANGED)
				action = STORE_CATALOG_UPDATED;
		}
		store_catalog_report_add(s->rep, STORE_CATALOG_INDEX, action,
		    x->code, NULL);
	}
	rc = 0;
done:
	store_catalog_index_finalize(&q);
	catalog_sql_upsert_finalize(&u);
	return rc;
}
