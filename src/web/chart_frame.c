/* The frame around a chart's data: the plot area's scales, the value and
 * category axes with their labels, the legend, and the targets drawn as
 * bands, rules and markers. */
#include <math.h>

#include "util/buf.h"
#include "util/format.h"
#include "util/i18n.h"
#include "web/axis.h"
#include "web/chart_internal.h"
#include "web/svg.h"

double
chart_frame_y(const struct chart_frame *f, double v)
{
	return f->bottom - (v - f->ticks.lo) / (f->ticks.hi - f->ticks.lo) *
	    (f->bottom - f->top);
}

double
chart_frame_x_value(const struct chart_frame *f, double v)
{
	return f->left + (v - f->ticks.lo) / (f->ticks.hi - f->ticks.lo) *
	    (f->right - f->left);
}

/* x of category i: points sit on the edges for lines and areas, in the
 * middle of equal bands for bars. */
double
chart_frame_x(const struct chart_frame *f, const struct chart *c, double i)
{
	double w = f->right - f->left;

	if (c->kind == CHART_BARS)
		return f->left + (i + 0.5) * w / (double)c->n_categories;
	if (c->n_categories < 2)
		return f->left + w / 2.0;
	return f->left + i * w / (double)(c->n_categories - 1);
}

void
chart_frame_tick_label(struct buf *out, const struct chart *c,
    const struct axis_ticks *t, int i)
{
	buf_reset(out);
	format_number(out, axis_tick_value(t, i), t->decimals, c->lang);
}

double
chart_frame_tick_label_width(const struct chart *c, const struct axis_ticks *t)
{
	struct buf b = BUF_INIT;
	double w = 0.0, x;
	int i;

	for (i = 0; i < t->count; i++) {
		chart_frame_tick_label(&b, c, t, i);
		x = chart_text_width(buf_cstr(&b), CHART_SMALL_FONT);
		if (x > w)
			w = x;
	}
	buf_free(&b);
	return w;
}

/* Lays the legend out in rows within `width`; draws it when h is not NULL.
 * Returns its height. */
double
chart_frame_legend(struct html *h, const struct chart *c, double x0, double y0,
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

void
chart_frame_value_axis(struct html *h, const struct chart *c,
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
		chart_frame_tick_label(&b, c, &f->ticks, i);
		svg_text(h, f->left - 6.0, y + 4.0, SVG_ANCHOR_END,
		    CHART_SMALL_FONT, NULL, buf_cstr(&b));
	}
	if (c->unit != NULL && c->unit[0] != '\0')
		svg_text(h, f->left - 6.0, f->top - 10.0, SVG_ANCHOR_END,
		    CHART_SMALL_FONT, "unit", c->unit);
	html_close(h);
	buf_free(&b);
}

double
chart_frame_category_label_width(const struct chart *c)
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
void
chart_frame_category_axis(struct html *h, const struct chart *c,
    const struct chart_frame *f)
{
	struct svg_style axis = { "axis-line", NULL, CHART_INK, 1.0, NULL, 0 };
	double w = f->right - f->left, slot;
	double label = chart_frame_category_label_width(c);
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

/* Bands go under the data (`under`), rules and markers over it. */
void
chart_frame_targets(struct html *h, const struct chart *c,
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
