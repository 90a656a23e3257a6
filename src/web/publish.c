/* The static publisher (see publish.h). */
#include "web/publish.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "app/dashboard.h"
#include "util/buf.h"

static struct db *
publish_database(void *arg, struct error *e)
{
	return arg;
}

static const char *
publish_query(void *arg, const char *key)
{
	return NULL;
}

/* mkdir -p for the directories of a file path. */
static int
publish_mkdirs(const char *path, struct error *e)
{
	char tmp[4096];
	char *p;

	if (strlen(path) >= sizeof(tmp))
		return error_set(e, "%s: path too long", path);
	strcpy(tmp, path);
	for (p = tmp + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0755) == -1 && errno != EEXIST)
			return error_set(e, "%s: %s", tmp, strerror(errno));
		*p = '/';
	}
	return 0;
}

static int
publish_write(const char *path, const void *data, size_t n,
    struct publish_report *r, struct error *e)
{
	FILE *fp;

	if (publish_mkdirs(path, e) == -1)
		return -1;
	fp = fopen(path, "wb");
	if (fp == NULL)
		return error_set(e, "%s: %s", path, strerror(errno));
	if (fwrite(data, 1, n, fp) != n || fclose(fp) != 0)
		return error_set(e, "%s: %s", path, strerror(errno));
	r->bytes += n;
	return 0;
}

/* Renders one page (`kind` "" for the overview, else "goals" or
 * "indicators" with a code) in one language and writes it. */
static int
publish_page(struct db *db, const struct site *site, const char *out_dir,
    const char *lang, const char *kind, const char *code,
    struct publish_report *r, struct error *e)
{
	struct http_request req;
	struct http_response resp;
	struct buf path = BUF_INIT, file = BUF_INIT;
	const void *data;
	size_t n;
	int rc = -1;

	if (kind[0] == '\0')
		buf_puts(&path, "/");
	else
		buf_printf(&path, "/%s/%s", kind, code);
	if (strchr(code, '/') != NULL || strcmp(code, "..") == 0 ||
	    strcmp(code, ".") == 0) {
		error_set(e, "%s: a code that cannot be a file name", code);
		goto done;
	}
	memset(&req, 0, sizeof(req));
	req.method = HTTP_GET;
	req.path = buf_cstr(&path);
	req.lang = lang;
	req.site = site;
	req.static_site = true;
	req.query = publish_query;
	req.database = publish_database;
	req.arg = db;
	http_response_init(&resp);
	site_handle(&req, &resp);
	if (resp.status != 200) {
		error_set(e, "%s (%s): status %d", buf_cstr(&path), lang,
		    resp.status);
		http_response_free(&resp);
		goto done;
	}
	buf_printf(&file, "%s/%s%s", out_dir, strcmp(lang, "en") == 0 ?
	    "en/" : "", kind[0] == '\0' ? "index" : buf_cstr(&path) + 1);
	buf_puts(&file, ".html");
	data = http_response_data(&resp, &n);
	rc = publish_write(buf_cstr(&file), data, n, r, e);
	http_response_free(&resp);
	if (rc == 0)
		r->pages++;
done:
	buf_free(&path);
	buf_free(&file);
	return rc;
}

int
publish_site(struct db *db, const struct site *site, const char *out_dir,
    struct publish_report *r, struct error *e)
{
	static const char *const langs[] = { "de", "en" };
	struct dashboard d;
	struct buf file = BUF_INIT;
	size_t i, l;
	int rc = -1;

	memset(r, 0, sizeof(*r));
	if (dashboard_load(db, "", &d, e) == -1)
		return -1;
	for (l = 0; l < 2; l++) {
		if (publish_page(db, site, out_dir, langs[l], "", "", r, e) == -1)
			goto done;
		for (i = 0; i < d.catalog.goal_count; i++)
			if (publish_page(db, site, out_dir, langs[l], "goals",
			    d.catalog.goals[i].code, r, e) == -1)
				goto done;
		for (i = 0; i < d.catalog.indicator_count; i++)
			if (publish_page(db, site, out_dir, langs[l],
			    "indicators", d.catalog.indicators[i].code, r,
			    e) == -1)
				goto done;
	}
	for (i = 0; i < site->n_assets; i++) {
		buf_reset(&file);
		buf_printf(&file, "%s/assets/%s", out_dir,
		    site->assets[i].file->name);
		if (publish_write(buf_cstr(&file), site->assets[i].file->data,
		    site->assets[i].file->size, r, e) == -1)
			goto done;
		r->assets++;
	}
	rc = 0;
done:
	buf_free(&file);
	dashboard_free(&d);
	return rc;
}
