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

/*
 * The shortest decimal that reads back to v, in plain notation where a
 * person would write it (47740, 0.25, 0.000001) and in exponent form only for
 * the very large and very small (1e+17, 1.5e-07). The digits: a double whose
 * shortest decimal has k <= 15 significant digits rounds to those k digits
 * at 15 (the zeros after them are dropped), so 15 digits, else 16, else 17,
 * which always reads back: three tries instead of seventeen.
 */
size_t
text_format_double(double v, char *out, size_t size)
{
	char sci[40], digits[20], text[48];
	const char *e;
	size_t nd = 0, len = 0;
	int prec, exp10, i;

	if (!isfinite(v))
		return (size_t)snprintf(out, size, "%g", v);
	if (v == 0.0)
		v = 0.0;	/* no "-0" in files */
	if (v == trunc(v) && fabs(v) < 1e15)
		return (size_t)snprintf(out, size, "%.0f", v);
	for (prec = 15; prec <= 17; prec++) {
		snprintf(sci, sizeof(sci), "%.*e", prec - 1, v);
		if (prec == 17 || strtod(sci, NULL) == v)
			break;
	}
	/* sci is [-]d.ddde[+-]xx: the digits without trailing zeros, and the
	 * power of ten of the first. */
	e = strchr(sci, 'e');
	for (i = sci[0] == '-'; sci + i < e; i++)
		if (sci[i] != '.')
			digits[nd++] = sci[i];
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	exp10 = atoi(e + 1);
	if (sci[0] == '-')
		text[len++] = '-';
	if (exp10 >= -6 && exp10 < 17) {
		if (exp10 < 0) {	/* 0.000ddd */
			text[len++] = '0';
			text[len++] = '.';
			for (i = -1; i > exp10; i--)
				text[len++] = '0';
			memcpy(text + len, digits, nd);
			len += nd;
		} else {		/* ddd[.ddd] or ddd000 */
			for (i = 0; i <= exp10 || (size_t)i < nd; i++) {
				if (i == exp10 + 1)
					text[len++] = '.';
				text[len++] = (size_t)i < nd ? digits[i] : '0';
			}
		}
		text[len] = '\0';
	} else {
		text[len++] = digits[0];
		if (nd > 1) {
			text[len++] = '.';
			memcpy(text + len, digits + 1, nd - 1);
			len += nd - 1;
		}
		snprintf(text + len, sizeof(text) - len, "e%c%02d",
		    exp10 < 0 ? '-' : '+', abs(exp10));
	}
	return (size_t)snprintf(out, size, "%s", text);
}

int
text_digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
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
