/*
 * Normalisation, METHODS §4.6, as COINr's n_*() functions called through
 * Normalise(): the indicator is multiplied by its direction first, so that for
 * every method higher is better; targets and goalposts are multiplied by the
 * direction too (for goalposts the two posts swap), which gives COINr's separate
 * negative-direction formulas. Where COINr would return NaN or Inf (zero range, a
 * target equal to the minimum), this returns a status instead.
 */
#include "core/normalise.h"

#include <math.h>
#include <string.h>

const char *const normalise_method_names[NORMALISE__MAX] = {
	"minmax", "zscore", "dist2max", "dist2ref", "dist2target", "fracmax",
	"rank", "borda", "prank", "goalposts", "none"
};

void
normalise_spec_default(struct normalise_spec *s)
{
	memset(s, 0, sizeof(*s));
	s->method = NORMALISE_MINMAX;
	s->lower = 0.0;
	s->upper = 100.0;
	s->mean = 0.0;
	s->sd = 1.0;
	s->goal_lower = NAN;
	s->goal_upper = NAN;
	s->goal_scale = 1.0;
}

int
normalise_method_parse(const char *name, enum normalise_method *method)
{
	int k;

	for (k = 0; k < NORMALISE__MAX; k++) {
		if (strcmp(name, normalise_method_names[k]) == 0) {
			*method = (enum normalise_method)k;
			return 0;
		}
	}
	return -1;
}

int
normalise_values(const struct normalise_spec *spec,
    const struct normalise_column *column, const double *x, size_t n,
    double *out, struct colstat_pair *scratch, struct error *e)
{
	const char *code = column->code != NULL ? column->code : "?";
	double d = column->direction < 0 ? -1.0 : 1.0;
	double min = 0, max = 0, mean, sd, ref, target, lo, hi;
	size_t i, k;

	k = 0;
	for (i = 0; i < n; i++) {
		double z = d * x[i];

		out[i] = z;
		if (isnan(z))
			continue;
		if (k == 0 || z < min)
			min = z;
		if (k == 0 || z > max)
			max = z;
		k++;
	}
	if (k == 0)
		return error_set(e, "%s: no values to normalise", code);

	switch (spec->method) {
	case NORMALISE_NONE:
		return 0;
	case NORMALISE_MINMAX:
		if (min == max)
			return error_set(e, "%s: min-max not computable: all %zu "
			    "values are equal (zero range)", code, k);
		for (i = 0; i < n; i++)
			if (!isnan(out[i]))
				out[i] = (out[i] - min) / (max - min) *
				    (spec->upper - spec->lower) + spec->lower;
		return 0;
	case NORMALISE_ZSCORE:
		mean = colstat_mean(out, n);
		sd = colstat_sd(out, n);
		if (!(sd > 0.0))
			return error_set(e, "%s: z-score not computable: %s", code,
			    k < 2 ? "fewer than 2 values" :
			    "zero standard deviation");
		for (i = 0; i < n; i++)
			if (!isnan(out[i]))
				out[i] = (out[i] - mean) / sd * spec->sd + spec->mean;
		return 0;
	case NORMALISE_DIST2MAX:
		if (min == max)
			return error_set(e, "%s: distance to maximum not computable: "
			    "zero range", code);
		for (i = 0; i < n; i++)
			if (!isnan(out[i]))
				out[i] = 1.0 - (max - out[i]) / (max - min);
		return 0;
	case NORMALISE_DIST2REF:
		if (column->reference >= n || isnan(out[column->reference]))
			return error_set(e, "%s: distance to reference not "
			    "computable: the reference unit has no value", code);
		ref = out[column->reference];
		if (ref == min)
			return error_set(e, "%s: distance to reference not "
			    "computable: the reference is the minimum", code);
		for (i = 0; i < n; i++) {
			if (isnan(out[i]))
				continue;
			out[i] = 1.0 - (ref - out[i]) / (ref - min);
			if (spec->cap && out[i] > 1.0)
				out[i] = 1.0;
		}
		return 0;
	case NORMALISE_DIST2TARGET:
		if (isnan(column->target))
			return error_set(e, "%s: distance to target needs a target",
			    code);
		target = d * column->target;
		if (target == min)
			return error_set(e, "%s: distance to target not "
			    "computable: the target equals the minimum", code);
		for (i = 0; i < n; i++) {
			if (isnan(out[i]))
				continue;
			out[i] = 1.0 - (target - out[i]) / (target - min);
			if (out[i] > 1.0)
				out[i] = 1.0;
		}
		return 0;
	case NORMALISE_FRACMAX:
		if (max == 0.0)
			return error_set(e, "%s: fraction of maximum not computable: "
			    "the maximum is 0", code);
		for (i = 0; i < n; i++)
			if (!isnan(out[i]))
				out[i] = out[i] / max;
		return 0;
	case NORMALISE_RANK:
	case NORMALISE_BORDA:
	case NORMALISE_PERCENTILE:
		if (spec->method == NORMALISE_PERCENTILE && k < 2)
			return error_set(e, "%s: percentile rank not computable: "
			    "fewer than 2 values", code);
		colstat_rank_ascending(out, n, out, scratch);
		for (i = 0; i < n; i++) {
			if (isnan(out[i]) || spec->method == NORMALISE_RANK)
				continue;
			out[i] -= 1.0;
			if (spec->method == NORMALISE_PERCENTILE)
				out[i] /= (double)(k - 1);
		}
		return 0;
	case NORMALISE_GOALPOSTS:
		lo = !isnan(spec->goal_lower) ? spec->goal_lower : column->goal_lower;
		hi = !isnan(spec->goal_upper) ? spec->goal_upper : column->goal_upper;
		if (isnan(lo) || isnan(hi))
			return error_set(e, "%s: goalposts need a lower and an upper "
			    "post", code);
		if (!(hi > lo))
			return error_set(e, "%s: goalposts not computable: the upper "
			    "post must exceed the lower", code);
		if (d < 0) {
			double t = lo;

			lo = -hi;
			hi = -t;
		}
		for (i = 0; i < n; i++) {
			double y;

			if (isnan(out[i]))
				continue;
			y = (out[i] - lo) / (hi - lo);
			if (y > 1.0)
				y = 1.0;
			if (y < 0.0)
				y = 0.0;
			out[i] = y * spec->goal_scale;
		}
		return 0;
	default:
		return error_set(e, "%s: unknown normalisation method", code);
	}
}
