/* The assessment section of an indicator page (see dash.h): the weather,
 * and "Warum?" telling the explanation record in plain words — the
 * sentence, the values read, the numbers and thresholds — for every current
 * target when there are several (METHODS §2.2 E: all must hold, the worst
 * decides); and the other methods' verdicts, each with its sentence. The
 * sentences are the ones `wiall assess` writes (assess_sentence). */
#include "web/dash.h"

#include <string.h>

#include "util/format.h"

/* Labels of the explanation's numbers (English msgids, translated). */
static const char *const dash_why_quantities[EXPLAIN_Q__MAX] = {
	[EXPLAIN_Q_POLARITY] = N_("Polarity"),
	[EXPLAIN_Q_TARGET_VALUE] = N_("Target value"),
	[EXPLAIN_Q_TARGET_YEAR] = N_("Target year"),
	[EXPLAIN_Q_TARGET_COUNT] = N_("Targets combined"),
	[EXPLAIN_Q_WINDOW] = N_("Values in the trend window"),
	[EXPLAIN_Q_MIN_POINTS] = N_("Fewest values needed"),
	[EXPLAIN_Q_POINTS_AVAILABLE] = N_("Values available"),
	[EXPLAIN_Q_START_YEAR] = N_("First year used"),
	[EXPLAIN_Q_START_VALUE] = N_("First value used"),
	[EXPLAIN_Q_LAST_YEAR] = N_("Latest year"),
	[EXPLAIN_Q_LAST_VALUE] = N_("Latest value"),
	[EXPLAIN_Q_PREVIOUS_VALUE] = N_("Value before"),
	[EXPLAIN_Q_REFERENCE_VALUE] = N_("Reference region's value"),
	[EXPLAIN_Q_MEAN_CHANGE] = N_("Mean change per year"),
	[EXPLAIN_Q_LAST_CHANGE] = N_("Last change"),
	[EXPLAIN_Q_PROJECTED_VALUE] = N_("Projected value in the target year"),
	[EXPLAIN_Q_MISS_RATIO] = N_("Share by which the target is missed"),
	[EXPLAIN_Q_GAP] = N_("Gap to the reference region"),
	[EXPLAIN_Q_THRESHOLD_SUN] = N_("Threshold for sun"),
	[EXPLAIN_Q_THRESHOLD_CLOUD] = N_("Threshold for cloud"),
};

static void
dash_why_number(struct buf *out, const struct page_context *ctx,
    const struct indicator *ind, enum explain_quantity q, double v)
{
	switch (q) {
	case EXPLAIN_Q_TARGET_YEAR:
	case EXPLAIN_Q_START_YEAR:
	case EXPLAIN_Q_LAST_YEAR:
		buf_printf(out, "%.0f", v);
		break;
	case EXPLAIN_Q_THRESHOLD_SUN:
	case EXPLAIN_Q_THRESHOLD_CLOUD:
	case EXPLAIN_Q_MISS_RATIO:
		format_percent(out, v * 100.0, 1, ctx->lang);
		break;
	case EXPLAIN_Q_POLARITY:
		buf_puts(out, page_text(ctx, v > 0 ? "Higher is better" : v < 0 ?
		    "Lower is better" : "Closer to the target is better"));
		break;
	case EXPLAIN_Q_WINDOW:
	case EXPLAIN_Q_MIN_POINTS:
	case EXPLAIN_Q_TARGET_COUNT:
	case EXPLAIN_Q_POINTS_AVAILABLE:
		format_number(out, v, 0, ctx->lang);
		break;
	default:
		/* One digit more than the indicator shows: a mean change of
		 * −0,22 would read −0,2 and hide why the projection misses. */
		format_number(out, v, ind->decimals + 1, ctx->lang);
		break;
	}
}

/* A target relative to the reference region (METHODS §2.5) is assessed on
 * the gaps g_t = d·(x_t − ref_t): the values read, the first one used and
 * the mean change are gaps, and their labels say so. */
static bool
dash_why_on_gaps(const struct explain *x)
{
	double gap;

	return explain_get(x, EXPLAIN_Q_GAP, &gap);
}

static const char *
dash_why_label(const struct page_context *ctx, const struct explain *x,
    enum explain_quantity q)
{
	if (dash_why_on_gaps(x) && q == EXPLAIN_Q_START_VALUE)
		return page_text(ctx, "First gap used");
	if (dash_why_on_gaps(x) && q == EXPLAIN_Q_MEAN_CHANGE)
		return page_text(ctx, "Mean change of the gap per year");
	if (q < EXPLAIN_Q__MAX && dash_why_quantities[q] != NULL)
		return page_text(ctx, dash_why_quantities[q]);
	return explain_quantity_names[q];
}

/* The numbers of a record: parameters, observations, intermediate values
 * and thresholds, each labelled. */
static void
dash_why_numbers(struct html *h, const struct page_context *ctx,
    const struct indicator *ind, const struct explain *x)
{
	struct buf b = BUF_INIT;
	size_t i;

	if (x->value_count == 0)
		return;
	html_open(h, HTML_TABLE);
	html_attr(h, HTML_ATTR_CLASS, "data numbers");
	html_element_text(h, HTML_CAPTION, page_text(ctx,
	    "The numbers behind the assessment"));
	html_open(h, HTML_TBODY);
	for (i = 0; i < x->value_count; i++) {
		enum explain_quantity q = x->values[i].quantity;
		const char *label = dash_why_label(ctx, x, q);

		html_open(h, HTML_TR);
		html_open(h, HTML_TH);
		html_attr(h, HTML_ATTR_SCOPE, "row");
		html_text(h, label);
		html_close(h);
		buf_reset(&b);
		dash_why_number(&b, ctx, ind, q, x->values[i].value);
		html_open(h, HTML_TD);
		html_attr(h, HTML_ATTR_CLASS, "num");
		html_text(h, buf_cstr(&b));
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	buf_free(&b);
}

/* The data points the method read, in words: "2019: 7,0 %; 2021: 8,0 %". */
static void
dash_why_points(struct html *h, const struct page_context *ctx,
    const struct indicator *ind, const struct explain *x)
{
	struct buf b = BUF_INIT;
	size_t i;

	if (x->point_count == 0)
		return;
	for (i = 0; i < x->point_count; i++) {
		if (i > 0)
			buf_puts(&b, "; ");
		format_period(&b, &x->points[i].period, ctx->lang);
		buf_puts(&b, ": ");
		dash_value(&b, ctx, ind, x->points[i].value);
	}
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "points");
	html_textf(h, "%s ", page_text(ctx, dash_why_on_gaps(x) ?
	    "Gaps to the reference region read:" : "Values read:"));
	html_text(h, buf_cstr(&b));
	html_close(h);
	buf_free(&b);
}

static void
dash_why_sentence(struct html *h, const struct page_context *ctx,
    const struct assess_result *r, const struct explain *x)
{
	struct buf b = BUF_INIT;

	dash_sentence(&b, ctx, r, x);
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "sentence");
	html_text(h, buf_cstr(&b));
	html_close(h);
	buf_free(&b);
}

/* What a target asks, in words; the polarity's direction when implied. */
static void
dash_why_target_words(struct buf *out, const struct page_context *ctx,
    const struct dashboard *d, const struct indicator *ind,
    const struct assess_target *t)
{
	if (t->version != NULL) {
		dash_target_text(out, ctx, d, ind, t->version);
		return;
	}
	buf_puts(out, page_text(ctx, ind->polarity > 0 ?
	    "no target: rising is better" : ind->polarity < 0 ?
	    "no target: falling is better" :
	    "no target and no desired direction"));
}

/* Several targets: one record each, the deciding one marked. */
static void
dash_why_targets(struct html *h, const struct page_context *ctx,
    const struct dashboard *d, const struct dashboard_indicator *di)
{
	const struct assess_result *r = di->result;
	const struct assess_verdict *v = &r->verdicts[ASSESS_DNS];
	struct buf b = BUF_INIT;
	size_t i;

	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "rule-e");
	html_textf(h, page_text(ctx, "%zu targets apply. All of them must be "
	    "met, so the worst result counts (rule E of the method)."),
	    r->target_count);
	html_close(h);
	html_open(h, HTML_OL);
	html_attr(h, HTML_ATTR_CLASS, "targets");
	for (i = 0; i < r->target_count; i++) {
		const struct assess_target *t = &r->targets[i];
		const struct explain *x = &t->records[ASSESS_DNS];

		html_open(h, HTML_LI);
		html_attr(h, HTML_ATTR_CLASS, i == v->deciding ?
		    "target-record deciding" : "target-record");
		html_open(h, HTML_H3);
		buf_reset(&b);
		dash_why_target_words(&b, ctx, d, di->indicator, t);
		html_textf(h, "%s: %s", page_text(ctx, "Target"), buf_cstr(&b));
		html_close(h);
		html_open(h, HTML_P);
		html_attr(h, HTML_ATTR_CLASS, "verdict");
		dash_verdict(h, ctx, x);
		if (i == v->deciding) {
			html_open(h, HTML_STRONG);
			html_attr(h, HTML_ATTR_CLASS, "decides");
			html_textf(h, " \xe2\x80\x93 %s", page_text(ctx,
			    "this target decides"));
			html_close(h);
		}
		html_close(h);
		dash_why_sentence(h, ctx, r, x);
		dash_why_points(h, ctx, di->indicator, x);
		dash_why_numbers(h, ctx, di->indicator, x);
		html_close(h);
	}
	html_close(h);
	buf_free(&b);
}

void
dash_other_methods(struct html *h, const struct page_context *ctx,
    const struct dashboard_indicator *di)
{
	static const struct {
		enum assess_method	 method;
		const char		*name;
	} others[] = {
		{ ASSESS_EUROSTAT,
		    N_("Eurostat progress category (short term, 5 years)") },
		{ ASSESS_OPENSDG, N_("Open SDG progress status and score") },
	};
	const struct assess_result *r = di->result;
	size_t i;

	if (r == NULL)
		return;
	html_open(h, HTML_SECTION);
	html_attr(h, HTML_ATTR_CLASS, "other-methods");
	html_attr(h, HTML_ATTR_ARIA_LABELLEDBY, "other-methods");
	html_open(h, HTML_H2);
	html_attr(h, HTML_ATTR_ID, "other-methods");
	html_text(h, page_text(ctx, "Other methods"));
	html_close(h);
	html_element_text(h, HTML_P, page_text(ctx, "The same values, read by "
	    "the methods of Eurostat and of the Open SDG platform. They judge "
	    "the growth rate rather than the weather symbol's projection, so "
	    "they may differ."));
	html_open(h, HTML_DL);
	for (i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		const struct explain *x = &r->verdicts[others[i].method].combined;

		if (!r->ran[others[i].method])
			continue;
		html_element_text(h, HTML_DT, page_text(ctx, others[i].name));
		html_open(h, HTML_DD);
		html_open(h, HTML_P);
		html_attr(h, HTML_ATTR_CLASS, "verdict");
		dash_verdict(h, ctx, x);
		html_close(h);
		dash_why_sentence(h, ctx, r, x);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

void
dash_why(struct html *h, const struct page_context *ctx,
    const struct dashboard *d, const struct dashboard_indicator *di)
{
	const struct assess_result *r = di->result;
	const struct explain *x = dashboard_verdict(di);
	struct buf value = BUF_INIT, period = BUF_INIT;

	html_open(h, HTML_SECTION);
	html_attr(h, HTML_ATTR_CLASS, "assessment");
	html_attr(h, HTML_ATTR_ID, "assessment");
	html_element_text(h, HTML_H2, page_text(ctx, "Assessment"));
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "verdict");
	dash_weather(h, ctx, di);
	html_close(h);
	if (r == NULL) {
		html_element_text(h, HTML_P, page_text(ctx,
		    "There is no city in the catalogue to assess."));
		html_close(h);
		return;
	}
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "latest");
	if (dash_latest(&value, &period, ctx, di))
		html_textf(h, "%s %s (%s) \xc2\xb7 ", page_text(ctx,
		    "Latest value:"), buf_cstr(&value), buf_cstr(&period));
	html_textf(h, "%s ", page_text(ctx, "Trend:"));
	dash_trend(h, ctx, di);
	html_close(h);
	html_open(h, HTML_DETAILS);
	html_attr(h, HTML_ATTR_CLASS, "why");
	html_attr(h, HTML_ATTR_ID, "why");
	html_element_text(h, HTML_SUMMARY, page_text(ctx, "Why?"));
	dash_why_sentence(h, ctx, r, x);
	if (r->target_count > 1) {
		dash_why_targets(h, ctx, d, di);
	} else {
		if (r->targets[0].version == NULL) {
			buf_reset(&value);
			dash_why_target_words(&value, ctx, d, di->indicator,
			    &r->targets[0]);
			html_open(h, HTML_P);
			html_attr(h, HTML_ATTR_CLASS, "implied");
			html_text(h, buf_cstr(&value));
			html_text(h, ".");
			html_close(h);
		}
		dash_why_points(h, ctx, di->indicator, x);
		dash_why_numbers(h, ctx, di->indicator, x);
	}
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "method");
	html_textf(h, "%s: %s (%s)", page_text(ctx, "Method"),
	    page_text(ctx, "weather symbols of the German Sustainable "
	    "Development Strategy"), x->version != NULL ? x->version : "");
	html_close(h);
	html_close(h);	/* details */
	html_close(h);	/* section */
	buf_free(&value);
	buf_free(&period);
}
