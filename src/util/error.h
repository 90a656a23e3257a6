/* Errors and located diagnostics. A function that can fail returns -1 and writes
 * one message into a caller-provided struct error; readers of files collect many
 * `file:line:column: message` diagnostics in a struct diag_list (it owns its strings). */
#ifndef WIALL_UTIL_ERROR_H
#define WIALL_UTIL_ERROR_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

struct error {
	char	message[1024];
};

/* Formats the message into e (if e is not NULL) and returns -1, so that
 * `return error_set(e, "...")` reads as what it does. */
int	error_set(struct error *e, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
int	error_vset(struct error *e, const char *fmt, va_list ap);
/* Prefixes an existing message: "context: old message". Returns -1. */
int	error_prefix(struct error *e, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

struct diag {
	char	*file;
	long	 line;		/* 1-based; 0 when not known */
	long	 column;	/* 1-based, in characters; 0 when not known */
	char	*message;
};

struct diag_list {
	struct diag	*items;
	size_t		 count;		/* stored */
	size_t		 capacity;
	size_t		 total;		/* reported, including those beyond the limit */
	size_t		 limit;		/* 0: no limit */
};

void	diag_list_init(struct diag_list *l, size_t limit);
void	diag_list_free(struct diag_list *l);
void	diag_add(struct diag_list *l, const char *file, long line, long column,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Prints every stored diagnostic as `file:line:column: message`, then a line
 * saying how many more there were beyond the limit. */
void	diag_list_print(const struct diag_list *l, FILE *fp);

#endif
