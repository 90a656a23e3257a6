/* Units: normalising and comparing the texts tables give as units.
 *
 * The comparison only knows what it is told below: scale words in English
 * and German and a few synonyms. Everything else that differs is
 * UNIT_OTHER — the caller warns, since "percent" and "percent of
 * population 15-64" may or may not be the same measure. */
#include "core/unit.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

const char *const unit_relation_names[UNIT_RELATION__MAX] = {
	"same", "scale", "other"
};

/* A scale word at the start of a unit. A word ending in '.' is an
 * abbreviation and may be followed directly by the base ("tsd.eur"); any
 * other must be followed by a blank or the end. */
struct unit_scale {
	const char	*word;
	int		 power;
};

static const struct unit_scale unit_scales[] = {
	{ "thousands", 3 }, { "thousand", 3 }, { "tausend", 3 },
	{ "tsd.", 3 }, { "tsd", 3 }, { "1 000", 3 }, { "1.000", 3 },
	{ "1,000", 3 }, { "1000", 3 },
	{ "millions", 6 }, { "millionen", 6 }, { "million", 6 },
	{ "mio.", 6 }, { "mio", 6 }, { "mn", 6 },
	{ "billions", 9 }, { "billion", 9 }, { "milliarden", 9 },
	{ "milliarde", 9 }, { "mrd.", 9 }, { "mrd", 9 }, { "bn", 9 },
};

/* Eurostat's SDMX unit codes (UNIT dimension): a scale prefix and a base
 * code, THS_PER = thousand persons, MIO_EUR = million EUR. Only these bases:
 * "per" means persons only in this code form ("EUR per inhabitant"). */
static const struct unit_scale unit_sdmx_scales[] = {
	{ "ths_", 3 }, { "mio_", 6 }, { "bn_", 9 },
};
static const char *const unit_sdmx_bases[][2] = {
	{ "per", "persons" }, { "eur", "eur" }, { "hab", "inhabitants" },
};

/* Whole words with the same meaning, written as the first. */
static const char *const unit_synonyms[][2] = {
	{ "%", "percent" }, { "prozent", "percent" }, { "pct", "percent" },
	{ "\xe2\x82\xac", "eur" }, { "euro", "eur" }, { "euros", "eur" },
	{ "personen", "persons" }, { "person", "persons" },
};

static bool
unit_blank(const unsigned char *p, size_t *len)
{
	if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\v' ||
	    *p == '\f') {
		*len = 1;
		return true;
	}
	if (p[0] == 0xc2 && p[1] == 0xa0) {	/* U+00A0 no-break space */
		*len = 2;
		return true;
	}
	return false;
}

size_t
unit_normalise(const char *s, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0, len;
	bool pending = false;

	while (*p != '\0') {
		if (unit_blank(p, &len)) {
			pending = n > 0;
			p += len;
			continue;
		}
		if (pending) {
			if (n + 1 < size)
				out[n] = ' ';
			n++;
			pending = false;
		}
		if (n + 1 < size)
			out[n] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' :
			    *p);
		n++;
		p++;
	}
	if (size > 0)
		out[n < size ? n : size - 1] = '\0';
	return n;
}

/* Appends n bytes of s to out[size] at *at (cut at the end). */
static void
unit_put(char *out, size_t size, size_t *at, const char *s, size_t n)
{
	if (*at < size) {
		size_t room = size - 1 - *at;
		memcpy(out + *at, s, n < room ? n : room);
	}
	*at += n;
}

/* The length of a scale word at the start of s and its power, or 0. */
static size_t
unit_scale_word(const char *s, int *power)
{
	size_t i, n;

	for (i = 0; i < sizeof(unit_scales) / sizeof(unit_scales[0]); i++) {
		n = strlen(unit_scales[i].word);
		if (strncmp(s, unit_scales[i].word, n) != 0)
			continue;
		if (unit_scales[i].word[n - 1] != '.' && s[n] != ' ' &&
		    s[n] != '\0')
			continue;
		*power = unit_scales[i].power;
		return n;
	}
	return 0;
}

int
unit_split(const char *normalised, char *base, size_t size)
{
	const char *s = normalised;
	size_t at = 0, n, i;
	int power = 0;

	if ((n = unit_scale_word(s, &power)) > 0) {
		s += n;
		if (*s == ' ')
			s++;
		if (strncmp(s, "of ", 3) == 0)
			s += 3;
	} else if ((strncmp(s, "teur", 4) == 0 && (s[4] == ' ' ||
	    s[4] == '\0')) || (strncmp(s, "t\xe2\x82\xac", 4) == 0 &&
	    (s[4] == ' ' || s[4] == '\0'))) {
		/* German tables' TEUR / T€: thousand euro in one word. */
		power = 3;
		unit_put(base, size, &at, "eur", 3);
		s += 4;
	}
	for (i = 0; power == 0 && i < sizeof(unit_sdmx_scales) /
	    sizeof(unit_sdmx_scales[0]); i++) {
		size_t k, m = strlen(unit_sdmx_scales[i].word);

		if (strncmp(s, unit_sdmx_scales[i].word, m) != 0)
			continue;
		for (k = 0; k < sizeof(unit_sdmx_bases) /
		    sizeof(unit_sdmx_bases[0]); k++)
			if (strcmp(s + m, unit_sdmx_bases[k][0]) == 0) {
				power = unit_sdmx_scales[i].power;
				s += strlen(s);
				unit_put(base, size, &at, unit_sdmx_bases[k][1],
				    strlen(unit_sdmx_bases[k][1]));
				break;
			}
	}
	/* The rest word by word, synonyms replaced; "per cent" is one. */
	while (*s != '\0') {
		const char *word = s;
		const char *end = strchr(s, ' ');

		n = end != NULL ? (size_t)(end - s) : strlen(s);
		if (n == 3 && strncmp(s, "per", 3) == 0 &&
		    strncmp(s + 3, " cent", 5) == 0 &&
		    (s[8] == ' ' || s[8] == '\0')) {
			word = "percent";
			s += 8;
			n = 7;
		} else {
			s += n;
			for (i = 0; i < sizeof(unit_synonyms) /
			    sizeof(unit_synonyms[0]); i++)
				if (strlen(unit_synonyms[i][0]) == n &&
				    strncmp(word, unit_synonyms[i][0], n) == 0) {
					word = unit_synonyms[i][1];
					n = strlen(word);
					break;
				}
		}
		if (at > 0)
			unit_put(base, size, &at, " ", 1);
		unit_put(base, size, &at, word, n);
		if (*s == ' ')
			s++;
	}
	if (size > 0)
		base[at < size ? at : size - 1] = '\0';
	return power;
}

enum unit_relation
unit_compare(const char *a, const char *b, int *power)
{
	char na[UNIT_TEXT_MAX], nb[UNIT_TEXT_MAX];
	/* A synonym may be longer than its word: "%" becomes "percent". */
	char ba[UNIT_TEXT_MAX * 4], bb[UNIT_TEXT_MAX * 4];
	int pa, pb;

	*power = 0;
	if (unit_normalise(a, na, sizeof(na)) >= sizeof(na) ||
	    unit_normalise(b, nb, sizeof(nb)) >= sizeof(nb))
		return strcmp(a, b) == 0 ? UNIT_SAME : UNIT_OTHER;
	if (strcmp(na, nb) == 0)
		return UNIT_SAME;
	pa = unit_split(na, ba, sizeof(ba));
	pb = unit_split(nb, bb, sizeof(bb));
	if (strcmp(ba, bb) != 0)
		return UNIT_OTHER;
	if (pa == pb)
		return UNIT_SAME;
	*power = pa - pb;
	return UNIT_SCALE;
}

void
unit_describe_power(int power, char *out, size_t size)
{
	char digits[32] = "1";
	int i, k = power < 0 ? -power : power;

	for (i = 1; i <= k && i < (int)sizeof(digits) - 1; i++)
		digits[i] = '0';
	digits[i] = '\0';
	if (power >= 0)
		snprintf(out, size, "%s times", digits);
	else
		snprintf(out, size, "1/%s of", digits);
}
