/* Shared by the structure use case's files (structure_load.c reads the table
 * from the database or a file, structure.c computes the report); not for other
 * modules. A table owns its arrays and names until app_structure_table_free(). */
#ifndef WIALL_APP_STRUCTURE_INTERNAL_H
#define WIALL_APP_STRUCTURE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "app/structure.h"
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
struct app_structure_table {
	struct app_structure_names regions;
	const char	**region_names;		/* catalogue's, or NULL entries */
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
	char		**notes;
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
void	app_structure_table_note(struct app_structure_table *t,
	    const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
