/*
 * json_get FILE PATH...: prints the JSON value at each PATH, one a line, so that
 * shell tests can check JSON output without python or jq. A PATH is keys and
 * array indices joined by dots: results.0.assessment.verdict. Strings print as
 * they are, numbers in their shortest round-trip form, null/true/false as such, an array as "array N",
 * an object as "object N". FILE "-" reads standard input. Exit 1 when a path is
 * not there (prints "missing"), 2 when the input is not JSON.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *
json_get_path(json_t *v, const char *path)
{
	char *copy = strdup(path), *part, *save = NULL, *end;

	for (part = strtok_r(copy, ".", &save); part != NULL && v != NULL;
	    part = strtok_r(NULL, ".", &save)) {
		if (json_is_array(v)) {
			long i = strtol(part, &end, 10);

			v = *end == '\0' && i >= 0 ? json_array_get(v, (size_t)i) :
			    NULL;
		} else if (json_is_object(v)) {
			v = json_object_get(v, part);
		} else {
			v = NULL;
		}
	}
	free(copy);
	return v;
}

/* The shortest of %.15g, %.16g, %.17g that reads back the same. */
static void
json_get_real(double x)
{
	char text[64];
	int p;

	for (p = 15; p < 17; p++) {
		snprintf(text, sizeof(text), "%.*g", p, x);
		if (strtod(text, NULL) == x)
			break;
	}
	snprintf(text, sizeof(text), "%.*g", p, x);
	printf("%s\n", text);
}

int
main(int argc, char **argv)
{
	json_error_t err;
	json_t *doc, *v;
	int i, status = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: json_get FILE|- PATH...\n");
		return 2;
	}
	doc = strcmp(argv[1], "-") == 0 ? json_loadf(stdin, 0, &err) :
	    json_load_file(argv[1], 0, &err);
	if (doc == NULL) {
		fprintf(stderr, "json_get: %s:%d:%d: %s\n", argv[1], err.line,
		    err.column, err.text);
		return 2;
	}
	for (i = 2; i < argc; i++) {
		v = json_get_path(doc, argv[i]);
		if (v == NULL) {
			printf("missing\n");
			status = 1;
		} else if (json_is_string(v)) {
			printf("%s\n", json_string_value(v));
		} else if (json_is_integer(v)) {
			printf("%lld\n", (long long)json_integer_value(v));
		} else if (json_is_real(v)) {
			json_get_real(json_real_value(v));
		} else if (json_is_null(v)) {
			printf("null\n");
		} else if (json_is_boolean(v)) {
			printf("%s\n", json_is_true(v) ? "true" : "false");
		} else if (json_is_array(v)) {
			printf("array %zu\n", json_array_size(v));
		} else {
			printf("object %zu\n", json_object_size(v));
		}
	}
	json_decref(doc);
	return status;
}
