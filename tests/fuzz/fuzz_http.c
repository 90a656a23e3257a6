/* libFuzzer harness of what a hostile HTTP client controls: the method, the
 * request target and four headers. The input is a request in text form,
 *
 *     [!]METHOD TARGET
 *     Accept-Language: …
 *     Cookie: …
 *     If-None-Match: …
 *     If-Modified-Since: …
 *
 * (other header lines are ignored; a leading '!' picks the second
 * database). The target is split at the first '?'; the path is %-decoded
 * as libmicrohttpd decodes it before it reaches us (a %00 cuts it), the
 * query is split at '&' and '=' with '+' as a space, as MHD does.
 *
 * The pure parsers (dates, ETags, languages, route patterns, the query
 * check) are driven directly and their properties checked; then the whole
 * site answers the request through site_handle(), as server.c calls it,
 * against one of two databases made once per process: the Bottrop demo
 * (loaded by the code `wiall demo` runs) and tests/data/web (catalogues
 * whose titles hold <script>, quotes and &). The answer must have a known
 * status, JSON must parse, HTML and JSON must be UTF-8, and the only
 * <script in a page is the page's own app.js. A broken property aborts,
 * which libFuzzer reports as a crash; ASan reports leaks. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cmd.h"
#include "fixture.h"
#include "store/db.h"
#include "util/text.h"
#include "web/http.h"
#include "web/lang.h"
#include "web/router.h"
#include "web/site.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern const struct cmd_entry cmd_demo_entry;

#define FUZZ_HTTP_QUERY_MAX	32

/* Made once per process by LLVMFuzzerInitialize, read by every input. */
static struct {
	struct site		site;
	struct fixture_db	db[2];	/* the demo, tests/data/web */
	bool			trace;	/* $FUZZ_HTTP_TRACE: print answers */
} fuzz_http;

struct fuzz_http_query {
	char	*keys[FUZZ_HTTP_QUERY_MAX];
	char	*values[FUZZ_HTTP_QUERY_MAX];	/* NULL: "?key" without '=' */
	size_t	 count;
	struct db *db;
};

static void
fuzz_http_cleanup(void)
{
	fixture_db_close(&fuzz_http.db[0]);
	fixture_db_close(&fuzz_http.db[1]);
	site_free(&fuzz_http.site);
}

/* Reopens a loaded database read-only, as the server's threads do. */
static void
fuzz_http_reopen(struct fixture_db *f)
{
	struct error e;

	if (f->db != NULL)
		db_close(f->db);
	if (db_open(f->path, DB_READ_ONLY, &f->db, &e) == -1) {
		fprintf(stderr, "fuzz_http: %s: %s\n", f->path, e.message);
		abort();
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	static const char *const structure[] = { "tests/data/web/structure.csv" };
	static const char *const web[] = { "tests/data/web/observations.csv" };
	struct cmd_context ctx;
	char *demo_argv[] = { (char *)"demo", NULL };
	struct error e;

	fuzz_http.trace = getenv("FUZZ_HTTP_TRACE") != NULL;
	if (site_init(&fuzz_http.site, "fuzz", &e) == -1)
		abort();
	if (fixture_db_open(&fuzz_http.db[0]) == -1 ||
	    fixture_db_open(&fuzz_http.db[1]) == -1)
		abort();
	atexit(fuzz_http_cleanup);
	db_close(fuzz_http.db[0].db);
	fuzz_http.db[0].db = NULL;
	memset(&ctx, 0, sizeof(ctx));
	ctx.db_path = fuzz_http.db[0].path;
	ctx.db_explicit = true;
	ctx.out = fopen("/dev/null", "w");
	ctx.err = stderr;
	if (ctx.out == NULL || cmd_demo_entry.exec(&ctx, 1, demo_argv) != 0)
		abort();
	fclose(ctx.out);
	if (fixture_db_load(&fuzz_http.db[1], "tests/data/web/structure.json",
	    structure, 1) == -1 || fixture_db_load(&fuzz_http.db[1],
	    "tests/data/web/catalog.json", web, 1) == -1)
		abort();
	fuzz_http_reopen(&fuzz_http.db[0]);
	fuzz_http_reopen(&fuzz_http.db[1]);
	return 0;
}

static int
fuzz_http_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* MHD_http_unescape: %XX with two hex digits becomes the byte, anything
 * else stays; in place, NUL-terminated (a %00 ends the string). With plus,
 * '+' is a space first (MHD_unescape_plus, for query arguments). */
static void
fuzz_http_unescape(char *s, bool plus)
{
	char *r = s, *w = s;

	while (*r != '\0') {
		int hi, lo;

		if (*r == '%' && r[1] != '\0' && r[2] != '\0' &&
		    (hi = fuzz_http_hex(r[1])) >= 0 &&
		    (lo = fuzz_http_hex(r[2])) >= 0) {
			*w++ = (char)(hi * 16 + lo);
			r += 3;
		} else if (plus && *r == '+') {
			*w++ = ' ';
			r++;
		} else
			*w++ = *r++;
	}
	*w = '\0';
}

/* Splits "a=1&b&c=" into arguments, as MHD does (at most
 * FUZZ_HTTP_QUERY_MAX; MHD has no limit, the router refuses over 16). */
static void
fuzz_http_parse_query(char *q, struct fuzz_http_query *out)
{
	char *p = q;

	while (p != NULL && *p != '\0' && out->count < FUZZ_HTTP_QUERY_MAX) {
		char *amp = strchr(p, '&'), *eq;

		if (amp != NULL)
			*amp = '\0';
		eq = strchr(p, '=');
		if (eq != NULL)
			*eq = '\0';
		if (*p != '\0' || eq != NULL) {
			fuzz_http_unescape(p, true);
			out->keys[out->count] = p;
			out->values[out->count] = NULL;
			if (eq != NULL) {
				fuzz_http_unescape(eq + 1, true);
				out->values[out->count] = eq + 1;
			}
			out->count++;
		}
		p = amp != NULL ? amp + 1 : NULL;
	}
}

static const char *
fuzz_http_query(void *arg, const char *key)
{
	const struct fuzz_http_query *q = arg;
	size_t i;

	for (i = 0; i < q->count; i++)
		if (strcmp(q->keys[i], key) == 0)
			return q->values[i];
	return NULL;
}

static size_t
fuzz_http_query_keys(void *arg, const char **keys, size_t max)
{
	const struct fuzz_http_query *q = arg;
	size_t i;

	for (i = 0; i < q->count && i < max; i++)
		keys[i] = q->keys[i];
	return q->count;
}

static struct db *
fuzz_http_database(void *arg, struct error *e)
{
	(void)e;
	return ((struct fuzz_http_query *)arg)->db;
}

static enum http_method
fuzz_http_method(const char *m)
{
	if (strcmp(m, "GET") == 0)
		return HTTP_GET;
	if (strcmp(m, "HEAD") == 0)
		return HTTP_HEAD;
	if (strcmp(m, "OPTIONS") == 0)
		return HTTP_OPTIONS;
	return HTTP_OTHER;
}

/* The value of header line `line` if it is `name`, else NULL. */
static char *
fuzz_http_header(char *line, const char *name)
{
	size_t n = strlen(name);

	if (strncasecmp(line, name, n) != 0 || line[n] != ':')
		return NULL;
	line += n + 1;
	while (*line == ' ' || *line == '\t')
		line++;
	return line;
}

/* Properties of the parsers that need no database. */
static void
fuzz_http_parsers(const struct http_request *req, const char *query_lang,
    const char *cookie, const char *accept)
{
	const struct route *r;
	struct route_match m;
	char date[HTTP_DATE_MAX], etag[HTTP_ETAG_MAX], weak[HTTP_ETAG_MAX + 2];
	char message[256];
	const char *lang;
	time_t t, again;
	size_t i;

	if (req->if_modified_since != NULL &&
	    http_date_parse(req->if_modified_since, &t) == 0) {
		const char *names = "SunMonTueWedThuFriSat", *day;

		http_date_format(t, date);
		if (http_date_parse(date, &again) == -1 || again != t)
			abort();	/* what we write, we read back */
		/* And what we read is an IMF-fixdate: it writes back the
		 * same but for the day's name (a leap second aside). */
		if (strcmp(req->if_modified_since + 23, "60 GMT") != 0 &&
		    strcmp(date + 3, req->if_modified_since + 3) != 0)
			abort();
		day = memmem(names, 21, req->if_modified_since, 3);
		if (day == NULL || (day - names) % 3 != 0)
			abort();
	}
	http_etag(etag, req->path, strlen(req->path));
	snprintf(weak, sizeof(weak), "W/%s", etag);
	if (!http_etag_matches(etag, etag) || !http_etag_matches(weak, etag) ||
	    !http_etag_matches("*", etag))
		abort();
	(void)http_etag_matches(req->if_none_match, etag);
	if (req->if_none_match != NULL)
		(void)http_etag_matches(etag, req->if_none_match);

	lang = lang_choose(query_lang, cookie, accept);
	if (strcmp(lang, "de") != 0 && strcmp(lang, "en") != 0)
		abort();
	lang = lang_from_accept(accept);
	if (lang != NULL && strcmp(lang, "de") != 0 && strcmp(lang, "en") != 0)
		abort();
	lang = lang_from_cookie(cookie);
	if (lang != NULL && strcmp(lang, "de") != 0 && strcmp(lang, "en") != 0)
		abort();

	(void)router_is_api(req->path);
	for (r = site_routes_table(); r->pattern != NULL; r++) {
		if (router_match(r->pattern, req->path, &m)) {
			if (m.count > ROUTE_PARAMS_MAX)
				abort();
			for (i = 0; i < m.count; i++)
				if (m.params[i][0] == '\0' ||
				    strchr(m.params[i], '/') != NULL ||
				    strlen(m.params[i]) >= ROUTE_PARAM_MAX)
					abort();
		}
		if (r->api != NULL && router_check_query(r->api, req, message,
		    sizeof(message)) == -1 && message[0] == '\0')
			abort();	/* a refusal says why */
	}
}

/* The only <script a page may hold is its own, <script src="…app.js…". */
static void
fuzz_http_check_html(const char *body, size_t n)
{
	const char *p = body, *end = body + n;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		const char *q, *close;

		if ((size_t)(end - p) >= 7 && strncasecmp(p, "<script", 7) == 0) {
			q = p + 7;
			if ((size_t)(end - q) < 6 || strncmp(q, " src=\"", 6) != 0)
				abort();
			q += 6;
			close = memchr(q, '"', (size_t)(end - q));
			if (close == NULL || memmem(q, (size_t)(close - q),
			    "assets/app.js", 13) == NULL)
				abort();
		}
		p++;
	}
}

static void
fuzz_http_check(const struct http_request *req, const struct http_response *r)
{
	const char *body;
	size_t n;

	switch (r->status) {
	case 200: case 204: case 304: case 400: case 404: case 405:
		break;
	default:
		/* 500 and 503: the databases are healthy, so a failure is
		 * ours; anything else is not a status we send. */
		fprintf(stderr, "fuzz_http: status %d for %s\n", r->status,
		    req->path);
		abort();
	}
	body = http_response_data(r, &n);
	if (r->status == 304 || r->status == 204) {
		if (n != 0)
			abort();
		return;
	}
	if (r->content_type == NULL)
		abort();
	if (r->status == 200 && r->etag[0] == '\0')
		abort();
	if (strncmp(r->content_type, "application/json", 16) == 0) {
		json_error_t err;
		json_t *doc = json_loadb(body, n, 0, &err);

		if (doc == NULL) {
			fprintf(stderr, "fuzz_http: %s: JSON %d:%d: %s\n",
			    req->path, err.line, err.column, err.text);
			abort();
		}
		json_decref(doc);
		if (!text_utf8_valid(body, n, NULL))
			abort();
	} else if (strncmp(r->content_type, "text/html", 9) == 0) {
		if (!text_utf8_valid(body, n, NULL))
			abort();
		fuzz_http_check_html(body, n);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_http_query q;
	struct http_request req;
	struct http_response resp;
	char *text, *line, *next, *target, *query, *method, root[] = "/";
	const char *cookie = NULL, *accept = NULL, *query_lang;
	int which = 0;

	text = malloc(size + 1);
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';	/* a NUL in the input cuts it there */
	line = text;
	if (*line == '!') {
		which = 1;
		line++;
	}
	next = strchr(line, '\n');
	if (next != NULL)
		*next++ = '\0';
	method = line;
	target = strchr(line, ' ');
	if (target == NULL)
		target = root;
	else
		*target++ = '\0';
	target[strcspn(target, "\r")] = '\0';

	memset(&q, 0, sizeof(q));
	q.db = fuzz_http.db[which].db;
	memset(&req, 0, sizeof(req));
	req.method = fuzz_http_method(method);
	req.site = &fuzz_http.site;
	req.query = fuzz_http_query;
	req.query_keys = fuzz_http_query_keys;
	req.database = fuzz_http_database;
	req.arg = &q;
	for (line = next; line != NULL; line = next) {
		char *v;

		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		if ((v = fuzz_http_header(line, "Accept-Language")) != NULL)
			accept = v;
		else if ((v = fuzz_http_header(line, "Cookie")) != NULL)
			cookie = v;
		else if ((v = fuzz_http_header(line, "If-None-Match")) != NULL)
			req.if_none_match = v;
		else if ((v = fuzz_http_header(line, "If-Modified-Since")) != NULL)
			req.if_modified_since = v;
	}
	query = strchr(target, '?');
	if (query != NULL) {
		*query++ = '\0';
		fuzz_http_parse_query(query, &q);
	}
	fuzz_http_unescape(target, false);
	req.path = target;	/* "*" or "x" too: MHD passes them on */
	query_lang = fuzz_http_query(&q, "lang");
	req.lang = lang_choose(query_lang, cookie, accept);
	req.lang_switched = query_lang != NULL && strlen(query_lang) == 2 &&
	    lang_supported(query_lang, 2) != NULL;

	fuzz_http_parsers(&req, query_lang, cookie, accept);

	http_response_init(&resp);
	site_handle(&req, &resp);
	if (fuzz_http.trace)
		fprintf(stderr, "fuzz_http: %d %zu %s %s\n", resp.status,
		    resp.body.len + resp.static_size, method, req.path);
	fuzz_http_check(&req, &resp);
	http_response_free(&resp);
	free(text);
	return 0;
}
