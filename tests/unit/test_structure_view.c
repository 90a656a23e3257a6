/* Unit tests of src/app/structure_view on a temporary database with the web
 * fixture (tests/data/web/structure.json, structure.csv): the defaults the
 * economic-structure page shows (indicator, home region, the whole span), the
 * regions of the region switch (not the reference, not an area holding other
 * regions), the query's statuses (400 and 404 cases), and the report's
 * numbers on the METHODS §3.6 textbook example (Farhauer & Kröll, REAT `shift`
 * docs) and hand calculations written out beside them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "app/structure_view.h"
#include "fixture.h"
#include "structure_support.h"

#define CATALOG	"tests/data/web/structure.json"

/* A database with the fixture's catalogue and its sector figures. */
static int
setup(void **state)
{
	static const char *const files[] = { "tests/data/web/structure.csv" };

	return fixture_db_setup(state, CATALOG, files, 1);
}

static enum structure_view_status
load(struct fixture_db *f, const char *indicator, const char *region,
    const char *reference, const char *from, const char *to,
    struct structure_view *v, struct error *e)
{
	struct structure_view_query q = { indicator, region, reference, from,
	    to };

	return structure_view_load(f->db, &q, v, e);
}

#define assert_value(v, want, rel) do {						\
	assert_int_equal((v).status, STRUCTURE_OK);				\
	assert_close((v).value, (want), (rel));					\
} while (0)

static void
test_defaults(void **state)
{
	struct structure_view v;
	struct error e;
	const struct structure_view_indicator *vi;
	const struct app_structure_span *sp;

	assert_int_equal(load(*state, NULL, NULL, NULL, NULL, NULL, &v, &e),
	    STRUCTURE_VIEW_OK);
	/* The catalogue's first indicator with figures by sector. */
	assert_string_equal(v.indicator->code, "emp_sector");
	assert_int_equal(v.indicator_count, 2);
	assert_string_equal(v.indicators[1].indicator->code, "emp_fine");
	assert_int_equal(v.indicators[1].region_count, 1);
	/* The home region: the catalogue's first city. */
	assert_non_null(v.home);
	assert_string_equal(v.home->code, "05512000");
	assert_ptr_equal(v.region, v.home);
	assert_string_equal(v.reference->code, "NAT");
	/* The switch: the three cities; not NAT (the reference) and not RUHR
	 * (it holds Bottrop and Gelsenkirchen). */
	vi = v.shown;
	assert_int_equal(vi->region_count, 3);
	assert_string_equal(vi->regions[0]->code, "05512000");
	assert_string_equal(vi->regions[1]->code, "05513000");
	assert_string_equal(vi->regions[2]->code, "05515000");
	assert_ptr_equal(vi->default_region, v.home);
	/* The whole span, as `--from 2010 --to 2012`. */
	assert_string_equal(v.options.from, "2010");
	assert_string_equal(v.options.to, "2012");
	assert_int_equal(v.report.period_count, 3);
	assert_true(v.figures->has_span);
	/* METHODS §3.6 from 2010 to 2012, region A (Bottrop): growth 213 −
	 * 180 = 33; g = 1310/1100 − 1, NS = 180 · 210/1100 = 34.363636…;
	 * IM = Σ x_i0 (g_i − g) = 90(50/400) + 20(70/150) + 10(−10/150) +
	 * 60(100/400) − 180 · 210/1100 = 34.916667 − 34.363636 = 0.553030;
	 * RS = 33 − NS − IM = −1.916667. */
	sp = &v.figures->span;
	assert_value(sp->shift_share.growth, 33.0, 1e-12);
	assert_value(sp->shift_share.national_share, 180.0 * 210.0 / 1100.0,
	    1e-12);
	assert_value(sp->shift_share.industry_mix,
	    90.0 * 50.0 / 400.0 + 20.0 * 70.0 / 150.0 - 10.0 * 10.0 / 150.0 +
	    60.0 * 100.0 / 400.0 - 180.0 * 210.0 / 1100.0, 1e-12);
	assert_value(sp->shift_share.regional_share, 33.0 - 34.916666666666667,
	    1e-12);
	assert_string_equal(structure_view_sector(&v, "S2")->name_en,
	    "Trade & transport");
	assert_null(structure_view_sector(&v, "C"));
	structure_view_free(&v);
}

/* METHODS §3.6's own span: region A, t0 = 2010, t1 = 2011 → growth 25, NS
 * 27, IM 1, RS −3 (the textbook's numbers). */
static void
test_textbook_span(void **state)
{
	struct structure_view v;
	struct error e;
	const struct app_structure_shift_share *d;

	assert_int_equal(load(*state, "emp_sector", "DEA31", NULL, "2010",
	    "2011", &v, &e), STRUCTURE_VIEW_OK);
	assert_string_equal(v.region->code, "05512000");
	assert_int_equal(v.report.period_count, 2);
	d = &v.figures->span.shift_share;
	assert_value(d->growth, 25.0, 1e-12);
	assert_value(d->national_share, 27.0, 1e-12);
	assert_value(d->industry_mix, 1.0, 1e-12);
	assert_value(d->regional_share, -3.0, 1e-12);
	assert_value(d->net_total_shift, -2.0, 1e-12);
	structure_view_free(&v);
}

/* The registered shocks: crisis 2010 → 2011 → 2012 has figures, later
 * (2019 …) has none. Resistance over 2010 → 2011: E = 90 · .1 + 20 · .4 +
 * 10 · (−.1) + 60 · .2 = 28, actual 25, (25 − 28)/28 (METHODS §3.7). */
static void
test_shocks(void **state)
{
	struct structure_view v;
	struct error e;
	const struct app_structure_shock *s;

	assert_int_equal(load(*state, NULL, NULL, NULL, NULL, NULL, &v, &e),
	    STRUCTURE_VIEW_OK);
	assert_int_equal(v.report.shock_count, 2);
	s = &v.figures->shocks[0];
	assert_string_equal(s->name, "crisis");
	assert_true(structure_view_shock_has_data(&v, s));
	assert_string_equal(structure_view_shock(&v, s)->name_en,
	    "Crisis & \"co\"");
	assert_value(s->resistance, -3.0 / 28.0, 1e-12);
	s = &v.figures->shocks[1];
	assert_false(structure_view_shock_has_data(&v, s));
	assert_fails(s->resistance, STRUCTURE_MISSING);
	structure_view_free(&v);
}

static void
test_other_region_and_reference(void **state)
{
	struct structure_view v;
	struct error e;

	/* Region B against region C: reference C's own figures. */
	assert_int_equal(load(*state, NULL, "05513000", "05515000", NULL, NULL,
	    &v, &e), STRUCTURE_VIEW_OK);
	assert_string_equal(v.region->code, "05513000");
	assert_string_equal(v.reference->code, "05515000");
	assert_string_equal(v.options.reference, "05515000");
	/* Region B 2010 → 2012: 160 → 222. */
	assert_value(v.figures->span.shift_share.growth, 62.0, 1e-12);
	structure_view_free(&v);
	/* An area that holds others may still be asked for. */
	assert_int_equal(load(*state, NULL, "RUHR", NULL, NULL, NULL, &v, &e),
	    STRUCTURE_VIEW_OK);
	assert_string_equal(v.region->code, "RUHR");
	structure_view_free(&v);
}

static void
test_bad_queries(void **state)
{
	static const struct {
		const char			*indicator, *region, *reference;
		const char			*from, *to;
		enum structure_view_status	 want;
		const char			*says;
	} cases[] = {
		{ "nope", NULL, NULL, NULL, NULL, STRUCTURE_VIEW_NOT_FOUND,
		    "no indicator 'nope'" },
		{ NULL, "nope", NULL, NULL, NULL, STRUCTURE_VIEW_NOT_FOUND,
		    "no region 'nope'" },
		{ NULL, NULL, "nope", NULL, NULL, STRUCTURE_VIEW_NOT_FOUND,
		    "no region 'nope'" },
		{ NULL, NULL, NULL, "soon", NULL, STRUCTURE_VIEW_BAD_QUERY,
		    "from 'soon' is not a period" },
		{ NULL, NULL, NULL, NULL, "2012-13", STRUCTURE_VIEW_BAD_QUERY,
		    "to '2012-13' is not a period" },
		{ NULL, NULL, NULL, "1990", NULL, STRUCTURE_VIEW_BAD_QUERY,
		    "the data cover 2010 to 2012" },
		{ NULL, NULL, NULL, "2012", "2010", STRUCTURE_VIEW_BAD_QUERY,
		    "from 2012 comes after to 2010" },
	};
	struct structure_view v;
	struct error e;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		e.message[0] = '\0';
		assert_int_equal(load(*state, cases[i].indicator,
		    cases[i].region, cases[i].reference, cases[i].from,
		    cases[i].to, &v, &e), cases[i].want);
		if (strstr(e.message, cases[i].says) == NULL)
			fail_msg("case %zu: '%s' does not say '%s'", i,
			    e.message, cases[i].says);
		structure_view_free(&v);
	}
}

/* emp_fine has figures only at the finer level of TFINE (F1 … F4 in groups
 * G1, G2): variety by those groups, METHODS §3.3's check for Bottrop 2010,
 * counts (10, 0, 5, 5), groups (A, A, B, B) → E = 1.5, UV = 1, RV = 0.5
 * bits; F2 is zero at the start. */
static void
test_second_indicator(void **state)
{
	struct structure_view v;
	struct error e;
	const struct app_structure_period *p;

	assert_int_equal(load(*state, "emp_fine", NULL, NULL, NULL, NULL, &v,
	    &e), STRUCTURE_VIEW_OK);
	assert_string_equal(v.indicator->code, "emp_fine");
	assert_ptr_equal(v.shown, &v.indicators[1]);
	assert_string_equal(v.region->code, "05512000");
	assert_int_equal(v.report.group_count, 2);
	p = &v.figures->periods[0];
	assert_value(p->entropy, 1.5, 1e-12);
	assert_value(p->unrelated_variety, 1.0, 1e-12);
	assert_value(p->related_variety, 0.5, 1e-12);
	assert_non_null(v.figures->span.zero_start_sectors);
	assert_string_equal(v.figures->span.zero_start_sectors, "F2");
	structure_view_free(&v);
	/* Gelsenkirchen has no figures of it. */
	assert_int_equal(load(*state, "emp_fine", "05513000", NULL, NULL, NULL,
	    &v, &e), STRUCTURE_VIEW_NOT_FOUND);
	structure_view_free(&v);
}

/* A catalogue whose sector indicator has no figures: nothing to show. */
static void
test_no_figures(void **state)
{
	struct fixture_db db;
	struct fixture_db *f = &db;
	struct structure_view v;
	struct error e;

	assert_int_equal(fixture_db_open(f), 0);
	assert_int_equal(fixture_db_load(f, CATALOG, NULL, 0), 0);
	assert_int_equal(load(f, NULL, NULL, NULL, NULL, NULL, &v, &e),
	    STRUCTURE_VIEW_NO_DATA);
	assert_null(v.indicator);
	assert_int_equal(v.indicator_count, 0);
	structure_view_free(&v);
	assert_int_equal(load(f, "emp_sector", NULL, NULL, NULL, NULL, &v, &e),
	    STRUCTURE_VIEW_NOT_FOUND);
	structure_view_free(&v);
	fixture_db_close(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_textbook_span),
		cmocka_unit_test(test_shocks),
		cmocka_unit_test(test_other_region_and_reference),
		cmocka_unit_test(test_bad_queries),
		cmocka_unit_test(test_second_indicator),
		cmocka_unit_test(test_no_figures),
	};
	return cmocka_run_group_tests(tests, setup, fixture_db_teardown);
}
