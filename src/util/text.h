/* Small text helpers: UTF-8 validation, strict number parsing, trimming.
 * Nothing here allocates. */
#ifndef WIALL_UTIL_TEXT_H
#define WIALL_UTIL_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Returns 1 if s[0..n) is valid UTF-8 (no overlongs, no surrogates); otherwise
 * 0 and the byte offset of the first bad sequence in *bad. */
int	text_utf8_valid(const char *s, size_t n, size_t *bad);
/* The length (1 to 4) of the UTF-8 sequence that starts s[0..n), with its
 * code point in *cp (if cp is not NULL); 0 if none starts there: a stray
 * continuation or bad lead byte, a cut-off sequence, an overlong form, a
 * surrogate or a code point above U+10FFFF. */
size_t	text_utf8_decode(const char *s, size_t n, unsigned *cp);
/* Number of UTF-8 characters in s[0..n) (continuation bytes not counted): turns
 * byte offsets into the column numbers people see. */
size_t	text_utf8_chars(const char *s, size_t n);
/* Parses a whole field as a finite double. `decimal` is '.' or ','. With ',' a
 * '.' is accepted only as a thousands separator between groups of three digits.
 * Leading/trailing blanks are not accepted; "nan", "inf", hex are not numbers. */
int	text_parse_double(const char *s, size_t n, char decimal, double *out);
/* Parses a decimal integer (optional sign) that fits in long long. */
int	text_parse_int(const char *s, size_t n, long long *out);
/* The shortest decimal text that reads back to the same double, with '.':
 * plain notation for 1e-6 <= |v| < 1e17 (50, 0.1, 0.000001, 1234567.5),
 * the exponent form beyond (1e+17, 2.5e-07); no "-0"; nan/inf as %g. */
size_t	text_format_double(double v, char *out, size_t size);
/* The n (at most 9) decimal digits at s as a number, or -1 if one of them is
 * not a digit: fixed-width fields of dates and times. */
int	text_digits(const char *s, int n);
void	text_trim(const char **s, size_t *n);
bool	text_equal(const char *s, size_t n, const char *lit);

#endif
