/* Unit tests of src/io/csv: framing (RFC 4180), delimiter detection, BOM,
 * newlines, UTF-8 checks, locations, caps, and the field writer. Inputs are
 * read from memory with fmemopen, so every case is written out here. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv.h"
#include "util/xalloc.h"

struct mem {
	FILE			*fp;
	struct csv_reader	*r;
};

static void
mem_open(struct mem *m, const char *data, size_t n, const struct csv_options *opt)
{
	m->fp = fmemopen((void *)data, n, "rb");
	assert_non_null(m->fp);
	m->r = csv_open_stream(m->fp, "t.csv", opt);
}

static void
mem_close(struct mem *m)
{
	csv_close(m->r);
	fclose(m->fp);
}

static struct csv_record *
next_ok(struct mem *m)
{
	struct csv_record *rec;
	struct error e;

	assert_int_equal(csv_next(m->r, &rec, &e), CSV_RECORD);
	return rec;
}

static void
test_comma_lf(void **state)
{
	static const char in[] = "a,b,c\n1,,3\n";
	struct csv_record *rec;
	struct mem m;
	struct error e;

	mem_open(&m, in, strlen(in), NULL);
	rec = next_ok(&m);
	assert_int_equal(csv_delimiter(m.r), ',');
	assert_int_equal(rec->count, 3);
	assert_string_equal(rec->fields[2].data, "c");
	assert_int_equal(rec->number, 1);
	rec = next_ok(&m);
	assert_int_equal(rec->count, 3);
	assert_int_equal(rec->fields[1].len, 0);
	assert_string_equal(rec->fields[1].data, "");
	assert_int_equal(rec->fields[2].line, 2);
	assert_int_equal(rec->fields[2].column, 4);
	assert_int_equal(rec->line, 2);
	assert_int_equal(csv_next(m.r, &rec, &e), CSV_END);
	assert_int_equal(csv_next(m.r, &rec, &e), CSV_END);
	mem_close(&m);
}

/* A German statistics office file: BOM, `;`, CRLF, umlauts, no final newline.
 * Columns count characters: "Göttingen" is 9 characters in 10 bytes, so the
 * field after "Göttingen;" starts in column 11; the BOM counts for nothing. */
static void
test_semicolon_bom_crlf_columns(void **state)
{
	static const char in[] = "\xef\xbb\xbfregion;wert\r\nGöttingen;1,5\r\n"
	    "Bottrop;2";
	struct csv_record *rec;
	struct mem m;
	struct error e;

	mem_open(&m, in, strlen(in), NULL);
	rec = next_ok(&m);
	assert_true(csv_had_bom(m.r));
	assert_int_equal(csv_delimiter(m.r), ';');
	assert_string_equal(rec->fields[0].data, "region");
	assert_int_equal(rec->fields[0].column, 1);
	assert_int_equal(rec->fields[1].column, 8);
	rec = next_ok(&m);
	assert_string_equal(rec->fields[0].data, "Göttingen");
	assert_string_equal(rec->fields[1].data, "1,5");
	assert_int_equal(rec->fields[1].line, 2);
	assert_int_equal(rec->fields[1].column, 11);
	rec = next_ok(&m);
	assert_string_equal(rec->fields[1].data, "2");
	assert_int_equal(rec->fields[1].line, 3);
	assert_int_equal(csv_next(m.r, &rec, &e), CSV_END);
	mem_close(&m);
}

static void
test_tab_detected(void **state)
{
	static const char in[] = "a\tb,c\td\n1\t2,5\t3\n";
	struct csv_record *rec;
	struct mem m;

	mem_open(&m, in, strlen(in), NULL);
	rec = next_ok(&m);
	assert_int_equal(csv_delimiter(m.r), '\t');
	assert_int_equal(rec->count, 3);
	assert_string_equal(rec->fields[1].data, "b,c");
	mem_close(&m);
}

/* Quoted delimiters, doubled quotes, a newline inside quotes: the field after
 * the two-line field is on line 3, column 4 (`x",` is 3 characters). */
static void
test_quoting(void **state)
{
	static const char in[] = "h1,h2,h3\n\"a,b\",\"say \"\"hi\"\"\",\"two\r\n"
	    "x\",last\n\"\",\"\"\"\"\n";
	struct csv_record *rec;
	struct mem m;

	mem_open(&m, in, strlen(in), NULL);
	next_ok(&m);
	rec = next_ok(&m);
	assert_int_equal(rec->count, 4);
	assert_string_equal(rec->fields[0].data, "a,b");
	assert_true(rec->fields[0].quoted);
	assert_string_equal(rec->fields[1].data, "say \"hi\"");
	assert_int_equal(rec->fields[1].column, 7);
	assert_string_equal(rec->fields[2].data, "two\nx");
	assert_int_equal(rec->fields[2].line, 2);
	assert_string_equal(rec->fields[3].data, "last");
	assert_int_equal(rec->fields[3].line, 3);
	assert_int_equal(rec->fields[3].column, 4);
	rec = next_ok(&m);
	assert_int_equal(rec->line, 4);
	assert_int_equal(rec->count, 2);
	assert_string_equal(rec->fields[0].data, "");
	assert_string_equal(rec->fields[1].data, "\"");
	mem_close(&m);
}

static void
test_blank_lines_and_cr(void **state)
{
	static const char in[] = "a,b\r\r\n\n1,2\r3,4";
	struct csv_record *rec;
	struct mem m;
	struct error e;

	mem_open(&m, in, sizeof(in) - 1, NULL);
	next_ok(&m);
	rec = next_ok(&m);
	assert_string_equal(rec->fields[0].data, "1");
	assert_int_equal(rec->line, 4);
	rec = next_ok(&m);
	assert_string_equal(rec->fields[1].data, "4");
	assert_int_equal(rec->line, 5);
	assert_int_equal(csv_next(m.r, &rec, &e), CSV_END);
	mem_close(&m);
}

static void
test_empty_input(void **state)
{
	struct csv_record *rec;
	struct mem m;
	struct error e;

	mem_open(&m, "\n\n", 2, NULL);
	assert_int_equal(csv_next(m.r, &rec, &e), CSV_END);
	mem_close(&m);
}

/* "ok;G\xf6ttingen" is Latin-1: the bad byte is the 5th character of line 2,
 * after "x;G" (columns 3..5: G is 3, the byte 0xf6 is 4). */
static void
test_invalid_utf8_located_and_recoverable(void **state)
{
	static const char in[] = "a;b\nx;G\xf6ttingen\ny;ok\n";
	struct csv_record *rec;
	struct mem m;
	struct error e;
	long line, col;

	mem_open(&m, in, strlen(in), NULL);
	next_ok(&m);
	assert_int_equal(csv_next(m.r, &rec, &e), CSV_ERROR);
	assert_string_equal(e.message, "t.csv:2:4: invalid UTF-8 (save the file "
	    "as UTF-8)");
	csv_error_at(m.r, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 4);
	assert_false(csv_failed(m.r));
	rec = next_ok(&m);
	assert_string_equal(rec->fields[1].data, "ok");
	mem_close(&m);
}

static void
test_utf8_rejects(void **state)
{
	static const char *bad[] = {
		"a\n\xc0\x80\n",		/* overlong NUL */
		"a\n\xe0\x80\xaf\n",		/* overlong '/' */
		"a\n\xed\xa0\x80\n",		/* surrogate U+D800 */
		"a\n\xf4\x90\x80\x80\n",	/* above U+10FFFF */
		"a\n\xe2\x82\n",		/* cut by the line end */
		"a\n\x80\n",			/* stray continuation */
		"a\n\xff\n",
	};
	static const char good[] = "a\n\xe2\x82\xac \xf0\x9f\x98\x80 \xc3\xa4\n";
	struct csv_record *rec;
	struct mem m;
	struct error e;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		mem_open(&m, bad[i], strlen(bad[i]), NULL);
		next_ok(&m);
		assert_int_equal(csv_next(m.r, &rec, &e), CSV_ERROR);
		assert_non_null(strstr(e.message, "t.csv:2:1: invalid UTF-8"));
		mem_close(&m);
	}
	mem_open(&m, good, strlen(good), NULL);
	next_ok(&m);
	rec = next_ok(&m);
	assert_int_equal(rec->fields[0].len, 11);
	mem_close(&m);
}

static void
test_framing_errors(void **state)
{
	static const struct {
		const char *in;
		const char *message;
	} cases[] = {
		{ "a,b\n1,\"open\n2,3\n", "t.csv:2:3: quoted field is never closed" },
		{ "a,b\n\"x\"y,2\n", "t.csv:2:4: text after the closing quote" },
		{ "a,b\n1,2\0003\n", "t.csv:2:4: NUL byte" },
	};
	struct csv_record *rec;
	struct mem m;
	struct error e;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = strlen(cases[i].in);
		if (i == 2)
			n = 10;
		mem_open(&m, cases[i].in, n, NULL);
		next_ok(&m);
		assert_int_equal(csv_next(m.r, &rec, &e), CSV_ERROR);
		assert_ptr_equal(strstr(e.message, cases[i].message), e.message);
		assert_true(csv_failed(m.r));
		assert_int_equal(csv_next(m.r, &rec, &e), CSV_ERROR);
		mem_close(&m);
	}
}

/* A 10 MB line must fail at the cap (1 MiB by default) with the location of
 * the field, not allocate 10 MB. */
static void
test_record_cap(void **state)
{
	size_t n = 10 * 1000 * 1000;
	char *in = xmalloc(n + 8);
	struct csv_record *rec;
	struct mem m;
	struct error e;

	memcpy(in, "a,b\n1,", 6);
	memset(in + 6, 'x', n);
	in[n + 6] = '\n';
	mem_open(&m, in, n + 7, NULL);
	next_ok(&m);
	assert_int_equal(csv_next(m.r, &rec, &e), CSV_ERROR);
	assert_ptr_equal(strstr(e.message, "t.csv:2:3: record longer than "
	    "1048576 bytes"), e.message);
	mem_close(&m);
	free(in);
}

/* Block boundaries (64 KiB) inside a CRLF and inside a UTF-8 character. */
static void
test_block_boundaries(void **state)
{
	size_t n = 65536 * 2 + 100;
	char *in = xmalloc(n);
	struct csv_record *rec;
	struct mem m;
	struct error e;
	int records = 0;

	memset(in, 'a', n);
	in[65534] = '\r';
	in[65535] = '\n';	/* a CR|LF at the first boundary */
	memcpy(in + 65536 * 2 - 1, "\xc3\xa4", 2);	/* ä across the second */
	in[n - 1] = '\n';
	mem_open(&m, in, n, NULL);
	while (csv_next(m.r, &rec, &e) == CSV_RECORD) {
		records++;
		if (records == 2) {
			assert_int_equal(rec->line, 2);
			assert_int_equal(rec->fields[0].len, n - 65536 - 1);
		}
	}
	assert_false(csv_failed(m.r));
	assert_int_equal(records, 2);
	assert_int_equal(csv_bytes_read(m.r), n);
	mem_close(&m);
	free(in);
}

static void
count_bytes(const void *data, size_t n, void *arg)
{
	*(size_t *)arg += n;
}

static void
test_on_read_and_fixed_delimiter(void **state)
{
	static const char in[] = "a;b,c\n1;2,3\n";
	struct csv_options opt = { 0 };
	struct csv_record *rec;
	size_t seen = 0;
	struct mem m;

	opt.delimiter = ',';
	opt.on_read = count_bytes;
	opt.on_read_arg = &seen;
	mem_open(&m, in, strlen(in), &opt);
	rec = next_ok(&m);
	assert_int_equal(rec->count, 2);
	assert_string_equal(rec->fields[0].data, "a;b");
	assert_int_equal(seen, strlen(in));
	mem_close(&m);
}

/* Writing then reading gives back the same fields. */
static void
test_write_round_trip(void **state)
{
	static const char *fields[] = { "plain", "a,b", "say \"x\"", "two\nlines",
	    " lead", "", "ä;ö" };
	size_t nf = sizeof(fields) / sizeof(fields[0]), i;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	struct csv_record *rec;
	struct mem m;

	for (i = 0; i < nf; i++) {
		if (i > 0)
			putc(',', out);
		csv_write_field(out, fields[i], strlen(fields[i]), ',');
	}
	putc('\n', out);
	fclose(out);
	assert_string_equal(text, "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\","
	    "\" lead\",,ä;ö\n");
	mem_open(&m, text, len, NULL);
	rec = next_ok(&m);
	assert_int_equal(rec->count, nf);
	for (i = 0; i < nf; i++)
		assert_string_equal(rec->fields[i].data, fields[i]);
	mem_close(&m);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comma_lf),
		cmocka_unit_test(test_semicolon_bom_crlf_columns),
		cmocka_unit_test(test_tab_detected),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_blank_lines_and_cr),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_invalid_utf8_located_and_recoverable),
		cmocka_unit_test(test_utf8_rejects),
		cmocka_unit_test(test_framing_errors),
		cmocka_unit_test(test_record_cap),
		cmocka_unit_test(test_block_boundaries),
		cmocka_unit_test(test_on_read_and_fixed_delimiter),
		cmocka_unit_test(test_write_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
