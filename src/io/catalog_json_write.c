/* The canonical export of a catalogue (see catalog_json.h): fixed key order,
 * two-space indent, optional fields left out, shortest round-trip numbers. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "io/catalog_json.h"
#include "io/catalog_json_internal.h"
#include "util/text.h"

struct catalog_json_writer {
	struct buf	*out;
	bool		 first;		/* nothing written yet in this object */
	bool		 inline_;	/* this object is on one line */
	int		 indent;
};

static void
catalog_json_write_string_value(struct buf *out, const char *s)
{
	const unsigned char *p;

	buf_putc(out, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':	buf_puts(out, "\\\""); break;
		case '\\':	buf_puts(out, "\\\\"); break;
		case '\n':	buf_puts(out, "\\n"); break;
		case '\t':	buf_puts(out, "\\t"); break;
		case '\r':	buf_puts(out, "\\r"); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				buf_printf(out, "\\u%04x", *p);
			else
				buf_putc(out, (char)*p);
		}
	}
	buf_putc(out, '"');
}

static void
catalog_json_write_newline(struct catalog_json_writer *w)
{
	int i;

	buf_putc(w->out, '\n');
	for (i = 0; i < w->indent; i++)
		buf_puts(w->out, "  ");
}

static void
catalog_json_write_open(struct catalog_json_writer *w, bool inline_)
{
	buf_putc(w->out, '{');
	w->first = true;
	w->inline_ = inline_;
	w->indent++;
}

static void
catalog_json_write_close(struct catalog_json_writer *w)
{
	w->indent--;
	if (!w->inline_)
		catalog_json_write_newline(w);
	buf_putc(w->out, '}');
	w->first = false;
	w->inline_ = false;
}

static void
catalog_json_write_key(struct catalog_json_writer *w, const char *key)
{
	if (!w->first)
		buf_putc(w->out, ',');
	if (w->inline_) {
		if (!w->first)
			buf_putc(w->out, ' ');
	} else
		catalog_json_write_newline(w);
	w->first = false;
	catalog_json_write_string_value(w->out, key);
	buf_puts(w->out, ": ");
}

static void
catalog_json_write_string(
    struct catalog_json_writer *w, const char *key, const char *value)
{
	if (value == NULL)
		return;
	catalog_json_write_key(w, key);
	catalog_json_write_string_value(w->out, value);
}

static void
catalog_json_write_int(
    struct catalog_json_writer *w, const char *key, int value)
{
	catalog_json_write_key(w, key);
	buf_printf(w->out, "%d", value);
}

static void
catalog_json_write_number(
    struct catalog_json_writer *w, const char *key, bool has, double value)
{
	char text[40];

	if (!has)
		return;
	text_format_double(value, text, sizeof(text));
	catalog_json_write_key(w, key);
	buf_puts(w->out, text);
}

static void
catalog_json_write_string_list(struct catalog_json_writer *w, const char *key,
    const char **list, size_t count)
{
	size_t i;

	if (count == 0)
		return;
	catalog_json_write_key(w, key);
	buf_putc(w->out, '[');
	for (i = 0; i < count; i++) {
		if (i > 0)
			buf_puts(w->out, ", ");
		catalog_json_write_string_value(w->out, list[i]);
	}
	buf_putc(w->out, ']');
}

/* Starts element i of an array whose elements are objects; each sits on its
 * own line(s). */
static void
catalog_json_write_element(
    struct catalog_json_writer *w, size_t i, bool inline_)
{
	if (i > 0)
		buf_putc(w->out, ',');
	catalog_json_write_newline(w);
	catalog_json_write_open(w, inline_);
}

static void
catalog_json_write_array_end(struct catalog_json_writer *w, size_t count)
{
	w->indent--;
	if (count > 0)
		catalog_json_write_newline(w);
	buf_putc(w->out, ']');
	w->first = false;
	w->inline_ = false;
}

/* Writes `key: [...]` with one object an item (on one line each if inline_),
 * each written by write(). */
typedef void (*catalog_json_write_fn)(struct catalog_json_writer *w,
    const void *item);

static void
catalog_json_write_array(struct catalog_json_writer *w, const char *key,
    const void *items, size_t count, size_t size, bool inline_,
    catalog_json_write_fn write)
{
	size_t i;

	catalog_json_write_key(w, key);
	buf_putc(w->out, '[');
	w->indent++;
	for (i = 0; i < count; i++) {
		catalog_json_write_element(w, i, inline_);
		write(w, (const char *)items + i * size);
		catalog_json_write_close(w);
	}
	catalog_json_write_array_end(w, count);
}

/* The fields of a record by its table (catalog_json_schema.c), in the
 * table's order; absent values are left out. OTHER fields are the caller's. */
static void
catalog_json_write_fields(struct catalog_json_writer *w,
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
				catalog_json_write_int(w, f->key, v);
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
catalog_json_write_target(struct catalog_json_writer *w, const void *item)
{
	const struct target_version *t = item;

	catalog_json_write_string(w, "code", t->code);
	catalog_json_write_string(w, "kind", model_target_kind_names[t->kind]);
	catalog_json_write_fields(w, catalog_json_schema_target, t);
}

static void
catalog_json_write_indicator(struct catalog_json_writer *w, const void *item)
{
	const struct indicator *ind = item;

	catalog_json_write_fields(w, catalog_json_schema_indicator, ind);
	if (ind->target_count > 0)
		catalog_json_write_array(w, "targets", ind->targets,
		    ind->target_count, sizeof(*ind->targets), false,
		    catalog_json_write_target);
}

static void
catalog_json_write_region(struct catalog_json_writer *w, const void *item)
{
	const struct region *g = item;
	size_t i;

	catalog_json_write_fields(w, catalog_json_schema_region, g);
	if (g->alias_count == 0)
		return;
	catalog_json_write_key(w, "aliases");
	buf_putc(w->out, '[');
	for (i = 0; i < g->alias_count; i++) {
		struct catalog_json_writer inner = { w->out, true, true, 0 };

		if (i > 0)
			buf_puts(w->out, ", ");
		buf_putc(w->out, '{');
		catalog_json_write_fields(&inner, catalog_json_schema_alias,
		    &g->aliases[i]);
		buf_putc(w->out, '}');
	}
	buf_putc(w->out, ']');
}

static void
catalog_json_write_sector(struct catalog_json_writer *w, const void *item)
{
	catalog_json_write_fields(w, catalog_json_schema_sector, item);
}

static void
catalog_json_write_classification(struct catalog_json_writer *w,
    const void *item)
{
	const struct classification *cl = item;

	catalog_json_write_fields(w, catalog_json_schema_classification, cl);
	/* One sector a line: WZ 2008 alone has over a hundred. */
	catalog_json_write_array(w, "sectors", cl->sectors, cl->sector_count,
	    sizeof(*cl->sectors), true, catalog_json_write_sector);
}

static void
catalog_json_write_goal(struct catalog_json_writer *w, const void *item)
{
	catalog_json_write_fields(w, catalog_json_schema_goal, item);
}

static void
catalog_json_write_shock(struct catalog_json_writer *w, const void *item)
{
	catalog_json_write_fields(w, catalog_json_schema_shock, item);
}

static void
catalog_json_write_component(struct catalog_json_writer *w, const void *item)
{
	catalog_json_write_fields(w, catalog_json_schema_component, item);
}

static void
catalog_json_write_index(struct catalog_json_writer *w, const void *item)
{
	const struct composite_index *x = item;

	catalog_json_write_fields(w, catalog_json_schema_index, x);
	if (x->uncertainty != NULL) {
		catalog_json_write_key(w, "uncertainty");
		catalog_json_write_open(w, true);
		catalog_json_write_fields(w, catalog_json_schema_uncertainty,
		    x->uncertainty);
		catalog_json_write_close(w);
	}
	catalog_json_write_array(w, "components", x->components,
	    x->component_count, sizeof(*x->components), false,
	    catalog_json_write_component);
}

void
catalog_json_write(const struct catalog *c, struct buf *out)
{
	struct catalog_json_writer w = { out, true, false, 0 };

	catalog_json_write_open(&w, false);
	if (c->vision != NULL) {
		const struct vision *v = c->vision;

		catalog_json_write_key(&w, "vision");
		catalog_json_write_open(&w, false);
		catalog_json_write_fields(&w, catalog_json_schema_vision, v);
		catalog_json_write_close(&w);
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
	catalog_json_write_close(&w);
	buf_putc(out, '\n');
}
