/* A small cache of rendered pages for one server thread: an answer is kept
 * under its key (language and path) with the database's data version, and
 * served again while that version holds. Entries are replaced in turn. The
 * cache owns its copies; cache_free() releases them. */
#ifndef WIALL_WEB_CACHE_H
#define WIALL_WEB_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "web/http.h"

struct cache;

struct cache	*cache_new(size_t entries);
void		 cache_free(struct cache *c);
/* On a hit, fills resp (a fresh one) with a copy of the stored answer. */
bool		 cache_get(struct cache *c, const char *key, long long version,
		    struct http_response *resp);
/* Stores a copy of a 200 answer whose body is in its buffer. */
void		 cache_put(struct cache *c, const char *key, long long version,
		    const struct http_response *resp);

#endif
