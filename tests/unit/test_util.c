/* Unit tests of src/util: periods, number parsing, UTF-8, buffers, arenas. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
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
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_buf_and_arena),
		cmocka_unit_test(test_diag_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
