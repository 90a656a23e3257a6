/* The catalogue in memory (DESIGN.md "The domain"): vision, goals, indicators
 * with their versioned targets, regions, sector classifications, shocks. Plain
 * records shared by every layer; a struct catalog owns everything they point to
 * in its arena, and model_catalog_free() releases it all at once. */
#ifndef WIALL_UTIL_MODEL_H
#define WIALL_UTIL_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

/* Each enum pairs with a `const char *const model_*_names[]` table: the words
 * used in files, the database and the API. Value 0 of an optional field means
 * "not given" and has a NULL name. */

enum model_dimension {
	MODEL_DIMENSION_NONE,
	MODEL_DIMENSION_ECONOMIC,
	MODEL_DIMENSION_ECOLOGICAL,
	MODEL_DIMENSION_SOCIAL,
	MODEL_DIMENSION_GOVERNANCE,
	MODEL_DIMENSION__MAX
};

/* Resilience principles: the ÖAR model's diversity, redundancy, modularity,
 * feedback, efficiency; DESIGN.md's connectivity, adaptability, robustness;
 * Martin's four Rs resistance, recovery, reorientation, renewal (BOTTROP.md).
 */
enum model_principle {
	MODEL_PRINCIPLE_NONE,
	MODEL_PRINCIPLE_DIVERSITY,
	MODEL_PRINCIPLE_REDUNDANCY,
	MODEL_PRINCIPLE_MODULARITY,
	MODEL_PRINCIPLE_CONNECTIVITY,
	MODEL_PRINCIPLE_ADAPTABILITY,
	MODEL_PRINCIPLE_ROBUSTNESS,
	MODEL_PRINCIPLE_FEEDBACK,
	MODEL_PRINCIPLE_EFFICIENCY,
	MODEL_PRINCIPLE_RESISTANCE,
	MODEL_PRINCIPLE_RECOVERY,
	MODEL_PRINCIPLE_REORIENTATION,
	MODEL_PRINCIPLE_RENEWAL,
	MODEL_PRINCIPLE__MAX
};

/* Balanced-scorecard perspectives of a goal, in the public-sector form that
 * puts the intended impact first. */
enum model_perspective {
	MODEL_PERSPECTIVE_NONE,
	MODEL_PERSPECTIVE_IMPACT,
	MODEL_PERSPECTIVE_CUSTOMER,
	MODEL_PERSPECTIVE_FINANCIAL,
	MODEL_PERSPECTIVE_PROCESS,
	MODEL_PERSPECTIVE_LEARNING,
	MODEL_PERSPECTIVE__MAX
};

/* How sub-annual values of an indicator become one annual value (METHODS §1):
 * the mean (rates), the last value (stocks), or the sum (flows). */
enum model_annual {
	MODEL_ANNUAL_MEAN,
	MODEL_ANNUAL_LAST,
	MODEL_ANNUAL_SUM,
	MODEL_ANNUAL__MAX
};

enum model_target_kind {
	MODEL_TARGET_VALUE,		/* value in year */
	MODEL_TARGET_INTERVAL,		/* low..high in year, or every year */
	MODEL_TARGET_EVERY_YEAR,	/* value that must hold every year */
	MODEL_TARGET_DIRECTION,		/* only the polarity's direction */
	MODEL_TARGET_REFERENCE,		/* reference region (METHODS §2.5) */
	MODEL_TARGET_KIND__MAX
};

enum model_region_level {
	MODEL_REGION_NATION,
	MODEL_REGION_STATE,			/* Land */
	MODEL_REGION_GOVERNMENT_REGION,		/* Regierungsbezirk */
	MODEL_REGION_DISTRICT,			/* Kreis */
	MODEL_REGION_DISTRICT_FREE_CITY,	/* kreisfreie Stadt */
	MODEL_REGION_MUNICIPALITY,		/* kreisangehörige Gemeinde */
	MODEL_REGION_AREA,			/* functional area: the Ruhr */
	MODEL_REGION_LEVEL__MAX
};

enum model_alias_scheme {
	MODEL_ALIAS_NONE,
	MODEL_ALIAS_AGS,	/* Gemeindeschlüssel or its district prefix */
	MODEL_ALIAS_ARS,	/* Amtlicher Regionalschlüssel */
	MODEL_ALIAS_NUTS,
	MODEL_ALIAS_LAU,
	MODEL_ALIAS_OTHER,
	MODEL_ALIAS_SCHEME__MAX
};

/*
 * What a leaf of a composite index takes of its indicator (docs/index.md):
 * the level in the index's period (NONE means the same); the growth in
 * percent from a start period to it; the share in percent of one sector; the
 * Shannon entropy or the HHI of the sector breakdown (METHODS §3.1, §3.2);
 * the resistance to a registered shock (METHODS §3.7).
 */
enum model_measure {
	MODEL_MEASURE_NONE,
	MODEL_MEASURE_LEVEL,
	MODEL_MEASURE_GROWTH,
	MODEL_MEASURE_SHARE,
	MODEL_MEASURE_ENTROPY,
	MODEL_MEASURE_HHI,
	MODEL_MEASURE_RESISTANCE,
	MODEL_MEASURE__MAX
};

extern const char *const model_dimension_names[MODEL_DIMENSION__MAX];
extern const char *const model_principle_names[MODEL_PRINCIPLE__MAX];
extern const char *const model_perspective_names[MODEL_PERSPECTIVE__MAX];
extern const char *const model_annual_names[MODEL_ANNUAL__MAX];
extern const char *const model_target_kind_names[MODEL_TARGET_KIND__MAX];
extern const char *const model_region_level_names[MODEL_REGION_LEVEL__MAX];
extern const char *const model_alias_scheme_names[MODEL_ALIAS_SCHEME__MAX];
extern const char *const model_measure_names[MODEL_MEASURE__MAX];

/* Index of `name` in a names table of `count` entries, or -1. */
int	model_enum_parse(const char *const *names, int count, const char *name);

/* Strings are UTF-8; optional ones are NULL when not given. Codes of other
 * records (parent, goals, reference_region ...) are references by code. */

struct vision {
	const char	*code;
	const char	*title_de, *title_en;
	const char	*description_de, *description_en;
	const char	*adopted;	/* ISO date: 2017-11-29 or 2017-11 */
};

struct goal {
	const char	*code;
	const char	*parent;	/* NULL for a guiding goal (Leitziel) */
	int		 level;		/* 1 = guiding goal, else parent + 1 */
	int		 position;	/* order among all goals */
	const char	*title_de, *title_en;
	const char	*description_de, *description_en;
	enum model_perspective perspective;
};

/* A target version as the catalogue keeps it (core/target.h's struct target
 * is what the assessment methods read). The current version has valid_to
 * NULL; a superseded one carries the day it ended. valid_from is NULL only in
 * a file that leaves it to the store (which then uses the day of loading). */
struct target_version {
	const char	*code;		/* tells an indicator's targets apart */
	enum model_target_kind kind;
	bool		 has_value, has_low, has_high;
	double		 value, low, high;
	int		 year;		/* target year; 0 = none */
	const char	*reference_region; /* region code (kind reference) */
	const char	*note_de, *note_en;
	const char	*valid_from, *valid_to;	/* ISO dates YYYY-MM-DD */
};

struct indicator {
	const char	*code;
	const char	*title_de, *title_en;
	const char	*definition_de, *definition_en;
	const char	*unit;
	int		 decimals;	/* for display */
	int		 polarity;	/* +1 up, -1 down, 0 to target */
	enum model_dimension dimension;
	enum model_principle principle;
	const char	*field;		/* action field (Handlungsfeld) */
	const char	*source, *source_url, *method_note;
	const char	*reference_region;
	enum model_annual annual;
	const char	*classification; /* sector breakdowns use its codes */
	const char	**goals;	/* goal codes, sorted */
	size_t		 goal_count;
	const char	**sdgs;		/* "8", "8.5", sorted by number */
	size_t		 sdg_count;
	struct target_version	*targets;	/* by code, then valid_from */
	size_t		 target_count;
	int		 position;
};

struct region_alias {
	const char		*code;
	enum model_alias_scheme	 scheme;
};

struct region {
	const char	*code;		/* AGS, NUTS, or an own code: RVR */
	const char	*name_de, *name_en;
	enum model_region_level level;
	const char	*parent;
	struct region_alias *aliases;	/* sorted by code */
	size_t		 alias_count;
	int		 position;
};

struct sector {
	const char	*code;
	const char	*name_de, *name_en;
	const char	*parent;	/* a coarser sector of the same one */
	int		 level;		/* 1 = top */
	int		 position;
};

struct classification {
	const char	*code;		/* "WZ2008" */
	const char	*name_de, *name_en;
	struct sector	*sectors;	/* in their order */
	size_t		 sector_count;
};

/* A registered shock (METHODS §3.7); periods as text (util/period.h). */
struct shock {
	const char	*code;
	const char	*name_de, *name_en;
	const char	*peak, *trough, *recovery_end;
};

/*
 * A composite index (METHODS §4) over catalogue data: the regions it
 * compares, the period, a hierarchy of components and the methods. A
 * component that names an indicator is a leaf; one that does not is an
 * aggregate of the components whose parent it is. The index itself is the
 * top: components without a parent are its children.
 */
struct index_component {
	const char		*code;
	const char		*parent;	/* an aggregate's code; NULL: the index */
	const char		*title_de, *title_en;
	bool			 has_weight;
	double			 weight;	/* >= 0; 1 when not given */
	const char		*indicator;	/* NULL for an aggregate */
	enum model_measure	 measure;
	int			 direction;	/* +1, -1; 0: the measure's default */
	const char		*from;		/* growth: the start period */
	const char		*sector;	/* share: a sector code */
	const char		*shock;		/* resistance: a shock code */
	int			 position;
};

/* The uncertainty analysis an index shows (METHODS §4.10): the alternative
 * methods drawn from, the share by which every weight may move, the number
 * of replications and the seed. */
struct index_uncertainty {
	const char		**normalise;	/* text forms (core/normalise.h) */
	size_t			  normalise_count;
	const char		**aggregate;	/* text forms (core/aggregate.h) */
	size_t			  aggregate_count;
	bool			  has_weights;
	double			  weights;	/* 0.25: each weight within ±25 % */
	int			  runs;
	int			  seed;
};

struct composite_index {
	const char		*code;
	const char		*title_de, *title_en;
	const char		*description_de, *description_en;
	const char		**units;	/* region codes, in the author's order */
	size_t			  unit_count;
	const char		*period;	/* a year, or "latest" (the latest
						 * year the data have in common) */
	const char		*normalise;	/* NULL: minmax:0,100 */
	const char		*aggregate;	/* NULL: amean */
	struct index_uncertainty *uncertainty;	/* NULL: no analysis */
	struct index_component	*components;	/* in the author's order */
	size_t			  component_count;
	int			  position;
};

struct catalog {
	struct arena		 arena;	/* owns every record and string */
	struct vision		*vision;	/* NULL when there is none */
	struct goal		*goals;
	size_t			 goal_count, goal_cap;
	struct indicator	*indicators;
	size_t			 indicator_count, indicator_cap;
	struct region		*regions;
	size_t			 region_count, region_cap;
	struct classification	*classifications;	/* sorted by code */
	size_t			 classification_count, classification_cap;
	struct shock		*shocks;	/* sorted by peak, then code */
	size_t			 shock_count, shock_cap;
	struct composite_index	*indices;	/* in the author's order */
	size_t			 index_count, index_cap;
};

void	model_catalog_init(struct catalog *c);
void	model_catalog_free(struct catalog *c);

/* Appends a zeroed record and returns it; the pointer is valid until the next
 * append to the same array (arrays grow inside the arena). */
struct goal		*model_add_goal(struct catalog *c);
struct indicator	*model_add_indicator(struct catalog *c);
struct region		*model_add_region(struct catalog *c);
struct classification	*model_add_classification(struct catalog *c);
struct shock		*model_add_shock(struct catalog *c);
struct composite_index	*model_add_index(struct catalog *c);

/* Copies into the catalogue's arena (NULL stays NULL). */
const char	*model_strdup(struct catalog *c, const char *s);

/* Lookups by code: linear, for the few hundred records a catalogue holds.
 * Records without a code (a reader's broken items) are skipped. */
struct goal	*model_find_goal(const struct catalog *c, const char *code);
struct indicator *model_find_indicator(const struct catalog *c,
		    const char *code);
struct region	*model_find_region(const struct catalog *c, const char *code);
/* By code or alias. */
struct region	*model_find_region_any(const struct catalog *c,
		    const char *code);
struct classification	*model_find_classification(const struct catalog *c,
			    const char *code);
struct sector		*model_find_sector(const struct classification *cl,
			    const char *code);
struct shock	*model_find_shock(const struct catalog *c, const char *code);
struct composite_index *model_find_index(const struct catalog *c,
		    const char *code);
struct index_component *model_find_component(const struct composite_index *x,
		    const char *code);
/* Whether two indices say the same (every field, position aside). */
bool	model_index_same_content(const struct composite_index *a,
	    const struct composite_index *b);

/* The current version of a target code (valid_to NULL), or NULL. */
const struct target_version *model_current_target(const struct indicator *ind,
	    const char *code);

/* Sorts the lists whose order is not the author's: each indicator's goals,
 * SDGs and targets, each region's aliases, the classifications and the shocks.
 * The reader and the store both call it: equal catalogues export alike. */
void	model_catalog_canonicalize(struct catalog *c);
int	model_sdg_compare(const char *a, const char *b);
/* Compares what a target says (kind, numbers, year, region, notes), not its
 * dates. */
bool	model_target_same_content(const struct target_version *a,
	    const struct target_version *b);

/* A goal tree with each goal's indicators, built over a catalogue (and living
 * in its arena). Children and roots keep the goals' order. */
struct goal_node {
	const struct goal	 *goal;
	struct goal_node	**children;
	size_t			  child_count;
	const struct indicator	**indicators;	/* in the catalogue's order */
	size_t			  indicator_count;
};

struct goal_tree {
	struct goal_node	**roots;
	size_t			  root_count;
	struct goal_node	 *nodes;	/* parallel to catalog->goals */
	size_t			  node_count;
};

/* Goals whose parent is missing become roots. */
void	model_goal_tree(struct catalog *c, struct goal_tree *out);

#endif
