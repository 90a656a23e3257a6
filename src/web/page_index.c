/* The index page (see page_index.h): the frame around its sections — what
 * the index measures, the facts, the switch to other indices — the helpers
 * the section files share, and the handler. */
#include "web/page_index.h"

#include <math.h>
#include <string.h>

#include "util/format.h"

/* ---- helpers shared by the section files --------------------------- */

const char *
page_index_text(const struct page_index *pi, const char *msgid)
{
	return page_text(&pi->ctx, msgid);
}

const char *
page_index_pick(const struct page_index *pi, const char *de, const char *en)
{
	if (format_is_english(pi->ctx.lang) && en != NULL && en[0] != '\0')
		return en;
	return de != NULL ? de : (en != NULL ? en : "");
}

const char *
page_index_number(struct page_index *pi, double v, int decimals)
{
	struct buf b = BUF_INIT;

	format_number(&b, v, decimals, pi->ctx.lang);
	return arena_take(&pi->arena, &b);
}

const char *
page_index_unit_word(const struct page_index *pi,
    const struct index_catalog_leaf *leaf)
{
	const char *unit = leaf->indicator->unit;

	if (leaf->measure == MODEL_MEASURE_ENTROPY)
		return page_index_text(pi, "bits");
	if (leaf->measure != MODEL_MEASURE_LEVEL || unit == NULL ||
	    strcmp(unit, "percent") == 0)
		return "";
	return page_index_text(pi, unit);
}

const char *
page_index_value(struct page_index *pi, const struct index_catalog_leaf *leaf,
    double v, bool with_unit)
{
	const struct indicator *ind = leaf->indicator;
	const char *word = page_index_unit_word(pi, leaf);
	struct buf b = BUF_INIT;

	if (!isfinite(v)) {
		format_number(&b, v, 0, pi->ctx.lang);
		return arena_take(&pi->arena, &b);
	}
	switch (leaf->measure) {
	case MODEL_MEASURE_GROWTH:
		if (v > 0)
			buf_putc(&b, '+');
		format_percent(&b, v, 1, pi->ctx.lang);
		break;
	case MODEL_MEASURE_SHARE:
		format_percent(&b, v, 1, pi->ctx.lang);
		break;
	case MODEL_MEASURE_ENTROPY:
		format_number(&b, v, 2, pi->ctx.lang);
		break;
	case MODEL_MEASURE_HHI:
		format_number(&b, v, 3, pi->ctx.lang);
		break;
	case MODEL_MEASURE_RESISTANCE:
		format_signed(&b, v, 2, pi->ctx.lang);
		break;
	default:
		if (ind->unit != NULL && strcmp(ind->unit, "percent") == 0)
			format_percent(&b, v, ind->decimals, pi->ctx.lang);
		else
			format_number(&b, v, ind->decimals, pi->ctx.lang);
	}
	if (with_unit && word[0] != '\0')
		buf_printf(&b, "\xc2\xa0%s", word);
	return arena_take(&pi->arena, &b);
}

const char *
page_index_unit_label(struct page_index *pi, size_t u)
{
	if (pi->x->units[u] != pi->x->home)
		return pi->names[u];
	return arena_printf(&pi->arena, "%s %s", pi->names[u], pi->home_tag);
}

bool
page_index_interval(const struct page_index *pi, size_t u, int *lo, int *hi)
{
	const struct uncertainty_stats *st = &pi->x->uncertainty.stats;
	long s = index_catalog_stats_row(pi->x, u);

	if (s < 0 || !isfinite(st->q5[s]) || !isfinite(st->q95[s]))
		return false;
	/* Type-7 quantiles may fall between two ranks: outwards, so that
	 * the whole ranks shown hold at least 90 % of the variants. */
	*lo = (int)floor(st->q5[s]);
	*hi = (int)ceil(st->q95[s]);
	return true;
}

const char *
page_index_node_title(const struct page_index *pi,
    const struct index_catalog_node *n)
{
	return page_index_pick(pi, n->title_de, n->title_en);
}

/* ---- links --------------------------------------------------------- */

void
page_index_path(struct buf *out, const struct catalog *c,
    const struct composite_index *x)
{
	buf_puts(out, "indices");
	if (c->index_count > 0 && x != &c->indices[0])
		buf_printf(out, "/%s", x->code);
}

static void
page_index_link(struct html *h, const struct page_index *pi, const char *path,
    const char *text, bool current)
{
	struct buf href = BUF_INIT;

	page_href(&href, &pi->ctx, path);
	html_open(h, HTML_A);
	html_attr(h, HTML_ATTR_HREF, buf_cstr(&href));
	if (current)
		html_attr(h, HTML_ATTR_ARIA_CURRENT, "page");
	html_text(h, text);
	html_close(h);
	buf_free(&href);
}

/* ---- the frame ----------------------------------------------------- */

static void
page_index_switch(struct html *h, struct page_index *pi)
{
	const struct catalog *c = &pi->x->catalog;
	struct buf path = BUF_INIT;
	size_t i;

	if (c->index_count < 2)
		return;
	html_open(h, HTML_NAV);
	html_attr(h, HTML_ATTR_CLASS, "region-switch");
	html_attr(h, HTML_ATTR_ARIA_LABEL, page_index_text(pi, "Indices"));
	html_element_text(h, HTML_H2, page_index_text(pi, "Indices"));
	html_open(h, HTML_UL);
	for (i = 0; i < c->index_count; i++) {
		buf_reset(&path);
		page_index_path(&path, c, &c->indices[i]);
		html_open(h, HTML_LI);
		page_index_link(h, pi, buf_cstr(&path), page_index_pick(pi,
		    c->indices[i].title_de, c->indices[i].title_en),
		    &c->indices[i] == pi->x->index);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	buf_free(&path);
}

/* Whether every used leaf has a value for every unit. */
static bool
page_index_complete(const struct index_catalog *x)
{
	size_t i, u;

	for (i = 0; i < x->leaf_count; i++)
		for (u = 0; x->leaves[i].node >= 0 && u < x->unit_count; u++)
			if (!isfinite(x->leaves[i].raw[u]))
				return false;
	return true;
}

static void
page_index_facts(struct html *h, struct page_index *pi)
{
	const struct index_catalog *x = pi->x;

	html_open(h, HTML_DL);
	html_attr(h, HTML_ATTR_CLASS, "facts");
	html_element_text(h, HTML_DT, page_index_text(pi, "Compared"));
	html_element_text(h, HTML_DD, arena_printf(&pi->arena,
	    page_index_text(pi, "%zu regions"), x->unit_count));
	if (x->period != NULL) {
		html_element_text(h, HTML_DT, page_index_text(pi, "Year"));
		html_element_text(h, HTML_DD, !x->latest ? x->period :
		    arena_printf(&pi->arena, page_index_text(pi,
		    page_index_complete(x) ? "%s, the latest year with figures "
		    "for every region and component" : "%s, the latest year "
		    "with the most figures"), x->period));
	}
	html_element_text(h, HTML_DT, page_index_text(pi, "Points"));
	html_element_text(h, HTML_DD, page_index_text(pi, "the higher, the "
	    "better the region does on what the index measures"));
	html_close(h);
}

/* The index cannot be shown: say why and what it would need. */
static void
page_index_unavailable(struct html *h, struct page_index *pi)
{
	const struct index_catalog *x = pi->x;

	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "meaning");
	html_text(h, page_index_text(pi, x->status == INDEX_CATALOG_NO_DATA ?
	    "The index cannot be computed yet: none of its components has "
	    "figures for its regions." : "The index cannot be computed with "
	    "these figures:"));
	html_close(h);
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "notes");
	if (!format_is_english(pi->ctx.lang))
		html_attr(h, HTML_ATTR_LANG, "en");
	html_text(h, x->reason != NULL ? x->reason : "");
	html_close(h);
}

static void
page_index_render(struct html *h, struct page_index *pi)
{
	const struct index_catalog *x = pi->x;
	const char *lead;

	html_open(h, HTML_NAV);
	html_attr(h, HTML_ATTR_CLASS, "breadcrumb");
	html_attr(h, HTML_ATTR_ARIA_LABEL, page_index_text(pi, "Breadcrumb"));
	page_index_link(h, pi, "", page_index_text(pi, "Overview"), false);
	html_close(h);
	html_element_text(h, HTML_H1, page_index_pick(pi, x->index->title_de,
	    x->index->title_en));
	lead = page_index_pick(pi, x->index->description_de,
	    x->index->description_en);
	if (lead[0] != '\0') {
		html_open(h, HTML_P);
		html_attr(h, HTML_ATTR_CLASS, "lead");
		html_text(h, lead);
		html_close(h);
	}
	page_index_switch(h, pi);
	if (x->status != INDEX_CATALOG_OK) {
		page_index_unavailable(h, pi);
		page_index_method(h, pi);
		return;
	}
	page_index_facts(h, pi);
	page_index_ranking(h, pi);
	page_index_components(h, pi);
	page_index_method(h, pi);
}

void
page_index(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	struct index_catalog_options o;
	struct index_catalog x;
	struct page_index pi;
	enum index_catalog_status st;
	struct buf b = BUF_INIT;
	struct html h;
	struct error e;
	struct db *db = http_database(req, &e);
	size_t u;

	if (db == NULL) {
		page_error(req, resp, 503, NULL);
		return;
	}
	memset(&o, 0, sizeof(o));
	o.code = m->count >= 1 ? m->params[0] : NULL;
	o.uncertainty = true;
	o.threads = 1;
	st = index_catalog_build(db, &o, &x, &e);
	if (st == INDEX_CATALOG_NONE || st == INDEX_CATALOG_NOT_FOUND ||
	    st == INDEX_CATALOG_ERROR) {
		page_error(req, resp, st == INDEX_CATALOG_ERROR ? 500 : 404,
		    e.message);
		index_catalog_free(&x);
		return;
	}
	memset(&pi, 0, sizeof(pi));
	arena_init(&pi.arena);
	page_context_init(&pi.ctx, req, NULL);
	pi.x = &x;
	pi.order = index_catalog_rank_order(&x);
	pi.names = arena_alloc(&pi.arena, (x.unit_count + 1) *
	    sizeof(*pi.names));
	for (u = 0; u < x.unit_count; u++)
		pi.names[u] = page_index_pick(&pi, x.units[u]->name_de,
		    x.units[u]->name_en);
	pi.home_tag = page_index_text(&pi, x.home != NULL &&
	    (x.home->level == MODEL_REGION_DISTRICT_FREE_CITY ||
	    x.home->level == MODEL_REGION_MUNICIPALITY) ? "(own city)" :
	    "(own region)");
	html_init(&h, &b);
	page_begin(&h, &pi.ctx, page_index_pick(&pi, x.index->title_de,
	    x.index->title_en));
	page_index_render(&h, &pi);
	page_end(&h, &pi.ctx);
	page_send(resp, &b);
	arena_free(&pi.arena);
	index_catalog_free(&x);
}
