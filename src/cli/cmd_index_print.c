/* The output of `wiall index` in CSV or JSON, the same whether the index
 * came from files or from the catalogue (not itself a command). */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_index_internal.h"
#include "io/csv.h"
#include "util/text.h"

/* A number as util/text.h writes it (100, 0.25); missing: an empty field. */
static void
cmd_index_print_number(FILE *fp, double v)
{
	char buf[40];

	if (isnan(v))
		return;
	text_format_double(v, buf, sizeof(buf));
	fputs(buf, fp);
}

static void
cmd_index_print_field(FILE *fp, const char *s)
{
	csv_write_field(fp, s, strlen(s), ',');
}

static json_t *
cmd_index_print_json_number(double v)
{
	return isnan(v) ? json_null() : json_real(v);
}

/* Writes root with 17 significant digits and releases it. */
static void
cmd_index_print_json(struct cmd_context *ctx, json_t *root)
{
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(17));

	fprintf(ctx->out, "%s\n", text);
	free(text);
	json_decref(root);
}

/* Rows in nominal rank order (ties and missing ranks in data order). */
static size_t *
cmd_index_print_rank_order(const struct cmd_index_built *m, struct arena *a)
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

void
cmd_index_print_build(struct cmd_context *ctx, const struct cmd_index_args *a,
    const struct cmd_index_built *m, struct arena *arena)
{
	struct composite_table t;
	bool aggregated = a->stage == COMPOSITE_AGGREGATED;
	size_t *order = aggregated ? cmd_index_print_rank_order(m, arena) : NULL;
	size_t row, col;

	composite_stage_table(m->h, m->result, a->stage, &t);
	if (a->format == CMD_INDEX_JSON) {
		json_t *root = json_object(), *units = json_array(), *cols = json_array();

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
				    cmd_index_print_json_number(
				    t.values[col * t.rows + r]));
			if (aggregated)
				json_object_set_new(u, "Rank",
				    cmd_index_print_json_number(m->result->rank[r]));
			json_array_append_new(units, u);
		}
		json_object_set_new(root, "stage",
		    json_string(composite_stage_names[a->stage]));
		json_object_set_new(root, "columns", cols);
		json_object_set_new(root, "units", units);
		cmd_index_print_json(ctx, root);
		return;
	}
	fputs("uCode", ctx->out);
	for (col = 0; col < t.cols; col++) {
		fputc(',', ctx->out);
		cmd_index_print_field(ctx->out, m->h->code[t.first_node + col]);
	}
	fputs(aggregated ? ",Rank\n" : "\n", ctx->out);
	for (row = 0; row < t.rows; row++) {
		size_t r = order != NULL ? order[row] : row;
		size_t unit = t.unit != NULL ? t.unit[r] : r;

		cmd_index_print_field(ctx->out, m->d->unit[unit]);
		for (col = 0; col < t.cols; col++) {
			fputc(',', ctx->out);
			cmd_index_print_number(ctx->out, t.values[col * t.rows + r]);
		}
		if (aggregated) {
			fputc(',', ctx->out);
			cmd_index_print_number(ctx->out, m->result->rank[r]);
		}
		fputc('\n', ctx->out);
	}
}

void
cmd_index_print_uncertainty(struct cmd_context *ctx,
    const struct cmd_index_args *a, const struct cmd_index_built *m,
    const struct uncertainty_result *r, long long seed, struct arena *arena)
{
	static const char *const names[5] = { "Nominal", "Mean", "Median", "Q5",
	    "Q95" };
	const struct uncertainty_stats *st = &r->stats;
	size_t *order = cmd_index_print_rank_order(m, arena), row;

	if (a->format == CMD_INDEX_JSON) {
		json_t *root = json_object(), *units = json_array();

		for (row = 0; row < st->n_units; row++) {
			size_t i = order[row];
			const double v[5] = { st->nominal[i], st->mean[i],
			    st->median[i], st->q5[i], st->q95[i] };
			json_t *u = json_object();
			int k;

			json_object_set_new(u, "uCode",
			    json_string(m->d->unit[st->unit[i]]));
			for (k = 0; k < 5; k++)
				json_object_set_new(u, names[k],
				    cmd_index_print_json_number(v[k]));
			json_array_append_new(units, u);
		}
		json_object_set_new(root, "runs", json_integer((json_int_t)r->runs));
		json_object_set_new(root, "failed",
		    json_integer((json_int_t)r->failed));
		json_object_set_new(root, "seed", json_integer(seed));
		json_object_set_new(root, "rng", json_string(rng_kind_names[a->rng]));
		json_object_set_new(root, "units", units);
		cmd_index_print_json(ctx, root);
		return;
	}
	fputs("uCode,Nominal,Mean,Median,Q5,Q95\n", ctx->out);
	for (row = 0; row < st->n_units; row++) {
		size_t i = order[row];
		const double v[5] = { st->nominal[i], st->mean[i], st->median[i],
		    st->q5[i], st->q95[i] };
		int k;

		cmd_index_print_field(ctx->out, m->d->unit[st->unit[i]]);
		for (k = 0; k < 5; k++) {
			fputc(',', ctx->out);
			cmd_index_print_number(ctx->out, v[k]);
		}
		fputc('\n', ctx->out);
	}
}

void
cmd_index_print_sensitivity(struct cmd_context *ctx,
    const struct cmd_index_args *a, const struct sensitivity_result *r,
    const char *const *inputs, long long seed)
{
	size_t i;

	if (a->format == CMD_INDEX_JSON) {
		json_t *root = json_object(), *list = json_array();

		for (i = 0; i < r->n_inputs; i++) {
			json_t *o = json_object();

			json_object_set_new(o, "input", json_string(inputs[i]));
			json_object_set_new(o, "first",
			    cmd_index_print_json_number(r->first[i]));
			json_object_set_new(o, "total",
			    cmd_index_print_json_number(r->total[i]));
			json_array_append_new(list, o);
		}
		json_object_set_new(root, "n", json_integer((json_int_t)r->n));
		json_object_set_new(root, "runs", json_integer((json_int_t)r->runs));
		json_object_set_new(root, "failed",
		    json_integer((json_int_t)r->failed));
		json_object_set_new(root, "variance",
		    cmd_index_print_json_number(r->variance));
		json_object_set_new(root, "seed", json_integer(seed));
		json_object_set_new(root, "rng", json_string(rng_kind_names[a->rng]));
		json_object_set_new(root, "inputs", list);
		cmd_index_print_json(ctx, root);
		return;
	}
	fputs("Input,First,Total\n", ctx->out);
	for (i = 0; i < r->n_inputs; i++) {
		cmd_index_print_field(ctx->out, inputs[i]);
		fputc(',', ctx->out);
		cmd_index_print_number(ctx->out, r->first[i]);
		fputc(',', ctx->out);
		cmd_index_print_number(ctx->out, r->total[i]);
		fputc('\n', ctx->out);
	}
}
