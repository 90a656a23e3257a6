/* Diverging bars: horizontal bars left and right of a baseline (0, or 1 for
 * location quotients), the category labels on the left and each value
 * written at the end of its bar. */
#include <math.h>

#include "util/buf.h"
#include "util/format.h"
#include "web/axis.h"
#include "web/chart_internal.h"
#include "web/svg.h"

/* The value written at the end of a diverging bar: signed around 0, the
 * value itself around another baseline (LQ 0,65). */
static void
chart_diverging_label(struct buf *out, const struct chart *c, double v,
    double base)
{
	buf_reset(out);
	if (base == 0.0)
		format_signed(out, v, c->decimals, c->lang);
	else
		format_number(out, v, c->decimals, c->lang);
}

/* The widest value label on each side of the baseline, so that the plot
 * leaves room for it (a long bar's label must not run into the category
 * labels). */
static void
chart_diverging_label_room(const struct chart *c, double base, double *below,
    double *above)
{
	struct buf b = BUF_INIT;
	size_t s, i;
	double w;

	*below = *above = 0.0;
	for (s = 0; s < c->n_series; s++)
		for (i = 0; i < c->n_categories; i++) {
			double v = c->series[s].values[i];
			if (!isfinite(v))
				continue;
			chart_diverging_label(&b, c, v, base);
			w = chart_text_width(buf_cstr(&b), 10.0) + 6.0;
			if (v < base && w > *below)
				*below = w;
			if (v >= base && w > *above)
				*above = w;
		}
	buf_free(&b);
}

int
chart_diverging(struct html *h, const struct chart *c)
{
	const double bar = c->n_series == 1 ? 18.0 : 12.0, gap = 10.0;
	double row = bar * (double)c->n_series + gap, width, height, label;
	struct svg_style grid = { "grid", NULL, CHART_GRID, 1.0, NULL, 0 };
	struct svg_style zero = { "zero", NULL, CHART_INK, 1.5, NULL, 0 };
	struct chart_frame f;
	struct buf b = BUF_INIT, tip = BUF_INIT;
	double legend, base = isfinite(c->baseline) ? c->baseline : 0.0;
	double below, above;
	size_t s, i;
	int k;

	if (chart_scale(c, 6, &f.ticks) == -1)
		return -1;
	width = c->width > 0 ? c->width : 640.0;
	label = fmin(chart_frame_category_label_width(c), width * 0.4);
	chart_diverging_label_room(c, base, &below, &above);
	f.left = label + 16.0 + below;
	f.right = width - fmax(56.0, above + 8.0);
	legend = chart_frame_legend(NULL, c, f.left, 8.0, f.right - f.left);
	f.top = 12.0 + legend;
	f.bottom = f.top + row * (double)c->n_categories;
	height = c->height > 0 ? c->height : f.bottom + 30.0;
	svg_begin(h, width, height, c->id, c->title, c->desc);
	chart_frame_legend(h, c, f.left, 8.0, f.right - f.left);
	svg_group(h, "axis axis-value");
	for (k = 0; k < f.ticks.count; k++) {
		double v = axis_tick_value(&f.ticks, k);
		double x = chart_frame_x_value(&f, v);
		svg_line(h, x, f.top, x, f.bottom, &grid);
		chart_frame_tick_label(&b, c, &f.ticks, k);
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
		svg_text(h, label + 8.0, y0 + bar * (double)c->n_series / 2.0 +
		    4.0, SVG_ANCHOR_END, CHART_SMALL_FONT, "category",
		    chart_category(c, i));
		for (s = 0; s < c->n_series; s++) {
			double v = c->series[s].values[i], x0, x1, y;
			struct svg_style st = { NULL, NULL, NULL, 0, NULL, 0 };
			y = y0 + (double)s * bar;
			x0 = chart_frame_x_value(&f, base);
			if (!isfinite(v)) {
				svg_text(h, x0 + 4.0, y + bar - 5.0,
				    SVG_ANCHOR_START, CHART_SMALL_FONT,
				    "missing", "\xe2\x80\x93");
				continue;
			}
			x1 = chart_frame_x_value(&f, v);
			if (c->n_series == 1) {
				st.class_name = v >= base ? "positive" :
				    "negative";
				st.fill = v >= base ? CHART_POSITIVE :
				    CHART_NEGATIVE;
			} else {
				st.class_name = "series";
				st.fill = chart_tone(c, s);
			}
			chart_point_tooltip(&tip, c, s, i, v);
			svg_rect(h, fmin(x0, x1), y + 1.0, fabs(x1 - x0),
			    bar - 2.0, &st, buf_cstr(&tip));
			/* The sign is written out: direction and text carry
			 * it, not the colour alone. Around another baseline
			 * the value itself is written (LQ 0,65). */
			chart_diverging_label(&b, c, v, base);
			svg_text(h, v >= base ? x1 + 4.0 : x1 - 4.0,
			    y + bar - 5.0, v >= base ? SVG_ANCHOR_START :
			    SVG_ANCHOR_END, 10.0, "value", buf_cstr(&b));
		}
	}
	html_close(h);
	svg_line(h, chart_frame_x_value(&f, base), f.top,
	    chart_frame_x_value(&f, base), f.bottom, &zero);
	html_close(h);	/* svg */
	buf_free(&b);
	buf_free(&tip);
	return 0;
}
