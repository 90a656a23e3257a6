/* The economic-structure use case (issue 3 §2, METHODS §3): a region × sector ×
 * period table, from the database or from a file, → per region and period the
 * structure profile, and over a span shift-share and the portfolio, plus shocks.
 * A report owns everything it points to in its arena: app_structure_report_free(). */
#ifndef WIALL_APP_STRUCTURE_H
#define WIALL_APP_STRUCTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/portfolio.h"
#include "core/structure.h"
#include "io/obsfile.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/error.h"
#include "util/period.h"

/* ---- what to compute ------------------------------------------------------ */

/* A shock given by hand, "NAME:PEAK:TROUGH:END" (METHODS §3.7). */
#define APP_STRUCTURE_SHOCK_NAME_MAX 128
struct app_structure_shock_spec {
	char	name[APP_STRUCTURE_SHOCK_NAME_MAX];
	char	peak[PERIOD_TEXT_MAX];
	char	trough[PERIOD_TEXT_MAX];
	char	recovery_end[PERIOD_TEXT_MAX];
};

/* Parses "NAME:PEAK:TROUGH:END": a non-empty name without ':', three periods
 * (util/period.h) in order peak < trough < end. Returns 0 or -1 (e says why). */
int	app_structure_shock_parse(const char *text,
	    struct app_structure_shock_spec *out, struct error *e);

enum app_structure_source {
	APP_STRUCTURE_DATABASE,		/* observations of one indicator */
	APP_STRUCTURE_FILE		/* an observation file (io/obsfile.h) */
};

/* Default relative tolerance of the coverage check: the sectors "add up" to a
 * published total when they differ from it by at most 0.5 % (rounded figures). */
#define APP_STRUCTURE_TOLERANCE	0.005

struct app_structure_options {
	enum app_structure_source source;

	/* Database: the indicator (required). File: keeps only rows of this
	 * indicator when the file names indicators (NULL: the file must hold
	 * one). */
	const char	*indicator;
	/* The dimension key that holds the sectors. NULL: "sector" in the
	 * database; in a file the one dimension key its rows use. */
	const char	*by;
	/* Database: the level of the indicator's classification whose sectors
	 * are compared (1 = top). 0: the level right below a single all-sector
	 * root (NACE_R2_REGIONAL: the six groups under TOTAL), or level 1. A
	 * coarser sector with only one sub-sector is kept whole (C alone does
	 * not make up B_E): so the sectors never count anything twice. */
	int		 level;

	/* File: the path and how to read it (NULL: the defaults; the wide
	 * layouts of `wiall import` are options there). A dimension value given
	 * as a total label (--total-label), or no sector dimension at all, is
	 * the published all-sector total. */
	const char			*input;
	const struct obsfile_options	*reader;

	/* A "sector,group" CSV for related/unrelated variety (NULL: database:
	 * the parents of the sectors in the classification; file: none). */
	const char	*groups;
	/* Sectors and regions to leave out (e.g. C where it is part of B-E; a
	 * national row among the regions when the reference is the column sums). */
	const char *const *exclude_sectors;
	size_t		 exclude_sector_count;
	const char *const *exclude_regions;
	size_t		 exclude_region_count;

	/* The region (code or, in the database, an alias). NULL: matrix mode,
	 * every region of the input (METHODS §3.4/3.5). */
	const char	*region;
	/* The reference region. NULL: in the database the indicator's
	 * reference region when it has data; otherwise the column sums of the
	 * regions (the region included, as EconGeo; in the database, regions
	 * that contain other regions of the input are left out of the sums and
	 * the matrix). An explicit reference is not itself a row of the matrix. */
	const char	*reference;
	bool		 column_sums;	/* the column sums even where the indicator
					 * names a reference region */

	/* Periods: one (period), a span (from and/or to: every period inside,
	 * and shift-share and the portfolio from its first to its last), or
	 * NULL for every period of the input. */
	const char	*period;
	const char	*from, *to;

	enum structure_base base;
	const struct app_structure_shock_spec *shocks;
	size_t		 shock_count;
	bool		 no_registered_shocks;	/* database: not the catalogue's */
	double		 tolerance;		/* relative; 0: APP_STRUCTURE_TOLERANCE */
};

/* ---- the report ----------------------------------------------------------- */

/* Every number of the report: a value, or NAN with the status and one English
 * sentence that says why and names the sector and period concerned. */
struct app_structure_value {
	double			 value;		/* NAN unless status == STRUCTURE_OK */
	enum structure_status	 status;
	const char		*reason;	/* NULL when ok */
};

/* The sectors against a published all-sector total (the series without the
 * sector dimension, or the classification's total sector). */
struct app_structure_coverage {
	bool			 published;	/* there is a published total */
	double			 published_total;
	struct app_structure_value sector_sum;	/* Σx */
	double			 difference;	/* published − Σx */
	double			 relative;	/* difference / published */
	enum structure_coverage	 coverage;	/* when published and Σx ok */
};

/* Which totals the location quotients divide by (METHODS §3.5). */
enum app_structure_lq_basis {
	APP_STRUCTURE_LQ_SECTOR_SUM,	/* Σx and ΣX: Σ S_i·LQ_i = 1 */
	APP_STRUCTURE_LQ_PUBLISHED,	/* the published totals, as REAT locq:
					 * when the sectors fall short of them */
	APP_STRUCTURE_LQ_BASIS__MAX
};
extern const char *const app_structure_lq_basis_names[APP_STRUCTURE_LQ_BASIS__MAX];

/* One region in one period (METHODS §3.1–3.5). */
struct app_structure_period {
	const char			*period;
	struct app_structure_value	 total;		/* Σx */
	struct app_structure_value	 hhi;		/* H */
	struct app_structure_value	 hhi_normalised; /* H* */
	struct app_structure_value	 hhi_equivalent; /* 1/H */
	struct app_structure_value	 entropy;
	struct app_structure_value	 unrelated_variety;
	struct app_structure_value	 related_variety;
	struct app_structure_value	 krugman;
	struct app_structure_value	*share;		/* sector_count: s_i */
	struct app_structure_value	*lq;		/* sector_count: LQ_i */
	size_t				 nonzero;	/* sectors with x_i > 0 */
	size_t				 groups_nonempty;
	struct app_structure_coverage	 coverage;
};

/* Dunn's components (METHODS §3.6); all share one status. */
struct app_structure_shift_share {
	struct app_structure_value	 growth;
	struct app_structure_value	 national_share;
	struct app_structure_value	 industry_mix;
	struct app_structure_value	 regional_share;
	struct app_structure_value	 net_total_shift;
};

/* One sector over the span: its shift-share terms and portfolio place. */
struct app_structure_sector_change {
	struct app_structure_value	 region_rate;	 /* r_i */
	struct app_structure_value	 reference_rate; /* g_i */
	struct app_structure_value	 regional_share; /* its RS term */
	struct app_structure_value	 location_quotient; /* LQ at the end */
	struct app_structure_value	 relative_growth; /* r_i − g_i */
	bool				 has_quadrant;
	enum portfolio_quadrant		 quadrant;
};

/* From the span's first to its last period (METHODS §3.6, §3.8). */
struct app_structure_span {
	const char			*from, *to;
	struct app_structure_shift_share shift_share;	/* classic Dunn */
	struct app_structure_shift_share dynamic;	/* Barff & Knight */
	size_t				 dynamic_steps;
	struct app_structure_value	 competitive;	/* Esteban-Marquillas */
	struct app_structure_value	 allocation;
	/* Sectors that were zero at the start: RS takes their change and says so
	 * (METHODS §3.6); NULL when none. */
	const char			*zero_start_sectors;
	struct app_structure_sector_change *sectors;	/* sector_count */
	struct app_structure_value	 portfolio;	/* status of the portfolio */
};

/* A shock (METHODS §3.7), registered in the catalogue or given by hand. */
struct app_structure_shock {
	const char			*name;		/* code or given name */
	const char			*title;		/* catalogue's English name, or NULL */
	const char			*peak, *trough, *recovery_end;
	bool				 registered;
	struct app_structure_value	 sensitivity;	/* β over [peak, trough] */
	struct app_structure_value	 resistance;	/* over [peak, trough] */
	struct app_structure_value	 recovery;	/* over [trough, end] */
	struct app_structure_value	 recovery_sensitivity; /* β over [trough, end] */
};

struct app_structure_region {
	const char			*code;
	const char			*name;		/* catalogue's, or NULL */
	struct app_structure_period	*periods;	/* report's period_count */
	bool				 has_span;
	struct app_structure_span	 span;
	struct app_structure_shock	*shocks;	/* report's shock_count */
};

/* A note of the report in both languages of the interface (METHODS §1):
 * the same sentence, with the same names and numbers (German ones with a
 * decimal comma). */
struct app_structure_note {
	const char	*en;
	const char	*de;
};

struct app_structure_report {
	struct arena			 arena;
	bool				 matrix;	/* no --region: every region */
	enum structure_reference_kind	 reference_kind;
	const char			*reference;	/* code; NULL for column sums */
	const char			*reference_name;
	const char			*indicator;	/* NULL in a file without one */
	const char			*classification; /* database, by sector */
	const char			*dimension;	/* "sector" */
	const char			*source;	/* "database" or the file's path */
	enum structure_base		 base;
	enum app_structure_lq_basis	 lq_basis;
	double				 tolerance;

	const char			**sectors;	/* sector codes, in order */
	size_t				 sector_count;
	/* Variety: sector i belongs to groups[sector_group[i]]; group_count 0
	 * when there is no grouping (variety is then not computed). */
	const char			**groups;
	size_t				 group_count;
	const size_t			*sector_group;
	const char			*groups_source;	/* how they were found */

	const char			**periods;	/* chronological */
	size_t				 period_count;
	/* The reference's sector shares S_i per period: period_count rows of
	 * sector_count (the column sums' shares in matrix mode). */
	struct app_structure_value	*reference_share;
	/* The reference's own coverage per period (NULL for column sums). */
	struct app_structure_coverage	*reference_coverage;

	struct app_structure_region	*regions;
	size_t				 region_count;
	size_t				 shock_count;

	/* Plain-language remarks: sectors left out or kept whole, totals the
	 * sectors do not meet, regions left out of the column sums, sectors
	 * zero at the start of a span. Each in English and German. */
	struct app_structure_note	*notes;
	size_t				 note_count, note_cap;
};

/* Loads the table (database or file, as opt says), checks it and computes the
 * report into out, which the caller frees with app_structure_report_free()
 * whatever the result. db may be NULL for a file. Returns 0, or -1 when the
 * input cannot be used: problems in a file go to diags as file:line:column:
 * message (and e says how many), anything else (an unknown indicator, region
 * or period, an empty input, a database error) is in e. Measures that cannot
 * be computed are not errors: they carry a status and a reason. */
int	app_structure_run(struct db *db, const struct app_structure_options *opt,
	    struct app_structure_report *out, struct diag_list *diags,
	    struct error *e);

void	app_structure_report_free(struct app_structure_report *r);

#endif
