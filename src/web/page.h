/* Pages: one renderer writes a page into a buffer from a page context
 * (language, the relative way back to the site root, server or static
 * site); the server sends the buffer, the publisher writes it to a file.
 * Links are relative, so the static site works from file:// and any host.
 * A context points into the request; it owns nothing. */
#ifndef WIALL_WEB_PAGE_H
#define WIALL_WEB_PAGE_H

#include <stdbool.h>

#include "util/buf.h"
#include "util/i18n.h"	/* N_() marks the msgids of tables */
#include "web/html.h"
#include "web/http.h"

#define PAGE_ROOT_MAX 160	/* "../" × 50 and a NUL */

struct page_context {
	const char		*lang;		/* "de" or "en" */
	const char		*self;		/* this page from the language
						   root, no suffix: "" is the
						   overview, "indicators/EMP" */
	char			 root[PAGE_ROOT_MAX];	   /* to the language root */
	char			 site_root[PAGE_ROOT_MAX]; /* to assets/ and api/ */
	bool			 static_site;
	const struct http_request *req;
};

/* The context of a page at `self` (NULL: derived from the request path).
 * In the static site German pages are at the root and English pages under
 * en/; in the server the language comes with the request. */
void	page_context_init(struct page_context *ctx,
	    const struct http_request *req, const char *self);
/* A link to another page, given from the language root ("" = overview):
 * "../indicators/EMP" in the server, "../indicators/EMP.html" in files. */
void	page_href(struct buf *out, const struct page_context *ctx,
	    const char *path);
/* A link to an embedded asset, with ?v=<hash of all assets> in the server
 * so that long cache lifetimes never serve a stale file. */
void	page_asset_href(struct buf *out, const struct page_context *ctx,
	    const char *name);
/* The translation of msgid in the page's language. */
const char *page_text(const struct page_context *ctx, const char *msgid);
/* A term of a description list: <dt> the translation of term, <dd> value;
 * nothing when value is NULL or empty. */
void	page_term(struct html *h, const struct page_context *ctx,
	    const char *term, const char *value);
/* The "Source" term: the source's name, a link when url is not NULL;
 * nothing when source is NULL. */
void	page_source(struct html *h, const struct page_context *ctx,
	    const char *source, const char *url);
/* Document head, site header with the language switch, and <main>; the
 * page's content follows; page_end() closes everything. */
void	page_begin(struct html *h, const struct page_context *ctx,
	    const char *title);
void	page_end(struct html *h, const struct page_context *ctx);
/* Hands a finished page to the response (HTML, varies by language). */
void	page_send(struct http_response *r, struct buf *page);

/* An error answer: an HTML page, or JSON under /api/. `detail` (English,
 * translated) may be NULL. Defined in page_error.c. */
void	page_error(const struct http_request *req, struct http_response *r,
	    int status, const char *detail);

#endif
