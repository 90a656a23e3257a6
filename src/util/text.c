#include "util/text.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t
text_utf8_decode(const char *str, size_t n, unsigned *cp_out)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c, cp, min;
	size_t len, k;

	if (n == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		len = 1; cp = c; min = 0;
	} else if ((c & 0xe0) == 0xc0) {
		len = 2; cp = c & 0x1f; min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		len = 3; cp = c & 0x0f; min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		len = 4; cp = c & 0x07; min = 0x10000;
	} else
		return 0;
	if (len > n)
		return 0;
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	if (cp_out != NULL)
		*cp_out = cp;
	return len;
}

int
text_utf8_valid(const char *s, size_t n, size_t *bad)
{
	size_t i = 0, len;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if ((len = text_utf8_decode(s + i, n - i, NULL)) == 0) {
			if (bad != NULL)
				*bad = i;
			return 0;
		}
		i += len;
	}
	return 1;
}

size_t
text_utf8_chars(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	return count;
}

int
text_parse_double(const char *s, size_t n, char decimal, double *out)
{
	char tmp[128];
	size_t i = 0, o = 0, digits = 0, group = 0;
	int seen_decimal = 0, seen_thousands = 0;
	double v;
	char *end;

	if (n == 0 || n >= sizeof(tmp))
		return -1;
	if (s[i] == '-' || s[i] == '+')
		tmp[o++] = s[i++];
	for (; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			tmp[o++] = c;
			digits++;
			group++;
		} else if (c == decimal && !seen_decimal) {
			if (digits == 0 || (seen_thousands && group != 3))
				return -1;
			tmp[o++] = '.';
			seen_decimal = 1;
			group = 0;
		} else if (decimal == ',' && c == '.' && !seen_decimal) {
			/* 1.234.567,8: groups of exactly three after the first. */
			if (digits == 0 || group == 0 || group > 3 ||
			    (seen_thousands && group != 3))
				return -1;
			seen_thousands = 1;
			group = 0;
		} else if ((c == 'e' || c == 'E') && digits > 0) {
			if (seen_thousands && !seen_decimal && group != 3)
				return -1;
			tmp[o++] = 'e';
			i++;
			if (i < n && (s[i] == '-' || s[i] == '+'))
				tmp[o++] = s[i++];
			if (i == n)
				return -1;
			for (; i < n; i++) {
				if (s[i] < '0' || s[i] > '9')
					return -1;
				tmp[o++] = s[i];
			}
			goto convert;
		} else
			return -1;
	}
	if (digits == 0 || (seen_thousands && !seen_decimal && group != 3))
		return -1;
convert:
	tmp[o] = '\0';
	errno = 0;
	v = strtod(tmp, &end);
	if (*end != '\0' || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

int
text_parse_int(const char *s, size_t n, long long *out)
{
	char tmp[32];
	char *end;
	long long v;

	if (n == 0 || n >= sizeof(tmp))
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	if (!((tmp[0] >= '0' && tmp[0] <= '9') || tmp[0] == '-' || tmp[0] == '+'))
		return -1;
	errno = 0;
	v = strtoll(tmp, &end, 10);
	if (*end != '\0' || errno == ERANGE || end == tmp)
		return -1;
	*out = v;
	return 0;
}

size_t
text_format_double(double v, char *out, size_t size)
{
	int prec, n = 0;

	if (v == 0.0)
		v = 0.0;	/* no "-0" in files */
	for (prec = 1; prec <= 17; prec++) {
		n = snprintf(out, size, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			break;
	}
	return n < 0 ? 0 : (size_t)n;
}

void
text_trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

bool
text_equal(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && memcmp(s, lit, n) == 0;
}
