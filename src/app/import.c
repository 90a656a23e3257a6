/* Import: parse → validate against the catalogue → write → record batches.
 *
 * Everything happens inside one transaction, and rows are written even after
 * a problem was found: writing is how duplicates within the run are found,
 * and how --dry-run counts new, changed and unchanged rows exactly. At the
 * end the transaction is committed only if there was no problem and this is
 * not a dry run; otherwise it is rolled back and the database is as before.
 *
 * Re-importing a file that changes nothing records no batch: a batch is the
 * provenance of stored values, and such a file provided none. */
#include "app/import.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/unit.h"
#include "store/batches.h"
#include "store/observations.h"
#include "store/units.h"
#include "util/xalloc.h"

/* An indicator's unit as the run has read it, the last row unit compared
 * with it (rows of one file mostly repeat their unit), and what was
 * reported in the current file. */
struct import_unit {
	long long		 indicator_id;
	char			*code;
	char			*unit;		/* the indicator's */
	char			*last;		/* the last row unit compared */
	enum unit_relation	 relation;	/* of last */
	int			 power;
	/* In the current file: rows of another unit, warnings shown, and
	 * whether the scale of an option's unit was reported. */
	long			 differing, shown;
	bool			 option_reported;
};

struct import_units {
	struct import_unit	*items;
	size_t			 count, capacity;
	size_t			 recent;	/* the one used last */
};

struct import_file {
	struct import_file_result	*res;
	struct import_units		*units;
	struct diag_list		*warnings;
	crypto_hash_sha256_state	 sha;
	struct observations_writer	*w;
	struct diag_list		*diags;
	const char			*path;
	int				 status;
	struct error			*e;
};

/* A duplicate among rows that waited to be written in bulk. */
static void
import_duplicate(void *arg, long line, long column, long long series_id,
    const char *period)
{
	struct import_file *f = arg;
	char what[512];

	f->res->added--;
	if (observations_writer_describe(f->w, series_id, what, sizeof(what),
	    f->e) == -1) {
		f->status = -1;
		return;
	}
	diag_add(f->diags, f->path, line, column, "duplicate: %s, %s comes a "
	    "second time in this import", what, period);
}

static void
import_hash(const void *data, size_t n, void *arg)
{
	struct import_file *f = arg;

	crypto_hash_sha256_update(&f->sha, data, n);
}

static void
import_hex(const unsigned char *d, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[2 * n] = '\0';
}

/* The sector of a canonical dims string, if it has one. */
static const char *
import_sector(const char *dims, char *out, size_t size)
{
	const char *p = dims;

	while (*p != '\0') {
		const char *end = strchr(p, ';');
		size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
		if (n > 7 && memcmp(p, "sector=", 7) == 0) {
			snprintf(out, size, "%.*s", (int)(n - 7), p + 7);
			return out;
		}
		p += n;
		if (*p == ';')
			p++;
	}
	return NULL;
}

static int
import_diag_cmp(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return 0;
}

static void
import_units_free(struct import_units *u)
{
	size_t i;

	for (i = 0; i < u->count; i++) {
		free(u->items[i].code);
		free(u->items[i].unit);
		free(u->items[i].last);
	}
	free(u->items);
	memset(u, 0, sizeof(*u));
}

/* The unit state of an indicator, read from the store the first time. */
static struct import_unit *
import_units_get(struct db *db, struct import_units *u, long long id,
    const char *code, struct error *e)
{
	struct import_unit *it;
	size_t i;

	if (u->count > 0 && u->items[u->recent].indicator_id == id)
		return &u->items[u->recent];
	for (i = 0; i < u->count; i++)
		if (u->items[i].indicator_id == id) {
			u->recent = i;
			return &u->items[i];
		}
	u->items = xgrow(u->items, &u->capacity, u->count + 1,
	    sizeof(*u->items));
	it = &u->items[u->count];
	memset(it, 0, sizeof(*it));
	switch (units_indicator(db, id, &it->unit, e)) {
	case 1:
		break;
	case 0:
		error_set(e, "indicator '%s' vanished during the import", code);
		return NULL;
	default:
		return NULL;
	}
	it->indicator_id = id;
	it->code = xstrdup(code);
	u->recent = u->count++;
	return it;
}

/* Compares a row's unit with its indicator's. A scale difference goes to
 * the problems (once per file for a unit an option gives every row), any
 * other difference to the warnings. Returns 1 when the row is fine, 0 when
 * it is in the wrong scale, -1 on a database error. */
static int
import_unit_check(struct db *db, struct import_file *f, long long ind,
    const struct obsfile_record *rec, struct error *e)
{
	struct import_unit *it;
	bool from_option = rec->at_unit.line == 0;
	struct obsfile_pos at = from_option ? rec->at_value : rec->at_unit;
	char times[64];

	if (rec->unit[0] == '\0')
		return 1;	/* the indicator's unit applies */
	if ((it = import_units_get(db, f->units, ind, rec->indicator, e)) ==
	    NULL)
		return -1;
	if (it->last == NULL || strcmp(it->last, rec->unit) != 0) {
		free(it->last);
		it->last = xstrdup(rec->unit);
		it->relation = unit_compare(rec->unit, it->unit, &it->power);
	}
	switch (it->relation) {
	case UNIT_SAME:
		return 1;
	case UNIT_SCALE:
		if (from_option && it->option_reported)
			return 0;
		it->option_reported |= from_option;
		unit_describe_power(it->power, times, sizeof(times));
		diag_add(f->diags, f->path, at.line, at.column, "unit '%s'%s is "
		    "%s the indicator's '%s': convert the value or the unit",
		    rec->unit, from_option ? " (given for every row)" : "",
		    times, it->unit);
		return 0;
	default:
		/* An option's unit is the same on every row: once is
		 * enough. */
		it->differing++;
		if (it->shown < IMPORT_UNIT_WARNINGS &&
		    (!from_option || it->shown == 0)) {
			it->shown++;
			diag_add(f->warnings, f->path, at.line, at.column,
			    "warning: unit '%s'%s is not the indicator's unit "
			    "'%s'", rec->unit, from_option ?
			    " (given for every row)" : "", it->unit);
		}
		return 1;
	}
}

/* The end of a file: how many more warnings there were than were shown,
 * and a clean slate for the next file. */
static void
import_units_file_done(struct import_file *f)
{
	struct import_units *u = f->units;
	size_t i;

	for (i = 0; i < u->count; i++) {
		struct import_unit *it = &u->items[i];
		long more = it->differing - it->shown;

		if (more > 0)
			diag_add(f->warnings, f->path, 0, 0, "warning: %ld more "
			    "row%s of indicator '%s' with a unit other than "
			    "'%s'", more, more == 1 ? "" : "s", it->code,
			    it->unit);
		it->differing = it->shown = 0;
		it->option_reported = false;
	}
}

void
import_sha256(const void *data, size_t size, char out[65])
{
	unsigned char digest[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(digest, data, size);
	import_hex(digest, sizeof(digest), out);
}

/* Opens an input from its file or from memory (fmemopen: the bytes are only
 * read). Problems opening it go to diags, as for a file. */
static int
import_open(const struct import_input *in, const struct obsfile_options *ro,
    struct obsfile_reader **r, FILE **mem, struct diag_list *diags,
    struct error *e)
{
	*mem = NULL;
	if (in->data == NULL)
		return obsfile_open(in->path, ro, r, diags, e);
	/* fmemopen() refuses a size of 0: an empty file is read from "". */
	*mem = fmemopen((void *)(in->size > 0 ? in->data : ""),
	    in->size > 0 ? in->size : 1, "r");
	if (*mem == NULL) {
		diag_add(diags, in->path, 0, 0, "cannot read from memory");
		return -1;
	}
	if (in->size == 0)
		fgetc(*mem);	/* past the NUL: at the end */
	return obsfile_open_stream(*mem, in->path, ro, r, diags, e);
}

static int
import_one(struct db *db, struct observations_writer *w,
    const struct import_input *in, const struct import_options *opt,
    struct import_file *f, struct import_result *res, struct diag_list *diags,
    struct error *e)
{
	struct obsfile_options ro = *opt->reader;
	struct obsfile_reader *r = NULL;
	const char *path = in->path;
	FILE *mem = NULL;
	struct obsfile_record *rec;
	struct batch_row b = { 0 };
	unsigned char digest[crypto_hash_sha256_BYTES];
	size_t limit = opt->max_problems != 0 ? opt->max_problems :
	    IMPORT_MAX_PROBLEMS;
	size_t first_diag = diags->count;
	int rc, status = 0;

	crypto_hash_sha256_init(&f->sha);
	ro.on_read = import_hash;
	ro.on_read_arg = f;
	if (import_open(in, &ro, &r, &mem, diags, e) == -1) {
		if (mem != NULL)
			fclose(mem);
		return 0;	/* problems are in diags */
	}
	snprintf(f->res->format, sizeof(f->res->format), "%s",
	    obsfile_format_detected(r));
	b.file_name = path;
	b.sha256 = "";
	b.format = f->res->format;
	b.options = opt->options_text;
	if (batches_insert(db, &b, &f->res->batch_id, e) == -1) {
		status = -1;
		goto done;
	}
	f->w = w;
	f->diags = diags;
	f->path = path;
	f->status = 0;
	f->e = e;
	observations_writer_on_duplicate(w, import_duplicate, f);
	if (observations_writer_set_batch(w, f->res->batch_id, e) == -1) {
		status = -1;
		goto done;
	}
	while ((rc = obsfile_next(r, &rec, diags)) == 1) {
		struct observation_value v;
		enum observations_put put;
		long long ind, cls, reg;
		struct obsfile_pos at;
		char sector[64];
		int found;

		if (diags->total >= limit) {
			res->stopped = true;
			break;
		}
		f->res->read++;
		found = observations_writer_indicator(w, rec->indicator, &ind,
		    &cls, e);
		if (found == -1) {
			status = -1;
			goto done;
		}
		if (found == 0) {
			if (opt->skip_unknown_indicators) {
				f->res->skipped++;
				continue;
			}
			diag_add(diags, path, rec->at_indicator.line,
			    rec->at_indicator.column, "unknown indicator '%s' "
			    "(not in the catalogue)", rec->indicator);
			continue;
		}
		found = observations_writer_region(w, rec->region, &reg, e);
		if (found == -1) {
			status = -1;
			goto done;
		}
		if (found == 0) {
			if (opt->skip_unknown_regions) {
				f->res->skipped++;
				continue;
			}
			diag_add(diags, path, rec->at_region.line,
			    rec->at_region.column, "unknown region '%s' (neither "
			    "a code nor an alias in the catalogue)", rec->region);
			continue;
		}
		if (cls != 0 && import_sector(rec->dims, sector,
		    sizeof(sector)) != NULL) {
			found = observations_writer_sector(w, cls, sector, e);
			if (found == -1) {
				status = -1;
				goto done;
			}
			if (found == 0) {
				diag_add(diags, path, rec->at_dims.line,
				    rec->at_dims.column, "unknown sector '%s' (not "
				    "in the classification of indicator '%s')",
				    sector, rec->indicator);
				continue;
			}
		}
		if ((found = import_unit_check(db, f, ind, rec, e)) == -1) {
			status = -1;
			goto done;
		}
		if (found == 0)
			continue;
		v.has_value = rec->has_value;
		v.value = rec->value;
		v.flag = rec->flag;
		v.unit = rec->unit;
		v.source = rec->source;
		v.note = rec->note;
		at = rec->at_period.line == rec->line ? rec->at_period :
		    rec->at_value;
		if (observations_writer_put(w, ind, reg, rec->dims, rec->period, &v,
		    at.line, at.column, &put, e) == -1 || f->status == -1) {
			status = -1;
			goto done;
		}
		switch (put) {
		case OBSERVATIONS_NEW:
			f->res->added++;
			break;
		case OBSERVATIONS_CHANGED:
			f->res->changed++;
			break;
		case OBSERVATIONS_UNCHANGED:
			f->res->unchanged++;
			break;
		default: {
			diag_add(diags, path, at.line, at.column, "duplicate: "
			    "%s, %s%s%s, %s comes a second time in this import",
			    rec->indicator, rec->region, rec->dims[0] ? ", " : "",
			    rec->dims, rec->period);
			break;
		}
		}
	}
	if (observations_writer_flush(w, e) == -1 || f->status == -1) {
		status = -1;
		goto done;
	}
	import_units_file_done(f);
	if (rc == -1 && diags->total >= limit)
		res->stopped = true;
	crypto_hash_sha256_final(&f->sha, digest);
	import_hex(digest, sizeof(digest), f->res->sha256);
	if (f->res->added + f->res->changed == 0) {
		if (batches_delete(db, f->res->batch_id, e) == -1) {
			status = -1;
			goto done;
		}
		f->res->batch_id = 0;
	} else if (batches_finish(db, f->res->batch_id, f->res->sha256,
	    f->res->read, f->res->added, f->res->changed, f->res->unchanged,
	    e) == -1)
		status = -1;
done:
	/* Duplicates of bulk-written rows come late: put this file's problems
	 * in the order of the file. */
	if (diags->count > first_diag + 1)
		qsort(diags->items + first_diag, diags->count - first_diag,
		    sizeof(*diags->items), import_diag_cmp);
	observations_writer_on_duplicate(w, NULL, NULL);
	obsfile_close(r);
	if (mem != NULL)
		fclose(mem);
	return status;
}

int
import_run(struct db *db, const char *const *paths, size_t npaths,
    const struct import_options *opt, struct import_result *res,
    struct diag_list *diags, struct error *e)
{
	struct import_input *in = xcalloc(npaths + 1, sizeof(*in));
	size_t i;
	int rc;

	for (i = 0; i < npaths; i++)
		in[i].path = paths[i];
	rc = import_run_inputs(db, in, npaths, opt, res, diags, e);
	free(in);
	return rc;
}

int
import_run_inputs(struct db *db, const struct import_input *in,
    size_t npaths, const struct import_options *opt, struct import_result *res,
    struct diag_list *diags, struct error *e)
{
	struct observations_writer *w = NULL;
	struct import_units units = { 0 };
	size_t limit = opt->max_problems != 0 ? opt->max_problems :
	    IMPORT_MAX_PROBLEMS;
	size_t i;
	int status = -1;

	memset(res, 0, sizeof(*res));
	diag_list_init(&res->warnings, 0);
	if (sodium_init() < 0)
		return error_set(e, "libsodium could not start");
	res->files = xcalloc(npaths + 1, sizeof(*res->files));
	if (db_begin(db, e) == -1)
		return -1;
	if (observations_writer_open(db, &w, e) == -1)
		goto done;
	for (i = 0; i < npaths && diags->total < limit; i++) {
		struct import_file f;
		struct import_file_result *fr = &res->files[res->count++];

		fr->path = xstrdup(in[i].path);
		f.res = fr;
		f.units = &units;
		f.warnings = &res->warnings;
		if (import_one(db, w, &in[i], opt, &f, res, diags, e) == -1)
			goto done;
		res->read += fr->read;
		res->added += fr->added;
		res->changed += fr->changed;
		res->unchanged += fr->unchanged;
		res->skipped += fr->skipped;
	}
	if (diags->total >= limit && i < npaths)
		res->stopped = true;
	status = diags->total > 0 ? -1 : 0;
done:
	import_units_free(&units);
	observations_writer_close(w);
	/* Nothing new and nothing changed: each file's batch was removed
	 * again, so committing would keep nothing but would still count as
	 * a write and move the database's modified_at (Last-Modified). */
	if (status == 0 && !opt->dry_run && res->added + res->changed > 0) {
		if (db_commit(db, e) == -1)
			status = -1;
	} else
		db_rollback(db);
	if (status != 0 || opt->dry_run)
		for (i = 0; i < res->count; i++)
			res->files[i].batch_id = 0;
	return status;
}

void
import_result_free(struct import_result *res)
{
	size_t i;

	for (i = 0; i < res->count; i++)
		free(res->files[i].path);
	free(res->files);
	diag_list_free(&res->warnings);
	memset(res, 0, sizeof(*res));
}
