/*
 * The assessment use case (METHODS §1, §2). The same path serves the database and
 * the caller's series: observations → annual values (with breaks from flags) →
 * targets converted → each method on each target → the worst target decides
 * (METHODS §2.2 E). Nothing here prints; the records carry the reasons.
 */
#include "app/assess.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/assess_dns.h"
#include "store/observations.h"
#include "util/i18n.h"
#include "util/xalloc.h"

const char *const assess_method_names[ASSESS_METHOD__MAX] = {
	[ASSESS_DNS] = "dns",
	[ASSESS_EUROSTAT] = "eurostat",
	[ASSESS_OPENSDG] = "opensdg",
};

const char *const assess_direction_names[ASSESS_DIRECTION__MAX] = {
	[ASSESS_DIRECTION_NONE] = "none",
	[ASSESS_DIRECTION_UP] = "up",
	[ASSESS_DIRECTION_FLAT] = "flat",
	[ASSESS_DIRECTION_DOWN] = "down",
};

void
assess_result_init(struct assess_result *r)
{
	memset(r, 0, sizeof(*r));
	arena_init(&r->arena);
}

void
assess_result_free(struct assess_result *r)
{
	arena_free(&r->arena);
	memset(r, 0, sizeof(*r));
}

/* ---- targets ------------------------------------------------------------ */

static const char *
assess_dup(struct arena *a, const char *s)
{
	return s != NULL ? arena_strdup(a, s) : NULL;
}

static const struct target_version *
assess_copy_version(struct arena *a, const struct target_version *v)
{
	struct target_version *c = arena_alloc(a, sizeof(*c));

	*c = *v;
	c->code = assess_dup(a, v->code);
	c->reference_region = assess_dup(a, v->reference_region);
	c->note_de = assess_dup(a, v->note_de);
	c->note_en = assess_dup(a, v->note_en);
	c->valid_from = assess_dup(a, v->valid_from);
	c->valid_to = assess_dup(a, v->valid_to);
	return c;
}

/* The bounds a value, interval or every-year target states; NaN when the
 * version lacks them (the methods then say "bad target", never read 0). */
static void
assess_version_bounds(const struct target_version *v, double *low, double *high)
{
	*low = *high = NAN;
	switch (v->kind) {
	case MODEL_TARGET_VALUE:
	case MODEL_TARGET_EVERY_YEAR:
		if (v->has_value)
			*low = *high = v->value;
		break;
	case MODEL_TARGET_INTERVAL:
		if (v->has_low)
			*low = v->low;
		if (v->has_high)
			*high = v->high;
		break;
	default:
		break;
	}
}

static const struct assess_region_series *
assess_find_reference(const struct assess_input *in, const char *region)
{
	size_t i;

	if (region == NULL)
		return NULL;
	for (i = 0; i < in->reference_count; i++)
		if (in->references[i].region != NULL &&
		    strcmp(in->references[i].region, region) == 0)
			return &in->references[i];
	return NULL;
}

/* Whether a polarity-0 target's bounds enclose the latest annual value: then
 * DNS checks both bounds (struct assess_target). */
static bool
assess_target_inside(const struct assess_result *r,
    const struct assess_target *t, double *low, double *high)
{
	double x;

	if (!t->polarity_derived || t->version == NULL || r->series.count == 0)
		return false;
	assess_version_bounds(t->version, low, high);
	x = r->series.values[r->series.count - 1];
	return *low <= x && x <= *high;
}

/*
 * Polarity 0: the direction toward the target from the latest annual value
 * (struct assess_target). Leaves the polarity 0, and so the methods' "no
 * polarity", when there is no value or the bounds are unusable.
 */
static void
assess_derive_polarity(const struct assess_result *r, struct assess_target *t)
{
	double low, high, x;

	assess_version_bounds(t->version, &low, &high);
	if (r->series.count == 0 || !isfinite(low) || !isfinite(high) ||
	    low > high)
		return;
	x = r->series.values[r->series.count - 1];
	t->polarity_derived = true;
	if (x > high) {
		t->polarity = -1;
		low = high;
	} else {
		t->polarity = 1;
		high = low;
	}
	t->target.polarity = t->polarity;
	t->target.low = low;
	t->target.high = high;
}

static int
assess_target_setup(struct assess_result *r, const struct assess_input *in,
    const struct target_version *v, struct assess_target *t, struct error *e)
{
	const struct indicator *ind = in->indicator;
	const struct assess_region_series *ref;
	struct series *view;
	double low, high;
	size_t unused;
	int d = ind->polarity;

	memset(t, 0, sizeof(*t));
	t->polarity = d;
	t->kind = MODEL_TARGET_DIRECTION;
	if (v == NULL) {
		t->target = target_direction(d);
		return 0;
	}
	t->version = assess_copy_version(&r->arena, v);
	t->code = t->version->code;
	t->kind = v->kind;
	assess_version_bounds(v, &low, &high);
	switch (v->kind) {
	case MODEL_TARGET_VALUE:
		t->target = target_by_year(d, low, v->year);
		break;
	case MODEL_TARGET_INTERVAL:
		t->target = v->year != 0 ? target_by_year(d, low, v->year) :
		    target_every_year(d, low);
		t->target.high = high;
		break;
	case MODEL_TARGET_EVERY_YEAR:
		t->target = target_every_year(d, low);
		break;
	case MODEL_TARGET_DIRECTION:
		t->target = target_direction(d);
		return 0;
	case MODEL_TARGET_REFERENCE:
		/* METHODS §2.5: the same indicator in the reference region. */
		t->reference_region = assess_dup(&r->arena, v->reference_region !=
		    NULL ? v->reference_region : ind->reference_region);
		ref = assess_find_reference(in, t->reference_region);
		if (ref != NULL && assess_annual_build(&r->arena, ref, ind->annual,
		    &t->reference, &unused, e) == -1)
			return error_prefix(e, "reference region %s",
			    t->reference_region);
		t->reference_has_data = t->reference.count > 0;
		view = NULL;
		if (t->reference_has_data) {
			view = arena_alloc(&r->arena, sizeof(*view));
			*view = assess_annual_series(&t->reference);
		}
		t->target = target_relative(d, view);
		return 0;
	default:
		t->target.kind = TARGET_NONE;
		t->target.polarity = d;
		return 0;
	}
	if (d == 0)
		assess_derive_polarity(r, t);
	return 0;
}

/* ---- methods ------------------------------------------------------------ */

static void
assess_record_init(struct explain *out, enum assess_method m)
{
	switch (m) {
	case ASSESS_EUROSTAT:
		explain_init(out, EXPLAIN_METHOD_EUROSTAT, ASSESS_EUROSTAT_VERSION);
		break;
	case ASSESS_OPENSDG:
		explain_init(out, EXPLAIN_METHOD_OPENSDG, ASSESS_OPENSDG_VERSION);
		break;
	default:
		explain_init(out, EXPLAIN_METHOD_DNS, ASSESS_DNS_VERSION);
		break;
	}
}

static void
assess_target_run(const struct assess_result *r, struct assess_target *t,
    enum assess_method m, const struct assess_options *opt)
{
	struct series s = assess_annual_series(&r->series);
	struct explain *out = &t->records[m];
	struct target trend = { .kind = TARGET_NONE, .polarity = t->target.polarity };
	struct assess_eurostat_params params;
	struct target both[2];
	struct explain each[2];
	double low, high;

	if (r->series.count == 0) {
		/* Sub-annual values without a complete year are not "no values". */
		assess_record_init(out, m);
		explain_fail(out, r->series.incomplete > 0 ?
		    EXPLAIN_REASON_NOT_ANNUAL : EXPLAIN_REASON_EMPTY_SERIES);
		return;
	}
	switch (m) {
	case ASSESS_DNS:
		if (assess_target_inside(r, t, &low, &high)) {
			both[0] = t->target;
			both[0].polarity = 1;
			both[0].low = both[0].high = low;
			both[1] = t->target;
			both[1].polarity = -1;
			both[1].low = both[1].high = high;
			assess_dns_weather_all(&s, both, 2, each, out);
		} else {
			assess_dns_weather(&s, &t->target, out);
		}
		break;
	case ASSESS_EUROSTAT:
		/* Eurostat reads a value by a year; everything else: the trend. */
		assess_eurostat_defaults(opt->eurostat_term, &params);
		assess_eurostat(&s, t->target.kind == TARGET_BY_YEAR ? &t->target :
		    &trend, &params, out);
		break;
	case ASSESS_OPENSDG:
		assess_opensdg_series(&s, t->target.kind == TARGET_BY_YEAR ||
		    t->target.kind == TARGET_EVERY_YEAR ? &t->target : &trend,
		    &opt->opensdg, out);
		break;
	default:
		break;
	}
}

/* METHODS §2.2 E: the first target that is not assessable, else the worst. */
static void
assess_combine(struct assess_result *r, enum assess_method m)
{
	struct assess_verdict *v = &r->verdicts[m];
	size_t i, worst = r->target_count, failed = r->target_count;

	for (i = 0; i < r->target_count; i++) {
		const struct explain *rec = &r->targets[i].records[m];

		if (rec->status != EXPLAIN_ASSESSED) {
			if (failed == r->target_count)
				failed = i;
			continue;
		}
		if (worst == r->target_count ||
		    explain_verdict_level(rec->verdict) >
		    explain_verdict_level(r->targets[worst].records[m].verdict))
			worst = i;
	}
	v->deciding = failed < r->target_count ? failed : worst;
	v->combined = r->targets[v->deciding].records[m];
	if (r->target_count > 1)
		explain_set(&v->combined, EXPLAIN_Q_TARGET_COUNT,
		    (double)r->target_count);
}

/*
 * Whether a target version counts: the current version, except a reference
 * target in its own reference region, whose gap is zero by definition (the
 * region is then assessed as if that target were not there).
 */
static bool
assess_target_applies(const struct assess_input *in,
    const struct target_version *v)
{
	const char *ref;

	if (v->valid_to != NULL)
		return false;
	if (v->kind != MODEL_TARGET_REFERENCE)
		return true;
	ref = v->reference_region != NULL ? v->reference_region :
	    in->indicator->reference_region;
	return ref == NULL || in->series.region == NULL ||
	    strcmp(ref, in->series.region) != 0;
}

int
assess_run(const struct assess_input *in, const struct assess_options *opt,
    struct assess_result *out, struct error *e)
{
	static const struct assess_options defaults;
	const struct indicator *ind;
	unsigned methods;
	size_t i, n = 0;
	int m;
	bool first = true;

	assess_result_free(out);
	assess_result_init(out);
	if (opt == NULL)
		opt = &defaults;
	if (in == NULL || in->indicator == NULL || in->indicator->code == NULL)
		return error_set(e, "assess: no indicator");
	ind = in->indicator;
	out->indicator = arena_strdup(&out->arena, ind->code);
	out->title_de = assess_dup(&out->arena, ind->title_de);
	out->title_en = assess_dup(&out->arena, ind->title_en);
	out->unit = assess_dup(&out->arena, ind->unit);
	out->decimals = ind->decimals;
	out->polarity = ind->polarity;
	out->annual = ind->annual;
	out->region = arena_strdup(&out->arena, in->series.region != NULL ?
	    in->series.region : "");

	if (assess_annual_build(&out->arena, &in->series, ind->annual, &out->series,
	    &out->observation_count, e) == -1)
		return error_prefix(e, "%s in %s", out->indicator, out->region);
	assess_annual_latest(&out->arena, &in->series, &out->latest);
	assess_annual_trend(&out->series, out->decimals, out->polarity,
	    &out->trend);

	for (i = 0; i < ind->target_count; i++)
		if (assess_target_applies(in, &ind->targets[i]))
			n++;
	out->target_count = n > 0 ? n : 1;
	out->targets = arena_alloc(&out->arena, out->target_count *
	    sizeof(*out->targets));
	if (n == 0) {
		assess_target_setup(out, in, NULL, &out->targets[0], e);
	} else {
		for (i = 0, n = 0; i < ind->target_count; i++) {
			if (!assess_target_applies(in, &ind->targets[i]))
				continue;
			if (assess_target_setup(out, in, &ind->targets[i],
			    &out->targets[n++], e) == -1)
				return error_prefix(e, "%s", out->indicator);
		}
	}

	methods = opt->methods & ASSESS_METHODS_ALL;
	if (methods == 0)
		methods = ASSESS_METHOD_BIT(ASSESS_DNS);
	for (m = 0; m < ASSESS_METHOD__MAX; m++) {
		if (!(methods & ASSESS_METHOD_BIT(m)))
			continue;
		out->ran[m] = true;
		if (first)
			out->primary = (enum assess_method)m;
		first = false;
		for (i = 0; i < out->target_count; i++)
			assess_target_run(out, &out->targets[i],
			    (enum assess_method)m, opt);
		assess_combine(out, (enum assess_method)m);
	}
	return 0;
}

/* ---- the database ------------------------------------------------------- */

struct assess_load {
	struct arena			*arena;
	struct assess_observation	*obs;
	size_t				 count, capacity;
	struct error			*e;
};

static int
assess_load_row(const struct observation_row *row, void *arg)
{
	struct assess_load *l = arg;
	struct assess_observation *o;
	struct period p;

	if (period_parse(row->period, strlen(row->period), &p) == -1) {
		error_set(l->e, "stored period '%s' of %s in %s is not a period",
		    row->period, row->indicator, row->region);
		return 1;
	}
	l->obs = xgrow(l->obs, &l->capacity, l->count + 1, sizeof(*l->obs));
	o = &l->obs[l->count++];
	o->period = p;
	o->has_value = row->has_value;
	o->value = row->value;
	o->flag = arena_strdup(l->arena, row->flag != NULL ? row->flag : "");
	return 0;
}

/* The total series (dims "") of indicator in region, into the arena. */
static int
assess_load(struct db *db, const char *indicator, const char *region,
    struct arena *a, struct assess_region_series *out, struct error *e)
{
	struct observations_query q = { 0 };
	struct assess_load l = { a, NULL, 0, 0, e };
	struct assess_observation *copy;
	int rc;

	q.indicator = indicator;
	q.region = region;
	q.dims = "";
	rc = observations_query(db, &q, assess_load_row, &l, e);
	if (rc != 0) {
		free(l.obs);
		return -1;
	}
	copy = arena_alloc(a, (l.count + 1) * sizeof(*copy));
	if (l.count > 0)
		memcpy(copy, l.obs, l.count * sizeof(*copy));
	free(l.obs);
	out->region = region;
	out->obs = copy;
	out->count = l.count;
	return 0;
}

/* A copy of the indicator whose region names (aliases allowed in the
 * catalogue) are the regions' codes, as the loaded series are named. */
static const struct indicator *
assess_canonical(struct arena *a, const struct catalog *c,
    const struct indicator *ind)
{
	struct indicator *copy = arena_alloc(a, sizeof(*copy));
	const struct region *reg;
	size_t i;

	*copy = *ind;
	if (ind->reference_region != NULL &&
	    (reg = model_find_region_any(c, ind->reference_region)) != NULL)
		copy->reference_region = reg->code;
	copy->targets = arena_alloc(a, (ind->target_count + 1) *
	    sizeof(*copy->targets));
	for (i = 0; i < ind->target_count; i++) {
		copy->targets[i] = ind->targets[i];
		if (ind->targets[i].reference_region != NULL &&
		    (reg = model_find_region_any(c,
		    ind->targets[i].reference_region)) != NULL)
			copy->targets[i].reference_region = reg->code;
	}
	return copy;
}

int
assess_indicator(struct db *db, const struct catalog *c, const char *indicator,
    const char *region, const struct assess_options *opt,
    struct assess_result *out, struct error *e)
{
	const struct indicator *ind;
	const struct region *reg, *other;
	struct assess_region_series *refs;
	struct assess_input in = { 0 };
	struct arena scratch;
	size_t i, j, nref = 0;
	int rc = -1;

	arena_init(&scratch);
	if ((ind = model_find_indicator(c, indicator)) == NULL) {
		error_set(e, "unknown indicator '%s'", indicator);
		goto done;
	}
	if (region == NULL || (reg = model_find_region_any(c, region)) == NULL) {
		error_set(e, "unknown region '%s'", region != NULL ? region : "");
		goto done;
	}
	if (assess_load(db, ind->code, reg->code, &scratch, &in.series, e) == -1)
		goto done;
	in.series.region = reg->code;
	/* The reference regions the current targets name, each once, by code. */
	refs = arena_alloc(&scratch, (ind->target_count + 1) * sizeof(*refs));
	for (i = 0; i < ind->target_count; i++) {
		const struct target_version *v = &ind->targets[i];
		const char *name = v->reference_region != NULL ?
		    v->reference_region : ind->reference_region;

		if (v->valid_to != NULL || v->kind != MODEL_TARGET_REFERENCE ||
		    name == NULL)
			continue;
		if ((other = model_find_region_any(c, name)) == NULL)
			continue;
		for (j = 0; j < nref; j++)
			if (strcmp(refs[j].region, other->code) == 0)
				break;
		if (j < nref || other == reg)
			continue;
		if (assess_load(db, ind->code, other->code, &scratch, &refs[nref],
		    e) == -1)
			goto done;
		nref++;
	}
	in.indicator = assess_canonical(&scratch, c, ind);
	in.references = refs;
	in.reference_count = nref;
	rc = assess_run(&in, opt, out, e);
done:
	arena_free(&scratch);
	return rc;
}

int
assess_home_region(struct db *db, const struct catalog *c,
    const struct region **out, struct error *e)
{
	const struct region *district = NULL;
	char *home = db_meta_get(db, "home_region");
	size_t i;

	*out = NULL;
	if (home != NULL) {
		*out = model_find_region_any(c, home);
		if (*out == NULL)
			error_set(e, "the database's home_region '%s' is not a "
			    "region of the catalogue", home);
		free(home);
		return *out != NULL ? 0 : -1;
	}
	for (i = 0; i < c->region_count; i++) {
		const struct region *r = &c->regions[i];

		if (r->code == NULL)
			continue;
		if (r->level == MODEL_REGION_MUNICIPALITY ||
		    r->level == MODEL_REGION_DISTRICT_FREE_CITY) {
			*out = r;
			return 0;
		}
		if (r->level == MODEL_REGION_DISTRICT && district == NULL)
			district = r;
	}
	if ((*out = district) != NULL)
		return 0;
	return error_set(e, "the catalogue has no municipality, city or district "
	    "to assess by default: name the region with --region");
}

/* ---- reading a result --------------------------------------------------- */

const struct explain *
assess_primary(const struct assess_result *r)
{
	return &r->verdicts[r->primary].combined;
}

const char *
assess_unit_label(const char *unit, const char *lang)
{
	const char *t;

	if (unit == NULL || unit[0] == '\0')
		return NULL;
	if (strcmp(unit, "%") == 0 || strcmp(unit, "percent") == 0 ||
	    strncmp(unit, "percent ", 8) == 0)
		return "%";
	if (lang != NULL && strncmp(lang, "en", 2) == 0)
		return unit;
	t = i18n_text("de", unit);
	return t != unit ? t : NULL;
}

size_t
assess_sentence(const struct assess_result *r, const struct explain *record,
    const char *lang, char *buf, size_t size)
{
	struct explain_subject subject = { 0 };

	subject.unit = assess_unit_label(r->unit, lang);
	subject.decimals = r->decimals;
	return explain_sentence(record, &subject, lang, buf, size);
}
