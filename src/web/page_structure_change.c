/* The change figures of the economic-structure page (see
 * page_structure.h): shift-share over the whole span, classic and dynamic,
 * with the regional share by sector (METHODS §3.6), and resistance and
 * recovery for the registered shocks (METHODS §3.7). Each section says in one
 * sentence what the numbers mean for the city and in one how to read it. */
#include "web/page_structure.h"

#include <math.h>
#include <string.h>

#include "core/structure.h"
#include "util/format.h"
#include "util/period.h"
#include "web/chart.h"

static double
page_structure_change_value(const struct app_structure_value *v)
{
	return v->status == STRUCTURE_OK ? v->value : NAN;
}

/* A period's text as the UI writes it (2. Quartal 2017), in the arena. */
static const char *
page_structure_change_period(struct page_structure *ps, const char *text)
{
	struct buf b = BUF_INIT;
	struct period p;

	if (text == NULL)
		return "\xe2\x80\x93";
	if (period_parse(text, strlen(text), &p) == -1)
		return text;
	format_period(&b, &p, ps->ctx.lang);
	return arena_take(&ps->arena, &b);
}

/* Why a number is missing, in the page's language. */
static const char *
page_structure_change_reason(const struct page_structure *ps,
    const struct app_structure_value *v)
{
	return page_structure_text(ps, structure_status_reason(v->status));
}

/* ---- shift-share ----------------------------------------------------------- */

static void
page_structure_change_components(struct html *h, struct page_structure *ps)
{
	const struct app_structure_span *sp = &ps->fig->span;
	const struct app_structure_shift_share *d = &sp->shift_share;
	const struct app_structure_shift_share *y = &sp->dynamic;
	static const char *const names[] = { N_("Total change"),
	    N_("National share"), N_("Industry mix"), N_("Regional share") };
	const char **cats = arena_alloc(&ps->arena, 5 * sizeof(*cats));
	struct chart_series *series = arena_alloc(&ps->arena, 2 *
	    sizeof(*series));
	double *a = page_structure_values(ps, 4), *b = page_structure_values(ps,
	    4);
	struct chart c;
	size_t k;

	for (k = 0; k < 4; k++)
		cats[k] = page_structure_text(ps, names[k]);
	a[0] = page_structure_change_value(&d->growth);
	a[1] = page_structure_change_value(&d->national_share);
	a[2] = page_structure_change_value(&d->industry_mix);
	a[3] = page_structure_change_value(&d->regional_share);
	b[0] = page_structure_change_value(&y->growth);
	b[1] = page_structure_change_value(&y->national_share);
	b[2] = page_structure_change_value(&y->industry_mix);
	b[3] = page_structure_change_value(&y->regional_share);
	series[0].label = arena_printf(&ps->arena, page_structure_text(ps,
	    "Classic (Dunn), %s to %s"), ps->periods[0],
	    ps->periods[ps->r->period_count - 1]);
	series[0].values = a;
	series[0].tone = 0;
	series[1].label = arena_printf(&ps->arena, page_structure_text(ps,
	    "Dynamic, %zu yearly steps"), sp->dynamic_steps);
	series[1].values = b;
	series[1].tone = 1;
	chart_init(&c, CHART_BARS_DIVERGING, "shift-share-chart",
	    arena_printf(&ps->arena, page_structure_text(ps,
	    "Shift-share of %s against %s, %s to %s"), ps->region,
	    ps->reference, ps->periods[0],
	    ps->periods[ps->r->period_count - 1]), ps->ctx.lang);
	c.categories = cats;
	c.n_categories = 4;
	c.category_heading = page_structure_text(ps, "Component");
	c.series = series;
	c.n_series = 2;
	c.unit = ps->unit;
	c.decimals = ps->decimals;
	chart_figure(h, &c);
}

static void
page_structure_change_by_sector(struct html *h, struct page_structure *ps)
{
	const struct app_structure_report *r = ps->r;
	const struct app_structure_span *sp = &ps->fig->span;
	struct chart_series *s = arena_alloc(&ps->arena, sizeof(*s));
	double *v = page_structure_values(ps, r->sector_count);
	size_t k, hi = r->sector_count, lo = r->sector_count;
	struct chart c;

	for (k = 0; k < r->sector_count; k++) {
		v[k] = page_structure_change_value(&sp->sectors[k].regional_share);
		if (!isfinite(v[k]))
			continue;
		if (hi == r->sector_count || v[k] > v[hi])
			hi = k;
		if (lo == r->sector_count || v[k] < v[lo])
			lo = k;
	}
	html_element_text(h, HTML_H3, page_structure_text(ps,
	    "Regional share by sector"));
	if (hi != r->sector_count && hi != lo)
		page_structure_paragraph(h, "meaning", arena_printf(&ps->arena,
		    page_structure_text(ps, "Against the same sectors in %s, %s "
		    "did best in %s (%s) and worst in %s (%s)."), ps->reference,
		    ps->region, page_structure_quoted(ps,
		    ps->sector_names[hi]),
		    page_structure_amount(ps, v[hi]), page_structure_quoted(ps,
		    ps->sector_names[lo]), page_structure_amount(ps, v[lo])));
	page_structure_paragraph(h, "reading", arena_printf(&ps->arena,
	    page_structure_text(ps, "Each bar is what the sector gained or lost "
	    "against the growth of the same sector in %s: to the right it grew "
	    "faster in the city, to the left slower; the bars add up to the "
	    "regional share."), ps->reference));
	s->label = page_structure_text(ps, "Regional share");
	s->values = v;
	s->tone = -1;
	chart_init(&c, CHART_BARS_DIVERGING, "shift-share-sectors",
	    arena_printf(&ps->arena, page_structure_text(ps,
	    "Regional share of %s by sector, %s to %s"), ps->region,
	    ps->periods[0], ps->periods[r->period_count - 1]), ps->ctx.lang);
	c.categories = ps->sectors;
	c.n_categories = r->sector_count;
	c.category_heading = page_structure_text(ps, "Sector");
	c.series = s;
	c.n_series = 1;
	c.unit = ps->unit;
	c.decimals = ps->decimals;
	chart_figure(h, &c);
	if (sp->zero_start_sectors != NULL)
		page_structure_paragraph(h, "method", arena_printf(&ps->arena,
		    page_structure_text(ps, "Sectors that were zero at the start "
		    "(%s) have no growth rate: their regional share is their "
		    "whole change."), sp->zero_start_sectors));
}

void
page_structure_change_shift_share(struct html *h, struct page_structure *ps)
{
	const struct app_structure_span *sp = &ps->fig->span;
	const struct app_structure_shift_share *d = &sp->shift_share;

	page_structure_section(h, "shift-share", page_structure_text(ps,
	    "Shift-share"));
	if (!ps->fig->has_span || ps->r->period_count < 2) {
		page_structure_paragraph(h, "meaning", page_structure_text(ps,
		    "Shift-share needs figures for at least two periods."));
		html_close(h);
		return;
	}
	if (d->growth.status == STRUCTURE_OK)
		page_structure_paragraph(h, "meaning", arena_printf(&ps->arena,
		    page_structure_text(ps, "From %s to %s the total in %s "
		    "changed by %s; growing like %s would have meant %s "
		    "(national share), the sector mix added %s (industry mix) "
		    "and the sectors' own development against the same sectors "
		    "there %s (regional share)."), ps->periods[0],
		    ps->periods[ps->r->period_count - 1], ps->region,
		    page_structure_amount(ps, d->growth.value), ps->reference,
		    page_structure_amount(ps, d->national_share.value),
		    page_structure_amount(ps, d->industry_mix.value),
		    page_structure_amount(ps, d->regional_share.value)));
	else
		page_structure_paragraph(h, "meaning", arena_printf(&ps->arena,
		    page_structure_text(ps, "The shift-share of %s cannot be "
		    "computed: %s"), ps->region, page_structure_change_reason(ps,
		    &d->growth)));
	page_structure_paragraph(h, "reading", arena_printf(&ps->arena,
	    page_structure_text(ps, "Bars to the right of zero added to the "
	    "change, bars to the left took away; national share, industry mix "
	    "and regional share add up to the change, and the dynamic variant "
	    "adds up the same split year by year (%zu steps), which follows "
	    "a changing structure more closely."), sp->dynamic_steps));
	page_structure_change_components(h, ps);
	if (sp->competitive.status == STRUCTURE_OK &&
	    sp->allocation.status == STRUCTURE_OK)
		page_structure_paragraph(h, "method", arena_printf(&ps->arena,
		    page_structure_text(ps, "Esteban-Marquillas split of the "
		    "regional share: competitive effect %s, allocation effect %s "
		    "(the part due to being specialised in sectors that did "
		    "well)."), page_structure_amount(ps, sp->competitive.value),
		    page_structure_amount(ps, sp->allocation.value)));
	page_structure_change_by_sector(h, ps);
	html_close(h);	/* section */
}

/* ---- shocks ---------------------------------------------------------------- */

static const char *
page_structure_change_shock_name(struct page_structure *ps,
    const struct app_structure_shock *s)
{
	const struct shock *reg = structure_view_shock(ps->v, s);

	if (reg != NULL)
		return page_structure_name(ps, reg->name_de, reg->name_en);
	return s->title != NULL ? s->title : s->name;
}

static bool
page_structure_change_shock_ok(const struct app_structure_shock *s)
{
	return s->resistance.status == STRUCTURE_OK ||
	    s->recovery.status == STRUCTURE_OK;
}

/* One sentence per shock with figures: did the city hold up and recover
 * better or worse than its sector mix let one expect? */
static void
page_structure_change_shock_meaning(struct html *h, struct page_structure *ps)
{
	const struct app_structure_report *r = ps->r;
	struct buf b = BUF_INIT;
	size_t k, shown = 0;

	for (k = 0; k < r->shock_count; k++) {
		const struct app_structure_shock *s = &ps->fig->shocks[k];
		const char *name = page_structure_change_shock_name(ps, s);

		if (!structure_view_shock_has_data(ps->v, s))
			continue;
		if (b.len > 0)
			buf_putc(&b, ' ');
		shown++;
		if (s->resistance.status != STRUCTURE_OK) {
			buf_printf(&b, page_structure_text(ps, "For %s the "
			    "resistance of %s cannot be computed: %s"),
			    page_structure_quoted(ps, name),
			    ps->region, page_structure_change_reason(ps,
			    &s->resistance));
			continue;
		}
		buf_printf(&b, page_structure_text(ps, s->resistance.value >= 0 ?
		    "%s (%s to %s): %s held up better than its sector mix let "
		    "one expect (resistance %s)" : "%s (%s to %s): %s held up "
		    "worse than its sector mix let one expect (resistance %s)"),
		    page_structure_quoted(ps, name),
		    page_structure_change_period(ps, s->peak),
		    page_structure_change_period(ps, s->trough), ps->region,
		    page_structure_number(ps, s->resistance.value, 2));
		if (s->recovery.status == STRUCTURE_OK)
			buf_printf(&b, page_structure_text(ps,
			    s->recovery.value >= 0 ? " and recovered better than "
			    "expected (recovery %s)." : " and recovered worse than "
			    "expected (recovery %s)."), page_structure_number(ps,
			    s->recovery.value, 2));
		else
			buf_puts(&b, page_structure_text(ps,
			    "; its recovery cannot be computed."));
	}
	if (r->shock_count == 0)
		buf_puts(&b, page_structure_text(ps,
		    "The catalogue registers no shocks."));
	else if (shown == 0)
		buf_printf(&b, page_structure_text(ps, "None of the registered "
		    "shocks lies within the figures of %s to %s, so resistance and "
		    "recovery cannot be computed yet."), ps->periods[0],
		    ps->periods[r->period_count - 1]);
	page_structure_paragraph(h, "meaning", buf_cstr(&b));
	buf_free(&b);
}

static void
page_structure_change_shock_chart(struct html *h, struct page_structure *ps)
{
	const struct app_structure_report *r = ps->r;
	const char **cats = arena_alloc(&ps->arena, (r->shock_count + 1) *
	    sizeof(*cats));
	struct chart_series *series = arena_alloc(&ps->arena, 2 *
	    sizeof(*series));
	double *res = page_structure_values(ps, r->shock_count);
	double *rec = page_structure_values(ps, r->shock_count);
	struct chart c;
	size_t k, n = 0;

	for (k = 0; k < r->shock_count; k++) {
		const struct app_structure_shock *s = &ps->fig->shocks[k];
		if (!structure_view_shock_has_data(ps->v, s) ||
		    !page_structure_change_shock_ok(s))
			continue;
		cats[n] = page_structure_change_shock_name(ps, s);
		res[n] = page_structure_change_value(&s->resistance);
		rec[n] = page_structure_change_value(&s->recovery);
		n++;
	}
	if (n == 0)
		return;
	series[0].label = page_structure_text(ps, "Resistance");
	series[0].values = res;
	series[0].tone = 0;
	series[1].label = page_structure_text(ps, "Recovery");
	series[1].values = rec;
	series[1].tone = 1;
	chart_init(&c, CHART_BARS_DIVERGING, "shocks-chart",
	    arena_printf(&ps->arena, page_structure_text(ps,
	    "Resistance and recovery of %s against %s"), ps->region,
	    ps->reference), ps->ctx.lang);
	c.categories = cats;
	c.n_categories = n;
	c.category_heading = page_structure_text(ps, "Shock");
	c.series = series;
	c.n_series = 2;
	c.decimals = 2;
	chart_figure(h, &c);
}

static void
page_structure_change_cell(struct html *h, struct page_structure *ps,
    const struct app_structure_value *v)
{
	html_open(h, HTML_TD);
	if (v->status == STRUCTURE_OK) {
		html_attr(h, HTML_ATTR_CLASS, "num");
		html_text(h, page_structure_number(ps, v->value, 2));
	} else {
		html_attr(h, HTML_ATTR_CLASS, "num missing");
		html_open(h, HTML_ABBR);
		html_attr(h, HTML_ATTR_TITLE, page_structure_change_reason(ps, v));
		html_text(h, "\xe2\x80\x93");
		html_close(h);
	}
	html_close(h);
}

/* Every registered shock, those outside the data too. */
static void
page_structure_change_shock_table(struct html *h, struct page_structure *ps)
{
	static const char *const heads[] = { N_("Shock"), N_("Peak"),
	    N_("Trough"), N_("End of recovery"), N_("Sensitivity"),
	    N_("Resistance"), N_("Recovery") };
	const struct app_structure_report *r = ps->r;
	size_t k;

	html_open(h, HTML_TABLE);
	html_attr(h, HTML_ATTR_CLASS, "data shocks");
	html_element_text(h, HTML_CAPTION, page_structure_text(ps,
	    "Registered shocks"));
	html_open(h, HTML_THEAD);
	html_open(h, HTML_TR);
	for (k = 0; k < sizeof(heads) / sizeof(heads[0]); k++) {
		html_column_head(h, page_structure_text(ps, heads[k]));
	}
	html_close(h);
	html_close(h);
	html_open(h, HTML_TBODY);
	for (k = 0; k < r->shock_count; k++) {
		const struct app_structure_shock *s = &ps->fig->shocks[k];

		html_open(h, HTML_TR);
		html_open(h, HTML_TH);
		html_attr(h, HTML_ATTR_SCOPE, "row");
		html_text(h, page_structure_change_shock_name(ps, s));
		html_close(h);
		html_element_text(h, HTML_TD, page_structure_change_period(ps,
		    s->peak));
		html_element_text(h, HTML_TD, page_structure_change_period(ps,
		    s->trough));
		html_element_text(h, HTML_TD, page_structure_change_period(ps,
		    s->recovery_end));
		if (!structure_view_shock_has_data(ps->v, s)) {
			html_open(h, HTML_TD);
			html_attr(h, HTML_ATTR_CLASS, "missing");
			html_attr(h, HTML_ATTR_COLSPAN, "3");
			html_text(h, page_structure_text(ps,
			    "no data for this period"));
			html_close(h);
		} else {
			page_structure_change_cell(h, ps, &s->sensitivity);
			page_structure_change_cell(h, ps, &s->resistance);
			page_structure_change_cell(h, ps, &s->recovery);
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

void
page_structure_change_shocks(struct html *h, struct page_structure *ps)
{
	page_structure_section(h, "shocks", page_structure_text(ps,
	    "Shocks: resistance and recovery"));
	page_structure_change_shock_meaning(h, ps);
	page_structure_paragraph(h, "reading", arena_printf(&ps->arena,
	    page_structure_text(ps, "Resistance compares the change from the "
	    "peak to the trough with the change expected if every sector had "
	    "developed as in %s, recovery the same from the trough to the end "
	    "of the recovery: above 0 the city did better than expected, below "
	    "0 worse."), ps->reference));
	page_structure_change_shock_chart(h, ps);
	if (ps->r->shock_count > 0) {
		page_structure_change_shock_table(h, ps);
		page_structure_paragraph(h, "method", arena_printf(&ps->arena,
		    page_structure_text(ps, "Sensitivity above 1: from the peak "
		    "to the trough the total changed relatively more than in "
		    "%s."), ps->reference));
	}
	html_close(h);	/* section */
}
