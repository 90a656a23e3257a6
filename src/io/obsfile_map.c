/* The code maps of an observation-file reader: the options' and the SDMX
 * mapping file's FROM -> TO pairs, sorted once by scope, key and FROM, then
 * found by binary search for every cell that may be mapped. */
#include <stdlib.h>
#include <string.h>

#include "io/obsfile_internal.h"
#include "util/text.h"
#include "util/xalloc.h"

static int
obsfile_map_cmp_parts(const struct obsfile_map *m, enum obsfile_scope scope,
    const char *key, const char *s, size_t n)
{
	int c;

	if (m->scope != scope)
		return (int)m->scope - (int)scope;
	c = strcmp(m->key != NULL ? m->key : "", key != NULL ? key : "");
	if (c != 0)
		return c;
	c = strncmp(m->from, s, n);
	if (c != 0)
		return c;
	return m->from[n] == '\0' ? 0 : 1;
}

static int
obsfile_map_sort(const void *a, const void *b)
{
	const struct obsfile_map *x = *(const struct obsfile_map *const *)a;
	const struct obsfile_map *y = *(const struct obsfile_map *const *)b;

	return obsfile_map_cmp_parts(x, y->scope, y->key, y->from,
	    strlen(y->from));
}

const char *
obsfile_map_search(const struct obsfile_reader *r, enum obsfile_scope scope,
    const char *key, const char *s, size_t n)
{
	size_t lo = 0, hi = r->map_count;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = obsfile_map_cmp_parts(r->maps[mid], scope, key, s, n);
		if (c == 0)
			return r->maps[mid]->to;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool
obsfile_map_search_total(const struct obsfile_reader *r, const char *s,
    size_t n)
{
	size_t i;

	for (i = 0; i < r->opt->total_count; i++)
		if (text_equal(s, n, r->opt->total_labels[i]))
			return true;
	return false;
}

void
obsfile_map_build(struct obsfile_reader *r)
{
	size_t n = r->opt->map_count + (r->mapping ? r->mapping->map_count : 0);
	size_t i, k = 0;

	r->maps = xcalloc(n + 1, sizeof(*r->maps));
	for (i = 0; i < r->opt->map_count; i++)
		r->maps[k++] = &r->opt->maps[i];
	for (i = 0; r->mapping != NULL && i < r->mapping->map_count; i++)
		r->maps[k++] = &r->mapping->maps[i];
	r->map_count = k;
	qsort(r->maps, k, sizeof(*r->maps), obsfile_map_sort);
}
