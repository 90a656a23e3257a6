/*
 * openapi_check: checks an OpenAPI 3.1 document and real answers against it,
 * for tests/http/openapi.sh (jansson only: python and jq are not on a fresh
 * Debian).
 *
 *   openapi_check lint DOC
 *	the document's shape: openapi 3.1, info, paths; every $ref resolves;
 *	path templates and path parameters agree; operationIds are unique;
 *	every schema keeps to the subset below; every component schema is used.
 *   openapi_check requests DOC [NAME=VALUE...]
 *	one line "PATH<TAB>URL" per request to try: each GET path bare, with
 *	each query parameter alone, and with all of them (header parameters
 *	are left out); values from
 *	PATH:NAME=VALUE (for that path), NAME=VALUE, else the parameter's
 *	example (no value: exit 1).
 *   openapi_check params DOC PATH
 *	the GET's query parameters, one a line: "NAME<TAB>empty" when it
 *	documents an empty value as allowed, else "NAME<TAB>value".
 *   openapi_check response DOC PATH METHOD STATUS HEADERS BODY
 *	the status is documented for the operation (or by "default"); each
 *	header the response documents is there and fits its schema; the
 *	Content-Type is a documented one and the body fits its schema, or the
 *	response documents no body and there is none. HEADERS is curl -D's file.
 *   openapi_check validate DOC SCHEMA FILE
 *	FILE fits #/components/schemas/SCHEMA.
 *
 * The JSON Schema subset: $ref (local), type (a name or a list of them),
 * enum, pattern (POSIX ERE, anchored by the pattern itself), minLength,
 * minimum, maximum, properties, required, additionalProperties (boolean or
 * a schema), items, oneOf, anyOf; description, title, examples, format,
 * default and deprecated are annotations. Answers are checked strictly: an
 * object schema with properties but no additionalProperties admits no other
 * keys, so that a key the server adds without documenting it fails.
 * Exit 0 when all is well, 1 with one line per problem on stderr, 2 for
 * usage errors or a file that is not JSON.
 */
#include <jansson.h>
#include <math.h>
#include <regex.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define WHERE_MAX	1024

static const char *const check_keywords[] = {
	"$ref", "type", "enum", "pattern", "minLength", "minimum", "maximum",
	"properties", "required", "additionalProperties", "items", "oneOf",
	"anyOf", "description", "title", "examples", "format", "default",
	"deprecated", NULL
};
static const char *const check_methods[] = {
	"get", "put", "post", "delete", "options", "head", "patch", "trace",
	NULL
};

struct check {
	json_t	*doc;
	int	 problems;
	int	 quiet;		/* > 0: inside a oneOf/anyOf trial */
};

static void
check_problem(struct check *c, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
check_problem(struct check *c, const char *where, const char *fmt, ...)
{
	va_list ap;

	c->problems++;
	if (c->quiet > 0 || c->problems > 30)
		return;
	fprintf(stderr, "%s: ", where);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static json_t *
check_load(const char *path)
{
	json_error_t err;
	json_t *v = json_load_file(path, JSON_DECODE_ANY, &err);

	if (v == NULL) {
		fprintf(stderr, "%s:%d:%d: %s\n", path, err.line, err.column,
		    err.text);
		exit(2);
	}
	return v;
}

/* The value a local reference "#/a/b~1c" points at, or NULL. */
static json_t *
check_pointer(json_t *doc, const char *ref)
{
	char part[256];
	const char *p;
	size_t n;
	json_t *v = doc;

	if (strncmp(ref, "#/", 2) != 0)
		return NULL;
	for (p = ref + 2; v != NULL && *p != '\0'; p += n + (p[n] == '/')) {
		size_t i, o = 0;

		n = strcspn(p, "/");
		for (i = 0; i < n && o + 1 < sizeof(part); i++) {
			if (p[i] == '~' && i + 1 < n && (p[i + 1] == '0' ||
			    p[i + 1] == '1')) {
				part[o++] = p[i + 1] == '0' ? '~' : '/';
				i++;
			} else
				part[o++] = p[i];
		}
		part[o] = '\0';
		if (json_is_object(v))
			v = json_object_get(v, part);
		else if (json_is_array(v))
			v = json_array_get(v, (size_t)strtoul(part, NULL, 10));
		else
			v = NULL;
	}
	return v;
}

/* Follows $ref until an object without one (at most 16 steps). */
static json_t *
check_deref(struct check *c, json_t *v, const char *where)
{
	int i;

	for (i = 0; i < 16 && json_is_object(v); i++) {
		json_t *ref = json_object_get(v, "$ref");
		json_t *to;

		if (ref == NULL)
			return v;
		to = check_pointer(c->doc, json_string_value(ref));
		if (to == NULL) {
			check_problem(c, where, "$ref %s does not resolve",
			    json_string_value(ref));
			return NULL;
		}
		v = to;
	}
	return v;
}

/* where + a key or an index, cut at WHERE_MAX (the return value is looked
 * at so that the compiler knows a cut is meant). */
static void
check_where(char *out, const char *base, const char *fmt, const char *key,
    size_t index)
{
	int n;

	if (key != NULL)
		n = snprintf(out, WHERE_MAX, fmt, base, key);
	else
		n = snprintf(out, WHERE_MAX, fmt, base, index);
	if (n < 0)
		out[0] = '\0';
}

/* ---- validation ---------------------------------------------------------- */

static bool
check_type_is(json_t *v, const char *type)
{
	if (strcmp(type, "null") == 0)
		return json_is_null(v);
	if (strcmp(type, "boolean") == 0)
		return json_is_boolean(v);
	if (strcmp(type, "string") == 0)
		return json_is_string(v);
	if (strcmp(type, "array") == 0)
		return json_is_array(v);
	if (strcmp(type, "object") == 0)
		return json_is_object(v);
	if (strcmp(type, "number") == 0)
		return json_is_number(v);
	if (strcmp(type, "integer") == 0)	/* 2030.0 is an integer too */
		return json_is_integer(v) || (json_is_real(v) &&
		    json_real_value(v) == trunc(json_real_value(v)));
	return false;
}

static const char *
check_type_name(json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "object";
	case JSON_ARRAY: return "array";
	case JSON_STRING: return "string";
	case JSON_INTEGER: return "integer";
	case JSON_REAL: return "number";
	case JSON_TRUE: case JSON_FALSE: return "boolean";
	default: return "null";
	}
}

static void check_value(struct check *c, json_t *schema, json_t *v,
    const char *where);

/* oneOf (exactly one branch) or anyOf (at least one). */
static void
check_branches(struct check *c, json_t *branches, json_t *v, const char *where,
    bool one)
{
	size_t i, matches = 0;
	json_t *b;

	json_array_foreach(branches, i, b) {
		int before = c->problems;
		c->quiet++;
		check_value(c, b, v, where);
		c->quiet--;
		if (c->problems == before)
			matches++;
		c->problems = before;
	}
	if (one ? matches == 1 : matches >= 1)
		return;
	check_problem(c, where, "%s fits %zu of the %s branches",
	    check_type_name(v), matches, one ? "oneOf" : "anyOf");
	if (matches == 0 && c->quiet == 0)
		json_array_foreach(branches, i, b)	/* say why, each */
			check_value(c, b, v, where);
}

static void
check_object(struct check *c, json_t *schema, json_t *v, const char *where)
{
	json_t *props = json_object_get(schema, "properties");
	json_t *extra = json_object_get(schema, "additionalProperties");
	json_t *req = json_object_get(schema, "required"), *x, *sub;
	char at[WHERE_MAX];
	const char *key;
	size_t i;

	json_array_foreach(req, i, x)
		if (json_object_get(v, json_string_value(x)) == NULL)
			check_problem(c, where, "required key \"%s\" is missing",
			    json_string_value(x));
	json_object_foreach(v, key, x) {
		check_where(at, where, "%s.%s", key, 0);
		sub = props != NULL ? json_object_get(props, key) : NULL;
		if (sub != NULL)
			check_value(c, sub, x, at);
		else if (json_is_object(extra))
			check_value(c, extra, x, at);
		else if (json_is_false(extra) || (extra == NULL && props != NULL))
			check_problem(c, at, "a key the schema does not have");
	}
}

static void
check_value(struct check *c, json_t *schema, json_t *v, const char *where)
{
	json_t *type, *x, *t;
	char at[WHERE_MAX];
	size_t i;
	bool ok;

	schema = check_deref(c, schema, where);
	if (schema == NULL)
		return;
	if ((x = json_object_get(schema, "oneOf")) != NULL)
		check_branches(c, x, v, where, true);
	if ((x = json_object_get(schema, "anyOf")) != NULL)
		check_branches(c, x, v, where, false);
	if ((type = json_object_get(schema, "type")) != NULL) {
		ok = false;
		if (json_is_string(type))
			ok = check_type_is(v, json_string_value(type));
		json_array_foreach(type, i, t)
			ok = ok || check_type_is(v, json_string_value(t));
		if (!ok) {
			check_problem(c, where, "%s where the schema wants %s",
			    check_type_name(v), json_is_string(type) ?
			    json_string_value(type) : "another type");
			return;
		}
	}
	if ((x = json_object_get(schema, "enum")) != NULL) {
		ok = false;
		json_array_foreach(x, i, t)
			ok = ok || json_equal(t, v);
		if (!ok) {
			char *text = json_dumps(v, JSON_ENCODE_ANY);
			check_problem(c, where, "%s is not one of the enum",
			    text != NULL ? text : "?");
			free(text);
		}
	}
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		if ((x = json_object_get(schema, "minLength")) != NULL &&
		    (json_int_t)strlen(s) < json_integer_value(x))
			check_problem(c, where, "\"%s\" is shorter than %lld", s,
			    (long long)json_integer_value(x));
		if ((x = json_object_get(schema, "pattern")) != NULL) {
			regex_t re;
			if (regcomp(&re, json_string_value(x),
			    REG_EXTENDED | REG_NOSUB) != 0)
				check_problem(c, where, "pattern %s does not "
				    "compile", json_string_value(x));
			else {
				if (regexec(&re, s, 0, NULL, 0) != 0)
					check_problem(c, where, "\"%s\" does not "
					    "match %s", s, json_string_value(x));
				regfree(&re);
			}
		}
	}
	if (json_is_number(v)) {
		double d = json_number_value(v);
		if ((x = json_object_get(schema, "minimum")) != NULL &&
		    d < json_number_value(x))
			check_problem(c, where, "%g is below %g", d,
			    json_number_value(x));
		if ((x = json_object_get(schema, "maximum")) != NULL &&
		    d > json_number_value(x))
			check_problem(c, where, "%g is above %g", d,
			    json_number_value(x));
	}
	if (json_is_array(v) && (x = json_object_get(schema, "items")) != NULL)
		json_array_foreach(v, i, t) {
			check_where(at, where, "%s[%zu]", NULL, i);
			check_value(c, x, t, at);
		}
	if (json_is_object(v))
		check_object(c, schema, v, where);
}

/* ---- the document -------------------------------------------------------- */

/* Keeps a schema (and those inside it) to the subset; marks the component
 * schemas it refers to as used. */
static void
check_schema(struct check *c, json_t *schema, const char *where, json_t *used)
{
	const char *key, *ref;
	char at[WHERE_MAX];
	json_t *x, *y;
	size_t i;
	int k;

	if (!json_is_object(schema)) {
		check_problem(c, where, "a schema must be an object");
		return;
	}
	json_object_foreach(schema, key, x) {
		for (k = 0; check_keywords[k] != NULL; k++)
			if (strcmp(key, check_keywords[k]) == 0)
				break;
		if (check_keywords[k] == NULL)
			check_problem(c, where, "keyword \"%s\" is outside the "
			    "subset the tests check", key);
	}
	if ((x = json_object_get(schema, "$ref")) != NULL) {
		ref = json_string_value(x);
		if (ref != NULL && strncmp(ref, "#/components/schemas/", 21) == 0)
			json_object_set_new(used, ref + 21, json_true());
	}
	json_object_foreach(json_object_get(schema, "properties"), key, x) {
		check_where(at, where, "%s/properties/%s", key, 0);
		check_schema(c, x, at, used);
	}
	if (json_is_object(x = json_object_get(schema, "additionalProperties"))) {
		check_where(at, where, "%s/%s", "additionalProperties", 0);
		check_schema(c, x, at, used);
	}
	if ((x = json_object_get(schema, "items")) != NULL) {
		check_where(at, where, "%s/%s", "items", 0);
		check_schema(c, x, at, used);
	}
	json_array_foreach(json_object_get(schema, "oneOf"), i, y) {
		check_where(at, where, "%s/oneOf/%zu", NULL, i);
		check_schema(c, y, at, used);
	}
	json_array_foreach(json_object_get(schema, "anyOf"), i, y) {
		check_where(at, where, "%s/anyOf/%zu", NULL, i);
		check_schema(c, y, at, used);
	}
	if ((x = json_object_get(schema, "pattern")) != NULL) {
		regex_t re;
		if (regcomp(&re, json_string_value(x), REG_EXTENDED |
		    REG_NOSUB) != 0)
			check_problem(c, where, "pattern does not compile");
		else
			regfree(&re);
	}
}

/* Every "$ref" anywhere resolves. */
static void
check_refs(struct check *c, json_t *v, const char *where)
{
	char at[WHERE_MAX];
	const char *key;
	json_t *x;
	size_t i;

	if (json_is_object(v)) {
		x = json_object_get(v, "$ref");
		if (x != NULL && (!json_is_string(x) ||
		    check_pointer(c->doc, json_string_value(x)) == NULL))
			check_problem(c, where, "$ref %s does not resolve",
			    json_is_string(x) ? json_string_value(x) : "?");
		json_object_foreach(v, key, x) {
			check_where(at, where, "%s/%s", key, 0);
			check_refs(c, x, at);
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x) {
			check_where(at, where, "%s/%zu", NULL, i);
			check_refs(c, x, at);
		}
	}
}

/* A parameter's "in" and "name", and its schema; path parameters are
 * counted against the template in `names`. */
static void
check_parameter(struct check *c, json_t *p, const char *where,
    const char *template, json_t *used)
{
	const char *in, *name;
	char want[300], at[WHERE_MAX];

	p = check_deref(c, p, where);
	if (p == NULL)
		return;
	in = json_string_value(json_object_get(p, "in"));
	name = json_string_value(json_object_get(p, "name"));
	if (in == NULL || name == NULL || (strcmp(in, "query") != 0 &&
	    strcmp(in, "path") != 0 && strcmp(in, "header") != 0 &&
	    strcmp(in, "cookie") != 0)) {
		check_problem(c, where, "a parameter needs a name and in");
		return;
	}
	if (strcmp(in, "path") == 0) {
		snprintf(want, sizeof(want), "{%s}", name);
		if (strstr(template, want) == NULL)
			check_problem(c, where, "path parameter %s is not in "
			    "the path", name);
		if (!json_is_true(json_object_get(p, "required")))
			check_problem(c, where, "path parameter %s must be "
			    "required", name);
	}
	if (json_object_get(p, "schema") == NULL)
		check_problem(c, where, "parameter %s has no schema", name);
	else {
		check_where(at, where, "%s/%s", "schema", 0);
		check_schema(c, json_object_get(p, "schema"), at, used);
	}
}

/* Each {name} of the template is a path parameter of the operation. */
static void
check_template(struct check *c, const char *template, json_t *item, json_t *op,
    const char *where)
{
	const char *p = template, *end;
	json_t *lists[2] = { json_object_get(item, "parameters"),
	    json_object_get(op, "parameters") }, *x;
	size_t i, k;

	while ((p = strchr(p, '{')) != NULL && (end = strchr(p, '}')) != NULL) {
		bool found = false;
		for (k = 0; k < 2; k++)
			json_array_foreach(lists[k], i, x) {
				const char *name, *in;
				x = check_deref(c, x, where);
				name = json_string_value(json_object_get(x, "name"));
				in = json_string_value(json_object_get(x, "in"));
				if (name != NULL && in != NULL &&
				    strcmp(in, "path") == 0 &&
				    strlen(name) == (size_t)(end - p - 1) &&
				    strncmp(name, p + 1, (size_t)(end - p - 1)) == 0)
					found = true;
			}
		if (!found)
			check_problem(c, where, "%.*s has no path parameter",
			    (int)(end - p + 1), p);
		p = end + 1;
	}
}

static void
check_response(struct check *c, json_t *r, const char *where, json_t *used)
{
	const char *key;
	char at[WHERE_MAX];
	json_t *x, *m;

	r = check_deref(c, r, where);
	if (r == NULL)
		return;
	if (!json_is_string(json_object_get(r, "description")))
		check_problem(c, where, "a response needs a description");
	json_object_foreach(json_object_get(r, "content"), key, m) {
		check_where(at, where, "%s/content/%s", key, 0);
		if ((x = json_object_get(m, "schema")) == NULL)
			check_problem(c, at, "no schema");
		else
			check_schema(c, x, at, used);
	}
	json_object_foreach(json_object_get(r, "headers"), key, x) {
		check_where(at, where, "%s/headers/%s", key, 0);
		x = check_deref(c, x, at);
		if (x != NULL && json_object_get(x, "schema") != NULL)
			check_schema(c, json_object_get(x, "schema"), at, used);
	}
}

static int
check_lint(struct check *c)
{
	json_t *doc = c->doc, *paths = json_object_get(doc, "paths");
	json_t *info = json_object_get(doc, "info"), *used = json_object();
	json_t *ids = json_object(), *item, *op, *x, *schemas;
	const char *template, *key, *version;
	char at[WHERE_MAX];
	size_t i;
	int k;

	version = json_string_value(json_object_get(doc, "openapi"));
	if (version == NULL || strncmp(version, "3.1.", 4) != 0)
		check_problem(c, "openapi", "not an OpenAPI 3.1 document");
	if (!json_is_string(json_object_get(info, "title")) ||
	    !json_is_string(json_object_get(info, "version")))
		check_problem(c, "info", "needs a title and a version");
	if (!json_is_object(paths) || json_object_size(paths) == 0)
		check_problem(c, "paths", "no paths");
	check_refs(c, doc, "#");
	json_object_foreach(paths, template, item) {
		snprintf(at, sizeof(at), "paths %s", template);
		if (template[0] != '/')
			check_problem(c, at, "a path begins with /");
		json_array_foreach(json_object_get(item, "parameters"), i, x)
			check_parameter(c, x, at, template, used);
		json_object_foreach(item, key, op) {
			for (k = 0; check_methods[k] != NULL; k++)
				if (strcmp(key, check_methods[k]) == 0)
					break;
			if (check_methods[k] == NULL)
				continue;
			snprintf(at, sizeof(at), "%s %s", key, template);
			check_template(c, template, item, op, at);
			json_array_foreach(json_object_get(op, "parameters"), i, x)
				check_parameter(c, x, at, template, used);
			x = json_object_get(op, "operationId");
			if (x != NULL) {
				if (json_object_get(ids, json_string_value(x)))
					check_problem(c, at, "operationId %s is "
					    "not unique", json_string_value(x));
				json_object_set_new(ids, json_string_value(x),
				    json_true());
			}
			x = json_object_get(op, "responses");
			if (!json_is_object(x) || json_object_size(x) == 0)
				check_problem(c, at, "no responses");
			json_object_foreach(x, key, op) {
				char rat[WHERE_MAX];
				if (strcmp(key, "default") != 0 && (strlen(key) != 3 ||
				    strspn(key, "0123456789X") != 3))
					check_problem(c, at, "response %s is not "
					    "a status", key);
				snprintf(rat, sizeof(rat), "%.900s %s", at, key);
				check_response(c, op, rat, used);
			}
		}
	}
	/* The component schemas: each in the subset; and each used, counting
	 * those used by used ones. */
	schemas = json_object_get(json_object_get(doc, "components"), "schemas");
	for (k = 0; k < 64; k++) {
		json_t *seen = json_deep_copy(used);
		json_object_foreach(seen, key, x) {
			json_t *s = json_object_get(schemas, key);
			int p = c->problems;
			snprintf(at, sizeof(at), "#/components/schemas/%s", key);
			c->quiet++;	/* reported once, below */
			if (s != NULL)
				check_schema(c, s, at, used);
			c->quiet--;
			c->problems = p;
		}
		i = json_object_size(seen);
		json_decref(seen);
		if (json_object_size(used) == i)
			break;
	}
	json_object_foreach(schemas, key, x) {
		snprintf(at, sizeof(at), "#/components/schemas/%s", key);
		check_schema(c, x, at, used);
		if (json_object_get(used, key) == NULL)
			check_problem(c, at, "is not used");
	}
	json_decref(used);
	json_decref(ids);
	return c->problems > 0;
}

/* ---- requests ------------------------------------------------------------ */

static void
check_encode(FILE *out, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char ch = (unsigned char)*s;
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || strchr("-._~", ch) != NULL)
			fputc(ch, out);
		else
			fprintf(out, "%%%02X", ch);
	}
}

/* A parameter's value: PATH:NAME=VALUE for this path, else NAME=VALUE,
 * from the command line; else its example. */
static const char *
check_param_value(const char *template, json_t *p, int argc, char **argv)
{
	const char *name = json_string_value(json_object_get(p, "name"));
	size_t n = strlen(name), t = strlen(template);
	int i;

	for (i = 0; i < argc; i++)
		if (strncmp(argv[i], template, t) == 0 && argv[i][t] == ':' &&
		    strncmp(argv[i] + t + 1, name, n) == 0 &&
		    argv[i][t + 1 + n] == '=')
			return argv[i] + t + n + 2;
	for (i = 0; i < argc; i++)
		if (strncmp(argv[i], name, n) == 0 && argv[i][n] == '=')
			return argv[i] + n + 1;
	return json_string_value(json_object_get(p, "example"));
}

/* The path with its parameters filled in; false when one has no value. */
static bool
check_fill(struct check *c, const char *template, json_t *item, char *out,
    size_t size, int argc, char **argv)
{
	FILE *f = fmemopen(out, size, "w");
	const char *p = template, *end;
	json_t *x;
	size_t i;
	bool ok = true;

	while (*p != '\0') {
		if (*p != '{' || (end = strchr(p, '}')) == NULL) {
			fputc(*p++, f);
			continue;
		}
		const char *value = NULL;
		json_array_foreach(json_object_get(item, "parameters"), i, x) {
			const char *name;
			x = check_deref(c, x, template);
			name = json_string_value(json_object_get(x, "name"));
			if (name != NULL && strlen(name) == (size_t)(end - p - 1) &&
			    strncmp(name, p + 1, (size_t)(end - p - 1)) == 0)
				value = check_param_value(template, x, argc, argv);
		}
		if (value == NULL) {
			fprintf(stderr, "%s: no value for %.*s\n", template,
			    (int)(end - p + 1), p);
			ok = false;
		} else
			check_encode(f, value);
		p = end + 1;
	}
	fclose(f);
	return ok;
}

/* True for a query parameter (after $ref): the others (If-None-Match …)
 * are headers, not part of a URL. */
static bool
check_in_query(struct check *c, json_t **p, const char *template)
{
	const char *in;

	*p = check_deref(c, *p, template);
	in = *p != NULL ? json_string_value(json_object_get(*p, "in")) : NULL;
	return in != NULL && strcmp(in, "query") == 0;
}

static int
check_requests(struct check *c, int argc, char **argv)
{
	json_t *paths = json_object_get(c->doc, "paths"), *item, *params, *p;
	const char *template;
	char path[2048];
	size_t i, j, n;
	int status = 0;

	json_object_foreach(paths, template, item) {
		json_t *get = json_object_get(item, "get");
		if (get == NULL)
			continue;
		if (!check_fill(c, template, item, path, sizeof(path), argc,
		    argv)) {
			status = 1;
			continue;
		}
		printf("%s\t%s\n", template, path);
		params = json_object_get(get, "parameters");
		n = 0;
		json_array_foreach(params, i, p) {
			const char *v;
			if (!check_in_query(c, &p, template))
				continue;
			n++;
			v = check_param_value(template, p, argc, argv);
			if (v == NULL) {
				fprintf(stderr, "%s: no value for %s\n", template,
				    json_string_value(json_object_get(p, "name")));
				status = 1;
				continue;
			}
			printf("%s\t%s?%s=", template, path,
			    json_string_value(json_object_get(p, "name")));
			check_encode(stdout, v);
			putchar('\n');
		}
		if (n < 2)
			continue;
		printf("%s\t%s", template, path);
		n = 0;
		json_array_foreach(params, j, p) {
			const char *v;
			if (!check_in_query(c, &p, template))
				continue;
			v = check_param_value(template, p, argc, argv);
			printf("%c%s=", n++ == 0 ? '?' : '&',
			    json_string_value(json_object_get(p, "name")));
			check_encode(stdout, v != NULL ? v : "");
		}
		putchar('\n');
	}
	return status;
}

static int
check_params(struct check *c, const char *template)
{
	json_t *get = json_object_get(json_object_get(json_object_get(c->doc,
	    "paths"), template), "get"), *p;
	size_t i;

	if (get == NULL) {
		fprintf(stderr, "%s: no GET\n", template);
		return 1;
	}
	json_array_foreach(json_object_get(get, "parameters"), i, p) {
		p = check_deref(c, p, template);
		if (p == NULL || strcmp(json_string_value(json_object_get(p,
		    "in")), "query") != 0)
			continue;
		printf("%s\t%s\n", json_string_value(json_object_get(p, "name")),
		    json_is_true(json_object_get(p, "allowEmptyValue")) ?
		    "empty" : "value");
	}
	return 0;
}

/* ---- answers ------------------------------------------------------------- */

/* The value of header `name` in a curl -D file (the last one), or NULL. */
static char *
check_header(const char *file, const char *name)
{
	FILE *f = fopen(file, "r");
	char line[4096], *value = NULL;
	size_t n = strlen(name);

	if (f == NULL) {
		perror(file);
		exit(2);
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		char *v;
		if (strncasecmp(line, name, n) != 0 || line[n] != ':')
			continue;
		v = line + n + 1;
		v += strspn(v, " \t");
		v[strcspn(v, "\r\n")] = '\0';
		free(value);
		value = strdup(v);
	}
	fclose(f);
	return value;
}

static int
check_answer(struct check *c, const char *template, const char *method,
    const char *status, const char *headers, const char *body)
{
	json_t *op = json_object_get(json_object_get(json_object_get(c->doc,
	    "paths"), template), method), *r, *content, *media, *x, *v;
	char where[WHERE_MAX], *type, *value;
	const char *key;
	FILE *f;
	long size;

	snprintf(where, sizeof(where), "%s %s %s", method, template, status);
	if (op == NULL) {
		check_problem(c, where, "the document has no such operation");
		return 1;
	}
	r = json_object_get(json_object_get(op, "responses"), status);
	if (r == NULL)
		r = json_object_get(json_object_get(op, "responses"), "default");
	if (r == NULL) {
		check_problem(c, where, "the status is not documented");
		return 1;
	}
	r = check_deref(c, r, where);
	if (r == NULL)
		return 1;
	json_object_foreach(json_object_get(r, "headers"), key, x) {
		char at[WHERE_MAX];
		snprintf(at, sizeof(at), "%.900s header %s", where, key);
		x = check_deref(c, x, at);
		value = check_header(headers, key);
		if (value == NULL) {
			check_problem(c, at, "is documented but not sent");
			continue;
		}
		v = json_string(value);
		if (v != NULL && x != NULL && json_object_get(x, "schema"))
			check_value(c, json_object_get(x, "schema"), v, at);
		json_decref(v);
		free(value);
	}
	f = fopen(body, "rb");
	if (f == NULL) {
		perror(body);
		return 2;
	}
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fclose(f);
	content = json_object_get(r, "content");
	if (content == NULL) {
		if (size > 0)
			check_problem(c, where, "a body (%ld bytes) where the "
			    "response documents none", size);
		return c->problems > 0;
	}
	type = check_header(headers, "Content-Type");
	if (type == NULL) {
		check_problem(c, where, "no Content-Type");
		return 1;
	}
	type[strcspn(type, ";")] = '\0';
	media = json_object_get(content, type);
	if (media == NULL)
		check_problem(c, where, "Content-Type %s is not documented", type);
	else {
		v = check_load(body);
		check_value(c, json_object_get(media, "schema"), v, "$");
		json_decref(v);
	}
	free(type);
	return c->problems > 0;
}

int
main(int argc, char **argv)
{
	struct check c = { NULL, 0, 0 };
	int rc;

	if (argc < 3) {
		fprintf(stderr, "usage: openapi_check lint|requests|response|"
		    "validate DOC ...\n");
		return 2;
	}
	c.doc = check_load(argv[2]);
	if (strcmp(argv[1], "lint") == 0 && argc == 3)
		rc = check_lint(&c);
	else if (strcmp(argv[1], "requests") == 0)
		rc = check_requests(&c, argc - 3, argv + 3);
	else if (strcmp(argv[1], "params") == 0 && argc == 4)
		rc = check_params(&c, argv[3]);
	else if (strcmp(argv[1], "response") == 0 && argc == 8)
		rc = check_answer(&c, argv[3], argv[4], argv[5], argv[6],
		    argv[7]);
	else if (strcmp(argv[1], "validate") == 0 && argc == 5) {
		char ref[300];
		json_t *schema, *v = check_load(argv[4]);
		snprintf(ref, sizeof(ref), "{\"$ref\": \"#/components/schemas/%s\"}",
		    argv[3]);
		schema = json_loads(ref, 0, NULL);
		check_value(&c, schema, v, "$");
		json_decref(schema);
		json_decref(v);
		rc = c.problems > 0;
	} else {
		fprintf(stderr, "openapi_check: unknown command or arguments\n");
		rc = 2;
	}
	if (c.problems > 30)
		fprintf(stderr, "… %d problems in all\n", c.problems);
	json_decref(c.doc);
	return rc;
}
