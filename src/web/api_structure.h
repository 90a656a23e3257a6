/* GET /api/v1/structure: the structure report of one region (app/structure_view.h)
 * as the JSON contract of `wiall structure --format json` (app/structure_json.h).
 * Query: indicator, region, reference, from, to; without them, what the
 * economic-structure page shows. Errors are JSON: 400 for a bad parameter, 404
 * for an unknown indicator or region. The handler owns nothing after it returns. */
#ifndef WIALL_WEB_API_STRUCTURE_H
#define WIALL_WEB_API_STRUCTURE_H

#include "web/router.h"

void	api_structure(const struct http_request *req, struct http_response *resp,
	    const struct route_match *m);

#endif
