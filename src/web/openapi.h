/* The OpenAPI 3.1 document of the JSON API, written from the route table
 * (each API route's struct route_api) and the component schemas in
 * src/web/openapi/components.json, with the enumerations and the record
 * groups taken from the code's name tables so that they cannot drift. The
 * document is built per call; the caller owns (json_decref) what it gets. */
#ifndef WIALL_WEB_OPENAPI_H
#define WIALL_WEB_OPENAPI_H

#include <jansson.h>

#include "util/buf.h"
#include "util/error.h"
#include "web/router.h"

#define OPENAPI_VERSION	"3.1.0"

/* The document for the routes of a table ending with a NULL pattern (the
 * documented ones: api set, not an alias), or NULL with e set when the
 * embedded components do not parse. */
json_t	*openapi_document(const struct route *routes, const char *version,
	    struct error *e);
/* A route's path as the document names it: each {} becomes {name} of its
 * path parameter, in order ("/api/v1/indicators/{code}"). */
void	openapi_path(const struct route *r, struct buf *out);
/* GET /api/v1/openapi.json. */
void	openapi_handle(const struct http_request *req,
	    struct http_response *resp, const struct route_match *m);

#endif
