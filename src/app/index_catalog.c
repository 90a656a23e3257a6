/*
 * A catalogue index from the database (see index_catalog.h). The leaves'
 * values come from the code that owns each formula: a level is an
 * observation; growth is core/growth's relative change (METHODS §2.1) in
 * percent; share, entropy and HHI are the structure report's (app/structure,
 * METHODS §3.1–3.2) and resistance its shock measure (§3.7), computed once
 * per indicator in matrix mode over every period, against the indicator's
 * reference region. The pipeline is core/composite's with nothing but
 * normalisation and aggregation switched on, and the analysis
 * core/uncertainty's (or core/sensitivity's), seeded as `wiall index
 * uncertainty|sensitivity` seeds it.
 */
#include "app/index_catalog.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/assess.h"
#include "app/index_catalog_internal.h"
#include "store/catalog.h"
#include "util/buf.h"

const char *const index_catalog_status_names[INDEX_CATALOG__MAX] = {
	"ok", "none", "not_found", "no_data", "not_computable", "error"
};

long
index_catalog_unit(const struct index_catalog *x, const char *code)
{
	size_t u;

	for (u = 0; u < x->unit_count; u++)
		if (strcmp(x->units[u]->code, code) == 0)
			return (long)u;
	return -1;
}

/* ---- the hierarchy ------------------------------------------------- */

const struct index_catalog_leaf *
index_catalog_leaf_of(const struct index_catalog *x,
    const struct index_component *c)
{
	size_t i;

	for (i = 0; i < x->leaf_count; i++)
		if (x->leaves[i].component == c)
			return &x->leaves[i];
	return NULL;
}

/* A component's depth below the index (1: a child of the index). */
static int
index_catalog_depth(const struct composite_index *ix,
    const struct index_component *c)
{
	int depth = 1;

	while (c != NULL && c->parent != NULL &&
	    depth <= (int)ix->component_count) {
		c = model_find_component(ix, c->parent);
		depth++;
	}
	return depth;
}

/* Nodes for every component and the index: levels from the depths, which
 * ones are used (a used leaf, or an aggregate with a used child), and each
 * used node's share of its parent. */
static int
index_catalog_nodes(struct index_catalog_builder *b)
{
	struct index_catalog *x = b->x;
	const struct composite_index *ix = x->index;
	size_t n = ix->component_count, i, j;
	int leaf_depth = 0, level;
	bool *used;

	x->nodes = arena_alloc(&x->arena, (n + 1) * sizeof(*x->nodes));
	used = arena_alloc(&x->arena, (n + 1) * sizeof(*used));
	for (i = 0; i < n; i++)
		if (ix->components[i].indicator != NULL) {
			int d = index_catalog_depth(ix, &ix->components[i]);

			if (leaf_depth != 0 && d != leaf_depth)
				return error_set(b->e, "index %s: the leaves lie "
				    "at different depths", ix->code);
			leaf_depth = d;
		}
	for (i = 0; i < n; i++) {
		const struct index_component *c = &ix->components[i];
		const struct index_catalog_leaf *leaf;
		struct index_catalog_node *nd = &x->nodes[i];

		nd->code = c->code;
		nd->title_de = c->title_de;
		nd->title_en = c->title_en;
		nd->component = c;
		nd->level = leaf_depth - index_catalog_depth(ix, c) + 1;
		nd->weight = c->has_weight ? c->weight : 1.0;
		nd->node = -1;
		leaf = index_catalog_leaf_of(x, c);
		used[i] = leaf != NULL && leaf->unused == NULL;
	}
	x->nodes[n].code = ix->code;
	x->nodes[n].title_de = ix->title_de;
	x->nodes[n].title_en = ix->title_en;
	x->nodes[n].level = leaf_depth + 1;
	x->nodes[n].weight = 1.0;
	used[n] = false;
	x->node_count = n + 1;
	/* Bottom-up: an aggregate is used when one of its children is. */
	for (level = 2; level <= leaf_depth + 1; level++)
		for (i = 0; i <= n; i++) {
			const char *code = x->nodes[i].code;

			if (x->nodes[i].level != level)
				continue;
			for (j = 0; j < n && !used[i]; j++) {
				const char *p = ix->components[j].parent;

				used[i] = used[j] && (i == n ? p == NULL :
				    p != NULL && strcmp(p, code) == 0);
			}
		}
	for (i = 0; i < n; i++) {
		const char *p = ix->components[i].parent;
		double sum = 0;

		x->nodes[i].share = NAN;
		if (!used[i])
			continue;
		for (j = 0; j < n; j++)
			if (used[j] && (p == NULL ? ix->components[j].parent ==
			    NULL : ix->components[j].parent != NULL &&
			    strcmp(ix->components[j].parent, p) == 0))
				sum += x->nodes[j].weight;
		x->nodes[i].share = sum > 0 ? x->nodes[i].weight / sum : NAN;
	}
	x->nodes[n].share = used[n] ? 1.0 : NAN;
	/* Used or not; the pipeline puts the hierarchy's index in. */
	for (i = 0; i <= n; i++)
		x->nodes[i].node = used[i] ? 0 : -1;
	return 0;
}

/* The hierarchy of the used nodes and the data of the used leaves. */
static int
index_catalog_pipeline(struct index_catalog_builder *b)
{
	struct index_catalog *x = b->x;
	const struct composite_index *ix = x->index;
	struct composite_node *cn;
	const char *reference = NULL;
	double *values;
	const char **codes;
	size_t i, count = 0, leaves = 0;

	cn = arena_alloc(&x->arena, (x->node_count + 1) * sizeof(*cn));
	/* Leaves first, then aggregates by level: the hierarchy's order. */
	for (i = 0; i < x->leaf_count; i++) {
		const struct index_catalog_leaf *leaf = &x->leaves[i];
		const struct index_component *c = leaf->component;

		if (leaf->unused != NULL)
			continue;
		cn[count].code = c->code;
		cn[count].level = 1;
		cn[count].parent = c->parent != NULL ? c->parent : ix->code;
		cn[count].weight = c->has_weight ? c->weight : 1.0;
		cn[count].direction = leaf->direction;
		cn[count].denominator = -1;
		cn[count].target = NAN;
		cn[count].goal_lower = NAN;
		cn[count].goal_upper = NAN;
		count++;
	}
	leaves = count;
	for (i = 0; i < x->node_count; i++) {
		const struct index_catalog_node *nd = &x->nodes[i];

		if (nd->node < 0 || nd->level < 2)
			continue;
		cn[count].code = nd->code;
		cn[count].level = nd->level;
		cn[count].parent = nd->component == NULL ? "" :
		    nd->component->parent != NULL ? nd->component->parent :
		    ix->code;
		cn[count].weight = nd->weight;
		cn[count].direction = 1;
		cn[count].denominator = -1;
		cn[count].target = NAN;
		cn[count].goal_lower = NAN;
		cn[count].goal_upper = NAN;
		count++;
	}
	if (composite_hierarchy_build(&x->h, &x->arena, cn, count, b->e) == -1)
		return -1;
	for (i = 0; i < x->node_count; i++)
		if (x->nodes[i].node >= 0)
			x->nodes[i].node = composite_hierarchy_find(&x->h,
			    x->nodes[i].code);
	values = arena_alloc(&x->arena, (leaves * x->unit_count + 1) *
	    sizeof(double));
	codes = arena_alloc(&x->arena, (x->unit_count + 1) * sizeof(*codes));
	for (i = 0; i < x->unit_count; i++)
		codes[i] = x->units[i]->code;
	for (i = 0; i < x->leaf_count; i++) {
		struct index_catalog_leaf *leaf = &x->leaves[i];
		size_t u;
		long node;

		if (leaf->unused != NULL)
			continue;
		node = composite_hierarchy_find(&x->h, leaf->component->code);
		leaf->node = node;
		for (u = 0; u < x->unit_count; u++)
			values[(size_t)node * x->unit_count + u] = leaf->raw[u];
	}
	memset(&x->d, 0, sizeof(x->d));
	x->d.n_units = x->unit_count;
	x->d.unit = codes;
	x->d.values = values;
	/* Only normalisation and aggregation: the catalogue's figures are
	 * complete official data, not a survey to impute or screen. */
	composite_spec_default(&x->spec);
	x->spec.denominate = false;
	x->spec.impute = IMPUTE_NONE;
	x->spec.screen = false;
	x->spec.treat = false;
	x->normalise = ix->normalise != NULL ? ix->normalise : "minmax:0,100";
	x->aggregate = ix->aggregate != NULL ? ix->aggregate : "amean";
	if (normalise_spec_parse(x->normalise, &x->spec.normalise, &reference,
	    &x->arena, b->e) == -1 ||
	    aggregate_spec_parse(x->aggregate, &x->spec.aggregate, b->e) == -1)
		return error_prefix(b->e, "index %s", ix->code);
	if (reference != NULL) {
		long u = index_catalog_unit(x, reference);

		if (u < 0)
			return error_set(b->e, "index %s: dist2ref names %s, not "
			    "a unit", ix->code, reference);
		x->spec.reference_unit = (size_t)u;
	}
	composite_result_init(&x->result, &x->arena, &x->h, x->unit_count);
	return 0;
}

/* ---- the analysis -------------------------------------------------- */

static int
index_catalog_analysis(struct index_catalog_builder *b,
    const struct index_catalog_options *o)
{
	struct index_catalog *x = b->x;
	const struct index_uncertainty *u = x->index->uncertainty;
	struct uncertainty_input in[3];
	struct buf text = BUF_INIT;
	struct rng g;
	size_t n = 0, i;
	int level;

	memset(in, 0, sizeof(in));
	x->runs = o->runs > 0 ? o->runs : (size_t)u->runs;
	x->seed = o->has_seed ? o->seed : u->seed;
	x->rng = o->rng;
	x->varied = arena_alloc(&x->arena, 3 * sizeof(*x->varied));
	if (u->normalise_count >= 2) {
		struct normalise_spec *alt = arena_alloc(&x->arena,
		    u->normalise_count * sizeof(*alt));

		buf_reset(&text);
		buf_puts(&text, "normalise=");
		for (i = 0; i < u->normalise_count; i++) {
			const char *reference = NULL;

			if (normalise_spec_parse(u->normalise[i], &alt[i],
			    &reference, &x->arena, b->e) == -1)
				goto fail;
			if (reference != NULL && index_catalog_unit(x,
			    reference) != (long)x->spec.reference_unit) {
				error_set(b->e, "dist2ref in the analysis must "
				    "use the unit of the index's normalisation");
				goto fail;
			}
			buf_printf(&text, "%s%s", i > 0 ? "/" : "",
			    u->normalise[i]);
		}
		in[n].kind = UNCERTAINTY_NORMALISE;
		in[n].normalise = alt;
		in[n++].n_alternatives = u->normalise_count;
		x->varied[x->varied_count++] = arena_strdup(&x->arena,
		    buf_cstr(&text));
	}
	if (u->aggregate_count >= 2) {
		struct aggregate_spec *alt = arena_alloc(&x->arena,
		    u->aggregate_count * sizeof(*alt));

		buf_reset(&text);
		buf_puts(&text, "aggregate=");
		for (i = 0; i < u->aggregate_count; i++) {
			if (aggregate_spec_parse(u->aggregate[i], &alt[i],
			    b->e) == -1)
				goto fail;
			buf_printf(&text, "%s%s", i > 0 ? "/" : "",
			    u->aggregate[i]);
		}
		in[n].kind = UNCERTAINTY_AGGREGATE;
		in[n].aggregate = alt;
		in[n++].n_alternatives = u->aggregate_count;
		x->varied[x->varied_count++] = arena_strdup(&x->arena,
		    buf_cstr(&text));
	}
	if (rng_seed(&g, x->rng, x->seed) == -1) {
		error_set(b->e, "seed %lld: R's set.seed takes integers from "
		    "-2147483647 to 2147483647", x->seed);
		goto fail;
	}
	if (u->has_weights && x->h.n_levels >= 2) {
		/* COINr's get_noisy_weights(): one set per replication (for
		 * the sensitivity analysis N, among which its design
		 * chooses), every weight below the top within ± the share;
		 * drawn before the analysis' own draws, as `wiall index`
		 * does. */
		int levels = x->h.n_levels - 1;
		double *factor = arena_alloc(&x->arena,
		    ((size_t)x->h.n_levels + 1) * sizeof(double));
		int *list = arena_alloc(&x->arena, (size_t)levels *
		    sizeof(int));
		double **sets = arena_alloc(&x->arena, x->runs *
		    sizeof(double *));

		for (level = 0; level <= x->h.n_levels; level++)
			factor[level] = 0;
		buf_reset(&text);
		buf_puts(&text, "weights=");
		for (level = 1; level < x->h.n_levels; level++) {
			factor[level] = u->weights;
			list[level - 1] = level;
			buf_printf(&text, "%d:%.17g,", level, u->weights);
		}
		buf_printf(&text, "sets=%zu", x->runs);
		for (i = 0; i < x->runs; i++)
			sets[i] = arena_alloc(&x->arena, x->h.n_nodes *
			    sizeof(double));
		uncertainty_noisy_weights(&x->h, x->h.weight, list,
		    (size_t)levels, factor, x->runs, &g, sets);
		in[n].kind = UNCERTAINTY_WEIGHTS;
		in[n].weights = (const double *const *)sets;
		in[n++].n_alternatives = x->runs;
		x->varied[x->varied_count++] = arena_strdup(&x->arena,
		    buf_cstr(&text));
	}
	if (n == 0) {
		buf_free(&text);
		return 0;
	}
	if (o->sensitivity) {
		struct error note;

		/* The same inputs, the same draws of the weights first, then
		 * the design of N (d + 2) runs: `wiall index sensitivity` on
		 * files with these --vary texts gives the same numbers. */
		note.message[0] = '\0';
		if (sensitivity_run(&x->h, &x->d, &x->spec, &x->result, in, n,
		    x->runs, &g, o->threads > 0 ? o->threads : 1, &x->arena,
		    &x->sensitivity, &note) == -1) {
			error_set(b->e, "%s", note.message);
			goto fail;
		}
		if (note.message[0] != '\0')
			x->sensitivity_note = arena_strdup(&x->arena,
			    note.message);
		x->has_sensitivity = true;
		buf_free(&text);
		return 0;
	}
	if (uncertainty_run(&x->h, &x->d, &x->spec, &x->result, in, n,
	    x->runs, &g, o->threads > 0 ? o->threads : 1, &x->arena,
	    &x->uncertainty, b->e) == -1)
		goto fail;
	x->has_uncertainty = true;
	buf_free(&text);
	return 0;
fail:
	buf_free(&text);
	return -1;
}

/* ---- the whole ----------------------------------------------------- */

static enum index_catalog_status
index_catalog_fail(struct index_catalog *x, enum index_catalog_status st,
    struct error *e)
{
	x->status = st;
	x->reason = arena_strdup(&x->arena, e->message);
	return st;
}

enum index_catalog_status
index_catalog_build(struct db *db, const struct index_catalog_options *o,
    struct index_catalog *x, struct error *e)
{
	struct index_catalog_builder b;
	enum index_catalog_status st = INDEX_CATALOG_ERROR;
	size_t i, used;

	memset(x, 0, sizeof(*x));
	model_catalog_init(&x->catalog);
	arena_init(&x->arena);
	memset(&b, 0, sizeof(b));
	b.db = db;
	b.x = x;
	b.e = e;
	if (store_catalog_load(db, &x->catalog, e) == -1)
		return index_catalog_fail(x, INDEX_CATALOG_ERROR, e);
	if (x->catalog.index_count == 0) {
		error_set(e, "the catalogue defines no composite index");
		return index_catalog_fail(x, INDEX_CATALOG_NONE, e);
	}
	x->index = o->code == NULL ? &x->catalog.indices[0] :
	    model_find_index(&x->catalog, o->code);
	if (x->index == NULL) {
		error_set(e, "the catalogue has no index '%s'", o->code);
		return index_catalog_fail(x, INDEX_CATALOG_NOT_FOUND, e);
	}
	x->unit_count = x->index->unit_count;
	x->units = arena_alloc(&x->arena, (x->unit_count + 1) *
	    sizeof(*x->units));
	for (i = 0; i < x->unit_count; i++)
		if ((x->units[i] = model_find_region(&x->catalog,
		    x->index->units[i])) == NULL) {
			error_set(e, "index %s: unknown region %s",
			    x->index->code, x->index->units[i]);
			return index_catalog_fail(x, INDEX_CATALOG_ERROR, e);
		}
	if (x->catalog.region_count > 0 &&
	    assess_home_region(db, &x->catalog, &x->home, e) == -1)
		x->home = NULL;
	if (x->home != NULL && index_catalog_unit(x, x->home->code) < 0)
		x->home = NULL;
	/* One cache slot per leaf is enough: at most one per indicator. */
	b.levels = arena_alloc(&x->arena, (x->index->component_count + 1) *
	    sizeof(*b.levels));
	b.structures = arena_alloc(&x->arena, (x->index->component_count + 1) *
	    sizeof(*b.structures));
	if (index_catalog_leaves_load(&b) == -1) {
		st = index_catalog_fail(x, INDEX_CATALOG_ERROR, e);
		goto done;
	}
	if (strcmp(x->index->period, "latest") == 0) {
		x->latest = true;
		x->period = index_catalog_leaves_needs_year(x) ?
		    index_catalog_leaves_latest(&b) : NULL;
	} else
		x->period = x->index->period;
	if (b.failed) {
		st = index_catalog_fail(x, INDEX_CATALOG_ERROR, e);
		goto done;
	}
	used = index_catalog_leaves_values(&b);
	if (b.failed) {
		st = index_catalog_fail(x, INDEX_CATALOG_ERROR, e);
		goto done;
	}
	/* The nodes even without figures: the page names what is missing. */
	if (index_catalog_nodes(&b) == -1) {
		st = index_catalog_fail(x, INDEX_CATALOG_ERROR, e);
		goto done;
	}
	if (used == 0) {
		error_set(e, "index %s: no component has figures%s%s",
		    x->index->code, x->period != NULL ? " for " : "",
		    x->period != NULL ? x->period : "");
		st = index_catalog_fail(x, INDEX_CATALOG_NO_DATA, e);
		goto done;
	}
	if (index_catalog_pipeline(&b) == -1) {
		st = index_catalog_fail(x, INDEX_CATALOG_ERROR, e);
		goto done;
	}
	if (composite_run(&x->h, &x->d, &x->spec, &x->result, e) == -1) {
		st = index_catalog_fail(x, INDEX_CATALOG_NOT_COMPUTABLE, e);
		goto done;
	}
	for (i = 0; i < x->leaf_count; i++) {
		struct index_catalog_leaf *leaf = &x->leaves[i];
		size_t u;

		if (leaf->node < 0)
			continue;
		for (u = 0; u < x->unit_count; u++)
			leaf->normalised[u] = x->result.normalised[
			    (size_t)leaf->node * x->result.n_kept + u];
	}
	if ((o->uncertainty || o->sensitivity) &&
	    x->index->uncertainty != NULL &&
	    index_catalog_analysis(&b, o) == -1) {
		st = index_catalog_fail(x, INDEX_CATALOG_NOT_COMPUTABLE, e);
		goto done;
	}
	x->status = st = INDEX_CATALOG_OK;
done:
	for (i = 0; i < b.structure_count; i++)
		app_structure_report_free(&b.structures[i].report);
	return st;
}

void
index_catalog_free(struct index_catalog *x)
{
	model_catalog_free(&x->catalog);
	arena_free(&x->arena);
	memset(x, 0, sizeof(*x));
}

const struct index_catalog_node *
index_catalog_top(const struct index_catalog *x)
{
	return x->node_count > 0 ? &x->nodes[x->node_count - 1] : NULL;
}

double
index_catalog_score(const struct index_catalog *x,
    const struct index_catalog_node *n, size_t u)
{
	size_t first = x->h.n_indicators;

	if (x->status != INDEX_CATALOG_OK || n->node < 0 || u >= x->unit_count)
		return NAN;
	if ((size_t)n->node < first)
		return x->result.normalised[(size_t)n->node * x->result.n_kept +
		    u];
	return x->result.aggregated[((size_t)n->node - first) *
	    x->result.n_kept + u];
}

const size_t *
index_catalog_rank_order(struct index_catalog *x)
{
	size_t n = x->unit_count, i, j;
	size_t *order = arena_alloc(&x->arena, (n + 1) * sizeof(*order));
	const double *rank = x->status == INDEX_CATALOG_OK ? x->result.rank :
	    NULL;

	for (i = 0; i < n; i++)
		order[i] = i;
	/* Insertion sort: stable, and n is a handful of regions. */
	for (i = 1; rank != NULL && i < n; i++) {
		size_t cur = order[i];
		double rc = rank[cur];

		for (j = i; j > 0; j--) {
			double rp = rank[order[j - 1]];

			if (!(isnan(rp) ? !isnan(rc) : (!isnan(rc) && rc < rp)))
				break;
			order[j] = order[j - 1];
		}
		order[j] = cur;
	}
	return order;
}

long
index_catalog_stats_row(const struct index_catalog *x, size_t u)
{
	size_t i;

	if (!x->has_uncertainty)
		return -1;
	for (i = 0; i < x->uncertainty.stats.n_units; i++)
		if (x->uncertainty.stats.unit[i] == u)
			return (long)i;
	return -1;
}
