/* Wide observation files: a --value-columns pattern such as
 * "{region}{period}" cut into literals and placeholders, and each value
 * column's name matched against it once, in the header, so that a row only
 * reads its values. */
#include <stdlib.h>
#include <string.h>

#include "io/obsfile_internal.h"
#include "util/text.h"
#include "util/xalloc.h"

/* A --value-columns pattern, cut into literals and {placeholders}. */
struct obsfile_wide_segment {
	bool		 placeholder;
	const char	*text;
	size_t		 len;
};

#define OBSFILE_WIDE_MAX_SEGMENTS 16

static int
obsfile_wide_pattern_parse(const char *p, struct obsfile_wide_segment *seg,
    size_t *nseg)
{
	size_t n = 0;

	while (*p != '\0') {
		if (n == OBSFILE_WIDE_MAX_SEGMENTS)
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
			size_t len = open != NULL ? (size_t)(open - p) :
			    strlen(p);
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

struct obsfile_wide_capture {
	const char	*s;
	size_t		 n;
};

/* Backtracking match of a column name against the segments; shortest
 * captures first, and a {period} capture must be a period. */
static bool
obsfile_wide_pattern_match(const struct obsfile_reader *r,
    const struct obsfile_wide_segment *seg, size_t nseg, size_t i,
    const char *s, size_t n, struct obsfile_wide_capture *cap)
{
	size_t len;

	if (i == nseg)
		return n == 0;
	if (!seg[i].placeholder) {
		if (n < seg[i].len || memcmp(s, seg[i].text, seg[i].len) != 0)
			return false;
		return obsfile_wide_pattern_match(r, seg, nseg, i + 1,
		    s + seg[i].len, n - seg[i].len, cap);
	}
	for (len = 1; len <= n; len++) {
		if (seg[i].len == 6 && memcmp(seg[i].text, "period", 6) == 0) {
			struct period p;
			const char *hint;
			if (obsfile_parse_period(r, s, len, &p, &hint) == -1)
				continue;
		}
		cap[i].s = s;
		cap[i].n = len;
		if (obsfile_wide_pattern_match(r, seg, nseg, i + 1, s + len,
		    n - len, cap))
			return true;
	}
	return false;
}

static const char *
obsfile_wide_store(struct obsfile_column *col, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < OBSFILE_MAX_DIMS * 2; i++)
		if (col->w_dim_storage[i] == NULL)
			return col->w_dim_storage[i] = xstrndup(s, n);
	return "";
}

static int
obsfile_wide_column(struct obsfile_reader *r, size_t c,
    const struct obsfile_wide_segment *seg, size_t nseg,
    struct diag_list *diags)
{
	struct obsfile_column *col = &r->cols[c];
	struct obsfile_wide_capture cap[OBSFILE_WIDE_MAX_SEGMENTS];
	const char *hint;
	size_t i;

	if (!obsfile_wide_pattern_match(r, seg, nseg, 0, col->name,
	    strlen(col->name), cap)) {
		obsfile_diag(diags, r, col->at, "column '%s' does not match "
		    "--value-columns '%s' (leave it out with --ignore-column "
		    "'%s')", col->name, r->opt->value_pattern, col->name);
		return -1;
	}
	col->role = OBSFILE_ROLE_WIDE;
	for (i = 0; i < nseg; i++) {
		const char *s = cap[i].s;
		size_t n = cap[i].n;

		if (!seg[i].placeholder)
			continue;
		if (text_equal(seg[i].text, seg[i].len, "period")) {
			obsfile_parse_period(r, s, n, &col->w_period, &hint);
			period_format(&col->w_period, col->w_period_text);
			col->w_has_period = true;
		} else if (text_equal(seg[i].text, seg[i].len, "indicator")) {
			obsfile_map_apply(r, OBSFILE_SCOPE_INDICATOR, NULL, &s,
			    &n);
			col->w_indicator = xstrndup(s, n);
		} else if (text_equal(seg[i].text, seg[i].len, "region")) {
			obsfile_map_apply(r, OBSFILE_SCOPE_REGION, NULL, &s,
			    &n);
			col->w_region = xstrndup(s, n);
		} else {
			struct obsfile_pair *d = &col->w_dims[col->w_dim_count];
			const char *key = obsfile_wide_store(col, seg[i].text,
			    seg[i].len);

			obsfile_map_apply(r, OBSFILE_SCOPE_DIM, key, &s, &n);
			if (n == 0 || obsfile_map_total(r, s, n))
				continue;
			d->key = key;
			d->value = obsfile_wide_store(col, s, n);
			d->at = col->at;
			col->w_dim_count++;
		}
	}
	return 0;
}

/* The role an option gives a column by its name (--indicator-column ...),
 * or OBSFILE_ROLE__MAX. */
static enum obsfile_role
obsfile_wide_option_role(const struct obsfile_options *o, const char *name)
{
	if (o->indicator_column && strcmp(name, o->indicator_column) == 0)
		return OBSFILE_ROLE_INDICATOR;
	if (o->region_column && strcmp(name, o->region_column) == 0)
		return OBSFILE_ROLE_REGION;
	if (o->period_column && strcmp(name, o->period_column) == 0)
		return OBSFILE_ROLE_PERIOD;
	return OBSFILE_ROLE__MAX;
}

int
obsfile_wide_header(struct obsfile_reader *r, struct diag_list *diags)
{
	const struct obsfile_options *o = r->opt;
	struct obsfile_wide_segment seg[OBSFILE_WIDE_MAX_SEGMENTS];
	struct obsfile_pos top = { 1, 1 };
	size_t nseg = 0, i, c, values = 0;
	int bad = 0;

	if (o->value_pattern == NULL ||
	    obsfile_wide_pattern_parse(o->value_pattern, seg, &nseg) == -1) {
		obsfile_diag(diags, r, top, "a wide file needs --value-columns "
		    "PATTERN, e.g. '{region}{period}' or '{sector}'");
		return -1;
	}
	for (i = 0; i < nseg; i++) {
		if (!seg[i].placeholder)
			continue;
		char *k = xstrndup(seg[i].text, seg[i].len);
		bool ok = obsfile_options_key_valid(k);
		if ((text_equal(seg[i].text, seg[i].len, "indicator") &&
		    (o->indicator_column != NULL || o->indicator != NULL)) ||
		    (text_equal(seg[i].text, seg[i].len, "region") &&
		    (o->region_column != NULL || o->region != NULL)) ||
		    (text_equal(seg[i].text, seg[i].len, "period") &&
		    o->period_column != NULL))
			ok = false;
		if (!ok) {
			obsfile_diag(diags, r, top, "--value-columns: {%s} is "
			    "not a dimension key, or its part is also given by "
			    "another option", k);
			bad = 1;
		}
		free(k);
	}
	if (bad)
		return -1;
	for (c = 0; c < r->ncols; c++) {
		struct obsfile_column *col = &r->cols[c];
		enum obsfile_role role = obsfile_wide_option_role(o, col->name);
		const char *key;

		if (role != OBSFILE_ROLE__MAX)
			bad |= obsfile_header_set_role(r, c, role, diags);
		else if ((key = obsfile_header_dim_key(o->dim_columns,
		    o->dim_column_count, col->name)) != NULL)
			bad |= obsfile_header_add_dim(r, c, key, diags);
		else if (obsfile_header_in_list(o->ignore_columns,
		    o->ignore_count, col->name))
			col->role = OBSFILE_ROLE_IGNORE;
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
