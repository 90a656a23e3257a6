/* The catalogue file's objects field by field: each table says a key, its
 * type and where its value lives in the record (catalog_json_internal.h).
 * The reader reads the fields in the tables' order and the canonical export
 * writes them in it, so that both name a field in one place. */
#include "io/catalog_json_internal.h"

const struct catalog_json_field catalog_json_schema_root[] = {
	CATALOG_JSON_OTHER_FIELD("vision"),
	CATALOG_JSON_OTHER_FIELD("goals"),
	CATALOG_JSON_OTHER_FIELD("indicators"),
	CATALOG_JSON_OTHER_FIELD("regions"),
	CATALOG_JSON_OTHER_FIELD("classifications"),
	CATALOG_JSON_OTHER_FIELD("shocks"),
	CATALOG_JSON_OTHER_FIELD("indices"),
	CATALOG_JSON_END_FIELD
};

const struct catalog_json_field catalog_json_schema_vision[] = {
	CATALOG_JSON_STRING_FIELD(struct vision, code, true, CODE),
	CATALOG_JSON_STRING_FIELD(struct vision, title_de, true, LINE),
	CATALOG_JSON_STRING_FIELD(struct vision, title_en, false, LINE),
	CATALOG_JSON_STRING_FIELD(struct vision, description_de, false,
	    PARAGRAPH),
	CATALOG_JSON_STRING_FIELD(struct vision, description_en, false,
	    PARAGRAPH),
	CATALOG_JSON_STRING_FIELD(struct vision, adopted, false, PARTIAL_DATE),
	CATALOG_JSON_END_FIELD
};

const struct catalog_json_field catalog_json_schema_goal[] = {
	CATALOG_JSON_STRING_FIELD(struct goal, code, true, CODE),
	CATALOG_JSON_STRING_FIELD(struct goal, parent, false, CODE),
	CATALOG_JSON_INT_FIELD(struct goal, level, false, 1, 99),
	CATALOG_JSON_STRING_FIELD(struct goal, title_de, true, LINE),
	CATALOG_JSON_STRING_FIELD(struct goal, title_en, false, LINE),
	CATALOG_JSON_STRING_FIELD(struct goal, description_de, false,
	    PARAGRAPH),
	CATALOG_JSON_STRING_FIELD(struct goal, description_en, false,
	    PARAGRAPH),
	CATALOG_JSON_ENUM_FIELD(struct goal, perspective, false,
	    model_perspective_names, MODEL_PERSPECTIVE__MAX,
	    MODEL_PERSPECTIVE_NONE),
	CATALOG_JSON_END_FIELD
};

const struct catalog_json_field catalog_json_schema_indicator[] = {
	CATALOG_JSON_STRING_FIELD(struct indicator, code, true, CODE),
	CATALOG_JSON_STRING_FIELD(struct indicator, title_de, true, LINE),
	CATALOG_JSON_STRING_FIELD(struct indicator, title_en, false, LINE),
	CATALOG_JSON_STRING_FIELD(struct indicator, definition_de, false,
	    PARAGRAPH),
	CATALOG_JSON_STRING_FIELD(struct indicator, definition_en, false,
	    PARAGRAPH),
	CATALOG_JSON_STRING_FIELD(struct indicator, unit, true, LINE),
	CATALOG_JSON_INT_FIELD(struct indicator, decimals, false, 0, 9),
	/* Polarity has no default (METHODS §1). */
	CATALOG_JSON_INT_FIELD(struct indicator, polarity, true, -1, 1),
	CATALOG_JSON_ENUM_FIELD(struct indicator, dimension, false,
	    model_dimension_names, MODEL_DIMENSION__MAX, MODEL_DIMENSION_NONE),
	CATALOG_JSON_ENUM_FIELD(struct indicator, principle, false,
	    model_principle_names, MODEL_PRINCIPLE__MAX, MODEL_PRINCIPLE_NONE),
	CATALOG_JSON_STRING_FIELD(struct indicator, field, false, LINE),
	CATALOG_JSON_ENUM_FIELD(struct indicator, annual, false,
	    model_annual_names, MODEL_ANNUAL__MAX, MODEL_ANNUAL_MEAN),
	CATALOG_JSON_STRING_FIELD(struct indicator, classification, false,
	    CODE),
	CATALOG_JSON_STRING_FIELD(struct indicator, reference_region, false,
	    CODE),
	CATALOG_JSON_STRING_FIELD(struct indicator, source, false, LINE),
	CATALOG_JSON_STRING_FIELD(struct indicator, source_url, false, URL),
	CATALOG_JSON_STRING_FIELD(struct indicator, method_note, false,
	    PARAGRAPH),
	CATALOG_JSON_STRINGS_FIELD(struct indicator, goals, goal_count, CODE),
	CATALOG_JSON_STRINGS_FIELD(struct indicator, sdgs, sdg_count, SDG),
	CATALOG_JSON_OTHER_FIELD("targets"),
	CATALOG_JSON_END_FIELD
};

const struct catalog_json_field catalog_json_schema_region[] = {
	CATALOG_JSON_STRING_FIELD(struct region, code, true, CODE),
	CATALOG_JSON_STRING_FIELD(struct region, name_de, true, LINE),
	CATALOG_JSON_STRING_FIELD(struct region, name_en, false, LINE),
	CATALOG_JSON_ENUM_FIELD(struct region, level, true,
	    model_region_level_names, MODEL_REGION_LEVEL__MAX, 0),
	CATALOG_JSON_STRING_FIELD(struct region, parent, false, CODE),
	CATALOG_JSON_OTHER_FIELD("aliases"),
	CATALOG_JSON_END_FIELD
};

const struct catalog_json_field catalog_json_schema_alias[] = {
	CATALOG_JSON_STRING_FIELD(struct region_alias, code, true, CODE),
	CATALOG_JSON_ENUM_FIELD(struct region_alias, scheme, false,
	    model_alias_scheme_names, MODEL_ALIAS_SCHEME__MAX,
	    MODEL_ALIAS_NONE),
	CATALOG_JSON_END_FIELD
};

const struct catalog_json_field catalog_json_schema_classification[] = {
	CATALOG_JSON_STRING_FIELD(struct classification, code, true, CODE),
	CATALOG_JSON_STRING_FIELD(struct classification, name_de, true, LINE),
	CATALOG_JSON_STRING_FIELD(struct classification, name_en, false, LINE),
	CATALOG_JSON_OTHER_FIELD("sectors"),
	CATALOG_JSON_END_FIELD
};

const struct catalog_json_field catalog_json_schema_sector[] = {
	CATALOG_JSON_STRING_FIELD(struct sector, code, true, CODE),
	CATALOG_JSON_STRING_FIELD(struct sector, parent, false, CODE),
	CATALOG_JSON_INT_FIELD(struct sector, level, false, 1, 99),
	CATALOG_JSON_STRING_FIELD(struct sector, name_de, true, LINE),
	CATALOG_JSON_STRING_FIELD(struct sector, name_en, false, LINE),
	CATALOG_JSON_END_FIELD
};

const struct catalog_json_field catalog_json_schema_shock[] = {
	CATALOG_JSON_STRING_FIELD(struct shock, code, true, CODE),
	CATALOG_JSON_STRING_FIELD(struct shock, name_de, true, LINE),
	CATALOG_JSON_STRING_FIELD(struct shock, name_en, false, LINE),
	CATALOG_JSON_STRING_FIELD(struct shock, peak, true, PERIOD),
	CATALOG_JSON_STRING_FIELD(struct shock, trough, true, PERIOD),
	CATALOG_JSON_STRING_FIELD(struct shock, recovery_end, true, PERIOD),
	CATALOG_JSON_END_FIELD
};

/* The code and the kind are read (and written) first, by hand: the kind
 * decides the rules. A year of 0 is none. */
const struct catalog_json_field catalog_json_schema_target[] = {
	CATALOG_JSON_OTHER_FIELD("code"),
	CATALOG_JSON_OTHER_FIELD("kind"),
	CATALOG_JSON_NUMBER_FIELD(struct target_version, value, has_value),
	CATALOG_JSON_NUMBER_FIELD(struct target_version, low, has_low),
	CATALOG_JSON_NUMBER_FIELD(struct target_version, high, has_high),
	CATALOG_JSON_YEAR_FIELD(struct target_version, year),
	CATALOG_JSON_STRING_FIELD(struct target_version, reference_region,
	    false, CODE),
	CATALOG_JSON_STRING_FIELD(struct target_version, note_de, false,
	    PARAGRAPH),
	CATALOG_JSON_STRING_FIELD(struct target_version, note_en, false,
	    PARAGRAPH),
	CATALOG_JSON_STRING_FIELD(struct target_version, valid_from, false,
	    DATE),
	CATALOG_JSON_STRING_FIELD(struct target_version, valid_to, false, DATE),
	CATALOG_JSON_END_FIELD
};

/* A composite index (docs/index.md). The period and the methods are checked
 * by catalog_json_index.c; so are the units' count and regions. */
const struct catalog_json_field catalog_json_schema_index[] = {
	CATALOG_JSON_STRING_FIELD(struct composite_index, code, true, CODE),
	CATALOG_JSON_STRING_FIELD(struct composite_index, title_de, true, LINE),
	CATALOG_JSON_STRING_FIELD(struct composite_index, title_en, false,
	    LINE),
	CATALOG_JSON_STRING_FIELD(struct composite_index, description_de,
	    false, PARAGRAPH),
	CATALOG_JSON_STRING_FIELD(struct composite_index, description_en,
	    false, PARAGRAPH),
	CATALOG_JSON_STRINGS_FIELD(struct composite_index, units, unit_count,
	    CODE),
	CATALOG_JSON_STRING_FIELD(struct composite_index, period, true, LINE),
	CATALOG_JSON_STRING_FIELD(struct composite_index, normalise, false,
	    LINE),
	CATALOG_JSON_STRING_FIELD(struct composite_index, aggregate, false,
	    LINE),
	CATALOG_JSON_OTHER_FIELD("uncertainty"),
	CATALOG_JSON_OTHER_FIELD("components"),
	CATALOG_JSON_END_FIELD
};

/* Runs and seed are always written: the reader gives them defaults. */
const struct catalog_json_field catalog_json_schema_uncertainty[] = {
	CATALOG_JSON_STRINGS_FIELD(struct index_uncertainty, normalise,
	    normalise_count, LINE),
	CATALOG_JSON_STRINGS_FIELD(struct index_uncertainty, aggregate,
	    aggregate_count, LINE),
	CATALOG_JSON_NUMBER_FIELD(struct index_uncertainty, weights,
	    has_weights),
	CATALOG_JSON_INT_FIELD(struct index_uncertainty, runs, false, 2,
	    100000),
	CATALOG_JSON_INT_FIELD(struct index_uncertainty, seed, false,
	    -2147483647, 2147483647),
	CATALOG_JSON_END_FIELD
};

/* A direction of 0 is none (the measure's default), and not written. */
const struct catalog_json_field catalog_json_schema_component[] = {
	CATALOG_JSON_STRING_FIELD(struct index_component, code, true, CODE),
	CATALOG_JSON_STRING_FIELD(struct index_component, parent, false, CODE),
	CATALOG_JSON_STRING_FIELD(struct index_component, title_de, true, LINE),
	CATALOG_JSON_STRING_FIELD(struct index_component, title_en, false,
	    LINE),
	CATALOG_JSON_NUMBER_FIELD(struct index_component, weight, has_weight),
	CATALOG_JSON_STRING_FIELD(struct index_component, indicator, false,
	    CODE),
	CATALOG_JSON_ENUM_FIELD(struct index_component, measure, false,
	    model_measure_names, MODEL_MEASURE__MAX, MODEL_MEASURE_NONE),
	{ .key = "direction", .type = CATALOG_JSON_FIELD_INT,
	  .offset = offsetof(struct index_component, direction), .min = -1,
	  .max = 1, .zero_absent = true },
	CATALOG_JSON_STRING_FIELD(struct index_component, from, false, PERIOD),
	CATALOG_JSON_STRING_FIELD(struct index_component, sector, false, CODE),
	CATALOG_JSON_STRING_FIELD(struct index_component, shock, false, CODE),
	CATALOG_JSON_END_FIELD
};
