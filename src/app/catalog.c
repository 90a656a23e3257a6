#include "app/catalog.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "io/catalog_json.h"
#include "util/text.h"

int
app_catalog_today(char out[APP_CATALOG_DATE_MAX], struct error *e)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	long long seconds;
	struct tm tm;
	time_t t;

	if (epoch != NULL && epoch[0] != '\0') {
		if (text_parse_int(epoch, strlen(epoch), &seconds) == -1 ||
		    seconds < 0)
			return error_set(e, "SOURCE_DATE_EPOCH='%s' is not a "
			    "number of seconds since 1970", epoch);
		t = (time_t)seconds;
	} else
		t = time(NULL);
	if (gmtime_r(&t, &tm) == NULL || tm.tm_year + 1900 > 9999)
		return error_set(e, "cannot tell today's date");
	strftime(out, APP_CATALOG_DATE_MAX, "%Y-%m-%d", &tm);
	return 0;
}

/* Loads from the file at path, or from data when it is not NULL. */
static enum app_catalog_status
app_catalog_load(struct db *db, const char *path, const char *data,
    size_t len, bool dry_run, struct diag_list *diags,
    struct store_catalog_report *rep, struct error *e)
{
	enum app_catalog_status status = APP_CATALOG_FAILED;
	struct catalog known, file;
	char today[APP_CATALOG_DATE_MAX];
	int rc;

	model_catalog_init(&known);
	model_catalog_init(&file);
	if (app_catalog_today(today, e) == -1 ||
	    store_catalog_load(db, &known, e) == -1)
		goto done;
	/* References may point at what is stored: a file can add to it. */
	rc = data != NULL ?
	    catalog_json_parse(data, len, path, &known, &file, diags) :
	    catalog_json_read_file(path, &known, &file, diags);
	if (rc == -1) {
		status = APP_CATALOG_INVALID;
		goto done;
	}
	if (store_catalog_save(db, &file, today, dry_run, rep, e) == -1) {
		error_prefix(e, "%s", path);
		goto done;
	}
	status = APP_CATALOG_OK;
done:
	model_catalog_free(&file);
	model_catalog_free(&known);
	return status;
}

enum app_catalog_status
app_catalog_load_file(struct db *db, const char *path, bool dry_run,
    struct diag_list *diags, struct store_catalog_report *rep, struct error *e)
{
	return app_catalog_load(db, path, NULL, 0, dry_run, diags, rep, e);
}

enum app_catalog_status
app_catalog_load_data(struct db *db, const char *data, size_t len,
    const char *name, bool dry_run, struct diag_list *diags,
    struct store_catalog_report *rep, struct error *e)
{
	return app_catalog_load(db, name, data, len, dry_run, diags, rep, e);
}

int
app_catalog_export(struct db *db, struct buf *out, struct error *e)
{
	struct catalog c;
	int rc;

	model_catalog_init(&c);
	if ((rc = store_catalog_load(db, &c, e)) == 0)
		catalog_json_write(&c, out);
	model_catalog_free(&c);
	return rc;
}
