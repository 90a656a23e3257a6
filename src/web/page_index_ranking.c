/* The ranking of the index page (see page_index.h): a sentence on where the
 * home region stands and how sure that is, one on how sure the ranking is
 * as a whole, and a chart with a bar of points per region and, beside it,
 * the region's rank as a dot with the line over which the rank moved in 90 %
 * of the variants of the uncertainty analysis (METHODS §4.10). The chart
 * has a title, a description and a data table; the home region is marked
 * by its label and a triangle, not by colour alone. */
#include "web/page_index.h"

#include <math.h>
#include <string.h>

#include "web/svg.h"

#define PAGE_INDEX_INK		"#1f2937"
#define PAGE_INDEX_GRID		"#d9dde3"
#define PAGE_INDEX_BAR		"#1b5e9e"	/* 6.9:1 on white */
#define PAGE_INDEX_HOME_BAR	"#b35c00"
#define PAGE_INDEX_HOME_TINT	"#fdf1e3"

/* Chart geometry, in user units. */
#define PAGE_INDEX_W		680.0
#define PAGE_INDEX_ROW		32.0
#define PAGE_INDEX_TOP		36.0
#define PAGE_INDEX_LABEL_END	226.0
#define PAGE_INDEX_BAR_X	236.0
#define PAGE_INDEX_BAR_W	230.0
#define PAGE_INDEX_RANK_X	520.0
#define PAGE_INDEX_RANK_W	144.0

/* ---- sentences ----------------------------------------------------- */

static const char *
page_index_rank_text(struct page_index *pi, int lo, int hi)
{
	if (lo == hi)
		return arena_printf(&pi->arena, page_index_text(pi, "rank %d"),
		    lo);
	return arena_printf(&pi->arena, page_index_text(pi, "ranks %d to %d"),
	    lo, hi);
}

/* Where the points of a region come from: its weakest and its strongest
 * component (by points), so that a reader sees why it stands where it
 * does. */
static void
page_index_why_sentence(struct html *h, struct page_index *pi, size_t u)
{
	const struct index_catalog *x = pi->x;
	const struct index_catalog_leaf *weak = NULL, *strong = NULL;
	size_t i;

	for (i = 0; i < x->leaf_count; i++) {
		const struct index_catalog_leaf *leaf = &x->leaves[i];
		double v = leaf->normalised[u];

		if (leaf->node < 0 || !isfinite(v))
			continue;
		if (weak == NULL || v < weak->normalised[u])
			weak = leaf;
		if (strong == NULL || v > strong->normalised[u])
			strong = leaf;
	}
	if (weak == NULL || weak == strong)
		return;
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "meaning");
	html_text(h, arena_printf(&pi->arena, page_index_text(pi, "%s is "
	    "weakest in \xe2\x80\x9c%s\xe2\x80\x9d (%s, %s points) and "
	    "strongest in \xe2\x80\x9c%s\xe2\x80\x9d (%s, %s points)."),
	    pi->names[u], page_index_pick(pi, weak->component->title_de,
	    weak->component->title_en), page_index_value(pi, weak,
	    weak->raw[u], true), page_index_number(pi, weak->normalised[u], 0),
	    page_index_pick(pi, strong->component->title_de,
	    strong->component->title_en), page_index_value(pi, strong,
	    strong->raw[u], true), page_index_number(pi,
	    strong->normalised[u], 0)));
	html_close(h);
}

/* "Bottrop is ranked 5 of 8; in 90 % of the variants between rank 4 and
 * 7." and how sure that is. */
static void
page_index_home_sentence(struct html *h, struct page_index *pi)
{
	const struct index_catalog *x = pi->x;
	const char *name;
	long u;
	int rank, lo, hi;

	if (x->home == NULL)
		u = (long)pi->order[0];
	else
		for (u = 0; u < (long)x->unit_count; u++)
			if (x->units[u] == x->home)
				break;
	name = pi->names[u];
	if (!isfinite(x->result.rank[u])) {
		html_open(h, HTML_P);
		html_attr(h, HTML_ATTR_CLASS, "meaning");
		html_text(h, arena_printf(&pi->arena, page_index_text(pi,
		    "%s has no rank: its figures are missing."), name));
		html_close(h);
		return;
	}
	rank = (int)x->result.rank[u];
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "meaning");
	if (!page_index_interval(pi, (size_t)u, &lo, &hi))
		html_text(h, arena_printf(&pi->arena, page_index_text(pi,
		    "%s is ranked %d of %zu."), name, rank, x->unit_count));
	else if (lo == hi)
		html_text(h, arena_printf(&pi->arena, page_index_text(pi,
		    "%s is ranked %d of %zu; in 90%% of the variants it is "
		    "ranked %d."), name, rank, x->unit_count, lo));
	else
		html_text(h, arena_printf(&pi->arena, page_index_text(pi,
		    "%s is ranked %d of %zu; in 90%% of the variants between "
		    "rank %d and %d."), name, rank, x->unit_count, lo, hi));
	if (page_index_interval(pi, (size_t)u, &lo, &hi)) {
		html_text(h, " ");
		html_text(h, page_index_text(pi, hi - lo == 0 ?
		    "This rank is sure: other reasonable ways of building the "
		    "index hardly move it." : hi - lo <= 2 ? "This rank is fairly "
		    "sure: other ways of building the index move it by a place "
		    "or two." : "This rank is uncertain: how the index is built "
		    "decides a good part of it."));
	}
	html_close(h);
	page_index_why_sentence(h, pi, (size_t)u);
}

/* How many regions keep their rank, and whose rank is least sure. */
static void
page_index_overall_sentence(struct html *h, struct page_index *pi)
{
	const struct index_catalog *x = pi->x;
	size_t i, steady = 0, widest = 0;
	int lo, hi, wlo = 0, whi = 0, width = -1;
	const char *runs;

	if (!x->has_uncertainty)
		return;
	for (i = 0; i < x->unit_count; i++) {
		size_t u = pi->order[i];

		if (!page_index_interval(pi, u, &lo, &hi))
			continue;
		if (lo == hi)
			steady++;
		if (hi - lo > width) {
			width = hi - lo;
			widest = u;
			wlo = lo;
			whi = hi;
		}
	}
	if (width < 0)
		return;
	runs = page_index_number(pi, (double)x->uncertainty.runs, 0);
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "meaning");
	if (width == 0)
		html_text(h, arena_printf(&pi->arena, page_index_text(pi,
		    "All %zu regions keep their rank in 90%% of the %s "
		    "variants."), x->unit_count, runs));
	else
		html_text(h, arena_printf(&pi->arena, page_index_text(pi,
		    "%zu of the %zu regions keep their rank in 90%% of the %s "
		    "variants; the least sure is the rank of %s (%s)."), steady,
		    x->unit_count, runs, pi->names[widest],
		    page_index_rank_text(pi, wlo, whi)));
	html_close(h);
}

/* ---- the chart ----------------------------------------------------- */

static double
page_index_rank_x(const struct index_catalog *x, double rank)
{
	double n = (double)x->unit_count;

	return PAGE_INDEX_RANK_X + (n > 1 ? (rank - 1) / (n - 1) : 0) *
	    PAGE_INDEX_RANK_W;
}

static const char *
page_index_chart_desc(struct page_index *pi)
{
	const struct index_catalog *x = pi->x;
	const struct index_catalog_node *top = index_catalog_top(x);
	struct buf b = BUF_INIT;
	size_t i;

	buf_puts(&b, page_index_text(pi, "Regions by points, best first:"));
	for (i = 0; i < x->unit_count; i++) {
		size_t u = pi->order[i];
		int lo, hi;

		buf_printf(&b, "%s %s %s", i > 0 ? ";" : "", pi->names[u],
		    page_index_number(pi, index_catalog_score(x, top, u), 1));
		if (page_index_interval(pi, u, &lo, &hi))
			buf_printf(&b, " (%s)", page_index_rank_text(pi, lo, hi));
	}
	buf_putc(&b, '.');
	return arena_take(&pi->arena, &b);
}

static void
page_index_chart_axes(struct html *h, struct page_index *pi, double bottom)
{
	const struct index_catalog *x = pi->x;
	const struct svg_style grid = { "grid", NULL, PAGE_INDEX_GRID, 1, NULL,
	    0 };
	char label[16];
	size_t r;
	int t;

	svg_text(h, PAGE_INDEX_BAR_X, 18, SVG_ANCHOR_START, 13, "heading",
	    page_index_text(pi, "Points (0 to 100)"));
	svg_text(h, PAGE_INDEX_RANK_X - 8, 18, SVG_ANCHOR_START, 13,
	    "heading", page_index_text(pi, "Rank (1 = best)"));
	for (t = 0; t <= 100; t += 25) {
		double gx = PAGE_INDEX_BAR_X + PAGE_INDEX_BAR_W * t / 100.0;

		svg_line(h, gx, PAGE_INDEX_TOP - 6, gx, bottom, &grid);
		snprintf(label, sizeof(label), "%d", t);
		svg_text(h, gx, bottom + 16, SVG_ANCHOR_MIDDLE, 11, "tick",
		    label);
	}
	for (r = 1; r <= x->unit_count; r++) {
		double gx = page_index_rank_x(x, (double)r);

		svg_line(h, gx, PAGE_INDEX_TOP - 6, gx, bottom, &grid);
		snprintf(label, sizeof(label), "%zu", r);
		svg_text(h, gx, bottom + 16, SVG_ANCHOR_MIDDLE, 11, "tick",
		    label);
	}
}

static void
page_index_chart_row(struct html *h, struct page_index *pi, size_t i,
    size_t u)
{
	const struct index_catalog *x = pi->x;
	const struct index_catalog_node *top = index_catalog_top(x);
	bool home = x->units[u] == x->home;
	double y = PAGE_INDEX_TOP + (double)i * PAGE_INDEX_ROW;
	double mid = y + PAGE_INDEX_ROW / 2, score = index_catalog_score(x, top,
	    u), rank = x->result.rank[u];
	const struct svg_style bar = { home ? "bar home" : "bar",
	    home ? PAGE_INDEX_HOME_BAR : PAGE_INDEX_BAR, NULL, 0, NULL, 0 };
	const struct svg_style tint = { "home-row", PAGE_INDEX_HOME_TINT, NULL,
	    0, NULL, 0 };
	const struct svg_style span = { "interval", NULL, PAGE_INDEX_INK, 3,
	    NULL, 0 };
	const struct svg_style cap = { "interval", NULL, PAGE_INDEX_INK, 1.5,
	    NULL, 0 };
	const struct svg_style dot = { "rank", PAGE_INDEX_INK, "#ffffff", 1.5,
	    NULL, 0 };
	int lo, hi;

	svg_group(h, home ? "row home" : "row");
	if (home) {
		svg_rect(h, 0, y + 1, PAGE_INDEX_W, PAGE_INDEX_ROW - 2, &tint,
		    NULL);
		svg_marker(h, SVG_MARKER_TRIANGLE, 10, mid, 10, &bar, NULL);
	}
	svg_text(h, PAGE_INDEX_LABEL_END, mid + 4, SVG_ANCHOR_END, 13,
	    home ? "label home" : "label", page_index_unit_label(pi, u));
	if (isfinite(score)) {
		double w = PAGE_INDEX_BAR_W * fmax(0, fmin(score, 100)) / 100.0;

		svg_rect(h, PAGE_INDEX_BAR_X, y + 7, w, PAGE_INDEX_ROW - 14,
		    &bar, NULL);
		svg_text(h, PAGE_INDEX_BAR_X + w + 5, mid + 4, SVG_ANCHOR_START,
		    12, "value", page_index_number(pi, score, 1));
	}
	if (page_index_interval(pi, u, &lo, &hi)) {
		double x0 = page_index_rank_x(x, lo), x1 = page_index_rank_x(x,
		    hi);

		svg_line(h, x0, mid, x1, mid, &span);
		svg_line(h, x0, mid - 6, x0, mid + 6, &cap);
		svg_line(h, x1, mid - 6, x1, mid + 6, &cap);
	}
	if (isfinite(rank))
		svg_circle(h, page_index_rank_x(x, rank), mid, 5.5, &dot);
	html_close(h);
}

static void
page_index_chart_table(struct html *h, struct page_index *pi)
{
	const struct index_catalog *x = pi->x;
	const struct index_catalog_node *top = index_catalog_top(x);
	static const char *const heads[] = { N_("Rank"), N_("Region"),
	    N_("Points"), N_("Rank in 90% of variants"), N_("Median rank") };
	size_t i, k;

	html_open(h, HTML_TABLE);
	html_attr(h, HTML_ATTR_CLASS, "data ranking");
	html_element_text(h, HTML_CAPTION, page_index_text(pi,
	    "Ranking with the uncertainty of each rank"));
	html_open(h, HTML_THEAD);
	html_open(h, HTML_TR);
	for (k = 0; k < (x->has_uncertainty ? 5 : 3); k++) {
		html_column_head(h, page_index_text(pi, heads[k]));
	}
	html_close(h);
	html_close(h);
	html_open(h, HTML_TBODY);
	for (i = 0; i < x->unit_count; i++) {
		size_t u = pi->order[i];
		long s = index_catalog_stats_row(x, u);
		double score = index_catalog_score(x, top, u);
		int lo, hi;

		html_open(h, HTML_TR);
		if (x->units[u] == x->home)
			html_attr(h, HTML_ATTR_CLASS, "home");
		html_open(h, HTML_TD);
		html_attr(h, HTML_ATTR_CLASS, "num");
		html_text(h, page_index_number(pi, x->result.rank[u], 0));
		html_close(h);
		html_open(h, HTML_TH);
		html_attr(h, HTML_ATTR_SCOPE, "row");
		html_text(h, page_index_unit_label(pi, u));
		html_close(h);
		html_open(h, HTML_TD);
		html_attr(h, HTML_ATTR_CLASS, "num");
		if (isfinite(score))
			html_attrf(h, HTML_ATTR_DATA_VALUE, "%.17g", score);
		html_text(h, page_index_number(pi, score, 1));
		html_close(h);
		if (!x->has_uncertainty) {
			html_close(h);
			continue;
		}
		html_open(h, HTML_TD);
		html_attr(h, HTML_ATTR_CLASS, "num");
		html_text(h, page_index_interval(pi, u, &lo, &hi) ? lo == hi ?
		    arena_printf(&pi->arena, "%d", lo) : arena_printf(
		    &pi->arena, "%d\xe2\x80\x93%d", lo, hi) : "\xe2\x80\x93");
		html_close(h);
		html_open(h, HTML_TD);
		html_attr(h, HTML_ATTR_CLASS, "num");
		html_text(h, page_index_number(pi, s >= 0 ?
		    x->uncertainty.stats.median[s] : NAN, 1));
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void
page_index_chart(struct html *h, struct page_index *pi)
{
	const struct index_catalog *x = pi->x;
	double bottom = PAGE_INDEX_TOP + (double)x->unit_count * PAGE_INDEX_ROW;
	const char *title = page_index_text(pi, "Points and rank of each "
	    "region");
	size_t i, depth = html_depth(h);

	html_open(h, HTML_FIGURE);
	html_attr(h, HTML_ATTR_CLASS, "chart chart-ranking");
	html_attr(h, HTML_ATTR_ID, "ranking-chart");
	html_element_text(h, HTML_FIGCAPTION, title);
	/* On a phone the chart keeps a readable size and scrolls sideways;
	 * the region takes the focus so that keys can scroll it. */
	html_open(h, HTML_DIV);
	html_attr(h, HTML_ATTR_CLASS, "chart-scroll");
	html_attr(h, HTML_ATTR_TABINDEX, "0");
	html_attr(h, HTML_ATTR_ROLE, "group");
	html_attr(h, HTML_ATTR_ARIA_LABEL, title);
	svg_begin(h, PAGE_INDEX_W, bottom + 26, "ranking-chart", title,
	    page_index_chart_desc(pi));
	page_index_chart_axes(h, pi, bottom);
	for (i = 0; i < x->unit_count; i++)
		page_index_chart_row(h, pi, i, pi->order[i]);
	html_close(h);	/* svg */
	html_close(h);	/* div */
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "legend");
	if (x->has_uncertainty)
		html_text(h, page_index_text(pi, "Rank: the dot is the computed "
		    "rank, the line the ranks in 90% of the variants."));
	if (x->home != NULL) {
		if (x->has_uncertainty)
			html_text(h, " ");
		html_text(h, arena_printf(&pi->arena, page_index_text(pi,
		    "The triangle and the words %s mark %s."), pi->home_tag,
		    page_index_pick(pi, x->home->name_de, x->home->name_en)));
	}
	html_close(h);
	html_open(h, HTML_DETAILS);
	html_attr(h, HTML_ATTR_CLASS, "chart-data");
	html_element_text(h, HTML_SUMMARY, page_index_text(pi, "Data table"));
	page_index_chart_table(h, pi);
	html_close_to(h, depth);
}

void
page_index_ranking(struct html *h, struct page_index *pi)
{
	html_open(h, HTML_SECTION);
	html_attr(h, HTML_ATTR_CLASS, "index-section");
	html_attr(h, HTML_ATTR_ID, "ranking");
	html_element_text(h, HTML_H2, page_index_text(pi, "Ranking"));
	page_index_home_sentence(h, pi);
	page_index_overall_sentence(h, pi);
	page_index_chart(h, pi);
	html_open(h, HTML_P);
	html_attr(h, HTML_ATTR_CLASS, "reading");
	html_text(h, page_index_text(pi, pi->x->has_uncertainty ?
	    "Each bar shows a region's points: 100 would be the best value in "
	    "every component. On the right, the dot is the region's rank; the "
	    "line spans the ranks it took in 90% of the variants in which the "
	    "index was computed with other reasonable choices. The shorter the "
	    "line, the surer the rank." : "Each bar shows a region's points: "
	    "100 would be the best value in every component. On the right, "
	    "the dot is the region's rank."));
	html_close(h);
	html_close(h);
}
