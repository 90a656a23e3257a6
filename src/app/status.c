/* Status: the catalogue read whole, and the store's coverage rows (one per
 * series and kind of period) folded into indicator × region. */
#include "app/status.h"

#include <string.h>

#include "store/catalog.h"

struct status_fold {
	struct status	 *s;
	struct status_region **slots;	/* per indicator: one per region */
	long long	  last_series;	/* rows of one series come together */
};

static int
status_fold_row(const struct coverage_row *row, void *arg)
{
	struct status_fold *f = arg;
	struct catalog *c = &f->s->catalog;
	const struct indicator *ind = model_find_indicator(c, row->indicator);
	const struct region *reg = model_find_region(c, row->region);
	struct status_region *sr;
	struct period p, q;
	size_t i, r;

	if (ind == NULL || reg == NULL)
		return 0;	/* cannot be: series refer to both by id */
	i = (size_t)(ind - c->indicators);
	r = (size_t)(reg - c->regions);
	sr = &f->slots[i][r];
	if (sr->region == NULL)
		sr->region = reg;
	/* A series comes once per kind of period: count it once. */
	if (row->series_id != f->last_series)
		sr->series++;
	f->last_series = row->series_id;
	sr->values += row->values;
	sr->missing += row->missing;
	if (row->values == 0 || row->kind < 0)
		return 0;
	sr->kinds |= 1u << row->kind;
	if (period_parse(row->first, strlen(row->first), &p) == 0 &&
	    (sr->first[0] == '\0' ||
	    (period_parse(sr->first, strlen(sr->first), &q) == 0 &&
	    period_compare(&p, &q) < 0)))
		period_format(&p, sr->first);
	if (period_parse(row->last, strlen(row->last), &p) == 0 &&
	    (sr->last[0] == '\0' ||
	    (period_parse(sr->last, strlen(sr->last), &q) == 0 &&
	    period_compare(&p, &q) > 0)))
		period_format(&p, sr->last);
	return 0;
}

int
status_build(struct db *db, struct status *out, struct error *e)
{
	struct status_fold fold;
	struct catalog *c = &out->catalog;
	size_t i, r, k;

	memset(out, 0, sizeof(*out));
	model_catalog_init(c);
	if (store_catalog_load(db, c, e) == -1)
		return -1;
	model_goal_tree(c, &out->tree);
	out->home = c->region_count > 0 ? &c->regions[0] : NULL;
	for (i = 0; i < c->indicator_count; i++)
		for (k = 0; k < c->indicators[i].target_count; k++) {
			if (c->indicators[i].targets[k].valid_to == NULL)
				out->current_targets++;
			else
				out->superseded_targets++;
		}
	for (i = 0; i < c->classification_count; i++)
		out->sectors += c->classifications[i].sector_count;
	if (coverage_totals(db, &c->arena, &out->totals, e) == -1)
		return -1;

	out->indicators = arena_alloc(&c->arena,
	    (c->indicator_count + 1) * sizeof(*out->indicators));
	fold.s = out;
	fold.last_series = 0;
	fold.slots = arena_alloc(&c->arena,
	    (c->indicator_count + 1) * sizeof(*fold.slots));
	for (i = 0; i < c->indicator_count; i++)
		fold.slots[i] = arena_alloc(&c->arena,
		    (c->region_count + 1) * sizeof(**fold.slots));
	if (coverage_series(db, status_fold_row, &fold, e) == -1)
		return -1;

	for (i = 0; i < c->indicator_count; i++) {
		struct status_indicator *si = &out->indicators[i];
		const struct region *ref;

		si->indicator = &c->indicators[i];
		si->regions = fold.slots[i];
		for (r = 0; r < c->region_count; r++) {
			if (fold.slots[i][r].region == NULL)
				continue;
			si->regions[si->region_count++] = fold.slots[i][r];
			si->values += fold.slots[i][r].values;
		}
		si->home_missing = out->home != NULL &&
		    (status_region_of(si, out->home) == NULL ||
		    status_region_of(si, out->home)->values == 0);
		ref = si->indicator->reference_region == NULL ? NULL :
		    model_find_region(c, si->indicator->reference_region);
		si->reference_missing = ref != NULL && ref != out->home &&
		    (status_region_of(si, ref) == NULL ||
		    status_region_of(si, ref)->values == 0);
	}
	return 0;
}

void
status_free(struct status *s)
{
	model_catalog_free(&s->catalog);
	memset(s, 0, sizeof(*s));
}

const struct status_region *
status_region_of(const struct status_indicator *si, const struct region *r)
{
	size_t i;

	for (i = 0; i < si->region_count; i++)
		if (si->regions[i].region == r)
			return &si->regions[i];
	return NULL;
}
