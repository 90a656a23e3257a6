/* Translations compiled from the po files at build time (tools/po2c.c). Source strings
 * are English; German is the default UI language. Lookups are per call with an
 * explicit language, never the process locale. Returned strings are static. */
#ifndef WIALL_UTIL_I18N_H
#define WIALL_UTIL_I18N_H

#include <stddef.h>

struct i18n_entry {
	const char	*msgid;
	const char	*msgstr;
};

struct i18n_table {
	const char		*lang;		/* "de" */
	const struct i18n_entry	*entries;	/* sorted by msgid */
	size_t			 count;
};

extern const struct i18n_table i18n_tables[];	/* generated; NULL-terminated */

/* The translation of msgid into lang, or msgid itself (English) when lang is
 * "en", unknown, or has no entry. */
const char *i18n_text(const char *lang, const char *msgid);

/* Marks a msgid in a table that is translated later, through a variable
 * (page_text(ctx, heads[k])): it changes nothing, but tests/cli/i18n.sh
 * finds the marked strings and checks that po/de.po translates them. */
#define N_(msgid) msgid

#endif
