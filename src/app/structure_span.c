/* The structure report over a span P0..P1 (METHODS §3): shift-share (classic
 * Dunn, dynamic, Esteban-Marquillas) and the sector portfolio, each with the
 * reason when the span or the data are too short. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/structure_internal.h"
#include "core/shiftshare.h"
#include "util/buf.h"
#include "util/xalloc.h"

static void
app_structure_span_components(struct app_structure_ctx *c,
    struct app_structure_shift_share *out,
    const struct shift_share_components *d, enum structure_status status,
    const struct structure_where *w, const char *const *names, size_t count)
{
	struct app_structure_value *v[5] = { &out->growth, &out->national_share,
	    &out->industry_mix, &out->regional_share, &out->net_total_shift };
	const double x[5] = { d->growth, d->national_share, d->industry_mix,
	    d->regional_share, d->net_total_shift };
	const char *reason;
	size_t k;

	if (status == STRUCTURE_OK) {
		for (k = 0; k < 5; k++)
			app_structure_value_ok(v[k], x[k]);
		return;
	}
	reason = app_structure_reason(c, status, w, names, count, NULL);
	for (k = 0; k < 5; k++) {
		v[k]->value = NAN;
		v[k]->status = status;
		v[k]->reason = reason;
	}
}

static void
app_structure_span_too_short(struct app_structure_ctx *c,
    struct app_structure_span *out)
{
	static const char why[] = "Shift-share and the portfolio compare two "
	    "periods, and the span holds one.";
	struct app_structure_value *v[] = { &out->shift_share.growth,
	    &out->shift_share.national_share, &out->shift_share.industry_mix,
	    &out->shift_share.regional_share, &out->shift_share.net_total_shift,
	    &out->dynamic.growth, &out->dynamic.national_share,
	    &out->dynamic.industry_mix, &out->dynamic.regional_share,
	    &out->dynamic.net_total_shift, &out->competitive, &out->allocation,
	    &out->portfolio };
	size_t k;

	for (k = 0; k < sizeof(v) / sizeof(v[0]); k++)
		app_structure_value_text(c, v[k], STRUCTURE_TOO_FEW_PERIODS, why);
	for (k = 0; k < c->S; k++) {
		struct app_structure_sector_change *s = &out->sectors[k];
		app_structure_value_text(c, &s->region_rate,
		    STRUCTURE_TOO_FEW_PERIODS, why);
		s->reference_rate = s->regional_share = s->location_quotient =
		    s->relative_growth = s->region_rate;
	}
}

void
app_structure_span_compute(struct app_structure_ctx *c, size_t region,
    const char *const *period_names, struct app_structure_span *out)
{
	struct app_structure_report *r = c->r;
	size_t n = c->sel_count, t0 = c->sel[0], t1 = c->sel[n - 1], k;
	const char *ends[2] = { period_names[t0], period_names[t1] };
	const char **step_names;
	struct structure_values x0, x1, *xs, *refs;
	struct shift_share_sector *sectors;
	struct shift_share_result res;
	struct shift_share_dynamic dyn;
	struct portfolio_entry *entry;
	enum structure_status ps;
	struct buf zero = BUF_INIT;
	size_t placed = 0;

	out->from = ends[0];
	out->to = ends[1];
	out->sectors = arena_alloc(&r->arena, (c->S + 1) * sizeof(*out->sectors));
	if (n < 2) {
		app_structure_span_too_short(c, out);
		return;
	}
	x0 = app_structure_row(c, region, t0);
	x1 = app_structure_row(c, region, t1);
	sectors = xcalloc(c->S + 1, sizeof(*sectors));
	entry = xcalloc(c->S + 1, sizeof(*entry));
	xs = xcalloc(n, sizeof(*xs));
	refs = xcalloc(n, sizeof(*refs));
	step_names = xcalloc(n, sizeof(*step_names));

	/* METHODS §3.6: Dunn and Esteban-Marquillas from t0 to t1. */
	shift_share_compute(&x0, &x1, &c->ref_values[t0], &c->ref_values[t1],
	    sectors, &res);
	app_structure_span_components(c, &out->shift_share, &res.dunn, res.status,
	    &res.where, ends, 2);
	app_structure_value_of(c, &out->competitive, &res.competitive, ends, 2,
	    NULL);
	app_structure_value_of(c, &out->allocation, &res.allocation, ends, 2,
	    NULL);

	/* Barff & Knight: the year-by-year components over the periods present. */
	for (k = 0; k < n; k++) {
		xs[k] = app_structure_row(c, region, c->sel[k]);
		refs[k] = c->ref_values[c->sel[k]];
		step_names[k] = period_names[c->sel[k]];
	}
	shift_share_dynamic(xs, refs, n, NULL, &dyn);
	app_structure_span_components(c, &out->dynamic, &dyn.dunn, dyn.status,
	    &dyn.where, step_names, n);
	out->dynamic_steps = dyn.steps;

	/* METHODS §3.8 */
	ps = portfolio_classify(&x0, &x1, &c->ref_values[t0], &c->ref_values[t1],
	    entry);
	for (k = 0; k < c->S; k++) {
		struct app_structure_sector_change *s = &out->sectors[k];
		struct structure_where w = { k, STRUCTURE_NONE, STRUCTURE_NONE,
		    false };
		if (res.status != STRUCTURE_OK) {
			app_structure_value_fail(c, &s->region_rate, res.status,
			    &res.where, ends, 2, NULL);
			s->reference_rate = s->regional_share = s->region_rate;
		} else {
			if (sectors[k].status == STRUCTURE_ZERO_START) {
				buf_printf(&zero, "%s%s", zero.len > 0 ? ", " : "",
				    c->t->sectors.name[k]);
				w.period = 0;
				app_structure_value_fail(c, &s->region_rate,
				    STRUCTURE_ZERO_START, &w, ends, 2, NULL);
			} else
				app_structure_value_ok(&s->region_rate,
				    sectors[k].region_rate);
			if (isnan(sectors[k].reference_rate)) {
				w.period = 0;
				w.reference = true;
				app_structure_value_fail(c, &s->reference_rate,
				    STRUCTURE_REFERENCE_ZERO, &w, ends, 2, NULL);
				w.reference = false;
			} else
				app_structure_value_ok(&s->reference_rate,
				    sectors[k].reference_rate);
			app_structure_value_ok(&s->regional_share,
			    sectors[k].regional_share);
		}
		w.period = 1;
		w.reference = entry[k].reference;
		if (entry[k].status == STRUCTURE_OK) {
			app_structure_value_ok(&s->location_quotient,
			    entry[k].location_quotient);
			app_structure_value_ok(&s->relative_growth,
			    entry[k].relative_growth);
			s->has_quadrant = true;
			s->quadrant = entry[k].quadrant;
			placed++;
		} else {
			if (entry[k].status == STRUCTURE_ZERO_START)
				w.period = 0;
			app_structure_value_fail(c, &s->location_quotient,
			    entry[k].status, &w, ends, 2, NULL);
			s->relative_growth = s->location_quotient;
		}
	}
	if (ps == STRUCTURE_OK)
		app_structure_value_ok(&out->portfolio, (double)placed);
	else
		app_structure_value_fail(c, &out->portfolio, ps, NULL, ends, 2,
		    NULL);
	if (zero.len > 0) {
		const char *label = app_structure_region_label(c->t, region);
		bool several = strchr(buf_cstr(&zero), ',') != NULL;
		struct buf en = BUF_INIT, de = BUF_INIT;
		out->zero_start_sectors = arena_strdup(&r->arena, buf_cstr(&zero));
		buf_printf(&en, "%s had nothing in %s in %s: the growth rate is "
		    "undefined, so the regional share takes the whole change of "
		    "%s (METHODS §3.6) and Esteban-Marquillas is not computed.",
		    label, buf_cstr(&zero), ends[0], several ? "these sectors" :
		    "this sector");
		buf_printf(&de, "%s hatte ", app_structure_region_label_de(c->t,
		    region));
		app_structure_period_de(&de, ends[0]);
		buf_printf(&de, " %s %s nichts: Die Wachstumsrate ist nicht "
		    "definiert, daher ist die Standortkomponente die ganze "
		    "Veränderung %s (METHODS §3.6), und die Zerlegung nach "
		    "Esteban-Marquillas wird nicht berechnet.", several ?
		    "in den Bereichen" : "im Bereich", buf_cstr(&zero), several ?
		    "dieser Bereiche" : "dieses Bereichs");
		app_structure_note_add(r, buf_cstr(&en), buf_cstr(&de));
		buf_free(&en);
		buf_free(&de);
	}
	buf_free(&zero);
	free(sectors);
	free(entry);
	free(xs);
	free(refs);
	free(step_names);
}
