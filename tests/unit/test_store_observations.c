/* Unit tests of src/store/observations and batches on a real database file:
 * lookups, the writer's outcomes (new, changed, unchanged, duplicate),
 * revisions, the read functions (order, period range, aliases, latest) and
 * batch times from SOURCE_DATE_EPOCH. Expected values follow from the rows
 * written in each test. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/batches.h"
#include "store/db.h"
#include "store/observations.h"
#include "fixture.h"

static const char fixture[] =
    "INSERT INTO region(id, code, name_de, level) VALUES (1, 'DE', 'D', 'nation'),"
    " (2, '05512000', 'Bottrop', 'district'), (3, '05', 'NRW', 'state');"
    "INSERT INTO region_alias(alias, region_id) VALUES ('DEA31', 2), ('05512', 2);"
    "INSERT INTO classification(id, code, name_de) VALUES (1, 'WZ', 'WZ');"
    "INSERT INTO sector(classification_id, code, name_de, level) VALUES (1, 'C', 'C', 1);"
    "INSERT INTO indicator(id, code, title_de, unit, polarity, classification_id)"
    " VALUES (1, 'emp', 'E', 'persons', 1, 1), (2, 'rate', 'R', '%', -1, NULL);";

static int
setup(void **state)
{
	struct fixture_db *f;

	if (fixture_db_setup(state, NULL, NULL, 0) == -1)
		return -1;
	f = *state;
	if (sqlite3_exec(f->db->sqlite, fixture, NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	return 0;
}

static long long
new_batch(struct db *db, const char *name)
{
	struct batch_row b = { 0 };
	struct error e;
	long long id;

	b.file_name = name;
	b.sha256 = "";
	b.format = "long-csv";
	assert_int_equal(batches_insert(db, &b, &id, &e), 0);
	return id;
}

static struct observation_value
val(double v, const char *flag)
{
	struct observation_value x = { true, v, flag, "persons", "src", "" };
	return x;
}

static enum observations_put
put(struct observations_writer *w, long long ind, long long reg,
    const char *dims, const char *period, struct observation_value v)
{
	enum observations_put r;
	struct error e;

	assert_int_equal(observations_writer_put(w, ind, reg, dims, period, &v,
	    1, 1, &r, &e), 0);
	return r;
}

static void
test_lookups(void **state)
{
	struct fixture_db *f = *state;
	struct observations_writer *w;
	struct error e;
	long long id, cls;

	assert_int_equal(observations_indicator_id(f->db, "emp", &id, &e), 1);
	assert_int_equal(id, 1);
	assert_int_equal(observations_indicator_id(f->db, "nope", &id, &e), 0);
	assert_int_equal(observations_region_id(f->db, "05512000", &id, &e), 1);
	assert_int_equal(id, 2);
	assert_int_equal(observations_region_id(f->db, "DEA31", &id, &e), 1);
	assert_int_equal(id, 2);
	assert_int_equal(observations_region_id(f->db, "DEA3", &id, &e), 0);
	assert_int_equal(db_begin(f->db, &e), 0);
	assert_int_equal(observations_writer_open(f->db, &w, &e), 0);
	assert_int_equal(observations_writer_indicator(w, "emp", &id, &cls, &e), 1);
	assert_int_equal(cls, 1);
	assert_int_equal(observations_writer_indicator(w, "rate", &id, &cls, &e), 1);
	assert_int_equal(cls, 0);
	assert_int_equal(observations_writer_region(w, "05512", &id, &e), 1);
	assert_int_equal(id, 2);
	assert_int_equal(observations_writer_region(w, "XX", &id, &e), 0);
	assert_int_equal(observations_writer_sector(w, 1, "C", &e), 1);
	assert_int_equal(observations_writer_sector(w, 1, "Z", &e), 0);
	observations_writer_close(w);
	db_rollback(f->db);
}

struct dup_seen {
	int	count;
	long	line;
	char	period[16];
};

static void
on_dup(void *arg, long line, long column, long long series_id,
    const char *period)
{
	struct dup_seen *d = arg;

	d->count++;
	d->line = line;
	snprintf(d->period, sizeof(d->period), "%s", period);
}

static int
count_rows(const struct observation_row *row, void *arg)
{
	(*(int *)arg)++;
	return 0;
}

static void
test_writer_outcomes_and_revisions(void **state)
{
	struct fixture_db *f = *state;
	struct observations_writer *w;
	struct dup_seen dup = { 0, 0, "" };
	struct observation_value v;
	enum observations_put r;
	struct error e;
	long long b1, b2;
	int n = 0;

	/* Run 1: a new series; the second 2017 is a duplicate found in bulk. */
	assert_int_equal(db_begin(f->db, &e), 0);
	assert_int_equal(observations_writer_open(f->db, &w, &e), 0);
	observations_writer_on_duplicate(w, on_dup, &dup);
	b1 = new_batch(f->db, "one.csv");
	assert_int_equal(observations_writer_set_batch(w, b1, &e), 0);
	assert_int_equal(put(w, 1, 2, "sector=C", "2016", val(100, "")),
	    OBSERVATIONS_NEW);
	assert_int_equal(put(w, 1, 2, "sector=C", "2017", val(110, "p")),
	    OBSERVATIONS_NEW);
	v = val(111, "");
	assert_int_equal(observations_writer_put(w, 1, 2, "sector=C", "2017", &v,
	    7, 3, &r, &e), 0);
	assert_int_equal(observations_writer_flush(w, &e), 0);
	assert_int_equal(dup.count, 1);
	assert_int_equal(dup.line, 7);
	assert_string_equal(dup.period, "2017");
	observations_writer_close(w);
	assert_int_equal(db_commit(f->db, &e), 0);
	assert_int_equal(observations_query(f->db, &(struct observations_query){
	    0 }, count_rows, &n, &e), 0);
	assert_int_equal(n, 2);

	/* Run 2: the same 2016 (unchanged), 2017 revised (value and flag),
	 * 2016 again (a duplicate of an unchanged row), a note-only change. */
	assert_int_equal(db_begin(f->db, &e), 0);
	assert_int_equal(observations_writer_open(f->db, &w, &e), 0);
	b2 = new_batch(f->db, "two.csv");
	assert_int_equal(observations_writer_set_batch(w, b2, &e), 0);
	assert_int_equal(put(w, 1, 2, "sector=C", "2016", val(100, "")),
	    OBSERVATIONS_UNCHANGED);
	assert_int_equal(put(w, 1, 2, "sector=C", "2017", val(112, "")),
	    OBSERVATIONS_CHANGED);
	assert_int_equal(put(w, 1, 2, "sector=C", "2016", val(100, "")),
	    OBSERVATIONS_DUPLICATE);
	assert_int_equal(put(w, 1, 2, "sector=C", "2017", val(113, "")),
	    OBSERVATIONS_DUPLICATE);
	observations_writer_close(w);
	assert_int_equal(db_commit(f->db, &e), 0);

	assert_int_equal(db_begin(f->db, &e), 0);
	assert_int_equal(observations_writer_open(f->db, &w, &e), 0);
	assert_int_equal(observations_writer_set_batch(w, new_batch(f->db,
	    "three.csv"), &e), 0);
	v = val(100, "");
	v.note = "checked";
	assert_int_equal(observations_writer_put(w, 1, 2, "sector=C", "2016", &v,
	    1, 1, &r, &e), 0);
	assert_int_equal(r, OBSERVATIONS_CHANGED);
	observations_writer_close(w);
	assert_int_equal(db_commit(f->db, &e), 0);
	(void)b2;
}

struct rev_seen {
	int	count;
	double	old_value, new_value;
	char	old_flag[8], new_flag[8], file[32];
	long long old_batch;
};

static int
on_revision(const struct revision_row *r, void *arg)
{
	struct rev_seen *s = arg;

	s->count++;
	s->old_value = r->old_value;
	s->new_value = r->new_value;
	snprintf(s->old_flag, sizeof(s->old_flag), "%s", r->old_flag);
	snprintf(s->new_flag, sizeof(s->new_flag), "%s", r->new_flag);
	snprintf(s->file, sizeof(s->file), "%s", r->batch_file);
	s->old_batch = r->old_batch_id;
	return 0;
}

static int
on_series(const struct series_row *s, void *arg)
{
	*(long long *)arg = s->id;
	assert_string_equal(s->dims, "sector=C");
	assert_int_equal(s->count, 2);
	assert_string_equal(s->first, "2016");
	assert_string_equal(s->last, "2017");
	return 0;
}

/* The revision of test_writer_outcomes_and_revisions: 2017 went from 110 (p,
 * batch one.csv) to 112 ("", batch two.csv); the note-only change of 2016
 * made no revision. */
static void
test_revisions_listed(void **state)
{
	struct fixture_db *f = *state;
	struct observations_query q = { 0 };
	struct rev_seen s = { 0 };
	struct error e;
	long long series = 0;

	test_writer_outcomes_and_revisions(state);
	q.indicator = "emp";
	assert_int_equal(observations_series(f->db, &q, on_series, &series, &e), 0);
	assert_true(series > 0);
	assert_int_equal(observations_revisions(f->db, series, on_revision, &s,
	    &e), 0);
	assert_int_equal(s.count, 1);
	assert_true(s.old_value == 110);
	assert_true(s.new_value == 112);
	assert_string_equal(s.old_flag, "p");
	assert_string_equal(s.new_flag, "");
	assert_string_equal(s.file, "two.csv");
	assert_int_equal(s.old_batch, 1);
}

struct collect {
	char	text[1024];
};

static int
collect_row(const struct observation_row *r, void *arg)
{
	struct collect *c = arg;
	size_t n = strlen(c->text);

	snprintf(c->text + n, sizeof(c->text) - n, "%s/%s/%s/%s=%g%s ", r->indicator,
	    r->region, r->dims, r->period, r->value, r->has_value ? "" : "(m)");
	return 0;
}

static int
collect_latest(const struct latest_row *r, void *arg)
{
	struct collect *c = arg;
	size_t n = strlen(c->text);

	snprintf(c->text + n, sizeof(c->text) - n, "%s:%s:%lld ", r->region,
	    r->period, r->count);
	return 0;
}

static void
test_queries(void **state)
{
	struct fixture_db *f = *state;
	struct observations_writer *w;
	struct observations_query q = { 0 };
	struct observation_value m = { false, 0, "m", NULL, NULL, NULL };
	struct collect c;
	struct error e;
	enum observations_put r;

	assert_int_equal(db_begin(f->db, &e), 0);
	assert_int_equal(observations_writer_open(f->db, &w, &e), 0);
	assert_int_equal(observations_writer_set_batch(w, new_batch(f->db, "q"),
	    &e), 0);
	put(w, 2, 2, "", "2018-06", val(8.5, ""));
	put(w, 2, 2, "", "2017", val(9, ""));
	put(w, 2, 2, "", "2019-Q1", val(8, ""));
	put(w, 2, 1, "", "2018", val(5, ""));
	assert_int_equal(observations_writer_put(w, 2, 1, "", "2019", &m, 1, 1, &r,
	    &e), 0);
	put(w, 1, 3, "sector=C", "2018", val(7, ""));
	observations_writer_close(w);
	assert_int_equal(db_commit(f->db, &e), 0);

	/* Everything: indicator, region code, dims, period order. */
	memset(&c, 0, sizeof(c));
	assert_int_equal(observations_query(f->db, &q, collect_row, &c, &e), 0);
	assert_string_equal(c.text, "emp/05/sector=C/2018=7 "
	    "rate/05512000//2017=9 rate/05512000//2018-06=8.5 "
	    "rate/05512000//2019-Q1=8 rate/DE//2018=5 rate/DE//2019=0(m) ");
	/* By alias, up to 2018: 2018-06 lies in 2018, 2019-Q1 does not. */
	memset(&c, 0, sizeof(c));
	q.region = "DEA31";
	q.to = "2018";
	assert_int_equal(observations_query(f->db, &q, collect_row, &c, &e), 0);
	assert_string_equal(c.text, "rate/05512000//2017=9 "
	    "rate/05512000//2018-06=8.5 ");
	/* From 2018-Q2: 2018-06 starts in it; 2017 does not. */
	memset(&c, 0, sizeof(c));
	q.to = NULL;
	q.from = "2018-Q2";
	assert_int_equal(observations_query(f->db, &q, collect_row, &c, &e), 0);
	assert_string_equal(c.text, "rate/05512000//2018-06=8.5 "
	    "rate/05512000//2019-Q1=8 ");
	q.from = "2018/19";
	assert_int_equal(observations_query(f->db, &q, collect_row, &c, &e), -1);
	/* Latest with a value per region: DE's 2019 is missing, so 2018. */
	memset(&c, 0, sizeof(c));
	assert_int_equal(observations_latest(f->db, "rate", collect_latest, &c,
	    &e), 0);
	assert_string_equal(c.text, "05512000:2019-Q1:3 DE:2018:1 ");
}

static int
collect_batch(const struct batch_row *b, void *arg)
{
	struct collect *c = arg;
	size_t n = strlen(c->text);

	snprintf(c->text + n, sizeof(c->text) - n, "%lld %s %s %lld/%lld/%lld/%lld %s;",
	    b->id, b->file_name, b->sha256, b->rows_read, b->rows_new,
	    b->rows_changed, b->rows_unchanged, b->created_at);
	return 0;
}

static void
test_batches(void **state)
{
	struct fixture_db *f = *state;
	char now[BATCHES_TIME_MAX];
	struct collect c;
	struct error e;
	long long id;

	setenv("SOURCE_DATE_EPOCH", "1764115200", 1);
	batches_now(now);
	assert_string_equal(now, "2025-11-26T00:00:00Z");
	assert_int_equal(batches_last_id(f->db, &e), 0);
	id = new_batch(f->db, "a.csv");
	assert_int_equal(batches_finish(f->db, id, "ab12", 3, 2, 1, 0, &e), 0);
	new_batch(f->db, "b.csv");
	assert_int_equal(batches_last_id(f->db, &e), 2);
	assert_int_equal(batches_delete(f->db, 2, &e), 0);
	memset(&c, 0, sizeof(c));
	assert_int_equal(batches_list(f->db, collect_batch, &c, &e), 0);
	assert_string_equal(c.text, "1 a.csv ab12 3/2/1/0 2025-11-26T00:00:00Z;");
}

/* A test on a fresh database from setup(). */
#define DB_TEST(test) \
	cmocka_unit_test_setup_teardown(test, setup, fixture_db_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		DB_TEST(test_lookups),
		DB_TEST(test_writer_outcomes_and_revisions),
		DB_TEST(test_revisions_listed),
		DB_TEST(test_queries),
		DB_TEST(test_batches),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
