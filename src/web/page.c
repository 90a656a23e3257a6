/* Page context, links and the frame every page shares (see page.h). */
#include "web/page.h"

#include <string.h>

#include "store/catalog.h"
#include "util/i18n.h"
#include "web/site.h"

static void
page_root(char out[PAGE_ROOT_MAX], size_t depth, const char *prefix)
{
	size_t i;

	out[0] = '\0';
	if (depth > 50) {
		/* A silly path: an absolute root still works on a server. */
		strcpy(out, "/");
		return;
	}
	strcat(out, prefix);
	for (i = 0; i < depth; i++)
		strcat(out, "../");
	if (out[0] == '\0')
		strcpy(out, "./");
}

static size_t
page_depth(const char *path)
{
	size_t depth = 0;

	for (; *path != '\0'; path++)
		if (*path == '/')
			depth++;
	return depth;
}

void
page_context_init(struct page_context *ctx, const struct http_request *req,
    const char *self)
{
	size_t depth;

	memset(ctx, 0, sizeof(*ctx));
	ctx->req = req;
	ctx->lang = req->lang != NULL ? req->lang : "de";
	ctx->static_site = req->static_site;
	if (self == NULL)
		self = req->path[0] == '/' ? req->path + 1 : req->path;
	ctx->self = self;
	/* "indicators/EMP" lies one level below its root; so does the
	 * server path "/indicators/EMP" (its first '/' was dropped above). */
	depth = page_depth(self);
	page_root(ctx->root, depth, "");
	if (ctx->static_site && strcmp(ctx->lang, "en") == 0)
		page_root(ctx->site_root, depth + 1, "");
	else
		memcpy(ctx->site_root, ctx->root, sizeof(ctx->root));
}

void
page_href(struct buf *out, const struct page_context *ctx, const char *path)
{
	buf_puts(out, ctx->root);
	if (ctx->static_site)
		buf_puts(out, path[0] == '\0' ? "index.html" : path);
	else
		buf_puts(out, path);
	if (ctx->static_site && path[0] != '\0')
		buf_puts(out, ".html");
}

void
page_asset_href(struct buf *out, const struct page_context *ctx,
    const char *name)
{
	buf_puts(out, ctx->site_root);
	buf_puts(out, "assets/");
	buf_puts(out, name);
	if (!ctx->static_site && ctx->req->site != NULL)
		buf_printf(out, "?v=%s", ctx->req->site->asset_version);
}

const char *
page_text(const struct page_context *ctx, const char *msgid)
{
	return i18n_text(ctx->lang, msgid);
}

void
page_term(struct html *h, const struct page_context *ctx, const char *term,
    const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	html_element_text(h, HTML_DT, page_text(ctx, term));
	html_element_text(h, HTML_DD, value);
}

void
page_source(struct html *h, const struct page_context *ctx,
    const char *source, const char *url)
{
	if (source == NULL)
		return;
	html_element_text(h, HTML_DT, page_text(ctx, "Source"));
	html_open(h, HTML_DD);
	if (url != NULL) {
		html_open(h, HTML_A);
		html_attr(h, HTML_ATTR_HREF, url);
		html_text(h, source);
		html_close(h);
	} else
		html_text(h, source);
	html_close(h);
}

/* Whether the catalogue defines a composite index: its page is a section
 * only then. A page without a database (an error page) does not ask. */
static bool
page_has_index(const struct page_context *ctx)
{
	struct error e;
	struct db *db;
	size_t n = 0;

	if (ctx->req == NULL || ctx->req->database == NULL ||
	    (db = http_database(ctx->req, &e)) == NULL)
		return false;
	return store_catalog_index_count(db, &n, &e) == 0 && n > 0;
}

/* The site's sections: the overview, the economic structure and, where the
 * catalogue defines one, the index; the current one marked for screen
 * readers (aria-current) and by style. */
static void
page_site_nav(struct html *h, const struct page_context *ctx)
{
	static const struct {
		const char	*path;
		const char	*label;
	} items[] = {
		{ "", N_("Overview") },
		{ "structure", N_("Economic structure") },
		{ "indices", N_("Index") },
	};
	struct buf href = BUF_INIT;
	size_t i, n;
	bool current;

	html_open(h, HTML_NAV);
	html_attr(h, HTML_ATTR_CLASS, "site-nav");
	html_attr(h, HTML_ATTR_ARIA_LABEL, page_text(ctx, "Sections"));
	html_open(h, HTML_UL);
	for (i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		if (strcmp(items[i].path, "indices") == 0 &&
		    !page_has_index(ctx))
			continue;
		n = strlen(items[i].path);
		current = n == 0 ? ctx->self[0] == '\0' :
		    strncmp(ctx->self, items[i].path, n) == 0 &&
		    (ctx->self[n] == '\0' || ctx->self[n] == '/');
		buf_reset(&href);
		page_href(&href, ctx, items[i].path);
		html_open(h, HTML_LI);
		html_open(h, HTML_A);
		html_attr(h, HTML_ATTR_HREF, buf_cstr(&href));
		if (current)
			html_attr(h, HTML_ATTR_ARIA_CURRENT, "page");
		html_text(h, page_text(ctx, items[i].label));
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	buf_free(&href);
}

/* The link to the same page in the other language: a query switch in the
 * server (it sets a cookie), the other tree in the static site. */
static void
page_language_switch(struct html *h, const struct page_context *ctx)
{
	bool english = strcmp(ctx->lang, "en") == 0;
	const char *other = english ? "de" : "en";
	struct buf href = BUF_INIT;

	if (ctx->static_site) {
		buf_puts(&href, ctx->root);
		buf_puts(&href, english ? "../" : "en/");
		buf_puts(&href, ctx->self[0] == '\0' ? "index" : ctx->self);
		buf_puts(&href, ".html");
	} else
		buf_printf(&href, "?lang=%s", other);
	html_open(h, HTML_NAV);
	html_attr(h, HTML_ATTR_CLASS, "lang-switch");
	html_attr(h, HTML_ATTR_ARIA_LABEL, page_text(ctx, "Language"));
	html_open(h, HTML_A);
	html_attr(h, HTML_ATTR_HREF, buf_cstr(&href));
	html_attr(h, HTML_ATTR_HREFLANG, other);
	html_attr(h, HTML_ATTR_LANG, other);
	html_text(h, english ? "Deutsch" : "English");
	html_close(h);
	html_close(h);
	buf_free(&href);
}

void
page_begin(struct html *h, const struct page_context *ctx, const char *title)
{
	struct buf b = BUF_INIT;

	html_doctype(h);
	html_open(h, HTML_HTML);
	html_attr(h, HTML_ATTR_LANG, ctx->lang);
	html_open(h, HTML_HEAD);
	html_void(h, HTML_META);
	html_attr(h, HTML_ATTR_CHARSET, "utf-8");
	html_void(h, HTML_META);
	html_attr(h, HTML_ATTR_NAME, "viewport");
	html_attr(h, HTML_ATTR_CONTENT, "width=device-width, initial-scale=1");
	if (ctx->static_site) {
		/* No server sends the policy for files: the page carries it
		 * (frame-ancestors cannot be set this way). */
		html_void(h, HTML_META);
		html_attr(h, HTML_ATTR_HTTP_EQUIV, "Content-Security-Policy");
		html_attr(h, HTML_ATTR_CONTENT, "default-src 'self'; "
		    "img-src 'self' data:; object-src 'none'; base-uri 'none'");
	}
	html_open(h, HTML_TITLE);
	html_text(h, title);
	html_text(h, " \xc2\xb7 wiall");
	html_close(h);
	page_asset_href(&b, ctx, "style.css");
	html_void(h, HTML_LINK);
	html_attr(h, HTML_ATTR_REL, "stylesheet");
	html_attr(h, HTML_ATTR_HREF, buf_cstr(&b));
	buf_reset(&b);
	page_asset_href(&b, ctx, "favicon.svg");
	html_void(h, HTML_LINK);
	html_attr(h, HTML_ATTR_REL, "icon");
	html_attr(h, HTML_ATTR_TYPE, "image/svg+xml");
	html_attr(h, HTML_ATTR_HREF, buf_cstr(&b));
	buf_reset(&b);
	page_asset_href(&b, ctx, "app.js");
	html_open(h, HTML_SCRIPT);
	html_attr(h, HTML_ATTR_SRC, buf_cstr(&b));
	html_attr(h, HTML_ATTR_DEFER, NULL);
	html_close(h);
	html_close(h);	/* head */
	html_open(h, HTML_BODY);
	html_open(h, HTML_A);
	html_attr(h, HTML_ATTR_CLASS, "skip-link");
	html_attr(h, HTML_ATTR_HREF, "#main");
	html_text(h, page_text(ctx, "Skip to content"));
	html_close(h);
	html_open(h, HTML_HEADER);
	html_attr(h, HTML_ATTR_CLASS, "site-header");
	html_open(h, HTML_DIV);
	html_attr(h, HTML_ATTR_CLASS, "wrap");
	buf_reset(&b);
	page_href(&b, ctx, "");
	html_open(h, HTML_A);
	html_attr(h, HTML_ATTR_CLASS, "brand");
	html_attr(h, HTML_ATTR_HREF, buf_cstr(&b));
	html_text(h, "wiall");
	html_close(h);
	html_open(h, HTML_SPAN);
	html_attr(h, HTML_ATTR_CLASS, "tagline");
	html_text(h, page_text(ctx, "Monitoring of the economic alliance"));
	html_close(h);
	page_site_nav(h, ctx);
	page_language_switch(h, ctx);
	html_close(h);	/* div.wrap */
	html_close(h);	/* header */
	html_open(h, HTML_MAIN);
	html_attr(h, HTML_ATTR_ID, "main");
	html_attr(h, HTML_ATTR_CLASS, "wrap");
	buf_free(&b);
}

void
page_end(struct html *h, const struct page_context *ctx)
{
	struct buf b = BUF_INIT;

	html_close_to(h, 2);	/* back to <body> */
	html_open(h, HTML_FOOTER);
	html_attr(h, HTML_ATTR_CLASS, "site-footer");
	html_open(h, HTML_DIV);
	html_attr(h, HTML_ATTR_CLASS, "wrap");
	html_open(h, HTML_P);
	html_textf(h, "wiall %s", ctx->req->site != NULL ?
	    ctx->req->site->version : "");
	if (!ctx->static_site) {
		html_text(h, " \xc2\xb7 ");
		buf_puts(&b, ctx->site_root);
		buf_puts(&b, "api/v1/");
		html_open(h, HTML_A);
		html_attr(h, HTML_ATTR_HREF, buf_cstr(&b));
		html_text(h, page_text(ctx, "Open data (JSON API)"));
		html_close(h);
	}
	html_close_to(h, 0);
	html_literal(h, "\n");
	buf_free(&b);
}

void
page_send(struct http_response *r, struct buf *page)
{
	buf_free(&r->body);
	r->body = *page;
	buf_init(page);
	r->content_type = "text/html; charset=utf-8";
	r->vary_language = true;
	r->cache_control = "no-cache";
}
