/* Unit tests of web/axis, web/svg and web/chart: Heckbert's nice ticks on
 * worked examples computed by hand below, SVG number format, and charts that
 * are well-formed XML (checked by xmllint), escaped, deterministic, and that
 * show missing values as gaps rather than zeros. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/buf.h"
#include "web/axis.h"
#include "web/chart.h"
#include "web/html.h"
#include "web/svg.h"

#define assert_near(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) <= (eps))

/* Heckbert (Graphics Gems 1990), loose labels: range = nice(max-min, floor
 * mode), step = nice(range/(n-1), rounding mode), lo = floor(min/step)*step,
 * hi = ceil(max/step)*step, decimals = max(-floor(log10 step), 0).
 * nice(x, rounding): f = x/10^floor(log10 x); f<1.5→1, <3→2, <7→5, else 10.
 * nice(x, floor mode): f<=1→1, <=2→2, <=5→5, else 10. */
static void
test_nice_number(void **state)
{
	assert_near(axis_nice_number(0.0034, true), 0.005, 1e-15);	/* f 3.4 → 5 */
	assert_near(axis_nice_number(7.0, false), 10.0, 1e-12);	/* f 7 > 5 → 10 */
	assert_near(axis_nice_number(7.0, true), 10.0, 1e-12);	/* f 7 → not < 7 → 10 */
	assert_near(axis_nice_number(1.0, false), 1.0, 1e-12);
	assert_near(axis_nice_number(1.49, true), 1.0, 1e-12);
	assert_near(axis_nice_number(2.5, true), 2.0, 1e-12);	/* f 2.5 < 3 → 2 */
	assert_near(axis_nice_number(438.0, false), 500.0, 1e-9);	/* f 4.38 ≤ 5 */
}

static void
check_ticks(double min, double max, int wanted, double lo, double hi,
    double step, int count, int decimals)
{
	struct axis_ticks t;

	assert_int_equal(axis_nice_ticks(min, max, wanted, &t), 0);
	assert_near(t.lo, lo, fabs(step) * 1e-9);
	assert_near(t.hi, hi, fabs(step) * 1e-9);
	assert_near(t.step, step, step * 1e-12);
	assert_int_equal(t.count, count);
	assert_int_equal(t.decimals, decimals);
	assert_near(axis_tick_value(&t, count - 1), hi, step * 1e-9);
}

static void
test_nice_ticks_worked_examples(void **state)
{
	struct axis_ticks t;

	/* 0..97, 6 ticks: range nice(97)=100 (f 9.7>5); step nice(100/5=20)=20
	 * (f 2.0<3); lo 0, hi ceil(97/20)=5 → 100: 0,20,…,100. */
	check_ticks(0, 97, 6, 0, 100, 20, 6, 0);
	/* 105..543, 5 ticks: range nice(438)=500; step nice(125)=100 (f 1.25
	 * < 1.5); lo floor(1.05)=1 → 100, hi ceil(5.43)=6 → 600: 6 ticks. */
	check_ticks(105, 543, 5, 100, 600, 100, 6, 0);
	/* 0.12..0.87, 5 ticks: range nice(0.75)=1 (f 7.5>5); step
	 * nice(0.25)=0.2 (f 2.5<3); lo 0, hi ceil(4.35)=5 → 1.0; decimals
	 * -floor(log10 0.2 = -0.70) = 1. */
	check_ticks(0.12, 0.87, 5, 0.0, 1.0, 0.2, 6, 1);
	/* -3.7..12.2, 5 ticks: range nice(15.9)=20 (f 1.59≤2); step
	 * nice(5)=5 (f 5<7); lo floor(-0.74)=-1 → -5, hi ceil(2.44)=3 → 15. */
	check_ticks(-3.7, 12.2, 5, -5, 15, 5, 5, 0);
	/* 1,980,000..2,430,000 (employment), 5 ticks: range nice(450000) =
	 * 500000; step nice(125000)=100000; lo 19 → 1.9e6, hi 25 → 2.5e6. */
	check_ticks(1980000, 2430000, 5, 1900000, 2500000, 100000, 7, 0);
	/* One value, 7: widened by 10 % to 6.3..7.7; range nice(1.4)=2; step
	 * nice(0.5)=0.5; lo floor(12.6)=12 → 6.0, hi ceil(15.4)=16 → 8.0. */
	check_ticks(7, 7, 5, 6.0, 8.0, 0.5, 5, 1);
	/* Reversed bounds are the same range. */
	check_ticks(97, 0, 6, 0, 100, 20, 6, 0);
	/* Ticks are exact multiples: the fourth of 0, 0.1, … is 0.3 to 1e-15. */
	assert_int_equal(axis_nice_ticks(0.0, 0.95, 11, &t), 0);
	assert_near(t.step, 0.1, 1e-15);
	assert_near(axis_tick_value(&t, 3), 0.3, 1e-15);
	assert_int_equal(axis_nice_ticks(NAN, 1, 5, &t), -1);
	assert_int_equal(axis_nice_ticks(0, INFINITY, 5, &t), -1);
}

static void
test_svg_number(void **state)
{
	static const struct { double v; const char *s; } cases[] = {
		{ 3.14159, "3.14" }, { 12.5, "12.5" }, { 100.0, "100" },
		{ -0.001, "0" }, { -2.5, "-2.5" }, { 0.999, "1" },
		{ NAN, "0" }, { 1e300, "1000000000000000" },
	};
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_reset(&b);
		svg_number(&b, cases[i].v);
		assert_string_equal(buf_cstr(&b), cases[i].s);
	}
	buf_free(&b);
}

/* Runs xmllint on text wrapped in one root element; returns its status. */
static int
xmllint(const char *text, bool standalone)
{
	char path[] = "/tmp/wiall-chart-XXXXXX";
	char cmd[128];
	int fd = mkstemp(path), rc;
	FILE *fp;

	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	if (standalone)
		fputs(text, fp);
	else
		fprintf(fp, "<div xmlns=\"http://www.w3.org/1999/xhtml\">%s</div>\n",
		    text);
	fclose(fp);
	snprintf(cmd, sizeof(cmd), "xmllint --noout %s", path);
	rc = system(cmd);
	unlink(path);
	return rc;
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay++;
	}
	return n;
}

static const char *const years[] = { "2016", "2017", "2018", "2019", "2020",
    "2021", "2022", "2023", "2024", "2025" };

static void
render_line(struct buf *b, const char *lang)
{
	static const double city[] = { 11.2, 11.8, NAN, 12.9, 13.4, 13.1,
	    13.9, NAN, NAN, NAN };
	static const double ref[] = { 12.5, 12.8, 13.0, 13.3, 13.5, 13.6,
	    13.8, 14.0, NAN, NAN };
	static const double projection[] = { NAN, NAN, NAN, NAN, NAN, NAN,
	    13.9, 14.3, 14.7, 15.1 };
	struct chart_series series[] = {
		{ "Bottrop <script>alert('x')</script>", city,
		    CHART_STROKE_SOLID, -1 },
		{ "NRW \"Land\" & Co", ref, CHART_STROKE_SOLID, -1 },
		{ "Projection", projection, CHART_STROKE_DASHED, 0 },
	};
	struct chart_target targets[] = {
		{ CHART_TARGET_POINT, 9, 15.0, NAN, NAN, "Ziel 2025" },
		{ CHART_TARGET_BAND, NAN, NAN, 12.0, 13.0, "Korridor" },
	};
	struct chart c;
	struct html h;

	chart_init(&c, CHART_LINE, "c-emp", "Beschäftigungsquote <b>&</b>",
	    lang);
	c.categories = years;
	c.n_categories = 10;
	c.category_heading = "Jahr";
	c.series = series;
	c.n_series = 3;
	c.unit = "%";
	c.targets = targets;
	c.n_targets = 2;
	html_init(&h, b);
	chart_figure(&h, &c);
	assert_int_equal(html_errors(&h), 0);
	assert_int_equal(html_depth(&h), 0);
}

static void
test_line_chart(void **state)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	const char *s;

	render_line(&a, "de");
	render_line(&b, "de");
	/* Same input, same bytes. */
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	s = buf_cstr(&a);
	assert_int_equal(xmllint(s, false), 0);
	/* Escaped wherever a title or label goes: text, <title>, attributes. */
	assert_null(strstr(s, "<script>"));
	assert_null(strstr(s, "<b>"));
	assert_non_null(strstr(s, "Bottrop &lt;script&gt;alert(&#39;x&#39;)"));
	assert_non_null(strstr(s, "NRW &quot;Land&quot; &amp; Co"));
	assert_non_null(strstr(s, "<title id=\"c-emp-title\">Beschäftigungsquote "
	    "&lt;b&gt;&amp;&lt;/b&gt;</title>"));
	assert_non_null(strstr(s, "<desc id=\"c-emp-desc\">"));
	assert_non_null(strstr(s, "role=\"img\""));
	/* German number format on the axis and in the table. */
	assert_non_null(strstr(s, ">12,5<"));
	assert_non_null(strstr(s, "data-value=\"12.5\""));
	/* The city's gaps: runs 2016-2017 and 2019-2022 are two polylines, the
	 * reference one run, the projection one dashed run. */
	assert_int_equal(count(s, "<polyline"), 4);
	assert_int_equal(count(s, "stroke-dasharray=\"7 5\""), 2);	/* line + legend */
	/* Missing values are marked in the table, never written as 0. */
	assert_int_equal(count(s, "class=\"num missing\""), 4 + 2 + 6);
	/* The target: a diamond with its label, and a footer row. */
	assert_non_null(strstr(s, "Ziel 2025: 15,0\xc2\xa0%"));
	assert_non_null(strstr(s, "<tfoot>"));
	assert_non_null(strstr(s, "class=\"target-band\""));
	buf_reset(&a);
	render_line(&a, "en");
	assert_non_null(strstr(buf_cstr(&a), "Ziel 2025: 15.0%"));
	buf_free(&a);
	buf_free(&b);
}

static void
test_axis_labels_german(void **state)
{
	static const double v[] = { 0, 4000, 12345 };
	static const char *const cats[] = { "A", "B", "C" };
	struct chart_series s = { "Beschäftigte", v, CHART_STROKE_SOLID, -1 };
	struct buf b = BUF_INIT;
	struct html h;
	struct chart c;

	/* 0..12345, 6 ticks: range nice(12345)=20000; step nice(4000)=5000;
	 * hi ceil(2.47)=3 → 15000: labels 0, 5.000, 10.000, 15.000. */
	chart_init(&c, CHART_LINE, "c", "t", "de");
	c.categories = cats;
	c.n_categories = 3;
	c.series = &s;
	c.n_series = 1;
	html_init(&h, &b);
	assert_int_equal(chart_svg(&h, &c, NULL), 0);
	assert_non_null(strstr(buf_cstr(&b), ">15.000</text>"));
	assert_non_null(strstr(buf_cstr(&b), ">5.000</text>"));
	assert_null(strstr(buf_cstr(&b), ">20.000</text>"));
	buf_reset(&b);
	c.lang = "en";
	assert_int_equal(chart_svg(&h, &c, NULL), 0);
	assert_non_null(strstr(buf_cstr(&b), ">15,000</text>"));
	buf_free(&b);
}

static void
test_stacked_area_and_bars(void **state)
{
	static const double a[] = { 10, 12, NAN, 14 };
	static const double b2[] = { 5, 6, 7, 8 };
	static const double neg[] = { 5, -1, 7, 8 };
	static const char *const cats[] = { "2020", "2021", "2022", "2023" };
	struct chart_series ok[] = {
		{ "C Verarbeitendes Gewerbe", a, CHART_STROKE_SOLID, -1 },
		{ "G Handel", b2, CHART_STROKE_SOLID, -1 },
	};
	struct chart_series bad[] = {
		{ "X", neg, CHART_STROKE_SOLID, -1 },
	};
	struct buf b = BUF_INIT;
	struct error e;
	struct html h;
	struct chart c;

	chart_init(&c, CHART_AREA_STACKED, "area", "Struktur", "de");
	c.categories = cats;
	c.n_categories = 4;
	c.series = ok;
	c.n_series = 2;
	c.unit = "Beschäftigte";
	c.decimals = 0;
	html_init(&h, &b);
	chart_figure(&h, &c);
	assert_int_equal(html_errors(&h), 0);
	assert_int_equal(xmllint(buf_cstr(&b), false), 0);
	/* 2022 is missing in one series: the stack breaks there, so each band
	 * has two pieces (2020-2021 and the lone 2023 column). */
	assert_int_equal(count(buf_cstr(&b), " Z"), 4);
	buf_reset(&b);
	/* A negative value cannot be stacked: no SVG, a sentence, the table. */
	c.series = bad;
	c.n_series = 1;
	assert_int_equal(chart_svg(&h, &c, &e), -1);
	assert_int_equal(b.len, 0);
	assert_non_null(strstr(e.message, "needs values >= 0"));
	chart_figure(&h, &c);
	assert_non_null(strstr(buf_cstr(&b), "chart-empty"));
	assert_non_null(strstr(buf_cstr(&b), "<table"));
	assert_null(strstr(buf_cstr(&b), "<svg"));
	buf_reset(&b);
	/* Grouped bars include zero and label the values. */
	c.kind = CHART_BARS;
	c.series = ok;
	c.n_series = 2;
	chart_figure(&h, &c);
	assert_int_equal(xmllint(buf_cstr(&b), false), 0);
	assert_int_equal(count(buf_cstr(&b), "<rect"), 7 + 2);	/* bars + legend */
	assert_non_null(strstr(buf_cstr(&b), ">0</text>"));
	buf_free(&b);
}

static void
test_diverging_and_sparkline(void **state)
{
	static const double effects[] = { 1.5, -0.84, NAN, 0.0 };
	static const char *const sectors[] = { "C", "G", "F", "Q" };
	struct chart_series s = { "Standorteffekt", effects,
	    CHART_STROKE_SOLID, -1 };
	struct buf b = BUF_INIT;
	struct html h;
	struct chart c;

	chart_init(&c, CHART_BARS_DIVERGING, "ss", "Shift-Share", "de");
	c.categories = sectors;
	c.n_categories = 4;
	c.series = &s;
	c.n_series = 1;
	html_init(&h, &b);
	svg_document_prolog(&h);
	assert_int_equal(chart_svg(&h, &c, NULL), 0);
	assert_int_equal(xmllint(buf_cstr(&b), true), 0);
	/* The sign is written, not only coloured. */
	assert_non_null(strstr(buf_cstr(&b), ">+1,5</text>"));
	assert_non_null(strstr(buf_cstr(&b), ">-0,8</text>"));
	assert_non_null(strstr(buf_cstr(&b), "class=\"positive\""));
	assert_non_null(strstr(buf_cstr(&b), "class=\"negative\""));
	buf_reset(&b);
	c.kind = CHART_SPARKLINE;
	assert_int_equal(chart_svg(&h, &c, NULL), 0);
	assert_int_equal(xmllint(buf_cstr(&b), true), 0);
	assert_non_null(strstr(buf_cstr(&b), "<title id=\"ss-title\">"));
	assert_non_null(strstr(buf_cstr(&b), "<desc id=\"ss-desc\">"
	    "Standorteffekt: von 1,5 (C) auf 0,0 (Q).</desc>"));
	buf_free(&b);
}

static void
test_small_multiples_share_scale(void **state)
{
	static const double low[] = { 1, 2, 3 };
	static const double high[] = { 10, 40, 90 };
	static const char *const cats[] = { "2021", "2022", "2023" };
	struct chart_series s1 = { "A", low, CHART_STROKE_SOLID, -1 };
	struct chart_series s2 = { "B", high, CHART_STROKE_SOLID, -1 };
	struct chart panels[2];
	struct buf b = BUF_INIT;
	struct html h;
	const char *first;

	chart_init(&panels[0], CHART_LINE, "p1", "A", "de");
	chart_init(&panels[1], CHART_LINE, "p2", "B", "de");
	panels[0].categories = panels[1].categories = cats;
	panels[0].n_categories = panels[1].n_categories = 3;
	panels[0].series = &s1;
	panels[1].series = &s2;
	panels[0].n_series = panels[1].n_series = 1;
	html_init(&h, &b);
	chart_multiples(&h, "m", "Vergleich", panels, 2, true);
	assert_int_equal(html_errors(&h), 0);
	assert_int_equal(xmllint(buf_cstr(&b), false), 0);
	/* 1..90 shared, 4 ticks: range nice(89)=100; step nice(33.3)=50;
	 * hi ceil(1.8)=2 → 100: both panels end their axis at 100. */
	first = strstr(buf_cstr(&b), ">100</text>");
	assert_non_null(first);
	assert_non_null(strstr(first + 1, ">100</text>"));
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nice_number),
		cmocka_unit_test(test_nice_ticks_worked_examples),
		cmocka_unit_test(test_svg_number),
		cmocka_unit_test(test_line_chart),
		cmocka_unit_test(test_axis_labels_german),
		cmocka_unit_test(test_stacked_area_and_bars),
		cmocka_unit_test(test_diverging_and_sparkline),
		cmocka_unit_test(test_small_multiples_share_scale),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
