/* Unit tests of web/lang (Accept-Language with q-values, RFC 9110 §12.5.4
 * and §12.4.2, whose examples are used below) and web/http (ETag lists,
 * IMF-fixdate, conditional answers). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "web/http.h"
#include "web/lang.h"

static void
assert_lang(const char *header, const char *want)
{
	const char *got = lang_from_accept(header);

	if (want == NULL)
		assert_null(got);
	else {
		assert_non_null(got);
		assert_string_equal(got, want);
	}
}

static void
test_accept_language(void **state)
{
	/* RFC 9110's example: "da, en-gb;q=0.8, en;q=0.7" — Danish first,
	 * which we lack, then British English: en. */
	assert_lang("da, en-gb;q=0.8, en;q=0.7", "en");
	assert_lang("de-DE,de;q=0.9,en;q=0.8", "de");
	assert_lang("en-US,en;q=0.9,de;q=0.8", "en");
	/* The highest q wins regardless of order. */
	assert_lang("en;q=0.5, de;q=0.6", "de");
	assert_lang("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", "en");
	/* On a tie the earlier entry wins. */
	assert_lang("en;q=0.8, de;q=0.8", "en");
	/* q=0 means "not acceptable". */
	assert_lang("en;q=0", NULL);
	assert_lang("en;q=0.000, de;q=0.001", "de");
	/* "*" stands for any language: the default, German. */
	assert_lang("fr, *;q=0.1", "de");
	/* Case, blanks and empty list elements. */
	assert_lang("  EN-gb ;  Q=0.7 ,, ", "en");
	/* Malformed entries are skipped, well-formed ones still count. */
	assert_lang("en;q=1.5, de;q=0.2", "de");	/* q > 1 */
	assert_lang("en;q=0.1234, de;q=0.2", "de");	/* 4 decimals */
	assert_lang("en;q=, de;q=0.2", "de");
	assert_lang("en;level=1, de;q=0.2", "de");	/* unknown parameter */
	assert_lang("e1, de;q=0.2", "de");		/* digit in the first subtag */
	assert_lang("englishlanguage, de;q=0.2", "de");	/* more than 8 letters */
	assert_lang("de-, en;q=0.2", "en");
	assert_lang("en;q=1.000", "en");
	assert_lang("en;q=1.001", NULL);
	/* Nothing we speak, or nothing at all. */
	assert_lang("fr, it", NULL);
	assert_lang("", NULL);
	assert_lang(NULL, NULL);
}

static void
test_choose(void **state)
{
	assert_string_equal(lang_choose(NULL, NULL, NULL), "de");
	assert_string_equal(lang_choose(NULL, NULL, "en"), "en");
	assert_string_equal(lang_choose(NULL, "lang=en", "de"), "en");
	assert_string_equal(lang_choose("de", "lang=en", "en"), "de");
	/* Unsupported or malformed switches and cookies are ignored. */
	assert_string_equal(lang_choose("fr", "lang=xx", "en"), "en");
	assert_string_equal(lang_choose("english", NULL, NULL), "de");
	assert_string_equal(lang_choose(NULL, "a=1; lang=en; b=2", NULL), "en");
	assert_string_equal(lang_choose(NULL, "xlang=en", NULL), "de");
	assert_string_equal(lang_choose(NULL, "lang=eng", NULL), "de");
	assert_string_equal(lang_supported("DE-at", 5), "de");
	assert_null(lang_supported("deu", 3));
}

static void
test_etag_lists(void **state)
{
	char etag[HTTP_ETAG_MAX];

	/* FNV-1a 64 of "" is the offset basis, of "a" 0xaf63dc4c8601ec8c
	 * (the published FNV test vectors). */
	http_etag(etag, "", 0);
	assert_string_equal(etag, "\"cbf29ce484222325\"");
	http_etag(etag, "a", 1);
	assert_string_equal(etag, "\"af63dc4c8601ec8c\"");
	assert_true(http_etag_matches(etag, etag));
	assert_true(http_etag_matches("\"x\", \"af63dc4c8601ec8c\"", etag));
	assert_true(http_etag_matches("W/\"af63dc4c8601ec8c\"", etag));
	assert_true(http_etag_matches("*", etag));
	assert_false(http_etag_matches("\"af63dc4c8601ec8\"", etag));
	assert_false(http_etag_matches("\"af63dc4c8601ec8c0\"", etag));
	assert_false(http_etag_matches("", etag));
	assert_false(http_etag_matches(NULL, etag));
}

static void
test_http_dates(void **state)
{
	char text[HTTP_DATE_MAX];
	time_t t;

	/* RFC 9110 §5.6.7's example date: 784111777 seconds after 1970. */
	http_date_format(784111777, text);
	assert_string_equal(text, "Sun, 06 Nov 1994 08:49:37 GMT");
	assert_int_equal(http_date_parse("Sun, 06 Nov 1994 08:49:37 GMT", &t), 0);
	assert_int_equal(t, 784111777);
	/* The obsolete forms and anything else are not understood. */
	assert_int_equal(http_date_parse("Sunday, 06-Nov-94 08:49:37 GMT", &t), -1);
	assert_int_equal(http_date_parse("Sun Nov  6 08:49:37 1994", &t), -1);
	assert_int_equal(http_date_parse("Sun, 06 Foo 1994 08:49:37 GMT", &t), -1);
	assert_int_equal(http_date_parse("Sun, 06 Nov 1994 25:49:37 GMT", &t), -1);
	assert_int_equal(http_date_parse("Sun, 06 Nov 1994 08:49:37 UTC", &t), -1);
	assert_int_equal(http_date_parse(NULL, &t), -1);
	/* Found by fuzzing (tests/fuzz/fuzz_http.c): a date that is not an
	 * IMF-fixdate must be ignored (RFC 9110 §13.1.3), not read as some
	 * time: a sign or a blank for a digit, a day's name that is none, a
	 * day its month lacks. */
	assert_int_equal(http_date_parse("Sun, 06 Nov 1994 -1:49:37 GMT", &t), -1);
	assert_int_equal(http_date_parse("Sun, 06 Nov 1994 08:+9:37 GMT", &t), -1);
	assert_int_equal(http_date_parse("Sun,  6 Nov 1994 08:49:37 GMT", &t), -1);
	assert_int_equal(http_date_parse("Sun, 06 Nov 1994 08:49: 7 GMT", &t), -1);
	assert_int_equal(http_date_parse("Xyz, 06 Nov 1994 08:49:37 GMT", &t), -1);
	assert_int_equal(http_date_parse("Sun, 31 Feb 1994 08:49:37 GMT", &t), -1);
	assert_int_equal(http_date_parse("Sun, 29 Feb 1900 08:49:37 GMT", &t), -1);
	/* 29 February of a leap year is a day: 2024-02-29 is 19782 days
	 * after 1970-01-01 (54 years of 365 days, the 13 leap days 1972 to
	 * 2020, then 31 + 28 days of 2024). */
	assert_int_equal(http_date_parse("Thu, 29 Feb 2024 00:00:00 GMT", &t), 0);
	assert_int_equal(t, 19782LL * 86400);
}

static void
test_conditional(void **state)
{
	struct http_request req;
	struct http_response r;

	memset(&req, 0, sizeof(req));
	req.method = HTTP_GET;
	http_response_init(&r);
	buf_puts(&r.body, "hello");
	strcpy(r.etag, "\"1\"");
	r.last_modified = 1000;
	req.if_none_match = "\"2\"";
	req.if_modified_since = "Thu, 01 Jan 2099 00:00:00 GMT";
	/* If-None-Match decides when present (RFC 9110 §13.2.2). */
	http_conditional(&req, &r);
	assert_int_equal(r.status, 200);
	req.if_none_match = NULL;
	http_conditional(&req, &r);
	assert_int_equal(r.status, 304);
	assert_int_equal(r.body.len, 0);
	/* Only for 200 answers to GET and HEAD. */
	r.status = 404;
	req.if_none_match = "*";
	http_conditional(&req, &r);
	assert_int_equal(r.status, 404);
	r.status = 200;
	req.method = HTTP_OTHER;
	http_conditional(&req, &r);
	assert_int_equal(r.status, 200);
	http_response_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accept_language),
		cmocka_unit_test(test_choose),
		cmocka_unit_test(test_etag_lists),
		cmocka_unit_test(test_http_dates),
		cmocka_unit_test(test_conditional),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
