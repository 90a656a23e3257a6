/* Unit tests of src/util/jsonw: string escaping (RFC 8259 §7), layout and
 * commas, number text. Every expected string is written out by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "util/jsonw.h"

static const char *
escaped(struct buf *b, const char *s)
{
	buf_reset(b);
	jsonw_escape(b, s);
	return buf_cstr(b);
}

/* RFC 8259 §7: quote, backslash and U+0000..U+001F must be escaped. wiall
 * writes \n \t \r by name and every other control (and DEL) as \u00xx in
 * lower-case hex; '/' needs no escape. */
static void
test_jsonw_escape_controls(void **state)
{
	struct buf b = BUF_INIT;
	char one[2] = { 0, 0 }, want[16];
	int c;

	assert_string_equal(escaped(&b, ""), "\"\"");
	assert_string_equal(escaped(&b, "plain / text"), "\"plain / text\"");
	assert_string_equal(escaped(&b, "say \"hi\""), "\"say \\\"hi\\\"\"");
	assert_string_equal(escaped(&b, "C:\\dir"), "\"C:\\\\dir\"");
	assert_string_equal(escaped(&b, "a\nb\tc\rd"), "\"a\\nb\\tc\\rd\"");
	assert_string_equal(escaped(&b, "\b\f"), "\"\\u0008\\u000c\"");
	assert_string_equal(escaped(&b, "\x01"), "\"\\u0001\"");
	assert_string_equal(escaped(&b, "\x1b[0m"), "\"\\u001b[0m\"");
	assert_string_equal(escaped(&b, "\x1f"), "\"\\u001f\"");
	assert_string_equal(escaped(&b, "\x7f"), "\"\\u007f\"");
	assert_string_equal(escaped(&b, " ~"), "\" ~\"");
	/* Every control but the three named ones, one by one. */
	for (c = 1; c < 0x20; c++) {
		if (c == '\n' || c == '\t' || c == '\r')
			continue;
		one[0] = (char)c;
		snprintf(want, sizeof(want), "\"\\u00%c%c\"",
		    "0123456789abcdef"[c >> 4], "0123456789abcdef"[c & 15]);
		assert_string_equal(escaped(&b, one), want);
	}
	buf_free(&b);
}

/* UTF-8 is passed through byte for byte, as are bytes that are not UTF-8:
 * the writer escapes, it does not validate. */
static void
test_jsonw_escape_utf8(void **state)
{
	struct buf b = BUF_INIT;

	assert_string_equal(escaped(&b, "G\xc3\xb6ttingen \xe2\x80\x93 "
	    "\xe2\x82\xac \xf0\x9f\x93\x88"),
	    "\"G\xc3\xb6ttingen \xe2\x80\x93 \xe2\x82\xac \xf0\x9f\x93\x88\"");
	assert_string_equal(escaped(&b, "\xff\xfe"), "\"\xff\xfe\"");
	assert_string_equal(escaped(&b, "\xc2\x85"), "\"\xc2\x85\"");
	buf_free(&b);
}

static void
test_jsonw_layout(void **state)
{
	struct buf b = BUF_INIT;
	struct jsonw w;

	jsonw_init(&w, &b);
	jsonw_object(&w, NULL);
	jsonw_string(&w, "a", "x");
	jsonw_string(&w, "none", NULL);
	jsonw_array(&w, "list");
	jsonw_int(&w, NULL, 1);
	jsonw_object_line(&w, NULL);
	jsonw_bool(&w, "t", true);
	jsonw_array(&w, "in");		/* on the line of its parent */
	jsonw_null(&w, NULL);
	jsonw_number(&w, NULL, 0.5);
	jsonw_close(&w);
	jsonw_bool(&w, "f", false);
	jsonw_close(&w);
	jsonw_close(&w);
	jsonw_object(&w, "empty");
	jsonw_close(&w);
	jsonw_array_line(&w, "codes");
	jsonw_string(&w, NULL, "B");
	jsonw_string(&w, NULL, "C");
	jsonw_close(&w);
	jsonw_object(&w, "nested");
	jsonw_array(&w, "deep");
	jsonw_raw(&w, NULL, "1e+05");
	jsonw_close(&w);
	jsonw_array(&w, "nothing");
	jsonw_close(&w);
	jsonw_close(&w);
	jsonw_close(&w);
	jsonw_close(&w);	/* nothing open: writes nothing */
	assert_false(w.too_deep);
	assert_string_equal(buf_cstr(&b),
	    "{\n"
	    "  \"a\": \"x\",\n"
	    "  \"none\": null,\n"
	    "  \"list\": [\n"
	    "    1,\n"
	    "    {\"t\": true, \"in\": [null, 0.5], \"f\": false}\n"
	    "  ],\n"
	    "  \"empty\": {},\n"
	    "  \"codes\": [\"B\", \"C\"],\n"
	    "  \"nested\": {\n"
	    "    \"deep\": [\n"
	    "      1e+05\n"
	    "    ],\n"
	    "    \"nothing\": []\n"
	    "  }\n"
	    "}");
	buf_free(&b);
}

/* Keys are escaped like values; a top-level scalar stands alone. */
static void
test_jsonw_keys_and_scalars(void **state)
{
	struct buf b = BUF_INIT;
	struct jsonw w;

	jsonw_init(&w, &b);
	jsonw_object_line(&w, NULL);
	jsonw_int(&w, "a\"b", LLONG_MIN);
	jsonw_int(&w, "max", LLONG_MAX);
	jsonw_close(&w);
	assert_string_equal(buf_cstr(&b),
	    "{\"a\\\"b\": -9223372036854775808, \"max\": 9223372036854775807}");
	buf_reset(&b);
	jsonw_init(&w, &b);
	jsonw_string(&w, NULL, "alone");
	assert_string_equal(buf_cstr(&b), "\"alone\"");
	buf_free(&b);
}

static const char *
number(struct buf *b, double v)
{
	struct jsonw w;

	buf_reset(b);
	jsonw_init(&w, b);
	jsonw_number(&w, NULL, v);
	return buf_cstr(b);
}

/* Expected texts: the fewest significant digits that read back (0.1 + 0.2
 * is 0.3000000000000000444…, which needs all 17; 1/3 needs 16), in plain
 * notation from 1e-6 up to below 1e17, beyond in exponent form (util/text.h);
 * not finite → null (JSON has no NaN). */
static void
test_jsonw_numbers(void **state)
{
	struct buf b = BUF_INIT;

	assert_string_equal(number(&b, 0.1 + 0.2), "0.30000000000000004");
	assert_string_equal(number(&b, 0.1), "0.1");
	assert_string_equal(number(&b, 1.0 / 3.0), "0.3333333333333333");
	assert_string_equal(number(&b, -1.5), "-1.5");
	assert_string_equal(number(&b, 123456789.125), "123456789.125");
	assert_string_equal(number(&b, 1e-7), "1e-07");
	assert_string_equal(number(&b, 1e300), "1e+300");
	assert_string_equal(number(&b, -0.0), "0");
	assert_string_equal(number(&b, 0.0), "0");
	assert_string_equal(number(&b, 2030), "2030");
	assert_string_equal(number(&b, -47740), "-47740");
	assert_string_equal(number(&b, 1e15), "1000000000000000");
	assert_string_equal(number(&b, 9007199254740991.0), "9007199254740991");
	assert_string_equal(number(&b, 9007199254740994.0), "9007199254740994");
	assert_string_equal(number(&b, 1e16), "10000000000000000");
	assert_string_equal(number(&b, 1e17), "1e+17");
	assert_string_equal(number(&b, 0.000001), "0.000001");
	assert_string_equal(number(&b, NAN), "null");
	assert_string_equal(number(&b, INFINITY), "null");
	assert_string_equal(number(&b, -INFINITY), "null");
	buf_free(&b);
}

static void
test_jsonw_too_deep(void **state)
{
	struct buf b = BUF_INIT;
	struct jsonw w;
	int i;

	jsonw_init(&w, &b);
	for (i = 0; i < JSONW_DEPTH_MAX - 1; i++)
		jsonw_array_line(&w, NULL);
	assert_false(w.too_deep);
	jsonw_array_line(&w, NULL);
	assert_true(w.too_deep);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonw_escape_controls),
		cmocka_unit_test(test_jsonw_escape_utf8),
		cmocka_unit_test(test_jsonw_layout),
		cmocka_unit_test(test_jsonw_keys_and_scalars),
		cmocka_unit_test(test_jsonw_numbers),
		cmocka_unit_test(test_jsonw_too_deep),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
