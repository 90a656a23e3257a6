/* Language negotiation (see lang.h). Accept-Language grammar, RFC 9110:
 *   Accept-Language = #( language-range [ weight ] )
 *   weight = OWS ";" OWS "q=" qvalue
 *   qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
 * q-values are compared as integers in thousandths. */
#include "web/lang.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

static const char *const lang_names[] = { "de", "en" };

const char *
lang_supported(const char *tag, size_t n)
{
	size_t i, primary = 0;

	while (primary < n && tag[primary] != '-' && tag[primary] != '_')
		primary++;
	for (i = 0; i < sizeof(lang_names) / sizeof(lang_names[0]); i++)
		if (primary == 2 && strncasecmp(tag, lang_names[i], 2) == 0)
			return lang_names[i];
	return NULL;
}

static bool
lang_is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Parses a qvalue; returns thousandths, or -1 when malformed. */
static int
lang_qvalue(const char *s, size_t n)
{
	int q, digits = 0, scale = 100;
	size_t i;

	if (n == 0 || (s[0] != '0' && s[0] != '1'))
		return -1;
	q = (s[0] - '0') * 1000;
	if (n == 1)
		return q;
	if (s[1] != '.')
		return -1;
	for (i = 2; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || ++digits > 3)
			return -1;
		q += (s[i] - '0') * scale;
		scale /= 10;
	}
	return q > 1000 ? -1 : q;
}

/* Checks a language-range: "*" or 1*8ALPHA *("-" 1*8alphanum). */
static bool
lang_range_valid(const char *s, size_t n)
{
	size_t i, run = 0;
	bool first = true;

	if (n == 1 && s[0] == '*')
		return true;
	if (n == 0)
		return false;
	for (i = 0; i < n; i++) {
		char c = s[i];
		bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		bool digit = c >= '0' && c <= '9';
		if (c == '-') {
			if (run == 0)
				return false;
			run = 0;
			first = false;
			continue;
		}
		if (!(alpha || (digit && !first)) || ++run > 8)
			return false;
	}
	return run > 0;
}

const char *
lang_from_accept(const char *header)
{
	const char *p = header, *best = NULL;
	int best_q = 0;

	if (header == NULL)
		return NULL;
	while (*p != '\0') {
		const char *elem = p, *end = strchr(p, ','), *range_end, *param;
		const char *lang;
		size_t n, rn;
		int q = 1000;
		bool ok = true;

		if (end == NULL)
			end = p + strlen(p);
		p = *end == ',' ? end + 1 : end;
		while (elem < end && lang_is_space(*elem))
			elem++;
		n = (size_t)(end - elem);
		while (n > 0 && lang_is_space(elem[n - 1]))
			n--;
		if (n == 0)
			continue;	/* empty list elements are allowed */
		range_end = memchr(elem, ';', n);
		rn = range_end != NULL ? (size_t)(range_end - elem) : n;
		while (rn > 0 && lang_is_space(elem[rn - 1]))
			rn--;
		if (!lang_range_valid(elem, rn))
			continue;
		/* Parameters: only q is defined; anything else is malformed. */
		for (param = range_end; ok && param != NULL;) {
			const char *next, *v;
			size_t pn;

			param++;
			while (param < elem + n && lang_is_space(*param))
				param++;
			next = memchr(param, ';', (size_t)(elem + n - param));
			pn = (size_t)((next != NULL ? next : elem + n) - param);
			while (pn > 0 && lang_is_space(param[pn - 1]))
				pn--;
			if (pn < 2 || (param[0] != 'q' && param[0] != 'Q') ||
			    param[1] != '=') {
				ok = false;
				break;
			}
			v = param + 2;
			q = lang_qvalue(v, pn - 2);
			if (q < 0)
				ok = false;
			param = next;
		}
		if (!ok || q == 0)
			continue;
		lang = rn == 1 && elem[0] == '*' ? LANG_DEFAULT :
		    lang_supported(elem, rn);
		if (lang != NULL && q > best_q) {
			best = lang;
			best_q = q;
		}
	}
	return best;
}

const char *
lang_from_cookie(const char *header)
{
	const char *p = header;

	if (header == NULL)
		return NULL;
	while (*p != '\0') {
		const char *end = strchr(p, ';');
		size_t n;

		while (*p == ' ' || *p == '\t')
			p++;
		if (end == NULL)
			end = p + strlen(p);
		n = (size_t)(end - p);
		if (n > 5 && strncmp(p, "lang=", 5) == 0) {
			const char *v = p + 5;
			size_t vn = n - 5;
			while (vn > 0 && (v[vn - 1] == ' ' || v[vn - 1] == '\t'))
				vn--;
			if (vn == 2)
				return lang_supported(v, vn);
			return NULL;
		}
		p = *end == ';' ? end + 1 : end;
	}
	return NULL;
}

const char *
lang_choose(const char *query, const char *cookie, const char *accept)
{
	const char *lang;

	if (query != NULL && strlen(query) == 2 &&
	    (lang = lang_supported(query, 2)) != NULL)
		return lang;
	if ((lang = lang_from_cookie(cookie)) != NULL)
		return lang;
	if ((lang = lang_from_accept(accept)) != NULL)
		return lang;
	return LANG_DEFAULT;
}
