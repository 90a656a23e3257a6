/* Route matching and the answers every route shares (see router.h). */
#include "web/router.h"

#include <stdio.h>
#include <string.h>

#include "store/freshness.h"
#include "util/text.h"
#include "web/page.h"

/* More query arguments than this are refused before they are looked at. */
#define ROUTER_QUERY_MAX	16

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

static const struct route_param *
router_query_param(const struct route_api *api, const char *name)
{
	const struct route_param *p;

	for (p = api->params; p < api->params + ROUTE_API_PARAMS_MAX &&
	    p->name != NULL; p++)
		if (!p->in_path && strcmp(p->name, name) == 0)
			return p;
	return NULL;
}

/* "region, from, to and dims" (or "no parameters"). */
static void
router_param_list(const struct route_api *api, struct buf *out)
{
	const struct route_param *p;
	size_t n = 0, i = 0;

	for (p = api->params; p < api->params + ROUTE_API_PARAMS_MAX &&
	    p->name != NULL; p++)
		n += !p->in_path;
	if (n == 0) {
		buf_puts(out, "no parameters");
		return;
	}
	for (p = api->params; p < api->params + ROUTE_API_PARAMS_MAX &&
	    p->name != NULL; p++) {
		if (p->in_path)
			continue;
		if (i > 0)
			buf_puts(out, i + 1 == n ? " and " : ", ");
		buf_puts(out, p->name);
		i++;
	}
}

int
router_check_query(const struct route_api *api, const struct http_request *req,
    char *message, size_t size)
{
	const char *keys[ROUTER_QUERY_MAX];
	const struct route_param *p;
	struct buf list = BUF_INIT;
	size_t n = http_query_keys(req, keys, ROUTER_QUERY_MAX), i, j;
	const char *v;
	int rc = -1;

	if (n > ROUTER_QUERY_MAX) {
		snprintf(message, size, "too many query parameters (%zu; at "
		    "most %d)", n, ROUTER_QUERY_MAX);
		return -1;
	}
	for (i = 0; i < n; i++) {
		p = router_query_param(api, keys[i]);
		if (p == NULL) {
			size_t k = strlen(keys[i]);
			router_param_list(api, &list);
			/* The name is repeated only when it is short UTF-8. */
			if (k <= 64 && text_utf8_valid(keys[i], k, NULL))
				snprintf(message, size, "unknown query parameter "
				    "'%s' (this endpoint takes %s)", keys[i],
				    buf_cstr(&list));
			else
				snprintf(message, size, "unknown query parameter "
				    "(this endpoint takes %s)", buf_cstr(&list));
			goto done;
		}
		for (j = 0; j < i; j++)
			if (strcmp(keys[j], keys[i]) == 0) {
				snprintf(message, size, "%s is given twice",
				    p->name);
				goto done;
			}
		v = http_query(req, p->name);
		if (v == NULL || (v[0] == '\0' && !p->allow_empty)) {
			snprintf(message, size, "%s: give a value, or leave the "
			    "parameter out", p->name);
			goto done;
		}
		if (strlen(v) >= ROUTE_PARAM_MAX) {
			snprintf(message, size, "%s: the value is longer than "
			    "%d bytes", p->name, ROUTE_PARAM_MAX - 1);
			goto done;
		}
		if (!text_utf8_valid(v, strlen(v), NULL)) {
			snprintf(message, size, "%s: the value is not UTF-8",
			    p->name);
			goto done;
		}
	}
	rc = 0;
done:
	buf_free(&list);
	return rc;
}

/* The database's last change, 0 when unknown. */
static time_t
router_modified(const struct http_request *req)
{
	struct error e;
	struct db *db = http_database(req, &e);
	time_t t;

	if (db == NULL || freshness_modified(db, &t, &e) == -1)
		return 0;
	return t;
}

void
router_dispatch(const struct route *routes, const struct http_request *req,
    struct http_response *resp)
{
	const struct route *r;
	time_t modified = 0;
	struct route_match m;
	char message[256];
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
		page_error(req, resp, 404, api ? "no such endpoint (/api/v1 and "
		    "/api/v1/openapi.json list them)" : NULL);
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
	if (r->api != NULL && router_check_query(r->api, req, message,
	    sizeof(message)) == -1) {
		page_error(req, resp, 400, message);	/* JSON: an API path */
		return;
	}
	/* The stamp is read before the handler reads anything else: a write
	 * that lands in between can then only make the body newer than its
	 * Last-Modified, never older, and the next If-Modified-Since still
	 * sees the newer stamp. Without a stamp (a database from before it,
	 * or one that cannot be read: the handler will say so) there is no
	 * Last-Modified, and If-Modified-Since is not used. */
	if (r->data)
		modified = router_modified(req);
	r->handler(req, resp, &m);
	if (resp->status == 200 && r->data)
		resp->last_modified = modified;
	if (api)
		resp->cors = true;
	if (resp->status == 200 && resp->etag[0] == '\0') {
		size_t n;
		const void *data = http_response_data(resp, &n);
		http_etag(resp->etag, data, n);
	}
	http_conditional(req, resp);
}
