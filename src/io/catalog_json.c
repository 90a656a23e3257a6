#include "io/catalog_json.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/catalog_json_internal.h"
#include "util/period.h"
#include "util/text.h"

#define CATALOG_JSON_MAX_BYTES	((size_t)64 << 20)
#define CATALOG_JSON_CODE_MAX	64

enum text_kind {
	TEXT_CODE,		/* letters, digits, _ - . (<= 64 bytes) */
	TEXT_LINE,		/* one line: no control characters */
	TEXT_PARAGRAPH,		/* may hold newlines and tabs */
	TEXT_URL,		/* http(s)://, no blanks */
	TEXT_DATE,		/* YYYY-MM-DD */
	TEXT_PARTIAL_DATE,	/* YYYY, YYYY-MM or YYYY-MM-DD */
	TEXT_PERIOD,		/* 2017, 2017-Q2, 2017-06 (util/period.h) */
	TEXT_SDG		/* 8, 8.5, 8.a */
};

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

/* A field name or value from the file, fit to be quoted in a message: control
 * characters become '?', and long text is cut. */
static const char *
catalog_json_quote(const char *s, char *out, size_t size)
{
	size_t i, n = 0;

	for (i = 0; s[i] != '\0' && n + 4 < size; i++)
		out[n++] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' :
		    s[i];
	/* Do not cut a UTF-8 sequence in half. */
	if (s[i] != '\0') {
		while (n > 0 && ((unsigned char)out[n - 1] & 0xc0) == 0x80)
			n--;
		if (n > 0 && (unsigned char)out[n - 1] >= 0xc0)
			n--;
		out[n++] = '.', out[n++] = '.', out[n++] = '.';
	}
	out[n] = '\0';
	return out;
}

static const char *
catalog_json_kind(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:	return "an object";
	case JSON_ARRAY:	return "an array";
	case JSON_STRING:	return "a string";
	case JSON_INTEGER:	return "an integer";
	case JSON_REAL:		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:	return "a boolean";
	case JSON_NULL:		return "null";
	}
	return "something else";
}

static void
catalog_json_known_fields(struct catalog_json_reader *r, json_t *obj,
    const char *path, const char *const *allowed)
{
	const char *key;
	json_t *v;
	size_t i;

	json_object_foreach(obj, key, v) {
		char quoted[64];

		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(allowed[i], key) == 0)
				break;
		if (allowed[i] == NULL)
			catalog_json_problem(r, path,
			    catalog_json_quote(key, quoted, sizeof(quoted)),
			    "unknown field");
	}
}

static bool
catalog_json_date_valid(const char *s, size_t n, bool partial)
{
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int year, month, day, max;
	size_t i;

	if (n != 10 && !(partial && (n == 4 || n == 7)))
		return false;
	for (i = 0; i < n; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return false;
	year = atoi(s);
	if (year < 1000)
		return false;
	if (n == 4)
		return true;
	month = (s[5] - '0') * 10 + (s[6] - '0');
	if (month < 1 || month > 12)
		return false;
	if (n == 7)
		return true;
	day = (s[8] - '0') * 10 + (s[9] - '0');
	max = days[month - 1];
	if (month == 2 &&
	    !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
		max = 28;
	return day >= 1 && day <= max;
}

static bool
catalog_json_sdg_valid(const char *s)
{
	const char *dot;
	long goal;
	char *end;

	if (s[0] < '1' || s[0] > '9')
		return false;
	goal = strtol(s, &end, 10);
	if (goal < 1 || goal > 17 || end - s > 2)
		return false;
	if (*end == '\0')
		return true;
	if (*end != '.')
		return false;
	dot = end + 1;
	if (dot[0] >= 'a' && dot[0] <= 'z' && dot[1] == '\0')
		return true;
	if (dot[0] < '1' || dot[0] > '9')
		return false;
	if (dot[1] == '\0')
		return true;
	return dot[1] >= '0' && dot[1] <= '9' && dot[2] == '\0';
}

/* Checks text of a kind; returns NULL if fine, else what is wrong. */
static const char *
catalog_json_text_problem(const char *s, size_t n, enum text_kind kind)
{
	struct period p;
	size_t i;

	switch (kind) {
	case TEXT_CODE:
		if (n > CATALOG_JSON_CODE_MAX)
			return "is not a code: at most 64 characters";
		for (i = 0; i < n; i++) {
			char c = s[i];
			bool alnum = (c >= 'A' && c <= 'Z') ||
			    (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

			if (!alnum && (i == 0 || (c != '_' && c != '-' &&
			    c != '.')))
				return "is not a code: letters, digits, '_', "
				       "'-' and '.', starting with a letter or "
				       "digit";
		}
		return NULL;
	case TEXT_LINE:
	case TEXT_PARAGRAPH:
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			bool control = c < 0x20 || c == 0x7f;
			bool allowed = kind == TEXT_PARAGRAPH &&
			    (c == '\n' || c == '\t');

			if (c == '\0' || (control && !allowed))
				return kind == TEXT_LINE ? "must be one line "
				    "without control characters" : "must not "
				    "hold control characters other than "
				    "newline and tab";
		}
		return NULL;
	case TEXT_URL:
		if (strncmp(s, "https://", 8) != 0 &&
		    strncmp(s, "http://", 7) != 0)
			return "is not a URL: it starts with https:// or "
			    "http://";
		for (i = 0; i < n; i++)
			if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f)
				return "is not a URL: it holds no blanks or "
				    "control characters";
		return NULL;
	case TEXT_DATE:
	case TEXT_PARTIAL_DATE:
		if (!catalog_json_date_valid(s, n, kind == TEXT_PARTIAL_DATE))
			return kind == TEXT_DATE ? "is not a date YYYY-MM-DD" :
			    "is not a date YYYY-MM-DD, YYYY-MM or YYYY";
		return NULL;
	case TEXT_PERIOD:
		if (period_parse(s, n, &p) == -1)
			return "is not a period: 2017, 2017-Q2 or 2017-06";
		return NULL;
	case TEXT_SDG:
		if (!catalog_json_sdg_valid(s))
			return "is not an SDG goal or target: 8, 8.5 or 8.a";
		return NULL;
	}
	return NULL;
}

/* Checks one string value; returns its copy in the catalogue, or NULL. */
static const char *
catalog_json_text(struct catalog_json_reader *r, json_t *v, const char *path,
    const char *key, enum text_kind kind)
{
	const char *s, *why;
	char quoted[80];
	size_t n;

	if (!json_is_string(v)) {
		catalog_json_problem(r, path, key, "expected a string, got %s",
		    catalog_json_kind(v));
		return NULL;
	}
	s = json_string_value(v);
	n = json_string_length(v);
	if (n == 0) {
		catalog_json_problem(r, path, key, "must not be empty");
		return NULL;
	}
	if ((why = catalog_json_text_problem(s, n, kind)) != NULL) {
		if (kind == TEXT_LINE || kind == TEXT_PARAGRAPH)
			catalog_json_problem(r, path, key, "%s", why);
		else
			catalog_json_problem(r, path, key, "'%s' %s",
			    catalog_json_quote(s, quoted, sizeof(quoted)), why);
		return NULL;
	}
	return model_strdup(r->out, s);
}

/* A string field: NULL when absent (JSON null counts as absent). */
static const char *
catalog_json_string(struct catalog_json_reader *r, json_t *obj,
    const char *path, const char *key, bool required, enum text_kind kind)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL || json_is_null(v)) {
		if (required)
			catalog_json_problem(r, path, key, "required");
		return NULL;
	}
	return catalog_json_text(r, v, path, key, kind);
}

/* An integer field in [min, max]; returns whether a valid one was given. */
static bool
catalog_json_int(struct catalog_json_reader *r, json_t *obj, const char *path,
    const char *key, bool required, long long min, long long max, int *out)
{
	json_t *v = json_object_get(obj, key);
	long long n;

	if (v == NULL || json_is_null(v)) {
		if (required)
			catalog_json_problem(r, path, key, "required");
		return false;
	}
	if (!json_is_integer(v)) {
		catalog_json_problem(r, path, key,
		    "expected an integer, got %s", catalog_json_kind(v));
		return false;
	}
	n = json_integer_value(v);
	if (n < min || n > max) {
		catalog_json_problem(r, path, key,
		    "%lld is out of range %lld to %lld", n, min, max);
		return false;
	}
	*out = (int)n;
	return true;
}

static bool
catalog_json_number(struct catalog_json_reader *r, json_t *obj,
    const char *path, const char *key, double *out)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL || json_is_null(v))
		return false;
	if (!json_is_number(v)) {
		catalog_json_problem(r, path, key, "expected a number, got %s",
		    catalog_json_kind(v));
		return false;
	}
	*out = json_number_value(v);
	return true;
}

/* An enum field: returns its index, or `absent` when missing or wrong. */
static int
catalog_json_enum(struct catalog_json_reader *r, json_t *obj, const char *path,
    const char *key, const char *const *names, int count, bool required,
    int absent)
{
	json_t *v = json_object_get(obj, key);
	char list[256], quoted[80];
	size_t n = 0;
	int i;

	if (v == NULL || json_is_null(v)) {
		if (required)
			catalog_json_problem(r, path, key, "required");
		return absent;
	}
	if (!json_is_string(v)) {
		catalog_json_problem(r, path, key, "expected a string, got %s",
		    catalog_json_kind(v));
		return absent;
	}
	if ((i = model_enum_parse(names, count, json_string_value(v))) >= 0)
		return i;
	list[0] = '\0';
	for (i = 0; i < count; i++)
		if (names[i] != NULL && n < sizeof(list))
			n += (size_t)snprintf(list + n, sizeof(list) - n,
			    "%s%s", n > 0 ? ", " : "", names[i]);
	catalog_json_problem(r, path, key, "'%s' is not one of: %s",
	    catalog_json_quote(json_string_value(v), quoted, sizeof(quoted)),
	    list);
	return absent;
}

/* The array at key (absent: NULL, no problem; wrong type: NULL, a problem). */
static json_t *
catalog_json_array(struct catalog_json_reader *r, json_t *obj, const char *path,
    const char *key)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL || json_is_null(v))
		return NULL;
	if (!json_is_array(v)) {
		catalog_json_problem(r, path, key, "expected an array, got %s",
		    catalog_json_kind(v));
		return NULL;
	}
	return v;
}

/* Array element i must be an object; writes its path. */
static json_t *
catalog_json_item(struct catalog_json_reader *r, json_t *array, size_t i,
    const char *base, char *path)
{
	json_t *v = json_array_get(array, i);

	catalog_json_path(path, "%s[%zu]", base, i);
	if (!json_is_object(v)) {
		catalog_json_problem(r, path, NULL,
		    "expected an object, got %s", catalog_json_kind(v));
		return NULL;
	}
	return v;
}

/* An array of strings of a kind: every element gets a slot (NULL if bad). */
static const char **
catalog_json_string_list(struct catalog_json_reader *r, json_t *obj,
    const char *path, const char *key, enum text_kind kind, size_t *count)
{
	json_t *array = catalog_json_array(r, obj, path, key);
	const char **list;
	char item[CATALOG_JSON_PATH_MAX];
	size_t i;

	*count = 0;
	if (array == NULL || json_array_size(array) == 0)
		return NULL;
	list = arena_alloc(&r->out->arena,
	    json_array_size(array) * sizeof(*list));
	for (i = 0; i < json_array_size(array); i++) {
		catalog_json_path(item, "%s.%s[%zu]", path, key, i);
		list[i] = catalog_json_text(
		    r, json_array_get(array, i), item, NULL, kind);
		if (list[i] == NULL)
			continue;
		for (size_t j = 0; j < i; j++)
			if (list[j] != NULL && strcmp(list[j], list[i]) == 0) {
				catalog_json_problem(r, item, NULL,
				    "'%s' is listed twice", list[i]);
				break;
			}
	}
	*count = json_array_size(array);
	return list;
}

/* ---- phase one: items ---- */

static void
catalog_json_vision(struct catalog_json_reader *r, json_t *v)
{
	static const char *const fields[] = { "code", "title_de", "title_en",
	    "description_de", "description_en", "adopted", NULL };
	struct vision *vision;

	if (!json_is_object(v)) {
		catalog_json_problem(r, "vision", NULL,
		    "expected an object, got %s", catalog_json_kind(v));
		return;
	}
	catalog_json_known_fields(r, v, "vision", fields);
	vision = arena_alloc(&r->out->arena, sizeof(*vision));
	vision->code =
	    catalog_json_string(r, v, "vision", "code", true, TEXT_CODE);
	vision->title_de = catalog_json_string(r, v, "vision", "title_de", true,
	    TEXT_LINE);
	vision->title_en =
	    catalog_json_string(r, v, "vision", "title_en", false, TEXT_LINE);
	vision->description_de = catalog_json_string(r, v, "vision",
	    "description_de", false, TEXT_PARAGRAPH);
	vision->description_en = catalog_json_string(r, v, "vision",
	    "description_en", false, TEXT_PARAGRAPH);
	vision->adopted = catalog_json_string(r, v, "vision", "adopted", false,
	    TEXT_PARTIAL_DATE);
	r->out->vision = vision;
}

static void
catalog_json_goals(struct catalog_json_reader *r, json_t *array)
{
	static const char *const fields[] = { "code", "parent", "level",
	    "title_de", "title_en", "description_de", "description_en",
	    "perspective", NULL };
	char path[CATALOG_JSON_PATH_MAX];
	size_t i;

	for (i = 0; i < json_array_size(array); i++) {
		struct goal *g = model_add_goal(r->out);
		json_t *v = catalog_json_item(r, array, i, "goals", path);

		g->position = (int)i;
		if (v == NULL)
			continue;
		catalog_json_known_fields(r, v, path, fields);
		g->code =
		    catalog_json_string(r, v, path, "code", true, TEXT_CODE);
		g->parent = catalog_json_string(r, v, path, "parent", false,
		    TEXT_CODE);
		catalog_json_int(r, v, path, "level", false, 1, 99, &g->level);
		g->title_de = catalog_json_string(r, v, path, "title_de", true,
		    TEXT_LINE);
		g->title_en = catalog_json_string(r, v, path, "title_en", false,
		    TEXT_LINE);
		g->description_de = catalog_json_string(
		    r, v, path, "description_de", false, TEXT_PARAGRAPH);
		g->description_en = catalog_json_string(
		    r, v, path, "description_en", false, TEXT_PARAGRAPH);
		g->perspective = catalog_json_enum(r, v, path, "perspective",
		    model_perspective_names, MODEL_PERSPECTIVE__MAX, false,
		    MODEL_PERSPECTIVE_NONE);
	}
}

/* Whether obj has key with a value other than null. */
static bool
catalog_json_has(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	return v != NULL && !json_is_null(v);
}

/* What each target kind needs and allows (DESIGN.md "Target"). */
static void
catalog_json_target_rules(struct catalog_json_reader *r, json_t *v,
    const char *path, const struct target_version *t, int polarity)
{
	const char *kind = model_target_kind_names[t->kind];
	bool value = false, bounds = false, year = false, reference = false;
	bool year_required = false;

	switch (t->kind) {
	case MODEL_TARGET_VALUE:
		value = year = year_required = true;
		break;
	case MODEL_TARGET_INTERVAL:
		bounds = year = true;
		break;
	case MODEL_TARGET_EVERY_YEAR:
		value = true;
		break;
	case MODEL_TARGET_DIRECTION:
		year = true;
		if (polarity == 0)
			catalog_json_problem(r, path, "kind",
			    "'direction' needs the "
			    "indicator's polarity to be 1 or -1, not 0");
		break;
	case MODEL_TARGET_REFERENCE:
		year = reference = true;
		break;
	case MODEL_TARGET_KIND__MAX:
		break;
	}
	if (value && !catalog_json_has(v, "value"))
		catalog_json_problem(
		    r, path, "value", "required for kind '%s'", kind);
	if (!value && catalog_json_has(v, "value"))
		catalog_json_problem(
		    r, path, "value", "not allowed for kind '%s'", kind);
	if (bounds) {
		if (!catalog_json_has(v, "low"))
			catalog_json_problem(
			    r, path, "low", "required for kind '%s'", kind);
		if (!catalog_json_has(v, "high"))
			catalog_json_problem(r, path, "high",
			    "required for kind '%s'", kind);
		if (t->has_low && t->has_high && t->low > t->high)
			catalog_json_problem(r, path, "high", "is below low");
	} else {
		if (catalog_json_has(v, "low"))
			catalog_json_problem(r, path, "low",
			    "not allowed for kind '%s'", kind);
		if (catalog_json_has(v, "high"))
			catalog_json_problem(r, path, "high",
			    "not allowed for kind '%s'", kind);
	}
	if (year_required && !catalog_json_has(v, "year"))
		catalog_json_problem(
		    r, path, "year", "required for kind '%s'", kind);
	if (!year && catalog_json_has(v, "year"))
		catalog_json_problem(
		    r, path, "year", "not allowed for kind '%s'", kind);
	if (reference && !catalog_json_has(v, "reference_region"))
		catalog_json_problem(r, path, "reference_region",
		    "required for kind '%s'", kind);
	if (!reference && catalog_json_has(v, "reference_region"))
		catalog_json_problem(r, path, "reference_region",
		    "not allowed for kind '%s'", kind);
}

static void
catalog_json_target(struct catalog_json_reader *r, json_t *v, const char *path,
    struct target_version *t, int polarity)
{
	static const char *const fields[] = { "code", "kind", "value", "low",
	    "high", "year", "reference_region", "note_de", "note_en",
	    "valid_from", "valid_to", NULL };
	int kind;

	catalog_json_known_fields(r, v, path, fields);
	t->code = catalog_json_string(r, v, path, "code", true, TEXT_CODE);
	kind = catalog_json_enum(r, v, path, "kind", model_target_kind_names,
	    MODEL_TARGET_KIND__MAX, true, -1);
	t->has_value = catalog_json_number(r, v, path, "value", &t->value);
	t->has_low = catalog_json_number(r, v, path, "low", &t->low);
	t->has_high = catalog_json_number(r, v, path, "high", &t->high);
	catalog_json_int(r, v, path, "year", false, 1000, 9999, &t->year);
	t->reference_region = catalog_json_string(
	    r, v, path, "reference_region", false, TEXT_CODE);
	t->note_de = catalog_json_string(r, v, path, "note_de", false,
	    TEXT_PARAGRAPH);
	t->note_en = catalog_json_string(r, v, path, "note_en", false,
	    TEXT_PARAGRAPH);
	t->valid_from = catalog_json_string(r, v, path, "valid_from", false,
	    TEXT_DATE);
	t->valid_to =
	    catalog_json_string(r, v, path, "valid_to", false, TEXT_DATE);
	if (kind >= 0) {
		t->kind = kind;
		catalog_json_target_rules(r, v, path, t, polarity);
	}
	if (catalog_json_has(v, "valid_to") &&
	    !catalog_json_has(v, "valid_from"))
		catalog_json_problem(r, path, "valid_from",
		    "required when valid_to is given");
	if (t->valid_from != NULL && t->valid_to != NULL &&
	    strcmp(t->valid_to, t->valid_from) <= 0)
		catalog_json_problem(r, path, "valid_to",
		    "%s is not after valid_from %s",
		    t->valid_to, t->valid_from);
}

/* The versions of one target code must not clash: one current version at
 * most, no two starting on the same day, no overlapping periods. */
static void
catalog_json_target_versions(struct catalog_json_reader *r, const char *path,
    const struct indicator *ind)
{
	char item[CATALOG_JSON_PATH_MAX];
	size_t i, j;

	for (i = 0; i < ind->target_count; i++) {
		const struct target_version *a = &ind->targets[i];

		if (a->code == NULL)
			continue;
		catalog_json_path(item, "%s.targets[%zu]", path, i);
		for (j = 0; j < i; j++) {
			const struct target_version *b = &ind->targets[j];

			if (b->code == NULL || strcmp(a->code, b->code) != 0)
				continue;
			if (a->valid_to == NULL && b->valid_to == NULL) {
				catalog_json_problem(r, item, NULL,
				    "a second current "
				    "version of target '%s' (the first is "
				    "targets[%zu]); give the older one a "
				    "valid_to", a->code, j);
				break;
			}
			if (a->valid_from == NULL || b->valid_from == NULL)
				continue;
			if (strcmp(a->valid_from, b->valid_from) == 0) {
				catalog_json_problem(r, item, "valid_from",
				    "target '%s' has another version from %s "
				    "(targets[%zu])",
				    a->code, a->valid_from, j);
				break;
			}
			/* [from, to) intervals; a missing `to` is open. */
			if ((a->valid_to == NULL ||
			    strcmp(b->valid_from, a->valid_to) < 0) &&
			    (b->valid_to == NULL ||
			    strcmp(a->valid_from, b->valid_to) < 0)) {
				catalog_json_problem(r, item, NULL,
				    "overlaps version "
				    "targets[%zu] of target '%s'", j, a->code);
				break;
			}
		}
	}
}

static void
catalog_json_indicators(struct catalog_json_reader *r, json_t *array)
{
	static const char *const fields[] = { "code", "title_de", "title_en",
	    "definition_de", "definition_en", "unit", "decimals", "polarity",
	    "dimension", "principle", "field", "annual", "classification",
	    "reference_region", "source", "source_url", "method_note", "goals",
	    "sdgs", "targets", NULL };
	char path[CATALOG_JSON_PATH_MAX], item[CATALOG_JSON_PATH_MAX];
	size_t i, j;

	for (i = 0; i < json_array_size(array); i++) {
		struct indicator *ind = model_add_indicator(r->out);
		json_t *v = catalog_json_item(r, array, i, "indicators", path);
		json_t *targets;

		ind->position = (int)i;
		ind->decimals = 1;
		/* Until given: a value no target rule depends on. */
		ind->polarity = 2;
		if (v == NULL)
			continue;
		catalog_json_known_fields(r, v, path, fields);
		ind->code =
		    catalog_json_string(r, v, path, "code", true, TEXT_CODE);
		ind->title_de = catalog_json_string(
		    r, v, path, "title_de", true, TEXT_LINE);
		ind->title_en = catalog_json_string(
		    r, v, path, "title_en", false, TEXT_LINE);
		ind->definition_de = catalog_json_string(
		    r, v, path, "definition_de", false, TEXT_PARAGRAPH);
		ind->definition_en = catalog_json_string(
		    r, v, path, "definition_en", false, TEXT_PARAGRAPH);
		ind->unit =
		    catalog_json_string(r, v, path, "unit", true, TEXT_LINE);
		catalog_json_int(
		    r, v, path, "decimals", false, 0, 9, &ind->decimals);
		/* Polarity has no default (METHODS §1). */
		catalog_json_int(
		    r, v, path, "polarity", true, -1, 1, &ind->polarity);
		ind->dimension = catalog_json_enum(r, v, path, "dimension",
		    model_dimension_names, MODEL_DIMENSION__MAX, false,
		    MODEL_DIMENSION_NONE);
		ind->principle = catalog_json_enum(r, v, path, "principle",
		    model_principle_names, MODEL_PRINCIPLE__MAX, false,
		    MODEL_PRINCIPLE_NONE);
		ind->field = catalog_json_string(r, v, path, "field", false,
		    TEXT_LINE);
		ind->annual = catalog_json_enum(r, v, path, "annual",
		    model_annual_names, MODEL_ANNUAL__MAX, false,
		    MODEL_ANNUAL_MEAN);
		ind->classification = catalog_json_string(r, v, path,
		    "classification", false, TEXT_CODE);
		ind->reference_region = catalog_json_string(r, v, path,
		    "reference_region", false, TEXT_CODE);
		ind->source = catalog_json_string(r, v, path, "source", false,
		    TEXT_LINE);
		ind->source_url = catalog_json_string(
		    r, v, path, "source_url", false, TEXT_URL);
		ind->method_note = catalog_json_string(
		    r, v, path, "method_note", false, TEXT_PARAGRAPH);
		ind->goals = catalog_json_string_list(
		    r, v, path, "goals", TEXT_CODE, &ind->goal_count);
		ind->sdgs = catalog_json_string_list(
		    r, v, path, "sdgs", TEXT_SDG, &ind->sdg_count);
		if ((targets = catalog_json_array(r, v, path, "targets")) ==
		    NULL)
			continue;
		ind->target_count = json_array_size(targets);
		ind->targets = arena_alloc(&r->out->arena,
		    (ind->target_count + 1) * sizeof(struct target_version));
		for (j = 0; j < ind->target_count; j++) {
			char base[CATALOG_JSON_PATH_MAX];
			json_t *t;

			catalog_json_path(base, "%s.targets", path);
			if ((t = catalog_json_item(
				 r, targets, j, base, item)) != NULL)
				catalog_json_target(r, t, item,
				    &ind->targets[j], ind->polarity);
		}
		catalog_json_target_versions(r, path, ind);
	}
}

static void
catalog_json_regions(struct catalog_json_reader *r, json_t *array)
{
	static const char *const fields[] = { "code", "name_de", "name_en",
	    "level", "parent", "aliases", NULL };
	static const char *const alias_fields[] = { "code", "scheme", NULL };
	char path[CATALOG_JSON_PATH_MAX], item[CATALOG_JSON_PATH_MAX];
	size_t i, j;

	for (i = 0; i < json_array_size(array); i++) {
		struct region *g = model_add_region(r->out);
		json_t *v = catalog_json_item(r, array, i, "regions", path);
		json_t *aliases;

		g->position = (int)i;
		if (v == NULL)
			continue;
		catalog_json_known_fields(r, v, path, fields);
		g->code =
		    catalog_json_string(r, v, path, "code", true, TEXT_CODE);
		g->name_de = catalog_json_string(r, v, path, "name_de", true,
		    TEXT_LINE);
		g->name_en = catalog_json_string(r, v, path, "name_en", false,
		    TEXT_LINE);
		g->level = catalog_json_enum(r, v, path, "level",
		    model_region_level_names, MODEL_REGION_LEVEL__MAX, true, 0);
		g->parent = catalog_json_string(r, v, path, "parent", false,
		    TEXT_CODE);
		if ((aliases = catalog_json_array(r, v, path, "aliases")) ==
		    NULL)
			continue;
		g->alias_count = json_array_size(aliases);
		g->aliases = arena_alloc(&r->out->arena,
		    (g->alias_count + 1) * sizeof(struct region_alias));
		for (j = 0; j < g->alias_count; j++) {
			char base[CATALOG_JSON_PATH_MAX];
			json_t *a;

			catalog_json_path(base, "%s.aliases", path);
			if ((a = catalog_json_item(
				 r, aliases, j, base, item)) == NULL)
				continue;
			catalog_json_known_fields(r, a, item, alias_fields);
			g->aliases[j].code = catalog_json_string(
			    r, a, item, "code", true, TEXT_CODE);
			g->aliases[j].scheme = catalog_json_enum(r, a, item,
			    "scheme", model_alias_scheme_names,
			    MODEL_ALIAS_SCHEME__MAX, false, MODEL_ALIAS_NONE);
		}
	}
}

static void
catalog_json_classifications(struct catalog_json_reader *r, json_t *array)
{
	static const char *const fields[] = { "code", "name_de", "name_en",
	    "sectors", NULL };
	static const char *const sector_fields[] = { "code", "parent", "level",
	    "name_de", "name_en", NULL };
	char path[CATALOG_JSON_PATH_MAX], item[CATALOG_JSON_PATH_MAX];
	size_t i, j;

	for (i = 0; i < json_array_size(array); i++) {
		struct classification *cl = model_add_classification(r->out);
		json_t *v =
		    catalog_json_item(r, array, i, "classifications", path);
		json_t *sectors;

		if (v == NULL)
			continue;
		catalog_json_known_fields(r, v, path, fields);
		cl->code =
		    catalog_json_string(r, v, path, "code", true, TEXT_CODE);
		cl->name_de = catalog_json_string(r, v, path, "name_de", true,
		    TEXT_LINE);
		cl->name_en = catalog_json_string(r, v, path, "name_en", false,
		    TEXT_LINE);
		if ((sectors = catalog_json_array(r, v, path, "sectors")) ==
		    NULL)
			continue;
		cl->sector_count = json_array_size(sectors);
		cl->sectors = arena_alloc(&r->out->arena,
		    (cl->sector_count + 1) * sizeof(struct sector));
		for (j = 0; j < cl->sector_count; j++) {
			struct sector *s = &cl->sectors[j];
			char base[CATALOG_JSON_PATH_MAX];
			json_t *sv;

			s->position = (int)j;
			catalog_json_path(base, "%s.sectors", path);
			if ((sv = catalog_json_item(
				 r, sectors, j, base, item)) == NULL)
				continue;
			catalog_json_known_fields(r, sv, item, sector_fields);
			s->code = catalog_json_string(r, sv, item, "code", true,
			    TEXT_CODE);
			s->parent = catalog_json_string(
			    r, sv, item, "parent", false, TEXT_CODE);
			catalog_json_int(
			    r, sv, item, "level", false, 1, 99, &s->level);
			s->name_de = catalog_json_string(
			    r, sv, item, "name_de", true, TEXT_LINE);
			s->name_en = catalog_json_string(
			    r, sv, item, "name_en", false, TEXT_LINE);
		}
	}
}

static void
catalog_json_shocks(struct catalog_json_reader *r, json_t *array)
{
	static const char *const fields[] = { "code", "name_de", "name_en",
	    "peak", "trough", "recovery_end", NULL };
	char path[CATALOG_JSON_PATH_MAX];
	size_t i;

	for (i = 0; i < json_array_size(array); i++) {
		struct shock *s = model_add_shock(r->out);
		json_t *v = catalog_json_item(r, array, i, "shocks", path);
		struct period p, q, e;

		if (v == NULL)
			continue;
		catalog_json_known_fields(r, v, path, fields);
		s->code =
		    catalog_json_string(r, v, path, "code", true, TEXT_CODE);
		s->name_de = catalog_json_string(r, v, path, "name_de", true,
		    TEXT_LINE);
		s->name_en = catalog_json_string(r, v, path, "name_en", false,
		    TEXT_LINE);
		s->peak =
		    catalog_json_string(r, v, path, "peak", true, TEXT_PERIOD);
		s->trough = catalog_json_string(r, v, path, "trough", true,
		    TEXT_PERIOD);
		s->recovery_end = catalog_json_string(
		    r, v, path, "recovery_end", true, TEXT_PERIOD);
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
	static const char *const fields[] = { "vision", "goals", "indicators",
	    "regions", "classifications", "shocks", NULL };
	struct catalog_json_reader r = { file_name, diags, out, known, 0 };
	json_error_t je;
	json_t *root, *v;
	size_t bad;

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
		size_t i, column;
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
		    catalog_json_kind(root));
		json_decref(root);
		return -1;
	}
	catalog_json_known_fields(&r, root, "", fields);
	if ((v = json_object_get(root, "vision")) != NULL && !json_is_null(v))
		catalog_json_vision(&r, v);
	if ((v = catalog_json_array(&r, root, "", "goals")) != NULL)
		catalog_json_goals(&r, v);
	if ((v = catalog_json_array(&r, root, "", "indicators")) != NULL)
		catalog_json_indicators(&r, v);
	if ((v = catalog_json_array(&r, root, "", "regions")) != NULL)
		catalog_json_regions(&r, v);
	if ((v = catalog_json_array(&r, root, "", "classifications")) != NULL)
		catalog_json_classifications(&r, v);
	if ((v = catalog_json_array(&r, root, "", "shocks")) != NULL)
		catalog_json_shocks(&r, v);
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

