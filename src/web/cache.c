/* The per-thread page cache (see cache.h). A linear search over a few dozen
 * keys costs less than one SQL query; the data version check (one PRAGMA)
 * makes every answer as fresh as an uncached one. */
#include "web/cache.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

struct cache_entry {
	char			*key;
	long long		 version;
	struct http_response	 resp;
};

struct cache {
	struct cache_entry	*entries;
	size_t			 count;
	size_t			 next;		/* the one replaced next */
};

struct cache *
cache_new(size_t entries)
{
	struct cache *c = xcalloc(1, sizeof(*c));

	c->entries = xcalloc(entries, sizeof(*c->entries));
	c->count = entries;
	return c;
}

void
cache_free(struct cache *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->count; i++) {
		free(c->entries[i].key);
		http_response_free(&c->entries[i].resp);
	}
	free(c->entries);
	free(c);
}

bool
cache_get(struct cache *c, const char *key, long long version,
    struct http_response *resp)
{
	size_t i;

	for (i = 0; i < c->count; i++) {
		struct cache_entry *en = &c->entries[i];
		if (en->key == NULL || en->version != version ||
		    strcmp(en->key, key) != 0)
			continue;
		*resp = en->resp;
		buf_init(&resp->body);
		buf_append(&resp->body, en->resp.body.data, en->resp.body.len);
		return true;
	}
	return false;
}

void
cache_put(struct cache *c, const char *key, long long version,
    const struct http_response *resp)
{
	struct cache_entry *en;
	size_t i;

	if (resp->status != 200 || resp->static_body != NULL || c->count == 0)
		return;
	for (i = 0; i < c->count; i++)
		if (c->entries[i].key != NULL &&
		    strcmp(c->entries[i].key, key) == 0)
			break;
	if (i == c->count) {
		i = c->next;
		c->next = (c->next + 1) % c->count;
	}
	en = &c->entries[i];
	free(en->key);
	http_response_free(&en->resp);
	en->key = xstrdup(key);
	en->version = version;
	en->resp = *resp;
	buf_init(&en->resp.body);
	buf_append(&en->resp.body, resp->body.data, resp->body.len);
}
