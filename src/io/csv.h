/* A streaming CSV reader (RFC 4180 quoting, `,` `;` or TAB detected from the
 * first line, UTF-8 BOM, CRLF/LF/CR), strict UTF-8, every field located by line
 * and 1-based column in characters. Memory is bounded by one record (capped,
 * default 1 MiB), never by the file. The reader owns the records it returns;
 * they stay valid until the next csv_next() or csv_close(). */
#ifndef WIALL_IO_CSV_H
#define WIALL_IO_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util/error.h"

#define CSV_MAX_RECORD_DEFAULT	(1024 * 1024)

struct csv_field {
	const char	*data;		/* NUL-terminated; unquoted content */
	size_t		 len;
	long		 line;		/* where the field starts (its quote, if any) */
	long		 column;	/* 1-based, in characters */
	bool		 quoted;
};

struct csv_record {
	struct csv_field *fields;
	size_t		 count;
	long		 line;		/* line of the first field */
	long		 number;	/* 1 = the first record (the header) */
};

struct csv_options {
	char		 delimiter;	/* ',' ';' '\t', or 0: detect from line 1 */
	size_t		 max_record;	/* bytes of one record; 0: the default */
	/* Called with every byte block read from the input, in order (e.g. to
	 * hash the file while it is parsed). May be NULL. */
	void		(*on_read)(const void *data, size_t n, void *arg);
	void		*on_read_arg;
};

enum csv_status {
	CSV_END = 0,		/* no more records */
	CSV_RECORD = 1,		/* *rec is the next record */
	CSV_ERROR = -1		/* see the error; csv_failed() says if it is final */
};

struct csv_reader;

/* Opens a file ("-" is standard input). `name` in messages is the path. */
int	csv_open_file(const char *path, const struct csv_options *opt,
	    struct csv_reader **out, struct error *e);
/* Reads from an open stream, which the caller keeps and closes. */
struct csv_reader *csv_open_stream(FILE *fp, const char *name,
	    const struct csv_options *opt);
void	csv_close(struct csv_reader *r);

/* The next record. Blank lines are skipped. On CSV_ERROR, e holds
 * "name:line:column: message" and csv_error_at() the parts. After an invalid
 * UTF-8 sequence the reader can go on with the next record (csv_failed() is
 * false); after a framing error (unclosed quote, record too long, NUL byte,
 * text after a closing quote, a read error) it is final. */
enum csv_status csv_next(struct csv_reader *r, struct csv_record **rec,
	    struct error *e);
bool	csv_failed(const struct csv_reader *r);
/* The last error without its location, and the location. */
const char *csv_error_at(const struct csv_reader *r, long *line, long *column);

const char *csv_name(const struct csv_reader *r);
char	csv_delimiter(const struct csv_reader *r);	/* 0 before the first record */
bool	csv_had_bom(const struct csv_reader *r);
unsigned long long csv_bytes_read(const struct csv_reader *r);

/* Writing: appends one field to fp, quoted when it holds the delimiter, a
 * quote, CR or LF, or leading/trailing blanks. */
void	csv_write_field(FILE *fp, const char *s, size_t n, char delimiter);

#endif
