/* The JSON form of a structure report (the contract is in structure_json.h).
 * A small pretty-printing writer: every member on its own line, two spaces of
 * indent, shortest round-trip numbers. A number that is not there is written
 * as null and remembered, and the object it belongs to closes with an
 * "unavailable" member that names it with its status and reason. */
#include "app/structure_json.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define JSON_MAX_DEPTH 16

struct json_writer {
	struct buf	*out;
	int		 depth;
	bool		 first[JSON_MAX_DEPTH];
};

/* The nulls of one object, written when it closes. */
struct json_missing {
	char				**key;
	const struct app_structure_value **value;
	size_t				  count, cap;
};

static void
app_structure_json_string(struct buf *out, const char *s)
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
app_structure_json_newline(struct json_writer *w)
{
	int i;

	buf_putc(w->out, '\n');
	for (i = 0; i < w->depth; i++)
		buf_puts(w->out, "  ");
}

/* Starts a member (key != NULL) or an array element. */
static void
app_structure_json_item(struct json_writer *w, const char *key)
{
	if (!w->first[w->depth])
		buf_putc(w->out, ',');
	w->first[w->depth] = false;
	app_structure_json_newline(w);
	if (key != NULL) {
		app_structure_json_string(w->out, key);
		buf_puts(w->out, ": ");
	}
}

static void
app_structure_json_open(struct json_writer *w, const char *key, char bracket)
{
	if (w->depth > 0)
		app_structure_json_item(w, key);
	buf_putc(w->out, bracket);
	w->depth++;
	w->first[w->depth] = true;
}

static void
app_structure_json_close(struct json_writer *w, char bracket)
{
	bool empty = w->first[w->depth];

	w->depth--;
	if (!empty)
		app_structure_json_newline(w);
	buf_putc(w->out, bracket);
}

static void
app_structure_json_text(struct json_writer *w, const char *key, const char *s)
{
	app_structure_json_item(w, key);
	if (s == NULL)
		buf_puts(w->out, "null");
	else
		app_structure_json_string(w->out, s);
}

size_t
app_structure_json_number_text(double v, char *out, size_t size)
{
	int n;

	int prec;

	if (v == trunc(v) && fabs(v) < 9007199254740992.0) {
		n = snprintf(out, size, "%.0f", v == 0 ? 0.0 : v);
		return n < 0 ? 0 : (size_t)n;
	}
	/* A double whose shortest decimal has k <= 15 digits rounds to the
	 * same k digits at 15 (%g drops the zeros): so 15 digits, else 16,
	 * else 17 (which always reads back). Three tries instead of up to 17
	 * is what makes large reports fast. */
	for (prec = 15; prec <= 17; prec++) {
		n = snprintf(out, size, "%.*g", prec, v);
		if (n < 0)
			return 0;
		if (prec == 17 || strtod(out, NULL) == v)
			break;
	}
	return (size_t)n;
}

static void
app_structure_json_number(struct json_writer *w, const char *key, double v)
{
	char num[40];

	app_structure_json_item(w, key);
	if (!isfinite(v)) {
		buf_puts(w->out, "null");
		return;
	}
	app_structure_json_number_text(v, num, sizeof(num));
	buf_puts(w->out, num);
}

static void
app_structure_json_bool(struct json_writer *w, const char *key, bool v)
{
	app_structure_json_item(w, key);
	buf_puts(w->out, v ? "true" : "false");
}

/* A value: its number, or null remembered in m under `key` (a copy). */
static void
app_structure_json_value(struct json_writer *w, const char *key,
    const struct app_structure_value *v, struct json_missing *m,
    const char *missing_key)
{
	if (v->status == STRUCTURE_OK && isfinite(v->value)) {
		app_structure_json_number(w, key, v->value);
		return;
	}
	app_structure_json_item(w, key);
	buf_puts(w->out, "null");
	m->key = xgrow(m->key, &m->cap, m->count + 1, sizeof(*m->key));
	m->value = xrealloc(m->value, m->cap * sizeof(*m->value));
	m->key[m->count] = xstrdup(missing_key != NULL ? missing_key : key);
	m->value[m->count++] = v;
}

/* Writes "unavailable" for what m holds, and empties m. */
static void
app_structure_json_unavailable(struct json_writer *w, struct json_missing *m)
{
	size_t k;

	if (m->count > 0) {
		app_structure_json_open(w, "unavailable", '{');
		for (k = 0; k < m->count; k++) {
			const struct app_structure_value *v = m->value[k];
			enum structure_status s = v->status == STRUCTURE_OK ?
			    STRUCTURE_NOT_FINITE : v->status;
			app_structure_json_open(w, m->key[k], '{');
			app_structure_json_text(w, "status",
			    structure_status_names[s]);
			app_structure_json_text(w, "reason", v->reason != NULL ?
			    v->reason : structure_status_reason(s));
			app_structure_json_close(w, '}');
		}
		app_structure_json_close(w, '}');
	}
	for (k = 0; k < m->count; k++)
		free(m->key[k]);
	free(m->key);
	free(m->value);
	memset(m, 0, sizeof(*m));
}

static void
app_structure_json_coverage(struct json_writer *w, const char *key,
    const struct app_structure_coverage *c)
{
	struct json_missing m = { 0 };
	struct app_structure_value derived;

	if (!c->published) {
		app_structure_json_text(w, key, NULL);
		return;
	}
	app_structure_json_open(w, key, '{');
	app_structure_json_value(w, "sector_sum", &c->sector_sum, &m, NULL);
	app_structure_json_number(w, "published_total", c->published_total);
	derived = c->sector_sum;
	derived.value = c->difference;
	app_structure_json_value(w, "difference", &derived, &m, NULL);
	derived.value = c->relative;
	app_structure_json_value(w, "relative", &derived, &m, NULL);
	app_structure_json_text(w, "status", c->sector_sum.status == STRUCTURE_OK ?
	    structure_coverage_names[c->coverage] : NULL);
	app_structure_json_unavailable(w, &m);
	app_structure_json_close(w, '}');
}

static void
app_structure_json_period(struct json_writer *w,
    const struct app_structure_report *r, const struct app_structure_period *p,
    const struct app_structure_value *reference_share)
{
	struct json_missing m = { 0 };
	struct buf key = BUF_INIT;
	size_t i;

	app_structure_json_open(w, NULL, '{');
	app_structure_json_text(w, "period", p->period);
	app_structure_json_value(w, "total", &p->total, &m, NULL);
	app_structure_json_value(w, "hhi", &p->hhi, &m, NULL);
	app_structure_json_value(w, "hhi_normalised", &p->hhi_normalised, &m,
	    NULL);
	app_structure_json_value(w, "entropy", &p->entropy, &m, NULL);
	app_structure_json_value(w, "unrelated_variety", &p->unrelated_variety,
	    &m, NULL);
	app_structure_json_value(w, "related_variety", &p->related_variety, &m,
	    NULL);
	app_structure_json_value(w, "krugman", &p->krugman, &m, NULL);
	app_structure_json_open(w, "lq", '{');
	for (i = 0; i < r->sector_count; i++) {
		buf_reset(&key);
		buf_printf(&key, "lq.%s", r->sectors[i]);
		app_structure_json_value(w, r->sectors[i], &p->lq[i], &m,
		    buf_cstr(&key));
	}
	app_structure_json_close(w, '}');
	app_structure_json_value(w, "hhi_equivalent", &p->hhi_equivalent, &m,
	    NULL);
	app_structure_json_open(w, "share", '{');
	for (i = 0; i < r->sector_count; i++) {
		buf_reset(&key);
		buf_printf(&key, "share.%s", r->sectors[i]);
		app_structure_json_value(w, r->sectors[i], &p->share[i], &m,
		    buf_cstr(&key));
	}
	app_structure_json_close(w, '}');
	app_structure_json_open(w, "reference_share", '{');
	for (i = 0; i < r->sector_count; i++) {
		buf_reset(&key);
		buf_printf(&key, "reference_share.%s", r->sectors[i]);
		app_structure_json_value(w, r->sectors[i], &reference_share[i], &m,
		    buf_cstr(&key));
	}
	app_structure_json_close(w, '}');
	app_structure_json_number(w, "nonzero_sectors", (double)p->nonzero);
	app_structure_json_coverage(w, "coverage", &p->coverage);
	app_structure_json_unavailable(w, &m);
	app_structure_json_close(w, '}');
	buf_free(&key);
}

static void
app_structure_json_components(struct json_writer *w, const char *key,
    const struct app_structure_span *s,
    const struct app_structure_shift_share *c, bool dynamic)
{
	struct json_missing m = { 0 };

	app_structure_json_open(w, key, '{');
	app_structure_json_text(w, "from", s->from);
	app_structure_json_text(w, "to", s->to);
	app_structure_json_value(w, "growth", &c->growth, &m, NULL);
	app_structure_json_value(w, "national_share", &c->national_share, &m,
	    NULL);
	app_structure_json_value(w, "industry_mix", &c->industry_mix, &m, NULL);
	app_structure_json_value(w, "regional_share", &c->regional_share, &m,
	    NULL);
	app_structure_json_value(w, "net_total_shift", &c->net_total_shift, &m,
	    NULL);
	if (dynamic)
		app_structure_json_number(w, "steps", (double)s->dynamic_steps);
	app_structure_json_unavailable(w, &m);
	app_structure_json_close(w, '}');
}

static void
app_structure_json_span(struct json_writer *w,
    const struct app_structure_report *r, const struct app_structure_span *s)
{
	struct json_missing m = { 0 };
	size_t i;

	app_structure_json_components(w, "shift_share", s, &s->shift_share, false);
	app_structure_json_components(w, "shift_share_dynamic", s, &s->dynamic,
	    true);
	app_structure_json_open(w, "esteban_marquillas", '{');
	app_structure_json_value(w, "competitive", &s->competitive, &m, NULL);
	app_structure_json_value(w, "allocation", &s->allocation, &m, NULL);
	app_structure_json_unavailable(w, &m);
	app_structure_json_close(w, '}');
	app_structure_json_text(w, "zero_start_sectors", s->zero_start_sectors);

	app_structure_json_open(w, "portfolio", '[');
	for (i = 0; i < r->sector_count; i++) {
		const struct app_structure_sector_change *c = &s->sectors[i];
		app_structure_json_open(w, NULL, '{');
		app_structure_json_text(w, "sector", r->sectors[i]);
		app_structure_json_value(w, "location_quotient",
		    &c->location_quotient, &m, NULL);
		app_structure_json_value(w, "region_rate", &c->region_rate, &m,
		    NULL);
		app_structure_json_value(w, "reference_rate", &c->reference_rate,
		    &m, NULL);
		app_structure_json_value(w, "relative_growth", &c->relative_growth,
		    &m, NULL);
		app_structure_json_value(w, "regional_share", &c->regional_share,
		    &m, NULL);
		app_structure_json_text(w, "quadrant", c->has_quadrant ?
		    portfolio_quadrant_names[c->quadrant] : NULL);
		app_structure_json_unavailable(w, &m);
		app_structure_json_close(w, '}');
	}
	app_structure_json_close(w, ']');
}

static void
app_structure_json_shocks(struct json_writer *w,
    const struct app_structure_report *r, const struct app_structure_region *g)
{
	struct json_missing m = { 0 };
	size_t k;

	app_structure_json_open(w, "shocks", '[');
	for (k = 0; k < r->shock_count; k++) {
		const struct app_structure_shock *s = &g->shocks[k];
		app_structure_json_open(w, NULL, '{');
		app_structure_json_text(w, "name", s->name);
		app_structure_json_text(w, "title", s->title);
		app_structure_json_bool(w, "registered", s->registered);
		app_structure_json_text(w, "peak", s->peak);
		app_structure_json_text(w, "trough", s->trough);
		app_structure_json_text(w, "recovery_end", s->recovery_end);
		app_structure_json_value(w, "sensitivity", &s->sensitivity, &m,
		    NULL);
		app_structure_json_value(w, "resistance", &s->resistance, &m, NULL);
		app_structure_json_value(w, "recovery", &s->recovery, &m, NULL);
		app_structure_json_value(w, "recovery_sensitivity",
		    &s->recovery_sensitivity, &m, NULL);
		app_structure_json_unavailable(w, &m);
		app_structure_json_close(w, '}');
	}
	app_structure_json_close(w, ']');
}

static void
app_structure_json_reference(struct json_writer *w,
    const struct app_structure_report *r)
{
	app_structure_json_text(w, "reference", r->reference);
	app_structure_json_text(w, "reference_name", r->reference_name);
	app_structure_json_text(w, "reference_kind",
	    structure_reference_kind_names[r->reference_kind]);
}

static void
app_structure_json_region(struct json_writer *w,
    const struct app_structure_report *r, const struct app_structure_region *g)
{
	size_t j;

	app_structure_json_text(w, "region", g->code);
	app_structure_json_text(w, "region_name", g->name);
	app_structure_json_reference(w, r);
	app_structure_json_open(w, "periods", '[');
	for (j = 0; j < r->period_count; j++)
		app_structure_json_period(w, r, &g->periods[j],
		    &r->reference_share[j * r->sector_count]);
	app_structure_json_close(w, ']');
	if (g->has_span)
		app_structure_json_span(w, r, &g->span);
	app_structure_json_shocks(w, r, g);
}

/* What the report is about: the same in both modes. */
static void
app_structure_json_describe(struct json_writer *w,
    const struct app_structure_report *r)
{
	size_t i;

	app_structure_json_text(w, "indicator", r->indicator);
	app_structure_json_text(w, "dimension", r->dimension);
	app_structure_json_text(w, "classification", r->classification);
	app_structure_json_text(w, "source", r->source);
	app_structure_json_text(w, "base", structure_base_names[r->base]);
	app_structure_json_text(w, "lq_basis",
	    app_structure_lq_basis_names[r->lq_basis]);
	app_structure_json_number(w, "tolerance", r->tolerance);
	app_structure_json_open(w, "sectors", '[');
	for (i = 0; i < r->sector_count; i++)
		app_structure_json_text(w, NULL, r->sectors[i]);
	app_structure_json_close(w, ']');
	if (r->group_count > 0) {
		app_structure_json_open(w, "groups", '{');
		for (i = 0; i < r->sector_count; i++)
			app_structure_json_text(w, r->sectors[i],
			    r->groups[r->sector_group[i]]);
		app_structure_json_close(w, '}');
	} else
		app_structure_json_text(w, "groups", NULL);
	app_structure_json_text(w, "groups_source", r->groups_source);
	if (r->reference_coverage != NULL) {
		app_structure_json_open(w, "reference_coverage", '[');
		for (i = 0; i < r->period_count; i++) {
			app_structure_json_open(w, NULL, '{');
			app_structure_json_text(w, "period", r->periods[i]);
			app_structure_json_coverage(w, "coverage",
			    &r->reference_coverage[i]);
			app_structure_json_close(w, '}');
		}
		app_structure_json_close(w, ']');
	}
	app_structure_json_open(w, "notes", '[');
	for (i = 0; i < r->note_count; i++)
		app_structure_json_text(w, NULL, r->notes[i]);
	app_structure_json_close(w, ']');
}

void
app_structure_json_write(const struct app_structure_report *r, struct buf *out)
{
	struct json_writer w;
	size_t i;

	memset(&w, 0, sizeof(w));
	w.out = out;
	app_structure_json_open(&w, NULL, '{');
	if (!r->matrix && r->region_count == 1) {
		app_structure_json_region(&w, r, &r->regions[0]);
		app_structure_json_describe(&w, r);
	} else {
		app_structure_json_reference(&w, r);
		app_structure_json_describe(&w, r);
		app_structure_json_open(&w, "regions", '[');
		for (i = 0; i < r->region_count; i++) {
			app_structure_json_open(&w, NULL, '{');
			app_structure_json_region(&w, r, &r->regions[i]);
			app_structure_json_close(&w, '}');
		}
		app_structure_json_close(&w, ']');
	}
	app_structure_json_close(&w, '}');
	buf_putc(out, '\n');
}
