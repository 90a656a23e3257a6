/* The static site: every public page in German (at the root) and English
 * (under en/), each indicator's downloads (downloads/CODE.csv and .json,
 * shared by both languages), and the assets, written as files with relative links, so the
 * site works from file:// and any static host. The pages are rendered by the
 * same handlers the server uses; the same data gives the same bytes. */
#ifndef WIALL_WEB_PUBLISH_H
#define WIALL_WEB_PUBLISH_H

#include <stddef.h>

#include "store/db.h"
#include "util/error.h"
#include "web/site.h"

struct publish_report {
	size_t	pages;
	size_t	downloads;
	size_t	assets;
	size_t	data;		/* JSON files */
	size_t	bytes;
};

/* Writes the site into out_dir (created if missing; files there are
 * replaced). Returns 0, or -1 with e naming the page or file. */
int	publish_site(struct db *db, const struct site *site, const char *out_dir,
	    struct publish_report *r, struct error *e);

#endif
