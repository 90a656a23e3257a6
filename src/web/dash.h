/* The dashboard's pages and API endpoints over app/dashboard.h: the overview
 * (vision, goals, indicators with weather, change and latest value), a goal's
 * page, an indicator's page (definition, chart with target and projection,
 * the weather with its "Warum?" explanation, the data with flags), and the
 * JSON API's indicators and observations. Handlers only; they own nothing. */
#ifndef WIALL_WEB_DASH_H
#define WIALL_WEB_DASH_H

#include "web/router.h"

void	dash_overview(const struct http_request *req, struct http_response *resp,
	    const struct route_match *m);
void	dash_goal(const struct http_request *req, struct http_response *resp,
	    const struct route_match *m);
void	dash_indicator(const struct http_request *req, struct http_response *resp,
	    const struct route_match *m);
void	dash_api_indicators(const struct http_request *req,
	    struct http_response *resp, const struct route_match *m);
void	dash_api_indicator(const struct http_request *req,
	    struct http_response *resp, const struct route_match *m);
void	dash_api_observations(const struct http_request *req,
	    struct http_response *resp, const struct route_match *m);

#endif

/* ---- shared by the dash*.c files ---------------------------------------- */
#include "app/dashboard.h"
#include "web/html.h"
#include "web/page.h"

/* Loads the dashboard for a request (one indicator when `only`), or answers
 * 503/500 and returns -1. */
int	dash_load(const struct http_request *req, struct http_response *resp,
	    const char *only, struct dashboard *d);
/* The German or English text of a record, whichever the page wants and has. */
const char *dash_pick(const struct page_context *ctx, const char *de,
	    const char *en);
/* The unit for display: "percent" is "%", other words are translated. */
const char *dash_unit(const struct page_context *ctx, const char *unit);
/* A value with the indicator's decimals and unit: "12,3 %". */
void	dash_value(struct buf *out, const struct page_context *ctx,
	    const struct indicator *ind, double v);
/* Link path of a goal or indicator page, its code percent-encoded. */
void	dash_path(struct buf *out, const char *kind, const char *code);
/* The weather symbol with its word (icon decorative: alt=""), or "not
 * assessable". */
void	dash_weather(struct html *h, const struct page_context *ctx,
	    const struct dashboard_indicator *di);
/* The last change: an arrow and its word. */
void	dash_change(struct html *h, const struct page_context *ctx,
	    const struct dashboard_indicator *di);
/* A table of indicators: title (link), weather, change, latest value, period. */
void	dash_indicator_table(struct html *h, const struct page_context *ctx,
	    struct dashboard *d, const struct indicator *const *list, size_t n,
	    const char *caption);
