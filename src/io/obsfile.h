/* Observation files → observation records, one at a time (streaming): long CSV,
 * wide CSV (options say which columns hold what and how value-column names
 * decompose) and SDMX-CSV 1.0/2.0 (with a mapping file, io/sdmx.h). Every part
 * of a record carries its file:line:column. The reader owns each record until
 * the next obsfile_next(); the options stay the caller's and must outlive it.
 * The formats and options are documented in docs/formats.md. */
#ifndef WIALL_IO_OBSFILE_H
#define WIALL_IO_OBSFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"
#include "util/period.h"

enum obsfile_format {
	OBSFILE_AUTO,		/* SDMX if DATAFLOW/STRUCTURE, wide if a pattern */
	OBSFILE_LONG,
	OBSFILE_WIDE,
	OBSFILE_SDMX,
	OBSFILE_FORMAT__MAX
};

extern const char *const obsfile_format_names[OBSFILE_FORMAT__MAX];

enum obsfile_school_year { OBSFILE_SCHOOL_NONE, OBSFILE_SCHOOL_START,
	OBSFILE_SCHOOL_END };
enum obsfile_date_period { OBSFILE_DATE_NONE, OBSFILE_DATE_MONTH,
	OBSFILE_DATE_QUARTER, OBSFILE_DATE_YEAR };
enum obsfile_decimal { OBSFILE_DECIMAL_AUTO, OBSFILE_DECIMAL_POINT,
	OBSFILE_DECIMAL_COMMA };

/* What a code map applies to. */
enum obsfile_scope {
	OBSFILE_SCOPE_INDICATOR,
	OBSFILE_SCOPE_REGION,
	OBSFILE_SCOPE_PERIOD,
	OBSFILE_SCOPE_DIM,		/* with a key */
	OBSFILE_SCOPE_FLAG,
	OBSFILE_SCOPE_COLUMN,		/* SDMX: a raw column, before its role */
	OBSFILE_SCOPE__MAX
};

/* FROM → TO. In a dimension map TO "" (or a --total-label) drops the
 * dimension: the value is the total over it. */
struct obsfile_map {
	enum obsfile_scope scope;
	char		*key;		/* dimension key or column; else NULL */
	char		*from;
	char		*to;
};

struct obsfile_dim_column {
	char		*column;	/* header name in the file */
	char		*key;		/* dimension key in wiall */
};

/* Built with obsfile_options_init() and the obsfile_options_* adders (they
 * copy their strings); freed with obsfile_options_free(). */
struct obsfile_options {
	enum obsfile_format	 format;
	char			 delimiter;	/* 0: detect */
	enum obsfile_decimal	 decimal;
	enum obsfile_school_year school_year;
	enum obsfile_date_period date_period;

	struct obsfile_map	*maps;
	size_t			 map_count;
	char			**total_labels;
	size_t			 total_count;

	/* Wide CSV (and defaults for any format): */
	char	*indicator;		/* the indicator of every row */
	/* The indicator of rows that nothing else gives one (no column, no
	 * pattern, no --indicator) instead of an error: for readers that need
	 * no indicator, such as `wiall structure --input`. */
	char	*default_indicator;
	char	*region;		/* the region of every row */
	char	*unit, *source;		/* of every row, unless a column says */
	char	*indicator_column, *region_column, *period_column;
	struct obsfile_dim_column *dim_columns;
	size_t	 dim_column_count;
	char	**ignore_columns;
	size_t	 ignore_count;
	char	*value_pattern;		/* e.g. "{region}{period}", "{sector}" */

	char	*sdmx_mapping;		/* path of an SDMX mapping file */

	/* Called with every block of bytes read (e.g. to hash the file). */
	void	(*on_read)(const void *data, size_t n, void *arg);
	void	*on_read_arg;
};

void	obsfile_options_init(struct obsfile_options *o);
void	obsfile_options_free(struct obsfile_options *o);
/* "OLD=NEW"; for a dimension "KEY:OLD=NEW". Returns -1 with a reason. */
int	obsfile_options_add_map(struct obsfile_options *o, enum obsfile_scope scope,
	    const char *spec, struct error *e);
void	obsfile_options_add_total(struct obsfile_options *o, const char *label);
/* "COLUMN" (key = column in lower case) or "COLUMN=KEY". */
int	obsfile_options_add_dim_column(struct obsfile_options *o,
	    const char *spec, struct error *e);
void	obsfile_options_add_ignore(struct obsfile_options *o, const char *column);
/* Sets one of the string options (frees the old value). */
void	obsfile_options_set(char **field, const char *value);

struct obsfile_pos {
	long	line;
	long	column;
};

/* One observation. Strings are never NULL ("" when absent). */
struct obsfile_record {
	const char	*indicator;
	const char	*region;
	char		 period[PERIOD_TEXT_MAX];	/* canonical */
	struct period	 period_value;
	const char	*dims;		/* canonical: "k=v;k=v" sorted by key, or "" */
	bool		 has_value;	/* false: missing, and flag says why */
	double		 value;
	const char	*flag;		/* canonical letters, sorted (see formats.md) */
	const char	*unit;
	const char	*source;
	const char	*note;
	long		 line;		/* of the row */
	struct obsfile_pos at_indicator, at_region, at_period, at_value, at_dims;
	/* The unit's cell; line 0 when the unit is an option's (--unit, a
	 * mapping's `unit`) or there is none. */
	struct obsfile_pos at_unit;
};

struct obsfile_reader;
struct diag_list;

/* Opens a file and reads its header. Problems with the header go to diags
 * and make it return -1 (then *out is NULL); a file that cannot be read at
 * all also sets e. */
int	obsfile_open(const char *path, const struct obsfile_options *opt,
	    struct obsfile_reader **out, struct diag_list *diags, struct error *e);
/* Opens from a stream the caller keeps (tests, fuzzers). */
int	obsfile_open_stream(FILE *fp, const char *name,
	    const struct obsfile_options *opt, struct obsfile_reader **out,
	    struct diag_list *diags, struct error *e);
/* Returns 1 with the next record, 0 at the end, -1 when reading must stop
 * (a framing error, or too many problems). A bad row adds diagnostics and is
 * skipped, so that one run reports every problem. */
int	obsfile_next(struct obsfile_reader *r, struct obsfile_record **rec,
	    struct diag_list *diags);
/* "long-csv", "wide-csv", "sdmx-csv-1" or "sdmx-csv-2" (for the batch). */
const char *obsfile_format_detected(const struct obsfile_reader *r);
long	obsfile_rows_read(const struct obsfile_reader *r);	/* data rows */
long	obsfile_rows_filtered(const struct obsfile_reader *r);	/* SDMX `keep` */
void	obsfile_close(struct obsfile_reader *r);

/* Flags: wiall's letters (b break in series, c confidential, d definition
 * differs, e estimated, f forecast, m missing, n not significant, p
 * provisional, r revised, s statistical office estimate, u low reliability,
 * z not applicable). Writes the canonical form (sorted, no repeats) into
 * out[16]; returns -1 on a letter outside that set. */
int	obsfile_flag_canonical(const char *s, size_t n, char out[16]);

#endif
