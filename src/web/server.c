/* libmicrohttpd glue (see server.h). The request handler is called by MHD
 * several times per request: first with the headers (we check the declared
 * body size and answer methods we do not accept before reading any body),
 * then with pieces of the body (counted and dropped), then once more with
 * none, when we answer through the site's router.
 *
 * Shutdown: SIGINT and SIGTERM are blocked first thing in server_run(),
 * before MHD starts its threads, so they inherit the mask and only the main
 * thread, waiting in sigwait(), receives them. No handler, no global flag,
 * no exit() below main. A blocked signal is never lost (the kernel keeps it
 * pending even where the inherited action is "ignore", as for SIGINT in a
 * shell's background job): one that arrives while the server starts stops
 * it as soon as it has started. Signals still pending when server_run()
 * returns (a second Ctrl-C during the stop, one during a failed start) are
 * taken before the old mask comes back, so that they cannot kill the
 * process after its clean stop. */
#include "web/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/db.h"
#include "store/freshness.h"
#include "util/buf.h"
#include "util/xalloc.h"
#include "web/cache.h"
#include "web/http.h"
#include "web/lang.h"
#include "web/page.h"
#include "web/router.h"

/* Sent with every answer, errors included. No inline script or style is
 * allowed; the SVG charts use presentation attributes, not style. */
#define SERVER_CSP	"default-src 'self'; script-src 'self'; " \
	"style-src 'self'; img-src 'self' data:; font-src 'self'; " \
	"connect-src 'self'; object-src 'none'; base-uri 'none'; " \
	"form-action 'self'; frame-ancestors 'none'"

struct server {
	const struct server_config	*cfg;
	pthread_key_t			 thread_key;	/* struct server_thread */
};

/* What each worker thread keeps for itself: its read-only connection
 * (SQLite connections are not shared between threads, SQLITE_OPEN_NOMUTEX)
 * and its cache of rendered pages. Freed when the thread ends. */
struct server_thread {
	struct db	*db;
	struct cache	*cache;
};

#define SERVER_CACHE_ENTRIES	32

/* One request's state, kept by MHD for us between calls (con_cls). */
struct server_request {
	struct server		*srv;
	struct MHD_Connection	*conn;
	struct timespec		 start;
	char			 client[INET6_ADDRSTRLEN + 2];
	char			 method[16];
	char			 url[512];	/* for the log; escaped */
	int			 status;	/* 0 until answered */
	size_t			 bytes;
	size_t			 body;		/* request body bytes seen */
};

void
server_config_init(struct server_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->listen = "127.0.0.1:8080";
	cfg->threads = 4;
	cfg->timeout = 30;
	cfg->body_limit = 1024 * 1024;
	cfg->memory_limit = 32 * 1024;
	cfg->connection_limit = 1024;
	cfg->out = stdout;
	cfg->err = stderr;
}

int
server_parse_listen(const char *text, struct sockaddr_storage *out,
    struct error *e)
{
	struct addrinfo hints, *res = NULL;
	char host[256];
	const char *colon, *port;
	size_t n;
	int rc;

	if (text[0] == '[') {
		const char *close = strchr(text, ']');
		if (close == NULL || close[1] != ':')
			return error_set(e, "'%s': expected [IPV6]:PORT", text);
		n = (size_t)(close - text - 1);
		if (n >= sizeof(host))
			return error_set(e, "'%s': address too long", text);
		memcpy(host, text + 1, n);
		port = close + 2;
	} else {
		colon = strrchr(text, ':');
		if (colon == NULL)
			return error_set(e, "'%s': expected HOST:PORT", text);
		n = (size_t)(colon - text);
		if (n >= sizeof(host))
			return error_set(e, "'%s': address too long", text);
		memcpy(host, text, n);
		port = colon + 1;
	}
	host[n] = '\0';
	if (port[0] == '\0' || strspn(port, "0123456789") != strlen(port) ||
	    atol(port) > 65535)
		return error_set(e, "'%s': the port must be a number 0..65535",
		    text);
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE;
	rc = getaddrinfo(host[0] != '\0' ? host : NULL, port, &hints, &res);
	if (rc != 0)
		return error_set(e, "'%s': %s", text, gai_strerror(rc));
	memset(out, 0, sizeof(*out));
	memcpy(out, res->ai_addr, res->ai_addrlen);
	freeaddrinfo(res);
	return 0;
}

static void
server_thread_destroy(void *p)
{
	struct server_thread *t = p;

	db_close(t->db);
	cache_free(t->cache);
	free(t);
}

static struct server_thread *
server_thread(struct server *srv)
{
	struct server_thread *t = pthread_getspecific(srv->thread_key);

	if (t == NULL) {
		t = xcalloc(1, sizeof(*t));
		t->cache = cache_new(SERVER_CACHE_ENTRIES);
		pthread_setspecific(srv->thread_key, t);
	}
	return t;
}

/* The calling worker's read-only connection, opened on first use. */
static struct db *
server_database(void *arg, struct error *e)
{
	struct server_request *sr = arg;
	struct server *srv = sr->srv;
	struct server_thread *t = server_thread(srv);

	if (t->db != NULL)
		return t->db;
	if (srv->cfg->db_path == NULL) {
		error_set(e, "no database configured");
		return NULL;
	}
	if (db_open(srv->cfg->db_path, DB_READ_ONLY, &t->db, e) == -1)
		return NULL;
	return t->db;
}

/* Pages (not assets, not the API, whose answers depend on the query) are
 * rendered once per language and data version in each thread; the cache
 * key is "lang path". Returns true and fills resp on a hit; otherwise sets
 * *key and *version for server_cache_store (key "" when not cacheable). */
static bool
server_cache_lookup(struct server_request *sr, const struct http_request *req,
    struct http_response *resp, char key[600], long long *version)
{
	struct server_thread *t;
	struct error e;
	struct db *db;

	key[0] = '\0';
	if ((req->method != HTTP_GET && req->method != HTTP_HEAD) ||
	    router_is_api(req->path) || strncmp(req->path, "/assets/", 8) == 0 ||
	    strlen(req->path) > 500)
		return false;
	db = server_database(sr, &e);
	if (db == NULL || freshness_version(db, version, &e) == -1)
		return false;
	t = server_thread(sr->srv);
	snprintf(key, 600, "%s %s", req->lang, req->path);
	if (!cache_get(t->cache, key, *version, resp))
		return false;
	http_conditional(req, resp);
	return true;
}

static const char *
server_query(void *arg, const char *key)
{
	struct server_request *sr = arg;

	return MHD_lookup_connection_value(sr->conn, MHD_GET_ARGUMENT_KIND, key);
}

struct server_keys {
	const char	**keys;
	size_t		  max, count;
};

static enum MHD_Result
server_query_key(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct server_keys *k = cls;

	if (k->count < k->max)
		k->keys[k->count] = key;
	k->count++;
	return MHD_YES;
}

static size_t
server_query_keys(void *arg, const char **keys, size_t max)
{
	struct server_request *sr = arg;
	struct server_keys k = { keys, max, 0 };

	MHD_get_connection_values(sr->conn, MHD_GET_ARGUMENT_KIND,
	    server_query_key, &k);
	return k.count;
}

static const char *
server_header(struct MHD_Connection *conn, const char *name)
{
	return MHD_lookup_connection_value(conn, MHD_HEADER_KIND, name);
}

/* Copies text for the log: quotes, backslashes and control bytes escaped,
 * so that a request cannot forge log lines. */
static void
server_log_copy(char *out, size_t size, const char *in)
{
	size_t o = 0;

	for (; in != NULL && *in != '\0' && o + 5 < size; in++) {
		unsigned char c = (unsigned char)*in;
		if (c < 0x20 || c == 0x7f || c == '"' || c == '\\')
			o += (size_t)snprintf(out + o, size - o, "\\x%02x", c);
		else
			out[o++] = (char)c;
	}
	out[o] = '\0';
}

static void
server_access_log(const struct server *srv, const struct server_request *sr,
    enum MHD_RequestTerminationCode how)
{
	struct timespec now;
	struct tm tm;
	time_t t = time(NULL);
	double ms;
	char line[1024];

	if (srv->cfg->access_log == NULL)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (double)(now.tv_sec - sr->start.tv_sec) * 1e3 +
	    (double)(now.tv_nsec - sr->start.tv_nsec) / 1e6;
	gmtime_r(&t, &tm);
	/* One write per line: stdio locks the stream, lines never mix. */
	snprintf(line, sizeof(line), "%s - - [%04d-%02d-%02dT%02d:%02d:%02dZ] "
	    "\"%s %s\" %d %zu %.3fms%s\n", sr->client, tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
	    sr->method, sr->url, sr->status, sr->bytes, ms,
	    how == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" :
	    how == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED ? " timeout" :
	    " aborted");
	fputs(line, srv->cfg->access_log);
}

static void
server_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
    enum MHD_RequestTerminationCode how)
{
	struct server *srv = cls;
	struct server_request *sr = *con_cls;

	if (sr == NULL)
		return;
	server_access_log(srv, sr, how);
	free(sr);
	*con_cls = NULL;
}

static void
server_mhd_log(void *cls, const char *fmt, va_list ap)
{
	struct server *srv = cls;

	fputs("wiall serve: ", srv->cfg->err);
	vfprintf(srv->cfg->err, fmt, ap);
}

static void
server_add_header(struct MHD_Response *r, const char *name, const char *value)
{
	if (value != NULL)
		MHD_add_response_header(r, name, value);
}

/* Turns our response into MHD's and queues it. */
static enum MHD_Result
server_send(struct server_request *sr, const struct http_request *req,
    struct http_response *resp)
{
	struct MHD_Response *r;
	enum MHD_Result rc;
	char date[HTTP_DATE_MAX], cookie[80];

	sr->status = resp->status;
	if (req->method != HTTP_HEAD)
		http_response_data(resp, &sr->bytes);
	if (resp->static_body != NULL)
		r = MHD_create_response_from_buffer(resp->static_size,
		    (void *)resp->static_body, MHD_RESPMEM_PERSISTENT);
	else if (resp->body.len > 0) {
		size_t n = resp->body.len;
		r = MHD_create_response_from_buffer(n,
		    buf_detach(&resp->body), MHD_RESPMEM_MUST_FREE);
	} else
		r = MHD_create_response_from_buffer(0, (void *)"",
		    MHD_RESPMEM_PERSISTENT);
	if (r == NULL)
		return MHD_NO;
	server_add_header(r, "Content-Security-Policy", SERVER_CSP);
	server_add_header(r, "X-Content-Type-Options", "nosniff");
	server_add_header(r, "X-Frame-Options", "DENY");
	server_add_header(r, "Referrer-Policy", "no-referrer");
	server_add_header(r, "Cross-Origin-Opener-Policy", "same-origin");
	if (resp->status != 304 && resp->status != 204)
		server_add_header(r, "Content-Type", resp->content_type);
	if (resp->etag[0] != '\0')
		server_add_header(r, "ETag", resp->etag);
	if (resp->last_modified != 0) {
		/* RFC 9110 §8.8.2.1: never later than the answer's Date. The
		 * database's stamp runs ahead of the clock after several
		 * writes in one second; the header then says now, while 304
		 * is still decided on the stamp (http_conditional), so that
		 * a date sent now cannot later hide a change. */
		time_t now = time(NULL);
		http_date_format(resp->last_modified < now ?
		    resp->last_modified : now, date);
		server_add_header(r, "Last-Modified", date);
	}
	server_add_header(r, "Cache-Control", resp->cache_control);
	server_add_header(r, "Allow", resp->allow);
	if (resp->vary_language)
		server_add_header(r, "Vary", "Accept-Language, Cookie");
	if (resp->cors) {
		server_add_header(r, "Access-Control-Allow-Origin", "*");
		if (req->method == HTTP_OPTIONS) {
			server_add_header(r, "Access-Control-Allow-Methods",
			    "GET, HEAD, OPTIONS");
			server_add_header(r, "Access-Control-Allow-Headers",
			    "If-None-Match, If-Modified-Since");
			server_add_header(r, "Access-Control-Max-Age", "86400");
		} else
			server_add_header(r, "Access-Control-Expose-Headers",
			    "ETag, Last-Modified");
	}
	if (req->lang_switched) {
		snprintf(cookie, sizeof(cookie), "lang=%s; Path=/; "
		    "Max-Age=31536000; SameSite=Lax", req->lang);
		server_add_header(r, "Set-Cookie", cookie);
	}
	rc = MHD_queue_response(sr->conn, (unsigned)resp->status, r);
	MHD_destroy_response(r);
	return rc;
}

static enum http_method
server_method(const char *m)
{
	if (strcmp(m, "GET") == 0)
		return HTTP_GET;
	if (strcmp(m, "HEAD") == 0)
		return HTTP_HEAD;
	if (strcmp(m, "OPTIONS") == 0)
		return HTTP_OPTIONS;
	return HTTP_OTHER;
}

/* Answers now: `status` 0 asks the site; otherwise an error page. */
static enum MHD_Result
server_respond(struct server_request *sr, const char *url, const char *method,
    int status)
{
	struct server *srv = sr->srv;
	struct http_request req;
	struct http_response resp;
	const char *query_lang;
	enum MHD_Result rc;
	char key[600] = "";
	long long version = 0;

	memset(&req, 0, sizeof(req));
	req.method = server_method(method);
	req.path = url;
	req.site = srv->cfg->site;
	req.query = server_query;
	req.query_keys = server_query_keys;
	req.database = server_database;
	req.arg = sr;
	query_lang = server_query(sr, "lang");
	req.lang = lang_choose(query_lang, server_header(sr->conn, "Cookie"),
	    server_header(sr->conn, "Accept-Language"));
	req.lang_switched = query_lang != NULL &&
	    strlen(query_lang) == 2 && lang_supported(query_lang, 2) != NULL;
	req.if_none_match = server_header(sr->conn, "If-None-Match");
	req.if_modified_since = server_header(sr->conn, "If-Modified-Since");
	http_response_init(&resp);
	if (status != 0)
		page_error(&req, &resp, status, NULL);
	else if (!server_cache_lookup(sr, &req, &resp, key, &version)) {
		site_handle(&req, &resp);
		if (key[0] != '\0' && resp.status == 200)
			cache_put(server_thread(srv)->cache, key, version, &resp);
	}
	rc = server_send(sr, &req, &resp);
	http_response_free(&resp);
	return rc;
}

static enum MHD_Result
server_answer(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **con_cls)
{
	struct server *srv = cls;
	struct server_request *sr = *con_cls;
	const char *length;
	const union MHD_ConnectionInfo *info;

	if (sr == NULL) {
		sr = xcalloc(1, sizeof(*sr));
		sr->srv = srv;
		sr->conn = conn;
		clock_gettime(CLOCK_MONOTONIC, &sr->start);
		server_log_copy(sr->method, sizeof(sr->method), method);
		server_log_copy(sr->url, sizeof(sr->url), url);
		info = MHD_get_connection_info(conn,
		    MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		strcpy(sr->client, "-");
		if (info != NULL && info->client_addr != NULL) {
			const struct sockaddr *a = info->client_addr;
			if (a->sa_family == AF_INET)
				inet_ntop(AF_INET, &((const struct sockaddr_in *)
				    (const void *)a)->sin_addr, sr->client,
				    sizeof(sr->client));
			else if (a->sa_family == AF_INET6)
				inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)
				    (const void *)a)->sin6_addr, sr->client,
				    sizeof(sr->client));
		}
		*con_cls = sr;
		/* Before any body is read: a declared size over the limit is
		 * refused at once, and so is a method we do not accept (the
		 * router says 405 or 404). MHD then closes the connection
		 * rather than read the body. */
		length = server_header(conn, "Content-Length");
		if (length != NULL && (strspn(length, "0123456789") !=
		    strlen(length) || strlen(length) > 15 ||
		    (size_t)atoll(length) > srv->cfg->body_limit))
			return server_respond(sr, url, method, 413);
		/* RFC 9112 §3.2: a server MUST answer 400 to an HTTP/1.1
		 * request without Host (MHD lets it through). */
		if (strcmp(version, MHD_HTTP_VERSION_1_1) == 0 &&
		    server_header(conn, "Host") == NULL)
			return server_respond(sr, url, method, 400);
		if (server_method(method) == HTTP_OTHER)
			return server_respond(sr, url, method, 0);
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		/* A body on GET or HEAD has no meaning here: counted and
		 * dropped. A chunked one that grows too large cannot be
		 * answered in mid-stream; the connection is closed. */
		sr->body += *upload_data_size;
		*upload_data_size = 0;
		if (sr->body > srv->cfg->body_limit) {
			sr->status = 413;
			return MHD_NO;
		}
		return MHD_YES;
	}
	if (sr->status != 0)
		return MHD_YES;		/* already answered */
	return server_respond(sr, url, method, 0);
}

int
server_run(const struct server_config *cfg, struct error *e)
{
	struct server srv;
	struct sockaddr_storage addr;
	struct MHD_Daemon *d = NULL;
	const union MHD_DaemonInfo *info;
	sigset_t stop, old;
	struct db *check;
	char host[INET6_ADDRSTRLEN];
	unsigned port = 0;
	int sig, rc = -1;
	bool key = false;

	memset(&srv, 0, sizeof(srv));
	srv.cfg = cfg;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	if (pthread_sigmask(SIG_BLOCK, &stop, &old) != 0)
		return error_set(e, "cannot block signals");
	if (server_parse_listen(cfg->listen, &addr, e) == -1)
		goto done;
	/* Fail now, with the reason, rather than at the first request. */
	if (cfg->db_path != NULL) {
		if (db_open(cfg->db_path, DB_READ_ONLY, &check, e) == -1)
			goto done;
		db_close(check);
	}
	if (pthread_key_create(&srv.thread_key, server_thread_destroy) != 0) {
		error_set(e, "cannot create the thread key");
		goto done;
	}
	key = true;
	d = MHD_start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG |
	    (addr.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0), 0, NULL, NULL,
	    server_answer, &srv,
	    MHD_OPTION_EXTERNAL_LOGGER, server_mhd_log, &srv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)cfg->threads,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)cfg->timeout,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)cfg->memory_limit,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)cfg->connection_limit,
	    MHD_OPTION_LISTEN_BACKLOG_SIZE, 511u,
	    MHD_OPTION_NOTIFY_COMPLETED, server_completed, &srv,
	    MHD_OPTION_END);
	if (d == NULL) {
		error_set(e, "cannot listen on %s", cfg->listen);
		goto done;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	if (info != NULL)
		port = info->port;
	if (addr.ss_family == AF_INET6) {
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)(void *)&addr)->
		    sin6_addr, host, sizeof(host));
		fprintf(cfg->out, "wiall: serving http://[%s]:%u/", host, port);
	} else {
		inet_ntop(AF_INET, &((struct sockaddr_in *)(void *)&addr)->
		    sin_addr, host, sizeof(host));
		fprintf(cfg->out, "wiall: serving http://%s:%u/", host, port);
	}
	fprintf(cfg->out, " with %u threads (Ctrl-C stops)\n", cfg->threads);
	fflush(cfg->out);
	do {
		sig = 0;
		if (sigwait(&stop, &sig) != 0)
			sig = 0;
	} while (sig != SIGINT && sig != SIGTERM);
	fprintf(cfg->err, "wiall: %s received, stopping\n",
	    sig == SIGINT ? "SIGINT" : "SIGTERM");
	rc = 0;
done:
	/* Stops the threads; their connections and caches go with them. */
	if (d != NULL)
		MHD_stop_daemon(d);
	while (sigtimedwait(&stop, NULL, &(struct timespec){ 0, 0 }) > 0)
		;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (key)
		pthread_key_delete(srv.thread_key);
	if (cfg->access_log != NULL)
		fflush(cfg->access_log);
	return rc;
}
