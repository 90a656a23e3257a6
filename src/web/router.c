/* Route matching and the answers every route shares (see router.h). */
#include "web/router.h"

#include <string.h>

#include "util/text.h"
#include "web/page.h"

bool
router_is_api(const char *path)
{
	return strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0;
}

bool
router_match(const char *pattern, const char *path, struct route_match *m)
{
	const char *p = pattern, *s = path;

	m->count = 0;
	while (*p != '\0') {
		if (p[0] == '{' && p[1] == '}') {
			size_t n = strcspn(s, "/");
			if (n == 0 || n >= ROUTE_PARAM_MAX ||
			    m->count == ROUTE_PARAMS_MAX)
				return false;
			memcpy(m->params[m->count], s, n);
			m->params[m->count][n] = '\0';
			m->count++;
			s += n;
			p += 2;
			continue;
		}
		if (*p != *s)
			return false;
		p++;
		s++;
	}
	return *s == '\0';
}

void
router_dispatch(const struct route *routes, const struct http_request *req,
    struct http_response *resp)
{
	const struct route *r;
	struct route_match m;
	bool api = router_is_api(req->path);
	size_t len = strlen(req->path);

	if (req->path[0] != '/' || !text_utf8_valid(req->path, len, NULL)) {
		page_error(req, resp, 400, "The address is not valid UTF-8.");
		return;
	}
	for (r = routes; r->pattern != NULL; r++)
		if (router_match(r->pattern, req->path, &m))
			break;
	if (r->pattern == NULL) {
		page_error(req, resp, 404, NULL);
		return;
	}
	if (req->method == HTTP_OPTIONS && api) {
		/* A CORS preflight: reads only, from anywhere. */
		resp->status = 204;
		resp->allow = "GET, HEAD, OPTIONS";
		resp->cors = true;
		return;
	}
	if (req->method != HTTP_GET && req->method != HTTP_HEAD) {
		page_error(req, resp, 405, NULL);
		resp->allow = api ? "GET, HEAD, OPTIONS" : "GET, HEAD";
		return;
	}
	r->handler(req, resp, &m);
	if (api)
		resp->cors = true;
	if (resp->status == 200 && resp->etag[0] == '\0') {
		size_t n;
		const void *data = http_response_data(resp, &n);
		http_etag(resp->etag, data, n);
	}
	http_conditional(req, resp);
}
