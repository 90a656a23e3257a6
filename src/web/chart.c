/* Charts (see chart.h). Layout in user units: a chart is drawn into a fixed
 * viewBox and scales with the page. Text widths are estimated from the number
 * of characters (0.58 em each), which is enough to keep labels apart; the
 * estimate, not the font, decides the layout, so the output stays stable. */
#include "web/chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/format.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "web/axis.h"
#include "web/svg.h"

#define CHART_FONT		12.0
#define CHART_SMALL_FONT	11.0
#define CHART_MARKER		7.0
#define CHART_INK		"#1f2937"	/* 14.7:1 on white */
#define CHART_GRID		"#d9dde3"
#define CHART_POSITIVE		"#1b5e9e"
#define CHART_NEGATIVE		"#b35c00"

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

/* The plot area and its value scale. */
struct chart_frame {
	double			left, top, right, bottom;
	struct axis_ticks	ticks;
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

static const char *
chart_tone(const struct chart *c, size_t s)
{
	int t = c->series[s].tone;

	return chart_palette[(t < 0 ? s : (size_t)t) % CHART_PALETTE_SIZE];
}

static enum svg_marker
chart_marker(size_t s)
{
	return chart_markers[s % (sizeof(chart_markers) /
	    sizeof(chart_markers[0]))];
}

static double
chart_text_width(const char *s, double size)
{
	if (s == NULL)
		return 0.0;
	return (double)text_utf8_chars(s, strlen(s)) * size * 0.58;
}

static const char *
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
static void
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
static bool
chart_stack_complete(const struct chart *c, size_t i)
{
	size_t s;

	for (s = 0; s < c->n_series; s++)
		if (!isfinite(c->series[s].values[i]))
			return false;
	return c->n_series > 0;
}

/* The data's range, targets included. Returns -1 when no value is finite. */
static int
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
	if (c->zero_based || c->kind == CHART_BARS ||
	    c->kind == CHART_BARS_DIVERGING)
		CHART_SEE(0.0);
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

static int
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

static double
chart_frame_y(const struct chart_frame *f, double v)
{
	return f->bottom - (v - f->ticks.lo) / (f->ticks.hi - f->ticks.lo) *
	    (f->bottom - f->top);
}

static double
chart_frame_x_value(const struct chart_frame *f, double v)
{
	return f->left + (v - f->ticks.lo) / (f->ticks.hi - f->ticks.lo) *
	    (f->right - f->left);
}

/* x of category i: points sit on the edges for lines and areas, in the
 * middle of equal bands for bars. */
static double
chart_frame_x(const struct chart_frame *f, const struct chart *c, double i)
{
	double w = f->right - f->left;

	if (c->kind == CHART_BARS)
		return f->left + (i + 0.5) * w / (double)c->n_categories;
	if (c->n_categories < 2)
		return f->left + w / 2.0;
	return f->left + i * w / (double)(c->n_categories - 1);
}

static void
chart_tick_label(struct buf *out, const struct chart *c,
    const struct axis_ticks *t, int i)
{
	buf_reset(out);
	format_number(out, axis_tick_value(t, i), t->decimals, c->lang);
}

static double
chart_tick_label_width(const struct chart *c, const struct axis_ticks *t)
{
	struct buf b = BUF_INIT;
	double w = 0.0, x;
	int i;

	for (i = 0; i < t->count; i++) {
		chart_tick_label(&b, c, t, i);
		x = chart_text_width(buf_cstr(&b), CHART_SMALL_FONT);
		if (x > w)
			w = x;
	}
	buf_free(&b);
	return w;
}

/* Lays the legend out in rows within `width`; draws it when h is not NULL.
 * Returns its height. */
static double
chart_legend(struct html *h, const struct chart *c, double x0, double y0,
    double width)
{
	const double swatch = 26.0, gap = 16.0, row = 18.0;
	double x = x0, y = y0;
	size_t s, t, items = c->n_series + c->n_targets;

	if (items < 2 && c->n_targets == 0)
		return 0.0;	/* one series: the caption names it */
	if (h != NULL)
		svg_group(h, "legend");
	for (s = 0; s < items; s++) {
		const char *label;
		double w;

		if (s < c->n_series)
			label = c->series[s].label != NULL ?
			    c->series[s].label : "";
		else {
			t = s - c->n_series;
			label = c->targets[t].label != NULL ?
			    c->targets[t].label :
			    i18n_text(c->lang, "Target");
		}
		w = swatch + 4.0 + chart_text_width(label, CHART_SMALL_FONT);
		if (x > x0 && x + w > x0 + width) {
			x = x0;
			y += row;
		}
		if (h != NULL) {
			double cy = y + row / 2.0;
			if (s >= c->n_series) {
				struct svg_style st = { "legend-target",
				    "#ffffff", CHART_INK, 2.0, NULL, 0 };
				svg_marker(h, SVG_MARKER_DIAMOND,
				    x + swatch / 2.0, cy, 9.0, &st, NULL);
			} else if (c->kind == CHART_LINE) {
				struct svg_style line = { NULL, NULL,
				    chart_tone(c, s), 2.5,
				    c->series[s].stroke == CHART_STROKE_DASHED ?
				    "7 5" : NULL, 0 };
				struct svg_style mark = { NULL,
				    c->series[s].stroke == CHART_STROKE_DASHED ?
				    "#ffffff" : chart_tone(c, s),
				    chart_tone(c, s), 1.5, NULL, 0 };
				svg_line(h, x, cy, x + swatch, cy, &line);
				svg_marker(h, chart_marker(s), x + swatch / 2.0,
				    cy, CHART_MARKER, &mark, NULL);
			} else {
				struct svg_style box = { NULL,
				    chart_tone(c, s), NULL, 0, NULL, 0 };
				svg_rect(h, x + 8.0, cy - 5.0, 10.0, 10.0, &box,
				    NULL);
			}
			svg_text(h, x + swatch + 4.0, cy + 4.0,
			    SVG_ANCHOR_START, CHART_SMALL_FONT, NULL, label);
		}
		x += w + gap;
	}
	if (h != NULL)
		html_close(h);
	return y - y0 + row + 6.0;
}

static void
chart_value_axis(struct html *h, const struct chart *c,
    const struct chart_frame *f)
{
	struct svg_style grid = { "grid", NULL, CHART_GRID, 1.0, NULL, 0 };
	struct svg_style zero = { "zero", NULL, CHART_INK, 1.0, NULL, 0 };
	struct buf b = BUF_INIT;
	int i;

	svg_group(h, "axis axis-value");
	for (i = 0; i < f->ticks.count; i++) {
		double v = axis_tick_value(&f->ticks, i), y = chart_frame_y(f, v);
		svg_line(h, f->left, y, f->right, y,
		    fabs(v) < f->ticks.step * 1e-9 ? &zero : &grid);
		chart_tick_label(&b, c, &f->ticks, i);
		svg_text(h, f->left - 6.0, y + 4.0, SVG_ANCHOR_END,
		    CHART_SMALL_FONT, NULL, buf_cstr(&b));
	}
	if (c->unit != NULL && c->unit[0] != '\0')
		svg_text(h, f->left - 6.0, f->top - 10.0, SVG_ANCHOR_END,
		    CHART_SMALL_FONT, "unit", c->unit);
	html_close(h);
	buf_free(&b);
}

static double
chart_category_label_width(const struct chart *c)
{
	double w = 0.0, x;
	size_t i;

	for (i = 0; i < c->n_categories; i++) {
		x = chart_text_width(chart_category(c, i), CHART_SMALL_FONT);
		if (x > w)
			w = x;
	}
	return w;
}

/* Category labels under the plot; every k-th label when they would touch,
 * counted from the last one, which is the latest period. */
static void
chart_category_axis(struct html *h, const struct chart *c,
    const struct chart_frame *f)
{
	struct svg_style axis = { "axis-line", NULL, CHART_INK, 1.0, NULL, 0 };
	double w = f->right - f->left, slot, label = chart_category_label_width(c);
	size_t n = c->n_categories, step, i;

	slot = c->kind == CHART_BARS || n < 2 ? w / (double)n :
	    w / (double)(n - 1);
	step = (size_t)ceil((label + 8.0) / slot);
	if (step < 1)
		step = 1;
	svg_group(h, "axis axis-category");
	svg_line(h, f->left, f->bottom, f->right, f->bottom, &axis);
	for (i = 0; i < n; i++) {
		double x = chart_frame_x(f, c, (double)i);
		if ((n - 1 - i) % step != 0)
			continue;
		svg_line(h, x, f->bottom, x, f->bottom + 4.0, &axis);
		svg_text(h, x, f->bottom + 17.0, SVG_ANCHOR_MIDDLE,
		    CHART_SMALL_FONT, NULL, chart_category(c, i));
	}
	html_close(h);
}

static void
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

/* Bands go under the data (`under`), rules and markers over it. */
static void
chart_targets(struct html *h, const struct chart *c,
    const struct chart_frame *f, bool under)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < c->n_targets; i++) {
		const struct chart_target *t = &c->targets[i];
		chart_target_text(&b, c, t);
		if (t->kind == CHART_TARGET_BAND && under &&
		    isfinite(t->low) && isfinite(t->high)) {
			struct svg_style st = { "target-band", "#2e7d32", NULL,
			    0, NULL, 0.12 };
			double y1 = chart_frame_y(f, fmax(t->low, t->high));
			double y2 = chart_frame_y(f, fmin(t->low, t->high));
			svg_rect(h, f->left, y1, f->right - f->left, y2 - y1,
			    &st, buf_cstr(&b));
		} else if (t->kind == CHART_TARGET_LINE && !under &&
		    isfinite(t->value)) {
			struct svg_style st = { "target-line", NULL, CHART_INK,
			    1.5, "2 3", 0 };
			double y = chart_frame_y(f, t->value);
			svg_line(h, f->left, y, f->right, y, &st);
			svg_text(h, f->right, y - 5.0, SVG_ANCHOR_END,
			    CHART_SMALL_FONT, "target-label", buf_cstr(&b));
		} else if (t->kind == CHART_TARGET_POINT && !under &&
		    isfinite(t->value) && isfinite(t->category)) {
			struct svg_style st = { "target", "#ffffff", CHART_INK,
			    2.0, NULL, 0 };
			double x = chart_frame_x(f, c, t->category);
			double y = chart_frame_y(f, t->value);
			svg_marker(h, SVG_MARKER_DIAMOND, x, y, 11.0, &st,
			    buf_cstr(&b));
			svg_text(h, x - 10.0, y + 4.0, SVG_ANCHOR_END,
			    CHART_SMALL_FONT, "target-label", buf_cstr(&b));
		}
	}
	buf_free(&b);
}

/* Lines: each run of consecutive values is one polyline, a gap (missing
 * value) breaks it; every value has a marker with a tooltip. */
static void
chart_lines(struct html *h, const struct chart *c, const struct chart_frame *f)
{
	double *xs = xcalloc(c->n_categories, sizeof(*xs));
	double *ys = xcalloc(c->n_categories, sizeof(*ys));
	struct buf tip = BUF_INIT, cls = BUF_INIT;
	size_t s, i, run;

	for (s = 0; s < c->n_series; s++) {
		const double *v = c->series[s].values;
		bool dashed = c->series[s].stroke == CHART_STROKE_DASHED;
		struct svg_style line = { NULL, "none", chart_tone(c, s), 2.5,
		    dashed ? "7 5" : NULL, 0 };
		struct svg_style mark = { NULL, dashed ? "#ffffff" :
		    chart_tone(c, s), chart_tone(c, s), 1.5, NULL, 0 };

		buf_reset(&cls);
		buf_printf(&cls, "series series-%zu%s", s + 1,
		    dashed ? " projection" : "");
		svg_group(h, buf_cstr(&cls));
		run = 0;
		for (i = 0; i <= c->n_categories; i++) {
			if (i < c->n_categories && isfinite(v[i])) {
				xs[run] = chart_frame_x(f, c, (double)i);
				ys[run] = chart_frame_y(f, v[i]);
				run++;
				continue;
			}
			if (run >= 2)
				svg_polyline(h, xs, ys, run, &line);
			run = 0;
		}
		if (c->n_categories <= 60)
			for (i = 0; i < c->n_categories; i++) {
				if (!isfinite(v[i]))
					continue;
				chart_point_tooltip(&tip, c, s, i, v[i]);
				svg_marker(h, chart_marker(s),
				    chart_frame_x(f, c, (double)i),
				    chart_frame_y(f, v[i]), CHART_MARKER, &mark,
				    buf_cstr(&tip));
			}
		html_close(h);
	}
	buf_free(&tip);
	buf_free(&cls);
	free(xs);
	free(ys);
}

/* Stacked areas: series s fills between the running sums before and after
 * it; a category where any series is missing breaks every band. */
static void
chart_areas(struct html *h, const struct chart *c, const struct chart_frame *f)
{
	double *base = xcalloc(c->n_categories, sizeof(*base));
	double *top = xcalloc(c->n_categories, sizeof(*top));
	struct buf d = BUF_INIT, cls = BUF_INIT, tip = BUF_INIT;
	size_t s, i, a, b;

	for (s = 0; s < c->n_series; s++) {
		struct svg_style st = { NULL, chart_tone(c, s), "#ffffff", 1.0,
		    NULL, 0.9 };

		for (i = 0; i < c->n_categories; i++)
			top[i] = base[i] + (chart_stack_complete(c, i) ?
			    c->series[s].values[i] : 0.0);
		buf_reset(&cls);
		buf_printf(&cls, "series series-%zu", s + 1);
		st.class_name = buf_cstr(&cls);
		buf_reset(&d);
		for (a = 0; a < c->n_categories; a = b + 1) {
			while (a < c->n_categories && !chart_stack_complete(c, a))
				a++;
			if (a == c->n_categories)
				break;
			for (b = a; b + 1 < c->n_categories &&
			    chart_stack_complete(c, b + 1); b++)
				;
			if (a == b) {
				/* One period alone: a narrow column. */
				double x = chart_frame_x(f, c, (double)a);
				svg_path_move(&d, x - 3.0, chart_frame_y(f, top[a]));
				svg_path_line(&d, x + 3.0, chart_frame_y(f, top[a]));
				svg_path_line(&d, x + 3.0, chart_frame_y(f, base[a]));
				svg_path_line(&d, x - 3.0, chart_frame_y(f, base[a]));
			} else {
				for (i = a; i <= b; i++) {
					double x = chart_frame_x(f, c, (double)i);
					if (i == a)
						svg_path_move(&d, x,
						    chart_frame_y(f, top[i]));
					else
						svg_path_line(&d, x,
						    chart_frame_y(f, top[i]));
				}
				for (i = b + 1; i-- > a;)
					svg_path_line(&d,
					    chart_frame_x(f, c, (double)i),
					    chart_frame_y(f, base[i]));
			}
			svg_path_close(&d);
		}
		if (d.len > 0) {
			html_open(h, HTML_PATH);
			html_attr(h, HTML_ATTR_D, d.data);
			html_attr(h, HTML_ATTR_CLASS, st.class_name);
			html_attr(h, HTML_ATTR_FILL, st.fill);
			html_attr(h, HTML_ATTR_FILL_OPACITY, "0.90");
			html_attr(h, HTML_ATTR_STROKE, st.stroke);
			html_attr(h, HTML_ATTR_STROKE_WIDTH, "1");
			buf_reset(&tip);
			buf_puts(&tip, c->series[s].label != NULL ?
			    c->series[s].label : "");
			html_element_text(h, HTML_TITLE, buf_cstr(&tip));
			html_close(h);
		}
		memcpy(base, top, c->n_categories * sizeof(*base));
	}
	buf_free(&d);
	buf_free(&cls);
	buf_free(&tip);
	free(base);
	free(top);
}

static void
chart_bars(struct html *h, const struct chart *c, const struct chart_frame *f)
{
	double band = (f->right - f->left) / (double)c->n_categories;
	double inner = band * 0.76, bw = inner / (double)c->n_series;
	double zero = chart_frame_y(f, fmin(fmax(0.0, f->ticks.lo),
	    f->ticks.hi));
	bool labels = c->n_series * c->n_categories <= 24 && bw >= 16.0;
	struct buf tip = BUF_INIT, cls = BUF_INIT, val = BUF_INIT;
	size_t s, i;

	for (s = 0; s < c->n_series; s++) {
		struct svg_style st = { NULL, chart_tone(c, s), NULL, 0, NULL,
		    0 };
		buf_reset(&cls);
		buf_printf(&cls, "series series-%zu", s + 1);
		svg_group(h, buf_cstr(&cls));
		for (i = 0; i < c->n_categories; i++) {
			double v = c->series[s].values[i], x, y;
			x = f->left + (double)i * band + (band - inner) / 2.0 +
			    (double)s * bw;
			if (!isfinite(v)) {
				svg_text(h, x + bw / 2.0, zero - 4.0,
				    SVG_ANCHOR_MIDDLE, CHART_SMALL_FONT,
				    "missing", "\xe2\x80\x93");
				continue;
			}
			y = chart_frame_y(f, v);
			chart_point_tooltip(&tip, c, s, i, v);
			svg_rect(h, x + 0.5, fmin(y, zero), bw - 1.0,
			    fabs(zero - y), &st, buf_cstr(&tip));
			if (labels) {
				buf_reset(&val);
				format_number(&val, v, c->decimals, c->lang);
				svg_text(h, x + bw / 2.0, v >= 0 ? y - 4.0 :
				    y + 13.0, SVG_ANCHOR_MIDDLE, 10.0,
				    "value", buf_cstr(&val));
			}
		}
		html_close(h);
	}
	buf_free(&tip);
	buf_free(&cls);
	buf_free(&val);
}

static int
chart_svg_diverging(struct html *h, const struct chart *c)
{
	const double bar = c->n_series == 1 ? 18.0 : 12.0, gap = 10.0;
	double row = bar * (double)c->n_series + gap, width, height, label;
	struct svg_style grid = { "grid", NULL, CHART_GRID, 1.0, NULL, 0 };
	struct svg_style zero = { "zero", NULL, CHART_INK, 1.5, NULL, 0 };
	struct chart_frame f;
	struct buf b = BUF_INIT, tip = BUF_INIT;
	double legend;
	size_t s, i;
	int k;

	if (chart_scale(c, 6, &f.ticks) == -1)
		return -1;
	width = c->width > 0 ? c->width : 640.0;
	label = fmin(chart_category_label_width(c), width * 0.4);
	f.left = label + 16.0;
	f.right = width - 56.0;
	legend = chart_legend(NULL, c, f.left, 8.0, f.right - f.left);
	f.top = 12.0 + legend;
	f.bottom = f.top + row * (double)c->n_categories;
	height = c->height > 0 ? c->height : f.bottom + 30.0;
	svg_begin(h, width, height, c->id, c->title, c->desc);
	chart_legend(h, c, f.left, 8.0, f.right - f.left);
	svg_group(h, "axis axis-value");
	for (k = 0; k < f.ticks.count; k++) {
		double v = axis_tick_value(&f.ticks, k);
		double x = chart_frame_x_value(&f, v);
		svg_line(h, x, f.top, x, f.bottom, &grid);
		chart_tick_label(&b, c, &f.ticks, k);
		svg_text(h, x, f.bottom + 17.0, SVG_ANCHOR_MIDDLE,
		    CHART_SMALL_FONT, NULL, buf_cstr(&b));
	}
	if (c->unit != NULL && c->unit[0] != '\0')
		svg_text(h, f.right, f.bottom + 17.0 + 12.0, SVG_ANCHOR_END,
		    CHART_SMALL_FONT, "unit", c->unit);
	html_close(h);
	svg_group(h, "bars");
	for (i = 0; i < c->n_categories; i++) {
		double y0 = f.top + (double)i * row + gap / 2.0;
		svg_text(h, f.left - 8.0, y0 + bar * (double)c->n_series / 2.0 +
		    4.0, SVG_ANCHOR_END, CHART_SMALL_FONT, "category",
		    chart_category(c, i));
		for (s = 0; s < c->n_series; s++) {
			double v = c->series[s].values[i], x0, x1, y;
			struct svg_style st = { NULL, NULL, NULL, 0, NULL, 0 };
			y = y0 + (double)s * bar;
			x0 = chart_frame_x_value(&f, 0.0);
			if (!isfinite(v)) {
				svg_text(h, x0 + 4.0, y + bar - 5.0,
				    SVG_ANCHOR_START, CHART_SMALL_FONT,
				    "missing", "\xe2\x80\x93");
				continue;
			}
			x1 = chart_frame_x_value(&f, v);
			if (c->n_series == 1) {
				st.class_name = v >= 0 ? "positive" : "negative";
				st.fill = v >= 0 ? CHART_POSITIVE : CHART_NEGATIVE;
			} else {
				st.class_name = "series";
				st.fill = chart_tone(c, s);
			}
			chart_point_tooltip(&tip, c, s, i, v);
			svg_rect(h, fmin(x0, x1), y + 1.0, fabs(x1 - x0),
			    bar - 2.0, &st, buf_cstr(&tip));
			/* The sign is written out: direction and text carry
			 * it, not the colour alone. */
			buf_reset(&b);
			format_signed(&b, v, c->decimals, c->lang);
			svg_text(h, v >= 0 ? x1 + 4.0 : x1 - 4.0, y + bar - 5.0,
			    v >= 0 ? SVG_ANCHOR_START : SVG_ANCHOR_END, 10.0,
			    "value", buf_cstr(&b));
		}
	}
	html_close(h);
	svg_line(h, chart_frame_x_value(&f, 0.0), f.top,
	    chart_frame_x_value(&f, 0.0), f.bottom, &zero);
	html_close(h);	/* svg */
	buf_free(&b);
	buf_free(&tip);
	return 0;
}

static int
chart_svg_sparkline(struct html *h, const struct chart *c)
{
	double width = c->width > 0 ? c->width : 120.0;
	double height = c->height > 0 ? c->height : 32.0;
	struct chart_frame f;
	double lo, hi, *xs, *ys;
	const double *v = c->series[0].values;
	size_t i, run = 0, last = c->n_categories;
	struct svg_style line = { "series series-1", "none", chart_tone(c, 0),
	    1.5, NULL, 0 };
	struct svg_style dot = { "last", chart_tone(c, 0), NULL, 0, NULL, 0 };

	if (isfinite(c->value_min) && isfinite(c->value_max)) {
		lo = c->value_min;
		hi = c->value_max;
	} else if (chart_data_range(c, &lo, &hi) == -1)
		return -1;
	if (lo == hi) {
		lo -= 1.0;
		hi += 1.0;
	}
	f.left = 3.0;
	f.right = width - 3.0;
	f.top = 3.0;
	f.bottom = height - 3.0;
	f.ticks.lo = lo;
	f.ticks.hi = hi;
	xs = xcalloc(c->n_categories, sizeof(*xs));
	ys = xcalloc(c->n_categories, sizeof(*ys));
	svg_begin(h, width, height, c->id, c->title, c->desc);
	for (i = 0; i <= c->n_categories; i++) {
		if (i < c->n_categories && isfinite(v[i])) {
			xs[run] = chart_frame_x(&f, c, (double)i);
			ys[run] = chart_frame_y(&f, v[i]);
			run++;
			last = i;
			continue;
		}
		if (run >= 2)
			svg_polyline(h, xs, ys, run, &line);
		run = 0;
	}
	if (last < c->n_categories)
		svg_circle(h, chart_frame_x(&f, c, (double)last),
		    chart_frame_y(&f, v[last]), 2.5, &dot);
	html_close(h);
	free(xs);
	free(ys);
	return 0;
}

static int
chart_svg_plot(struct html *h, const struct chart *c)
{
	double width = c->width > 0 ? c->width : 640.0;
	double height = c->height > 0 ? c->height : 300.0;
	double legend, label, first_half, last_half;
	struct chart_frame f;
	int wanted = height < 220.0 ? 4 : 6;

	if (chart_scale(c, wanted, &f.ticks) == -1)
		return -1;
	label = chart_tick_label_width(c, &f.ticks);
	f.left = fmax(label + 12.0, chart_text_width(c->unit,
	    CHART_SMALL_FONT) + 6.0);
	/* Room for the first and last category label, centred on its point. */
	first_half = c->kind == CHART_BARS ? 0.0 :
	    chart_text_width(chart_category(c, 0), CHART_SMALL_FONT) / 2.0;
	last_half = c->kind == CHART_BARS ? 0.0 :
	    chart_text_width(chart_category(c, c->n_categories - 1),
	    CHART_SMALL_FONT) / 2.0;
	f.left = fmax(f.left, first_half + 4.0);
	f.right = width - fmax(16.0, last_half + 4.0);
	legend = chart_legend(NULL, c, 8.0, 6.0, width - 16.0);
	f.top = 6.0 + legend + 18.0;
	f.bottom = height - 28.0;
	if (f.bottom - f.top < 40.0)
		f.bottom = f.top + 40.0;

	svg_begin(h, width, height, c->id, c->title, c->desc);
	chart_legend(h, c, 8.0, 6.0, width - 16.0);
	chart_value_axis(h, c, &f);
	chart_targets(h, c, &f, true);
	switch (c->kind) {
	case CHART_AREA_STACKED:
		chart_areas(h, c, &f);
		break;
	case CHART_BARS:
		chart_bars(h, c, &f);
		break;
	default:
		chart_lines(h, c, &f);
		break;
	}
	chart_category_axis(h, c, &f);
	chart_targets(h, c, &f, false);
	html_close(h);	/* svg */
	return 0;
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
		rc = chart_svg_diverging(h, &copy);
		break;
	case CHART_SPARKLINE:
		rc = chart_svg_sparkline(h, &copy);
		break;
	default:
		rc = chart_svg_plot(h, &copy);
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
	html_open(h, HTML_TH);
	html_attr(h, HTML_ATTR_SCOPE, "col");
	html_text(h, c->category_heading != NULL ? c->category_heading :
	    i18n_text(c->lang, "Period"));
	html_close(h);
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
