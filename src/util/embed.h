/* Files compiled into the binary by tools/embed.c (schema, assets, translations).
 * The tables are static data: nobody frees them. */
#ifndef WIALL_UTIL_EMBED_H
#define WIALL_UTIL_EMBED_H

#include <stddef.h>

struct embedded_file {
	const char		*name;	/* base name, e.g. "001_init.sql" */
	const unsigned char	*data;	/* NUL-terminated for convenience */
	size_t			 size;	/* without the NUL */
};

/* Looks a name up in a NULL-terminated table. */
const struct embedded_file *embed_find(const struct embedded_file *table,
	    const char *name);

#endif
