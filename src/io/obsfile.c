/* Observation files: one engine for long CSV, wide CSV and SDMX-CSV (see
 * obsfile_internal.h for how its files share the work). This file opens a
 * reader, reads its header and steps it through the rows. */
#include "io/obsfile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "io/obsfile_internal.h"
#include "util/xalloc.h"

const char *const obsfile_format_names[OBSFILE_FORMAT__MAX] = {
	"auto", "long", "wide", "sdmx"
};

static const char *const obsfile_kind_names[] = {
	"long-csv", "wide-csv", "sdmx-csv-1", "sdmx-csv-2"
};

void
obsfile_diag(struct diag_list *diags, struct obsfile_reader *r,
    struct obsfile_pos at, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	diag_add(diags, r->name, at.line, at.column, "%s", buf_cstr(&b));
	buf_free(&b);
}

static struct obsfile_reader *
obsfile_new(const char *name, const struct obsfile_options *opt,
    struct csv_options *co)
{
	struct obsfile_reader *r = xcalloc(1, sizeof(*r));

	r->opt = opt;
	r->name = xstrdup(name);
	memset(co, 0, sizeof(*co));
	co->delimiter = opt->delimiter;
	co->on_read = opt->on_read;
	co->on_read_arg = opt->on_read_arg;
	return r;
}

/* Reads the header of a new reader; after problems r is closed. */
static int
obsfile_start(struct obsfile_reader *r, struct obsfile_reader **out,
    struct diag_list *diags, struct error *e)
{
	if (obsfile_header_read(r, diags, e) == -1) {
		if (e != NULL && diags->count > 0)
			error_set(e, "%s: the header has problems", r->name);
		obsfile_close(r);
		return -1;
	}
	*out = r;
	return 0;
}

int
obsfile_open(const char *path, const struct obsfile_options *opt,
    struct obsfile_reader **out, struct diag_list *diags, struct error *e)
{
	struct csv_options co;
	struct obsfile_reader *r;

	*out = NULL;
	r = obsfile_new(path, opt, &co);
	if (csv_open_file(path, &co, &r->csv, e) == -1) {
		diag_add(diags, path, 0, 0, "cannot open: %s", strerror(errno));
		obsfile_close(r);
		return -1;
	}
	return obsfile_start(r, out, diags, e);
}

int
obsfile_open_stream(FILE *fp, const char *name,
    const struct obsfile_options *opt, struct obsfile_reader **out,
    struct diag_list *diags, struct error *e)
{
	struct csv_options co;
	struct obsfile_reader *r;

	*out = NULL;
	r = obsfile_new(name, opt, &co);
	r->csv = csv_open_stream(fp, name, &co);
	return obsfile_start(r, out, diags, e);
}

void
obsfile_close(struct obsfile_reader *r)
{
	size_t c, k;

	if (r == NULL)
		return;
	csv_close(r->csv);
	for (c = 0; c < r->ncols; c++) {
		free(r->cols[c].name);
		free(r->cols[c].dim_key);
		free(r->cols[c].w_indicator);
		free(r->cols[c].w_region);
		for (k = 0; k < OBSFILE_MAX_DIMS * 2; k++)
			free(r->cols[c].w_dim_storage[k]);
	}
	free(r->cols);
	free(r->maps);
	sdmx_mapping_free(r->mapping);
	buf_free(&r->b_indicator);
	buf_free(&r->b_region);
	buf_free(&r->b_unit);
	buf_free(&r->b_source);
	buf_free(&r->b_note);
	buf_free(&r->b_dims);
	buf_free(&r->b_scratch);
	free(r->name);
	free(r);
}

const char *
obsfile_format_detected(const struct obsfile_reader *r)
{
	return obsfile_kind_names[r->kind];
}

long
obsfile_rows_read(const struct obsfile_reader *r)
{
	return r->rows;
}

long
obsfile_rows_filtered(const struct obsfile_reader *r)
{
	return r->filtered;
}

int
obsfile_next(struct obsfile_reader *r, struct obsfile_record **out,
    struct diag_list *diags)
{
	struct error e;

	*out = NULL;
	for (;;) {
		/* Enough problems reported: a garbage file is not read to its
		 * end. */
		if (diags->limit != 0 && diags->total >= diags->limit) {
			r->ended = true;
			return -1;
		}
		if (r->row != NULL && r->row_ok) {
			/* Next value column of this row. */
			while (r->next_col < r->ncols) {
				size_t c = r->next_col++;
				enum obsfile_role role = r->cols[c].role;
				if (role != OBSFILE_ROLE_WIDE &&
				    role != OBSFILE_ROLE_VALUE)
					continue;
				if (obsfile_row_emit(r, c, diags) == 1) {
					*out = &r->rec;
					return 1;
				}
			}
		}
		if (r->ended)
			return 0;
		switch (csv_next(r->csv, &r->row, &e)) {
		case CSV_END:
			r->ended = true;
			r->row = NULL;
			if (r->rows == 0) {
				struct obsfile_pos at = { r->header_lines + 1,
				    1 };
				obsfile_diag(diags, r, at, "no data rows after "
				    "the header");
				return -1;
			}
			/* Every dotted number was a 1.234: nothing decided
			 * whether the dots are decimal points or German
			 * thousands separators, and guessing could store
			 * 2100 as 2.1. */
			if (r->decimal == 0 && r->ambiguous_line != 0 &&
			    !r->ambiguity_reported) {
				obsfile_diag(diags, r, r->ambiguous_at, "'%s' "
				    "could be a decimal point or a thousands "
				    "separator, and no number in the file "
				    "decides: say --decimal point or --decimal "
				    "comma", r->ambiguous_text);
				return -1;
			}
			return 0;
		case CSV_ERROR: {
			long line, col;
			const char *msg = csv_error_at(r->csv, &line, &col);
			diag_add(diags, r->name, line, col, "%s", msg);
			r->row = NULL;
			r->rows++;
			if (csv_failed(r->csv)) {
				r->ended = true;
				return -1;
			}
			continue;
		}
		case CSV_RECORD:
			r->rows++;
			r->next_col = 0;
			r->row_ok = obsfile_row_begin(r, diags) == 1;
			continue;
		}
	}
}
