/* SVG through the escaping writer (see svg.h). Numbers are written by
 * svg_number() only: two decimals are finer than a screen pixel or a
 * printer's dot at our sizes, and a fixed rule keeps the bytes stable. */
#include "web/svg.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const svg_anchor_names[SVG_ANCHOR__MAX] = {
	"start", "middle", "end"
};

/* Writes v with at most two decimals into out[64]; returns the length. */
static size_t
svg_format(double v, char out[64])
{
	size_t n;

	if (!isfinite(v))
		v = 0.0;	/* callers skip missing values; never write "nan" */
	if (fabs(v) > 1e15)
		v = v < 0 ? -1e15 : 1e15;
	v = round(v * 100.0) / 100.0;
	if (v == 0.0)
		v = 0.0;	/* no "-0" */
	n = (size_t)snprintf(out, 64, "%.2f", v);
	while (n > 0 && out[n - 1] == '0')
		n--;
	if (n > 0 && out[n - 1] == '.')
		n--;
	out[n] = '\0';
	return n;
}

void
svg_number(struct buf *out, double v)
{
	char tmp[64];

	buf_append(out, tmp, svg_format(v, tmp));
}

static void
svg_attr_number(struct html *h, enum html_attribute a, double v)
{
	char tmp[64];

	svg_format(v, tmp);
	html_attr(h, a, tmp);
}

static void
svg_apply_style(struct html *h, const struct svg_style *st)
{
	char tmp[32];

	if (st == NULL)
		return;
	if (st->class_name != NULL)
		html_attr(h, HTML_ATTR_CLASS, st->class_name);
	if (st->fill != NULL)
		html_attr(h, HTML_ATTR_FILL, st->fill);
	if (st->fill_opacity > 0.0) {
		snprintf(tmp, sizeof(tmp), "%.2f", st->fill_opacity);
		html_attr(h, HTML_ATTR_FILL_OPACITY, tmp);
	}
	if (st->stroke != NULL)
		html_attr(h, HTML_ATTR_STROKE, st->stroke);
	if (st->stroke_width > 0.0)
		svg_attr_number(h, HTML_ATTR_STROKE_WIDTH, st->stroke_width);
	if (st->dasharray != NULL)
		html_attr(h, HTML_ATTR_STROKE_DASHARRAY, st->dasharray);
}

void
svg_document_prolog(struct html *h)
{
	html_literal(h, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
}

void
svg_begin(struct html *h, double width, double height, const char *id,
    const char *title, const char *desc)
{
	struct buf tmp = BUF_INIT;

	html_open(h, HTML_SVG);
	html_attr(h, HTML_ATTR_XMLNS, "http://www.w3.org/2000/svg");
	buf_puts(&tmp, "0 0 ");
	svg_number(&tmp, width);
	buf_putc(&tmp, ' ');
	svg_number(&tmp, height);
	html_attr(h, HTML_ATTR_VIEWBOX, buf_cstr(&tmp));
	svg_attr_number(h, HTML_ATTR_WIDTH, width);
	svg_attr_number(h, HTML_ATTR_HEIGHT, height);
	html_attr(h, HTML_ATTR_ROLE, "img");
	html_attr(h, HTML_ATTR_FONT_FAMILY,
	    "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif");
	buf_reset(&tmp);
	buf_printf(&tmp, "%s-title %s-desc", id, id);
	html_attr(h, HTML_ATTR_ARIA_LABELLEDBY, buf_cstr(&tmp));
	html_open(h, HTML_TITLE);
	html_attrf(h, HTML_ATTR_ID, "%s-title", id);
	html_text(h, title);
	html_close(h);
	html_open(h, HTML_DESC);
	html_attrf(h, HTML_ATTR_ID, "%s-desc", id);
	html_text(h, desc);
	html_close(h);
	buf_free(&tmp);
}

void
svg_group(struct html *h, const char *class_name)
{
	html_open(h, HTML_G);
	if (class_name != NULL)
		html_attr(h, HTML_ATTR_CLASS, class_name);
}

void
svg_line(struct html *h, double x1, double y1, double x2, double y2,
    const struct svg_style *st)
{
	html_void(h, HTML_LINE);
	svg_attr_number(h, HTML_ATTR_X1, x1);
	svg_attr_number(h, HTML_ATTR_Y1, y1);
	svg_attr_number(h, HTML_ATTR_X2, x2);
	svg_attr_number(h, HTML_ATTR_Y2, y2);
	svg_apply_style(h, st);
}

void
svg_rect(struct html *h, double x, double y, double w, double height,
    const struct svg_style *st, const char *tooltip)
{
	html_open(h, HTML_RECT);
	svg_attr_number(h, HTML_ATTR_X, x);
	svg_attr_number(h, HTML_ATTR_Y, y);
	svg_attr_number(h, HTML_ATTR_WIDTH, w < 0 ? 0 : w);
	svg_attr_number(h, HTML_ATTR_HEIGHT, height < 0 ? 0 : height);
	svg_apply_style(h, st);
	if (tooltip != NULL)
		html_element_text(h, HTML_TITLE, tooltip);
	html_close(h);
}

void
svg_circle(struct html *h, double cx, double cy, double r,
    const struct svg_style *st)
{
	html_void(h, HTML_CIRCLE);
	svg_attr_number(h, HTML_ATTR_CX, cx);
	svg_attr_number(h, HTML_ATTR_CY, cy);
	svg_attr_number(h, HTML_ATTR_R, r);
	svg_apply_style(h, st);
}

void
svg_polyline(struct html *h, const double *xs, const double *ys, size_t n,
    const struct svg_style *st)
{
	struct buf pts = BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(&pts, ' ');
		svg_number(&pts, xs[i]);
		buf_putc(&pts, ',');
		svg_number(&pts, ys[i]);
	}
	html_void(h, HTML_POLYLINE);
	html_attr(h, HTML_ATTR_POINTS, buf_cstr(&pts));
	svg_apply_style(h, st);
	buf_free(&pts);
}

void
svg_path_move(struct buf *d, double x, double y)
{
	if (d->len > 0)
		buf_putc(d, ' ');
	buf_putc(d, 'M');
	svg_number(d, x);
	buf_putc(d, ' ');
	svg_number(d, y);
}

void
svg_path_line(struct buf *d, double x, double y)
{
	buf_puts(d, " L");
	svg_number(d, x);
	buf_putc(d, ' ');
	svg_number(d, y);
}

void
svg_path_close(struct buf *d)
{
	buf_puts(d, " Z");
}

void
svg_path(struct html *h, const struct buf *d, const struct svg_style *st)
{
	html_void(h, HTML_PATH);
	html_attr(h, HTML_ATTR_D, d->data != NULL ? d->data : "");
	svg_apply_style(h, st);
}

void
svg_text(struct html *h, double x, double y, enum svg_anchor anchor,
    double size, const char *class_name, const char *text)
{
	html_open(h, HTML_TEXT);
	svg_attr_number(h, HTML_ATTR_X, x);
	svg_attr_number(h, HTML_ATTR_Y, y);
	if (anchor != SVG_ANCHOR_START && anchor < SVG_ANCHOR__MAX)
		html_attr(h, HTML_ATTR_TEXT_ANCHOR, svg_anchor_names[anchor]);
	if (size > 0.0)
		svg_attr_number(h, HTML_ATTR_FONT_SIZE, size);
	if (class_name != NULL)
		html_attr(h, HTML_ATTR_CLASS, class_name);
	html_text(h, text);
	html_close(h);
}

void
svg_marker(struct html *h, enum svg_marker shape, double x, double y,
    double size, const struct svg_style *st, const char *tooltip)
{
	struct buf d = BUF_INIT;
	double r = size / 2.0;

	switch (shape) {
	case SVG_MARKER_SQUARE:
		r *= 0.9;
		svg_path_move(&d, x - r, y - r);
		svg_path_line(&d, x + r, y - r);
		svg_path_line(&d, x + r, y + r);
		svg_path_line(&d, x - r, y + r);
		break;
	case SVG_MARKER_TRIANGLE:
		svg_path_move(&d, x, y - r * 1.15);
		svg_path_line(&d, x + r * 1.1, y + r * 0.75);
		svg_path_line(&d, x - r * 1.1, y + r * 0.75);
		break;
	case SVG_MARKER_DIAMOND:
		r *= 1.25;
		svg_path_move(&d, x, y - r);
		svg_path_line(&d, x + r, y);
		svg_path_line(&d, x, y + r);
		svg_path_line(&d, x - r, y);
		break;
	default:
		break;
	}
	if (d.len > 0) {
		svg_path_close(&d);
		html_open(h, HTML_PATH);
		html_attr(h, HTML_ATTR_D, d.data);
	} else {
		html_open(h, HTML_CIRCLE);
		svg_attr_number(h, HTML_ATTR_CX, x);
		svg_attr_number(h, HTML_ATTR_CY, y);
		svg_attr_number(h, HTML_ATTR_R, r);
	}
	svg_apply_style(h, st);
	if (tooltip != NULL)
		html_element_text(h, HTML_TITLE, tooltip);
	html_close(h);
	buf_free(&d);
}
