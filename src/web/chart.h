/* Charts as self-contained SVG plus a companion data table, written through
 * the escaping writer: line (several series, targets, a dashed projection),
 * stacked area, grouped and diverging bars, sparklines, small multiples.
 * Axes use nice ticks (axis.h) and the UI's number format (util/format.h);
 * every chart carries <title> and <desc>, series differ by marker shape and
 * dash as well as colour, and the same input always gives the same bytes.
 * The caller owns every input; nothing is kept after a call returns. */
#ifndef WIALL_WEB_CHART_H
#define WIALL_WEB_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"
#include "web/html.h"

enum chart_kind {
	CHART_LINE,		/* categories along x (periods), values up y */
	CHART_AREA_STACKED,	/* series stacked bottom-up; values >= 0 */
	CHART_BARS,		/* vertical bars, grouped by category */
	CHART_BARS_DIVERGING,	/* horizontal bars left/right of zero */
	CHART_SPARKLINE,	/* a word-sized line without axes */
	CHART_KIND__MAX
};

enum chart_stroke {
	CHART_STROKE_SOLID,
	CHART_STROKE_DASHED,	/* a projection */
	CHART_STROKE__MAX
};

struct chart_series {
	const char		*label;
	const double		*values;	/* n_categories; NAN = missing */
	enum chart_stroke	 stroke;
	int			 tone;		/* palette index; < 0: by position */
};

enum chart_target_kind {
	CHART_TARGET_POINT,	/* a value in one period: a marker */
	CHART_TARGET_LINE,	/* a value for every period: a horizontal rule */
	CHART_TARGET_BAND,	/* an interval low..high for every period */
	CHART_TARGET_KIND__MAX
};

struct chart_target {
	enum chart_target_kind	 kind;
	double			 category;	/* POINT: index into categories */
	double			 value;		/* POINT, LINE */
	double			 low, high;	/* BAND */
	const char		*label;		/* "Ziel 2025" */
};

struct chart {
	enum chart_kind		 kind;
	const char		*id;		/* unique in the page */
	const char		*title;
	const char		*desc;		/* NULL: generated from the data */
	const char		*lang;		/* "de" or "en" */
	const char		*category_heading; /* the table's first column */
	const char *const	*categories;
	size_t			 n_categories;
	const struct chart_series *series;
	size_t			 n_series;
	const char		*unit;		/* axis and table header; may be NULL */
	int			 decimals;	/* table cells and value labels */
	const struct chart_target *targets;
	size_t			 n_targets;
	double			 width, height;	/* 0: the kind's default */
	bool			 zero_based;	/* the value axis includes 0 */
	double			 value_min, value_max; /* both finite: a fixed
						   range (small multiples) */
};

/* Sets the defaults: values that are not given are NAN (value_min/max). */
void	chart_init(struct chart *c, enum chart_kind kind, const char *id,
	    const char *title, const char *lang);
/* The <svg> alone. Returns -1 (and writes nothing) when there is nothing to
 * draw: no finite value, or a negative value in a stacked area. */
int	chart_svg(struct html *h, const struct chart *c, struct error *e);
/* The data table: one row per category, one column per series, targets in
 * the footer; missing values are marked as such, never as 0. */
void	chart_table(struct html *h, const struct chart *c);
/* <figure>: caption, the SVG (or a sentence saying why there is none), and
 * the table in a <details> that works without JavaScript. */
void	chart_figure(struct html *h, const struct chart *c);
/* Small multiples: one figure holding a small chart per panel; with
 * `shared_scale` every panel gets the same value axis. */
void	chart_multiples(struct html *h, const char *id, const char *title,
	    const struct chart *panels, size_t n, bool shared_scale);

#endif
