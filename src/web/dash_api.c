/* The JSON API over the dashboard (see dash.h): the indicators, one
 * indicator with its targets and full assessment records, its observations,
 * the assessments of every indicator, and the downloads. The assessments
 * are written by app/assess_json.c, byte for byte what `wiall assess
 * --format json` prints; the rest through jansson, numbers with 15
 * significant digits, which give back the decimal text that was imported
 * (files hold at most 15). */
#include "web/dash.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/assess_json.h"
#include "app/export.h"
#include "store/observations.h"
#include "util/xalloc.h"
#include "web/api.h"

#define DASH_API_DUMP	(JSON_INDENT(2) | JSON_PRESERVE_ORDER | \
			 JSON_REAL_PRECISION(15))

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
dash_api_latest(const struct dashboard_indicator *di)
{
	const struct assess_latest *l = di->result != NULL ?
	    &di->result->latest : NULL;
	char text[PERIOD_TEXT_MAX];

	if (l == NULL || !l->has)
		return json_null();
	period_format(&l->period, text);
	return json_pack("{s:s,s:f,s:s}", "period", text, "value", l->value,
	    "flags", l->flag != NULL ? l->flag : "");
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
	if (!dashboard_assessed(di))
		return json_null();
	return json_string(explain_verdict_names[dashboard_verdict(di)->verdict]);
}

static json_t *
dash_api_trend(const struct dashboard_indicator *di)
{
	if (di->result == NULL)
		return json_null();
	return json_string(assess_direction_names[di->result->trend.direction]);
}

/* Sends text that is already JSON. */
static void
dash_api_send_text(struct http_response *resp, struct buf *text)
{
	buf_reset(&resp->body);
	buf_append(&resp->body, text->data != NULL ? text->data : "", text->len);
	resp->content_type = "application/json";
	resp->cache_control = "no-cache";
	resp->cors = true;
}

static void
dash_api_send(struct http_response *resp, json_t *doc)
{
	struct buf text = BUF_INIT;
	char *dumped = json_dumps(doc, DASH_API_DUMP);

	json_decref(doc);
	if (dumped != NULL) {
		buf_puts(&text, dumped);
		buf_putc(&text, '\n');
		free(dumped);
	}
	dash_api_send_text(resp, &text);
	buf_free(&text);
}

/* The database, or a JSON error answer and NULL. */
static struct db *
dash_api_db(const struct http_request *req, struct http_response *resp)
{
	struct error e;
	struct db *db = http_database(req, &e);

	if (db == NULL)
		api_error(resp, 503, "the database cannot be read");
	return db;
}

/* Loads the dashboard in the region the query names (or the home region);
 * an unknown region is 404. */
static int
dash_api_load(const struct http_request *req, struct http_response *resp,
    const char *only, struct dashboard *d)
{
	const char *region = http_query(req, "region");
	struct db *db = dash_api_db(req, resp);
	struct error e;
	long long id;
	int found;

	if (db == NULL)
		return -1;
	if (region != NULL) {
		found = observations_region_id(db, region, &id, &e);
		if (found <= 0) {
			api_error(resp, found == 0 ? 404 : 500, found == 0 ?
			    "no such region (not in the catalogue by code or "
			    "alias)" : e.message);
			return -1;
		}
	}
	if (dashboard_load(db, only, region, d, &e) == -1) {
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
		    "{s:s,s:o,s:o,s:i,s:i,s:o,s:o,s:o,s:o,s:s}",
		    "code", ind->code,
		    "title", dash_api_titles(ind->title_de, ind->title_en),
		    "unit", dash_api_text(ind->unit),
		    "decimals", ind->decimals,
		    "polarity", ind->polarity,
		    "goals", dash_api_list(ind->goals, ind->goal_count),
		    "weather", dash_api_weather(di),
		    "trend", dash_api_trend(di),
		    "latest", dash_api_latest(di),
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
		    "{s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
		    "code", t->code,
		    "kind", model_target_kind_names[t->kind],
		    "value", t->has_value ? json_real(t->value) : json_null(),
		    "low", t->has_low ? json_real(t->low) : json_null(),
		    "high", t->has_high ? json_real(t->high) : json_null(),
		    "year", t->year != 0 ? json_integer(t->year) : json_null(),
		    "reference_region", dash_api_text(t->reference_region),
		    "note_de", dash_api_text(t->note_de),
		    "note_en", dash_api_text(t->note_en),
		    "valid_from", dash_api_text(t->valid_from),
		    "valid_to", dash_api_text(t->valid_to)));
	}
	return a;
}

/* The primary verdict in brief; the full records are in "assessments". */
static json_t *
dash_api_summary(const struct dashboard_indicator *di)
{
	const struct explain *x = dashboard_verdict(di);
	char de[2048], en[2048];

	if (x == NULL)
		return json_null();
	assess_sentence(di->result, x, "de", de, sizeof(de));
	assess_sentence(di->result, x, "en", en, sizeof(en));
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s}",
	    "method", assess_method_names[di->result->primary],
	    "version", x->version != NULL ? x->version : "",
	    "status", explain_status_names[x->status],
	    "reason", explain_reason_names[x->reason],
	    "verdict", explain_verdict_names[x->verdict],
	    "reason_de", de,
	    "reason_en", en);
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

/*
 * One indicator as JSON: its catalogue entry, the primary verdict in brief,
 * and "assessments" with each method's full result (a RESULT of
 * docs/assess.md, format wiall-assess/1), spliced in as assess_json.c
 * writes them so that numbers keep their shortest exact form. With
 * observations, they are inlined (the download); else linked.
 */
static int
dash_api_indicator_doc(struct db *db, const struct dashboard *d,
    const struct dashboard_indicator *di, bool observations, struct buf *out,
    struct error *e)
{
	const struct indicator *ind = di->indicator;
	struct observations_query q = { 0 };
	struct dash_api_rows rows = { NULL };
	struct buf link = BUF_INIT;
	json_t *doc, *obs;
	char *dumped;
	size_t n;
	int m;

	if (observations) {
		rows.list = json_array();
		q.indicator = ind->code;
		if (observations_query(db, &q, dash_api_row, &rows, e) != 0) {
			json_decref(rows.list);
			return -1;
		}
		obs = rows.list;
	} else {
		buf_puts(&link, "/api/v1/");
		dash_path(&link, "indicators", ind->code);
		buf_puts(&link, "/observations");
		obs = json_string(buf_cstr(&link));
		buf_free(&link);
	}
	doc = json_pack(
	    "{s:s,s:o,s:o,s:o,s:i,s:i,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
	    "code", ind->code,
	    "title", dash_api_titles(ind->title_de, ind->title_en),
	    "definition", dash_api_titles(ind->definition_de, ind->definition_en),
	    "unit", dash_api_text(ind->unit),
	    "decimals", ind->decimals,
	    "polarity", ind->polarity,
	    "annual", model_annual_names[ind->annual],
	    "source", dash_api_text(ind->source),
	    "source_url", dash_api_text(ind->source_url),
	    "reference_region", dash_api_text(ind->reference_region),
	    "goals", dash_api_list(ind->goals, ind->goal_count),
	    "sdgs", dash_api_list(ind->sdgs, ind->sdg_count),
	    "targets", dash_api_targets(ind),
	    "region", d->home != NULL ? json_string(d->home->code) : json_null(),
	    "latest", dash_api_latest(di),
	    "trend", dash_api_trend(di),
	    "assessment", dash_api_summary(di),
	    "observations", obs);
	dumped = json_dumps(doc, DASH_API_DUMP);
	json_decref(doc);
	if (dumped == NULL)
		return error_set(e, "%s: cannot write JSON", ind->code);
	/* Splice "assessments" in before the closing brace. */
	n = strlen(dumped);
	while (n > 0 && dumped[n - 1] != '}')
		n--;
	buf_append(out, dumped, n > 0 ? n - 1 : 0);
	free(dumped);
	while (out->len > 0 && (out->data[out->len - 1] == '\n' ||
	    out->data[out->len - 1] == ' '))
		out->len--;
	buf_printf(out, ",\n  \"assessments\": {\n\"format\": \"%s\"",
	    ASSESS_JSON_FORMAT);
	for (m = 0; di->result != NULL && m < ASSESS_METHOD__MAX; m++) {
		if (!di->result->ran[m])
			continue;
		buf_printf(out, ",\n\"%s\": ", assess_method_names[m]);
		assess_json_result(out, di->result, (enum assess_method)m);
		while (out->len > 0 && out->data[out->len - 1] == '\n')
			out->len--;
	}
	buf_puts(out, "\n}\n}\n");
	return 0;
}

void
dash_api_indicator(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	struct dashboard d;
	struct dashboard_indicator *di;
	struct buf text = BUF_INIT;
	struct error e;

	if (dash_api_load(req, resp, m->params[0], &d) == -1)
		return;
	di = dashboard_find(&d, m->params[0]);
	if (di == NULL) {
		dashboard_free(&d);
		api_error(resp, 404, "no such indicator");
		return;
	}
	if (dash_api_indicator_doc(NULL, &d, di, false, &text, &e) == -1)
		api_error(resp, 500, e.message);
	else
		dash_api_send_text(resp, &text);
	buf_free(&text);
	dashboard_free(&d);
}

void
dash_api_observations(const struct http_request *req,
    struct http_response *resp, const struct route_match *m)
{
	struct observations_query q;
	struct dash_api_rows rows;
	struct error e;
	struct db *db = dash_api_db(req, resp);
	long long id;
	int found;

	if (db == NULL)
		return;
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

void
dash_api_assessments(const struct http_request *req,
    struct http_response *resp, const struct route_match *m)
{
	const char *method = http_query(req, "method");
	enum assess_method which = ASSESS_DNS;
	struct dashboard d;
	struct buf text = BUF_INIT;
	int k;

	if (method != NULL) {
		for (k = 0; k < ASSESS_METHOD__MAX; k++)
			if (strcmp(method, assess_method_names[k]) == 0)
				break;
		if (k == ASSESS_METHOD__MAX) {
			api_error(resp, 400, "method is dns, eurostat or opensdg");
			return;
		}
		which = (enum assess_method)k;
	}
	if (dash_api_load(req, resp, NULL, &d) == -1)
		return;
	if (d.home == NULL) {
		dashboard_free(&d);
		api_error(resp, 404, "the catalogue has no city, municipality or "
		    "district to assess: name the region with ?region=");
		return;
	}
	assess_json_document(&text, which, "database", d.home->code, d.results,
	    d.catalog.indicator_count);
	dash_api_send_text(resp, &text);
	buf_free(&text);
	dashboard_free(&d);
}

/* ---- downloads ---------------------------------------------------------- */

/* The long CSV of one indicator, as `wiall export --indicator` writes it. */
static int
dash_download_csv(struct db *db, const char *code, struct buf *out,
    struct error *e)
{
	struct export_options o = { code, NULL, NULL, NULL, OBSWRITE_LONG };
	char *data = NULL;
	size_t size = 0;
	long rows;
	FILE *fp = open_memstream(&data, &size);
	int rc;

	if (fp == NULL)
		return error_set(e, "cannot write CSV in memory");
	rc = export_run(db, &o, fp, &rows, e);
	if (fclose(fp) != 0 && rc == 0)
		rc = error_set(e, "cannot write CSV in memory");
	if (rc == 0)
		buf_append(out, data, size);
	free(data);
	return rc;
}

void
dash_download(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	char code[ROUTE_PARAM_MAX];
	const char *dot = strrchr(m->params[0], '.');
	struct db *db;
	struct dashboard d;
	struct dashboard_indicator *di;
	struct buf text = BUF_INIT;
	struct error e;
	bool csv;

	if (dot == NULL || (strcmp(dot, ".csv") != 0 &&
	    strcmp(dot, ".json") != 0)) {
		page_error(req, resp, 404, NULL);
		return;
	}
	csv = strcmp(dot, ".csv") == 0;
	snprintf(code, sizeof(code), "%.*s", (int)(dot - m->params[0]),
	    m->params[0]);
	if (dash_load(req, resp, code, &d) == -1)
		return;
	di = dashboard_find(&d, code);
	db = http_database(req, &e);
	if (di == NULL || db == NULL) {
		dashboard_free(&d);
		page_error(req, resp, di == NULL ? 404 : 503, NULL);
		return;
	}
	if ((csv ? dash_download_csv(db, code, &text, &e) :
	    dash_api_indicator_doc(db, &d, di, true, &text, &e)) == -1) {
		page_error(req, resp, 500, NULL);
	} else {
		buf_reset(&resp->body);
		buf_append(&resp->body, text.data != NULL ? text.data : "",
		    text.len);
		resp->content_type = csv ? "text/csv; charset=utf-8" :
		    "application/json";
		resp->cache_control = "no-cache";
		resp->cors = true;
	}
	buf_free(&text);
	dashboard_free(&d);
}
