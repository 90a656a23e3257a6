/* SDMX-CSV headers: the column roles of SDMX-CSV 1.0 and 2.0, with or
 * without a mapping file (io/sdmx.h), and the mapping file's `keep` filters
 * and column maps attached to their columns.
 *
 * SDMX-CSV: DATAFLOW (1.0) or STRUCTURE, STRUCTURE_ID, ACTION (2.0), then
 * dimensions, TIME_PERIOD, OBS_VALUE and attributes. Without a mapping file
 * INDICATOR, REF_AREA, UNIT_MEASURE, SOURCE_DETAIL, COMMENT_OBS have their
 * meaning (what `wiall export --format sdmx` writes) and other columns are
 * dimensions; with one, every column must be accounted for. */
#include <stdlib.h>
#include <string.h>

#include "io/obsfile_internal.h"

struct obsfile_sdmx_name {
	const char		*name;
	enum obsfile_role	 role;
};

/* The role of column n, in this order: SDMX-CSV's own columns, the mapping
 * file's columns and dimensions, the options' dimensions, the ignored
 * columns, SDMX's OBS_STATUS and REF_AREA unless the mapping file names
 * others, then the columns of wiall's export (without a mapping file) or a
 * column that only filters (`keep`: read, not stored). OBSFILE_ROLE_DIM with
 * *key for a dimension; OBSFILE_ROLE__MAX when nothing says. */
static enum obsfile_role
obsfile_sdmx_role(const struct obsfile_reader *r, const char *n,
    const char **key)
{
	static const struct obsfile_sdmx_name sdmx[] = {
		{ "DATAFLOW", OBSFILE_ROLE_IGNORE },
		{ "STRUCTURE", OBSFILE_ROLE_IGNORE },
		{ "STRUCTURE_ID", OBSFILE_ROLE_IGNORE },
		{ "ACTION", OBSFILE_ROLE_ACTION },
		{ "TIME_PERIOD", OBSFILE_ROLE_PERIOD },
		{ "OBS_VALUE", OBSFILE_ROLE_VALUE },
	};
	static const struct obsfile_sdmx_name exported[] = {
		{ "INDICATOR", OBSFILE_ROLE_INDICATOR },
		{ "UNIT_MEASURE", OBSFILE_ROLE_UNIT },
		{ "SOURCE_DETAIL", OBSFILE_ROLE_SOURCE },
		{ "COMMENT_OBS", OBSFILE_ROLE_NOTE },
	};
	static const enum obsfile_role mapped_roles[] = {
		OBSFILE_ROLE_INDICATOR, OBSFILE_ROLE_REGION, OBSFILE_ROLE_FLAG,
		OBSFILE_ROLE_UNIT, OBSFILE_ROLE_SOURCE, OBSFILE_ROLE_NOTE,
	};
	const struct sdmx_mapping *m = r->mapping;
	const struct obsfile_options *o = r->opt;
	size_t i;

	*key = NULL;
	for (i = 0; i < sizeof(sdmx) / sizeof(sdmx[0]); i++)
		if (strcmp(n, sdmx[i].name) == 0)
			return sdmx[i].role;
	if (m != NULL) {
		const char *const mapped[] = { m->indicator_column,
		    m->region_column, m->flag_column, m->unit_column,
		    m->source_column, m->note_column };

		for (i = 0; i < sizeof(mapped) / sizeof(mapped[0]); i++)
			if (mapped[i] != NULL && strcmp(n, mapped[i]) == 0)
				return mapped_roles[i];
		if ((*key = obsfile_header_dim_key(m->dims, m->dim_count,
		    n)) != NULL)
			return OBSFILE_ROLE_DIM;
	}
	if ((*key = obsfile_header_dim_key(o->dim_columns,
	    o->dim_column_count, n)) != NULL)
		return OBSFILE_ROLE_DIM;
	if ((m != NULL && obsfile_header_in_list(m->ignore, m->ignore_count,
	    n)) || obsfile_header_in_list(o->ignore_columns, o->ignore_count,
	    n))
		return OBSFILE_ROLE_IGNORE;
	if (strcmp(n, "OBS_STATUS") == 0 && (m == NULL ||
	    m->flag_column == NULL))
		return OBSFILE_ROLE_FLAG;
	if (strcmp(n, "REF_AREA") == 0 && (m == NULL ||
	    m->region_column == NULL))
		return OBSFILE_ROLE_REGION;
	if (m == NULL) {
		for (i = 0; i < sizeof(exported) / sizeof(exported[0]); i++)
			if (strcmp(n, exported[i].name) == 0)
				return exported[i].role;
		return OBSFILE_ROLE__MAX;
	}
	for (i = 0; i < m->keep_count; i++)
		if (strcmp(m->keeps[i].column, n) == 0)
			return OBSFILE_ROLE_IGNORE;
	return OBSFILE_ROLE__MAX;
}

/* The mapping file's `keep` filters and `map COLUMN` maps on their columns;
 * a `keep` of a column the file does not have is a problem. */
static int
obsfile_sdmx_attach(struct obsfile_reader *r, struct diag_list *diags)
{
	const struct sdmx_mapping *m = r->mapping;
	struct obsfile_pos top = { 1, 1 };
	size_t c, k;
	int bad = 0;

	for (k = 0; k < m->keep_count; k++) {
		for (c = 0; c < r->ncols; c++)
			if (strcmp(r->cols[c].name, m->keeps[k].column) == 0)
				break;
		if (c == r->ncols) {
			obsfile_diag(diags, r, top, "%s: `keep %s`: the file "
			    "has no such column", m->file, m->keeps[k].column);
			bad = 1;
		} else
			r->cols[c].keep = &m->keeps[k];
	}
	for (k = 0; k < m->map_count; k++)
		for (c = 0; c < r->ncols; c++)
			if (strcmp(r->cols[c].name, m->maps[k].key) == 0)
				r->cols[c].has_column_map = true;
	return bad;
}

int
obsfile_sdmx_header(struct obsfile_reader *r, struct diag_list *diags)
{
	const struct sdmx_mapping *m = r->mapping;
	size_t c;
	int bad = 0;

	for (c = 0; c < r->ncols; c++) {
		const char *n = r->cols[c].name, *key;
		enum obsfile_role role = obsfile_sdmx_role(r, n, &key);
		char *lower;

		if (role == OBSFILE_ROLE_DIM)
			bad |= obsfile_header_add_dim(r, c, key, diags);
		else if (role != OBSFILE_ROLE__MAX)
			bad |= obsfile_header_set_role(r, c, role, diags);
		else if (m != NULL) {
			obsfile_diag(diags, r, r->cols[c].at, "column '%s' is "
			    "not in the mapping file %s (add `dimension "
			    "KEY %s` or `ignore %s`)", n, m->file, n, n);
			bad = 1;
		} else {
			lower = obsfile_options_lower(n);
			bad |= obsfile_header_add_dim(r, c, lower, diags);
			free(lower);
		}
	}
	if (m != NULL)
		bad |= obsfile_sdmx_attach(r, diags);
	return bad ? -1 : 0;
}
