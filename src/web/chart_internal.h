/* Shared by the chart files (chart.c, chart_frame.c, chart_plot.c,
 * chart_diverging.c); not for other modules. Nothing here allocates beyond a
 * call: every function writes into the caller's html or buf. */
#ifndef WIALL_WEB_CHART_INTERNAL_H
#define WIALL_WEB_CHART_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "web/axis.h"
#include "web/chart.h"
#include "web/svg.h"

#define CHART_FONT		12.0
#define CHART_SMALL_FONT	11.0
#define CHART_MARKER		7.0
#define CHART_INK		"#1f2937"	/* 14.7:1 on white */
#define CHART_GRID		"#d9dde3"
#define CHART_POSITIVE		"#1b5e9e"
#define CHART_NEGATIVE		"#b35c00"

/* The plot area and its value scale. */
struct chart_frame {
	double			left, top, right, bottom;
	struct axis_ticks	ticks;
};

/* chart.c: colours, texts and the data's range. */
const char *chart_tone(const struct chart *c, size_t s);
enum svg_marker	chart_marker(size_t s);
double	chart_text_width(const char *s, double size);
const char *chart_category(const struct chart *c, size_t i);
void	chart_point_tooltip(struct buf *out, const struct chart *c, size_t s,
	    size_t i, double v);
bool	chart_stack_complete(const struct chart *c, size_t i);
int	chart_data_range(const struct chart *c, double *lo, double *hi);
int	chart_scale(const struct chart *c, int wanted, struct axis_ticks *t);
void	chart_target_text(struct buf *out, const struct chart *c,
	    const struct chart_target *t);

/* chart_frame.c: scales, axes, legend, targets. */
double	chart_frame_y(const struct chart_frame *f, double v);
double	chart_frame_x_value(const struct chart_frame *f, double v);
double	chart_frame_x(const struct chart_frame *f, const struct chart *c,
	    double i);
void	chart_frame_tick_label(struct buf *out, const struct chart *c,
	    const struct axis_ticks *t, int i);
double	chart_frame_tick_label_width(const struct chart *c,
	    const struct axis_ticks *t);
double	chart_frame_legend(struct html *h, const struct chart *c, double x0,
	    double y0, double width);
void	chart_frame_value_axis(struct html *h, const struct chart *c,
	    const struct chart_frame *f);
double	chart_frame_category_label_width(const struct chart *c);
void	chart_frame_category_axis(struct html *h, const struct chart *c,
	    const struct chart_frame *f);
void	chart_frame_targets(struct html *h, const struct chart *c,
	    const struct chart_frame *f, bool under);

/* chart_plot.c and chart_diverging.c: one kind each; -1 when the values
 * cannot be scaled. */
int	chart_plot(struct html *h, const struct chart *c);
int	chart_plot_sparkline(struct html *h, const struct chart *c);
int	chart_diverging(struct html *h, const struct chart *c);

#endif
