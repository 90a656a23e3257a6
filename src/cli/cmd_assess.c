/* wiall assess: trend and target assessment (METHODS §2) of the catalogue's
 * indicators over the database, or of one series in a long CSV file. */
#include <ctype.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/assess.h"
#include "app/assess_csv.h"
#include "app/assess_json.h"
#include "cli/cmd.h"
#include "io/obsfile.h"
#include "store/catalog.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/xalloc.h"

extern const struct cmd_entry cmd_assess_entry;

enum cmd_assess_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON };

enum {
	OPT_REGION = 256, OPT_METHOD, OPT_FORMAT, OPT_LANG, OPT_TERM,
	OPT_BASE_YEAR, OPT_LIMIT, OPT_INPUT, OPT_POLARITY, OPT_ANNUAL,
	OPT_TARGET, OPT_TARGET_YEAR, OPT_TARGET_LOW, OPT_TARGET_HIGH,
	OPT_TARGET_KIND, OPT_REFERENCE_INPUT, OPT_UNIT, OPT_DECIMALS
};

static const struct option cmd_assess_options[] = {
	{ "region", required_argument, NULL, OPT_REGION },
	{ "method", required_argument, NULL, OPT_METHOD },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "term", required_argument, NULL, OPT_TERM },
	{ "base-year", required_argument, NULL, OPT_BASE_YEAR },
	{ "limit", required_argument, NULL, OPT_LIMIT },
	{ "input", required_argument, NULL, OPT_INPUT },
	{ "polarity", required_argument, NULL, OPT_POLARITY },
	{ "annual", required_argument, NULL, OPT_ANNUAL },
	{ "target", required_argument, NULL, OPT_TARGET },
	{ "target-year", required_argument, NULL, OPT_TARGET_YEAR },
	{ "target-low", required_argument, NULL, OPT_TARGET_LOW },
	{ "target-high", required_argument, NULL, OPT_TARGET_HIGH },
	{ "target-kind", required_argument, NULL, OPT_TARGET_KIND },
	{ "reference-input", required_argument, NULL, OPT_REFERENCE_INPUT },
	{ "unit", required_argument, NULL, OPT_UNIT },
	{ "decimals", required_argument, NULL, OPT_DECIMALS },
	{ NULL, 0, NULL, 0 }
};

/* Everything the command line says. */
struct cmd_assess_args {
	const char		*region;
	enum assess_method	 method;
	enum cmd_assess_format	 format;
	const char		*lang;
	struct assess_options	 options;
	/* File mode. */
	const char		*input, *reference_input;
	bool			 has_polarity;
	int			 polarity;
	enum model_annual	 annual;
	bool			 has_target, has_low, has_high;
	double			 target, low, high;
	int			 target_year;
	int			 target_kind;	/* -1: from the other options */
	const char		*unit;
	int			 decimals;	/* -1: from the values */
	bool			 file_only;	/* a file-mode option was given */
};

/* Index of s in names[0..n), or -1. */
static int
cmd_assess_pick(const char *s, const char *const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (names[i] != NULL && strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static int
cmd_assess_year(const char *s, int *out)
{
	long long v;

	if (text_parse_int(s, strlen(s), &v) == -1 || v < 1000 || v > 9999)
		return -1;
	*out = (int)v;
	return 0;
}

static int
cmd_assess_number(const char *s, double *out)
{
	return text_parse_double(s, strlen(s), '.', out);
}

/* ---- options ------------------------------------------------------------ */

static int
cmd_assess_parse(struct cmd_context *ctx, int argc, char **argv,
    struct cmd_assess_args *a)
{
	static const char *const formats[] = { "table", "csv", "json" };
	static const char *const terms[] = { "short", "long" };
	static const char *const langs[] = { "de", "en" };
	long long n;
	int c, k;

	memset(a, 0, sizeof(*a));
	a->lang = "de";
	a->target_kind = -1;
	a->decimals = -1;
	a->annual = MODEL_ANNUAL_MEAN;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", cmd_assess_options, NULL)) != -1) {
		if (c > OPT_INPUT)
			a->file_only = true;
		switch (c) {
		case OPT_REGION:
			a->region = optarg;
			break;
		case OPT_METHOD:
			if ((k = cmd_assess_pick(optarg, assess_method_names,
			    ASSESS_METHOD__MAX)) < 0)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--method is dns, eurostat or opensdg");
			a->method = (enum assess_method)k;
			break;
		case OPT_FORMAT:
			if ((k = cmd_assess_pick(optarg, formats, 3)) < 0)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--format is table, csv or json");
			a->format = (enum cmd_assess_format)k;
			break;
		case OPT_LANG:
			if ((k = cmd_assess_pick(optarg, langs, 2)) < 0)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--lang is de or en");
			a->lang = langs[k];
			break;
		case OPT_TERM:
			if ((k = cmd_assess_pick(optarg, terms, 2)) < 0)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--term is short or long");
			a->options.eurostat_term = (enum assess_eurostat_term)k;
			break;
		case OPT_BASE_YEAR:
			if (cmd_assess_year(optarg, &a->options.opensdg.base_year)
			    == -1)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--base-year is a year, e.g. 2015");
			break;
		case OPT_LIMIT:
			if (cmd_assess_number(optarg, &a->options.opensdg.limit)
			    == -1)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--limit is a number");
			a->options.opensdg.has_limit = true;
			break;
		case OPT_INPUT:
			a->input = optarg;
			break;
		case OPT_POLARITY:
			if (text_parse_int(optarg, strlen(optarg), &n) == -1 ||
			    n < -1 || n > 1)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--polarity is 1 (higher is better), -1 (lower "
				    "is better) or 0 (closer to the target is "
				    "better)");
			a->has_polarity = true;
			a->polarity = (int)n;
			break;
		case OPT_ANNUAL:
			if ((k = cmd_assess_pick(optarg, model_annual_names,
			    MODEL_ANNUAL__MAX)) < 0)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--annual is mean, last or sum");
			a->annual = (enum model_annual)k;
			break;
		case OPT_TARGET:
			if (cmd_assess_number(optarg, &a->target) == -1)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--target is a number, e.g. 41 or 0.5");
			a->has_target = true;
			break;
		case OPT_TARGET_YEAR:
			if (cmd_assess_year(optarg, &a->target_year) == -1)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--target-year is a year, e.g. 2030");
			break;
		case OPT_TARGET_LOW:
			if (cmd_assess_number(optarg, &a->low) == -1)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--target-low is a number");
			a->has_low = true;
			break;
		case OPT_TARGET_HIGH:
			if (cmd_assess_number(optarg, &a->high) == -1)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--target-high is a number");
			a->has_high = true;
			break;
		case OPT_TARGET_KIND:
			if ((k = cmd_assess_pick(optarg, model_target_kind_names,
			    MODEL_TARGET_KIND__MAX)) < 0)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--target-kind is value, interval, every_year, "
				    "direction or reference");
			a->target_kind = k;
			break;
		case OPT_REFERENCE_INPUT:
			a->reference_input = optarg;
			break;
		case OPT_UNIT:
			a->unit = optarg;
			break;
		case OPT_DECIMALS:
			if (text_parse_int(optarg, strlen(optarg), &n) == -1 ||
			    n < 0 || n > 6)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--decimals is 0 to 6");
			a->decimals = (int)n;
			break;
		default:
			return cmd_usage_error(&cmd_assess_entry, ctx, "unknown "
			    "option or missing argument: '%s'", argv[optind - 1]);
		}
	}
	a->options.methods = ASSESS_METHOD_BIT(a->method);
	return CMD_OK;
}

/*
 * The target of file mode, checked as the catalogue checks one (a value needs a
 * year, an interval both bounds …). Returns 0 when there is no target, 1 when
 * there is one (in *v), -1 after a usage message.
 */
static int
cmd_assess_file_target(struct cmd_context *ctx, const struct cmd_assess_args *a,
    struct target_version *v)
{
	const char *problem = NULL;
	int kind = a->target_kind;

	memset(v, 0, sizeof(*v));
	if (kind < 0) {
		if (a->reference_input != NULL)
			kind = MODEL_TARGET_REFERENCE;
		else if (a->has_low || a->has_high)
			kind = MODEL_TARGET_INTERVAL;
		else if (a->has_target)
			kind = MODEL_TARGET_VALUE;
		else if (a->target_year != 0)
			problem = "--target-year needs --target V (or --target-low "
			    "and --target-high)";
		else
			return 0;
	}
	if (problem == NULL && ((a->has_target && kind != MODEL_TARGET_VALUE &&
	    kind != MODEL_TARGET_EVERY_YEAR) || ((a->has_low || a->has_high) &&
	    kind != MODEL_TARGET_INTERVAL) || (a->reference_input != NULL &&
	    kind != MODEL_TARGET_REFERENCE)))
		problem = "the target options given do not go together (see "
		    "--help: one kind of target at a time)";
	v->code = "target";
	v->kind = (enum model_target_kind)(kind < 0 ? 0 : kind);
	v->year = a->target_year;
	switch (problem == NULL ? kind : -1) {
	case MODEL_TARGET_VALUE:
		if (!a->has_target || a->target_year == 0)
			problem = "a value target needs --target V and --target-year "
			    "T (a value for every year: --target-kind every_year)";
		v->has_value = true;
		v->value = a->target;
		break;
	case MODEL_TARGET_INTERVAL:
		if (!a->has_low || !a->has_high || a->low > a->high)
			problem = "an interval target needs --target-low L and "
			    "--target-high H with L <= H";
		v->has_low = v->has_high = true;
		v->low = a->low;
		v->high = a->high;
		break;
	case MODEL_TARGET_EVERY_YEAR:
		if (!a->has_target || a->target_year != 0)
			problem = "an every_year target needs --target V and no "
			    "--target-year";
		v->has_value = true;
		v->value = a->target;
		break;
	case MODEL_TARGET_DIRECTION:
		if (a->polarity == 0)
			problem = "a direction target needs --polarity 1 or -1";
		break;
	case MODEL_TARGET_REFERENCE:
		if (a->reference_input == NULL)
			problem = "a reference target needs --reference-input FILE";
		break;
	default:
		break;
	}
	if (problem != NULL) {
		cmd_usage_error(&cmd_assess_entry, ctx, "%s", problem);
		return -1;
	}
	return 1;
}

/* ---- file mode ---------------------------------------------------------- */

/*
 * Whether the header line names an indicator and a region column, so that a
 * file of just `period,value` can be read too (the reader wants either the
 * column or a fixed value, never both). The reader checks the header again.
 */
static void
cmd_assess_peek(const char *path, bool *has_indicator, bool *has_region)
{
	char line[8192], *p, *field, *save = NULL;
	FILE *fp;

	*has_indicator = *has_region = false;
	if ((fp = fopen(path, "r")) == NULL)
		return;
	if (fgets(line, sizeof(line), fp) != NULL) {
		p = strncmp(line, "\xef\xbb\xbf", 3) == 0 ? line + 3 : line;
		for (field = strtok_r(p, ",;\t\r\n", &save); field != NULL;
		    field = strtok_r(NULL, ",;\t\r\n", &save)) {
			size_t n;
			char *q;

			while (*field == ' ' || *field == '"')
				field++;
			n = strlen(field);
			while (n > 0 && (field[n - 1] == ' ' || field[n - 1] == '"'))
				field[--n] = '\0';
			for (q = field; *q != '\0'; q++)
				*q = (char)tolower((unsigned char)*q);
			if (strcmp(field, "indicator") == 0)
				*has_indicator = true;
			else if (strcmp(field, "region") == 0)
				*has_region = true;
		}
	}
	fclose(fp);
}

/* One series read from a long CSV file, into the arena. */
struct cmd_assess_file {
	struct assess_region_series	 series;
	const char			*indicator;
	const char			*unit;		/* the first one given, or NULL */
};

static int
cmd_assess_read(struct cmd_context *ctx, const char *path,
    const char *default_region, struct arena *a, struct cmd_assess_file *out)
{
	struct obsfile_options ro;
	struct obsfile_reader *r = NULL;
	struct obsfile_record *rec;
	struct diag_list diags;
	struct assess_observation *obs = NULL, *copy;
	long *lines = NULL;
	size_t count = 0, cap = 0, lcap = 0, i;
	bool has_indicator, has_region;
	struct error e;
	int got, rc = -1;
	char text[PERIOD_TEXT_MAX];

	memset(out, 0, sizeof(*out));
	obsfile_options_init(&ro);
	diag_list_init(&diags, 50);
	ro.format = OBSFILE_LONG;
	cmd_assess_peek(path, &has_indicator, &has_region);
	if (!has_indicator)
		obsfile_options_set(&ro.indicator, "series");
	if (!has_region)
		obsfile_options_set(&ro.region, default_region);
	if (obsfile_open(path, &ro, &r, &diags, &e) == -1) {
		if (diags.total == 0)
			fprintf(ctx->err, "wiall assess: %s\n", e.message);
		diag_list_print(&diags, ctx->err);
		goto done;
	}
	while ((got = obsfile_next(r, &rec, &diags)) == 1) {
		if (rec->dims[0] != '\0') {
			diag_add(&diags, path, rec->line, rec->at_dims.column,
			    "a breakdown (%s): --input takes one series, the "
			    "total", rec->dims);
			continue;
		}
		if (out->indicator == NULL) {
			out->indicator = arena_strdup(a, rec->indicator);
			out->series.region = arena_strdup(a, rec->region);
		} else if (strcmp(rec->indicator, out->indicator) != 0 ||
		    strcmp(rec->region, out->series.region) != 0) {
			diag_add(&diags, path, rec->line, rec->at_indicator.column,
			    "a second series (%s in %s) after %s in %s: --input "
			    "takes one series", rec->indicator, rec->region,
			    out->indicator, out->series.region);
			continue;
		}
		for (i = 0; i < count; i++)
			if (period_compare(&obs[i].period, &rec->period_value) == 0)
				break;
		if (i < count) {
			period_format(&rec->period_value, text);
			diag_add(&diags, path, rec->line, rec->at_period.column,
			    "period %s comes twice (first on line %ld)", text,
			    lines[i]);
			continue;
		}
		if (out->unit == NULL && rec->unit[0] != '\0')
			out->unit = arena_strdup(a, rec->unit);
		obs = xgrow(obs, &cap, count + 1, sizeof(*obs));
		lines = xgrow(lines, &lcap, count + 1, sizeof(*lines));
		obs[count].period = rec->period_value;
		obs[count].has_value = rec->has_value;
		obs[count].value = rec->value;
		obs[count].flag = arena_strdup(a, rec->flag);
		lines[count] = rec->line;
		count++;
	}
	if (got == -1 || diags.total > 0) {
		diag_list_print(&diags, ctx->err);
		goto done;
	}
	if (count == 0) {
		fprintf(ctx->err, "wiall assess: %s: no observations (the file "
		    "has a header but no rows)\n", path);
		goto done;
	}
	copy = arena_alloc(a, count * sizeof(*copy));
	memcpy(copy, obs, count * sizeof(*copy));
	out->series.obs = copy;
	out->series.count = count;
	rc = 0;
done:
	obsfile_close(r);
	obsfile_options_free(&ro);
	diag_list_free(&diags);
	free(obs);
	free(lines);
	return rc;
}

/* ---- output ------------------------------------------------------------- */

static bool
cmd_assess_en(const struct cmd_assess_args *a)
{
	return strcmp(a->lang, "en") == 0;
}

static const char *
cmd_assess_method_title(const struct cmd_assess_args *a)
{
	bool en = cmd_assess_en(a);
	bool long_term = a->options.eurostat_term == ASSESS_EUROSTAT_LONG;

	switch (a->method) {
	case ASSESS_EUROSTAT:
		if (long_term)
			return en ? "Eurostat SDG progress categories (long term, "
			    "15 years)" : "Fortschrittskategorien von Eurostat "
			    "(langfristig, 15 Jahre)";
		return en ? "Eurostat SDG progress categories (short term, 5 years)" :
		    "Fortschrittskategorien von Eurostat (kurzfristig, 5 Jahre)";
	case ASSESS_OPENSDG:
		return en ? "Open SDG progress measure" :
		    "Fortschrittsmaß von Open SDG";
	default:
		return en ? "weather symbols of the German Sustainability Strategy" :
		    "Wettersymbole der Deutschen Nachhaltigkeitsstrategie";
	}
}

/* Digits after the mark that show v exactly, up to 6. */
static int
cmd_assess_exact_decimals(double v)
{
	double scale = 1;
	int k;

	for (k = 0; k < 6; k++, scale *= 10)
		if (fabs(v * scale - round(v * scale)) < 1e-9 * fmax(1, fabs(v * scale)))
			return k;
	return 6;
}

/* "8,2 % (2025-03)" */
static void
cmd_assess_latest_text(const struct assess_result *r, const char *lang,
    char *buf, size_t size)
{
	char number[64], period[PERIOD_TEXT_MAX];
	const char *unit = assess_unit_label(r->unit, lang);
	bool en = strcmp(lang, "en") == 0;

	if (!r->latest.has) {
		snprintf(buf, size, "–");
		return;
	}
	explain_number(r->latest.value, r->decimals >= 0 ? r->decimals :
	    cmd_assess_exact_decimals(r->latest.value), lang, number,
	    sizeof(number));
	period_format(&r->latest.period, period);
	if (unit == NULL)
		snprintf(buf, size, "%s (%s)", number, period);
	else if (en && strcmp(unit, "%") == 0)
		snprintf(buf, size, "%s%% (%s)", number, period);
	else
		snprintf(buf, size, "%s %s (%s)", number, unit, period);
}

static const char *
cmd_assess_arrow(const struct assess_result *r)
{
	switch (r->trend.direction) {
	case ASSESS_DIRECTION_UP:
		return "↑";
	case ASSESS_DIRECTION_DOWN:
		return "↓";
	case ASSESS_DIRECTION_FLAT:
		return "→";
	default:
		return "·";
	}
}

static const char *
cmd_assess_label(const struct explain *rec, const char *lang)
{
	return explain_verdict_label(rec->status == EXPLAIN_ASSESSED ?
	    rec->verdict : EXPLAIN_VERDICT_NONE, lang);
}

/* Writes s and pads it with spaces to width characters (not bytes). */
static void
cmd_assess_cell(FILE *fp, const char *s, size_t width)
{
	size_t n = text_utf8_chars(s, strlen(s));

	fputs(s, fp);
	for (; n < width; n++)
		fputc(' ', fp);
}

static size_t
cmd_assess_width(const char *s)
{
	return text_utf8_chars(s, strlen(s));
}

static void
cmd_assess_table(struct cmd_context *ctx, const struct cmd_assess_args *a,
    const char *region_text, const struct assess_result *results, size_t n)
{
	const char *lang = a->lang;
	bool en = cmd_assess_en(a);
	const char *h_ind = en ? "Indicator" : "Indikator";
	const char *h_verdict = en ? "Assessment" : "Bewertung";
	const char *h_latest = en ? "Latest value" : "Letzter Wert";
	char latest[128], sentence[2048];
	size_t w_ind = cmd_assess_width(h_ind), w_verdict = cmd_assess_width(h_verdict);
	size_t w_latest = cmd_assess_width(h_latest), i, j;

	for (i = 0; i < n; i++) {
		const struct explain *rec = &results[i].verdicts[a->method].combined;

		if (cmd_assess_width(results[i].indicator) > w_ind)
			w_ind = cmd_assess_width(results[i].indicator);
		if (cmd_assess_width(cmd_assess_label(rec, lang)) > w_verdict)
			w_verdict = cmd_assess_width(cmd_assess_label(rec, lang));
		cmd_assess_latest_text(&results[i], lang, latest, sizeof(latest));
		if (cmd_assess_width(latest) > w_latest)
			w_latest = cmd_assess_width(latest);
	}
	fprintf(ctx->out, "%s · %s: %s (%s)\n\n", region_text,
	    en ? "method" : "Methode", cmd_assess_method_title(a),
	    n > 0 ? results[0].verdicts[a->method].combined.version : "");
	cmd_assess_cell(ctx->out, h_ind, w_ind + 2);
	cmd_assess_cell(ctx->out, h_verdict, w_verdict + 2);
	cmd_assess_cell(ctx->out, h_latest, w_latest + 2);
	fprintf(ctx->out, "%s  %s\n", "Trend", en ? "Why" : "Warum");
	for (i = 0; i < n; i++) {
		const struct assess_result *r = &results[i];
		const struct explain *rec = &r->verdicts[a->method].combined;

		cmd_assess_cell(ctx->out, r->indicator, w_ind + 2);
		cmd_assess_cell(ctx->out, cmd_assess_label(rec, lang), w_verdict + 2);
		cmd_assess_latest_text(r, lang, latest, sizeof(latest));
		cmd_assess_cell(ctx->out, latest, w_latest + 2);
		cmd_assess_cell(ctx->out, cmd_assess_arrow(r), 5 + 2);
		assess_sentence(r, rec, lang, sentence, sizeof(sentence));
		fprintf(ctx->out, "%s\n", sentence);
		if (r->target_count < 2)
			continue;
		for (j = 0; j < r->target_count; j++) {
			const struct assess_target *t = &r->targets[j];
			const struct explain *each = &t->records[a->method];

			assess_sentence(r, each, lang, sentence, sizeof(sentence));
			fprintf(ctx->out, "    %s %s (%s): %s – %s\n",
			    en ? "target" : "Ziel", t->code != NULL ? t->code : "-",
			    model_target_kind_names[t->kind],
			    cmd_assess_label(each, lang), sentence);
		}
	}
}

static void
cmd_assess_output(struct cmd_context *ctx, const struct cmd_assess_args *a,
    const char *source, const char *region, const char *region_text,
    const struct assess_result *results, size_t n)
{
	struct buf text = BUF_INIT;

	switch (a->format) {
	case FORMAT_JSON:
		assess_json_document(&text, a->method, source, region, results, n);
		fwrite(text.data, 1, text.len, ctx->out);
		break;
	case FORMAT_CSV:
		assess_csv_document(&text, a->method, results, n);
		fwrite(text.data, 1, text.len, ctx->out);
		break;
	default:
		cmd_assess_table(ctx, a, region_text, results, n);
		break;
	}
	buf_free(&text);
}

/* ---- the two modes ------------------------------------------------------ */

static int
cmd_assess_file_mode(struct cmd_context *ctx, const struct cmd_assess_args *a)
{
	struct cmd_assess_file own, ref;
	struct target_version tv;
	struct indicator ind;
	struct assess_input in = { 0 };
	struct assess_result res;
	struct arena arena;
	struct error e;
	char region_text[256];
	int has_target, status = CMD_FAIL;

	if (!a->has_polarity)
		return cmd_usage_error(&cmd_assess_entry, ctx, "--input needs "
		    "--polarity 1, -1 or 0: which way is better is never "
		    "guessed");
	if ((has_target = cmd_assess_file_target(ctx, a, &tv)) == -1)
		return CMD_USAGE;
	arena_init(&arena);
	assess_result_init(&res);
	if (cmd_assess_read(ctx, a->input, "-", &arena, &own) == -1)
		goto done;
	memset(&ref, 0, sizeof(ref));
	if (a->reference_input != NULL) {
		if (cmd_assess_read(ctx, a->reference_input, "reference", &arena,
		    &ref) == -1)
			goto done;
		tv.reference_region = ref.series.region;
		in.references = &ref.series;
		in.reference_count = 1;
	}
	memset(&ind, 0, sizeof(ind));
	ind.code = own.indicator;
	ind.unit = a->unit != NULL ? a->unit : own.unit;
	ind.decimals = a->decimals;
	ind.polarity = a->polarity;
	ind.annual = a->annual;
	ind.targets = has_target ? &tv : NULL;
	ind.target_count = has_target ? 1 : 0;
	in.indicator = &ind;
	in.series = own.series;
	if (a->region != NULL)
		in.series.region = a->region;
	else if (strcmp(in.series.region, "-") == 0)
		in.series.region = NULL;	/* the file names none */
	if (assess_run(&in, &a->options, &res, &e) == -1) {
		fprintf(ctx->err, "wiall assess: %s: %s\n", a->input, e.message);
		goto done;
	}
	if (res.region[0] != '\0')
		snprintf(region_text, sizeof(region_text), "%s %s · Region %s",
		    cmd_assess_en(a) ? "File" : "Datei", a->input, res.region);
	else
		snprintf(region_text, sizeof(region_text), "%s %s",
		    cmd_assess_en(a) ? "File" : "Datei", a->input);
	cmd_assess_output(ctx, a, "file", res.region[0] != '\0' ? res.region :
	    NULL, region_text, &res, 1);
	status = CMD_OK;
done:
	assess_result_free(&res);
	arena_free(&arena);
	return status;
}

static int
cmd_assess_db_mode(struct cmd_context *ctx, const struct cmd_assess_args *a,
    char **codes, size_t ncodes)
{
	struct assess_result *results = NULL;
	const struct region *region;
	struct catalog cat;
	struct db *db = NULL;
	struct error e;
	char region_text[512];
	size_t n = 0, i;
	int status = CMD_FAIL;

	model_catalog_init(&cat);
	if (cmd_open_db(ctx, DB_READ_ONLY, &db) == -1)
		goto done;
	if (store_catalog_load(db, &cat, &e) == -1) {
		fprintf(ctx->err, "wiall assess: %s\n", e.message);
		goto done;
	}
	if (cat.indicator_count == 0) {
		fprintf(ctx->err, "wiall assess: the catalogue has no indicators; "
		    "load one with 'wiall catalog load FILE.json'\n");
		goto done;
	}
	if (a->region != NULL) {
		if ((region = model_find_region_any(&cat, a->region)) == NULL) {
			fprintf(ctx->err, "wiall assess: unknown region '%s' (not "
			    "in the catalogue, by code or alias)\n", a->region);
			goto done;
		}
	} else if (assess_home_region(db, &cat, &region, &e) == -1) {
		fprintf(ctx->err, "wiall assess: %s\n", e.message);
		goto done;
	}
	for (i = 0; i < ncodes; i++) {
		if (model_find_indicator(&cat, codes[i]) == NULL) {
			fprintf(ctx->err, "wiall assess: unknown indicator '%s' "
			    "(not in the catalogue)\n", codes[i]);
			goto done;
		}
	}
	n = ncodes > 0 ? ncodes : cat.indicator_count;
	results = xcalloc(n, sizeof(*results));
	for (i = 0; i < n; i++)
		assess_result_init(&results[i]);
	for (i = 0; i < n; i++) {
		const char *code = ncodes > 0 ? codes[i] : cat.indicators[i].code;

		if (assess_indicator(db, &cat, code, region->code, &a->options,
		    &results[i], &e) == -1) {
			fprintf(ctx->err, "wiall assess: %s\n", e.message);
			goto done;
		}
	}
	snprintf(region_text, sizeof(region_text), "Region %s (%s)", region->code,
	    cmd_assess_en(a) && region->name_en != NULL ? region->name_en :
	    region->name_de != NULL ? region->name_de : region->code);
	cmd_assess_output(ctx, a, "database", region->code, region_text, results,
	    n);
	status = CMD_OK;
done:
	if (results != NULL)
		for (i = 0; i < n; i++)
			assess_result_free(&results[i]);
	free(results);
	model_catalog_free(&cat);
	db_close(db);
	return status;
}

static int
cmd_assess_exec(struct cmd_context *ctx, int argc, char **argv)
{
	struct cmd_assess_args a;
	int rc;

	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_assess_entry, ctx);
	if ((rc = cmd_assess_parse(ctx, argc, argv, &a)) != CMD_OK)
		return rc;
	if (a.input != NULL) {
		if (optind < argc)
			return cmd_usage_error(&cmd_assess_entry, ctx, "--input "
			    "assesses the file's series: no indicator codes "
			    "('%s')", argv[optind]);
		return cmd_assess_file_mode(ctx, &a);
	}
	if (a.file_only)
		return cmd_usage_error(&cmd_assess_entry, ctx, "--polarity, "
		    "--annual, --target*, --reference-input, --unit and "
		    "--decimals go with --input FILE; the database's indicators "
		    "take them from the catalogue");
	return cmd_assess_db_mode(ctx, &a, argv + optind,
	    (size_t)(argc - optind));
}

const struct cmd_entry cmd_assess_entry = {
	.name = "assess",
	.usage = "[CODE...] [--region R] [--method dns|eurostat|opensdg] "
	    "[--format table|csv|json] [--lang de|en]\n"
	    "       wiall assess --input FILE --polarity 1|-1|0 [--target V "
	    "--target-year T] [OPTIONS]",
	.summary = "Assess trends and targets: weather symbol, progress "
	    "category or score, and why.",
	.help =
	    "Assesses each indicator's total series (no breakdown) against its\n"
	    "current targets in the catalogue (METHODS.md §2; docs/assess.md).\n"
	    "Sub-annual values become annual ones by the indicator's `annual`\n"
	    "setting (complete years only); a flag b (break in series) makes only\n"
	    "the values from the break on count. Several targets must all hold:\n"
	    "the worst decides. An indicator without a target is assessed by the\n"
	    "direction its polarity gives. What cannot be assessed (no data, too\n"
	    "few values, polarity 0 without a target) says why; that is not an\n"
	    "error.\n"
	    "\n"
	    "Over the database:\n"
	    "  CODE...                  indicators to assess (default: all of the\n"
	    "                           catalogue, in its order)\n"
	    "  --region R               region code or alias (default: the home\n"
	    "                           region: the database's meta key\n"
	    "                           home_region, else the catalogue's first\n"
	    "                           municipality or district-free city, else\n"
	    "                           its first district)\n"
	    "\n"
	    "Over a long CSV file of one series (no database needed):\n"
	    "  --input FILE             columns period and value, optional flag,\n"
	    "                           unit, indicator and region (one series)\n"
	    "  --polarity 1|-1|0        1 higher is better, -1 lower is better, 0\n"
	    "                           closer to the target (required)\n"
	    "  --annual mean|last|sum   how quarters or months make a year\n"
	    "                           (default mean)\n"
	    "  --target V               reach V by --target-year T (or hold it\n"
	    "                           every year: --target-kind every_year)\n"
	    "  --target-year T          the target's year\n"
	    "  --target-low L           an interval [L, H] by year T, or every\n"
	    "  --target-high H          year without --target-year\n"
	    "  --target-kind K          value, interval, every_year (with --target\n"
	    "                           V), direction, or reference (with\n"
	    "                           --reference-input); default: from the\n"
	    "                           options above\n"
	    "  --reference-input FILE   the reference region's series: at least\n"
	    "                           (polarity 1) or at most (-1) its values\n"
	    "  --region LABEL           the region's name in the output\n"
	    "  --unit U                 for the sentences (default: the file's)\n"
	    "  --decimals N             digits shown (default: from the values)\n"
	    "\n"
	    "Method and output:\n"
	    "  --method M               dns (default): weather symbols of the\n"
	    "                           German Sustainability Strategy; eurostat:\n"
	    "                           Eurostat's progress categories; opensdg:\n"
	    "                           the Open SDG progress measure and score\n"
	    "  --term short|long        eurostat: the last 5 (default) or 15 years\n"
	    "  --base-year Y            opensdg: the base year (default 2015)\n"
	    "  --limit L                opensdg: a natural limit (without target)\n"
	    "  --format table           one line per indicator: verdict, latest\n"
	    "                           value, trend arrow, the reason (default)\n"
	    "  --format csv             one row per indicator, stable columns:\n"
	    "                           " ASSESS_CSV_HEADER "\n"
	    "  --format json            the full explanation records (keys in\n"
	    "                           docs/assess.md: method, version, rule,\n"
	    "                           status, reason, verdict, parameters, points,\n"
	    "                           observations, intermediate, thresholds,\n"
	    "                           reason_de, reason_en, per target too)\n"
	    "  --lang de|en             language of the table (default de)\n"
	    "\n"
	    "Exit codes: 0 assessed (also when an indicator is not assessable),\n"
	    "1 bad input (unknown indicator or region, unreadable or empty file),\n"
	    "2 usage error.\n"
	    "\n"
	    "Examples:\n"
	    "  wiall assess\n"
	    "  wiall assess unemployment_rate --region 05 --format json\n"
	    "  wiall assess --input renewables.csv --polarity 1 --target 41 \\\n"
	    "      --target-year 2030\n",
	.exec = cmd_assess_exec,
};
