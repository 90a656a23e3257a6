/* What the dashboard's pages share (see dash.h): loading, words for units,
 * values, verdicts, trends and reasons, and links. */
#include "web/dash.h"

#include <string.h>

#include "util/format.h"
#include "util/i18n.h"
#include "util/text.h"

static const char *const dash_weather_icons[EXPLAIN_VERDICT__MAX] = {
	[EXPLAIN_VERDICT_SUN] = "weather-sun.svg",
	[EXPLAIN_VERDICT_SUN_BEHIND_CLOUD] = "weather-sun-cloud.svg",
	[EXPLAIN_VERDICT_CLOUD] = "weather-cloud.svg",
	[EXPLAIN_VERDICT_THUNDERSTORM] = "weather-thunderstorm.svg",
};

int
dash_load(const struct http_request *req, struct http_response *resp,
    const char *only, struct dashboard *d)
{
	struct error e;
	struct db *db = http_database(req, &e);

	if (db == NULL) {
		page_error(req, resp, 503, NULL);
		return -1;
	}
	if (dashboard_load(db, only, NULL, d, &e) == -1) {
		page_error(req, resp, 500, NULL);
		return -1;
	}
	return 0;
}

const char *
dash_pick(const struct page_context *ctx, const char *de, const char *en)
{
	if (format_is_english(ctx->lang) && en != NULL && en[0] != '\0')
		return en;
	return de != NULL ? de : (en != NULL ? en : "");
}

/* As the assessment's sentences say it (assess_unit_label): "%" for
 * percentages, German words through po/de.po; a unit without a German word
 * stays in the catalogue's. */
const char *
dash_unit(const struct page_context *ctx, const char *unit)
{
	const char *label;

	if (unit == NULL)
		return "";
	label = assess_unit_label(unit, ctx->lang);
	return label != NULL ? label : unit;
}

void
dash_value(struct buf *out, const struct page_context *ctx,
    const struct indicator *ind, double v)
{
	const char *unit = dash_unit(ctx, ind->unit);

	if (strcmp(unit, "%") == 0) {
		format_percent(out, v, ind->decimals, ctx->lang);
		return;
	}
	format_number(out, v, ind->decimals, ctx->lang);
	if (unit[0] != '\0') {
		buf_puts(out, "\xc2\xa0");
		buf_puts(out, unit);
	}
}

void
dash_path(struct buf *out, const char *kind, const char *code)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	buf_puts(out, kind);
	buf_putc(out, '/');
	for (p = (const unsigned char *)code; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~')
			buf_putc(out, (char)*p);
		else {
			buf_putc(out, '%');
			buf_putc(out, hex[*p >> 4]);
			buf_putc(out, hex[*p & 15]);
		}
	}
}

void
dash_link(struct html *h, const struct page_context *ctx, const char *kind,
    const char *code, const char *text)
{
	struct buf path = BUF_INIT, href = BUF_INIT;

	dash_path(&path, kind, code);
	page_href(&href, ctx, buf_cstr(&path));
	html_open(h, HTML_A);
	html_attr(h, HTML_ATTR_HREF, buf_cstr(&href));
	html_text(h, text);
	html_close(h);
	buf_free(&path);
	buf_free(&href);
}

void
dash_download_href(struct buf *out, const struct page_context *ctx,
    const char *code, const char *ext)
{
	buf_puts(out, ctx->site_root);
	dash_path(out, "downloads", code);
	buf_printf(out, ".%s", ext);
}

void
dash_verdict(struct html *h, const struct page_context *ctx,
    const struct explain *x)
{
	enum explain_verdict v = x != NULL ? x->verdict : EXPLAIN_VERDICT_NONE;
	struct buf src = BUF_INIT;

	html_open(h, HTML_SPAN);
	if (x == NULL || x->status != EXPLAIN_ASSESSED || v == EXPLAIN_VERDICT_NONE ||
	    v >= EXPLAIN_VERDICT__MAX) {
		html_attr(h, HTML_ATTR_CLASS, "weather weather-none");
		html_text(h, page_text(ctx, "not assessable"));
		html_close(h);
		return;
	}
	if (dash_weather_icons[v] == NULL) {
		/* Eurostat and Open SDG: their words, graded by level. */
		html_attrf(h, HTML_ATTR_CLASS, "verdict-word level-%d",
		    explain_verdict_level(v));
		html_text(h, explain_verdict_label(v, ctx->lang));
		html_close(h);
		return;
	}
	html_attrf(h, HTML_ATTR_CLASS, "weather weather-%s",
	    explain_verdict_names[v]);
	page_asset_href(&src, ctx, dash_weather_icons[v]);
	html_void(h, HTML_IMG);
	html_attr(h, HTML_ATTR_SRC, buf_cstr(&src));
	html_attr(h, HTML_ATTR_ALT, "");
	html_attr(h, HTML_ATTR_WIDTH, "24");
	html_attr(h, HTML_ATTR_HEIGHT, "24");
	html_text(h, explain_verdict_label(v, ctx->lang));
	html_close(h);
	buf_free(&src);
}

void
dash_weather(struct html *h, const struct page_context *ctx,
    const struct dashboard_indicator *di)
{
	dash_verdict(h, ctx, dashboard_verdict(di));
}

void
dash_trend(struct html *h, const struct page_context *ctx,
    const struct dashboard_indicator *di)
{
	static const char *const arrows[ASSESS_DIRECTION__MAX] = {
		[ASSESS_DIRECTION_NONE] = "",
		[ASSESS_DIRECTION_UP] = "\xe2\x86\x91",
		[ASSESS_DIRECTION_FLAT] = "\xe2\x86\x92",
		[ASSESS_DIRECTION_DOWN] = "\xe2\x86\x93",
	};
	static const char *const words[ASSESS_DIRECTION__MAX] = {
		[ASSESS_DIRECTION_NONE] = N_("no trend yet"),
		[ASSESS_DIRECTION_UP] = N_("rising"),
		[ASSESS_DIRECTION_FLAT] = N_("unchanged"),
		[ASSESS_DIRECTION_DOWN] = N_("falling"),
	};
	const struct assess_trend *t = di->result != NULL ? &di->result->trend :
	    NULL;
	enum assess_direction dir = t != NULL && t->direction <
	    ASSESS_DIRECTION__MAX ? t->direction : ASSESS_DIRECTION_NONE;

	html_open(h, HTML_SPAN);
	html_attrf(h, HTML_ATTR_CLASS, "change change-%s%s",
	    assess_direction_names[dir], t == NULL || dir ==
	    ASSESS_DIRECTION_NONE ? "" : t->better > 0 ? " change-better" :
	    t->better < 0 ? " change-worse" : "");
	if (arrows[dir][0] != '\0') {
		html_open(h, HTML_SPAN);
		html_attr(h, HTML_ATTR_ARIA_HIDDEN, "true");
		html_text(h, arrows[dir]);
		html_close(h);
		html_text(h, " ");
	}
	html_text(h, page_text(ctx, words[dir]));
	html_close(h);
}

void
dash_data_value(struct html *h, double v)
{
	char text[40];

	text_format_double(v, text, sizeof(text));
	html_attr(h, HTML_ATTR_DATA_VALUE, text);
}

bool
dash_latest(struct buf *value, struct buf *period,
    const struct page_context *ctx, const struct dashboard_indicator *di)
{
	const struct assess_latest *l = di->result != NULL ?
	    &di->result->latest : NULL;

	if (l == NULL || !l->has)
		return false;
	dash_value(value, ctx, di->indicator, l->value);
	format_period(period, &l->period, ctx->lang);
	return true;
}

void
dash_sentence(struct buf *out, const struct page_context *ctx,
    const struct assess_result *r, const struct explain *x)
{
	char small[512];
	size_t need = assess_sentence(r, x, ctx->lang, small, sizeof(small));

	if (need < sizeof(small)) {
		buf_puts(out, small);
		return;
	}
	buf_reserve(out, need + 1);
	assess_sentence(r, x, ctx->lang, out->data + out->len, need + 1);
	out->len += need;
}

bool
dash_wants_data(const struct explain *x)
{
	if (x == NULL)
		return true;
	switch (x->reason) {
	case EXPLAIN_REASON_EMPTY_SERIES:
	case EXPLAIN_REASON_NOT_ANNUAL:
	case EXPLAIN_REASON_TOO_FEW_POINTS:
	case EXPLAIN_REASON_TOO_FEW_AFTER_BREAK:
	case EXPLAIN_REASON_SPAN_TOO_SHORT:
	case EXPLAIN_REASON_NO_REFERENCE:
	case EXPLAIN_REASON_NO_COMMON_PERIODS:
		return x->status != EXPLAIN_ASSESSED;
	default:
		return false;
	}
}

const char *
dash_reason_short(const struct page_context *ctx, const struct explain *x)
{
	static const char *const reasons[EXPLAIN_REASON__MAX] = {
		[EXPLAIN_REASON_EMPTY_SERIES] = N_("no values yet"),
		[EXPLAIN_REASON_NOT_ANNUAL] = N_("no complete year yet"),
		[EXPLAIN_REASON_TOO_FEW_POINTS] = N_("too few values"),
		[EXPLAIN_REASON_TOO_FEW_AFTER_BREAK] =
		    N_("too few values since the break in the series"),
		[EXPLAIN_REASON_SPAN_TOO_SHORT] = N_("too few years"),
		[EXPLAIN_REASON_NO_POLARITY] = N_("no desired direction set"),
		[EXPLAIN_REASON_NO_TARGET] = N_("no target"),
		[EXPLAIN_REASON_BAD_TARGET] = N_("the target cannot be read"),
		[EXPLAIN_REASON_TARGET_YEAR_PASSED] =
		    N_("the target year has passed"),
		[EXPLAIN_REASON_NO_REFERENCE] =
		    N_("no values of the reference region"),
		[EXPLAIN_REASON_NO_COMMON_PERIODS] =
		    N_("too few years shared with the reference region"),
	};

	if (x == NULL)
		return page_text(ctx, "no values yet");
	if (x->reason < EXPLAIN_REASON__MAX && reasons[x->reason] != NULL)
		return page_text(ctx, reasons[x->reason]);
	return page_text(ctx, "not assessable");
}
