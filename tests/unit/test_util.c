/* Unit tests of src/util: periods, number parsing, UTF-8, buffers, arenas. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/period.h"
#include "util/text.h"

static void
test_period_parse_canonical(void **state)
{
	struct period p;
	char out[PERIOD_TEXT_MAX];

	assert_int_equal(period_parse("2017", 4, &p), 0);
	assert_int_equal(p.kind, PERIOD_YEAR);
	assert_int_equal(p.year, 2017);
	assert_int_equal(period_parse("2017-Q2", 7, &p), 0);
	assert_int_equal(p.kind, PERIOD_QUARTER);
	assert_int_equal(p.sub, 2);
	period_format(&p, out);
	assert_string_equal(out, "2017-Q2");
	assert_int_equal(period_parse("2017-06", 7, &p), 0);
	assert_int_equal(p.kind, PERIOD_MONTH);
	assert_int_equal(p.sub, 6);
	period_format(&p, out);
	assert_string_equal(out, "2017-06");
}

static void
test_period_parse_rejects(void **state)
{
	static const char *bad[] = { "2017/18", "2017-6", " 2017", "2017 ",
	    "2017-Q5", "2017-Q0", "2017-13", "2017-00", "17", "0999", "2017-",
	    "2017-06-30", "2017-H1", "abcd", "" };
	struct period p;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(period_parse(bad[i], strlen(bad[i]), &p), -1);
}

static void
test_period_order(void **state)
{
	struct period a, b;

	period_parse("2017-12", 7, &a);
	period_parse("2018", 4, &b);
	assert_true(period_compare(&a, &b) < 0);
	period_parse("2018-Q1", 7, &a);
	assert_true(period_compare(&b, &a) < 0);	/* year before its Q1 */
	assert_int_equal(period_ordinal(&a), 2018 * 4);
	b = period_from_ordinal(PERIOD_MONTH, 2018 * 12 + 11);
	assert_int_equal(b.year, 2018);
	assert_int_equal(b.sub, 12);
	period_parse("2017-Q3", 7, &a);
	assert_true(period_year_value(&a) == 2017.5);
}

static void
test_parse_double(void **state)
{
	double v;

	assert_int_equal(text_parse_double("1234.5", 6, '.', &v), 0);
	assert_true(v == 1234.5);
	assert_int_equal(text_parse_double("1234,5", 6, ',', &v), 0);
	assert_true(v == 1234.5);
	assert_int_equal(text_parse_double("1.234,5", 7, ',', &v), 0);
	assert_true(v == 1234.5);
	assert_int_equal(text_parse_double("1.234.567", 9, ',', &v), 0);
	assert_true(v == 1234567);
	assert_int_equal(text_parse_double("-0,25", 5, ',', &v), 0);
	assert_true(v == -0.25);
	assert_int_equal(text_parse_double("1e3", 3, '.', &v), 0);
	assert_true(v == 1000);
	assert_int_equal(text_parse_double("1.23,4", 6, ',', &v), -1);
	assert_int_equal(text_parse_double("1,2", 3, '.', &v), -1);
	assert_int_equal(text_parse_double("nan", 3, '.', &v), -1);
	assert_int_equal(text_parse_double("inf", 3, '.', &v), -1);
	assert_int_equal(text_parse_double("0x10", 4, '.', &v), -1);
	assert_int_equal(text_parse_double("1e999", 5, '.', &v), -1);
	assert_int_equal(text_parse_double(" 1", 2, '.', &v), -1);
	assert_int_equal(text_parse_double("", 0, '.', &v), -1);
	assert_int_equal(text_parse_double("-", 1, '.', &v), -1);
	assert_int_equal(text_parse_double("1.2.3", 5, '.', &v), -1);
}

static void
test_format_double_round_trips(void **state)
{
	double vals[] = { 0.1, 1.0 / 3.0, 1234567.0, -2.5e-10, 59125, 0.0 };
	char out[32];
	size_t i;

	for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		double back;
		size_t n = text_format_double(vals[i], out, sizeof(out));
		assert_int_equal(text_parse_double(out, n, '.', &back), 0);
		assert_true(back == vals[i]);
	}
	text_format_double(0.1, out, sizeof(out));
	assert_string_equal(out, "0.1");
	text_format_double(59125, out, sizeof(out));
	assert_string_equal(out, "59125");
	text_format_double(-0.0, out, sizeof(out));
	assert_string_equal(out, "0");
}

/* The texts a person writes: plain notation from 1e-6 to below 1e17 (the
 * digits are the shortest that read back; the point or the zeros placed by
 * hand here), the exponent form beyond, as %g writes its exponent. */
static void
test_format_double_plain(void **state)
{
	static const struct { double v; const char *text; } cases[] = {
		{ 50, "50" }, { 5e1, "50" }, { 100000, "100000" },
		{ 1234567.5, "1234567.5" }, { -0.25, "-0.25" },
		{ 0.000001, "0.000001" }, { 0.0000015, "0.0000015" },
		{ 1e-7, "1e-07" }, { -2.5e-10, "-2.5e-10" },
		{ 1e15, "1000000000000000" }, { 1.5e16, "15000000000000000" },
		{ 1e17, "1e+17" }, { 1.25e20, "1.25e+20" }, { 1e300, "1e+300" },
		{ 0.1 + 0.2, "0.30000000000000004" }, { 100.5, "100.5" },
		{ 8.2, "8.2" }, { 47740, "47740" }, { 12.0625, "12.0625" },
	};
	char out[40];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(text_format_double(cases[i].v, out, sizeof(out)),
		    strlen(cases[i].text));
		assert_string_equal(out, cases[i].text);
	}
}

/* Fixed-width digit fields: "2026" is 2026, a sign or blank is no digit. */
static void
test_digits(void **state)
{
	assert_int_equal(text_digits("2026-11-26", 4), 2026);
	assert_int_equal(text_digits("07:59", 2), 7);
	assert_int_equal(text_digits("000", 3), 0);
	assert_int_equal(text_digits("-1", 2), -1);
	assert_int_equal(text_digits(" 6", 2), -1);
	assert_int_equal(text_digits("1a", 2), -1);
}

/* Over many doubles of every magnitude: the text reads back to the same
 * double and has no more significant digits than the shortest %.Ng that
 * does (found here by trying N = 1 … 17, the slow way). */
static void
test_format_double_shortest(void **state)
{
	unsigned long long x = 88172645463325252ULL;
	char out[40], ref[40];
	int i, prec, sig, ref_sig;

	for (i = 0; i < 20000; i++) {
		double v, back;
		const char *c;

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		v = (double)(x >> 11) / 9007199254740992.0;	/* [0, 1) */
		v = ldexp(v + 0.5, (int)(x % 160) - 80) * (x & 1 ? -1 : 1);
		if (i % 3 == 0)
			v = round(v * 1000) / 1000;	/* few decimals */
		text_format_double(v, out, sizeof(out));
		assert_int_equal(text_parse_double(out, strlen(out), '.', &back),
		    0);
		assert_true(back == v);
		for (prec = 1; prec <= 17; prec++) {
			snprintf(ref, sizeof(ref), "%.*g", prec, v);
			if (strtod(ref, NULL) == v)
				break;
		}
		ref_sig = prec;
		sig = 0;	/* significant digits: from the first non-zero
				 * digit of the mantissa, trailing zeros of an
				 * integer not counted */
		for (c = out; *c != '\0' && *c != 'e'; c++)
			if (*c >= '1' && *c <= '9')
				break;
		for (; *c != '\0' && *c != 'e'; c++)
			if (*c >= '0' && *c <= '9')
				sig++;
		if (strchr(out, '.') == NULL && strchr(out, 'e') == NULL)
			for (c = out + strlen(out); c > out && c[-1] == '0'; c--)
				sig--;
		assert_true(v == 0 || sig <= ref_sig);
	}
}

static void
test_utf8(void **state)
{
	size_t bad = 0;

	assert_true(text_utf8_valid("Übersicht", strlen("Übersicht"), &bad));
	assert_false(text_utf8_valid("ab\xff", 3, &bad));
	assert_int_equal(bad, 2);
	assert_false(text_utf8_valid("\xc0\xaf", 2, &bad));	/* overlong */
	assert_false(text_utf8_valid("\xed\xa0\x80", 3, &bad));	/* surrogate */
	assert_false(text_utf8_valid("a\xc3", 2, &bad));	/* truncated */
	assert_int_equal(bad, 1);
	assert_int_equal(text_utf8_chars("äb", 3), 2);
}

static void
test_buf_and_arena(void **state)
{
	struct buf b = BUF_INIT;
	struct arena a;
	char *s;
	int i;

	assert_string_equal(buf_cstr(&b), "");
	for (i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	assert_int_equal(b.len, strlen(b.data));
	assert_memory_equal(b.data, "0,1,2,", 6);
	s = buf_detach(&b);
	assert_null(b.data);
	free(s);

	arena_init(&a);
	for (i = 0; i < 10000; i++) {
		char *p = arena_printf(&a, "item %d", i);
		assert_true(((uintptr_t)p & 15) == 0);
		assert_string_equal(p, i == 0 ? "item 0" : p);
	}
	s = arena_alloc(&a, 3 * 1024 * 1024);	/* bigger than a chunk */
	s[3 * 1024 * 1024 - 1] = 'x';
	arena_free(&a);
}

static void
test_diag_limit(void **state)
{
	struct diag_list l;
	int i;

	diag_list_init(&l, 3);
	for (i = 0; i < 10; i++)
		diag_add(&l, "f.csv", i + 1, 2, "bad %d", i);
	assert_int_equal(l.count, 3);
	assert_int_equal(l.total, 10);
	assert_string_equal(l.items[2].message, "bad 2");
	assert_int_equal(l.items[2].line, 3);
	diag_list_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_period_parse_canonical),
		cmocka_unit_test(test_period_parse_rejects),
		cmocka_unit_test(test_period_order),
		cmocka_unit_test(test_parse_double),
		cmocka_unit_test(test_format_double_round_trips),
		cmocka_unit_test(test_format_double_plain),
		cmocka_unit_test(test_format_double_shortest),
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_buf_and_arena),
		cmocka_unit_test(test_diag_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
