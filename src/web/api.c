/* JSON API basics (see api.h). */
#include "web/api.h"

#include <stdlib.h>

#include "store/db.h"
#include "web/site.h"

void
api_send(struct http_response *resp, json_t *doc)
{
	char *text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

	buf_reset(&resp->body);
	if (text != NULL) {
		buf_puts(&resp->body, text);
		buf_putc(&resp->body, '\n');
		free(text);
	}
	json_decref(doc);
	resp->content_type = "application/json";
	resp->cors = true;
	if (resp->cache_control == NULL)
		resp->cache_control = "no-cache";
}

void
api_error(struct http_response *resp, int status, const char *message)
{
	resp->status = status;
	resp->cache_control = "no-store";
	api_send(resp, json_pack("{s:{s:i,s:s}}", "error", "status", status,
	    "message", message != NULL ? message : http_status_text(status)));
}

void
api_index(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	api_send(resp, json_pack("{s:s,s:s,s:s,s:[s,s,s,s,s,s,s,s]}",
	    "name", "wiall",
	    "version", req->site != NULL ? req->site->version : "",
	    "api", "v1",
	    "endpoints", "/api/v1/health", "/api/v1/indicators",
	    "/api/v1/indicators/{code}",
	    "/api/v1/indicators/{code}/observations", "/api/v1/assessments",
	    "/api/v1/structure", "/api/v1/index", "/api/v1/index/{code}"));
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
