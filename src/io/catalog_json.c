/* The catalogue reader's phase one (catalog_json_internal.h): each section of
 * the file, item by item, into the caller's catalogue; then phase two
 * (catalog_json_check.c) and the reading of a whole file. */
#include "io/catalog_json.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "io/catalog_json_internal.h"
#include "util/period.h"
#include "util/text.h"

#define CATALOG_JSON_MAX_BYTES	((size_t)64 << 20)

void
catalog_json_problem(struct catalog_json_reader *r, const char *path,
    const char *key, const char *fmt, ...)
{
	char message[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	r->problems++;
	if (path[0] != '\0' && key != NULL)
		diag_add(r->diags, r->file, 0, 0, "%s.%s: %s", path, key,
		    message);
	else if (key != NULL)
		diag_add(r->diags, r->file, 0, 0, "%s: %s", key, message);
	else if (path[0] != '\0')
		diag_add(r->diags, r->file, 0, 0, "%s: %s", path, message);
	else
		diag_add(r->diags, r->file, 0, 0, "%s", message);
}

void
catalog_json_path(char *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, CATALOG_JSON_PATH_MAX, fmt, ap);
	va_end(ap);
}

/* ---- phase one: items ---- */

/* A record filler for catalog_json_records(): reads the object by the field
 * table `arg`. */
static void
catalog_json_object(struct catalog_json_reader *r, json_t *v, const char *path,
    void *record, const void *arg)
{
	catalog_json_field_object(r, v, path, arg, record);
}

void *
catalog_json_records(struct catalog_json_reader *r, json_t *obj,
    const char *path, const char *key, size_t size, size_t *count,
    catalog_json_read_fn read, const void *arg)
{
	json_t *array = catalog_json_field_array(r, obj, path, key);
	char base[CATALOG_JSON_PATH_MAX], item[CATALOG_JSON_PATH_MAX];
	char *records;
	size_t i;

	*count = 0;
	if (array == NULL)
		return NULL;
	*count = json_array_size(array);
	records = arena_alloc(&r->out->arena, (*count + 1) * size);
	catalog_json_path(base, "%s.%s", path, key);
	for (i = 0; i < *count; i++) {
		json_t *v = catalog_json_field_item(r, array, i, base, item);

		if (v != NULL)
			read(r, v, item, records + i * size, arg);
	}
	return records;
}

static void
catalog_json_vision(struct catalog_json_reader *r, json_t *v)
{
	struct vision *vision;

	if (!json_is_object(v)) {
		catalog_json_problem(r, "vision", NULL,
		    "expected an object, got %s", catalog_json_field_kind(v));
		return;
	}
	vision = arena_alloc(&r->out->arena, sizeof(*vision));
	catalog_json_field_object(r, v, "vision", catalog_json_schema_vision,
	    vision);
	r->out->vision = vision;
}

static void
catalog_json_goals(struct catalog_json_reader *r, json_t *array)
{
	char path[CATALOG_JSON_PATH_MAX];
	size_t i;

	for (i = 0; i < json_array_size(array); i++) {
		struct goal *g = model_add_goal(r->out);
		json_t *v = catalog_json_field_item(r, array, i, "goals", path);

		g->position = (int)i;
		if (v != NULL)
			catalog_json_field_object(r, v, path,
			    catalog_json_schema_goal, g);
	}
}

static void
catalog_json_indicators(struct catalog_json_reader *r, json_t *array)
{
	char path[CATALOG_JSON_PATH_MAX];
	size_t i;

	for (i = 0; i < json_array_size(array); i++) {
		struct indicator *ind = model_add_indicator(r->out);
		json_t *v =
		    catalog_json_field_item(r, array, i, "indicators", path);

		ind->position = (int)i;
		ind->decimals = 1;
		/* Until given: a value no target rule depends on. */
		ind->polarity = 2;
		if (v == NULL)
			continue;
		catalog_json_field_object(r, v, path,
		    catalog_json_schema_indicator, ind);
		ind->targets = catalog_json_records(r, v, path, "targets",
		    sizeof(*ind->targets), &ind->target_count,
		    catalog_json_target_read, &ind->polarity);
		catalog_json_target_versions(r, path, ind);
	}
}

static void
catalog_json_regions(struct catalog_json_reader *r, json_t *array)
{
	char path[CATALOG_JSON_PATH_MAX];
	size_t i;

	for (i = 0; i < json_array_size(array); i++) {
		struct region *g = model_add_region(r->out);
		json_t *v =
		    catalog_json_field_item(r, array, i, "regions", path);

		g->position = (int)i;
		if (v == NULL)
			continue;
		catalog_json_field_object(r, v, path,
		    catalog_json_schema_region, g);
		g->aliases = catalog_json_records(r, v, path, "aliases",
		    sizeof(*g->aliases), &g->alias_count, catalog_json_object,
		    catalog_json_schema_alias);
	}
}

static void
catalog_json_classifications(struct catalog_json_reader *r, json_t *array)
{
	char path[CATALOG_JSON_PATH_MAX];
	size_t i, j;

	for (i = 0; i < json_array_size(array); i++) {
		struct classification *cl = model_add_classification(r->out);
		json_t *v = catalog_json_field_item(r, array, i,
		    "classifications", path);

		if (v == NULL)
			continue;
		catalog_json_field_object(r, v, path,
		    catalog_json_schema_classification, cl);
		cl->sectors = catalog_json_records(r, v, path, "sectors",
		    sizeof(*cl->sectors), &cl->sector_count,
		    catalog_json_object, catalog_json_schema_sector);
		for (j = 0; j < cl->sector_count; j++)
			cl->sectors[j].position = (int)j;
	}
}

static void
catalog_json_shocks(struct catalog_json_reader *r, json_t *array)
{
	char path[CATALOG_JSON_PATH_MAX];
	size_t i;

	for (i = 0; i < json_array_size(array); i++) {
		struct shock *s = model_add_shock(r->out);
		json_t *v =
		    catalog_json_field_item(r, array, i, "shocks", path);
		struct period p, q, e;

		if (v == NULL)
			continue;
		catalog_json_field_object(r, v, path, catalog_json_schema_shock,
		    s);
		if (s->peak == NULL || s->trough == NULL ||
		    s->recovery_end == NULL)
			continue;
		period_parse(s->peak, strlen(s->peak), &p);
		period_parse(s->trough, strlen(s->trough), &q);
		period_parse(s->recovery_end, strlen(s->recovery_end), &e);
		/* METHODS §3.7: over [peak, trough] and [trough, end]. */
		if (p.kind != q.kind || q.kind != e.kind)
			catalog_json_problem(r, path, NULL, "peak, trough and "
			    "recovery_end must be periods of one kind");
		else if (period_compare(&p, &q) >= 0)
			catalog_json_problem(r, path, "trough",
			    "%s is not after the peak %s", s->trough, s->peak);
		else if (period_compare(&q, &e) >= 0)
			catalog_json_problem(r, path, "recovery_end",
			    "%s is not after the trough %s",
			    s->recovery_end, s->trough);
	}
}

/* ---- the whole file ---- */

static void
catalog_json_syntax_error(struct catalog_json_reader *r, const json_error_t *je)
{
	char text[sizeof(je->text)];
	size_t i;

	/* jansson quotes the bad token; keep the message printable. */
	for (i = 0; je->text[i] != '\0' && i + 1 < sizeof(text); i++)
		text[i] = (unsigned char)je->text[i] < 0x20 ||
		    (unsigned char)je->text[i] >= 0x7f ? '?' : je->text[i];
	text[i] = '\0';
	r->problems++;
	diag_add(r->diags, r->file, je->line > 0 ? je->line : 1,
	    je->column > 0 ? je->column : 1, "invalid JSON: %s", text);
}

int
catalog_json_parse(const char *data, size_t len, const char *file_name,
    const struct catalog *known, struct catalog *out, struct diag_list *diags)
{
	/* The arrays, in the order their problems are reported. */
	static const struct {
		const char	*key;
		void		(*read)(struct catalog_json_reader *, json_t *);
	} sections[] = {
		{ "goals", catalog_json_goals },
		{ "indicators", catalog_json_indicators },
		{ "regions", catalog_json_regions },
		{ "classifications", catalog_json_classifications },
		{ "shocks", catalog_json_shocks },
		{ "indices", catalog_json_index_read_all },
	};
	struct catalog_json_reader r = { file_name, diags, out, known, 0 };
	json_error_t je;
	json_t *root, *v;
	size_t bad, i;

	/* Editors on Windows like to start files with a byte-order mark;
	 * JSON has none, so it is skipped (invisible, so columns still fit). */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	/* jansson finds bad UTF-8 too, but points one character early: name
	 * the exact place, as every reader of wiall does. */
	if (!text_utf8_valid(data, len, &bad)) {
		const char *line = data;
		size_t column;
		long n = 1;

		for (i = 0; i < bad; i++)
			if (data[i] == '\n') {
				n++;
				line = data + i + 1;
			}
		column = text_utf8_chars(line, (size_t)(data + bad - line));
		r.problems++;
		diag_add(diags, file_name, n, (long)column + 1,
		    "invalid UTF-8: the file must be UTF-8 text");
		return -1;
	}
	root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
	if (root == NULL) {
		catalog_json_syntax_error(&r, &je);
		return -1;
	}
	if (!json_is_object(root)) {
		catalog_json_problem(&r, "", NULL,
		    "a catalogue is a JSON object, not %s",
		    catalog_json_field_kind(root));
		json_decref(root);
		return -1;
	}
	catalog_json_field_keys(&r, root, "", catalog_json_schema_root);
	if ((v = json_object_get(root, "vision")) != NULL && !json_is_null(v))
		catalog_json_vision(&r, v);
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		if ((v = catalog_json_field_array(&r, root, "",
		    sections[i].key)) != NULL)
			sections[i].read(&r, v);
	json_decref(root);

	catalog_json_check(&r);
	if (r.problems > 0)
		return -1;
	model_catalog_canonicalize(out);
	return 0;
}

int
catalog_json_read_file(const char *path, const struct catalog *known,
    struct catalog *out, struct diag_list *diags)
{
	struct buf data = BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *fp;
	int rc = -1;

	if ((fp = fopen(path, "rb")) == NULL) {
		diag_add(diags, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (data.len + n > CATALOG_JSON_MAX_BYTES) {
			diag_add(diags, path, 0, 0, "larger than %zu MiB: not "
			    "a catalogue", CATALOG_JSON_MAX_BYTES >> 20);
			goto done;
		}
		buf_append(&data, chunk, n);
	}
	if (ferror(fp)) {
		diag_add(diags, path, 0, 0, "cannot read: %s", strerror(errno));
		goto done;
	}
	rc = catalog_json_parse(buf_cstr(&data), data.len, path, known, out,
	    diags);
done:
	fclose(fp);
	buf_free(&data);
	return rc;
}

