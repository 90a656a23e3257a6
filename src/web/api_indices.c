/* The composite indices in the JSON API (see api_indices.h). */
#include "web/api_indices.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/index_catalog.h"
#include "store/catalog.h"
#include "web/api.h"

static json_t *
api_indices_text(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *
api_indices_titles(const char *de, const char *en)
{
	return json_pack("{s:o,s:o}", "de", api_indices_text(de), "en",
	    api_indices_text(en));
}

static json_t *
api_indices_number(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

/* A rank as a whole number (ties take the minimum rank: always whole). */
static json_t *
api_indices_rank(double v)
{
	return isfinite(v) ? json_integer((json_int_t)v) : json_null();
}

static void
api_indices_send(struct http_response *resp, json_t *doc)
{
	buf_reset(&resp->body);
	if (doc != NULL)
		api_dump(doc, &resp->body);	/* shortest exact numbers */
	json_decref(doc);
	resp->status = 200;
	resp->content_type = "application/json";
	resp->cache_control = "no-cache";
	resp->cors = true;
}

void
api_indices_list(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	struct catalog c;
	struct error e;
	struct db *db = http_database(req, &e);
	json_t *list;
	size_t i;

	(void)m;
	if (db == NULL) {
		api_error(resp, 503, "the database cannot be read");
		return;
	}
	model_catalog_init(&c);
	if (store_catalog_load(db, &c, &e) == -1) {
		api_error(resp, 500, e.message);
		model_catalog_free(&c);
		return;
	}
	list = json_array();
	for (i = 0; i < c.index_count; i++) {
		const struct composite_index *x = &c.indices[i];
		char href[160];

		snprintf(href, sizeof(href), "/api/v1/index/%s", x->code);
		json_array_append_new(list, json_pack("{s:s,s:o,s:o,s:i,s:s,s:s}",
		    "code", x->code,
		    "title", api_indices_titles(x->title_de, x->title_en),
		    "description", api_indices_titles(x->description_de,
		    x->description_en),
		    "units", (int)x->unit_count,
		    "period", x->period,
		    "href", href));
	}
	api_indices_send(resp, json_pack("{s:o}", "indices", list));
	model_catalog_free(&c);
}

static json_t *
api_indices_leaf(const struct index_catalog_leaf *leaf)
{
	const struct index_component *c = leaf->component;

	return json_pack("{s:s,s:s,s:i,s:s,s:o,s:o,s:o,s:o,s:s,s:o}",
	    "indicator", leaf->indicator->code,
	    "measure", model_measure_names[leaf->measure],
	    "direction", leaf->direction,
	    "direction_from", leaf->direction_source,
	    "from", api_indices_text(leaf->from),
	    "to", api_indices_text(leaf->to),
	    "sector", api_indices_text(c->sector),
	    "shock", api_indices_text(c->shock),
	    "unit", leaf->unit,
	    "left_out", api_indices_text(leaf->unused));
}

static json_t *
api_indices_components(const struct index_catalog *x)
{
	json_t *list = json_array();
	size_t i;

	for (i = 0; i < x->node_count; i++) {
		const struct index_catalog_node *n = &x->nodes[i];
		const struct index_catalog_leaf *leaf = index_catalog_leaf_of(x,
		    n->component);
		json_t *o = json_pack("{s:s,s:o,s:o,s:i,s:o,s:o,s:b}",
		    "code", n->code,
		    "title", api_indices_titles(n->title_de, n->title_en),
		    "parent", n->component == NULL ? json_null() :
		    json_string(n->component->parent != NULL ?
		    n->component->parent : x->index->code),
		    "level", n->level,
		    "weight", api_indices_number(n->weight),
		    "share", api_indices_number(n->share),
		    "used", n->node >= 0);

		if (leaf != NULL)
			json_object_set_new(o, "leaf", api_indices_leaf(leaf));
		json_array_append_new(list, o);
	}
	return list;
}

static json_t *
api_indices_unit(struct index_catalog *x, size_t u)
{
	const struct region *r = x->units[u];
	json_t *scores = json_object(), *raw = json_object();
	json_t *norm = json_object(), *missing = json_object(), *o;
	long s = index_catalog_stats_row(x, u);
	size_t i;

	for (i = 0; i < x->node_count; i++)
		if (x->nodes[i].level >= 2)
			json_object_set_new(scores, x->nodes[i].code,
			    api_indices_number(index_catalog_score(x,
			    &x->nodes[i], u)));
	for (i = 0; i < x->leaf_count; i++) {
		const struct index_catalog_leaf *leaf = &x->leaves[i];
		const char *code = leaf->component->code;

		json_object_set_new(raw, code, api_indices_number(
		    leaf->raw[u]));
		json_object_set_new(norm, code, api_indices_number(
		    leaf->normalised[u]));
		if (leaf->reason[u] != NULL)
			json_object_set_new(missing, code,
			    json_string(leaf->reason[u]));
	}
	o = json_pack("{s:s,s:o,s:b,s:o,s:o,s:o,s:o}",
	    "code", r->code,
	    "name", api_indices_titles(r->name_de, r->name_en),
	    "home", x->home == r,
	    "rank", api_indices_rank(x->status == INDEX_CATALOG_OK ?
	    x->result.rank[u] : NAN),
	    "scores", scores,
	    "raw", raw,
	    "normalised", norm);
	if (json_object_size(missing) > 0)
		json_object_set_new(o, "missing", missing);
	else
		json_decref(missing);
	if (s >= 0) {
		const struct uncertainty_stats *st = &x->uncertainty.stats;

		json_object_set_new(o, "rank_uncertainty", json_pack(
		    "{s:o,s:o,s:o,s:o,s:o,s:I}",
		    "nominal", api_indices_rank(st->nominal[s]),
		    "mean", api_indices_number(st->mean[s]),
		    "median", api_indices_number(st->median[s]),
		    "q5", api_indices_number(st->q5[s]),
		    "q95", api_indices_number(st->q95[s]),
		    "runs", (json_int_t)st->runs[s]));
	}
	return o;
}

static json_t *
api_indices_method(const struct index_catalog *x)
{
	json_t *o = json_pack("{s:o,s:o}", "normalise",
	    api_indices_text(x->normalise), "aggregate",
	    api_indices_text(x->aggregate));
	json_t *varied;
	size_t i;

	if (!x->has_uncertainty) {
		json_object_set_new(o, "uncertainty", json_null());
		return o;
	}
	varied = json_array();
	for (i = 0; i < x->varied_count; i++)
		json_array_append_new(varied, json_string(x->varied[i]));
	json_object_set_new(o, "uncertainty", json_pack(
	    "{s:o,s:I,s:I,s:I,s:s}", "varied", varied,
	    "runs", (json_int_t)x->uncertainty.runs,
	    "failed", (json_int_t)x->uncertainty.failed,
	    "seed", (json_int_t)x->seed,
	    "rng", rng_kind_names[x->rng]));
	return o;
}

void
api_indices_one(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	struct index_catalog_options o;
	struct index_catalog x;
	enum index_catalog_status st;
	struct error e;
	struct db *db = http_database(req, &e);
	json_t *doc, *units;
	const size_t *order;
	size_t i;

	if (db == NULL) {
		api_error(resp, 503, "the database cannot be read");
		return;
	}
	memset(&o, 0, sizeof(o));
	o.code = m->params[0];
	o.uncertainty = true;
	o.threads = 1;
	st = index_catalog_build(db, &o, &x, &e);
	if (st == INDEX_CATALOG_NONE || st == INDEX_CATALOG_NOT_FOUND ||
	    st == INDEX_CATALOG_ERROR) {
		api_error(resp, st == INDEX_CATALOG_ERROR ? 500 : 404,
		    e.message);
		index_catalog_free(&x);
		return;
	}
	units = json_array();
	order = index_catalog_rank_order(&x);
	/* Without a result (no data, a step that cannot compute) the units
	 * still show what their leaves have, in the index's order. */
	for (i = 0; st != INDEX_CATALOG_NO_DATA && i < x.unit_count; i++)
		json_array_append_new(units, api_indices_unit(&x, order[i]));
	doc = json_pack("{s:s,s:o,s:o,s:s,s:o,s:o,s:s,s:o}",
	    "code", x.index->code,
	    "title", api_indices_titles(x.index->title_de, x.index->title_en),
	    "description", api_indices_titles(x.index->description_de,
	    x.index->description_en),
	    "status", index_catalog_status_names[st],
	    "reason", api_indices_text(x.reason),
	    "period", api_indices_text(x.period),
	    "period_rule", x.latest ? "latest" : "fixed",
	    "home_region", x.home != NULL ? json_string(x.home->code) :
	    json_null());
	json_object_set_new(doc, "method", api_indices_method(&x));
	json_object_set_new(doc, "components", api_indices_components(&x));
	json_object_set_new(doc, "units", units);
	api_indices_send(resp, doc);
	index_catalog_free(&x);
}
