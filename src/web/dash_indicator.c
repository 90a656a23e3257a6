/* An indicator's page (see dash.h): what it measures, a chart of the city and
 * its reference region with the target and the DNS projection, the weather
 * with its "Warum?" (the explanation record in words and numbers), and the
 * data with flags. */
#include "web/dash.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/format.h"
#include "util/xalloc.h"
#include "web/chart.h"

#define DASH_YEARS_MAX 200

/* Labels of the explanation's numbers (English msgids, translated). */
static const char *const dash_indicator_quantities[EXPLAIN_Q__MAX] = {
	[EXPLAIN_Q_POLARITY] = "Polarity",
	[EXPLAIN_Q_TARGET_VALUE] = "Target value",
	[EXPLAIN_Q_TARGET_YEAR] = "Target year",
	[EXPLAIN_Q_TARGET_COUNT] = "Targets combined",
	[EXPLAIN_Q_WINDOW] = "Values in the trend window",
	[EXPLAIN_Q_MIN_POINTS] = "Fewest values needed",
	[EXPLAIN_Q_POINTS_AVAILABLE] = "Values available",
	[EXPLAIN_Q_START_YEAR] = "First year used",
	[EXPLAIN_Q_START_VALUE] = "First value used",
	[EXPLAIN_Q_LAST_YEAR] = "Latest year",
	[EXPLAIN_Q_LAST_VALUE] = "Latest value",
	[EXPLAIN_Q_PREVIOUS_VALUE] = "Value before",
	[EXPLAIN_Q_REFERENCE_VALUE] = "Reference region's value",
	[EXPLAIN_Q_MEAN_CHANGE] = "Mean change per year",
	[EXPLAIN_Q_LAST_CHANGE] = "Last change",
	[EXPLAIN_Q_PROJECTED_VALUE] = "Projected value in the target year",
	[EXPLAIN_Q_MISS_RATIO] = "Share by which the target is missed",
	[EXPLAIN_Q_GAP] = "Gap to the reference region",
	[EXPLAIN_Q_THRESHOLD_SUN] = "Threshold for sun",
	[EXPLAIN_Q_THRESHOLD_CLOUD] = "Threshold for cloud",
};

static const char *
dash_indicator_polarity(int polarity)
{
	return polarity > 0 ? "Higher is better" : polarity < 0 ?
	    "Lower is better" : "Closer to the target is better";
}

/* The target in words: "12,5 % by 2025", "at most 8,5 % every year". */
static void
dash_indicator_target_text(struct buf *out, const struct page_context *ctx,
    const struct dashboard *d, const struct indicator *ind,
    const struct target_version *t)
{
	const struct region *r;

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
		r = t->reference_region != NULL ?
		    model_find_region_any(&d->catalog, t->reference_region) : NULL;
		buf_printf(out, "%s %s", page_text(ctx, ind->polarity < 0 ?
		    "below" : "above"), r != NULL ? dash_pick(ctx, r->name_de,
		    r->name_en) : t->reference_region != NULL ?
		    t->reference_region : "?");
		if (t->year != 0)
			buf_printf(out, " %s %d", page_text(ctx, "by"), t->year);
		break;
	default:
		break;
	}
	if (dash_pick(ctx, t->note_de, t->note_en)[0] != '\0')
		buf_printf(out, " (%s)", dash_pick(ctx, t->note_de, t->note_en));
}

static void
dash_indicator_term(struct html *h, const struct page_context *ctx,
    const char *term, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	html_element_text(h, HTML_DT, page_text(ctx, term));
	html_element_text(h, HTML_DD, value);
}

static void
dash_indicator_facts(struct html *h, const struct page_context *ctx,
    const struct dashboard *d, const struct dashboard_indicator *di)
{
	const struct indicator *ind = di->indicator;
	const struct region *ref = di->reference.region;
	struct buf b = BUF_INIT;

	html_open(h, HTML_DL);
	html_attr(h, HTML_ATTR_CLASS, "facts");
	dash_indicator_term(h, ctx, "Definition", dash_pick(ctx,
	    ind->definition_de, ind->definition_en));
	dash_indicator_term(h, ctx, "Unit", dash_unit(ctx, ind->unit));
	dash_indicator_term(h, ctx, "Polarity", page_text(ctx,
	    dash_indicator_polarity(ind->polarity)));
	if (di->target != NULL) {
		dash_indicator_target_text(&b, ctx, d, ind, di->target);
		dash_indicator_term(h, ctx, "Target", buf_cstr(&b));
	}
	if (ref != NULL)
		dash_indicator_term(h, ctx, "Compared with", dash_pick(ctx,
		    ref->name_de, ref->name_en));
	if (ind->source != NULL) {
		html_element_text(h, HTML_DT, page_text(ctx, "Source"));
		html_open(h, HTML_DD);
		if (ind->source_url != NULL) {
			html_open(h, HTML_A);
			html_attr(h, HTML_ATTR_HREF, ind->source_url);
			html_text(h, ind->source);
			html_close(h);
		} else
			html_text(h, ind->source);
		html_close(h);
	}
	dash_indicator_term(h, ctx, "Method note", ind->method_note);
	html_close(h);
	buf_free(&b);
}

/* The chart: one category per year from the first value to the last value
 * or the target year; the target as a marker, rule or band; the DNS
 * projection (METHODS §2.2 A) as a dashed line from the latest value to the
 * projected value in the target year. */
static void
dash_indicator_chart(struct html *h, const struct page_context *ctx,
    const struct dashboard_indicator *di)
{
	const struct indicator *ind = di->indicator;
	const struct dashboard_series *hs = &di->home, *rs = &di->reference;
	const struct target_version *t = di->target;
	struct chart_series series[3];
	struct chart_target target;
	struct chart c;
	double *home, *ref, *proj, pv, ly, lv, ty;
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
		html_element_text(h, HTML_P, page_text(ctx,
		    "There are no values yet."));
		return;
	}
	projection = di->weather.rule == EXPLAIN_RULE_DNS_PROJECTION &&
	    explain_get(&di->weather, EXPLAIN_Q_PROJECTED_VALUE, &pv) &&
	    explain_get(&di->weather, EXPLAIN_Q_LAST_YEAR, &ly) &&
	    explain_get(&di->weather, EXPLAIN_Q_LAST_VALUE, &lv) &&
	    explain_get(&di->weather, EXPLAIN_Q_TARGET_YEAR, &ty) && ty > ly;
	if (t != NULL && t->year > last && t->year - first < DASH_YEARS_MAX &&
	    (t->kind == MODEL_TARGET_VALUE || t->kind == MODEL_TARGET_INTERVAL))
		last = t->year;
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
	series[ns++] = (struct chart_series){ dash_pick(ctx, hs->region != NULL ?
	    hs->region->name_de : NULL, hs->region != NULL ? hs->region->name_en :
	    NULL), home, CHART_STROKE_SOLID, 0 };
	if (rs->region != NULL)
		series[ns++] = (struct chart_series){ dash_pick(ctx,
		    rs->region->name_de, rs->region->name_en), ref,
		    CHART_STROKE_SOLID, 1 };
	if (projection)
		series[ns++] = (struct chart_series){ page_text(ctx,
		    "Projection (DNS)"), proj, CHART_STROKE_DASHED, 0 };
	c.series = series;
	c.n_series = ns;
	memset(&target, 0, sizeof(target));
	target.label = page_text(ctx, "Target");
	if (t != NULL && t->kind == MODEL_TARGET_VALUE && t->year >= first &&
	    t->year <= last && t->has_value) {
		target.kind = CHART_TARGET_POINT;
		target.category = t->year - first;
		target.value = t->value;
		c.n_targets = 1;
	} else if (t != NULL && t->kind == MODEL_TARGET_EVERY_YEAR &&
	    t->has_value) {
		target.kind = CHART_TARGET_LINE;
		target.value = t->value;
		c.n_targets = 1;
	} else if (t != NULL && t->kind == MODEL_TARGET_INTERVAL && t->has_low &&
	    t->has_high) {
		target.kind = CHART_TARGET_BAND;
		target.low = t->low;
		target.high = t->high;
		c.n_targets = 1;
	}
	c.targets = &target;
	chart_figure(h, &c);
	for (i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(home);
	free(ref);
	free(proj);
}

/* The weather and "Warum?": the sentence the explanation record makes, the
 * numbers it holds, the method and its version. */
static void
dash_indicator_why(struct html *h, const struct page_context *ctx,
    const struct dashboard_indicator *di)
{
	const struct indicator *ind = di->indicator;
	const struct explain *x = &di->weather;
	struct explain_subject subject;
	struct buf b = BUF_INIT;
	char *sentence;
	size_t need, i;

	html_open(h, HTML_SECTION);
	html_attr(h, HTML_ATTR_CLASS, "assessment");
	html_attr(h, HTML_ATTR_ID, "assessment");
	html_element_text(h, HTML_H2, page_text(ctx, "Assessment"));
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "verdict");
	dash_weather(h, ctx, di);
	html_close(h);
	memset(&subject, 0, sizeof(subject));
	subject.name = dash_pick(ctx, ind->title_de, ind->title_en);
	subject.unit = dash_unit(ctx, ind->unit);
	subject.decimals = ind->decimals;
	need = explain_sentence(x, &subject, ctx->lang, NULL, 0);
	sentence = xmalloc(need + 1);
	explain_sentence(x, &subject, ctx->lang, sentence, need + 1);
	html_open(h, HTML_DETAILS);
	html_attr(h, HTML_ATTR_CLASS, "why");
	html_attr(h, HTML_ATTR_ID, "why");
	html_element_text(h, HTML_SUMMARY, page_text(ctx, "Why?"));
	html_element_text(h, HTML_P, sentence);
	if (x->value_count > 0) {
		html_open(h, HTML_TABLE);
		html_attr(h, HTML_ATTR_CLASS, "data numbers");
		html_element_text(h, HTML_CAPTION, page_text(ctx,
		    "The numbers behind the assessment"));
		html_open(h, HTML_TBODY);
		for (i = 0; i < x->value_count; i++) {
			enum explain_quantity q = x->values[i].quantity;
			double v = x->values[i].value;
			const char *label = q < EXPLAIN_Q__MAX &&
			    dash_indicator_quantities[q] != NULL ?
			    page_text(ctx, dash_indicator_quantities[q]) :
			    explain_quantity_names[q];
			html_open(h, HTML_TR);
			html_open(h, HTML_TH);
			html_attr(h, HTML_ATTR_SCOPE, "row");
			html_text(h, label);
			html_close(h);
			buf_reset(&b);
			if (q == EXPLAIN_Q_TARGET_YEAR || q == EXPLAIN_Q_START_YEAR ||
			    q == EXPLAIN_Q_LAST_YEAR)
				buf_printf(&b, "%.0f", v);
			else if (q == EXPLAIN_Q_THRESHOLD_SUN ||
			    q == EXPLAIN_Q_THRESHOLD_CLOUD || q == EXPLAIN_Q_MISS_RATIO)
				format_percent(&b, v * 100.0, 1, ctx->lang);
			else if (q == EXPLAIN_Q_POLARITY || q == EXPLAIN_Q_WINDOW ||
			    q == EXPLAIN_Q_MIN_POINTS || q == EXPLAIN_Q_TARGET_COUNT ||
			    q == EXPLAIN_Q_POINTS_AVAILABLE)
				format_number(&b, v, 0, ctx->lang);
			else
				format_number(&b, v, ind->decimals + 1, ctx->lang);
			html_open(h, HTML_TD);
			html_attr(h, HTML_ATTR_CLASS, "num");
			html_text(h, buf_cstr(&b));
			html_close(h);
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "method");
	html_textf(h, "%s: %s (%s)", page_text(ctx, "Method"),
	    page_text(ctx, "weather symbols of the German Sustainable "
	    "Development Strategy"), x->version != NULL ? x->version : "");
	html_close(h);
	html_close(h);	/* details */
	html_close(h);	/* section */
	free(sentence);
	buf_free(&b);
}

/* The values with their flags, city and reference side by side. */
static void
dash_indicator_data(struct html *h, const struct page_context *ctx,
    const struct dashboard_indicator *di)
{
	const struct dashboard_series *hs = &di->home, *rs = &di->reference;
	struct buf b = BUF_INIT;
	size_t i, j;

	if (hs->count == 0)
		return;
	html_element_text(h, HTML_H2, page_text(ctx, "Data"));
	html_open(h, HTML_TABLE);
	html_attr(h, HTML_ATTR_CLASS, "data values");
	html_element_text(h, HTML_CAPTION, page_text(ctx,
	    "Values with their flags"));
	html_open(h, HTML_THEAD);
	html_open(h, HTML_TR);
	html_open(h, HTML_TH);
	html_attr(h, HTML_ATTR_SCOPE, "col");
	html_text(h, page_text(ctx, "Period"));
	html_close(h);
	html_open(h, HTML_TH);
	html_attr(h, HTML_ATTR_SCOPE, "col");
	html_text(h, dash_pick(ctx, hs->region->name_de, hs->region->name_en));
	html_close(h);
	html_open(h, HTML_TH);
	html_attr(h, HTML_ATTR_SCOPE, "col");
	html_text(h, page_text(ctx, "Flags"));
	html_close(h);
	if (rs->region != NULL) {
		html_open(h, HTML_TH);
		html_attr(h, HTML_ATTR_SCOPE, "col");
		html_text(h, dash_pick(ctx, rs->region->name_de,
		    rs->region->name_en));
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, HTML_TBODY);
	for (i = 0; i < hs->count; i++) {
		html_open(h, HTML_TR);
		buf_reset(&b);
		format_period(&b, &hs->periods[i], ctx->lang);
		html_open(h, HTML_TH);
		html_attr(h, HTML_ATTR_SCOPE, "row");
		html_text(h, buf_cstr(&b));
		html_close(h);
		buf_reset(&b);
		dash_value(&b, ctx, di->indicator, hs->values[i]);
		html_open(h, HTML_TD);
		html_attr(h, HTML_ATTR_CLASS, "num");
		html_text(h, buf_cstr(&b));
		html_close(h);
		html_element_text(h, HTML_TD, hs->flag_texts[i]);
		if (rs->region != NULL) {
			html_open(h, HTML_TD);
			html_attr(h, HTML_ATTR_CLASS, "num");
			for (j = 0; j < rs->count; j++)
				if (period_compare(&rs->periods[j],
				    &hs->periods[i]) == 0)
					break;
			buf_reset(&b);
			if (j < rs->count)
				dash_value(&b, ctx, di->indicator, rs->values[j]);
			else
				buf_puts(&b, "\xe2\x80\x93");
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
	dash_indicator_why(&h, &ctx, di);
	dash_indicator_chart(&h, &ctx, di);
	dash_indicator_data(&h, &ctx, di);
	if (!ctx.static_site) {
		buf_reset(&href);
		buf_puts(&href, ctx.site_root);
		buf_puts(&href, "api/v1/");
		dash_path(&href, "indicators", ind->code);
		buf_puts(&href, "/observations");
		html_open(&h, HTML_P);
		html_attr(&h, HTML_ATTR_CLASS, "downloads");
		html_open(&h, HTML_A);
		html_attr(&h, HTML_ATTR_HREF, buf_cstr(&href));
		html_text(&h, page_text(&ctx, "All observations as JSON"));
		html_close(&h);
		html_close(&h);
	}
	page_end(&h, &ctx);
	page_send(resp, &b);
	buf_free(&href);
	buf_free(&path);
	dashboard_free(&d);
}
