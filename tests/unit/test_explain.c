/*
 * Unit tests of src/core/explain: the explanation record, its name tables, number
 * formatting per language (German decimal comma and thousands dot, never the C
 * locale) and the plain-language sentences in German and English (METHODS §1).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <string.h>

#include "core/assess_dns.h"
#include "core/explain.h"
#include "unit/fixture.h"

static const char *
number(double v, int decimals, const char *lang)
{
	static char buf[64];

	explain_number(v, decimals, lang, buf, sizeof(buf));
	return buf;
}

static const char *
sentence(const struct explain *e, const struct explain_subject *s,
    const char *lang)
{
	static char buf[1024];

	explain_sentence(e, s, lang, buf, sizeof(buf));
	return buf;
}

static void
test_numbers(void **state)
{
	assert_string_equal(number(1234.5, 1, "de"), "1.234,5");
	assert_string_equal(number(1234.5, 1, "en"), "1,234.5");
	assert_string_equal(number(1234567.891, 2, "de"), "1.234.567,89");
	assert_string_equal(number(999.95, 1, "de"), "1.000,0");	/* carries */
	assert_string_equal(number(237000, 0, "de"), "237.000");
	assert_string_equal(number(12, 0, "en"), "12");
	assert_string_equal(number(-2.5, 1, "de"), "\xe2\x88\x92" "2,5");
	/* A value that rounds to zero has no sign. */
	assert_string_equal(number(-0.04, 1, "de"), "0,0");
	assert_string_equal(number(0.05, 2, "de"), "0,05");
	/* The C locale does not leak in, whatever it is set to. */
	if (setlocale(LC_NUMERIC, "de_DE.UTF-8") != NULL) {
		assert_string_equal(number(1234.5, 1, "en"), "1,234.5");
		setlocale(LC_NUMERIC, "C");
	}
}

static void
test_sentence_projection(void **state)
{
	/* Unemployment rate 8.5 … 7.0 (2015–2020, −0.3 a year), at most 6.0 % by
	 * 2023: x̂ = 7.0 − 3·0.3 = 6.1, r = (6.1 − 6.0)/(7.0 − 6.0) = 0.1 →
	 * sun behind cloud, "knapp verfehlt", 10 %. */
	static const double v[] = { 8.5, 8.2, 7.9, 7.6, 7.3, 7.0 };
	struct explain_subject de = { "Die Arbeitslosenquote", false, "%", 1 };
	struct explain_subject en = { "The unemployment rate", false, "%", 1 };
	struct target t = target_by_year(-1, 6.0, 2023);
	struct explain e;
	struct fixture_series x;

	assess_dns_weather(fixture_years(&x, 2015, v, 6), &t, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN_BEHIND_CLOUD);
	assert_string_equal(sentence(&e, &de, "de"),
	    "Die Arbeitslosenquote sinkt im Mittel um 0,3 Prozentpunkte pro Jahr; "
	    "bei diesem Tempo wird das Ziel 6,0 % bis 2023 knapp verfehlt "
	    "(Abweichung 10 % des heutigen Abstands zum Ziel).");
	assert_string_equal(sentence(&e, &en, "en"),
	    "The unemployment rate falls by 0.3 percentage points a year on "
	    "average; at this pace the target of 6.0% by 2023 will be narrowly "
	    "missed (shortfall 10% of today's distance to the target).");
}

static void
test_sentence_plural_and_thunderstorm(void **state)
{
	/* German verbs agree with a plural subject. Emissions rising (2 t a year)
	 * against "at most 60 t by 2030": thunderstorm. */
	static const double v[] = { 90, 92, 94, 96, 98, 100 };
	struct explain_subject de = { "Die Emissionen", true, "t", 0 };
	struct explain_subject en = { "Emissions", true, "t", 0 };
	struct target t = target_by_year(-1, 60, 2030);
	struct explain e;
	struct fixture_series x;

	assess_dns_weather(fixture_years(&x, 2015, v, 6), &t, &e);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_THUNDERSTORM);
	assert_string_equal(sentence(&e, &de, "de"),
	    "Die Emissionen steigen im Mittel um 2 t pro Jahr und entfernen sich "
	    "damit vom Ziel 60 t bis 2030.");
	assert_string_equal(sentence(&e, &en, "en"),
	    "Emissions rise by 2 t a year on average, away from the target of "
	    "60 t by 2030.");
}

static void
test_sentence_annual_level(void **state)
{
	/* Students from developing countries, at least 237,000 every year, last
	 * value 348,976 and rising: sun by rule C; thousands grouped per language. */
	static const double v[] = { 267250, 285450, 298149, 316001, 335016, 348976 };
	struct target t = target_every_year(1, 237000);
	struct explain e;
	struct fixture_series x;

	assess_dns_weather(fixture_years(&x, 2018, v, 6), &t, &e);
	assert_string_equal(sentence(&e, NULL, "de"),
	    "Der Wert liegt mit 348.976 (2023) im Rahmen des jährlichen Ziels von "
	    "mindestens 237.000, und der Trend der letzten Jahre weist nicht in die "
	    "falsche Richtung.");
	assert_string_equal(sentence(&e, NULL, "en"),
	    "The value is at 348,976 (2023), meeting the annual target of at least "
	    "237,000, and the trend of recent years does not point the wrong way.");
}

static void
test_sentence_break(void **state)
{
	/* 2012…2018 with a break in 2016: three values remain, no symbol. With
	 * the break in 2015 four remain, and the sentence says where it counted
	 * from. */
	static const double v[] = { 1, 2, 3, 4, 5, 6, 7 };
	struct target t = target_direction(1);
	struct explain e;
	struct fixture_series x;

	fixture_years(&x, 2012, v, 7);
	x.f[4] = SERIES_FLAG_BREAK;
	assess_dns_weather(&x.s, &t, &e);
	assert_string_equal(sentence(&e, NULL, "de"),
	    "Keine Bewertung möglich: nach dem Bruch in der Zeitreihe 2016 liegen "
	    "nur 3 Werte vor, mindestens 4 sind nötig.");
	assert_string_equal(sentence(&e, NULL, "en"),
	    "No assessment possible: after the break in series in 2016 there are "
	    "only 3 values, at least 4 are needed.");
	x.f[4] = 0;
	x.f[3] = SERIES_FLAG_BREAK;
	assess_dns_weather(&x.s, &t, &e);
	assert_string_equal(sentence(&e, NULL, "de"),
	    "Der Wert steigt im Mittel um 1,0 pro Jahr, wie gewünscht; die letzte "
	    "Veränderung (+1,0) weist ebenfalls in die gewünschte Richtung "
	    "(gezählt ab dem Bruch in der Zeitreihe 2015).");
}

static void
test_sentence_truncation(void **state)
{
	/* A short buffer gets a terminated prefix and the full length back. */
	static const double v[] = { 1, 2, 3, 4 };
	struct target t = target_direction(1);
	struct explain e;
	struct fixture_series x;
	char small[12], big[512];
	size_t need;

	memset(small, 'x', sizeof(small));
	assess_dns_weather(fixture_years(&x, 2020, v, 4), &t, &e);
	need = explain_sentence(&e, NULL, "de", small, sizeof(small));
	assert_int_equal(small[sizeof(small) - 1], '\0');
	assert_int_equal(explain_sentence(&e, NULL, "de", big, sizeof(big)), need);
	assert_int_equal(strlen(big), need);
	assert_memory_equal(small, big, sizeof(small) - 1);
	assert_int_equal(explain_sentence(&e, NULL, "de", NULL, 0), need);
}

static void
test_names_and_levels(void **state)
{
	int i;
	struct explain e;
	double v;

	for (i = 0; i < EXPLAIN_VERDICT__MAX; i++) {
		assert_non_null(explain_verdict_names[i]);
		assert_non_null(explain_verdict_label(i, "de"));
		assert_non_null(explain_verdict_label(i, "en"));
	}
	for (i = 0; i < EXPLAIN_REASON__MAX; i++)
		assert_non_null(explain_reason_names[i]);
	for (i = 0; i < EXPLAIN_Q__MAX; i++)
		assert_non_null(explain_quantity_names[i]);
	for (i = 0; i < EXPLAIN_RULE__MAX; i++)
		assert_non_null(explain_rule_names[i]);
	assert_string_equal(explain_verdict_label(EXPLAIN_VERDICT_SUN_BEHIND_CLOUD,
	    "de"), "Leicht bewölkt");
	assert_int_equal(explain_verdict_level(EXPLAIN_VERDICT_SUN), 0);
	assert_int_equal(explain_verdict_level(EXPLAIN_VERDICT_THUNDERSTORM), 3);
	assert_int_equal(explain_verdict_level(EXPLAIN_VERDICT_NONE), -1);
	assert_int_equal(explain_quantity_role(EXPLAIN_Q_TARGET_VALUE),
	    EXPLAIN_ROLE_PARAMETER);
	assert_int_equal(explain_quantity_role(EXPLAIN_Q_LAST_VALUE),
	    EXPLAIN_ROLE_OBSERVATION);
	assert_int_equal(explain_quantity_role(EXPLAIN_Q_MISS_RATIO),
	    EXPLAIN_ROLE_INTERMEDIATE);
	assert_int_equal(explain_quantity_role(EXPLAIN_Q_THRESHOLD_LOW),
	    EXPLAIN_ROLE_THRESHOLD);
	/* A full record refuses more values instead of overflowing; replacing
	 * one that is there still works. */
	explain_init(&e, EXPLAIN_METHOD_DNS, ASSESS_DNS_VERSION);
	for (i = 0; i < EXPLAIN_VALUES_MAX; i++)
		assert_int_equal(explain_set(&e, (enum explain_quantity)i, i), 0);
	assert_int_equal(explain_set(&e, EXPLAIN_Q_THRESHOLD_LOW, 1), -1);
	assert_int_equal(explain_set(&e, EXPLAIN_Q_POLARITY, -1), 0);
	assert_true(explain_get(&e, EXPLAIN_Q_POLARITY, &v) && v == -1);
	assert_false(explain_get(&e, EXPLAIN_Q_THRESHOLD_LOW, NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_sentence_projection),
		cmocka_unit_test(test_sentence_plural_and_thunderstorm),
		cmocka_unit_test(test_sentence_annual_level),
		cmocka_unit_test(test_sentence_break),
		cmocka_unit_test(test_sentence_truncation),
		cmocka_unit_test(test_names_and_levels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
