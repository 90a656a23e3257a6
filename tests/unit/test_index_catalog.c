/* Unit tests of src/app/index_catalog on a temporary database with the
 * fixture tests/data/index/ (catalog.json or sensitivity.json,
 * observations.csv): a catalogue index built from the database, its leaves
 * (level, growth, entropy, resistance, share), the latest common year,
 * leaves without figures, the statuses, and the uncertainty and sensitivity
 * analyses being the same for 1 and 2 threads. Every expected number is a
 * hand calculation written out beside its check (min-max onto [0, 100] and
 * the arithmetic mean, METHODS §4.6, §4.8), the structure measures from
 * METHODS §3.3 and §3.7 with the textbook figures of METHODS §3.6. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "app/index_catalog.h"
#include "fixture.h"
#include "near.h"

static int
setup(void **state)
{
	static const char *const files[] = {
		"tests/data/index/observations.csv"
	};

	return fixture_db_setup(state, "tests/data/index/catalog.json", files,
	    1);
}

static enum index_catalog_status
build(struct fixture_db *f, const char *code, bool uncertainty, int threads,
    struct index_catalog *x)
{
	struct index_catalog_options o;
	struct error e;

	memset(&o, 0, sizeof(o));
	o.code = code;
	o.uncertainty = uncertainty;
	o.threads = threads;
	return index_catalog_build(f->db, &o, x, &e);
}

static const struct index_catalog_node *
node(const struct index_catalog *x, const char *code)
{
	size_t i;

	for (i = 0; i < x->node_count; i++)
		if (strcmp(x->nodes[i].code, code) == 0)
			return &x->nodes[i];
	fail_msg("no node %s", code);
	return NULL;
}

static const struct index_catalog_leaf *
leaf(const struct index_catalog *x, const char *code)
{
	size_t i;

	for (i = 0; i < x->leaf_count; i++)
		if (strcmp(x->leaves[i].component->code, code) == 0)
			return &x->leaves[i];
	fail_msg("no leaf %s", code);
	return NULL;
}

/* Units are R1, R2, R3 in this order (the index's). */
#define R1 0
#define R2 1
#define R3 2

/*
 * `strength`, 2014: group P1 (weight 2) of L1 GDP per head and L2 the
 * unemployment rate (lower is better), group P2 (weight 1) of L3 the growth
 * of persons employed from 2010.
 *   L1 raw 30000, 20000, 25000 → (x − 20000)/10000·100 = 100, 0, 50.
 *   L2 raw 6, 8, 4, direction −1: z = −6, −8, −4, (z + 8)/4·100 = 50, 0, 100.
 *   L3 raw: 180 → 198 = +10 %, 160 → 152 = −5 %, 760 → 798 = +5 %;
 *      (g + 5)/15·100 = 100, 0, 66.667.
 *   P1 = (L1 + L2)/2 = 75, 0, 75;  P2 = L3.
 *   index = (2·P1 + P2)/3 = (150 + 100)/3 = 83.333, 0, (150 + 66.667)/3 =
 *      72.222;  ranks 1, 3, 2.
 */
static void
test_strength_by_hand(void **state)
{
	struct index_catalog x;

	assert_int_equal(build(*state, "strength", false, 1, &x),
	    INDEX_CATALOG_OK);
	assert_string_equal(x.period, "2014");
	assert_false(x.latest);
	assert_string_equal(x.home->code, "R1");
	assert_near(leaf(&x, "L1")->raw[R2], 20000, 1e-9);
	assert_near(leaf(&x, "L2")->raw[R3], 4, 1e-9);
	assert_near(leaf(&x, "L3")->raw[R1], 10, 1e-9);
	assert_near(leaf(&x, "L3")->raw[R2], -5, 1e-9);
	assert_near(leaf(&x, "L3")->raw[R3], 5, 1e-9);
	assert_int_equal(leaf(&x, "L2")->direction, -1);
	assert_string_equal(leaf(&x, "L2")->direction_source, "polarity");
	assert_near(leaf(&x, "L1")->normalised[R3], 50, 1e-9);
	assert_near(leaf(&x, "L2")->normalised[R1], 50, 1e-9);
	assert_near(leaf(&x, "L2")->normalised[R2], 0, 1e-9);
	assert_near(leaf(&x, "L3")->normalised[R3], 200.0 / 3, 1e-9);
	assert_near(index_catalog_score(&x, node(&x, "P1"), R1), 75, 1e-9);
	assert_near(index_catalog_score(&x, node(&x, "P1"), R2), 0, 1e-9);
	assert_near(index_catalog_score(&x, node(&x, "P2"), R3), 200.0 / 3, 1e-9);
	assert_near(index_catalog_score(&x, node(&x, "strength"), R1),
	    250.0 / 3, 1e-9);
	assert_near(index_catalog_score(&x, node(&x, "strength"), R3),
	    (150 + 200.0 / 3) / 3, 1e-9);
	assert_near(index_catalog_score(&x, node(&x, "strength"), R2), 0, 1e-9);
	assert_near(x.result.rank[R1], 1, 0);
	assert_near(x.result.rank[R2], 3, 0);
	assert_near(x.result.rank[R3], 2, 0);
	/* Weights 2 and 1: P1 counts two thirds of the index. */
	assert_near(node(&x, "P1")->share, 2.0 / 3, 1e-9);
	assert_near(node(&x, "L1")->share, 0.5, 1e-9);
	assert_int_equal(node(&x, "L3")->level, 1);
	assert_int_equal(node(&x, "P2")->level, 2);
	assert_int_equal(node(&x, "strength")->level, 3);
	assert_int_equal(index_catalog_rank_order(&x)[0], R1);
	assert_int_equal(index_catalog_rank_order(&x)[2], R2);
	index_catalog_free(&x);
}

/*
 * `diversity`, period latest: L4 entropy and L6 GDP per head have figures
 * for every region in 2012 (six values), GDP alone in 2014 (three): 2012.
 *   L4 entropy 2012 (METHODS §3.2, bits): R1 (10, 0, 5, 5) → 1.5 (the §3.3
 *      check), R2 (5, 5, 5, 5) → 2, R3 (20, 0, 0, 0) → 0;  points 75, 100, 0.
 *   L5 resistance to the crisis 2010 → 2011 (METHODS §3.7) against NAT's
 *      sector growth g = (0.1, 0.4, −0.1, 0.2): expected E = Σ g_i x_i(2010)
 *      = 28 (R1), 23 (R2), 114 (R3); actual change 25, 55, 85; resistance
 *      (Δ − E)/|E| = −3/28, 32/23, −29/114.  Points (r + 29/114)/(32/23 +
 *      29/114)·100, R2 100, R3 0.
 *   L6 GDP 2012 28000, 21000, 24000 → 100, 0, 3000/7000·100.
 *   index = mean of the three.
 */
static void
test_diversity_latest(void **state)
{
	struct index_catalog x;
	double r1 = -3.0 / 28, r2 = 32.0 / 23, r3 = -29.0 / 114;
	double p1 = (r1 - r3) / (r2 - r3) * 100;

	assert_int_equal(build(*state, "diversity", false, 1, &x),
	    INDEX_CATALOG_OK);
	assert_true(x.latest);
	assert_string_equal(x.period, "2012");
	assert_near(leaf(&x, "L4")->raw[R1], 1.5, 1e-9);
	assert_near(leaf(&x, "L4")->raw[R2], 2, 1e-9);
	assert_near(leaf(&x, "L4")->raw[R3], 0, 0);
	assert_near(leaf(&x, "L5")->raw[R1], r1, 1e-9);
	assert_near(leaf(&x, "L5")->raw[R2], r2, 1e-9);
	assert_near(leaf(&x, "L5")->raw[R3], r3, 1e-9);
	assert_string_equal(leaf(&x, "L4")->direction_source, "measure");
	assert_string_equal(leaf(&x, "L4")->unit, "bits");
	assert_near(leaf(&x, "L5")->normalised[R1], p1, 1e-9);
	assert_near(index_catalog_score(&x, node(&x, "diversity"), R1),
	    (75 + p1 + 100) / 3, 1e-9);
	assert_near(index_catalog_score(&x, node(&x, "diversity"), R2),
	    200.0 / 3, 1e-9);
	assert_near(index_catalog_score(&x, node(&x, "diversity"), R3),
	    300.0 / 7 / 3, 1e-9);
	assert_near(x.result.rank[R2], 1, 0);
	assert_near(x.result.rank[R1], 2, 0);
	assert_near(x.result.rank[R3], 3, 0);
	index_catalog_free(&x);
}

/*
 * `gaps`, 2012: G2 names an indicator without figures: it is left out and
 * says why. G3 is the share of S1 in percent, a larger share worse:
 *   G1 GDP 2012 → 100, 0, 42.857 (as above).
 *   G3 shares 10/20 = 50 %, 5/20 = 25 %, 20/20 = 100 %; z = −50, −25, −100;
 *      (z + 100)/75·100 = 66.667, 100, 0.
 *   index = (G1 + G3)/2 = 83.333, 50, 21.429.
 */
static void
test_gaps_and_share(void **state)
{
	struct index_catalog x;

	assert_int_equal(build(*state, "gaps", false, 1, &x), INDEX_CATALOG_OK);
	assert_non_null(leaf(&x, "G2")->unused);
	assert_non_null(strstr(leaf(&x, "G2")->unused, "none of the 3 regions"));
	assert_true(isnan(leaf(&x, "G2")->raw[R1]));
	assert_non_null(leaf(&x, "G2")->reason[R1]);
	assert_true(leaf(&x, "G2")->node < 0);
	assert_true(node(&x, "G2")->node < 0);
	assert_true(isnan(node(&x, "G2")->share));
	assert_near(node(&x, "G1")->share, 0.5, 1e-9);
	assert_near(leaf(&x, "G3")->raw[R1], 50, 1e-9);
	assert_near(leaf(&x, "G3")->raw[R3], 100, 1e-9);
	assert_string_equal(leaf(&x, "G3")->direction_source, "explicit");
	assert_near(leaf(&x, "G3")->normalised[R1], 200.0 / 3, 1e-9);
	assert_near(index_catalog_score(&x, node(&x, "gaps"), R1), 250.0 / 3, 1e-9);
	assert_near(index_catalog_score(&x, node(&x, "gaps"), R2), 50, 1e-9);
	assert_near(index_catalog_score(&x, node(&x, "gaps"), R3),
	    300.0 / 7 / 2, 1e-9);
	index_catalog_free(&x);
}

static void
test_statuses(void **state)
{
	struct index_catalog x;

	assert_int_equal(build(*state, "nope", false, 1, &x),
	    INDEX_CATALOG_NOT_FOUND);
	assert_non_null(strstr(x.reason, "no index 'nope'"));
	index_catalog_free(&x);
	/* No code: the catalogue's first index. */
	assert_int_equal(build(*state, NULL, false, 1, &x), INDEX_CATALOG_OK);
	assert_string_equal(x.index->code, "strength");
	assert_false(x.has_uncertainty);
	index_catalog_free(&x);
}

/* The same seed gives the same analysis for one thread and for two; the
 * ranks' quantiles stay within the ranks there are. */
static void
test_uncertainty_threads(void **state)
{
	struct index_catalog a, b;
	const struct uncertainty_stats *sa, *sb;
	size_t i, n;

	assert_int_equal(build(*state, "strength", true, 1, &a),
	    INDEX_CATALOG_OK);
	assert_int_equal(build(*state, "strength", true, 2, &b),
	    INDEX_CATALOG_OK);
	assert_true(a.has_uncertainty && b.has_uncertainty);
	assert_int_equal(a.uncertainty.runs, 500);
	assert_int_equal(a.seed, 11);
	/* normalise, aggregate and weights (levels 1 and 2, one set a run). */
	assert_int_equal(a.varied_count, 3);
	assert_string_equal(a.varied[2], "weights=1:0.25,2:0.25,sets=500");
	sa = &a.uncertainty.stats;
	sb = &b.uncertainty.stats;
	n = sa->n_units;
	assert_int_equal(n, 3);
	assert_memory_equal(a.uncertainty.ranks, b.uncertainty.ranks,
	    a.uncertainty.runs * n * sizeof(double));
	for (i = 0; i < n; i++) {
		assert_memory_equal(&sa->median[i], &sb->median[i],
		    sizeof(double));
		assert_memory_equal(&sa->q5[i], &sb->q5[i], sizeof(double));
		assert_memory_equal(&sa->q95[i], &sb->q95[i], sizeof(double));
		assert_true(sa->q5[i] >= 1 && sa->q95[i] <= 3);
		assert_true(sa->q5[i] <= sa->q95[i]);
		assert_near(sa->nominal[i], a.result.rank[sa->unit[i]], 0);
	}
	index_catalog_free(&a);
	index_catalog_free(&b);
}

static int
setup_sensitivity(void **state)
{
	static const char *const files[] = {
		"tests/data/index/observations.csv"
	};

	return fixture_db_setup(state, "tests/data/index/sensitivity.json",
	    files, 1);
}

static enum index_catalog_status
sensitivity(struct fixture_db *f, const char *code, int threads,
    struct index_catalog *x)
{
	struct index_catalog_options o;
	struct error e;

	memset(&o, 0, sizeof(o));
	o.code = code;
	o.sensitivity = true;
	o.threads = threads;
	return index_catalog_build(f->db, &o, x, &e);
}

/* The sensitivity analysis varies the catalogue's three inputs in the
 * design of N (d + 2) = 1000 · 5 runs, the same for 1 and 2 threads. In
 * `balance` (tests/data/index/sensitivity.json) R1 and R3 have mirrored
 * points under every normalisation (min-max 1..100: (100, 50.5) and
 * (50.5, 100); z-scores 10 ± 2: (12, 10) and (10, 12)), so under either
 * aggregation R1 is ahead exactly when w(L1) > w(L2): the output depends on
 * the weights alone, y_ABi = y_A for normalise and aggregate, and their
 * S_i = mean(y_B (y_ABi - y_A)) / V and ST_i = Σ (y_A - y_ABi)² / (2 N V)
 * are exactly 0 (METHODS §4.11); the weights' S and ST are 1 up to the
 * Monte-Carlo error (5/sqrt(1000) ≈ 0.15). */
static void
test_sensitivity_balance(void **state)
{
	struct index_catalog a, b;
	int i;

	assert_int_equal(sensitivity(*state, "balance", 1, &a),
	    INDEX_CATALOG_OK);
	assert_int_equal(sensitivity(*state, "balance", 2, &b),
	    INDEX_CATALOG_OK);
	assert_true(a.has_sensitivity);
	assert_false(a.has_uncertainty);
	assert_null(a.sensitivity_note);
	assert_int_equal(a.sensitivity.n, 1000);
	assert_int_equal(a.sensitivity.n_inputs, 3);
	assert_int_equal(a.sensitivity.runs, 5000);
	assert_int_equal(a.sensitivity.failed, 0);
	assert_int_equal(a.seed, 5);
	assert_string_equal(a.varied[0], "normalise=minmax:1,100/zscore:10,2");
	assert_string_equal(a.varied[1], "aggregate=amean/gmean");
	assert_string_equal(a.varied[2], "weights=1:1,sets=1000");
	assert_memory_equal(a.sensitivity.output, b.sensitivity.output,
	    a.sensitivity.runs * sizeof(double));
	for (i = 0; i < 2; i++) {
		assert_near(a.sensitivity.first[i], 0, 0);
		assert_near(a.sensitivity.total[i], 0, 0);
	}
	assert_near(a.sensitivity.first[2], 1, 0.15);
	assert_near(a.sensitivity.total[2], 1, 0.15);
	index_catalog_free(&a);
	index_catalog_free(&b);
}

/* `single`: one leaf. Min-max and z-scores are increasing maps and the mean
 * of one child is that child, so no variant moves a rank: V = 0 and no
 * index is computable: NAN, with the reason as the note, never 0. */
static void
test_sensitivity_constant(void **state)
{
	struct index_catalog x;
	int i;

	assert_int_equal(sensitivity(*state, "single", 1, &x),
	    INDEX_CATALOG_OK);
	assert_true(x.has_sensitivity);
	assert_int_equal(x.sensitivity.n, 100);
	assert_near(x.sensitivity.variance, 0, 0);
	for (i = 0; i < 3; i++) {
		assert_true(isnan(x.sensitivity.first[i]));
		assert_true(isnan(x.sensitivity.total[i]));
	}
	assert_non_null(x.sensitivity_note);
	assert_non_null(strstr(x.sensitivity_note, "does not vary"));
	index_catalog_free(&x);
}

/* A test on a fresh database from setup(). */
#define DB_TEST(test) \
	cmocka_unit_test_setup_teardown(test, setup, fixture_db_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		DB_TEST(test_strength_by_hand),
		DB_TEST(test_diversity_latest),
		DB_TEST(test_gaps_and_share),
		DB_TEST(test_statuses),
		DB_TEST(test_uncertainty_threads),
		cmocka_unit_test_setup_teardown(test_sensitivity_balance,
		    setup_sensitivity, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_sensitivity_constant,
		    setup_sensitivity, fixture_db_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
