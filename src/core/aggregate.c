/*
 * Aggregation, METHODS §4.8. For each unit only the children with a value take
 * part; their weights are renormalised by dividing by the sum of the weights
 * present, as COINr's a_amean(), a_gmean() and a_hmean() do. COINr stops when
 * the geometric mean meets a value <= 0 or the harmonic mean a zero; here both
 * return a status for any value <= 0 (a harmonic mean of negative values has no
 * meaning either), naming the unit row and the child.
 *
 * Copeland (METHODS §4.8): for every pair of units, the weighted majority of the
 * children present for both decides: +1 to the unit ahead on more weight, -1 to
 * the other, 0 to both on a tie (including pairs with no child in common). A
 * unit's score is the sum over all other units that have a score at this node.
 */
#include "core/aggregate.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "util/text.h"

const char *const aggregate_method_names[AGGREGATE__MAX] = {
	"amean", "gmean", "hmean", "genmean", "copeland"
};

int
aggregate_method_parse(const char *name, enum aggregate_method *method)
{
	int k;

	for (k = 0; k < AGGREGATE__MAX; k++) {
		if (strcmp(name, aggregate_method_names[k]) == 0) {
			*method = (enum aggregate_method)k;
			return 0;
		}
	}
	return -1;
}

int
aggregate_spec_parse(const char *text, struct aggregate_spec *s,
    struct error *e)
{
	const char *colon = strchr(text, ':');
	size_t len = colon != NULL ? (size_t)(colon - text) : strlen(text);
	char name[32];

	s->power = 1.0;
	if (len >= sizeof(name))
		return error_set(e, "unknown aggregation '%s'", text);
	memcpy(name, text, len);
	name[len] = '\0';
	if (aggregate_method_parse(name, &s->method) < 0)
		return error_set(e, "unknown aggregation '%s' (one of amean, gmean, "
		    "hmean, genmean:p, copeland)", name);
	if (s->method == AGGREGATE_GENMEAN) {
		if (colon == NULL || text_parse_double(colon + 1,
		    strlen(colon + 1), '.', &s->power) < 0)
			return error_set(e, "genmean needs its power: genmean:p");
		return 0;
	}
	if (colon != NULL)
		return error_set(e, "%s takes no parameter", name);
	return 0;
}

struct aggregate_sum {
	double	 s, c;
};

static void
aggregate_add(struct aggregate_sum *a, double v)
{
	double t = a->s + v;

	if (fabs(a->s) >= fabs(v))
		a->c += (a->s - t) + v;
	else
		a->c += (v - t) + a->s;
	a->s = t;
}

static double
aggregate_total(const struct aggregate_sum *a)
{
	return a->s + a->c;
}

static int
aggregate_fail(size_t *bad_row, size_t row, struct error *e, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
aggregate_fail(size_t *bad_row, size_t row, struct error *e, const char *fmt, ...)
{
	va_list ap;

	if (bad_row != NULL)
		*bad_row = row;
	va_start(ap, fmt);
	error_vset(e, fmt, ap);
	va_end(ap);
	return -1;
}

/* Whether row i has enough present children; counts them into *present. */
static int
aggregate_available(const double *const *child, const double *w, size_t k,
    size_t i, double availability)
{
	size_t j, present = 0;
	double weight = 0.0;

	for (j = 0; j < k; j++) {
		if (!isnan(child[j][i])) {
			present++;
			weight += w[j];
		}
	}
	if (present == 0 || !(weight > 0.0))
		return 0;
	if (availability >= 0.0 && (double)present / (double)k < availability)
		return 0;
	return 1;
}

static int
aggregate_copeland(const double *const *child, const double *w, size_t k,
    size_t n, double availability, double *out)
{
	size_t a, b, j;

	for (a = 0; a < n; a++)
		out[a] = aggregate_available(child, w, k, a, availability) ? 0.0 : NAN;
	for (a = 0; a < n; a++) {
		if (isnan(out[a]))
			continue;
		for (b = a + 1; b < n; b++) {
			struct aggregate_sum ahead = { 0, 0 }, behind = { 0, 0 };
			double pa, pb;

			if (isnan(out[b]))
				continue;
			for (j = 0; j < k; j++) {
				double va = child[j][a], vb = child[j][b];

				if (isnan(va) || isnan(vb))
					continue;
				if (va > vb)
					aggregate_add(&ahead, w[j]);
				else if (vb > va)
					aggregate_add(&behind, w[j]);
			}
			pa = aggregate_total(&ahead);
			pb = aggregate_total(&behind);
			if (pa > pb) {
				out[a] += 1.0;
				out[b] -= 1.0;
			} else if (pb > pa) {
				out[a] -= 1.0;
				out[b] += 1.0;
			}
		}
	}
	return 0;
}

int
aggregate_values(const struct aggregate_spec *spec, const double *const *child,
    const double *w, size_t k, size_t n, double availability, double *out,
    size_t *bad_row, struct error *e)
{
	enum aggregate_method method = spec->method;
	double p = spec->power;
	size_t i, j;

	for (j = 0; j < k; j++)
		if (!(w[j] >= 0.0) || isinf(w[j]))
			return error_set(e, "child %zu: weight %g is not a "
			    "non-negative number", j + 1, w[j]);
	if (method == AGGREGATE_COPELAND)
		return aggregate_copeland(child, w, k, n, availability, out);
	if (method == AGGREGATE_GENMEAN && p == 0.0)
		method = AGGREGATE_GMEAN;
	/* One pass per row over its few children: plain sums (a handful of
	 * terms, not the "many cells" of METHODS §1). */
	for (i = 0; i < n; i++) {
		double num = 0.0, den = 0.0, wsum = 0.0;
		size_t present = 0;

		for (j = 0; j < k; j++) {
			double x = child[j][i];

			if (isnan(x))
				continue;
			present++;
			wsum += w[j];
			switch (method) {
			case AGGREGATE_AMEAN:
				num += w[j] * x;
				break;
			case AGGREGATE_GMEAN:
				if (!(x > 0.0))
					return aggregate_fail(bad_row, i, e, "child "
					    "%zu: geometric mean of a value <= 0 "
					    "(%g): normalise to a positive range, "
					    "e.g. min-max onto [1, 100]", j + 1, x);
				num += w[j] * log(x);
				break;
			case AGGREGATE_HMEAN:
				if (!(x > 0.0))
					return aggregate_fail(bad_row, i, e, "child "
					    "%zu: harmonic mean of a value <= 0 "
					    "(%g)", j + 1, x);
				den += w[j] / x;
				break;
			case AGGREGATE_GENMEAN:
				if (x < 0.0 || (p < 0.0 && x == 0.0))
					return aggregate_fail(bad_row, i, e, "child "
					    "%zu: generalised mean (p = %g) of the "
					    "value %g", j + 1, p, x);
				num += w[j] * pow(x, p);
				break;
			default:
				return error_set(e, "unknown aggregation method");
			}
		}
		if (present == 0 || !(wsum > 0.0) || (availability >= 0.0 &&
		    (double)present / (double)k < availability)) {
			out[i] = NAN;
			continue;
		}
		switch (method) {
		case AGGREGATE_AMEAN:
			out[i] = num / wsum;
			break;
		case AGGREGATE_GMEAN:
			out[i] = exp(num / wsum);
			break;
		case AGGREGATE_HMEAN:
			out[i] = wsum / den;
			break;
		default:
			out[i] = pow(num / wsum, 1.0 / p);
			break;
		}
	}
	return 0;
}
