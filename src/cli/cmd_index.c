/* wiall index build|uncertainty|sensitivity: a composite index from COINr's
 * iData/iMeta CSV files (METHODS §4), its stages, and its uncertainty and
 * variance-based sensitivity analyses. Works on files only, no database. */
#include "cli/cmd.h"

#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/index.h"
#include "app/index_catalog.h"
#include "app/index_weights.h"
#include "io/csv.h"
#include "util/text.h"

extern const struct cmd_entry cmd_index_entry;

enum index_format { FORMAT_CSV, FORMAT_JSON };

struct index_cli {
	struct index_options	 o;
	enum index_format	 format;
	enum composite_stage	 stage;
	size_t			 runs;
	long long		 seed;
	enum rng_kind		 rng;
	int			 threads;
	const char		*weights;	/* ahp:FILE or budget:FILE */
	const char		*vary[32];
	size_t			 n_vary;
	const char		*catalog;	/* an index of the catalogue */
	const char		*file_option;	/* one only files take */
	bool			 runs_given, seed_given;
};

enum {
	OPT_DATA = 256, OPT_META, OPT_DENOMINATE, OPT_IMPUTE, OPT_GROUP,
	OPT_SCREEN, OPT_TREAT, OPT_WINMAX, OPT_NORMALISE, OPT_AGGREGATE,
	OPT_AVAILABILITY, OPT_STAGE, OPT_FORMAT, OPT_RUNS, OPT_SEED, OPT_RNG,
	OPT_VARY, OPT_THREADS, OPT_WEIGHTS, OPT_CATALOG
};

static const struct option index_long_options[] = {
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

static int
index_share(const char *s, double *out)
{
	return text_parse_double(s, strlen(s), '.', out) == 0 && *out >= 0 &&
	    *out <= 1 ? 0 : -1;
}

static int
index_count(const char *s, long long lo, long long hi, long long *out)
{
	return text_parse_int(s, strlen(s), out) == 0 && *out >= lo &&
	    *out <= hi ? 0 : -1;
}

/* Parses the options; returns CMD_OK or the usage error's code. */
static int
index_parse(struct cmd_context *ctx, int argc, char **argv, const char *sub,
    struct index_cli *c)
{
	long long v;
	double x;
	size_t k;
	int ch;

	index_options_default(&c->o);
	c->format = FORMAT_CSV;
	c->stage = COMPOSITE_AGGREGATED;
	c->runs = 1000;
	c->seed = 1;
	c->rng = RNG_FAST;
	c->threads = index_default_threads();
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", index_long_options, NULL)) != -1) {
		/* The catalogue defines its own data, pipeline and inputs. */
		if (ch != OPT_STAGE && ch != OPT_FORMAT && ch != OPT_RUNS &&
		    ch != OPT_SEED && ch != OPT_RNG && ch != OPT_THREADS &&
		    ch != OPT_CATALOG && ch != '?' && ch != ':')
			for (k = 0; index_long_options[k].name != NULL; k++)
				if (index_long_options[k].val == ch)
					c->file_option =
					    index_long_options[k].name;
		switch (ch) {
		case OPT_CATALOG:
			c->catalog = optarg;
			break;
		case OPT_DATA:
			c->o.data_path = optarg;
			break;
		case OPT_META:
			c->o.meta_path = optarg;
			break;
		case OPT_DENOMINATE:
			c->o.denominate = true;
			break;
		case OPT_IMPUTE:
			if (impute_method_parse(optarg, &c->o.impute) < 0)
				return cmd_usage_error(&cmd_index_entry, ctx,
				    "--impute %s: one of none, mean, median, "
				    "group-mean", optarg);
			break;
		case OPT_GROUP:
			c->o.group_column = optarg;
			break;
		case OPT_SCREEN:
			if (index_share(optarg, &x) < 0)
				return cmd_usage_error(&cmd_index_entry, ctx,
				    "--screen %s: a share between 0 and 1", optarg);
			c->o.screen = true;
			c->o.screen_threshold = x;
			break;
		case OPT_TREAT:
			if (strcmp(optarg, "winsorise") == 0)
				c->o.treat = true;
			else if (strcmp(optarg, "none") == 0)
				c->o.treat = false;
			else
				return cmd_usage_error(&cmd_index_entry, ctx,
				    "--treat %s: winsorise or none", optarg);
			break;
		case OPT_WINMAX:
			if (index_count(optarg, 0, 100000, &v) < 0)
				return cmd_usage_error(&cmd_index_entry, ctx,
				    "--winmax %s: a whole number >= 0", optarg);
			c->o.winmax = (int)v;
			c->o.treat = true;
			break;
		case OPT_NORMALISE:
			c->o.normalise = optarg;
			break;
		case OPT_AGGREGATE:
			c->o.aggregate = optarg;
			break;
		case OPT_AVAILABILITY:
			if (index_share(optarg, &x) < 0)
				return cmd_usage_error(&cmd_index_entry, ctx,
				    "--availability %s: a share between 0 and 1",
				    optarg);
			c->o.availability = x;
			break;
		case OPT_STAGE:
			if (composite_stage_parse(optarg, &c->stage) < 0)
				return cmd_usage_error(&cmd_index_entry, ctx,
				    "--stage %s: one of raw, denominated, imputed, "
				    "screened, treated, normalised, aggregated",
				    optarg);
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "csv") == 0)
				c->format = FORMAT_CSV;
			else if (strcmp(optarg, "json") == 0)
				c->format = FORMAT_JSON;
			else
				return cmd_usage_error(&cmd_index_entry, ctx,
				    "--format %s: csv or json", optarg);
			break;
		case OPT_RUNS:
			if (index_count(optarg, 2, 100000000, &v) < 0)
				return cmd_usage_error(&cmd_index_entry, ctx,
				    "--runs %s: a whole number >= 2", optarg);
			c->runs = (size_t)v;
			c->runs_given = true;
			break;
		case OPT_SEED:
			if (text_parse_int(optarg, strlen(optarg), &c->seed) < 0)
				return cmd_usage_error(&cmd_index_entry, ctx,
				    "--seed %s: a whole number", optarg);
			c->seed_given = true;
			break;
		case OPT_RNG:
			if (rng_kind_parse(optarg, &c->rng) < 0)
				return cmd_usage_error(&cmd_index_entry, ctx,
				    "--rng %s: fast or r", optarg);
			break;
		case OPT_VARY:
			if (c->n_vary == sizeof(c->vary) / sizeof(c->vary[0]))
				return cmd_usage_error(&cmd_index_entry, ctx,
				    "at most 32 --vary");
			c->vary[c->n_vary++] = optarg;
			break;
		case OPT_WEIGHTS:
			c->weights = NULL;
			if (strcmp(optarg, "equal") == 0)
				c->o.equal_weights = true;
			else if (strcmp(optarg, "meta") == 0)
				c->o.equal_weights = false;
			else if (strncmp(optarg, "ahp:", 4) == 0 ||
			    strncmp(optarg, "budget:", 7) == 0)
				c->weights = optarg;
			else
				return cmd_usage_error(&cmd_index_entry, ctx,
				    "--weights %s: meta (iMeta's Weight), equal, "
				    "ahp:FILE or budget:FILE", optarg);
			break;
		case OPT_THREADS:
			if (index_count(optarg, 1, 1024, &v) < 0)
				return cmd_usage_error(&cmd_index_entry, ctx,
				    "--threads %s: 1 to 1024", optarg);
			c->threads = (int)v;
			break;
		default:
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "unknown or incomplete option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_index_entry, ctx,
		    "unexpected argument '%s'", argv[optind]);
	if (c->catalog != NULL) {
		if (c->file_option != NULL)
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "--%s: with --catalog the catalogue defines the data, "
			    "the pipeline and what varies", c->file_option);
		if (strcmp(sub, "sensitivity") == 0)
			return cmd_usage_error(&cmd_index_entry, ctx,
			    "sensitivity works on --data and --meta files");
		return CMD_OK;
	}
	if (c->o.data_path == NULL || c->o.meta_path == NULL)
		return cmd_usage_error(&cmd_index_entry, ctx,
		    "%s needs --data FILE and --meta FILE, or --catalog CODE",
		    sub);
	if (strcmp(sub, "build") != 0 && c->n_vary == 0)
		return cmd_usage_error(&cmd_index_entry, ctx,
		    "%s needs at least one --vary NAME=ALTERNATIVES", sub);
	return CMD_OK;
}

/* The shortest text that reads back to v, in plain decimals for magnitudes
 * people read that way (100, not 1e+02), else with an exponent. Missing values
 * print as an empty field. */
static void
index_number(FILE *fp, double v)
{
	char buf[64];
	int p;

	if (isnan(v))
		return;
	for (p = 1; p <= 17; p++) {
		snprintf(buf, sizeof(buf), "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	if (strchr(buf, 'e') != NULL && fabs(v) >= 1e-5 && fabs(v) < 1e15) {
		for (p = 0; p <= 25; p++) {
			snprintf(buf, sizeof(buf), "%.*f", p, v);
			if (strtod(buf, NULL) == v)
				break;
		}
	}
	fputs(buf, fp);
}

static json_t *
index_json_number(double v)
{
	return isnan(v) ? json_null() : json_real(v);
}

static void
index_warnings(struct cmd_context *ctx, const struct index_model *m)
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

/* What the output reads of a built index, from files or the catalogue. */
struct index_built {
	const struct composite_hierarchy	*h;
	const struct composite_data		*d;
	const struct composite_result		*result;
};

/* Rows in nominal rank order (ties and missing ranks in data order). */
static size_t *
index_rank_order(const struct index_built *m, struct arena *a)
{
	size_t nk = m->result->n_kept, *order = arena_alloc(a, (nk + 1) *
	    sizeof(size_t));
	size_t i, j;

	for (i = 0; i < nk; i++)
		order[i] = i;
	/* insertion sort: stable, n is the number of units */
	for (i = 1; i < nk; i++) {
		size_t cur = order[i];
		double rc = m->result->rank[cur];

		for (j = i; j > 0; j--) {
			double rp = m->result->rank[order[j - 1]];

			if (!(isnan(rp) ? !isnan(rc) : (!isnan(rc) && rc < rp)))
				break;
			order[j] = order[j - 1];
		}
		order[j] = cur;
	}
	return order;
}

static int
index_build_output(struct cmd_context *ctx, const struct index_cli *c,
    const struct index_built *m, struct arena *a)
{
	struct composite_table t;
	bool aggregated = c->stage == COMPOSITE_AGGREGATED;
	size_t *order = aggregated ? index_rank_order(m, a) : NULL;
	size_t row, col;

	composite_stage_table(m->h, m->result, c->stage, &t);
	if (c->format == FORMAT_JSON) {
		json_t *root = json_object(), *units = json_array(), *cols = json_array();
		char *text;

		for (col = 0; col < t.cols; col++)
			json_array_append_new(cols,
			    json_string(m->h->code[t.first_node + col]));
		for (row = 0; row < t.rows; row++) {
			size_t r = order != NULL ? order[row] : row;
			size_t unit = t.unit != NULL ? t.unit[r] : r;
			json_t *u = json_object();

			json_object_set_new(u, "uCode", json_string(m->d->unit[unit]));
			for (col = 0; col < t.cols; col++)
				json_object_set_new(u, m->h->code[t.first_node + col],
				    index_json_number(t.values[col * t.rows + r]));
			if (aggregated)
				json_object_set_new(u, "Rank",
				    index_json_number(m->result->rank[r]));
			json_array_append_new(units, u);
		}
		json_object_set_new(root, "stage",
		    json_string(composite_stage_names[c->stage]));
		json_object_set_new(root, "columns", cols);
		json_object_set_new(root, "units", units);
		text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
		    JSON_REAL_PRECISION(17));
		fprintf(ctx->out, "%s\n", text);
		free(text);
		json_decref(root);
		return CMD_OK;
	}
	fputs("uCode", ctx->out);
	for (col = 0; col < t.cols; col++) {
		const char *code = m->h->code[t.first_node + col];

		fputc(',', ctx->out);
		csv_write_field(ctx->out, code, strlen(code), ',');
	}
	fputs(aggregated ? ",Rank\n" : "\n", ctx->out);
	for (row = 0; row < t.rows; row++) {
		size_t r = order != NULL ? order[row] : row;
		size_t unit = t.unit != NULL ? t.unit[r] : r;

		csv_write_field(ctx->out, m->d->unit[unit], strlen(m->d->unit[unit]),
		    ',');
		for (col = 0; col < t.cols; col++) {
			fputc(',', ctx->out);
			index_number(ctx->out, t.values[col * t.rows + r]);
		}
		if (aggregated) {
			fputc(',', ctx->out);
			index_number(ctx->out, m->result->rank[r]);
		}
		fputc('\n', ctx->out);
	}
	return CMD_OK;
}

static void
index_stats_output(struct cmd_context *ctx, const struct index_cli *c,
    const struct index_built *m, const struct uncertainty_stats *st,
    size_t runs, size_t failed, struct arena *a, json_t *root)
{
	size_t *order = index_rank_order(m, a), row;
	const char *names[5] = { "Nominal", "Mean", "Median", "Q5", "Q95" };

	if (c->format == FORMAT_JSON) {
		json_t *units = json_array();

		for (row = 0; row < st->n_units; row++) {
			size_t i = order[row];
			const double v[5] = { st->nominal[i], st->mean[i],
			    st->median[i], st->q5[i], st->q95[i] };
			json_t *u = json_object();
			int k;

			json_object_set_new(u, "uCode",
			    json_string(m->d->unit[st->unit[i]]));
			for (k = 0; k < 5; k++)
				json_object_set_new(u, names[k], index_json_number(v[k]));
			json_array_append_new(units, u);
		}
		json_object_set_new(root, "runs", json_integer((json_int_t)runs));
		json_object_set_new(root, "failed", json_integer((json_int_t)failed));
		json_object_set_new(root, "seed", json_integer(c->seed));
		json_object_set_new(root, "rng", json_string(rng_kind_names[c->rng]));
		json_object_set_new(root, "units", units);
		return;
	}
	fputs("uCode,Nominal,Mean,Median,Q5,Q95\n", ctx->out);
	for (row = 0; row < st->n_units; row++) {
		size_t i = order[row];
		const char *code = m->d->unit[st->unit[i]];
		const double v[5] = { st->nominal[i], st->mean[i], st->median[i],
		    st->q5[i], st->q95[i] };
		int k;

		csv_write_field(ctx->out, code, strlen(code), ',');
		for (k = 0; k < 5; k++) {
			fputc(',', ctx->out);
			index_number(ctx->out, v[k]);
		}
		fputc('\n', ctx->out);
	}
}

static void
index_print_json(struct cmd_context *ctx, json_t *root)
{
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(17));

	fprintf(ctx->out, "%s\n", text);
	free(text);
	json_decref(root);
}

static int
index_analysis(struct cmd_context *ctx, const struct index_cli *c,
    struct index_model *m, bool sensitivity, struct arena *a)
{
	struct index_vary *v = arena_alloc(a, c->n_vary * sizeof(*v));
	struct uncertainty_input *in = arena_alloc(a, c->n_vary * sizeof(*in));
	struct rng g;
	struct error e;
	size_t i;

	for (i = 0; i < c->n_vary; i++) {
		if (index_parse_vary(m, c->vary[i], a, &v[i], &e) < 0)
			return cmd_usage_error(&cmd_index_entry, ctx, "%s",
			    e.message);
	}
	if (index_start_draws(m, v, c->n_vary, c->rng, c->seed, a, &g, &e) < 0)
		return cmd_usage_error(&cmd_index_entry, ctx, "%s", e.message);
	for (i = 0; i < c->n_vary; i++)
		in[i] = v[i].input;
	if (!sensitivity) {
		struct index_built view = { &m->h, &m->d, &m->result };
		struct uncertainty_result r;
		json_t *root = c->format == FORMAT_JSON ? json_object() : NULL;

		if (uncertainty_run(&m->h, &m->d, &m->spec, &m->result, in,
		    c->n_vary, c->runs, &g, c->threads, a, &r, &e) < 0) {
			fprintf(ctx->err, "wiall index uncertainty: %s\n", e.message);
			return CMD_FAIL;
		}
		if (r.failed > 0)
			fprintf(ctx->err, "wiall index uncertainty: %zu of %zu "
			    "replications failed (a step could not compute) and "
			    "count as missing\n", r.failed, r.runs);
		index_stats_output(ctx, c, &view, &r.stats, r.runs, r.failed, a,
		    root);
		if (root != NULL)
			index_print_json(ctx, root);
		return CMD_OK;
	} else {
		struct sensitivity_result r;

		e.message[0] = '\0';
		if (sensitivity_run(&m->h, &m->d, &m->spec, &m->result, in,
		    c->n_vary, c->runs, &g, c->threads, a, &r, &e) < 0) {
			fprintf(ctx->err, "wiall index sensitivity: %s\n", e.message);
			return CMD_FAIL;
		}
		if (e.message[0] != '\0')
			fprintf(ctx->err, "wiall index sensitivity: %s\n", e.message);
		if (c->format == FORMAT_JSON) {
			json_t *root = json_object(), *list = json_array();

			for (i = 0; i < c->n_vary; i++) {
				json_t *o = json_object();

				json_object_set_new(o, "input", json_string(c->vary[i]));
				json_object_set_new(o, "first",
				    index_json_number(r.first[i]));
				json_object_set_new(o, "total",
				    index_json_number(r.total[i]));
				json_array_append_new(list, o);
			}
			json_object_set_new(root, "n", json_integer((json_int_t)r.n));
			json_object_set_new(root, "runs",
			    json_integer((json_int_t)r.runs));
			json_object_set_new(root, "failed",
			    json_integer((json_int_t)r.failed));
			json_object_set_new(root, "variance",
			    index_json_number(r.variance));
			json_object_set_new(root, "seed", json_integer(c->seed));
			json_object_set_new(root, "rng",
			    json_string(rng_kind_names[c->rng]));
			json_object_set_new(root, "inputs", list);
			index_print_json(ctx, root);
		} else {
			fputs("Input,First,Total\n", ctx->out);
			for (i = 0; i < c->n_vary; i++) {
				csv_write_field(ctx->out, c->vary[i],
				    strlen(c->vary[i]), ',');
				fputc(',', ctx->out);
				index_number(ctx->out, r.first[i]);
				fputc(',', ctx->out);
				index_number(ctx->out, r.total[i]);
				fputc('\n', ctx->out);
			}
		}
		return isnan(r.variance) || r.failed > 0 ? CMD_FAIL : CMD_OK;
	}
}

/* build or uncertainty of an index the catalogue defines, over the
 * database: the same output as from files, units named by region code. */
static int
index_catalog_exec(struct cmd_context *ctx, const struct index_cli *c,
    const char *sub)
{
	struct index_catalog_options o;
	struct index_catalog x;
	struct index_built view = { &x.h, &x.d, &x.result };
	struct db *db = NULL;
	struct arena a;
	struct error e;
	size_t i;
	int rc = CMD_FAIL;

	memset(&o, 0, sizeof(o));
	o.code = c->catalog;
	o.uncertainty = strcmp(sub, "uncertainty") == 0;
	o.threads = c->threads;
	o.runs = c->runs_given ? c->runs : 0;
	o.has_seed = c->seed_given;
	o.seed = c->seed;
	o.rng = c->rng;
	arena_init(&a);
	if (cmd_open_db(ctx, DB_READ_ONLY, &db) == -1) {
		memset(&x, 0, sizeof(x));
		goto done;
	}
	if (index_catalog_build(db, &o, &x, &e) != INDEX_CATALOG_OK) {
		fprintf(ctx->err, "wiall index %s: %s\n", sub, e.message);
		goto done;
	}
	for (i = 0; i < x.leaf_count; i++)
		if (x.leaves[i].unused != NULL)
			fprintf(ctx->err, "wiall index: warning: %s is left out: "
			    "%s\n", x.leaves[i].component->code,
			    x.leaves[i].unused);
	if (!o.uncertainty) {
		rc = index_build_output(ctx, c, &view, &a);
		goto done;
	}
	if (!x.has_uncertainty) {
		fprintf(ctx->err, "wiall index uncertainty: index %s defines no "
		    "uncertainty analysis\n", x.index->code);
		goto done;
	}
	if (x.uncertainty.failed > 0)
		fprintf(ctx->err, "wiall index uncertainty: %zu of %zu "
		    "replications failed (a step could not compute) and count as "
		    "missing\n", x.uncertainty.failed, x.uncertainty.runs);
	{
		struct index_cli shown = *c;
		json_t *root = c->format == FORMAT_JSON ? json_object() : NULL;

		shown.seed = x.seed;
		index_stats_output(ctx, &shown, &view, &x.uncertainty.stats,
		    x.uncertainty.runs, x.uncertainty.failed, &a, root);
		if (root != NULL)
			index_print_json(ctx, root);
	}
	rc = CMD_OK;
done:
	if (db != NULL)
		index_catalog_free(&x);
	db_close(db);
	arena_free(&a);
	return rc;
}

static int
cmd_index_exec(struct cmd_context *ctx, int argc, char **argv)
{
	struct index_cli c;
	struct index_model m;
	struct arena a;
	struct error e;
	const char *sub;
	int rc;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)
		return argc < 2 ? cmd_usage_error(&cmd_index_entry, ctx,
		    "which one: build, uncertainty or sensitivity?") :
		    cmd_print_help(&cmd_index_entry, ctx);
	sub = argv[1];
	if (strcmp(sub, "build") != 0 && strcmp(sub, "uncertainty") != 0 &&
	    strcmp(sub, "sensitivity") != 0)
		return cmd_usage_error(&cmd_index_entry, ctx,
		    "unknown subcommand '%s' (build, uncertainty, sensitivity)", sub);
	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_index_entry, ctx);
	memset(&c, 0, sizeof(c));
	rc = index_parse(ctx, argc - 1, argv + 1, sub, &c);
	if (rc != CMD_OK)
		return rc;
	if (c.catalog != NULL)
		return index_catalog_exec(ctx, &c, sub);
	arena_init(&a);
	if (index_load(&c.o, &a, &m, &e) < 0) {
		fprintf(ctx->err, "wiall index %s: %s\n", sub, e.message);
		rc = CMD_FAIL;
		goto done;
	}
	if (c.weights != NULL) {
		struct index_weights_report rep;
		size_t i;

		if (index_weights_load(&m, c.weights, &a, &rep, &e) < 0) {
			fprintf(ctx->err, "wiall index %s: %s\n", sub, e.message);
			rc = CMD_FAIL;
			goto done;
		}
		for (i = 0; i < rep.n; i++)
			if (rep.inconsistent[i])
				fprintf(ctx->err, "wiall index: warning: the AHP "
				    "judgements for %s are inconsistent (CR = %.3f >= "
				    "0.1): revisit them\n", rep.parent[i], rep.cr[i]);
	}
	if (index_build(&m, &a, &e) < 0) {
		fprintf(ctx->err, "wiall index %s: %s\n", sub, e.message);
		rc = CMD_FAIL;
		goto done;
	}
	index_warnings(ctx, &m);
	if (strcmp(sub, "build") == 0) {
		struct index_built view = { &m.h, &m.d, &m.result };

		rc = index_build_output(ctx, &c, &view, &a);
	} else
		rc = index_analysis(ctx, &c, &m, strcmp(sub, "sensitivity") == 0,
		    &a);
done:
	arena_free(&a);
	return rc;
}

const struct cmd_entry cmd_index_entry = {
	.name = "index",
	.usage = "build|uncertainty|sensitivity --data FILE --meta FILE "
	    "[OPTIONS] | build|uncertainty --catalog CODE",
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
	    "                         come from the catalogue; --stage, --format,\n"
	    "                         and for uncertainty --runs, --seed, --rng and\n"
	    "                         --threads may be given\n"
	    "COINr's build_example_coin() on its ASEM data is:\n"
	    "  --denominate --impute group-mean --group-column EurAsia_group\n"
	    "  --screen 0.9 --treat winsorise --winmax 5\n",
	.exec = cmd_index_exec,
};
