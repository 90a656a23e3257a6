/* Aggregation of one node of a hierarchy over its children (METHODS §4.8):
 * weighted arithmetic, geometric, harmonic and generalised means over the children
 * present (weights renormalised), and Copeland's pairwise outranking score.
 * Pure; writes only into caller arrays. */
#ifndef WIALL_CORE_AGGREGATE_H
#define WIALL_CORE_AGGREGATE_H

#include <stddef.h>

#include "util/error.h"

enum aggregate_method {
	AGGREGATE_AMEAN,	/* sum w x / sum w */
	AGGREGATE_GMEAN,	/* exp(sum w ln x / sum w); every x > 0 */
	AGGREGATE_HMEAN,	/* sum w / sum (w / x); every x > 0 */
	AGGREGATE_GENMEAN,	/* (sum w x^p / sum w)^(1/p); p = 0: geometric */
	AGGREGATE_COPELAND,	/* sum over other units of +1 / -1 / 0 */
	AGGREGATE__MAX
};

/* "amean", "gmean", "hmean", "genmean", "copeland" */
extern const char *const aggregate_method_names[AGGREGATE__MAX];

struct aggregate_spec {
	enum aggregate_method	 method;
	double			 power;		/* genmean's p */
};

/* Parses a method name; -1 if unknown. */
int	aggregate_method_parse(const char *name, enum aggregate_method *method);
/* Parses the text form of an aggregation: "amean", "gmean", "hmean",
 * "genmean:p" or "copeland". Returns 0, or -1 with the reason. */
int	aggregate_spec_parse(const char *text, struct aggregate_spec *s,
	    struct error *e);

/* Aggregates rows 0..n of the children's columns child[0..k) with weights w[0..k)
 * into out[0..n). A row whose share of present children is below `availability`
 * (negative: no threshold), or with no present child of positive weight, is
 * missing. Returns -1 with the reason when the method cannot compute (a value
 * <= 0 for the geometric or harmonic mean, a negative weight...); the row at
 * fault goes to *bad_row (may be NULL). */
int	aggregate_values(const struct aggregate_spec *spec, const double *const *child,
	    const double *w, size_t k, size_t n, double availability, double *out,
	    size_t *bad_row, struct error *e);

#endif
