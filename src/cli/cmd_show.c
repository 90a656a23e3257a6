/* wiall show: one indicator in full — its catalogue record, its targets with
 * the superseded versions, and its data as a table of periods × series with
 * flags, revisions and sources. Numbers are written with a decimal point and
 * the indicator's decimals, as in the files. */
#include <getopt.h>
#include <string.h>

#include "app/show.h"
#include "cli/cmd.h"
#include "cli/cmd_table.h"
#include "util/buf.h"

extern const struct cmd_entry cmd_show_entry;

#define CMD_SHOW_LABEL 16	/* width of the metadata labels */
#define CMD_SHOW_PERIOD 8	/* width of the period column */

static const char *const cmd_show_flag_words[][2] = {
	{ "b", "break in series" }, { "c", "confidential" },
	{ "d", "definition differs" }, { "e", "estimated" },
	{ "f", "forecast" }, { "m", "missing" }, { "n", "not significant" },
	{ "p", "provisional" }, { "r", "revised" },
	{ "s", "estimated by the statistical office" },
	{ "u", "low reliability" }, { "z", "not applicable" },
};

static void
cmd_show_field(struct cmd_context *ctx, const char *label, const char *text)
{
	if (text == NULL || text[0] == '\0')
		return;
	fprintf(ctx->out, "  %-*s", CMD_SHOW_LABEL - 2, label);
	cmd_table_wrap(ctx->out, text, CMD_SHOW_LABEL, CMD_SHOW_LABEL,
	    CMD_TABLE_WIDTH);
}

static const char *
cmd_show_polarity(int polarity)
{
	return polarity > 0 ? "higher is better (+1)" : polarity < 0 ?
	    "lower is better (-1)" : "no better direction: closer to the "
	    "target is better, else a context figure (0)";
}

/* A number with the indicator's decimals. */
static void
cmd_show_number(const struct indicator *ind, double v, char *out, size_t size)
{
	int d = ind->decimals < 0 ? 0 : ind->decimals > 9 ? 9 : ind->decimals;

	snprintf(out, size, "%.*f", d, v);
}

static void
cmd_show_region_label(const struct catalog *c, const char *code, char *out,
    size_t size)
{
	const struct region *r = code != NULL ? model_find_region(c, code) : NULL;

	if (r != NULL)
		snprintf(out, size, "%s (%s)", r->name_de, r->code);
	else
		snprintf(out, size, "%s", code != NULL ? code : "?");
}

static void
cmd_show_metadata(struct cmd_context *ctx, const struct show *s)
{
	const struct indicator *ind = s->indicator;
	const struct catalog *c = &s->catalog;
	char line[512];
	struct buf b = BUF_INIT;
	size_t i;

	snprintf(line, sizeof(line), "%s  %s", ind->code, ind->title_de);
	cmd_table_fit(ctx->out, line, CMD_TABLE_WIDTH);
	fputc('\n', ctx->out);
	cmd_show_field(ctx, "English", ind->title_en);
	cmd_show_field(ctx, "Definition", ind->definition_de);
	cmd_show_field(ctx, "(en)", ind->definition_en);
	snprintf(line, sizeof(line), "%s, shown with %d decimal%s", ind->unit,
	    ind->decimals, ind->decimals == 1 ? "" : "s");
	cmd_show_field(ctx, "Unit", line);
	cmd_show_field(ctx, "Polarity", cmd_show_polarity(ind->polarity));
	cmd_show_field(ctx, "Dimension", model_dimension_names[ind->dimension]);
	cmd_show_field(ctx, "Principle", model_principle_names[ind->principle]);
	cmd_show_field(ctx, "Field", ind->field);
	snprintf(line, sizeof(line), "%s of sub-annual values",
	    model_annual_names[ind->annual]);
	cmd_show_field(ctx, "Annual value", line);
	cmd_show_field(ctx, "Classification", ind->classification);
	cmd_show_field(ctx, "Source", ind->source);
	cmd_show_field(ctx, "Source URL", ind->source_url);
	cmd_show_field(ctx, "Method", ind->method_note);
	if (ind->reference_region != NULL) {
		cmd_show_region_label(c, ind->reference_region, line,
		    sizeof(line));
		cmd_show_field(ctx, "Reference", line);
	}
	for (i = 0; i < ind->goal_count; i++) {
		const struct goal *g = model_find_goal(c, ind->goals[i]);
		if (b.len > 0)
			buf_puts(&b, "; ");
		buf_printf(&b, "%s %s", ind->goals[i], g != NULL ?
		    g->title_de : "");
	}
	cmd_show_field(ctx, ind->goal_count == 1 ? "Goal" : "Goals",
	    buf_cstr(&b));
	buf_reset(&b);
	for (i = 0; i < ind->sdg_count; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", ind->sdgs[i]);
	cmd_show_field(ctx, "SDGs", buf_cstr(&b));
	buf_free(&b);
}

/* What a target asks for, in words. */
static void
cmd_show_target_text(const struct show *s, const struct target_version *t,
    char *out, size_t size)
{
	const struct indicator *ind = s->indicator;
	char a[64], b[64], year[32], ref[256];

	year[0] = '\0';
	if (t->year != 0)
		snprintf(year, sizeof(year), " by %d", t->year);
	switch (t->kind) {
	case MODEL_TARGET_VALUE:
		cmd_show_number(ind, t->value, a, sizeof(a));
		snprintf(out, size, "%s %s%s", a, ind->unit, year);
		break;
	case MODEL_TARGET_INTERVAL:
		cmd_show_number(ind, t->low, a, sizeof(a));
		cmd_show_number(ind, t->high, b, sizeof(b));
		snprintf(out, size, "between %s and %s %s%s", a, b, ind->unit,
		    t->year != 0 ? year : ", every year");
		break;
	case MODEL_TARGET_EVERY_YEAR:
		cmd_show_number(ind, t->value, a, sizeof(a));
		snprintf(out, size, "%s %s %s every year", ind->polarity < 0 ?
		    "at most" : ind->polarity > 0 ? "at least" : "close to", a,
		    ind->unit);
		break;
	case MODEL_TARGET_DIRECTION:
		snprintf(out, size, "direction only: %s%s",
		    cmd_show_polarity(ind->polarity), year);
		break;
	case MODEL_TARGET_REFERENCE:
		cmd_show_region_label(&s->catalog, t->reference_region != NULL ?
		    t->reference_region : ind->reference_region, ref,
		    sizeof(ref));
		snprintf(out, size, "%s %s%s", ind->polarity < 0 ?
		    "at most the level of" : ind->polarity > 0 ?
		    "at least the level of" : "the level of", ref, year);
		break;
	case MODEL_TARGET_KIND__MAX:
		out[0] = '\0';
		break;
	}
}

static void
cmd_show_targets(struct cmd_context *ctx, const struct show *s)
{
	const struct indicator *ind = s->indicator;
	char what[512], when[64];
	size_t i;

	fprintf(ctx->out, "\nTargets\n");
	if (ind->target_count == 0)
		fprintf(ctx->out, "  none\n");
	for (i = 0; i < ind->target_count; i++) {
		const struct target_version *t = &ind->targets[i];

		cmd_show_target_text(s, t, what, sizeof(what));
		if (t->valid_to == NULL)
			snprintf(when, sizeof(when), "current, since %s",
			    t->valid_from != NULL ? t->valid_from : "?");
		else
			snprintf(when, sizeof(when), "superseded: %s to %s",
			    t->valid_from != NULL ? t->valid_from : "?",
			    t->valid_to);
		fprintf(ctx->out, "  %s (%s, %s)\n", t->code,
		    model_target_kind_names[t->kind], when);
		fprintf(ctx->out, "    ");
		cmd_table_wrap(ctx->out, what, 4, 4, CMD_TABLE_WIDTH);
		if (t->note_de != NULL) {
			fprintf(ctx->out, "    ");
			cmd_table_wrap(ctx->out, t->note_de, 4, 4,
			    CMD_TABLE_WIDTH);
		}
	}
}

/* A column heading: the region code, and the dimension values ("C",
 * "f,C") on a second line. */
static void
cmd_show_dims_label(const char *dims, char *out, size_t size)
{
	const char *p = dims;
	size_t n = 0;

	out[0] = '\0';
	if (*dims == '\0') {
		snprintf(out, size, "total");
		return;
	}
	while (*p != '\0' && n + 1 < size) {
		const char *eq = strchr(p, '='), *end = strchr(p, ';');
		size_t len;

		if (eq == NULL || (end != NULL && eq > end))
			break;
		len = end != NULL ? (size_t)(end - eq - 1) : strlen(eq + 1);
		n += (size_t)snprintf(out + n, size - n, "%s%.*s",
		    n > 0 ? "," : "", (int)len, eq + 1);
		if (end == NULL || n >= size)
			break;
		p = end + 1;
	}
}

static void
cmd_show_cell(const struct show *s, const struct show_series *ser,
    const char *period, char *out, size_t size)
{
	size_t i;

	out[0] = '\0';
	for (i = 0; i < ser->observation_count; i++) {
		const struct show_observation *o = &ser->observations[i];
		char v[64];

		if (strcmp(o->period, period) != 0)
			continue;
		if (o->has_value)
			cmd_show_number(s->indicator, o->value, v, sizeof(v));
		else
			snprintf(v, sizeof(v), ":");
		snprintf(out, size, "%s%s%s", v, o->flag[0] != '\0' ? " " : "",
		    o->flag);
		return;
	}
}

static void
cmd_show_table(struct cmd_context *ctx, const struct show *s,
    bool totals_only)
{
	size_t cols[256], width[256], ncols = 0, i, k, p, start;
	bool any_dims = false, one_region = true;
	char cell[128];

	for (i = 0; i < s->series_count && ncols < 256; i++) {
		const struct show_series *ser = &s->series[i];
		size_t w = cmd_table_width(ser->region->code);

		/* Without --region, only the totals when there are totals
		 * and sectors: a region's sectors come with --region. */
		if (totals_only && ser->dims[0] != '\0')
			continue;
		if (ser->dims[0] != '\0')
			any_dims = true;
		if (ser->region != s->series[0].region)
			one_region = false;
		cmd_show_dims_label(ser->dims, cell, sizeof(cell));
		if (cmd_table_width(cell) > w)
			w = cmd_table_width(cell);
		for (p = 0; p < s->period_count; p++) {
			cmd_show_cell(s, ser, s->periods[p], cell, sizeof(cell));
			if (cmd_table_width(cell) > w)
				w = cmd_table_width(cell);
		}
		if (w > 16)
			w = 16;
		cols[ncols] = i;
		width[ncols++] = w < 6 ? 6 : w;
	}
	/* Blocks of columns that fit beside the period column. */
	for (start = 0; start < ncols; start = k) {
		size_t used = CMD_SHOW_PERIOD;

		for (k = start; k < ncols && used + 1 + width[k] <=
		    CMD_TABLE_WIDTH - 2; k++)
			used += 1 + width[k];
		if (k == start)
			k++;
		if (start > 0)
			fputc('\n', ctx->out);
		/* One region: its name is in the title, the columns are its
		 * dimensions; else a region code over each column. */
		if (!one_region || !any_dims) {
			fprintf(ctx->out, "  %-*s", CMD_SHOW_PERIOD, "period");
			for (i = start; i < k; i++) {
				fputc(' ', ctx->out);
				cmd_table_cell(ctx->out,
				    s->series[cols[i]].region->code, width[i],
				    true);
			}
			fputc('\n', ctx->out);
		}
		if (any_dims) {
			fprintf(ctx->out, "  %-*s", CMD_SHOW_PERIOD,
			    one_region ? "period" : "");
			for (i = start; i < k; i++) {
				cmd_show_dims_label(s->series[cols[i]].dims,
				    cell, sizeof(cell));
				fputc(' ', ctx->out);
				cmd_table_cell(ctx->out, cell, width[i], true);
			}
			fputc('\n', ctx->out);
		}
		for (p = 0; p < s->period_count; p++) {
			bool any = false;

			for (i = start; i < k && !any; i++) {
				cmd_show_cell(s, &s->series[cols[i]],
				    s->periods[p], cell, sizeof(cell));
				any = cell[0] != '\0';
			}
			if (!any)
				continue;
			fprintf(ctx->out, "  %-*s", CMD_SHOW_PERIOD,
			    s->periods[p]);
			for (i = start; i < k; i++) {
				cmd_show_cell(s, &s->series[cols[i]],
				    s->periods[p], cell, sizeof(cell));
				fputc(' ', ctx->out);
				cmd_table_cell(ctx->out, cell, width[i], true);
			}
			fputc('\n', ctx->out);
		}
	}
}

static void
cmd_show_flags(struct cmd_context *ctx, const struct show *s)
{
	bool used[26] = { false }, any = false;
	size_t i, k;
	const char *f;

	for (i = 0; i < s->series_count; i++)
		for (k = 0; k < s->series[i].observation_count; k++)
			for (f = s->series[i].observations[k].flag; *f; f++)
				if (*f >= 'a' && *f <= 'z')
					used[*f - 'a'] = any = true;
	if (!any)
		return;
	fprintf(ctx->out, "\nFlags:");
	for (i = 0; i < sizeof(cmd_show_flag_words) /
	    sizeof(cmd_show_flag_words[0]); i++)
		if (used[cmd_show_flag_words[i][0][0] - 'a'])
			fprintf(ctx->out, " %s %s;", cmd_show_flag_words[i][0],
			    cmd_show_flag_words[i][1]);
	fprintf(ctx->out, " ':' a value stored as missing\n");
}

static void
cmd_show_revisions(struct cmd_context *ctx, const struct show *s)
{
	const struct show_revision *batches[32];
	char old[64], now[64], dims[64];
	size_t i, k, j, n = 0, nb = 0;

	for (i = 0; i < s->series_count; i++)
		n += s->series[i].revision_count;
	fprintf(ctx->out, "\nRevisions (old → new)\n");
	if (n == 0) {
		fprintf(ctx->out, "  none\n");
		return;
	}
	for (i = 0; i < s->series_count; i++) {
		const struct show_series *ser = &s->series[i];

		for (k = 0; k < ser->revision_count; k++) {
			const struct show_revision *r = &ser->revisions[k];

			if (r->had_value)
				cmd_show_number(s->indicator, r->old_value, old,
				    sizeof(old));
			else
				snprintf(old, sizeof(old), ":");
			if (r->has_value)
				cmd_show_number(s->indicator, r->new_value, now,
				    sizeof(now));
			else
				snprintf(now, sizeof(now), ":");
			cmd_show_dims_label(ser->dims, dims, sizeof(dims));
			fprintf(ctx->out, "  %s%s%s %s: %s%s%s → %s%s%s  (batch "
			    "%lld → %lld, %.10s)\n", ser->region->code,
			    ser->dims[0] != '\0' ? " " : "",
			    ser->dims[0] != '\0' ? dims : "", r->period, old,
			    r->old_flag[0] != '\0' ? " " : "", r->old_flag, now,
			    r->new_flag[0] != '\0' ? " " : "", r->new_flag,
			    r->old_batch, r->batch, r->batch_time);
			for (j = 0; j < nb && batches[j]->batch != r->batch; j++)
				;
			if (j == nb && nb < 32)
				batches[nb++] = r;
		}
	}
	for (j = 0; j < nb; j++) {
		char line[512];

		snprintf(line, sizeof(line), "batch %lld: %s, %s",
		    batches[j]->batch, batches[j]->batch_time,
		    batches[j]->batch_file);
		fprintf(ctx->out, "  ");
		cmd_table_fit(ctx->out, line, CMD_TABLE_WIDTH - 2);
		fputc('\n', ctx->out);
	}
}

/* The distinct sources of the shown values, with how many each gave. */
static void
cmd_show_sources(struct cmd_context *ctx, const struct show *s)
{
	const char *seen[64];
	long count[64];
	size_t n = 0, i, k, j, more = 0;

	for (i = 0; i < s->series_count; i++)
		for (k = 0; k < s->series[i].observation_count; k++) {
			const char *src = s->series[i].observations[k].source;

			if (src[0] == '\0')
				continue;
			for (j = 0; j < n && strcmp(seen[j], src) != 0; j++)
				;
			if (j < n)
				count[j]++;
			else if (n < 64) {
				seen[n] = src;
				count[n++] = 1;
			} else
				more++;
		}
	if (n == 0)
		return;
	fprintf(ctx->out, "\nSources of the values\n");
	for (i = 0; i < n; i++) {
		fprintf(ctx->out, "  %5ld  ", count[i]);
		cmd_table_fit(ctx->out, seen[i], CMD_TABLE_WIDTH - 9);
		fputc('\n', ctx->out);
	}
	if (more > 0)
		fprintf(ctx->out, "  and %zu values from further sources\n",
		    more);
}

static int
cmd_show_exec(struct cmd_context *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "region", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char *region = NULL;
	struct show s;
	struct db *db;
	struct error e;
	bool totals_only = false;
	size_t i, sectors = 0;
	int c, rc = CMD_FAIL;

	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_show_entry, ctx);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		if (c == 'r')
			region = optarg;
		else
			return cmd_usage_unknown(&cmd_show_entry, ctx, argv);
	}
	if (optind >= argc)
		return cmd_usage_error(&cmd_show_entry, ctx, "which indicator?");
	if (optind + 1 < argc)
		return cmd_usage_error(&cmd_show_entry, ctx, "unexpected "
		    "argument '%s'", argv[optind + 1]);
	if (cmd_open_db(ctx, DB_READ_ONLY, &db) == -1)
		return CMD_FAIL;
	switch (show_build(db, argv[optind], region, &s, &e)) {
	case SHOW_OK:
		cmd_show_metadata(ctx, &s);
		cmd_show_targets(ctx, &s);
		for (i = 0; i < s.series_count; i++)
			sectors += s.series[i].dims[0] != '\0';
		totals_only = region == NULL && sectors > 0 &&
		    sectors < s.series_count;
		fprintf(ctx->out, "\nData (%s)", s.indicator->unit);
		if (s.region != NULL)
			fprintf(ctx->out, ", %s (%s)", s.region->name_de,
			    s.region->code);
		if (totals_only)
			fprintf(ctx->out, ": totals; %zu series by dimension "
			    "with --region", sectors);
		fputc('\n', ctx->out);
		if (s.series_count == 0)
			fprintf(ctx->out, "  none\n");
		else
			cmd_show_table(ctx, &s, totals_only);
		cmd_show_flags(ctx, &s);
		cmd_show_revisions(ctx, &s);
		cmd_show_sources(ctx, &s);
		rc = CMD_OK;
		break;
	case SHOW_UNKNOWN:
		fprintf(ctx->err, "wiall show: %s\n", e.message);
		break;
	case SHOW_FAILED:
		fprintf(ctx->err, "wiall show: %s\n", e.message);
		break;
	}
	show_free(&s);
	db_close(db);
	return rc;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.usage = "[--region R] INDICATOR",
	.summary = "One indicator: metadata, targets, data and revisions.",
	.help =
	    "Prints the indicator's catalogue record (titles, definition, unit,\n"
	    "polarity in words, dimension, principle, field, source, reference\n"
	    "region, goals, SDGs), every target version with its dates, and its\n"
	    "data as a table of periods × regions, with flags, the revisions of\n"
	    "corrected values (old → new, batch and date) and the sources.\n"
	    "\n"
	    "  --region R   only region R (code or alias), with its series by\n"
	    "               sector or other dimension; without it, the totals of\n"
	    "               every region\n"
	    "\n"
	    "Examples:\n"
	    "  wiall show gdp_per_employed\n"
	    "  wiall show --region 05512000 employment_persons\n",
	.exec = cmd_show_exec,
};
