/* The rows of an observation file: what a row's observations share (the
 * codes, period, dimensions, unit, source, note and flag of its columns),
 * then one record per value column with its dimensions in canonical form and
 * its number parsed. */
#include <string.h>

#include "io/obsfile_internal.h"
#include "util/text.h"

static struct obsfile_pos
obsfile_row_at(const struct csv_field *f)
{
	struct obsfile_pos p = { f->line, f->column };
	return p;
}

/* The trimmed text of column c, after an SDMX `map COLUMN` if any. */
static void
obsfile_row_cell(const struct obsfile_reader *r, size_t c, const char **s,
    size_t *n)
{
	const struct csv_field *f = &r->row->fields[c];

	*s = f->data;
	*n = f->len;
	text_trim(s, n);
	if (r->cols[c].has_column_map)
		obsfile_map_apply(r, OBSFILE_SCOPE_COLUMN, r->cols[c].name, s,
		    n);
}

/* A row must have as many fields as the header; a missing field is placed
 * just after the last one. */
static int
obsfile_row_shape(struct obsfile_reader *r, struct diag_list *diags)
{
	const struct csv_record *row = r->row;
	struct obsfile_pos at;

	if (row->count == r->ncols)
		return 1;
	if (row->count > r->ncols)
		at = obsfile_row_at(&row->fields[r->ncols]);
	else {
		const struct csv_field *f = &row->fields[row->count - 1];
		at.line = f->line;
		at.column = f->column + (long)text_utf8_chars(f->data,
		    f->len) + (f->quoted ? 2 : 0);
	}
	obsfile_diag(diags, r, at, "%zu fields, but the header has %zu",
	    row->count, r->ncols);
	return 0;
}

/* Whether the row has a value its SDMX `keep` filters allow in each of their
 * columns. */
static bool
obsfile_row_kept(const struct obsfile_reader *r)
{
	const char *s;
	size_t c, i, n;

	for (c = 0; c < r->ncols; c++) {
		const struct sdmx_keep *k = r->cols[c].keep;
		if (k == NULL)
			continue;
		obsfile_row_cell(r, c, &s, &n);
		for (i = 0; i < k->count; i++)
			if (text_equal(s, n, k->values[i]))
				break;
		if (i == k->count)
			return false;
	}
	return true;
}

/* SDMX-CSV 2.0's ACTION: I, A, R and M add or replace, D is refused. */
static int
obsfile_row_action(struct obsfile_reader *r, struct diag_list *diags)
{
	int c = r->role_col[OBSFILE_ROLE_ACTION];
	const char *s;
	size_t n;

	if (c < 0)
		return 1;
	obsfile_row_cell(r, (size_t)c, &s, &n);
	if (text_equal(s, n, "D")) {
		obsfile_diag(diags, r, obsfile_row_at(&r->row->fields[c]),
		    "ACTION D (delete) is not supported: wiall keeps every "
		    "value it was given");
		return 0;
	}
	if (!(n == 0 || text_equal(s, n, "I") || text_equal(s, n, "A") ||
	    text_equal(s, n, "R") || text_equal(s, n, "M"))) {
		obsfile_diag(diags, r, obsfile_row_at(&r->row->fields[c]),
		    "unknown ACTION '%.*s' (I, A, R or M)", (int)n, s);
		return 0;
	}
	return 1;
}

static bool
obsfile_row_code_ok(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20)
			return false;
	return true;
}

/* The indicator or region code: its column's, mapped in `scope` and copied
 * into b (with *at), or else the fixed one. */
static int
obsfile_row_code(struct obsfile_reader *r, enum obsfile_role role,
    enum obsfile_scope scope, struct buf *b, const char *fixed,
    const char *what, const char **code, struct obsfile_pos *at,
    struct diag_list *diags)
{
	int c = r->role_col[role];
	const char *s, *m;
	size_t n;

	if (c < 0) {
		*code = fixed;
		return 1;
	}
	obsfile_row_cell(r, (size_t)c, &s, &n);
	buf_reset(b);
	if ((m = obsfile_map_find(r, scope, NULL, s, n)) != NULL)
		buf_puts(b, m);
	else
		buf_append(b, s, n);
	*code = buf_cstr(b);
	*at = obsfile_row_at(&r->row->fields[c]);
	if ((*code)[0] == '\0' || !obsfile_row_code_ok(*code)) {
		obsfile_diag(diags, r, *at, "no %s code", what);
		return 0;
	}
	return 1;
}

static int
obsfile_row_period(struct obsfile_reader *r, struct diag_list *diags)
{
	int c = r->role_col[OBSFILE_ROLE_PERIOD];
	const char *s, *hint;
	size_t n;

	if (c < 0)
		return 1;
	obsfile_row_cell(r, (size_t)c, &s, &n);
	r->rec.at_period = obsfile_row_at(&r->row->fields[c]);
	if (obsfile_parse_period(r, s, n, &r->row_period, &hint) == -1) {
		obsfile_diag(diags, r, r->rec.at_period, "bad period "
		    "'%.*s': %s", (int)(n > 60 ? 60 : n), s, hint);
		return 0;
	}
	if (n < PERIOD_TEXT_MAX && obsfile_map_find(r, OBSFILE_SCOPE_PERIOD,
	    NULL, s, n) == NULL && period_parse(s, n, &r->row_period) == 0) {
		memcpy(r->row_period_text, s, n);	/* canonical as is */
		r->row_period_text[n] = '\0';
	} else
		period_format(&r->row_period, r->row_period_text);
	return 1;
}

/* The dimensions the row's columns give (mapped; empty and total values
 * leave the dimension out). */
static int
obsfile_row_dims(struct obsfile_reader *r, struct diag_list *diags)
{
	const char *s;
	size_t d, n, off = 0;
	int ok = 1;

	r->row_dim_count = 0;
	buf_reset(&r->b_scratch);
	for (d = 0; d < r->dim_col_count; d++) {
		size_t c = r->dim_cols[d];
		struct obsfile_pair *p = &r->row_dims[r->row_dim_count];

		obsfile_row_cell(r, c, &s, &n);
		obsfile_map_apply(r, OBSFILE_SCOPE_DIM, r->cols[c].dim_key, &s,
		    &n);
		if (n == 0 || obsfile_map_total(r, s, n))
			continue;
		if (memchr(s, ';', n) != NULL || memchr(s, '=', n) != NULL) {
			obsfile_diag(diags, r, obsfile_row_at(
			    &r->row->fields[c]), "a dimension value cannot "
			    "contain ';' or '='");
			ok = 0;
			continue;
		}
		p->key = r->cols[c].dim_key;
		p->at = obsfile_row_at(&r->row->fields[c]);
		/* The values are copied into one buffer, NUL after each; they
		 * are pointed at once it has stopped growing. */
		buf_append(&r->b_scratch, s, n);
		buf_putc(&r->b_scratch, '\0');
		r->row_dim_count++;
	}
	for (d = 0; d < r->row_dim_count; d++) {
		r->row_dims[d].value = r->b_scratch.data + off;
		off += strlen(r->row_dims[d].value) + 1;
	}
	return ok;
}

/* The text of a unit, source or note column, else (or when the cell is
 * empty) the fixed text, else "". *at (if not NULL) is the cell's place, or
 * line 0 when the text is not from a cell. */
static const char *
obsfile_row_text(struct obsfile_reader *r, enum obsfile_role role,
    struct buf *b, const char *fixed, struct obsfile_pos *at)
{
	const char *s;
	size_t n;

	if (at != NULL)
		at->line = at->column = 0;
	if (r->role_col[role] < 0)
		return fixed != NULL ? fixed : "";
	obsfile_row_cell(r, (size_t)r->role_col[role], &s, &n);
	if (n == 0 && fixed != NULL)
		return fixed;
	if (at != NULL && n > 0)
		*at = obsfile_row_at(&r->row->fields[r->role_col[role]]);
	buf_reset(b);
	buf_append(b, s, n);
	return buf_cstr(b);
}

/* The flag: mapped, or in SDMX files an OBS_STATUS code, then canonical. */
static int
obsfile_row_flag(struct obsfile_reader *r, struct diag_list *diags)
{
	int c = r->role_col[OBSFILE_ROLE_FLAG];
	const char *s, *sd;
	size_t n;

	r->flag[0] = '\0';
	if (c < 0)
		return 1;
	obsfile_row_cell(r, (size_t)c, &s, &n);
	if (!obsfile_map_apply(r, OBSFILE_SCOPE_FLAG, NULL, &s, &n) &&
	    (r->kind == OBSFILE_KIND_SDMX1 || r->kind == OBSFILE_KIND_SDMX2) &&
	    (sd = sdmx_status_flag(s, n)) != NULL) {
		s = sd;
		n = strlen(sd);
	}
	if (obsfile_flag_canonical(s, n, r->flag) == -1) {
		obsfile_diag(diags, r, obsfile_row_at(&r->row->fields[c]),
		    "unknown flag '%.*s' (letters of %s: p provisional, "
		    "e estimated, b break in series, c confidential, "
		    "m missing ...)", (int)(n > 20 ? 20 : n), s,
		    obsfile_parse_flag_letters);
		return 0;
	}
	return 1;
}

int
obsfile_row_begin(struct obsfile_reader *r, struct diag_list *diags)
{
	int ok;

	if (!obsfile_row_shape(r, diags))
		return 0;
	if (!obsfile_row_kept(r)) {
		r->filtered++;
		return 0;
	}
	ok = obsfile_row_action(r, diags);
	r->rec.line = r->row->line;
	ok &= obsfile_row_code(r, OBSFILE_ROLE_INDICATOR,
	    OBSFILE_SCOPE_INDICATOR, &r->b_indicator, r->fixed_indicator,
	    "indicator", &r->rec.indicator, &r->rec.at_indicator, diags);
	ok &= obsfile_row_code(r, OBSFILE_ROLE_REGION, OBSFILE_SCOPE_REGION,
	    &r->b_region, r->fixed_region, "region", &r->rec.region,
	    &r->rec.at_region, diags);
	ok &= obsfile_row_period(r, diags);
	ok &= obsfile_row_dims(r, diags);
	r->rec.unit = obsfile_row_text(r, OBSFILE_ROLE_UNIT, &r->b_unit,
	    r->fixed_unit, &r->rec.at_unit);
	r->rec.source = obsfile_row_text(r, OBSFILE_ROLE_SOURCE, &r->b_source,
	    r->fixed_source, NULL);
	r->rec.note = obsfile_row_text(r, OBSFILE_ROLE_NOTE, &r->b_note, NULL,
	    NULL);
	ok &= obsfile_row_flag(r, diags);
	return ok;
}

/* The record's dimensions: the row's and (wide) the column name's, sorted
 * by key into "k=v;k=v" (insertion sort: a handful, and qsort would
 * allocate), each key once. */
static int
obsfile_row_key_dims(struct obsfile_reader *r,
    const struct obsfile_column *col, struct diag_list *diags)
{
	struct obsfile_pair dims[OBSFILE_MAX_DIMS * 2];
	size_t nd = 0, i;

	if (col->role == OBSFILE_ROLE_WIDE)
		for (i = 0; i < col->w_dim_count; i++)
			dims[nd++] = col->w_dims[i];
	for (i = 0; i < r->row_dim_count; i++)
		dims[nd++] = r->row_dims[i];
	for (i = 1; i < nd; i++) {
		struct obsfile_pair t = dims[i];
		size_t j = i;
		while (j > 0 && strcmp(dims[j - 1].key, t.key) > 0) {
			dims[j] = dims[j - 1];
			j--;
		}
		dims[j] = t;
	}
	buf_reset(&r->b_dims);
	r->rec.at_dims = nd > 0 ? dims[0].at : r->rec.at_value;
	for (i = 0; i < nd; i++) {
		if (i > 0 && strcmp(dims[i].key, dims[i - 1].key) == 0) {
			obsfile_diag(diags, r, dims[i].at, "dimension '%s' is "
			    "given twice", dims[i].key);
			return 0;
		}
		if (i > 0)
			buf_putc(&r->b_dims, ';');
		buf_puts(&r->b_dims, dims[i].key);
		buf_putc(&r->b_dims, '=');
		buf_puts(&r->b_dims, dims[i].value);
	}
	r->rec.dims = buf_cstr(&r->b_dims);
	return 1;
}

/* The value of field f: a number, or missing (flag m unless one is given). */
static int
obsfile_row_value(struct obsfile_reader *r, const struct csv_field *f,
    struct diag_list *diags)
{
	const char *s = f->data, *why;
	size_t n = f->len;

	text_trim(&s, &n);
	r->rec.flag = r->flag;
	if (obsfile_parse_missing(s, n)) {
		r->rec.has_value = false;
		r->rec.value = 0;
		if (r->flag[0] == '\0')
			r->rec.flag = "m";
	} else if (text_equal(s, n, "-")) {
		obsfile_diag(diags, r, r->rec.at_value, "'-' is ambiguous (in "
		    "German statistics it means zero): write 0, or leave the "
		    "value empty when it is missing");
		return 0;
	} else if (obsfile_parse_number(r, s, n, r->rec.at_value, &r->rec.value,
	    &why) == -1) {
		obsfile_diag(diags, r, r->rec.at_value, "bad number '%.*s': %s",
		    (int)(n > 40 ? 40 : n), s, why);
		return 0;
	} else
		r->rec.has_value = true;
	return 1;
}

int
obsfile_row_emit(struct obsfile_reader *r, size_t c, struct diag_list *diags)
{
	const struct obsfile_column *col = &r->cols[c];
	const struct csv_field *f = &r->row->fields[c];
	bool wide = col->role == OBSFILE_ROLE_WIDE;

	r->rec.at_value = obsfile_row_at(f);
	/* Parts the column's name gives (wide); a part no column gives is
	 * placed at the value. */
	if (wide && col->w_indicator != NULL) {
		r->rec.indicator = col->w_indicator;
		r->rec.at_indicator = col->at;
	} else if (r->role_col[OBSFILE_ROLE_INDICATOR] < 0)
		r->rec.at_indicator = r->rec.at_value;
	if (wide && col->w_region != NULL) {
		r->rec.region = col->w_region;
		r->rec.at_region = col->at;
	} else if (r->role_col[OBSFILE_ROLE_REGION] < 0)
		r->rec.at_region = r->rec.at_value;
	if (wide && col->w_has_period) {
		r->rec.period_value = col->w_period;
		memcpy(r->rec.period, col->w_period_text, PERIOD_TEXT_MAX);
		r->rec.at_period = col->at;
	}
	if (r->role_col[OBSFILE_ROLE_PERIOD] >= 0) {
		r->rec.period_value = r->row_period;
		memcpy(r->rec.period, r->row_period_text, PERIOD_TEXT_MAX);
	}
	if (!obsfile_row_key_dims(r, col, diags))
		return 0;
	return obsfile_row_value(r, f, diags);
}
