/* The economic-structure page ("Wirtschaftsstruktur", issue 4) over
 * app/structure_view.h: sector composition, diversity, location quotients,
 * shift-share and shocks of one region against its reference, each figure
 * with a sentence on what it means for the city and one on how to read it,
 * and a switch to the other regions of the data. Handlers only; they own
 * nothing after they return. */
#ifndef WIALL_WEB_PAGE_STRUCTURE_H
#define WIALL_WEB_PAGE_STRUCTURE_H

#include "app/structure_view.h"
#include "util/arena.h"
#include "web/page.h"
#include "web/router.h"

/* GET /structure (the defaults), /structure/{region} and
 * /structure/{region}/{indicator}. */
void	page_structure(const struct http_request *req, struct http_response *resp,
	    const struct route_match *m);

/* The page of an indicator's region from the language root: "structure"
 * for the default region of the catalogue's first sector indicator
 * (`first`), "structure/REGION" for its other regions, and
 * "structure/REGION/INDICATOR" for other indicators. */
void	page_structure_path(struct buf *out,
	    const struct structure_view_indicator *vi, bool first,
	    const struct region *region);

/* ---- shared by page_structure*.c ---------------------------------------- */

struct page_structure {
	struct page_context			 ctx;
	const struct structure_view		*v;
	const struct app_structure_report	*r;
	const struct app_structure_region	*fig;	/* the region's figures */
	struct arena				 arena;	/* labels and series */
	const char	**periods;	/* display labels, r->period_count */
	const char	**sectors;	/* short labels for charts */
	const char	**sector_names;	/* full names for sentences */
	const char	 *region;	/* the region's name */
	const char	 *reference;	/* the reference's name */
	const char	 *unit;		/* the indicator's unit for display, "" */
	int		  decimals;	/* the indicator's */
};

/* The German or English name, whichever the page wants and has. */
const char *page_structure_name(const struct page_structure *ps,
	    const char *de, const char *en);
/* A sector or shock name in the language's quotes: “…” or „…“. */
const char *page_structure_quoted(struct page_structure *ps, const char *name);
/* Translations, and numbers as the UI writes them, kept in the arena. */
const char *page_structure_text(const struct page_structure *ps,
	    const char *msgid);
const char *page_structure_number(struct page_structure *ps, double v,
	    int decimals);
const char *page_structure_signed(struct page_structure *ps, double v,
	    int decimals);
const char *page_structure_percent(struct page_structure *ps, double v,
	    int decimals);
/* A signed amount in the indicator's unit: "+1.040 Personen". */
const char *page_structure_amount(struct page_structure *ps, double v);
/* A values array (n, NAN where a value is not ok), in the arena. */
double	*page_structure_values(struct page_structure *ps, size_t n);
/* <p class="…">text</p> */
void	page_structure_paragraph(struct html *h, const char *class_name,
	    const char *text);
/* A section with its heading (id for the in-page contents). */
void	page_structure_section(struct html *h, const char *id,
	    const char *heading);

/* The figures, each a <section> (page_structure_figures.c and
 * page_structure_change.c). */
void	page_structure_figures_composition(struct html *h,
	    struct page_structure *ps);
void	page_structure_figures_diversity(struct html *h,
	    struct page_structure *ps);
void	page_structure_figures_location(struct html *h,
	    struct page_structure *ps);
void	page_structure_change_shift_share(struct html *h,
	    struct page_structure *ps);
void	page_structure_change_shocks(struct html *h, struct page_structure *ps);

#endif
