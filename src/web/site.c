/* The site: assets and the route table (see site.h). */
#include "web/site.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/xalloc.h"
#include "web/api.h"
#include "web/api_indices.h"
#include "web/api_structure.h"
#include "web/assets.h"
#include "web/dash.h"
#include "web/page_index.h"
#include "web/page_structure.h"
#include "web/router.h"

extern const struct embedded_file web_assets[];

/* Every page and endpoint. */
static const struct route site_routes[] = {
	{ "/",			dash_overview },
	{ "/goals/{}",		dash_goal },
	{ "/indicators/{}",	dash_indicator },
	{ "/structure",		page_structure },
	{ "/structure/{}",	page_structure },
	{ "/structure/{}/{}",	page_structure },
	{ "/api/v1/structure",	api_structure },
	{ "/indices",		page_index },
	{ "/indices/{}",	page_index },
	{ "/api/v1/index",	api_indices_list },
	{ "/api/v1/index/{}",	api_indices_one },
	{ "/api/v1/indicators",	dash_api_indicators },
	{ "/api/v1/indicators/{}", dash_api_indicator },
	{ "/api/v1/indicators/{}/observations", dash_api_observations },
	{ "/api/v1/assessments", dash_api_assessments },
	{ "/downloads/{}",	dash_download },
	{ "/assets/{}",		assets_handle },
	{ "/healthz",		api_health },
	{ "/api/v1/health",	api_health },
	{ "/api/v1",		api_index },
	{ "/api/v1/",		api_index },
	{ NULL,			NULL }
};

static const struct {
	const char	*suffix;
	const char	*type;
} site_types[] = {
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".ico", "image/x-icon" },
	{ ".json", "application/json" },
	{ ".html", "text/html; charset=utf-8" },
	{ ".txt", "text/plain; charset=utf-8" },
	{ ".woff2", "font/woff2" },
};

const char *
site_content_type(const char *name)
{
	size_t n = strlen(name), i;

	for (i = 0; i < sizeof(site_types) / sizeof(site_types[0]); i++) {
		size_t k = strlen(site_types[i].suffix);
		if (n > k && strcmp(name + n - k, site_types[i].suffix) == 0)
			return site_types[i].type;
	}
	return "application/octet-stream";
}

int
site_init(struct site *s, const char *version, struct error *e)
{
	const struct embedded_file *f;
	struct buf all = BUF_INIT;
	struct stat st;
	char etag[HTTP_ETAG_MAX];
	size_t i;

	memset(s, 0, sizeof(*s));
	s->version = version;
	for (f = web_assets; f->name != NULL; f++)
		s->n_assets++;
	s->assets = xcalloc(s->n_assets + 1, sizeof(*s->assets));
	for (i = 0; i < s->n_assets; i++) {
		s->assets[i].file = &web_assets[i];
		s->assets[i].content_type = site_content_type(web_assets[i].name);
		http_etag(s->assets[i].etag, web_assets[i].data,
		    web_assets[i].size);
		buf_puts(&all, s->assets[i].etag);
	}
	http_etag(etag, all.data != NULL ? all.data : "", all.len);
	/* The ETag without its quotes, shortened: a cache-busting tag. */
	memcpy(s->asset_version, etag + 1, 12);
	s->asset_version[12] = '\0';
	buf_free(&all);
	/* Assets change only with the program: its file's time is theirs. */
	if (stat("/proc/self/exe", &st) == 0)
		s->assets_modified = st.st_mtime;
	(void)e;
	return 0;
}

void
site_free(struct site *s)
{
	free(s->assets);
	memset(s, 0, sizeof(*s));
}

const struct site_asset *
site_asset(const struct site *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n_assets; i++)
		if (strcmp(s->assets[i].file->name, name) == 0)
			return &s->assets[i];
	return NULL;
}

void
site_handle(const struct http_request *req, struct http_response *resp)
{
	router_dispatch(site_routes, req, resp);
}
