/*
 * Uncertainty analysis, METHODS §4.10, as COINr's get_sensitivity(SA_type = "UA"):
 *
 *   XX <- matrix(runif(d * N), nrow = N, ncol = d)     draws, input by input
 *   i_para <- cut(XX[, i], K_i, 1:K_i)                  per input
 *   per replication: regenerate with the chosen alternatives, rank the index
 *   RankStats: mean, median, quantile(0.05), quantile(0.95) of each unit's ranks
 *
 * Every draw is made before any replication runs and every replication writes
 * only its own row of ranks, so the result does not depend on the number of
 * threads or on which thread ran which replication. The stages before treatment
 * do not depend on any input that can vary here, so replications start from the
 * nominal run's screened data.
 */
#include "core/uncertainty.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

const char *const uncertainty_kind_names[UNCERTAINTY__MAX] = {
	"winmax", "normalise", "aggregate", "weights"
};

int
uncertainty_cut(const double *u, size_t n, size_t k, size_t *bin,
    struct error *e)
{
	double min = 0, max = 0, dx, lo, hi, step;
	size_t j;

	if (k < 2)
		return error_set(e, "an uncertain input needs at least 2 "
		    "alternatives (got %zu)", k);
	if (n == 0 || colstat_range(u, n, &min, &max) < 0)
		return error_set(e, "no draws to cut");
	/* R's cut.default with breaks = k: seq.int(min, max, length.out = k + 1)
	 * gives min + i * (max - min)/k; the outer breaks are widened by dx/1000.
	 * A zero range widens by |min|/1000 (or 1/1000 when min is 0) instead. */
	dx = max - min;
	if (dx == 0.0) {
		double w = min != 0.0 ? fabs(min) : 1.0;

		lo = min - w / 1000.0;
		hi = max + w / 1000.0;
		step = (hi - lo) / (double)k;
	} else {
		lo = min - dx / 1000.0;
		hi = max + dx / 1000.0;
		step = dx / (double)k;
	}
	for (j = 0; j < n; j++) {
		/* .bincode(right = TRUE): the bin b with breaks[b] < u <= breaks[b+1],
		 * found by the same bisection R uses. */
		size_t a = 0, b = k;
		double x = u[j];

		while (b - a >= 2) {
			size_t mid = (a + b) / 2;
			double brk = dx == 0.0 ? lo + (double)mid * step :
			    min + (double)mid * step;

			if (x > brk)
				a = mid;
			else
				b = mid;
		}
		bin[j] = a;
	}
	return 0;
}

void
uncertainty_noisy_weights(const struct composite_hierarchy *h,
    const double *nominal, const int *levels, size_t n_levels,
    const double *factor, size_t k, struct rng *g, double **out)
{
	size_t j, l, node;

	for (j = 0; j < k; j++) {
		memcpy(out[j], nominal, h->n_nodes * sizeof(double));
		for (l = 0; l < n_levels; l++) {
			int level = levels[l];
			double f = factor[level];

			for (node = 0; node < h->n_nodes; node++) {
				double u;

				if (h->level[node] != level)
					continue;
				u = rng_uniform(g);
				out[j][node] += (u * 2.0 - 1.0) * f * nominal[node];
			}
		}
	}
}

struct uncertainty_job {
	const struct composite_hierarchy	*h;
	const struct composite_data		*d;
	const struct composite_spec		*spec;
	const struct composite_result		*nominal;
	const struct uncertainty_input		*inputs;
	size_t					 n_inputs;
	const size_t				*choice;
	size_t					 runs;
	double					*ranks;
	unsigned char				*failed_run;
	atomic_size_t				 next;
};

struct uncertainty_worker {
	struct uncertainty_job		*job;
	struct composite_result		 result;
};

static void
uncertainty_one(struct uncertainty_job *job, struct composite_result *res,
    size_t run)
{
	struct composite_spec s = *job->spec;
	size_t nk = job->nominal->n_kept, i;

	for (i = 0; i < job->n_inputs; i++) {
		const struct uncertainty_input *in = &job->inputs[i];
		size_t c = job->choice[i * job->runs + run];

		switch (in->kind) {
		case UNCERTAINTY_WINMAX:
			s.treatment.winmax = in->winmax[c];
			break;
		case UNCERTAINTY_NORMALISE:
			s.normalise = in->normalise[c];
			break;
		case UNCERTAINTY_AGGREGATE:
			s.aggregate = in->aggregate[c];
			break;
		case UNCERTAINTY_WEIGHTS:
			s.weight = in->weights[c];
			break;
		default:
			break;
		}
	}
	if (composite_run_after_screening(job->h, job->d, &s, job->nominal, res,
	    NULL) < 0) {
		job->failed_run[run] = 1;
		for (i = 0; i < nk; i++)
			job->ranks[run * nk + i] = NAN;
		return;
	}
	job->failed_run[run] = 0;
	memcpy(job->ranks + run * nk, res->rank, nk * sizeof(double));
}

/* Replications are handed out in small chunks from a shared counter. */
static void *
uncertainty_work(void *arg)
{
	struct uncertainty_worker *w = arg;
	struct uncertainty_job *job = w->job;
	const size_t chunk = 16;

	for (;;) {
		size_t first = atomic_fetch_add(&job->next, chunk), r;

		if (first >= job->runs)
			break;
		for (r = first; r < first + chunk && r < job->runs; r++)
			uncertainty_one(job, &w->result, r);
	}
	return NULL;
}

int
uncertainty_replicate(const struct composite_hierarchy *h,
    const struct composite_data *d, const struct composite_spec *spec,
    const struct composite_result *nominal,
    const struct uncertainty_input *inputs, size_t n_inputs,
    const double *draws, size_t *choice, size_t runs, int threads,
    struct arena *a, double *ranks, unsigned char *failed_run,
    struct error *e)
{
	struct uncertainty_job job = {
		.h = h, .d = d, .spec = spec, .nominal = nominal,
		.inputs = inputs, .n_inputs = n_inputs, .choice = choice,
		.runs = runs, .ranks = ranks, .failed_run = failed_run,
	};
	struct uncertainty_worker *workers;
	pthread_t *tid;
	int t, started = 0;
	size_t i;

	for (i = 0; i < n_inputs; i++)
		if (uncertainty_cut(draws + i * runs, runs,
		    inputs[i].n_alternatives, choice + i * runs, e) < 0)
			return error_prefix(e, "input %zu (%s)", i + 1,
			    uncertainty_kind_names[inputs[i].kind]);
	atomic_init(&job.next, 0);
	if (threads < 1)
		threads = 1;
	if ((size_t)threads > runs)
		threads = runs > 0 ? (int)runs : 1;
	workers = arena_alloc(a, (size_t)threads * sizeof(*workers));
	tid = arena_alloc(a, (size_t)threads * sizeof(*tid));
	for (t = 0; t < threads; t++) {
		workers[t].job = &job;
		composite_result_init(&workers[t].result, a, h, nominal->n_units);
	}
	if (threads == 1) {
		uncertainty_work(&workers[0]);
		return 0;
	}
	for (t = 0; t < threads; t++) {
		if (pthread_create(&tid[t], NULL, uncertainty_work, &workers[t]) != 0)
			break;
		started++;
	}
	/* Threads that started finish the work of those that did not; with no
	 * thread at all, this one does it. */
	if (started == 0)
		uncertainty_work(&workers[0]);
	for (t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	return 0;
}

void
uncertainty_stats_compute(const struct composite_result *nominal,
    const double *ranks, size_t runs, struct arena *a,
    struct uncertainty_stats *st)
{
	size_t nk = nominal->n_kept, i, r;
	double *sorted = arena_alloc(a, (runs > 0 ? runs : 1) * sizeof(double));

	st->n_units = nk;
	st->unit = nominal->kept;
	st->nominal = arena_alloc(a, nk * sizeof(double));
	st->mean = arena_alloc(a, nk * sizeof(double));
	st->median = arena_alloc(a, nk * sizeof(double));
	st->q5 = arena_alloc(a, nk * sizeof(double));
	st->q95 = arena_alloc(a, nk * sizeof(double));
	st->runs = arena_alloc(a, nk * sizeof(size_t));
	for (i = 0; i < nk; i++) {
		size_t k = 0;

		for (r = 0; r < runs; r++)
			if (!isnan(ranks[r * nk + i]))
				sorted[k++] = ranks[r * nk + i];
		colstat_sort(sorted, k);
		st->nominal[i] = nominal->rank[i];
		st->runs[i] = k;
		st->mean[i] = k > 0 ? colstat_sum(sorted, k) / (double)k : NAN;
		st->median[i] = colstat_median(sorted, k);
		st->q5[i] = colstat_quantile7(sorted, k, 0.05);
		st->q95[i] = colstat_quantile7(sorted, k, 0.95);
	}
}

int
uncertainty_run(const struct composite_hierarchy *h,
    const struct composite_data *d, const struct composite_spec *spec,
    const struct composite_result *nominal,
    const struct uncertainty_input *inputs, size_t n_inputs, size_t runs,
    struct rng *g, int threads, struct arena *a,
    struct uncertainty_result *result, struct error *e)
{
	size_t i, r, nk = nominal->n_kept;

	memset(result, 0, sizeof(*result));
	if (runs == 0)
		return error_set(e, "no replications asked for");
	if (n_inputs == 0)
		return error_set(e, "no uncertain input");
	result->runs = runs;
	result->n_inputs = n_inputs;
	result->draws = arena_alloc(a, n_inputs * runs * sizeof(double));
	result->choice = arena_alloc(a, n_inputs * runs * sizeof(size_t));
	result->ranks = arena_alloc(a, runs * nk * sizeof(double));
	result->failed_run = arena_alloc(a, runs);
	/* All d N draws at once, the first N for the first input (METHODS §4.10). */
	for (i = 0; i < n_inputs * runs; i++)
		result->draws[i] = rng_uniform(g);
	if (uncertainty_replicate(h, d, spec, nominal, inputs, n_inputs,
	    result->draws, result->choice, runs, threads, a, result->ranks,
	    result->failed_run, e) < 0)
		return -1;
	for (r = 0; r < runs; r++)
		result->failed += result->failed_run[r];
	uncertainty_stats_compute(nominal, result->ranks, runs, a, &result->stats);
	return 0;
}
