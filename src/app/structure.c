/* The structure report: picks the regions, the reference and the periods from
 * the table (structure_load.c), and runs the core's measures on them (METHODS
 * §3): per region and period the profile and location quotients
 * (structure_period.c), over a span shift-share and the portfolio
 * (structure_span.c), and every shock (structure_shock.c). Each number that
 * cannot be computed keeps its status and gets a sentence that names the
 * sector and period concerned. */
#include "app/structure.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "app/structure_internal.h"
#include "core/variety.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/xalloc.h"

const char *const app_structure_lq_basis_names[APP_STRUCTURE_LQ_BASIS__MAX] = {
	[APP_STRUCTURE_LQ_SECTOR_SUM] = "sector_sum",
	[APP_STRUCTURE_LQ_PUBLISHED] = "published_total",
};

void
app_structure_note_add(struct app_structure_report *r, const char *en,
    const char *de)
{
	if (r->note_count == r->note_cap) {
		struct app_structure_note *grown;
		r->note_cap = r->note_cap == 0 ? 8 : 2 * r->note_cap;
		grown = arena_alloc(&r->arena, r->note_cap * sizeof(*grown));
		if (r->note_count > 0)
			memcpy(grown, r->notes, r->note_count * sizeof(*grown));
		r->notes = grown;
	}
	r->notes[r->note_count].en = arena_strdup(&r->arena, en);
	r->notes[r->note_count].de = arena_strdup(&r->arena, de);
	r->note_count++;
}

void
app_structure_note(struct app_structure_report *r, const char *en,
    const char *de, ...)
{
	struct buf b_en = BUF_INIT, b_de = BUF_INIT;
	va_list ap, aq;

	va_start(ap, de);
	va_copy(aq, ap);
	buf_vprintf(&b_en, en, ap);
	buf_vprintf(&b_de, de, aq);
	va_end(aq);
	va_end(ap);
	app_structure_note_add(r, buf_cstr(&b_en), buf_cstr(&b_de));
	buf_free(&b_en);
	buf_free(&b_de);
}

void
app_structure_period_de(struct buf *out, const char *name)
{
	struct period p;

	if (period_parse(name, strlen(name), &p) == -1) {
		buf_puts(out, name);
		return;
	}
	if (p.kind != PERIOD_YEAR)
		buf_puts(out, "im ");
	format_period(out, &p, "de");
}

const char *
app_structure_region_label(const struct app_structure_table *t, size_t k)
{
	return t->region_names != NULL && t->region_names[k] != NULL ?
	    t->region_names[k] : t->regions.name[k];
}

const char *
app_structure_region_label_de(const struct app_structure_table *t, size_t k)
{
	return t->region_names_de != NULL && t->region_names_de[k] != NULL ?
	    t->region_names_de[k] : t->regions.name[k];
}

/* The sentence for a failed number: the core's reason, then where. periods
 * maps a where.period index to its name (NULL: `period` is the one). */
const char *
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

void
app_structure_value_ok(struct app_structure_value *v, double value)
{
	v->value = value;
	v->status = STRUCTURE_OK;
	v->reason = NULL;
}

void
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

void
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

void
app_structure_value_text(struct app_structure_ctx *c,
    struct app_structure_value *v, enum structure_status status,
    const char *reason)
{
	v->value = NAN;
	v->status = status;
	v->reason = arena_strdup(&c->r->arena, reason);
}

struct structure_values
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
			    "sums of the regions.", "Die Vergleichsregion des "
			    "Indikators, %s, hat keine Zahlen: Verglichen wird mit "
			    "den Spaltensummen der Regionen.", t->reference_default);
		else if (k != region) {
			char *en = xasprintf("The reference is the indicator's "
			    "reference region, %s (--reference changes it).",
			    app_structure_region_label(t, k));
			char *de = xasprintf("Verglichen wird mit der "
			    "Vergleichsregion des Indikators, %s (--reference "
			    "ändert sie).", app_structure_region_label_de(t, k));
			c->reference = k;
			app_structure_note_add(c->r, en, de);
			free(en);
			free(de);
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
	if (left.len > 0 && region == APP_STRUCTURE_NOT_FOUND)
		app_structure_note(c->r, "Left out of the column sums and the "
		    "matrix because they contain other regions of the input: %s.",
		    "Aus den Spaltensummen und der Matrix weggelassen, weil sie "
		    "andere Regionen der Eingabe enthalten: %s.", buf_cstr(&left));
	else if (left.len > 0)
		app_structure_note(c->r, "Left out of the column sums because "
		    "they contain other regions of the input: %s.", "Aus den "
		    "Spaltensummen weggelassen, weil sie andere Regionen der "
		    "Eingabe enthalten: %s.", buf_cstr(&left));
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
		app_structure_note_add(out, t.notes[k].en, t.notes[k].de);
	if (app_structure_choose_regions(&c, e) == -1 ||
	    app_structure_choose_periods(&c, e) == -1)
		goto done;
	period_names = app_structure_copy_names(&out->arena, &t.periods);
	c.period_names = period_names;
	app_structure_describe(&c, period_names);
	app_structure_shock_list(&c, &shocks, &out->shock_count);

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
	out->lq_basis = app_structure_period_check_coverage(&c);
	app_structure_prepare_references(&c, out->lq_basis ==
	    APP_STRUCTURE_LQ_PUBLISHED);
	app_structure_reference_shares(&c);
	c.workspace = xcalloc(VARIETY_WORKSPACE(t.groups.count) + 1,
	    sizeof(*c.workspace));
	for (i = 0; i < c.row_count; i++) {
		struct app_structure_region *reg = &out->regions[i];
		for (j = 0; j < c.sel_count; j++)
			app_structure_period_compute(&c, c.rows[i], c.sel[j],
			    &reg->periods[j]);
		if (opt->from != NULL || opt->to != NULL) {
			reg->has_span = true;
			app_structure_span_compute(&c, c.rows[i], period_names,
			    &reg->span);
		}
		for (k = 0; k < out->shock_count; k++) {
			reg->shocks[k] = shocks[k];
			app_structure_shock_compute(&c, c.rows[i], &reg->shocks[k]);
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
