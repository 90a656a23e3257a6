/* The catalogue in the database: saving a struct catalog in one transaction
 * (create or update by code, targets versioned), and reading it back whole or
 * in parts. Records read come into a caller's struct catalog, which owns them;
 * a save report owns its entries until store_catalog_report_free(). */
#ifndef WIALL_STORE_CATALOG_H
#define WIALL_STORE_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "util/arena.h"
#include "util/error.h"
#include "util/model.h"

enum store_catalog_item {
	STORE_CATALOG_VISION,
	STORE_CATALOG_GOAL,
	STORE_CATALOG_INDICATOR,
	STORE_CATALOG_TARGET,
	STORE_CATALOG_REGION,
	STORE_CATALOG_CLASSIFICATION,
	STORE_CATALOG_SECTOR,
	STORE_CATALOG_SHOCK,
	STORE_CATALOG_INDEX,
	STORE_CATALOG_ITEM__MAX
};

enum store_catalog_action {
	STORE_CATALOG_UNCHANGED,
	STORE_CATALOG_CREATED,
	STORE_CATALOG_UPDATED,
	STORE_CATALOG_SUPERSEDED,	/* old target version got valid_to */
	STORE_CATALOG_ACTION__MAX
};

extern const char *const store_catalog_item_names[STORE_CATALOG_ITEM__MAX];
extern const char *const store_catalog_action_names[STORE_CATALOG_ACTION__MAX];

/* One change a save made (unchanged items are only counted). `code` names the
 * item: "gdp", a target as "gdp/main", a sector as "WZ2008/C". `detail` says
 * more where it helps (a superseded target's dates), else NULL. */
struct store_catalog_change {
	enum store_catalog_item		 item;
	enum store_catalog_action	 action;
	const char			*code;
	const char			*detail;
};

struct store_catalog_report {
	struct arena			 arena;
	struct store_catalog_change	*changes;
	size_t				 change_count, change_cap;
	size_t counts[STORE_CATALOG_ITEM__MAX][STORE_CATALOG_ACTION__MAX];
};

void	store_catalog_report_init(struct store_catalog_report *rep);
void	store_catalog_report_free(struct store_catalog_report *rep);

/*
 * Saves a validated catalogue (io/catalog_json.h checked it against what is
 * stored) in one transaction: all of it or, on any error, nothing.
 *
 * - Vision, goals, indicators, regions, classifications, sectors, shocks and
 *   composite indices are created, or updated by code. Items the catalogue does not mention are
 *   kept: a file may add to what is stored, and deleting is never implicit.
 *   There is one vision: a vision with another code replaces it.
 * - What belongs to an item is replaced with it: an indicator's goal and SDG
 *   links, a region's aliases, a composite index's units, components and
 *   uncertainty analysis.
 * - Order: an item's position is its index in the catalogue's array.
 * - Targets are versioned by (indicator, target code). A current target (no
 *   valid_to) whose content differs from the stored current version supersedes
 *   it: the old row gets valid_to, the new row valid_from = the target's
 *   valid_from, else `today` (YYYY-MM-DD). A change dated the same day as the
 *   current version replaces it in place. A target with valid_to is history:
 *   stored as given (created, or updated if its content differs), so giving
 *   the current version a valid_to retires the target. Versions of one code
 *   that would overlap are an error.
 *
 * With dry_run the transaction is rolled back: the report says what would
 * change. Returns 0 or -1 (e says why; the database is as before).
 */
int	store_catalog_save(struct db *db, const struct catalog *c,
	    const char *today, bool dry_run, struct store_catalog_report *rep,
	    struct error *e);

/* Reads the whole catalogue (all target versions) into out, which the caller
 * has initialised; records come in their stored order, canonicalized
 * (util/model.h). */
int	store_catalog_load(struct db *db, struct catalog *out, struct error *e);

/* Reads one indicator with its goal and SDG links and all target versions
 * (current and superseded) into *out, its strings in out_owner's arena.
 * Returns 1 found, 0 no such indicator, -1 error. */
int	store_catalog_indicator(struct db *db, const char *code,
	    struct catalog *out_owner, struct indicator *out, struct error *e);

/* The goal tree with each goal's indicators: loads the catalogue into out
 * (initialised by the caller) and builds the tree in its arena. */
int	store_catalog_goal_tree(struct db *db, struct catalog *out,
	    struct goal_tree *tree, struct error *e);

/* The number of composite indices the catalogue defines (a cheap question
 * for the site's navigation). Returns 0 or -1. */
int	store_catalog_index_count(struct db *db, size_t *count,
	    struct error *e);

/* Ids for other store modules (observations, assessments): by code, and for
 * regions by code or alias. Return 1 found, 0 unknown, -1 error. */
int	store_catalog_indicator_id(struct db *db, const char *code, int64_t *id,
	    struct error *e);
int	store_catalog_region_id(struct db *db, const char *code_or_alias,
	    int64_t *id, struct error *e);

#endif
