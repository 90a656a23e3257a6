/* The UI language of a request: an explicit ?lang= switch, else the "lang"
 * cookie the switch set, else Accept-Language (RFC 9110 §12.5.4, q-values),
 * else German. Returned strings are static ("de" or "en"). */
#ifndef WIALL_WEB_LANG_H
#define WIALL_WEB_LANG_H

#include <stddef.h>

#define LANG_DEFAULT "de"

/* "de" or "en" for a supported tag (case-insensitive, region ignored:
 * "de-AT" → "de"), NULL otherwise. */
const char *lang_supported(const char *tag, size_t n);
/* The best supported language of an Accept-Language header: highest q > 0,
 * the earlier entry on a tie; "*" stands for the default. Malformed
 * entries are skipped. NULL when nothing acceptable is named. */
const char *lang_from_accept(const char *header);
/* The value of the "lang" cookie in a Cookie header, if supported. */
const char *lang_from_cookie(const char *header);
/* The whole rule above; any argument may be NULL. */
const char *lang_choose(const char *query, const char *cookie,
	    const char *accept);

#endif
