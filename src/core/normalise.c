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

#include "util/text.h"

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

/* Splits "a,b,c" into at most max numbers; returns how many, -1 on a bad one. */
static int
normalise_numbers(const char *s, double *out, int max)
{
	int n = 0;

	while (*s != '\0') {
		const char *end = strchr(s, ',');
		size_t len = end != NULL ? (size_t)(end - s) : strlen(s);

		if (n == max || text_parse_double(s, len, '.', &out[n]) < 0)
			return -1;
		n++;
		if (end == NULL)
			break;
		s = end + 1;
	}
	return n;
}

int
normalise_spec_parse(const char *text, struct normalise_spec *s,
    const char **reference, struct arena *a, struct error *e)
{
	const char *colon = strchr(text, ':');
	size_t len = colon != NULL ? (size_t)(colon - text) : strlen(text);
	const char *args = colon != NULL ? colon + 1 : "";
	char name[32];
	double v[3];
	int n = 0;

	normalise_spec_default(s);
	if (reference != NULL)
		*reference = NULL;
	if (len >= sizeof(name))
		return error_set(e, "unknown normalisation '%s'", text);
	memcpy(name, text, len);
	name[len] = '\0';
	if (normalise_method_parse(name, &s->method) < 0)
		return error_set(e, "unknown normalisation '%s' (one of minmax, "
		    "zscore, dist2max, dist2ref, dist2target, fracmax, rank, borda, "
		    "prank, goalposts, none)", name);
	if (s->method == NORMALISE_DIST2REF) {
		const char *comma = strchr(args, ',');
		size_t ulen = comma != NULL ? (size_t)(comma - args) : strlen(args);

		if (ulen == 0)
			return error_set(e, "dist2ref needs a unit: dist2ref:CODE");
		if (reference != NULL)
			*reference = arena_strndup(a, args, ulen);
		if (comma != NULL) {
			if (strcmp(comma + 1, "cap") != 0)
				return error_set(e, "dist2ref:CODE takes only "
				    "',cap' after the unit");
			s->cap = true;
		}
		return 0;
	}
	if (args[0] != '\0' && (n = normalise_numbers(args, v, 3)) < 0)
		return error_set(e, "'%s': parameters must be numbers separated "
		    "by commas", text);
	switch (s->method) {
	case NORMALISE_MINMAX:
		if (n != 0 && n != 2)
			return error_set(e, "minmax takes two bounds: minmax:l,u");
		if (n == 2) {
			s->lower = v[0];
			s->upper = v[1];
		}
		if (!(s->upper > s->lower))
			return error_set(e, "minmax:%g,%g: the upper bound must "
			    "exceed the lower", s->lower, s->upper);
		return 0;
	case NORMALISE_ZSCORE:
		if (n != 0 && n != 2)
			return error_set(e, "zscore takes a mean and a standard "
			    "deviation: zscore:m,s");
		if (n == 2) {
			s->mean = v[0];
			s->sd = v[1];
		}
		if (!(s->sd > 0))
			return error_set(e, "zscore: the standard deviation must "
			    "be positive");
		return 0;
	case NORMALISE_GOALPOSTS:
		if (n != 0 && n != 2 && n != 3)
			return error_set(e, "goalposts takes lo,hi[,scale] (or none, "
			    "then the iMeta columns goalpost_lower/_upper)");
		if (n >= 2) {
			s->goal_lower = v[0];
			s->goal_upper = v[1];
		}
		if (n == 3)
			s->goal_scale = v[2];
		return 0;
	default:
		if (n != 0)
			return error_set(e, "%s takes no parameters", name);
		return 0;
	}
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
