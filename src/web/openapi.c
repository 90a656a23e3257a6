/* The OpenAPI document (see openapi.h). Paths come from the route table;
 * the hand-written schemas from components.json; what the code names in
 * tables (verdicts, reasons, rules, target kinds, the quantities of an
 * explanation record, structure statuses …) is added here from those
 * tables. Every GET of the API also answers HEAD (the same headers, no
 * body); the document says so once instead of doubling each operation. */
#include "web/openapi.h"

#include <string.h>

#include "app/assess.h"
#include "app/index_catalog.h"
#include "app/structure.h"
#include "core/explain.h"
#include "core/portfolio.h"
#include "core/rng.h"
#include "core/structure.h"
#include "util/embed.h"
#include "util/model.h"
#include "web/api.h"
#include "web/site.h"

extern const struct embedded_file openapi_files[];

#define OPENAPI_SCHEMAS		"#/components/schemas/"
#define OPENAPI_RESPONSES	"#/components/responses/"

static const char openapi_description[] =
    "The read-only JSON API of wiall, the monitoring instrument of a local "
    "economic alliance: the indicator catalogue with its targets, the "
    "observations, the assessments (DNS weather, Eurostat progress, Open "
    "SDG) and the economic structure.\n\n"
    "Conventions. Every GET also answers HEAD (the same headers, no body) "
    "and OPTIONS (a CORS preflight, 204). Any other method is answered 405 "
    "with an Allow header. Answers carry a strong ETag and "
    "Cache-Control: no-cache; a request with If-None-Match naming the "
    "current ETag gets 304 without a body. The answers drawn from the "
    "database also carry Last-Modified: when a write (catalogue load, "
    "import) last changed it, to the second; a request with "
    "If-Modified-Since at or after that time gets 304 too. When both are "
    "sent, If-None-Match decides and If-Modified-Since is ignored (RFC 9110 "
    "§13.2.2); a malformed date is ignored. Every answer may be read from "
    "any origin (Access-Control-Allow-Origin: *).\n\n"
    "Parameters. An endpoint takes only the query parameters it lists: "
    "any other, one given twice, an empty value (except where a parameter "
    "says so), a value longer than 127 bytes or not UTF-8 is answered 400. "
    "Codes are the catalogue's; a region may also be named by an alias.\n\n"
    "Errors are JSON: {\"error\": {\"status\": 404, \"message\": \"…\"}}.\n\n"
    "Values. A missing value is null, never 0. Periods are strings: 2019, "
    "2019-Q2, 2019-06. Dates are ISO 8601. Numbers are JSON numbers: the "
    "assessment documents and the structure report write the shortest "
    "form that reads back to the same double; the indicator and "
    "observation endpoints write 15 significant digits, which give back "
    "every value imported from a file with at most 15.";

/* A name table as a schema {"type": "string", "enum": [...]}: the names
 * from..to-1 of `names`, each once (a NULL entry names nothing). */
static json_t *
openapi_enum(const char *const *names, int from, int to, const char *text)
{
	json_t *list = json_array(), *schema;
	int i, j;

	for (i = from; i < to; i++) {
		if (names[i] == NULL)
			continue;
		for (j = from; j < i; j++)
			if (names[j] != NULL && strcmp(names[j], names[i]) == 0)
				break;
		if (j == i)
			json_array_append_new(list, json_string(names[i]));
	}
	schema = json_pack("{s:s,s:o}", "type", "string", "enum", list);
	if (text != NULL)
		json_object_set_new(schema, "description", json_string(text));
	return schema;
}

/* An explanation record's group (METHODS §1): the quantities of one role,
 * each a number, none required (a quantity the method did not use is
 * absent), no others. */
static json_t *
openapi_record_group(enum explain_role role)
{
	json_t *properties = json_object();
	int q;

	for (q = 0; q < EXPLAIN_Q__MAX; q++)
		if (explain_quantity_role((enum explain_quantity)q) == role)
			json_object_set_new(properties, explain_quantity_names[q],
			    json_pack("{s:s}", "type", "number"));
	return json_pack("{s:s,s:o,s:b}", "type", "object", "properties",
	    properties, "additionalProperties", 0);
}

/* The schemas that come from the code's name tables. */
static void
openapi_generated(json_t *schemas)
{
	static const struct {
		const char	*name;
		enum explain_role role;
	} groups[] = {
		{ "RecordParameters", EXPLAIN_ROLE_PARAMETER },
		{ "RecordObservations", EXPLAIN_ROLE_OBSERVATION },
		{ "RecordIntermediate", EXPLAIN_ROLE_INTERMEDIATE },
		{ "RecordThresholds", EXPLAIN_ROLE_THRESHOLD },
	};
	/* Enums: the name table and the range of it that is allowed. */
	static const struct {
		const char		*name;
		const char *const	*names;
		int			 from, to;
		const char		*text;
	} enums[] = {
		{ "AssessMethod", assess_method_names, 0, ASSESS_METHOD__MAX,
		    "An assessment method (docs/assess.md)." },
		{ "RecordMethod", explain_method_names,
		    0, EXPLAIN_METHOD__MAX, NULL },
		{ "AssessRule", explain_rule_names, 0, EXPLAIN_RULE__MAX,
		    "The method's branch." },
		{ "AssessStatus", explain_status_names,
		    0, EXPLAIN_STATUS__MAX, NULL },
		{ "AssessReason", explain_reason_names, 0, EXPLAIN_REASON__MAX,
		    "Why there is no verdict; none when there is one." },
		{ "Verdict", explain_verdict_names, 0, EXPLAIN_VERDICT__MAX,
		    "DNS weather, Eurostat category or Open SDG status; "
		    "none without a verdict." },
		{ "Weather", explain_verdict_names,
		    EXPLAIN_VERDICT_SUN, EXPLAIN_VERDICT_THUNDERSTORM + 1,
		    "The DNS weather symbol." },
		{ "Direction", assess_direction_names,
		    0, ASSESS_DIRECTION__MAX, NULL },
		{ "TargetKind", model_target_kind_names,
		    0, MODEL_TARGET_KIND__MAX, NULL },
		{ "Annual", model_annual_names, 0, MODEL_ANNUAL__MAX,
		    "How quarters or months make a year." },
		{ "StructureStatus", structure_status_names,
		    0, STRUCTURE_STATUS__MAX,
		    "Why a number is not computable." },
		{ "CoverageStatus", structure_coverage_names,
		    0, STRUCTURE_COVERAGE__MAX, NULL },
		{ "Quadrant", portfolio_quadrant_names,
		    0, PORTFOLIO__MAX, NULL },
		{ "ReferenceKind", structure_reference_kind_names,
		    0, STRUCTURE_REFERENCE__MAX, NULL },
		{ "LogBase", structure_base_names, 0, STRUCTURE_BASE__MAX,
		    "The logarithm's base of entropy and variety: 2 (bits) "
		    "or e." },
		{ "IndexStatus", index_catalog_status_names,
		    0, INDEX_CATALOG__MAX,
		    "ok, or why there is no result (no_data, "
		    "not_computable)." },
		{ "IndexMeasure", model_measure_names, 0, MODEL_MEASURE__MAX,
		    "What a leaf takes of its indicator." },
		{ "RngKind", rng_kind_names, 0, RNG__MAX,
		    "The random number generator of the analysis." },
		{ "LqBasis", app_structure_lq_basis_names,
		    0, APP_STRUCTURE_LQ_BASIS__MAX, NULL },
	};
	size_t i;

	for (i = 0; i < sizeof(enums) / sizeof(enums[0]); i++)
		json_object_set_new(schemas, enums[i].name, openapi_enum(
		    enums[i].names, enums[i].from, enums[i].to, enums[i].text));
	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		json_object_set_new(schemas, groups[i].name,
		    openapi_record_group(groups[i].role));
}

/* The name of the k-th path parameter, or "" (a route the unit test
 * catches). */
static const char *
openapi_path_param(const struct route_api *api, size_t k)
{
	const struct route_param *p;

	for (p = api != NULL ? api->params : NULL; p != NULL &&
	    p < api->params + ROUTE_API_PARAMS_MAX && p->name != NULL; p++)
		if (p->in_path && k-- == 0)
			return p->name;
	return "";
}

void
openapi_path(const struct route *r, struct buf *out)
{
	const char *p;
	size_t seen = 0;

	for (p = r->pattern; *p != '\0'; p++) {
		if (p[0] == '{' && p[1] == '}') {
			buf_printf(out, "{%s}", openapi_path_param(r->api,
			    seen++));
			p++;
		} else {
			buf_putc(out, *p);
		}
	}
}

static json_t *
openapi_ref(const char *prefix, const char *name)
{
	struct buf b = BUF_INIT;
	json_t *ref;

	buf_printf(&b, "%s%s", prefix, name);
	ref = json_pack("{s:s}", "$ref", buf_cstr(&b));
	buf_free(&b);
	return ref;
}

static json_t *
openapi_parameter(const struct route_param *p)
{
	json_t *o = json_pack("{s:s,s:s,s:s,s:b,s:o}", "name", p->name, "in",
	    p->in_path ? "path" : "query", "description", p->description,
	    "required", p->in_path, "schema", openapi_ref(OPENAPI_SCHEMAS,
	    p->schema));

	if (p->allow_empty)
		json_object_set_new(o, "allowEmptyValue", json_true());
	if (p->example != NULL)
		json_object_set_new(o, "example", json_string(p->example));
	return o;
}

/* A JSON body of `schema`. */
static json_t *
openapi_content(const char *content_type, const char *schema)
{
	return json_pack("{s:{s:o}}", content_type, "schema",
	    openapi_ref(OPENAPI_SCHEMAS, schema));
}

/* The GET of an API route; `data`: its answers come from the database and
 * carry Last-Modified (struct route). */
static json_t *
openapi_get(const struct route_api *api, bool data)
{
	json_t *get, *params = json_array(), *responses, *headers;
	const struct route_param *p;
	const struct route_status *s;
	char status[8];

	for (p = api->params; p < api->params + ROUTE_API_PARAMS_MAX &&
	    p->name != NULL; p++)
		if (!p->in_path)
			json_array_append_new(params, openapi_parameter(p));
	json_array_append_new(params, openapi_ref("#/components/parameters/",
	    "IfNoneMatch"));
	if (data)
		json_array_append_new(params, openapi_ref(
		    "#/components/parameters/", "IfModifiedSince"));
	headers = json_pack("{s:o,s:o,s:o}",
	    "ETag", openapi_ref("#/components/headers/", "ETag"),
	    "Cache-Control", openapi_ref("#/components/headers/", "CacheControl"),
	    "Access-Control-Allow-Origin", openapi_ref("#/components/headers/",
	    "AccessControlAllowOrigin"));
	if (data)
		json_object_set_new(headers, "Last-Modified", openapi_ref(
		    "#/components/headers/", "LastModified"));
	responses = json_pack("{s:{s:s,s:o,s:o},s:o,s:o}",
	    "200", "description", "OK", "headers", headers,
	    "content", openapi_content("application/json", api->schema),
	    "304", openapi_ref(OPENAPI_RESPONSES, data ? "NotModifiedSince" :
	    "NotModified"),
	    "400", openapi_ref(OPENAPI_RESPONSES, "BadRequest"));
	for (s = api->statuses; s < api->statuses + ROUTE_API_STATUSES_MAX &&
	    s->status != 0; s++) {
		snprintf(status, sizeof(status), "%d", s->status);
		json_object_set_new(responses, status, json_pack("{s:s,s:o}",
		    "description", s->description, "content", openapi_content(
		    "application/json", s->schema != NULL ? s->schema : "Error")));
	}
	get = json_pack("{s:s,s:s}", "operationId", api->id, "summary",
	    api->summary);
	if (api->description != NULL)
		json_object_set_new(get, "description",
		    json_string(api->description));
	json_object_set_new(get, "parameters", params);
	json_object_set_new(get, "responses", responses);
	return get;
}

static json_t *
openapi_path_item(const struct route *r)
{
	const struct route_api *api = r->api;
	static const char *const refused[] = { "post", "put", "patch", "delete" };
	json_t *item = json_object(), *path_params = json_array();
	const struct route_param *p;
	char id[96];
	size_t i;

	for (p = api->params; p < api->params + ROUTE_API_PARAMS_MAX &&
	    p->name != NULL; p++)
		if (p->in_path)
			json_array_append_new(path_params, openapi_parameter(p));
	if (json_array_size(path_params) > 0)
		json_object_set_new(item, "parameters", path_params);
	else
		json_decref(path_params);
	json_object_set_new(item, "get", openapi_get(api, r->data));
	snprintf(id, sizeof(id), "%sPreflight", api->id);
	json_object_set_new(item, "options", json_pack("{s:s,s:s,s:{s:o}}",
	    "operationId", id, "summary", "CORS preflight: reads only, from "
	    "any origin", "responses", "204", openapi_ref(OPENAPI_RESPONSES,
	    "Preflight")));
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		snprintf(id, sizeof(id), "%sRefused%c%s", api->id,
		    refused[i][0] - 'a' + 'A', refused[i] + 1);
		json_object_set_new(item, refused[i], json_pack(
		    "{s:s,s:s,s:{s:o}}", "operationId", id, "summary",
		    "Not allowed: the API is read-only", "responses", "405",
		    openapi_ref(OPENAPI_RESPONSES, "MethodNotAllowed")));
	}
	return item;
}

json_t *
openapi_document(const struct route *routes, const char *version,
    struct error *e)
{
	const struct embedded_file *f = embed_find(openapi_files,
	    "components.json");
	const struct route *r;
	json_t *components, *schemas, *paths, *doc;
	json_error_t err;
	struct buf path = BUF_INIT;

	if (f == NULL) {
		error_set(e, "components.json is not embedded");
		return NULL;
	}
	components = json_loadb((const char *)f->data, f->size, 0, &err);
	schemas = json_object_get(components, "schemas");
	if (components == NULL || !json_is_object(schemas)) {
		error_set(e, "components.json:%d:%d: %s", err.line, err.column,
		    components == NULL ? err.text : "no schemas");
		json_decref(components);
		return NULL;
	}
	openapi_generated(schemas);
	paths = json_object();
	for (r = routes; r->pattern != NULL; r++) {
		if (r->api == NULL || r->alias)
			continue;
		buf_reset(&path);
		openapi_path(r, &path);
		json_object_set_new(paths, buf_cstr(&path),
		    openapi_path_item(r));
	}
	buf_free(&path);
	doc = json_pack("{s:s,s:{s:s,s:s,s:s},s:o,s:o}",
	    "openapi", OPENAPI_VERSION,
	    "info", "title", "wiall API", "version", version != NULL &&
	    version[0] != '\0' ? version : "unknown",
	    "description", openapi_description,
	    "paths", paths,
	    "components", components);
	return doc;
}

void
openapi_handle(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	struct error e;
	json_t *doc = openapi_document(site_routes_table(), req->site != NULL ?
	    req->site->version : NULL, &e);

	if (doc == NULL) {
		api_error(resp, 500, e.message);
		return;
	}
	api_send(resp, doc);
}
