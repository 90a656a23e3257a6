/* The components and the method of the index page (see page_index.h): per
 * group of leaves (the components of one aggregate) a table of each region's
 * raw values and points, so that every number of the ranking can be traced;
 * then in plain words what each component measures and how it counts, how
 * values become points and points one score, what the uncertainty analysis
 * varied, the command that gives the same numbers and the JSON. */
#include "web/page_index.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/aggregate.h"
#include "core/normalise.h"
#include "util/format.h"

/* The node that is the parent of node n (the index for the top level). */
static const struct index_catalog_node *
page_index_parts_parent(const struct index_catalog *x,
    const struct index_catalog_node *n)
{
	size_t i;

	if (n->component == NULL)
		return NULL;
	if (n->component->parent == NULL)
		return index_catalog_top(x);
	for (i = 0; i < x->node_count; i++)
		if (x->nodes[i].component != NULL &&
		    strcmp(x->nodes[i].code, n->component->parent) == 0)
			return &x->nodes[i];
	return NULL;
}

/* "50%" of a share. */
static const char *
page_index_parts_share(struct page_index *pi, double share)
{
	struct buf b = BUF_INIT;

	format_percent(&b, share * 100.0, fabs(share * 100.0 -
	    round(share * 100.0)) < 1e-9 ? 0 : 1, pi->ctx.lang);
	return arena_take(&pi->arena, &b);
}

/* ---- the components tables ----------------------------------------- */

static void
page_index_parts_th(struct html *h, const char *scope, const char *text,
    int colspan, int rowspan)
{
	html_open(h, HTML_TH);
	html_attr(h, HTML_ATTR_SCOPE, scope);
	if (colspan > 1)
		html_attrf(h, HTML_ATTR_COLSPAN, "%d", colspan);
	if (rowspan > 1)
		html_attrf(h, HTML_ATTR_ROWSPAN, "%d", rowspan);
	html_text(h, text);
	html_close(h);
}

static void
page_index_parts_cell(struct html *h, const char *text, double value,
    const char *why)
{
	html_open(h, HTML_TD);
	html_attr(h, HTML_ATTR_CLASS, isfinite(value) ? "num" : "num missing");
	if (isfinite(value))
		html_attrf(h, HTML_ATTR_DATA_VALUE, "%.17g", value);
	else if (why != NULL)
		html_attr(h, HTML_ATTR_TITLE, why);
	html_text(h, text);
	html_close(h);
}

/* The table of one group: the used leaves whose parent is g. */
static void
page_index_parts_group(struct html *h, struct page_index *pi,
    const struct index_catalog_node *g)
{
	const struct index_catalog *x = pi->x;
	const struct index_catalog_leaf **leaves;
	size_t n = 0, i, k;

	leaves = arena_alloc(&pi->arena, (x->leaf_count + 1) *
	    sizeof(*leaves));
	for (i = 0; i < x->node_count; i++) {
		const struct index_catalog_node *nd = &x->nodes[i];
		const struct index_catalog_leaf *leaf;

		if (nd->level != 1 || nd->node < 0 ||
		    page_index_parts_parent(x, nd) != g)
			continue;
		if ((leaf = index_catalog_leaf_of(x, nd->component)) != NULL)
			leaves[n++] = leaf;
	}
	if (n == 0)
		return;
	html_open(h, HTML_TABLE);
	html_attr(h, HTML_ATTR_CLASS, "data components");
	html_open(h, HTML_CAPTION);
	html_text(h, page_index_node_title(pi, g));
	if (g->component != NULL) {
		html_text(h, " ");
		html_text(h, arena_printf(&pi->arena, page_index_text(pi,
		    "(weight %s of the index)"), page_index_parts_share(pi,
		    g->share)));
	}
	html_close(h);
	html_open(h, HTML_THEAD);
	html_open(h, HTML_TR);
	page_index_parts_th(h, "col", page_index_text(pi, "Region"), 1, 2);
	for (k = 0; k < n; k++)
		page_index_parts_th(h, "colgroup", page_index_pick(pi,
		    leaves[k]->component->title_de,
		    leaves[k]->component->title_en), 2, 1);
	page_index_parts_th(h, "col", arena_printf(&pi->arena,
	    page_index_text(pi, "Points for %s"), page_index_node_title(pi, g)),
	    1, 2);
	html_close(h);
	html_open(h, HTML_TR);
	for (k = 0; k < n; k++) {
		const char *word = page_index_unit_word(pi, leaves[k]);

		page_index_parts_th(h, "col", word[0] == '\0' ?
		    page_index_text(pi, "Value") : arena_printf(&pi->arena,
		    page_index_text(pi, "Value (%s)"), word), 1, 1);
		page_index_parts_th(h, "col", page_index_text(pi, "Points"), 1,
		    1);
	}
	html_close(h);
	html_close(h);
	html_open(h, HTML_TBODY);
	for (i = 0; i < x->unit_count; i++) {
		size_t u = pi->order[i];
		double score = index_catalog_score(x, g, u);

		html_open(h, HTML_TR);
		if (x->units[u] == x->home)
			html_attr(h, HTML_ATTR_CLASS, "home");
		html_open(h, HTML_TH);
		html_attr(h, HTML_ATTR_SCOPE, "row");
		html_text(h, page_index_unit_label(pi, u));
		html_close(h);
		for (k = 0; k < n; k++) {
			const struct index_catalog_leaf *leaf = leaves[k];

			page_index_parts_cell(h, page_index_value(pi, leaf,
			    leaf->raw[u], false), leaf->raw[u],
			    leaf->reason[u]);
			page_index_parts_cell(h, page_index_number(pi,
			    leaf->normalised[u], 1), leaf->normalised[u], NULL);
		}
		page_index_parts_cell(h, page_index_number(pi, score, 1), score,
		    NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

void
page_index_components(struct html *h, struct page_index *pi)
{
	const struct index_catalog *x = pi->x;
	size_t i;

	html_open(h, HTML_SECTION);
	html_attr(h, HTML_ATTR_CLASS, "index-section");
	html_attr(h, HTML_ATTR_ID, "components");
	html_element_text(h, HTML_H2, page_index_text(pi, "The components"));
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "reading");
	html_text(h, page_index_text(pi, "For each region the measured value "
	    "and the points it earns from it; the points of a group are the "
	    "weighted mean of its components' points, and the index is the "
	    "weighted mean of the groups."));
	html_close(h);
	for (i = 0; i < x->node_count; i++)
		if (x->nodes[i].level == 2 && x->nodes[i].node >= 0)
			page_index_parts_group(h, pi, &x->nodes[i]);
	html_close(h);
}

/* ---- the method ---------------------------------------------------- */

static const char *
page_index_parts_indicator(struct page_index *pi,
    const struct index_catalog_leaf *leaf)
{
	return arena_printf(&pi->arena, page_index_text(pi,
	    "\xe2\x80\x9c%s\xe2\x80\x9d"), page_index_pick(pi,
	    leaf->indicator->title_de, leaf->indicator->title_en));
}

/* What a leaf measures, in words. */
static const char *
page_index_parts_measure(struct page_index *pi,
    const struct index_catalog_leaf *leaf)
{
	const struct index_catalog *x = pi->x;
	const char *ind = page_index_parts_indicator(pi, leaf);
	/* Without figures no year was chosen: say which one it will be. */
	const char *year = x->period != NULL ? x->period :
	    strcmp(x->index->period, "latest") != 0 ? x->index->period :
	    page_index_text(pi, "(the latest common year)");
	const struct shock *s;
	const struct classification *cl;
	const struct sector *sec;

	switch (leaf->measure) {
	case MODEL_MEASURE_GROWTH:
		return arena_printf(&pi->arena, page_index_text(pi, "the change "
		    "of %s between %s and %s, in percent"), ind, leaf->from, year);
	case MODEL_MEASURE_SHARE:
		cl = model_find_classification(&x->catalog,
		    leaf->indicator->classification);
		sec = cl != NULL ? model_find_sector(cl,
		    leaf->component->sector) : NULL;
		return arena_printf(&pi->arena, page_index_text(pi, "the share "
		    "of the sector %s in %s in %s, in percent"), sec != NULL ?
		    page_index_pick(pi, sec->name_de, sec->name_en) :
		    leaf->component->sector, ind, year);
	case MODEL_MEASURE_ENTROPY:
		return arena_printf(&pi->arena, page_index_text(pi, "how evenly "
		    "%s spreads over the sectors of the economy in %s (Shannon "
		    "entropy in bits: the higher, the more diverse)"), ind, year);
	case MODEL_MEASURE_HHI:
		return arena_printf(&pi->arena, page_index_text(pi, "how much "
		    "%s is concentrated on few sectors in %s (Herfindahl index: "
		    "the higher, the more concentrated)"), ind, year);
	case MODEL_MEASURE_RESISTANCE:
		s = model_find_shock(&x->catalog, leaf->component->shock);
		return arena_printf(&pi->arena, page_index_text(pi, "how %s "
		    "held up during \xe2\x80\x9c%s\xe2\x80\x9d (%s to %s) against "
		    "what the mix of sectors let expect (resistance: above 0 "
		    "better, below 0 worse than expected)"), ind, s != NULL ?
		    page_index_pick(pi, s->name_de, s->name_en) :
		    leaf->component->shock, s != NULL ? s->peak : "",
		    s != NULL ? s->trough : "");
	default:
		return arena_printf(&pi->arena, page_index_text(pi, "the value "
		    "of %s in %s"), ind, year);
	}
}

static void
page_index_parts_link(struct html *h, struct page_index *pi,
    const struct indicator *ind)
{
	struct buf path = BUF_INIT, href = BUF_INIT;

	buf_printf(&path, "indicators/%s", ind->code);
	page_href(&href, &pi->ctx, buf_cstr(&path));
	html_open(h, HTML_A);
	html_attr(h, HTML_ATTR_HREF, buf_cstr(&href));
	html_text(h, page_index_text(pi, "the indicator"));
	html_close(h);
	buf_free(&path);
	buf_free(&href);
}

/* The hierarchy as nested lists: each component with its weight, each leaf
 * with what it measures and which way is better. */
static void
page_index_parts_tree(struct html *h, struct page_index *pi,
    const struct index_catalog_node *parent)
{
	const struct index_catalog *x = pi->x;
	bool open = false;
	size_t i;

	for (i = 0; i < x->node_count; i++) {
		const struct index_catalog_node *n = &x->nodes[i];
		const struct index_catalog_leaf *leaf;

		if (n->component == NULL || page_index_parts_parent(x, n) !=
		    parent)
			continue;
		if (!open) {
			html_open(h, HTML_UL);
			html_attr(h, HTML_ATTR_CLASS, "index-tree");
			open = true;
		}
		html_open(h, HTML_LI);
		html_element_text(h, HTML_STRONG, page_index_node_title(pi, n));
		leaf = index_catalog_leaf_of(x, n->component);
		if (n->node >= 0 && parent->component == NULL)
			html_text(h, " ");
		if (n->node >= 0 && parent->component == NULL)
			html_text(h, arena_printf(&pi->arena, page_index_text(pi,
			    "(weight %s of the index)"), page_index_parts_share(
			    pi, n->share)));
		else if (n->node >= 0)
			html_text(h, arena_printf(&pi->arena, page_index_text(pi,
			    " (weight %s of %s)"), page_index_parts_share(pi,
			    n->share), page_index_node_title(pi, parent)));
		if (leaf != NULL) {
			html_text(h, ": ");
			html_text(h, page_index_parts_measure(pi, leaf));
			html_text(h, "; ");
			html_text(h, page_index_text(pi, leaf->direction > 0 ?
			    "higher is better" : "lower is better"));
			html_text(h, " (");
			page_index_parts_link(h, pi, leaf->indicator);
			html_text(h, ").");
			if (leaf->unused != NULL) {
				html_text(h, " ");
				html_text(h, page_index_text(pi, "Left out: "
				    "there are no figures."));
			}
		}
		page_index_parts_tree(h, pi, n);
		html_close(h);
	}
	if (open)
		html_close(h);
}

/* A method's text form in words ("min-max, 1 to 100"). */
static const char *
page_index_parts_method_name(struct page_index *pi, const char *text,
    bool normalise)
{
	struct normalise_spec ns;
	struct aggregate_spec as;
	struct error e;

	if (normalise && normalise_spec_parse(text, &ns, NULL, &pi->arena,
	    &e) == 0) {
		if (ns.method == NORMALISE_MINMAX)
			return arena_printf(&pi->arena, page_index_text(pi,
			    "points from %s to %s (min-max)"),
			    page_index_number(pi, ns.lower, 0),
			    page_index_number(pi, ns.upper, 0));
		if (ns.method == NORMALISE_ZSCORE)
			return arena_printf(&pi->arena, page_index_text(pi,
			    "z-scores (mean %s, standard deviation %s)"),
			    page_index_number(pi, ns.mean, 0),
			    page_index_number(pi, ns.sd, 0));
		if (ns.method == NORMALISE_RANK)
			return page_index_text(pi, "ranks");
	}
	if (!normalise && aggregate_spec_parse(text, &as, &e) == 0) {
		if (as.method == AGGREGATE_AMEAN)
			return page_index_text(pi, "the arithmetic mean");
		if (as.method == AGGREGATE_GMEAN)
			return page_index_text(pi, "the geometric mean");
	}
	return text;
}

static void
page_index_parts_paragraph(struct html *h, const char *text)
{
	html_element_text(h, HTML_P, text);
}

static void
page_index_parts_steps(struct html *h, struct page_index *pi)
{
	const struct index_catalog *x = pi->x;
	struct normalise_spec ns;
	struct aggregate_spec as;
	struct error e;
	int aggregate = -1;

	if (x->aggregate != NULL && aggregate_spec_parse(x->aggregate, &as,
	    &e) == 0)
		aggregate = (int)as.method;
	if (x->normalise != NULL && normalise_spec_parse(x->normalise, &ns,
	    NULL, &pi->arena, &e) == 0 && ns.method == NORMALISE_MINMAX)
		page_index_parts_paragraph(h, arena_printf(&pi->arena,
		    page_index_text(pi, "Values become points: in each component "
		    "the weakest of the %zu regions gets %s points, the strongest "
		    "%s, the others lie in between in proportion (min-max "
		    "normalisation). Where lower is better, the scale is turned "
		    "round."), x->unit_count, page_index_number(pi, ns.lower, 0),
		    page_index_number(pi, ns.upper, 0)));
	else if (x->normalise != NULL)
		page_index_parts_paragraph(h, arena_printf(&pi->arena,
		    page_index_text(pi, "Values become points by %s (METHODS "
		    "§4.6)."), page_index_parts_method_name(pi, x->normalise,
		    true)));
	if (aggregate == AGGREGATE_AMEAN)
		page_index_parts_paragraph(h, page_index_text(pi, "Points are "
		    "combined by their weights into a mean (the arithmetic mean): "
		    "a weak value can be made up for by a strong one."));
	else if (aggregate == AGGREGATE_GMEAN)
		page_index_parts_paragraph(h, page_index_text(pi, "Points are "
		    "combined by their weights into a geometric mean: a weak "
		    "value can be made up for only in part."));
	else if (x->aggregate != NULL)
		page_index_parts_paragraph(h, arena_printf(&pi->arena,
		    page_index_text(pi, "Points are combined by %s (METHODS "
		    "§4.8)."), x->aggregate));
}

/* What the analysis varied, in one sentence. */
static void
page_index_parts_variants(struct html *h, struct page_index *pi)
{
	const struct index_catalog *x = pi->x;
	const struct index_uncertainty *u = x->index->uncertainty;
	struct buf list = BUF_INIT, one = BUF_INIT;
	size_t i, parts = 0;

	if (!x->has_uncertainty || u == NULL)
		return;
	if (u->normalise_count >= 2) {
		for (i = 0; i < u->normalise_count; i++)
			buf_printf(&one, "%s%s", i == 0 ? "" : i + 1 ==
			    u->normalise_count ? page_index_text(pi, " or ") :
			    ", ", page_index_parts_method_name(pi,
			    u->normalise[i], true));
		buf_printf(&list, "%s", arena_printf(&pi->arena,
		    page_index_text(pi, "values became %s"), buf_cstr(&one)));
		parts++;
	}
	if (u->aggregate_count >= 2) {
		buf_reset(&one);
		for (i = 0; i < u->aggregate_count; i++)
			buf_printf(&one, "%s%s", i == 0 ? "" : i + 1 ==
			    u->aggregate_count ? page_index_text(pi, " or ") :
			    ", ", page_index_parts_method_name(pi,
			    u->aggregate[i], false));
		buf_printf(&list, "%s%s", parts > 0 ? "; " : "",
		    arena_printf(&pi->arena, page_index_text(pi, "points were "
		    "combined by %s"), buf_cstr(&one)));
		parts++;
	}
	if (u->has_weights) {
		struct buf pct = BUF_INIT;

		format_percent(&pct, u->weights * 100.0, 0, pi->ctx.lang);
		buf_printf(&list, "%s%s", parts > 0 ? "; " : "",
		    arena_printf(&pi->arena, page_index_text(pi, "every weight "
		    "moved by up to \xc2\xb1%s"), buf_cstr(&pct)));
		buf_free(&pct);
	}
	page_index_parts_paragraph(h, arena_printf(&pi->arena,
	    page_index_text(pi, "How sure is the ranking? The index was "
	    "computed %s more times, each time with choices drawn at random: %s. "
	    "The ranks in the chart span 90%% of these variants, rounded "
	    "outwards to whole ranks. The draws start from the number %lld, so "
	    "that anyone who repeats them gets the same result."),
	    page_index_number(pi, (double)x->uncertainty.runs, 0),
	    buf_cstr(&list), x->seed));
	if (x->uncertainty.failed > 0)
		page_index_parts_paragraph(h, arena_printf(&pi->arena,
		    page_index_text(pi, "%zu of the variants could not be "
		    "computed (the geometric mean needs points above 0) and are "
		    "left out."), x->uncertainty.failed));
	buf_free(&list);
	buf_free(&one);
}

void
page_index_method(struct html *h, struct page_index *pi)
{
	const struct index_catalog *x = pi->x;
	struct buf b = BUF_INIT;

	html_open(h, HTML_SECTION);
	html_attr(h, HTML_ATTR_CLASS, "index-section");
	html_attr(h, HTML_ATTR_ID, "method");
	html_element_text(h, HTML_H2, page_index_text(pi, "How the index is "
	    "built"));
	if (x->node_count > 0)
		page_index_parts_tree(h, pi, index_catalog_top(x));
	page_index_parts_steps(h, pi);
	page_index_parts_variants(h, pi);
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "method");
	html_text(h, page_index_text(pi, "The formulas are those of the methods "
	    "handbook (METHODS §4); the same numbers come from these commands:"));
	html_close(h);
	buf_printf(&b, "wiall index build --catalog %s\nwiall index "
	    "uncertainty --catalog %s", x->index->code, x->index->code);
	html_open(h, HTML_PRE);
	html_element_text(h, HTML_CODE, buf_cstr(&b));
	html_close(h);
	buf_reset(&b);
	buf_puts(&b, pi->ctx.site_root);
	buf_printf(&b, "api/v1/index/%s%s", x->index->code,
	    pi->ctx.static_site ? ".json" : "");
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "downloads");
	html_open(h, HTML_A);
	html_attr(h, HTML_ATTR_HREF, buf_cstr(&b));
	html_attr(h, HTML_ATTR_TYPE, "application/json");
	html_text(h, page_index_text(pi, "All figures of this index as JSON"));
	html_close(h);
	html_close(h);
	html_close(h);
	buf_free(&b);
}
