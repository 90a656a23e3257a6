/* Cross-impact analysis: Vester, MICMAC and combined matrices (METHODS §6).
 * See crossimpact.h for the contract. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "core/crossimpact.h"
#include "core/ratings.h"

const char *const crossimpact_role_names[CROSSIMPACT_ROLE__MAX] = {
	[CROSSIMPACT_ACTIVE] = "active",
	[CROSSIMPACT_REACTIVE] = "reactive",
	[CROSSIMPACT_CRITICAL] = "critical",
	[CROSSIMPACT_BUFFERING] = "buffering",
};

const char *const crossimpact_quotient_names[CROSSIMPACT_Q__MAX] = {
	[CROSSIMPACT_Q_OK] = "ok",
	[CROSSIMPACT_Q_NO_PASSIVE] = "no passive sum",
	[CROSSIMPACT_Q_ISOLATED] = "isolated",
};

const char *const crossimpact_micmac_names[CROSSIMPACT_MICMAC__MAX] = {
	[CROSSIMPACT_MICMAC_CONVERGED] = "converged",
	[CROSSIMPACT_MICMAC_CAPPED] = "not converged",
	[CROSSIMPACT_MICMAC_VANISHED] = "vanished",
};

/* The largest n whose n × n matrices (and two of them) can be addressed. */
static bool
crossimpact_size_ok(size_t n, struct error *err)
{
	if (n == 0) {
		error_set(err, "no factors");
		return false;
	}
	if (n > ((size_t)1 << (sizeof(size_t) * 4 - 3))) {
		error_set(err, "%zu factors is too many", n);
		return false;
	}
	return true;
}

int
crossimpact_vester(const double *m, size_t n, struct crossimpact_factor *factors,
    struct crossimpact_vester *summary, struct error *err)
{
	double total_active = 0, total_passive = 0, a, nn;
	size_t i, j;

	summary->active_mean = summary->passive_mean = NAN;
	if (!crossimpact_size_ok(n, err))
		return -1;
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			a = m[i * n + j];
			if (!isfinite(a) || a < 0 || a > CROSSIMPACT_VESTER_MAX)
				return error_set(err, "influence of factor %zu on factor %zu "
				    "is %g, not on Vester's scale 0..%d", i + 1, j + 1, a,
				    CROSSIMPACT_VESTER_MAX);
			if (i == j && a != 0)
				return error_set(err, "factor %zu influences itself (%g): "
				    "the diagonal must be 0", i + 1, a);
		}
	}
	/* METHODS §6: AS_i = Σ_j a_ij, PS_i = Σ_j a_ji. The cells are at most 3
	 * (halves after a median), so these sums are exact in a double. */
	for (i = 0; i < n; i++) {
		factors[i].active_sum = factors[i].passive_sum = 0;
		for (j = 0; j < n; j++) {
			factors[i].active_sum += m[i * n + j];
			factors[i].passive_sum += m[j * n + i];
		}
		total_active += factors[i].active_sum;
		total_passive += factors[i].passive_sum;
	}
	nn = (double)n;
	summary->active_mean = total_active / nn;
	summary->passive_mean = total_passive / nn;
	for (i = 0; i < n; i++) {
		struct crossimpact_factor *f = &factors[i];
		bool high_active, high_passive;

		f->product = f->active_sum * f->passive_sum;
		if (f->passive_sum > 0) {
			f->quotient = f->active_sum / f->passive_sum;
			f->q_status = CROSSIMPACT_Q_OK;
		} else {
			f->quotient = NAN;
			f->q_status = f->active_sum > 0 ? CROSSIMPACT_Q_NO_PASSIVE :
			    CROSSIMPACT_Q_ISOLATED;
		}
		/* Compare AS_i · n with Σ AS rather than AS_i with the mean: both
		 * sides are exact, so "at the mean" is decided without rounding. */
		high_active = f->active_sum * nn > total_active;
		high_passive = f->passive_sum * nn > total_passive;
		f->active_at_mean = f->active_sum * nn == total_active;
		f->passive_at_mean = f->passive_sum * nn == total_passive;
		if (high_active)
			f->role = high_passive ? CROSSIMPACT_CRITICAL : CROSSIMPACT_ACTIVE;
		else
			f->role = high_passive ? CROSSIMPACT_REACTIVE : CROSSIMPACT_BUFFERING;
	}
	return 0;
}

/* Workspace of crossimpact_micmac():
 *   power, next	n × n each	M^k and M^(k+1), rescaled
 *   rows, columns	n each		their sums
 *   previous_influence, previous_dependence	n each (size_t)	ranks of M^(k−1) */
size_t
crossimpact_micmac_work_size(size_t n)
{
	if (n == 0 || n > ((size_t)1 << (sizeof(size_t) * 4 - 3)))
		return 0;
	return (2 * n * n + 2 * n) * sizeof(double) + 2 * n * sizeof(size_t);
}

/* Competition ranks, 1 = largest: rank_i = 1 + #{j : s_j clearly above s_i},
 * where "clearly" means by more than 1e-12 of the largest |s|. O(n²), but
 * impact models have tens of factors, and it needs no sorting. */
static void
crossimpact_rank(const double *s, size_t n, size_t *rank)
{
	double largest = 0, tolerance;
	size_t i, j;

	for (i = 0; i < n; i++)
		largest = fmax(largest, fabs(s[i]));
	tolerance = largest * 1e-12;
	for (i = 0; i < n; i++) {
		rank[i] = 1;
		for (j = 0; j < n; j++)
			if (s[j] > s[i] + tolerance)
				rank[i]++;
	}
}

/* Row and column sums of p, their ranks, and their shares of the total. */
static void
crossimpact_micmac_sums(const double *p, size_t n, double *rows, double *columns,
    struct crossimpact_micmac *out)
{
	double total = 0;
	size_t i, j;

	for (i = 0; i < n; i++)
		rows[i] = columns[i] = 0;
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			rows[i] += p[i * n + j];
			columns[j] += p[i * n + j];
		}
	}
	for (i = 0; i < n; i++)
		total += rows[i];
	crossimpact_rank(rows, n, out->influence_rank);
	crossimpact_rank(columns, n, out->dependence_rank);
	for (i = 0; i < n; i++) {
		out->influence[i] = rows[i] / total;
		out->dependence[i] = columns[i] / total;
	}
}

/* Scales p by a power of two so that its largest cell lies in [0.5, 1):
 * exact, and enough to keep M^10 of any sensible matrix in range.
 * Returns false if p is all zero. */
static bool
crossimpact_rescale(double *p, size_t cells)
{
	double largest = 0;
	size_t i;
	int e;

	for (i = 0; i < cells; i++)
		largest = fmax(largest, p[i]);
	if (largest == 0)
		return false;
	frexp(largest, &e);
	for (i = 0; i < cells; i++)
		p[i] = ldexp(p[i], -e);
	return true;
}

int
crossimpact_micmac(const double *m, size_t n, void *work,
    struct crossimpact_micmac *out, struct error *err)
{
	double *power, *next, *rows, *columns, a, s;
	size_t *previous_influence, *previous_dependence, i, j, l, k;
	bool any = false;

	out->status = CROSSIMPACT_MICMAC_CAPPED;
	out->power = 0;
	if (!crossimpact_size_ok(n, err))
		return -1;
	for (i = 0; i < n * n; i++) {
		a = m[i];
		if (!isfinite(a) || a < 0)
			return error_set(err, "influence of factor %zu on factor %zu is %g; "
			    "MICMAC needs non-negative influences", i / n + 1, i % n + 1, a);
		if (a > 0)
			any = true;
	}
	if (!any)
		return error_set(err, "the matrix has no influences: nothing to rank");
	power = work;
	next = power + n * n;
	rows = next + n * n;
	columns = rows + n;
	previous_influence = (size_t *)(void *)(columns + n);
	previous_dependence = previous_influence + n;

	memcpy(power, m, n * n * sizeof(double));
	crossimpact_rescale(power, n * n);
	crossimpact_micmac_sums(power, n, rows, columns, out);
	memcpy(out->direct_influence_rank, out->influence_rank, n * sizeof(size_t));
	memcpy(out->direct_dependence_rank, out->dependence_rank, n * sizeof(size_t));
	out->power = 1;
	for (k = 2; k <= CROSSIMPACT_MICMAC_MAX_POWER; k++) {
		/* next = power · M: paths one step longer. Every term is
		 * non-negative, so the plain sum is accurate to n ulps. */
		for (i = 0; i < n; i++) {
			for (j = 0; j < n; j++) {
				s = 0;
				for (l = 0; l < n; l++)
					s += power[i * n + l] * m[l * n + j];
				next[i * n + j] = s;
			}
		}
		if (!crossimpact_rescale(next, n * n)) {
			/* M^k = 0: the graph has no cycles and no path is k steps
			 * long; the ranking of M^(k−1) is the last there is. */
			out->status = CROSSIMPACT_MICMAC_VANISHED;
			return 0;
		}
		memcpy(previous_influence, out->influence_rank, n * sizeof(size_t));
		memcpy(previous_dependence, out->dependence_rank, n * sizeof(size_t));
		memcpy(power, next, n * n * sizeof(double));
		crossimpact_micmac_sums(power, n, rows, columns, out);
		out->power = k;
		if (memcmp(previous_influence, out->influence_rank,
		    n * sizeof(size_t)) == 0 && memcmp(previous_dependence,
		    out->dependence_rank, n * sizeof(size_t)) == 0) {
			out->status = CROSSIMPACT_MICMAC_CONVERGED;
			return 0;
		}
	}
	out->status = CROSSIMPACT_MICMAC_CAPPED;
	return 0;
}

size_t
crossimpact_combine_work_size(size_t members)
{
	if (members > SIZE_MAX / sizeof(double))
		return 0;
	return members * sizeof(double);
}

/* Insertion sort: a cell has one value per member, a few dozen at most. */
static void
crossimpact_sort(double *x, size_t n)
{
	size_t i, j;
	double v;

	for (i = 1; i < n; i++) {
		v = x[i];
		for (j = i; j > 0 && x[j - 1] > v; j--)
			x[j] = x[j - 1];
		x[j] = v;
	}
}

int
crossimpact_combine(const double *matrices, const unsigned char *present,
    size_t members, size_t n, void *work, struct crossimpact_cell *cells,
    struct error *err)
{
	double *values = work, v;
	size_t i, j, member, count, at;

	if (!crossimpact_size_ok(n, err))
		return -1;
	if (members > SIZE_MAX / (n * n))
		return error_set(err, "%zu members × %zu factors is too large",
		    members, n);
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			struct crossimpact_cell *cell = &cells[i * n + j];

			count = 0;
			for (member = 0; member < members; member++) {
				at = (member * n + i) * n + j;
				if (present != NULL && present[at] == 0)
					continue;
				v = matrices[at];
				if (!isfinite(v))
					return error_set(err, "member %zu: influence of factor "
					    "%zu on factor %zu is %g, not a number", member + 1,
					    i + 1, j + 1, v);
				values[count++] = v;
			}
			cell->count = count;
			if (count == 0) {
				cell->median = cell->q1 = cell->q3 = NAN;
				cell->min = cell->max = NAN;
				continue;
			}
			/* METHODS §6: the median per cell, the spread with it. */
			crossimpact_sort(values, count);
			cell->median = ratings_quantile7(values, count, 0.5);
			cell->q1 = ratings_quantile7(values, count, 0.25);
			cell->q3 = ratings_quantile7(values, count, 0.75);
			cell->min = values[0];
			cell->max = values[count - 1];
		}
	}
	return 0;
}

int
crossimpact_medians(const struct crossimpact_cell *cells, size_t n, double *m,
    struct error *err)
{
	size_t i, j;

	if (!crossimpact_size_ok(n, err))
		return -1;
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			const struct crossimpact_cell *cell = &cells[i * n + j];

			if (cell->count > 0)
				m[i * n + j] = cell->median;
			else if (i == j)
				m[i * n + j] = 0;
			else
				return error_set(err, "nobody rated the influence of factor "
				    "%zu on factor %zu", i + 1, j + 1);
		}
	}
	return 0;
}
