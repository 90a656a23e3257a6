/* PRAGMA data_version and the modified_at stamp (see freshness.h). The
 * statements are prepared per call: they cost microseconds, and a struct db
 * has no place for cached statements. */
#include "store/freshness.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
freshness_version(struct db *db, long long *out, struct error *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(db->sqlite, "PRAGMA data_version", -1, &st,
	    NULL) != SQLITE_OK)
		return error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
		sqlite3_finalize(st);
		return -1;
	}
	*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

time_t
freshness_now(void)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");

	if (epoch != NULL && *epoch != '\0') {
		char *end;
		long long v = strtoll(epoch, &end, 10);
		if (*end == '\0' && v >= 0)
			return (time_t)v;
	}
	return time(NULL);
}

void
freshness_format(time_t t, char out[FRESHNESS_TIME_MAX])
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	if (strftime(out, FRESHNESS_TIME_MAX, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		out[0] = '\0';
}

int
freshness_parse(const char *s, time_t *out)
{
	char back[FRESHNESS_TIME_MAX];
	struct tm tm;
	int n = 0;

	memset(&tm, 0, sizeof(tm));
	if (strlen(s) != 20 || strspn(s, "0123456789-:TZ") != 20 ||
	    sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 6 ||
	    n != 20 || tm.tm_year < 1970)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	*out = timegm(&tm);
	/* timegm() normalises 31 February to 3 March: only a time that
	 * writes back to the same text is one. */
	freshness_format(*out, back);
	return strcmp(back, s) == 0 ? 0 : -1;
}

/* Reads the stamp: 0 (*out 0 when there is none), -1 on a database error,
 * -2 when the value is not a time; e set for both. */
static int
freshness_read(struct db *db, time_t *out, struct error *e)
{
	sqlite3_stmt *st = NULL;
	const char *value;
	int rc, status = -1;

	*out = 0;
	if (sqlite3_prepare_v2(db->sqlite, "SELECT value FROM meta "
	    "WHERE key = ?1", -1, &st, NULL) != SQLITE_OK)
		return error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
	sqlite3_bind_text(st, 1, FRESHNESS_KEY, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		status = 0;
	else if (rc != SQLITE_ROW)
		error_set(e, "%s: %s", db->path, sqlite3_errmsg(db->sqlite));
	else if ((value = (const char *)sqlite3_column_text(st, 0)) == NULL ||
	    freshness_parse(value, out) == -1) {
		*out = 0;
		status = -2;
		error_set(e, "%s: meta %s '%s' is not a time like "
		    "2026-11-26T08:15:03Z", db->path, FRESHNESS_KEY,
		    value != NULL ? value : "");
	} else
		status = 0;
	sqlite3_finalize(st);
	return status;
}

int
freshness_modified(struct db *db, time_t *out, struct error *e)
{
	return freshness_read(db, out, e) == 0 ? 0 : -1;
}

int
freshness_stamp(struct db *db, struct error *e)
{
	char text[FRESHNESS_TIME_MAX];
	time_t now = freshness_now(), before;

	switch (freshness_read(db, &before, e)) {
	case -1:
		return -1;
	case -2:
		before = 0;	/* not a time (edited by hand): replaced */
		break;
	}
	if (before != 0 && now <= before)
		now = before + 1;
	freshness_format(now, text);
	return db_meta_set(db, FRESHNESS_KEY, text, e);
}
