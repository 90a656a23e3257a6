/*
 * msgids: lists the translatable strings of the program, for tests/cli/i18n.sh.
 *
 *   msgids src FILE.c...  every literal msgid passed to a translating function
 *                         ("L<TAB>file:line<TAB>msgid"), and every call whose
 *                         msgid is not a literal ("D<TAB>file:line<TAB>expr")
 *   msgids runtime        msgids built at run time from tables the source does
 *                         not mark: the structure status reasons
 *                         ("R<TAB>file<TAB>msgid")
 *   msgids units FILE.json  the units of a catalogue that are translated
 *                         (all but percentages, which print as "%":
 *                         assess_unit_label) ("C<TAB>file<TAB>unit")
 *   msgids pages FILE.po PAGE.html...  English left on German pages: every
 *                         text of the pages (between tags; title, alt and
 *                         aria-label) that is an msgid with another German
 *                         translation, or holds a piece of one of two words
 *                         or more between its %s ("PAGE<TAB>msgid<TAB>text")
 *   msgids po FILE.po     the entries of a po file ("T<TAB>file:line<TAB>msgid
 *                         <TAB>msgstr", U instead of T when po2c would skip it:
 *                         empty msgstr or fuzzy)
 *
 * xgettext cannot be used for the first: of `page_text(ctx, c ? "a" : "b")`
 * it extracts "a" only. Here the argument is split at its top-level ? and :
 * and every branch that is a literal (adjacent literals joined) is a msgid.
 * Strings are printed decoded, then with backslash, tab and newline escaped,
 * so that source and po compare byte for byte.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/structure.h"

/* The translating functions and the position of their msgid argument. N_()
 * marks a msgid in a table that is translated later through a variable. */
static const struct { const char *name; int arg; } msgids_keywords[] = {
	{ "i18n_text", 2 },
	{ "page_text", 2 },
	{ "page_index_text", 2 },
	{ "page_structure_text", 2 },
	{ "page_term", 3 },
	{ "page_error", 4 },
	{ "N_", 1 },
};

enum msgids_kind { TOK_IDENT, TOK_STRING, TOK_PUNCT };

struct msgids_token {
	enum msgids_kind kind;
	int		 line;
	char		*text;	/* identifier, decoded string, or the punctuator */
};

struct msgids_file {
	struct msgids_token *tok;
	size_t		 count, cap;
};

static void
msgids_push(struct msgids_file *f, enum msgids_kind kind, int line,
    const char *s, size_t n)
{
	if (f->count == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 1024;
		f->tok = realloc(f->tok, f->cap * sizeof(*f->tok));
		if (f->tok == NULL)
			abort();
	}
	f->tok[f->count].kind = kind;
	f->tok[f->count].line = line;
	f->tok[f->count].text = strndup(s, n);
	f->count++;
}

/* Decodes the C escapes of a literal's body [s, e) into out (as many bytes or
 * fewer); returns the decoded length. */
static size_t
msgids_decode(const char *s, const char *e, char *out)
{
	size_t n = 0;

	while (s < e) {
		if (*s != '\\' || s + 1 >= e) {
			out[n++] = *s++;
			continue;
		}
		s++;
		switch (*s) {
		case 'n': out[n++] = '\n'; s++; break;
		case 't': out[n++] = '\t'; s++; break;
		case 'r': out[n++] = '\r'; s++; break;
		case 'x': {
			unsigned v = 0;
			s++;
			while (s < e && isxdigit((unsigned char)*s)) {
				v = v * 16 + (unsigned)(isdigit((unsigned char)*s) ?
				    *s - '0' : tolower((unsigned char)*s) - 'a' + 10);
				s++;
			}
			out[n++] = (char)v;
			break;
		}
		default:
			if (*s >= '0' && *s <= '7') {
				unsigned v = 0;
				int k;
				for (k = 0; k < 3 && s < e && *s >= '0' && *s <= '7'; k++)
					v = v * 8 + (unsigned)(*s++ - '0');
				out[n++] = (char)v;
			} else
				out[n++] = *s++;
		}
	}
	return n;
}

static void
msgids_print(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			fputs("\\\\", stdout);
		else if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '\t')
			fputs("\\t", stdout);
		else
			putchar(*s);
	}
}

static char *
msgids_read(const char *path)
{
	FILE *in = fopen(path, "rb");
	char *data = NULL;
	size_t n = 0, got;
	char chunk[65536];

	if (in == NULL) {
		perror(path);
		exit(2);
	}
	while ((got = fread(chunk, 1, sizeof(chunk), in)) > 0) {
		data = realloc(data, n + got + 1);
		if (data == NULL)
			abort();
		memcpy(data + n, chunk, got);
		n += got;
	}
	fclose(in);
	if (data == NULL)
		data = calloc(1, 1);
	data[n] = '\0';
	return data;
}

/* Splits C source into identifiers, decoded string literals and one-character
 * punctuators; comments, character constants and preprocessor lines are
 * skipped. */
static void
msgids_tokenize(const char *s, struct msgids_file *f)
{
	int line = 1, bol = 1;

	while (*s != '\0') {
		if (*s == '\n') {
			line++;
			bol = 1;
			s++;
		} else if (isspace((unsigned char)*s)) {
			s++;
		} else if (bol && *s == '#') {
			while (*s != '\0' && (*s != '\n' || s[-1] == '\\')) {
				if (*s == '\n')
					line++;
				s++;
			}
		} else if (s[0] == '/' && s[1] == '/') {
			while (*s != '\0' && *s != '\n')
				s++;
		} else if (s[0] == '/' && s[1] == '*') {
			for (s += 2; *s != '\0' && !(s[0] == '*' && s[1] == '/'); s++)
				if (*s == '\n')
					line++;
			if (*s != '\0')
				s += 2;
		} else if (*s == '\'' || *s == '"') {
			const char *start = ++s;
			char quote = s[-1], *dec;
			size_t n;

			while (*s != '\0' && *s != quote) {
				if (*s == '\\' && s[1] != '\0')
					s++;
				s++;
			}
			if (quote == '"') {
				dec = malloc((size_t)(s - start) + 1);
				if (dec == NULL)
					abort();
				n = msgids_decode(start, s, dec);
				msgids_push(f, TOK_STRING, line, dec, n);
				free(dec);
			}
			if (*s != '\0')
				s++;
			bol = 0;
		} else if (isalpha((unsigned char)*s) || *s == '_' ||
		    isdigit((unsigned char)*s)) {
			const char *start = s;
			while (isalnum((unsigned char)*s) || *s == '_')
				s++;
			/* u8"..." and L"...": the prefix is not an identifier. */
			if (*s != '"')
				msgids_push(f, TOK_IDENT, line, start,
				    (size_t)(s - start));
			bol = 0;
		} else {
			msgids_push(f, TOK_PUNCT, line, s, 1);
			s++;
			bol = 0;
		}
	}
}

/* One branch of a msgid argument, tokens [a, b): a literal (printed as L) or
 * an expression (printed as D, unless it declares a parameter). */
static void
msgids_branch(const char *path, struct msgids_file *f, size_t a, size_t b)
{
	size_t i;
	int literal = b > a;

	for (i = a; i < b; i++)
		if (f->tok[i].kind != TOK_STRING)
			literal = 0;
	if (literal) {
		printf("L\t%s:%d\t", path, f->tok[a].line);
		for (i = a; i < b; i++)
			msgids_print(f->tok[i].text);
		putchar('\n');
		return;
	}
	if (b == a + 1 && strcmp(f->tok[a].text, "NULL") == 0)
		return;		/* no text at all */
	if (b > a && f->tok[a].kind == TOK_IDENT &&
	    (strcmp(f->tok[a].text, "const") == 0 ||
	    strcmp(f->tok[a].text, "struct") == 0))
		return;		/* the definition or prototype */
	printf("D\t%s:%d\t", path, b > a ? f->tok[a].line : 0);
	for (i = a; i < b; i++) {
		if (i > a && f->tok[i].kind == TOK_IDENT &&
		    f->tok[i - 1].kind == TOK_IDENT)
			putchar(' ');
		if (f->tok[i].kind == TOK_STRING)
			printf("\"...\"");
		else
			fputs(f->tok[i].text, stdout);
	}
	putchar('\n');
}

/* The call whose '(' is token open: finds argument number arg and splits it
 * at its top-level ? and :, the pieces before a ? being conditions. */
static void
msgids_call(const char *path, struct msgids_file *f, size_t open, int arg)
{
	size_t i, start = open + 1, piece;
	int depth = 0, n = 1;

	for (i = open + 1; i < f->count; i++) {
		const char *t = f->tok[i].text;

		if (f->tok[i].kind != TOK_PUNCT)
			continue;
		if (strchr("([{", t[0]) != NULL)
			depth++;
		else if (strchr(")]}", t[0]) != NULL && depth > 0)
			depth--;
		else if (strchr(")]}", t[0]) != NULL || (t[0] == ',' &&
		    depth == 0)) {
			if (n == arg)
				break;
			n++;
			start = i + 1;
			if (t[0] != ',')
				return;	/* fewer arguments */
		}
	}
	if (n != arg || i >= f->count)
		return;
	depth = 0;
	for (piece = start; start <= i; start++) {
		const char *t = f->tok[start].text;

		if (f->tok[start].kind == TOK_PUNCT && strchr("([{", t[0]))
			depth++;
		else if (f->tok[start].kind == TOK_PUNCT && strchr(")]}", t[0]) &&
		    start < i)
			depth--;
		else if (start == i || (depth == 0 &&
		    f->tok[start].kind == TOK_PUNCT &&
		    (t[0] == '?' || t[0] == ':'))) {
			if (start == i || t[0] == ':')
				msgids_branch(path, f, piece, start);
			piece = start + 1;
		}
	}
}

static void
msgids_source(const char *path)
{
	struct msgids_file f = { NULL, 0, 0 };
	char *data = msgids_read(path);
	size_t i, k;

	msgids_tokenize(data, &f);
	for (i = 0; i + 1 < f.count; i++) {
		if (f.tok[i].kind != TOK_IDENT || strcmp(f.tok[i + 1].text, "(") != 0)
			continue;
		for (k = 0; k < sizeof(msgids_keywords) / sizeof(msgids_keywords[0]);
		    k++)
			if (strcmp(f.tok[i].text, msgids_keywords[k].name) == 0)
				msgids_call(path, &f, i + 1, msgids_keywords[k].arg);
	}
	for (i = 0; i < f.count; i++)
		free(f.tok[i].text);
	free(f.tok);
	free(data);
}

struct msgids_entry {
	char	*id;			/* decoded */
	char	*piece[8];		/* the fixed parts worth looking for */
	int	 pieces;
	int	 formatted;		/* has a % directive */
};

struct msgids_po_list {
	struct msgids_entry	*e;
	size_t			 count;
};

/* Appends the text [s, e) (trimmed) to the entry's pieces when it has two
 * words or more: single English words ("by", "Data") are found only as a
 * whole text, where they cannot be part of a German sentence or a name. */
static void
msgids_piece(struct msgids_entry *m, const char *s, const char *e)
{
	while (s < e && isspace((unsigned char)*s))
		s++;
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	if (e - s < 8 || memchr(s, ' ', (size_t)(e - s)) == NULL ||
	    m->pieces == 8)
		return;
	m->piece[m->pieces++] = strndup(s, (size_t)(e - s));
}

static void
msgids_add(struct msgids_po_list *l, const char *id)
{
	struct msgids_entry *m;
	const char *s = id, *p;

	l->e = realloc(l->e, (l->count + 1) * sizeof(*l->e));
	if (l->e == NULL)
		abort();
	m = &l->e[l->count++];
	memset(m, 0, sizeof(*m));
	m->id = strdup(id);
	for (p = id; *p != '\0'; p++) {
		if (*p != '%')
			continue;
		m->formatted = 1;
		msgids_piece(m, s, p);
		p++;
		while (*p != '\0' && strchr("-+ #0123456789.*l", *p) != NULL)
			p++;
		if (*p == '\0')
			break;
		s = p + 1;
	}
	msgids_piece(m, s, p);
}

/* Appends the body of the quoted string on a po line to *s. */
static void
msgids_po_append(char **s, size_t *n, const char *line)
{
	const char *q = strchr(line, '"'), *e = strrchr(line, '"');

	if (q == NULL || e <= q)
		return;
	*s = realloc(*s, *n + (size_t)(e - q) + 1);
	if (*s == NULL)
		abort();
	*n += msgids_decode(q + 1, e, *s + *n);
	(*s)[*n] = '\0';
}

/* Reads a po file the way tools/po2c.c does: msgid, msgstr, continuation
 * lines, "#, fuzzy". */
static void
msgids_po(const char *path, struct msgids_po_list *collect)
{
	char *data = msgids_read(path), *line;
	char *id = NULL, *str = NULL;
	size_t idn = 0, strn = 0;
	int lineno = 0, at = 0, state = 0, fuzzy = 0, next_fuzzy = 0;

	for (line = data; ; ) {
		char *end = line != NULL ? strchr(line, '\n') : NULL;
		int last = line == NULL || (*line == '\0' && end == NULL);

		if (end != NULL)
			*end = '\0';
		if (!last)
			lineno++;
		if (last || (state == 2 && line[0] != '"')) {
			if (collect != NULL && id != NULL && idn > 0 &&
			    str != NULL && strn > 0 && !fuzzy &&
			    strcmp(id, str) != 0)
				msgids_add(collect, id);
			else if (collect == NULL && id != NULL && idn > 0) {
				printf("%c\t%s:%d\t", str != NULL && strn > 0 &&
				    !fuzzy ? 'T' : 'U', path, at);
				msgids_print(id);
				putchar('\t');
				msgids_print(str != NULL ? str : "");
				putchar('\n');
			}
			free(id);
			free(str);
			id = str = NULL;
			idn = strn = 0;
			state = 0;
		}
		if (last)
			break;
		if (strncmp(line, "#,", 2) == 0 && strstr(line, "fuzzy"))
			next_fuzzy = 1;
		else if (strncmp(line, "msgid ", 6) == 0) {
			id = calloc(1, 1);
			msgids_po_append(&id, &idn, line);
			at = lineno;
			fuzzy = next_fuzzy;
			next_fuzzy = 0;
			state = 1;
		} else if (strncmp(line, "msgstr ", 7) == 0) {
			str = calloc(1, 1);
			msgids_po_append(&str, &strn, line);
			state = 2;
		} else if (line[0] == '"' && state == 1)
			msgids_po_append(&id, &idn, line);
		else if (line[0] == '"' && state == 2)
			msgids_po_append(&str, &strn, line);
		line = end != NULL ? end + 1 : NULL;
	}
	free(data);
}

/* Whether needle occurs in text with no letter right before or after. */
static int
msgids_contains(const char *text, const char *needle)
{
	const char *at = text;
	size_t n = strlen(needle);

	while ((at = strstr(at, needle)) != NULL) {
		if ((at == text || !isalpha((unsigned char)at[-1])) &&
		    !isalpha((unsigned char)at[n]))
			return 1;
		at++;
	}
	return 0;
}

static void
msgids_check_text(const char *page, const struct msgids_po_list *l,
    char *text)
{
	char *r, *w;
	size_t i;
	int k, space = 1;

	/* Entities as html.c writes them; blanks collapsed. */
	for (r = w = text; *r != '\0'; ) {
		static const char *const ent[][2] = { { "&amp;", "&" },
		    { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
		    { "&#39;", "'" } };
		size_t e;
		char c = *r;

		for (e = 0; e < 5; e++)
			if (strncmp(r, ent[e][0], strlen(ent[e][0])) == 0)
				break;
		if (e < 5) {
			c = ent[e][1][0];
			r += strlen(ent[e][0]);
		} else
			r++;
		if (isspace((unsigned char)c)) {
			if (!space)
				*w++ = ' ';
			space = 1;
			continue;
		}
		*w++ = c;
		space = 0;
	}
	if (w > text && w[-1] == ' ')
		w--;
	*w = '\0';
	if (*text == '\0')
		return;
	for (i = 0; i < l->count; i++) {
		const struct msgids_entry *m = &l->e[i];
		int hit = !m->formatted && strcmp(text, m->id) == 0;

		for (k = 0; k < m->pieces && !hit; k++)
			hit = msgids_contains(text, m->piece[k]);
		if (hit) {
			printf("%s\t", page);
			msgids_print(m->id);
			printf("\t%.200s\n", text);
		}
	}
}

/* The texts of a page as our own writer makes them (html.c): between tags,
 * and the values of title, alt and aria-label. Scripts and styles are
 * skipped, and so is an element marked lang="en" (the language switch). */
static void
msgids_page(const char *path, const struct msgids_po_list *l)
{
	char *data = msgids_read(path), *s = data, *lt, *gt;
	int skip = 0;

	while ((lt = strchr(s, '<')) != NULL) {
		*lt = '\0';
		if (!skip)
			msgids_check_text(path, l, s);
		gt = strchr(lt + 1, '>');
		if (gt == NULL)
			break;
		*gt = '\0';
		if (strncmp(lt + 1, "script", 6) == 0 ||
		    strncmp(lt + 1, "style", 5) == 0 || strstr(lt + 1,
		    " lang=\"en\"") != NULL)
			skip = 1;
		else if (lt[1] == '/')
			skip = 0;
		else {
			static const char *const attrs[] = { " title=\"",
			    " alt=\"", " aria-label=\"" };
			size_t a;

			for (a = 0; a < 3; a++) {
				char *v = strstr(lt + 1, attrs[a]), *q;

				if (v == NULL)
					continue;
				v += strlen(attrs[a]);
				q = strchr(v, '"');
				if (q == NULL)
					continue;
				*q = '\0';
				msgids_check_text(path, l, v);
				*q = '"';
			}
		}
		s = gt + 1;
	}
	free(data);
}

/* Every "unit" string anywhere in the catalogue. */
static void
msgids_units(const char *path, json_t *v)
{
	const char *key;
	json_t *item;
	size_t i;

	if (json_is_array(v)) {
		json_array_foreach(v, i, item)
			msgids_units(path, item);
		return;
	}
	if (!json_is_object(v))
		return;
	json_object_foreach(v, key, item) {
		const char *u = json_string_value(item);

		if (strcmp(key, "unit") != 0 || u == NULL) {
			msgids_units(path, item);
			continue;
		}
		if (u[0] == '\0' || strcmp(u, "%") == 0 ||
		    strcmp(u, "percent") == 0 || strncmp(u, "percent ", 8) == 0)
			continue;
		printf("C\t%s\t", path);
		msgids_print(u);
		putchar('\n');
	}
}

int
main(int argc, char **argv)
{
	int i;

	if (argc >= 2 && strcmp(argv[1], "src") == 0) {
		for (i = 2; i < argc; i++)
			msgids_source(argv[i]);
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "runtime") == 0) {
		for (i = 0; i < STRUCTURE_STATUS__MAX; i++) {
			printf("R\tsrc/core/structure.c\t");
			msgids_print(structure_status_reason(
			    (enum structure_status)i));
			putchar('\n');
		}
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "units") == 0) {
		json_error_t err;
		json_t *root = json_load_file(argv[2], 0, &err);

		if (root == NULL) {
			fprintf(stderr, "%s:%d: %s\n", argv[2], err.line, err.text);
			return 2;
		}
		msgids_units(argv[2], root);
		json_decref(root);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "po") == 0) {
		msgids_po(argv[2], NULL);
		return 0;
	}
	if (argc >= 3 && strcmp(argv[1], "pages") == 0) {
		struct msgids_po_list l = { NULL, 0 };

		size_t e;
		int k;

		msgids_po(argv[2], &l);
		for (i = 3; i < argc; i++)
			msgids_page(argv[i], &l);
		for (e = 0; e < l.count; e++) {
			for (k = 0; k < l.e[e].pieces; k++)
				free(l.e[e].piece[k]);
			free(l.e[e].id);
		}
		free(l.e);
		return 0;
	}
	fprintf(stderr, "usage: msgids src FILE.c... | runtime | units FILE.json | "
	    "po FILE.po | pages FILE.po PAGE.html...\n");
	return 2;
}
