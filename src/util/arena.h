/* A bump allocator for short-lived data of one request or command.
 * Everything allocated from an arena lives until arena_free(); nothing is freed singly. */
#ifndef WIALL_UTIL_ARENA_H
#define WIALL_UTIL_ARENA_H

#include <stddef.h>

#include "util/buf.h"

struct arena_chunk;

struct arena {
	struct arena_chunk	*head;
	size_t			 chunk_size;
};

void	 arena_init(struct arena *a);
void	 arena_free(struct arena *a);
void	*arena_alloc(struct arena *a, size_t size);	/* 16-byte aligned, zeroed */
char	*arena_strdup(struct arena *a, const char *s);
char	*arena_strndup(struct arena *a, const char *s, size_t n);
char	*arena_printf(struct arena *a, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* A copy of b's text in a; b is freed (for text built with format_*()). */
char	*arena_take(struct arena *a, struct buf *b);

#endif
