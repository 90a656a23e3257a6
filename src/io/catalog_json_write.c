/* The canonical export of a catalogue (see catalog_json.h): fixed key order,
 * two-space indent, optional fields left out, shortest round-trip numbers. */
#include <stdbool.h>
#include <stdio.h>

#include "io/catalog_json.h"
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

static void
catalog_json_write_target(struct catalog_json_writer *w, const void *item)
{
	const struct target_version *t = item;

	catalog_json_write_string(w, "code", t->code);
	catalog_json_write_string(w, "kind", model_target_kind_names[t->kind]);
	catalog_json_write_number(w, "value", t->has_value, t->value);
	catalog_json_write_number(w, "low", t->has_low, t->low);
	catalog_json_write_number(w, "high", t->has_high, t->high);
	if (t->year != 0)
		catalog_json_write_int(w, "year", t->year);
	catalog_json_write_string(w, "reference_region", t->reference_region);
	catalog_json_write_string(w, "note_de", t->note_de);
	catalog_json_write_string(w, "note_en", t->note_en);
	catalog_json_write_string(w, "valid_from", t->valid_from);
	catalog_json_write_string(w, "valid_to", t->valid_to);
}

static void
catalog_json_write_indicator(struct catalog_json_writer *w, const void *item)
{
	const struct indicator *ind = item;

	catalog_json_write_string(w, "code", ind->code);
	catalog_json_write_string(w, "title_de", ind->title_de);
	catalog_json_write_string(w, "title_en", ind->title_en);
	catalog_json_write_string(w, "definition_de", ind->definition_de);
	catalog_json_write_string(w, "definition_en", ind->definition_en);
	catalog_json_write_string(w, "unit", ind->unit);
	catalog_json_write_int(w, "decimals", ind->decimals);
	catalog_json_write_int(w, "polarity", ind->polarity);
	catalog_json_write_string(
	    w, "dimension", model_dimension_names[ind->dimension]);
	catalog_json_write_string(
	    w, "principle", model_principle_names[ind->principle]);
	catalog_json_write_string(w, "field", ind->field);
	catalog_json_write_string(w, "annual", model_annual_names[ind->annual]);
	catalog_json_write_string(w, "classification", ind->classification);
	catalog_json_write_string(w, "reference_region", ind->reference_region);
	catalog_json_write_string(w, "source", ind->source);
	catalog_json_write_string(w, "source_url", ind->source_url);
	catalog_json_write_string(w, "method_note", ind->method_note);
	catalog_json_write_string_list(w, "goals", ind->goals, ind->goal_count);
	catalog_json_write_string_list(w, "sdgs", ind->sdgs, ind->sdg_count);
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

	catalog_json_write_string(w, "code", g->code);
	catalog_json_write_string(w, "name_de", g->name_de);
	catalog_json_write_string(w, "name_en", g->name_en);
	catalog_json_write_string(
	    w, "level", model_region_level_names[g->level]);
	catalog_json_write_string(w, "parent", g->parent);
	if (g->alias_count == 0)
		return;
	catalog_json_write_key(w, "aliases");
	buf_putc(w->out, '[');
	for (i = 0; i < g->alias_count; i++) {
		struct catalog_json_writer inner = { w->out, true, true, 0 };

		if (i > 0)
			buf_puts(w->out, ", ");
		buf_putc(w->out, '{');
		catalog_json_write_string(&inner, "code", g->aliases[i].code);
		catalog_json_write_string(&inner, "scheme",
		    model_alias_scheme_names[g->aliases[i].scheme]);
		buf_putc(w->out, '}');
	}
	buf_putc(w->out, ']');
}

static void
catalog_json_write_sector(struct catalog_json_writer *w, const void *item)
{
	const struct sector *s = item;

	catalog_json_write_string(w, "code", s->code);
	catalog_json_write_string(w, "parent", s->parent);
	catalog_json_write_int(w, "level", s->level);
	catalog_json_write_string(w, "name_de", s->name_de);
	catalog_json_write_string(w, "name_en", s->name_en);
}

static void
catalog_json_write_classification(struct catalog_json_writer *w,
    const void *item)
{
	const struct classification *cl = item;

	catalog_json_write_string(w, "code", cl->code);
	catalog_json_write_string(w, "name_de", cl->name_de);
	catalog_json_write_string(w, "name_en", cl->name_en);
	/* One sector a line: WZ 2008 alone has over a hundred. */
	catalog_json_write_array(w, "sectors", cl->sectors, cl->sector_count,
	    sizeof(*cl->sectors), true, catalog_json_write_sector);
}

static void
catalog_json_write_goal(struct catalog_json_writer *w, const void *item)
{
	const struct goal *g = item;

	catalog_json_write_string(w, "code", g->code);
	catalog_json_write_string(w, "parent", g->parent);
	catalog_json_write_int(w, "level", g->level);
	catalog_json_write_string(w, "title_de", g->title_de);
	catalog_json_write_string(w, "title_en", g->title_en);
	catalog_json_write_string(w, "description_de", g->description_de);
	catalog_json_write_string(w, "description_en", g->description_en);
	catalog_json_write_string(w, "perspective",
	    model_perspective_names[g->perspective]);
}

static void
catalog_json_write_shock(struct catalog_json_writer *w, const void *item)
{
	const struct shock *s = item;

	catalog_json_write_string(w, "code", s->code);
	catalog_json_write_string(w, "name_de", s->name_de);
	catalog_json_write_string(w, "name_en", s->name_en);
	catalog_json_write_string(w, "peak", s->peak);
	catalog_json_write_string(w, "trough", s->trough);
	catalog_json_write_string(w, "recovery_end", s->recovery_end);
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
		catalog_json_write_string(&w, "code", v->code);
		catalog_json_write_string(&w, "title_de", v->title_de);
		catalog_json_write_string(&w, "title_en", v->title_en);
		catalog_json_write_string(
		    &w, "description_de", v->description_de);
		catalog_json_write_string(
		    &w, "description_en", v->description_en);
		catalog_json_write_string(&w, "adopted", v->adopted);
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
	catalog_json_write_close(&w);
	buf_putc(out, '\n');
}
