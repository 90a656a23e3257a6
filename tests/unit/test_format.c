/* Unit tests of util/format: German and English numbers, dates, periods.
 * Expected texts are written out by hand from the rules in DESIGN.md
 * ("decimal comma and thousands dot", "26.11.2026") and DIN 1333 rounding
 * (half away from zero). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "util/buf.h"
#include "util/format.h"

static const char *
number(struct buf *b, double v, int decimals, const char *lang)
{
	buf_reset(b);
	format_number(b, v, decimals, lang);
	return buf_cstr(b);
}

static void
test_number_grouping(void **state)
{
	struct buf b = BUF_INIT;

	assert_string_equal(number(&b, 1234567.891, 2, "de"), "1.234.567,89");
	assert_string_equal(number(&b, 1234567.891, 2, "en"), "1,234,567.89");
	assert_string_equal(number(&b, 999, 0, "de"), "999");
	assert_string_equal(number(&b, 1000, 0, "de"), "1.000");
	assert_string_equal(number(&b, 100000, 1, "de"), "100.000,0");
	assert_string_equal(number(&b, -4321.5, 1, "de"), "-4.321,5");
	assert_string_equal(number(&b, 0.5, 3, "de"), "0,500");
	/* Any language but "en" is German, the default. */
	assert_string_equal(number(&b, 1234.5, 1, NULL), "1.234,5");
	assert_string_equal(number(&b, 1234.5, 1, "fr"), "1.234,5");
	buf_free(&b);
}

static void
test_number_rounding(void **state)
{
	struct buf b = BUF_INIT;

	/* Exact binary ties round away from zero (printf would give 2, 0.12). */
	assert_string_equal(number(&b, 2.5, 0, "de"), "3");
	assert_string_equal(number(&b, -2.5, 0, "de"), "-3");
	assert_string_equal(number(&b, 0.125, 2, "en"), "0.13");
	assert_string_equal(number(&b, 12.25, 1, "de"), "12,3");
	/* 1.005 is 1.00499999999999989... in binary: it rounds down. */
	assert_string_equal(number(&b, 1.005, 2, "en"), "1.00");
	/* Carries run through the separators. */
	assert_string_equal(number(&b, 999999.96, 1, "de"), "1.000.000,0");
	assert_string_equal(number(&b, 9.96, 1, "en"), "10.0");
	/* No "-0". */
	assert_string_equal(number(&b, -0.04, 1, "de"), "0,0");
	assert_string_equal(number(&b, -0.0, 0, "de"), "0");
	/* Decimals are clamped to 0..10. */
	assert_string_equal(number(&b, 1.23456, -3, "de"), "1");
	/* The largest values still fit: 1e300 has 301 digits, 100 commas. */
	assert_int_equal(strlen(number(&b, 1e300, 10, "en")), 301 + 100 + 11);
	buf_free(&b);
}

static void
test_number_missing_and_signed(void **state)
{
	struct buf b = BUF_INIT;

	assert_string_equal(number(&b, NAN, 1, "de"), "\xe2\x80\x93");
	assert_string_equal(number(&b, INFINITY, 1, "de"), "\xe2\x80\x93");
	buf_reset(&b);
	format_signed(&b, 1.5, 1, "de");
	assert_string_equal(buf_cstr(&b), "+1,5");
	buf_reset(&b);
	format_signed(&b, -1234.5, 1, "en");
	assert_string_equal(buf_cstr(&b), "-1,234.5");
	buf_reset(&b);
	format_signed(&b, 0.0, 1, "de");
	assert_string_equal(buf_cstr(&b), "0,0");
	buf_reset(&b);
	format_signed(&b, -0.01, 1, "de");
	assert_string_equal(buf_cstr(&b), "0,0");
	buf_reset(&b);
	format_percent(&b, 12.5, 1, "de");
	assert_string_equal(buf_cstr(&b), "12,5\xc2\xa0%");
	buf_reset(&b);
	format_percent(&b, 12.5, 1, "en");
	assert_string_equal(buf_cstr(&b), "12.5%");
	buf_reset(&b);
	format_percent(&b, NAN, 1, "de");
	assert_string_equal(buf_cstr(&b), "\xe2\x80\x93");
	buf_free(&b);
}

static void
test_dates(void **state)
{
	struct buf b = BUF_INIT;

	assert_int_equal(format_date(&b, 2026, 11, 26, "de"), 0);
	assert_string_equal(buf_cstr(&b), "26.11.2026");
	buf_reset(&b);
	assert_int_equal(format_date(&b, 2026, 1, 5, "en"), 0);
	assert_string_equal(buf_cstr(&b), "2026-01-05");
	buf_reset(&b);
	assert_int_equal(format_date(&b, 2025, 2, 29, "de"), -1);
	assert_int_equal(format_date(&b, 1900, 2, 29, "de"), -1);
	assert_int_equal(format_date(&b, 2026, 4, 31, "de"), -1);
	assert_int_equal(format_date(&b, 2026, 13, 1, "de"), -1);
	assert_int_equal(b.len, 0);
	assert_int_equal(format_date(&b, 2000, 2, 29, "de"), 0);
	assert_string_equal(buf_cstr(&b), "29.02.2000");
	buf_reset(&b);
	assert_int_equal(format_iso_date(&b, "2026-11-26T10:00:00Z", "de"), 0);
	assert_string_equal(buf_cstr(&b), "26.11.2026");
	buf_reset(&b);
	assert_int_equal(format_iso_date(&b, "2026-11-26", "en"), 0);
	assert_string_equal(buf_cstr(&b), "2026-11-26");
	buf_reset(&b);
	assert_int_equal(format_iso_date(&b, "26.11.2026", "de"), -1);
	assert_int_equal(format_iso_date(&b, "2026-11-2", "de"), -1);
	assert_int_equal(format_iso_date(&b, "2026-11-26x", "de"), -1);
	assert_int_equal(format_iso_date(&b, "2026-1a-26", "de"), -1);
	assert_int_equal(format_iso_date(&b, NULL, "de"), -1);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

static void
test_periods(void **state)
{
	struct buf b = BUF_INIT;
	struct period p;

	period_parse("2017", 4, &p);
	format_period(&b, &p, "de");
	assert_string_equal(buf_cstr(&b), "2017");
	buf_reset(&b);
	period_parse("2017-Q2", 7, &p);
	format_period(&b, &p, "de");
	assert_string_equal(buf_cstr(&b), "2. Quartal 2017");
	buf_reset(&b);
	format_period(&b, &p, "en");
	assert_string_equal(buf_cstr(&b), "Q2 2017");
	buf_reset(&b);
	period_parse("2017-03", 7, &p);
	format_period(&b, &p, "de");
	assert_string_equal(buf_cstr(&b), "März 2017");
	buf_reset(&b);
	format_period(&b, &p, "en");
	assert_string_equal(buf_cstr(&b), "March 2017");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_grouping),
		cmocka_unit_test(test_number_rounding),
		cmocka_unit_test(test_number_missing_and_signed),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_periods),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
