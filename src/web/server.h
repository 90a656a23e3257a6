/* The HTTP server: GNU libmicrohttpd with a thread pool and epoll, keep-alive,
 * idle timeouts, request-size limits, an access log, security headers on
 * every answer, and one read-only SQLite connection per worker thread.
 * server_run() blocks until SIGINT or SIGTERM and then stops cleanly; the
 * caller owns the configuration and the site for the whole run. */
#ifndef WIALL_WEB_SERVER_H
#define WIALL_WEB_SERVER_H

#include <stddef.h>
#include <stdio.h>
#include <sys/socket.h>

#include "util/error.h"
#include "web/site.h"

struct server_config {
	const char		*listen;	/* "127.0.0.1:8080", "[::1]:0" */
	unsigned		 threads;	/* worker threads in the pool */
	unsigned		 timeout;	/* seconds an idle connection lives */
	size_t			 body_limit;	/* larger request bodies: 413 */
	size_t			 memory_limit;	/* per connection: request line
						   and headers must fit */
	unsigned		 connection_limit;
	const char		*db_path;	/* opened read-only per thread */
	FILE			*access_log;	/* one line per request; NULL: none */
	FILE			*out;		/* the "serving …" line */
	FILE			*err;		/* problems */
	const struct site	*site;
};

/* Sets the defaults: 127.0.0.1:8080, 4 threads, 30 s, 1 MiB bodies, 32 KiB
 * headers, 1024 connections, stdout/stderr. */
void	server_config_init(struct server_config *cfg);
/* Parses "HOST:PORT" or "[IPV6]:PORT" into a socket address. */
int	server_parse_listen(const char *text, struct sockaddr_storage *out,
	    struct error *e);
/* Serves until SIGINT or SIGTERM. Returns 0 after a clean stop, -1 when the
 * server could not start (address in use, bad database). The two signals
 * are blocked in the calling thread from the start of the call to its end:
 * one that arrives while the server starts stops it right after the start
 * (the "serving" line is printed first); one during the stop, or during a
 * failed start, is taken and dropped. */
int	server_run(const struct server_config *cfg, struct error *e);

#endif
