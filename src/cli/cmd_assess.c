/* wiall assess: trend and target assessment (METHODS §2) of the catalogue's
 * indicators over the database, or of one series in a long CSV file. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "app/assess.h"
#include "app/assess_csv.h"
#include "cli/cmd_assess_internal.h"
#include "store/catalog.h"
#include "util/text.h"
#include "util/xalloc.h"

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

bool
cmd_assess_en(const struct cmd_assess_args *a)
{
	return strcmp(a->lang, "en") == 0;
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
			if ((k = cmd_pick(optarg, assess_method_names,
			    ASSESS_METHOD__MAX)) < 0)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--method is dns, eurostat or opensdg");
			a->method = (enum assess_method)k;
			break;
		case OPT_FORMAT:
			if ((k = cmd_pick(optarg, formats, 3)) < 0)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--format is table, csv or json");
			a->format = (enum cmd_assess_format)k;
			break;
		case OPT_LANG:
			if ((k = cmd_pick(optarg, langs, 2)) < 0)
				return cmd_usage_error(&cmd_assess_entry, ctx,
				    "--lang is de or en");
			a->lang = langs[k];
			break;
		case OPT_TERM:
			if ((k = cmd_pick(optarg, terms, 2)) < 0)
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
			if ((k = cmd_pick(optarg, model_annual_names,
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
			if ((k = cmd_pick(optarg, model_target_kind_names,
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
			return cmd_usage_unknown(&cmd_assess_entry, ctx, argv);
		}
	}
	a->options.methods = ASSESS_METHOD_BIT(a->method);
	return CMD_OK;
}

/* ---- database mode ------------------------------------------------------ */


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
	cmd_assess_print(ctx, a, "database", region->code, region_text, results,
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
		return cmd_assess_file(ctx, &a);
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
