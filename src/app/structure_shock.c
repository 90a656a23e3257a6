/* Shocks in the structure report (METHODS §3): NAME:PEAK:TROUGH:END given by
 * hand, the catalogue's registered ones, and sensitivity, resistance and
 * recovery of a region for each. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/structure_internal.h"
#include "core/shock.h"
#include "util/buf.h"
#include "util/xalloc.h"

static int
app_structure_shock_period(const char *s, size_t n, const char *what,
    char out[PERIOD_TEXT_MAX], struct period *p, struct error *e)
{
	if (period_parse(s, n, p) == -1)
		return error_set(e, "the %s '%.*s' is not a period (2017, 2017-Q2 "
		    "or 2017-06)", what, (int)(n > 40 ? 40 : n), s);
	period_format(p, out);
	return 0;
}

int
app_structure_shock_parse(const char *text, struct app_structure_shock_spec *out,
    struct error *e)
{
	const char *part[4], *colon;
	size_t len[4], k = 0;
	struct period p[3];

	memset(out, 0, sizeof(*out));
	part[0] = text;
	while ((colon = strchr(part[k], ':')) != NULL) {
		len[k] = (size_t)(colon - part[k]);
		if (++k == 4)
			return error_set(e, "'%s': a shock is NAME:PEAK:TROUGH:END",
			    text);
		part[k] = colon + 1;
	}
	len[k] = strlen(part[k]);
	if (k != 3)
		return error_set(e, "'%s': a shock is NAME:PEAK:TROUGH:END", text);
	if (len[0] == 0 || len[0] >= sizeof(out->name))
		return error_set(e, "'%s': the shock needs a name (at most %zu "
		    "bytes)", text, sizeof(out->name) - 1);
	memcpy(out->name, part[0], len[0]);
	if (app_structure_shock_period(part[1], len[1], "peak", out->peak, &p[0],
	    e) == -1 ||
	    app_structure_shock_period(part[2], len[2], "trough", out->trough,
	    &p[1], e) == -1 ||
	    app_structure_shock_period(part[3], len[3], "recovery end",
	    out->recovery_end, &p[2], e) == -1)
		return -1;
	if (p[0].kind != p[1].kind || p[1].kind != p[2].kind)
		return error_set(e, "'%s': peak, trough and end are periods of one "
		    "kind", text);
	if (period_compare(&p[0], &p[1]) >= 0 || period_compare(&p[1], &p[2]) >= 0)
		return error_set(e, "'%s': the peak comes before the trough, and "
		    "the trough before the recovery end", text);
	return 0;
}

void
app_structure_shock_compute(struct app_structure_ctx *c, size_t region,
    struct app_structure_shock *out)
{
	const char *when[3] = { out->peak, out->trough, out->recovery_end };
	static const char *const role[3] = { "peak", "trough", "recovery end" };
	struct structure_values xs[3], refs[3];
	struct shock_result res;
	char canonical[PERIOD_TEXT_MAX];
	struct period p;
	size_t k, idx[3];

	for (k = 0; k < 3; k++) {
		idx[k] = APP_STRUCTURE_NOT_FOUND;
		if (period_parse(when[k], strlen(when[k]), &p) == 0) {
			period_format(&p, canonical);
			idx[k] = app_structure_names_find(&c->t->periods, canonical);
		}
		if (idx[k] == APP_STRUCTURE_NOT_FOUND) {
			char *why = arena_printf(&c->r->arena, "The input has no "
			    "figures for %s, the shock's %s.", when[k], role[k]);
			app_structure_value_text(c, &out->sensitivity,
			    STRUCTURE_MISSING, why);
			out->resistance = out->recovery =
			    out->recovery_sensitivity = out->sensitivity;
			return;
		}
		xs[k] = app_structure_row(c, region, idx[k]);
		refs[k] = c->ref_values[idx[k]];
	}
	/* METHODS §3.7, with the reference's sector growth as expectation. */
	shock_compute(xs, refs, SHOCK_EXPECT_SECTORAL, &res);
	app_structure_value_of(c, &out->sensitivity, &res.contraction.sensitivity,
	    when, 3, NULL);
	app_structure_value_of(c, &out->resistance, &res.contraction.performance,
	    when, 3, NULL);
	app_structure_value_of(c, &out->recovery, &res.recovery.performance,
	    when, 3, NULL);
	app_structure_value_of(c, &out->recovery_sensitivity,
	    &res.recovery.sensitivity, when, 3, NULL);
}

/* The shocks: the catalogue's (database), then those given by hand. */
void
app_structure_shock_list(struct app_structure_ctx *c,
    struct app_structure_shock **out, size_t *count)
{
	const struct app_structure_options *o = c->opt;
	struct app_structure_report *r = c->r;
	const struct catalog *cat = &c->t->catalog;
	size_t n = 0, k;
	bool registered = c->t->has_catalog && !o->no_registered_shocks;

	*count = (registered ? cat->shock_count : 0) + o->shock_count;
	*out = arena_alloc(&r->arena, (*count + 1) * sizeof(**out));
	for (k = 0; registered && k < cat->shock_count; k++, n++) {
		const struct shock *s = &cat->shocks[k];
		(*out)[n].name = arena_strdup(&r->arena, s->code);
		if (s->name_en != NULL || s->name_de != NULL)
			(*out)[n].title = arena_strdup(&r->arena, s->name_en !=
			    NULL ? s->name_en : s->name_de);
		(*out)[n].peak = arena_strdup(&r->arena, s->peak);
		(*out)[n].trough = arena_strdup(&r->arena, s->trough);
		(*out)[n].recovery_end = arena_strdup(&r->arena, s->recovery_end);
		(*out)[n].registered = true;
	}
	for (k = 0; k < o->shock_count; k++, n++) {
		(*out)[n].name = arena_strdup(&r->arena, o->shocks[k].name);
		(*out)[n].peak = arena_strdup(&r->arena, o->shocks[k].peak);
		(*out)[n].trough = arena_strdup(&r->arena, o->shocks[k].trough);
		(*out)[n].recovery_end = arena_strdup(&r->arena,
		    o->shocks[k].recovery_end);
	}
}
