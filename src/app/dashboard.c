/* Gathering the dashboard (see dashboard.h). The city is the catalogue's
 * first region: catalogues list their own city first (data/catalog). Only
 * annual values are read; sub-annual series wait for the annualisation of
 * METHODS §1 (the assessment would say EXPLAIN_REASON_NOT_ANNUAL anyway). */
#include "app/dashboard.h"

#include <stdlib.h>
#include <string.h>

#include "core/assess_dns.h"
#include "core/series.h"
#include "core/target.h"
#include "store/batches.h"
#include "store/catalog.h"
#include "store/observations.h"
#include "util/xalloc.h"

const char *const dashboard_change_names[DASHBOARD_CHANGE__MAX] = {
	"unknown", "up", "down", "flat"
};

struct dashboard_collect {
	struct dashboard_series	*s;
	struct catalog		*owner;
	size_t			 cap;
};

static unsigned
dashboard_flags(const char *flag)
{
	unsigned f = 0;

	if (flag == NULL)
		return 0;
	if (strchr(flag, 'b') != NULL)
		f |= SERIES_FLAG_BREAK;
	if (strchr(flag, 'p') != NULL)
		f |= SERIES_FLAG_PROVISIONAL;
	if (strchr(flag, 'e') != NULL || strchr(flag, 's') != NULL)
		f |= SERIES_FLAG_ESTIMATED;
	return f;
}

static int
dashboard_collect_row(const struct observation_row *row, void *arg)
{
	struct dashboard_collect *c = arg;
	struct dashboard_series *s = c->s;
	struct period p;

	if (!row->has_value || period_parse(row->period, strlen(row->period),
	    &p) == -1 || p.kind != PERIOD_YEAR)
		return 0;
	if (s->count == c->cap) {
		c->cap = c->cap == 0 ? 16 : c->cap * 2;
		s->periods = xrealloc(s->periods, c->cap * sizeof(*s->periods));
		s->values = xrealloc(s->values, c->cap * sizeof(*s->values));
		s->flags = xrealloc(s->flags, c->cap * sizeof(*s->flags));
		s->flag_texts = xrealloc(s->flag_texts, c->cap *
		    sizeof(*s->flag_texts));
	}
	s->periods[s->count] = p;
	s->values[s->count] = row->value;
	s->flags[s->count] = dashboard_flags(row->flag);
	s->flag_texts[s->count] = model_strdup(c->owner,
	    row->flag != NULL ? row->flag : "");
	s->count++;
	return 0;
}

static int
dashboard_series_load(struct db *db, struct catalog *owner,
    const char *indicator, const struct region *region,
    struct dashboard_series *s, struct error *e)
{
	struct observations_query q;
	struct dashboard_collect c = { s, owner, 0 };

	memset(s, 0, sizeof(*s));
	if (region == NULL)
		return 0;
	s->region = region;
	memset(&q, 0, sizeof(q));
	q.indicator = indicator;
	q.region = region->code;
	q.dims = "";
	return observations_query(db, &q, dashboard_collect_row, &c, e) == -1 ?
	    -1 : 0;
}

static void
dashboard_series_free(struct dashboard_series *s)
{
	free(s->periods);
	free(s->values);
	free(s->flags);
	free(s->flag_texts);
}

bool
dashboard_latest(const struct dashboard_series *s, double *value,
    const struct period **period)
{
	if (s->count == 0)
		return false;
	*value = s->values[s->count - 1];
	if (period != NULL)
		*period = &s->periods[s->count - 1];
	return true;
}

/* The first current target by code: the catalogue sorts targets by code. */
static const struct target_version *
dashboard_current_target(const struct indicator *ind)
{
	size_t i;

	for (i = 0; i < ind->target_count; i++)
		if (ind->targets[i].valid_to == NULL)
			return &ind->targets[i];
	return NULL;
}

/* The catalogue's target as the DNS method reads it (core/target.h). */
static void
dashboard_assess(struct dashboard_indicator *di)
{
	const struct indicator *ind = di->indicator;
	const struct target_version *tv = di->target;
	struct series s = { di->home.periods, di->home.values, di->home.flags,
	    di->home.count };
	struct series ref = { di->reference.periods, di->reference.values,
	    di->reference.flags, di->reference.count };
	struct target t;

	memset(&t, 0, sizeof(t));
	t.polarity = ind->polarity;
	if (tv == NULL) {
		explain_init(&di->weather, EXPLAIN_METHOD_DNS, ASSESS_DNS_VERSION);
		di->status = explain_fail(&di->weather, EXPLAIN_REASON_NO_TARGET);
		return;
	}
	switch (tv->kind) {
	case MODEL_TARGET_VALUE:
		t = target_by_year(ind->polarity, tv->value, tv->year);
		break;
	case MODEL_TARGET_INTERVAL:
		t.kind = tv->year != 0 ? TARGET_BY_YEAR : TARGET_EVERY_YEAR;
		t.low = tv->low;
		t.high = tv->high;
		t.year = tv->year;
		break;
	case MODEL_TARGET_EVERY_YEAR:
		t = target_every_year(ind->polarity, tv->value);
		break;
	case MODEL_TARGET_DIRECTION:
		t = target_direction(ind->polarity);
		break;
	case MODEL_TARGET_REFERENCE:
		t = target_relative(ind->polarity, ref.count > 0 ? &ref : NULL);
		break;
	default:
		break;
	}
	di->status = assess_dns_weather(&s, &t, &di->weather);
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
dashboard_load(struct db *db, const char *only, struct dashboard *d,
    struct error *e)
{
	char *meta;
	size_t i;

	memset(d, 0, sizeof(*d));
	model_catalog_init(&d->catalog);
	if (store_catalog_goal_tree(db, &d->catalog, &d->tree, e) == -1)
		goto fail;
	d->home = d->catalog.region_count > 0 ? &d->catalog.regions[0] : NULL;
	d->indicators = xcalloc(d->catalog.indicator_count + 1,
	    sizeof(*d->indicators));
	for (i = 0; i < d->catalog.indicator_count; i++) {
		struct dashboard_indicator *di = &d->indicators[i];
		const struct indicator *ind = &d->catalog.indicators[i];
		const struct region *ref = ind->reference_region != NULL ?
		    model_find_region_any(&d->catalog, ind->reference_region) :
		    NULL;

		di->indicator = ind;
		di->target = dashboard_current_target(ind);
		if (only != NULL && strcmp(only, ind->code) != 0)
			continue;
		if (dashboard_series_load(db, &d->catalog, ind->code, d->home,
		    &di->home, e) == -1 ||
		    dashboard_series_load(db, &d->catalog, ind->code,
		    ref != d->home ? ref : NULL, &di->reference, e) == -1)
			goto fail;
		di->change = DASHBOARD_CHANGE_UNKNOWN;
		if (di->home.count >= 2) {
			double a = di->home.values[di->home.count - 2];
			double b = di->home.values[di->home.count - 1];
			di->change = b > a ? DASHBOARD_CHANGE_UP : b < a ?
			    DASHBOARD_CHANGE_DOWN : DASHBOARD_CHANGE_FLAT;
		}
		dashboard_assess(di);
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

	if (d->indicators != NULL)
		for (i = 0; i < d->catalog.indicator_count; i++) {
			dashboard_series_free(&d->indicators[i].home);
			dashboard_series_free(&d->indicators[i].reference);
		}
	free(d->indicators);
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
