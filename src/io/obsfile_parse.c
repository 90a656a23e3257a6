/* The values of an observation file as written: periods (with the school
 * year, reference date and SDMX forms the options allow), numbers (with the
 * decimal rule of docs/formats.md), missing-value tokens and flags. */
#include <stdlib.h>
#include <string.h>

#include "io/obsfile_internal.h"
#include "util/text.h"

/* wiall's flag letters (obsfile.h). */
const char obsfile_parse_flag_letters[] = "bcdefmnprsuz";

int
obsfile_flag_canonical(const char *s, size_t n, char out[16])
{
	bool seen[26] = { false };
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ')
			continue;
		if (c < 'a' || c > 'z' ||
		    strchr(obsfile_parse_flag_letters, c) == NULL)
			return -1;
		seen[c - 'a'] = true;
	}
	for (i = 0; i < 26; i++)
		if (seen[i])
			out[o++] = (char)('a' + i);
	out[o] = '\0';
	return 0;
}

bool
obsfile_parse_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

/* 2017/18 or 2017/2018 (s has that shape): a school or financial year,
 * the year it starts or ends in by --school-year. */
static int
obsfile_parse_school_year(const struct obsfile_options *o, const char *s,
    size_t n, struct period *p, const char **hint)
{
	long y = strtol(s, NULL, 10);
	long next = strtol(s + 5, NULL, 10);
	bool consecutive = n == 7 ? next == (y + 1) % 100 : next == y + 1;

	if (!consecutive) {
		*hint = "not a school or financial year of two consecutive "
		    "years; map it with --map-period OLD=NEW";
		return -1;
	}
	if (o->school_year == OBSFILE_SCHOOL_NONE) {
		*hint = "a school or financial year: say --school-year start "
		    "(2017/18 → 2017) or end (→ 2018)";
		return -1;
	}
	p->kind = PERIOD_YEAR;
	p->sub = 0;
	p->year = (int)(o->school_year == OBSFILE_SCHOOL_START ? y : y + 1);
	return p->year >= 1000 && p->year <= 9999 ? 0 : -1;
}

/* 2017-06-30 (s has that shape): a reference date, the month, quarter or
 * year it falls in by --date-period. */
static int
obsfile_parse_date(const struct obsfile_options *o, const char *s,
    struct period *p, const char **hint)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };
	int y = atoi(s), mo = atoi(s + 5), d = atoi(s + 8);
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1] ||
	    (mo == 2 && d == 29 && !leap)) {
		*hint = "not a valid date";
		return -1;
	}
	if (o->date_period == OBSFILE_DATE_NONE) {
		*hint = "a reference date: say --date-period month, quarter or "
		    "year (2017-06-30 → 2017-06, 2017-Q2 or 2017)";
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

/* Turns a period as written into a canonical one, by the period options:
 * an exact --map-period, then --school-year (2017/18, 2017/2018), then
 * --date-period (2017-06-30), then SDMX forms in SDMX files. On failure
 * `hint` says which option would help. */
int
obsfile_parse_period(const struct obsfile_reader *r, const char *s, size_t n,
    struct period *p, const char **hint)
{
	char tmp[PERIOD_TEXT_MAX];

	*hint = "write 2017, 2017-Q2 or 2017-06, or map it with --map-period "
	    "OLD=NEW";
	obsfile_map_apply(r, OBSFILE_SCOPE_PERIOD, NULL, &s, &n);
	if (period_parse(s, n, p) == 0)
		return 0;
	if ((n == 7 || n == 9) && s[4] == '/' && obsfile_parse_digits(s, 4) &&
	    obsfile_parse_digits(s + 5, n - 5))
		return obsfile_parse_school_year(r->opt, s, n, p, hint);
	if (n == 10 && s[4] == '-' && s[7] == '-' &&
	    obsfile_parse_digits(s, 4) && obsfile_parse_digits(s + 5, 2) &&
	    obsfile_parse_digits(s + 8, 2))
		return obsfile_parse_date(r->opt, s, p, hint);
	if ((r->kind == OBSFILE_KIND_SDMX1 || r->kind == OBSFILE_KIND_SDMX2) &&
	    sdmx_period_convert(s, n, tmp) == 0)
		return period_parse(tmp, strlen(tmp), p);
	if (n == 9 && s[4] == '-' && obsfile_parse_digits(s, 4) &&
	    obsfile_parse_digits(s + 5, 4))
		*hint = "a span of years is not a period: a value belongs to "
		    "one year, quarter or month (map it with --map-period "
		    "OLD=NEW if it does)";
	else if (n == 7 && s[4] == '-' && s[5] == 'H' &&
	    obsfile_parse_digits(s, 4))
		*hint = "half years are not periods in wiall: use quarters or "
		    "the year, or map it with --map-period OLD=NEW";
	return -1;
}

bool
obsfile_parse_missing(const char *s, size_t n)
{
	if (n == 0)
		return true;
	if (n == 1)
		return s[0] == ':' || s[0] == '.';
	return n == 2 && ((s[0] == 'N' && s[1] == 'A') ||
	    (s[0] == '.' && s[1] == '.'));
}

/* 1.234 (one dot, then exactly three digits, no comma): a thousand and
 * some in a German file, one and a bit elsewhere. 0.234 is no thousands
 * group. */
static bool
obsfile_parse_ambiguous(const char *s, size_t n)
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
	return before >= 1 && before <= 3 && n - before - 1 == 3 && s[0] != '0' &&
	    obsfile_parse_digits(s, before) && obsfile_parse_digits(dot + 1, 3);
}

/* Parses a value by the decimal rule of docs/formats.md: `,` and TAB files
 * use a decimal point; in `;` files the first number with a comma, or with
 * a dot that cannot be a thousands separator, decides for the whole file,
 * and a 1.234 read before that decision must agree with it. */
int
obsfile_parse_number(struct obsfile_reader *r, const char *s, size_t n,
    struct obsfile_pos at, double *v, const char **why)
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
	if (memchr(s, ',', n) != NULL || (memchr(s, '.', n) != NULL &&
	    text_parse_double(s, n, '.', v) == -1)) {
		if (text_parse_double(s, n, ',', v) == -1)
			return -1;
		if (r->ambiguous_line != 0) {
			r->ambiguity_reported = true;
			*why = "this number has a decimal comma, but an "
			    "earlier 1.234-like number was read with a decimal "
			    "point; say --decimal comma or --decimal point";
			return -1;
		}
		r->decimal = ',';
		return 0;
	}
	if (text_parse_double(s, n, '.', v) == -1)
		return -1;
	if (memchr(s, '.', n) != NULL) {
		if (obsfile_parse_ambiguous(s, n)) {
			if (r->ambiguous_line == 0) {
				r->ambiguous_line = at.line;
				r->ambiguous_at = at;
				snprintf(r->ambiguous_text,
				    sizeof(r->ambiguous_text), "%.*s",
				    (int)n, s);
			}
		} else
			r->decimal = '.';
	}
	return 0;
}
