/* Gathering the dashboard (see dashboard.h). The assessment is app/assess's,
 * the same call `wiall assess` makes, so that the pages, the API and the
 * command line never disagree; what is added here is only what a page shows
 * beside it: the stored observations with their revisions and the reference
 * region's annual values for the chart. */
#include "app/dashboard.h"

#include <stdlib.h>
#include <string.h>

#include "store/batches.h"
#include "store/catalog.h"
#include "store/observations.h"
#include "util/xalloc.h"

const struct assess_options dashboard_assess_options = {
	.methods = ASSESS_METHODS_ALL,
};

struct dashboard_collect {
	struct arena			*arena;
	struct dashboard_observation	*obs;
	size_t				 count, capacity;
	long long			 series_id;
	struct error			*e;
};

static int
dashboard_collect_row(const struct observation_row *row, void *arg)
{
	struct dashboard_collect *c = arg;
	struct dashboard_observation *o;
	struct period p;

	if (period_parse(row->period, strlen(row->period), &p) == -1) {
		error_set(c->e, "stored period '%s' of %s in %s is not a period",
		    row->period, row->indicator, row->region);
		return 1;
	}
	c->obs = xgrow(c->obs, &c->capacity, c->count + 1, sizeof(*c->obs));
	o = &c->obs[c->count++];
	memset(o, 0, sizeof(*o));
	o->period = p;
	o->has_value = row->has_value;
	o->value = row->value;
	o->flag = arena_strdup(c->arena, row->flag != NULL ? row->flag : "");
	c->series_id = row->series_id;
	return 0;
}

struct dashboard_revisions {
	struct arena			*arena;
	struct dashboard_revision	*list;
	struct period			*periods;
	size_t				 count, capacity, period_capacity;
};

static int
dashboard_revision_row(const struct revision_row *row, void *arg)
{
	struct dashboard_revisions *r = arg;
	struct dashboard_revision *v;
	struct period p;

	if (period_parse(row->period, strlen(row->period), &p) == -1)
		return 0;	/* the observation's own period was checked */
	r->list = xgrow(r->list, &r->capacity, r->count + 1, sizeof(*r->list));
	r->periods = xgrow(r->periods, &r->period_capacity, r->count + 1,
	    sizeof(*r->periods));
	v = &r->list[r->count];
	r->periods[r->count++] = p;
	v->had_value = row->had_value;
	v->old_value = row->old_value;
	v->old_flag = arena_strdup(r->arena, row->old_flag != NULL ?
	    row->old_flag : "");
	v->has_value = row->has_value;
	v->new_value = row->new_value;
	v->new_flag = arena_strdup(r->arena, row->new_flag != NULL ?
	    row->new_flag : "");
	v->batch_time = arena_strdup(r->arena, row->batch_time != NULL ?
	    row->batch_time : "");
	v->batch_file = arena_strdup(r->arena, row->batch_file != NULL ?
	    row->batch_file : "");
	return 0;
}

static int
dashboard_observation_cmp(const void *a, const void *b)
{
	return period_compare(&((const struct dashboard_observation *)a)->period,
	    &((const struct dashboard_observation *)b)->period);
}

/* Hands each observation its revisions (the store lists them by period,
 * oldest first), copied into the arena. */
static void
dashboard_attach_revisions(struct arena *a, struct dashboard_series *s,
    const struct dashboard_revisions *r)
{
	size_t i, j, n;

	for (i = 0; i < s->count; i++) {
		struct dashboard_observation *o = &s->obs[i];
		struct dashboard_revision *copy;

		for (j = 0, n = 0; j < r->count; j++)
			if (period_compare(&r->periods[j], &o->period) == 0)
				n++;
		if (n == 0)
			continue;
		copy = arena_alloc(a, n * sizeof(*copy));
		for (j = 0, n = 0; j < r->count; j++)
			if (period_compare(&r->periods[j], &o->period) == 0)
				copy[n++] = r->list[j];
		o->revisions = copy;
		o->revision_count = n;
		s->revision_count += n;
	}
}

/* The total series (dims "") of an indicator in a region: observations in
 * period order with their revisions, and the annual values. */
static int
dashboard_series_load(struct db *db, struct dashboard *d,
    const struct indicator *ind, const struct region *region,
    struct dashboard_series *s, struct error *e)
{
	struct observations_query q = { 0 };
	struct dashboard_collect c = { &d->arena, NULL, 0, 0, 0, e };
	struct dashboard_revisions r = { &d->arena, NULL, NULL, 0, 0, 0 };
	struct assess_observation *in;
	struct assess_region_series series;
	size_t i, with_value;
	int rc = -1;

	memset(s, 0, sizeof(*s));
	if (region == NULL)
		return 0;
	s->region = region;
	q.indicator = ind->code;
	q.region = region->code;
	q.dims = "";
	if (observations_query(db, &q, dashboard_collect_row, &c, e) != 0)
		goto done;
	s->count = c.count;
	s->obs = arena_alloc(&d->arena, (c.count + 1) * sizeof(*s->obs));
	if (c.count > 0) {
		memcpy(s->obs, c.obs, c.count * sizeof(*s->obs));
		qsort(s->obs, s->count, sizeof(*s->obs), dashboard_observation_cmp);
	}
	if (c.count > 0 && observations_revisions(db, c.series_id,
	    dashboard_revision_row, &r, e) != 0)
		goto done;
	dashboard_attach_revisions(&d->arena, s, &r);
	in = arena_alloc(&d->arena, (s->count + 1) * sizeof(*in));
	for (i = 0; i < s->count; i++) {
		in[i].period = s->obs[i].period;
		in[i].has_value = s->obs[i].has_value;
		in[i].value = s->obs[i].value;
		in[i].flag = s->obs[i].flag;
	}
	series.region = region->code;
	series.obs = in;
	series.count = s->count;
	rc = assess_annual_build(&d->arena, &series, ind->annual, &s->annual,
	    &with_value, e);
done:
	free(c.obs);
	free(r.list);
	free(r.periods);
	return rc;
}

/* The region the chart and the table compare with: the indicator's
 * reference region, else the one its first current reference target names;
 * never the city itself. */
static const struct region *
dashboard_reference_region(const struct dashboard *d,
    const struct indicator *ind)
{
	const struct region *r = NULL;
	size_t i;

	if (ind->reference_region != NULL)
		r = model_find_region_any(&d->catalog, ind->reference_region);
	for (i = 0; r == NULL && i < ind->target_count; i++)
		if (ind->targets[i].valid_to == NULL &&
		    ind->targets[i].kind == MODEL_TARGET_REFERENCE &&
		    ind->targets[i].reference_region != NULL)
			r = model_find_region_any(&d->catalog,
			    ind->targets[i].reference_region);
	return r != d->home ? r : NULL;
}

static int
dashboard_updated(const struct batch_row *row, void *arg)
{
	char *out = arg;

	if (row->created_at != NULL && strcmp(row->created_at, out) > 0)
		snprintf(out, 32, "%s", row->created_at);
	return 0;
}

int
dashboard_load(struct db *db, const char *only, const char *region,
    struct dashboard *d, struct error *e)
{
	struct error ignored;
	char *meta;
	size_t i, n;

	memset(d, 0, sizeof(*d));
	model_catalog_init(&d->catalog);
	arena_init(&d->arena);
	if (store_catalog_goal_tree(db, &d->catalog, &d->tree, e) == -1)
		goto fail;
	if (region != NULL) {
		d->home = model_find_region_any(&d->catalog, region);
		if (d->home == NULL) {
			error_set(e, "unknown region '%s'", region);
			goto fail;
		}
	} else if (assess_home_region(db, &d->catalog, &d->home,
	    &ignored) == -1) {
		d->home = NULL;	/* no city: the pages say there are no values */
	}
	n = d->catalog.indicator_count;
	d->indicators = xcalloc(n + 1, sizeof(*d->indicators));
	d->results = xcalloc(n + 1, sizeof(*d->results));
	for (i = 0; i < n; i++)
		assess_result_init(&d->results[i]);
	for (i = 0; i < n; i++) {
		struct dashboard_indicator *di = &d->indicators[i];
		const struct indicator *ind = &d->catalog.indicators[i];

		di->indicator = ind;
		if (only != NULL && strcmp(only, ind->code) != 0)
			continue;
		if (d->home == NULL)
			continue;
		if (assess_indicator(db, &d->catalog, ind->code, d->home->code,
		    &dashboard_assess_options, &d->results[i], e) == -1)
			goto fail;
		di->result = &d->results[i];
		if (only != NULL && (dashboard_series_load(db, d, ind, d->home,
		    &di->home, e) == -1 || dashboard_series_load(db, d, ind,
		    dashboard_reference_region(d, ind), &di->reference, e) == -1))
			goto fail;
	}
	meta = db_meta_get(db, "catalog_updated");
	if (meta != NULL) {
		snprintf(d->updated, sizeof(d->updated), "%s", meta);
		free(meta);
	}
	if (batches_list(db, dashboard_updated, d->updated, e) == -1)
		goto fail;
	return 0;
fail:
	dashboard_free(d);
	return -1;
}

void
dashboard_free(struct dashboard *d)
{
	size_t i;

	if (d->results != NULL)
		for (i = 0; i < d->catalog.indicator_count; i++)
			assess_result_free(&d->results[i]);
	free(d->results);
	free(d->indicators);
	arena_free(&d->arena);
	model_catalog_free(&d->catalog);
	memset(d, 0, sizeof(*d));
}

struct dashboard_indicator *
dashboard_find(struct dashboard *d, const char *code)
{
	size_t i;

	for (i = 0; i < d->catalog.indicator_count; i++)
		if (strcmp(d->catalog.indicators[i].code, code) == 0)
			return &d->indicators[i];
	return NULL;
}

const struct explain *
dashboard_verdict(const struct dashboard_indicator *di)
{
	return di->result != NULL ? assess_primary(di->result) : NULL;
}

bool
dashboard_assessed(const struct dashboard_indicator *di)
{
	const struct explain *x = dashboard_verdict(di);

	return x != NULL && x->status == EXPLAIN_ASSESSED &&
	    x->verdict != EXPLAIN_VERDICT_NONE;
}
