/* Export: two passes over the store. The first collects the dimension keys
 * of the chosen series (the header needs a column for each), the second
 * streams the observations in the store's order through the writer. */
#include "app/export.h"

#include <stdlib.h>
#include <string.h>

#include "store/observations.h"
#include "util/period.h"
#include "util/xalloc.h"

struct export_keys {
	char	**keys;
	size_t	  count, cap;
};

static int
export_key_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
export_collect(const struct series_row *s, void *arg)
{
	struct export_keys *k = arg;
	const char *p = s->dims;

	while (*p != '\0') {
		const char *eq = strchr(p, '=');
		const char *end = strchr(p, ';');
		size_t n, i;

		if (eq == NULL)
			break;
		n = (size_t)(eq - p);
		for (i = 0; i < k->count; i++)
			if (strlen(k->keys[i]) == n && memcmp(k->keys[i], p, n) == 0)
				break;
		if (i == k->count) {
			k->keys = xgrow(k->keys, &k->cap, k->count + 1,
			    sizeof(*k->keys));
			k->keys[k->count++] = xstrndup(p, n);
		}
		if (end == NULL)
			break;
		p = end + 1;
	}
	return 0;
}

struct export_state {
	struct obswrite	*w;
	long		 rows;
};

static int
export_row(const struct observation_row *row, void *arg)
{
	struct export_state *s = arg;
	struct obsfile_record rec;

	memset(&rec, 0, sizeof(rec));
	rec.indicator = row->indicator;
	rec.region = row->region;
	rec.dims = row->dims;
	snprintf(rec.period, sizeof(rec.period), "%s", row->period);
	rec.has_value = row->has_value;
	rec.value = row->value;
	rec.flag = row->flag;
	rec.unit = row->unit;
	rec.source = row->source;
	rec.note = row->note;
	obswrite_record(s->w, &rec);
	s->rows++;
	return 0;
}

int
export_run(struct db *db, const struct export_options *o, FILE *out,
    long *rows, struct error *e)
{
	struct observations_query q = { 0 };
	struct export_keys keys = { NULL, 0, 0 };
	struct export_state s = { NULL, 0 };
	struct period p;
	long long id;
	size_t i;
	int rc, status = -1;

	*rows = 0;
	if (o->indicator != NULL) {
		if ((rc = observations_indicator_id(db, o->indicator, &id, e)) == -1)
			return -1;
		if (rc == 0)
			return error_set(e, "unknown indicator '%s'", o->indicator);
	}
	if (o->region != NULL) {
		if ((rc = observations_region_id(db, o->region, &id, e)) == -1)
			return -1;
		if (rc == 0)
			return error_set(e, "unknown region '%s'", o->region);
	}
	if (o->from != NULL && period_parse(o->from, strlen(o->from), &p) == -1)
		return error_set(e, "--from '%s': write 2017, 2017-Q2 or 2017-06",
		    o->from);
	if (o->to != NULL && period_parse(o->to, strlen(o->to), &p) == -1)
		return error_set(e, "--to '%s': write 2017, 2017-Q2 or 2017-06",
		    o->to);
	q.indicator = o->indicator;
	q.region = o->region;
	q.from = o->from;
	q.to = o->to;
	if (observations_series(db, &q, export_collect, &keys, e) != 0)
		goto done;
	if (keys.count > 1)
		qsort(keys.keys, keys.count, sizeof(*keys.keys), export_key_cmp);
	s.w = obswrite_begin(out, o->format, (const char *const *)keys.keys,
	    keys.count);
	if (observations_query(db, &q, export_row, &s, e) != 0)
		goto done;
	*rows = s.rows;
	status = 0;
done:
	if (s.w != NULL && obswrite_end(s.w) == -1 && status == 0)
		status = error_set(e, "write error");
	for (i = 0; i < keys.count; i++)
		free(keys.keys[i]);
	free(keys.keys);
	return status;
}
