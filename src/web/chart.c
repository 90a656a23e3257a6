/* Charts (see chart.h): the public entry points, the data table, the
 * description in <desc>, and the helpers every kind shares (colours, value
 * texts, the data's range). Layout in user units: a chart is drawn into a
 * fixed viewBox and scales with the page. Text widths are estimated from the
 * number of characters (0.58 em each), which is enough to keep labels apart;
 * the estimate, not the font, decides the layout, so the output stays stable.
 * The axes and legend are in chart_frame.c, lines/areas/bars/sparklines in
 * chart_plot.c, diverging bars in chart_diverging.c. */
#include "web/chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/format.h"
#include "util/i18n.h"
#include "util/text.h"
#include "web/chart_internal.h"
#include "web/svg.h"

/* Every colour has at least 4.5:1 contrast on white (WCAG 2.1 AA for text,
 * and so above the 3:1 graphics need): blue, orange, green, purple, crimson,
 * teal, olive, grey. Series also differ by marker shape and dash. */
static const char *const chart_palette[] = {
	"#1b5e9e", "#b35c00", "#2e7d32", "#7b3f98", "#a61c3c", "#00796b",
	"#8a6d00", "#5c5c5c"
};
#define CHART_PALETTE_SIZE (sizeof(chart_palette) / sizeof(chart_palette[0]))

static const enum svg_marker chart_markers[] = {
	SVG_MARKER_CIRCLE, SVG_MARKER_SQUARE, SVG_MARKER_TRIANGLE,
	SVG_MARKER_DIAMOND
};

static const char *const chart_kind_names[CHART_KIND__MAX] = {
	"line", "area", "bars", "diverging", "sparkline"
};

void
chart_init(struct chart *c, enum chart_kind kind, const char *id,
    const char *title, const char *lang)
{
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->id = id;
	c->title = title;
	c->lang = lang;
	c->decimals = 1;
	c->value_min = NAN;
	c->value_max = NAN;
}

const char *
chart_tone(const struct chart *c, size_t s)
{
	int t = c->series[s].tone;

	return chart_palette[(t < 0 ? s : (size_t)t) % CHART_PALETTE_SIZE];
}

enum svg_marker
chart_marker(size_t s)
{
	return chart_markers[s % (sizeof(chart_markers) /
	    sizeof(chart_markers[0]))];
}

double
chart_text_width(const char *s, double size)
{
	if (s == NULL)
		return 0.0;
	return (double)text_utf8_chars(s, strlen(s)) * size * 0.58;
}

const char *
chart_category(const struct chart *c, size_t i)
{
	return c->categories != NULL && c->categories[i] != NULL ?
	    c->categories[i] : "";
}

static bool
chart_unit_is_percent(const struct chart *c)
{
	return c->unit != NULL && strcmp(c->unit, "%") == 0;
}

/* A value as the text shows it: "12,5 %" or "1.234 Beschäftigte". */
static void
chart_value_text(struct buf *out, const struct chart *c, double v)
{
	if (chart_unit_is_percent(c)) {
		format_percent(out, v, c->decimals, c->lang);
		return;
	}
	format_number(out, v, c->decimals, c->lang);
	if (isfinite(v) && c->unit != NULL && c->unit[0] != '\0') {
		buf_puts(out, "\xc2\xa0");
		buf_puts(out, c->unit);
	}
}

/* The tooltip of a data point: "Bottrop, 2017: 12,5 %". */
void
chart_point_tooltip(struct buf *out, const struct chart *c, size_t s,
    size_t i, double v)
{
	buf_reset(out);
	if (c->series[s].label != NULL) {
		buf_puts(out, c->series[s].label);
		buf_puts(out, ", ");
	}
	buf_puts(out, chart_category(c, i));
	buf_puts(out, ": ");
	chart_value_text(out, c, v);
}

static bool
chart_is_stacked(const struct chart *c)
{
	return c->kind == CHART_AREA_STACKED;
}

/* A category of a stacked area is drawn only when every series has a value
 * there: a missing value is not 0, so the stack has a gap. */
bool
chart_stack_complete(const struct chart *c, size_t i)
{
	size_t s;

	for (s = 0; s < c->n_series; s++)
		if (!isfinite(c->series[s].values[i]))
			return false;
	return c->n_series > 0;
}

/* The data's range, targets included. Returns -1 when no value is finite. */
int
chart_data_range(const struct chart *c, double *lo, double *hi)
{
	bool any = false;
	size_t s, i;

	*lo = INFINITY;
	*hi = -INFINITY;
#define CHART_SEE(v) do { double v_ = (v); if (isfinite(v_)) { \
	any = true; if (v_ < *lo) *lo = v_; if (v_ > *hi) *hi = v_; } } while (0)
	if (chart_is_stacked(c)) {
		for (i = 0; i < c->n_categories; i++) {
			double sum = 0.0;
			if (!chart_stack_complete(c, i))
				continue;
			for (s = 0; s < c->n_series; s++)
				sum += c->series[s].values[i];
			CHART_SEE(sum);
			CHART_SEE(0.0);
		}
	} else {
		for (s = 0; s < c->n_series; s++)
			for (i = 0; i < c->n_categories; i++)
				CHART_SEE(c->series[s].values[i]);
	}
	if (!any)
		return -1;
	if (c->kind != CHART_SPARKLINE) {
		for (i = 0; i < c->n_targets; i++) {
			const struct chart_target *t = &c->targets[i];
			if (t->kind == CHART_TARGET_BAND) {
				CHART_SEE(t->low);
				CHART_SEE(t->high);
			} else
				CHART_SEE(t->value);
		}
	}
	if (c->zero_based || c->kind == CHART_BARS)
		CHART_SEE(0.0);
	if (c->kind == CHART_BARS_DIVERGING ||
	    (c->kind == CHART_LINE && isfinite(c->baseline) &&
	    c->baseline != 0.0))
		CHART_SEE(isfinite(c->baseline) ? c->baseline : 0.0);
#undef CHART_SEE
	return 0;
}

static int
chart_check(const struct chart *c, struct error *e)
{
	size_t s, i;
	double lo, hi;

	if (c->kind >= CHART_KIND__MAX)
		return error_set(e, "unknown chart kind");
	if (c->n_categories == 0 || c->n_series == 0)
		return error_set(e, "%s: no data", c->id);
	for (s = 0; s < c->n_series; s++)
		if (c->series[s].values == NULL)
			return error_set(e, "%s: series %zu has no values",
			    c->id, s + 1);
	if (chart_is_stacked(c))
		for (s = 0; s < c->n_series; s++)
			for (i = 0; i < c->n_categories; i++)
				if (c->series[s].values[i] < 0.0)
					return error_set(e, "%s: a stacked "
					    "area needs values >= 0 (%s, %s)",
					    c->id, c->series[s].label != NULL ?
					    c->series[s].label : "?",
					    chart_category(c, i));
	if (chart_data_range(c, &lo, &hi) == -1)
		return error_set(e, "%s: no value to draw", c->id);
	return 0;
}

int
chart_scale(const struct chart *c, int wanted, struct axis_ticks *t)
{
	double lo, hi;

	if (isfinite(c->value_min) && isfinite(c->value_max)) {
		lo = c->value_min;
		hi = c->value_max;
	} else if (chart_data_range(c, &lo, &hi) == -1)
		return -1;
	return axis_nice_ticks(lo, hi, wanted, t);
}

void
chart_target_text(struct buf *out, const struct chart *c,
    const struct chart_target *t)
{
	buf_reset(out);
	buf_puts(out, t->label != NULL ? t->label : i18n_text(c->lang, "Target"));
	buf_puts(out, ": ");
	if (t->kind == CHART_TARGET_BAND) {
		chart_value_text(out, c, t->low);
		buf_puts(out, " \xe2\x80\x93 ");
		chart_value_text(out, c, t->high);
	} else
		chart_value_text(out, c, t->value);
}

/* "Bottrop: from 12,5 % (2010) to 14,0 % (2023)." for each series, so that
 * the <desc> says what the picture shows. */
static void
chart_describe(struct buf *out, const struct chart *c)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	size_t s, i, first, last, lo, hi;

	for (s = 0; s < c->n_series; s++) {
		const double *v = c->series[s].values;
		const char *label = c->series[s].label != NULL ?
		    c->series[s].label : c->title;

		first = last = lo = hi = c->n_categories;
		for (i = 0; i < c->n_categories; i++) {
			if (!isfinite(v[i]))
				continue;
			if (first == c->n_categories)
				first = i;
			last = i;
			if (lo == c->n_categories || v[i] < v[lo])
				lo = i;
			if (hi == c->n_categories || v[i] > v[hi])
				hi = i;
		}
		if (out->len > 0)
			buf_putc(out, ' ');
		if (first == c->n_categories) {
			buf_printf(out, i18n_text(c->lang, "%s: no values."),
			    label);
			continue;
		}
		buf_reset(&a);
		buf_reset(&b);
		if (c->kind == CHART_BARS || c->kind == CHART_BARS_DIVERGING) {
			chart_value_text(&a, c, v[hi]);
			chart_value_text(&b, c, v[lo]);
			buf_printf(out, i18n_text(c->lang,
			    "%s: highest %s (%s), lowest %s (%s)."), label,
			    buf_cstr(&a), chart_category(c, hi), buf_cstr(&b),
			    chart_category(c, lo));
		} else if (first == last) {
			chart_value_text(&a, c, v[first]);
			buf_printf(out, "%s: %s (%s).", label, buf_cstr(&a),
			    chart_category(c, first));
		} else {
			chart_value_text(&a, c, v[first]);
			chart_value_text(&b, c, v[last]);
			buf_printf(out, i18n_text(c->lang,
			    "%s: from %s (%s) to %s (%s)."), label,
			    buf_cstr(&a), chart_category(c, first),
			    buf_cstr(&b), chart_category(c, last));
		}
	}
	if (c->kind != CHART_SPARKLINE)
		for (i = 0; i < c->n_targets; i++) {
			chart_target_text(&a, c, &c->targets[i]);
			buf_printf(out, " %s.", buf_cstr(&a));
		}
	buf_free(&a);
	buf_free(&b);
}

int
chart_svg(struct html *h, const struct chart *c, struct error *e)
{
	struct chart copy = *c;
	struct buf desc = BUF_INIT;
	int rc;

	if (chart_check(c, e) == -1)
		return -1;
	if (c->desc == NULL) {
		chart_describe(&desc, c);
		copy.desc = buf_cstr(&desc);
	}
	switch (c->kind) {
	case CHART_BARS_DIVERGING:
		rc = chart_diverging(h, &copy);
		break;
	case CHART_SPARKLINE:
		rc = chart_plot_sparkline(h, &copy);
		break;
	default:
		rc = chart_plot(h, &copy);
		break;
	}
	buf_free(&desc);
	if (rc == -1)
		return error_set(e, "%s: the values cannot be scaled", c->id);
	return 0;
}

void
chart_table(struct html *h, const struct chart *c)
{
	struct buf b = BUF_INIT;
	char raw[64];
	size_t s, i;

	html_open(h, HTML_TABLE);
	html_attr(h, HTML_ATTR_CLASS, "data");
	html_attrf(h, HTML_ATTR_ID, "%s-table", c->id);
	html_element_text(h, HTML_CAPTION, c->title);
	html_open(h, HTML_THEAD);
	html_open(h, HTML_TR);
	html_column_head(h, c->category_heading != NULL ? c->category_heading :
	    i18n_text(c->lang, "Period"));
	for (s = 0; s < c->n_series; s++) {
		html_open(h, HTML_TH);
		html_attr(h, HTML_ATTR_SCOPE, "col");
		html_text(h, c->series[s].label != NULL ? c->series[s].label :
		    c->title);
		if (c->unit != NULL && c->unit[0] != '\0')
			html_textf(h, " (%s)", c->unit);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, HTML_TBODY);
	for (i = 0; i < c->n_categories; i++) {
		html_open(h, HTML_TR);
		html_open(h, HTML_TH);
		html_attr(h, HTML_ATTR_SCOPE, "row");
		html_text(h, chart_category(c, i));
		html_close(h);
		for (s = 0; s < c->n_series; s++) {
			double v = c->series[s].values[i];
			html_open(h, HTML_TD);
			if (!isfinite(v)) {
				html_attr(h, HTML_ATTR_CLASS, "num missing");
				html_open(h, HTML_ABBR);
				html_attr(h, HTML_ATTR_TITLE,
				    i18n_text(c->lang, "no value"));
				html_text(h, "\xe2\x80\x93");
				html_close(h);
			} else {
				html_attr(h, HTML_ATTR_CLASS, "num");
				text_format_double(v, raw, sizeof(raw));
				html_attr(h, HTML_ATTR_DATA_VALUE, raw);
				buf_reset(&b);
				format_number(&b, v, c->decimals, c->lang);
				html_text(h, buf_cstr(&b));
			}
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	if (c->n_targets > 0 && c->kind != CHART_SPARKLINE) {
		html_open(h, HTML_TFOOT);
		for (i = 0; i < c->n_targets; i++) {
			const struct chart_target *t = &c->targets[i];
			html_open(h, HTML_TR);
			html_open(h, HTML_TH);
			html_attr(h, HTML_ATTR_SCOPE, "row");
			html_text(h, t->label != NULL ? t->label :
			    i18n_text(c->lang, "Target"));
			html_close(h);
			html_open(h, HTML_TD);
			html_attr(h, HTML_ATTR_CLASS, "num");
			if (c->n_series > 1)
				html_attrf(h, HTML_ATTR_COLSPAN, "%zu",
				    c->n_series);
			buf_reset(&b);
			if (t->kind == CHART_TARGET_BAND) {
				format_number(&b, t->low, c->decimals, c->lang);
				buf_puts(&b, " \xe2\x80\x93 ");
				format_number(&b, t->high, c->decimals, c->lang);
			} else
				format_number(&b, t->value, c->decimals, c->lang);
			html_text(h, buf_cstr(&b));
			html_close(h);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	buf_free(&b);
}

void
chart_figure(struct html *h, const struct chart *c)
{
	struct error e;
	size_t depth = html_depth(h);

	html_open(h, HTML_FIGURE);
	html_attrf(h, HTML_ATTR_CLASS, "chart chart-%s",
	    c->kind < CHART_KIND__MAX ? chart_kind_names[c->kind] : "unknown");
	html_attr(h, HTML_ATTR_ID, c->id);
	html_element_text(h, HTML_FIGCAPTION, c->title);
	if (chart_svg(h, c, &e) == -1) {
		html_open(h, HTML_P);
		html_attr(h, HTML_ATTR_CLASS, "chart-empty");
		html_text(h, i18n_text(c->lang,
		    "There are no values to draw."));
		html_close(h);
	}
	html_open(h, HTML_DETAILS);
	html_attr(h, HTML_ATTR_CLASS, "chart-data");
	html_element_text(h, HTML_SUMMARY, i18n_text(c->lang, "Data table"));
	chart_table(h, c);
	html_close_to(h, depth);
}

void
chart_multiples(struct html *h, const char *id, const char *title,
    const struct chart *panels, size_t n, bool shared_scale)
{
	double lo = INFINITY, hi = -INFINITY, a, b;
	size_t i, depth = html_depth(h);

	if (shared_scale)
		for (i = 0; i < n; i++)
			if (chart_data_range(&panels[i], &a, &b) == 0) {
				lo = fmin(lo, a);
				hi = fmax(hi, b);
			}
	html_open(h, HTML_FIGURE);
	html_attr(h, HTML_ATTR_CLASS, "multiples");
	html_attr(h, HTML_ATTR_ID, id);
	html_element_text(h, HTML_FIGCAPTION, title);
	html_open(h, HTML_DIV);
	html_attr(h, HTML_ATTR_CLASS, "multiples-grid");
	for (i = 0; i < n; i++) {
		struct chart p = panels[i];
		if (shared_scale && isfinite(lo) && isfinite(hi)) {
			p.value_min = lo;
			p.value_max = hi;
		}
		if (p.width <= 0)
			p.width = 300.0;
		if (p.height <= 0)
			p.height = 190.0;
		chart_figure(h, &p);
	}
	html_close_to(h, depth);
}
