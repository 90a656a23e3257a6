/* Shared by the structure use case's files (structure_load.c reads the table
 * from the database or a file, structure.c and its parts compute the report);
 * not for other modules. A table owns its arrays and names until
 * app_structure_table_free(); the report's texts live in its arena. */
#ifndef WIALL_APP_STRUCTURE_INTERNAL_H
#define WIALL_APP_STRUCTURE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "app/structure.h"
#include "core/structure.h"
#include "util/buf.h"
#include "util/model.h"

#define APP_STRUCTURE_NOT_FOUND	((size_t)-1)

/* Interned strings: each distinct name gets the next index. */
struct app_structure_names {
	char	**name;
	size_t	  count, cap;
	size_t	 *slot;		/* index + 1, 0 = empty; open addressing */
	size_t	  slot_cap;
};

size_t	app_structure_names_add(struct app_structure_names *n, const char *s);
size_t	app_structure_names_find(const struct app_structure_names *n,
	    const char *s);
void	app_structure_names_free(struct app_structure_names *n);

/* The regions × periods × sectors table the report is computed from. Cells
 * are [region][period][sector]; a cell without a figure is missing (never 0).
 * The published all-sector total of a region and period is separate. */
/* A note of the table, owned by it: English and German. */
struct app_structure_table_note {
	char	*en;
	char	*de;
};

struct app_structure_table {
	struct app_structure_names regions;
	const char	**region_names;		/* catalogue's, or NULL entries */
	const char	**region_names_de;	/* the same in German */
	bool		 *region_contains;	/* contains another region here */
	struct app_structure_names sectors;	/* in the order they are compared */
	struct app_structure_names periods;	/* chronological */
	struct period	 *period_values;
	double		 *value;
	bool		 *missing;
	double		 *total;		/* [region][period] */
	bool		 *has_total;

	/* Variety groups (group_count 0: none) and where they came from. */
	struct app_structure_names groups;
	size_t		 *sector_group;
	char		 *groups_source;

	char		 *indicator;		/* database, or the file's own */
	char		 *classification;
	char		 *dimension;
	const char	 *reference_default;	/* the indicator's, or NULL */
	struct catalog	  catalog;		/* database: names, shocks */
	bool		  has_catalog;

	/* Remarks made while reading, for the report's notes. */
	struct app_structure_table_note	*notes;
	size_t		  note_count, note_cap;
};

static inline size_t
app_structure_cell(const struct app_structure_table *t, size_t region,
    size_t period, size_t sector)
{
	return (region * t->periods.count + period) * t->sectors.count + sector;
}

/* Reads the table as opt says (database or file) into t (zeroed by the
 * caller). Returns 0 or -1 (problems of a file in diags, others in e). */
int	app_structure_load(struct db *db, const struct app_structure_options *opt,
	    struct app_structure_table *t, struct diag_list *diags,
	    struct error *e);
void	app_structure_table_free(struct app_structure_table *t);
/* A note in English and German: both formats take the same arguments in the
 * same order (each is checked against them). A sentence whose languages need
 * different arguments (plurals, numbers) is built first and added whole with
 * app_structure_table_note_add(). */
void	app_structure_table_note(struct app_structure_table *t,
	    const char *en, const char *de, ...)
	    __attribute__((format(printf, 2, 4), format(printf, 3, 4)));
void	app_structure_table_note_add(struct app_structure_table *t,
	    const char *en, const char *de);
/* Drops the notes after the first `count` (a level that was not used). */
void	app_structure_table_note_drop(struct app_structure_table *t,
	    size_t count);

/* Raw records (structure_load.c): every observation read, with interned
 * region, period and sector, before the sectors compared are chosen. */
#define APP_STRUCTURE_RAW_TOTAL	((size_t)-2)	/* a record's "sector": the total */

struct app_structure_record {
	size_t	region, period, sector;	/* sector: APP_STRUCTURE_RAW_TOTAL: total */
	double	value;
	bool	has_value;
	bool	total_by_sector;	/* the classification's total sector */
	long	line, column;
};

struct app_structure_raw {
	struct app_structure_names	 regions, sectors, periods;
	struct period			*period_values;
	size_t				 period_cap;
	struct app_structure_record	*rec;
	size_t				 count, cap;
	char				*dimension;
	const char			*file;		/* NULL: the database */
	size_t				 other_dims;	/* rows of other breakdowns */
	char				*other_example;
	size_t				 excluded;
	bool				*exclusion_used;
};

/* structure_sectors.c: the sectors compared. sector_map[raw sector] becomes
 * the table's index, APP_STRUCTURE_RAW_TOTAL for the total, or
 * APP_STRUCTURE_NOT_FOUND for a sector left out. */
int	app_structure_sectors_classified(const struct app_structure_options *opt,
	    const struct classification *cl, struct app_structure_raw *raw,
	    struct app_structure_table *t, size_t *sector_map, struct error *e);
void	app_structure_sectors_named(struct app_structure_raw *raw,
	    struct app_structure_table *t, size_t *sector_map);
/* Reads the variety groups from a CSV file 'sector,group' into t. */
int	app_structure_sectors_groups(const char *path,
	    struct app_structure_table *t, struct diag_list *diags,
	    struct error *e);

/* The report's computation state (structure.c), handed to its parts. */
struct app_structure_ctx {
	const struct app_structure_options *opt;
	struct app_structure_table	*t;
	struct app_structure_report	*r;
	size_t				 S;		/* sectors */
	size_t				*rows;		/* table regions reported */
	size_t				 row_count;
	size_t				 reference;	/* table region or NOT_FOUND */
	size_t				*sum_rows;	/* column sums over these */
	size_t				 sum_count;
	size_t				*sel;		/* selected table periods */
	size_t				 sel_count;
	/* The reference for every table period. */
	double				*column_sum;	/* [period][sector] */
	bool				*column_missing;
	struct structure_values		*ref_values;	/* [period] */
	struct structure_reference	*ref;		/* [period] */
	double				*workspace;
	const char			**period_names;	/* every table period */
};

/* structure.c: notes, region labels, and a number with its status and the
 * sentence saying why it is missing. */
/* A note in English and German, as app_structure_table_note(). */
void	app_structure_note(struct app_structure_report *r, const char *en,
	    const char *de, ...)
	    __attribute__((format(printf, 2, 4), format(printf, 3, 4)));
void	app_structure_note_add(struct app_structure_report *r, const char *en,
	    const char *de);
/* When, in a German sentence, for a period's name: "2017", "im 2. Quartal
 * 2017", "im Juni 2017"; a name that is no period is copied as it is. */
void	app_structure_period_de(struct buf *out, const char *name);
const char *app_structure_region_label(const struct app_structure_table *t,
	    size_t k);
const char *app_structure_region_label_de(const struct app_structure_table *t,
	    size_t k);
const char *app_structure_reason(struct app_structure_ctx *c,
	    enum structure_status status, const struct structure_where *w,
	    const char *const *periods, size_t period_count, const char *period);
void	app_structure_value_ok(struct app_structure_value *v, double value);
void	app_structure_value_fail(struct app_structure_ctx *c,
	    struct app_structure_value *v, enum structure_status status,
	    const struct structure_where *w, const char *const *periods,
	    size_t period_count, const char *period);
void	app_structure_value_of(struct app_structure_ctx *c,
	    struct app_structure_value *v, const struct structure_measure *m,
	    const char *const *periods, size_t period_count, const char *period);
void	app_structure_value_text(struct app_structure_ctx *c,
	    struct app_structure_value *v, enum structure_status status,
	    const char *reason);
/* The table row of a region and period as the core takes it. */
struct structure_values app_structure_row(const struct app_structure_ctx *c,
	    size_t region, size_t period);

/* structure_period.c: what the location quotients divide by, after checking
 * the sectors against the published totals; one region in one period. */
enum app_structure_lq_basis app_structure_period_check_coverage(
	    struct app_structure_ctx *c);
void	app_structure_period_compute(struct app_structure_ctx *c, size_t region,
	    size_t period, struct app_structure_period *out);

/* structure_span.c: shift-share and the portfolio from P0 to P1. */
void	app_structure_span_compute(struct app_structure_ctx *c, size_t region,
	    const char *const *period_names, struct app_structure_span *out);

/* structure_shock.c: every shock of the report, and one region's measures. */
void	app_structure_shock_list(struct app_structure_ctx *c,
	    struct app_structure_shock **out, size_t *count);
void	app_structure_shock_compute(struct app_structure_ctx *c, size_t region,
	    struct app_structure_shock *out);

#endif
