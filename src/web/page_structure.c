/* The economic-structure page (see page_structure.h): the frame around the
 * figures — what is compared, the switch to other regions, the notes of the
 * computation, the command that gives the same numbers, the JSON download —
 * and the helpers the figure files share. */
#include "web/page_structure.h"

#include <math.h>
#include <string.h>

#include "util/format.h"
#include "util/period.h"
#include "util/text.h"
#include "util/xalloc.h"

#define PAGE_STRUCTURE_LABEL_MAX	40	/* characters of a chart label */

/* ---- helpers shared by the figure files ---------------------------------- */

const char *
page_structure_text(const struct page_structure *ps, const char *msgid)
{
	return page_text(&ps->ctx, msgid);
}

const char *
page_structure_number(struct page_structure *ps, double v, int decimals)
{
	struct buf b = BUF_INIT;

	format_number(&b, v, decimals, ps->ctx.lang);
	return arena_take(&ps->arena, &b);
}

const char *
page_structure_signed(struct page_structure *ps, double v, int decimals)
{
	struct buf b = BUF_INIT;

	format_signed(&b, v, decimals, ps->ctx.lang);
	return arena_take(&ps->arena, &b);
}

const char *
page_structure_percent(struct page_structure *ps, double v, int decimals)
{
	struct buf b = BUF_INIT;

	format_percent(&b, v, decimals, ps->ctx.lang);
	return arena_take(&ps->arena, &b);
}

const char *
page_structure_amount(struct page_structure *ps, double v)
{
	struct buf b = BUF_INIT;

	format_signed(&b, v, ps->decimals, ps->ctx.lang);
	if (ps->unit[0] != '\0') {
		buf_puts(&b, "\xc2\xa0");
		buf_puts(&b, ps->unit);
	}
	return arena_take(&ps->arena, &b);
}

double *
page_structure_values(struct page_structure *ps, size_t n)
{
	double *v = arena_alloc(&ps->arena, (n + 1) * sizeof(*v));
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = NAN;
	return v;
}

void
page_structure_paragraph(struct html *h, const char *class_name,
    const char *text)
{
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, class_name);
	html_text(h, text);
	html_close(h);
}

void
page_structure_section(struct html *h, const char *id, const char *heading)
{
	html_open(h, HTML_SECTION);
	html_attr(h, HTML_ATTR_CLASS, "structure-figure");
	html_attr(h, HTML_ATTR_ID, id);
	html_element_text(h, HTML_H2, heading);
}

/* ---- names and labels ----------------------------------------------------- */

static const char *
page_structure_pick(const struct page_context *ctx, const char *de,
    const char *en)
{
	if (format_is_english(ctx->lang) && en != NULL && en[0] != '\0')
		return en;
	return de != NULL ? de : (en != NULL ? en : "");
}

static const char *
page_structure_region_name(const struct page_context *ctx,
    const struct region *r)
{
	return page_structure_pick(ctx, r->name_de, r->name_en);
}

/* A chart label from a long sector name: up to the first ',' or ';' that
 * leaves at least ten characters, else cut at a space, with "…". Cuts fall
 * on ASCII bytes, so the label stays valid UTF-8. */
static const char *
page_structure_short_label(struct arena *a, const char *name)
{
	size_t n = strlen(name), cut = 0, i;

	if (text_utf8_chars(name, n) <= PAGE_STRUCTURE_LABEL_MAX)
		return name;
	for (i = 0; i < n; i++)
		if ((name[i] == ',' || name[i] == ';') && i >= 10) {
			if (text_utf8_chars(name, i) <= PAGE_STRUCTURE_LABEL_MAX)
				return arena_strndup(a, name, i);
			break;
		}
	for (i = 0; i < n && text_utf8_chars(name, i) <
	    PAGE_STRUCTURE_LABEL_MAX; i++)
		if (name[i] == ' ')
			cut = i;
	if (cut == 0)
		return name;
	while (cut > 0 && (name[cut - 1] == ',' || name[cut - 1] == ';'))
		cut--;
	return arena_printf(a, "%.*s\xe2\x80\xa6", (int)cut, name);
}

static void
page_structure_labels(struct page_structure *ps)
{
	const struct app_structure_report *r = ps->r;
	struct buf b = BUF_INIT;
	struct period p;
	size_t k;

	ps->periods = arena_alloc(&ps->arena, (r->period_count + 1) *
	    sizeof(*ps->periods));
	for (k = 0; k < r->period_count; k++) {
		buf_reset(&b);
		if (period_parse(r->periods[k], strlen(r->periods[k]), &p) == 0)
			format_period(&b, &p, ps->ctx.lang);
		else
			buf_puts(&b, r->periods[k]);
		ps->periods[k] = arena_strdup(&ps->arena, buf_cstr(&b));
	}
	buf_free(&b);
	ps->sectors = arena_alloc(&ps->arena, (r->sector_count + 1) *
	    sizeof(*ps->sectors));
	ps->sector_names = arena_alloc(&ps->arena, (r->sector_count + 1) *
	    sizeof(*ps->sector_names));
	for (k = 0; k < r->sector_count; k++) {
		const struct sector *s = structure_view_sector(ps->v,
		    r->sectors[k]);
		const char *name = s != NULL ? page_structure_pick(&ps->ctx,
		    s->name_de, s->name_en) : "";

		if (name[0] == '\0')
			name = r->sectors[k];
		ps->sector_names[k] = name;
		ps->sectors[k] = page_structure_short_label(&ps->arena, name);
	}
}

/* ---- links ----------------------------------------------------------------- */

void
page_structure_path(struct buf *out, const struct structure_view_indicator *vi,
    bool first, const struct region *region)
{
	buf_puts(out, "structure");
	if (first && region == vi->default_region)
		return;
	buf_printf(out, "/%s", region->code);
	if (!first)
		buf_printf(out, "/%s", vi->indicator->code);
}

static void
page_structure_link(struct html *h, const struct page_structure *ps,
    const char *path, const char *text, bool current)
{
	struct buf href = BUF_INIT;

	page_href(&href, &ps->ctx, path);
	html_open(h, HTML_A);
	html_attr(h, HTML_ATTR_HREF, buf_cstr(&href));
	if (current)
		html_attr(h, HTML_ATTR_ARIA_CURRENT, "page");
	html_text(h, text);
	html_close(h);
	buf_free(&href);
}

const char *
page_structure_name(const struct page_structure *ps, const char *de,
    const char *en)
{
	return page_structure_pick(&ps->ctx, de, en);
}

const char *
page_structure_quoted(struct page_structure *ps, const char *name)
{
	return arena_printf(&ps->arena, page_text(&ps->ctx,
	    "\xe2\x80\x9c%s\xe2\x80\x9d"), name);
}

/* ---- the frame ------------------------------------------------------------- */

static void
page_structure_breadcrumb(struct html *h, const struct page_structure *ps)
{
	html_open(h, HTML_NAV);
	html_attr(h, HTML_ATTR_CLASS, "breadcrumb");
	html_attr(h, HTML_ATTR_ARIA_LABEL, page_text(&ps->ctx, "Breadcrumb"));
	page_structure_link(h, ps, "", page_text(&ps->ctx, "Overview"), false);
	html_close(h);
}

static void
page_structure_facts(struct html *h, struct page_structure *ps)
{
	const struct indicator *ind = ps->v->indicator;
	const struct classification *cl = ps->v->classification;
	const struct app_structure_report *r = ps->r;

	html_open(h, HTML_DL);
	html_attr(h, HTML_ATTR_CLASS, "facts");
	page_term(h, &ps->ctx, "Figures", page_structure_pick(&ps->ctx,
	    ind->title_de, ind->title_en));
	page_term(h, &ps->ctx, "Definition", page_structure_pick(&ps->ctx,
	    ind->definition_de, ind->definition_en));
	if (cl != NULL)
		page_term(h, &ps->ctx, "Sectors", page_structure_pick(
		    &ps->ctx, cl->name_de, cl->name_en));
	page_term(h, &ps->ctx, "Region", ps->region);
	page_term(h, &ps->ctx, "Compared with", ps->reference);
	if (r->period_count > 0)
		page_term(h, &ps->ctx, "Periods", arena_printf(&ps->arena,
		    "%s \xe2\x80\x93 %s", ps->periods[0],
		    ps->periods[r->period_count - 1]));
	page_source(h, &ps->ctx, ind->source, ind->source_url);
	html_close(h);
}

/* True when a region is among an indicator's regions (its page exists). */
static bool
page_structure_covers(const struct structure_view_indicator *vi,
    const struct region *r)
{
	size_t i;

	for (i = 0; i < vi->region_count; i++)
		if (vi->regions[i] == r)
			return true;
	return false;
}

/* Links to the same page for the other regions and the other sector
 * indicators of the data: paths, so that they work in the static site. */
static void
page_structure_switch(struct html *h, struct page_structure *ps)
{
	const struct structure_view *v = ps->v;
	const struct structure_view_indicator *vi = v->shown;
	bool first = vi == &v->indicators[0];
	struct buf path = BUF_INIT;
	size_t i;

	if (vi->region_count < 2 && v->indicator_count < 2)
		return;
	html_open(h, HTML_NAV);
	html_attr(h, HTML_ATTR_CLASS, "region-switch");
	html_attr(h, HTML_ATTR_ARIA_LABEL, page_text(&ps->ctx,
	    "Regions and figures"));
	if (vi->region_count >= 2) {
		html_element_text(h, HTML_H2, page_text(&ps->ctx,
		    "Regions"));
		html_open(h, HTML_UL);
		for (i = 0; i < vi->region_count; i++) {
			buf_reset(&path);
			page_structure_path(&path, vi, first, vi->regions[i]);
			html_open(h, HTML_LI);
			page_structure_link(h, ps, buf_cstr(&path),
			    page_structure_region_name(&ps->ctx, vi->regions[i]),
			    vi->regions[i] == v->region);
			html_close(h);
		}
		html_close(h);
	}
	if (v->indicator_count >= 2) {
		html_element_text(h, HTML_H2, page_text(&ps->ctx,
		    "Figures by sector"));
		html_open(h, HTML_UL);
		for (i = 0; i < v->indicator_count; i++) {
			const struct structure_view_indicator *other =
			    &v->indicators[i];
			const struct indicator *ind = other->indicator;
			buf_reset(&path);
			page_structure_path(&path, other, i == 0,
			    page_structure_covers(other, v->region) ?
			    v->region : other->default_region);
			html_open(h, HTML_LI);
			page_structure_link(h, ps, buf_cstr(&path),
			    page_structure_pick(&ps->ctx, ind->title_de,
			    ind->title_en), ind == v->indicator);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	buf_free(&path);
}

static void
page_structure_contents(struct html *h, const struct page_structure *ps)
{
	static const char *const items[][2] = {
		{ "#composition", N_("Sector composition") },
		{ "#diversity", N_("Diversity") },
		{ "#location", N_("Location quotients") },
		{ "#shift-share", N_("Shift-share") },
		{ "#shocks", N_("Shocks: resistance and recovery") },
		{ "#computation", N_("How it was computed") },
	};
	size_t i;

	html_open(h, HTML_NAV);
	html_attr(h, HTML_ATTR_CLASS, "contents");
	html_attr(h, HTML_ATTR_ARIA_LABEL, page_text(&ps->ctx, "Contents"));
	html_open(h, HTML_UL);
	for (i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		html_open(h, HTML_LI);
		html_open(h, HTML_A);
		html_attr(h, HTML_ATTR_HREF, items[i][0]);
		html_text(h, page_text(&ps->ctx, items[i][1]));
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* The sectors with their full names (the charts use short ones). */
static void
page_structure_sector_key(struct html *h, const struct page_structure *ps)
{
	size_t k;

	html_open(h, HTML_TABLE);
	html_attr(h, HTML_ATTR_CLASS, "data sectors");
	html_element_text(h, HTML_CAPTION, page_text(&ps->ctx,
	    "The sectors compared"));
	html_open(h, HTML_THEAD);
	html_open(h, HTML_TR);
	html_column_head(h, page_text(&ps->ctx, "Code"));
	html_column_head(h, page_text(&ps->ctx, "Sector"));
	html_close(h);
	html_close(h);
	html_open(h, HTML_TBODY);
	for (k = 0; k < ps->r->sector_count; k++) {
		html_open(h, HTML_TR);
		html_open(h, HTML_TH);
		html_attr(h, HTML_ATTR_SCOPE, "row");
		html_text(h, ps->r->sectors[k]);
		html_close(h);
		html_element_text(h, HTML_TD, ps->sector_names[k]);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* The notes of the computation (app/structure writes each in English and
 * German), the command that gives the same numbers, and the JSON. */
static void
page_structure_computation(struct html *h, struct page_structure *ps)
{
	const struct app_structure_options *o = &ps->v->options;
	const struct app_structure_report *r = ps->r;
	struct buf b = BUF_INIT;
	size_t k;

	page_structure_section(h, "computation", page_text(&ps->ctx,
	    "How it was computed"));
	page_structure_sector_key(h, ps);
	if (r->note_count > 0) {
		html_element_text(h, HTML_H3, page_text(&ps->ctx,
		    "Notes on the computation"));
		html_open(h, HTML_UL);
		html_attr(h, HTML_ATTR_CLASS, "notes");
		for (k = 0; k < r->note_count; k++)
			html_element_text(h, HTML_LI,
			    format_is_english(ps->ctx.lang) ? r->notes[k].en :
			    r->notes[k].de);
		html_close(h);
	}
	page_structure_paragraph(h, "method", page_text(&ps->ctx,
	    "The formulas are those of the methods handbook (METHODS §3); the "
	    "same numbers come from this command:"));
	buf_printf(&b, "wiall structure --indicator %s --region %s", o->indicator,
	    o->region);
	if (o->reference != NULL)
		buf_printf(&b, " --reference %s", o->reference);
	buf_printf(&b, " --from %s --to %s", o->from, o->to);
	html_open(h, HTML_PRE);
	html_element_text(h, HTML_CODE, buf_cstr(&b));
	html_close(h);
	buf_reset(&b);
	buf_puts(&b, ps->ctx.site_root);
	if (ps->ctx.static_site)
		buf_printf(&b, "api/v1/structure/%s/%s.json", o->indicator,
		    ps->v->region->code);
	else
		buf_printf(&b, "api/v1/structure?indicator=%s&region=%s",
		    o->indicator, ps->v->region->code);
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "downloads");
	html_open(h, HTML_A);
	html_attr(h, HTML_ATTR_HREF, buf_cstr(&b));
	html_attr(h, HTML_ATTR_TYPE, "application/json");
	html_text(h, page_text(&ps->ctx, "All figures of this page as JSON"));
	html_close(h);
	html_close(h);
	html_close(h);	/* section */
	buf_free(&b);
}

/* No sector indicator has figures: say what is needed. */
static void
page_structure_empty(struct html *h, const struct page_context *ctx)
{
	html_element_text(h, HTML_H1, page_text(ctx, "Economic structure"));
	html_element_text(h, HTML_P, page_text(ctx, "There are no figures by "
	    "sector yet. The page needs an indicator of the catalogue with a "
	    "sector classification and observations by sector for the city and "
	    "its reference region (see `wiall structure`)."));
}

static void
page_structure_render(struct html *h, struct page_structure *ps)
{
	const struct app_structure_report *r = ps->r;

	page_structure_breadcrumb(h, ps);
	html_open(h, HTML_H1);
	html_textf(h, page_text(&ps->ctx, "Economic structure: %s"), ps->region);
	html_close(h);
	if (r->period_count > 0)
		page_structure_paragraph(h, "lead", arena_printf(&ps->arena,
		    page_text(&ps->ctx, "%s compared with %s, %s to %s, by the "
		    "sectors of its economy: how they are composed, how diverse "
		    "they are, where the city is specialised, how it grew and how "
		    "it weathered crises."), ps->region, ps->reference,
		    ps->periods[0], ps->periods[r->period_count - 1]));
	page_structure_facts(h, ps);
	page_structure_switch(h, ps);
	page_structure_contents(h, ps);
	page_structure_figures_composition(h, ps);
	page_structure_figures_diversity(h, ps);
	page_structure_figures_location(h, ps);
	page_structure_change_shift_share(h, ps);
	page_structure_change_shocks(h, ps);
	page_structure_computation(h, ps);
}

void
page_structure(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	struct structure_view_query q;
	struct structure_view v;
	struct page_structure ps;
	enum structure_view_status st;
	struct buf b = BUF_INIT;
	struct html h;
	struct error e;
	struct db *db = http_database(req, &e);

	if (db == NULL) {
		page_error(req, resp, 503, NULL);
		return;
	}
	memset(&q, 0, sizeof(q));
	q.region = m->count >= 1 ? m->params[0] : NULL;
	q.indicator = m->count >= 2 ? m->params[1] : NULL;
	st = structure_view_load(db, &q, &v, &e);
	if (st != STRUCTURE_VIEW_OK && !(st == STRUCTURE_VIEW_NO_DATA &&
	    m->count == 0)) {
		page_error(req, resp, st == STRUCTURE_VIEW_NOT_FOUND ||
		    st == STRUCTURE_VIEW_NO_DATA ? 404 : st ==
		    STRUCTURE_VIEW_BAD_QUERY ? 400 : 500, e.message);
		structure_view_free(&v);
		return;
	}
	memset(&ps, 0, sizeof(ps));
	arena_init(&ps.arena);
	page_context_init(&ps.ctx, req, NULL);
	html_init(&h, &b);
	if (st == STRUCTURE_VIEW_NO_DATA) {
		page_begin(&h, &ps.ctx, page_text(&ps.ctx, "Economic structure"));
		page_structure_empty(&h, &ps.ctx);
	} else {
		ps.v = &v;
		ps.r = &v.report;
		ps.fig = v.figures;
		ps.region = page_structure_region_name(&ps.ctx, v.region);
		ps.reference = v.reference != NULL ?
		    page_structure_region_name(&ps.ctx, v.reference) :
		    v.report.reference != NULL ? v.report.reference :
		    page_text(&ps.ctx, "the regions together");
		ps.unit = v.indicator->unit == NULL ? "" :
		    strcmp(v.indicator->unit, "percent") == 0 ? "%" :
		    page_text(&ps.ctx, v.indicator->unit);
		ps.decimals = v.indicator->decimals;
		page_structure_labels(&ps);
		page_begin(&h, &ps.ctx, arena_printf(&ps.arena, page_text(&ps.ctx,
		    "Economic structure: %s"), ps.region));
		page_structure_render(&h, &ps);
	}
	page_end(&h, &ps.ctx);
	page_send(resp, &b);
	arena_free(&ps.arena);
	structure_view_free(&v);
}
