/* The structure figures of the economic-structure page (see
 * page_structure.h): sector composition over time, diversity over time and
 * location quotients (METHODS §3.1–3.5). Each section says in one sentence
 * what the numbers mean for the city and in one how to read the chart; the
 * sentences are English msgids, German through po/de.po. */
#include "web/page_structure.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "web/chart.h"

/* The value of a report number, NAN unless it was computed. */
static double
page_structure_figures_value(const struct app_structure_value *v)
{
	return v->status == STRUCTURE_OK ? v->value : NAN;
}

/* ---- composition ----------------------------------------------------------- */

/* "In 2017, the largest sector in Bottrop was … with 37.2 % of the total;
 * since 2000, the share of … has changed most, from … to …." */
static void
page_structure_figures_composition_meaning(struct html *h,
    struct page_structure *ps)
{
	const struct app_structure_report *r = ps->r;
	const struct app_structure_period *first = &ps->fig->periods[0];
	const struct app_structure_period *last =
	    &ps->fig->periods[r->period_count - 1];
	size_t k, big = r->sector_count, moved = r->sector_count;
	double best = -1.0, most = -1.0;

	for (k = 0; k < r->sector_count; k++) {
		double a = page_structure_figures_value(&first->share[k]);
		double b = page_structure_figures_value(&last->share[k]);
		if (isfinite(b) && b > best) {
			best = b;
			big = k;
		}
		if (isfinite(a) && isfinite(b) && fabs(b - a) > most) {
			most = fabs(b - a);
			moved = k;
		}
	}
	if (big == r->sector_count) {
		page_structure_paragraph(h, "meaning", arena_printf(&ps->arena,
		    page_structure_text(ps, "The sector shares of %s cannot be "
		    "computed for %s: some figures are missing."), ps->region,
		    ps->periods[r->period_count - 1]));
		return;
	}
	if (r->period_count < 2 || moved == r->sector_count) {
		page_structure_paragraph(h, "meaning", arena_printf(&ps->arena,
		    page_structure_text(ps, "In %s, the largest sector in %s was "
		    "%s with %s of the total."), ps->periods[r->period_count - 1],
		    ps->region, page_structure_quoted(ps,
		    ps->sector_names[big]), page_structure_percent(ps,
		    best * 100.0, 1)));
		return;
	}
	page_structure_paragraph(h, "meaning", arena_printf(&ps->arena,
	    page_structure_text(ps, "In %s, the largest sector in %s was %s with "
	    "%s of the total; since %s, the share of %s has changed most, from "
	    "%s to %s."), ps->periods[r->period_count - 1], ps->region,
	    page_structure_quoted(ps, ps->sector_names[big]),
	    page_structure_percent(ps, best * 100.0, 1), ps->periods[0],
	    page_structure_quoted(ps, ps->sector_names[moved]),
	    page_structure_percent(ps, first->share[moved].value * 100.0, 1),
	    page_structure_percent(ps, last->share[moved].value * 100.0, 1)));
}

void
page_structure_figures_composition(struct html *h, struct page_structure *ps)
{
	const struct app_structure_report *r = ps->r;
	struct chart_series *series = arena_alloc(&ps->arena,
	    (r->sector_count + 1) * sizeof(*series));
	struct chart c;
	size_t k, p;

	page_structure_section(h, "composition", page_structure_text(ps,
	    "Sector composition"));
	page_structure_figures_composition_meaning(h, ps);
	page_structure_paragraph(h, "reading", page_structure_text(ps,
	    "Each band is one sector: its height is the sector's share of the "
	    "total in that period, and the bands add up to 100%."));
	for (k = 0; k < r->sector_count; k++) {
		double *v = page_structure_values(ps, r->period_count);
		for (p = 0; p < r->period_count; p++)
			v[p] = page_structure_figures_value(
			    &ps->fig->periods[p].share[k]) * 100.0;
		series[k].label = ps->sectors[k];
		series[k].values = v;
		series[k].tone = -1;
	}
	chart_init(&c, CHART_AREA_STACKED, "composition-chart",
	    arena_printf(&ps->arena, page_structure_text(ps,
	    "Share of each sector in %s, %s to %s"), ps->region, ps->periods[0],
	    ps->periods[r->period_count - 1]), ps->ctx.lang);
	c.categories = ps->periods;
	c.n_categories = r->period_count;
	c.series = series;
	c.n_series = r->sector_count;
	c.unit = "%";
	c.decimals = 1;
	c.height = 360;
	c.zero_based = true;
	chart_figure(h, &c);
	html_close(h);	/* section */
}

/* ---- diversity ------------------------------------------------------------- */

static void
page_structure_figures_diversity_meaning(struct html *h,
    struct page_structure *ps)
{
	const struct app_structure_report *r = ps->r;
	size_t a = r->period_count, b = 0, p;
	double h0, h1;
	const char *fmt;

	for (p = 0; p < r->period_count; p++)
		if (ps->fig->periods[p].hhi.status == STRUCTURE_OK) {
			if (a == r->period_count)
				a = p;
			b = p;
		}
	if (a == r->period_count) {
		page_structure_paragraph(h, "meaning", arena_printf(&ps->arena,
		    page_structure_text(ps, "The concentration of %s cannot be "
		    "computed: some figures are missing."), ps->region));
		return;
	}
	h0 = ps->fig->periods[a].hhi.value;
	h1 = ps->fig->periods[b].hhi.value;
	/* Half a point on the scale of 0.001 the page shows HHI with is no
	 * change a reader could see. */
	if (a == b) {
		page_structure_paragraph(h, "meaning", arena_printf(&ps->arena,
		    page_structure_text(ps, "In %s the concentration index "
		    "(HHI) was %s in %s; it is as even as %s equally large "
		    "sectors."), ps->region, page_structure_number(ps, h0, 3),
		    ps->periods[a], page_structure_number(ps, 1.0 / h0, 1)));
		return;
	}
	if (h1 < h0 - 0.005)
		fmt = N_("In %s the concentration index (HHI) fell from %s "
		    "(%s) to %s (%s), so the economy became more diverse; it is "
		    "as even as %s equally large sectors.");
	else if (h1 > h0 + 0.005)
		fmt = N_("In %s the concentration index (HHI) rose from %s "
		    "(%s) to %s (%s), so the economy became more "
		    "concentrated; it is as even as %s equally large sectors.");
	else
		fmt = N_("In %s the concentration index (HHI) was %s in %s "
		    "and %s in %s, so its diversity hardly changed; it is as "
		    "even as %s equally large sectors.");
	page_structure_paragraph(h, "meaning", arena_printf(&ps->arena,
	    page_structure_text(ps, fmt), ps->region,
	    page_structure_number(ps, h0, 3), ps->periods[a],
	    page_structure_number(ps, h1, 3), ps->periods[b],
	    page_structure_number(ps, 1.0 / h1, 1)));
}

/* One small panel: a measure of the region over the periods. */
static void
page_structure_figures_panel(struct page_structure *ps, struct chart *c,
    const char *id, const char *title, size_t offset, int decimals)
{
	const struct app_structure_report *r = ps->r;
	struct chart_series *s = arena_alloc(&ps->arena, sizeof(*s));
	double *v = page_structure_values(ps, r->period_count);
	size_t p;

	for (p = 0; p < r->period_count; p++) {
		const struct app_structure_value *x = (const void *)
		    ((const char *)&ps->fig->periods[p] + offset);
		v[p] = page_structure_figures_value(x);
	}
	s->label = title;
	s->values = v;
	s->tone = 0;
	chart_init(c, CHART_LINE, id, title, ps->ctx.lang);
	c->categories = ps->periods;
	c->n_categories = r->period_count;
	c->series = s;
	c->n_series = 1;
	c->decimals = decimals;
	/* From zero: a change of 0,003 in HHI must not look like a fall. */
	c->zero_based = true;
}

void
page_structure_figures_diversity(struct html *h, struct page_structure *ps)
{
	const struct app_structure_report *r = ps->r;
	const struct classification *cl = ps->v->classification;
	struct chart panels[5];
	size_t n = 0;

	page_structure_section(h, "diversity", page_structure_text(ps,
	    "Diversity"));
	page_structure_figures_diversity_meaning(h, ps);
	page_structure_paragraph(h, "reading", arena_printf(&ps->arena,
	    page_structure_text(ps, "HHI is the sum of the squared sector "
	    "shares: 1 when everything is in one sector, 1/%zu = %s when all "
	    "%zu sectors are equally large; entropy rises with diversity, and "
	    "the Krugman index (0 to 2) says how far the sector shares differ "
	    "from those of %s."), r->sector_count, page_structure_number(ps,
	    r->sector_count > 0 ? 1.0 / (double)r->sector_count : NAN, 3),
	    r->sector_count, ps->reference));
	page_structure_figures_panel(ps, &panels[n++], "diversity-hhi",
	    page_structure_text(ps, "Concentration (HHI)"),
	    offsetof(struct app_structure_period, hhi), 3);
	page_structure_figures_panel(ps, &panels[n++], "diversity-entropy",
	    page_structure_text(ps, "Entropy (bits)"),
	    offsetof(struct app_structure_period, entropy), 2);
	page_structure_figures_panel(ps, &panels[n++], "diversity-krugman",
	    page_structure_text(ps, "Krugman index"),
	    offsetof(struct app_structure_period, krugman), 2);
	if (r->group_count > 0) {
		page_structure_figures_panel(ps, &panels[n++],
		    "diversity-unrelated", page_structure_text(ps,
		    "Unrelated variety (bits)"),
		    offsetof(struct app_structure_period, unrelated_variety), 2);
		page_structure_figures_panel(ps, &panels[n++],
		    "diversity-related", page_structure_text(ps,
		    "Related variety (bits)"),
		    offsetof(struct app_structure_period, related_variety), 2);
	}
	chart_multiples(h, "diversity-chart", arena_printf(&ps->arena,
	    page_structure_text(ps, "Diversity of %s over time"), ps->region),
	    panels, n, false);
	if (r->group_count > 0)
		page_structure_paragraph(h, "method", page_structure_text(ps,
		    "Unrelated variety is the diversity between groups of "
		    "related sectors, related variety the diversity within them; "
		    "together they make up the entropy."));
	else
		page_structure_paragraph(h, "method", arena_printf(&ps->arena,
		    page_structure_text(ps, "Related and unrelated variety are "
		    "not shown: they need the sectors grouped into families of "
		    "related sectors, and the classification %s has no level "
		    "between these sectors and the total."),
		    cl != NULL ? page_structure_quoted(ps,
		    page_structure_name(ps, cl->name_de, cl->name_en)) :
		    "?"));
	html_close(h);	/* section */
}

/* ---- location quotients ---------------------------------------------------- */

static void
page_structure_figures_location_meaning(struct html *h,
    struct page_structure *ps, size_t p)
{
	const struct app_structure_report *r = ps->r;
	const struct app_structure_period *per = &ps->fig->periods[p];
	size_t k, hi = r->sector_count, lo = r->sector_count;

	for (k = 0; k < r->sector_count; k++) {
		if (per->lq[k].status != STRUCTURE_OK)
			continue;
		if (hi == r->sector_count || per->lq[k].value > per->lq[hi].value)
			hi = k;
		if (lo == r->sector_count || per->lq[k].value < per->lq[lo].value)
			lo = k;
	}
	if (hi == r->sector_count) {
		page_structure_paragraph(h, "meaning", arena_printf(&ps->arena,
		    page_structure_text(ps, "The location quotients of %s cannot "
		    "be computed for %s."), ps->region, ps->periods[p]));
		return;
	}
	if (!(per->lq[hi].value > 1.0)) {
		page_structure_paragraph(h, "meaning", arena_printf(&ps->arena,
		    page_structure_text(ps, "In %s, no sector has a larger share "
		    "in %s than in %s."), ps->periods[p], ps->region,
		    ps->reference));
		return;
	}
	page_structure_paragraph(h, "meaning", arena_printf(&ps->arena,
	    page_structure_text(ps, "In %s, %s is more specialised in %s than %s "
	    "(LQ %s); %s is the least represented (LQ %s)."), ps->periods[p],
	    ps->region, page_structure_quoted(ps,
	    ps->sector_names[hi]), ps->reference, page_structure_number(ps,
	    per->lq[hi].value, 2), page_structure_quoted(ps,
	    ps->sector_names[lo]), page_structure_number(ps, per->lq[lo].value,
	    2)));
}

/* "Since 2000 the location quotient rose most in … and fell most in …". */
static void
page_structure_figures_trend_meaning(struct html *h,
    struct page_structure *ps)
{
	const struct app_structure_report *r = ps->r;
	const struct app_structure_period *a = &ps->fig->periods[0];
	const struct app_structure_period *b =
	    &ps->fig->periods[r->period_count - 1];
	size_t k, up = r->sector_count, down = r->sector_count;
	double d, most = 0.0, least = 0.0;

	for (k = 0; k < r->sector_count; k++) {
		if (a->lq[k].status != STRUCTURE_OK ||
		    b->lq[k].status != STRUCTURE_OK)
			continue;
		d = b->lq[k].value - a->lq[k].value;
		if (d > most) {
			most = d;
			up = k;
		}
		if (d < least) {
			least = d;
			down = k;
		}
	}
	if (up == r->sector_count || down == r->sector_count)
		return;
	page_structure_paragraph(h, "meaning", arena_printf(&ps->arena,
	    page_structure_text(ps, "Since %s the location quotient rose most "
	    "for %s (from %s to %s) and fell most for %s (from %s to %s)."),
	    ps->periods[0], page_structure_quoted(ps,
	    ps->sector_names[up]), page_structure_number(ps, a->lq[up].value, 2),
	    page_structure_number(ps, b->lq[up].value, 2),
	    page_structure_quoted(ps, ps->sector_names[down]),
	    page_structure_number(ps, a->lq[down].value, 2),
	    page_structure_number(ps, b->lq[down].value, 2)));
}

void
page_structure_figures_location(struct html *h, struct page_structure *ps)
{
	const struct app_structure_report *r = ps->r;
	size_t last = r->period_count - 1, k, p;
	struct chart_series *bars = arena_alloc(&ps->arena, sizeof(*bars));
	struct chart_series *lines = arena_alloc(&ps->arena,
	    (r->sector_count + 1) * sizeof(*lines));
	struct chart *panels = arena_alloc(&ps->arena, (r->sector_count + 1) *
	    sizeof(*panels));
	double *v = page_structure_values(ps, r->sector_count);
	struct chart c;

	page_structure_section(h, "location", page_structure_text(ps,
	    "Location quotients"));
	page_structure_figures_location_meaning(h, ps, last);
	page_structure_paragraph(h, "reading", arena_printf(&ps->arena,
	    page_structure_text(ps, "A bar to the right of 1 means that the "
	    "sector's share of the total is larger in %s than in %s (a "
	    "specialisation), to the left smaller; LQ 1.3 means a share 30%% "
	    "larger."), ps->region, ps->reference));
	for (k = 0; k < r->sector_count; k++)
		v[k] = page_structure_figures_value(&ps->fig->periods[last].lq[k]);
	bars->label = arena_printf(&ps->arena, "LQ %s", ps->periods[last]);
	bars->values = v;
	bars->tone = -1;
	chart_init(&c, CHART_BARS_DIVERGING, "location-chart",
	    arena_printf(&ps->arena, page_structure_text(ps,
	    "Location quotients of %s against %s, %s"), ps->region,
	    ps->reference, ps->periods[last]), ps->ctx.lang);
	c.categories = ps->sectors;
	c.n_categories = r->sector_count;
	c.category_heading = page_structure_text(ps, "Sector");
	c.series = bars;
	c.n_series = 1;
	c.decimals = 2;
	c.baseline = 1.0;
	chart_figure(h, &c);

	if (r->period_count < 2) {
		html_close(h);
		return;
	}
	html_element_text(h, HTML_H3, page_structure_text(ps,
	    "Location quotients over time"));
	page_structure_figures_trend_meaning(h, ps);
	page_structure_paragraph(h, "reading", arena_printf(&ps->arena,
	    page_structure_text(ps, "Each panel is one sector on the same "
	    "scale; the dark line at 1 is the share the sector has in %s, so "
	    "a line above it is a specialisation."), ps->reference));
	for (k = 0; k < r->sector_count; k++) {
		double *lq = page_structure_values(ps, r->period_count);
		for (p = 0; p < r->period_count; p++)
			lq[p] = page_structure_figures_value(
			    &ps->fig->periods[p].lq[k]);
		lines[k].label = "LQ";
		lines[k].values = lq;
		lines[k].tone = 0;
		chart_init(&panels[k], CHART_LINE, arena_printf(&ps->arena,
		    "location-time-%zu", k + 1), ps->sectors[k], ps->ctx.lang);
		panels[k].categories = ps->periods;
		panels[k].n_categories = r->period_count;
		panels[k].series = &lines[k];
		panels[k].n_series = 1;
		panels[k].decimals = 2;
		panels[k].baseline = 1.0;
	}
	chart_multiples(h, "location-time", arena_printf(&ps->arena,
	    page_structure_text(ps, "Location quotients of %s by sector, %s to "
	    "%s"), ps->region, ps->periods[0], ps->periods[last]), panels,
	    r->sector_count, true);
	html_close(h);	/* section */
}
