/* The index page ("Index", issue 4) over app/index_catalog.h: what a
 * composite index of the catalogue measures, the ranking of its regions as
 * bars with the interval of each rank in the uncertainty analysis and a
 * sentence on how sure the home region's rank is, the components per region
 * (raw value and points), and the method in plain words. Handlers only; they
 * own nothing after they return. */
#ifndef WIALL_WEB_PAGE_INDEX_H
#define WIALL_WEB_PAGE_INDEX_H

#include "app/index_catalog.h"
#include "util/arena.h"
#include "web/page.h"
#include "web/router.h"

/* GET /indices (the catalogue's first index) and /indices/{code}. */
void	page_index(const struct http_request *req, struct http_response *resp,
	    const struct route_match *m);

/* The page of an index from the language root: "indices" for the first,
 * "indices/CODE" for the others. */
void	page_index_path(struct buf *out, const struct catalog *c,
	    const struct composite_index *x);

/* ---- shared by page_index*.c -------------------------------------------- */

struct page_index {
	struct page_context	 ctx;
	struct index_catalog	*x;
	struct arena		 arena;		/* sentences and labels */
	const size_t		*order;		/* units by nominal rank */
	const char		**names;	/* per unit, in the language */
	const char		*home_tag;	/* "(own city)" … */
};

const char *page_index_text(const struct page_index *pi, const char *msgid);
/* The German or English text, whichever the page wants and has. */
const char *page_index_pick(const struct page_index *pi, const char *de,
	    const char *en);
const char *page_index_number(struct page_index *pi, double v, int decimals);
/* A leaf's raw value as the UI writes it ("+3,8 %", "0,246"), with its unit
 * word when `unit` ("19.978 EUR je Einwohner", "2,18 Bit"); "–" when
 * missing. */
const char *page_index_value(struct page_index *pi,
	    const struct index_catalog_leaf *leaf, double v, bool unit);
/* The unit word of a leaf's raw values ("EUR je Einwohner", "Bit"), "" for
 * none or percent. */
const char *page_index_unit_word(const struct page_index *pi,
	    const struct index_catalog_leaf *leaf);
/* The name of unit u, with the home tag when it is the home region. */
const char *page_index_unit_label(struct page_index *pi, size_t u);
/* A rank interval of the analysis rounded outwards to whole ranks: the
 * interval covers at least the 90 % of the variants. False without one. */
bool	page_index_interval(const struct page_index *pi, size_t u, int *lo,
	    int *hi);
/* A node's title in the page's language. */
const char *page_index_node_title(const struct page_index *pi,
	    const struct index_catalog_node *n);

/* The sections (page_index_ranking.c, page_index_parts.c). */
void	page_index_ranking(struct html *h, struct page_index *pi);
void	page_index_components(struct html *h, struct page_index *pi);
void	page_index_method(struct html *h, struct page_index *pi);

#endif
