/* A streaming JSON writer (RFC 8259) for the files wiall writes itself: the
 * catalogue export, assessment and structure reports. Members come in the
 * caller's order, two spaces of indent a level, an object or array may be
 * kept on one line. The writer appends to the caller's struct buf and owns no memory. */
#ifndef WIALL_UTIL_JSONW_H
#define WIALL_UTIL_JSONW_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* Deeper nesting is a programming error (every caller's nesting is fixed):
 * the writer sets too_deep and what it writes is no longer valid JSON. */
#define JSONW_DEPTH_MAX	32

struct jsonw {
	struct buf	*out;
	int		 depth;
	bool		 too_deep;
	bool		 first[JSONW_DEPTH_MAX];	/* nothing written yet */
	bool		 one_line[JSONW_DEPTH_MAX];
	char		 close[JSONW_DEPTH_MAX];	/* '}' or ']' */
};

void	jsonw_init(struct jsonw *w, struct buf *out);

/*
 * Every value takes a key: the member's name inside an object, NULL for an
 * array element or the top-level value. A multi-line container puts each
 * member on its own line; a one-line container (and everything inside it)
 * separates members with ", ". An empty container is "{}" or "[]".
 */
void	jsonw_object(struct jsonw *w, const char *key);
void	jsonw_object_line(struct jsonw *w, const char *key);
void	jsonw_array(struct jsonw *w, const char *key);
void	jsonw_array_line(struct jsonw *w, const char *key);
void	jsonw_close(struct jsonw *w);

/* s as a JSON string, or null when s is NULL. Quote and backslash are
 * escaped, \n \t \r by name, the other controls and DEL as \u00XX; every
 * other byte (UTF-8 included) passes through unchanged. */
void	jsonw_string(struct jsonw *w, const char *key, const char *s);
/* v as text_format_double() writes it (util/text.h: 0.1, 47740, 1e+17);
 * NaN and the infinities as null. */
void	jsonw_number(struct jsonw *w, const char *key, double v);
void	jsonw_int(struct jsonw *w, const char *key, long long v);
void	jsonw_bool(struct jsonw *w, const char *key, bool v);
void	jsonw_null(struct jsonw *w, const char *key);
/* A number the caller has formatted itself, written as given. */
void	jsonw_raw(struct jsonw *w, const char *key, const char *text);

/* Appends s (NUL-terminated) quoted and escaped as jsonw_string() does. */
void	jsonw_escape(struct buf *out, const char *s);


#endif
