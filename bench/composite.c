/* Benchmark of the composite index (METHODS §4): the ASEM pipeline of COINr's
 * build_example_coin() and an uncertainty analysis of 10,000 replications
 * (winmax 1..5, min-max [1, 100] or z-score (10, 2), arithmetic or geometric
 * mean), on 1 and 2 threads. Each measurement runs in a child process so that its
 * peak memory (ru_maxrss) is its own. Prints figures; nothing here passes or
 * fails. For scale: COINr needs about 0.1 s per replication. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app/index.h"

#define DATA	"tests/data/composite/ASEM_iData.csv"
#define META	"tests/data/composite/ASEM_iMeta.csv"

static double
bench_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int
bench_load(struct arena *a, struct index_model *m)
{
	struct index_options o;
	struct error e;

	index_options_default(&o);
	o.data_path = DATA;
	o.meta_path = META;
	o.denominate = true;
	o.impute = IMPUTE_GROUP_MEAN;
	o.group_column = "EurAsia_group";
	o.screen = true;
	o.treat = true;
	if (index_load(&o, a, m, &e) < 0 || index_build(m, a, &e) < 0) {
		fprintf(stderr, "bench: %s\n", e.message);
		return -1;
	}
	return 0;
}

/* Child: the parse and the pipeline. */
static int
bench_pipeline(void)
{
	struct arena a;
	struct index_model m;
	struct coinr_coin coin;
	struct error e;
	double t0, t1, t2;
	int i, reps = 2000;

	arena_init(&a);
	t0 = bench_now();
	if (coinr_read(DATA, META, &a, &coin, &e) < 0)
		return 1;
	t1 = bench_now();
	if (bench_load(&a, &m) < 0)
		return 1;
	t2 = bench_now();
	for (i = 0; i < reps; i++)
		if (composite_run(&m.h, &m.d, &m.spec, &m.result, &e) < 0)
			return 1;
	printf("parse iData + iMeta (%zu units x %zu indicators): %.3f ms\n",
	    coin.n_units, coin.n_indicators, (t1 - t0) * 1e3);
	printf("ASEM pipeline (denominate, impute, screen, treat, normalise, "
	    "aggregate, rank): %.1f us per build (mean of %d)\n",
	    (bench_now() - t2) / reps * 1e6, reps);
	arena_free(&a);
	return 0;
}

/* Child: the uncertainty analysis. */
static int
bench_uncertainty(size_t runs, int threads, double *seconds)
{
	struct arena a;
	struct index_model m;
	struct index_vary v[3];
	struct uncertainty_input in[3];
	struct uncertainty_result r;
	const char *vary[3] = { "winmax=1..5", "normalise=minmax:1,100/zscore:10,2",
	    "aggregate=amean/gmean" };
	struct rng g;
	struct error e;
	double t0;
	int i;

	arena_init(&a);
	if (bench_load(&a, &m) < 0)
		return 1;
	for (i = 0; i < 3; i++) {
		if (index_parse_vary(&m, vary[i], &a, &v[i], &e) < 0)
			return 1;
		in[i] = v[i].input;
	}
	rng_seed(&g, RNG_FAST, 1);
	t0 = bench_now();
	if (uncertainty_run(&m.h, &m.d, &m.spec, &m.result, in, 3, runs, &g,
	    threads, &a, &r, &e) < 0) {
		fprintf(stderr, "bench: %s\n", e.message);
		return 1;
	}
	*seconds = bench_now() - t0;
	arena_free(&a);
	return 0;
}

/* CPU seconds (user + system) of the last child measured. */
static double bench_cpu;

/* Runs fn in a child; returns its peak RSS in KiB and its printed seconds. */
static long
bench_child(int which, size_t runs, int threads, double *seconds)
{
	int fd[2];
	pid_t pid;
	struct rusage ru;
	int status;

	if (pipe(fd) < 0)
		return -1;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		double s = 0;
		int rc;

		close(fd[0]);
		rc = which == 0 ? bench_pipeline() :
		    bench_uncertainty(runs, threads, &s);
		fflush(stdout);
		if (write(fd[1], &s, sizeof(s)) != (ssize_t)sizeof(s))
			rc = 1;
		_exit(rc);
	}
	close(fd[1]);
	if (pid < 0 || read(fd[0], seconds, sizeof(*seconds)) !=
	    (ssize_t)sizeof(*seconds))
		*seconds = -1;
	close(fd[0]);
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return -1;
	bench_cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 +
	    (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
	return ru.ru_maxrss;
}

int
main(void)
{
	double load[3], s1 = 0, s2 = 0;
	long kb;
	size_t runs = 10000;

	if (getloadavg(load, 3) == 3)
		printf("machine: %d processors online, load average %.2f %.2f %.2f "
		    "(shared with other work)\n", index_default_threads(), load[0],
		    load[1], load[2]);
	kb = bench_child(0, 0, 1, &s1);
	if (kb < 0)
		return 1;
	printf("  peak memory of that process: %.1f MiB\n", kb / 1024.0);
	kb = bench_child(1, runs, 1, &s1);
	if (kb < 0 || s1 <= 0)
		return 1;
	printf("uncertainty, %zu replications, 1 thread: %.3f s, %.1f us per "
	    "replication (CPU %.1f us), peak memory %.1f MiB\n", runs, s1,
	    s1 / runs * 1e6, bench_cpu / runs * 1e6, kb / 1024.0);
	kb = bench_child(1, runs, 2, &s2);
	if (kb < 0 || s2 <= 0)
		return 1;
	printf("uncertainty, %zu replications, 2 threads: %.3f s, %.1f us per "
	    "replication (CPU %.1f us), peak memory %.1f MiB, speed-up %.2fx; "
	    "%.2f cores busy on average (2 if no other process competes)\n",
	    runs, s2, s2 / runs * 1e6, bench_cpu / runs * 1e6, kb / 1024.0,
	    s1 / s2, bench_cpu / s2);
	printf("against COINr's ~0.1 s per replication: %.0fx faster on 1 thread, "
	    "%.0fx on 2\n", 0.1 / (s1 / runs), 0.1 / (s2 / runs));
	return 0;
}
