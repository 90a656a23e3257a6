/* The economic-structure page's data (see structure_view.h). The span is the
 * whole data: a first report over every period tells which periods there are,
 * a second computes the span from the first to the last (shift-share and the
 * portfolio need --from/--to), exactly as `wiall structure --from P0 --to P1`
 * would, so that the page, the API and the command agree to the byte. */
#include "app/structure_view.h"

#include <stdlib.h>
#include <string.h>

#include "app/assess.h"
#include "store/catalog.h"
#include "store/observations.h"
#include "util/period.h"
#include "util/xalloc.h"

#define STRUCTURE_VIEW_KEY	"sector"

/* Series of one indicator: which regions have figures by sector. */
struct structure_view_scan {
	const struct catalog	*catalog;
	bool			*has;		/* per catalogue region */
	bool			 any;
};

static bool
structure_view_has_key(const char *dims, const char *key)
{
	size_t n = strlen(key);
	const char *p = dims;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, key, n) == 0 && p[n] == '=')
			return true;
		p = strchr(p, ';');
		if (p != NULL)
			p++;
	}
	return false;
}

static int
structure_view_scan_row(const struct series_row *row, void *arg)
{
	struct structure_view_scan *s = arg;
	size_t i;

	if (row->count == 0 || !structure_view_has_key(row->dims,
	    STRUCTURE_VIEW_KEY))
		return 0;
	s->any = true;
	for (i = 0; i < s->catalog->region_count; i++)
		if (s->catalog->regions[i].code != NULL &&
		    strcmp(s->catalog->regions[i].code, row->region) == 0)
			s->has[i] = true;
	return 0;
}

/* Fills has[] (one per catalogue region) for an indicator; returns 1 when
 * any region has figures by sector, 0 when none, -1 on an error. */
static int
structure_view_scan(struct db *db, const struct catalog *c,
    const char *indicator, bool *has, struct error *e)
{
	struct observations_query q;
	struct structure_view_scan s = { c, has, false };

	memset(has, 0, c->region_count * sizeof(*has));
	memset(&q, 0, sizeof(q));
	q.indicator = indicator;
	if (observations_series(db, &q, structure_view_scan_row, &s, e) == -1)
		return -1;
	return s.any ? 1 : 0;
}

/* True when region `outer` is a parent (at any depth) of `inner`. */
static bool
structure_view_contains(const struct catalog *c, const struct region *outer,
    const struct region *inner)
{
	const struct region *r = inner;
	size_t depth;

	for (depth = 0; depth < 32 && r != NULL && r->parent != NULL; depth++) {
		if (strcmp(r->parent, outer->code) == 0)
			return true;
		r = model_find_region(c, r->parent);
	}
	return false;
}

/* An indicator's regions: those with figures, not its reference, none that
 * contains another of them; and its default region. */
static void
structure_view_regions(struct structure_view *v, const bool *has,
    struct structure_view_indicator *vi)
{
	const struct catalog *c = &v->catalog;
	const struct region *ref = vi->indicator->reference_region != NULL ?
	    model_find_region_any(c, vi->indicator->reference_region) : NULL;
	size_t i, j;

	vi->regions = xcalloc(c->region_count + 1, sizeof(*vi->regions));
	for (i = 0; i < c->region_count; i++) {
		const struct region *r = &c->regions[i];
		bool outer = false;

		if (!has[i] || r == ref)
			continue;
		for (j = 0; j < c->region_count && !outer; j++)
			outer = j != i && has[j] && &c->regions[j] != ref &&
			    structure_view_contains(c, r, &c->regions[j]);
		if (!outer)
			vi->regions[vi->region_count++] = r;
	}
	vi->default_region = vi->region_count > 0 ? vi->regions[0] : NULL;
	for (i = 0; i < vi->region_count; i++)
		if (vi->regions[i] == v->home)
			vi->default_region = v->home;
}

static enum structure_view_status
structure_view_fail(struct error *e, enum structure_view_status status,
    const char *fmt, const char *arg)
{
	error_set(e, fmt, arg);
	return status;
}

/* Lists the sector indicators with their regions and picks the asked one
 * (it must have a classification and figures by sector) or the first;
 * has[] gets the regions with figures of the one picked. */
static enum structure_view_status
structure_view_indicator(struct db *db, const struct structure_view_query *q,
    struct structure_view *v, bool *has, struct error *e)
{
	const struct catalog *c = &v->catalog;
	bool *scratch = xcalloc(c->region_count + 1, sizeof(*scratch));
	enum structure_view_status status = STRUCTURE_VIEW_ERROR;
	size_t i;
	int rc;

	v->indicators = xcalloc(c->indicator_count + 1, sizeof(*v->indicators));
	for (i = 0; i < c->indicator_count; i++) {
		const struct indicator *ind = &c->indicators[i];
		struct structure_view_indicator *vi;

		if (ind->classification == NULL)
			continue;
		rc = structure_view_scan(db, c, ind->code, scratch, e);
		if (rc == -1)
			goto done;
		if (rc == 0)
			continue;
		vi = &v->indicators[v->indicator_count];
		vi->indicator = ind;
		structure_view_regions(v, scratch, vi);
		if (vi->region_count == 0) {
			free(vi->regions);
			memset(vi, 0, sizeof(*vi));
			continue;
		}
		v->indicator_count++;
		if (v->indicator == NULL && (q->indicator == NULL ||
		    strcmp(q->indicator, ind->code) == 0)) {
			v->indicator = ind;
			v->shown = vi;
			memcpy(has, scratch, c->region_count * sizeof(*has));
		}
	}
	if (v->indicator != NULL)
		status = STRUCTURE_VIEW_OK;
	else if (q->indicator == NULL)
		status = structure_view_fail(e, STRUCTURE_VIEW_NO_DATA, "%s",
		    "no indicator of the catalogue has figures by sector for "
		    "a region besides its reference");
	else if (model_find_indicator(c, q->indicator) == NULL)
		status = structure_view_fail(e, STRUCTURE_VIEW_NOT_FOUND,
		    "no indicator '%s' in the catalogue", q->indicator);
	else
		status = structure_view_fail(e, STRUCTURE_VIEW_NOT_FOUND,
		    "the indicator '%s' has no sector classification or no "
		    "figures by sector", q->indicator);
done:
	free(scratch);
	return status;
}

static enum structure_view_status
structure_view_region(const struct structure_view_query *q,
    struct structure_view *v, const bool *has, struct error *e)
{
	const struct catalog *c = &v->catalog;
	const struct region *r;

	if (q->region != NULL) {
		r = model_find_region_any(c, q->region);
		if (r == NULL)
			return structure_view_fail(e, STRUCTURE_VIEW_NOT_FOUND,
			    "no region '%s' in the catalogue", q->region);
		if (!has[r - c->regions]) {
			error_set(e, "the region '%s' has no figures of %s by "
			    "sector", q->region, v->indicator->code);
			return STRUCTURE_VIEW_NOT_FOUND;
		}
		v->region = r;
	} else
		v->region = v->shown->default_region;
	if (q->reference != NULL &&
	    model_find_region_any(c, q->reference) == NULL)
		return structure_view_fail(e, STRUCTURE_VIEW_NOT_FOUND,
		    "no region '%s' in the catalogue", q->reference);
	return STRUCTURE_VIEW_OK;
}

/* A query period: well-formed (400) and one the data have (400, saying
 * which they cover). *out is the report's own text of it. */
static enum structure_view_status
structure_view_span_end(const struct app_structure_report *all,
    const char *what, const char *text, size_t *out, struct error *e)
{
	char canonical[PERIOD_TEXT_MAX];
	struct period p;
	size_t k;

	if (period_parse(text, strlen(text), &p) == -1) {
		error_set(e, "%s '%.40s' is not a period: write 2017, 2017-Q2 or "
		    "2017-06", what, text);
		return STRUCTURE_VIEW_BAD_QUERY;
	}
	period_format(&p, canonical);
	for (k = 0; k < all->period_count; k++)
		if (strcmp(all->periods[k], canonical) == 0) {
			*out = k;
			return STRUCTURE_VIEW_OK;
		}
	error_set(e, "%s %s: there are no figures for it (the data cover %s to "
	    "%s)", what, canonical, all->periods[0],
	    all->periods[all->period_count - 1]);
	return STRUCTURE_VIEW_BAD_QUERY;
}

enum structure_view_status
structure_view_load(struct db *db, const struct structure_view_query *q,
    struct structure_view *v, struct error *e)
{
	struct app_structure_report all;
	struct diag_list diags;
	enum structure_view_status status;
	bool *has = NULL, have_all = false;
	size_t from = 0, to = 0;

	memset(v, 0, sizeof(*v));
	model_catalog_init(&v->catalog);
	diag_list_init(&diags, 10);
	if (store_catalog_load(db, &v->catalog, e) == -1) {
		status = STRUCTURE_VIEW_ERROR;
		goto done;
	}
	if (v->catalog.region_count > 0 &&
	    assess_home_region(db, &v->catalog, &v->home, e) == -1)
		v->home = NULL;
	has = xcalloc(v->catalog.region_count + 1, sizeof(*has));
	if ((status = structure_view_indicator(db, q, v, has, e)) !=
	    STRUCTURE_VIEW_OK)
		goto done;
	v->classification = model_find_classification(&v->catalog,
	    v->indicator->classification);
	if ((status = structure_view_region(q, v, has, e)) != STRUCTURE_VIEW_OK)
		goto done;

	v->options.source = APP_STRUCTURE_DATABASE;
	v->options.indicator = v->indicator->code;
	v->options.region = v->region->code;
	v->options.reference = model_strdup(&v->catalog, q->reference);
	v->options.base = STRUCTURE_BASE_2;
	/* Every period first, for the span's ends. */
	have_all = true;
	if (app_structure_run(db, &v->options, &all, &diags, e) == -1) {
		status = STRUCTURE_VIEW_BAD_QUERY;
		goto done;
	}
	if (all.period_count == 0) {
		status = structure_view_fail(e, STRUCTURE_VIEW_NO_DATA, "%s",
		    "there are no periods with figures by sector");
		goto done;
	}
	to = all.period_count - 1;
	if ((q->from != NULL && (status = structure_view_span_end(&all, "from",
	    q->from, &from, e)) != STRUCTURE_VIEW_OK) ||
	    (q->to != NULL && (status = structure_view_span_end(&all, "to",
	    q->to, &to, e)) != STRUCTURE_VIEW_OK))
		goto done;
	if (from > to) {
		error_set(e, "from %s comes after to %s", all.periods[from],
		    all.periods[to]);
		status = STRUCTURE_VIEW_BAD_QUERY;
		goto done;
	}
	/* The strings must outlive `all`: they go into the view's catalogue. */
	v->options.from = model_strdup(&v->catalog, all.periods[from]);
	v->options.to = model_strdup(&v->catalog, all.periods[to]);
	v->has_report = true;
	if (app_structure_run(db, &v->options, &v->report, &diags, e) == -1) {
		status = STRUCTURE_VIEW_BAD_QUERY;
		goto done;
	}
	if (v->report.region_count != 1) {
		status = structure_view_fail(e, STRUCTURE_VIEW_ERROR, "%s",
		    "the report does not hold exactly one region");
		goto done;
	}
	v->figures = &v->report.regions[0];
	if (v->report.reference != NULL)
		v->reference = model_find_region_any(&v->catalog,
		    v->report.reference);
	status = STRUCTURE_VIEW_OK;
done:
	if (have_all)
		app_structure_report_free(&all);
	diag_list_free(&diags);
	free(has);
	return status;
}

void
structure_view_free(struct structure_view *v)
{
	size_t i;

	if (v->has_report)
		app_structure_report_free(&v->report);
	for (i = 0; i < v->indicator_count; i++)
		free(v->indicators[i].regions);
	free(v->indicators);
	model_catalog_free(&v->catalog);
	memset(v, 0, sizeof(*v));
}

const struct sector *
structure_view_sector(const struct structure_view *v, const char *code)
{
	return v->classification != NULL ?
	    model_find_sector(v->classification, code) : NULL;
}

const struct shock *
structure_view_shock(const struct structure_view *v,
    const struct app_structure_shock *s)
{
	return s->registered ? model_find_shock(&v->catalog, s->name) : NULL;
}

size_t
structure_view_period(const struct structure_view *v, const char *period)
{
	size_t k;

	if (period == NULL)
		return (size_t)-1;
	for (k = 0; k < v->report.period_count; k++)
		if (strcmp(v->report.periods[k], period) == 0)
			return k;
	return (size_t)-1;
}

bool
structure_view_shock_has_data(const struct structure_view *v,
    const struct app_structure_shock *s)
{
	const char *when[3] = { s->peak, s->trough, s->recovery_end };
	char canonical[PERIOD_TEXT_MAX];
	struct period p;
	size_t k;

	for (k = 0; k < 3; k++) {
		if (when[k] == NULL || period_parse(when[k], strlen(when[k]),
		    &p) == -1)
			return false;
		period_format(&p, canonical);
		if (structure_view_period(v, canonical) == (size_t)-1)
			return false;
	}
	return true;
}
