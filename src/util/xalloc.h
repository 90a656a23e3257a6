/* Allocation wrappers that never return NULL: on exhaustion they print and abort,
 * because no caller can do anything sensible without memory. The caller owns
 * every pointer returned and frees it with free(). */
#ifndef WIALL_UTIL_XALLOC_H
#define WIALL_UTIL_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows an array of `*capacity` items of `item_size` to hold at least `need`. */
void *xgrow(void *ptr, size_t *capacity, size_t need, size_t item_size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
