/* Unit tests of app/status, app/check (with store/coverage) and of importing
 * from memory (app/import), on a real database file with the test catalogue
 * tests/data/catalog/small.json and a few observations written in each test.
 * Expected values follow from those rows: e.g. a series with 2016-06 and 2017
 * runs from 2016-06 to 2017 (period order: util/period.h). The figures are
 * made up for these tests; nothing is computed from them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/catalog.h"
#include "app/check.h"
#include "app/import.h"
#include "app/status.h"
#include "cli/cmd_table.h"
#include "fixture.h"
#include "store/batches.h"

static const char observations[] =
    "indicator,region,period,value,flag,sector\n"
    "unemployment_rate,05512000,2016-06,9.1,,\n"
    "unemployment_rate,05512000,2017,8.9,,\n"
    "unemployment_rate,05512000,2015,,m,\n"
    "employment_persons,DEA31,2017,100,,C\n"
    "employment_persons,DEA31,2017,500,,\n";

/* Imports observations[] from memory; returns the batch id. */
static long long
import_memory(struct db *db, const char *name, const char *data)
{
	struct obsfile_options ro;
	struct import_options io = { 0 };
	struct import_input in = { name, data, strlen(data) };
	struct import_result res;
	struct diag_list diags;
	struct error e;
	long long batch;

	obsfile_options_init(&ro);
	io.reader = &ro;
	diag_list_init(&diags, 0);
	assert_int_equal(import_run_inputs(db, &in, 1, &io, &res, &diags, &e), 0);
	assert_int_equal(res.count, 1);
	batch = res.files[0].batch_id;
	import_result_free(&res);
	diag_list_free(&diags);
	obsfile_options_free(&ro);
	return batch;
}

static int
setup(void **state)
{
	return fixture_db_setup(state, "tests/data/catalog/small.json", NULL,
	    0);
}

static const struct status_indicator *
find(const struct status *s, const char *code)
{
	size_t i;

	for (i = 0; i < s->catalog.indicator_count; i++)
		if (strcmp(s->indicators[i].indicator->code, code) == 0)
			return &s->indicators[i];
	fail_msg("no indicator %s", code);
	return NULL;
}

static void
test_import_from_memory(void **state)
{
	struct fixture_db *f = *state;
	struct error e;
	char sha[65];
	long long batch, found;

	batch = import_memory(f->db, "mem.csv", observations);
	assert_true(batch > 0);
	/* The batch records the hash of the bytes, as for a file. */
	import_sha256(observations, strlen(observations), sha);
	assert_int_equal(batches_find(f->db, sha, "", &found, &e), 1);
	assert_int_equal(found, batch);
	assert_int_equal(batches_find(f->db, sha, "--indicator 'x'", &found,
	    &e), 0);
	/* Again: nothing changes, and no batch is recorded. */
	assert_int_equal(import_memory(f->db, "mem.csv", observations), 0);
}

static void
test_import_from_memory_errors(void **state)
{
	struct fixture_db *f = *state;
	struct obsfile_options ro;
	struct import_options io = { 0 };
	struct import_input in[2] = {
		{ "empty.csv", "", 0 },
		{ "bad.csv", "indicator,region,period,value\nnope,05,2017,1\n", 0 }
	};
	struct import_result res;
	struct diag_list diags;
	struct error e;

	in[1].size = strlen(in[1].data);
	obsfile_options_init(&ro);
	io.reader = &ro;
	diag_list_init(&diags, 0);
	assert_int_equal(import_run_inputs(f->db, in, 2, &io, &res, &diags, &e),
	    -1);
	assert_true(diags.count >= 2);
	assert_string_equal(diags.items[0].file, "empty.csv");
	assert_string_equal(diags.items[diags.count - 1].file, "bad.csv");
	assert_int_equal(diags.items[diags.count - 1].line, 2);
	import_result_free(&res);
	diag_list_free(&diags);
	obsfile_options_free(&ro);
}

static void
test_status(void **state)
{
	struct fixture_db *f = *state;
	const struct status_indicator *si;
	struct status s;
	struct error e;

	import_memory(f->db, "mem.csv", observations);
	assert_int_equal(status_build(f->db, &s, &e), 0);
	assert_non_null(s.home);
	assert_string_equal(s.home->code, "05512000");	/* the first region */
	assert_int_equal(s.current_targets, 4);		/* leitziel, cap, trend, band */
	assert_int_equal(s.superseded_targets, 1);	/* the older band */
	assert_int_equal(s.totals.observations, 5);
	assert_int_equal(s.totals.values, 4);
	assert_int_equal(s.totals.series, 3);
	assert_int_equal(s.totals.batches, 1);
	assert_string_equal(s.totals.last_file, "mem.csv");

	si = find(&s, "unemployment_rate");
	assert_int_equal(si->region_count, 1);
	assert_int_equal(si->regions[0].values, 2);
	assert_int_equal(si->regions[0].missing, 1);
	assert_int_equal(si->regions[0].series, 1);
	assert_string_equal(si->regions[0].first, "2016-06");	/* not 2015: missing */
	assert_string_equal(si->regions[0].last, "2017");
	assert_int_equal(si->regions[0].kinds,
	    (1u << PERIOD_YEAR) | (1u << PERIOD_MONTH));
	assert_false(si->home_missing);
	assert_false(si->reference_missing);	/* it has no reference region */

	si = find(&s, "employment_persons");
	assert_int_equal(si->regions[0].series, 2);	/* total and C */
	assert_int_equal(si->values, 2);
	assert_true(si->reference_missing);		/* DEA3 */

	si = find(&s, "employment_rate_svb_women");
	assert_int_equal(si->values, 0);
	assert_true(si->home_missing);
	assert_true(si->reference_missing);		/* 05 */
	status_free(&s);
}

static bool
has(const struct check_report *r, enum check_severity sev, const char *text)
{
	size_t i;

	for (i = 0; i < r->count; i++)
		if (r->problems[i].severity == sev &&
		    strstr(r->problems[i].message, text) != NULL)
			return true;
	return false;
}

static void
test_check(void **state)
{
	struct fixture_db *f = *state;
	struct check_report r;
	struct error e;

	import_memory(f->db, "mem.csv", observations);
	check_report_init(&r);
	assert_int_equal(check_run(f->db, &r, &e), 0);
	assert_int_equal(r.errors, 0);
	assert_int_equal(r.warnings, 3);
	assert_true(has(&r, CHECK_WARNING, "target 'leitziel' of "
	    "'employment_rate_svb_women': no data for the home region"));
	assert_true(has(&r, CHECK_WARNING, "no data for the reference region "
	    "Nordrhein-Westfalen (05)"));
	assert_true(has(&r, CHECK_WARNING, "series unemployment_rate/05512000 "
	    "mixes kinds of period (2 years, 1 month)"));
	check_report_free(&r);

	/* Broken around wiall: a sector outside the classification, a goal
	 * without indicators. */
	assert_int_equal(sqlite3_exec(f->db->sqlite,
	    "UPDATE series SET dims = 'sector=ZZ' WHERE dims = 'sector=C';"
	    "INSERT INTO goal(code, title_de) VALUES ('X', 'leer');",
	    NULL, NULL, NULL), SQLITE_OK);
	check_report_init(&r);
	assert_int_equal(check_run(f->db, &r, &e), 0);
	assert_int_equal(r.errors, 2);
	assert_true(has(&r, CHECK_ERROR, "series employment_persons/05512000/"
	    "sector=ZZ: sector 'ZZ' is not in classification NACE"));
	assert_true(has(&r, CHECK_ERROR, "goal 'X' (leer) has no indicators"));
	check_report_free(&r);
}

static void
test_table_text(void **state)
{
	char buf[64];
	FILE *fp;

	(void)state;
	assert_int_equal(cmd_table_width("Münster"), 7);
	assert_int_equal(cmd_table_width("2000 – 2017"), 11);
	fp = fmemopen(buf, sizeof(buf), "w");
	cmd_table_cell(fp, "Regierungsbezirk Münster", 18, false);
	fputc('|', fp);
	cmd_table_cell(fp, "Bö", 4, true);
	fputc('|', fp);
	cmd_table_cell(fp, "Bö", 4, false);
	fputc('|', fp);
	fclose(fp);
	/* 17 characters and an ellipsis; padding counts characters. */
	assert_string_equal(buf, "Regierungsbezirk …|  Bö|Bö  |");
}

/* A test on a fresh database from setup(). */
#define DB_TEST(test) \
	cmocka_unit_test_setup_teardown(test, setup, fixture_db_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		DB_TEST(test_import_from_memory),
		DB_TEST(test_import_from_memory_errors),
		DB_TEST(test_status),
		DB_TEST(test_check),
		cmocka_unit_test(test_table_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
