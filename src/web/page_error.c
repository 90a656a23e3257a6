/* Error answers as proper pages (see page.h): the status in words, what the
 * reader can do, a way back; JSON under /api/. */
#include "web/page.h"

#include "web/api.h"
#include "web/router.h"

#include "util/format.h"

struct page_error_text {
	int		 status;
	const char	*title;
	const char	*explanation;
};

static const struct page_error_text page_error_texts[] = {
	{ 400, N_("Bad request"),
	    N_("The server could not understand this request.") },
	{ 404, N_("Page not found"),
	    N_("There is no page at this address. Perhaps the link is old, or "
	    "the address was mistyped.") },
	{ 405, N_("Method not allowed"),
	    N_("This address can only be read (GET or HEAD).") },
	{ 413, N_("Request too large"),
	    N_("The request carried more data than this server accepts.") },
	{ 500, N_("Internal error"),
	    N_("Something went wrong on the server. Please try again later.") },
	{ 503, N_("Service unavailable"),
	    N_("The data cannot be read right now. Please try again later.") },
};

void
page_error(const struct http_request *req, struct http_response *r, int status,
    const char *detail)
{
	const struct page_error_text *t = &page_error_texts[4];	/* 500 */
	struct page_context ctx;
	struct buf b = BUF_INIT, link = BUF_INIT;
	struct html h;
	size_t i;

	for (i = 0; i < sizeof(page_error_texts) / sizeof(page_error_texts[0]);
	    i++)
		if (page_error_texts[i].status == status)
			t = &page_error_texts[i];
	r->status = status;
	r->static_body = NULL;
	r->etag[0] = '\0';
	r->last_modified = 0;
	if (router_is_api(req->path)) {
		api_error(r, status, detail != NULL ? detail : t->title);
		return;
	}
	page_context_init(&ctx, req, NULL);
	html_init(&h, &b);
	page_begin(&h, &ctx, page_text(&ctx, t->title));
	html_open(&h, HTML_H1);
	html_text(&h, page_text(&ctx, t->title));
	html_close(&h);
	html_open(&h, HTML_P);
	html_attr(&h, HTML_ATTR_CLASS, "status");
	html_textf(&h, "%s %d", page_text(&ctx, "Error"), status);
	html_close(&h);
	html_element_text(&h, HTML_P, page_text(&ctx, t->explanation));
	/* A detail is often an error message with a name in it ("no index
	 * 'x'"), English only: a German page leaves it out rather than mix
	 * languages; the title and explanation say enough. */
	if (detail != NULL && (page_text(&ctx, detail) != detail ||
	    format_is_english(ctx.lang)))
		html_element_text(&h, HTML_P, page_text(&ctx, detail));
	page_href(&link, &ctx, "");
	html_open(&h, HTML_P);
	html_open(&h, HTML_A);
	html_attr(&h, HTML_ATTR_HREF, buf_cstr(&link));
	html_text(&h, page_text(&ctx, "To the overview"));
	html_close(&h);
	html_close(&h);
	page_end(&h, &ctx);
	page_send(r, &b);
	r->cache_control = "no-store";
	buf_free(&link);
}
