/* The streaming JSON writer (see jsonw.h). The state is a stack of open
 * containers: whether each has a member yet (for the comma) and whether it
 * sits on one line (inherited by everything inside it). */
#include "util/jsonw.h"
#include "util/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
jsonw_init(struct jsonw *w, struct buf *out)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
}

void
jsonw_escape(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t start = 0, i;
	char esc[8];

	buf_putc(out, '"');
	for (i = 0; p[i] != '\0'; i++) {
		switch (p[i]) {
		case '"':	strcpy(esc, "\\\""); break;
		case '\\':	strcpy(esc, "\\\\"); break;
		case '\n':	strcpy(esc, "\\n"); break;
		case '\t':	strcpy(esc, "\\t"); break;
		case '\r':	strcpy(esc, "\\r"); break;
		default:
			if (p[i] >= 0x20 && p[i] != 0x7f)
				continue;
			/* DEL too: wiall's files have always escaped it. */
			snprintf(esc, sizeof(esc), "\\u%04x", p[i]);
		}
		buf_append(out, s + start, i - start);
		buf_puts(out, esc);
		start = i + 1;
	}
	buf_append(out, s + start, i - start);
	buf_putc(out, '"');
}

static void
jsonw_newline(struct jsonw *w)
{
	int i;

	buf_putc(w->out, '\n');
	for (i = 0; i < w->depth; i++)
		buf_puts(w->out, "  ");
}

/* Before every value: the comma and line break (or space) that separate it
 * from the one before, and its key. */
static void
jsonw_item(struct jsonw *w, const char *key)
{
	if (w->depth > 0) {
		if (!w->first[w->depth])
			buf_putc(w->out, ',');
		if (w->one_line[w->depth]) {
			if (!w->first[w->depth])
				buf_putc(w->out, ' ');
		} else {
			jsonw_newline(w);
		}
		w->first[w->depth] = false;
	}
	if (key != NULL) {
		jsonw_escape(w->out, key);
		buf_puts(w->out, ": ");
	}
}

static void
jsonw_open(struct jsonw *w, const char *key, char open, char close,
    bool one_line)
{
	jsonw_item(w, key);
	buf_putc(w->out, open);
	if (w->depth + 1 >= JSONW_DEPTH_MAX) {
		w->too_deep = true;
		return;
	}
	w->depth++;
	w->first[w->depth] = true;
	w->one_line[w->depth] = one_line || w->one_line[w->depth - 1];
	w->close[w->depth] = close;
}

void
jsonw_object(struct jsonw *w, const char *key)
{
	jsonw_open(w, key, '{', '}', false);
}

void
jsonw_object_line(struct jsonw *w, const char *key)
{
	jsonw_open(w, key, '{', '}', true);
}

void
jsonw_array(struct jsonw *w, const char *key)
{
	jsonw_open(w, key, '[', ']', false);
}

void
jsonw_array_line(struct jsonw *w, const char *key)
{
	jsonw_open(w, key, '[', ']', true);
}

void
jsonw_close(struct jsonw *w)
{
	bool empty = w->first[w->depth], one_line = w->one_line[w->depth];
	char close = w->close[w->depth];

	if (w->depth == 0)	/* nothing open */
		return;
	w->depth--;
	if (!empty && !one_line)
		jsonw_newline(w);
	buf_putc(w->out, close);
}

void
jsonw_string(struct jsonw *w, const char *key, const char *s)
{
	jsonw_item(w, key);
	if (s == NULL)
		buf_puts(w->out, "null");
	else
		jsonw_escape(w->out, s);
}

void
jsonw_number(struct jsonw *w, const char *key, double v)
{
	char text[40];

	if (!isfinite(v)) {
		jsonw_null(w, key);
		return;
	}
	text_format_double(v, text, sizeof(text));
	jsonw_raw(w, key, text);
}

void
jsonw_int(struct jsonw *w, const char *key, long long v)
{
	jsonw_item(w, key);
	buf_printf(w->out, "%lld", v);
}

void
jsonw_bool(struct jsonw *w, const char *key, bool v)
{
	jsonw_raw(w, key, v ? "true" : "false");
}

void
jsonw_null(struct jsonw *w, const char *key)
{
	jsonw_raw(w, key, "null");
}

void
jsonw_raw(struct jsonw *w, const char *key, const char *text)
{
	jsonw_item(w, key);
	buf_puts(w->out, text);
}
