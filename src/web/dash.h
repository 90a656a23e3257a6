/* The dashboard's pages and API endpoints over app/dashboard.h: the overview
 * (vision, and per goal a tally of the weather and the assessed indicators,
 * the rest folded into one line), a goal's page, an indicator's page
 * (definition, chart with targets and projection, the weather with its
 * "Warum?" for every target, the other methods, the data with flags and
 * revisions, downloads), the JSON API's indicators, observations and
 * assessments, and the downloads (long CSV, JSON). Handlers only; they own
 * nothing. */
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
/* GET /api/v1/assessments[?region=R&method=dns|eurostat|opensdg]: the
 * document `wiall assess --format json` writes (wiall-assess/1). */
void	dash_api_assessments(const struct http_request *req,
	    struct http_response *resp, const struct route_match *m);
/* GET /downloads/{code}.csv (the long CSV `wiall export --indicator code`
 * writes) and /downloads/{code}.json (the indicator, its assessments and
 * its observations). */
void	dash_download(const struct http_request *req, struct http_response *resp,
	    const struct route_match *m);

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
/* <a> to a goal or indicator page. */
void	dash_link(struct html *h, const struct page_context *ctx,
	    const char *kind, const char *code, const char *text);
/* A verdict with its word: DNS with its weather icon (decorative, alt=""),
 * the other methods' labels as words; "not assessable" without one. */
void	dash_verdict(struct html *h, const struct page_context *ctx,
	    const struct explain *x);
/* The indicator's DNS weather (dash_verdict of its primary record). */
void	dash_weather(struct html *h, const struct page_context *ctx,
	    const struct dashboard_indicator *di);
/* The trend arrow (DNS mean change, app/assess.h) and its word. */
void	dash_trend(struct html *h, const struct page_context *ctx,
	    const struct dashboard_indicator *di);
/* The latest figure ("8,2 %") and its period ("März 2025"); false when
 * there is none. */
bool	dash_latest(struct buf *value, struct buf *period,
	    const struct page_context *ctx, const struct dashboard_indicator *di);
/* data-value="…" for sorting: the number in its shortest exact form. */
void	dash_data_value(struct html *h, double v);
/* A record's sentence, as `wiall assess` writes it (assess_sentence). */
void	dash_sentence(struct buf *out, const struct page_context *ctx,
	    const struct assess_result *r, const struct explain *x);
/* A short phrase for why there is no verdict: "too few values". */
const char *dash_reason_short(const struct page_context *ctx,
	    const struct explain *x);
/* True when a record lacks a verdict for want of data (no values, too few,
 * no complete year, too short), not for want of a target or direction. */
bool	dash_wants_data(const struct explain *x);
/* The link to a download of indicator `code` ("csv" or "json"). */
void	dash_download_href(struct buf *out, const struct page_context *ctx,
	    const char *code, const char *ext);
/* One goal's block (dash_overview.c): heading at `level` (2–4), the tally of
 * its weather, a table of the indicators with a verdict and one folded line
 * for those without enough data; its sub-goals follow, one level down. */
void	dash_goal_block(struct html *h, const struct page_context *ctx,
	    struct dashboard *d, const struct goal_node *node, int level,
	    bool heading);
/* The assessment section of an indicator page (dash_why.c). */
void	dash_why(struct html *h, const struct page_context *ctx,
	    const struct dashboard *d, const struct dashboard_indicator *di);
/* Eurostat's category and Open SDG's status (its sentence gives the score),
 * one sentence each (dash_why.c). */
void	dash_other_methods(struct html *h, const struct page_context *ctx,
	    const struct dashboard_indicator *di);
/* A target in words: "7,0 % by 2025", "at most 9,5 % every year". */
void	dash_target_text(struct buf *out, const struct page_context *ctx,
	    const struct dashboard *d, const struct indicator *ind,
	    const struct target_version *t);
