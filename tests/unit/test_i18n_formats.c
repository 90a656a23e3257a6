/* Translations that are printf formats (the pages' sentences with numbers,
 * names and periods) must convert the same arguments in the same order as
 * their English msgid: a German msgstr with one %s too many would read past
 * the arguments. Checks every entry compiled from the po files (util/i18n.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "util/i18n.h"

#define SPECS_MAX 32

/* The conversions of a format in order ("s", "zu", "d"), without "%%";
 * returns their number, or -1 for a '%' that starts no conversion. */
static int
specs(const char *fmt, char out[SPECS_MAX][4])
{
	const char *p = fmt;
	int n = 0;

	while ((p = strchr(p, '%')) != NULL) {
		size_t k = 0;

		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		p += strspn(p, "-+ #0123456789.");
		while (k < 3 && strchr("zlh", *p) != NULL && *p != '\0')
			out[n][k++] = *p++;
		if (*p == '\0' || strchr("sdifuxgc", *p) == NULL || n == SPECS_MAX)
			return -1;
		out[n][k++] = *p++;
		out[n][k] = '\0';
		n++;
	}
	return n;
}

static void
test_specs_parse(void **state)
{
	char s[SPECS_MAX][4];

	assert_int_equal(specs("1/%zu = %s, 30%% %d", s), 3);
	assert_string_equal(s[0], "zu");
	assert_string_equal(s[1], "s");
	assert_string_equal(s[2], "d");
	assert_int_equal(specs("100 %", s), -1);	/* a lone % */
	assert_int_equal(specs("no format", s), 0);
}

static void
test_translations_keep_formats(void **state)
{
	const struct i18n_table *t;
	char a[SPECS_MAX][4], b[SPECS_MAX][4];
	size_t i, checked = 0;
	int na, nb, k;

	for (t = i18n_tables; t->lang != NULL; t++)
		for (i = 0; i < t->count; i++) {
			const char *id = t->entries[i].msgid;
			const char *str = t->entries[i].msgstr;

			na = specs(id, a);
			if (na <= 0)
				continue;	/* not used as a format */
			nb = specs(str, b);
			if (nb != na)
				fail_msg("%s: \"%s\" has %d conversions, its "
				    "translation \"%s\" %d", t->lang, id, na, str,
				    nb);
			for (k = 0; k < na; k++)
				if (strcmp(a[k], b[k]) != 0)
					fail_msg("%s: \"%s\": conversion %d is %%%s, "
					    "in the translation %%%s", t->lang, id,
					    k + 1, a[k], b[k]);
			checked++;
		}
	/* The structure page alone has some forty sentences with numbers. */
	assert_true(checked >= 40);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_specs_parse),
		cmocka_unit_test(test_translations_keep_formats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
