/* The header of an observation file: its column names, the format they and
 * the options say (long, wide or SDMX-CSV), each column's role, and the
 * parts that are fixed for every row. The long format is read here; wide and
 * SDMX-CSV headers in obsfile_wide.c and obsfile_sdmx.c. */
#include <stdlib.h>
#include <string.h>

#include "io/obsfile_internal.h"
#include "util/text.h"
#include "util/xalloc.h"

bool
obsfile_header_in_list(char **list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

const char *
obsfile_header_dim_key(const struct obsfile_dim_column *d, size_t n,
    const char *column)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(d[i].column, column) == 0)
			return d[i].key;
	return NULL;
}

int
obsfile_header_set_role(struct obsfile_reader *r, size_t c,
    enum obsfile_role role, struct diag_list *diags)
{
	bool single = role != OBSFILE_ROLE_IGNORE && role != OBSFILE_ROLE_DIM &&
	    role != OBSFILE_ROLE_WIDE;

	if (single) {
		int other = r->role_col[role];

		if (other >= 0) {
			obsfile_diag(diags, r, r->cols[c].at, "column '%s' has "
			    "the same role as column %d ('%s')",
			    r->cols[c].name, other + 1, r->cols[other].name);
			return -1;
		}
		r->role_col[role] = (int)c;
	}
	r->cols[c].role = role;
	return 0;
}

int
obsfile_header_add_dim(struct obsfile_reader *r, size_t c, const char *key,
    struct diag_list *diags)
{
	size_t i;

	if (!obsfile_options_key_valid(key)) {
		obsfile_diag(diags, r, r->cols[c].at, "'%s' cannot be a "
		    "dimension key (lower-case letters, digits and _); rename "
		    "it with --dim-column '%s=KEY' or leave it out with "
		    "--ignore-column", key, r->cols[c].name);
		return -1;
	}
	for (i = 0; i < r->dim_col_count; i++)
		if (strcmp(r->cols[r->dim_cols[i]].dim_key, key) == 0) {
			obsfile_diag(diags, r, r->cols[c].at, "dimension '%s' "
			    "is given twice", key);
			return -1;
		}
	if (r->dim_col_count == OBSFILE_MAX_DIMS) {
		obsfile_diag(diags, r, r->cols[c].at, "more than %d dimensions",
		    OBSFILE_MAX_DIMS);
		return -1;
	}
	r->cols[c].dim_key = xstrdup(key);
	r->dim_cols[r->dim_col_count++] = c;
	return obsfile_header_set_role(r, c, OBSFILE_ROLE_DIM, diags);
}

/* The long format's header: known names, every other column a dimension. */
static int
obsfile_header_long(struct obsfile_reader *r, struct diag_list *diags)
{
	static const struct {
		const char		*name;
		enum obsfile_role	 role;
	} known[] = {
		{ "indicator", OBSFILE_ROLE_INDICATOR },
		{ "region", OBSFILE_ROLE_REGION },
		{ "period", OBSFILE_ROLE_PERIOD },
		{ "value", OBSFILE_ROLE_VALUE },
		{ "flag", OBSFILE_ROLE_FLAG },
		{ "unit", OBSFILE_ROLE_UNIT },
		{ "source", OBSFILE_ROLE_SOURCE },
		{ "source_url", OBSFILE_ROLE_SOURCE },
		{ "note", OBSFILE_ROLE_NOTE },
	};
	const struct obsfile_options *o = r->opt;
	size_t c, k;
	int bad = 0;

	for (c = 0; c < r->ncols; c++) {
		struct obsfile_column *col = &r->cols[c];
		char *lower = obsfile_options_lower(col->name);
		const char *key;
		enum obsfile_role role = OBSFILE_ROLE__MAX;

		for (k = 0; k < sizeof(known) / sizeof(known[0]); k++)
			if (strcmp(lower, known[k].name) == 0)
				role = known[k].role;
		if (obsfile_header_in_list(o->ignore_columns, o->ignore_count,
		    col->name))
			role = OBSFILE_ROLE_IGNORE;
		if ((key = obsfile_header_dim_key(o->dim_columns,
		    o->dim_column_count, col->name)) != NULL)
			bad |= obsfile_header_add_dim(r, c, key, diags);
		else if (role == OBSFILE_ROLE__MAX)
			bad |= obsfile_header_add_dim(r, c, lower, diags);
		else
			bad |= obsfile_header_set_role(r, c, role, diags);
		free(lower);
	}
	return bad ? -1 : 0;
}

/* The column names: none empty, none twice. Says whether the names are
 * SDMX-CSV 1.0's (DATAFLOW) or 2.0's (STRUCTURE_ID). */
static int
obsfile_header_names(struct obsfile_reader *r, const struct csv_record *rec,
    bool *sdmx1, bool *sdmx2, struct diag_list *diags)
{
	size_t c, k;
	int i;

	r->header_lines = rec->line;
	r->ncols = rec->count;
	r->cols = xcalloc(r->ncols, sizeof(*r->cols));
	for (i = 0; i < OBSFILE_ROLE__MAX; i++)
		r->role_col[i] = -1;
	for (c = 0; c < r->ncols; c++) {
		const char *s = rec->fields[c].data;
		size_t n = rec->fields[c].len;
		text_trim(&s, &n);
		r->cols[c].name = xstrndup(s, n);
		r->cols[c].at.line = rec->fields[c].line;
		r->cols[c].at.column = rec->fields[c].column;
		if (strcmp(r->cols[c].name, "DATAFLOW") == 0)
			*sdmx1 = true;
		if (strcmp(r->cols[c].name, "STRUCTURE_ID") == 0)
			*sdmx2 = true;
	}
	for (c = 0; c < r->ncols; c++) {
		if (r->cols[c].name[0] == '\0') {
			obsfile_diag(diags, r, r->cols[c].at, "column %zu has "
			    "no name", c + 1);
			return -1;
		}
		for (k = 0; k < c; k++)
			if (strcmp(r->cols[k].name, r->cols[c].name) == 0) {
				obsfile_diag(diags, r, r->cols[c].at,
				    "column '%s' appears twice",
				    r->cols[c].name);
				return -1;
			}
	}
	return 0;
}

/* The format: SDMX-CSV if asked or if the names say so, wide if asked or if
 * there is a value pattern, else long; and the SDMX mapping file. */
static int
obsfile_header_kind(struct obsfile_reader *r, bool sdmx1, bool sdmx2,
    struct diag_list *diags)
{
	const struct obsfile_options *o = r->opt;
	struct obsfile_pos top = { 1, 1 };

	if (o->format == OBSFILE_SDMX || (o->format == OBSFILE_AUTO &&
	    (sdmx1 || sdmx2))) {
		if (!sdmx1 && !sdmx2) {
			obsfile_diag(diags, r, top, "not SDMX-CSV: no DATAFLOW "
			    "(1.0) or STRUCTURE_ID (2.0) column");
			return -1;
		}
		r->kind = sdmx2 ? OBSFILE_KIND_SDMX2 : OBSFILE_KIND_SDMX1;
	} else if (o->format == OBSFILE_WIDE || (o->format == OBSFILE_AUTO &&
	    o->value_pattern != NULL))
		r->kind = OBSFILE_KIND_WIDE;
	else
		r->kind = OBSFILE_KIND_LONG;
	if (o->sdmx_mapping == NULL)
		return 0;
	if (r->kind != OBSFILE_KIND_SDMX1 && r->kind != OBSFILE_KIND_SDMX2) {
		obsfile_diag(diags, r, top, "a mapping file is for "
		    "SDMX-CSV files, and this one is not");
		return -1;
	}
	return sdmx_mapping_load(o->sdmx_mapping, &r->mapping, diags);
}

/* The parts every row shares (options, or the mapping file's), and that
 * each part of the key comes from exactly one place. */
static int
obsfile_header_parts(struct obsfile_reader *r, struct diag_list *diags)
{
	const struct obsfile_options *o = r->opt;
	const struct sdmx_mapping *m = r->mapping;
	struct obsfile_pos top = { 1, 1 };
	bool wide_ind = false, wide_reg = false, wide_per = false;
	bool wide_any = false;
	int ind = r->role_col[OBSFILE_ROLE_INDICATOR];
	int reg = r->role_col[OBSFILE_ROLE_REGION];
	size_t c;

	r->fixed_indicator = m != NULL && m->indicator != NULL ?
	    m->indicator : o->indicator;
	r->fixed_region = o->region;
	r->fixed_unit = m != NULL && m->unit != NULL ? m->unit : o->unit;
	r->fixed_source = m != NULL && m->source != NULL ? m->source :
	    o->source;
	for (c = 0; c < r->ncols; c++) {
		if (r->cols[c].role != OBSFILE_ROLE_WIDE)
			continue;
		wide_any = true;
		wide_ind |= r->cols[c].w_indicator != NULL;
		wide_reg |= r->cols[c].w_region != NULL;
		wide_per |= r->cols[c].w_has_period;
	}
	if (ind >= 0 && r->fixed_indicator) {
		obsfile_diag(diags, r, top, "the indicator is given twice: "
		    "by column '%s' and by --indicator", r->cols[ind].name);
		return -1;
	}
	if (reg >= 0 && r->fixed_region) {
		obsfile_diag(diags, r, top, "the region is given twice: "
		    "by column '%s' and by --region", r->cols[reg].name);
		return -1;
	}
	if (ind < 0 && !r->fixed_indicator && !wide_ind &&
	    o->default_indicator != NULL)
		r->fixed_indicator = o->default_indicator;
	if (ind < 0 && !r->fixed_indicator && !wide_ind) {
		obsfile_diag(diags, r, top, "no indicator: the header "
		    "needs an 'indicator' column, or say --indicator CODE");
		return -1;
	}
	if (reg < 0 && !r->fixed_region && !wide_reg) {
		obsfile_diag(diags, r, top, "no region: the header needs "
		    "a 'region' column, or say --region CODE");
		return -1;
	}
	if (r->role_col[OBSFILE_ROLE_PERIOD] < 0 && !wide_per) {
		obsfile_diag(diags, r, top, "no period: the header needs "
		    "a 'period' column");
		return -1;
	}
	if (r->role_col[OBSFILE_ROLE_VALUE] < 0 && !wide_any) {
		obsfile_diag(diags, r, top, "no value: the header needs "
		    "a 'value' column");
		return -1;
	}
	return 0;
}

int
obsfile_header_read(struct obsfile_reader *r, struct diag_list *diags,
    struct error *e)
{
	struct csv_record *rec;
	struct obsfile_pos top = { 1, 1 };
	bool sdmx1 = false, sdmx2 = false;
	int rc;

	switch (csv_next(r->csv, &rec, e)) {
	case CSV_ERROR: {
		long line, col;
		const char *msg = csv_error_at(r->csv, &line, &col);
		diag_add(diags, r->name, line, col, "%s", msg);
		return -1;
	}
	case CSV_END:
		obsfile_diag(diags, r, top, "empty file: a header line and "
		    "data rows were expected");
		return -1;
	case CSV_RECORD:
		break;
	}
	if (obsfile_header_names(r, rec, &sdmx1, &sdmx2, diags) == -1 ||
	    obsfile_header_kind(r, sdmx1, sdmx2, diags) == -1)
		return -1;
	obsfile_map_build(r);
	if (r->kind == OBSFILE_KIND_LONG)
		rc = obsfile_header_long(r, diags);
	else if (r->kind == OBSFILE_KIND_WIDE)
		rc = obsfile_wide_header(r, diags);
	else
		rc = obsfile_sdmx_header(r, diags);
	if (rc == -1)
		return -1;
	return obsfile_header_parts(r, diags);
}
