/* Unit tests of src/core/unit.c: normalising unit texts and telling a scale
 * difference ("billion EUR" against "million EUR") from another unit. The
 * expected relations are written out by hand: 1 Mrd. = 1000 Mio. = 10^9,
 * 1 Tsd. = 10^3 (Duden; Destatis writes "Mill. EUR"/"Mrd. EUR", "1 000"). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/unit.h"

static void
test_unit_normalise(void **state)
{
	static const char *const cases[][2] = {
		{ "million EUR", "million eur" },
		{ "  Million   EUR ", "million eur" },
		{ "\tTsd.\r\nPersonen", "tsd. personen" },
		{ "Mio.\xc2\xa0" "EUR", "mio. eur" },	/* no-break space */
		{ "PERCENT", "percent" },
		{ "\xc3\x84nderung %", "\xc3\x84nderung %" },	/* Ä: ASCII only */
		{ "", "" },
		{ "   ", "" },
	};
	char out[UNIT_TEXT_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(unit_normalise(cases[i][0], out, sizeof(out)),
		    strlen(cases[i][1]));
		assert_string_equal(out, cases[i][1]);
	}
}

static void
test_unit_normalise_cut(void **state)
{
	char out[6];

	(void)state;
	/* Like snprintf: the length needed, the text cut and terminated. */
	assert_int_equal(unit_normalise(" Million EUR", out, sizeof(out)), 11);
	assert_string_equal(out, "milli");
	assert_int_equal(unit_normalise("EUR", out, 0), 3);
}

static void
test_unit_split(void **state)
{
	static const struct {
		const char	*unit;		/* normalised */
		int		 power;
		const char	*base;
	} cases[] = {
		{ "eur", 0, "eur" },
		{ "million eur", 6, "eur" },
		{ "mio. eur", 6, "eur" },
		{ "mio.eur", 6, "eur" },
		{ "mio eur", 6, "eur" },
		{ "millionen euro", 6, "eur" },
		{ "mrd. \xe2\x82\xac", 9, "eur" },
		{ "milliarden eur", 9, "eur" },
		{ "billion eur", 9, "eur" },
		{ "bn eur", 9, "eur" },
		{ "tsd. personen", 3, "persons" },
		{ "tausend persons", 3, "persons" },
		{ "thousands of persons", 3, "persons" },
		{ "1 000 persons", 3, "persons" },
		{ "1.000 eur", 3, "eur" },
		{ "teur", 3, "eur" },
		{ "t\xe2\x82\xac", 3, "eur" },
		{ "%", 0, "percent" },
		{ "prozent", 0, "percent" },
		{ "per cent", 0, "percent" },
		{ "% of households", 0, "percent of households" },
		/* Not scale words: part of a longer word, or no blank after. */
		{ "mioeur", 0, "mioeur" },
		{ "tsdx", 0, "tsdx" },
		{ "tonnes", 0, "tonnes" },
		{ "mnemonic", 0, "mnemonic" },
		{ "", 0, "" },
	};
	char base[UNIT_TEXT_MAX * 4];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(unit_split(cases[i].unit, base, sizeof(base)),
		    cases[i].power);
		assert_string_equal(base, cases[i].base);
	}
}

static void
test_unit_compare(void **state)
{
	static const struct {
		const char		*row, *indicator;
		enum unit_relation	 relation;
		int			 power;
	} cases[] = {
		/* The demo's row: 2.1 billion EUR against million EUR. */
		{ "billion EUR", "million EUR", UNIT_SCALE, 3 },
		{ "Mrd. EUR", "Mio. EUR", UNIT_SCALE, 3 },
		{ "Milliarden Euro", "million EUR", UNIT_SCALE, 3 },
		{ "thousand EUR", "million EUR", UNIT_SCALE, -3 },
		{ "TEUR", "Mio. EUR", UNIT_SCALE, -3 },
		{ "EUR", "million EUR", UNIT_SCALE, -6 },
		{ "million EUR", "EUR", UNIT_SCALE, 6 },
		{ "persons", "thousand persons", UNIT_SCALE, -3 },
		{ "Tsd. Personen", "persons", UNIT_SCALE, 3 },
		{ "1000 persons", "persons", UNIT_SCALE, 3 },
		/* Eurostat's codes (nama_10r_3empers: UNIT = THS_PER). */
		{ "THS_PER", "persons", UNIT_SCALE, 3 },
		{ "MIO_EUR", "EUR", UNIT_SCALE, 6 },
		{ "BN_EUR", "million EUR", UNIT_SCALE, 3 },
		/* The same unit, written otherwise. */
		{ "million EUR", "million EUR", UNIT_SAME, 0 },
		{ " Million  eur", "million EUR", UNIT_SAME, 0 },
		{ "Mio. EUR", "million EUR", UNIT_SAME, 0 },
		{ "Mio. \xe2\x82\xac", "million EUR", UNIT_SAME, 0 },
		{ "Tausend", "thousand", UNIT_SAME, 0 },
		{ "%", "percent", UNIT_SAME, 0 },
		{ "Prozent", "percent", UNIT_SAME, 0 },
		{ "Prozent", "%", UNIT_SAME, 0 },
		{ "", "", UNIT_SAME, 0 },
		{ "THS_PER", "thousand persons", UNIT_SAME, 0 },
		{ "MIO_EUR", "Mio. EUR", UNIT_SAME, 0 },
		/* Other units: a warning, not a scale. */
		{ "percent of pop. 0 to statutory retirement age", "percent",
		    UNIT_OTHER, 0 },
		{ "EUR per inhabitant", "million EUR", UNIT_OTHER, 0 },
		{ "persons", "percent", UNIT_OTHER, 0 },
		{ "billion USD", "million EUR", UNIT_OTHER, 0 },
		{ "index 2015=100", "index (2015=100)", UNIT_OTHER, 0 },
		{ "ha", "", UNIT_OTHER, 0 },
		/* Not the code form: "per" stays a word, other codes unknown. */
		{ "ths_nr", "thousand", UNIT_OTHER, 0 },
		{ "EUR per persons", "persons", UNIT_OTHER, 0 },
	};
	int power;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		power = 99;
		assert_int_equal(unit_compare(cases[i].row, cases[i].indicator,
		    &power), cases[i].relation);
		assert_int_equal(power, cases[i].power);
	}
}

static void
test_unit_compare_long(void **state)
{
	char a[UNIT_TEXT_MAX + 10], b[UNIT_TEXT_MAX + 10];

	(void)state;
	/* Too long to normalise: only the exact text is the same unit. */
	memset(a, 'x', sizeof(a) - 1);
	a[sizeof(a) - 1] = '\0';
	memcpy(b, a, sizeof(b));
	int power;
	assert_int_equal(unit_compare(a, b, &power), UNIT_SAME);
	b[sizeof(b) - 2] = 'y';
	assert_int_equal(unit_compare(a, b, &power), UNIT_OTHER);
	a[0] = 'X';	/* differs only in case, but too long to fold */
	assert_int_equal(unit_compare(a, b, &power), UNIT_OTHER);
}

static void
test_unit_describe_power(void **state)
{
	char out[64];

	(void)state;
	unit_describe_power(3, out, sizeof(out));
	assert_string_equal(out, "1000 times");
	unit_describe_power(6, out, sizeof(out));
	assert_string_equal(out, "1000000 times");
	unit_describe_power(-3, out, sizeof(out));
	assert_string_equal(out, "1/1000 of");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unit_normalise),
		cmocka_unit_test(test_unit_normalise_cut),
		cmocka_unit_test(test_unit_split),
		cmocka_unit_test(test_unit_compare),
		cmocka_unit_test(test_unit_compare_long),
		cmocka_unit_test(test_unit_describe_power),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
