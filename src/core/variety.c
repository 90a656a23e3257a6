/* Related and unrelated variety, METHODS §3.3. */
#include "core/variety.h"

#include <math.h>

#include "core/sum.h"

static void
variety_fail(struct variety_result *out, const struct structure_measure *cause)
{
	structure_measure_fail_as(&out->entropy, cause);
	structure_measure_fail_as(&out->unrelated, cause);
	structure_measure_fail_as(&out->related, cause);
}

void
variety_compute(const struct structure_values *x,
    const struct variety_groups *groups, enum structure_base base,
    double *workspace, struct variety_result *out)
{
	struct structure_measure total, problem;
	struct sum e = SUM_INIT, uv = SUM_INIT, rv = SUM_INIT;
	double *group_sum, *group_comp, v, t, s, p;
	size_t i, g;

	out->base = base;
	out->groups_nonempty = 0;
	if (groups == NULL) {
		structure_measure_fail(&problem, STRUCTURE_NO_GROUPS, STRUCTURE_NONE,
		    false);
		variety_fail(out, &problem);
		return;
	}
	structure_total(x, &total, NULL);
	if (total.status != STRUCTURE_OK) {
		variety_fail(out, &total);
		return;
	}
	if (groups->n != x->n) {
		structure_measure_fail(&problem, STRUCTURE_SIZE_MISMATCH,
		    STRUCTURE_NONE, false);
		variety_fail(out, &problem);
		return;
	}
	for (i = 0; i < x->n; i++) {
		if (groups->group[i] >= groups->count) {
			structure_measure_fail(&problem, STRUCTURE_BAD_GROUP, i, false);
			variety_fail(out, &problem);
			return;
		}
	}

	/* Group totals Σ_{i∈g} x_i, each compensated (the update of sum_add()). */
	group_sum = workspace;
	group_comp = workspace + groups->count;
	for (g = 0; g < groups->count; g++)
		group_sum[g] = group_comp[g] = 0;
	for (i = 0; i < x->n; i++) {
		v = x->value[i];
		g = groups->group[i];
		t = group_sum[g] + v;
		if (fabs(group_sum[g]) >= fabs(v))
			group_comp[g] += (group_sum[g] - t) + v;
		else
			group_comp[g] += (v - t) + group_sum[g];
		group_sum[g] = t;
	}

	/* UV = −Σ_g P_g log P_g over non-empty groups; P_g is stored back in place
	 * of the group total for the second pass. */
	for (g = 0; g < groups->count; g++) {
		p = (group_sum[g] + group_comp[g]) / total.value;
		group_sum[g] = p;
		if (p == 0)
			continue;
		out->groups_nonempty++;
		sum_add(&uv, p * structure_log(p, base));
	}

	/* E = −Σ s_i log s_i and RV = −Σ_i s_i log(s_i / P_g(i)) = Σ_g P_g·H_g,
	 * 0·log 0 = 0 (METHODS §3.2, §3.3). */
	for (i = 0; i < x->n; i++) {
		if (x->value[i] == 0)
			continue;
		s = x->value[i] / total.value;
		sum_add(&e, s * structure_log(s, base));
		sum_add(&rv, s * structure_log(s / group_sum[groups->group[i]], base));
	}
	structure_measure_set(&out->entropy, 0.0 - sum_result(&e));
	structure_measure_set(&out->unrelated, 0.0 - sum_result(&uv));
	structure_measure_set(&out->related, 0.0 - sum_result(&rv));
}
