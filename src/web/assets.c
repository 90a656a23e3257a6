/* Embedded assets (see assets.h). The body points at the embedded bytes:
 * nothing is copied per request. */
#include "web/assets.h"

#include <string.h>

#include "web/page.h"
#include "web/site.h"

void
assets_handle(const struct http_request *req, struct http_response *resp,
    const struct route_match *m)
{
	const struct site_asset *a = req->site != NULL ?
	    site_asset(req->site, m->params[0]) : NULL;

	if (a == NULL) {
		page_error(req, resp, 404, NULL);
		return;
	}
	resp->static_body = a->file->data;
	resp->static_size = a->file->size;
	resp->content_type = a->content_type;
	memcpy(resp->etag, a->etag, sizeof(resp->etag));
	resp->last_modified = req->site->assets_modified;
	resp->cache_control = "public, max-age=31536000";
}
