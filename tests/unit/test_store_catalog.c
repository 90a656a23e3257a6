/* Unit tests of store/catalog: create and update by code, replaced links,
 * versioned targets with their dates, all-or-nothing saves, dry runs, and the
 * read functions. Each test works on a fresh database file. The dates are
 * passed in, so the expected versions below are written out by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/catalog_json.h"
#include "store/catalog.h"
#include "store/db.h"
#include "util/buf.h"
#include "fixture.h"

/* Each test on a fresh, empty database. */
static int
setup(void **state)
{
	return fixture_db_setup(state, NULL, NULL, 0);
}

/* Parses json against what is stored and saves it on `today`; returns the
 * save's result. The report is the caller's to free. */
static int
load(struct fixture_db *f, const char *json, const char *today,
    struct store_catalog_report *rep, struct error *e)
{
	struct catalog known, c;
	struct diag_list d;
	int rc;

	model_catalog_init(&known);
	model_catalog_init(&c);
	diag_list_init(&d, 20);
	assert_int_equal(store_catalog_load(f->db, &known, e), 0);
	if (catalog_json_parse(json, strlen(json), "t.json", &known, &c,
	    &d) == -1) {
		diag_list_print(&d, stderr);
		fail_msg("the test's catalogue does not parse");
	}
	store_catalog_report_init(rep);
	rc = store_catalog_save(f->db, &c, today, false, rep, e);
	diag_list_free(&d);
	model_catalog_free(&c);
	model_catalog_free(&known);
	return rc;
}

static void
load_ok(struct fixture_db *f, const char *json, const char *today,
    struct store_catalog_report *rep)
{
	struct error e;

	if (load(f, json, today, rep, &e) == -1)
		fail_msg("save failed: %s", e.message);
}

static char *
export(struct fixture_db *f)
{
	struct catalog c;
	struct buf out = BUF_INIT;
	struct error e;

	model_catalog_init(&c);
	assert_int_equal(store_catalog_load(f->db, &c, &e), 0);
	catalog_json_write(&c, &out);
	model_catalog_free(&c);
	return buf_detach(&out);
}

#define BASE "\"regions\": [{\"code\": \"05\", \"name_de\": \"NRW\", " \
	"\"level\": \"state\", \"aliases\": [{\"code\": \"DEA\", " \
	"\"scheme\": \"nuts\"}]}, {\"code\": \"05512000\", \"name_de\": " \
	"\"Bottrop\", \"level\": \"district_free_city\", \"parent\": \"05\", " \
	"\"aliases\": [{\"code\": \"DEA31\", \"scheme\": \"nuts\"}]}], " \
	"\"goals\": [{\"code\": \"G\", \"title_de\": \"Gemeinsam\"}, " \
	"{\"code\": \"G2\", \"parent\": \"G\", \"title_de\": \"Arbeit\"}], " \
	"\"classifications\": [{\"code\": \"N\", \"name_de\": \"NACE\", " \
	"\"sectors\": [{\"code\": \"TOTAL\", \"name_de\": \"Alle\"}, " \
	"{\"code\": \"B_E\", \"parent\": \"TOTAL\", \"name_de\": \"B-E\"}, " \
	"{\"code\": \"C\", \"parent\": \"B_E\", \"name_de\": \"C\"}]}]"

/* An indicator with one target; %s is the target's JSON. */
#define WITH_TARGET(target) "{" BASE ", \"indicators\": [{\"code\": " \
	"\"w\", \"title_de\": \"Frauenanteil\", \"unit\": \"percent\", " \
	"\"polarity\": 1, \"goals\": [\"G2\"], \"targets\": [" target "]}]}"

static size_t
count(const struct store_catalog_report *rep, enum store_catalog_item item,
    enum store_catalog_action action)
{
	return rep->counts[item][action];
}

static void
test_create_then_unchanged(void **state)
{
	struct fixture_db *f = *state;
	struct store_catalog_report rep;
	char *first, *second;

	load_ok(f, WITH_TARGET("{\"code\": \"t\", \"kind\": \"value\", "
	    "\"value\": 50, \"year\": 2025}"), "2017-11-29", &rep);
	assert_int_equal(count(&rep, STORE_CATALOG_REGION,
	    STORE_CATALOG_CREATED), 2);
	assert_int_equal(count(&rep, STORE_CATALOG_GOAL,
	    STORE_CATALOG_CREATED), 2);
	assert_int_equal(count(&rep, STORE_CATALOG_SECTOR,
	    STORE_CATALOG_CREATED), 3);
	assert_int_equal(count(&rep, STORE_CATALOG_TARGET,
	    STORE_CATALOG_CREATED), 1);
	store_catalog_report_free(&rep);
	first = export(f);
	/* The target got today's date as its start. */
	assert_non_null(strstr(first, "\"valid_from\": \"2017-11-29\""));
	assert_non_null(strstr(first, "\"parent\": \"B_E\", \"level\": 3"));

	/* The same file again: nothing changes. */
	load_ok(f, WITH_TARGET("{\"code\": \"t\", \"kind\": \"value\", "
	    "\"value\": 50, \"year\": 2025}"), "2019-01-01", &rep);
	assert_int_equal(rep.change_count, 0);
	assert_int_equal(count(&rep, STORE_CATALOG_INDICATOR,
	    STORE_CATALOG_UNCHANGED), 1);
	assert_int_equal(count(&rep, STORE_CATALOG_TARGET,
	    STORE_CATALOG_UNCHANGED), 1);
	store_catalog_report_free(&rep);
	second = export(f);
	assert_string_equal(first, second);
	free(first);
	free(second);
}

static void
test_update_by_code(void **state)
{
	struct fixture_db *f = *state;
	struct store_catalog_report rep;
	char *out;

	load_ok(f, WITH_TARGET(""), "2020-01-01", &rep);
	store_catalog_report_free(&rep);
	/* A new title, a moved goal link, an alias moved between regions. */
	load_ok(f, "{\"regions\": [{\"code\": \"05\", \"name_de\": \"NRW\", "
	    "\"level\": \"state\"}, {\"code\": \"DE\", \"name_de\": "
	    "\"Deutschland\", \"level\": \"nation\", \"aliases\": [{\"code\": "
	    "\"DEA\"}]}], \"indicators\": [{\"code\": \"w\", \"title_de\": "
	    "\"Frauenanteil an Führungspositionen\", \"unit\": \"percent\", "
	    "\"polarity\": 1, \"goals\": [\"G\"]}]}", "2020-02-01", &rep);
	assert_int_equal(count(&rep, STORE_CATALOG_INDICATOR,
	    STORE_CATALOG_UPDATED), 1);
	assert_int_equal(count(&rep, STORE_CATALOG_REGION,
	    STORE_CATALOG_UPDATED), 1);	/* 05 lost its alias */
	assert_int_equal(count(&rep, STORE_CATALOG_REGION,
	    STORE_CATALOG_CREATED), 1);	/* DE, which took it */
	assert_int_equal(rep.change_count, 3);
	assert_string_equal(rep.changes[0].code, "05");
	store_catalog_report_free(&rep);
	out = export(f);
	assert_non_null(strstr(out, "Frauenanteil an Führungspositionen"));
	assert_non_null(strstr(out, "\"goals\": [\"G\"]"));
	/* Items the file did not name are kept. */
	assert_non_null(strstr(out, "\"code\": \"05512000\""));
	assert_non_null(strstr(out, "\"code\": \"G2\""));
	free(out);
}

static void
test_target_supersedes(void **state)
{
	struct fixture_db *f = *state;
	struct store_catalog_report rep;
	struct catalog owner;
	struct indicator ind;
	struct error e;

	load_ok(f, WITH_TARGET("{\"code\": \"t\", \"kind\": \"value\", "
	    "\"value\": 50, \"year\": 2025}"), "2017-11-29", &rep);
	store_catalog_report_free(&rep);
	/* A changed target on a later day supersedes the stored one. */
	load_ok(f, WITH_TARGET("{\"code\": \"t\", \"kind\": \"value\", "
	    "\"value\": 40, \"year\": 2030}"), "2021-06-30", &rep);
	assert_int_equal(rep.change_count, 1);
	assert_int_equal(rep.changes[0].action, STORE_CATALOG_SUPERSEDED);
	assert_string_equal(rep.changes[0].code, "w/t");
	assert_string_equal(rep.changes[0].detail,
	    "version from 2017-11-29 ended 2021-06-30");
	store_catalog_report_free(&rep);

	model_catalog_init(&owner);
	assert_int_equal(store_catalog_indicator(f->db, "w", &owner, &ind, &e),
	    1);
	assert_int_equal(ind.target_count, 2);
	assert_string_equal(ind.targets[0].valid_from, "2017-11-29");
	assert_string_equal(ind.targets[0].valid_to, "2021-06-30");
	assert_true(ind.targets[0].value == 50);
	assert_int_equal(ind.targets[0].year, 2025);
	assert_string_equal(ind.targets[1].valid_from, "2021-06-30");
	assert_null(ind.targets[1].valid_to);
	assert_true(ind.targets[1].value == 40);
	assert_int_equal(store_catalog_indicator(f->db, "nope", &owner, &ind,
	    &e), 0);
	model_catalog_free(&owner);
}

static void
test_target_same_day_and_dates(void **state)
{
	struct fixture_db *f = *state;
	struct store_catalog_report rep;
	struct error e;
	char *before, *after;

	load_ok(f, WITH_TARGET("{\"code\": \"t\", \"kind\": \"value\", "
	    "\"value\": 50, \"year\": 2025}"), "2020-03-01", &rep);
	store_catalog_report_free(&rep);
	/* Changed again the same day: a correction in place, no new version. */
	load_ok(f, WITH_TARGET("{\"code\": \"t\", \"kind\": \"value\", "
	    "\"value\": 45, \"year\": 2025}"), "2020-03-01", &rep);
	assert_int_equal(count(&rep, STORE_CATALOG_TARGET,
	    STORE_CATALOG_UPDATED), 1);
	store_catalog_report_free(&rep);
	before = export(f);
	assert_null(strstr(before, "valid_to"));
	/* A new version may not start before the current one. */
	assert_int_equal(load(f, WITH_TARGET("{\"code\": \"t\", \"kind\": "
	    "\"value\", \"value\": 30, \"year\": 2025, \"valid_from\": "
	    "\"2019-01-01\"}"), "2020-04-01", &rep, &e), -1);
	assert_string_equal(e.message, "indicator 'w', target 't': the new "
	    "version from 2019-01-01 would start before the current one (from "
	    "2020-03-01)");
	store_catalog_report_free(&rep);
	after = export(f);
	assert_string_equal(before, after);	/* all or nothing */
	free(before);
	free(after);
	/* An explicit later valid_from is used instead of today. */
	load_ok(f, WITH_TARGET("{\"code\": \"t\", \"kind\": \"value\", "
	    "\"value\": 30, \"year\": 2025, \"valid_from\": \"2020-05-01\"}"),
	    "2020-06-15", &rep);
	assert_string_equal(rep.changes[0].detail,
	    "version from 2020-03-01 ended 2020-05-01");
	store_catalog_report_free(&rep);
}

static void
test_history_is_kept(void **state)
{
	struct fixture_db *f = *state;
	struct store_catalog_report rep;
	struct error e;
	char *out;

	/* An export's shape: a superseded version and the current one. */
	load_ok(f, WITH_TARGET("{\"code\": \"t\", \"kind\": \"value\", "
	    "\"value\": 50, \"year\": 2025, \"valid_from\": \"2017-11-29\", "
	    "\"valid_to\": \"2021-01-01\"}, {\"code\": \"t\", \"kind\": "
	    "\"value\", \"value\": 40, \"year\": 2025, \"valid_from\": "
	    "\"2021-01-01\"}"), "2024-01-01", &rep);
	assert_int_equal(count(&rep, STORE_CATALOG_TARGET,
	    STORE_CATALOG_CREATED), 2);
	store_catalog_report_free(&rep);
	/* A file without the history keeps it. */
	load_ok(f, WITH_TARGET("{\"code\": \"t\", \"kind\": \"value\", "
	    "\"value\": 40, \"year\": 2025}"), "2024-02-01", &rep);
	assert_int_equal(rep.change_count, 0);
	store_catalog_report_free(&rep);
	out = export(f);
	assert_non_null(strstr(out, "\"valid_to\": \"2021-01-01\""));
	free(out);
	/* History that overlaps stored versions is refused; sorted by start,
	 * [2017-11-29, 2021-01-01) is the first to meet [2020-01-01, ...). */
	assert_int_equal(load(f, WITH_TARGET("{\"code\": \"t\", \"kind\": "
	    "\"value\", \"value\": 1, \"year\": 2025, \"valid_from\": "
	    "\"2020-01-01\", \"valid_to\": \"2022-01-01\"}"), "2024-03-01", &rep,
	    &e), -1);
	assert_string_equal(e.message, "indicator 'w', target 't': the "
	    "versions from 2017-11-29 and from 2020-01-01 overlap");
	store_catalog_report_free(&rep);
}

/* A valid_to on the current version retires the target. */
static void
test_target_retired(void **state)
{
	struct fixture_db *f = *state;
	struct store_catalog_report rep;
	struct catalog owner;
	struct indicator ind;
	struct error e;

	load_ok(f, WITH_TARGET("{\"code\": \"t\", \"kind\": \"direction\"}"),
	    "2020-01-01", &rep);
	store_catalog_report_free(&rep);
	load_ok(f, WITH_TARGET("{\"code\": \"t\", \"kind\": \"direction\", "
	    "\"valid_from\": \"2020-01-01\", \"valid_to\": \"2024-01-01\"}"),
	    "2024-01-01", &rep);
	assert_int_equal(count(&rep, STORE_CATALOG_TARGET,
	    STORE_CATALOG_UPDATED), 1);
	store_catalog_report_free(&rep);
	model_catalog_init(&owner);
	assert_int_equal(store_catalog_indicator(f->db, "w", &owner, &ind, &e),
	    1);
	assert_int_equal(ind.target_count, 1);
	assert_string_equal(ind.targets[0].valid_to, "2024-01-01");
	assert_null(model_current_target(&ind, "t"));
	model_catalog_free(&owner);
}

static void
test_dry_run_and_failure_leave_no_trace(void **state)
{
	struct fixture_db *f = *state;
	struct store_catalog_report rep;
	struct catalog c;
	struct diag_list d;
	struct error e;
	char *before, *after;
	static const char json[] = WITH_TARGET("");

	load_ok(f, "{\"goals\": [{\"code\": \"X\", \"title_de\": \"x\"}]}",
	    "2020-01-01", &rep);
	store_catalog_report_free(&rep);
	before = export(f);

	model_catalog_init(&c);
	diag_list_init(&d, 10);
	assert_int_equal(catalog_json_parse(json, strlen(json), "t.json", NULL,
	    &c, &d), 0);
	store_catalog_report_init(&rep);
	assert_int_equal(store_catalog_save(f->db, &c, "2020-01-02", true, &rep,
	    &e), 0);
	assert_int_equal(count(&rep, STORE_CATALOG_INDICATOR,
	    STORE_CATALOG_CREATED), 1);	/* would be created ... */
	store_catalog_report_free(&rep);
	after = export(f);
	assert_string_equal(before, after);	/* ... but was not */
	free(after);

	/* A catalogue the reader did not check against the store: its
	 * indicator names a goal that is not there. The save fails after
	 * the regions and goals were written, and takes them all back. */
	c.indicators[0].goals[0] = "NOPE";
	store_catalog_report_init(&rep);
	assert_int_equal(store_catalog_save(f->db, &c, "2020-01-02", false,
	    &rep, &e), -1);
	assert_string_equal(e.message, "unknown goal 'NOPE'");
	store_catalog_report_free(&rep);
	after = export(f);
	assert_string_equal(before, after);
	free(after);
	free(before);
	diag_list_free(&d);
	model_catalog_free(&c);
}

/* Moving a stored sector under a new parent changes the level of its
 * children, even those the file does not name: TOTAL > B_E > C becomes
 * TOTAL > IND > B_E > C, so C goes from level 3 to 4. */
static void
test_sector_levels_follow_parents(void **state)
{
	struct fixture_db *f = *state;
	struct store_catalog_report rep;
	struct catalog c;
	struct diag_list d;
	char *out;

	load_ok(f, "{" BASE "}", "2020-01-01", &rep);
	store_catalog_report_free(&rep);
	load_ok(f, "{\"classifications\": [{\"code\": \"N\", \"name_de\": "
	    "\"NACE\", \"sectors\": [{\"code\": \"IND\", \"parent\": "
	    "\"TOTAL\", \"name_de\": \"Industrie\"}, {\"code\": \"B_E\", "
	    "\"parent\": \"IND\", \"name_de\": \"B-E\"}]}]}", "2020-01-02",
	    &rep);
	store_catalog_report_free(&rep);
	out = export(f);
	assert_non_null(strstr(out, "{\"code\": \"C\", \"parent\": \"B_E\", "
	    "\"level\": 4"));
	/* and the export reads back, levels and all */
	model_catalog_init(&c);
	diag_list_init(&d, 10);
	assert_int_equal(catalog_json_parse(out, strlen(out), "e.json", NULL,
	    &c, &d), 0);
	diag_list_free(&d);
	model_catalog_free(&c);
	free(out);
}

static void
test_vision_is_one(void **state)
{
	struct fixture_db *f = *state;
	struct store_catalog_report rep;
	char *out;

	load_ok(f, "{\"vision\": {\"code\": \"a\", \"title_de\": \"Alt\"}}",
	    "2017-01-01", &rep);
	store_catalog_report_free(&rep);
	load_ok(f, "{\"vision\": {\"code\": \"b\", \"title_de\": \"Gemeinsam. "
	    "Innovativ. Nachhaltig.\", \"adopted\": \"2017-11-29\"}}",
	    "2017-12-01", &rep);
	assert_int_equal(count(&rep, STORE_CATALOG_VISION,
	    STORE_CATALOG_UPDATED), 1);
	store_catalog_report_free(&rep);
	out = export(f);
	assert_null(strstr(out, "Alt"));
	assert_non_null(strstr(out, "\"code\": \"b\""));
	free(out);
}

static void
test_lookups_and_tree(void **state)
{
	struct fixture_db *f = *state;
	struct store_catalog_report rep;
	struct catalog c;
	struct goal_tree tree;
	struct error e;
	int64_t id, other;

	load_ok(f, WITH_TARGET(""), "2020-01-01", &rep);
	store_catalog_report_free(&rep);
	assert_int_equal(store_catalog_region_id(f->db, "05512000", &id, &e),
	    1);
	assert_int_equal(store_catalog_region_id(f->db, "DEA31", &other, &e),
	    1);
	assert_true(id == other);
	assert_int_equal(store_catalog_region_id(f->db, "DEA3", &id, &e), 0);
	assert_int_equal(store_catalog_indicator_id(f->db, "w", &id, &e), 1);
	assert_true(id > 0);
	assert_int_equal(store_catalog_indicator_id(f->db, "x", &id, &e), 0);

	model_catalog_init(&c);
	assert_int_equal(store_catalog_goal_tree(f->db, &c, &tree, &e), 0);
	assert_int_equal(tree.root_count, 1);
	assert_string_equal(tree.roots[0]->goal->code, "G");
	assert_int_equal(tree.roots[0]->child_count, 1);
	assert_int_equal(tree.roots[0]->children[0]->goal->level, 2);
	assert_int_equal(tree.roots[0]->children[0]->indicator_count, 1);
	assert_string_equal(tree.roots[0]->children[0]->indicators[0]->code,
	    "w");
	model_catalog_free(&c);
}

/* A test on a fresh database from setup(). */
#define DB_TEST(test) \
	cmocka_unit_test_setup_teardown(test, setup, fixture_db_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		DB_TEST(test_create_then_unchanged),
		DB_TEST(test_update_by_code),
		DB_TEST(test_target_supersedes),
		DB_TEST(test_target_same_day_and_dates),
		DB_TEST(test_history_is_kept),
		DB_TEST(test_target_retired),
		DB_TEST(test_dry_run_and_failure_leave_no_trace),
		DB_TEST(test_sector_levels_follow_parents),
		DB_TEST(test_vision_is_one),
		DB_TEST(test_lookups_and_tree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
