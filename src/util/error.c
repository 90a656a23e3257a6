#include "util/error.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/xalloc.h"

int
error_vset(struct error *e, const char *fmt, va_list ap)
{
	if (e != NULL)
		vsnprintf(e->message, sizeof(e->message), fmt, ap);
	return -1;
}

int
error_set(struct error *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_vset(e, fmt, ap);
	va_end(ap);
	return -1;
}

int
error_prefix(struct error *e, const char *fmt, ...)
{
	char old[sizeof(e->message)], pre[sizeof(e->message)];
	va_list ap;

	if (e == NULL)
		return -1;
	memcpy(old, e->message, sizeof(old));
	va_start(ap, fmt);
	vsnprintf(pre, sizeof(pre), fmt, ap);
	va_end(ap);
	/* Truncation of an over-long message is acceptable. */
	size_t n = strlen(pre);
	if (n > sizeof(e->message) - 3)
		n = sizeof(e->message) - 3;
	memcpy(e->message, pre, n);
	memcpy(e->message + n, ": ", 2);
	n += 2;
	size_t m = strlen(old);
	if (m > sizeof(e->message) - 1 - n)
		m = sizeof(e->message) - 1 - n;
	memcpy(e->message + n, old, m);
	e->message[n + m] = '\0';
	return -1;
}

void
diag_list_init(struct diag_list *l, size_t limit)
{
	memset(l, 0, sizeof(*l));
	l->limit = limit;
}

void
diag_list_free(struct diag_list *l)
{
	size_t i;

	for (i = 0; i < l->count; i++) {
		free(l->items[i].file);
		free(l->items[i].message);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

void
diag_add(struct diag_list *l, const char *file, long line, long column,
    const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	struct diag *d;
	va_list ap;

	l->total++;
	if (l->limit != 0 && l->count >= l->limit)
		return;
	l->items = xgrow(l->items, &l->capacity, l->count + 1, sizeof(*l->items));
	d = &l->items[l->count++];
	d->file = xstrdup(file != NULL ? file : "");
	d->line = line;
	d->column = column;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	d->message = buf_detach(&b);
}

void
diag_list_print(const struct diag_list *l, FILE *fp)
{
	size_t i;

	for (i = 0; i < l->count; i++) {
		const struct diag *d = &l->items[i];
		if (d->line > 0 && d->column > 0)
			fprintf(fp, "%s:%ld:%ld: %s\n", d->file, d->line,
			    d->column, d->message);
		else if (d->line > 0)
			fprintf(fp, "%s:%ld: %s\n", d->file, d->line, d->message);
		else
			fprintf(fp, "%s: %s\n", d->file, d->message);
	}
	if (l->total > l->count)
		fprintf(fp, "... and %zu more problems not shown\n",
		    l->total - l->count);
}
