/* A growable byte buffer, always NUL-terminated after its `len` bytes.
 * The buffer owns `data`; buf_free() releases it, buf_detach() hands it to the caller. */
#ifndef WIALL_UTIL_BUF_H
#define WIALL_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

void	 buf_init(struct buf *b);
void	 buf_free(struct buf *b);
void	 buf_reset(struct buf *b);		/* len = 0, keeps memory */
void	 buf_reserve(struct buf *b, size_t extra);
void	 buf_append(struct buf *b, const void *data, size_t n);
void	 buf_puts(struct buf *b, const char *s);
void	 buf_putc(struct buf *b, char c);
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *b, const char *fmt, va_list ap);
const char *buf_cstr(struct buf *b);		/* "" for an empty buffer */
char	*buf_detach(struct buf *b);		/* caller frees; b is reset */

#endif
