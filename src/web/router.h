/* Routes: a table of path patterns, the methods each allows and its
 * handler. router_dispatch() answers what no handler should have to: 400
 * for a path that is not UTF-8, 404, 405 with Allow, OPTIONS for the API,
 * ETags and 304. The table is static data owned by its module. */
#ifndef WIALL_WEB_ROUTER_H
#define WIALL_WEB_ROUTER_H

#include <stdbool.h>
#include <stddef.h>

#include "web/http.h"

#define ROUTE_PARAMS_MAX	4
#define ROUTE_PARAM_MAX		128	/* longer segments do not match */

struct route_match {
	char	params[ROUTE_PARAMS_MAX][ROUTE_PARAM_MAX];
	size_t	count;
};

typedef void (*route_handler)(const struct http_request *req,
    struct http_response *resp, const struct route_match *m);

struct route {
	const char	*pattern;	/* "/api/v1/indicators/{}": {} is one segment */
	route_handler	 handler;
};

/* Matches one pattern; fills m with the segments that {} stood for. */
bool	router_match(const char *pattern, const char *path, struct route_match *m);
/* Answers req from a table that ends with a NULL pattern. Every route
 * allows GET and HEAD; API routes (under /api/) also OPTIONS. */
void	router_dispatch(const struct route *routes, const struct http_request *req,
	    struct http_response *resp);
/* True for paths of the JSON API, whose errors are JSON too. */
bool	router_is_api(const char *path);

#endif
