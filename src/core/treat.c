/*
 * Outlier treatment, METHODS §4.5, written to follow COINr's Treat.numeric(),
 * winsorise(), log_CT(), skew() and kurt() step by step:
 *
 *   1. check: passes if |G1| < skew_limit or G2 < kurtosis_limit;
 *   2. if it fails, winsorise a copy: while it fails and nwin < winmax, decide the
 *      side by the sign of the skewness of the current values (>= 0: top), take
 *      the set of points equal to the current maximum (minimum), give them the
 *      largest (smallest) value outside that set, and set nwin to the sizes of the
 *      current top set plus the current bottom set (each set is re-taken on every
 *      pass, so a point winsorised twice counts once);
 *   3. if it still fails, transform the ORIGINAL values by
 *      ln(x - min + 0.01 (max - min)) and check again (reported, not acted upon).
 *
 * Columns with fewer than 4 values (kurtosis needs 4) are left untreated, as are
 * columns whose variance is zero (COINr gets NA from its check and returns them
 * untreated too).
 */
#include "core/treat.h"

#include <math.h>
#include <string.h>

#include "core/colstat.h"

const char *const treat_outcome_names[TREAT__MAX] = {
	"passed", "winsorised", "log", "too few values", "not computable"
};

int
treat_skew_kurtosis(const double *x, size_t n, double *skew, double *kurtosis)
{
	double mean, s2 = 0, s3 = 0, c3 = 0, s4 = 0, m, r;
	size_t i, k;

	*skew = NAN;
	*kurtosis = NAN;
	mean = colstat_mean_count(x, n, &k);
	if (k < 4)
		return -1;
	for (i = 0; i < n; i++) {
		double d, d2;

		if (isnan(x[i]))
			continue;
		d = x[i] - mean;
		d2 = d * d;
		/* Squares and fourth powers are all positive: no cancellation,
		 * a plain sum is accurate to n eps. Cubes cancel: compensated. */
		s2 += d2;
		colstat_add(&s3, &c3, d2 * d);
		s4 += d2 * d2;
	}
	s3 += c3;
	if (!(s2 > 0.0))
		return -1;
	m = (double)k;
	/* e1071::skewness type 2, as COINr's skew():
	 * sqrt(n) sum(d^3) / sum(d^2)^(3/2) * sqrt(n (n - 1)) / (n - 2). */
	*skew = sqrt(m) * s3 / pow(s2, 1.5) * sqrt(m * (m - 1.0)) / (m - 2.0);
	/* e1071::kurtosis type 2, as COINr's kurt(): r = n sum(d^4) / sum(d^2)^2,
	 * ((n + 1) (r - 3) + 6) (n - 1) / ((n - 2) (n - 3)). */
	r = m * s4 / (s2 * s2);
	*kurtosis = ((m + 1.0) * (r - 3.0) + 6.0) * (m - 1.0) /
	    ((m - 2.0) * (m - 3.0));
	return 0;
}

/* One check; returns -1 when not computable. */
static int
treat_check(const struct treat_spec *spec, const double *x, size_t n,
    struct treat_info *info, int slot)
{
	int rc = treat_skew_kurtosis(x, n, &info->skew[slot], &info->kurtosis[slot]);

	info->checks = slot + 1;
	if (rc < 0) {
		info->pass[slot] = false;
		return -1;
	}
	info->pass[slot] = fabs(info->skew[slot]) < spec->skew_limit ||
	    info->kurtosis[slot] < spec->kurtosis_limit;
	return 0;
}

/* Gathers the positions equal to the current extreme (top or bottom) into set and
 * gives them the most extreme value outside the set. Returns the set's size, or 0
 * when no value lies outside it. */
static size_t
treat_winsorise_once(double *x, size_t n, bool top, size_t *set)
{
	double extreme = NAN, next = NAN;
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (isnan(x[i]))
			continue;
		if (isnan(extreme) || (top ? x[i] > extreme : x[i] < extreme))
			extreme = x[i];
	}
	for (i = 0; i < n; i++) {
		if (isnan(x[i]))
			continue;
		if (x[i] == extreme)
			set[k++] = i;
		else if (isnan(next) || (top ? x[i] > next : x[i] < next))
			next = x[i];
	}
	if (isnan(next))
		return 0;
	for (i = 0; i < k; i++)
		x[set[i]] = next;
	return k;
}

static void
treat_untreated(const double *x, size_t n, double *out, unsigned char *points)
{
	memcpy(out, x, n * sizeof(*out));
	if (points != NULL)
		memset(points, TREAT_POINT_NONE, n);
}

void
treat_column(const struct treat_spec *spec, const double *x, size_t n,
    double *out, unsigned char *points, struct treat_info *info,
    size_t *scratch)
{
	size_t *top = scratch, *bottom = scratch + n;
	size_t n_top = 0, n_bottom = 0, i;
	double min = 0, max = 0, shift;

	memset(info, 0, sizeof(*info));
	info->n = colstat_count(x, n);
	for (i = 0; i < 3; i++)
		info->skew[i] = info->kurtosis[i] = NAN;
	if (info->n < 4) {
		info->outcome = TREAT_TOO_FEW;
		treat_untreated(x, n, out, points);
		return;
	}
	if (treat_check(spec, x, n, info, 0) < 0) {
		info->outcome = TREAT_NOT_COMPUTABLE;
		treat_untreated(x, n, out, points);
		return;
	}
	if (info->pass[0]) {
		info->outcome = TREAT_PASSED;
		treat_untreated(x, n, out, points);
		return;
	}

	/* Winsorisation, on a copy in out. */
	memcpy(out, x, n * sizeof(*out));
	info->pass[1] = false;
	info->skew[1] = info->skew[0];
	info->kurtosis[1] = info->kurtosis[0];
	info->checks = 2;
	while (!info->pass[1] && info->winsorised < (size_t)(spec->winmax > 0 ?
	    spec->winmax : 0)) {
		double skew = info->skew[1];
		size_t k;

		if (skew >= 0) {
			k = treat_winsorise_once(out, n, true, top);
			n_top = k;
		} else {
			k = treat_winsorise_once(out, n, false, bottom);
			n_bottom = k;
		}
		if (k == 0 || treat_check(spec, out, n, info, 1) < 0) {
			info->outcome = TREAT_NOT_COMPUTABLE;
			treat_untreated(x, n, out, points);
			return;
		}
		info->winsorised = n_top + n_bottom;
	}
	if (info->pass[1]) {
		info->outcome = TREAT_WINSORISED;
		if (points != NULL) {
			memset(points, TREAT_POINT_NONE, n);
			for (i = 0; i < n_top; i++)
				points[top[i]] = TREAT_POINT_HIGH;
			for (i = 0; i < n_bottom; i++)
				points[bottom[i]] = TREAT_POINT_LOW;
		}
		return;
	}

	/* Log transform of the original values (COINr's log_CT). */
	colstat_range(x, n, &min, &max);
	shift = 0.01 * (max - min);
	for (i = 0; i < n; i++) {
		out[i] = isnan(x[i]) ? NAN : log(x[i] - min + shift);
		if (points != NULL)
			points[i] = isnan(x[i]) ? TREAT_POINT_NONE : TREAT_POINT_LOG;
	}
	treat_check(spec, out, n, info, 2);
	info->outcome = TREAT_LOG;
}
