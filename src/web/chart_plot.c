/* The data of a chart in a frame with axes: lines (a gap breaks a line),
 * stacked areas, grouped bars; and the sparkline, a word-sized line without
 * axes. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/format.h"
#include "util/xalloc.h"
#include "web/chart_internal.h"
#include "web/svg.h"

/* Lines: each run of consecutive values is one polyline, a gap (missing
 * value) breaks it; every value has a marker with a tooltip. */
static void
chart_plot_lines(struct html *h, const struct chart *c,
    const struct chart_frame *f)
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
chart_plot_areas(struct html *h, const struct chart *c,
    const struct chart_frame *f)
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
chart_plot_bars(struct html *h, const struct chart *c,
    const struct chart_frame *f)
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

int
chart_plot(struct html *h, const struct chart *c)
{
	double width = c->width > 0 ? c->width : 640.0;
	double height = c->height > 0 ? c->height : 300.0;
	double legend, label, first_half, last_half;
	struct chart_frame f;
	int wanted = height < 220.0 ? 4 : 6;

	if (chart_scale(c, wanted, &f.ticks) == -1)
		return -1;
	label = chart_frame_tick_label_width(c, &f.ticks);
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
	legend = chart_frame_legend(NULL, c, 8.0, 6.0, width - 16.0);
	f.top = 6.0 + legend + 18.0;
	f.bottom = height - 28.0;
	if (f.bottom - f.top < 40.0)
		f.bottom = f.top + 40.0;

	svg_begin(h, width, height, c->id, c->title, c->desc);
	chart_frame_legend(h, c, 8.0, 6.0, width - 16.0);
	chart_frame_value_axis(h, c, &f);
	if (c->kind == CHART_LINE && isfinite(c->baseline) &&
	    c->baseline != 0.0) {
		/* A reference level drawn like the zero line (LQ = 1). */
		struct svg_style rule = { "baseline", NULL, CHART_INK, 1.5,
		    NULL, 0 };
		double y = chart_frame_y(&f, c->baseline);
		svg_line(h, f.left, y, f.right, y, &rule);
	}
	chart_frame_targets(h, c, &f, true);
	switch (c->kind) {
	case CHART_AREA_STACKED:
		chart_plot_areas(h, c, &f);
		break;
	case CHART_BARS:
		chart_plot_bars(h, c, &f);
		break;
	default:
		chart_plot_lines(h, c, &f);
		break;
	}
	chart_frame_category_axis(h, c, &f);
	chart_frame_targets(h, c, &f, false);
	html_close(h);	/* svg */
	return 0;
}

int
chart_plot_sparkline(struct html *h, const struct chart *c)
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
