/* Unit tests of the escaping writer web/html: text and attribute escaping,
 * URL schemes, invalid UTF-8, element nesting, misuse counting. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "util/buf.h"
#include "web/html.h"

static void
test_text_escaping(void **state)
{
	struct buf b = BUF_INIT;
	struct html h;

	html_init(&h, &b);
	html_open(&h, HTML_P);
	html_text(&h, "<script>alert(\"x&y\")</script> 'q'");
	html_close(&h);
	assert_string_equal(buf_cstr(&b), "<p>&lt;script&gt;alert(&quot;x&amp;y"
	    "&quot;)&lt;/script&gt; &#39;q&#39;</p>");
	assert_int_equal(html_errors(&h), 0);
	buf_reset(&b);
	html_textf(&h, "%d < %s", 3, "&amp;");
	assert_string_equal(buf_cstr(&b), "3 &lt; &amp;amp;");
	buf_reset(&b);
	html_column_head(&h, "Rank <1>");
	assert_string_equal(buf_cstr(&b), "<th scope=\"col\">Rank &lt;1&gt;</th>");
	buf_free(&b);
}

static void
test_attribute_escaping(void **state)
{
	struct buf b = BUF_INIT;
	struct html h;

	html_init(&h, &b);
	html_open(&h, HTML_SPAN);
	html_attr(&h, HTML_ATTR_TITLE, "\" onmouseover=\"alert(1)");
	html_attr(&h, HTML_ATTR_CLASS, "a'b<c>&d");
	html_attr(&h, HTML_ATTR_OPEN, NULL);
	html_close(&h);
	assert_string_equal(buf_cstr(&b), "<span title=\"&quot; onmouseover="
	    "&quot;alert(1)\" class=\"a&#39;b&lt;c&gt;&amp;d\" open=\"\">"
	    "</span>");
	buf_reset(&b);
	html_open(&h, HTML_DIV);
	html_attrf(&h, HTML_ATTR_ID, "chart-%s", "\"x\"");
	html_close(&h);
	assert_string_equal(buf_cstr(&b), "<div id=\"chart-&quot;x&quot;\">"
	    "</div>");
	assert_int_equal(html_errors(&h), 0);
	buf_free(&b);
}

static void
test_url_schemes(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "javascript:alert(1)", "#" },
		{ "JaVaScRiPt:alert(1)", "#" },
		{ " javascript:alert(1)", "#" },
		{ "java\tscript:alert(1)", "#" },
		{ "data:text/html,<b>", "#" },
		{ "vbscript:x", "#" },
		{ "https://www.bottrop.de/?a=1&b=2", "https://www.bottrop.de/?a=1&amp;b=2" },
		{ "HTTP://example.org", "HTTP://example.org" },
		{ "mailto:info@example.org", "mailto:info@example.org" },
		{ "../indicators/EMP.html", "../indicators/EMP.html" },
		{ "?lang=en", "?lang=en" },
		{ "#main", "#main" },
		{ "a/b:c", "a/b:c" },		/* colon after a slash: a path */
		{ "", "" },
	};
	struct buf b = BUF_INIT, want = BUF_INIT;
	struct html h;
	size_t i;

	html_init(&h, &b);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_reset(&b);
		buf_reset(&want);
		html_open(&h, HTML_A);
		html_attr(&h, HTML_ATTR_HREF, cases[i].in);
		html_close(&h);
		buf_printf(&want, "<a href=\"%s\"></a>", cases[i].out);
		assert_string_equal(buf_cstr(&b), buf_cstr(&want));
	}
	/* src is a URL attribute too; title is not. */
	buf_reset(&b);
	html_void(&h, HTML_IMG);
	html_attr(&h, HTML_ATTR_SRC, "javascript:x");
	html_attr(&h, HTML_ATTR_ALT, "javascript:x");
	html_close_to(&h, 0);
	assert_string_equal(buf_cstr(&b), "<img src=\"#\" alt=\"javascript:x\" />");
	buf_free(&b);
	buf_free(&want);
}

static void
test_invalid_utf8_and_controls(void **state)
{
	struct buf b = BUF_INIT;
	struct html h;

	html_init(&h, &b);
	/* Valid multibyte text passes through untouched. */
	html_text(&h, "Übersicht – Ziel ≥ 5 €");
	assert_string_equal(buf_cstr(&b), "Übersicht – Ziel ≥ 5 €");
	buf_reset(&b);
	/* A lone continuation byte, a truncated sequence, an overlong '<',
	 * a surrogate, a C0 control, DEL and U+FFFF become U+FFFD. */
	html_text(&h, "a\x80" "b\xc3" "c\xc0\xbc" "d\xed\xa0\x80" "e\x01" "f\x7f"
	    "g\xef\xbf\xbf" "h");
	assert_string_equal(buf_cstr(&b), "a\xef\xbf\xbd" "b\xef\xbf\xbd"
	    "c\xef\xbf\xbd\xef\xbf\xbd" "d\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	    "e\xef\xbf\xbd" "f\xef\xbf\xbd" "g\xef\xbf\xbd" "h");
	buf_reset(&b);
	/* Tab, newline and carriage return are allowed in XML. */
	html_text(&h, "a\tb\nc\r");
	assert_string_equal(buf_cstr(&b), "a\tb\nc\r");
	buf_reset(&b);
	/* Text with an embedded NUL, given by length. */
	html_textn(&h, "a\0b", 3);
	assert_string_equal(buf_cstr(&b), "a\xef\xbf\xbd" "b");
	buf_free(&b);
}

static void
test_nesting_void_and_svg(void **state)
{
	struct buf b = BUF_INIT;
	struct html h;
	size_t depth;

	html_init(&h, &b);
	html_doctype(&h);
	html_open(&h, HTML_HTML);
	html_attr(&h, HTML_ATTR_LANG, "de");
	depth = html_depth(&h);
	html_open(&h, HTML_HEAD);
	html_void(&h, HTML_META);
	html_attr(&h, HTML_ATTR_CHARSET, "utf-8");
	html_element_text(&h, HTML_TITLE, "A & B");
	html_close(&h);
	html_open(&h, HTML_BODY);
	html_open(&h, HTML_TD);		/* an empty HTML element is not self-closed */
	html_close(&h);
	html_void(&h, HTML_BR);
	html_open(&h, HTML_SVG);
	html_open(&h, HTML_PATH);	/* an empty SVG element is */
	html_attr(&h, HTML_ATTR_D, "M0 0 L1 1");
	html_close_to(&h, depth);
	html_close(&h);
	assert_string_equal(buf_cstr(&b), "<!DOCTYPE html>\n<html lang=\"de\">"
	    "<head><meta charset=\"utf-8\" /><title>A &amp; B</title></head>"
	    "<body><td></td><br /><svg><path d=\"M0 0 L1 1\" /></svg></body>"
	    "</html>");
	assert_int_equal(html_depth(&h), 0);
	assert_int_equal(html_errors(&h), 0);
	buf_reset(&b);
	html_literal(&h, "&nbsp;");
	assert_string_equal(buf_cstr(&b), "&nbsp;");
	buf_free(&b);
}

static void
test_misuse_is_counted(void **state)
{
	struct buf b = BUF_INIT;
	struct html h;
	int i;

	html_init(&h, &b);
	html_open(&h, HTML_P);
	html_text(&h, "x");
	html_attr(&h, HTML_ATTR_CLASS, "late");	/* after content */
	html_close(&h);
	html_close(&h);				/* nothing open */
	assert_int_equal(html_errors(&h), 2);
	assert_string_equal(buf_cstr(&b), "<p>x</p>");
	/* Text in a script element is refused: escaping cannot work there. */
	buf_reset(&b);
	html_open(&h, HTML_SCRIPT);
	html_attr(&h, HTML_ATTR_SRC, "assets/app.js");
	html_text(&h, "alert(1)");
	html_close(&h);
	assert_string_equal(buf_cstr(&b), "<script src=\"assets/app.js\">"
	    "</script>");
	assert_int_equal(html_errors(&h), 3);
	/* Too deep: refused, counted, and the output stays balanced. */
	buf_reset(&b);
	html_init(&h, &b);
	for (i = 0; i < HTML_DEPTH_MAX + 5; i++)
		html_open(&h, HTML_DIV);
	html_close_to(&h, 0);
	assert_int_equal(html_errors(&h), 5);
	assert_int_equal(html_depth(&h), 0);
	buf_free(&b);
}

static void
test_escape_function(void **state)
{
	struct buf b = BUF_INIT;

	html_escape(&b, "<&>\"'", 5);
	assert_string_equal(buf_cstr(&b), "&lt;&amp;&gt;&quot;&#39;");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_escaping),
		cmocka_unit_test(test_attribute_escaping),
		cmocka_unit_test(test_url_schemes),
		cmocka_unit_test(test_invalid_utf8_and_controls),
		cmocka_unit_test(test_nesting_void_and_svg),
		cmocka_unit_test(test_misuse_is_counted),
		cmocka_unit_test(test_escape_function),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
