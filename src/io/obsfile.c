/* Observation files: one engine for long CSV, wide CSV and SDMX-CSV.
 *
 * Every format is a header that gives each column a role (indicator, region,
 * period, value, flag, unit, source, note, a dimension, ignored) plus, for
 * wide files, value columns whose names carry parts of the key ("BRD2017" =
 * region BRD, period 2017). A data row then yields one observation (long,
 * SDMX) or one per value column (wide). The header decides everything that
 * can be decided once; a row only looks up, maps and parses. */
#include "io/obsfile.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv.h"
#include "io/sdmx.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/xalloc.h"

const char *const obsfile_format_names[OBSFILE_FORMAT__MAX] = {
	"auto", "long", "wide", "sdmx"
};

enum obsfile_role {
	ROLE_IGNORE,
	ROLE_INDICATOR,
	ROLE_REGION,
	ROLE_PERIOD,
	ROLE_VALUE,
	ROLE_FLAG,
	ROLE_UNIT,
	ROLE_SOURCE,
	ROLE_NOTE,
	ROLE_DIM,
	ROLE_WIDE,		/* a value column whose name carries key parts */
	ROLE_ACTION,		/* SDMX-CSV 2.0 ACTION */
	ROLE__MAX
};

enum obsfile_kind { KIND_LONG, KIND_WIDE, KIND_SDMX1, KIND_SDMX2 };

static const char *const obsfile_kind_names[] = {
	"long-csv", "wide-csv", "sdmx-csv-1", "sdmx-csv-2"
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
	char			*dim_key;	/* ROLE_DIM */
	struct obsfile_pos	 at;		/* the header cell */
	bool			 has_column_map;	/* SDMX `map COLUMN` */
	/* ROLE_WIDE: the parts its name gave (NULL/false when none). */
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
	FILE			*own_fp;
	char			*name;
	enum obsfile_kind	 kind;
	struct sdmx_mapping	*mapping;
	const struct obsfile_map **maps;	/* sorted */
	size_t			 map_count;

	struct obsfile_column	*cols;
	size_t			 ncols;
	int			 role_col[ROLE__MAX];	/* single roles: index or -1 */
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
	long			 ambiguous_line;

	struct buf		 b_indicator, b_region, b_unit, b_source,
				 b_note, b_dims, b_scratch;
	struct obsfile_pair	 row_dims[OBSFILE_MAX_DIMS];
	size_t			 row_dim_count;
	struct period		 row_period;
	char			 row_period_text[PERIOD_TEXT_MAX];
	char			 flag[16];
	struct obsfile_record	 rec;
};

/* ---- options ----------------------------------------------------------- */

void
obsfile_options_init(struct obsfile_options *o)
{
	memset(o, 0, sizeof(*o));
}

void
obsfile_options_free(struct obsfile_options *o)
{
	size_t i;

	for (i = 0; i < o->map_count; i++) {
		free(o->maps[i].key);
		free(o->maps[i].from);
		free(o->maps[i].to);
	}
	free(o->maps);
	for (i = 0; i < o->total_count; i++)
		free(o->total_labels[i]);
	free(o->total_labels);
	for (i = 0; i < o->dim_column_count; i++) {
		free(o->dim_columns[i].column);
		free(o->dim_columns[i].key);
	}
	free(o->dim_columns);
	for (i = 0; i < o->ignore_count; i++)
		free(o->ignore_columns[i]);
	free(o->ignore_columns);
	free(o->indicator);
	free(o->region);
	free(o->unit);
	free(o->source);
	free(o->indicator_column);
	free(o->region_column);
	free(o->period_column);
	free(o->value_pattern);
	free(o->sdmx_mapping);
	memset(o, 0, sizeof(*o));
}

void
obsfile_options_set(char **field, const char *value)
{
	free(*field);
	*field = value != NULL ? xstrdup(value) : NULL;
}

int
obsfile_options_add_map(struct obsfile_options *o, enum obsfile_scope scope,
    const char *spec, struct error *e)
{
	struct obsfile_map *m;
	const char *eq, *from = spec, *colon = NULL;
	size_t cap = o->map_count;

	if (scope == OBSFILE_SCOPE_DIM) {
		colon = strchr(spec, ':');
		if (colon == NULL || colon == spec)
			return error_set(e, "'%s': write KEY:OLD=NEW, e.g. "
			    "sector:B_E=B-E", spec);
		from = colon + 1;
	}
	eq = strchr(from, '=');
	if (eq == NULL || eq == from)
		return error_set(e, "'%s': write OLD=NEW", spec);
	o->maps = xgrow(o->maps, &cap, o->map_count + 1, sizeof(*o->maps));
	m = &o->maps[o->map_count++];
	m->scope = scope;
	m->key = colon != NULL ? xstrndup(spec, (size_t)(colon - spec)) : NULL;
	m->from = xstrndup(from, (size_t)(eq - from));
	m->to = xstrdup(eq + 1);
	return 0;
}

void
obsfile_options_add_total(struct obsfile_options *o, const char *label)
{
	size_t cap = o->total_count;

	o->total_labels = xgrow(o->total_labels, &cap, o->total_count + 1,
	    sizeof(*o->total_labels));
	o->total_labels[o->total_count++] = xstrdup(label);
}

static bool
obsfile_key_valid(const char *k)
{
	if (*k == '\0')
		return false;
	for (; *k != '\0'; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') ||
		    *k == '_'))
			return false;
	return true;
}

static char *
obsfile_lower(const char *s)
{
	char *l = xstrdup(s), *p;

	for (p = l; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return l;
}

int
obsfile_options_add_dim_column(struct obsfile_options *o, const char *spec,
    struct error *e)
{
	const char *eq = strchr(spec, '=');
	size_t cap = o->dim_column_count;
	char *column, *key;

	if (eq == spec || *spec == '\0')
		return error_set(e, "'%s': write COLUMN or COLUMN=KEY", spec);
	column = eq != NULL ? xstrndup(spec, (size_t)(eq - spec)) : xstrdup(spec);
	key = obsfile_lower(eq != NULL ? eq + 1 : spec);
	if (!obsfile_key_valid(key)) {
		error_set(e, "'%s': a dimension key is lower-case letters, "
		    "digits and _", key);
		free(column);
		free(key);
		return -1;
	}
	o->dim_columns = xgrow(o->dim_columns, &cap, o->dim_column_count + 1,
	    sizeof(*o->dim_columns));
	o->dim_columns[o->dim_column_count].column = column;
	o->dim_columns[o->dim_column_count++].key = key;
	return 0;
}

void
obsfile_options_add_ignore(struct obsfile_options *o, const char *column)
{
	size_t cap = o->ignore_count;

	o->ignore_columns = xgrow(o->ignore_columns, &cap, o->ignore_count + 1,
	    sizeof(*o->ignore_columns));
	o->ignore_columns[o->ignore_count++] = xstrdup(column);
}

/* ---- flags ------------------------------------------------------------- */

static const char obsfile_flag_letters[] = "bcdefmnprsuz";

int
obsfile_flag_canonical(const char *s, size_t n, char out[16])
{
	bool seen[26] = { false };
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ')
			continue;
		if (c < 'a' || c > 'z' || strchr(obsfile_flag_letters, c) == NULL)
			return -1;
		seen[c - 'a'] = true;
	}
	for (i = 0; i < 26; i++)
		if (seen[i])
			out[o++] = (char)('a' + i);
	out[o] = '\0';
	return 0;
}

/* ---- code maps --------------------------------------------------------- */

static int
obsfile_map_cmp_parts(const struct obsfile_map *m, enum obsfile_scope scope,
    const char *key, const char *s, size_t n)
{
	int c;

	if (m->scope != scope)
		return (int)m->scope - (int)scope;
	c = strcmp(m->key != NULL ? m->key : "", key != NULL ? key : "");
	if (c != 0)
		return c;
	c = strncmp(m->from, s, n);
	if (c != 0)
		return c;
	return m->from[n] == '\0' ? 0 : 1;
}

static int
obsfile_map_sort(const void *a, const void *b)
{
	const struct obsfile_map *x = *(const struct obsfile_map *const *)a;
	const struct obsfile_map *y = *(const struct obsfile_map *const *)b;

	return obsfile_map_cmp_parts(x, y->scope, y->key, y->from,
	    strlen(y->from));
}

/* The mapped text of s[0..n) in scope (and key), or NULL. */
static const char *
obsfile_map_find(const struct obsfile_reader *r, enum obsfile_scope scope,
    const char *key, const char *s, size_t n)
{
	size_t lo = 0, hi = r->map_count;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = obsfile_map_cmp_parts(r->maps[mid], scope, key, s, n);
		if (c == 0)
			return r->maps[mid]->to;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static bool
obsfile_is_total(const struct obsfile_reader *r, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < r->opt->total_count; i++)
		if (text_equal(s, n, r->opt->total_labels[i]))
			return true;
	return false;
}

/* ---- periods ----------------------------------------------------------- */

static bool
obsfile_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

/* Turns a period as written into a canonical one, by the period options:
 * an exact --map-period, then --school-year (2017/18, 2017/2018), then
 * --date-period (2017-06-30), then SDMX forms in SDMX files. On failure
 * `hint` says which option would help. */
static int
obsfile_period(const struct obsfile_reader *r, const char *s, size_t n,
    struct period *p, const char **hint)
{
	const struct obsfile_options *o = r->opt;
	const char *m;
	char tmp[PERIOD_TEXT_MAX];

	*hint = "write 2017, 2017-Q2 or 2017-06, or map it with --map-period OLD=NEW";
	if ((m = obsfile_map_find(r, OBSFILE_SCOPE_PERIOD, NULL, s, n)) != NULL) {
		s = m;
		n = strlen(m);
	}
	if (period_parse(s, n, p) == 0)
		return 0;
	if ((n == 7 || n == 9) && s[4] == '/' && obsfile_digits(s, 4) &&
	    obsfile_digits(s + 5, n - 5)) {
		long y = strtol(s, NULL, 10);
		long next = strtol(s + 5, NULL, 10);
		bool consecutive = n == 7 ? next == (y + 1) % 100 : next == y + 1;
		if (!consecutive) {
			*hint = "not a school or financial year of two consecutive "
			    "years; map it with --map-period OLD=NEW";
			return -1;
		}
		if (o->school_year == OBSFILE_SCHOOL_NONE) {
			*hint = "a school or financial year: say "
			    "--school-year start (2017/18 → 2017) or end (→ 2018)";
			return -1;
		}
		p->kind = PERIOD_YEAR;
		p->sub = 0;
		p->year = (int)(o->school_year == OBSFILE_SCHOOL_START ? y : y + 1);
		return p->year >= 1000 && p->year <= 9999 ? 0 : -1;
	}
	if (n == 10 && s[4] == '-' && s[7] == '-' && obsfile_digits(s, 4) &&
	    obsfile_digits(s + 5, 2) && obsfile_digits(s + 8, 2)) {
		static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
		    31, 30, 31 };
		int y = atoi(s), mo = atoi(s + 5), d = atoi(s + 8);
		bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1] ||
		    (mo == 2 && d == 29 && !leap)) {
			*hint = "not a valid date";
			return -1;
		}
		if (o->date_period == OBSFILE_DATE_NONE) {
			*hint = "a reference date: say --date-period month, quarter "
			    "or year (2017-06-30 → 2017-06, 2017-Q2 or 2017)";
			return -1;
		}
		if (period_parse(s, 7, p) == -1)
			return -1;
		if (o->date_period == OBSFILE_DATE_QUARTER) {
			p->kind = PERIOD_QUARTER;
			p->sub = (p->sub - 1) / 3 + 1;
		} else if (o->date_period == OBSFILE_DATE_YEAR) {
			p->kind = PERIOD_YEAR;
			p->sub = 0;
		}
		return 0;
	}
	if ((r->kind == KIND_SDMX1 || r->kind == KIND_SDMX2) &&
	    sdmx_period_convert(s, n, tmp) == 0)
		return period_parse(tmp, strlen(tmp), p);
	if (n == 9 && s[4] == '-' && obsfile_digits(s, 4) &&
	    obsfile_digits(s + 5, 4))
		*hint = "a span of years is not a period: a value belongs to one "
		    "year, quarter or month (map it with --map-period OLD=NEW "
		    "if it does)";
	else if (n == 7 && s[4] == '-' && s[5] == 'H' && obsfile_digits(s, 4))
		*hint = "half years are not periods in wiall: use quarters or "
		    "the year, or map it with --map-period OLD=NEW";
	return -1;
}

/* ---- numbers ----------------------------------------------------------- */

static bool
obsfile_missing_token(const char *s, size_t n)
{
	if (n == 0)
		return true;
	if (n == 1)
		return s[0] == ':' || s[0] == '.';
	return n == 2 && ((s[0] == 'N' && s[1] == 'A') ||
	    (s[0] == '.' && s[1] == '.'));
}

/* 1.234 (one dot, then exactly three digits, no comma): a thousand and
 * some in a German file, one and a bit elsewhere. */
static bool
obsfile_ambiguous(const char *s, size_t n)
{
	const char *dot;
	size_t before;

	if (n > 0 && (s[0] == '-' || s[0] == '+')) {
		s++;
		n--;
	}
	if ((dot = memchr(s, '.', n)) == NULL)
		return false;
	before = (size_t)(dot - s);
	return before >= 1 && before <= 3 && n - before - 1 == 3 &&
	    obsfile_digits(s, before) && obsfile_digits(dot + 1, 3);
}

/* Parses a value by the decimal rule of docs/formats.md: `,` and TAB files
 * use a decimal point; in `;` files the first number with a comma, or with
 * a dot that cannot be a thousands separator, decides for the whole file,
 * and a 1.234 read before that decision must agree with it. */
static int
obsfile_number(struct obsfile_reader *r, const char *s, size_t n, long line,
    double *v, const char **why)
{
	char mark = r->decimal;

	*why = "not a number";
	if (r->opt->decimal == OBSFILE_DECIMAL_POINT)
		mark = '.';
	else if (r->opt->decimal == OBSFILE_DECIMAL_COMMA)
		mark = ',';
	else if (csv_delimiter(r->csv) != ';')
		mark = '.';
	if (mark != 0)
		return text_parse_double(s, n, mark, v);
	if (memchr(s, ',', n) != NULL ||
	    (memchr(s, '.', n) != NULL && text_parse_double(s, n, '.', v) == -1)) {
		if (text_parse_double(s, n, ',', v) == -1)
			return -1;
		if (r->ambiguous_line != 0) {
			*why = "this number has a decimal comma, but an earlier "
			    "1.234-like number was read with a decimal point; "
			    "say --decimal comma or --decimal point";
			return -1;
		}
		r->decimal = ',';
		return 0;
	}
	if (text_parse_double(s, n, '.', v) == -1)
		return -1;
	if (memchr(s, '.', n) != NULL) {
		if (obsfile_ambiguous(s, n)) {
			if (r->ambiguous_line == 0)
				r->ambiguous_line = line;
		} else
			r->decimal = '.';
	}
	return 0;
}

/* ---- header ------------------------------------------------------------ */

static bool
obsfile_in_list(char **list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

static const char *
obsfile_dim_key_for(const struct obsfile_dim_column *d, size_t n,
    const char *column)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(d[i].column, column) == 0)
			return d[i].key;
	return NULL;
}

static void
obsfile_diag(struct diag_list *diags, struct obsfile_reader *r,
    struct obsfile_pos at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
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

static int
obsfile_set_role(struct obsfile_reader *r, size_t c, enum obsfile_role role,
    struct diag_list *diags)
{
	if (role != ROLE_IGNORE && role != ROLE_DIM && role != ROLE_WIDE) {
		if (r->role_col[role] >= 0) {
			obsfile_diag(diags, r, r->cols[c].at, "column '%s' has the "
			    "same role as column %d ('%s')", r->cols[c].name,
			    r->role_col[role] + 1, r->cols[r->role_col[role]].name);
			return -1;
		}
		r->role_col[role] = (int)c;
	}
	r->cols[c].role = role;
	return 0;
}

static int
obsfile_add_dim(struct obsfile_reader *r, size_t c, const char *key,
    struct diag_list *diags)
{
	size_t i;

	if (!obsfile_key_valid(key)) {
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
	return obsfile_set_role(r, c, ROLE_DIM, diags);
}

/* The long format's header: known names, every other column a dimension. */
static int
obsfile_header_long(struct obsfile_reader *r, struct diag_list *diags)
{
	static const struct {
		const char		*name;
		enum obsfile_role	 role;
	} known[] = {
		{ "indicator", ROLE_INDICATOR }, { "region", ROLE_REGION },
		{ "period", ROLE_PERIOD }, { "value", ROLE_VALUE },
		{ "flag", ROLE_FLAG }, { "unit", ROLE_UNIT },
		{ "source", ROLE_SOURCE }, { "source_url", ROLE_SOURCE },
		{ "note", ROLE_NOTE },
	};
	const struct obsfile_options *o = r->opt;
	size_t c, k;
	int bad = 0;

	for (c = 0; c < r->ncols; c++) {
		struct obsfile_column *col = &r->cols[c];
		char *lower = obsfile_lower(col->name);
		const char *key;
		enum obsfile_role role = ROLE__MAX;

		for (k = 0; k < sizeof(known) / sizeof(known[0]); k++)
			if (strcmp(lower, known[k].name) == 0)
				role = known[k].role;
		if (obsfile_in_list(o->ignore_columns, o->ignore_count, col->name))
			role = ROLE_IGNORE;
		if ((key = obsfile_dim_key_for(o->dim_columns, o->dim_column_count,
		    col->name)) != NULL)
			bad |= obsfile_add_dim(r, c, key, diags);
		else if (role == ROLE__MAX)
			bad |= obsfile_add_dim(r, c, lower, diags);
		else
			bad |= obsfile_set_role(r, c, role, diags);
		free(lower);
	}
	return bad ? -1 : 0;
}

/* A --value-columns pattern, cut into literals and {placeholders}. */
struct obsfile_segment {
	bool		 placeholder;
	const char	*text;
	size_t		 len;
};

#define OBSFILE_MAX_SEGMENTS 16

static int
obsfile_pattern_parse(const char *p, struct obsfile_segment *seg, size_t *nseg)
{
	size_t n = 0;

	while (*p != '\0') {
		if (n == OBSFILE_MAX_SEGMENTS)
			return -1;
		if (*p == '{') {
			const char *close = strchr(p, '}');
			if (close == NULL || close == p + 1)
				return -1;
			seg[n].placeholder = true;
			seg[n].text = p + 1;
			seg[n].len = (size_t)(close - p - 1);
			p = close + 1;
		} else {
			const char *open = strchr(p, '{');
			size_t len = open != NULL ? (size_t)(open - p) : strlen(p);
			seg[n].placeholder = false;
			seg[n].text = p;
			seg[n].len = len;
			p += len;
		}
		n++;
	}
	*nseg = n;
	return 0;
}

struct obsfile_capture {
	const char	*s;
	size_t		 n;
};

/* Backtracking match of a column name against the segments; shortest
 * captures first, and a {period} capture must be a period. */
static bool
obsfile_pattern_match(const struct obsfile_reader *r,
    const struct obsfile_segment *seg, size_t nseg, size_t i, const char *s,
    size_t n, struct obsfile_capture *cap)
{
	size_t len;

	if (i == nseg)
		return n == 0;
	if (!seg[i].placeholder) {
		if (n < seg[i].len || memcmp(s, seg[i].text, seg[i].len) != 0)
			return false;
		return obsfile_pattern_match(r, seg, nseg, i + 1, s + seg[i].len,
		    n - seg[i].len, cap);
	}
	for (len = 1; len <= n; len++) {
		if (seg[i].len == 6 && memcmp(seg[i].text, "period", 6) == 0) {
			struct period p;
			const char *hint;
			if (obsfile_period(r, s, len, &p, &hint) == -1)
				continue;
		}
		cap[i].s = s;
		cap[i].n = len;
		if (obsfile_pattern_match(r, seg, nseg, i + 1, s + len, n - len,
		    cap))
			return true;
	}
	return false;
}

static const char *
obsfile_store(struct obsfile_column *col, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < OBSFILE_MAX_DIMS * 2; i++)
		if (col->w_dim_storage[i] == NULL)
			return col->w_dim_storage[i] = xstrndup(s, n);
	return "";
}

static int
obsfile_wide_column(struct obsfile_reader *r, size_t c,
    const struct obsfile_segment *seg, size_t nseg, struct diag_list *diags)
{
	struct obsfile_column *col = &r->cols[c];
	struct obsfile_capture cap[OBSFILE_MAX_SEGMENTS];
	const char *hint, *m;
	size_t i;

	if (!obsfile_pattern_match(r, seg, nseg, 0, col->name, strlen(col->name),
	    cap)) {
		obsfile_diag(diags, r, col->at, "column '%s' does not match "
		    "--value-columns '%s' (leave it out with --ignore-column "
		    "'%s')", col->name, r->opt->value_pattern, col->name);
		return -1;
	}
	col->role = ROLE_WIDE;
	for (i = 0; i < nseg; i++) {
		const char *s = cap[i].s;
		size_t n = cap[i].n;

		if (!seg[i].placeholder)
			continue;
		if (text_equal(seg[i].text, seg[i].len, "period")) {
			obsfile_period(r, s, n, &col->w_period, &hint);
			period_format(&col->w_period, col->w_period_text);
			col->w_has_period = true;
		} else if (text_equal(seg[i].text, seg[i].len, "indicator")) {
			m = obsfile_map_find(r, OBSFILE_SCOPE_INDICATOR, NULL, s, n);
			col->w_indicator = m != NULL ? xstrdup(m) : xstrndup(s, n);
		} else if (text_equal(seg[i].text, seg[i].len, "region")) {
			m = obsfile_map_find(r, OBSFILE_SCOPE_REGION, NULL, s, n);
			col->w_region = m != NULL ? xstrdup(m) : xstrndup(s, n);
		} else {
			const char *key = obsfile_store(col, seg[i].text, seg[i].len);
			m = obsfile_map_find(r, OBSFILE_SCOPE_DIM, key, s, n);
			if (m != NULL) {
				s = m;
				n = strlen(m);
			}
			if (n == 0 || obsfile_is_total(r, s, n))
				continue;
			col->w_dims[col->w_dim_count].key = key;
			col->w_dims[col->w_dim_count].value = obsfile_store(col, s, n);
			col->w_dims[col->w_dim_count++].at = col->at;
		}
	}
	return 0;
}

static int
obsfile_header_wide(struct obsfile_reader *r, struct diag_list *diags)
{
	const struct obsfile_options *o = r->opt;
	struct obsfile_segment seg[OBSFILE_MAX_SEGMENTS];
	struct obsfile_pos top = { 1, 1 };
	size_t nseg = 0, i, c, values = 0;
	int bad = 0;

	if (o->value_pattern == NULL ||
	    obsfile_pattern_parse(o->value_pattern, seg, &nseg) == -1) {
		obsfile_diag(diags, r, top, "a wide file needs --value-columns "
		    "PATTERN, e.g. '{region}{period}' or '{sector}'");
		return -1;
	}
	for (i = 0; i < nseg; i++) {
		if (!seg[i].placeholder)
			continue;
		char *k = xstrndup(seg[i].text, seg[i].len);
		bool ok = obsfile_key_valid(k);
		if ((text_equal(seg[i].text, seg[i].len, "indicator") &&
		    (o->indicator_column != NULL || o->indicator != NULL)) ||
		    (text_equal(seg[i].text, seg[i].len, "region") &&
		    (o->region_column != NULL || o->region != NULL)) ||
		    (text_equal(seg[i].text, seg[i].len, "period") &&
		    o->period_column != NULL))
			ok = false;
		if (!ok) {
			obsfile_diag(diags, r, top, "--value-columns: {%s} is not "
			    "a dimension key, or its part is also given by "
			    "another option", k);
			bad = 1;
		}
		free(k);
	}
	if (bad)
		return -1;
	for (c = 0; c < r->ncols; c++) {
		struct obsfile_column *col = &r->cols[c];
		const char *key;

		if (o->indicator_column && strcmp(col->name, o->indicator_column) == 0)
			bad |= obsfile_set_role(r, c, ROLE_INDICATOR, diags);
		else if (o->region_column && strcmp(col->name, o->region_column) == 0)
			bad |= obsfile_set_role(r, c, ROLE_REGION, diags);
		else if (o->period_column && strcmp(col->name, o->period_column) == 0)
			bad |= obsfile_set_role(r, c, ROLE_PERIOD, diags);
		else if ((key = obsfile_dim_key_for(o->dim_columns,
		    o->dim_column_count, col->name)) != NULL)
			bad |= obsfile_add_dim(r, c, key, diags);
		else if (obsfile_in_list(o->ignore_columns, o->ignore_count,
		    col->name))
			col->role = ROLE_IGNORE;
		else {
			bad |= obsfile_wide_column(r, c, seg, nseg, diags);
			values++;
		}
	}
	if (!bad && values == 0) {
		obsfile_diag(diags, r, top, "no column matches --value-columns "
		    "'%s'", o->value_pattern);
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* SDMX-CSV: DATAFLOW (1.0) or STRUCTURE, STRUCTURE_ID, ACTION (2.0), then
 * dimensions, TIME_PERIOD, OBS_VALUE and attributes. Without a mapping file
 * INDICATOR, REF_AREA, UNIT_MEASURE, SOURCE_DETAIL, COMMENT_OBS have their
 * meaning (what `wiall export --format sdmx` writes) and other columns are
 * dimensions; with one, every column must be accounted for. */
static int
obsfile_header_sdmx(struct obsfile_reader *r, struct diag_list *diags)
{
	const struct sdmx_mapping *m = r->mapping;
	const struct obsfile_options *o = r->opt;
	size_t c, k;
	int bad = 0;

	for (c = 0; c < r->ncols; c++) {
		struct obsfile_column *col = &r->cols[c];
		const char *n = col->name, *key;
		enum obsfile_role role = ROLE__MAX;

		if (strcmp(n, "DATAFLOW") == 0 || strcmp(n, "STRUCTURE") == 0 ||
		    strcmp(n, "STRUCTURE_ID") == 0)
			role = ROLE_IGNORE;
		else if (strcmp(n, "ACTION") == 0)
			role = ROLE_ACTION;
		else if (strcmp(n, "TIME_PERIOD") == 0)
			role = ROLE_PERIOD;
		else if (strcmp(n, "OBS_VALUE") == 0)
			role = ROLE_VALUE;
		else if (m != NULL && m->indicator_column != NULL &&
		    strcmp(n, m->indicator_column) == 0)
			role = ROLE_INDICATOR;
		else if (m != NULL && m->region_column != NULL &&
		    strcmp(n, m->region_column) == 0)
			role = ROLE_REGION;
		else if (m != NULL && m->flag_column != NULL &&
		    strcmp(n, m->flag_column) == 0)
			role = ROLE_FLAG;
		else if (m != NULL && m->unit_column != NULL &&
		    strcmp(n, m->unit_column) == 0)
			role = ROLE_UNIT;
		else if (m != NULL && m->source_column != NULL &&
		    strcmp(n, m->source_column) == 0)
			role = ROLE_SOURCE;
		else if (m != NULL && m->note_column != NULL &&
		    strcmp(n, m->note_column) == 0)
			role = ROLE_NOTE;
		else if (m != NULL && (key = obsfile_dim_key_for(m->dims,
		    m->dim_count, n)) != NULL) {
			bad |= obsfile_add_dim(r, c, key, diags);
			continue;
		} else if ((key = obsfile_dim_key_for(o->dim_columns,
		    o->dim_column_count, n)) != NULL) {
			bad |= obsfile_add_dim(r, c, key, diags);
			continue;
		} else if ((m != NULL && obsfile_in_list(m->ignore,
		    m->ignore_count, n)) ||
		    obsfile_in_list(o->ignore_columns, o->ignore_count, n))
			role = ROLE_IGNORE;
		else if (strcmp(n, "OBS_STATUS") == 0 && (m == NULL ||
		    m->flag_column == NULL))
			role = ROLE_FLAG;
		else if (strcmp(n, "REF_AREA") == 0 && (m == NULL ||
		    m->region_column == NULL))
			role = ROLE_REGION;
		else if (m == NULL && strcmp(n, "INDICATOR") == 0)
			role = ROLE_INDICATOR;
		else if (m == NULL && strcmp(n, "UNIT_MEASURE") == 0)
			role = ROLE_UNIT;
		else if (m == NULL && strcmp(n, "SOURCE_DETAIL") == 0)
			role = ROLE_SOURCE;
		else if (m == NULL && strcmp(n, "COMMENT_OBS") == 0)
			role = ROLE_NOTE;
		if (role == ROLE__MAX && m != NULL) {
			/* A column that only filters (`keep`) is read, not stored. */
			for (k = 0; k < m->keep_count; k++)
				if (strcmp(m->keeps[k].column, n) == 0)
					role = ROLE_IGNORE;
		}
		if (role == ROLE__MAX) {
			if (m != NULL) {
				obsfile_diag(diags, r, col->at, "column '%s' is "
				    "not in the mapping file %s (add `dimension "
				    "KEY %s` or `ignore %s`)", n, m->file, n, n);
				bad = 1;
				continue;
			}
			char *lower = obsfile_lower(n);
			bad |= obsfile_add_dim(r, c, lower, diags);
			free(lower);
			continue;
		}
		bad |= obsfile_set_role(r, c, role, diags);
	}
	if (m != NULL) {
		for (k = 0; k < m->keep_count; k++) {
			for (c = 0; c < r->ncols; c++)
				if (strcmp(r->cols[c].name, m->keeps[k].column) == 0)
					break;
			if (c == r->ncols) {
				struct obsfile_pos top = { 1, 1 };
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
	}
	return bad ? -1 : 0;
}

static void
obsfile_build_maps(struct obsfile_reader *r)
{
	size_t n = r->opt->map_count + (r->mapping ? r->mapping->map_count : 0);
	size_t i, k = 0;

	r->maps = xcalloc(n + 1, sizeof(*r->maps));
	for (i = 0; i < r->opt->map_count; i++)
		r->maps[k++] = &r->opt->maps[i];
	for (i = 0; r->mapping != NULL && i < r->mapping->map_count; i++)
		r->maps[k++] = &r->mapping->maps[i];
	r->map_count = k;
	qsort(r->maps, k, sizeof(*r->maps), obsfile_map_sort);
}

static int
obsfile_header(struct obsfile_reader *r, struct diag_list *diags,
    struct error *e)
{
	const struct obsfile_options *o = r->opt;
	struct csv_record *rec;
	struct obsfile_pos top = { 1, 1 };
	enum csv_status st;
	bool sdmx1 = false, sdmx2 = false;
	size_t c;
	int i;

	st = csv_next(r->csv, &rec, e);
	if (st == CSV_ERROR) {
		long line, col;
		const char *msg = csv_error_at(r->csv, &line, &col);
		diag_add(diags, r->name, line, col, "%s", msg);
		return -1;
	}
	if (st == CSV_END) {
		obsfile_diag(diags, r, top, "empty file: a header line and data "
		    "rows were expected");
		return -1;
	}
	r->header_lines = rec->line;
	r->ncols = rec->count;
	r->cols = xcalloc(r->ncols, sizeof(*r->cols));
	for (i = 0; i < ROLE__MAX; i++)
		r->role_col[i] = -1;
	for (c = 0; c < r->ncols; c++) {
		const char *s = rec->fields[c].data;
		size_t n = rec->fields[c].len;
		text_trim(&s, &n);
		r->cols[c].name = xstrndup(s, n);
		r->cols[c].at.line = rec->fields[c].line;
		r->cols[c].at.column = rec->fields[c].column;
		if (strcmp(r->cols[c].name, "DATAFLOW") == 0)
			sdmx1 = true;
		if (strcmp(r->cols[c].name, "STRUCTURE_ID") == 0)
			sdmx2 = true;
	}
	for (c = 0; c < r->ncols; c++) {
		size_t k;
		if (r->cols[c].name[0] == '\0') {
			obsfile_diag(diags, r, r->cols[c].at, "column %zu has no "
			    "name", c + 1);
			return -1;
		}
		for (k = 0; k < c; k++)
			if (strcmp(r->cols[k].name, r->cols[c].name) == 0) {
				obsfile_diag(diags, r, r->cols[c].at, "column '%s' "
				    "appears twice", r->cols[c].name);
				return -1;
			}
	}
	if (o->format == OBSFILE_SDMX || (o->format == OBSFILE_AUTO &&
	    (sdmx1 || sdmx2))) {
		if (!sdmx1 && !sdmx2) {
			obsfile_diag(diags, r, top, "not SDMX-CSV: no DATAFLOW "
			    "(1.0) or STRUCTURE_ID (2.0) column");
			return -1;
		}
		r->kind = sdmx2 ? KIND_SDMX2 : KIND_SDMX1;
	} else if (o->format == OBSFILE_WIDE || (o->format == OBSFILE_AUTO &&
	    o->value_pattern != NULL))
		r->kind = KIND_WIDE;
	else
		r->kind = KIND_LONG;
	if (o->sdmx_mapping != NULL) {
		if (r->kind != KIND_SDMX1 && r->kind != KIND_SDMX2) {
			obsfile_diag(diags, r, top, "a mapping file is for "
			    "SDMX-CSV files, and this one is not");
			return -1;
		}
		if (sdmx_mapping_load(o->sdmx_mapping, &r->mapping, diags) == -1)
			return -1;
	}
	obsfile_build_maps(r);
	if (r->kind == KIND_LONG) {
		if (obsfile_header_long(r, diags) == -1)
			return -1;
	} else if (r->kind == KIND_WIDE) {
		if (obsfile_header_wide(r, diags) == -1)
			return -1;
	} else if (obsfile_header_sdmx(r, diags) == -1)
		return -1;

	r->fixed_indicator = o->indicator;
	r->fixed_region = o->region;
	r->fixed_unit = o->unit;
	r->fixed_source = o->source;
	if (r->mapping != NULL) {
		if (r->mapping->indicator != NULL)
			r->fixed_indicator = r->mapping->indicator;
		if (r->mapping->unit != NULL)
			r->fixed_unit = r->mapping->unit;
		if (r->mapping->source != NULL)
			r->fixed_source = r->mapping->source;
	}
	{
		bool wide_ind = false, wide_reg = false, wide_per = false,
		    wide_any = false;
		for (c = 0; c < r->ncols; c++) {
			if (r->cols[c].role != ROLE_WIDE)
				continue;
			wide_any = true;
			wide_ind |= r->cols[c].w_indicator != NULL;
			wide_reg |= r->cols[c].w_region != NULL;
			wide_per |= r->cols[c].w_has_period;
		}
		if (r->role_col[ROLE_INDICATOR] >= 0 && r->fixed_indicator) {
			obsfile_diag(diags, r, top, "the indicator is given twice: "
			    "by column '%s' and by --indicator",
			    r->cols[r->role_col[ROLE_INDICATOR]].name);
			return -1;
		}
		if (r->role_col[ROLE_REGION] >= 0 && r->fixed_region) {
			obsfile_diag(diags, r, top, "the region is given twice: "
			    "by column '%s' and by --region",
			    r->cols[r->role_col[ROLE_REGION]].name);
			return -1;
		}
		if (r->role_col[ROLE_INDICATOR] < 0 && !r->fixed_indicator &&
		    !wide_ind) {
			obsfile_diag(diags, r, top, "no indicator: the header "
			    "needs an 'indicator' column, or say --indicator CODE");
			return -1;
		}
		if (r->role_col[ROLE_REGION] < 0 && !r->fixed_region && !wide_reg) {
			obsfile_diag(diags, r, top, "no region: the header needs "
			    "a 'region' column, or say --region CODE");
			return -1;
		}
		if (r->role_col[ROLE_PERIOD] < 0 && !wide_per) {
			obsfile_diag(diags, r, top, "no period: the header needs "
			    "a 'period' column");
			return -1;
		}
		if (r->role_col[ROLE_VALUE] < 0 && !wide_any) {
			obsfile_diag(diags, r, top, "no value: the header needs "
			    "a 'value' column");
			return -1;
		}
	}
	return 0;
}

static int
obsfile_open_common(struct obsfile_reader *r, struct diag_list *diags,
    struct error *e)
{
	if (obsfile_header(r, diags, e) == -1) {
		if (e != NULL && diags->count > 0)
			error_set(e, "%s: the header has problems", r->name);
		return -1;
	}
	return 0;
}

static struct obsfile_reader *
obsfile_new(const char *name, const struct obsfile_options *opt)
{
	struct obsfile_reader *r = xcalloc(1, sizeof(*r));

	r->opt = opt;
	r->name = xstrdup(name);
	return r;
}

int
obsfile_open(const char *path, const struct obsfile_options *opt,
    struct obsfile_reader **out, struct diag_list *diags, struct error *e)
{
	struct csv_options co = { 0 };
	struct obsfile_reader *r;

	*out = NULL;
	r = obsfile_new(path, opt);
	co.delimiter = opt->delimiter;
	co.on_read = opt->on_read;
	co.on_read_arg = opt->on_read_arg;
	if (csv_open_file(path, &co, &r->csv, e) == -1) {
		diag_add(diags, path, 0, 0, "cannot open: %s", strerror(errno));
		obsfile_close(r);
		return -1;
	}
	if (obsfile_open_common(r, diags, e) == -1) {
		obsfile_close(r);
		return -1;
	}
	*out = r;
	return 0;
}

int
obsfile_open_stream(FILE *fp, const char *name,
    const struct obsfile_options *opt, struct obsfile_reader **out,
    struct diag_list *diags, struct error *e)
{
	struct csv_options co = { 0 };
	struct obsfile_reader *r;

	*out = NULL;
	r = obsfile_new(name, opt);
	co.delimiter = opt->delimiter;
	co.on_read = opt->on_read;
	co.on_read_arg = opt->on_read_arg;
	r->csv = csv_open_stream(fp, name, &co);
	if (obsfile_open_common(r, diags, e) == -1) {
		obsfile_close(r);
		return -1;
	}
	*out = r;
	return 0;
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

/* ---- rows -------------------------------------------------------------- */

static struct obsfile_pos
obsfile_at(const struct csv_field *f)
{
	struct obsfile_pos p = { f->line, f->column };
	return p;
}

/* The trimmed text of column c, after an SDMX `map COLUMN` if any. */
static void
obsfile_cell(const struct obsfile_reader *r, size_t c, const char **s,
    size_t *n)
{
	const struct csv_field *f = &r->row->fields[c];
	const char *m;

	*s = f->data;
	*n = f->len;
	text_trim(s, n);
	if (r->cols[c].has_column_map && (m = obsfile_map_find(r,
	    OBSFILE_SCOPE_COLUMN, r->cols[c].name, *s, *n)) != NULL) {
		*s = m;
		*n = strlen(m);
	}
}

/* Copies s[0..n), mapped in scope if a map says so, into b. */
static const char *
obsfile_mapped(const struct obsfile_reader *r, struct buf *b,
    enum obsfile_scope scope, const char *key, const char *s, size_t n)
{
	const char *m = obsfile_map_find(r, scope, key, s, n);

	buf_reset(b);
	if (m != NULL)
		buf_puts(b, m);
	else
		buf_append(b, s, n);
	return buf_cstr(b);
}

static bool
obsfile_code_ok(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20)
			return false;
	return true;
}

/* Reads the parts of the current row that all its observations share.
 * Returns 1, or 0 when the row is skipped (problems reported, or filtered). */
static int
obsfile_row_begin(struct obsfile_reader *r, struct diag_list *diags)
{
	struct csv_record *row = r->row;
	const char *s, *hint;
	size_t n, c;
	int ok = 1;

	if (row->count != r->ncols) {
		struct obsfile_pos at;
		if (row->count > r->ncols)
			at = obsfile_at(&row->fields[r->ncols]);
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
	for (c = 0; c < r->ncols; c++) {
		const struct sdmx_keep *k = r->cols[c].keep;
		size_t i;
		if (k == NULL)
			continue;
		obsfile_cell(r, c, &s, &n);
		for (i = 0; i < k->count; i++)
			if (text_equal(s, n, k->values[i]))
				break;
		if (i == k->count) {
			r->filtered++;
			return 0;
		}
	}
	if (r->role_col[ROLE_ACTION] >= 0) {
		obsfile_cell(r, (size_t)r->role_col[ROLE_ACTION], &s, &n);
		if (text_equal(s, n, "D")) {
			obsfile_diag(diags, r, obsfile_at(&row->fields[
			    r->role_col[ROLE_ACTION]]), "ACTION D (delete) is not "
			    "supported: wiall keeps every value it was given");
			ok = 0;
		} else if (!(n == 0 || text_equal(s, n, "I") || text_equal(s, n,
		    "A") || text_equal(s, n, "R") || text_equal(s, n, "M"))) {
			obsfile_diag(diags, r, obsfile_at(&row->fields[
			    r->role_col[ROLE_ACTION]]), "unknown ACTION '%.*s' "
			    "(I, A, R or M)", (int)n, s);
			ok = 0;
		}
	}

	r->rec.line = row->line;
	/* indicator */
	if (r->role_col[ROLE_INDICATOR] >= 0) {
		c = (size_t)r->role_col[ROLE_INDICATOR];
		obsfile_cell(r, c, &s, &n);
		r->rec.indicator = obsfile_mapped(r, &r->b_indicator,
		    OBSFILE_SCOPE_INDICATOR, NULL, s, n);
		r->rec.at_indicator = obsfile_at(&row->fields[c]);
		if (r->rec.indicator[0] == '\0' ||
		    !obsfile_code_ok(r->rec.indicator)) {
			obsfile_diag(diags, r, r->rec.at_indicator,
			    "no indicator code");
			ok = 0;
		}
	} else
		r->rec.indicator = r->fixed_indicator;
	/* region */
	if (r->role_col[ROLE_REGION] >= 0) {
		c = (size_t)r->role_col[ROLE_REGION];
		obsfile_cell(r, c, &s, &n);
		r->rec.region = obsfile_mapped(r, &r->b_region,
		    OBSFILE_SCOPE_REGION, NULL, s, n);
		r->rec.at_region = obsfile_at(&row->fields[c]);
		if (r->rec.region[0] == '\0' || !obsfile_code_ok(r->rec.region)) {
			obsfile_diag(diags, r, r->rec.at_region, "no region code");
			ok = 0;
		}
	} else
		r->rec.region = r->fixed_region;
	/* period */
	if (r->role_col[ROLE_PERIOD] >= 0) {
		c = (size_t)r->role_col[ROLE_PERIOD];
		obsfile_cell(r, c, &s, &n);
		r->rec.at_period = obsfile_at(&row->fields[c]);
		if (obsfile_period(r, s, n, &r->row_period, &hint) == -1) {
			obsfile_diag(diags, r, r->rec.at_period, "bad period "
			    "'%.*s': %s", (int)(n > 60 ? 60 : n), s, hint);
			ok = 0;
		} else if (n < PERIOD_TEXT_MAX && obsfile_map_find(r,
		    OBSFILE_SCOPE_PERIOD, NULL, s, n) == NULL &&
		    period_parse(s, n, &r->row_period) == 0) {
			memcpy(r->row_period_text, s, n);	/* canonical as is */
			r->row_period_text[n] = '\0';
		} else
			period_format(&r->row_period, r->row_period_text);
	}
	/* dimensions from columns */
	r->row_dim_count = 0;
	buf_reset(&r->b_scratch);
	for (size_t d = 0; d < r->dim_col_count; d++) {
		c = r->dim_cols[d];
		obsfile_cell(r, c, &s, &n);
		const char *m = obsfile_map_find(r, OBSFILE_SCOPE_DIM,
		    r->cols[c].dim_key, s, n);
		if (m != NULL) {
			s = m;
			n = strlen(m);
		}
		if (n == 0 || obsfile_is_total(r, s, n))
			continue;
		if (memchr(s, ';', n) != NULL || memchr(s, '=', n) != NULL) {
			obsfile_diag(diags, r, obsfile_at(&row->fields[c]),
			    "a dimension value cannot contain ';' or '='");
			ok = 0;
			continue;
		}
		r->row_dims[r->row_dim_count].key = r->cols[c].dim_key;
		r->row_dims[r->row_dim_count].value = s;	/* length below */
		r->row_dims[r->row_dim_count].at = obsfile_at(&row->fields[c]);
		/* Keep the length: store "value\0" in scratch as offsets. */
		buf_append(&r->b_scratch, s, n);
		buf_putc(&r->b_scratch, '\0');
		r->row_dim_count++;
	}
	{	/* point the dimension values at their NUL-terminated copies */
		size_t off = 0;
		for (size_t d = 0; d < r->row_dim_count; d++) {
			r->row_dims[d].value = r->b_scratch.data + off;
			off += strlen(r->row_dims[d].value) + 1;
		}
	}
	/* unit, source, note */
	if (r->role_col[ROLE_UNIT] >= 0) {
		obsfile_cell(r, (size_t)r->role_col[ROLE_UNIT], &s, &n);
		buf_reset(&r->b_unit);
		buf_append(&r->b_unit, s, n);
		r->rec.unit = buf_cstr(&r->b_unit);
		if (n == 0 && r->fixed_unit != NULL)
			r->rec.unit = r->fixed_unit;
	} else
		r->rec.unit = r->fixed_unit != NULL ? r->fixed_unit : "";
	if (r->role_col[ROLE_SOURCE] >= 0) {
		obsfile_cell(r, (size_t)r->role_col[ROLE_SOURCE], &s, &n);
		buf_reset(&r->b_source);
		buf_append(&r->b_source, s, n);
		r->rec.source = buf_cstr(&r->b_source);
		if (n == 0 && r->fixed_source != NULL)
			r->rec.source = r->fixed_source;
	} else
		r->rec.source = r->fixed_source != NULL ? r->fixed_source : "";
	if (r->role_col[ROLE_NOTE] >= 0) {
		obsfile_cell(r, (size_t)r->role_col[ROLE_NOTE], &s, &n);
		buf_reset(&r->b_note);
		buf_append(&r->b_note, s, n);
		r->rec.note = buf_cstr(&r->b_note);
	} else
		r->rec.note = "";
	/* flag */
	r->flag[0] = '\0';
	if (r->role_col[ROLE_FLAG] >= 0) {
		c = (size_t)r->role_col[ROLE_FLAG];
		obsfile_cell(r, c, &s, &n);
		const char *m = obsfile_map_find(r, OBSFILE_SCOPE_FLAG, NULL, s, n);
		const char *sd;
		if (m != NULL) {
			s = m;
			n = strlen(m);
		} else if ((r->kind == KIND_SDMX1 || r->kind == KIND_SDMX2) &&
		    (sd = sdmx_status_flag(s, n)) != NULL) {
			s = sd;
			n = strlen(sd);
		}
		if (obsfile_flag_canonical(s, n, r->flag) == -1) {
			obsfile_diag(diags, r, obsfile_at(&row->fields[c]),
			    "unknown flag '%.*s' (letters of %s: p provisional, "
			    "e estimated, b break in series, c confidential, "
			    "m missing ...)", (int)(n > 20 ? 20 : n), s,
			    obsfile_flag_letters);
			ok = 0;
		}
	}
	return ok;
}

/* Completes r->rec from the row parts, the value in column c and (wide)
 * the parts the column's name gave. Returns 1, or 0 on a problem. */
static int
obsfile_emit(struct obsfile_reader *r, size_t c, struct diag_list *diags)
{
	const struct obsfile_column *col = &r->cols[c];
	const struct csv_field *f = &r->row->fields[c];
	struct obsfile_pair dims[OBSFILE_MAX_DIMS * 2];
	size_t nd = 0, i;
	const char *s, *why;
	size_t n;

	r->rec.at_value = obsfile_at(f);
	if (col->role == ROLE_WIDE) {
		if (col->w_indicator != NULL) {
			r->rec.indicator = col->w_indicator;
			r->rec.at_indicator = col->at;
		} else if (r->role_col[ROLE_INDICATOR] < 0)
			r->rec.at_indicator = r->rec.at_value;
		if (col->w_region != NULL) {
			r->rec.region = col->w_region;
			r->rec.at_region = col->at;
		} else if (r->role_col[ROLE_REGION] < 0)
			r->rec.at_region = r->rec.at_value;
		if (col->w_has_period) {
			r->rec.period_value = col->w_period;
			memcpy(r->rec.period, col->w_period_text, PERIOD_TEXT_MAX);
			r->rec.at_period = col->at;
		}
		for (i = 0; i < col->w_dim_count; i++)
			dims[nd++] = col->w_dims[i];
	} else if (r->role_col[ROLE_INDICATOR] < 0)
		r->rec.at_indicator = r->rec.at_value;
	if (r->role_col[ROLE_REGION] < 0 && col->role != ROLE_WIDE)
		r->rec.at_region = r->rec.at_value;
	if (r->role_col[ROLE_PERIOD] >= 0) {
		r->rec.period_value = r->row_period;
		memcpy(r->rec.period, r->row_period_text, PERIOD_TEXT_MAX);
	}
	for (i = 0; i < r->row_dim_count; i++)
		dims[nd++] = r->row_dims[i];
	/* Dimensions, canonical: sorted by key (insertion sort: a handful, and
	 * qsort would allocate), each key once. */
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
	/* value */
	s = f->data;
	n = f->len;
	text_trim(&s, &n);
	r->rec.flag = r->flag;
	if (obsfile_missing_token(s, n)) {
		r->rec.has_value = false;
		r->rec.value = 0;
		if (r->flag[0] == '\0')
			r->rec.flag = "m";
	} else if (text_equal(s, n, "-")) {
		obsfile_diag(diags, r, r->rec.at_value, "'-' is ambiguous (in "
		    "German statistics it means zero): write 0, or leave the "
		    "value empty when it is missing");
		return 0;
	} else if (obsfile_number(r, s, n, f->line, &r->rec.value, &why) == -1) {
		obsfile_diag(diags, r, r->rec.at_value, "bad number '%.*s': %s",
		    (int)(n > 40 ? 40 : n), s, why);
		return 0;
	} else
		r->rec.has_value = true;
	return 1;
}

int
obsfile_next(struct obsfile_reader *r, struct obsfile_record **out,
    struct diag_list *diags)
{
	struct error e;

	*out = NULL;
	for (;;) {
		/* Enough problems reported: a garbage file is not read to its end. */
		if (diags->limit != 0 && diags->total >= diags->limit) {
			r->ended = true;
			return -1;
		}
		if (r->row != NULL && r->row_ok) {
			/* Next value column of this row. */
			while (r->next_col < r->ncols) {
				size_t c = r->next_col++;
				enum obsfile_role role = r->cols[c].role;
				if (role != ROLE_WIDE && role != ROLE_VALUE)
					continue;
				if (obsfile_emit(r, c, diags) == 1) {
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
				struct obsfile_pos at = { r->header_lines + 1, 1 };
				obsfile_diag(diags, r, at, "no data rows after the "
				    "header");
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
