/* Requests and responses (see http.h). */
#include "web/http.h"

#include <stdio.h>
#include <string.h>

const char *const http_method_names[HTTP_METHOD__MAX] = {
	"GET", "HEAD", "OPTIONS", "OTHER"
};

static const char *const http_days[7] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};
static const char *const http_months[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

void
http_response_init(struct http_response *r)
{
	memset(r, 0, sizeof(*r));
	r->status = 200;
	buf_init(&r->body);
}

void
http_response_free(struct http_response *r)
{
	buf_free(&r->body);
}

const void *
http_response_data(const struct http_response *r, size_t *size)
{
	if (r->static_body != NULL) {
		*size = r->static_size;
		return r->static_body;
	}
	*size = r->body.len;
	return r->body.data != NULL ? r->body.data : "";
}

void
http_etag(char out[HTTP_ETAG_MAX], const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t hash = 0xcbf29ce484222325ULL;	/* FNV-1a 64 offset basis */
	size_t i;

	for (i = 0; i < n; i++) {
		hash ^= p[i];
		hash *= 0x100000001b3ULL;	/* FNV prime */
	}
	snprintf(out, HTTP_ETAG_MAX, "\"%016llx\"", (unsigned long long)hash);
}

bool
http_etag_matches(const char *list, const char *etag)
{
	const char *p = list;
	size_t n = strlen(etag);

	if (list == NULL || etag[0] == '\0')
		return false;
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (*p == '*')
			return true;
		if (p[0] == 'W' && p[1] == '/')
			p += 2;
		if (strncmp(p, etag, n) == 0 &&
		    (p[n] == '\0' || p[n] == ',' || p[n] == ' ' || p[n] == '\t'))
			return true;
		p = strchr(p, ',');
		if (p == NULL)
			break;
	}
	return false;
}

void
http_date_format(time_t t, char out[HTTP_DATE_MAX])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(out, HTTP_DATE_MAX, "%s, %02d %s %04d %02d:%02d:%02d GMT",
	    http_days[tm.tm_wday % 7], tm.tm_mday, http_months[tm.tm_mon % 12],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int
http_date_parse(const char *s, time_t *out)
{
	struct tm tm;
	char day[4], month[4], zone[4];
	int i, n = 0;

	memset(&tm, 0, sizeof(tm));
	if (s == NULL || strlen(s) != 29 ||
	    sscanf(s, "%3s, %2d %3s %4d %2d:%2d:%2d %3s%n", day, &tm.tm_mday,
	    month, &tm.tm_year, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, zone,
	    &n) != 8 || n != 29 || strcmp(zone, "GMT") != 0)
		return -1;
	for (i = 0; i < 12; i++)
		if (strcmp(month, http_months[i]) == 0)
			break;
	if (i == 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
	    tm.tm_min > 59 || tm.tm_sec > 60 || tm.tm_year < 1970)
		return -1;
	tm.tm_mon = i;
	tm.tm_year -= 1900;
	*out = timegm(&tm);
	return 0;
}

void
http_conditional(const struct http_request *req, struct http_response *r)
{
	bool not_modified = false;
	time_t since;

	if (r->status != 200 ||
	    (req->method != HTTP_GET && req->method != HTTP_HEAD))
		return;
	if (req->if_none_match != NULL)
		not_modified = http_etag_matches(req->if_none_match, r->etag);
	else if (req->if_modified_since != NULL && r->last_modified != 0 &&
	    http_date_parse(req->if_modified_since, &since) == 0)
		not_modified = r->last_modified <= since;
	if (not_modified) {
		r->status = 304;
		buf_reset(&r->body);
		r->static_body = NULL;
		r->static_size = 0;
	}
}

const char *
http_status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 204: return "No Content";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 413: return "Content Too Large";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Error";
	}
}

const char *
http_query(const struct http_request *req, const char *key)
{
	return req->query != NULL ? req->query(req->arg, key) : NULL;
}

size_t
http_query_keys(const struct http_request *req, const char **keys, size_t max)
{
	return req->query_keys != NULL ? req->query_keys(req->arg, keys, max) : 0;
}

struct db *
http_database(const struct http_request *req, struct error *e)
{
	if (req->database == NULL) {
		error_set(e, "no database");
		return NULL;
	}
	return req->database(req->arg, e);
}
