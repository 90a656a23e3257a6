/* THE escaping writer for HTML and inline SVG (kcgi's khtml pattern): elements
 * and attributes are enums, so names cannot be injected; every text and
 * attribute value is escaped; URL attributes accept only http(s), mailto and
 * relative links; raw markup is possible only from string literals
 * (html_literal). The output is polyglot markup (every element closed, void
 * elements as <br />), so pages and charts are well-formed XML as well.
 * The writer appends to the caller's struct buf and owns no memory. */
#ifndef WIALL_WEB_HTML_H
#define WIALL_WEB_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

enum html_element {
	/* HTML */
	HTML_A, HTML_ABBR, HTML_ARTICLE, HTML_ASIDE, HTML_BODY, HTML_BR,
	HTML_BUTTON, HTML_CAPTION, HTML_CODE, HTML_DD, HTML_DETAILS, HTML_DIV,
	HTML_DL, HTML_DT, HTML_EM, HTML_FIGCAPTION, HTML_FIGURE, HTML_FOOTER,
	HTML_H1, HTML_H2, HTML_H3, HTML_H4, HTML_HEAD, HTML_HEADER, HTML_HR,
	HTML_HTML, HTML_IMG, HTML_LI, HTML_LINK, HTML_MAIN, HTML_META,
	HTML_NAV, HTML_OL, HTML_P, HTML_PRE, HTML_SCRIPT, HTML_SECTION,
	HTML_SMALL, HTML_SPAN, HTML_STRONG, HTML_SUMMARY, HTML_TABLE,
	HTML_TBODY, HTML_TD, HTML_TFOOT, HTML_TH, HTML_THEAD, HTML_TIME,
	HTML_TITLE, HTML_TR, HTML_UL,
	/* SVG */
	HTML_SVG, HTML_G, HTML_DESC, HTML_PATH, HTML_LINE, HTML_POLYLINE,
	HTML_POLYGON, HTML_RECT, HTML_CIRCLE, HTML_TEXT, HTML_TSPAN,
	HTML_ELEMENT__MAX
};

extern const char *const html_element_names[HTML_ELEMENT__MAX];

enum html_attribute {
	HTML_ATTR_ALT, HTML_ATTR_ARIA_CURRENT, HTML_ATTR_ARIA_DESCRIBEDBY,
	HTML_ATTR_ARIA_HIDDEN, HTML_ATTR_ARIA_LABEL, HTML_ATTR_ARIA_LABELLEDBY,
	HTML_ATTR_CHARSET, HTML_ATTR_CLASS, HTML_ATTR_COLSPAN,
	HTML_ATTR_CONTENT, HTML_ATTR_CX, HTML_ATTR_CY, HTML_ATTR_D,
	HTML_ATTR_DATA_VALUE, HTML_ATTR_DATETIME, HTML_ATTR_DEFER,
	HTML_ATTR_FILL, HTML_ATTR_FILL_OPACITY, HTML_ATTR_FOCUSABLE,
	HTML_ATTR_FONT_FAMILY, HTML_ATTR_FONT_SIZE, HTML_ATTR_FONT_WEIGHT,
	HTML_ATTR_HEIGHT, HTML_ATTR_HREF, HTML_ATTR_HREFLANG,
	HTML_ATTR_HTTP_EQUIV, HTML_ATTR_ID, HTML_ATTR_LANG, HTML_ATTR_MEDIA,
	HTML_ATTR_NAME, HTML_ATTR_OPEN, HTML_ATTR_POINTS, HTML_ATTR_R,
	HTML_ATTR_REL, HTML_ATTR_ROLE, HTML_ATTR_ROWSPAN, HTML_ATTR_SCOPE,
	HTML_ATTR_SIZES, HTML_ATTR_SRC, HTML_ATTR_STROKE,
	HTML_ATTR_STROKE_DASHARRAY, HTML_ATTR_STROKE_LINECAP,
	HTML_ATTR_STROKE_LINEJOIN, HTML_ATTR_STROKE_WIDTH, HTML_ATTR_TABINDEX,
	HTML_ATTR_TEXT_ANCHOR, HTML_ATTR_TITLE, HTML_ATTR_TRANSFORM,
	HTML_ATTR_TYPE, HTML_ATTR_VIEWBOX, HTML_ATTR_WIDTH, HTML_ATTR_X,
	HTML_ATTR_X1, HTML_ATTR_X2, HTML_ATTR_XMLNS, HTML_ATTR_Y,
	HTML_ATTR_Y1, HTML_ATTR_Y2,
	HTML_ATTRIBUTE__MAX
};

extern const char *const html_attribute_names[HTML_ATTRIBUTE__MAX];

#define HTML_DEPTH_MAX 64

struct html {
	struct buf		*out;
	enum html_element	 stack[HTML_DEPTH_MAX];
	size_t			 depth;
	bool			 tag_open;	/* the last start tag awaits its '>' */
	bool			 tag_void;	/* ... and ends with " />" */
	size_t			 errors;	/* misuse seen (see html_errors) */
};

void	html_init(struct html *h, struct buf *out);
/* "<!DOCTYPE html>" and a newline. */
void	html_doctype(struct html *h);
/* Starts an element; attributes follow with html_attr() until the first
 * content. Void elements (br, hr, img, link, meta) use html_void() instead. */
void	html_open(struct html *h, enum html_element el);
/* An element that has no content: void HTML elements and empty SVG shapes. */
void	html_void(struct html *h, enum html_element el);
/* Adds an attribute to the start tag just opened; value is escaped (NULL
 * writes an empty, boolean-style attribute). href and src values that name
 * another scheme than http, https or mailto are replaced by "#". */
void	html_attr(struct html *h, enum html_attribute a, const char *value);
void	html_attrf(struct html *h, enum html_attribute a, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Text content, escaped. Invalid UTF-8 and characters XML forbids become
 * U+FFFD. Text inside <script> is refused (counted as an error). */
void	html_text(struct html *h, const char *s);
void	html_textn(struct html *h, const char *s, size_t n);
void	html_textf(struct html *h, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* <el>text</el> */
void	html_element_text(struct html *h, enum html_element el, const char *text);
/* A column's heading cell: <th scope="col">text</th>. */
void	html_column_head(struct html *h, const char *text);
/* Closes the innermost open element. */
void	html_close(struct html *h);
/* Closes elements until `depth` remain open (see html_depth). */
void	html_close_to(struct html *h, size_t depth);
size_t	html_depth(const struct html *h);
/* Number of misuses (attribute after content, closing nothing, stack too
 * deep, text in script): 0 for a correct page; tests assert it. */
size_t	html_errors(const struct html *h);

/* Raw markup from a string literal only: a variable does not compile. */
#define html_literal(h, s)	html_literal_((h), "" s "", sizeof(s) - 1)
void	html_literal_(struct html *h, const char *literal, size_t n);

/* Escapes text into out for an HTML/XML text or attribute context (for
 * modules that build markup-free strings, e.g. an attribute value). */
void	html_escape(struct buf *out, const char *s, size_t n);

#endif
