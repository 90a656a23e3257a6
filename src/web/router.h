/* Routes: a table of path patterns, the methods each allows and its
 * handler. router_dispatch() answers what no handler should have to: 400
 * for a path that is not UTF-8 or a query parameter an API route does not
 * take, 404, 405 with Allow, OPTIONS for the API, ETags, Last-Modified
 * (the database's modified_at, on routes marked data) and 304. An API
 * route carries its description (struct route_api), from which the OpenAPI
 * document is written (web/openapi.h), so that what the server checks and
 * what the document says come from one place. The table is static data
 * owned by its module. */
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

/* A parameter of an API route. Path parameters stand for the route's {}
 * in order; query parameters are the only ones the route accepts. */
struct route_param {
	const char	*name;
	bool		 in_path;
	bool		 allow_empty;	/* "?dims=" means something */
	const char	*schema;	/* a schema of the OpenAPI components */
	const char	*example;	/* a value that works on the demo */
	const char	*description;
};

/* An answer an API route may give besides 200, 304, 400 and 405, which
 * every one may give. */
struct route_status {
	int		 status;
	const char	*schema;	/* the body's schema; NULL: "Error" */
	const char	*description;
};

#define ROUTE_API_PARAMS_MAX	8
#define ROUTE_API_STATUSES_MAX	4

struct route_api {
	const char	*id;		/* the OpenAPI operationId */
	const char	*summary;
	const char	*description;
	const char	*schema;	/* the 200 body's schema (JSON) */
	struct route_param  params[ROUTE_API_PARAMS_MAX];	/* name NULL ends */
	struct route_status statuses[ROUTE_API_STATUSES_MAX];	/* 0 ends */
};

struct route {
	const char		*pattern;	/* "/api/v1/indicators/{}": {} is
						 * one segment */
	route_handler		 handler;
	const struct route_api	*api;		/* NULL: a page, an asset */
	bool			 alias;		/* the same as the route before
						 * it, left out of the document */
	bool			 data;		/* answered from the database:
						 * a 200 has its Last-Modified */
};

/* Matches one pattern; fills m with the segments that {} stood for. */
bool	router_match(const char *pattern, const char *path, struct route_match *m);
/* Answers req from a table that ends with a NULL pattern. Every route
 * allows GET and HEAD; API routes (under /api/) also OPTIONS. */
void	router_dispatch(const struct route *routes, const struct http_request *req,
	    struct http_response *resp);
/* 0 when every query parameter of req is one that api takes, with a
 * value (or an empty one where allowed) of at most ROUTE_PARAM_MAX - 1
 * bytes; else -1 with the reason in message. */
int	router_check_query(const struct route_api *api,
	    const struct http_request *req, char *message, size_t size);
/* True for paths of the JSON API, whose errors are JSON too. */
bool	router_is_api(const char *path);

#endif
