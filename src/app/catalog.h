/* Catalogue use cases: load a catalogue file into the database (checked
 * against what is stored, saved all or nothing) and export the stored one as
 * canonical JSON. Results go into structures the caller owns and frees. */
#ifndef WIALL_APP_CATALOG_H
#define WIALL_APP_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "store/catalog.h"
#include "store/db.h"
#include "util/buf.h"
#include "util/error.h"

enum app_catalog_status {
	APP_CATALOG_OK,
	APP_CATALOG_INVALID,	/* the file has problems: see the diagnostics */
	APP_CATALOG_FAILED	/* could not save or read: see the error */
};

#define APP_CATALOG_DATE_MAX 11	/* "YYYY-MM-DD" and NUL */

/* Today (UTC) as YYYY-MM-DD: from $SOURCE_DATE_EPOCH when it is set, so that
 * tests and reproducible runs date target versions alike; else the clock. */
int	app_catalog_today(char out[APP_CATALOG_DATE_MAX], struct error *e);

/* Reads FILE, checks it against the stored catalogue and saves it in one
 * transaction (store_catalog_save() says how). Problems in the file go to
 * diags; on INVALID and FAILED the database is unchanged. With dry_run
 * nothing is written, and rep says what would change. */
enum app_catalog_status app_catalog_load_file(struct db *db, const char *path,
	    bool dry_run, struct diag_list *diags,
	    struct store_catalog_report *rep, struct error *e);

/* The same for a catalogue already in memory (len bytes, e.g. compiled into
 * the binary); name stands for the file in messages. */
enum app_catalog_status app_catalog_load_data(struct db *db, const char *data,
	    size_t len, const char *name, bool dry_run, struct diag_list *diags,
	    struct store_catalog_report *rep, struct error *e);

/* Appends the stored catalogue's canonical JSON to out. */
int	app_catalog_export(struct db *db, struct buf *out, struct error *e);

#endif
