/* Shared by the observation-file reader's files (not for other modules):
 * obsfile.c opens, closes and steps the reader, obsfile_header.c gives each
 * column of the header its role (obsfile_wide.c for wide files,
 * obsfile_sdmx.c for SDMX-CSV), obsfile_row.c turns a row into records,
 * obsfile_map.c holds the code maps and obsfile_parse.c the periods, numbers
 * and flags; obsfile_options.c builds the options (and sdmx.c shares its
 * helpers). The reader owns everything it points to; see obsfile.h.
 *
 * Every format is a header that gives each column a role (indicator, region,
 * period, value, flag, unit, source, note, a dimension, ignored) plus, for
 * wide files, value columns whose names carry parts of the key ("BRD2017" =
 * region BRD, period 2017). A data row then yields one observation (long,
 * SDMX) or one per value column (wide). The header decides everything that
 * can be decided once; a row only looks up, maps and parses.
 */
#ifndef WIALL_IO_OBSFILE_INTERNAL_H
#define WIALL_IO_OBSFILE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "io/csv.h"
#include "io/obsfile.h"
#include "io/sdmx.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/period.h"

enum obsfile_role {
	OBSFILE_ROLE_IGNORE,
	OBSFILE_ROLE_INDICATOR,
	OBSFILE_ROLE_REGION,
	OBSFILE_ROLE_PERIOD,
	OBSFILE_ROLE_VALUE,
	OBSFILE_ROLE_FLAG,
	OBSFILE_ROLE_UNIT,
	OBSFILE_ROLE_SOURCE,
	OBSFILE_ROLE_NOTE,
	OBSFILE_ROLE_DIM,
	OBSFILE_ROLE_WIDE,	/* a value column whose name holds key parts */
	OBSFILE_ROLE_ACTION,	/* SDMX-CSV 2.0 ACTION */
	OBSFILE_ROLE__MAX
};

enum obsfile_kind {
	OBSFILE_KIND_LONG,
	OBSFILE_KIND_WIDE,
	OBSFILE_KIND_SDMX1,
	OBSFILE_KIND_SDMX2
};

#define OBSFILE_MAX_DIMS 16

struct obsfile_pair {
	const char		*key;
	const char		*value;
	struct obsfile_pos	 at;
};

struct obsfile_column {
	enum obsfile_role	 role;
	char			*name;
	char			*dim_key;	/* OBSFILE_ROLE_DIM */
	struct obsfile_pos	 at;		/* the header cell */
	bool			 has_column_map;	/* SDMX `map COLUMN` */
	/* OBSFILE_ROLE_WIDE: the parts its name gave (NULL/false when none). */
	char			*w_indicator, *w_region;
	bool			 w_has_period;
	struct period		 w_period;
	char			 w_period_text[PERIOD_TEXT_MAX];
	struct obsfile_pair	 w_dims[OBSFILE_MAX_DIMS];
	size_t			 w_dim_count;
	char			*w_dim_storage[OBSFILE_MAX_DIMS * 2];
	/* SDMX `keep`: the values a row must have here. */
	const struct sdmx_keep	*keep;
};

struct obsfile_reader {
	const struct obsfile_options *opt;
	struct csv_reader	*csv;
	char			*name;
	enum obsfile_kind	 kind;
	struct sdmx_mapping	*mapping;
	const struct obsfile_map **maps;	/* sorted */
	size_t			 map_count;

	struct obsfile_column	*cols;
	size_t			 ncols;
	/* The column of each role a single column has, or -1. */
	int			 role_col[OBSFILE_ROLE__MAX];
	size_t			 dim_cols[OBSFILE_MAX_DIMS];
	size_t			 dim_col_count;
	const char		*fixed_indicator, *fixed_region;
	const char		*fixed_unit, *fixed_source;
	long			 header_lines;

	/* The current row (wide: several records come from it). */
	struct csv_record	*row;
	size_t			 next_col;
	bool			 row_ok;
	long			 rows, filtered;
	bool			 ended;

	/* The decimal mark of a `;` file, decided by its first clear number. */
	char			 decimal;	/* '.', ',' or 0: not yet */
	long			 ambiguous_line;	/* the first 1.234 read */
	struct obsfile_pos	 ambiguous_at;
	char			 ambiguous_text[24];
	bool			 ambiguity_reported;	/* by a later comma */

	struct buf		 b_indicator, b_region, b_unit, b_source,
				 b_note, b_dims, b_scratch;
	struct obsfile_pair	 row_dims[OBSFILE_MAX_DIMS];
	size_t			 row_dim_count;
	struct period		 row_period;
	char			 row_period_text[PERIOD_TEXT_MAX];
	char			 flag[16];
	struct obsfile_record	 rec;
};

/* obsfile.c: a diagnostic at a place in the reader's file. */
void	obsfile_diag(struct diag_list *diags, struct obsfile_reader *r,
	    struct obsfile_pos at, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));

/* obsfile_options.c: a dimension key is lower-case letters, digits and _. */
bool	obsfile_options_key_valid(const char *k);
char	*obsfile_options_lower(const char *s);	/* a lower-case copy */
/* Appending to and freeing the lists options and SDMX mappings keep; the
 * appenders copy s, and take key, from, to, column as they are. */
void	obsfile_options_append_string(char ***list, size_t *count,
	    const char *s);
void	obsfile_options_append_map(struct obsfile_map **maps, size_t *count,
	    enum obsfile_scope scope, char *key, char *from, char *to);
void	obsfile_options_append_dim(struct obsfile_dim_column **dims,
	    size_t *count, char *column, char *key);
void	obsfile_options_free_strings(char **list, size_t count);
void	obsfile_options_free_maps(struct obsfile_map *maps, size_t count);
void	obsfile_options_free_dims(struct obsfile_dim_column *dims,
	    size_t count);

/* obsfile_map.c: the options' and the mapping's code maps, sorted once,
 * and the searches behind obsfile_map_find() and obsfile_map_total(). */
void	obsfile_map_build(struct obsfile_reader *r);
const char *obsfile_map_search(const struct obsfile_reader *r,
	    enum obsfile_scope scope, const char *key, const char *s, size_t n);
bool	obsfile_map_search_total(const struct obsfile_reader *r, const char *s,
	    size_t n);

/* The mapped text of s[0..n) in scope (and key), or NULL; the same applied
 * to *s and *n (true if mapped); whether s[0..n) is one of the
 * --total-label values. Inline because they run for most cells of every
 * row, and most files have no maps and no totals: then they cost a
 * comparison, not a call. */
static inline const char *
obsfile_map_find(const struct obsfile_reader *r, enum obsfile_scope scope,
    const char *key, const char *s, size_t n)
{
	return r->map_count == 0 ? NULL :
	    obsfile_map_search(r, scope, key, s, n);
}

static inline bool
obsfile_map_apply(const struct obsfile_reader *r, enum obsfile_scope scope,
    const char *key, const char **s, size_t *n)
{
	const char *m = obsfile_map_find(r, scope, key, *s, *n);

	if (m == NULL)
		return false;
	*s = m;
	*n = strlen(m);
	return true;
}

static inline bool
obsfile_map_total(const struct obsfile_reader *r, const char *s, size_t n)
{
	return r->opt->total_count > 0 && obsfile_map_search_total(r, s, n);
}

/* obsfile_parse.c: n decimal digits; a period as written into a canonical
 * one (on failure `hint` says what would help); a missing-value token; a
 * number by the file's decimal rule (on failure `why`); the flag letters. */
bool	obsfile_parse_digits(const char *s, size_t n);
int	obsfile_parse_period(const struct obsfile_reader *r, const char *s,
	    size_t n, struct period *p, const char **hint);
bool	obsfile_parse_missing(const char *s, size_t n);
int	obsfile_parse_number(struct obsfile_reader *r, const char *s, size_t n,
	    struct obsfile_pos at, double *v, const char **why);
extern const char obsfile_parse_flag_letters[];

/* obsfile_header.c: reads the header and decides the format and roles. */
int	obsfile_header_read(struct obsfile_reader *r, struct diag_list *diags,
	    struct error *e);
bool	obsfile_header_in_list(char **list, size_t n, const char *s);
const char *obsfile_header_dim_key(const struct obsfile_dim_column *d,
	    size_t n, const char *column);
/* Gives column c a role (a second column of a single role is a problem) or
 * makes it the dimension `key`; -1 after a problem. */
int	obsfile_header_set_role(struct obsfile_reader *r, size_t c,
	    enum obsfile_role role, struct diag_list *diags);
int	obsfile_header_add_dim(struct obsfile_reader *r, size_t c,
	    const char *key, struct diag_list *diags);

/* obsfile_wide.c, obsfile_sdmx.c: the roles of a wide and an SDMX-CSV
 * header; -1 after problems. */
int	obsfile_wide_header(struct obsfile_reader *r, struct diag_list *diags);
int	obsfile_sdmx_header(struct obsfile_reader *r, struct diag_list *diags);

/* obsfile_row.c: reads what the current row's observations share (1, or 0
 * when it is skipped: problems reported, or filtered), then completes the
 * record of value column c (1, or 0 after a problem). */
int	obsfile_row_begin(struct obsfile_reader *r, struct diag_list *diags);
int	obsfile_row_emit(struct obsfile_reader *r, size_t c,
	    struct diag_list *diags);

#endif
