/* SVG shapes written through the escaping HTML writer (html.h): coordinates
 * are formatted with at most two decimals and '.', so that the same input
 * always gives the same bytes. Styles are presentation attributes plus a
 * class: a stylesheet may restyle, and without one (a PDF renderer, a file
 * opened alone) the attributes still draw the chart. No memory is handed out. */
#ifndef WIALL_WEB_SVG_H
#define WIALL_WEB_SVG_H

#include <stddef.h>

#include "util/buf.h"
#include "web/html.h"

/* How a shape looks; NULL or 0 fields are left out. */
struct svg_style {
	const char	*class_name;
	const char	*fill;
	const char	*stroke;
	double		 stroke_width;
	const char	*dasharray;	/* "6 4" */
	double		 fill_opacity;	/* 0: not written (opaque) */
};

enum svg_anchor {
	SVG_ANCHOR_START,
	SVG_ANCHOR_MIDDLE,
	SVG_ANCHOR_END,
	SVG_ANCHOR__MAX
};

enum svg_marker {
	SVG_MARKER_CIRCLE,
	SVG_MARKER_SQUARE,
	SVG_MARKER_TRIANGLE,
	SVG_MARKER_DIAMOND,
	SVG_MARKER__MAX
};

/* Appends a coordinate: at most two decimals, no trailing zeros, no "-0". */
void	svg_number(struct buf *out, double v);

/* A standalone file starts with the XML declaration; inline SVG does not. */
void	svg_document_prolog(struct html *h);
/* <svg> with xmlns, viewBox, width and height, role="img" and
 * aria-labelledby pointing at its <title> and <desc> (ids `id`-title and
 * `id`-desc). Leaves the <svg> open: close it with html_close(). */
void	svg_begin(struct html *h, double width, double height, const char *id,
	    const char *title, const char *desc);
/* <g class="…"> left open. */
void	svg_group(struct html *h, const char *class_name);
void	svg_line(struct html *h, double x1, double y1, double x2, double y2,
	    const struct svg_style *st);
/* A rectangle; with a tooltip <title> when `tooltip` is not NULL. */
void	svg_rect(struct html *h, double x, double y, double w, double height,
	    const struct svg_style *st, const char *tooltip);
void	svg_circle(struct html *h, double cx, double cy, double r,
	    const struct svg_style *st);
/* A polyline through n points. */
void	svg_polyline(struct html *h, const double *xs, const double *ys,
	    size_t n, const struct svg_style *st);
/* A path from a path-data string built with svg_path_*(). */
void	svg_path(struct html *h, const struct buf *d, const struct svg_style *st);
void	svg_path_move(struct buf *d, double x, double y);
void	svg_path_line(struct buf *d, double x, double y);
void	svg_path_close(struct buf *d);
/* Text at (x, y), escaped; `size` in user units (0: inherit). The element
 * is closed. */
void	svg_text(struct html *h, double x, double y, enum svg_anchor anchor,
	    double size, const char *class_name, const char *text);
/* A series marker of the given shape centred on (x, y); with a tooltip
 * <title> when `tooltip` is not NULL. */
void	svg_marker(struct html *h, enum svg_marker shape, double x, double y,
	    double size, const struct svg_style *st, const char *tooltip);

#endif
