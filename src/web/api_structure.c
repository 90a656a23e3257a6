/* /api/v1/structure (see api_structure.h). The body is exactly what
 * `wiall structure --format json` writes for the same query, so that a
 * script may use either. */
#include "web/api_structure.h"

#include <string.h>

#include "app/structure_json.h"
#include "app/structure_view.h"
#include "web/api.h"

#define API_STRUCTURE_PARAM_MAX	128

static const char *const api_structure_params[] = {
	"indicator", "region", "reference", "from", "to"
};

/* A parameter: NULL when absent; -1 when given but empty or too long. */
static int
api_structure_param(const struct http_request *req, const char *key,
    const char **out, struct error *e)
{
	const char *v = http_query(req, key);

	*out = NULL;
	if (v == NULL)
		return 0;
	if (v[0] == '\0' || strlen(v) > API_STRUCTURE_PARAM_MAX)
		return error_set(e, "%s: give a code or period of at most %d "
		    "bytes, or leave the parameter out", key,
		    API_STRUCTURE_PARAM_MAX);
	*out = v;
	return 0;
}

void
api_structure(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	static const int codes[STRUCTURE_VIEW__MAX] = {
		[STRUCTURE_VIEW_OK] = 200,
		[STRUCTURE_VIEW_NO_DATA] = 404,
		[STRUCTURE_VIEW_BAD_QUERY] = 400,
		[STRUCTURE_VIEW_NOT_FOUND] = 404,
		[STRUCTURE_VIEW_ERROR] = 500,
	};
	const char **slot[5];
	struct structure_view_query q;
	struct structure_view v;
	enum structure_view_status st;
	struct error e;
	struct db *db;
	size_t i;

	memset(&q, 0, sizeof(q));
	slot[0] = &q.indicator;
	slot[1] = &q.region;
	slot[2] = &q.reference;
	slot[3] = &q.from;
	slot[4] = &q.to;
	for (i = 0; i < 5; i++)
		if (api_structure_param(req, api_structure_params[i], slot[i],
		    &e) == -1) {
			api_error(resp, 400, e.message);
			return;
		}
	db = http_database(req, &e);
	if (db == NULL) {
		api_error(resp, 503, "the database cannot be read");
		return;
	}
	st = structure_view_load(db, &q, &v, &e);
	if (st != STRUCTURE_VIEW_OK) {
		api_error(resp, codes[st], e.message);
		structure_view_free(&v);
		return;
	}
	buf_reset(&resp->body);
	app_structure_json_write(&v.report, &resp->body);
	resp->status = 200;
	resp->content_type = "application/json";
	resp->cache_control = "no-cache";
	resp->cors = true;
	structure_view_free(&v);
}
