/* The structure table: observations of one indicator from the database, or of a
 * file, → regions × periods × sectors with the published totals beside them.
 *
 * Reading happens in two steps. First every observation becomes a raw record
 * whose region, period and sector are interned names (structure_names.c); then
 * the sectors to compare are chosen (structure_sectors.c: in the database one
 * level of the classification, so that they cover everything once; in a file
 * every sector it names but the excluded ones), the periods are sorted, and the
 * records fill the table. A figure given twice in a file is a problem with its
 * place; a missing figure is kept as missing, never 0. */
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
#include "util/format.h"
#include "util/xalloc.h"

/* ---- raw records ---------------------------------------------------------- */

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
	    sector) : APP_STRUCTURE_RAW_TOTAL;
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
app_structure_table_note_add(struct app_structure_table *t, const char *en,
    const char *de)
{
	t->notes = xgrow(t->notes, &t->note_cap, t->note_count + 1,
	    sizeof(*t->notes));
	t->notes[t->note_count].en = xstrdup(en);
	t->notes[t->note_count].de = xstrdup(de);
	t->note_count++;
}

void
app_structure_table_note(struct app_structure_table *t, const char *en,
    const char *de, ...)
{
	struct buf b_en = BUF_INIT, b_de = BUF_INIT;
	va_list ap, aq;

	va_start(ap, de);
	va_copy(aq, ap);
	buf_vprintf(&b_en, en, ap);
	buf_vprintf(&b_de, de, aq);
	va_end(aq);
	va_end(ap);
	app_structure_table_note_add(t, buf_cstr(&b_en), buf_cstr(&b_de));
	buf_free(&b_en);
	buf_free(&b_de);
}

void
app_structure_table_note_drop(struct app_structure_table *t, size_t count)
{
	while (t->note_count > count) {
		t->note_count--;
		free(t->notes[t->note_count].en);
		free(t->notes[t->note_count].de);
	}
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
	if (raw->other_dims > 0) {
		struct buf en = BUF_INIT, de = BUF_INIT;
		bool one = raw->other_dims == 1;
		buf_printf(&en, "%zu observation%s of other breakdowns (such as "
		    "'%s') %s not used: the sectors are in dimension '%s'.",
		    raw->other_dims, one ? "" : "s", raw->other_example,
		    one ? "was" : "were", raw->dimension);
		format_number(&de, (double)raw->other_dims, 0, "de");
		buf_printf(&de, " %s (etwa „%s“) %s nicht verwendet: Die Bereiche "
		    "stehen in der Dimension „%s“.", one ? "Beobachtung einer "
		    "anderen Aufgliederung" : "Beobachtungen anderer "
		    "Aufgliederungen", raw->other_example, one ? "wurde" :
		    "wurden", raw->dimension);
		app_structure_table_note_add(t, buf_cstr(&en), buf_cstr(&de));
		buf_free(&en);
		buf_free(&de);
	}
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
	t->region_names_de = xcalloc(t->regions.count,
	    sizeof(*t->region_names_de));
	t->region_contains = xcalloc(t->regions.count,
	    sizeof(*t->region_contains));
	for (k = 0; k < t->regions.count; k++) {
		const struct region *r = model_find_region(c, t->regions.name[k]);
		if (r != NULL) {
			t->region_names[k] = r->name_en != NULL ? r->name_en :
			    r->name_de;
			t->region_names_de[k] = r->name_de != NULL ? r->name_de :
			    r->name_en;
		}
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
		size_t sec = r->sector == APP_STRUCTURE_RAW_TOTAL ?
		    APP_STRUCTURE_RAW_TOTAL : sector_map[r->sector], cell, tc;
		if (reg == APP_STRUCTURE_NOT_FOUND || sec == APP_STRUCTURE_NOT_FOUND)
			continue;
		if (sec == APP_STRUCTURE_RAW_TOTAL) {
			unsigned char from =
			    r->sector == APP_STRUCTURE_RAW_TOTAL ? 2 : 1;
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
			    "has no such sector.", "--exclude-sector %s: Einen "
			    "solchen Bereich gibt es in der Eingabe nicht.",
			    opt->exclude_sectors[k]);

	sector_map = xcalloc(raw.sectors.count, sizeof(*sector_map));
	if (ind != NULL && ind->classification != NULL &&
	    strcmp(raw.dimension, "sector") == 0)
		cl = model_find_classification(&t->catalog, ind->classification);
	if (cl != NULL) {
		if (app_structure_sectors_classified(opt, cl, &raw, t, sector_map,
		    e) == -1)
			goto done;
	} else {
		if (opt->level > 0) {
			error_set(e, "--level needs the database and an indicator "
			    "with a sector classification");
			goto done;
		}
		app_structure_sectors_named(&raw, t, sector_map);
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
		t->region_names_de = xcalloc(t->regions.count + 1,
		    sizeof(*t->region_names_de));
		t->region_contains = xcalloc(t->regions.count + 1,
		    sizeof(*t->region_contains));
	}
	if (app_structure_fill(&raw, t, sector_map, region_map, diags, e) == -1)
		goto done;
	if (opt->groups != NULL && app_structure_sectors_groups(opt->groups, t,
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
	app_structure_names_free(&t->regions);
	app_structure_names_free(&t->sectors);
	app_structure_names_free(&t->periods);
	app_structure_names_free(&t->groups);
	free(t->region_names);
	free(t->region_names_de);
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
	app_structure_table_note_drop(t, 0);
	free(t->notes);
	memset(t, 0, sizeof(*t));
}
