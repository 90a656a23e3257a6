/* The catalogue reader's targets: the fields of one target version, what
 * each kind of target needs and allows (DESIGN.md "Target"), and how the
 * versions of one target code may follow each other. */
#include <jansson.h>
#include <stdbool.h>
#include <string.h>

#include "io/catalog_json_internal.h"

/* A field that a target kind needs (it must be there) or does not allow (it
 * must not be). */
static void
catalog_json_target_field(struct catalog_json_reader *r, json_t *v,
    const char *path, const char *key, bool needed, bool allowed,
    const char *kind)
{
	bool has = catalog_json_field_has(v, key);

	if (needed && !has)
		catalog_json_problem(r, path, key, "required for kind '%s'",
		    kind);
	if (!allowed && has)
		catalog_json_problem(r, path, key, "not allowed for kind '%s'",
		    kind);
}

/* What each target kind needs and allows (DESIGN.md "Target"). */
static void
catalog_json_target_rules(struct catalog_json_reader *r, json_t *v,
    const char *path, const struct target_version *t, int polarity)
{
	const char *kind = model_target_kind_names[t->kind];
	bool value = false, bounds = false, year = false, reference = false;
	bool year_required = false;

	switch (t->kind) {
	case MODEL_TARGET_VALUE:
		value = year = year_required = true;
		break;
	case MODEL_TARGET_INTERVAL:
		bounds = year = true;
		break;
	case MODEL_TARGET_EVERY_YEAR:
		value = true;
		break;
	case MODEL_TARGET_DIRECTION:
		year = true;
		if (polarity == 0)
			catalog_json_problem(r, path, "kind",
			    "'direction' needs the "
			    "indicator's polarity to be 1 or -1, not 0");
		break;
	case MODEL_TARGET_REFERENCE:
		year = reference = true;
		break;
	case MODEL_TARGET_KIND__MAX:
		break;
	}
	catalog_json_target_field(r, v, path, "value", value, value, kind);
	catalog_json_target_field(r, v, path, "low", bounds, bounds, kind);
	catalog_json_target_field(r, v, path, "high", bounds, bounds, kind);
	if (bounds && t->has_low && t->has_high && t->low > t->high)
		catalog_json_problem(r, path, "high", "is below low");
	catalog_json_target_field(r, v, path, "year", year_required, year,
	    kind);
	catalog_json_target_field(r, v, path, "reference_region", reference,
	    reference, kind);
}

void
catalog_json_target_read(struct catalog_json_reader *r, json_t *v,
    const char *path, void *record, const void *arg)
{
	struct target_version *t = record;
	int polarity = *(const int *)arg;
	int kind;

	catalog_json_field_keys(r, v, path, catalog_json_schema_target);
	t->code = catalog_json_field_string(r, v, path, "code", true,
	    CATALOG_JSON_TEXT_CODE);
	kind = catalog_json_field_enum(r, v, path, "kind",
	    model_target_kind_names, MODEL_TARGET_KIND__MAX, true, -1);
	catalog_json_field_read(r, v, path, catalog_json_schema_target, t);
	if (kind >= 0) {
		t->kind = kind;
		catalog_json_target_rules(r, v, path, t, polarity);
	}
	if (catalog_json_field_has(v, "valid_to") &&
	    !catalog_json_field_has(v, "valid_from"))
		catalog_json_problem(r, path, "valid_from",
		    "required when valid_to is given");
	if (t->valid_from != NULL && t->valid_to != NULL &&
	    strcmp(t->valid_to, t->valid_from) <= 0)
		catalog_json_problem(r, path, "valid_to",
		    "%s is not after valid_from %s",
		    t->valid_to, t->valid_from);
}

/* The versions of one target code must not clash: one current version at
 * most, no two starting on the same day, no overlapping periods. */
void
catalog_json_target_versions(struct catalog_json_reader *r, const char *path,
    const struct indicator *ind)
{
	char item[CATALOG_JSON_PATH_MAX];
	size_t i, j;

	for (i = 0; i < ind->target_count; i++) {
		const struct target_version *a = &ind->targets[i];

		if (a->code == NULL)
			continue;
		catalog_json_path(item, "%s.targets[%zu]", path, i);
		for (j = 0; j < i; j++) {
			const struct target_version *b = &ind->targets[j];

			if (b->code == NULL || strcmp(a->code, b->code) != 0)
				continue;
			if (a->valid_to == NULL && b->valid_to == NULL) {
				catalog_json_problem(r, item, NULL,
				    "a second current "
				    "version of target '%s' (the first is "
				    "targets[%zu]); give the older one a "
				    "valid_to", a->code, j);
				break;
			}
			if (a->valid_from == NULL || b->valid_from == NULL)
				continue;
			if (strcmp(a->valid_from, b->valid_from) == 0) {
				catalog_json_problem(r, item, "valid_from",
				    "target '%s' has another version from %s "
				    "(targets[%zu])",
				    a->code, a->valid_from, j);
				break;
			}
			/* [from, to) intervals; a missing `to` is open. */
			if ((a->valid_to == NULL ||
			    strcmp(b->valid_from, a->valid_to) < 0) &&
			    (b->valid_to == NULL ||
			    strcmp(a->valid_from, b->valid_to) < 0)) {
				catalog_json_problem(r, item, NULL,
				    "overlaps version "
				    "targets[%zu] of target '%s'", j, a->code);
				break;
			}
		}
	}
}
