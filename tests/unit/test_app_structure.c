/* Unit tests of src/app/structure on a temporary database: the fixture
 * catalogue (tests/data/structcli/catalog.json) loaded through app/catalog,
 * the METHODS §3.6 textbook figures (textbook_db.csv, with a third year for a
 * shock) and a NACE-like classification (nace_db.csv) imported through
 * app/import. Expected values are the textbook's (Farhauer & Kröll, REAT
 * `shift` docs) or hand calculations written out beside them (bc -l). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/structure.h"
#include "app/structure_json.h"
#include "fixture.h"
#include "structure_support.h"
#include "util/text.h"

static int
setup(void **state)
{
	static const char *const files[] = {
		"tests/data/structcli/textbook_db.csv",
		"tests/data/structcli/nace_db.csv",
	};

	return fixture_db_setup(state, "tests/data/structcli/catalog.json",
	    files, 2);
}

/* Every note is written in English and in German (METHODS §1): both there,
 * valid UTF-8, and the German is not the English copied. */
static void
assert_notes_bilingual(const struct app_structure_report *r)
{
	size_t k, bad;

	for (k = 0; k < r->note_count; k++) {
		const struct app_structure_note *n = &r->notes[k];
		assert_non_null(n->en);
		assert_non_null(n->de);
		assert_true(n->en[0] != '\0');
		assert_true(n->de[0] != '\0');
		assert_true(text_utf8_valid(n->de, strlen(n->de), &bad));
		if (strcmp(n->en, n->de) == 0)
			fail_msg("note %zu is not in German: %s", k, n->de);
	}
}

/* The report has a note saying en in English and de in German (the same
 * note), and every note is in both languages. */
static bool
has_note(const struct app_structure_report *r, const char *en, const char *de)
{
	size_t k;

	assert_notes_bilingual(r);
	for (k = 0; k < r->note_count; k++)
		if (strstr(r->notes[k].en, en) != NULL) {
			if (strstr(r->notes[k].de, de) == NULL)
				fail_msg("the German of \"%s\" lacks \"%s\": %s",
				    r->notes[k].en, de, r->notes[k].de);
			return true;
		}
	return false;
}

#define assert_value(v, want, rel) do {						\
	assert_int_equal((v).status, STRUCTURE_OK);				\
	assert_close((v).value, (want), (rel));					\
} while (0)

static void
run_ok(struct fixture_db *f, const struct app_structure_options *o,
    struct app_structure_report *r)
{
	struct diag_list diags;
	struct error e;

	diag_list_init(&diags, 0);
	if (app_structure_run(f->db, o, r, &diags, &e) == -1) {
		diag_list_print(&diags, stderr);
		fail_msg("app_structure_run: %s", e.message);
	}
	diag_list_free(&diags);
}

static int
run_fails(struct fixture_db *f, const struct app_structure_options *o,
    char *why, size_t size)
{
	struct app_structure_report r;
	struct diag_list diags;
	struct error e;
	int rc;

	diag_list_init(&diags, 0);
	rc = app_structure_run(f->db, o, &r, &diags, &e);
	if (rc == -1)
		snprintf(why, size, "%s", e.message);
	app_structure_report_free(&r);
	diag_list_free(&diags);
	return rc;
}

/* Region A (by its alias AA) against the indicator's reference region N,
 * 2000 -> 2001: METHODS §3.6 growth 25, NS 27, IM 1, RS -3, net -2. The data
 * have no figures at the groups' level, so the sectors S1..S4 are compared
 * and grouped by G1, G2 for variety. */
static void
test_textbook_region(void **state)
{
	struct fixture_db *f = *state;
	struct app_structure_options o = { 0 };
	struct app_structure_report r;
	const struct app_structure_region *a;
	const struct app_structure_period *p;

	o.source = APP_STRUCTURE_DATABASE;
	o.indicator = "emp";
	o.region = "AA";
	o.from = "2000";
	o.to = "2001";
	run_ok(f, &o, &r);
	assert_false(r.matrix);
	assert_int_equal(r.region_count, 1);
	assert_string_equal(r.reference, "N");
	assert_int_equal(r.reference_kind, STRUCTURE_REFERENCE_REGION);
	assert_int_equal(r.sector_count, 4);
	assert_string_equal(r.sectors[0], "S1");
	assert_string_equal(r.sectors[3], "S4");
	assert_true(has_note(&r, "level 3 of TB, the coarsest with figures",
	    "Verglichen wird auf Ebene 3 der Klassifikation TB, der gröbsten "
	    "mit Zahlen."));
	assert_true(has_note(&r, "The reference is the indicator's reference "
	    "region, Nation", "Verglichen wird mit der Vergleichsregion des "
	    "Indikators, Nation (--reference ändert sie)."));
	assert_int_equal(r.group_count, 2);
	assert_string_equal(r.groups[r.sector_group[1]], "G1");
	assert_string_equal(r.groups[r.sector_group[2]], "G2");
	assert_int_equal(r.period_count, 2);
	a = &r.regions[0];
	assert_string_equal(a->code, "A");
	assert_string_equal(a->name, "Region A");
	assert_true(a->has_span);
	assert_value(a->span.shift_share.growth, 25, STRUCTURE_REL);
	assert_value(a->span.shift_share.national_share, 27, STRUCTURE_REL);
	assert_value(a->span.shift_share.industry_mix, 1, STRUCTURE_REL);
	assert_value(a->span.shift_share.regional_share, -3, STRUCTURE_REL);
	assert_value(a->span.shift_share.net_total_shift, -2, STRUCTURE_REL);
	assert_value(a->span.dynamic.national_share, 27, STRUCTURE_REL);
	assert_int_equal(a->span.dynamic_steps, 1);
	assert_close(a->span.competitive.value + a->span.allocation.value, -3,
	    STRUCTURE_REL);
	assert_null(a->span.zero_start_sectors);

	/* 2000: x = (90, 20, 10, 60), total 180; G1 = 110, G2 = 70. By bc:
	 * E = -(1/2 lg 1/2 + 1/9 lg 1/9 + 1/18 lg 1/18 + 1/3 lg 1/3)
	 *   = 1.612197222702993009858
	 * UV = -(11/18 lg 11/18 + 7/18 lg 7/18) = .964078764808229109003
	 * RV = E - UV = .648118457894763900855 */
	p = &a->periods[0];
	assert_string_equal(p->period, "2000");
	assert_value(p->total, 180, 0);
	assert_value(p->entropy, 1.612197222702993009858, STRUCTURE_REL);
	assert_value(p->unrelated_variety, .964078764808229109003, STRUCTURE_REL);
	assert_value(p->related_variety, .648118457894763900855, STRUCTURE_REL);
	assert_value(p->share[0], 0.5, STRUCTURE_REL);
	assert_value(r.reference_share[0], 400.0 / 1100.0, STRUCTURE_REL);
	/* METHODS §3.8 portfolio of region A at t1 (test_shiftshare.c by bc):
	 * LQ S1 = (100/205)/(440/1265) = 1.402439024390243902. */
	assert_value(a->span.sectors[0].location_quotient, 1.402439024390243902,
	    STRUCTURE_REL);
	assert_true(a->span.sectors[0].has_quadrant);
	assert_int_equal(a->span.sectors[0].quadrant,
	    PORTFOLIO_SPECIALISED_GAINING);
	assert_int_equal(a->span.sectors[3].quadrant,
	    PORTFOLIO_UNSPECIALISED_LOSING);
	app_structure_report_free(&r);
}

/* The catalogue's shock "dip" (2000, 2001, 2002), region A against N:
 * dx = 205 - 180 = 25, dX = 1265 - 1100 = 165:
 *   sensitivity = (25/180)/(165/1100) = 27500/29700 = .925925925925925926
 *   E = sum g_i x_i(2000), g = (.1, .4, -.1, .2): 9 + 8 - 1 + 12 = 28,
 *   resistance = (25 - 28)/28 = -.107142857142857143
 * over [2001, 2002]: dx = 220 - 205 = 15, g = (1/22, 0, 0, 1/24),
 *   E = 100/22 + 55/24 = 3610/528, recovery = (15 - E)/E = 431/361
 *   = 1.193905817174515235; sensitivity (15/205)/(40/1265) = 18975/8200
 *   = 2.314024390243902439. The shock "later" has no figures: missing. */
static void
test_shocks(void **state)
{
	struct fixture_db *f = *state;
	struct app_structure_options o = { 0 };
	struct app_structure_shock_spec spec;
	struct app_structure_report r;
	const struct app_structure_shock *s;
	struct error e;

	assert_int_equal(app_structure_shock_parse("byhand:2000:2001:2002", &spec,
	    &e), 0);
	o.source = APP_STRUCTURE_DATABASE;
	o.indicator = "emp";
	o.region = "A";
	o.shocks = &spec;
	o.shock_count = 1;
	run_ok(f, &o, &r);
	assert_int_equal(r.shock_count, 3);
	s = &r.regions[0].shocks[0];
	assert_string_equal(s->name, "dip");
	assert_string_equal(s->title, "Dip");
	assert_true(s->registered);
	assert_value(s->sensitivity, .925925925925925926, STRUCTURE_REL);
	assert_value(s->resistance, -.107142857142857143, STRUCTURE_REL);
	assert_value(s->recovery, 1.193905817174515235, STRUCTURE_REL);
	assert_value(s->recovery_sensitivity, 2.314024390243902439, STRUCTURE_REL);
	s = &r.regions[0].shocks[1];
	assert_string_equal(s->name, "later");
	assert_int_equal(s->resistance.status, STRUCTURE_MISSING);
	assert_true(isnan(s->resistance.value));
	assert_non_null(strstr(s->resistance.reason, "2003"));
	s = &r.regions[0].shocks[2];
	assert_string_equal(s->name, "byhand");
	assert_false(s->registered);
	assert_value(s->resistance, -.107142857142857143, STRUCTURE_REL);
	app_structure_report_free(&r);

	o.no_registered_shocks = true;
	run_ok(f, &o, &r);
	assert_int_equal(r.shock_count, 1);
	app_structure_report_free(&r);
}

/* Matrix mode: every region against N (not itself a row); and against the
 * column sums, where N is left out because it contains A, B and C (it is
 * their sum, so the numbers are the same). B: 55, 24, -1, 32; C: 85, 114,
 * 0, -29. */
static void
test_matrix(void **state)
{
	struct fixture_db *f = *state;
	struct app_structure_options o = { 0 };
	struct app_structure_report r;
	int pass;

	o.source = APP_STRUCTURE_DATABASE;
	o.indicator = "emp";
	o.from = "2000";
	o.to = "2001";
	for (pass = 0; pass < 2; pass++) {
		o.column_sums = pass == 1;
		run_ok(f, &o, &r);
		assert_true(r.matrix);
		assert_int_equal(r.region_count, 3);
		assert_string_equal(r.regions[0].code, "A");
		assert_string_equal(r.regions[1].code, "B");
		assert_string_equal(r.regions[2].code, "C");
		assert_int_equal(r.reference_kind, pass == 0 ?
		    STRUCTURE_REFERENCE_REGION : STRUCTURE_REFERENCE_MATRIX);
		assert_value(r.regions[1].span.shift_share.growth, 55, STRUCTURE_REL);
		assert_value(r.regions[1].span.shift_share.national_share, 24,
		    STRUCTURE_REL);
		assert_value(r.regions[1].span.shift_share.industry_mix, -1,
		    STRUCTURE_REL);
		assert_value(r.regions[1].span.shift_share.regional_share, 32,
		    STRUCTURE_REL);
		assert_value(r.regions[2].span.shift_share.national_share, 114,
		    STRUCTURE_REL);
		assert_close(r.regions[2].span.shift_share.industry_mix.value, 0,
		    STRUCTURE_REL);
		assert_value(r.regions[2].span.shift_share.regional_share, -29,
		    STRUCTURE_REL);
		if (pass == 1) {
			assert_null(r.reference);
			assert_true(has_note(&r, "Left out of the column sums and "
			    "the matrix because they contain other regions of the "
			    "input: N", "Aus den Spaltensummen und der Matrix "
			    "weggelassen, weil sie andere Regionen der Eingabe "
			    "enthalten: N."));
		}
		app_structure_report_free(&r);
	}
}

/* A NACE-like classification: B_E (with its part C) and F under TOTAL. C is
 * left out; A's total comes from the TOTAL sector (15 = 10 + 5), B's from the
 * series without a sector (40 = 30 + 10). At level 3, B_E has one sub-sector
 * only and is compared whole. */
static void
test_nace_levels(void **state)
{
	struct fixture_db *f = *state;
	struct app_structure_options o = { 0 };
	struct app_structure_report r;
	const struct app_structure_period *p;

	o.source = APP_STRUCTURE_DATABASE;
	o.indicator = "emp_nace";
	o.region = "A";
	o.reference = "B";
	run_ok(f, &o, &r);
	assert_int_equal(r.sector_count, 2);
	assert_string_equal(r.sectors[0], "B_E");
	assert_string_equal(r.sectors[1], "F");
	assert_true(has_note(&r, "C (part of B_E)", "Weggelassen, damit nichts "
	    "doppelt gezählt wird: C (Teil von B_E)."));
	assert_int_equal(r.group_count, 0);
	assert_true(has_note(&r, "need a coarser level of NACE", "Verwandte und "
	    "unverwandte Vielfalt brauchen eine gröbere Ebene der "
	    "Klassifikation NACE"));
	p = &r.regions[0].periods[0];
	assert_true(p->coverage.published);
	assert_close(p->coverage.published_total, 15, 0);
	assert_int_equal(p->coverage.coverage, STRUCTURE_COVERAGE_COMPLETE);
	assert_true(r.reference_coverage[0].published);
	assert_close(r.reference_coverage[0].published_total, 40, 0);
	/* LQ of F: (5/15)/(10/40) = 4/3. */
	assert_value(p->lq[1], 4.0 / 3.0, STRUCTURE_REL);
	assert_int_equal(p->unrelated_variety.status, STRUCTURE_NO_GROUPS);
	assert_true(isnan(p->unrelated_variety.value));
	assert_non_null(p->unrelated_variety.reason);
	app_structure_report_free(&r);

	o.level = 3;
	run_ok(f, &o, &r);
	assert_int_equal(r.sector_count, 2);
	assert_true(has_note(&r, "B_E is compared whole", "B_E wird als Ganzes "
	    "verglichen: Der einzige aufgeführte Unterbereich, C, deckt ihn "
	    "nicht ganz ab."));
	app_structure_report_free(&r);
}

static void
test_errors(void **state)
{
	struct fixture_db *f = *state;
	struct app_structure_options o = { 0 };
	char why[1024];

	o.source = APP_STRUCTURE_DATABASE;
	o.indicator = "nothing";
	assert_int_equal(run_fails(f, &o, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "unknown indicator 'nothing'"));

	o.indicator = "emp";
	o.region = "Z";
	assert_int_equal(run_fails(f, &o, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "region 'Z' has no figures"));

	o.region = "A";
	o.period = "1999";
	assert_int_equal(run_fails(f, &o, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "covers 2000 to 2002"));

	o.period = NULL;
	o.reference = "N";
	o.column_sums = true;
	assert_int_equal(run_fails(f, &o, why, sizeof(why)), -1);

	o.reference = NULL;
	o.column_sums = false;
	o.level = 9;
	assert_int_equal(run_fails(f, &o, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "--level 9: the levels of TB are 1 to 3"));

	/* An indicator without any sector figures. */
	o.level = 0;
	o.indicator = "rate";
	o.region = NULL;
	assert_int_equal(run_fails(f, &o, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "no observations"));
}

/* The file gives what the database gives (same figures, file mode). */
static void
test_file_mode(void **state)
{
	struct fixture_db *f = *state;
	struct app_structure_options o = { 0 };
	struct app_structure_report r;
	struct buf json = BUF_INIT;
	char path[512];

	fixture_path(path, sizeof(path), "tests/data/structcli/textbook.csv");
	o.source = APP_STRUCTURE_FILE;
	o.input = path;
	o.region = "C";
	o.reference = "N";
	o.from = "2000";
	o.to = "2001";
	run_ok(f, &o, &r);
	assert_null(r.classification);
	assert_string_equal(r.dimension, "sector");
	assert_value(r.regions[0].span.shift_share.growth, 85, STRUCTURE_REL);
	assert_value(r.regions[0].span.shift_share.national_share, 114,
	    STRUCTURE_REL);
	app_structure_json_write(&r, &json);
	assert_non_null(strstr(json.data, "\"region\": \"C\""));
	assert_non_null(strstr(json.data, "\"national_share\": 114"));
	buf_free(&json);
	app_structure_report_free(&r);
}

static void
test_shock_parse(void **state)
{
	struct app_structure_shock_spec s;
	struct error e;

	assert_int_equal(app_structure_shock_parse("crisis:2008-Q2:2009-Q2:2011-Q1",
	    &s, &e), 0);
	assert_string_equal(s.name, "crisis");
	assert_string_equal(s.peak, "2008-Q2");
	assert_string_equal(s.recovery_end, "2011-Q1");
	assert_int_equal(app_structure_shock_parse("crisis:2008:2009", &s, &e), -1);
	assert_int_equal(app_structure_shock_parse(":2008:2009:2010", &s, &e), -1);
	assert_int_equal(app_structure_shock_parse("a:2008:2009:2010:2011", &s,
	    &e), -1);
	assert_int_equal(app_structure_shock_parse("a:2009:2008:2010", &s, &e), -1);
	assert_int_equal(app_structure_shock_parse("a:2008:2009-Q1:2010", &s, &e),
	    -1);
	assert_int_equal(app_structure_shock_parse("a:2008:x:2010", &s, &e), -1);
	assert_non_null(strstr(e.message, "trough 'x'"));
}

/* A test on a fresh database from setup(). */
#define DB_TEST(test) \
	cmocka_unit_test_setup_teardown(test, setup, fixture_db_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		DB_TEST(test_textbook_region),
		DB_TEST(test_shocks),
		DB_TEST(test_matrix),
		DB_TEST(test_nace_levels),
		DB_TEST(test_errors),
		DB_TEST(test_file_mode),
		cmocka_unit_test(test_shock_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
