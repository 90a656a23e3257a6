/* Units of measurement as tables write them ("million EUR", "Mio. EUR",
 * "Tsd. Personen", "%"): normalised and compared, so that an import can tell
 * a value in another scale of the same unit from a merely different text.
 * Pure: nothing is allocated; results go into the caller's buffers. */
#ifndef WIALL_CORE_UNIT_H
#define WIALL_CORE_UNIT_H

#include <stddef.h>

/* Longer units are compared as they are, without normalising. */
#define UNIT_TEXT_MAX 256

enum unit_relation {
	UNIT_SAME,	/* equal once normalised, or synonyms (% = percent) */
	UNIT_SCALE,	/* the same base unit with another scale word */
	UNIT_OTHER,	/* anything else: we cannot tell */
	UNIT_RELATION__MAX
};

extern const char *const unit_relation_names[UNIT_RELATION__MAX];

/* Blanks trimmed and collapsed to one space (tab, line ends and the
 * no-break space count as blanks), ASCII letters in lower case. Writes at
 * most size bytes with the NUL; returns the length the whole result needs
 * (as snprintf: >= size means it was cut). */
size_t	unit_normalise(const char *s, char *out, size_t size);

/* A normalised unit as a scale and a base: "mio. eur" is 10^6 × "eur".
 * Scale words: thousand(s), tausend, tsd(.), 1000, 1.000, 1,000 (10^3);
 * million(s), millionen, mio(.), mn (10^6); billion(s), milliarde(n),
 * mrd(.), bn (10^9: the English billion, since case is folded and German
 * tables write Mrd.); also TEUR and T€ (10^3 EUR). A scale word may be
 * followed by "of". The base is made canonical where words are synonyms:
 * %, per cent, prozent → percent; €, euro → eur; personen, person →
 * persons. Writes the base into base (size bytes) and returns the power of
 * ten (0 without a scale word). */
int	unit_split(const char *normalised, char *base, size_t size);

/* How unit a (a row's) relates to unit b (the indicator's). With
 * UNIT_SCALE, *power says a = 10^power × b ("billion EUR" to "million EUR":
 * 3). Two empty units are the same. */
enum unit_relation unit_compare(const char *a, const char *b, int *power);

/* "1000 times" (power 3) or "1/1000 of" (power -3), for messages. */
void	unit_describe_power(int power, char *out, size_t size);

#endif
