/* Unit tests of text_utf8_decode() (src/util/text.h), the one UTF-8 decoder
 * behind text_utf8_valid() and html_escape(). Code points by hand from the
 * encoding table of RFC 3629 §3. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "util/text.h"

static size_t
decode(const char *s, unsigned *cp)
{
	*cp = 0xdeadu;
	return text_utf8_decode(s, strlen(s), cp);
}

static void
test_text_utf8_decode_valid(void **state)
{
	unsigned cp;

	assert_int_equal(decode("A", &cp), 1);
	assert_int_equal(cp, 0x41);
	assert_int_equal(decode("\xc3\xb6rtlich", &cp), 2);	/* ö */
	assert_int_equal(cp, 0xf6);
	assert_int_equal(decode("\xc2\x80", &cp), 2);	/* smallest 2-byte */
	assert_int_equal(cp, 0x80);
	assert_int_equal(decode("\xe2\x82\xac", &cp), 3);	/* € */
	assert_int_equal(cp, 0x20ac);
	assert_int_equal(decode("\xef\xbf\xbf", &cp), 3);	/* U+FFFF */
	assert_int_equal(cp, 0xffff);
	assert_int_equal(decode("\xf0\x9f\x93\x88", &cp), 4);	/* 📈 */
	assert_int_equal(cp, 0x1f4c8);
	assert_int_equal(decode("\xf4\x8f\xbf\xbf", &cp), 4);	/* U+10FFFF */
	assert_int_equal(cp, 0x10ffff);
	assert_int_equal(text_utf8_decode("\xc3\xa9", 2, NULL), 2);
}

static void
test_text_utf8_decode_invalid(void **state)
{
	static const char *const bad[] = {
		"\x80",			/* a continuation byte first */
		"\xbf",
		"\xc0\xaf",		/* overlong '/' */
		"\xc1\xbf",		/* overlong U+007F */
		"\xe0\x80\xaf",		/* overlong, 3 bytes */
		"\xf0\x80\x80\xaf",	/* overlong, 4 bytes */
		"\xed\xa0\x80",		/* surrogate U+D800 */
		"\xed\xbf\xbf",		/* surrogate U+DFFF */
		"\xf4\x90\x80\x80",	/* U+110000 */
		"\xf8\x88\x80\x80\x80",	/* 5-byte form */
		"\xff",
		"\xc3(",		/* continuation missing */
		"\xe2\x82(",
	};
	unsigned cp;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(decode(bad[i], &cp), 0);
	/* Cut off by n, though the bytes go on. */
	assert_int_equal(text_utf8_decode("\xe2\x82\xac", 2, &cp), 0);
	assert_int_equal(text_utf8_decode("A", 0, &cp), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_utf8_decode_valid),
		cmocka_unit_test(test_text_utf8_decode_invalid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
