/* The canonical export of a catalogue (see catalog_json.h), written with
 * util/jsonw: fixed key order, two-space indent, optional fields left out,
 * shortest round-trip numbers. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "io/catalog_json.h"
#include "io/catalog_json_internal.h"
#include "util/jsonw.h"
#include "util/text.h"

static void
catalog_json_write_string(struct jsonw *w, const char *key, const char *value)
{
	if (value != NULL)
		jsonw_string(w, key, value);
}

/* A number as people write it (50, 0.5; util/text.h), the form the shipped
 * catalogue is kept in. */
static void
catalog_json_write_number(struct jsonw *w, const char *key, bool has,
    double value)
{
	char text[40];

	if (!has)
		return;
	text_format_double(value, text, sizeof(text));
	jsonw_raw(w, key, text);
}

static void
catalog_json_write_string_list(struct jsonw *w, const char *key,
    const char **list, size_t count)
{
	size_t i;

	if (count == 0)
		return;
	jsonw_array_line(w, key);
	for (i = 0; i < count; i++)
		jsonw_string(w, NULL, list[i]);
	jsonw_close(w);
}

/* Writes `key: [...]` with one object an item (on one line each if one_line),
 * each written by write(). */
typedef void (*catalog_json_write_fn)(struct jsonw *w, const void *item);

static void
catalog_json_write_array(struct jsonw *w, const char *key, const void *items,
    size_t count, size_t size, bool one_line, catalog_json_write_fn write)
{
	size_t i;

	jsonw_array(w, key);
	for (i = 0; i < count; i++) {
		if (one_line)
			jsonw_object_line(w, NULL);
		else
			jsonw_object(w, NULL);
		write(w, (const char *)items + i * size);
		jsonw_close(w);
	}
	jsonw_close(w);
}

/* The fields of a record by its table (catalog_json_schema.c), in the
 * table's order; absent values are left out. OTHER fields are the caller's. */
static void
catalog_json_write_fields(struct jsonw *w,
    const struct catalog_json_field *fields, const void *record)
{
	const struct catalog_json_field *f;

	for (f = fields; f->key != NULL; f++) {
		const char *at = (const char *)record + f->offset;
		const char *has = (const char *)record + f->has;
		int v;

		switch (f->type) {
		case CATALOG_JSON_FIELD_STRING:
			catalog_json_write_string(w, f->key,
			    *(const char *const *)at);
			break;
		case CATALOG_JSON_FIELD_INT:
			v = *(const int *)at;
			if (v != 0 || !f->zero_absent)
				jsonw_int(w, f->key, v);
			break;
		case CATALOG_JSON_FIELD_NUMBER:
			catalog_json_write_number(w, f->key,
			    *(const bool *)has, *(const double *)at);
			break;
		case CATALOG_JSON_FIELD_ENUM:
			memcpy(&v, at, sizeof(v));
			catalog_json_write_string(w, f->key, f->names[v]);
			break;
		case CATALOG_JSON_FIELD_STRINGS:
			catalog_json_write_string_list(w, f->key,
			    *(const char **const *)at, *(const size_t *)has);
			break;
		case CATALOG_JSON_FIELD_OTHER:
			break;
		}
	}
}

static void
catalog_json_write_target(struct jsonw *w, const void *item)
{
	const struct target_version *t = item;

	catalog_json_write_string(w, "code", t->code);
	catalog_json_write_string(w, "kind", model_target_kind_names[t->kind]);
	catalog_json_write_fields(w, catalog_json_schema_target, t);
}

static void
catalog_json_write_indicator(struct jsonw *w, const void *item)
{
	const struct indicator *ind = item;

	catalog_json_write_fields(w, catalog_json_schema_indicator, ind);
	if (ind->target_count > 0)
		catalog_json_write_array(w, "targets", ind->targets,
		    ind->target_count, sizeof(*ind->targets), false,
		    catalog_json_write_target);
}

static void
catalog_json_write_region(struct jsonw *w, const void *item)
{
	const struct region *g = item;
	size_t i;

	catalog_json_write_fields(w, catalog_json_schema_region, g);
	if (g->alias_count == 0)
		return;
	jsonw_array_line(w, "aliases");
	for (i = 0; i < g->alias_count; i++) {
		jsonw_object_line(w, NULL);
		catalog_json_write_fields(w, catalog_json_schema_alias,
		    &g->aliases[i]);
		jsonw_close(w);
	}
	jsonw_close(w);
}

static void
catalog_json_write_sector(struct jsonw *w, const void *item)
{
	catalog_json_write_fields(w, catalog_json_schema_sector, item);
}

static void
catalog_json_write_classification(struct jsonw *w,
    const void *item)
{
	const struct classification *cl = item;

	catalog_json_write_fields(w, catalog_json_schema_classification, cl);
	/* One sector a line: WZ 2008 alone has over a hundred. */
	catalog_json_write_array(w, "sectors", cl->sectors, cl->sector_count,
	    sizeof(*cl->sectors), true, catalog_json_write_sector);
}

static void
catalog_json_write_goal(struct jsonw *w, const void *item)
{
	catalog_json_write_fields(w, catalog_json_schema_goal, item);
}

static void
catalog_json_write_shock(struct jsonw *w, const void *item)
{
	catalog_json_write_fields(w, catalog_json_schema_shock, item);
}

static void
catalog_json_write_component(struct jsonw *w, const void *item)
{
	catalog_json_write_fields(w, catalog_json_schema_component, item);
}

static void
catalog_json_write_index(struct jsonw *w, const void *item)
{
	const struct composite_index *x = item;

	catalog_json_write_fields(w, catalog_json_schema_index, x);
	if (x->uncertainty != NULL) {
		jsonw_object_line(w, "uncertainty");
		catalog_json_write_fields(w, catalog_json_schema_uncertainty,
		    x->uncertainty);
		jsonw_close(w);
	}
	catalog_json_write_array(w, "components", x->components,
	    x->component_count, sizeof(*x->components), false,
	    catalog_json_write_component);
}

void
catalog_json_write(const struct catalog *c, struct buf *out)
{
	struct jsonw w;

	jsonw_init(&w, out);
	jsonw_object(&w, NULL);
	if (c->vision != NULL) {
		jsonw_object(&w, "vision");
		catalog_json_write_fields(&w, catalog_json_schema_vision,
		    c->vision);
		jsonw_close(&w);
	}

	catalog_json_write_array(&w, "goals", c->goals, c->goal_count,
	    sizeof(*c->goals), false, catalog_json_write_goal);
	catalog_json_write_array(&w, "indicators", c->indicators,
	    c->indicator_count, sizeof(*c->indicators), false,
	    catalog_json_write_indicator);
	catalog_json_write_array(&w, "regions", c->regions, c->region_count,
	    sizeof(*c->regions), false, catalog_json_write_region);
	catalog_json_write_array(&w, "classifications", c->classifications,
	    c->classification_count, sizeof(*c->classifications), false,
	    catalog_json_write_classification);
	catalog_json_write_array(&w, "shocks", c->shocks, c->shock_count,
	    sizeof(*c->shocks), false, catalog_json_write_shock);
	/* Optional: a catalogue without indices exports as it always did. */
	if (c->index_count > 0)
		catalog_json_write_array(&w, "indices", c->indices,
		    c->index_count, sizeof(*c->indices), false,
		    catalog_json_write_index);
	jsonw_close(&w);
	buf_putc(out, '\n');
}
