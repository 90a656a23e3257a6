/* Outlier treatment of one indicator (METHODS §4.5, as COINr's Treat() with
 * winsorise() and log_CT()): sample skewness and excess kurtosis, winsorisation up
 * to winmax points, else a log transform. Pure; writes only into caller arrays. */
#ifndef WIALL_CORE_TREAT_H
#define WIALL_CORE_TREAT_H

#include <stdbool.h>
#include <stddef.h>

struct treat_spec {
	int	 winmax;		/* most points to winsorise (5 by default) */
	double	 skew_limit;		/* |G1| below this passes (2) */
	double	 kurtosis_limit;	/* or G2 below this passes (3.5) */
};

enum treat_outcome {
	TREAT_PASSED,		/* within limits as it was: unchanged */
	TREAT_WINSORISED,	/* within limits after winsorisation */
	TREAT_LOG,		/* still failing after winsorisation: log transform */
	TREAT_TOO_FEW,		/* fewer than 4 values: left untreated (a warning) */
	TREAT_NOT_COMPUTABLE,	/* zero variance: skewness undefined, left untreated */
	TREAT__MAX
};

extern const char *const treat_outcome_names[TREAT__MAX];

/* Marks of single points, as COINr's Treated_Points. */
enum treat_point {
	TREAT_POINT_NONE,
	TREAT_POINT_HIGH,	/* winsorised at the top ("winhi") */
	TREAT_POINT_LOW,	/* winsorised at the bottom ("winlo") */
	TREAT_POINT_LOG		/* log-transformed */
};

/* What happened to one indicator. Index 0 of the arrays is the check before any
 * treatment, 1 after winsorisation, 2 after the log transform; `checks` says how
 * many were made. */
struct treat_info {
	enum treat_outcome	 outcome;
	size_t			 n;		/* present values */
	int			 checks;
	double			 skew[3];
	double			 kurtosis[3];
	bool			 pass[3];
	size_t			 winsorised;	/* COINr's nwin */
};

/* Sample skewness G1 and excess kurtosis G2 of the present values (METHODS §4.5).
 * Returns -1, leaving both NAN, for fewer than 4 values or zero variance. */
int	treat_skew_kurtosis(const double *x, size_t n, double *skew, double *kurtosis);
/* Treats x[0..n) (NAN = missing, kept missing) into out[0..n) and marks the points
 * in `points` (may be NULL). `scratch` holds 2n indices. */
void	treat_column(const struct treat_spec *spec, const double *x, size_t n,
	    double *out, unsigned char *points, struct treat_info *info,
	    size_t *scratch);

#endif
