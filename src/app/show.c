/* Show: the catalogue read whole (for region names and goal titles), then the
 * indicator's observations in one query and each series' revisions. */
#include "app/show.h"

#include <stdlib.h>
#include <string.h>

#include "store/catalog.h"
#include "store/observations.h"

struct show_collect {
	struct show	*s;
	size_t		 series_cap, obs_cap;
	long long	 last_series;
	struct error	*e;
};

static struct show_series *
show_add_series(struct show_collect *c, const struct region *r,
    const char *dims)
{
	struct show *s = c->s;

	if (s->series_count == c->series_cap) {
		size_t cap = c->series_cap == 0 ? 16 : c->series_cap * 2;
		struct show_series *bigger = arena_alloc(&s->catalog.arena,
		    cap * sizeof(*bigger));
		if (s->series_count > 0)
			memcpy(bigger, s->series,
			    s->series_count * sizeof(*bigger));
		s->series = bigger;
		c->series_cap = cap;
	}
	s->series[s->series_count].region = r;
	s->series[s->series_count].dims = arena_strdup(&s->catalog.arena, dims);
	c->obs_cap = 0;
	return &s->series[s->series_count++];
}

static int
show_collect_row(const struct observation_row *row, void *arg)
{
	struct show_collect *c = arg;
	struct show *s = c->s;
	struct arena *a = &s->catalog.arena;
	struct show_series *ser;
	struct show_observation *o;

	if (row->series_id != c->last_series) {
		const struct region *r = model_find_region(&s->catalog,
		    row->region);
		if (r == NULL)
			return 0;	/* cannot be: series refer to it by id */
		show_add_series(c, r, row->dims)->id = row->series_id;
		c->last_series = row->series_id;
	}
	ser = &s->series[s->series_count - 1];
	if (ser->observation_count == c->obs_cap) {
		size_t cap = c->obs_cap == 0 ? 32 : c->obs_cap * 2;
		struct show_observation *bigger = arena_alloc(a,
		    cap * sizeof(*bigger));
		if (ser->observation_count > 0)
			memcpy(bigger, ser->observations,
			    ser->observation_count * sizeof(*bigger));
		ser->observations = bigger;
		c->obs_cap = cap;
	}
	o = &ser->observations[ser->observation_count++];
	o->period = arena_strdup(a, row->period);
	o->has_value = row->has_value;
	o->value = row->value;
	o->flag = arena_strdup(a, row->flag);
	o->source = arena_strdup(a, row->source);
	return 0;
}

struct show_revisions {
	struct show		*s;
	struct show_series	*ser;
	size_t			 cap;
};

static int
show_collect_revision(const struct revision_row *row, void *arg)
{
	struct show_revisions *c = arg;
	struct arena *a = &c->s->catalog.arena;
	struct show_series *ser = c->ser;
	struct show_revision *r;

	if (ser->revision_count == c->cap) {
		size_t cap = c->cap == 0 ? 8 : c->cap * 2;
		struct show_revision *bigger = arena_alloc(a,
		    cap * sizeof(*bigger));
		if (ser->revision_count > 0)
			memcpy(bigger, ser->revisions,
			    ser->revision_count * sizeof(*bigger));
		ser->revisions = bigger;
		c->cap = cap;
	}
	r = &ser->revisions[ser->revision_count++];
	r->period = arena_strdup(a, row->period);
	r->had_value = row->had_value;
	r->old_value = row->old_value;
	r->old_flag = arena_strdup(a, row->old_flag);
	r->has_value = row->has_value;
	r->new_value = row->new_value;
	r->new_flag = arena_strdup(a, row->new_flag);
	r->old_batch = row->old_batch_id;
	r->batch = row->batch_id;
	r->batch_file = arena_strdup(a, row->batch_file);
	r->batch_time = arena_strdup(a, row->batch_time);
	return 0;
}

static int
show_period_cmp(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	struct period p, q;

	if (period_parse(x, strlen(x), &p) == -1 ||
	    period_parse(y, strlen(y), &q) == -1)
		return strcmp(x, y);
	return period_compare(&p, &q);
}

static int
show_observation_cmp(const void *a, const void *b)
{
	const struct show_observation *x = a, *y = b;

	return show_period_cmp(&x->period, &y->period);
}

/* Series in the catalogue's region order (the store orders by code), the
 * total before the sectors of a region. */
static int
show_series_cmp(const void *a, const void *b)
{
	const struct show_series *x = a, *y = b;

	if (x->region != y->region)
		return x->region < y->region ? -1 : 1;
	return strcmp(x->dims, y->dims);
}

/* The union of the series' periods, sorted in time. */
static void
show_periods(struct show *s)
{
	size_t i, k, n = 0, total = 0;
	const char **all;

	for (i = 0; i < s->series_count; i++)
		total += s->series[i].observation_count;
	all = arena_alloc(&s->catalog.arena, (total + 1) * sizeof(*all));
	for (i = 0; i < s->series_count; i++)
		for (k = 0; k < s->series[i].observation_count; k++)
			all[n++] = s->series[i].observations[k].period;
	if (n > 1)
		qsort(all, n, sizeof(*all), show_period_cmp);
	s->periods = all;
	s->period_count = 0;
	for (i = 0; i < n; i++)
		if (s->period_count == 0 ||
		    strcmp(all[s->period_count - 1], all[i]) != 0)
			all[s->period_count++] = all[i];
}

enum show_status
show_build(struct db *db, const char *code, const char *region,
    struct show *out, struct error *e)
{
	struct observations_query q = { 0 };
	struct show_collect c = { out, 0, 0, 0, e };
	size_t i;

	memset(out, 0, sizeof(*out));
	model_catalog_init(&out->catalog);
	if (store_catalog_load(db, &out->catalog, e) == -1)
		return SHOW_FAILED;
	out->indicator = model_find_indicator(&out->catalog, code);
	if (out->indicator == NULL) {
		error_set(e, "unknown indicator '%s'", code);
		return SHOW_UNKNOWN;
	}
	if (region != NULL) {
		out->region = model_find_region_any(&out->catalog, region);
		if (out->region == NULL) {
			error_set(e, "unknown region '%s' (neither a code nor "
			    "an alias in the catalogue)", region);
			return SHOW_UNKNOWN;
		}
	}
	q.indicator = code;
	q.region = out->region != NULL ? out->region->code : NULL;
	if (observations_query(db, &q, show_collect_row, &c, e) == -1)
		return SHOW_FAILED;
	for (i = 0; i < out->series_count; i++) {
		struct show_series *ser = &out->series[i];
		struct show_revisions rc = { out, ser, 0 };

		if (ser->observation_count > 1)
			qsort(ser->observations, ser->observation_count,
			    sizeof(*ser->observations), show_observation_cmp);
		if (observations_revisions(db, ser->id, show_collect_revision,
		    &rc, e) == -1)
			return SHOW_FAILED;
	}
	if (out->series_count > 1)
		qsort(out->series, out->series_count, sizeof(*out->series),
		    show_series_cmp);
	show_periods(out);
	return SHOW_OK;
}

void
show_free(struct show *s)
{
	model_catalog_free(&s->catalog);
	memset(s, 0, sizeof(*s));
}
