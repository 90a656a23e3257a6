/* Requests and responses (see http.h). */
#include "web/http.h"

#include <stdio.h>
#include <string.h>

#include "util/text.h"

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

/* IMF-fixdate = day-name "," SP 2DIGIT SP month SP 4DIGIT SP
 * 2DIGIT ":" 2DIGIT ":" 2DIGIT SP "GMT", at fixed places: 29 bytes. The
 * day must exist in its month (RFC 9110 §5.6.7: a recipient must ignore
 * a date that is not valid, and a conditional then does not apply). */
int
http_date_parse(const char *s, time_t *out)
{
	static const int days_in[12] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	struct tm tm;
	int i, day, mon, year, hour, min, sec;

	if (s == NULL || strlen(s) != 29 || memcmp(s + 3, ", ", 2) != 0 ||
	    s[7] != ' ' || s[11] != ' ' || s[16] != ' ' || s[19] != ':' ||
	    s[22] != ':' || strcmp(s + 25, " GMT") != 0)
		return -1;
	for (i = 0; i < 7; i++)
		if (memcmp(s, http_days[i], 3) == 0)
			break;
	if (i == 7)
		return -1;
	for (mon = 0; mon < 12; mon++)
		if (memcmp(s + 8, http_months[mon], 3) == 0)
			break;
	day = text_digits(s + 5, 2);
	year = text_digits(s + 12, 4);
	hour = text_digits(s + 17, 2);
	min = text_digits(s + 20, 2);
	sec = text_digits(s + 23, 2);
	if (mon == 12 || day < 1 || year < 1970 || hour < 0 || hour > 23 ||
	    min < 0 || min > 59 || sec < 0 || sec > 60 || day > days_in[mon] ||
	    (mon == 1 && day == 29 && (year % 4 != 0 ||
	    (year % 100 == 0 && year % 400 != 0))))
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_mday = day;
	tm.tm_mon = mon;
	tm.tm_year = year - 1900;
	tm.tm_hour = hour;
	tm.tm_min = min;
	tm.tm_sec = sec;
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
