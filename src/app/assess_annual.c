/*
 * A region's observations as the methods read them (METHODS §1): annual values
 * from annual, quarterly and monthly observations, breaks from flags, the
 * latest figure and the trend arrow. Memory comes from the caller's arena.
 */
#include "app/assess.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/assess_dns.h"
#include "core/growth.h"

struct assess_annual_point {
	struct period	 period;
	bool		 has_value;
	double		 value;
	unsigned	 flags;
};

static int
assess_annual_point_compare(const void *a, const void *b)
{
	return period_compare(&((const struct assess_annual_point *)a)->period,
	    &((const struct assess_annual_point *)b)->period);
}

/* Letters of docs/formats.md → enum series_flag. */
static unsigned
assess_annual_flag_bits(const char *flag)
{
	unsigned bits = 0;

	if (flag == NULL)
		return 0;
	if (strchr(flag, 'b') != NULL)
		bits |= SERIES_FLAG_BREAK;
	if (strchr(flag, 'p') != NULL)
		bits |= SERIES_FLAG_PROVISIONAL;
	if (strchr(flag, 'e') != NULL || strchr(flag, 's') != NULL)
		bits |= SERIES_FLAG_ESTIMATED;
	return bits;
}

static enum growth_annual
assess_annual_growth(enum model_annual how)
{
	switch (how) {
	case MODEL_ANNUAL_LAST:
		return GROWTH_ANNUAL_LAST;
	case MODEL_ANNUAL_SUM:
		return GROWTH_ANNUAL_SUM;
	default:
		return GROWTH_ANNUAL_MEAN;
	}
}

/* One year's candidates: an annual value, or one from quarters or months. */
struct assess_annual_year {
	bool		has[PERIOD_KIND__MAX];
	double		value[PERIOD_KIND__MAX];
	unsigned	flags[PERIOD_KIND__MAX];
	bool		sub_seen;	/* quarters or months were given */
	bool		broken;		/* a break anywhere in the year */
};


/* Annual values made from one kind of sub-annual period (METHODS §1), into
 * years[]. Scratch arrays come from the arena and live as long as it. */
static int
assess_annual_collect(struct arena *a, const struct assess_annual_point *pts,
    size_t n, enum period_kind kind, enum model_annual how,
    struct assess_annual_year *years, int first_year, struct error *e)
{
	struct period *p = arena_alloc(a, (n + 1) * sizeof(*p));
	struct period *ap = arena_alloc(a, (n + 1) * sizeof(*ap));
	double *v = arena_alloc(a, (n + 1) * sizeof(*v));
	double *av = arena_alloc(a, (n + 1) * sizeof(*av));
	unsigned *f = arena_alloc(a, (n + 1) * sizeof(*f));
	unsigned *af = arena_alloc(a, (n + 1) * sizeof(*af));
	struct series s;
	size_t i, k = 0, count = 0;

	for (i = 0; i < n; i++) {
		if (pts[i].period.kind != kind || !pts[i].has_value)
			continue;
		p[k] = pts[i].period;
		v[k] = pts[i].value;
		f[k] = pts[i].flags;
		k++;
	}
	if (k == 0)
		return 0;
	s.periods = p;
	s.values = v;
	s.flags = f;
	s.count = k;
	if (growth_annualise(&s, assess_annual_growth(how), ap, av, af, k, &count,
	    NULL, e) == -1)
		return -1;
	for (i = 0; i < count; i++) {
		struct assess_annual_year *y = &years[ap[i].year - first_year];

		y->has[kind] = true;
		y->value[kind] = av[i];
		y->flags[kind] = af[i];
	}
	return 0;
}

/*
 * The annual series of one region (struct assess_annual says how). The
 * observations are sorted here; a period given twice is an error, as is a
 * value that is not a finite number.
 */
int
assess_annual_build(struct arena *a, const struct assess_region_series *in,
    enum model_annual how, struct assess_annual *out, size_t *with_value,
    struct error *e)
{
	struct assess_annual_point *pts;
	struct assess_annual_year *years;
	char text[PERIOD_TEXT_MAX];
	size_t i, n = in->count, count = 0;
	int first = 0, last = 0, y;
	bool pending_break = false;

	memset(out, 0, sizeof(*out));
	*with_value = 0;
	pts = arena_alloc(a, (n + 1) * sizeof(*pts));
	for (i = 0; i < n; i++) {
		const struct assess_observation *o = &in->obs[i];

		if (o->has_value && !isfinite(o->value)) {
			period_format(&o->period, text);
			return error_set(e, "the value for %s is not a finite "
			    "number", text);
		}
		pts[i].period = o->period;
		pts[i].has_value = o->has_value;
		pts[i].value = o->value;
		pts[i].flags = assess_annual_flag_bits(o->flag);
	}
	qsort(pts, n, sizeof(*pts), assess_annual_point_compare);
	for (i = 1; i < n; i++) {
		if (period_compare(&pts[i - 1].period, &pts[i].period) == 0) {
			period_format(&pts[i].period, text);
			return error_set(e, "period %s comes twice", text);
		}
	}
	/* A break flagged on a missing value marks the next value. */
	for (i = 0; i < n; i++) {
		if (!pts[i].has_value) {
			if (pts[i].flags & SERIES_FLAG_BREAK)
				pending_break = true;
			continue;
		}
		if (pending_break)
			pts[i].flags |= SERIES_FLAG_BREAK;
		pending_break = false;
		if (*with_value == 0 || pts[i].period.year < first)
			first = pts[i].period.year;
		if (*with_value == 0 || pts[i].period.year > last)
			last = pts[i].period.year;
		(*with_value)++;
	}
	out->periods = arena_alloc(a, sizeof(*out->periods));
	out->values = arena_alloc(a, sizeof(*out->values));
	out->flags = arena_alloc(a, sizeof(*out->flags));
	if (*with_value == 0)
		return 0;

	years = arena_alloc(a, (size_t)(last - first + 1) * sizeof(*years));
	for (i = 0; i < n; i++) {
		struct assess_annual_year *yr;

		if (!pts[i].has_value)
			continue;
		yr = &years[pts[i].period.year - first];
		if (pts[i].flags & SERIES_FLAG_BREAK)
			yr->broken = true;
		if (pts[i].period.kind == PERIOD_YEAR) {
			yr->has[PERIOD_YEAR] = true;
			yr->value[PERIOD_YEAR] = pts[i].value;
			yr->flags[PERIOD_YEAR] = pts[i].flags;
		} else {
			yr->sub_seen = true;
		}
	}
	if (assess_annual_collect(a, pts, n, PERIOD_QUARTER, how, years, first,
	    e) == -1 ||
	    assess_annual_collect(a, pts, n, PERIOD_MONTH, how, years, first,
	    e) == -1)
		return -1;

	out->periods = arena_alloc(a, (size_t)(last - first + 1) *
	    sizeof(*out->periods));
	out->values = arena_alloc(a, (size_t)(last - first + 1) *
	    sizeof(*out->values));
	out->flags = arena_alloc(a, (size_t)(last - first + 1) *
	    sizeof(*out->flags));
	for (y = first; y <= last; y++) {
		const struct assess_annual_year *yr = &years[y - first];
		/* The official annual figure first, then quarters, then months. */
		enum period_kind k = yr->has[PERIOD_YEAR] ? PERIOD_YEAR :
		    yr->has[PERIOD_QUARTER] ? PERIOD_QUARTER :
		    yr->has[PERIOD_MONTH] ? PERIOD_MONTH : PERIOD_KIND__MAX;

		if (k == PERIOD_KIND__MAX) {
			if (yr->sub_seen)
				out->incomplete++;
			continue;
		}
		out->periods[count].year = y;
		out->periods[count].kind = PERIOD_YEAR;
		out->periods[count].sub = 0;
		out->values[count] = yr->value[k];
		out->flags[count] = yr->flags[k] |
		    (yr->broken ? SERIES_FLAG_BREAK : 0u);
		if (k != PERIOD_YEAR)
			out->from_subannual++;
		count++;
	}
	out->count = count;
	return 0;
}

struct series
assess_annual_series(const struct assess_annual *a)
{
	struct series s = { a->periods, a->values, a->flags, a->count };

	return s;
}

/* The month in which a period ends, counted from year 0. */
static long
assess_annual_period_end(const struct period *p)
{
	switch (p->kind) {
	case PERIOD_QUARTER:
		return (long)p->year * 12 + p->sub * 3 - 1;
	case PERIOD_MONTH:
		return (long)p->year * 12 + p->sub - 1;
	default:
		return (long)p->year * 12 + 11;
	}
}

void
assess_annual_latest(struct arena *a, const struct assess_region_series *in,
    struct assess_latest *out)
{
	const struct assess_observation *best = NULL;
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < in->count; i++) {
		const struct assess_observation *o = &in->obs[i];
		long end, best_end;

		if (!o->has_value)
			continue;
		if (best != NULL) {
			end = assess_annual_period_end(&o->period);
			best_end = assess_annual_period_end(&best->period);
			if (end < best_end || (end == best_end &&
			    o->period.kind >= best->period.kind))
				continue;
		}
		best = o;
	}
	out->flag = "";
	if (best == NULL)
		return;
	out->has = true;
	out->period = best->period;
	out->value = best->value;
	out->flag = arena_strdup(a, best->flag != NULL ? best->flag : "");
}

/* The arrow (struct assess_trend): Δ̄ as DNS computes it (METHODS §2.2). */
void
assess_annual_trend(const struct assess_annual *a, int decimals, int polarity,
    struct assess_trend *t)
{
	struct series s = assess_annual_series(a);
	size_t start, first, last;
	double flat;

	memset(t, 0, sizeof(*t));
	if (a->count == 0)
		return;
	start = series_comparable_start(&s);
	if (a->count - start < 2)
		return;
	last = a->count - 1;
	first = a->count - start > ASSESS_DNS_WINDOW ? a->count -
	    ASSESS_DNS_WINDOW : start;
	t->from_year = a->periods[first].year;
	t->to_year = a->periods[last].year;
	t->change = (a->values[last] - a->values[first]) /
	    (double)(t->to_year - t->from_year);
	/* Unknown decimals (< 0): only no change at all is flat. */
	flat = decimals < 0 ? 0 : 0.5 * pow(10, -(decimals > 6 ? 6 : decimals));
	if (t->change == 0 || fabs(t->change) < flat)
		t->direction = ASSESS_DIRECTION_FLAT;
	else
		t->direction = t->change > 0 ? ASSESS_DIRECTION_UP :
		    ASSESS_DIRECTION_DOWN;
	if (t->direction != ASSESS_DIRECTION_FLAT && polarity != 0)
		t->better = polarity * t->change > 0 ? 1 : -1;
}

