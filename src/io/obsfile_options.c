/* The options of an observation-file reader (obsfile.h): built with the
 * adders, which copy their strings, and freed with obsfile_options_free().
 * The list helpers serve the SDMX mapping file too (sdmx.c). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "io/obsfile_internal.h"
#include "util/xalloc.h"

void
obsfile_options_append_string(char ***list, size_t *count, const char *s)
{
	size_t cap = *count;

	*list = xgrow(*list, &cap, *count + 1, sizeof(**list));
	(*list)[(*count)++] = xstrdup(s);
}

void
obsfile_options_append_map(struct obsfile_map **maps, size_t *count,
    enum obsfile_scope scope, char *key, char *from, char *to)
{
	size_t cap = *count;
	struct obsfile_map *m;

	*maps = xgrow(*maps, &cap, *count + 1, sizeof(**maps));
	m = &(*maps)[(*count)++];
	m->scope = scope;
	m->key = key;
	m->from = from;
	m->to = to;
}

void
obsfile_options_append_dim(struct obsfile_dim_column **dims, size_t *count,
    char *column, char *key)
{
	size_t cap = *count;

	*dims = xgrow(*dims, &cap, *count + 1, sizeof(**dims));
	(*dims)[*count].column = column;
	(*dims)[(*count)++].key = key;
}

void
obsfile_options_free_strings(char **list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		free(list[i]);
	free(list);
}

void
obsfile_options_free_maps(struct obsfile_map *maps, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		free(maps[i].key);
		free(maps[i].from);
		free(maps[i].to);
	}
	free(maps);
}

void
obsfile_options_free_dims(struct obsfile_dim_column *dims, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		free(dims[i].column);
		free(dims[i].key);
	}
	free(dims);
}

bool
obsfile_options_key_valid(const char *k)
{
	if (*k == '\0')
		return false;
	for (; *k != '\0'; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') ||
		    *k == '_'))
			return false;
	return true;
}

char *
obsfile_options_lower(const char *s)
{
	char *l = xstrdup(s), *p;

	for (p = l; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return l;
}

void
obsfile_options_init(struct obsfile_options *o)
{
	memset(o, 0, sizeof(*o));
}

void
obsfile_options_free(struct obsfile_options *o)
{
	obsfile_options_free_maps(o->maps, o->map_count);
	obsfile_options_free_strings(o->total_labels, o->total_count);
	obsfile_options_free_dims(o->dim_columns, o->dim_column_count);
	obsfile_options_free_strings(o->ignore_columns, o->ignore_count);
	free(o->indicator);
	free(o->default_indicator);
	free(o->region);
	free(o->unit);
	free(o->source);
	free(o->indicator_column);
	free(o->region_column);
	free(o->period_column);
	free(o->value_pattern);
	free(o->sdmx_mapping);
	memset(o, 0, sizeof(*o));
}

void
obsfile_options_set(char **field, const char *value)
{
	free(*field);
	*field = value != NULL ? xstrdup(value) : NULL;
}

int
obsfile_options_add_map(struct obsfile_options *o, enum obsfile_scope scope,
    const char *spec, struct error *e)
{
	const char *eq, *from = spec, *colon = NULL;

	if (scope == OBSFILE_SCOPE_DIM) {
		colon = strchr(spec, ':');
		if (colon == NULL || colon == spec)
			return error_set(e, "'%s': write KEY:OLD=NEW, e.g. "
			    "sector:B_E=B-E", spec);
		from = colon + 1;
	}
	eq = strchr(from, '=');
	if (eq == NULL || eq == from)
		return error_set(e, "'%s': write OLD=NEW", spec);
	obsfile_options_append_map(&o->maps, &o->map_count, scope,
	    colon != NULL ? xstrndup(spec, (size_t)(colon - spec)) : NULL,
	    xstrndup(from, (size_t)(eq - from)), xstrdup(eq + 1));
	return 0;
}

void
obsfile_options_add_total(struct obsfile_options *o, const char *label)
{
	obsfile_options_append_string(&o->total_labels, &o->total_count, label);
}

int
obsfile_options_add_dim_column(struct obsfile_options *o, const char *spec,
    struct error *e)
{
	const char *eq = strchr(spec, '=');
	char *column, *key;

	if (eq == spec || *spec == '\0')
		return error_set(e, "'%s': write COLUMN or COLUMN=KEY", spec);
	column = eq != NULL ? xstrndup(spec, (size_t)(eq - spec)) :
	    xstrdup(spec);
	key = obsfile_options_lower(eq != NULL ? eq + 1 : spec);
	if (!obsfile_options_key_valid(key)) {
		error_set(e, "'%s': a dimension key is lower-case letters, "
		    "digits and _", key);
		free(column);
		free(key);
		return -1;
	}
	obsfile_options_append_dim(&o->dim_columns, &o->dim_column_count,
	    column, key);
	return 0;
}

void
obsfile_options_add_ignore(struct obsfile_options *o, const char *column)
{
	obsfile_options_append_string(&o->ignore_columns, &o->ignore_count,
	    column);
}
