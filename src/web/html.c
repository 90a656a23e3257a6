/* The escaping writer (see html.h). The rule that makes it safe: the only
 * ways bytes reach the output are the enum name tables, html_literal() with a
 * string literal, and html_escape(). */
#include "web/html.h"

#include <stdarg.h>
#include <string.h>
#include <strings.h>

#include "util/text.h"

const char *const html_element_names[HTML_ELEMENT__MAX] = {
	"a", "abbr", "article", "aside", "body", "br",
	"button", "caption", "code", "dd", "details", "div",
	"dl", "dt", "em", "figcaption", "figure", "footer",
	"h1", "h2", "h3", "h4", "head", "header", "hr",
	"html", "img", "li", "link", "main", "meta",
	"nav", "ol", "p", "pre", "script", "section",
	"small", "span", "strong", "summary", "table",
	"tbody", "td", "tfoot", "th", "thead", "time",
	"title", "tr", "ul",
	"svg", "g", "desc", "path", "line", "polyline",
	"polygon", "rect", "circle", "text", "tspan",
};

const char *const html_attribute_names[HTML_ATTRIBUTE__MAX] = {
	"alt", "aria-current", "aria-describedby",
	"aria-hidden", "aria-label", "aria-labelledby",
	"charset", "class", "colspan",
	"content", "cx", "cy", "d",
	"data-value", "datetime", "defer",
	"fill", "fill-opacity", "focusable",
	"font-family", "font-size", "font-weight",
	"height", "href", "hreflang",
	"http-equiv", "id", "lang", "media",
	"name", "open", "points", "r",
	"rel", "role", "rowspan", "scope",
	"sizes", "src", "stroke",
	"stroke-dasharray", "stroke-linecap",
	"stroke-linejoin", "stroke-width", "tabindex",
	"text-anchor", "title", "transform",
	"type", "viewBox", "width", "x",
	"x1", "x2", "xmlns", "y",
	"y1", "y2",
};

void
html_init(struct html *h, struct buf *out)
{
	memset(h, 0, sizeof(*h));
	h->out = out;
}

size_t
html_depth(const struct html *h)
{
	return h->depth;
}

size_t
html_errors(const struct html *h)
{
	return h->errors;
}

/* Escapes one string. Valid UTF-8 passes through; a byte that does not start
 * a valid sequence, and every character XML 1.0 forbids (C0 controls other
 * than tab, newline and carriage return; DEL; U+FFFE and U+FFFF), becomes
 * U+FFFD, so that whatever a catalogue holds, the page stays well-formed. */
void
html_escape(struct buf *out, const char *str, size_t n)
{
	static const char replacement[] = "\xef\xbf\xbd";
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, start = 0;

	buf_reserve(out, n);
	while (i < n) {
		unsigned c = s[i], cp;
		size_t len;
		const char *esc = NULL;

		if (c < 0x80) {
			switch (c) {
			case '&': esc = "&amp;"; break;
			case '<': esc = "&lt;"; break;
			case '>': esc = "&gt;"; break;
			case '"': esc = "&quot;"; break;
			case '\'': esc = "&#39;"; break;
			case '\t': case '\n': case '\r': break;
			default:
				if (c < 0x20 || c == 0x7f)
					esc = replacement;
				break;
			}
			if (esc != NULL) {
				buf_append(out, str + start, i - start);
				buf_puts(out, esc);
				start = i + 1;
			}
			i++;
			continue;
		}
		if ((len = text_utf8_decode(str + i, n - i, &cp)) == 0) {
			/* One replacement per bad lead byte; the scan resumes
			 * after it. */
			buf_append(out, str + start, i - start);
			buf_puts(out, replacement);
			i++;
			start = i;
			continue;
		}
		if (cp == 0xfffe || cp == 0xffff) {
			/* Well-formed but not allowed in XML: one U+FFFD. */
			buf_append(out, str + start, i - start);
			buf_puts(out, replacement);
			start = i + len;
		}
		i += len;
	}
	buf_append(out, str + start, i - start);
}

static void
html_finish_tag(struct html *h)
{
	if (!h->tag_open)
		return;
	buf_puts(h->out, h->tag_void ? " />" : ">");
	h->tag_open = false;
	h->tag_void = false;
}

void
html_doctype(struct html *h)
{
	html_finish_tag(h);
	buf_puts(h->out, "<!DOCTYPE html>\n");
}

static void
html_start(struct html *h, enum html_element el, bool is_void)
{
	html_finish_tag(h);
	if ((int)el < 0 || el >= HTML_ELEMENT__MAX) {
		h->errors++;
		return;
	}
	if (!is_void) {
		if (h->depth == HTML_DEPTH_MAX) {
			h->errors++;
			return;
		}
		h->stack[h->depth++] = el;
	}
	buf_putc(h->out, '<');
	buf_puts(h->out, html_element_names[el]);
	h->tag_open = true;
	h->tag_void = is_void;
}

void
html_open(struct html *h, enum html_element el)
{
	html_start(h, el, false);
}

void
html_void(struct html *h, enum html_element el)
{
	html_start(h, el, true);
}

/* A URL is safe when it is relative (no scheme) or names http, https or
 * mailto. A colon before the first '/', '?' or '#' starts a scheme, and then
 * the text before it must be exactly one of those: "java\tscript:" or
 * " javascript:" are refused, since browsers drop such blanks. */
static bool
html_url_safe(const char *v)
{
	static const char *const allowed[] = { "http", "https", "mailto" };
	size_t n = strcspn(v, ":/?#"), i;

	if (v[n] != ':')
		return true;
	for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		if (strlen(allowed[i]) == n && strncasecmp(v, allowed[i], n) == 0)
			return true;
	return false;
}

void
html_attr(struct html *h, enum html_attribute a, const char *value)
{
	if (!h->tag_open || (int)a < 0 || a >= HTML_ATTRIBUTE__MAX) {
		h->errors++;
		return;
	}
	buf_putc(h->out, ' ');
	buf_puts(h->out, html_attribute_names[a]);
	buf_puts(h->out, "=\"");
	if (value != NULL) {
		if ((a == HTML_ATTR_HREF || a == HTML_ATTR_SRC) &&
		    !html_url_safe(value))
			value = "#";
		html_escape(h->out, value, strlen(value));
	}
	buf_putc(h->out, '"');
}

void
html_attrf(struct html *h, enum html_attribute a, const char *fmt, ...)
{
	struct buf tmp = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&tmp, fmt, ap);
	va_end(ap);
	html_attr(h, a, buf_cstr(&tmp));
	buf_free(&tmp);
}

void
html_textn(struct html *h, const char *s, size_t n)
{
	html_finish_tag(h);
	/* Escaping does not work inside <script> (a raw text element): our
	 * scripts are files under /assets/, never inline. */
	if (h->depth > 0 && h->stack[h->depth - 1] == HTML_SCRIPT) {
		h->errors++;
		return;
	}
	html_escape(h->out, s, n);
}

void
html_text(struct html *h, const char *s)
{
	if (s != NULL)
		html_textn(h, s, strlen(s));
}

void
html_textf(struct html *h, const char *fmt, ...)
{
	struct buf tmp = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&tmp, fmt, ap);
	va_end(ap);
	html_textn(h, tmp.data != NULL ? tmp.data : "", tmp.len);
	buf_free(&tmp);
}

void
html_element_text(struct html *h, enum html_element el, const char *text)
{
	html_open(h, el);
	html_text(h, text);
	html_close(h);
}

void
html_column_head(struct html *h, const char *text)
{
	html_open(h, HTML_TH);
	html_attr(h, HTML_ATTR_SCOPE, "col");
	html_text(h, text);
	html_close(h);
}

void
html_close(struct html *h)
{
	enum html_element el;

	if (h->depth == 0) {
		html_finish_tag(h);
		h->errors++;
		return;
	}
	el = h->stack[--h->depth];
	if (h->tag_open && !h->tag_void && el >= HTML_SVG) {
		/* An empty SVG element: <path d="…" /> */
		h->tag_void = true;
		html_finish_tag(h);
		return;
	}
	html_finish_tag(h);
	buf_puts(h->out, "</");
	buf_puts(h->out, html_element_names[el]);
	buf_putc(h->out, '>');
}

void
html_close_to(struct html *h, size_t depth)
{
	while (h->depth > depth)
		html_close(h);
	html_finish_tag(h);
}

void
html_literal_(struct html *h, const char *literal, size_t n)
{
	html_finish_tag(h);
	buf_append(h->out, literal, n);
}
