/* wiall index build|uncertainty|sensitivity: a composite index (METHODS §4)
 * from COINr's iData/iMeta CSV files or from the catalogue over the database,
 * its stages, and its uncertainty and variance-based sensitivity analyses.
 * Here the options and both modes; cmd_index_print.c writes the results. */
#include <getopt.h>
#include <math.h>
#include <string.h>

#include "app/index_catalog.h"
#include "app/index_weights.h"
#include "cli/cmd_index_internal.h"
#include "util/text.h"

const char *const cmd_index_sub_names[CMD_INDEX__MAX] = {
	"build", "uncertainty", "sensitivity"
};

enum {
	OPT_DATA = 256, OPT_META, OPT_DENOMINATE, OPT_IMPUTE, OPT_GROUP,
	OPT_SCREEN, OPT_TREAT, OPT_WINMAX, OPT_NORMALISE, OPT_AGGREGATE,
	OPT_AVAILABILITY, OPT_STAGE, OPT_FORMAT, OPT_RUNS, OPT_SEED, OPT_RNG,
	OPT_VARY, OPT_THREADS, OPT_WEIGHTS, OPT_CATALOG
};

static const struct option cmd_index_options[] = {
	{ "data", required_argument, NULL, OPT_DATA },
	{ "meta", required_argument, NULL, OPT_META },
	{ "denominate", no_argument, NULL, OPT_DENOMINATE },
	{ "impute", required_argument, NULL, OPT_IMPUTE },
	{ "group-column", required_argument, NULL, OPT_GROUP },
	{ "screen", required_argument, NULL, OPT_SCREEN },
	{ "treat", required_argument, NULL, OPT_TREAT },
	{ "winmax", required_argument, NULL, OPT_WINMAX },
	{ "normalise", required_argument, NULL, OPT_NORMALISE },
	{ "aggregate", required_argument, NULL, OPT_AGGREGATE },
	{ "availability", required_argument, NULL, OPT_AVAILABILITY },
	{ "stage", required_argument, NULL, OPT_STAGE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "runs", required_argument, NULL, OPT_RUNS },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "rng", required_argument, NULL, OPT_RNG },
	{ "vary", required_argument, NULL, OPT_VARY },
	{ "threads", required_argument, NULL, OPT_THREADS },
	{ "weights", required_argument, NULL, OPT_WEIGHTS },
	{ "catalog", required_argument, NULL, OPT_CATALOG },
	{ NULL, 0, NULL, 0 }
};

/* ---- options ------------------------------------------------------------ */

static int
cmd_index_share(const char *s, double *out)
{
	return text_parse_double(s, strlen(s), '.', out) == 0 && *out >= 0 &&
	    *out <= 1 ? 0 : -1;
}

static int
cmd_index_count(const char *s, long long lo, long long hi, long long *out)
{
	return text_parse_int(s, strlen(s), out) == 0 && *out >= lo &&
	    *out <= hi ? 0 : -1;
}

/* Whether option ch may go with --catalog: the catalogue defines the data,
 * the pipeline and what varies, not how the result is shown or drawn. */
static bool
cmd_index_catalog_takes(int ch)
{
	return ch == OPT_STAGE || ch == OPT_FORMAT || ch == OPT_RUNS ||
	    ch == OPT_SEED || ch == OPT_RNG || ch == OPT_THREADS ||
	    ch == OPT_CATALOG;
}

/* The options of the pipeline that only the file mode takes. */
static int
cmd_index_parse_pipeline(struct cmd_context *ctx, int ch, const char *arg,
    struct cmd_index_args *a)
{
	static const char *const treat[] = { "none", "winsorise" };
	long long v;
	double x;
	int k;

	switch (ch) {
	case OPT_DATA:
		a->o.data_path = arg;
		break;
	case OPT_META:
		a->o.meta_path = arg;
		break;
	case OPT_DENOMINATE:
		a->o.denominate = true;
		break;
	case OPT_IMPUTE:
		if (impute_method_parse(arg, &a->o.impute) < 0)
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "--impute %s: one of none, mean, median, "
			    "group-mean", arg);
		break;
	case OPT_GROUP:
		a->o.group_column = arg;
		break;
	case OPT_SCREEN:
		if (cmd_index_share(arg, &x) < 0)
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "--screen %s: a share between 0 and 1", arg);
		a->o.screen = true;
		a->o.screen_threshold = x;
		break;
	case OPT_TREAT:
		if ((k = cmd_pick(arg, treat, 2)) < 0)
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "--treat %s: winsorise or none", arg);
		a->o.treat = k == 1;
		break;
	case OPT_WINMAX:
		if (cmd_index_count(arg, 0, 100000, &v) < 0)
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "--winmax %s: a whole number >= 0", arg);
		a->o.winmax = (int)v;
		a->o.treat = true;
		break;
	case OPT_NORMALISE:
		a->o.normalise = arg;
		break;
	case OPT_AGGREGATE:
		a->o.aggregate = arg;
		break;
	case OPT_AVAILABILITY:
		if (cmd_index_share(arg, &x) < 0)
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "--availability %s: a share between 0 and 1", arg);
		a->o.availability = x;
		break;
	case OPT_VARY:
		if (a->n_vary == sizeof(a->vary) / sizeof(a->vary[0]))
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "at most 32 --vary");
		a->vary[a->n_vary++] = arg;
		break;
	case OPT_WEIGHTS:
		a->weights = NULL;
		if (strcmp(arg, "equal") == 0)
			a->o.equal_weights = true;
		else if (strcmp(arg, "meta") == 0)
			a->o.equal_weights = false;
		else if (strncmp(arg, "ahp:", 4) == 0 ||
		    strncmp(arg, "budget:", 7) == 0)
			a->weights = arg;
		else
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "--weights %s: meta (iMeta's Weight), equal, "
			    "ahp:FILE or budget:FILE", arg);
		break;
	}
	return CMD_OK;
}

/* The options both modes take: the output and the analysis' draws. */
static int
cmd_index_parse_output(struct cmd_context *ctx, int ch, const char *arg,
    struct cmd_index_args *a)
{
	static const char *const formats[] = { "csv", "json" };
	long long v;
	int k;

	switch (ch) {
	case OPT_CATALOG:
		a->catalog = arg;
		break;
	case OPT_STAGE:
		if (composite_stage_parse(arg, &a->stage) < 0)
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "--stage %s: one of raw, denominated, imputed, "
			    "screened, treated, normalised, aggregated", arg);
		break;
	case OPT_FORMAT:
		if ((k = cmd_pick(arg, formats, 2)) < 0)
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "--format %s: csv or json", arg);
		a->format = (enum cmd_index_format)k;
		break;
	case OPT_RUNS:
		if (cmd_index_count(arg, 2, 100000000, &v) < 0)
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "--runs %s: a whole number >= 2", arg);
		a->runs = (size_t)v;
		a->runs_given = true;
		break;
	case OPT_SEED:
		if (text_parse_int(arg, strlen(arg), &a->seed) < 0)
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "--seed %s: a whole number", arg);
		a->seed_given = true;
		break;
	case OPT_RNG:
		if (rng_kind_parse(arg, &a->rng) < 0)
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "--rng %s: fast or r", arg);
		break;
	case OPT_THREADS:
		if (cmd_index_count(arg, 1, 1024, &v) < 0)
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "--threads %s: 1 to 1024", arg);
		a->threads = (int)v;
		break;
	}
	return CMD_OK;
}

/* Parses the options after the subcommand; returns CMD_OK or the usage
 * error's code. */
static int
cmd_index_parse(struct cmd_context *ctx, int argc, char **argv,
    struct cmd_index_args *a)
{
	const char *sub = cmd_index_sub_names[a->sub];
	int ch, rc;

	index_options_default(&a->o);
	a->format = CMD_INDEX_CSV;
	a->stage = COMPOSITE_AGGREGATED;
	a->runs = 1000;
	a->seed = 1;
	a->rng = RNG_FAST;
	a->threads = index_default_threads();
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", cmd_index_options, NULL)) !=
	    -1) {
		if (ch == '?' || ch == ':')
			return cmd_usage_unknown(&cmd_index_entry, ctx, argv);
		if (cmd_index_catalog_takes(ch))
			rc = cmd_index_parse_output(ctx, ch, optarg, a);
		else {
			a->file_option = cmd_option_name(cmd_index_options, ch);
			rc = cmd_index_parse_pipeline(ctx, ch, optarg, a);
		}
		if (rc != CMD_OK)
			return rc;
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_index_entry, ctx,
		    "unexpected argument '%s'", argv[optind]);
	if (a->catalog != NULL) {
		if (a->file_option != NULL)
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "--%s: with --catalog the catalogue defines the data, "
			    "the pipeline and what varies", a->file_option);
		return CMD_OK;
	}
	if (a->o.data_path == NULL || a->o.meta_path == NULL)
		return cmd_usage_error(&cmd_index_entry, ctx,
		    "%s needs --data FILE and --meta FILE, or --catalog CODE",
		    sub);
	if (a->sub != CMD_INDEX_BUILD && a->n_vary == 0)
		return cmd_usage_error(&cmd_index_entry, ctx,
		    "%s needs at least one --vary NAME=ALTERNATIVES", sub);
	return CMD_OK;
}

/* ---- from files --------------------------------------------------------- */

static void
cmd_index_warnings(struct cmd_context *ctx, const struct index_model *m)
{
	size_t k;

	if (!m->spec.treat)
		return;
	for (k = 0; k < m->h.n_indicators; k++) {
		const struct treat_info *t = &m->result.treatment[k];

		if (t->outcome == TREAT_TOO_FEW)
			fprintf(ctx->err, "wiall index: warning: %s has %zu values "
			    "(the outlier check needs 4): left untreated\n",
			    m->h.code[k], t->n);
		else if (t->outcome == TREAT_NOT_COMPUTABLE)
			fprintf(ctx->err, "wiall index: warning: %s: skewness not "
			    "computable (no variation): left untreated\n",
			    m->h.code[k]);
	}
}

/* The sensitivity indices (or why there are none) and the exit code:
 * CMD_FAIL when they could not be computed or a run failed. */
static int
cmd_index_sensitivity_done(struct cmd_context *ctx,
    const struct cmd_index_args *a, const struct sensitivity_result *r,
    const char *note, const char *const *inputs, long long seed)
{
	if (note != NULL && note[0] != '\0')
		fprintf(ctx->err, "wiall index sensitivity: %s\n", note);
	cmd_index_print_sensitivity(ctx, a, r, inputs, seed);
	return isnan(r->variance) || r->failed > 0 ? CMD_FAIL : CMD_OK;
}

static void
cmd_index_failed_runs(struct cmd_context *ctx, size_t failed, size_t runs)
{
	if (failed > 0)
		fprintf(ctx->err, "wiall index uncertainty: %zu of %zu "
		    "replications failed (a step could not compute) and count as "
		    "missing\n", failed, runs);
}

/* uncertainty or sensitivity of the --vary inputs over a built model. */
static int
cmd_index_analysis(struct cmd_context *ctx, const struct cmd_index_args *a,
    struct index_model *m, struct arena *arena)
{
	struct index_vary *v = arena_alloc(arena, a->n_vary * sizeof(*v));
	struct uncertainty_input *in = arena_alloc(arena, a->n_vary *
	    sizeof(*in));
	struct rng g;
	struct error e;
	size_t i;

	for (i = 0; i < a->n_vary; i++) {
		if (index_parse_vary(m, a->vary[i], arena, &v[i], &e) < 0)
			return cmd_usage_error(&cmd_index_entry, ctx, "%s",
			    e.message);
	}
	if (index_start_draws(m, v, a->n_vary, a->rng, a->seed, arena, &g,
	    &e) < 0)
		return cmd_usage_error(&cmd_index_entry, ctx, "%s", e.message);
	for (i = 0; i < a->n_vary; i++)
		in[i] = v[i].input;
	if (a->sub == CMD_INDEX_UNCERTAINTY) {
		struct cmd_index_built view = { &m->h, &m->d, &m->result };
		struct uncertainty_result r;

		if (uncertainty_run(&m->h, &m->d, &m->spec, &m->result, in,
		    a->n_vary, a->runs, &g, a->threads, arena, &r, &e) < 0) {
			fprintf(ctx->err, "wiall index uncertainty: %s\n", e.message);
			return CMD_FAIL;
		}
		cmd_index_failed_runs(ctx, r.failed, r.runs);
		cmd_index_print_uncertainty(ctx, a, &view, &r, a->seed, arena);
		return CMD_OK;
	} else {
		struct sensitivity_result r;

		e.message[0] = '\0';
		if (sensitivity_run(&m->h, &m->d, &m->spec, &m->result, in,
		    a->n_vary, a->runs, &g, a->threads, arena, &r, &e) < 0) {
			fprintf(ctx->err, "wiall index sensitivity: %s\n", e.message);
			return CMD_FAIL;
		}
		return cmd_index_sensitivity_done(ctx, a, &r, e.message, a->vary,
		    a->seed);
	}
}

static int
cmd_index_files(struct cmd_context *ctx, const struct cmd_index_args *a)
{
	const char *sub = cmd_index_sub_names[a->sub];
	struct index_model m;
	struct arena arena;
	struct error e;
	int rc = CMD_FAIL;

	arena_init(&arena);
	if (index_load(&a->o, &arena, &m, &e) < 0) {
		fprintf(ctx->err, "wiall index %s: %s\n", sub, e.message);
		goto done;
	}
	if (a->weights != NULL) {
		struct index_weights_report rep;
		size_t i;

		if (index_weights_load(&m, a->weights, &arena, &rep, &e) < 0) {
			fprintf(ctx->err, "wiall index %s: %s\n", sub, e.message);
			goto done;
		}
		for (i = 0; i < rep.n; i++)
			if (rep.inconsistent[i])
				fprintf(ctx->err, "wiall index: warning: the AHP "
				    "judgements for %s are inconsistent (CR = %.3f >= "
				    "0.1): revisit them\n", rep.parent[i], rep.cr[i]);
	}
	if (index_build(&m, &arena, &e) < 0) {
		fprintf(ctx->err, "wiall index %s: %s\n", sub, e.message);
		goto done;
	}
	cmd_index_warnings(ctx, &m);
	if (a->sub == CMD_INDEX_BUILD) {
		struct cmd_index_built view = { &m.h, &m.d, &m.result };

		cmd_index_print_build(ctx, a, &view, &arena);
		rc = CMD_OK;
	} else
		rc = cmd_index_analysis(ctx, a, &m, &arena);
done:
	arena_free(&arena);
	return rc;
}

/* ---- from the catalogue ------------------------------------------------- */

/* An index the catalogue defines, over the database: the same output as
 * from files, units named by region code; the analyses vary what the
 * catalogue's uncertainty analysis varies, inputs named by their --vary
 * texts. */
static int
cmd_index_catalog(struct cmd_context *ctx, const struct cmd_index_args *a)
{
	const char *sub = cmd_index_sub_names[a->sub];
	struct index_catalog_options o;
	struct index_catalog x;
	struct cmd_index_built view = { &x.h, &x.d, &x.result };
	struct db *db = NULL;
	struct arena arena;
	struct error e;
	size_t i;
	int rc = CMD_FAIL;

	memset(&o, 0, sizeof(o));
	memset(&x, 0, sizeof(x));
	o.code = a->catalog;
	o.uncertainty = a->sub == CMD_INDEX_UNCERTAINTY;
	o.sensitivity = a->sub == CMD_INDEX_SENSITIVITY;
	o.threads = a->threads;
	o.runs = a->runs_given ? a->runs : 0;
	o.has_seed = a->seed_given;
	o.seed = a->seed;
	o.rng = a->rng;
	arena_init(&arena);
	if (cmd_open_db(ctx, DB_READ_ONLY, &db) == -1)
		goto done;
	if (index_catalog_build(db, &o, &x, &e) != INDEX_CATALOG_OK) {
		fprintf(ctx->err, "wiall index %s: %s\n", sub, e.message);
		goto done;
	}
	for (i = 0; i < x.leaf_count; i++)
		if (x.leaves[i].unused != NULL)
			fprintf(ctx->err, "wiall index: warning: %s is left out: "
			    "%s\n", x.leaves[i].component->code,
			    x.leaves[i].unused);
	if (a->sub == CMD_INDEX_BUILD) {
		cmd_index_print_build(ctx, a, &view, &arena);
		rc = CMD_OK;
	} else if (!x.has_uncertainty && !x.has_sensitivity) {
		fprintf(ctx->err, "wiall index %s: index %s defines no "
		    "uncertainty analysis\n", sub, x.index->code);
	} else if (a->sub == CMD_INDEX_UNCERTAINTY) {
		cmd_index_failed_runs(ctx, x.uncertainty.failed,
		    x.uncertainty.runs);
		cmd_index_print_uncertainty(ctx, a, &view, &x.uncertainty, x.seed,
		    &arena);
		rc = CMD_OK;
	} else
		rc = cmd_index_sensitivity_done(ctx, a, &x.sensitivity,
		    x.sensitivity_note, x.varied, x.seed);
done:
	if (db != NULL)
		index_catalog_free(&x);
	db_close(db);
	arena_free(&arena);
	return rc;
}

static int
cmd_index_exec(struct cmd_context *ctx, int argc, char **argv)
{
	struct cmd_index_args a;
	int k, rc;

	if (argc < 2)
		return cmd_usage_error(&cmd_index_entry, ctx,
		    "which one: build, uncertainty or sensitivity?");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cmd_print_help(&cmd_index_entry, ctx);
	if ((k = cmd_pick(argv[1], cmd_index_sub_names, CMD_INDEX__MAX)) < 0)
		return cmd_usage_error(&cmd_index_entry, ctx,
		    "unknown subcommand '%s' (build, uncertainty, sensitivity)",
		    argv[1]);
	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_index_entry, ctx);
	memset(&a, 0, sizeof(a));
	a.sub = (enum cmd_index_sub)k;
	rc = cmd_index_parse(ctx, argc - 1, argv + 1, &a);
	if (rc != CMD_OK)
		return rc;
	return a.catalog != NULL ? cmd_index_catalog(ctx, &a) :
	    cmd_index_files(ctx, &a);
}

const struct cmd_entry cmd_index_entry = {
	.name = "index",
	.usage = "build|uncertainty|sensitivity --data FILE --meta FILE "
	    "[OPTIONS] | build|uncertainty|sensitivity --catalog CODE",
	.summary = "Build a composite index from COINr iData/iMeta files or "
	    "the catalogue; uncertainty and sensitivity.",
	.help =
	    "The pipeline (METHODS §4), each step only when asked for:\n"
	    "  --data FILE            iData: uCode, uName, groups, denominators, "
	    "indicators\n"
	    "  --meta FILE            iMeta: iCode, Level, Parent, Weight, "
	    "Direction, Type...\n"
	    "  --denominate           divide by the denominators iMeta names\n"
	    "  --impute METHOD        none (default), mean, median, group-mean\n"
	    "  --group-column COL     the group for group-mean (a Group column)\n"
	    "  --screen SHARE         keep units with at least this share of "
	    "values\n"
	    "  --treat winsorise|none outlier treatment (skewness/kurtosis)\n"
	    "  --winmax N             at most N points winsorised (default 5)\n"
	    "  --normalise SPEC       minmax:0,100 (default), zscore:10,2, "
	    "dist2max,\n"
	    "                         dist2ref:UNIT[,cap], dist2target, fracmax, "
	    "rank,\n"
	    "                         borda, prank, goalposts[:lo,hi[,scale]], none\n"
	    "  --aggregate SPEC       amean (default), gmean, hmean, genmean:p, "
	    "copeland\n"
	    "  --availability SHARE   an aggregate needs this share of its "
	    "children\n"
	    "  --weights W            meta (iMeta's Weight, default), equal (all 1),\n"
	    "                         ahp:FILE (parent,row,column,value[,judge]:\n"
	    "                         pairwise judgements, judges combined by\n"
	    "                         geometric mean; CR >= 0.1 is reported), or\n"
	    "                         budget:FILE (participant,node,points: 100\n"
	    "                         points over the children of one aggregate)\n"
	    "build:\n"
	    "  --stage STAGE          raw, denominated, imputed, screened, treated,\n"
	    "                         normalised, aggregated (default: uCode, one\n"
	    "                         column per aggregate, Rank; rows by rank)\n"
	    "  --format csv|json\n"
	    "uncertainty (prints uCode,Nominal,Mean,Median,Q5,Q95 of the rank) and\n"
	    "sensitivity (prints Input,First,Total: first-order and total indices):\n"
	    "  --vary NAME=ALTS       repeatable: winmax=1..5,\n"
	    "                         normalise=minmax:1,100/zscore:10,2,\n"
	    "                         aggregate=amean/gmean,\n"
	    "                         weights=2:0.25,3:0.25,sets=100\n"
	    "  --runs N               replications (sensitivity: N per matrix,\n"
	    "                         N (d + 2) runs in all); default 1000\n"
	    "  --seed S               default 1; the same seed gives the same "
	    "output\n"
	    "  --rng fast|r           r: R's Mersenne-Twister, draw for draw as\n"
	    "                         set.seed(S) in COINr; default fast\n"
	    "  --threads N            default: all processors\n"
	    "An index the catalogue defines (docs/index.md), over the database:\n"
	    "  --catalog CODE         its units, data, pipeline and what varies\n"
	    "                         come from the catalogue (sensitivity varies\n"
	    "                         what its uncertainty analysis varies, and\n"
	    "                         names each input by its --vary text);\n"
	    "                         --stage, --format, and for uncertainty and\n"
	    "                         sensitivity --runs (default the catalogue's),\n"
	    "                         --seed, --rng and --threads may be given\n"
	    "COINr's build_example_coin() on its ASEM data is:\n"
	    "  --denominate --impute group-mean --group-column EurAsia_group\n"
	    "  --screen 0.9 --treat winsorise --winmax 5\n",
	.exec = cmd_index_exec,
};
