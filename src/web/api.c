/* JSON API basics (see api.h). */
#include "web/api.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "util/text.h"
#include "web/openapi.h"
#include "web/site.h"

/* One number of jansson's text, [s, s + n), in its shortest form. */
static void
api_number(struct buf *out, const char *s, size_t n)
{
	char text[40];
	double v;

	if (n >= sizeof(text) || strcspn(s, ".eE") >= n) {
		buf_append(out, s, n);	/* an integer: as it is */
		return;
	}
	memcpy(text, s, n);
	text[n] = '\0';
	v = strtod(text, NULL);
	text_format_double(v, text, sizeof(text));
	buf_puts(out, text);
}

/*
 * jansson writes a real with a fixed number of significant digits: 17 are
 * exact but show 0.1 as 0.10000000000000001, 15 read well but lose what an
 * imported 0.30000000000000004 holds. So the text is written with 17 and
 * each real is rewritten in the shortest form that reads back to the same
 * double, as the assessment and structure documents (and the CSV export)
 * write numbers. Outside strings a JSON text has numbers only where a
 * '-' or a digit begins a token.
 */
void
api_dump(json_t *doc, struct buf *out)
{
	char *text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(17));
	const char *p, *start;

	if (text == NULL)
		return;
	for (p = text; *p != '\0';) {
		if (*p == '"') {
			start = p++;
			while (*p != '\0' && *p != '"')
				p += p[0] == '\\' && p[1] != '\0' ? 2 : 1;
			if (*p == '"')
				p++;
			buf_append(out, start, (size_t)(p - start));
		} else if (*p == '-' || (*p >= '0' && *p <= '9')) {
			start = p;
			p += strspn(p, "-+0123456789.eE");
			api_number(out, start, (size_t)(p - start));
		} else {
			buf_putc(out, *p++);
		}
	}
	buf_putc(out, '\n');
	free(text);
}

void
api_send(struct http_response *resp, json_t *doc)
{
	buf_reset(&resp->body);
	if (doc != NULL)
		api_dump(doc, &resp->body);
	json_decref(doc);
	resp->content_type = "application/json";
	resp->cors = true;
	if (resp->cache_control == NULL)
		resp->cache_control = "no-cache";
}

void
api_error(struct http_response *resp, int status, const char *message)
{
	/* jansson takes UTF-8 only; a reason that quotes bytes of a request
	 * that are not falls back to the status's words. */
	if (message == NULL || !text_utf8_valid(message, strlen(message), NULL))
		message = http_status_text(status);
	resp->status = status;
	resp->cache_control = "no-store";
	api_send(resp, json_pack("{s:{s:i,s:s}}", "error", "status", status,
	    "message", message));
}

void
api_index(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	const struct route *r;
	struct buf path = BUF_INIT;
	json_t *endpoints = json_array();

	/* The documented routes, as the OpenAPI document names them. */
	for (r = site_routes_table(); r->pattern != NULL; r++) {
		if (r->api == NULL || r->alias)
			continue;
		buf_reset(&path);
		openapi_path(r, &path);
		json_array_append_new(endpoints, json_string(buf_cstr(&path)));
	}
	buf_free(&path);
	api_send(resp, json_pack("{s:s,s:s,s:s,s:s,s:o}",
	    "name", "wiall",
	    "version", req->site != NULL ? req->site->version : "",
	    "api", "v1",
	    "openapi", "/api/v1/openapi.json",
	    "endpoints", endpoints));
}

void
api_health(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	const char *version = req->site != NULL ? req->site->version : "";
	struct error e;
	struct db *db = http_database(req, &e);

	resp->cache_control = "no-store";
	if (db == NULL) {
		resp->status = 503;
		api_send(resp, json_pack("{s:s,s:s,s:s}", "status",
		    "unavailable", "version", version, "database", e.message));
		return;
	}
	api_send(resp, json_pack("{s:s,s:s,s:s,s:i}", "status", "ok",
	    "version", version, "database", "ok", "schema",
	    db_schema_version(db)));
}
