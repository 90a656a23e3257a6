/* The overview and goal pages, and what the dashboard's pages share (see
 * dash.h). */
#include "web/dash.h"

#include <string.h>

#include "util/format.h"
#include "util/i18n.h"

static const char *const dash_weather_icons[EXPLAIN_VERDICT__MAX] = {
	[EXPLAIN_VERDICT_SUN] = "weather-sun.svg",
	[EXPLAIN_VERDICT_SUN_BEHIND_CLOUD] = "weather-sun-cloud.svg",
	[EXPLAIN_VERDICT_CLOUD] = "weather-cloud.svg",
	[EXPLAIN_VERDICT_THUNDERSTORM] = "weather-thunderstorm.svg",
};

int
dash_load(const struct http_request *req, struct http_response *resp,
    const char *only, struct dashboard *d)
{
	struct error e;
	struct db *db = http_database(req, &e);

	if (db == NULL) {
		page_error(req, resp, 503, NULL);
		return -1;
	}
	if (dashboard_load(db, only, d, &e) == -1) {
		page_error(req, resp, 500, NULL);
		return -1;
	}
	return 0;
}

const char *
dash_pick(const struct page_context *ctx, const char *de, const char *en)
{
	if (format_is_english(ctx->lang) && en != NULL && en[0] != '\0')
		return en;
	return de != NULL ? de : (en != NULL ? en : "");
}

const char *
dash_unit(const struct page_context *ctx, const char *unit)
{
	if (unit == NULL)
		return "";
	if (strcmp(unit, "percent") == 0)
		return "%";
	return page_text(ctx, unit);
}

void
dash_value(struct buf *out, const struct page_context *ctx,
    const struct indicator *ind, double v)
{
	const char *unit = dash_unit(ctx, ind->unit);

	if (strcmp(unit, "%") == 0) {
		format_percent(out, v, ind->decimals, ctx->lang);
		return;
	}
	format_number(out, v, ind->decimals, ctx->lang);
	if (unit[0] != '\0') {
		buf_puts(out, "\xc2\xa0");
		buf_puts(out, unit);
	}
}

void
dash_path(struct buf *out, const char *kind, const char *code)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	buf_puts(out, kind);
	buf_putc(out, '/');
	for (p = (const unsigned char *)code; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~')
			buf_putc(out, (char)*p);
		else {
			buf_putc(out, '%');
			buf_putc(out, hex[*p >> 4]);
			buf_putc(out, hex[*p & 15]);
		}
	}
}

static void
dash_link(struct html *h, const struct page_context *ctx, const char *kind,
    const char *code, const char *text)
{
	struct buf path = BUF_INIT, href = BUF_INIT;

	dash_path(&path, kind, code);
	page_href(&href, ctx, buf_cstr(&path));
	html_open(h, HTML_A);
	html_attr(h, HTML_ATTR_HREF, buf_cstr(&href));
	html_text(h, text);
	html_close(h);
	buf_free(&path);
	buf_free(&href);
}

void
dash_weather(struct html *h, const struct page_context *ctx,
    const struct dashboard_indicator *di)
{
	enum explain_verdict v = di->weather.verdict;
	struct buf src = BUF_INIT;

	html_open(h, HTML_SPAN);
	if (di->status != EXPLAIN_ASSESSED || v >= EXPLAIN_VERDICT__MAX ||
	    dash_weather_icons[v] == NULL) {
		html_attr(h, HTML_ATTR_CLASS, "weather weather-none");
		html_text(h, page_text(ctx, "not assessable"));
		html_close(h);
		return;
	}
	html_attrf(h, HTML_ATTR_CLASS, "weather weather-%s",
	    explain_verdict_names[v]);
	page_asset_href(&src, ctx, dash_weather_icons[v]);
	html_void(h, HTML_IMG);
	html_attr(h, HTML_ATTR_SRC, buf_cstr(&src));
	html_attr(h, HTML_ATTR_ALT, "");
	html_attr(h, HTML_ATTR_WIDTH, "24");
	html_attr(h, HTML_ATTR_HEIGHT, "24");
	html_text(h, explain_verdict_label(v, ctx->lang));
	html_close(h);
	buf_free(&src);
}

void
dash_change(struct html *h, const struct page_context *ctx,
    const struct dashboard_indicator *di)
{
	static const char *const arrows[DASHBOARD_CHANGE__MAX] = {
		"", "\xe2\x86\x91", "\xe2\x86\x93", "\xe2\x86\x92"
	};
	static const char *const words[DASHBOARD_CHANGE__MAX] = {
		"no trend yet", "rising", "falling", "unchanged"
	};
	enum dashboard_change c = di->change < DASHBOARD_CHANGE__MAX ?
	    di->change : DASHBOARD_CHANGE_UNKNOWN;

	html_open(h, HTML_SPAN);
	html_attrf(h, HTML_ATTR_CLASS, "change change-%s",
	    dashboard_change_names[c]);
	if (arrows[c][0] != '\0') {
		html_open(h, HTML_SPAN);
		html_attr(h, HTML_ATTR_ARIA_HIDDEN, "true");
		html_text(h, arrows[c]);
		html_close(h);
		html_text(h, " ");
	}
	html_text(h, page_text(ctx, words[c]));
	html_close(h);
}

void
dash_indicator_table(struct html *h, const struct page_context *ctx,
    struct dashboard *d, const struct indicator *const *list, size_t n,
    const char *caption)
{
	static const char *const heads[] = { "Indicator", "Weather", "Change",
	    "Latest value", "Period" };
	struct buf b = BUF_INIT;
	size_t i, k;

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
		html_text(h, page_text(ctx, heads[k]));
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, HTML_TBODY);
	for (i = 0; i < n; i++) {
		struct dashboard_indicator *di = dashboard_find(d, list[i]->code);
		const struct period *p;
		double v;

		html_open(h, HTML_TR);
		html_open(h, HTML_TH);
		html_attr(h, HTML_ATTR_SCOPE, "row");
		dash_link(h, ctx, "indicators", list[i]->code,
		    dash_pick(ctx, list[i]->title_de, list[i]->title_en));
		html_close(h);
		html_open(h, HTML_TD);
		dash_weather(h, ctx, di);
		html_close(h);
		html_open(h, HTML_TD);
		dash_change(h, ctx, di);
		html_close(h);
		if (dashboard_latest(&di->home, &v, &p)) {
			html_open(h, HTML_TD);
			html_attr(h, HTML_ATTR_CLASS, "num");
			buf_reset(&b);
			dash_value(&b, ctx, list[i], v);
			html_text(h, buf_cstr(&b));
			html_close(h);
			buf_reset(&b);
			format_period(&b, p, ctx->lang);
			html_element_text(h, HTML_TD, buf_cstr(&b));
		} else {
			html_open(h, HTML_TD);
			html_attr(h, HTML_ATTR_CLASS, "num missing");
			html_text(h, page_text(ctx, "no data yet"));
			html_close(h);
			html_element_text(h, HTML_TD, "\xe2\x80\x93");
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
	buf_free(&b);
}

/* A goal's section of the overview: heading, its own indicators, then its
 * sub-goals' in order, one level of heading below. */
static void
dash_overview_goal(struct html *h, const struct page_context *ctx,
    struct dashboard *d, const struct goal_node *node, int depth)
{
	const struct goal *g = node->goal;
	size_t i;

	html_open(h, depth == 0 ? HTML_H2 : depth == 1 ? HTML_H3 : HTML_H4);
	dash_link(h, ctx, "goals", g->code, dash_pick(ctx, g->title_de,
	    g->title_en));
	html_close(h);
	if (node->indicator_count > 0)
		dash_indicator_table(h, ctx, d, node->indicators,
		    node->indicator_count, dash_pick(ctx, g->title_de,
		    g->title_en));
	for (i = 0; i < node->child_count; i++)
		dash_overview_goal(h, ctx, d, node->children[i], depth + 1);
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
	for (i = 0; i < d.tree.root_count; i++) {
		html_open(&h, HTML_SECTION);
		html_attr(&h, HTML_ATTR_CLASS, "goal");
		dash_overview_goal(&h, &ctx, &d, d.tree.roots[i], 0);
		html_close(&h);
	}
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
	dash_path(&path, "goals", g->code);
	page_context_init(&ctx, req, NULL);
	html_init(&h, &b);
	page_begin(&h, &ctx, dash_pick(&ctx, g->title_de, g->title_en));
	html_open(&h, HTML_NAV);
	html_attr(&h, HTML_ATTR_CLASS, "breadcrumb");
	html_attr(&h, HTML_ATTR_ARIA_LABEL, page_text(&ctx, "Breadcrumb"));
	buf_reset(&path);
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
		dash_indicator_table(&h, &ctx, &d, node->indicators,
		    node->indicator_count, page_text(&ctx, "Indicators"));
	}
	if (node->child_count > 0) {
		html_element_text(&h, HTML_H2, page_text(&ctx, "Sub-goals"));
		html_open(&h, HTML_UL);
		for (i = 0; i < node->child_count; i++) {
			const struct goal *c = node->children[i]->goal;
			html_open(&h, HTML_LI);
			dash_link(&h, &ctx, "goals", c->code, dash_pick(&ctx,
			    c->title_de, c->title_en));
			html_close(&h);
		}
		html_close(&h);
	}
	page_end(&h, &ctx);
	page_send(resp, &b);
	buf_free(&path);
	dashboard_free(&d);
}
