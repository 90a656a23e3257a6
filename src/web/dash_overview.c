/* The overview and the goal pages (see dash.h). A goal shows a tally of its
 * weather symbols (each with its word), a table of the indicators that have
 * a verdict, and one folded line for those without enough data: with the
 * real, sparse data most indicators are not assessable yet, and a page that
 * listed each of them as "not assessable" hid the few that say something. */
#include "web/dash.h"

#include <stdlib.h>
#include <string.h>

#include "util/format.h"
#include "util/xalloc.h"

/* How the indicators of a goal (or a guiding goal's whole subtree) fare. */
struct dash_tally {
	size_t	weather[EXPLAIN_VERDICT_THUNDERSTORM + 1];	/* by DNS verdict */
	size_t	not_assessable;	/* data enough, but no verdict */
	size_t	wants_data;
};

static void
dash_tally_add(struct dash_tally *t, const struct dashboard_indicator *di)
{
	const struct explain *x = dashboard_verdict(di);

	if (dashboard_assessed(di) && x->verdict <= EXPLAIN_VERDICT_THUNDERSTORM)
		t->weather[x->verdict]++;
	else if (dash_wants_data(x))
		t->wants_data++;
	else
		t->not_assessable++;
}

/* The tally of a subtree, each indicator once (an indicator may serve two
 * goals); seen[] is by catalogue index. */
static void
dash_tally_tree(struct dash_tally *t, struct dashboard *d,
    const struct goal_node *node, bool *seen)
{
	size_t i;

	for (i = 0; i < node->indicator_count; i++) {
		struct dashboard_indicator *di = dashboard_find(d,
		    node->indicators[i]->code);
		size_t k = (size_t)(di - d->indicators);

		if (seen[k])
			continue;
		seen[k] = true;
		dash_tally_add(t, di);
	}
	for (i = 0; i < node->child_count; i++)
		dash_tally_tree(t, d, node->children[i], seen);
}

static void
dash_tally_item(struct html *h, const char *class, size_t n, const char *word)
{
	html_open(h, HTML_LI);
	html_attr(h, HTML_ATTR_CLASS, class);
	html_textf(h, "%s: %zu", word, n);
	html_close(h);
}

/* The tally as a list of words and counts (icons are decoration). With
 * `all`, also the indicators without enough data. */
static void
dash_tally_list(struct html *h, const struct page_context *ctx,
    const struct dash_tally *t, bool all)
{
	static const char *const icons[] = {
		[EXPLAIN_VERDICT_SUN] = "weather-sun.svg",
		[EXPLAIN_VERDICT_SUN_BEHIND_CLOUD] = "weather-sun-cloud.svg",
		[EXPLAIN_VERDICT_CLOUD] = "weather-cloud.svg",
		[EXPLAIN_VERDICT_THUNDERSTORM] = "weather-thunderstorm.svg",
	};
	struct buf src = BUF_INIT;
	int v;

	html_open(h, HTML_UL);
	html_attr(h, HTML_ATTR_CLASS, "tally");
	html_attr(h, HTML_ATTR_ARIA_LABEL, page_text(ctx, "Summary"));
	for (v = EXPLAIN_VERDICT_SUN; v <= EXPLAIN_VERDICT_THUNDERSTORM; v++) {
		if (t->weather[v] == 0)
			continue;
		html_open(h, HTML_LI);
		html_attrf(h, HTML_ATTR_CLASS, "weather weather-%s",
		    explain_verdict_names[v]);
		buf_reset(&src);
		page_asset_href(&src, ctx, icons[v]);
		html_void(h, HTML_IMG);
		html_attr(h, HTML_ATTR_SRC, buf_cstr(&src));
		html_attr(h, HTML_ATTR_ALT, "");
		html_attr(h, HTML_ATTR_WIDTH, "24");
		html_attr(h, HTML_ATTR_HEIGHT, "24");
		html_textf(h, "%s: %zu", explain_verdict_label(
		    (enum explain_verdict)v, ctx->lang), t->weather[v]);
		html_close(h);
	}
	if (t->not_assessable > 0)
		dash_tally_item(h, "tally-none", t->not_assessable,
		    page_text(ctx, "not assessable"));
	if (all && t->wants_data > 0)
		dash_tally_item(h, "tally-nodata", t->wants_data,
		    page_text(ctx, "without enough data"));
	html_close(h);
	buf_free(&src);
}

static void
dash_overview_row(struct html *h, const struct page_context *ctx,
    const struct dashboard_indicator *di)
{
	const struct indicator *ind = di->indicator;
	struct buf value = BUF_INIT, period = BUF_INIT;

	html_open(h, HTML_TR);
	html_open(h, HTML_TH);
	html_attr(h, HTML_ATTR_SCOPE, "row");
	dash_link(h, ctx, "indicators", ind->code, dash_pick(ctx, ind->title_de,
	    ind->title_en));
	html_close(h);
	html_open(h, HTML_TD);
	dash_weather(h, ctx, di);
	if (!dashboard_assessed(di)) {
		html_open(h, HTML_SPAN);
		html_attr(h, HTML_ATTR_CLASS, "reason");
		html_textf(h, ": %s", dash_reason_short(ctx, dashboard_verdict(di)));
		html_close(h);
	}
	html_close(h);
	html_open(h, HTML_TD);
	dash_trend(h, ctx, di);
	html_close(h);
	if (dash_latest(&value, &period, ctx, di)) {
		html_open(h, HTML_TD);
		html_attr(h, HTML_ATTR_CLASS, "num");
		dash_data_value(h, di->result->latest.value);
		html_text(h, buf_cstr(&value));
		html_close(h);
		html_element_text(h, HTML_TD, buf_cstr(&period));
	} else {
		html_open(h, HTML_TD);
		html_attr(h, HTML_ATTR_CLASS, "num missing");
		html_text(h, page_text(ctx, "no data yet"));
		html_close(h);
		html_element_text(h, HTML_TD, "\xe2\x80\x93");
	}
	html_close(h);
	buf_free(&value);
	buf_free(&period);
}

/* The indicators with something to say: those with a verdict first, then
 * those with data but no verdict (no direction set, target year passed). */
static void
dash_overview_table(struct html *h, const struct page_context *ctx,
    struct dashboard_indicator *const *list, size_t n, const char *caption)
{
	static const char *const heads[] = { N_("Indicator"), N_("Weather"),
	    N_("Trend"), N_("Latest value"), N_("Period") };
	size_t i, k;
	int pass;

	html_open(h, HTML_TABLE);
	html_attr(h, HTML_ATTR_CLASS, "data indicators");
	html_open(h, HTML_CAPTION);
	html_attr(h, HTML_ATTR_CLASS, "visually-hidden");
	html_text(h, caption);
	html_close(h);
	html_open(h, HTML_THEAD);
	html_open(h, HTML_TR);
	for (k = 0; k < sizeof(heads) / sizeof(heads[0]); k++) {
		html_open(h, HTML_TH);
		html_attr(h, HTML_ATTR_SCOPE, "col");
		html_attrf(h, HTML_ATTR_CLASS, "col-%zu", k);
		html_text(h, page_text(ctx, heads[k]));
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, HTML_TBODY);
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < n; i++)
			if (dashboard_assessed(list[i]) == (pass == 0))
				dash_overview_row(h, ctx, list[i]);
	html_close(h);
	html_close(h);
}

/* The indicators without enough data, folded into one line that opens
 * without JavaScript (<details>). */
static void
dash_overview_more(struct html *h, const struct page_context *ctx,
    struct dashboard_indicator *const *list, size_t n, bool others)
{
	struct buf value = BUF_INIT, period = BUF_INIT;
	size_t i;

	html_open(h, HTML_DETAILS);
	html_attr(h, HTML_ATTR_CLASS, "more");
	html_open(h, HTML_SUMMARY);
	if (n == 1)
		html_text(h, page_text(ctx, others ?
		    "1 more indicator without enough data" :
		    "1 indicator without enough data"));
	else
		html_textf(h, page_text(ctx, others ?
		    "%zu more indicators without enough data" :
		    "%zu indicators without enough data"), n);
	html_close(h);
	html_open(h, HTML_UL);
	for (i = 0; i < n; i++) {
		const struct indicator *ind = list[i]->indicator;

		html_open(h, HTML_LI);
		dash_link(h, ctx, "indicators", ind->code, dash_pick(ctx,
		    ind->title_de, ind->title_en));
		html_open(h, HTML_SPAN);
		html_attr(h, HTML_ATTR_CLASS, "reason");
		html_textf(h, " \xe2\x80\x93 %s", dash_reason_short(ctx,
		    dashboard_verdict(list[i])));
		buf_reset(&value);
		buf_reset(&period);
		if (dash_latest(&value, &period, ctx, list[i]))
			html_textf(h, " (%s %s, %s)", page_text(ctx,
			    "latest value"), buf_cstr(&value), buf_cstr(&period));
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	buf_free(&value);
	buf_free(&period);
}

/* A goal's own indicators: tally, table, folded rest. */
static void
dash_goal_body(struct html *h, const struct page_context *ctx,
    struct dashboard *d, const struct goal_node *node)
{
	const struct goal *g = node->goal;
	struct dashboard_indicator **shown, **rest;
	struct dash_tally t;
	size_t i, ns = 0, nr = 0;

	if (node->indicator_count == 0)
		return;
	memset(&t, 0, sizeof(t));
	shown = xcalloc(node->indicator_count, sizeof(*shown));
	rest = xcalloc(node->indicator_count, sizeof(*rest));
	for (i = 0; i < node->indicator_count; i++) {
		struct dashboard_indicator *di = dashboard_find(d,
		    node->indicators[i]->code);

		dash_tally_add(&t, di);
		if (!dashboard_assessed(di) && dash_wants_data(
		    dashboard_verdict(di)))
			rest[nr++] = di;
		else
			shown[ns++] = di;
	}
	if (ns > 0) {
		dash_tally_list(h, ctx, &t, false);
		dash_overview_table(h, ctx, shown, ns, dash_pick(ctx,
		    g->title_de, g->title_en));
	}
	if (nr > 0)
		dash_overview_more(h, ctx, rest, nr, ns > 0);
	free(shown);
	free(rest);
}

static enum html_element
dash_heading(int level)
{
	return level <= 2 ? HTML_H2 : level == 3 ? HTML_H3 : HTML_H4;
}

void
dash_goal_block(struct html *h, const struct page_context *ctx,
    struct dashboard *d, const struct goal_node *node, int level,
    bool heading)
{
	const struct goal *g = node->goal;
	size_t i;

	html_open(h, HTML_SECTION);
	html_attrf(h, HTML_ATTR_CLASS, "goal-block level-%d", level);
	if (heading) {
		html_open(h, dash_heading(level));
		dash_link(h, ctx, "goals", g->code, dash_pick(ctx, g->title_de,
		    g->title_en));
		html_close(h);
	}
	dash_goal_body(h, ctx, d, node);
	for (i = 0; i < node->child_count; i++)
		dash_goal_block(h, ctx, d, node->children[i], level + 1, true);
	html_close(h);
}

static void
dash_updated(struct html *h, const struct page_context *ctx,
    const struct dashboard *d)
{
	struct buf b = BUF_INIT;

	if (d->updated[0] == '\0' || format_iso_date(&b, d->updated,
	    ctx->lang) == -1)
		return;
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "updated");
	html_textf(h, "%s ", page_text(ctx, "Data last updated:"));
	html_open(h, HTML_TIME);
	html_attrf(h, HTML_ATTR_DATETIME, "%.10s", d->updated);
	html_text(h, buf_cstr(&b));
	html_close(h);
	html_close(h);
	buf_free(&b);
}

/* A guiding goal: its heading, the tally of everything below it, then its
 * goals. */
static void
dash_overview_root(struct html *h, const struct page_context *ctx,
    struct dashboard *d, const struct goal_node *node)
{
	const struct goal *g = node->goal;
	struct dash_tally t;
	bool *seen = xcalloc(d->catalog.indicator_count + 1, sizeof(*seen));
	size_t i;

	memset(&t, 0, sizeof(t));
	dash_tally_tree(&t, d, node, seen);
	free(seen);
	html_open(h, HTML_SECTION);
	html_attr(h, HTML_ATTR_CLASS, "goal");
	html_open(h, HTML_H2);
	dash_link(h, ctx, "goals", g->code, dash_pick(ctx, g->title_de,
	    g->title_en));
	html_close(h);
	if (g->description_de != NULL || g->description_en != NULL)
		html_element_text(h, HTML_P, dash_pick(ctx, g->description_de,
		    g->description_en));
	dash_tally_list(h, ctx, &t, true);
	dash_goal_body(h, ctx, d, node);
	for (i = 0; i < node->child_count; i++)
		dash_goal_block(h, ctx, d, node->children[i], 3, true);
	html_close(h);
}

void
dash_overview(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	struct page_context ctx;
	struct dashboard d;
	struct buf b = BUF_INIT;
	struct html h;
	const struct vision *v;
	size_t i;

	if (dash_load(req, resp, NULL, &d) == -1)
		return;
	page_context_init(&ctx, req, "");
	v = d.catalog.vision;
	html_init(&h, &b);
	page_begin(&h, &ctx, v != NULL ? dash_pick(&ctx, v->title_de,
	    v->title_en) : page_text(&ctx, "Overview"));
	html_element_text(&h, HTML_H1, v != NULL ? dash_pick(&ctx, v->title_de,
	    v->title_en) : page_text(&ctx, "Overview"));
	if (v != NULL && (v->description_de != NULL || v->description_en != NULL))
		html_element_text(&h, HTML_P, dash_pick(&ctx, v->description_de,
		    v->description_en));
	if (d.home != NULL) {
		html_open(&h, HTML_P);
		html_textf(&h, "%s ", page_text(&ctx, "Values for"));
		html_element_text(&h, HTML_STRONG, dash_pick(&ctx,
		    d.home->name_de, d.home->name_en));
		html_text(&h, page_text(&ctx, "; the weather symbol compares the "
		    "trend with the target (method of the German Sustainable "
		    "Development Strategy)."));
		html_close(&h);
	}
	dash_updated(&h, &ctx, &d);
	if (d.tree.root_count == 0)
		html_element_text(&h, HTML_P, page_text(&ctx,
		    "The catalogue is empty: load one with `wiall catalog load`."));
	for (i = 0; i < d.tree.root_count; i++)
		dash_overview_root(&h, &ctx, &d, d.tree.roots[i]);
	page_end(&h, &ctx);
	page_send(resp, &b);
	dashboard_free(&d);
}

void
dash_goal(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	struct page_context ctx;
	struct dashboard d;
	struct buf b = BUF_INIT, path = BUF_INIT;
	struct html h;
	const struct goal_node *node = NULL;
	const struct goal *g, *parent;
	size_t i;

	if (dash_load(req, resp, NULL, &d) == -1)
		return;
	for (i = 0; i < d.tree.node_count; i++)
		if (strcmp(d.tree.nodes[i].goal->code, m->params[0]) == 0)
			node = &d.tree.nodes[i];
	if (node == NULL) {
		dashboard_free(&d);
		page_error(req, resp, 404, NULL);
		return;
	}
	g = node->goal;
	page_context_init(&ctx, req, NULL);
	html_init(&h, &b);
	page_begin(&h, &ctx, dash_pick(&ctx, g->title_de, g->title_en));
	html_open(&h, HTML_NAV);
	html_attr(&h, HTML_ATTR_CLASS, "breadcrumb");
	html_attr(&h, HTML_ATTR_ARIA_LABEL, page_text(&ctx, "Breadcrumb"));
	page_href(&path, &ctx, "");
	html_open(&h, HTML_A);
	html_attr(&h, HTML_ATTR_HREF, buf_cstr(&path));
	html_text(&h, page_text(&ctx, "Overview"));
	html_close(&h);
	parent = g->parent != NULL ? model_find_goal(&d.catalog, g->parent) : NULL;
	if (parent != NULL) {
		html_text(&h, " \xe2\x80\xba ");
		dash_link(&h, &ctx, "goals", parent->code, dash_pick(&ctx,
		    parent->title_de, parent->title_en));
	}
	html_close(&h);
	html_element_text(&h, HTML_H1, dash_pick(&ctx, g->title_de, g->title_en));
	if (g->description_de != NULL || g->description_en != NULL)
		html_element_text(&h, HTML_P, dash_pick(&ctx, g->description_de,
		    g->description_en));
	if (node->indicator_count > 0) {
		html_element_text(&h, HTML_H2, page_text(&ctx, "Indicators"));
		dash_goal_body(&h, &ctx, &d, node);
	}
	if (node->child_count > 0) {
		html_element_text(&h, HTML_H2, page_text(&ctx, "Sub-goals"));
		for (i = 0; i < node->child_count; i++)
			dash_goal_block(&h, &ctx, &d, node->children[i], 3, true);
	}
	page_end(&h, &ctx);
	page_send(resp, &b);
	buf_free(&path);
	dashboard_free(&d);
}
