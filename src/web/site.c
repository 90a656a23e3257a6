/* The site: assets and the route table (see site.h). */
#include "web/site.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/xalloc.h"
#include "web/api.h"
#include "web/api_indices.h"
#include "web/api_structure.h"
#include "web/assets.h"
#include "web/dash.h"
#include "web/openapi.h"
#include "web/page_index.h"
#include "web/page_structure.h"
#include "web/router.h"

extern const struct embedded_file web_assets[];

/*
 * The JSON API's routes as the OpenAPI document describes them (web/openapi.c
 * writes it from these, the router refuses query parameters they do not
 * list). Schemas are named from src/web/openapi/components.json and from
 * the code's name tables (openapi.c).
 */
#define SITE_REGION_HOME "A region's code or alias (05512000, DEA31 and " \
	"05512 name Bottrop). Default: the home region (the database's " \
	"home_region, else the catalogue's first city or municipality)."
#define SITE_DB_ERRORS \
	{ 500, NULL, "The database failed while answering." }, \
	{ 503, NULL, "The database cannot be read." }

#define SITE_PARAM_CODE { "code", true, false, "Code", \
	"unemployment_rate", "An indicator's code, as /api/v1/indicators " \
	"lists it." }

static const struct route_api site_api_index = {
	.id = "getApiIndex",
	.summary = "The API: its name, version and endpoints",
	.schema = "ApiIndex",
};

static const struct route_api site_api_openapi = {
	.id = "getOpenApi",
	.summary = "This document (OpenAPI 3.1)",
	.schema = "OpenApiDocument",
};

static const struct route_api site_api_health = {
	.id = "getHealth",
	.summary = "Whether the database can be read",
	.description = "Never cached (Cache-Control: no-store). /healthz, "
	    "outside the API, answers the same.",
	.schema = "Health",
	.statuses = {
		{ 503, "Health", "The database cannot be read: status "
		    "\"unavailable\" with the reason in \"database\"." },
	},
};

static const struct route_api site_api_indicators = {
	.id = "listIndicators",
	.summary = "The catalogue's indicators with their latest figure and "
	    "weather",
	.description = "In the catalogue's order. The weather is the DNS "
	    "verdict (METHODS §2.2) in the region, the trend the direction of "
	    "its mean annual change; both null when the indicator has no "
	    "assessment there.",
	.schema = "IndicatorList",
	.params = {
		{ "region", false, false, "RegionCode", "05512000",
		    SITE_REGION_HOME },
	},
	.statuses = {
		{ 404, NULL, "No region has that code or alias." },
		SITE_DB_ERRORS,
	},
};

static const struct route_api site_api_indicator = {
	.id = "getIndicator",
	.summary = "One indicator: its catalogue entry, targets and "
	    "assessments",
	.description = "The catalogue entry, every target version, the "
	    "primary (DNS) verdict in brief and, under \"assessments\", each "
	    "method's full RESULT of the wiall-assess/1 format (docs/assess.md)"
	    " in the region. The observations are linked.",
	.schema = "Indicator",
	.params = {
		SITE_PARAM_CODE,
		{ "region", false, false, "RegionCode", "05512000",
		    SITE_REGION_HOME },
	},
	.statuses = {
		{ 404, NULL, "No indicator has that code, or no region the "
		    "given code or alias." },
		SITE_DB_ERRORS,
	},
};

static const struct route_api site_api_observations = {
	.id = "listObservations",
	.summary = "An indicator's observations, as stored",
	.description = "Every observation (missing values included, as null "
	    "with their flag) of every series of the indicator, ordered by "
	    "region code, dims and period; the filters combine.",
	.schema = "ObservationList",
	.params = {
		SITE_PARAM_CODE,
		{ "region", false, false, "RegionCode", "05512000",
		    "Only this region (its code or an alias). Default: every "
		    "region." },
		{ "dims", false, true, "Dims", "",
		    "Only the series with exactly these dimension values, "
		    "canonical: key=value pairs sorted by key and joined by "
		    "';' (sector=C). Empty: only the series without a "
		    "breakdown. Default: every series." },
		{ "from", false, false, "Period", "2019",
		    "Only periods that begin on or after the start of this "
		    "period (2019 takes 2019-06)." },
		{ "to", false, false, "Period", "2024",
		    "Only periods that end on or before the end of this "
		    "period (2024 takes 2024-Q4)." },
	},
	.statuses = {
		{ 404, NULL, "No indicator has that code, or no region the "
		    "given code or alias." },
		SITE_DB_ERRORS,
	},
};

static const struct route_api site_api_assessments = {
	.id = "listAssessments",
	.summary = "Every indicator's assessment by one method",
	.description = "The document `wiall assess --format json` writes "
	    "(format wiall-assess/1, docs/assess.md), byte for byte.",
	.schema = "AssessDocument",
	.params = {
		{ "region", false, false, "RegionCode", "05512000",
		    SITE_REGION_HOME },
		{ "method", false, false, "AssessMethod", "eurostat",
		    "The method. Default: dns." },
	},
	.statuses = {
		{ 404, NULL, "No region has that code or alias, or the "
		    "catalogue has no city to assess and none was named." },
		SITE_DB_ERRORS,
	},
};

static const struct route_api site_api_structure = {
	.id = "getStructure",
	.summary = "Economic structure and resilience of a region",
	.description = "What `wiall structure --format json` writes for the "
	    "same query (docs/structure.md): per period HHI, entropy, "
	    "variety, Krugman, shares and location quotients; over the span "
	    "shift-share and the portfolio; the registered shocks. Without "
	    "parameters, what the economic-structure page shows. A number "
	    "that cannot be computed is null and its object names it under "
	    "\"unavailable\".",
	.schema = "StructureReport",
	.params = {
		{ "indicator", false, false, "Code", "employment_persons",
		    "A sector indicator. Default: the catalogue's first "
		    "indicator with a classification and figures by sector." },
		{ "region", false, false, "RegionCode", "05512000",
		    "The region (code or alias). Default: the home region "
		    "when it has figures, else the first region that has." },
		{ "reference", false, false, "RegionCode", "DEA3",
		    "The reference region. Default: the indicator's." },
		{ "from", false, false, "Period", "2010",
		    "The first period; it must have figures. Default: the "
		    "first period of the data." },
		{ "to", false, false, "Period", "2017",
		    "The last period; it must have figures. Default: the "
		    "last period of the data." },
	},
	.statuses = {
		{ 404, NULL, "No indicator or region has that code, the "
		    "indicator has no figures by sector in the region, or no "
		    "indicator has figures by sector." },
		SITE_DB_ERRORS,
	},
};

static const struct route_api site_api_indices = {
	.id = "listIndices",
	.summary = "The composite indices the catalogue defines",
	.schema = "IndexList",
	.statuses = {
		SITE_DB_ERRORS,
	},
};

static const struct route_api site_api_index_one = {
	.id = "getIndex",
	.summary = "One composite index, built from the database",
	.description = "What the index page shows (docs/index.md): each "
	    "unit's scores at every level, its rank and the rank interval of "
	    "the uncertainty analysis, each component's raw and normalised "
	    "value, the weights and the method. An index that cannot be "
	    "computed is still 200, with its status and reason.",
	.schema = "Index",
	.params = {
		{ "code", true, false, "Code", "resilience_muenster",
		    "An index's code, as /api/v1/index lists it." },
	},
	.statuses = {
		{ 404, NULL, "No index has that code, or the catalogue "
		    "defines none." },
		SITE_DB_ERRORS,
	},
};

/* Every page and endpoint: pattern, handler, API description, alias, and
 * whether the answer comes from the database (its Last-Modified is then
 * the database's last change; assets, the API's index, the document and
 * health do not). */
static const struct route site_routes[] = {
	{ "/",			dash_overview, NULL, false, true },
	{ "/goals/{}",		dash_goal, NULL, false, true },
	{ "/indicators/{}",	dash_indicator, NULL, false, true },
	{ "/structure",		page_structure, NULL, false, true },
	{ "/structure/{}",	page_structure, NULL, false, true },
	{ "/structure/{}/{}",	page_structure, NULL, false, true },
	{ "/indices",		page_index, NULL, false, true },
	{ "/indices/{}",	page_index, NULL, false, true },
	{ "/api/v1",		api_index, &site_api_index, false, false },
	{ "/api/v1/",		api_index, &site_api_index, true, false },
	{ "/api/v1/openapi.json", openapi_handle, &site_api_openapi, false,
	    false },
	{ "/api/v1/health",	api_health, &site_api_health, false, false },
	{ "/api/v1/indicators",	dash_api_indicators, &site_api_indicators,
	    false, true },
	{ "/api/v1/indicators/{}", dash_api_indicator, &site_api_indicator,
	    false, true },
	{ "/api/v1/indicators/{}/observations", dash_api_observations,
	    &site_api_observations, false, true },
	{ "/api/v1/assessments", dash_api_assessments, &site_api_assessments,
	    false, true },
	{ "/api/v1/structure",	api_structure, &site_api_structure, false,
	    true },
	{ "/api/v1/index",	api_indices_list, &site_api_indices, false,
	    true },
	{ "/api/v1/index/{}",	api_indices_one, &site_api_index_one, false,
	    true },
	{ "/downloads/{}",	dash_download, NULL, false, true },
	{ "/assets/{}",		assets_handle, NULL, false, false },
	{ "/healthz",		api_health, NULL, false, false },
	{ NULL,			NULL, NULL, false, false }
};

const struct route *
site_routes_table(void)
{
	return site_routes;
}

static const struct {
	const char	*suffix;
	const char	*type;
} site_types[] = {
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".ico", "image/x-icon" },
	{ ".json", "application/json" },
	{ ".html", "text/html; charset=utf-8" },
	{ ".txt", "text/plain; charset=utf-8" },
	{ ".woff2", "font/woff2" },
};

const char *
site_content_type(const char *name)
{
	size_t n = strlen(name), i;

	for (i = 0; i < sizeof(site_types) / sizeof(site_types[0]); i++) {
		size_t k = strlen(site_types[i].suffix);
		if (n > k && strcmp(name + n - k, site_types[i].suffix) == 0)
			return site_types[i].type;
	}
	return "application/octet-stream";
}

int
site_init(struct site *s, const char *version, struct error *e)
{
	const struct embedded_file *f;
	struct buf all = BUF_INIT;
	struct stat st;
	char etag[HTTP_ETAG_MAX];
	size_t i;

	memset(s, 0, sizeof(*s));
	s->version = version;
	for (f = web_assets; f->name != NULL; f++)
		s->n_assets++;
	s->assets = xcalloc(s->n_assets + 1, sizeof(*s->assets));
	for (i = 0; i < s->n_assets; i++) {
		s->assets[i].file = &web_assets[i];
		s->assets[i].content_type = site_content_type(web_assets[i].name);
		http_etag(s->assets[i].etag, web_assets[i].data,
		    web_assets[i].size);
		buf_puts(&all, s->assets[i].etag);
	}
	http_etag(etag, all.data != NULL ? all.data : "", all.len);
	/* The ETag without its quotes, shortened: a cache-busting tag. */
	memcpy(s->asset_version, etag + 1, 12);
	s->asset_version[12] = '\0';
	buf_free(&all);
	/* Assets change only with the program: its file's time is theirs. */
	if (stat("/proc/self/exe", &st) == 0)
		s->assets_modified = st.st_mtime;
	(void)e;
	return 0;
}

void
site_free(struct site *s)
{
	free(s->assets);
	memset(s, 0, sizeof(*s));
}

const struct site_asset *
site_asset(const struct site *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n_assets; i++)
		if (strcmp(s->assets[i].file->name, name) == 0)
			return &s->assets[i];
	return NULL;
}

void
site_handle(const struct http_request *req, struct http_response *resp)
{
	router_dispatch(site_routes, req, resp);
}
