/* The structure report: picks the regions, the reference and the periods from
 * the table (structure_load.c), and runs the core's measures on them (METHODS
 * §3): per region and period the profile and location quotients, over a span
 * shift-share (classic, dynamic, Esteban-Marquillas) and the portfolio, and
 * every shock. Each number that cannot be computed keeps its status and gets a
 * sentence that names the sector and period concerned. */
#include "app/structure.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "app/structure_internal.h"
#include "core/shiftshare.h"
#include "core/shock.h"
#include "core/variety.h"
#include "util/buf.h"
#include "util/xalloc.h"

const char *const app_structure_lq_basis_names[APP_STRUCTURE_LQ_BASIS__MAX] = {
	[APP_STRUCTURE_LQ_SECTOR_SUM] = "sector_sum",
	[APP_STRUCTURE_LQ_PUBLISHED] = "published_total",
};

/* ---- shocks given by hand ------------------------------------------------- */

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

/* ---- the computation's state ---------------------------------------------- */

struct app_structure_ctx {
	const struct app_structure_options *opt;
	struct app_structure_table	*t;
	struct app_structure_report	*r;
	size_t				 S;		/* sectors */
	size_t				*rows;		/* table regions reported */
	size_t				 row_count;
	size_t				 reference;	/* table region or NOT_FOUND */
	size_t				*sum_rows;	/* column sums over these */
	size_t				 sum_count;
	size_t				*sel;		/* selected table periods */
	size_t				 sel_count;
	/* The reference for every table period. */
	double				*column_sum;	/* [period][sector] */
	bool				*column_missing;
	struct structure_values		*ref_values;	/* [period] */
	struct structure_reference	*ref;		/* [period] */
	double				*workspace;
	const char			**period_names;	/* every table period */
};

static void
app_structure_note(struct app_structure_report *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
app_structure_note(struct app_structure_report *r, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (r->note_count == r->note_cap) {
		const char **grown;
		r->note_cap = r->note_cap == 0 ? 8 : 2 * r->note_cap;
		grown = arena_alloc(&r->arena, r->note_cap * sizeof(*grown));
		if (r->note_count > 0)
			memcpy(grown, r->notes, r->note_count * sizeof(*grown));
		r->notes = grown;
	}
	r->notes[r->note_count++] = arena_strdup(&r->arena, buf_cstr(&b));
	buf_free(&b);
}

static const char *
app_structure_region_label(const struct app_structure_table *t, size_t k)
{
	return t->region_names != NULL && t->region_names[k] != NULL ?
	    t->region_names[k] : t->regions.name[k];
}

/* The sentence for a failed number: the core's reason, then where. periods
 * maps a where.period index to its name (NULL: `period` is the one). */
static const char *
app_structure_reason(struct app_structure_ctx *c, enum structure_status status,
    const struct structure_where *w, const char *const *periods,
    size_t period_count, const char *period)
{
	struct buf b = BUF_INIT, where = BUF_INIT;
	const char *s;

	buf_puts(&b, structure_status_reason(status));
	if (w != NULL && w->sector != STRUCTURE_NONE && w->sector < c->S)
		buf_printf(&where, "sector %s", c->t->sectors.name[w->sector]);
	if (w != NULL && w->period != STRUCTURE_NONE && periods != NULL &&
	    w->period < period_count)
		period = periods[w->period];
	if (period != NULL)
		buf_printf(&where, "%s%s", where.len > 0 ? ", " : "", period);
	if (w != NULL && w->reference) {
		if (c->reference != APP_STRUCTURE_NOT_FOUND)
			buf_printf(&where, "%sreference %s", where.len > 0 ?
			    ", " : "", c->t->regions.name[c->reference]);
		else if (w->region != STRUCTURE_NONE && w->region < c->sum_count)
			buf_printf(&where, "%scolumn sums, region %s", where.len >
			    0 ? ", " : "", c->t->regions.name[c->sum_rows[w->region]]);
		else
			buf_printf(&where, "%scolumn sums", where.len > 0 ? ", " :
			    "");
	}
	if (where.len > 0)
		buf_printf(&b, " (%s)", buf_cstr(&where));
	s = arena_strdup(&c->r->arena, buf_cstr(&b));
	buf_free(&b);
	buf_free(&where);
	return s;
}

static void
app_structure_value_ok(struct app_structure_value *v, double value)
{
	v->value = value;
	v->status = STRUCTURE_OK;
	v->reason = NULL;
}

static void
app_structure_value_fail(struct app_structure_ctx *c,
    struct app_structure_value *v, enum structure_status status,
    const struct structure_where *w, const char *const *periods,
    size_t period_count, const char *period)
{
	v->value = NAN;
	v->status = status;
	v->reason = app_structure_reason(c, status, w, periods, period_count,
	    period);
}

static void
app_structure_value_of(struct app_structure_ctx *c,
    struct app_structure_value *v, const struct structure_measure *m,
    const char *const *periods, size_t period_count, const char *period)
{
	if (m->status == STRUCTURE_OK)
		app_structure_value_ok(v, m->value);
	else
		app_structure_value_fail(c, v, m->status, &m->where, periods,
		    period_count, period);
}

static void
app_structure_value_text(struct app_structure_ctx *c,
    struct app_structure_value *v, enum structure_status status,
    const char *reason)
{
	v->value = NAN;
	v->status = status;
	v->reason = arena_strdup(&c->r->arena, reason);
}

static struct structure_values
app_structure_row(const struct app_structure_ctx *c, size_t region,
    size_t period)
{
	struct structure_values x;
	size_t cell = app_structure_cell(c->t, region, period, 0);

	x.value = c->t->value + cell;
	x.missing = c->t->missing + cell;
	x.n = c->S;
	return x;
}

/* ---- regions, reference, periods ------------------------------------------ */

/* A region of the table by code or, with a catalogue, by alias. */
static size_t
app_structure_find_region(const struct app_structure_table *t, const char *code)
{
	size_t k = app_structure_names_find(&t->regions, code);
	const struct region *r;

	if (k == APP_STRUCTURE_NOT_FOUND && t->has_catalog &&
	    (r = model_find_region_any(&t->catalog, code)) != NULL)
		k = app_structure_names_find(&t->regions, r->code);
	return k;
}

static int
app_structure_unknown_region(const struct app_structure_table *t,
    const char *what, const char *code, struct error *e)
{
	struct buf list = BUF_INIT;
	size_t k;

	for (k = 0; k < t->regions.count && k < 12; k++)
		buf_printf(&list, "%s%s", k > 0 ? ", " : "", t->regions.name[k]);
	if (t->regions.count > 12)
		buf_puts(&list, ", …");
	error_set(e, "%s '%s' has no figures in the input (its regions: %s)",
	    what, code, buf_cstr(&list));
	buf_free(&list);
	return -1;
}

static int
app_structure_choose_regions(struct app_structure_ctx *c, struct error *e)
{
	const struct app_structure_options *o = c->opt;
	struct app_structure_table *t = c->t;
	struct buf left = BUF_INIT;
	size_t region = APP_STRUCTURE_NOT_FOUND, k;

	c->reference = APP_STRUCTURE_NOT_FOUND;
	if (o->region != NULL &&
	    (region = app_structure_find_region(t, o->region)) ==
	    APP_STRUCTURE_NOT_FOUND)
		return app_structure_unknown_region(t, "region", o->region, e);
	if (o->reference != NULL) {
		c->reference = app_structure_find_region(t, o->reference);
		if (c->reference == APP_STRUCTURE_NOT_FOUND)
			return app_structure_unknown_region(t, "reference",
			    o->reference, e);
		if (c->reference == region)
			return error_set(e, "'%s' cannot be its own reference",
			    o->region);
		if (o->column_sums)
			return error_set(e, "a reference region or the column "
			    "sums, not both");
	} else if (t->reference_default != NULL && !o->column_sums) {
		k = app_structure_find_region(t, t->reference_default);
		if (k == APP_STRUCTURE_NOT_FOUND)
			app_structure_note(c->r, "The indicator's reference region "
			    "%s has no figures: the comparison is with the column "
			    "sums of the regions.", t->reference_default);
		else if (k != region) {
			c->reference = k;
			app_structure_note(c->r, "The reference is the indicator's "
			    "reference region, %s (--reference changes it).",
			    app_structure_region_label(t, k));
		}
	}

	c->rows = xcalloc(t->regions.count + 1, sizeof(*c->rows));
	c->sum_rows = xcalloc(t->regions.count + 1, sizeof(*c->sum_rows));
	if (region != APP_STRUCTURE_NOT_FOUND)
		c->rows[c->row_count++] = region;
	/* Column sums: a region holding others of the input would count them
	 * twice (DEA3 holds DEA31 … DEA38). */
	for (k = 0; k < t->regions.count; k++) {
		if (k == c->reference)
			continue;
		if (t->region_contains[k] && c->reference == APP_STRUCTURE_NOT_FOUND) {
			buf_printf(&left, "%s%s", left.len > 0 ? ", " : "",
			    t->regions.name[k]);
			continue;
		}
		if (region == APP_STRUCTURE_NOT_FOUND)
			c->rows[c->row_count++] = k;
		c->sum_rows[c->sum_count++] = k;
	}
	if (left.len > 0)
		app_structure_note(c->r, "Left out of the column sums%s because "
		    "they contain other regions of the input: %s.",
		    region == APP_STRUCTURE_NOT_FOUND ? " and the matrix" : "",
		    buf_cstr(&left));
	buf_free(&left);
	if (c->row_count == 0)
		return error_set(e, "no region to compute: the input has only the "
		    "reference");
	if (c->reference == APP_STRUCTURE_NOT_FOUND && c->sum_count == 0)
		return error_set(e, "no regions to form the column sums from");
	return 0;
}

static int
app_structure_find_period(const struct app_structure_table *t,
    const char *what, const char *text, size_t *out, struct error *e)
{
	char canonical[PERIOD_TEXT_MAX];
	struct period p;

	if (period_parse(text, strlen(text), &p) == -1)
		return error_set(e, "%s '%s': write 2017, 2017-Q2 or 2017-06", what,
		    text);
	period_format(&p, canonical);
	*out = app_structure_names_find(&t->periods, canonical);
	if (*out == APP_STRUCTURE_NOT_FOUND)
		return error_set(e, "%s %s: the input has no figures for it (it "
		    "covers %s to %s)", what, canonical, t->periods.name[0],
		    t->periods.name[t->periods.count - 1]);
	return 0;
}

static int
app_structure_choose_periods(struct app_structure_ctx *c, struct error *e)
{
	const struct app_structure_options *o = c->opt;
	const struct app_structure_table *t = c->t;
	size_t first = 0, last = t->periods.count - 1, k;

	if (o->period != NULL && (o->from != NULL || o->to != NULL))
		return error_set(e, "one period or a span (--from/--to), not both");
	if (o->period != NULL) {
		if (app_structure_find_period(t, "period", o->period, &first,
		    e) == -1)
			return -1;
		last = first;
	}
	if (o->from != NULL && app_structure_find_period(t, "--from", o->from,
	    &first, e) == -1)
		return -1;
	if (o->to != NULL && app_structure_find_period(t, "--to", o->to, &last,
	    e) == -1)
		return -1;
	if (first > last)
		return error_set(e, "--from %s comes after --to %s",
		    t->periods.name[first], t->periods.name[last]);
	c->sel = xcalloc(last - first + 1, sizeof(*c->sel));
	for (k = first; k <= last; k++)
		c->sel[c->sel_count++] = k;
	return 0;
}

/* ---- the reference of every period ---------------------------------------- */

static void
app_structure_prepare_references(struct app_structure_ctx *c, bool published)
{
	const struct app_structure_table *t = c->t;
	size_t P = t->periods.count, S = c->S, p, i, j;
	double *matrix = NULL, *compensation = NULL;
	bool *missing = NULL;

	c->ref_values = xcalloc(P, sizeof(*c->ref_values));
	c->ref = xcalloc(P, sizeof(*c->ref));
	if (c->reference != APP_STRUCTURE_NOT_FOUND) {
		for (p = 0; p < P; p++) {
			size_t tc = c->reference * P + p;
			c->ref_values[p] = app_structure_row(c, c->reference, p);
			structure_reference_prepare(&c->ref_values[p], published &&
			    t->has_total[tc] ? &t->total[tc] : NULL, &c->ref[p]);
		}
		return;
	}
	/* METHODS §3.4/3.5: the column sums of the regions, per period. */
	c->column_sum = xcalloc(P * S + 1, sizeof(*c->column_sum));
	c->column_missing = xcalloc(P * S + 1, sizeof(*c->column_missing));
	matrix = xcalloc(c->sum_count * S + 1, sizeof(*matrix));
	missing = xcalloc(c->sum_count * S + 1, sizeof(*missing));
	compensation = xcalloc(S + 1, sizeof(*compensation));
	for (p = 0; p < P; p++) {
		struct structure_matrix m;
		for (i = 0; i < c->sum_count; i++) {
			struct structure_values x = app_structure_row(c,
			    c->sum_rows[i], p);
			memcpy(matrix + i * S, x.value, S * sizeof(*matrix));
			memcpy(missing + i * S, x.missing, S * sizeof(*missing));
			for (j = 0; j < S; j++)
				c->column_missing[p * S + j] |= x.missing[j];
		}
		m.value = matrix;
		m.missing = missing;
		m.rows = c->sum_count;
		m.cols = S;
		structure_matrix_reference(&m, c->column_sum + p * S, compensation,
		    &c->ref[p]);
		/* Shift-share and shocks read the sums as a region's figures: a
		 * column with an unknown cell is unknown. */
		c->ref[p].values.missing = c->column_missing + p * S;
		c->ref_values[p] = c->ref[p].values;
	}
	free(matrix);
	free(missing);
	free(compensation);
}

/* S_i of every selected period, for tables, charts and checks. */
static void
app_structure_reference_shares(struct app_structure_ctx *c)
{
	struct app_structure_report *r = c->r;
	struct structure_measure total;
	double *share = xcalloc(c->S + 1, sizeof(*share));
	size_t j, i;

	r->reference_share = arena_alloc(&r->arena, (c->sel_count * c->S + 1) *
	    sizeof(*r->reference_share));
	for (j = 0; j < c->sel_count; j++) {
		const char *name = c->period_names[c->sel[j]];
		structure_shares(&c->ref_values[c->sel[j]], share, &total);
		total.where.reference = true;
		for (i = 0; i < c->S; i++) {
			struct app_structure_value *v =
			    &r->reference_share[j * c->S + i];
			if (total.status == STRUCTURE_OK)
				app_structure_value_ok(v, share[i]);
			else
				app_structure_value_of(c, v, &total, NULL, 0, name);
		}
	}
	free(share);
}

/* ---- coverage and the location quotients' totals ------------------------- */

static void
app_structure_coverage(struct app_structure_ctx *c, size_t region, size_t period,
    struct app_structure_coverage *out)
{
	const struct app_structure_table *t = c->t;
	size_t tc = region * t->periods.count + period;
	struct structure_values x = app_structure_row(c, region, period);
	struct structure_total_check check;

	memset(out, 0, sizeof(*out));
	out->published = t->has_total[tc];
	out->difference = out->relative = NAN;
	out->published_total = NAN;
	if (!out->published) {
		struct structure_measure m;
		structure_total(&x, &m, NULL);
		app_structure_value_of(c, &out->sector_sum, &m, NULL, 0,
		    c->period_names[period]);
		return;
	}
	structure_check_total(&x, t->total[tc], c->r->tolerance *
	    fabs(t->total[tc]), &check);
	out->published_total = t->total[tc];
	app_structure_value_of(c, &out->sector_sum, &check.sector_sum, NULL, 0,
	    c->period_names[period]);
	out->difference = check.difference;
	out->relative = check.relative;
	out->coverage = check.coverage;
}

struct app_structure_tally {
	struct buf	 regions;	/* their names, the first few */
	size_t		 region_count;
	size_t		 count;		/* region-periods */
	double		 worst;
	const char	*worst_region, *worst_period;
	size_t		 last_region;
};

static void
app_structure_tally_add(struct app_structure_tally *tally,
    const struct app_structure_coverage *cov, size_t region,
    const char *label, const char *period)
{
	double rel = fabs(cov->relative);

	if (tally->count == 0 || tally->last_region != region) {
		if (tally->region_count < 6)
			buf_printf(&tally->regions, "%s%s", tally->region_count > 0 ?
			    ", " : "", label);
		else if (tally->region_count == 6)
			buf_puts(&tally->regions, ", …");
		tally->region_count++;
	}
	tally->last_region = region;
	tally->count++;
	if (tally->worst_region == NULL || rel > tally->worst) {
		tally->worst = rel;
		tally->worst_region = label;
		tally->worst_period = period;
	}
}

/* When the sectors go over the published totals: the sectors without which
 * they would meet every total (within the tolerance) are probably parts of
 * another one, as C of B-E. Appends a sentence naming them to out. */
static void
app_structure_inside(struct app_structure_ctx *c, struct buf *out)
{
	const struct app_structure_table *t = c->t;
	struct buf names = BUF_INIT;
	size_t a, i, j, found = 0;

	for (a = 0; a < c->S; a++) {
		bool fits = true, any = false;
		for (i = 0; i <= c->row_count && fits; i++) {
			size_t region = i < c->row_count ? c->rows[i] : c->reference;
			if (region == APP_STRUCTURE_NOT_FOUND)
				continue;
			for (j = 0; j < c->sel_count && fits; j++) {
				const struct app_structure_coverage *cov = i <
				    c->row_count ? &c->r->regions[i].periods[j].coverage :
				    &c->r->reference_coverage[j];
				size_t cell = app_structure_cell(t, region, c->sel[j],
				    a);
				if (!cov->published ||
				    cov->sector_sum.status != STRUCTURE_OK)
					continue;
				any = true;
				fits = !t->missing[cell] &&
				    fabs(cov->published_total - (cov->sector_sum.value -
				    t->value[cell])) <= c->r->tolerance *
				    fabs(cov->published_total);
			}
		}
		if (fits && any) {
			buf_printf(&names, "%s'%s'", found > 0 ? ", " : "",
			    t->sectors.name[a]);
			found++;
		}
	}
	if (found == 1)
		buf_printf(out, " Without %s the sectors meet every published "
		    "total: it is probably part of another sector.",
		    buf_cstr(&names));
	else if (found > 1)
		buf_printf(out, " Without any one of %s the sectors would meet "
		    "every published total: one of them is probably part of "
		    "another sector.", buf_cstr(&names));
	buf_free(&names);
}

/* Checks the reported regions and the reference against their published
 * totals in every period, says where the sectors fall short or go over, and
 * decides what the location quotients divide by: the published totals when
 * the sectors fall short of them (REAT locq takes the over-all employment),
 * else the sector sums. */
static enum app_structure_lq_basis
app_structure_check_coverage(struct app_structure_ctx *c)
{
	struct app_structure_report *r = c->r;
	struct app_structure_tally tally[STRUCTURE_COVERAGE__MAX];
	struct app_structure_coverage *cov;
	size_t i, j, checked = 0, k;
	bool all = true;
	enum app_structure_lq_basis basis = APP_STRUCTURE_LQ_SECTOR_SUM;

	memset(tally, 0, sizeof(tally));
	if (c->reference != APP_STRUCTURE_NOT_FOUND)
		r->reference_coverage = arena_alloc(&r->arena, c->sel_count *
		    sizeof(*r->reference_coverage));
	for (i = 0; i <= c->row_count; i++) {
		size_t region = i < c->row_count ? c->rows[i] : c->reference;
		if (region == APP_STRUCTURE_NOT_FOUND)
			continue;
		for (j = 0; j < c->sel_count; j++) {
			cov = i < c->row_count ? &r->regions[i].periods[j].coverage :
			    &r->reference_coverage[j];
			app_structure_coverage(c, region, c->sel[j], cov);
			if (!cov->published) {
				all = false;
				continue;
			}
			checked++;
			if (cov->sector_sum.status == STRUCTURE_OK &&
			    cov->coverage != STRUCTURE_COVERAGE_COMPLETE)
				app_structure_tally_add(&tally[cov->coverage], cov,
				    region, app_structure_region_label(c->t, region),
				    r->periods[j]);
		}
	}
	k = STRUCTURE_COVERAGE_SHORT;
	if (tally[k].count > 0)
		app_structure_note(r, "The sectors fall short of the published "
		    "all-sector total for %s (%zu of %zu region-periods checked; "
		    "at most %.1f %%, %s %s): sectors are missing from the input, "
		    "so shares, HHI, entropy and Krugman describe only the sectors "
		    "listed.", buf_cstr(&tally[k].regions), tally[k].count, checked,
		    100 * tally[k].worst, tally[k].worst_region,
		    tally[k].worst_period);
	k = STRUCTURE_COVERAGE_EXCESS;
	if (tally[k].count > 0) {
		struct buf inside = BUF_INIT;
		app_structure_inside(c, &inside);
		app_structure_note(r, "The sectors add up to more than the "
		    "published all-sector total for %s (%zu of %zu region-periods "
		    "checked; at most %.1f %%, %s %s): do some sectors contain "
		    "others (as C is part of B-E)? Leave those out with "
		    "--exclude-sector.%s", buf_cstr(&tally[k].regions),
		    tally[k].count, checked, 100 * tally[k].worst,
		    tally[k].worst_region, tally[k].worst_period,
		    buf_cstr(&inside));
		buf_free(&inside);
	}
	if (c->reference != APP_STRUCTURE_NOT_FOUND && all && checked > 0 &&
	    tally[STRUCTURE_COVERAGE_SHORT].count > 0) {
		basis = APP_STRUCTURE_LQ_PUBLISHED;
		app_structure_note(r, "Location quotients divide by the published "
		    "all-sector totals (as REAT locq does), because the sectors do "
		    "not cover everything; Krugman, HHI and entropy use the sector "
		    "sums.");
	}
	for (k = 0; k < STRUCTURE_COVERAGE__MAX; k++)
		buf_free(&tally[k].regions);
	return basis;
}

/* ---- one region in one period --------------------------------------------- */

static void
app_structure_compute_period(struct app_structure_ctx *c, size_t region,
    size_t period, struct app_structure_period *out)
{
	const struct app_structure_table *t = c->t;
	struct app_structure_report *r = c->r;
	struct structure_values x = app_structure_row(c, region, period);
	const struct structure_reference *ref = &c->ref[period];
	const char *name = c->period_names[period];
	struct structure_profile_input in;
	struct structure_profile prof;
	struct structure_lq_summary sum;
	struct structure_measure total;
	struct variety_groups groups;
	struct structure_lq *lq;
	double *share;
	size_t tc = region * t->periods.count + period, i;

	out->period = name;
	memset(&in, 0, sizeof(in));
	in.region = x;
	in.reference = ref;
	in.base = r->base;
	if (t->groups.count > 0) {
		groups.group = t->sector_group;
		groups.n = c->S;
		groups.count = t->groups.count;
		in.groups = &groups;
		in.group_workspace = c->workspace;
	}
	structure_profile_compute(&in, &prof);
	app_structure_value_of(c, &out->total, &prof.total, NULL, 0, name);
	app_structure_value_of(c, &out->hhi, &prof.herfindahl.hhi, NULL, 0, name);
	app_structure_value_of(c, &out->hhi_normalised,
	    &prof.herfindahl.normalised, NULL, 0, name);
	app_structure_value_of(c, &out->hhi_equivalent,
	    &prof.herfindahl.equivalent, NULL, 0, name);
	app_structure_value_of(c, &out->entropy, &prof.entropy, NULL, 0, name);
	app_structure_value_of(c, &out->unrelated_variety,
	    &prof.unrelated_variety, NULL, 0, name);
	app_structure_value_of(c, &out->related_variety, &prof.related_variety,
	    NULL, 0, name);
	app_structure_value_of(c, &out->krugman, &prof.krugman, NULL, 0, name);
	out->nonzero = prof.nonzero;
	out->groups_nonempty = prof.groups_nonempty;

	share = xcalloc(c->S + 1, sizeof(*share));
	lq = xcalloc(c->S + 1, sizeof(*lq));
	out->share = arena_alloc(&r->arena, (c->S + 1) * sizeof(*out->share));
	out->lq = arena_alloc(&r->arena, (c->S + 1) * sizeof(*out->lq));
	structure_shares(&x, share, &total);
	/* METHODS §3.5, on the totals chosen for the whole report. */
	structure_location_quotients(&x, r->lq_basis ==
	    APP_STRUCTURE_LQ_PUBLISHED && t->has_total[tc] ? &t->total[tc] :
	    NULL, ref, lq, &sum);
	for (i = 0; i < c->S; i++) {
		struct structure_where w = { i, STRUCTURE_NONE, STRUCTURE_NONE,
		    lq[i].reference };
		if (total.status == STRUCTURE_OK)
			app_structure_value_ok(&out->share[i], share[i]);
		else
			app_structure_value_of(c, &out->share[i], &total, NULL, 0,
			    name);
		if (lq[i].status == STRUCTURE_OK)
			app_structure_value_ok(&out->lq[i], lq[i].value);
		else
			app_structure_value_fail(c, &out->lq[i], lq[i].status,
			    sum.status != STRUCTURE_OK ? &sum.where : &w, NULL, 0,
			    name);
	}
	free(share);
	free(lq);
}

/* ---- over the span -------------------------------------------------------- */

static void
app_structure_components(struct app_structure_ctx *c,
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

static void
app_structure_compute_span(struct app_structure_ctx *c, size_t region,
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
	app_structure_components(c, &out->shift_share, &res.dunn, res.status,
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
	app_structure_components(c, &out->dynamic, &dyn.dunn, dyn.status,
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
		out->zero_start_sectors = arena_strdup(&r->arena, buf_cstr(&zero));
		app_structure_note(r, "%s had nothing in %s in %s: the growth rate "
		    "is undefined, so the regional share takes the whole change of "
		    "%s (METHODS §3.6) and Esteban-Marquillas is not computed.",
		    app_structure_region_label(c->t, region), buf_cstr(&zero),
		    ends[0], zero.len > 0 && strchr(buf_cstr(&zero), ',') != NULL ?
		    "these sectors" : "this sector");
	}
	buf_free(&zero);
	free(sectors);
	free(entry);
	free(xs);
	free(refs);
	free(step_names);
}

/* ---- shocks --------------------------------------------------------------- */

static void
app_structure_compute_shock(struct app_structure_ctx *c, size_t region,
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
static void
app_structure_list_shocks(struct app_structure_ctx *c,
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

/* ---- the report ----------------------------------------------------------- */

static const char **
app_structure_copy_names(struct arena *a, const struct app_structure_names *n)
{
	const char **out = arena_alloc(a, (n->count + 1) * sizeof(*out));
	size_t k;

	for (k = 0; k < n->count; k++)
		out[k] = arena_strdup(a, n->name[k]);
	return out;
}

static void
app_structure_describe(struct app_structure_ctx *c,
    const char *const *period_names)
{
	struct app_structure_report *r = c->r;
	const struct app_structure_table *t = c->t;
	const struct app_structure_options *o = c->opt;
	size_t k;

	r->matrix = o->region == NULL;
	r->reference_kind = c->reference != APP_STRUCTURE_NOT_FOUND ?
	    STRUCTURE_REFERENCE_REGION : STRUCTURE_REFERENCE_MATRIX;
	if (c->reference != APP_STRUCTURE_NOT_FOUND) {
		r->reference = arena_strdup(&r->arena,
		    t->regions.name[c->reference]);
		if (t->region_names[c->reference] != NULL)
			r->reference_name = arena_strdup(&r->arena,
			    t->region_names[c->reference]);
	}
	if (t->indicator != NULL)
		r->indicator = arena_strdup(&r->arena, t->indicator);
	if (t->classification != NULL)
		r->classification = arena_strdup(&r->arena, t->classification);
	r->dimension = arena_strdup(&r->arena, t->dimension);
	r->source = arena_strdup(&r->arena, o->source == APP_STRUCTURE_FILE ?
	    o->input : "database");
	r->sectors = app_structure_copy_names(&r->arena, &t->sectors);
	r->sector_count = t->sectors.count;
	if (t->groups.count > 0) {
		size_t *g = arena_alloc(&r->arena, (c->S + 1) * sizeof(*g));
		memcpy(g, t->sector_group, c->S * sizeof(*g));
		r->groups = app_structure_copy_names(&r->arena, &t->groups);
		r->group_count = t->groups.count;
		r->sector_group = g;
		r->groups_source = arena_strdup(&r->arena, t->groups_source);
	}
	r->periods = arena_alloc(&r->arena, (c->sel_count + 1) *
	    sizeof(*r->periods));
	for (k = 0; k < c->sel_count; k++)
		r->periods[k] = period_names[c->sel[k]];
	r->period_count = c->sel_count;
}

int
app_structure_run(struct db *db, const struct app_structure_options *opt,
    struct app_structure_report *out, struct diag_list *diags,
    struct error *e)
{
	struct app_structure_table t;
	struct app_structure_ctx c;
	struct app_structure_shock *shocks = NULL;
	const char **period_names;
	size_t i, j, k;
	int status = -1;

	memset(out, 0, sizeof(*out));
	arena_init(&out->arena);
	memset(&t, 0, sizeof(t));
	memset(&c, 0, sizeof(c));
	c.opt = opt;
	c.t = &t;
	c.r = out;
	c.reference = APP_STRUCTURE_NOT_FOUND;
	out->base = opt->base;
	out->tolerance = opt->tolerance > 0 ? opt->tolerance :
	    APP_STRUCTURE_TOLERANCE;
	if ((unsigned)opt->base >= STRUCTURE_BASE__MAX) {
		error_set(e, "unknown logarithm base");
		goto done;
	}
	if (app_structure_load(db, opt, &t, diags, e) == -1)
		goto done;
	c.S = t.sectors.count;
	for (k = 0; k < t.note_count; k++)
		app_structure_note(out, "%s", t.notes[k]);
	if (app_structure_choose_regions(&c, e) == -1 ||
	    app_structure_choose_periods(&c, e) == -1)
		goto done;
	period_names = app_structure_copy_names(&out->arena, &t.periods);
	c.period_names = period_names;
	app_structure_describe(&c, period_names);
	app_structure_list_shocks(&c, &shocks, &out->shock_count);

	out->region_count = c.row_count;
	out->regions = arena_alloc(&out->arena, (c.row_count + 1) *
	    sizeof(*out->regions));
	for (i = 0; i < c.row_count; i++) {
		struct app_structure_region *reg = &out->regions[i];
		reg->code = arena_strdup(&out->arena, t.regions.name[c.rows[i]]);
		if (t.region_names[c.rows[i]] != NULL)
			reg->name = arena_strdup(&out->arena,
			    t.region_names[c.rows[i]]);
		reg->periods = arena_alloc(&out->arena, (c.sel_count + 1) *
		    sizeof(*reg->periods));
		reg->shocks = arena_alloc(&out->arena, (out->shock_count + 1) *
		    sizeof(*reg->shocks));
	}
	out->lq_basis = app_structure_check_coverage(&c);
	app_structure_prepare_references(&c, out->lq_basis ==
	    APP_STRUCTURE_LQ_PUBLISHED);
	app_structure_reference_shares(&c);
	c.workspace = xcalloc(VARIETY_WORKSPACE(t.groups.count) + 1,
	    sizeof(*c.workspace));
	for (i = 0; i < c.row_count; i++) {
		struct app_structure_region *reg = &out->regions[i];
		for (j = 0; j < c.sel_count; j++)
			app_structure_compute_period(&c, c.rows[i], c.sel[j],
			    &reg->periods[j]);
		if (opt->from != NULL || opt->to != NULL) {
			reg->has_span = true;
			app_structure_compute_span(&c, c.rows[i], period_names,
			    &reg->span);
		}
		for (k = 0; k < out->shock_count; k++) {
			reg->shocks[k] = shocks[k];
			app_structure_compute_shock(&c, c.rows[i], &reg->shocks[k]);
		}
	}
	status = 0;
done:
	free(c.rows);
	free(c.sum_rows);
	free(c.sel);
	free(c.column_sum);
	free(c.column_missing);
	free(c.ref_values);
	free(c.ref);
	free(c.workspace);
	app_structure_table_free(&t);
	return status;
}

void
app_structure_report_free(struct app_structure_report *r)
{
	arena_free(&r->arena);
	memset(r, 0, sizeof(*r));
}
