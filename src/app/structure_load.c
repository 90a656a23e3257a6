/* The structure table: observations of one indicator from the database, or of a
 * file, → regions × periods × sectors with the published totals beside them.
 *
 * Reading happens in two steps. First every observation becomes a raw record
 * whose region, period and sector are interned names; then the sectors to
 * compare are chosen (in the database: one level of the classification, so
 * that they cover everything once; in a file: every sector it names but the
 * excluded ones), the periods are sorted, and the records fill the table. A
 * figure given twice in a file is a problem with its place; a missing figure
 * is kept as missing, never 0. */
#include "app/structure_internal.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/csv.h"
#include "util/buf.h"
#include "store/catalog.h"
#include "store/observations.h"
#include "util/xalloc.h"

#define RAW_TOTAL	((size_t)-2)	/* a raw record's "sector": the total */

/* ---- interned names ------------------------------------------------------- */

static uint64_t
app_structure_names_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

size_t
app_structure_names_find(const struct app_structure_names *n, const char *s)
{
	size_t i;

	if (n->slot_cap == 0)
		return APP_STRUCTURE_NOT_FOUND;
	i = (size_t)(app_structure_names_hash(s) & (n->slot_cap - 1));
	while (n->slot[i] != 0) {
		if (strcmp(n->name[n->slot[i] - 1], s) == 0)
			return n->slot[i] - 1;
		i = (i + 1) & (n->slot_cap - 1);
	}
	return APP_STRUCTURE_NOT_FOUND;
}

static void
app_structure_names_rehash(struct app_structure_names *n)
{
	size_t k, i;

	free(n->slot);
	n->slot_cap = n->slot_cap == 0 ? 64 : n->slot_cap * 2;
	n->slot = xcalloc(n->slot_cap, sizeof(*n->slot));
	for (k = 0; k < n->count; k++) {
		i = (size_t)(app_structure_names_hash(n->name[k]) &
		    (n->slot_cap - 1));
		while (n->slot[i] != 0)
			i = (i + 1) & (n->slot_cap - 1);
		n->slot[i] = k + 1;
	}
}

size_t
app_structure_names_add(struct app_structure_names *n, const char *s)
{
	size_t k = app_structure_names_find(n, s), i;

	if (k != APP_STRUCTURE_NOT_FOUND)
		return k;
	if (2 * (n->count + 1) > n->slot_cap)
		app_structure_names_rehash(n);
	n->name = xgrow(n->name, &n->cap, n->count + 1, sizeof(*n->name));
	n->name[n->count] = xstrdup(s);
	i = (size_t)(app_structure_names_hash(s) & (n->slot_cap - 1));
	while (n->slot[i] != 0)
		i = (i + 1) & (n->slot_cap - 1);
	n->slot[i] = n->count + 1;
	return n->count++;
}

void
app_structure_names_free(struct app_structure_names *n)
{
	size_t k;

	for (k = 0; k < n->count; k++)
		free(n->name[k]);
	free(n->name);
	free(n->slot);
	memset(n, 0, sizeof(*n));
}

/* ---- raw records ---------------------------------------------------------- */

struct app_structure_record {
	size_t	region, period, sector;	/* sector: RAW_TOTAL for the total */
	double	value;
	bool	has_value;
	bool	total_by_sector;	/* the classification's total sector */
	long	line, column;
};

struct app_structure_raw {
	struct app_structure_names	 regions, sectors, periods;
	struct period			*period_values;
	size_t				 period_cap;
	struct app_structure_record	*rec;
	size_t				 count, cap;
	char				*dimension;
	const char			*file;		/* NULL: the database */
	size_t				 other_dims;	/* rows of other breakdowns */
	char				*other_example;
	size_t				 excluded;
	bool				*exclusion_used;
};

static void
app_structure_raw_free(struct app_structure_raw *raw)
{
	app_structure_names_free(&raw->regions);
	app_structure_names_free(&raw->sectors);
	app_structure_names_free(&raw->periods);
	free(raw->period_values);
	free(raw->rec);
	free(raw->dimension);
	free(raw->other_example);
	free(raw->exclusion_used);
}

static void
app_structure_raw_add(struct app_structure_raw *raw, const char *region,
    const char *period, const struct period *pv, const char *sector,
    bool has_value, double value, long line, long column)
{
	struct app_structure_record *r;
	size_t p;

	raw->rec = xgrow(raw->rec, &raw->cap, raw->count + 1, sizeof(*raw->rec));
	r = &raw->rec[raw->count++];
	r->region = app_structure_names_add(&raw->regions, region);
	p = app_structure_names_add(&raw->periods, period);
	if (p == raw->periods.count - 1) {
		raw->period_values = xgrow(raw->period_values, &raw->period_cap,
		    raw->periods.count, sizeof(*raw->period_values));
		raw->period_values[p] = *pv;
	}
	r->period = p;
	r->sector = sector != NULL ? app_structure_names_add(&raw->sectors,
	    sector) : RAW_TOTAL;
	r->has_value = has_value;
	r->value = value;
	r->total_by_sector = false;
	r->line = line;
	r->column = column;
}

/* Splits canonical dims "k=v;k=v" for one breakdown: 0 with *value NULL for
 * none (the total), 0 with the value when the one key is `key` (or key is NULL:
 * *key_out says which), -1 when the dims hold another or a second key. */
static int
app_structure_dims(const char *dims, const char *key, const char **value,
    size_t *key_len)
{
	const char *eq;

	*value = NULL;
	*key_len = 0;
	if (dims[0] == '\0')
		return 0;
	if (strchr(dims, ';') != NULL || (eq = strchr(dims, '=')) == NULL)
		return -1;
	*key_len = (size_t)(eq - dims);
	if (key != NULL && (strlen(key) != *key_len ||
	    memcmp(key, dims, *key_len) != 0))
		return -1;
	*value = eq + 1;
	return 0;
}

static bool
app_structure_excluded(const char *const *list, size_t n, const char *s,
    bool *used)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0) {
			if (used != NULL)
				used[i] = true;
			return true;
		}
	return false;
}

void
app_structure_table_note(struct app_structure_table *t, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	t->notes = xgrow(t->notes, &t->note_cap, t->note_count + 1,
	    sizeof(*t->notes));
	t->notes[t->note_count++] = buf_detach(&b);
}

/* ---- from a file ---------------------------------------------------------- */

static int
app_structure_read_file(const struct app_structure_options *opt,
    struct app_structure_raw *raw, struct app_structure_table *t,
    struct diag_list *diags, struct error *e)
{
	struct obsfile_options ro;
	struct obsfile_reader *rd = NULL;
	struct obsfile_record *rec;
	char *first_indicator = NULL;
	bool indicators_reported = false;
	size_t filtered = 0, before = diags->total, key_len;
	const char *sector;
	int rc, status = -1;

	if (opt->reader != NULL)
		ro = *opt->reader;	/* a shallow copy: never freed here */
	else
		obsfile_options_init(&ro);
	ro.default_indicator = xstrdup(opt->indicator != NULL ?
	    opt->indicator : "");
	raw->file = opt->input;
	if (opt->by != NULL)
		raw->dimension = xstrdup(opt->by);
	if (obsfile_open(opt->input, &ro, &rd, diags, e) == -1) {
		if (diags->total == before)
			error_set(e, "%s: cannot be read", opt->input);
		goto done;
	}
	while ((rc = obsfile_next(rd, &rec, diags)) == 1) {
		if (opt->indicator != NULL) {
			if (strcmp(rec->indicator, opt->indicator) != 0) {
				filtered++;
				continue;
			}
		} else if (first_indicator == NULL)
			first_indicator = xstrdup(rec->indicator);
		else if (strcmp(first_indicator, rec->indicator) != 0 &&
		    !indicators_reported) {
			diag_add(diags, opt->input, rec->at_indicator.line,
			    rec->at_indicator.column, "the file holds more than "
			    "one indicator ('%s', '%s'): say --indicator CODE",
			    first_indicator, rec->indicator);
			indicators_reported = true;
			continue;
		}
		if (app_structure_excluded(opt->exclude_regions,
		    opt->exclude_region_count, rec->region, NULL)) {
			raw->excluded++;
			continue;
		}
		if (app_structure_dims(rec->dims, raw->dimension, &sector,
		    &key_len) == -1) {
			if (raw->dimension != NULL)
				diag_add(diags, opt->input, rec->at_dims.line,
				    rec->at_dims.column, "'%s': the sectors are in "
				    "dimension '%s', and a row may have no other "
				    "(select the rows first)", rec->dims,
				    raw->dimension);
			else
				diag_add(diags, opt->input, rec->at_dims.line,
				    rec->at_dims.column, "'%s': a structure is "
				    "read from one dimension, and this row has two "
				    "(say --by KEY)", rec->dims);
			continue;
		}
		if (sector != NULL && raw->dimension == NULL)
			raw->dimension = xstrndup(rec->dims, key_len);
		if (sector != NULL && app_structure_excluded(opt->exclude_sectors,
		    opt->exclude_sector_count, sector, raw->exclusion_used)) {
			raw->excluded++;
			continue;
		}
		app_structure_raw_add(raw, rec->region, rec->period,
		    &rec->period_value, sector, rec->has_value, rec->value,
		    rec->at_value.line, rec->at_value.column);
	}
	if (rc == -1 && diags->total == before)
		diag_add(diags, opt->input, 0, 0, "reading stopped");
	if (diags->total > before) {
		error_set(e, "%s: %zu problem%s", opt->input,
		    diags->total - before, diags->total - before == 1 ? "" : "s");
		goto done;
	}
	if (first_indicator != NULL && first_indicator[0] != '\0')
		t->indicator = xstrdup(first_indicator);
	else if (opt->indicator != NULL && opt->indicator[0] != '\0')
		t->indicator = xstrdup(opt->indicator);
	if (raw->count == 0) {
		error_set(e, "%s: no observations%s", opt->input, filtered > 0 ?
		    " of that indicator" : "");
		goto done;
	}
	status = 0;
done:
	obsfile_close(rd);
	free(ro.default_indicator);
	free(first_indicator);
	return status;
}

/* ---- from the database ---------------------------------------------------- */

struct app_structure_query {
	struct app_structure_raw	*raw;
	const struct app_structure_options *opt;
	const char			*by;
	struct error			*e;
};

static int
app_structure_query_row(const struct observation_row *row, void *arg)
{
	struct app_structure_query *q = arg;
	struct period pv;
	const char *sector;
	size_t key_len;

	if (app_structure_dims(row->dims, q->by, &sector, &key_len) == -1) {
		if (q->raw->other_dims++ == 0)
			q->raw->other_example = xstrdup(row->dims);
		return 0;
	}
	if (period_parse(row->period, strlen(row->period), &pv) == -1) {
		error_set(q->e, "the database holds a bad period '%s'",
		    row->period);
		return 1;
	}
	if (app_structure_excluded(q->opt->exclude_regions,
	    q->opt->exclude_region_count, row->region, NULL)) {
		q->raw->excluded++;
		return 0;
	}
	if (sector != NULL && app_structure_excluded(q->opt->exclude_sectors,
	    q->opt->exclude_sector_count, sector, q->raw->exclusion_used)) {
		q->raw->excluded++;
		return 0;
	}
	app_structure_raw_add(q->raw, row->region, row->period, &pv, sector,
	    row->has_value, row->value, 0, 0);
	return 0;
}

static int
app_structure_read_database(struct db *db,
    const struct app_structure_options *opt, struct app_structure_raw *raw,
    struct app_structure_table *t, const struct indicator **ind_out,
    struct error *e)
{
	struct observations_query q = { 0 };
	struct app_structure_query arg;
	const struct indicator *ind;
	const char **excluded = NULL;
	struct app_structure_options resolved;
	size_t i;
	int rc, status = -1;

	if (db == NULL)
		return error_set(e, "the database mode needs a database");
	if (opt->indicator == NULL)
		return error_set(e, "which indicator? (--indicator CODE)");
	model_catalog_init(&t->catalog);
	t->has_catalog = true;
	if (store_catalog_load(db, &t->catalog, e) == -1)
		return -1;
	if ((ind = model_find_indicator(&t->catalog, opt->indicator)) == NULL)
		return error_set(e, "unknown indicator '%s'", opt->indicator);
	*ind_out = ind;
	t->indicator = xstrdup(ind->code);
	raw->dimension = xstrdup(opt->by != NULL ? opt->by : "sector");

	/* Regions to leave out may be given by an alias: the store speaks codes. */
	resolved = *opt;
	if (opt->exclude_region_count > 0) {
		excluded = xcalloc(opt->exclude_region_count, sizeof(*excluded));
		for (i = 0; i < opt->exclude_region_count; i++) {
			const struct region *r = model_find_region_any(&t->catalog,
			    opt->exclude_regions[i]);
			excluded[i] = r != NULL ? r->code : opt->exclude_regions[i];
		}
		resolved.exclude_regions = excluded;
	}
	arg.raw = raw;
	arg.opt = &resolved;
	arg.by = raw->dimension;
	arg.e = e;
	q.indicator = ind->code;
	rc = observations_query(db, &q, app_structure_query_row, &arg, e);
	if (rc != 0)
		goto done;
	if (raw->other_dims > 0)
		app_structure_table_note(t, "%zu observation%s of other breakdowns "
		    "(such as '%s') %s not used: the sectors are in dimension "
		    "'%s'.", raw->other_dims, raw->other_dims == 1 ? "" : "s",
		    raw->other_example, raw->other_dims == 1 ? "was" : "were",
		    raw->dimension);
	if (raw->count == 0) {
		error_set(e, "indicator '%s' has no observations%s", ind->code,
		    raw->excluded > 0 ? " left after the exclusions" : "");
		goto done;
	}
	status = 0;
done:
	free(excluded);
	return status;
}

/* ---- which sectors -------------------------------------------------------- */

struct app_structure_tree {
	const struct classification *cl;
	size_t		*parent;	/* index, or APP_STRUCTURE_NOT_FOUND */
	size_t		*children;
	bool		*has_data;
	size_t		 total;		/* the single all-sector root, or NOT_FOUND */
	int		 level;		/* the level compared */
	size_t		*cut;		/* sector indices compared, in order */
	size_t		 cut_count;
	struct app_structure_table *t;
};

static size_t
app_structure_tree_find(const struct classification *cl, const char *code)
{
	size_t i;

	if (code == NULL)
		return APP_STRUCTURE_NOT_FOUND;
	for (i = 0; i < cl->sector_count; i++)
		if (cl->sectors[i].code != NULL &&
		    strcmp(cl->sectors[i].code, code) == 0)
			return i;
	return APP_STRUCTURE_NOT_FOUND;
}

/* Takes sector s whole when it is at the level compared, or when it cannot be
 * split: no sub-sectors, or only one (C alone does not make up B_E). */
static void
app_structure_tree_visit(struct app_structure_tree *tr, size_t s, int depth)
{
	const struct sector *sec = &tr->cl->sectors[s];
	size_t c, only = APP_STRUCTURE_NOT_FOUND;

	if (sec->level >= tr->level || tr->children[s] < 2 || depth > 64) {
		tr->cut[tr->cut_count++] = s;
		if (sec->level < tr->level && tr->children[s] == 1) {
			for (c = 0; c < tr->cl->sector_count; c++)
				if (tr->parent[c] == s)
					only = c;
			app_structure_table_note(tr->t, "%s is compared whole: "
			    "its only sub-sector listed, %s, does not make it "
			    "up.", sec->code, tr->cl->sectors[only].code);
		}
		return;
	}
	for (c = 0; c < tr->cl->sector_count; c++)
		if (tr->parent[c] == s)
			app_structure_tree_visit(tr, c, depth + 1);
}

/* The sectors compared at tr->level, in the classification's order. */
static void
app_structure_tree_cut(struct app_structure_tree *tr)
{
	const struct classification *cl = tr->cl;
	size_t i;

	tr->cut_count = 0;
	if (tr->total != APP_STRUCTURE_NOT_FOUND &&
	    tr->level > cl->sectors[tr->total].level) {
		for (i = 0; i < cl->sector_count; i++)
			if (tr->parent[i] == tr->total)
				app_structure_tree_visit(tr, i, 0);
	} else
		for (i = 0; i < cl->sector_count; i++)
			if (tr->parent[i] == APP_STRUCTURE_NOT_FOUND)
				app_structure_tree_visit(tr, i, 0);
}

static bool
app_structure_tree_ancestor(const struct app_structure_tree *tr, size_t a,
    size_t s)
{
	int depth;

	for (depth = 0; s != APP_STRUCTURE_NOT_FOUND && depth < 64; depth++) {
		s = tr->parent[s];
		if (s == a)
			return true;
	}
	return false;
}

/* Chooses the sectors of one level of the classification and maps the raw
 * sectors onto them: sector_map[raw] is the table's index, RAW_TOTAL for the
 * all-sector total, or NOT_FOUND for a sector left out (with a note why). */
static int
app_structure_choose_classified(const struct app_structure_options *opt,
    const struct classification *cl, struct app_structure_raw *raw,
    struct app_structure_table *t, size_t *sector_map, struct error *e)
{
	struct app_structure_tree tr = { 0 };
	struct buf parts = BUF_INIT, other = BUF_INIT, none = BUF_INIT;
	size_t i, k, roots = 0, root = APP_STRUCTURE_NOT_FOUND, used = 0;
	int max_level = 1, status = -1;

	tr.cl = cl;
	tr.t = t;
	tr.parent = xcalloc(cl->sector_count + 1, sizeof(*tr.parent));
	tr.children = xcalloc(cl->sector_count + 1, sizeof(*tr.children));
	tr.has_data = xcalloc(cl->sector_count + 1, sizeof(*tr.has_data));
	tr.cut = xcalloc(cl->sector_count + 1, sizeof(*tr.cut));
	for (i = 0; i < cl->sector_count; i++) {
		tr.parent[i] = app_structure_tree_find(cl, cl->sectors[i].parent);
		if (tr.parent[i] == APP_STRUCTURE_NOT_FOUND) {
			roots++;
			root = i;
		} else
			tr.children[tr.parent[i]]++;
		if (cl->sectors[i].level > max_level)
			max_level = cl->sectors[i].level;
	}
	tr.total = roots == 1 && tr.children[root] > 0 ? root :
	    APP_STRUCTURE_NOT_FOUND;
	for (k = 0; k < raw->sectors.count; k++) {
		i = app_structure_tree_find(cl, raw->sectors.name[k]);
		if (i != APP_STRUCTURE_NOT_FOUND)
			tr.has_data[i] = true;
	}
	tr.level = opt->level > 0 ? opt->level : tr.total !=
	    APP_STRUCTURE_NOT_FOUND ? cl->sectors[tr.total].level + 1 : 1;
	if (tr.level < 1 || tr.level > max_level) {
		error_set(e, "--level %d: the levels of %s are 1 to %d", opt->level,
		    cl->code, max_level);
		goto done;
	}
	/* Without --level, the coarsest level (from the default down) at which
	 * the data have figures. */
	for (;;) {
		size_t notes = t->note_count;
		app_structure_tree_cut(&tr);
		for (k = 0; k < tr.cut_count; k++)
			if (tr.has_data[tr.cut[k]])
				break;
		if (k < tr.cut_count || opt->level > 0 || tr.level >= max_level)
			break;
		while (t->note_count > notes)	/* the notes of that level */
			free(t->notes[--t->note_count]);
		tr.level++;
	}
	if (opt->level == 0 && tr.level > (tr.total != APP_STRUCTURE_NOT_FOUND ?
	    cl->sectors[tr.total].level + 1 : 1))
		app_structure_table_note(t, "Compared at level %d of %s, the "
		    "coarsest with figures.", tr.level, cl->code);

	/* The compared sectors with data, in the classification's order. */
	for (k = 0; k < tr.cut_count; k++) {
		const char *code = cl->sectors[tr.cut[k]].code;
		if (!tr.has_data[tr.cut[k]]) {
			buf_printf(&none, "%s%s", none.len > 0 ? ", " : "", code);
			continue;
		}
		app_structure_names_add(&t->sectors, code);
		used++;
	}
	if (used == 0) {
		error_set(e, "no figures for the sectors of level %d of %s; the "
		    "data are at another level (try --level)", tr.level, cl->code);
		goto done;
	}
	if (none.len > 0)
		app_structure_table_note(t, "No figures for %s: left out.",
		    buf_cstr(&none));
	for (k = 0; k < raw->sectors.count; k++) {
		const char *code = raw->sectors.name[k];
		size_t c = app_structure_names_find(&t->sectors, code), a;
		sector_map[k] = c;
		if (c != APP_STRUCTURE_NOT_FOUND)
			continue;
		i = app_structure_tree_find(cl, code);
		if (i != APP_STRUCTURE_NOT_FOUND && i == tr.total) {
			sector_map[k] = RAW_TOTAL;
			continue;
		}
		for (a = 0; i != APP_STRUCTURE_NOT_FOUND && a < tr.cut_count; a++)
			if (app_structure_tree_ancestor(&tr, tr.cut[a], i))
				break;
		if (i != APP_STRUCTURE_NOT_FOUND && a < tr.cut_count)
			buf_printf(&parts, "%s%s (part of %s)", parts.len > 0 ?
			    ", " : "", code, cl->sectors[tr.cut[a]].code);
		else
			buf_printf(&other, "%s%s", other.len > 0 ? ", " : "", code);
	}
	if (parts.len > 0)
		app_structure_table_note(t, "Left out so that nothing is counted "
		    "twice: %s.", buf_cstr(&parts));
	if (other.len > 0)
		app_structure_table_note(t, "Left out, being made up of the "
		    "sectors compared or outside level %d of %s: %s.", tr.level,
		    cl->code, buf_cstr(&other));

	/* Variety groups the sectors by their parents below the total. */
	if (opt->groups == NULL) {
		bool real = false;
		for (k = 0; k < t->sectors.count; k++) {
			i = app_structure_tree_find(cl, t->sectors.name[k]);
			if (tr.parent[i] != APP_STRUCTURE_NOT_FOUND &&
			    tr.parent[i] != tr.total)
				real = true;
		}
		if (real) {
			t->sector_group = xcalloc(t->sectors.count,
			    sizeof(*t->sector_group));
			for (k = 0; k < t->sectors.count; k++) {
				size_t p;
				i = app_structure_tree_find(cl, t->sectors.name[k]);
				p = tr.parent[i] != APP_STRUCTURE_NOT_FOUND &&
				    tr.parent[i] != tr.total ? tr.parent[i] : i;
				t->sector_group[k] = app_structure_names_add(
				    &t->groups, cl->sectors[p].code);
			}
			t->groups_source = xasprintf("the parents of the sectors "
			    "in %s", cl->code);
		} else
			app_structure_table_note(t, "Related and unrelated variety "
			    "need a coarser level of %s between these sectors and "
			    "the total, and it has none here: give --groups FILE%s.",
			    cl->code, tr.level < max_level ? " or a finer --level" :
			    "");
	}
	t->classification = xstrdup(cl->code);
	status = 0;
done:
	buf_free(&parts);
	buf_free(&other);
	buf_free(&none);
	free(tr.parent);
	free(tr.children);
	free(tr.has_data);
	free(tr.cut);
	return status;
}

/* Without a classification: every sector named, in the order met. */
static void
app_structure_choose_named(struct app_structure_raw *raw,
    struct app_structure_table *t, size_t *sector_map)
{
	size_t k;

	for (k = 0; k < raw->sectors.count; k++)
		sector_map[k] = app_structure_names_add(&t->sectors,
		    raw->sectors.name[k]);
}

/* ---- groups file ---------------------------------------------------------- */

static int
app_structure_read_groups(const char *path, struct app_structure_table *t,
    struct diag_list *diags, struct error *e)
{
	struct csv_options co = { 0 };
	struct csv_reader *csv = NULL;
	struct csv_record *rec;
	enum csv_status rc;
	size_t before = diags->total, k, s, g;
	long *line;
	int status = -1;

	t->sector_group = xcalloc(t->sectors.count + 1, sizeof(*t->sector_group));
	line = xcalloc(t->sectors.count + 1, sizeof(*line));
	if (csv_open_file(path, &co, &csv, e) == -1) {
		diag_add(diags, path, 0, 0, "cannot open: %s", e->message);
		goto done;
	}
	while ((rc = csv_next(csv, &rec, e)) != CSV_END) {
		if (rc == CSV_ERROR) {
			long l, c;
			const char *msg = csv_error_at(csv, &l, &c);
			diag_add(diags, path, l, c, "%s", msg);
			if (csv_failed(csv))
				break;
			continue;
		}
		if (rec->count != 2) {
			diag_add(diags, path, rec->line, 1, "%zu fields: a line is "
			    "'sector,group'", rec->count);
			continue;
		}
		if (rec->number == 1 &&
		    strcasecmp(rec->fields[0].data, "sector") == 0 &&
		    strcasecmp(rec->fields[1].data, "group") == 0)
			continue;	/* the header */
		if (rec->fields[0].len == 0 || rec->fields[1].len == 0) {
			diag_add(diags, path, rec->line, rec->fields[0].len == 0 ?
			    rec->fields[0].column : rec->fields[1].column,
			    "an empty sector or group");
			continue;
		}
		s = app_structure_names_find(&t->sectors, rec->fields[0].data);
		if (s == APP_STRUCTURE_NOT_FOUND)
			continue;	/* a mapping may cover more sectors */
		g = app_structure_names_add(&t->groups, rec->fields[1].data);
		if (line[s] != 0 && t->sector_group[s] != g) {
			diag_add(diags, path, rec->line, rec->fields[1].column,
			    "sector '%s' is put into a second group (line %ld "
			    "says '%s')", rec->fields[0].data, line[s],
			    t->groups.name[t->sector_group[s]]);
			continue;
		}
		t->sector_group[s] = g;
		line[s] = rec->line;
	}
	for (k = 0; k < t->sectors.count; k++)
		if (line[k] == 0)
			diag_add(diags, path, 0, 0, "sector '%s' has no group",
			    t->sectors.name[k]);
	if (diags->total > before) {
		error_set(e, "%s: %zu problem%s", path, diags->total - before,
		    diags->total - before == 1 ? "" : "s");
		goto done;
	}
	t->groups_source = xstrdup(path);
	status = 0;
done:
	csv_close(csv);
	free(line);
	return status;
}

/* ---- the table ------------------------------------------------------------ */

struct app_structure_period_order {
	struct period	value;
	size_t		raw;
};

static int
app_structure_period_cmp(const void *a, const void *b)
{
	const struct app_structure_period_order *x = a, *y = b;

	return period_compare(&x->value, &y->value);
}

/* Regions of the database in the catalogue's order, each with its name and
 * whether it contains another region of the table (DEA3 holds DEA31). */
static void
app_structure_regions_database(struct app_structure_raw *raw,
    struct app_structure_table *t, size_t *region_map)
{
	const struct catalog *c = &t->catalog;
	size_t i, k, r2;

	for (i = 0; i < c->region_count; i++)
		if (app_structure_names_find(&raw->regions, c->regions[i].code) !=
		    APP_STRUCTURE_NOT_FOUND)
			app_structure_names_add(&t->regions, c->regions[i].code);
	for (k = 0; k < raw->regions.count; k++)	/* not in the catalogue */
		app_structure_names_add(&t->regions, raw->regions.name[k]);
	for (k = 0; k < raw->regions.count; k++)
		region_map[k] = app_structure_names_find(&t->regions,
		    raw->regions.name[k]);
	t->region_names = xcalloc(t->regions.count, sizeof(*t->region_names));
	t->region_contains = xcalloc(t->regions.count,
	    sizeof(*t->region_contains));
	for (k = 0; k < t->regions.count; k++) {
		const struct region *r = model_find_region(c, t->regions.name[k]);
		if (r != NULL)
			t->region_names[k] = r->name_en != NULL ? r->name_en :
			    r->name_de;
	}
	for (r2 = 0; r2 < t->regions.count; r2++) {
		const struct region *r = model_find_region(c, t->regions.name[r2]);
		int depth;
		for (depth = 0; r != NULL && r->parent != NULL && depth < 32;
		    depth++) {
			k = app_structure_names_find(&t->regions, r->parent);
			if (k != APP_STRUCTURE_NOT_FOUND)
				t->region_contains[k] = true;
			r = model_find_region(c, r->parent);
		}
	}
}

static int
app_structure_fill(struct app_structure_raw *raw, struct app_structure_table *t,
    const size_t *sector_map, const size_t *region_map,
    struct diag_list *diags, struct error *e)
{
	struct app_structure_period_order *order;
	size_t *period_map, cells, k, before = diags->total;
	unsigned char *total_from;	/* 0 none, 1 total sector, 2 no dims */
	long *line = NULL, *total_line = NULL;
	bool *seen;
	int status = -1;

	order = xcalloc(raw->periods.count, sizeof(*order));
	period_map = xcalloc(raw->periods.count, sizeof(*period_map));
	for (k = 0; k < raw->periods.count; k++) {
		order[k].value = raw->period_values[k];
		order[k].raw = k;
	}
	qsort(order, raw->periods.count, sizeof(*order),
	    app_structure_period_cmp);
	t->period_values = xcalloc(raw->periods.count, sizeof(*t->period_values));
	for (k = 0; k < raw->periods.count; k++) {
		period_map[order[k].raw] = app_structure_names_add(&t->periods,
		    raw->periods.name[order[k].raw]);
		t->period_values[k] = order[k].value;
	}
	for (k = 1; k < t->periods.count; k++)
		if (t->period_values[k].kind != t->period_values[0].kind) {
			error_set(e, "the input mixes periods of different kinds "
			    "('%s', '%s'): a structure compares like with like",
			    t->periods.name[0], t->periods.name[k]);
			goto done;
		}

	cells = t->regions.count * t->periods.count * t->sectors.count;
	t->value = xcalloc(cells + 1, sizeof(*t->value));
	t->missing = xcalloc(cells + 1, sizeof(*t->missing));
	seen = xcalloc(cells + 1, sizeof(*seen));
	for (k = 0; k < cells; k++)
		t->missing[k] = true;
	t->total = xcalloc(t->regions.count * t->periods.count + 1,
	    sizeof(*t->total));
	t->has_total = xcalloc(t->regions.count * t->periods.count + 1,
	    sizeof(*t->has_total));
	total_from = xcalloc(t->regions.count * t->periods.count + 1, 1);
	if (raw->file != NULL) {
		line = xcalloc(cells + 1, sizeof(*line));
		total_line = xcalloc(t->regions.count * t->periods.count + 1,
		    sizeof(*total_line));
	}
	for (k = 0; k < raw->count; k++) {
		const struct app_structure_record *r = &raw->rec[k];
		size_t reg = region_map[r->region], per = period_map[r->period];
		size_t sec = r->sector == RAW_TOTAL ? RAW_TOTAL :
		    sector_map[r->sector], cell, tc;
		if (reg == APP_STRUCTURE_NOT_FOUND || sec == APP_STRUCTURE_NOT_FOUND)
			continue;
		if (sec == RAW_TOTAL) {
			unsigned char from = r->sector == RAW_TOTAL ? 2 : 1;
			tc = reg * t->periods.count + per;
			if (total_from[tc] != 0 && line != NULL) {
				diag_add(diags, raw->file, r->line, r->column,
				    "a second total for %s, %s (the first is on "
				    "line %ld)", raw->regions.name[r->region],
				    raw->periods.name[r->period], total_line[tc]);
				continue;
			}
			if (total_from[tc] > from)
				continue;	/* the series without dims wins */
			total_from[tc] = from;
			t->has_total[tc] = r->has_value;
			t->total[tc] = r->has_value ? r->value : 0;
			if (total_line != NULL)
				total_line[tc] = r->line;
			continue;
		}
		cell = app_structure_cell(t, reg, per, sec);
		if (seen[cell]) {
			if (line != NULL)
				diag_add(diags, raw->file, r->line, r->column,
				    "a second figure for %s, %s, %s %s (the first "
				    "is on line %ld)", raw->regions.name[r->region],
				    raw->periods.name[r->period], raw->dimension,
				    raw->sectors.name[r->sector], line[cell]);
			continue;
		}
		seen[cell] = true;
		t->missing[cell] = !r->has_value;
		t->value[cell] = r->has_value ? r->value : 0;
		if (line != NULL)
			line[cell] = r->line;
	}
	free(seen);
	free(total_from);
	free(line);
	free(total_line);
	if (diags->total > before) {
		error_set(e, "%s: %zu problem%s", raw->file, diags->total - before,
		    diags->total - before == 1 ? "" : "s");
		goto done;
	}
	status = 0;
done:
	free(order);
	free(period_map);
	return status;
}

int
app_structure_load(struct db *db, const struct app_structure_options *opt,
    struct app_structure_table *t, struct diag_list *diags, struct error *e)
{
	struct app_structure_raw raw;
	const struct indicator *ind = NULL;
	const struct classification *cl = NULL;
	size_t *sector_map = NULL, *region_map = NULL, k;
	int status = -1;

	memset(&raw, 0, sizeof(raw));
	raw.exclusion_used = xcalloc(opt->exclude_sector_count + 1,
	    sizeof(*raw.exclusion_used));
	if (opt->source == APP_STRUCTURE_DATABASE) {
		if (app_structure_read_database(db, opt, &raw, t, &ind, e) == -1)
			goto done;
	} else if (opt->input == NULL) {
		error_set(e, "which file? (--input FILE)");
		goto done;
	} else if (app_structure_read_file(opt, &raw, t, diags, e) == -1)
		goto done;
	if (raw.sectors.count == 0) {
		error_set(e, "%s has no figures by %s, only totals",
		    raw.file != NULL ? raw.file : t->indicator,
		    raw.dimension != NULL ? raw.dimension : "sector");
		goto done;
	}
	t->dimension = xstrdup(raw.dimension);
	for (k = 0; k < opt->exclude_sector_count; k++)
		if (!raw.exclusion_used[k])
			app_structure_table_note(t, "--exclude-sector %s: the input "
			    "has no such sector.", opt->exclude_sectors[k]);

	sector_map = xcalloc(raw.sectors.count, sizeof(*sector_map));
	if (ind != NULL && ind->classification != NULL &&
	    strcmp(raw.dimension, "sector") == 0)
		cl = model_find_classification(&t->catalog, ind->classification);
	if (cl != NULL) {
		if (app_structure_choose_classified(opt, cl, &raw, t, sector_map,
		    e) == -1)
			goto done;
	} else {
		if (opt->level > 0) {
			error_set(e, "--level needs the database and an indicator "
			    "with a sector classification");
			goto done;
		}
		app_structure_choose_named(&raw, t, sector_map);
	}
	if (ind != NULL)
		t->reference_default = ind->reference_region;

	region_map = xcalloc(raw.regions.count, sizeof(*region_map));
	if (t->has_catalog)
		app_structure_regions_database(&raw, t, region_map);
	else {
		for (k = 0; k < raw.regions.count; k++)
			region_map[k] = app_structure_names_add(&t->regions,
			    raw.regions.name[k]);
		t->region_names = xcalloc(t->regions.count + 1,
		    sizeof(*t->region_names));
		t->region_contains = xcalloc(t->regions.count + 1,
		    sizeof(*t->region_contains));
	}
	if (app_structure_fill(&raw, t, sector_map, region_map, diags, e) == -1)
		goto done;
	if (opt->groups != NULL && app_structure_read_groups(opt->groups, t,
	    diags, e) == -1)
		goto done;
	status = 0;
done:
	free(sector_map);
	free(region_map);
	app_structure_raw_free(&raw);
	return status;
}

void
app_structure_table_free(struct app_structure_table *t)
{
	size_t k;

	app_structure_names_free(&t->regions);
	app_structure_names_free(&t->sectors);
	app_structure_names_free(&t->periods);
	app_structure_names_free(&t->groups);
	free(t->region_names);
	free(t->region_contains);
	free(t->period_values);
	free(t->value);
	free(t->missing);
	free(t->total);
	free(t->has_total);
	free(t->sector_group);
	free(t->groups_source);
	free(t->indicator);
	free(t->classification);
	free(t->dimension);
	if (t->has_catalog)
		model_catalog_free(&t->catalog);
	for (k = 0; k < t->note_count; k++)
		free(t->notes[k]);
	free(t->notes);
	memset(t, 0, sizeof(*t));
}
