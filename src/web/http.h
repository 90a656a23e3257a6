/* A request and its response, independent of the HTTP library: the server
 * fills a struct http_request from libmicrohttpd, the static publisher fills
 * one by hand, and the same handlers answer both. A response owns its body
 * buffer (http_response_free); a static body points at embedded data. */
#ifndef WIALL_WEB_HTTP_H
#define WIALL_WEB_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "util/buf.h"
#include "util/error.h"

struct db;
struct site;

enum http_method {
	HTTP_GET,
	HTTP_HEAD,
	HTTP_OPTIONS,
	HTTP_OTHER,		/* POST, PUT, BREW …: answered with 405 */
	HTTP_METHOD__MAX
};

extern const char *const http_method_names[HTTP_METHOD__MAX];

struct http_request {
	enum http_method	 method;
	const char		*path;		/* decoded, begins with '/' */
	const char		*lang;		/* chosen UI language */
	bool			 lang_switched;	/* ?lang= given: remember it */
	const char		*if_none_match;
	const char		*if_modified_since;
	const struct site	*site;
	bool			 static_site;	/* rendered for `wiall publish` */
	/* Query arguments and the per-thread read-only database, provided
	 * by whoever made the request (server or publisher). */
	const char	*(*query)(void *arg, const char *key);
	/* The names of the query arguments: fills up to max of them into
	 * keys and returns how many there are. NULL: none. */
	size_t		 (*query_keys)(void *arg, const char **keys, size_t max);
	struct db	*(*database)(void *arg, struct error *e);
	void		*arg;
};

#define HTTP_ETAG_MAX 24	/* "\"" + 16 hex digits + "\"" + NUL, with room */

struct http_response {
	int			 status;
	const char		*content_type;
	struct buf		 body;
	const unsigned char	*static_body;	/* not owned; used if not NULL */
	size_t			 static_size;
	char			 etag[HTTP_ETAG_MAX];	/* "" until known */
	time_t			 last_modified;		/* 0: unknown */
	const char		*cache_control;
	const char		*allow;		/* for 405 and OPTIONS */
	bool			 cors;		/* Access-Control-Allow-Origin: * */
	bool			 vary_language;
	const char		*set_cookie_lang; /* "de"/"en": remember it */
};

void	http_response_init(struct http_response *r);
void	http_response_free(struct http_response *r);
/* The body bytes and their number, whichever kind of body it is. */
const void *http_response_data(const struct http_response *r, size_t *size);
/* A strong ETag from the body: FNV-1a 64 over its bytes, in hex. */
void	http_etag(char out[HTTP_ETAG_MAX], const void *data, size_t n);
/* True when an If-None-Match list names `etag` (or is "*"); weak
 * comparison (RFC 9110 §13.1.2): W/ prefixes are ignored. */
bool	http_etag_matches(const char *if_none_match, const char *etag);
#define HTTP_DATE_MAX 40
/* IMF-fixdate (RFC 9110 §5.6.7), "Sun, 06 Nov 1994 08:49:37 GMT", written
 * without the C locale. */
void	http_date_format(time_t t, char out[HTTP_DATE_MAX]);
/* Parses an IMF-fixdate; -1 when malformed. */
int	http_date_parse(const char *s, time_t *out);
/* Applies If-None-Match / If-Modified-Since to a 200 answer to GET or
 * HEAD: turns it into 304 without a body when the client's copy is current
 * (If-None-Match wins when both are sent, RFC 9110 §13.2.2). */
void	http_conditional(const struct http_request *req, struct http_response *r);
/* The reason phrase of a status code ("Not Found"). */
const char *http_status_text(int status);
/* The query argument `key`, or NULL. */
const char *http_query(const struct http_request *req, const char *key);
/* The names of the query arguments (see struct http_request). */
size_t	http_query_keys(const struct http_request *req, const char **keys,
	    size_t max);
/* The request's read-only database connection, opened on first use. */
struct db *http_database(const struct http_request *req, struct error *e);

#endif
