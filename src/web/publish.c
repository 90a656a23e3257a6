/* The static publisher (see publish.h). */
#include "web/publish.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "app/dashboard.h"
#include "app/structure_view.h"
#include "util/buf.h"
#include "store/catalog.h"
#include "web/page_index.h"
#include "web/page_structure.h"

/* What a rendered request reads: the database and its query arguments
 * (NULL-terminated key, value pairs; NULL for none). */
struct publish_arg {
	struct db		*db;
	const char *const	*query;
};

static struct db *
publish_database(void *arg, struct error *e)
{
	return ((struct publish_arg *)arg)->db;
}

static const char *
publish_query(void *arg, const char *key)
{
	const char *const *q = ((struct publish_arg *)arg)->query;

	for (; q != NULL && q[0] != NULL; q += 2)
		if (strcmp(q[0], key) == 0)
			return q[1];
	return NULL;
}

/* A code that is safe as one segment of a file path. */
static int
publish_check_code(const char *code, struct error *e)
{
	if (code[0] == '\0' || strchr(code, '/') != NULL ||
	    strcmp(code, "..") == 0 || strcmp(code, ".") == 0)
		return error_set(e, "%s: a code that cannot be a file name", code);
	return 0;
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

/* Renders the answer to `path` (with `query`) in one language and writes
 * it to out_dir/file. */
static int
publish_render(struct db *db, const struct site *site, const char *out_dir,
    const char *lang, const char *path, const char *const *query,
    const char *file, struct publish_report *r, struct error *e)
{
	struct publish_arg arg = { db, query };
	struct http_request req;
	struct http_response resp;
	struct buf name = BUF_INIT;
	const void *data;
	size_t n;
	int rc = -1;

	memset(&req, 0, sizeof(req));
	req.method = HTTP_GET;
	req.path = path;
	req.lang = lang;
	req.site = site;
	req.static_site = true;
	req.query = publish_query;
	req.database = publish_database;
	req.arg = &arg;
	http_response_init(&resp);
	site_handle(&req, &resp);
	if (resp.status != 200) {
		error_set(e, "%s (%s): status %d", path, lang, resp.status);
		goto done;
	}
	buf_printf(&name, "%s/%s", out_dir, file);
	data = http_response_data(&resp, &n);
	rc = publish_write(buf_cstr(&name), data, n, r, e);
done:
	http_response_free(&resp);
	buf_free(&name);
	return rc;
}

/* Renders one page (`kind` "" for the overview, else "goals" or
 * "indicators" with a code) in one language and writes it. */
static int
publish_page(struct db *db, const struct site *site, const char *out_dir,
    const char *lang, const char *kind, const char *code,
    struct publish_report *r, struct error *e)
{
	struct buf path = BUF_INIT, file = BUF_INIT;
	int rc = -1;

	if (kind[0] == '\0')
		buf_puts(&path, "/");
	else {
		if (publish_check_code(code, e) == -1)
			goto done;
		buf_printf(&path, "/%s/%s", kind, code);
	}
	buf_printf(&file, "%s%s.html", strcmp(lang, "en") == 0 ? "en/" : "",
	    kind[0] == '\0' ? "index" : buf_cstr(&path) + 1);
	rc = publish_render(db, site, out_dir, lang, buf_cstr(&path), NULL,
	    buf_cstr(&file), r, e);
	if (rc == 0)
		r->pages++;
done:
	buf_free(&path);
	buf_free(&file);
	return rc;
}

/* An indicator's downloads (CSV and JSON), once for both languages. */
static int
publish_downloads(struct db *db, const struct site *site, const char *out_dir,
    const char *code, struct publish_report *r, struct error *e)
{
	static const char *const exts[] = { "csv", "json" };
	struct buf path = BUF_INIT;
	size_t i;
	int rc = -1;

	if (publish_check_code(code, e) == -1)
		goto done;
	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		buf_reset(&path);
		buf_printf(&path, "/downloads/%s.%s", code, exts[i]);
		if (publish_render(db, site, out_dir, "de", buf_cstr(&path), NULL,
		    buf_cstr(&path) + 1, r, e) == -1)
			goto done;
		r->downloads++;
	}
	rc = 0;
done:
	buf_free(&path);
	return rc;
}

/* The economic-structure pages: for every sector indicator and each of its
 * regions the page in both languages (at the paths its links use) and the
 * JSON of /api/v1/structure as api/v1/structure/INDICATOR/REGION.json. */
static int
publish_structure(struct db *db, const struct site *site, const char *out_dir,
    struct publish_report *r, struct error *e)
{
	static const char *const langs[] = { "de", "en" };
	struct structure_view_query q;
	struct structure_view v;
	enum structure_view_status st;
	struct buf path = BUF_INIT, url = BUF_INIT, file = BUF_INIT;
	size_t i, k, l;
	int rc = -1;

	memset(&q, 0, sizeof(q));
	st = structure_view_load(db, &q, &v, e);
	if (st != STRUCTURE_VIEW_OK && st != STRUCTURE_VIEW_NO_DATA)
		goto done;
	for (i = 0; i < v.indicator_count || (i == 0 && st ==
	    STRUCTURE_VIEW_NO_DATA); i++) {
		const struct structure_view_indicator *vi = st ==
		    STRUCTURE_VIEW_OK ? &v.indicators[i] : NULL;
		for (k = 0; k < (vi != NULL ? vi->region_count : 1); k++) {
			const char *query[5] = { "indicator", NULL, "region",
			    NULL, NULL };

			buf_reset(&path);
			if (vi == NULL)
				buf_puts(&path, "structure");
			else if (publish_check_code(vi->indicator->code, e) == -1 ||
			    publish_check_code(vi->regions[k]->code, e) == -1)
				goto done;
			else
				page_structure_path(&path, vi, i == 0,
				    vi->regions[k]);
			buf_reset(&url);
			buf_printf(&url, "/%s", buf_cstr(&path));
			for (l = 0; l < 2; l++) {
				buf_reset(&file);
				buf_printf(&file, "%s%s.html", l == 1 ? "en/" : "",
				    buf_cstr(&path));
				if (publish_render(db, site, out_dir, langs[l],
				    buf_cstr(&url), NULL, buf_cstr(&file), r,
				    e) == -1)
					goto done;
				r->pages++;
			}
			if (vi == NULL)
				continue;
			query[1] = vi->indicator->code;
			query[3] = vi->regions[k]->code;
			buf_reset(&file);
			buf_printf(&file, "api/v1/structure/%s/%s.json",
			    vi->indicator->code, vi->regions[k]->code);
			if (publish_render(db, site, out_dir, "de",
			    "/api/v1/structure", query, buf_cstr(&file), r,
			    e) == -1)
				goto done;
			r->data++;
		}
	}
	rc = 0;
done:
	structure_view_free(&v);
	buf_free(&path);
	buf_free(&url);
	buf_free(&file);
	return rc;
}

/* The index pages: each index of the catalogue in both languages (at the
 * paths its links use), its JSON as api/v1/index/CODE.json, and the list as
 * api/v1/index.json. Nothing when the catalogue defines no index. */
static int
publish_indices(struct db *db, const struct site *site, const char *out_dir,
    struct publish_report *r, struct error *e)
{
	static const char *const langs[] = { "de", "en" };
	struct catalog c;
	struct buf path = BUF_INIT, url = BUF_INIT, file = BUF_INIT;
	size_t i, l;
	int rc = -1;

	model_catalog_init(&c);
	if (store_catalog_load(db, &c, e) == -1)
		goto done;
	for (i = 0; i < c.index_count; i++) {
		const struct composite_index *x = &c.indices[i];

		if (publish_check_code(x->code, e) == -1)
			goto done;
		buf_reset(&path);
		page_index_path(&path, &c, x);
		for (l = 0; l < 2; l++) {
			buf_reset(&url);
			buf_printf(&url, "/%s", buf_cstr(&path));
			buf_reset(&file);
			buf_printf(&file, "%s%s.html", l == 1 ? "en/" : "",
			    buf_cstr(&path));
			if (publish_render(db, site, out_dir, langs[l],
			    buf_cstr(&url), NULL, buf_cstr(&file), r, e) == -1)
				goto done;
			r->pages++;
		}
		buf_reset(&url);
		buf_printf(&url, "/api/v1/index/%s", x->code);
		buf_reset(&file);
		buf_printf(&file, "api/v1/index/%s.json", x->code);
		if (publish_render(db, site, out_dir, "de", buf_cstr(&url), NULL,
		    buf_cstr(&file), r, e) == -1)
			goto done;
		r->data++;
	}
	if (c.index_count > 0) {
		if (publish_render(db, site, out_dir, "de", "/api/v1/index",
		    NULL, "api/v1/index.json", r, e) == -1)
			goto done;
		r->data++;
	}
	rc = 0;
done:
	model_catalog_free(&c);
	buf_free(&path);
	buf_free(&url);
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
	if (dashboard_load(db, "", NULL, &d, e) == -1)
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
	for (i = 0; i < d.catalog.indicator_count; i++)
		if (publish_downloads(db, site, out_dir,
		    d.catalog.indicators[i].code, r, e) == -1)
			goto done;
	if (publish_structure(db, site, out_dir, r, e) == -1 ||
	    publish_indices(db, site, out_dir, r, e) == -1)
		goto done;
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
