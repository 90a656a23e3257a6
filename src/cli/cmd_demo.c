/* wiall demo: the shipped Bottrop catalogue and demo data into the database.
 *
 * What it does is data/demo/manifest, compiled into the binary with the
 * catalogue and the demo files (Makefile: build/gen/demo.c, table
 * demo_files): one `wiall catalog load` or `wiall import` command a line,
 * exactly as a user could type it. Each line runs as that command would, but
 * reads its file from the binary, so the demo needs nothing at run time.
 *
 * Running it again changes nothing: the catalogue is saved by code (the same
 * content is unchanged), and a file whose bytes were already imported with
 * the same options (a batch with its SHA-256 exists) is skipped. Importing it
 * again would not be harmless: the later vintage of a value would be revised
 * back to the earlier one, and then forward again.
 */
#include <stdlib.h>
#include <string.h>

#include "app/catalog.h"
#include "app/import.h"
#include "cli/cmd.h"
#include "cli/cmd_import.h"
#include "store/batches.h"
#include "util/arena.h"
#include "util/embed.h"
#include "util/xalloc.h"

#define CMD_DEMO_MAX_WORDS 128

extern const struct cmd_entry cmd_demo_entry;
extern const struct embedded_file demo_files[];

struct cmd_demo_counts {
	int	imported, skipped, catalog_changes;
};

/*
 * Splits a manifest line into words as a POSIX shell would for the quoting
 * the manifest uses: blanks separate, '...' is literal, "..." is literal but
 * for \" and \\, and a backslash outside quotes keeps the next character.
 * Returns the number of words, or -1 with a reason.
 */
static int
cmd_demo_words(struct arena *a, const char *line, char **words, int max,
    struct error *e)
{
	struct buf w = BUF_INIT;
	const char *p = line;
	int n = 0, rc = -1;

	for (;;) {
		bool in_word = false;

		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		buf_reset(&w);
		while (*p != '\0' && *p != ' ' && *p != '\t') {
			in_word = true;
			if (*p == '\'') {
				const char *end = strchr(p + 1, '\'');
				if (end == NULL) {
					error_set(e, "unbalanced '");
					goto done;
				}
				buf_append(&w, p + 1, (size_t)(end - p - 1));
				p = end + 1;
			} else if (*p == '"') {
				for (p++; *p != '"'; p++) {
					if (*p == '\0') {
						error_set(e, "unbalanced \"");
						goto done;
					}
					if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
						p++;
					buf_putc(&w, *p);
				}
				p++;
			} else if (*p == '\\' && p[1] != '\0') {
				buf_putc(&w, p[1]);
				p += 2;
			} else
				buf_putc(&w, *p++);
		}
		if (!in_word)
			continue;
		if (n == max) {
			error_set(e, "more than %d words", max);
			goto done;
		}
		words[n++] = arena_strdup(a, buf_cstr(&w));
	}
	rc = n;
done:
	buf_free(&w);
	return rc;
}

/* The embedded file a manifest path names (by its base name). */
static const struct embedded_file *
cmd_demo_file(struct cmd_context *ctx, const char *path)
{
	const struct embedded_file *f;
	const char *base = strrchr(path, '/');

	f = embed_find(demo_files, base != NULL ? base + 1 : path);
	if (f == NULL)
		fprintf(ctx->err, "wiall demo: %s is not in this build of "
		    "wiall (data/demo/manifest names it; rebuild)\n", path);
	return f;
}

static int
cmd_demo_catalog(struct cmd_context *ctx, struct db *db, const char *path,
    struct cmd_demo_counts *counts)
{
	const struct embedded_file *f = cmd_demo_file(ctx, path);
	struct store_catalog_report rep;
	struct diag_list diags;
	size_t item, n[STORE_CATALOG_ACTION__MAX] = { 0 };
	struct error e;
	int action, rc = -1;

	if (f == NULL)
		return -1;
	diag_list_init(&diags, 20);
	store_catalog_report_init(&rep);
	switch (app_catalog_load_data(db, (const char *)f->data, f->size, path,
	    false, &diags, &rep, &e)) {
	case APP_CATALOG_OK:
		for (item = 0; item < STORE_CATALOG_ITEM__MAX; item++)
			for (action = 0; action < STORE_CATALOG_ACTION__MAX;
			    action++)
				n[action] += rep.counts[item][action];
		counts->catalog_changes += (int)(n[STORE_CATALOG_CREATED] +
		    n[STORE_CATALOG_UPDATED] + n[STORE_CATALOG_SUPERSEDED]);
		fprintf(ctx->out, "%s: catalogue, %zu items: %zu created, %zu "
		    "updated, %zu superseded, %zu unchanged\n", path,
		    n[STORE_CATALOG_CREATED] + n[STORE_CATALOG_UPDATED] +
		    n[STORE_CATALOG_SUPERSEDED] + n[STORE_CATALOG_UNCHANGED],
		    n[STORE_CATALOG_CREATED], n[STORE_CATALOG_UPDATED],
		    n[STORE_CATALOG_SUPERSEDED], n[STORE_CATALOG_UNCHANGED]);
		rc = 0;
		break;
	case APP_CATALOG_INVALID:
		diag_list_print(&diags, ctx->err);
		fprintf(ctx->err, "wiall demo: the shipped catalogue does not "
		    "load into %s (%zu problems)\n", ctx->db_path, diags.total);
		break;
	case APP_CATALOG_FAILED:
		fprintf(ctx->err, "wiall demo: %s\n", e.message);
		break;
	}
	store_catalog_report_free(&rep);
	diag_list_free(&diags);
	return rc;
}

static int
cmd_demo_import(struct cmd_context *ctx, struct db *db, int argc, char **argv,
    struct cmd_demo_counts *counts)
{
	struct import_input *in = NULL;
	struct obsfile_options ro;
	struct import_options io = { 0 };
	struct import_result res;
	struct diag_list diags;
	struct buf text = BUF_INIT;
	struct error e;
	size_t i, n = 0;
	int first, k, rc = -1;

	obsfile_options_init(&ro);
	io.reader = &ro;
	diag_list_init(&diags, IMPORT_MAX_PROBLEMS);
	if ((first = cmd_import_parse(ctx, argc, argv, &ro, &io, &text)) == -1)
		goto done;
	io.options_text = buf_cstr(&text);
	in = xcalloc((size_t)(argc - first), sizeof(*in));
	for (k = first; k < argc; k++) {
		const struct embedded_file *f = cmd_demo_file(ctx, argv[k]);
		char sha[65];
		long long batch;
		int found;

		if (f == NULL)
			goto done;
		import_sha256(f->data, f->size, sha);
		if ((found = batches_find(db, sha, io.options_text, &batch,
		    &e)) == -1) {
			fprintf(ctx->err, "wiall demo: %s\n", e.message);
			goto done;
		}
		if (found) {
			fprintf(ctx->out, "%s: already imported (batch %lld), "
			    "skipped\n", argv[k], batch);
			counts->skipped++;
			continue;
		}
		in[n].path = argv[k];
		in[n].data = f->data;
		in[n].size = f->size;
		n++;
	}
	if (n == 0) {
		rc = 0;
		goto done;
	}
	if (import_run_inputs(db, in, n, &io, &res, &diags, &e) == -1) {
		cmd_import_print_failure(ctx, &res, &diags, &e);
		import_result_free(&res);
		goto done;
	}
	cmd_import_print_warnings(ctx, &res);
	for (i = 0; i < res.count; i++)
		cmd_import_print_file(ctx, &res.files[i]);
	counts->imported += (int)res.count;
	import_result_free(&res);
	rc = 0;
done:
	free(in);
	buf_free(&text);
	diag_list_free(&diags);
	obsfile_options_free(&ro);
	return rc;
}

/* Runs one manifest line; lineno for messages. */
static int
cmd_demo_line(struct cmd_context *ctx, struct db *db, const char *line,
    long lineno, struct cmd_demo_counts *counts)
{
	char *words[CMD_DEMO_MAX_WORDS];
	struct arena a;
	struct error e;
	int n, rc = -1;

	line += strspn(line, " \t");
	if (*line == '#' || *line == '\0')
		return 0;
	arena_init(&a);
	if ((n = cmd_demo_words(&a, line, words, CMD_DEMO_MAX_WORDS, &e)) == -1) {
		fprintf(ctx->err, "wiall demo: manifest:%ld: %s\n", lineno,
		    e.message);
		goto done;
	}
	if (n == 4 && strcmp(words[0], "wiall") == 0 &&
	    strcmp(words[1], "catalog") == 0 && strcmp(words[2], "load") == 0)
		rc = cmd_demo_catalog(ctx, db, words[3], counts);
	else if (n >= 3 && strcmp(words[0], "wiall") == 0 &&
	    strcmp(words[1], "import") == 0)
		rc = cmd_demo_import(ctx, db, n - 1, words + 1, counts);
	else
		fprintf(ctx->err, "wiall demo: manifest:%ld: neither `wiall "
		    "catalog load FILE` nor `wiall import ... FILE`\n", lineno);
done:
	arena_free(&a);
	return rc;
}

static int
cmd_demo_exec(struct cmd_context *ctx, int argc, char **argv)
{
	struct cmd_demo_counts counts = { 0, 0, 0 };
	const struct embedded_file *manifest;
	struct buf line = BUF_INIT;
	struct db *db = NULL;
	const char *p, *end;
	long lineno = 0;
	int status = CMD_FAIL;

	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_demo_entry, ctx);
	if (argc > 1)
		return cmd_usage_error(&cmd_demo_entry, ctx, "unexpected "
		    "argument '%s'", argv[1]);
	if ((manifest = embed_find(demo_files, "manifest")) == NULL) {
		fprintf(ctx->err, "wiall demo: this build has no demo data\n");
		return CMD_FAIL;
	}
	if (cmd_open_db(ctx, DB_CREATE, &db) == -1)
		return CMD_FAIL;
	for (p = (const char *)manifest->data; *p != '\0'; p = end) {
		end = strchr(p, '\n');
		end = end != NULL ? end + 1 : p + strlen(p);
		lineno++;
		buf_reset(&line);
		buf_append(&line, p, (size_t)(end - p));
		while (line.len > 0 && (line.data[line.len - 1] == '\n' ||
		    line.data[line.len - 1] == '\r'))
			line.data[--line.len] = '\0';
		if (cmd_demo_line(ctx, db, buf_cstr(&line), lineno, &counts) == -1)
			goto done;
	}
	if (counts.imported == 0 && counts.catalog_changes == 0)
		fprintf(ctx->out, "demo: nothing changed in %s\n", ctx->db_path);
	else
		fprintf(ctx->out, "demo: %s is ready (%d file%s imported, %d "
		    "skipped); try `wiall --db %s status`\n", ctx->db_path,
		    counts.imported, counts.imported == 1 ? "" : "s",
		    counts.skipped, ctx->db_path);
	status = CMD_OK;
done:
	buf_free(&line);
	db_close(db);
	return status;
}

const struct cmd_entry cmd_demo_entry = {
	.name = "demo",
	.usage = "",
	.summary = "Create or update a database with the Bottrop demo data.",
	.help =
	    "Loads the shipped catalogue (data/catalog/bottrop.json) and imports\n"
	    "the real published data of data/demo/ (sources in data/README.md),\n"
	    "running the commands of data/demo/manifest on the copies compiled\n"
	    "into wiall. The database is created if it does not exist.\n"
	    "\n"
	    "Running it again changes nothing: an unchanged catalogue stays as it\n"
	    "is, and a file already imported with the same options (the same\n"
	    "SHA-256 in a batch) is skipped.\n"
	    "\n"
	    "Example:\n"
	    "  wiall --db demo.db demo && wiall --db demo.db status\n",
	.exec = cmd_demo_exec,
};
