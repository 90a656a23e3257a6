/* Shared by the catalogue store's save (catalog.c saves the items,
 * catalog_target.c the versioned targets); not for other modules. Nothing
 * here hands out memory: target rows read go into a caller's catalogue. */
#ifndef WIALL_STORE_CATALOG_INTERNAL_H
#define WIALL_STORE_CATALOG_INTERNAL_H

#include <stdint.h>

#include "store/catalog.h"

struct sqlite3_stmt;

/* A save in progress: the database, the report, and the error to fill. */
struct store_catalog_saver {
	struct db			*db;
	struct store_catalog_report	*rep;
	struct error			*e;
	const char			*today;
};

void	store_catalog_report_add(struct store_catalog_report *rep,
	    enum store_catalog_item item, enum store_catalog_action action,
	    const char *code, const char *detail);

/* The statements that save an indicator's targets, prepared once a save. */
struct store_catalog_target_sql {
	struct sqlite3_stmt	*by_start;	/* ?1 indicator ?2 code ?3 from */
	struct sqlite3_stmt	*current;	/* ?1 indicator, ?2 code */
	struct sqlite3_stmt	*insert;
	struct sqlite3_stmt	*update;	/* content, valid_to of row ?13 */
	struct sqlite3_stmt	*close;		/* valid_to = ?2 of row ?1 */
	struct sqlite3_stmt	*versions;	/* ?1 indicator: code from to */
	struct catalog		 scratch;	/* the stored versions read */
};

int	store_catalog_target_prepare(struct store_catalog_saver *s,
	    struct store_catalog_target_sql *ts);
void	store_catalog_target_finalize(struct store_catalog_target_sql *ts);
/* Saves one target of the indicator (row id ind_id) against its stored
 * versions, as catalog.h says; then, once all are saved, checks that the
 * versions of each code follow each other without overlap. 0 or -1. */
int	store_catalog_target_save(struct store_catalog_saver *s,
	    struct store_catalog_target_sql *ts, const struct indicator *ind,
	    int64_t ind_id, const struct target_version *t);
int	store_catalog_target_check_versions(struct store_catalog_saver *s,
	    struct store_catalog_target_sql *ts, const struct indicator *ind,
	    int64_t ind_id);

/* Composite indices (catalog_index.c): saves every index of c (its row by
 * code; its units, components and uncertainty replaced when they differ);
 * reads the indices (all, or the one whose code is `only`) into c. */
int	store_catalog_index_save(struct store_catalog_saver *s,
	    const struct catalog *c);
int	store_catalog_index_load(struct db *db, struct catalog *c,
	    const char *only, struct error *e);

#endif
