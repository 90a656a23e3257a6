/* wiall status: the catalogue per goal and indicator, which regions have data
 * from when to when, and what is missing; as a table for an 80-column
 * terminal or as JSON. */
#include <getopt.h>
#include <jansson.h>
#include <string.h>

#include "app/status.h"
#include "cli/cmd.h"
#include "cli/cmd_table.h"

extern const struct cmd_entry cmd_status_entry;

#define CMD_STATUS_RANGE 17	/* "2004-04 – 2025-03" */
#define CMD_STATUS_COUNT 10	/* "12345 obs." */
#define CMD_STATUS_NOTES 11	/* "8 series", "3 missing" */

/* "Bottrop (05512000)" */
static void
cmd_status_region_label(const struct region *r, char *out, size_t size)
{
	snprintf(out, size, "%s (%s)", r->name_de, r->code);
}

/* "2000 – 2017", or one period, or "" without values. */
static void
cmd_status_range(const struct status_region *sr, char *out, size_t size)
{
	if (sr->first[0] == '\0')
		snprintf(out, size, "no values");
	else if (strcmp(sr->first, sr->last) == 0)
		snprintf(out, size, "%s", sr->first);
	else
		snprintf(out, size, "%s – %s", sr->first, sr->last);
}

/* What is missing of an indicator, "" when nothing. */
static void
cmd_status_missing(const struct status *s, const struct status_indicator *si,
    char *out, size_t size)
{
	const struct region *ref = si->indicator->reference_region == NULL ?
	    NULL : model_find_region(&s->catalog,
	    si->indicator->reference_region);
	char a[256], b[256];

	out[0] = '\0';
	if (si->values == 0) {
		snprintf(out, size, "no data at all");
		return;
	}
	a[0] = b[0] = '\0';
	if (si->home_missing && s->home != NULL) {
		cmd_status_region_label(s->home, a, sizeof(a));
		snprintf(out, size, "home region %s", a);
	}
	if (si->reference_missing && ref != NULL) {
		cmd_status_region_label(ref, b, sizeof(b));
		snprintf(out + strlen(out), size - strlen(out),
		    "%sreference region %s", out[0] != '\0' ? "; " : "", b);
	}
}

/* The width of the region code column: the longest code of a region with
 * data, at most 10. */
static size_t
cmd_status_code_width(const struct status *s)
{
	size_t i, r, w = 2;

	for (i = 0; i < s->catalog.indicator_count; i++)
		for (r = 0; r < s->indicators[i].region_count; r++) {
			size_t n = cmd_table_width(
			    s->indicators[i].regions[r].region->code);
			if (n > w)
				w = n;
		}
	return w < 10 ? w : 10;
}

/*
 * One indicator: a line with its code and title, then one line per region
 * with data (code, name, first – last period, values, and notes: several
 * series when there are sectors, observations stored as missing), then what
 * is missing. Columns are fixed so that the regions line up.
 */
static void
cmd_status_indicator_table(struct cmd_context *ctx, const struct status *s,
    const struct status_indicator *si, size_t indent)
{
	size_t code_w = cmd_status_code_width(s), name_w, r;
	char line[512], range[64], count[32], notes[64], missing[600];

	fprintf(ctx->out, "%*s", (int)indent, "");
	snprintf(line, sizeof(line), "%s  %s", si->indicator->code,
	    si->indicator->title_de);
	cmd_table_fit(ctx->out, line, CMD_TABLE_WIDTH - indent);
	fputc('\n', ctx->out);
	indent += 2;
	name_w = CMD_TABLE_WIDTH - indent - code_w - 1 - 1 - CMD_STATUS_RANGE -
	    1 - CMD_STATUS_COUNT - 1 - CMD_STATUS_NOTES;
	for (r = 0; r < si->region_count; r++) {
		const struct status_region *sr = &si->regions[r];
		int n = 0;

		cmd_status_range(sr, range, sizeof(range));
		snprintf(count, sizeof(count), "%lld obs.", sr->values);
		notes[0] = '\0';
		if (sr->series > 1)
			n = snprintf(notes, sizeof(notes), "%lld series",
			    sr->series);
		if (sr->missing > 0)
			snprintf(notes + n, sizeof(notes) - (size_t)n,
			    "%s%lld missing", n > 0 ? ", " : "", sr->missing);
		fprintf(ctx->out, "%*s", (int)indent, "");
		cmd_table_cell(ctx->out, sr->region->code, code_w, false);
		fputc(' ', ctx->out);
		cmd_table_cell(ctx->out, sr->region->name_de, name_w, false);
		fputc(' ', ctx->out);
		cmd_table_cell(ctx->out, range, CMD_STATUS_RANGE, false);
		fputc(' ', ctx->out);
		cmd_table_cell(ctx->out, count, CMD_STATUS_COUNT, true);
		if (notes[0] != '\0') {
			fputc(' ', ctx->out);
			cmd_table_fit(ctx->out, notes, CMD_STATUS_NOTES);
		}
		fputc('\n', ctx->out);
	}
	cmd_status_missing(s, si, missing, sizeof(missing));
	if (missing[0] != '\0') {
		fprintf(ctx->out, "%*smissing: ", (int)indent, "");
		cmd_table_fit(ctx->out, missing, CMD_TABLE_WIDTH - indent - 9);
		fputc('\n', ctx->out);
	}
}

static void
cmd_status_goal_table(struct cmd_context *ctx, const struct status *s,
    const struct goal_node *n, size_t indent)
{
	char line[512];
	size_t i;

	fprintf(ctx->out, "%s%*s", indent == 0 ? "\n" : "", (int)indent, "");
	snprintf(line, sizeof(line), "%s  %s", n->goal->code, n->goal->title_de);
	cmd_table_fit(ctx->out, line, CMD_TABLE_WIDTH - indent);
	fputc('\n', ctx->out);
	for (i = 0; i < n->indicator_count; i++)
		cmd_status_indicator_table(ctx, s, &s->indicators[
		    n->indicators[i] - s->catalog.indicators], indent + 2);
	for (i = 0; i < n->child_count; i++)
		cmd_status_goal_table(ctx, s, n->children[i], indent + 2);
}

static void
cmd_status_table(struct cmd_context *ctx, const struct status *s)
{
	const struct catalog *c = &s->catalog;
	const struct coverage_totals *t = &s->totals;
	size_t i, with_data = 0, home = 0, ref = 0, orphans = 0;
	char label[256];

	fprintf(ctx->out, "wiall status of %s\n\n", ctx->db_path);
	fprintf(ctx->out, "Vision       ");
	cmd_table_fit(ctx->out, c->vision != NULL ? c->vision->title_de :
	    "(none)", CMD_TABLE_WIDTH - 13);
	fprintf(ctx->out, "\nCatalogue    %zu goals, %zu indicators, %zu "
	    "targets (%zu superseded),\n             %zu regions, %zu "
	    "classifications with %zu sectors, %zu shocks\n", c->goal_count,
	    c->indicator_count, s->current_targets, s->superseded_targets,
	    c->region_count, c->classification_count, s->sectors,
	    c->shock_count);
	fprintf(ctx->out, "Data         %lld observations (%lld with a value) "
	    "in %lld series,\n             %lld revisions, %lld import "
	    "batches\n", t->observations, t->values, t->series, t->revisions,
	    t->batches);
	if (t->last_batch > 0) {
		fprintf(ctx->out, "Last import  batch %lld, %s:\n             ",
		    t->last_batch, t->last_time);
		cmd_table_fit(ctx->out, t->last_file, CMD_TABLE_WIDTH - 13);
		fputc('\n', ctx->out);
	} else
		fprintf(ctx->out, "Last import  none\n");
	if (s->home != NULL) {
		cmd_status_region_label(s->home, label, sizeof(label));
		fprintf(ctx->out, "Home region  %s, the catalogue's first\n",
		    label);
	}
	for (i = 0; i < s->tree.root_count; i++)
		cmd_status_goal_table(ctx, s, s->tree.roots[i], 0);
	for (i = 0; i < c->indicator_count; i++)
		if (c->indicators[i].goal_count == 0 && orphans++ == 0)
			fprintf(ctx->out, "\nIndicators without a goal\n");
	for (i = 0; orphans > 0 && i < c->indicator_count; i++)
		if (c->indicators[i].goal_count == 0)
			cmd_status_indicator_table(ctx, s, &s->indicators[i], 2);
	for (i = 0; i < c->indicator_count; i++) {
		with_data += s->indicators[i].values > 0;
		home += s->indicators[i].values > 0 &&
		    s->indicators[i].home_missing;
		ref += s->indicators[i].values > 0 &&
		    s->indicators[i].reference_missing;
	}
	fprintf(ctx->out, "\n%zu of %zu indicators have data; %zu have none.\n"
	    "Of those with data, %zu lack the home region and %zu their "
	    "reference region.\n", with_data, c->indicator_count,
	    c->indicator_count - with_data, home, ref);
}

/* ---- JSON ---------------------------------------------------------------- */

static json_t *
cmd_status_json_string(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *
cmd_status_json_indicator(const struct status *s,
    const struct status_indicator *si)
{
	const struct indicator *ind = si->indicator;
	json_t *o = json_object(), *regions = json_array(), *goals = json_array();
	json_t *missing = json_array();
	size_t i;
	int k;

	json_object_set_new(o, "code", json_string(ind->code));
	json_object_set_new(o, "title_de", json_string(ind->title_de));
	json_object_set_new(o, "unit", json_string(ind->unit));
	json_object_set_new(o, "reference_region",
	    cmd_status_json_string(ind->reference_region));
	for (i = 0; i < ind->goal_count; i++)
		json_array_append_new(goals, json_string(ind->goals[i]));
	json_object_set_new(o, "goals", goals);
	json_object_set_new(o, "values", json_integer(si->values));
	for (i = 0; i < si->region_count; i++) {
		const struct status_region *sr = &si->regions[i];
		json_t *r = json_object(), *kinds = json_array();

		json_object_set_new(r, "code", json_string(sr->region->code));
		json_object_set_new(r, "name_de",
		    json_string(sr->region->name_de));
		json_object_set_new(r, "first", sr->first[0] != '\0' ?
		    json_string(sr->first) : json_null());
		json_object_set_new(r, "last", sr->last[0] != '\0' ?
		    json_string(sr->last) : json_null());
		json_object_set_new(r, "values", json_integer(sr->values));
		json_object_set_new(r, "missing", json_integer(sr->missing));
		json_object_set_new(r, "series", json_integer(sr->series));
		for (k = 0; k < PERIOD_KIND__MAX; k++)
			if (sr->kinds & (1u << k))
				json_array_append_new(kinds,
				    json_string(period_kind_names[k]));
		json_object_set_new(r, "period_kinds", kinds);
		json_array_append_new(regions, r);
	}
	json_object_set_new(o, "regions", regions);
	if (si->values == 0)
		json_array_append_new(missing, json_string("no_data"));
	else {
		if (si->home_missing)
			json_array_append_new(missing,
			    json_string("home_region"));
		if (si->reference_missing)
			json_array_append_new(missing,
			    json_string("reference_region"));
	}
	json_object_set_new(o, "missing", missing);
	return o;
}

static int
cmd_status_json(struct cmd_context *ctx, const struct status *s)
{
	const struct catalog *c = &s->catalog;
	const struct coverage_totals *t = &s->totals;
	json_t *root = json_object(), *cat = json_object(), *data = json_object();
	json_t *goals = json_array(), *inds = json_array(), *last;
	size_t i, k;
	int rc;

	json_object_set_new(root, "database", json_string(ctx->db_path));
	json_object_set_new(cat, "vision", c->vision != NULL ?
	    json_string(c->vision->title_de) : json_null());
	json_object_set_new(cat, "goals", json_integer((json_int_t)c->goal_count));
	json_object_set_new(cat, "indicators",
	    json_integer((json_int_t)c->indicator_count));
	json_object_set_new(cat, "targets",
	    json_integer((json_int_t)s->current_targets));
	json_object_set_new(cat, "superseded_targets",
	    json_integer((json_int_t)s->superseded_targets));
	json_object_set_new(cat, "regions",
	    json_integer((json_int_t)c->region_count));
	json_object_set_new(cat, "classifications",
	    json_integer((json_int_t)c->classification_count));
	json_object_set_new(cat, "sectors", json_integer((json_int_t)s->sectors));
	json_object_set_new(cat, "shocks", json_integer((json_int_t)c->shock_count));
	json_object_set_new(root, "catalog", cat);
	json_object_set_new(data, "observations", json_integer(t->observations));
	json_object_set_new(data, "values", json_integer(t->values));
	json_object_set_new(data, "series", json_integer(t->series));
	json_object_set_new(data, "revisions", json_integer(t->revisions));
	json_object_set_new(data, "batches", json_integer(t->batches));
	if (t->last_batch > 0) {
		last = json_object();
		json_object_set_new(last, "id", json_integer(t->last_batch));
		json_object_set_new(last, "file", json_string(t->last_file));
		json_object_set_new(last, "created_at",
		    json_string(t->last_time));
	} else
		last = json_null();
	json_object_set_new(data, "last_batch", last);
	json_object_set_new(root, "data", data);
	json_object_set_new(root, "home_region", s->home != NULL ?
	    json_string(s->home->code) : json_null());
	for (i = 0; i < s->tree.node_count; i++) {
		const struct goal_node *n = &s->tree.nodes[i];
		json_t *g = json_object(), *list = json_array();

		json_object_set_new(g, "code", json_string(n->goal->code));
		json_object_set_new(g, "parent",
		    cmd_status_json_string(n->goal->parent));
		json_object_set_new(g, "level", json_integer(n->goal->level));
		json_object_set_new(g, "title_de", json_string(n->goal->title_de));
		for (k = 0; k < n->indicator_count; k++)
			json_array_append_new(list,
			    json_string(n->indicators[k]->code));
		json_object_set_new(g, "indicators", list);
		json_array_append_new(goals, g);
	}
	json_object_set_new(root, "goals", goals);
	for (i = 0; i < c->indicator_count; i++)
		json_array_append_new(inds,
		    cmd_status_json_indicator(s, &s->indicators[i]));
	json_object_set_new(root, "indicators", inds);
	rc = json_dumpf(root, ctx->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', ctx->out);
	json_decref(root);
	return rc;
}

static int
cmd_status_exec(struct cmd_context *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct status s;
	struct db *db;
	struct error e;
	bool json = false;
	int c, rc = CMD_FAIL;

	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_status_entry, ctx);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		if (c == 'f' && strcmp(optarg, "json") == 0)
			json = true;
		else if (c == 'f' && strcmp(optarg, "table") == 0)
			json = false;
		else if (c == 'f')
			return cmd_usage_error(&cmd_status_entry, ctx,
			    "--format is table or json");
		else
			return cmd_usage_unknown(&cmd_status_entry, ctx, argv);
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_status_entry, ctx,
		    "unexpected argument '%s'", argv[optind]);
	if (cmd_open_db(ctx, DB_READ_ONLY, &db) == -1)
		return CMD_FAIL;
	if (status_build(db, &s, &e) == -1)
		fprintf(ctx->err, "wiall status: %s\n", e.message);
	else if (json) {
		if (cmd_status_json(ctx, &s) == 0)
			rc = CMD_OK;
		else
			fprintf(ctx->err, "wiall status: cannot write JSON\n");
	} else {
		cmd_status_table(ctx, &s);
		rc = CMD_OK;
	}
	status_free(&s);
	db_close(db);
	return rc;
}

const struct cmd_entry cmd_status_entry = {
	.name = "status",
	.usage = "[--format table|json]",
	.summary = "Per goal and indicator: which regions have data, what is "
	    "missing.",
	.help =
	    "For each goal (as a tree) and each of its indicators: the regions\n"
	    "with data, the first and last period with a value, how many values\n"
	    "(and series: sectors count separately), and what is missing: no\n"
	    "data at all, no data for the home region (the catalogue's first\n"
	    "region), or none for the indicator's reference region. The header\n"
	    "counts the catalogue and says when data was last imported.\n"
	    "\n"
	    "  --format table|json   a table for the terminal (default) or JSON\n"
	    "\n"
	    "Example:\n"
	    "  wiall --db demo.db status | less\n",
	.exec = cmd_status_exec,
};
