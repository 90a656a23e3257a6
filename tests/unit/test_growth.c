/* Unit tests of src/core/growth: changes, CAGR, index series, annual values
 * (METHODS §2.1, §1). Every expected value is worked out in the comment above it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "core/growth.h"
#include "unit/near.h"

static struct period
year(int y)
{
	struct period p = { y, PERIOD_YEAR, 0 };

	return p;
}

static struct period
sub(int y, enum period_kind kind, int s)
{
	struct period p = { y, kind, s };

	return p;
}

static void
test_change_and_relative(void **state)
{
	double v;

	assert_int_equal(growth_change(3, 5, &v), GROWTH_OK);
	assert_true(v == 2);
	/* (5 − 4) / 4 = 0.25 */
	assert_int_equal(growth_relative_change(4, 5, &v), GROWTH_OK);
	assert_true(v == 0.25);
	assert_int_equal(growth_relative_change(0, 5, &v), GROWTH_ZERO_BASE);
	assert_int_equal(growth_change(NAN, 5, &v), GROWTH_NOT_FINITE);
	assert_int_equal(growth_relative_change(4, INFINITY, &v),
	    GROWTH_NOT_FINITE);
}

static void
test_cagr(void **state)
{
	double v = 42;

	/* (121/100)^(1/2) − 1 = 1.1 − 1 = 0.1 */
	assert_int_equal(growth_cagr(121, 100, 2020, 2018, &v), GROWTH_OK);
	assert_near(v, 0.1, 1e-15);
	/* (50/100)^(1/1) − 1 = −0.5 */
	assert_int_equal(growth_cagr(50, 100, 2020, 2019, &v), GROWTH_OK);
	assert_true(v == -0.5);
	/* Both negative: the ratio 121/100 is positive, so CAGR is defined. */
	assert_int_equal(growth_cagr(-121, -100, 2, 0, &v), GROWTH_OK);
	assert_near(v, 0.1, 1e-15);
	/* Open SDG's first worked case: (30/10)^(1/1) − 1 = 2 */
	assert_int_equal(growth_cagr(30, 10, 2016, 2015, &v), GROWTH_OK);
	assert_true(v == 2);
	/* Defined only for a/b > 0; a status, never a silent 0. */
	v = 42;
	assert_int_equal(growth_cagr(1, -1, 2, 1, &v), GROWTH_SIGN_CHANGE);
	assert_int_equal(growth_cagr(0, 5, 2, 1, &v), GROWTH_ZERO_VALUE);
	assert_int_equal(growth_cagr(5, 0, 2, 1, &v), GROWTH_ZERO_BASE);
	assert_int_equal(growth_cagr(5, 4, 2020, 2020, &v), GROWTH_ZERO_SPAN);
	assert_int_equal(growth_cagr(NAN, 4, 2, 1, &v), GROWTH_NOT_FINITE);
	assert_true(v == 42);	/* untouched on failure */
	/* A growth rate so large it overflows is reported, not returned. */
	assert_int_equal(growth_cagr(1e300, 1e-300, 2, 1, &v), GROWTH_NOT_FINITE);
}

static void
test_series_changes_gaps_and_breaks(void **state)
{
	/* 2015 100, 2016 110, (2017 missing), 2018 121, 2019 133.1 with a break. */
	struct period p[] = { year(2015), year(2016), year(2018), year(2019) };
	double v[] = { 100, 110, 121, 133.1 };
	unsigned f[] = { 0, 0, 0, SERIES_FLAG_BREAK };
	struct series s = { p, v, f, 4 };
	struct growth_point out[4];
	struct error e;

	assert_int_equal(growth_series_changes(&s, GROWTH_ABSOLUTE, out, &e), 0);
	assert_int_equal(out[0].status, GROWTH_NO_PREVIOUS);	/* first year */
	assert_int_equal(out[1].status, GROWTH_OK);
	assert_true(out[1].value == 10);			/* 110 − 100 */
	assert_int_equal(out[2].status, GROWTH_NO_PREVIOUS);	/* 2017 absent */
	assert_int_equal(out[3].status, GROWTH_BREAK);		/* across the break */
	assert_int_equal(growth_series_changes(&s, GROWTH_RELATIVE, out, &e), 0);
	assert_near(out[1].value, 0.1, 1e-15);		/* 10 / 100 */
}

static void
test_series_changes_quarterly(void **state)
{
	/* 2019-Q1 … 2020-Q2: a quarter is compared with the same quarter a year
	 * earlier, 2020-Q1 − 2019-Q1 = 14 − 10 = 4. */
	struct period p[] = { sub(2019, PERIOD_QUARTER, 1),
	    sub(2019, PERIOD_QUARTER, 2), sub(2019, PERIOD_QUARTER, 3),
	    sub(2019, PERIOD_QUARTER, 4), sub(2020, PERIOD_QUARTER, 1),
	    sub(2020, PERIOD_QUARTER, 2) };
	double v[] = { 10, 11, 12, 13, 14, 16 };
	struct series s = { p, v, NULL, 6 };
	struct growth_point out[6];

	assert_int_equal(growth_series_changes(&s, GROWTH_ABSOLUTE, out, NULL), 0);
	assert_int_equal(out[3].status, GROWTH_NO_PREVIOUS);
	assert_int_equal(out[4].status, GROWTH_OK);
	assert_true(out[4].value == 4);
	assert_true(out[5].value == 5);		/* 16 − 11 */
}

static void
test_series_changes_bad_input(void **state)
{
	struct period p[] = { year(2016), year(2015) };
	double v[] = { 1, 2 };
	struct series s = { p, v, NULL, 2 };
	struct series empty = { NULL, NULL, NULL, 0 };
	struct growth_point out[2];
	struct error e;

	assert_int_equal(growth_series_changes(&s, GROWTH_ABSOLUTE, out, &e), -1);
	assert_non_null(strstr(e.message, "unsorted"));
	assert_int_equal(growth_series_changes(&empty, GROWTH_ABSOLUTE, out, &e), 0);
}

static void
test_index(void **state)
{
	/* Base 2016 = 80: 2015 → 72/80×100 = 90, 2017 → 88/80×100 = 110; 2018
	 * follows a break and is not comparable with the base. */
	struct period p[] = { year(2015), year(2016), year(2017), year(2018) };
	double v[] = { 72, 80, 88, 96 };
	unsigned f[] = { 0, 0, 0, SERIES_FLAG_BREAK };
	struct series s = { p, v, f, 4 };
	double zero[] = { 1, 0, 2, 3 }, negative[] = { 1, -2, 3, 4 };
	struct growth_point out[4];
	struct error e;

	assert_int_equal(growth_index(&s, 1, out, &e), 0);
	assert_int_equal(out[0].status, GROWTH_OK);
	assert_near(out[0].value, 90, 1e-12);
	assert_true(out[1].value == 100);
	assert_near(out[2].value, 110, 1e-12);
	assert_int_equal(out[3].status, GROWTH_BREAK);
	s.values = zero;
	assert_int_equal(growth_index(&s, 1, out, &e), 0);
	assert_int_equal(out[2].status, GROWTH_ZERO_BASE);
	s.values = negative;
	assert_int_equal(growth_index(&s, 1, out, &e), 0);
	assert_int_equal(out[0].status, GROWTH_NEGATIVE_BASE);
	assert_int_equal(growth_index(&s, 9, out, &e), -1);
}

static void
test_annualise_monthly(void **state)
{
	/* 2019: all twelve months 1…12 (mean 6.5, sum 78, December 12), with a
	 * break flagged in May; 2020: January…November only (incomplete). */
	struct period p[23];
	double v[23];
	unsigned f[23] = { 0 };
	struct period op[23];
	double ov[23];
	unsigned of[23];
	size_t i, n, incomplete;
	struct series s = { p, v, f, 23 };
	struct error e;

	for (i = 0; i < 12; i++) {
		p[i] = sub(2019, PERIOD_MONTH, (int)i + 1);
		v[i] = (double)i + 1;
	}
	f[4] = SERIES_FLAG_BREAK;
	for (i = 12; i < 23; i++) {
		p[i] = sub(2020, PERIOD_MONTH, (int)i - 11);
		v[i] = 100;
	}
	assert_int_equal(growth_annualise(&s, GROWTH_ANNUAL_MEAN, op, ov, of, 23,
	    &n, &incomplete, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(incomplete, 1);	/* 2020 left out, not averaged */
	assert_int_equal(op[0].kind, PERIOD_YEAR);
	assert_int_equal(op[0].year, 2019);
	assert_true(ov[0] == 6.5);
	assert_true(of[0] & SERIES_FLAG_BREAK);
	assert_int_equal(growth_annualise(&s, GROWTH_ANNUAL_SUM, op, ov, of, 23,
	    &n, &incomplete, &e), 0);
	assert_true(ov[0] == 78);
	assert_int_equal(growth_annualise(&s, GROWTH_ANNUAL_LAST, op, ov, NULL, 23,
	    &n, &incomplete, &e), 0);
	assert_int_equal(n, 1);		/* 2020 has no December */
	assert_true(ov[0] == 12);
	/* Room for nothing: an error, not a buffer overrun. */
	assert_int_equal(growth_annualise(&s, GROWTH_ANNUAL_MEAN, op, ov, of, 0,
	    &n, &incomplete, &e), -1);
}

static void
test_annualise_stock_and_quarters(void **state)
{
	/* A stock known for 2018-Q4 and 2019-Q1, Q2, Q4 (Q3 missing): the
	 * last-value rule needs only Q4, so 2018 → 7 and 2019 → 9; the mean needs
	 * all four quarters, so no year qualifies. */
	struct period p[] = { sub(2018, PERIOD_QUARTER, 4),
	    sub(2019, PERIOD_QUARTER, 1), sub(2019, PERIOD_QUARTER, 2),
	    sub(2019, PERIOD_QUARTER, 4) };
	double v[] = { 7, 8, 8.5, 9 };
	struct series s = { p, v, NULL, 4 };
	struct period op[4];
	double ov[4];
	size_t n, incomplete;

	assert_int_equal(growth_annualise(&s, GROWTH_ANNUAL_LAST, op, ov, NULL, 4,
	    &n, &incomplete, NULL), 0);
	assert_int_equal(n, 2);
	assert_true(ov[0] == 7 && ov[1] == 9);
	assert_int_equal(incomplete, 0);
	assert_int_equal(growth_annualise(&s, GROWTH_ANNUAL_MEAN, op, ov, NULL, 4,
	    &n, &incomplete, NULL), 0);
	assert_int_equal(n, 0);
	assert_int_equal(incomplete, 2);
}

static void
test_annualise_compensated_and_annual(void **state)
{
	/* 1e16, ten times 1, −1e16, in twelve months: the exact sum is 10. Plain
	 * left-to-right summation gives 0 (1e16 + 1 rounds back to 1e16); the
	 * compensated sum of METHODS §1 keeps the ones. */
	struct period p[12], ap[] = { year(2001), year(2003) };
	double v[12], av[] = { 5, 6 };
	struct period op[12];
	double ov[12];
	size_t i, n, incomplete;
	struct series s = { p, v, NULL, 12 }, annual = { ap, av, NULL, 2 };
	struct period mixed[] = { year(2001), sub(2002, PERIOD_MONTH, 1) };
	struct series bad = { mixed, av, NULL, 2 };
	struct error e;

	for (i = 0; i < 12; i++) {
		p[i] = sub(2021, PERIOD_MONTH, (int)i + 1);
		v[i] = 1;
	}
	v[0] = 1e16;
	v[11] = -1e16;
	assert_int_equal(growth_annualise(&s, GROWTH_ANNUAL_SUM, op, ov, NULL, 12,
	    &n, &incomplete, NULL), 0);
	assert_true(ov[0] == 10);
	/* Annual input passes through unchanged. */
	assert_int_equal(growth_annualise(&annual, GROWTH_ANNUAL_MEAN, op, ov, NULL,
	    12, &n, &incomplete, NULL), 0);
	assert_int_equal(n, 2);
	assert_true(op[1].year == 2003 && ov[1] == 6);
	assert_int_equal(growth_annualise(&bad, GROWTH_ANNUAL_MEAN, op, ov, NULL,
	    12, &n, &incomplete, &e), -1);
	assert_non_null(strstr(e.message, "mixed"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_change_and_relative),
		cmocka_unit_test(test_cagr),
		cmocka_unit_test(test_series_changes_gaps_and_breaks),
		cmocka_unit_test(test_series_changes_quarterly),
		cmocka_unit_test(test_series_changes_bad_input),
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_annualise_monthly),
		cmocka_unit_test(test_annualise_stock_and_quarters),
		cmocka_unit_test(test_annualise_compensated_and_annual),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
