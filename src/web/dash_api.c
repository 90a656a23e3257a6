/* The JSON API over the dashboard (see dash.h): the indicators, one
 * indicator with its targets and assessment, and its observations. Numbers
 * are written with 15 significant digits, which give back the decimal text
 * that was imported (files hold at most 15). */
#include "web/dash.h"

#include <stdlib.h>
#include <string.h>

#include "store/observations.h"
#include "util/xalloc.h"
#include "web/api.h"

static json_t *
dash_api_text(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *
dash_api_titles(const char *de, const char *en)
{
	return json_pack("{s:o,s:o}", "de", dash_api_text(de), "en",
	    dash_api_text(en));
}

static json_t *
dash_api_latest(const struct dashboard_series *s)
{
	const struct period *p;
	char text[PERIOD_TEXT_MAX];
	double v;

	if (!dashboard_latest(s, &v, &p))
		return json_null();
	period_format(p, text);
	return json_pack("{s:s,s:f}", "period", text, "value", v);
}

static json_t *
dash_api_list(const char *const *items, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_string(items[i]));
	return a;
}

static json_t *
dash_api_weather(const struct dashboard_indicator *di)
{
	if (di->status != EXPLAIN_ASSESSED)
		return json_null();
	return json_string(explain_verdict_names[di->weather.verdict]);
}

static void
dash_api_send(struct http_response *resp, json_t *doc)
{
	char *text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(15));

	json_decref(doc);
	buf_reset(&resp->body);
	if (text != NULL) {
		buf_puts(&resp->body, text);
		buf_putc(&resp->body, '\n');
		free(text);
	}
	resp->content_type = "application/json";
	resp->cache_control = "no-cache";
	resp->cors = true;
}

static int
dash_api_load(const struct http_request *req, struct http_response *resp,
    const char *only, struct dashboard *d)
{
	struct error e;
	struct db *db = http_database(req, &e);

	if (db == NULL) {
		api_error(resp, 503, "the database cannot be read");
		return -1;
	}
	if (dashboard_load(db, only, d, &e) == -1) {
		api_error(resp, 500, e.message);
		return -1;
	}
	return 0;
}

void
dash_api_indicators(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	struct dashboard d;
	json_t *list;
	size_t i;

	if (dash_api_load(req, resp, NULL, &d) == -1)
		return;
	list = json_array();
	for (i = 0; i < d.catalog.indicator_count; i++) {
		const struct dashboard_indicator *di = &d.indicators[i];
		const struct indicator *ind = di->indicator;
		struct buf href = BUF_INIT;

		buf_puts(&href, "/api/v1/");
		dash_path(&href, "indicators", ind->code);
		json_array_append_new(list, json_pack(
		    "{s:s,s:o,s:o,s:i,s:i,s:o,s:o,s:o,s:s}",
		    "code", ind->code,
		    "title", dash_api_titles(ind->title_de, ind->title_en),
		    "unit", dash_api_text(ind->unit),
		    "decimals", ind->decimals,
		    "polarity", ind->polarity,
		    "goals", dash_api_list(ind->goals, ind->goal_count),
		    "weather", dash_api_weather(di),
		    "latest", dash_api_latest(&di->home),
		    "href", buf_cstr(&href)));
		buf_free(&href);
	}
	dash_api_send(resp, json_pack("{s:o,s:o}", "region", d.home != NULL ?
	    json_string(d.home->code) : json_null(), "indicators", list));
	dashboard_free(&d);
}

static json_t *
dash_api_targets(const struct indicator *ind)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < ind->target_count; i++) {
		const struct target_version *t = &ind->targets[i];
		json_array_append_new(a, json_pack(
		    "{s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
		    "code", t->code,
		    "kind", model_target_kind_names[t->kind],
		    "value", t->has_value ? json_real(t->value) : json_null(),
		    "low", t->has_low ? json_real(t->low) : json_null(),
		    "high", t->has_high ? json_real(t->high) : json_null(),
		    "year", t->year != 0 ? json_integer(t->year) : json_null(),
		    "reference_region", dash_api_text(t->reference_region),
		    "valid_from", dash_api_text(t->valid_from),
		    "valid_to", dash_api_text(t->valid_to)));
	}
	return a;
}

static json_t *
dash_api_sentence(const struct dashboard_indicator *di, const char *lang)
{
	struct explain_subject subject;
	json_t *s;
	char *text;
	size_t need;

	memset(&subject, 0, sizeof(subject));
	subject.name = strcmp(lang, "en") == 0 && di->indicator->title_en != NULL ?
	    di->indicator->title_en : di->indicator->title_de;
	subject.unit = di->indicator->unit != NULL &&
	    strcmp(di->indicator->unit, "percent") == 0 ? "%" :
	    di->indicator->unit;
	subject.decimals = di->indicator->decimals;
	need = explain_sentence(&di->weather, &subject, lang, NULL, 0);
	text = xmalloc(need + 1);
	explain_sentence(&di->weather, &subject, lang, text, need + 1);
	s = json_string(text);
	free(text);
	return s != NULL ? s : json_null();
}

void
dash_api_indicator(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	struct dashboard d;
	struct dashboard_indicator *di;
	const struct indicator *ind;
	const struct explain *x;
	json_t *values;
	size_t i;

	if (dash_api_load(req, resp, m->params[0], &d) == -1)
		return;
	di = dashboard_find(&d, m->params[0]);
	if (di == NULL) {
		dashboard_free(&d);
		api_error(resp, 404, "no such indicator");
		return;
	}
	ind = di->indicator;
	x = &di->weather;
	values = json_object();
	for (i = 0; i < x->value_count; i++)
		json_object_set_new(values,
		    explain_quantity_names[x->values[i].quantity],
		    json_real(x->values[i].value));
	dash_api_send(resp, json_pack(
	    "{s:s,s:o,s:o,s:o,s:i,s:i,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
	    "code", ind->code,
	    "title", dash_api_titles(ind->title_de, ind->title_en),
	    "definition", dash_api_titles(ind->definition_de, ind->definition_en),
	    "unit", dash_api_text(ind->unit),
	    "decimals", ind->decimals,
	    "polarity", ind->polarity,
	    "source", dash_api_text(ind->source),
	    "source_url", dash_api_text(ind->source_url),
	    "reference_region", dash_api_text(ind->reference_region),
	    "goals", dash_api_list(ind->goals, ind->goal_count),
	    "sdgs", dash_api_list(ind->sdgs, ind->sdg_count),
	    "targets", dash_api_targets(ind),
	    "latest", dash_api_latest(&di->home),
	    "assessment", json_pack("{s:s,s:o,s:o,s:o,s:o,s:o,s:o}",
		"method", "dns",
		"version", dash_api_text(x->version),
		"verdict", dash_api_weather(di),
		"reason", x->reason != EXPLAIN_REASON_NONE ?
		    json_string(explain_reason_names[x->reason]) : json_null(),
		"sentence_de", dash_api_sentence(di, "de"),
		"sentence_en", dash_api_sentence(di, "en"),
		"values", values),
	    "observations", json_sprintf("/api/v1/indicators/%s/observations",
		m->params[0])));
	dashboard_free(&d);
}

struct dash_api_rows {
	json_t	*list;
};

static int
dash_api_row(const struct observation_row *row, void *arg)
{
	struct dash_api_rows *r = arg;

	json_array_append_new(r->list, json_pack("{s:s,s:s,s:s,s:o,s:s}",
	    "region", row->region,
	    "dims", row->dims != NULL ? row->dims : "",
	    "period", row->period,
	    "value", row->has_value ? json_real(row->value) : json_null(),
	    "flag", row->flag != NULL ? row->flag : ""));
	return 0;
}

void
dash_api_observations(const struct http_request *req,
    struct http_response *resp, const struct route_match *m)
{
	struct observations_query q;
	struct dash_api_rows rows;
	struct error e;
	struct db *db = http_database(req, &e);
	long long id;
	int found;

	if (db == NULL) {
		api_error(resp, 503, "the database cannot be read");
		return;
	}
	found = observations_indicator_id(db, m->params[0], &id, &e);
	if (found <= 0) {
		api_error(resp, found == 0 ? 404 : 500, found == 0 ?
		    "no such indicator" : e.message);
		return;
	}
	memset(&q, 0, sizeof(q));
	q.indicator = m->params[0];
	q.region = http_query(req, "region");
	q.dims = http_query(req, "dims");
	q.from = http_query(req, "from");
	q.to = http_query(req, "to");
	rows.list = json_array();
	if (observations_query(db, &q, dash_api_row, &rows, &e) == -1) {
		json_decref(rows.list);
		api_error(resp, 400, e.message);
		return;
	}
	dash_api_send(resp, json_pack("{s:s,s:o,s:o,s:o,s:o,s:o}",
	    "indicator", m->params[0],
	    "region", dash_api_text(q.region),
	    "dims", dash_api_text(q.dims),
	    "from", dash_api_text(q.from),
	    "to", dash_api_text(q.to),
	    "observations", rows.list));
}
