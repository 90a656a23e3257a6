/* The JSON form of assessment results (docs/assess.md): the contract that other
 * tools and the web API script against, with the full explanation records in
 * both languages. Writers append to the caller's buffer; nothing is handed out. */
#ifndef WIALL_APP_ASSESS_JSON_H
#define WIALL_APP_ASSESS_JSON_H

#include <stddef.h>

#include "app/assess.h"
#include "util/buf.h"

#define ASSESS_JSON_FORMAT	"wiall-assess/1"

/* A whole document: {"format", "method", "source", "region", "results": [...]}.
 * source is "database" or "file"; region may be NULL (then null). */
void	assess_json_document(struct buf *out, enum assess_method method,
	    const char *source, const char *region,
	    const struct assess_result *results, size_t count);

/* One indicator's object (an element of "results") on its own, for method's
 * records (the web API's answer for one indicator). */
void	assess_json_result(struct buf *out, const struct assess_result *r,
	    enum assess_method method);

#endif
