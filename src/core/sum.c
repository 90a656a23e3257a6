#include "core/sum.h"

double
sum_array(const double *x, size_t n)
{
	struct sum s = SUM_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		sum_add(&s, x[i]);
	return sum_result(&s);
}
