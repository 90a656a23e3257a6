/* GET /api/v1/index: the composite indices the catalogue defines, and
 * /api/v1/index/{code}: one index built from the database
 * (app/index_catalog.h) with everything its page shows — units, scores of
 * every level, nominal ranks, the rank intervals of the uncertainty
 * analysis, each component's raw and normalised value, and the parameters.
 * Numbers carry 17 significant digits, as `wiall index build --catalog CODE
 * --format json` writes them. Errors are JSON (404 for an unknown index).
 * Handlers own nothing after they return. */
#ifndef WIALL_WEB_API_INDICES_H
#define WIALL_WEB_API_INDICES_H

#include "web/router.h"

void	api_indices_list(const struct http_request *req,
	    struct http_response *resp, const struct route_match *m);
void	api_indices_one(const struct http_request *req,
	    struct http_response *resp, const struct route_match *m);

#endif
