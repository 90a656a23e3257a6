/* The observation writers. Numbers are written in the shortest form that
 * reads back to the same double (util/text.h), with a decimal point, so a
 * value survives any number of round trips unchanged. */
#include "io/obswrite.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv.h"
#include "util/text.h"
#include "util/xalloc.h"

const char *const obswrite_format_names[OBSWRITE_FORMAT__MAX] = {
	"csv", "sdmx"
};

struct obswrite {
	FILE			*fp;
	enum obswrite_format	 format;
	char			**keys;
	size_t			 key_count;
};

static void
obswrite_field(struct obswrite *w, const char *s, bool first)
{
	if (!first)
		putc(',', w->fp);
	csv_write_field(w->fp, s, strlen(s), ',');
}

struct obswrite *
obswrite_begin(FILE *fp, enum obswrite_format format,
    const char *const *dim_keys, size_t dim_count)
{
	struct obswrite *w = xcalloc(1, sizeof(*w));
	size_t i;

	w->fp = fp;
	w->format = format;
	w->key_count = dim_count;
	w->keys = xcalloc(dim_count + 1, sizeof(*w->keys));
	for (i = 0; i < dim_count; i++)
		w->keys[i] = xstrdup(dim_keys[i]);
	if (format == OBSWRITE_SDMX)
		fputs("DATAFLOW,INDICATOR,REF_AREA", fp);
	else
		fputs("indicator,region", fp);
	for (i = 0; i < dim_count; i++) {
		char *name = xstrdup(dim_keys[i]), *p;
		if (format == OBSWRITE_SDMX)
			for (p = name; *p != '\0'; p++)
				*p = (char)toupper((unsigned char)*p);
		obswrite_field(w, name, false);
		free(name);
	}
	if (format == OBSWRITE_SDMX)
		fputs(",TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE,"
		    "SOURCE_DETAIL,COMMENT_OBS\n", fp);
	else
		fputs(",period,value,flag,unit,source,note\n", fp);
	return w;
}

/* The value of `key` in canonical dims "k=v;k=v", or NULL. */
static const char *
obswrite_dim(const char *dims, const char *key, size_t *len)
{
	size_t klen = strlen(key);
	const char *p = dims;

	while (*p != '\0') {
		const char *end = strchr(p, ';');
		size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
		if (n > klen && memcmp(p, key, klen) == 0 && p[klen] == '=') {
			*len = n - klen - 1;
			return p + klen + 1;
		}
		p += n;
		if (*p == ';')
			p++;
	}
	return NULL;
}

void
obswrite_record(struct obswrite *w, const struct obsfile_record *rec)
{
	char num[64];
	size_t i;

	if (w->format == OBSWRITE_SDMX) {
		fputs(OBSWRITE_DATAFLOW, w->fp);
		obswrite_field(w, rec->indicator, false);
	} else
		obswrite_field(w, rec->indicator, true);
	obswrite_field(w, rec->region, false);
	for (i = 0; i < w->key_count; i++) {
		size_t n = 0;
		const char *v = obswrite_dim(rec->dims, w->keys[i], &n);
		putc(',', w->fp);
		if (v != NULL)
			csv_write_field(w->fp, v, n, ',');
	}
	obswrite_field(w, rec->period, false);
	if (rec->has_value)
		text_format_double(rec->value, num, sizeof(num));
	else
		num[0] = '\0';
	obswrite_field(w, num, false);
	obswrite_field(w, rec->flag, false);
	obswrite_field(w, rec->unit, false);
	obswrite_field(w, rec->source, false);
	obswrite_field(w, rec->note, false);
	putc('\n', w->fp);
}

int
obswrite_end(struct obswrite *w)
{
	size_t i;
	int rc;

	rc = ferror(w->fp) || fflush(w->fp) != 0 ? -1 : 0;
	for (i = 0; i < w->key_count; i++)
		free(w->keys[i]);
	free(w->keys);
	free(w);
	return rc;
}
