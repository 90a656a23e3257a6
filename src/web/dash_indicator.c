/* An indicator's page (see dash.h): what it measures and its targets, the
 * assessment (dash_why.c), a chart of the annual values of the city and its
 * reference region with the targets and the DNS projection, the values as
 * they were delivered with flags and revisions, and the downloads. */
#include "web/dash.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/format.h"
#include "util/xalloc.h"
#include "web/chart.h"

#define DASH_YEARS_MAX		200
#define DASH_CHART_TARGETS	8

static const char *
dash_indicator_polarity(int polarity)
{
	return polarity > 0 ? N_("Higher is better") : polarity < 0 ?
	    N_("Lower is better") : N_("Closer to the target is better");
}

void
dash_target_text(struct buf *out, const struct page_context *ctx,
    const struct dashboard *d, const struct indicator *ind,
    const struct target_version *t)
{
	const struct region *r;
	const char *ref;

	switch (t->kind) {
	case MODEL_TARGET_VALUE:
		dash_value(out, ctx, ind, t->value);
		if (t->year != 0)
			buf_printf(out, " %s %d", page_text(ctx, "by"), t->year);
		break;
	case MODEL_TARGET_INTERVAL:
		dash_value(out, ctx, ind, t->low);
		buf_puts(out, " \xe2\x80\x93 ");
		dash_value(out, ctx, ind, t->high);
		if (t->year != 0)
			buf_printf(out, " %s %d", page_text(ctx, "by"), t->year);
		break;
	case MODEL_TARGET_EVERY_YEAR:
		buf_puts(out, page_text(ctx, ind->polarity < 0 ?
		    "at most" : "at least"));
		buf_putc(out, ' ');
		dash_value(out, ctx, ind, t->value);
		buf_printf(out, " %s", page_text(ctx, "every year"));
		break;
	case MODEL_TARGET_DIRECTION:
		buf_puts(out, page_text(ctx, ind->polarity < 0 ?
		    "falling" : "rising"));
		break;
	case MODEL_TARGET_REFERENCE:
		ref = t->reference_region != NULL ? t->reference_region :
		    ind->reference_region;
		r = ref != NULL ? model_find_region_any(&d->catalog, ref) : NULL;
		buf_printf(out, "%s %s", page_text(ctx, ind->polarity < 0 ?
		    "below" : "above"), r != NULL ? dash_pick(ctx, r->name_de,
		    r->name_en) : ref != NULL ? ref : "?");
		if (t->year != 0)
			buf_printf(out, " %s %d", page_text(ctx, "by"), t->year);
		break;
	default:
		break;
	}
	if (dash_pick(ctx, t->note_de, t->note_en)[0] != '\0')
		buf_printf(out, " (%s)", dash_pick(ctx, t->note_de, t->note_en));
}

/* The current targets: one in a line, several as a list. */
static void
dash_indicator_targets(struct html *h, const struct page_context *ctx,
    const struct dashboard *d, const struct indicator *ind)
{
	struct buf b = BUF_INIT;
	size_t i, n = 0;

	for (i = 0; i < ind->target_count; i++)
		if (ind->targets[i].valid_to == NULL)
			n++;
	if (n == 0)
		return;
	html_element_text(h, HTML_DT, page_text(ctx, n > 1 ? "Targets" :
	    "Target"));
	html_open(h, HTML_DD);
	if (n > 1)
		html_open(h, HTML_UL);
	for (i = 0; i < ind->target_count; i++) {
		if (ind->targets[i].valid_to != NULL)
			continue;
		buf_reset(&b);
		dash_target_text(&b, ctx, d, ind, &ind->targets[i]);
		if (n > 1)
			html_element_text(h, HTML_LI, buf_cstr(&b));
		else
			html_text(h, buf_cstr(&b));
	}
	if (n > 1)
		html_close(h);
	html_close(h);
	buf_free(&b);
}

static void
dash_indicator_facts(struct html *h, const struct page_context *ctx,
    const struct dashboard *d, const struct dashboard_indicator *di)
{
	const struct indicator *ind = di->indicator;
	const struct region *ref = di->reference.region;

	html_open(h, HTML_DL);
	html_attr(h, HTML_ATTR_CLASS, "facts");
	page_term(h, ctx, "Definition", dash_pick(ctx,
	    ind->definition_de, ind->definition_en));
	page_term(h, ctx, "Unit", dash_unit(ctx, ind->unit));
	page_term(h, ctx, "Polarity", page_text(ctx,
	    dash_indicator_polarity(ind->polarity)));
	dash_indicator_targets(h, ctx, d, ind);
	if (ref != NULL)
		page_term(h, ctx, "Compared with", dash_pick(ctx,
		    ref->name_de, ref->name_en));
	page_source(h, ctx, ind->source, ind->source_url);
	page_term(h, ctx, "Method note", ind->method_note);
	html_close(h);
}

/* How the annual values came about, when months or quarters were
 * delivered (METHODS §1): "Annual values: mean of the monthly values". */
static void
dash_indicator_annual_note(struct html *h, const struct page_context *ctx,
    const struct dashboard_indicator *di)
{
	static const char *const rules[MODEL_ANNUAL__MAX][2] = {
		[MODEL_ANNUAL_MEAN] = {
		    N_("Annual values: mean of the quarterly values"),
		    N_("Annual values: mean of the monthly values") },
		[MODEL_ANNUAL_LAST] = {
		    N_("Annual values: the fourth quarter's value"),
		    N_("Annual values: the December value") },
		[MODEL_ANNUAL_SUM] = {
		    N_("Annual values: sum of the quarterly values"),
		    N_("Annual values: sum of the monthly values") },
	};
	const struct dashboard_series *s = &di->home;
	bool months = false, quarters = false;
	size_t i;

	for (i = 0; i < s->count; i++) {
		if (s->obs[i].period.kind == PERIOD_MONTH)
			months = true;
		else if (s->obs[i].period.kind == PERIOD_QUARTER)
			quarters = true;
	}
	if ((!months && !quarters) || di->indicator->annual >= MODEL_ANNUAL__MAX)
		return;
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "annual-note");
	html_open(h, HTML_STRONG);
	html_text(h, page_text(ctx,
	    rules[di->indicator->annual][months ? 1 : 0]));
	html_close(h);
	html_textf(h, ". %s", page_text(ctx, "Only complete years count; where "
	    "an annual value was delivered, it is used."));
	if (s->annual.incomplete == 1)
		html_textf(h, " %s", page_text(ctx,
		    "1 year with incomplete values is left out."));
	else if (s->annual.incomplete > 1)
		html_textf(h, page_text(ctx,
		    " %zu years with incomplete values are left out."),
		    s->annual.incomplete);
	html_close(h);
}

/* A chart target for each current target that has a place on the axis;
 * with several, each labelled by its kind and year, so that the legend and
 * the table tell them apart. */
static size_t
dash_indicator_chart_targets(const struct page_context *ctx,
    const struct assess_result *r, int first, int last,
    struct chart_target *out, char labels[][64])
{
	size_t i, n = 0, drawable = 0;

	for (i = 0; r != NULL && i < r->target_count; i++)
		if (r->targets[i].version != NULL)
			drawable++;
	for (i = 0; r != NULL && i < r->target_count && n < DASH_CHART_TARGETS;
	    i++) {
		const struct target_version *t = r->targets[i].version;
		struct chart_target *c = &out[n];

		if (t == NULL)
			continue;
		memset(c, 0, sizeof(*c));
		if (t->kind == MODEL_TARGET_VALUE && t->has_value &&
		    t->year >= first && t->year <= last) {
			c->kind = CHART_TARGET_POINT;
			c->category = t->year - first;
			c->value = t->value;
			snprintf(labels[n], 64, "%s %d", page_text(ctx, "Target"),
			    t->year);
		} else if (t->kind == MODEL_TARGET_EVERY_YEAR && t->has_value) {
			c->kind = CHART_TARGET_LINE;
			c->value = t->value;
			snprintf(labels[n], 64, "%s", page_text(ctx,
			    "Target every year"));
		} else if (t->kind == MODEL_TARGET_INTERVAL && t->has_low &&
		    t->has_high) {
			c->kind = CHART_TARGET_BAND;
			c->low = t->low;
			c->high = t->high;
			snprintf(labels[n], 64, "%s", page_text(ctx,
			    "Target range"));
		} else
			continue;
		c->label = drawable > 1 ? labels[n] : page_text(ctx, "Target");
		n++;
	}
	return n;
}

/* The chart: one category per year from the first annual value to the last
 * or the latest target year; the targets as markers, rules or bands; the
 * DNS projection (METHODS §2.2 A) as a dashed line from the latest value to
 * the projected value in the target year. */
static void
dash_indicator_chart(struct html *h, const struct page_context *ctx,
    const struct dashboard_indicator *di)
{
	const struct indicator *ind = di->indicator;
	const struct assess_annual *hs = &di->home.annual, *rs = &di->reference.annual;
	const struct explain *x = dashboard_verdict(di);
	struct chart_series series[3];
	struct chart_target targets[DASH_CHART_TARGETS];
	char target_labels[DASH_CHART_TARGETS][64];
	struct chart c;
	double *home, *ref, *proj, pv = 0, ly = 0, lv = 0, ty = 0;
	char **labels;
	int first = 9999, last = 0, n, i;
	size_t k, ns = 0;
	bool projection;

	if (hs->count > 0) {
		first = hs->periods[0].year;
		last = hs->periods[hs->count - 1].year;
	}
	if (rs->count > 0) {
		first = rs->periods[0].year < first ? rs->periods[0].year : first;
		last = rs->periods[rs->count - 1].year > last ?
		    rs->periods[rs->count - 1].year : last;
	}
	if (last == 0) {
		html_element_text(h, HTML_P, page_text(ctx, di->home.count > 0 ?
		    "There are no annual values to draw yet." :
		    "There are no values yet."));
		return;
	}
	projection = x != NULL && x->rule == EXPLAIN_RULE_DNS_PROJECTION &&
	    explain_get(x, EXPLAIN_Q_PROJECTED_VALUE, &pv) &&
	    explain_get(x, EXPLAIN_Q_LAST_YEAR, &ly) &&
	    explain_get(x, EXPLAIN_Q_LAST_VALUE, &lv) &&
	    explain_get(x, EXPLAIN_Q_TARGET_YEAR, &ty) && ty > ly;
	for (k = 0; di->result != NULL && k < di->result->target_count; k++) {
		const struct target_version *t = di->result->targets[k].version;
		if (t != NULL && t->year > last && t->year - first <
		    DASH_YEARS_MAX && (t->kind == MODEL_TARGET_VALUE ||
		    t->kind == MODEL_TARGET_INTERVAL))
			last = t->year;
	}
	if (projection && (int)ty > last && (int)ty - first < DASH_YEARS_MAX)
		last = (int)ty;
	if (last - first >= DASH_YEARS_MAX)
		first = last - DASH_YEARS_MAX + 1;
	n = last - first + 1;
	home = xcalloc((size_t)n, sizeof(*home));
	ref = xcalloc((size_t)n, sizeof(*ref));
	proj = xcalloc((size_t)n, sizeof(*proj));
	labels = xcalloc((size_t)n, sizeof(*labels));
	for (i = 0; i < n; i++) {
		home[i] = ref[i] = proj[i] = NAN;
		labels[i] = xmalloc(8);
		snprintf(labels[i], 8, "%d", first + i);
	}
	for (k = 0; k < hs->count; k++)
		if (hs->periods[k].year >= first)
			home[hs->periods[k].year - first] = hs->values[k];
	for (k = 0; k < rs->count; k++)
		if (rs->periods[k].year >= first)
			ref[rs->periods[k].year - first] = rs->values[k];
	if (projection)
		for (i = (int)ly - first; i <= (int)ty - first && i < n; i++)
			if (i >= 0)
				proj[i] = lv + (pv - lv) * ((first + i) - ly) /
				    (ty - ly);
	chart_init(&c, CHART_LINE, "chart-series", dash_pick(ctx, ind->title_de,
	    ind->title_en), ctx->lang);
	c.categories = (const char *const *)labels;
	c.n_categories = (size_t)n;
	c.category_heading = page_text(ctx, "Year");
	c.unit = dash_unit(ctx, ind->unit);
	c.decimals = ind->decimals;
	series[ns++] = (struct chart_series){ dash_pick(ctx,
	    di->home.region != NULL ? di->home.region->name_de : NULL,
	    di->home.region != NULL ? di->home.region->name_en : NULL), home,
	    CHART_STROKE_SOLID, 0 };
	if (di->reference.region != NULL && rs->count > 0)
		series[ns++] = (struct chart_series){ dash_pick(ctx,
		    di->reference.region->name_de, di->reference.region->name_en),
		    ref, CHART_STROKE_SOLID, 1 };
	if (projection)
		series[ns++] = (struct chart_series){ page_text(ctx,
		    "Projection (DNS)"), proj, CHART_STROKE_DASHED, 0 };
	c.series = series;
	c.n_series = ns;
	c.targets = targets;
	c.n_targets = dash_indicator_chart_targets(ctx, di->result, first, last,
	    targets, target_labels);
	chart_figure(h, &c);
	for (i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(home);
	free(ref);
	free(proj);
}

/* A number as the data table shows it: the indicator's decimals, the unit
 * in the column's heading. */
static void
dash_indicator_number(struct buf *out, const struct page_context *ctx,
    const struct indicator *ind, double v)
{
	format_number(out, v, ind->decimals, ctx->lang);
}

/* A column heading: the region, and the unit when there is one. */
static void
dash_indicator_region_th(struct html *h, const struct page_context *ctx,
    const struct indicator *ind, const struct region *r)
{
	const char *unit = dash_unit(ctx, ind->unit);

	html_open(h, HTML_TH);
	html_attr(h, HTML_ATTR_SCOPE, "col");
	if (unit[0] != '\0')
		html_textf(h, "%s (%s)", dash_pick(ctx, r->name_de, r->name_en),
		    unit);
	else
		html_text(h, dash_pick(ctx, r->name_de, r->name_en));
	html_close(h);
}

/* A value cell: the number, or "no value" marked as missing. */
static void
dash_indicator_value_cell(struct html *h, const struct page_context *ctx,
    const struct indicator *ind, const struct dashboard_observation *o)
{
	struct buf b = BUF_INIT;

	html_open(h, HTML_TD);
	if (o != NULL && o->has_value) {
		html_attr(h, HTML_ATTR_CLASS, "num");
		dash_data_value(h, o->value);
		dash_indicator_number(&b, ctx, ind, o->value);
		html_text(h, buf_cstr(&b));
	} else {
		html_attr(h, HTML_ATTR_CLASS, "num missing");
		html_text(h, o != NULL ? page_text(ctx, "no value") :
		    "\xe2\x80\x93");
	}
	html_close(h);
	buf_free(&b);
}

/* Revisions of one observation: "63.125 → 64.459 (revised 26.11.2025)". */
static void
dash_indicator_revisions(struct buf *out, const struct page_context *ctx,
    const struct indicator *ind, const struct dashboard_series *s,
    const struct dashboard_observation *o, bool name_region)
{
	size_t i;

	for (i = 0; o != NULL && i < o->revision_count; i++) {
		const struct dashboard_revision *r = &o->revisions[i];

		if (out->len > 0)
			buf_puts(out, "; ");
		if (name_region)
			buf_printf(out, "%s: ", dash_pick(ctx, s->region->name_de,
			    s->region->name_en));
		if (r->had_value)
			dash_indicator_number(out, ctx, ind, r->old_value);
		else
			buf_puts(out, page_text(ctx, "no value"));
		if (strcmp(r->old_flag, r->new_flag) != 0 && r->old_flag[0] != '\0')
			buf_printf(out, " [%s]", r->old_flag);
		buf_puts(out, " \xe2\x86\x92 ");
		if (r->has_value)
			dash_indicator_number(out, ctx, ind, r->new_value);
		else
			buf_puts(out, page_text(ctx, "no value"));
		if (strcmp(r->old_flag, r->new_flag) != 0 && r->new_flag[0] != '\0')
			buf_printf(out, " [%s]", r->new_flag);
		buf_printf(out, " (%s ", page_text(ctx, "revised"));
		if (format_iso_date(out, r->batch_time, ctx->lang) == -1)
			buf_puts(out, r->batch_time);
		buf_putc(out, ')');
	}
}

static bool
dash_indicator_has_flags(const struct dashboard_series *s)
{
	size_t i;

	for (i = 0; i < s->count; i++)
		if (s->obs[i].flag[0] != '\0')
			return true;
	return false;
}

/* The values as delivered (every period kind), city and reference region
 * side by side, with flags where there are any and, where a later delivery
 * changed a value, the revision. */
static void
dash_indicator_data(struct html *h, const struct page_context *ctx,
    const struct dashboard_indicator *di)
{
	const struct dashboard_series *hs = &di->home, *rs = &di->reference;
	const struct indicator *ind = di->indicator;
	bool with_ref = rs->region != NULL && rs->count > 0;
	bool home_flags = dash_indicator_has_flags(hs);
	bool ref_flags = with_ref && dash_indicator_has_flags(rs);
	bool with_rev = hs->revision_count > 0 || (with_ref &&
	    rs->revision_count > 0);
	struct buf b = BUF_INIT;
	size_t i = 0, j = 0;

	if (hs->region == NULL || (hs->count == 0 && !with_ref))
		return;
	html_element_text(h, HTML_H2, page_text(ctx, "Data"));
	html_element_text(h, HTML_P, page_text(ctx, "The values as they were "
	    "delivered; the chart and the assessment read annual values."));
	html_open(h, HTML_TABLE);
	html_attr(h, HTML_ATTR_CLASS, "data values");
	html_element_text(h, HTML_CAPTION, page_text(ctx,
	    "Values with their flags"));
	html_open(h, HTML_THEAD);
	html_open(h, HTML_TR);
	html_column_head(h, page_text(ctx, "Period"));
	dash_indicator_region_th(h, ctx, ind, hs->region);
	if (home_flags)
		html_column_head(h, page_text(ctx, "Flags"));
	if (with_ref) {
		dash_indicator_region_th(h, ctx, ind, rs->region);
		if (ref_flags)
			html_column_head(h, page_text(ctx, "Flags"));
	}
	if (with_rev)
		html_column_head(h, page_text(ctx, "Revisions"));
	html_close(h);
	html_close(h);
	html_open(h, HTML_TBODY);
	/* Both series are in period order: walk them together. */
	while (i < hs->count || (with_ref && j < rs->count)) {
		const struct dashboard_observation *ho = NULL, *ro = NULL;
		const struct period *p;
		int cmp;

		if (i < hs->count && with_ref && j < rs->count)
			cmp = period_compare(&hs->obs[i].period, &rs->obs[j].period);
		else
			cmp = i < hs->count ? -1 : 1;
		if (cmp <= 0)
			ho = &hs->obs[i++];
		if (cmp >= 0)
			ro = &rs->obs[j++];
		p = ho != NULL ? &ho->period : &ro->period;
		html_open(h, HTML_TR);
		buf_reset(&b);
		format_period(&b, p, ctx->lang);
		html_open(h, HTML_TH);
		html_attr(h, HTML_ATTR_SCOPE, "row");
		html_text(h, buf_cstr(&b));
		html_close(h);
		dash_indicator_value_cell(h, ctx, ind, ho);
		if (home_flags)
			html_element_text(h, HTML_TD, ho != NULL ? ho->flag : "");
		if (with_ref) {
			dash_indicator_value_cell(h, ctx, ind, ro);
			if (ref_flags)
				html_element_text(h, HTML_TD, ro != NULL ?
				    ro->flag : "");
		}
		if (with_rev) {
			buf_reset(&b);
			dash_indicator_revisions(&b, ctx, ind, hs, ho, with_ref);
			dash_indicator_revisions(&b, ctx, ind, rs, ro, with_ref);
			html_open(h, HTML_TD);
			html_attr(h, HTML_ATTR_CLASS, "revisions");
			html_text(h, buf_cstr(&b));
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_element_text(h, HTML_P, page_text(ctx, "Flags: b break in series, "
	    "e estimated, p provisional, r revised, m missing."));
	buf_free(&b);
}

static void
dash_indicator_downloads(struct html *h, const struct page_context *ctx,
    const struct indicator *ind)
{
	static const struct {
		const char	*ext;
		const char	*text;
		const char	*note;
	} files[] = {
		{ "csv", N_("Observations as CSV"),
		    N_("every region, long format as `wiall export` writes "
		    "it") },
		{ "json", N_("Indicator, assessments and observations as JSON"),
		    N_("format wiall-assess/1 for the assessments") },
	};
	struct buf href = BUF_INIT;
	size_t i;

	html_element_text(h, HTML_H2, page_text(ctx, "Downloads"));
	html_open(h, HTML_UL);
	html_attr(h, HTML_ATTR_CLASS, "downloads");
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		buf_reset(&href);
		dash_download_href(&href, ctx, ind->code, files[i].ext);
		html_open(h, HTML_LI);
		html_open(h, HTML_A);
		html_attr(h, HTML_ATTR_HREF, buf_cstr(&href));
		html_attrf(h, HTML_ATTR_TYPE, "%s", strcmp(files[i].ext, "csv") == 0 ?
		    "text/csv" : "application/json");
		html_text(h, page_text(ctx, files[i].text));
		html_close(h);
		html_textf(h, " (%s)", page_text(ctx, files[i].note));
		html_close(h);
	}
	if (!ctx->static_site) {
		buf_reset(&href);
		buf_puts(&href, ctx->site_root);
		buf_puts(&href, "api/v1/");
		dash_path(&href, "indicators", ind->code);
		buf_puts(&href, "/observations");
		html_open(h, HTML_LI);
		html_open(h, HTML_A);
		html_attr(h, HTML_ATTR_HREF, buf_cstr(&href));
		html_text(h, page_text(ctx,
		    "All observations as JSON"));
		html_close(h);
		html_textf(h, " (%s)", page_text(ctx, "JSON API"));
		html_close(h);
	}
	html_close(h);
	buf_free(&href);
}

void
dash_indicator(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	struct page_context ctx;
	struct dashboard d;
	struct dashboard_indicator *di;
	struct buf b = BUF_INIT, href = BUF_INIT, path = BUF_INIT;
	struct html h;
	const struct indicator *ind;
	const struct goal *g;

	if (dash_load(req, resp, m->params[0], &d) == -1)
		return;
	di = dashboard_find(&d, m->params[0]);
	if (di == NULL) {
		dashboard_free(&d);
		page_error(req, resp, 404, NULL);
		return;
	}
	ind = di->indicator;
	page_context_init(&ctx, req, NULL);
	html_init(&h, &b);
	page_begin(&h, &ctx, dash_pick(&ctx, ind->title_de, ind->title_en));
	html_open(&h, HTML_NAV);
	html_attr(&h, HTML_ATTR_CLASS, "breadcrumb");
	html_attr(&h, HTML_ATTR_ARIA_LABEL, page_text(&ctx, "Breadcrumb"));
	page_href(&href, &ctx, "");
	html_open(&h, HTML_A);
	html_attr(&h, HTML_ATTR_HREF, buf_cstr(&href));
	html_text(&h, page_text(&ctx, "Overview"));
	html_close(&h);
	g = ind->goal_count > 0 ? model_find_goal(&d.catalog, ind->goals[0]) :
	    NULL;
	if (g != NULL) {
		html_text(&h, " \xe2\x80\xba ");
		dash_path(&path, "goals", g->code);
		buf_reset(&href);
		page_href(&href, &ctx, buf_cstr(&path));
		html_open(&h, HTML_A);
		html_attr(&h, HTML_ATTR_HREF, buf_cstr(&href));
		html_text(&h, dash_pick(&ctx, g->title_de, g->title_en));
		html_close(&h);
	}
	html_close(&h);
	html_element_text(&h, HTML_H1, dash_pick(&ctx, ind->title_de,
	    ind->title_en));
	dash_indicator_facts(&h, &ctx, &d, di);
	dash_why(&h, &ctx, &d, di);
	dash_indicator_annual_note(&h, &ctx, di);
	dash_indicator_chart(&h, &ctx, di);
	dash_other_methods(&h, &ctx, di);
	dash_indicator_data(&h, &ctx, di);
	dash_indicator_downloads(&h, &ctx, ind);
	page_end(&h, &ctx);
	page_send(resp, &b);
	buf_free(&href);
	buf_free(&path);
	dashboard_free(&d);
}
