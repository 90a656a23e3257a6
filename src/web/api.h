/* The read-only JSON API under /api/v1/ (jansson): the index with the
 * version, the health check, and the JSON form of errors. Documents are
 * built per request and freed before the handler returns. */
#ifndef WIALL_WEB_API_H
#define WIALL_WEB_API_H

#include <jansson.h>

#include "web/router.h"

/* The text of a JSON document, reals in their shortest round-trip form
 * (util/text.h), two spaces of indent, a newline at the end. */
void	api_dump(json_t *doc, struct buf *out);
/* Puts a JSON document into the response (takes the reference to doc). */
void	api_send(struct http_response *resp, json_t *doc);
/* {"error": {"status": 404, "message": "…"}} */
void	api_error(struct http_response *resp, int status, const char *message);
/* GET /api/v1/: name, version and the endpoints that exist. */
void	api_index(const struct http_request *req, struct http_response *resp,
	    const struct route_match *m);
/* GET /healthz, /api/v1/health: 200 when the database answers, else 503. */
void	api_health(const struct http_request *req, struct http_response *resp,
	    const struct route_match *m);

#endif
