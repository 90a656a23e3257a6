/* Helpers of the table-printing commands (not itself a command). */
#include "cli/cmd_table.h"

#include <string.h>

#include "util/text.h"

size_t
cmd_table_width(const char *s)
{
	return text_utf8_chars(s, strlen(s));
}

/* The byte length of the first n characters of s. */
static size_t
cmd_table_bytes(const char *s, size_t n)
{
	size_t i = 0;

	while (s[i] != '\0' && n > 0) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		n--;
	}
	return i;
}

void
cmd_table_cell(FILE *fp, const char *s, size_t width, bool right)
{
	size_t w = cmd_table_width(s);

	if (w > width) {
		if (width == 0)
			return;
		fwrite(s, 1, cmd_table_bytes(s, width - 1), fp);
		fputs("…", fp);
		return;
	}
	if (right)
		fprintf(fp, "%*s", (int)(width - w), "");
	fputs(s, fp);
	if (!right)
		fprintf(fp, "%*s", (int)(width - w), "");
}

void
cmd_table_fit(FILE *fp, const char *s, size_t width)
{
	if (cmd_table_width(s) > width)
		cmd_table_cell(fp, s, width, false);
	else
		fputs(s, fp);
}

void
cmd_table_wrap(FILE *fp, const char *text, size_t at, size_t indent,
    size_t width)
{
	const char *p = text;
	size_t col = at;
	bool first = true;

	while (*p != '\0') {
		const char *end;
		size_t n, w;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		end = p + strcspn(p, " ");
		n = (size_t)(end - p);
		w = text_utf8_chars(p, n);
		if (!first && col + 1 + w > width) {
			fprintf(fp, "\n%*s", (int)indent, "");
			col = indent;
			first = true;
		}
		if (!first) {
			fputc(' ', fp);
			col++;
		}
		fwrite(p, 1, n, fp);
		col += w;
		first = false;
		p = end;
	}
	fputc('\n', fp);
}
