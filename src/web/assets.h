/* Serves the files embedded from src/web/assets/ under /assets/NAME, with
 * their content type and a year-long cache lifetime (links carry ?v=). */
#ifndef WIALL_WEB_ASSETS_H
#define WIALL_WEB_ASSETS_H

#include "web/router.h"

void	assets_handle(const struct http_request *req, struct http_response *resp,
	    const struct route_match *m);

#endif
