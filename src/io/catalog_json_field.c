/* The catalogue reader's field readers (see catalog_json_internal.h): one
 * value of a JSON object checked for its type and form, copied into the
 * catalogue, and every problem reported with its JSON path. */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/catalog_json_internal.h"
#include "util/period.h"

#define CATALOG_JSON_CODE_MAX	64

/* Enum fields are written as int (CATALOG_JSON_FIELD_ENUM). */
_Static_assert(sizeof(enum model_perspective) == sizeof(int) &&
    sizeof(enum model_dimension) == sizeof(int) &&
    sizeof(enum model_principle) == sizeof(int) &&
    sizeof(enum model_annual) == sizeof(int) &&
    sizeof(enum model_region_level) == sizeof(int) &&
    sizeof(enum model_alias_scheme) == sizeof(int) &&
    sizeof(enum model_measure) == sizeof(int),
    "model enums are stored as int");

/* A field name or value from the file, fit to be quoted in a message: control
 * characters become '?', and long text is cut. */
static const char *
catalog_json_field_quote(const char *s, char *out, size_t size)
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

const char *
catalog_json_field_kind(const json_t *v)
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

void
catalog_json_field_keys(struct catalog_json_reader *r, json_t *obj,
    const char *path, const struct catalog_json_field *fields)
{
	const char *key;
	json_t *v;
	size_t i;

	json_object_foreach(obj, key, v) {
		char quoted[64];

		for (i = 0; fields[i].key != NULL; i++)
			if (strcmp(fields[i].key, key) == 0)
				break;
		if (fields[i].key == NULL)
			catalog_json_problem(r, path, catalog_json_field_quote(
			    key, quoted, sizeof(quoted)), "unknown field");
	}
}

static bool
catalog_json_field_date_valid(const char *s, size_t n, bool partial)
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
catalog_json_field_sdg_valid(const char *s)
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
catalog_json_field_text_problem(const char *s, size_t n,
    enum catalog_json_text kind)
{
	struct period p;
	size_t i;

	switch (kind) {
	case CATALOG_JSON_TEXT_CODE:
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
	case CATALOG_JSON_TEXT_LINE:
	case CATALOG_JSON_TEXT_PARAGRAPH:
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			bool control = c < 0x20 || c == 0x7f;
			bool allowed = kind == CATALOG_JSON_TEXT_PARAGRAPH &&
			    (c == '\n' || c == '\t');

			if (c == '\0' || (control && !allowed))
				return kind == CATALOG_JSON_TEXT_LINE ?
				    "must be one line without control "
				    "characters" : "must not hold control "
				    "characters other than newline and tab";
		}
		return NULL;
	case CATALOG_JSON_TEXT_URL:
		if (strncmp(s, "https://", 8) != 0 &&
		    strncmp(s, "http://", 7) != 0)
			return "is not a URL: it starts with https:// or "
			    "http://";
		for (i = 0; i < n; i++)
			if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f)
				return "is not a URL: it holds no blanks or "
				    "control characters";
		return NULL;
	case CATALOG_JSON_TEXT_DATE:
	case CATALOG_JSON_TEXT_PARTIAL_DATE:
		if (!catalog_json_field_date_valid(s, n,
		    kind == CATALOG_JSON_TEXT_PARTIAL_DATE))
			return kind == CATALOG_JSON_TEXT_DATE ?
			    "is not a date YYYY-MM-DD" :
			    "is not a date YYYY-MM-DD, YYYY-MM or YYYY";
		return NULL;
	case CATALOG_JSON_TEXT_PERIOD:
		if (period_parse(s, n, &p) == -1)
			return "is not a period: 2017, 2017-Q2 or 2017-06";
		return NULL;
	case CATALOG_JSON_TEXT_SDG:
		if (!catalog_json_field_sdg_valid(s))
			return "is not an SDG goal or target: 8, 8.5 or 8.a";
		return NULL;
	}
	return NULL;
}

/* Checks one string value; returns its copy in the catalogue, or NULL. */
static const char *
catalog_json_field_text(struct catalog_json_reader *r, json_t *v,
    const char *path, const char *key, enum catalog_json_text kind)
{
	const char *s, *why;
	char quoted[80];
	size_t n;

	if (!json_is_string(v)) {
		catalog_json_problem(r, path, key, "expected a string, got %s",
		    catalog_json_field_kind(v));
		return NULL;
	}
	s = json_string_value(v);
	n = json_string_length(v);
	if (n == 0) {
		catalog_json_problem(r, path, key, "must not be empty");
		return NULL;
	}
	if ((why = catalog_json_field_text_problem(s, n, kind)) != NULL) {
		if (kind == CATALOG_JSON_TEXT_LINE ||
		    kind == CATALOG_JSON_TEXT_PARAGRAPH)
			catalog_json_problem(r, path, key, "%s", why);
		else
			catalog_json_problem(r, path, key, "'%s' %s",
			    catalog_json_field_quote(s, quoted, sizeof(quoted)),
			    why);
		return NULL;
	}
	return model_strdup(r->out, s);
}

/* A string field: NULL when absent (JSON null counts as absent). */
const char *
catalog_json_field_string(struct catalog_json_reader *r, json_t *obj,
    const char *path, const char *key, bool required,
    enum catalog_json_text kind)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL || json_is_null(v)) {
		if (required)
			catalog_json_problem(r, path, key, "required");
		return NULL;
	}
	return catalog_json_field_text(r, v, path, key, kind);
}

/* An integer field in [min, max]; returns whether a valid one was given. */
static bool
catalog_json_field_int(struct catalog_json_reader *r, json_t *obj,
    const char *path, const char *key, bool required, long long min,
    long long max, int *out)
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
		    "expected an integer, got %s", catalog_json_field_kind(v));
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
catalog_json_field_number(struct catalog_json_reader *r, json_t *obj,
    const char *path, const char *key, double *out)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL || json_is_null(v))
		return false;
	if (!json_is_number(v)) {
		catalog_json_problem(r, path, key, "expected a number, got %s",
		    catalog_json_field_kind(v));
		return false;
	}
	*out = json_number_value(v);
	return true;
}

/* An enum field: returns its index, or `absent` when missing or wrong. */
int
catalog_json_field_enum(struct catalog_json_reader *r, json_t *obj,
    const char *path, const char *key, const char *const *names, int count,
    bool required, int absent)
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
		    catalog_json_field_kind(v));
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
	    catalog_json_field_quote(json_string_value(v), quoted,
	    sizeof(quoted)), list);
	return absent;
}

/* The array at key (absent: NULL, no problem; wrong type: NULL, a problem). */
json_t *
catalog_json_field_array(struct catalog_json_reader *r, json_t *obj,
    const char *path, const char *key)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL || json_is_null(v))
		return NULL;
	if (!json_is_array(v)) {
		catalog_json_problem(r, path, key, "expected an array, got %s",
		    catalog_json_field_kind(v));
		return NULL;
	}
	return v;
}

/* Array element i must be an object; writes its path. */
json_t *
catalog_json_field_item(struct catalog_json_reader *r, json_t *array,
    size_t i, const char *base, char *path)
{
	json_t *v = json_array_get(array, i);

	catalog_json_path(path, "%s[%zu]", base, i);
	if (!json_is_object(v)) {
		catalog_json_problem(r, path, NULL,
		    "expected an object, got %s", catalog_json_field_kind(v));
		return NULL;
	}
	return v;
}

/* An array of strings of a kind: every element gets a slot (NULL if bad). */
static const char **
catalog_json_field_strings(struct catalog_json_reader *r, json_t *obj,
    const char *path, const char *key, enum catalog_json_text kind,
    size_t *count)
{
	json_t *array = catalog_json_field_array(r, obj, path, key);
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
		list[i] = catalog_json_field_text(
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

/* Whether obj has key with a value other than null. */
bool
catalog_json_field_has(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	return v != NULL && !json_is_null(v);
}

void
catalog_json_field_read(struct catalog_json_reader *r, json_t *obj,
    const char *path, const struct catalog_json_field *fields, void *record)
{
	const struct catalog_json_field *f;

	for (f = fields; f->key != NULL; f++) {
		char *at = (char *)record + f->offset;
		int v;

		switch (f->type) {
		case CATALOG_JSON_FIELD_STRING:
			*(const char **)at = catalog_json_field_string(r, obj,
			    path, f->key, f->required, f->text);
			break;
		case CATALOG_JSON_FIELD_INT:
			catalog_json_field_int(r, obj, path, f->key,
			    f->required, f->min, f->max, (int *)at);
			break;
		case CATALOG_JSON_FIELD_NUMBER:
			*(bool *)((char *)record + f->has) =
			    catalog_json_field_number(r, obj, path, f->key,
			    (double *)at);
			break;
		case CATALOG_JSON_FIELD_ENUM:
			v = catalog_json_field_enum(r, obj, path, f->key,
			    f->names, f->count, f->required, f->absent);
			memcpy(at, &v, sizeof(v));
			break;
		case CATALOG_JSON_FIELD_STRINGS:
			*(const char ***)at = catalog_json_field_strings(r, obj,
			    path, f->key, f->text,
			    (size_t *)((char *)record + f->has));
			break;
		case CATALOG_JSON_FIELD_OTHER:
			break;
		}
	}
}

void
catalog_json_field_object(struct catalog_json_reader *r, json_t *obj,
    const char *path, const struct catalog_json_field *fields, void *record)
{
	catalog_json_field_keys(r, obj, path, fields);
	catalog_json_field_read(r, obj, path, fields, record);
}
