/* The web site as a whole: what stays fixed while it runs (the version, the
 * embedded assets with their content types and ETags) and the route table
 * that answers a request. A struct site is read-only after site_init(), so
 * every server thread may share it; site_free() releases it. */
#ifndef WIALL_WEB_SITE_H
#define WIALL_WEB_SITE_H

#include <stddef.h>
#include <time.h>

#include "util/embed.h"
#include "util/error.h"
#include "web/http.h"
#include "web/router.h"

struct site_asset {
	const struct embedded_file	*file;
	const char			*content_type;
	char				 etag[HTTP_ETAG_MAX];
};

struct site {
	const char		*version;
	struct site_asset	*assets;
	size_t			 n_assets;
	char			 asset_version[20];	/* hex hash of all assets */
	time_t			 assets_modified;	/* the binary's mtime */
};

int	site_init(struct site *s, const char *version, struct error *e);
void	site_free(struct site *s);
/* An embedded asset by file name, or NULL. */
const struct site_asset *site_asset(const struct site *s, const char *name);
/* The content type for a file name by its extension. */
const char *site_content_type(const char *name);
/* The route table (static data, ends with a NULL pattern). */
const struct route *site_routes_table(void);
/* Answers one request (the server and the publisher both call this). */
void	site_handle(const struct http_request *req, struct http_response *resp);

#endif
