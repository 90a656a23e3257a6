/* wiall serve: the dashboard and the JSON API over HTTP, read-only. */
#include "cli/cmd.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "util/version.h"
#include "web/server.h"
#include "web/site.h"

static int
cmd_serve_number(const char *text, unsigned long min, unsigned long max,
    unsigned long *out)
{
	char *end;
	unsigned long v;

	if (text[0] < '0' || text[0] > '9')
		return -1;
	v = strtoul(text, &end, 10);
	if (*end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static int
cmd_serve_exec(struct cmd_context *ctx, int argc, char **argv)
{
	extern const struct cmd_entry cmd_serve_entry;
	static const struct option options[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ "threads", required_argument, NULL, 't' },
		{ "timeout", required_argument, NULL, 'T' },
		{ "body-limit", required_argument, NULL, 'b' },
		{ "access-log", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	struct server_config cfg;
	struct site site;
	struct error e;
	FILE *log = NULL;
	const char *log_path = NULL;
	unsigned long v;
	int c, rc = CMD_FAIL;

	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_serve_entry, ctx);
	server_config_init(&cfg);
	cfg.out = ctx->out;
	cfg.err = ctx->err;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		switch (c) {
		case 'l':
			cfg.listen = optarg;
			break;
		case 't':
			if (cmd_serve_number(optarg, 1, 256, &v) == -1)
				return cmd_usage_error(&cmd_serve_entry, ctx,
				    "--threads must be 1..256, not '%s'", optarg);
			cfg.threads = (unsigned)v;
			break;
		case 'T':
			if (cmd_serve_number(optarg, 1, 3600, &v) == -1)
				return cmd_usage_error(&cmd_serve_entry, ctx,
				    "--timeout must be 1..3600 seconds, not '%s'",
				    optarg);
			cfg.timeout = (unsigned)v;
			break;
		case 'b':
			if (cmd_serve_number(optarg, 0, 1UL << 30, &v) == -1)
				return cmd_usage_error(&cmd_serve_entry, ctx,
				    "--body-limit must be 0..1073741824 bytes, "
				    "not '%s'", optarg);
			cfg.body_limit = v;
			break;
		case 'a':
			log_path = optarg;
			break;
		case ':':
			return cmd_usage_error(&cmd_serve_entry, ctx,
			    "option '%s' needs a value", argv[optind - 1]);
		default:
			return cmd_usage_error(&cmd_serve_entry, ctx,
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_serve_entry, ctx,
		    "unexpected argument '%s'", argv[optind]);
	if (server_parse_listen(cfg.listen, &(struct sockaddr_storage){ 0 },
	    &e) == -1)
		return cmd_usage_error(&cmd_serve_entry, ctx, "--listen %s",
		    e.message);
	if (log_path == NULL || strcmp(log_path, "-") == 0)
		log = ctx->err;
	else if (strcmp(log_path, "off") != 0) {
		log = fopen(log_path, "a");
		if (log == NULL) {
			fprintf(ctx->err, "wiall serve: %s: %s\n", log_path,
			    strerror(errno));
			return CMD_FAIL;
		}
		setvbuf(log, NULL, _IOLBF, 0);
	}
	cfg.access_log = log;
	cfg.db_path = ctx->db_path;
	if (site_init(&site, WIALL_VERSION, &e) == -1) {
		fprintf(ctx->err, "wiall serve: %s\n", e.message);
		goto done;
	}
	cfg.site = &site;
	if (server_run(&cfg, &e) == -1)
		fprintf(ctx->err, "wiall serve: %s\n", e.message);
	else
		rc = CMD_OK;
	site_free(&site);
done:
	if (log != NULL && log != ctx->err)
		fclose(log);
	return rc;
}

const struct cmd_entry cmd_serve_entry = {
	.name = "serve",
	.usage = "[--listen ADDR:PORT] [--threads N] [--access-log FILE]",
	.summary = "Serve the dashboard and the JSON API (read-only).",
	.help = "  --listen ADDR:PORT   where to listen (default 127.0.0.1:8080;\n"
	    "                       port 0 picks a free port, printed at start)\n"
	    "  --threads N          worker threads (default 4)\n"
	    "  --timeout SECONDS    close idle connections after this (default 30)\n"
	    "  --body-limit BYTES   larger request bodies get 413 (default 1 MiB)\n"
	    "  --access-log FILE    one line per request to FILE (default stderr;\n"
	    "                       'off' for none)\n"
	    "The database is opened read-only, one connection per thread.\n"
	    "SIGINT or SIGTERM stops the server cleanly (exit 0), at any time\n"
	    "after it has printed its URL; one that arrives while it starts\n"
	    "stops it as soon as it has started. Scripts should send SIGTERM:\n"
	    "a shell's background job ignores SIGINT until the server takes it.\n",
	.exec = cmd_serve_exec,
};
