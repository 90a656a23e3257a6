/* Unit tests of the modified_at stamp (src/store/freshness, db_commit) on a
 * real database file: a commit that changes rows stamps it, a rollback, a
 * transaction without changes and a migration do not; each stamp is at
 * least a second after the one before; a stamp that is not a time is an
 * error to the reader and replaced by the next write. Times are fixed by
 * SOURCE_DATE_EPOCH: 1764115200 s is 2025-11-26T00:00:00Z (20418 days of
 * 86400 s since 1970-01-01; `date -u -d @1764115200` agrees). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"
#include "store/freshness.h"

#define EPOCH		"1764115200"
#define EPOCH_TEXT	"2025-11-26T00:00:00Z"

struct fx {
	char		 path[64];
	struct db	*db;
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct error e;
	int fd;

	setenv("SOURCE_DATE_EPOCH", EPOCH, 1);
	snprintf(f->path, sizeof(f->path), "/tmp/wiall-fresh-XXXXXX");
	fd = mkstemp(f->path);
	close(fd);
	unlink(f->path);
	if (db_open(f->path, DB_CREATE, &f->db, &e) == -1)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	char p[80];

	db_close(f->db);
	unlink(f->path);
	snprintf(p, sizeof(p), "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", f->path);
	unlink(p);
	free(f);
	return 0;
}

/* The stored text, "" when there is none. */
static void
stored(struct db *db, char out[64])
{
	char *v = db_meta_get(db, FRESHNESS_KEY);

	snprintf(out, 64, "%s", v != NULL ? v : "");
	free(v);
}

/* One transaction that writes a meta row (a row change), committed. */
static void
write_once(struct db *db, const char *value)
{
	struct error e;

	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_meta_set(db, "home_region", value, &e), 0);
	assert_int_equal(db_commit(db, &e), 0);
}

static void
test_fresh_database_has_no_stamp(void **state)
{
	struct fx *f = *state;
	struct error e;
	time_t t = 12345;
	char text[64];

	/* db_open ran the migrations (schema only, no rows): no stamp. */
	stored(f->db, text);
	assert_string_equal(text, "");
	assert_int_equal(freshness_modified(f->db, &t, &e), 0);
	assert_int_equal(t, 0);
}

static void
test_commit_with_changes_stamps(void **state)
{
	struct fx *f = *state;
	struct error e;
	char text[64];
	time_t t;

	write_once(f->db, "05512000");
	stored(f->db, text);
	assert_string_equal(text, EPOCH_TEXT);
	assert_int_equal(freshness_modified(f->db, &t, &e), 0);
	assert_int_equal(t, 1764115200);
	/* The clock holds still (SOURCE_DATE_EPOCH): the next change is a
	 * second later all the same, and the one after two. */
	write_once(f->db, "DEA31");
	stored(f->db, text);
	assert_string_equal(text, "2025-11-26T00:00:01Z");
	write_once(f->db, "05512");
	stored(f->db, text);
	assert_string_equal(text, "2025-11-26T00:00:02Z");
}

static void
test_rollback_and_no_change_do_not_stamp(void **state)
{
	struct fx *f = *state;
	struct error e;
	char text[64];

	write_once(f->db, "05512000");
	/* A rolled-back change (a dry run, a failed import). */
	assert_int_equal(db_begin(f->db, &e), 0);
	assert_int_equal(db_meta_set(f->db, "home_region", "DEA", &e), 0);
	db_rollback(f->db);
	stored(f->db, text);
	assert_string_equal(text, EPOCH_TEXT);
	/* A transaction that only reads. */
	assert_int_equal(db_begin(f->db, &e), 0);
	free(db_meta_get(f->db, "home_region"));
	assert_int_equal(db_commit(f->db, &e), 0);
	stored(f->db, text);
	assert_string_equal(text, EPOCH_TEXT);
	/* One whose statements match no row. */
	assert_int_equal(db_begin(f->db, &e), 0);
	assert_int_equal(sqlite3_exec(f->db->sqlite, "DELETE FROM meta WHERE "
	    "key = 'nothing'; UPDATE region SET name_de = 'x' WHERE id = -1",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_commit(f->db, &e), 0);
	stored(f->db, text);
	assert_string_equal(text, EPOCH_TEXT);
	/* The rolled-back change did not count towards the next commit. */
	assert_int_equal(db_begin(f->db, &e), 0);
	assert_int_equal(db_commit(f->db, &e), 0);
	stored(f->db, text);
	assert_string_equal(text, EPOCH_TEXT);
}

static void
test_clock_behind_the_stamp(void **state)
{
	struct fx *f = *state;
	struct error e;
	char text[64];

	/* A stamp later than the clock (the clock stepped back): the next
	 * change still moves it on, never back. */
	assert_int_equal(db_begin(f->db, &e), 0);
	assert_int_equal(db_meta_set(f->db, FRESHNESS_KEY,
	    "2030-01-01T00:00:00Z", &e), 0);
	assert_int_equal(db_commit(f->db, &e), 0);
	stored(f->db, text);
	/* That commit changed a row (the stamp itself): stamped again, a
	 * second after what it found. */
	assert_string_equal(text, "2030-01-01T00:00:01Z");
	write_once(f->db, "05512000");
	stored(f->db, text);
	assert_string_equal(text, "2030-01-01T00:00:02Z");
	/* The clock ahead again: the clock wins. */
	setenv("SOURCE_DATE_EPOCH", "1924992000", 1);	/* 2031-01-01 */
	write_once(f->db, "DEA31");
	stored(f->db, text);
	assert_string_equal(text, "2031-01-01T00:00:00Z");
	setenv("SOURCE_DATE_EPOCH", EPOCH, 1);
}

static void
test_malformed_stamp(void **state)
{
	struct fx *f = *state;
	struct error e;
	char text[64];
	time_t t = 1;

	assert_int_equal(sqlite3_exec(f->db->sqlite, "INSERT INTO meta(key, "
	    "value) VALUES ('modified_at', 'yesterday')", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(freshness_modified(f->db, &t, &e), -1);
	assert_int_equal(t, 0);
	assert_non_null(strstr(e.message, "'yesterday' is not a time"));
	write_once(f->db, "05512000");
	stored(f->db, text);
	assert_string_equal(text, EPOCH_TEXT);
	assert_int_equal(freshness_modified(f->db, &t, &e), 0);
	assert_int_equal(t, 1764115200);
}

static void
test_parse_and_format(void **state)
{
	static const char *const bad[] = {
		"", "2025-11-26", "2025-11-26T00:00:00", "2025-11-26 00:00:00Z",
		"2025-11-26T00:00:00+01", "2025-02-31T00:00:00Z",
		"2025-11-26T24:00:00Z", "2025-13-01T00:00:00Z",
		"1969-12-31T23:59:59Z", "2025-11-26T00:00:00Zx",
		"+025-11-26T00:00:00Z", "2025-1-026T00:00:00Z",
	};
	char text[FRESHNESS_TIME_MAX];
	time_t t;
	size_t i;

	(void)state;
	assert_int_equal(freshness_parse(EPOCH_TEXT, &t), 0);
	assert_int_equal(t, 1764115200);
	/* 2024-02-29 (a leap day) 12:34:56: 19782 days and 45296 s. */
	assert_int_equal(freshness_parse("2024-02-29T12:34:56Z", &t), 0);
	assert_int_equal(t, 19782LL * 86400 + 45296);
	freshness_format(t, text);
	assert_string_equal(text, "2024-02-29T12:34:56Z");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (freshness_parse(bad[i], &t) != -1)
			fail_msg("'%s' was read as a time", bad[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh_database_has_no_stamp,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_commit_with_changes_stamps,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_rollback_and_no_change_do_not_stamp, setup, teardown),
		cmocka_unit_test_setup_teardown(test_clock_behind_the_stamp,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed_stamp, setup,
		    teardown),
		cmocka_unit_test(test_parse_and_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
