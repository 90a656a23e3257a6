/* The CSV reader: a byte-at-a-time state machine over a fixed input block.
 *
 * Why byte-at-a-time: the three things every byte needs (quote/delimiter
 * framing, UTF-8 validation, line and column counting) are then done in one
 * pass, and a location is exact even inside a quoted field that spans lines.
 * The only memory that grows is the record being built, and it has a cap. */
#include "io/csv.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define CSV_BLOCK	65536
#define CSV_MAX_FIELDS	65536

enum csv_state {
	CSV_FIELD_START,
	CSV_UNQUOTED,
	CSV_QUOTED,
	CSV_QUOTE_IN_QUOTED	/* a quote inside a quoted field: end or "" */
};

struct csv_reader {
	FILE		*fp;
	bool		 own_fp;
	char		*name;
	struct csv_options opt;
	unsigned char	 in[CSV_BLOCK];
	size_t		 in_pos, in_len;
	bool		 eof, started, had_bom, failed, after_cr;
	char		 delim;
	unsigned long long bytes;

	long		 line;		/* line of the next byte */
	long		 col;		/* characters already seen on that line */

	/* UTF-8: continuation bytes still expected and the range of the next. */
	int		 u_need;
	unsigned char	 u_lo, u_hi;
	long		 u_line, u_col;	/* where the current sequence began */

	char		*rec;		/* fields' bytes, each NUL-terminated */
	size_t		 rec_len, rec_cap;
	struct csv_field *fields;
	size_t		 field_cap;
	struct csv_record record;
	long		 number;

	bool		 bad_utf8;	/* in the record being read */
	long		 bad_line, bad_col;

	char		 err[512];
	long		 err_line, err_col;
};

static void
csv_init(struct csv_reader *r, const char *name, const struct csv_options *opt)
{
	r->name = xstrdup(name);
	if (opt != NULL)
		r->opt = *opt;
	if (r->opt.max_record == 0)
		r->opt.max_record = CSV_MAX_RECORD_DEFAULT;
	r->delim = r->opt.delimiter;
	r->line = 1;
	r->record.fields = NULL;
}

int
csv_open_file(const char *path, const struct csv_options *opt,
    struct csv_reader **out, struct error *e)
{
	struct csv_reader *r;
	FILE *fp;

	*out = NULL;
	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL)
		return error_set(e, "%s: %s", path, strerror(errno));
	r = csv_open_stream(fp, path, opt);
	r->own_fp = fp != stdin;
	*out = r;
	return 0;
}

struct csv_reader *
csv_open_stream(FILE *fp, const char *name, const struct csv_options *opt)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));

	r->fp = fp;
	csv_init(r, name, opt);
	return r;
}

void
csv_close(struct csv_reader *r)
{
	if (r == NULL)
		return;
	if (r->own_fp)
		fclose(r->fp);
	free(r->name);
	free(r->rec);
	free(r->fields);
	free(r);
}

const char *
csv_name(const struct csv_reader *r)
{
	return r->name;
}

char
csv_delimiter(const struct csv_reader *r)
{
	return r->delim;
}

bool
csv_had_bom(const struct csv_reader *r)
{
	return r->had_bom;
}

bool
csv_failed(const struct csv_reader *r)
{
	return r->failed;
}

unsigned long long
csv_bytes_read(const struct csv_reader *r)
{
	return r->bytes;
}

const char *
csv_error_at(const struct csv_reader *r, long *line, long *column)
{
	if (line != NULL)
		*line = r->err_line;
	if (column != NULL)
		*column = r->err_col;
	return r->err;
}

static enum csv_status
csv_fail(struct csv_reader *r, bool final, long line, long col,
    struct error *e, const char *msg)
{
	snprintf(r->err, sizeof(r->err), "%s", msg);
	r->err_line = line;
	r->err_col = col;
	if (final)
		r->failed = true;
	error_set(e, "%s:%ld:%ld: %s", r->name, line, col, msg);
	return CSV_ERROR;
}

/* Refills the input block; returns false at the end of input. */
static bool
csv_fill(struct csv_reader *r, struct error *e)
{
	size_t n;

	if (r->eof)
		return false;
	n = fread(r->in, 1, sizeof(r->in), r->fp);
	if (n == 0) {
		r->eof = true;
		return false;
	}
	r->in_pos = 0;
	r->in_len = n;
	r->bytes += n;
	if (r->opt.on_read != NULL)
		r->opt.on_read(r->in, n, r->opt.on_read_arg);
	return true;
}

/* The first line decides the delimiter: the most frequent of `;` TAB `,`
 * outside quotes (ties in that order, since German files use `;` and often
 * have commas in quoted names). Only the first block is looked at. */
static void
csv_detect(struct csv_reader *r)
{
	size_t i, semi = 0, tab = 0, comma = 0;
	bool quoted = false;

	for (i = r->in_pos; i < r->in_len; i++) {
		unsigned char c = r->in[i];
		if (c == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (c == '\n' || c == '\r')
			break;
		else if (c == ';')
			semi++;
		else if (c == '\t')
			tab++;
		else if (c == ',')
			comma++;
	}
	if (semi >= tab && semi >= comma && semi > 0)
		r->delim = ';';
	else if (tab >= comma && tab > 0)
		r->delim = '\t';
	else
		r->delim = ',';
}

static int
csv_start(struct csv_reader *r, struct error *e)
{
	r->started = true;
	if (!csv_fill(r, e)) {
		if (ferror(r->fp))
			return csv_fail(r, true, 1, 1, e, strerror(errno));
		if (r->delim == 0)
			r->delim = ',';
		return 0;
	}
	/* A BOM split over two reads is not worth handling: 64 KiB blocks. */
	if (r->in_len >= 3 && r->in[0] == 0xef && r->in[1] == 0xbb &&
	    r->in[2] == 0xbf) {
		r->had_bom = true;
		r->in_pos = 3;
	}
	if (r->delim == 0)
		csv_detect(r);
	return 0;
}

static int
csv_push(struct csv_reader *r, unsigned char c, struct error *e)
{
	if (r->rec_len + 2 > r->opt.max_record)
		return -1;
	if (r->rec_len + 2 > r->rec_cap) {
		r->rec_cap = r->rec_cap == 0 ? 256 : r->rec_cap * 2;
		if (r->rec_cap > r->opt.max_record)
			r->rec_cap = r->opt.max_record;
		r->rec = xrealloc(r->rec, r->rec_cap);
	}
	r->rec[r->rec_len++] = (char)c;
	return 0;
}

/* Ends the current field (NUL after its bytes) and starts a new slot. */
static int
csv_end_field(struct csv_reader *r, size_t start, long line, long col,
    bool quoted)
{
	struct csv_field *f;

	if (r->record.count >= CSV_MAX_FIELDS)
		return -1;
	if (r->rec_len + 1 > r->rec_cap) {
		r->rec_cap = r->rec_cap == 0 ? 256 : r->rec_cap * 2;
		r->rec = xrealloc(r->rec, r->rec_cap);
	}
	r->rec[r->rec_len++] = '\0';
	r->fields = xgrow(r->fields, &r->field_cap, r->record.count + 1,
	    sizeof(*r->fields));
	f = &r->fields[r->record.count++];
	f->data = NULL;
	f->len = r->rec_len - 1 - start;
	f->line = line;
	f->column = col;
	f->quoted = quoted;
	return 0;
}

/* Checks one byte as UTF-8 (RFC 3629: no overlongs, no surrogates, nothing
 * above U+10FFFF) and counts columns; flags the first bad sequence of the
 * record. `c` is the byte at r->line, r->col + 1. */
static void
csv_utf8(struct csv_reader *r, unsigned char c)
{
	if (r->u_need > 0) {
		if (c >= r->u_lo && c <= r->u_hi) {
			r->u_need--;
			r->u_lo = 0x80;
			r->u_hi = 0xbf;
			return;
		}
		if (!r->bad_utf8) {
			r->bad_utf8 = true;
			r->bad_line = r->u_line;
			r->bad_col = r->u_col;
		}
		r->u_need = 0;
		/* c starts something new: fall through and judge it alone. */
	}
	if ((c & 0xc0) == 0x80 || c < 0x80) {
		r->col++;	/* ASCII; a stray continuation byte counts too */
		if (c >= 0x80 && !r->bad_utf8) {
			r->bad_utf8 = true;
			r->bad_line = r->line;
			r->bad_col = r->col;
		}
		return;
	}
	r->col++;
	r->u_line = r->line;
	r->u_col = r->col;
	r->u_lo = 0x80;
	r->u_hi = 0xbf;
	if (c >= 0xc2 && c <= 0xdf)
		r->u_need = 1;
	else if (c >= 0xe0 && c <= 0xef) {
		r->u_need = 2;
		if (c == 0xe0)
			r->u_lo = 0xa0;
		else if (c == 0xed)
			r->u_hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		r->u_need = 3;
		if (c == 0xf0)
			r->u_lo = 0x90;
		else if (c == 0xf4)
			r->u_hi = 0x8f;
	} else if (!r->bad_utf8) {	/* C0, C1, F5..FF */
		r->bad_utf8 = true;
		r->bad_line = r->line;
		r->bad_col = r->col;
	}
}

/* A sequence cut by the end of a line or of the file is bad too. */
static void
csv_utf8_flush(struct csv_reader *r)
{
	if (r->u_need > 0 && !r->bad_utf8) {
		r->bad_utf8 = true;
		r->bad_line = r->u_line;
		r->bad_col = r->u_col;
	}
	r->u_need = 0;
}

static enum csv_status
csv_too_long(struct csv_reader *r, long line, long col, struct error *e)
{
	char msg[160];

	snprintf(msg, sizeof(msg), "record longer than %zu bytes (a quote "
	    "that is never closed?)", r->opt.max_record);
	return csv_fail(r, true, line, col, e, msg);
}

enum csv_status
csv_next(struct csv_reader *r, struct csv_record **rec, struct error *e)
{
	enum csv_state state;
	size_t start;
	long f_line, f_col;
	bool quoted;

	*rec = NULL;
	if (r->failed)
		return csv_fail(r, true, r->err_line, r->err_col, e,
		    "reading stopped after an earlier error");
	if (!r->started && csv_start(r, e) != 0)
		return CSV_ERROR;
again:
	r->rec_len = 0;
	r->record.count = 0;
	r->bad_utf8 = false;
	state = CSV_FIELD_START;
	start = 0;
	f_line = r->line;
	f_col = r->col + 1;
	quoted = false;
	r->record.line = f_line;
	for (;;) {
		unsigned char c;

		if (r->in_pos == r->in_len && !csv_fill(r, e)) {
			if (ferror(r->fp))
				return csv_fail(r, true, r->line, r->col + 1, e,
				    strerror(errno));
			csv_utf8_flush(r);
			if (state == CSV_QUOTED)
				return csv_fail(r, true, f_line, f_col, e,
				    "quoted field is never closed");
			if (state == CSV_FIELD_START && r->record.count == 0)
				return CSV_END;
			break;
		}
		c = r->in[r->in_pos++];
		if (r->after_cr) {
			r->after_cr = false;
			if (c == '\n')
				continue;	/* the LF of a CRLF */
		}
		if (c == '\n' || c == '\r') {
			csv_utf8_flush(r);
			if (state == CSV_QUOTED) {
				if (csv_push(r, '\n', e) == -1)
					return csv_too_long(r, f_line, f_col, e);
				r->line++;
				r->col = 0;
				r->after_cr = c == '\r';
				continue;
			}
			r->line++;
			r->col = 0;
			r->after_cr = c == '\r';
			/* A blank line is no record. */
			if (state == CSV_FIELD_START && r->record.count == 0)
				goto again;
			break;
		}
		if (c == '\0')
			return csv_fail(r, true, r->line, r->col + 1, e,
			    "NUL byte: this is not a text file");
		csv_utf8(r, c);
		switch (state) {
		case CSV_FIELD_START:
			if (c == '"') {
				quoted = true;
				state = CSV_QUOTED;
				continue;
			}
			state = CSV_UNQUOTED;
			/* FALLTHROUGH */
		case CSV_UNQUOTED:
			if (c == (unsigned char)r->delim)
				goto next_field;
			if (csv_push(r, c, e) == -1)
				return csv_too_long(r, f_line, f_col, e);
			/* Fast path: a run of plain ASCII in this block. */
			{
				const unsigned char *p = r->in + r->in_pos;
				const unsigned char *end = r->in + r->in_len;
				const unsigned char *q = p;
				size_t room = r->opt.max_record - r->rec_len - 2;
				while (q < end && *q >= 0x20 && *q < 0x80 &&
				    *q != (unsigned char)r->delim && *q != '"')
					q++;
				if ((size_t)(q - p) > room)
					q = p + room;
				if (q > p) {
					size_t n = (size_t)(q - p);
					if (r->rec_len + n + 2 > r->rec_cap) {
						while (r->rec_len + n + 2 > r->rec_cap)
							r->rec_cap *= 2;
						r->rec = xrealloc(r->rec, r->rec_cap);
					}
					memcpy(r->rec + r->rec_len, p, n);
					r->rec_len += n;
					r->in_pos += n;
					r->col += (long)n;
				}
			}
			continue;
		case CSV_QUOTED:
			if (c == '"') {
				state = CSV_QUOTE_IN_QUOTED;
				continue;
			}
			if (csv_push(r, c, e) == -1)
				return csv_too_long(r, f_line, f_col, e);
			continue;
		case CSV_QUOTE_IN_QUOTED:
			if (c == '"') {
				state = CSV_QUOTED;
				if (csv_push(r, c, e) == -1)
					return csv_too_long(r, f_line, f_col, e);
				continue;
			}
			if (c == (unsigned char)r->delim)
				goto next_field;
			return csv_fail(r, true, r->line, r->col, e,
			    "text after the closing quote of a field (a quote "
			    "inside a quoted field is written \"\")");
		}
next_field:
		if (csv_end_field(r, start, f_line, f_col, quoted) == -1)
			return csv_fail(r, true, f_line, f_col, e,
			    "too many fields in one record");
		start = r->rec_len;
		f_line = r->line;
		f_col = r->col + 1;
		quoted = false;
		state = CSV_FIELD_START;
	}
	if (csv_end_field(r, start, f_line, f_col, quoted) == -1)
		return csv_fail(r, true, f_line, f_col, e,
		    "too many fields in one record");
	r->number++;
	r->record.number = r->number;
	{
		size_t i, off = 0;
		for (i = 0; i < r->record.count; i++) {
			r->fields[i].data = r->rec + off;
			off += r->fields[i].len + 1;
		}
	}
	r->record.fields = r->fields;
	if (r->bad_utf8)
		return csv_fail(r, false, r->bad_line, r->bad_col, e,
		    "invalid UTF-8 (save the file as UTF-8)");
	*rec = &r->record;
	return CSV_RECORD;
}

void
csv_write_field(FILE *fp, const char *s, size_t n, char delimiter)
{
	size_t i;
	bool quote = n > 0 && (s[0] == ' ' || s[0] == '\t' ||
	    s[n - 1] == ' ' || s[n - 1] == '\t');

	for (i = 0; i < n && !quote; i++)
		if (s[i] == delimiter || s[i] == '"' || s[i] == '\n' ||
		    s[i] == '\r')
			quote = true;
	if (!quote) {
		fwrite(s, 1, n, fp);
		return;
	}
	putc('"', fp);
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			putc('"', fp);
		putc(s[i], fp);
	}
	putc('"', fp);
}
