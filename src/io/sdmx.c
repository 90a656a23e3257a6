/* SDMX-CSV: the mapping file and SDMX's time and status conventions.
 *
 * A mapping file is a few lines, one directive each, so that a user can
 * write one for a Eurostat or Destatis download in a minute:
 *
 *	# Eurostat nama_10r_3empers (persons employed by NACE group)
 *	indicator	employment
 *	region-column	geo
 *	dimension	sector	nace_r2
 *	ignore		freq unit "LAST UPDATE"
 *	keep		unit THS
 *	map		nace_r2 B-E B-E
 *	map		nace_r2 TOTAL ""
 *	map		geo DEA31 05512000
 *
 * Tokens are separated by blanks; "double quotes" hold blanks or nothing. */
#include "io/sdmx.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "io/obsfile_internal.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/period.h"
#include "util/text.h"
#include "util/xalloc.h"

#define SDMX_MAX_TOKENS 64
#define SDMX_MAX_LINE	65536

struct sdmx_token {
	char	*text;
	long	 column;
};

void
sdmx_mapping_free(struct sdmx_mapping *m)
{
	size_t i, k;

	if (m == NULL)
		return;
	free(m->file);
	free(m->indicator);
	free(m->indicator_column);
	free(m->region_column);
	free(m->flag_column);
	free(m->unit);
	free(m->unit_column);
	free(m->source);
	free(m->source_column);
	free(m->note_column);
	obsfile_options_free_dims(m->dims, m->dim_count);
	obsfile_options_free_strings(m->ignore, m->ignore_count);
	obsfile_options_free_maps(m->maps, m->map_count);
	for (i = 0; i < m->keep_count; i++) {
		free(m->keeps[i].column);
		for (k = 0; k < m->keeps[i].count; k++)
			free(m->keeps[i].values[k]);
		free(m->keeps[i].values);
	}
	free(m->keeps);
	free(m);
}

/* Splits a line into tokens; returns their number or -1 (then *bad_col). */
static int
sdmx_tokens(const char *line, size_t len, struct sdmx_token *tok, long *bad_col,
    const char **why)
{
	struct buf b = BUF_INIT;
	size_t i = 0;
	int n = 0;

	while (i < len) {
		long col;
		if (line[i] == ' ' || line[i] == '\t') {
			i++;
			continue;
		}
		if (line[i] == '#')
			break;
		col = (long)text_utf8_chars(line, i) + 1;
		if (n == SDMX_MAX_TOKENS) {
			*bad_col = col;
			*why = "too many words on one line";
			goto fail;
		}
		buf_reset(&b);
		if (line[i] == '"') {
			i++;
			for (;;) {
				if (i >= len) {
					*bad_col = col;
					*why = "quote is never closed";
					goto fail;
				}
				if (line[i] == '"') {
					if (i + 1 < len && line[i + 1] == '"') {
						buf_putc(&b, '"');
						i += 2;
						continue;
					}
					i++;
					break;
				}
				buf_putc(&b, line[i++]);
			}
		} else
			while (i < len && line[i] != ' ' && line[i] != '\t')
				buf_putc(&b, line[i++]);
		tok[n].text = xstrdup(buf_cstr(&b));
		tok[n].column = col;
		n++;
	}
	buf_free(&b);
	return n;
fail:
	buf_free(&b);
	while (n > 0)
		free(tok[--n].text);
	return -1;
}

static void
sdmx_set_once(char **field, struct sdmx_token *tok, const char *name,
    const char *file, long line, struct diag_list *diags, int *bad)
{
	if (*field != NULL) {
		diag_add(diags, file, line, tok->column, "`%s` is given twice",
		    name);
		*bad = 1;
		return;
	}
	*field = xstrdup(tok->text);
}

static void
sdmx_directive(struct sdmx_mapping *m, struct sdmx_token *t, int n,
    const char *file, long line, struct diag_list *diags, int *bad)
{
	static const struct {
		const char	*name;
		size_t		 offset;
	} single[] = {
		{ "indicator", offsetof(struct sdmx_mapping, indicator) },
		{ "indicator-column", offsetof(struct sdmx_mapping, indicator_column) },
		{ "region-column", offsetof(struct sdmx_mapping, region_column) },
		{ "flag-column", offsetof(struct sdmx_mapping, flag_column) },
		{ "unit", offsetof(struct sdmx_mapping, unit) },
		{ "unit-column", offsetof(struct sdmx_mapping, unit_column) },
		{ "source", offsetof(struct sdmx_mapping, source) },
		{ "source-column", offsetof(struct sdmx_mapping, source_column) },
		{ "note-column", offsetof(struct sdmx_mapping, note_column) },
	};
	const char *d = t[0].text;
	size_t i, cap;
	int k;

	for (i = 0; i < sizeof(single) / sizeof(single[0]); i++) {
		if (strcmp(d, single[i].name) != 0)
			continue;
		if (n != 2) {
			diag_add(diags, file, line, t[0].column, "`%s` takes one "
			    "word (quote it if it has blanks)", d);
			*bad = 1;
			return;
		}
		sdmx_set_once((char **)((char *)m + single[i].offset), &t[1], d,
		    file, line, diags, bad);
		return;
	}
	if (strcmp(d, "dimension") == 0) {
		if (n != 3) {
			diag_add(diags, file, line, t[0].column, "write `dimension "
			    "KEY COLUMN`");
			*bad = 1;
			return;
		}
		if (!obsfile_options_key_valid(t[1].text)) {
			diag_add(diags, file, line, t[1].column, "'%s': a dimension "
			    "key is lower-case letters, digits and _", t[1].text);
			*bad = 1;
			return;
		}
		obsfile_options_append_dim(&m->dims, &m->dim_count,
		    xstrdup(t[2].text), xstrdup(t[1].text));
	} else if (strcmp(d, "ignore") == 0) {
		for (k = 1; k < n; k++)
			obsfile_options_append_string(&m->ignore,
			    &m->ignore_count, t[k].text);
	} else if (strcmp(d, "map") == 0) {
		if (n != 4) {
			diag_add(diags, file, line, t[0].column, "write `map COLUMN "
			    "FROM TO` (\"\" for nothing)");
			*bad = 1;
			return;
		}
		obsfile_options_append_map(&m->maps, &m->map_count,
		    OBSFILE_SCOPE_COLUMN, xstrdup(t[1].text), xstrdup(t[2].text),
		    xstrdup(t[3].text));
	} else if (strcmp(d, "keep") == 0) {
		struct sdmx_keep *kp;
		if (n < 3) {
			diag_add(diags, file, line, t[0].column, "write `keep COLUMN "
			    "VALUE...`");
			*bad = 1;
			return;
		}
		for (i = 0; i < m->keep_count; i++)
			if (strcmp(m->keeps[i].column, t[1].text) == 0) {
				diag_add(diags, file, line, t[1].column, "`keep %s` "
				    "is given twice", t[1].text);
				*bad = 1;
				return;
			}
		cap = m->keep_count;
		m->keeps = xgrow(m->keeps, &cap, m->keep_count + 1,
		    sizeof(*m->keeps));
		kp = &m->keeps[m->keep_count++];
		kp->column = xstrdup(t[1].text);
		kp->count = (size_t)(n - 2);
		kp->values = xcalloc(kp->count, sizeof(*kp->values));
		for (k = 2; k < n; k++)
			kp->values[k - 2] = xstrdup(t[k].text);
	} else {
		diag_add(diags, file, line, t[0].column, "unknown directive '%s' "
		    "(indicator, indicator-column, region-column, dimension, "
		    "ignore, map, keep, flag-column, unit, unit-column, source, "
		    "source-column, note-column)", d);
		*bad = 1;
	}
}

int
sdmx_mapping_parse(FILE *fp, const char *name, struct sdmx_mapping **out,
    struct diag_list *diags)
{
	struct sdmx_mapping *m = xcalloc(1, sizeof(*m));
	struct sdmx_token tok[SDMX_MAX_TOKENS];
	char *line = NULL;
	size_t cap = 0, bad_at;
	ssize_t len;
	long lineno = 0;
	int bad = 0;

	*out = NULL;
	m->file = xstrdup(name);
	while ((len = getline(&line, &cap, fp)) != -1) {
		const char *why;
		long col;
		int n, i;

		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (len > SDMX_MAX_LINE) {
			diag_add(diags, name, lineno, 1, "line too long");
			bad = 1;
			break;
		}
		if (!text_utf8_valid(line, (size_t)len, &bad_at)) {
			diag_add(diags, name, lineno,
			    (long)text_utf8_chars(line, bad_at) + 1,
			    "invalid UTF-8");
			bad = 1;
			continue;
		}
		if (memchr(line, '\0', (size_t)len) != NULL) {
			diag_add(diags, name, lineno, 1, "NUL byte");
			bad = 1;
			continue;
		}
		n = sdmx_tokens(line, (size_t)len, tok, &col, &why);
		if (n < 0) {
			diag_add(diags, name, lineno, col, "%s", why);
			bad = 1;
			continue;
		}
		if (n > 0)
			sdmx_directive(m, tok, n, name, lineno, diags, &bad);
		for (i = 0; i < n; i++)
			free(tok[i].text);
	}
	free(line);
	if (bad) {
		sdmx_mapping_free(m);
		return -1;
	}
	*out = m;
	return 0;
}

int
sdmx_mapping_load(const char *path, struct sdmx_mapping **out,
    struct diag_list *diags)
{
	FILE *fp = fopen(path, "r");
	int rc;

	*out = NULL;
	if (fp == NULL) {
		diag_add(diags, path, 0, 0, "cannot open the mapping file: %s",
		    strerror(errno));
		return -1;
	}
	rc = sdmx_mapping_parse(fp, path, out, diags);
	fclose(fp);
	return rc;
}

int
sdmx_period_convert(const char *s, size_t n, char out[PERIOD_TEXT_MAX])
{
	char tmp[PERIOD_TEXT_MAX];
	struct period p;
	size_t i;

	if (n < 5 || n > 8)
		return -1;
	for (i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return -1;
	/* 2017-M06, 2017M06 */
	if ((n == 8 && s[4] == '-' && s[5] == 'M') || (n == 7 && s[4] == 'M')) {
		snprintf(tmp, sizeof(tmp), "%.4s-%.2s", s, s + n - 2);
	} else if (n == 6 && s[4] == 'Q') {	/* 2017Q2 */
		snprintf(tmp, sizeof(tmp), "%.4s-Q%c", s, s[5]);
	} else if ((n == 7 && memcmp(s + 4, "-A1", 3) == 0) ||
	    (n == 5 && s[4] == 'A')) {		/* 2017-A1, 2017A */
		snprintf(tmp, sizeof(tmp), "%.4s", s);
	} else
		return -1;
	if (period_parse(tmp, strlen(tmp), &p) == -1)
		return -1;
	period_format(&p, out);
	return 0;
}

/* SDMX code list CL_OBS_STATUS (version 2.2) → wiall's flag letters. */
const char *
sdmx_status_flag(const char *code, size_t n)
{
	static const struct {
		char		 code;
		const char	*flag;
	} table[] = {
		{ 'A', "" },	/* normal value */
		{ 'B', "b" },	/* time series break */
		{ 'D', "d" },	/* definition differs */
		{ 'E', "e" },	/* estimated value */
		{ 'F', "f" },	/* forecast value */
		{ 'I', "e" },	/* imputed value (by the receiver) */
		{ 'K', "m" },	/* data included in another category */
		{ 'L', "m" },	/* missing: data exist but were not collected */
		{ 'M', "m" },	/* missing: data cannot exist */
		{ 'N', "n" },	/* not significant */
		{ 'O', "m" },	/* missing value */
		{ 'P', "p" },	/* provisional value */
		{ 'Q', "c" },	/* missing: suppressed (confidential) */
		{ 'U', "u" },	/* low reliability */
		{ 'V', "" },	/* unvalidated value */
	};
	size_t i;

	if (n != 1)
		return NULL;
	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (table[i].code == code[0])
			return table[i].flag;
	return NULL;
}
