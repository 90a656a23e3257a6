/* Interned names of the structure table: each distinct region, sector or
 * period name gets the next index, found again through an open-addressing
 * hash table. The names are copies owned by the set until
 * app_structure_names_free(). */
#include "app/structure_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static uint64_t
app_structure_names_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

size_t
app_structure_names_find(const struct app_structure_names *n, const char *s)
{
	size_t i;

	if (n->slot_cap == 0)
		return APP_STRUCTURE_NOT_FOUND;
	i = (size_t)(app_structure_names_hash(s) & (n->slot_cap - 1));
	while (n->slot[i] != 0) {
		if (strcmp(n->name[n->slot[i] - 1], s) == 0)
			return n->slot[i] - 1;
		i = (i + 1) & (n->slot_cap - 1);
	}
	return APP_STRUCTURE_NOT_FOUND;
}

static void
app_structure_names_rehash(struct app_structure_names *n)
{
	size_t k, i;

	free(n->slot);
	n->slot_cap = n->slot_cap == 0 ? 64 : n->slot_cap * 2;
	n->slot = xcalloc(n->slot_cap, sizeof(*n->slot));
	for (k = 0; k < n->count; k++) {
		i = (size_t)(app_structure_names_hash(n->name[k]) &
		    (n->slot_cap - 1));
		while (n->slot[i] != 0)
			i = (i + 1) & (n->slot_cap - 1);
		n->slot[i] = k + 1;
	}
}

size_t
app_structure_names_add(struct app_structure_names *n, const char *s)
{
	size_t k = app_structure_names_find(n, s), i;

	if (k != APP_STRUCTURE_NOT_FOUND)
		return k;
	if (2 * (n->count + 1) > n->slot_cap)
		app_structure_names_rehash(n);
	n->name = xgrow(n->name, &n->cap, n->count + 1, sizeof(*n->name));
	n->name[n->count] = xstrdup(s);
	i = (size_t)(app_structure_names_hash(s) & (n->slot_cap - 1));
	while (n->slot[i] != 0)
		i = (i + 1) & (n->slot_cap - 1);
	n->slot[i] = n->count + 1;
	return n->count++;
}

void
app_structure_names_free(struct app_structure_names *n)
{
	size_t k;

	for (k = 0; k < n->count; k++)
		free(n->name[k]);
	free(n->name);
	free(n->slot);
	memset(n, 0, sizeof(*n));
}
