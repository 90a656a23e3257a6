#include "util/i18n.h"

#include <stdlib.h>
#include <string.h>

static int
i18n_compare(const void *key, const void *item)
{
	return strcmp(key, ((const struct i18n_entry *)item)->msgid);
}

const char *
i18n_text(const char *lang, const char *msgid)
{
	const struct i18n_table *t;

	if (lang == NULL || msgid == NULL)
		return msgid;
	for (t = i18n_tables; t->lang != NULL; t++) {
		if (strcmp(t->lang, lang) == 0) {
			const struct i18n_entry *e = bsearch(msgid, t->entries,
			    t->count, sizeof(*t->entries), i18n_compare);
			return e != NULL ? e->msgstr : msgid;
		}
	}
	return msgid;
}
