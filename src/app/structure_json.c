/* The JSON form of a structure report (the contract is in structure_json.h),
 * written with util/jsonw: every member on its own line, two spaces of
 * indent, shortest round-trip numbers. A number that is not there is written
 * as null and remembered, and the object it belongs to closes with an
 * "unavailable" member that names it with its status and reason. */
#include "app/structure_json.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/jsonw.h"
#include "util/text.h"
#include "util/xalloc.h"

/* The nulls of one object, written when it closes. */
struct json_missing {
	char				**key;
	const struct app_structure_value **value;
	size_t				  count, cap;
};

size_t
app_structure_json_number_text(double v, char *out, size_t size)
{
	return text_format_double(v, out, size);
}

/* A value: its number, or null remembered in m under `key` (a copy). */
static void
app_structure_json_value(struct jsonw *w, const char *key,
    const struct app_structure_value *v, struct json_missing *m,
    const char *missing_key)
{
	if (v->status == STRUCTURE_OK && isfinite(v->value)) {
		jsonw_number(w, key, v->value);
		return;
	}
	jsonw_null(w, key);
	m->key = xgrow(m->key, &m->cap, m->count + 1, sizeof(*m->key));
	m->value = xrealloc(m->value, m->cap * sizeof(*m->value));
	m->key[m->count] = xstrdup(missing_key != NULL ? missing_key : key);
	m->value[m->count++] = v;
}

/* Writes "unavailable" for what m holds, and empties m. */
static void
app_structure_json_unavailable(struct jsonw *w, struct json_missing *m)
{
	size_t k;

	if (m->count > 0) {
		jsonw_object(w, "unavailable");
		for (k = 0; k < m->count; k++) {
			const struct app_structure_value *v = m->value[k];
			enum structure_status s = v->status == STRUCTURE_OK ?
			    STRUCTURE_NOT_FINITE : v->status;
			jsonw_object(w, m->key[k]);
			jsonw_string(w, "status",
			    structure_status_names[s]);
			jsonw_string(w, "reason", v->reason != NULL ?
			    v->reason : structure_status_reason(s));
			jsonw_close(w);
		}
		jsonw_close(w);
	}
	for (k = 0; k < m->count; k++)
		free(m->key[k]);
	free(m->key);
	free(m->value);
	memset(m, 0, sizeof(*m));
}

static void
app_structure_json_coverage(struct jsonw *w, const char *key,
    const struct app_structure_coverage *c)
{
	struct json_missing m = { 0 };
	struct app_structure_value derived;

	if (!c->published) {
		jsonw_string(w, key, NULL);
		return;
	}
	jsonw_object(w, key);
	app_structure_json_value(w, "sector_sum", &c->sector_sum, &m, NULL);
	jsonw_number(w, "published_total", c->published_total);
	derived = c->sector_sum;
	derived.value = c->difference;
	app_structure_json_value(w, "difference", &derived, &m, NULL);
	derived.value = c->relative;
	app_structure_json_value(w, "relative", &derived, &m, NULL);
	jsonw_string(w, "status", c->sector_sum.status == STRUCTURE_OK ?
	    structure_coverage_names[c->coverage] : NULL);
	app_structure_json_unavailable(w, &m);
	jsonw_close(w);
}

static void
app_structure_json_period(struct jsonw *w,
    const struct app_structure_report *r, const struct app_structure_period *p,
    const struct app_structure_value *reference_share)
{
	struct json_missing m = { 0 };
	struct buf key = BUF_INIT;
	size_t i;

	jsonw_object(w, NULL);
	jsonw_string(w, "period", p->period);
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
	jsonw_object(w, "lq");
	for (i = 0; i < r->sector_count; i++) {
		buf_reset(&key);
		buf_printf(&key, "lq.%s", r->sectors[i]);
		app_structure_json_value(w, r->sectors[i], &p->lq[i], &m,
		    buf_cstr(&key));
	}
	jsonw_close(w);
	app_structure_json_value(w, "hhi_equivalent", &p->hhi_equivalent, &m,
	    NULL);
	jsonw_object(w, "share");
	for (i = 0; i < r->sector_count; i++) {
		buf_reset(&key);
		buf_printf(&key, "share.%s", r->sectors[i]);
		app_structure_json_value(w, r->sectors[i], &p->share[i], &m,
		    buf_cstr(&key));
	}
	jsonw_close(w);
	jsonw_object(w, "reference_share");
	for (i = 0; i < r->sector_count; i++) {
		buf_reset(&key);
		buf_printf(&key, "reference_share.%s", r->sectors[i]);
		app_structure_json_value(w, r->sectors[i], &reference_share[i], &m,
		    buf_cstr(&key));
	}
	jsonw_close(w);
	jsonw_number(w, "nonzero_sectors", (double)p->nonzero);
	app_structure_json_coverage(w, "coverage", &p->coverage);
	app_structure_json_unavailable(w, &m);
	jsonw_close(w);
	buf_free(&key);
}

static void
app_structure_json_components(struct jsonw *w, const char *key,
    const struct app_structure_span *s,
    const struct app_structure_shift_share *c, bool dynamic)
{
	struct json_missing m = { 0 };

	jsonw_object(w, key);
	jsonw_string(w, "from", s->from);
	jsonw_string(w, "to", s->to);
	app_structure_json_value(w, "growth", &c->growth, &m, NULL);
	app_structure_json_value(w, "national_share", &c->national_share, &m,
	    NULL);
	app_structure_json_value(w, "industry_mix", &c->industry_mix, &m, NULL);
	app_structure_json_value(w, "regional_share", &c->regional_share, &m,
	    NULL);
	app_structure_json_value(w, "net_total_shift", &c->net_total_shift, &m,
	    NULL);
	if (dynamic)
		jsonw_number(w, "steps", (double)s->dynamic_steps);
	app_structure_json_unavailable(w, &m);
	jsonw_close(w);
}

static void
app_structure_json_span(struct jsonw *w,
    const struct app_structure_report *r, const struct app_structure_span *s)
{
	struct json_missing m = { 0 };
	size_t i;

	app_structure_json_components(w, "shift_share", s, &s->shift_share, false);
	app_structure_json_components(w, "shift_share_dynamic", s, &s->dynamic,
	    true);
	jsonw_object(w, "esteban_marquillas");
	app_structure_json_value(w, "competitive", &s->competitive, &m, NULL);
	app_structure_json_value(w, "allocation", &s->allocation, &m, NULL);
	app_structure_json_unavailable(w, &m);
	jsonw_close(w);
	jsonw_string(w, "zero_start_sectors", s->zero_start_sectors);

	jsonw_array(w, "portfolio");
	for (i = 0; i < r->sector_count; i++) {
		const struct app_structure_sector_change *c = &s->sectors[i];
		jsonw_object(w, NULL);
		jsonw_string(w, "sector", r->sectors[i]);
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
		jsonw_string(w, "quadrant", c->has_quadrant ?
		    portfolio_quadrant_names[c->quadrant] : NULL);
		app_structure_json_unavailable(w, &m);
		jsonw_close(w);
	}
	jsonw_close(w);
}

static void
app_structure_json_shocks(struct jsonw *w,
    const struct app_structure_report *r, const struct app_structure_region *g)
{
	struct json_missing m = { 0 };
	size_t k;

	jsonw_array(w, "shocks");
	for (k = 0; k < r->shock_count; k++) {
		const struct app_structure_shock *s = &g->shocks[k];
		jsonw_object(w, NULL);
		jsonw_string(w, "name", s->name);
		jsonw_string(w, "title", s->title);
		jsonw_bool(w, "registered", s->registered);
		jsonw_string(w, "peak", s->peak);
		jsonw_string(w, "trough", s->trough);
		jsonw_string(w, "recovery_end", s->recovery_end);
		app_structure_json_value(w, "sensitivity", &s->sensitivity, &m,
		    NULL);
		app_structure_json_value(w, "resistance", &s->resistance, &m, NULL);
		app_structure_json_value(w, "recovery", &s->recovery, &m, NULL);
		app_structure_json_value(w, "recovery_sensitivity",
		    &s->recovery_sensitivity, &m, NULL);
		app_structure_json_unavailable(w, &m);
		jsonw_close(w);
	}
	jsonw_close(w);
}

static void
app_structure_json_reference(struct jsonw *w,
    const struct app_structure_report *r)
{
	jsonw_string(w, "reference", r->reference);
	jsonw_string(w, "reference_name", r->reference_name);
	jsonw_string(w, "reference_kind",
	    structure_reference_kind_names[r->reference_kind]);
}

static void
app_structure_json_region(struct jsonw *w,
    const struct app_structure_report *r, const struct app_structure_region *g)
{
	size_t j;

	jsonw_string(w, "region", g->code);
	jsonw_string(w, "region_name", g->name);
	app_structure_json_reference(w, r);
	jsonw_array(w, "periods");
	for (j = 0; j < r->period_count; j++)
		app_structure_json_period(w, r, &g->periods[j],
		    &r->reference_share[j * r->sector_count]);
	jsonw_close(w);
	if (g->has_span)
		app_structure_json_span(w, r, &g->span);
	app_structure_json_shocks(w, r, g);
}

/* What the report is about: the same in both modes. */
static void
app_structure_json_describe(struct jsonw *w,
    const struct app_structure_report *r)
{
	size_t i;

	jsonw_string(w, "indicator", r->indicator);
	jsonw_string(w, "dimension", r->dimension);
	jsonw_string(w, "classification", r->classification);
	jsonw_string(w, "source", r->source);
	jsonw_string(w, "base", structure_base_names[r->base]);
	jsonw_string(w, "lq_basis",
	    app_structure_lq_basis_names[r->lq_basis]);
	jsonw_number(w, "tolerance", r->tolerance);
	jsonw_array(w, "sectors");
	for (i = 0; i < r->sector_count; i++)
		jsonw_string(w, NULL, r->sectors[i]);
	jsonw_close(w);
	if (r->group_count > 0) {
		jsonw_object(w, "groups");
		for (i = 0; i < r->sector_count; i++)
			jsonw_string(w, r->sectors[i],
			    r->groups[r->sector_group[i]]);
		jsonw_close(w);
	} else
		jsonw_string(w, "groups", NULL);
	jsonw_string(w, "groups_source", r->groups_source);
	if (r->reference_coverage != NULL) {
		jsonw_array(w, "reference_coverage");
		for (i = 0; i < r->period_count; i++) {
			jsonw_object(w, NULL);
			jsonw_string(w, "period", r->periods[i]);
			app_structure_json_coverage(w, "coverage",
			    &r->reference_coverage[i]);
			jsonw_close(w);
		}
		jsonw_close(w);
	}
	jsonw_array(w, "notes");
	for (i = 0; i < r->note_count; i++)
		jsonw_string(w, NULL, r->notes[i].en);
	jsonw_close(w);
	jsonw_array(w, "notes_de");	/* the same notes in German, same order */
	for (i = 0; i < r->note_count; i++)
		jsonw_string(w, NULL, r->notes[i].de);
	jsonw_close(w);
}

void
app_structure_json_write(const struct app_structure_report *r, struct buf *out)
{
	struct jsonw w;
	size_t i;

	jsonw_init(&w, out);
	jsonw_object(&w, NULL);
	if (!r->matrix && r->region_count == 1) {
		app_structure_json_region(&w, r, &r->regions[0]);
		app_structure_json_describe(&w, r);
	} else {
		app_structure_json_reference(&w, r);
		app_structure_json_describe(&w, r);
		jsonw_array(&w, "regions");
		for (i = 0; i < r->region_count; i++) {
			jsonw_object(&w, NULL);
			app_structure_json_region(&w, r, &r->regions[i]);
			jsonw_close(&w);
		}
		jsonw_close(&w);
	}
	jsonw_close(&w);
	buf_putc(out, '\n');
}
