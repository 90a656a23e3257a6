/* Check: SQLite's integrity and foreign-key checks (store/db.h), then the
 * catalogue and the data as status_build() and the store read them. Only the
 * store touches SQL; what is checked here is what those reads say. */
#include "app/check.h"

#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "app/status.h"
#include "core/unit.h"
#include "store/coverage.h"
#include "store/observations.h"
#include "store/units.h"

const char *const check_severity_names[CHECK_SEVERITY__MAX] = {
	"error", "warning"
};

void
check_report_init(struct check_report *r)
{
	memset(r, 0, sizeof(*r));
	arena_init(&r->arena);
}

void
check_report_free(struct check_report *r)
{
	arena_free(&r->arena);
	memset(r, 0, sizeof(*r));
}

static void __attribute__((format(printf, 3, 4)))
check_add(struct check_report *r, enum check_severity sev, const char *fmt,
    ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (r->count == r->cap) {
		size_t cap = r->cap == 0 ? 32 : r->cap * 2;
		struct check_problem *bigger = arena_alloc(&r->arena,
		    cap * sizeof(*bigger));
		if (r->count > 0)
			memcpy(bigger, r->problems, r->count * sizeof(*bigger));
		r->problems = bigger;
		r->cap = cap;
	}
	r->problems[r->count].severity = sev;
	r->problems[r->count++].message = arena_strdup(&r->arena, msg);
	if (sev == CHECK_ERROR)
		r->errors++;
	else
		r->warnings++;
}

/* ---- the catalogue ---------------------------------------------------- */

static void
check_catalog(const struct status *s, struct check_report *r)
{
	const struct catalog *c = &s->catalog;
	size_t i, k;

	for (i = 0; i < c->indicator_count; i++)
		if (c->indicators[i].goal_count == 0)
			check_add(r, CHECK_ERROR, "indicator '%s' (%s) serves "
			    "no goal", c->indicators[i].code,
			    c->indicators[i].title_de);
	/* A goal with sub-goals is measured through them: only a goal at the
	 * end of the tree needs indicators of its own. */
	for (i = 0; i < s->tree.node_count; i++) {
		const struct goal_node *n = &s->tree.nodes[i];
		if (n->child_count == 0 && n->indicator_count == 0)
			check_add(r, CHECK_ERROR, "goal '%s' (%s) has no "
			    "indicators and no sub-goals", n->goal->code,
			    n->goal->title_de);
	}
	for (i = 0; i < c->indicator_count; i++) {
		const struct indicator *ind = &c->indicators[i];
		const struct status_indicator *si = &s->indicators[i];

		for (k = 0; k < ind->target_count; k++) {
			const struct target_version *t = &ind->targets[k];
			const char *code;
			const struct region *ref;
			const struct status_region *sr;

			if (t->valid_to != NULL)
				continue;	/* superseded */
			if (si->home_missing)
				check_add(r, CHECK_WARNING, "target '%s' of "
				    "'%s': no data for the home region %s "
				    "(%s)", t->code, ind->code,
				    s->home->name_de, s->home->code);
			if (t->kind != MODEL_TARGET_REFERENCE)
				continue;
			code = t->reference_region != NULL ?
			    t->reference_region : ind->reference_region;
			ref = code != NULL ? model_find_region(c, code) : NULL;
			if (ref == NULL) {
				check_add(r, CHECK_ERROR, "target '%s' of '%s' "
				    "is relative to a reference region, but "
				    "names none", t->code, ind->code);
				continue;
			}
			sr = status_region_of(si, ref);
			if (sr == NULL || sr->values == 0)
				check_add(r, CHECK_WARNING, "target '%s' of "
				    "'%s': no data for the reference region %s "
				    "(%s)", t->code, ind->code, ref->name_de,
				    ref->code);
		}
	}
}

/* ---- the data --------------------------------------------------------- */

struct check_data {
	const struct status	*s;
	struct check_report	*r;
	/* The series of the previous coverage row and its kinds so far. */
	long long		 series;
	char			 name[512];
	long long		 by_kind[PERIOD_KIND__MAX];
	int			 kinds;
};

static void
check_series_name(const char *indicator, const char *region,
    const char *dims, char *out, size_t size)
{
	snprintf(out, size, "%s/%s%s%s", indicator, region, dims[0] ? "/" : "",
	    dims);
}

/* Checks the dimensions of a series: canonical ("k=v;k=v", keys sorted and
 * unique, nothing empty), and a sector the indicator's classification
 * knows. */
static void
check_dims(const struct status *s, struct check_report *r,
    const struct series_row *row)
{
	const struct catalog *c = &s->catalog;
	const struct indicator *ind = model_find_indicator(c, row->indicator);
	const struct classification *cl = ind == NULL ||
	    ind->classification == NULL ? NULL :
	    model_find_classification(c, ind->classification);
	char name[512], prev[128] = "";
	const char *p = row->dims;

	check_series_name(row->indicator, row->region, row->dims, name,
	    sizeof(name));
	while (*p != '\0') {
		const char *end = strchr(p, ';'), *eq;
		size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
		char key[128], value[128];

		eq = memchr(p, '=', n);
		if (eq == NULL || eq == p || eq == p + n - 1 ||
		    (size_t)(eq - p) >= sizeof(key) ||
		    (size_t)(p + n - eq - 1) >= sizeof(value)) {
			check_add(r, CHECK_ERROR, "series %s: dimensions '%s' "
			    "are not key=value pairs", name, row->dims);
			return;
		}
		snprintf(key, sizeof(key), "%.*s", (int)(eq - p), p);
		snprintf(value, sizeof(value), "%.*s", (int)(p + n - eq - 1),
		    eq + 1);
		if (prev[0] != '\0' && strcmp(prev, key) >= 0) {
			check_add(r, CHECK_ERROR, "series %s: dimension keys "
			    "are not sorted and unique ('%s' after '%s')",
			    name, key, prev);
			return;
		}
		snprintf(prev, sizeof(prev), "%s", key);
		if (strcmp(key, "sector") == 0) {
			if (ind != NULL && ind->classification == NULL)
				check_add(r, CHECK_WARNING, "series %s: sector "
				    "'%s', but indicator '%s' has no "
				    "classification to check it against", name,
				    value, ind->code);
			else if (cl != NULL && model_find_sector(cl, value) ==
			    NULL)
				check_add(r, CHECK_ERROR, "series %s: sector "
				    "'%s' is not in classification %s of "
				    "indicator '%s'", name, value, cl->code,
				    ind->code);
		}
		p += n;
		if (*p == ';') {
			p++;
			if (*p == '\0')
				check_add(r, CHECK_ERROR, "series %s: "
				    "dimensions '%s' end in ';'", name,
				    row->dims);
		}
	}
}

static int
check_series_row(const struct series_row *row, void *arg)
{
	struct check_data *d = arg;

	if (row->count == 0) {
		char name[512];
		check_series_name(row->indicator, row->region, row->dims, name,
		    sizeof(name));
		check_add(d->r, CHECK_WARNING, "series %s has no observations",
		    name);
	}
	check_dims(d->s, d->r, row);
	return 0;
}

/* Ends a series of coverage rows: several kinds of period in one series. */
static void
check_kinds_done(struct check_data *d)
{
	char kinds[128] = "";
	size_t n = 0;
	int k;

	if (d->kinds > 1) {
		for (k = 0; k < PERIOD_KIND__MAX; k++)
			if (d->by_kind[k] > 0)
				n += (size_t)snprintf(kinds + n, sizeof(kinds) - n,
				    "%s%lld %s%s", n > 0 ? ", " : "",
				    d->by_kind[k], period_kind_names[k],
				    d->by_kind[k] == 1 ? "" : "s");
		check_add(d->r, CHECK_WARNING, "series %s mixes kinds of "
		    "period (%s); assessments use annual values", d->name,
		    kinds);
	}
	memset(d->by_kind, 0, sizeof(d->by_kind));
	d->kinds = 0;
}

static int
check_coverage_row(const struct coverage_row *row, void *arg)
{
	struct check_data *d = arg;

	if (row->series_id != d->series) {
		check_kinds_done(d);
		d->series = row->series_id;
		check_series_name(row->indicator, row->region, row->dims,
		    d->name, sizeof(d->name));
	}
	if (row->kind < 0) {
		check_add(d->r, CHECK_ERROR, "series %s: %lld observation%s "
		    "with a period that is no period, e.g. '%s'", d->name,
		    row->values + row->missing, row->values + row->missing == 1 ?
		    "" : "s", row->example);
		return 0;
	}
	d->by_kind[row->kind] += row->values + row->missing;
	d->kinds++;
	return 0;
}

/* Observations whose unit is not their indicator's: in another scale of it
 * an error (the values are read in the indicator's unit), otherwise a
 * warning. Texts that are the same unit once normalised (core/unit.h) pass. */
static int
check_units_row(const struct units_row *row, void *arg)
{
	struct check_report *r = arg;
	char times[64];
	int power;

	switch (unit_compare(row->unit, row->indicator_unit, &power)) {
	case UNIT_SAME:
		break;
	case UNIT_SCALE:
		unit_describe_power(power, times, sizeof(times));
		check_add(r, CHECK_ERROR, "indicator '%s': %lld observation%s "
		    "in unit '%s', %s the indicator's '%s' (e.g. %s %s): "
		    "convert the values", row->indicator, row->count,
		    row->count == 1 ? "" : "s", row->unit, times,
		    row->indicator_unit, row->region, row->period);
		break;
	default:
		check_add(r, CHECK_WARNING, "indicator '%s': %lld observation%s "
		    "in unit '%s', not the indicator's '%s' (e.g. %s %s)",
		    row->indicator, row->count, row->count == 1 ? "" : "s",
		    row->unit, row->indicator_unit, row->region, row->period);
		break;
	}
	return 0;
}

int
check_run(struct db *db, struct check_report *r, struct error *e)
{
	struct observations_query all = { 0 };
	struct check_data d;
	struct diag_list diags;
	struct status s;
	size_t i;
	int rc = -1;

	diag_list_init(&diags, 0);
	memset(&s, 0, sizeof(s));
	model_catalog_init(&s.catalog);
	if (db_check_integrity(db, &diags, e) == -1)
		goto done;
	for (i = 0; i < diags.count; i++)
		check_add(r, CHECK_ERROR, "%s", diags.items[i].message);
	/* A damaged file is not read further: what it says is not to be
	 * trusted, and reading it may fail. */
	if (diags.count > 0) {
		rc = 0;
		goto done;
	}
	status_free(&s);
	if (status_build(db, &s, e) == -1)
		goto done;
	check_catalog(&s, r);
	memset(&d, 0, sizeof(d));
	d.s = &s;
	d.r = r;
	if (observations_series(db, &all, check_series_row, &d, e) == -1 ||
	    coverage_series(db, check_coverage_row, &d, e) == -1)
		goto done;
	check_kinds_done(&d);
	if (units_differing(db, check_units_row, r, e) == -1)
		goto done;
	rc = 0;
done:
	status_free(&s);
	diag_list_free(&diags);
	return rc;
}
