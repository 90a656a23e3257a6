/* Unit tests of web/openapi and the router's query check over the real route
 * table (site_routes_table): every API route is in the OpenAPI document
 * under its named path, every documented path is a route, each {} has its
 * path parameter, every schema a route names exists, /api/v1 lists the same
 * paths, and the router refuses what a route does not take. The HTTP side
 * (real answers against the document) is tests/http/openapi.sh. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "web/api.h"
#include "web/openapi.h"
#include "web/router.h"
#include "web/site.h"

static json_t *
load_document(void)
{
	struct error e;
	json_t *doc = openapi_document(site_routes_table(), "test", &e);

	if (doc == NULL)
		fail_msg("openapi_document: %s", e.message);
	return doc;
}

static size_t
count_holes(const char *pattern)
{
	size_t n = 0;

	for (; (pattern = strstr(pattern, "{}")) != NULL; pattern += 2)
		n++;
	return n;
}

static void
test_document_shape(void **state)
{
	json_t *doc = load_document();

	assert_string_equal(json_string_value(json_object_get(doc, "openapi")),
	    OPENAPI_VERSION);
	assert_string_equal(json_string_value(json_object_get(
	    json_object_get(doc, "info"), "version")), "test");
	assert_true(json_is_object(json_object_get(json_object_get(doc,
	    "components"), "schemas")));
	/* Generated from the name tables: both "moderate_progress" verdicts
	 * (Eurostat's and Open SDG's) appear once. */
	json_t *verdicts = json_object_get(json_object_get(json_object_get(
	    json_object_get(doc, "components"), "schemas"), "Verdict"), "enum");
	size_t i, moderate = 0;
	json_t *v;
	json_array_foreach(verdicts, i, v)
		moderate += strcmp(json_string_value(v), "moderate_progress") == 0;
	assert_int_equal(moderate, 1);
	assert_true(json_array_size(verdicts) > 10);
	json_decref(doc);
}

/* Every route under /api/ is documented or an alias of the route before it;
 * every other route is not; each documented path is in the document. */
static void
test_routes_documented(void **state)
{
	json_t *doc = load_document(), *paths = json_object_get(doc, "paths");
	const struct route *r, *first = site_routes_table();
	struct buf path = BUF_INIT;
	size_t documented = 0;

	for (r = first; r->pattern != NULL; r++) {
		if (!router_is_api(r->pattern)) {
			assert_null(r->api);
			continue;
		}
		if (r->api == NULL)
			fail_msg("API route %s has no description", r->pattern);
		if (r->alias) {
			assert_true(r > first);
			assert_ptr_equal(r->api, r[-1].api);
			continue;
		}
		buf_reset(&path);
		openapi_path(r, &path);
		if (json_object_get(paths, buf_cstr(&path)) == NULL)
			fail_msg("%s is not in the document", buf_cstr(&path));
		assert_null(strstr(buf_cstr(&path), "{}"));
		documented++;
	}
	assert_int_equal(json_object_size(paths), documented);
	assert_true(documented >= 8);
	buf_free(&path);
	json_decref(doc);
}

static void
assert_schema(json_t *schemas, const char *name, const char *where)
{
	if (name == NULL || json_object_get(schemas, name) == NULL)
		fail_msg("%s: schema %s is not in the components", where,
		    name != NULL ? name : "(none)");
}

/* Path parameters match the {} of the pattern; every schema exists; every
 * operation has an id, a summary and a 200 schema. */
static void
test_route_descriptions(void **state)
{
	json_t *doc = load_document();
	json_t *schemas = json_object_get(json_object_get(doc, "components"),
	    "schemas");
	const struct route *r;
	size_t k, in_path;

	for (r = site_routes_table(); r->pattern != NULL; r++) {
		if (r->api == NULL)
			continue;
		assert_non_null(r->api->id);
		assert_non_null(r->api->summary);
		assert_schema(schemas, r->api->schema, r->pattern);
		in_path = 0;
		for (k = 0; k < ROUTE_API_PARAMS_MAX &&
		    r->api->params[k].name != NULL; k++) {
			const struct route_param *p = &r->api->params[k];
			in_path += p->in_path;
			assert_non_null(p->description);
			assert_non_null(p->example);
			assert_schema(schemas, p->schema, p->name);
		}
		assert_int_equal(in_path, count_holes(r->pattern));
		for (k = 0; k < ROUTE_API_STATUSES_MAX &&
		    r->api->statuses[k].status != 0; k++) {
			int s = r->api->statuses[k].status;
			assert_true(s >= 400 && s != 400 && s != 405);
			assert_non_null(r->api->statuses[k].description);
			assert_schema(schemas, r->api->statuses[k].schema != NULL ?
			    r->api->statuses[k].schema : "Error", r->pattern);
		}
	}
	json_decref(doc);
}

/* ---- a request with a query, for the router and /api/v1 ---------------- */

struct fake_query {
	const char	*pairs[16];	/* key, value (NULL: "?key" alone) */
	size_t		 count;
};

static const char *
fake_value(void *arg, const char *key)
{
	struct fake_query *q = arg;
	size_t i;

	for (i = 0; i < q->count; i++)
		if (strcmp(q->pairs[2 * i], key) == 0)
			return q->pairs[2 * i + 1];
	return NULL;
}

static size_t
fake_keys(void *arg, const char **keys, size_t max)
{
	struct fake_query *q = arg;
	size_t i;

	for (i = 0; i < q->count && i < max; i++)
		keys[i] = q->pairs[2 * i];
	return q->count;
}

static const struct route_api *
api_of(const char *pattern)
{
	const struct route *r;

	for (r = site_routes_table(); r->pattern != NULL; r++)
		if (strcmp(r->pattern, pattern) == 0)
			return r->api;
	fail_msg("no route %s", pattern);
	return NULL;
}

static int
check_query(const char *pattern, struct fake_query *q, char *message)
{
	struct http_request req;

	memset(&req, 0, sizeof(req));
	req.method = HTTP_GET;
	req.path = pattern;
	req.query = fake_value;
	req.query_keys = fake_keys;
	req.arg = q;
	return router_check_query(api_of(pattern), &req, message, 256);
}

static void
test_query_check(void **state)
{
	const char *observations = "/api/v1/indicators/{}/observations";
	char message[256], long_value[200];
	struct fake_query q = { { "region", "05512000", "from", "2019", "to",
	    "2024", "dims", "" }, 4 };

	assert_int_equal(check_query(observations, &q, message), 0);
	/* An unknown parameter: 400, saying which ones there are. */
	q.pairs[8] = "regoin";
	q.pairs[9] = "x";
	q.count = 5;
	assert_int_equal(check_query(observations, &q, message), -1);
	assert_string_equal(message, "unknown query parameter 'regoin' (this "
	    "endpoint takes region, dims, from and to)");
	/* The code is a path parameter, not a query one. */
	q.pairs[8] = "code";
	assert_int_equal(check_query(observations, &q, message), -1);
	/* Given twice. */
	q.pairs[8] = "from";
	assert_int_equal(check_query(observations, &q, message), -1);
	assert_string_equal(message, "from is given twice");
	/* Empty: only where allowed (dims= is the series without breakdown). */
	q.count = 4;
	q.pairs[1] = "";
	assert_int_equal(check_query(observations, &q, message), -1);
	assert_string_equal(message,
	    "region: give a value, or leave the parameter out");
	q.pairs[1] = NULL;	/* "?region" without = */
	assert_int_equal(check_query(observations, &q, message), -1);
	/* Too long, and not UTF-8. */
	memset(long_value, 'a', sizeof(long_value) - 1);
	long_value[sizeof(long_value) - 1] = '\0';
	q.pairs[1] = long_value;
	assert_int_equal(check_query(observations, &q, message), -1);
	long_value[ROUTE_PARAM_MAX] = '\0';		/* 128 bytes */
	assert_int_equal(check_query(observations, &q, message), -1);
	assert_string_equal(message, "region: the value is longer than 127 "
	    "bytes");
	long_value[ROUTE_PARAM_MAX - 1] = '\0';	/* 127 */
	assert_int_equal(check_query(observations, &q, message), 0);
	q.pairs[1] = "\xff";
	assert_int_equal(check_query(observations, &q, message), -1);
	assert_string_equal(message, "region: the value is not UTF-8");
	/* A route without query parameters takes none. */
	q.pairs[1] = "05512000";
	q.count = 1;
	assert_int_equal(check_query("/api/v1/health", &q, message), -1);
	assert_string_equal(message, "unknown query parameter 'region' (this "
	    "endpoint takes no parameters)");
	q.count = 0;
	assert_int_equal(check_query("/api/v1/health", &q, message), 0);
}

/* GET /api/v1 lists exactly the document's paths, in the table's order. */
static void
test_index_lists_paths(void **state)
{
	json_t *doc = load_document(), *paths = json_object_get(doc, "paths");
	json_t *index, *endpoints, *v;
	struct http_request req;
	struct http_response resp;
	struct fake_query q = { { NULL }, 0 };
	const char *key;
	size_t i = 0;

	memset(&req, 0, sizeof(req));
	req.method = HTTP_GET;
	req.path = "/api/v1";
	req.query = fake_value;
	req.query_keys = fake_keys;
	req.arg = &q;
	http_response_init(&resp);
	site_handle(&req, &resp);
	assert_int_equal(resp.status, 200);
	index = json_loadb(resp.body.data, resp.body.len, 0, NULL);
	assert_non_null(index);
	endpoints = json_object_get(index, "endpoints");
	assert_int_equal(json_array_size(endpoints), json_object_size(paths));
	json_object_foreach(paths, key, v)
		assert_string_equal(json_string_value(json_array_get(endpoints,
		    i++)), key);
	json_decref(index);
	http_response_free(&resp);
	/* And a query it does not take is a JSON 400. */
	q.pairs[0] = "lang";
	q.pairs[1] = "en";
	q.count = 1;
	http_response_init(&resp);
	site_handle(&req, &resp);
	assert_int_equal(resp.status, 400);
	assert_string_equal(resp.content_type, "application/json");
	assert_true(resp.cors);
	http_response_free(&resp);
	json_decref(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_document_shape),
		cmocka_unit_test(test_routes_documented),
		cmocka_unit_test(test_route_descriptions),
		cmocka_unit_test(test_query_check),
		cmocka_unit_test(test_index_lists_paths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
