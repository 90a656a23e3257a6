/* The time-series store: series (indicator × region × dimensions), their
 * observations with flag and provenance, and revisions. A writer for imports
 * (cached lookups, one call per observation) and the read functions that
 * assessment, structure analysis, export and the web pages use. Rows handed
 * to a callback are valid only during that call; the writer is the caller's
 * and freed with observations_writer_close(). */
#ifndef WIALL_STORE_OBSERVATIONS_H
#define WIALL_STORE_OBSERVATIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "store/db.h"
#include "util/error.h"

/* ---- lookups ----------------------------------------------------------- */

/* Each returns 1 and the id when found, 0 when the code is unknown, -1 on a
 * database error. A region is found by its code or any alias. */
int	observations_indicator_id(struct db *db, const char *code, long long *id,
	    struct error *e);
int	observations_region_id(struct db *db, const char *code_or_alias,
	    long long *id, struct error *e);

/* ---- writing (imports) ------------------------------------------------- */

struct observation_value {
	bool		 has_value;	/* false: missing (flag says why) */
	double		 value;
	const char	*flag;		/* "" when none */
	const char	*unit;		/* "" or NULL: none */
	const char	*source;
	const char	*note;
};

enum observations_put {
	OBSERVATIONS_NEW,
	OBSERVATIONS_CHANGED,		/* value, flag, unit, source or note */
	OBSERVATIONS_UNCHANGED,
	OBSERVATIONS_DUPLICATE,		/* written before in this run: not stored */
	OBSERVATIONS_PUT__MAX
};

struct observations_writer;

/* Opens a writer for one run of imports inside the caller's transaction.
 * Observations written under any batch of this run that come again are
 * reported as duplicates. */
int	observations_writer_open(struct db *db, struct observations_writer **out,
	    struct error *e);
/* Writes what still waits (call observations_writer_flush() before to see
 * its errors), then frees the writer. */
void	observations_writer_close(struct observations_writer *w);
/* The batch that new and changed rows are recorded under (batches.h);
 * every batch of a run must be newer than any batch before the run.
 * Writes the rows still waiting under the previous batch first. */
int	observations_writer_set_batch(struct observations_writer *w,
	    long long batch_id, struct error *e);
/* Cached lookups; 1 found, 0 unknown, -1 error. classification_id is 0 when
 * the indicator has no sector classification. */
int	observations_writer_indicator(struct observations_writer *w,
	    const char *code, long long *id, long long *classification_id,
	    struct error *e);
int	observations_writer_region(struct observations_writer *w,
	    const char *code_or_alias, long long *id, struct error *e);
int	observations_writer_sector(struct observations_writer *w,
	    long long classification_id, const char *code, struct error *e);

/* Called for a duplicate found only when waiting rows are written (rows of
 * series created in this run wait, so that many go in at once); line and
 * column are those given to observations_writer_put(). */
typedef void (*observations_duplicate_fn)(void *arg, long line, long column,
	    long long series_id, const char *period);
void	observations_writer_on_duplicate(struct observations_writer *w,
	    observations_duplicate_fn fn, void *arg);
/* Writes one observation of the series (indicator, region, dims), creating
 * the series if needed; a changed value or flag adds a revision. *result
 * NEW may still turn out a duplicate, reported later through the callback
 * (with line and column). */
int	observations_writer_put(struct observations_writer *w,
	    long long indicator_id, long long region_id, const char *dims,
	    const char *period, const struct observation_value *v, long line,
	    long column, enum observations_put *result, struct error *e);
/* Writes the waiting rows (before counting, committing or reading). */
int	observations_writer_flush(struct observations_writer *w, struct error *e);
/* "indicator, region, dims" of a series, for messages. */
int	observations_writer_describe(struct observations_writer *w,
	    long long series_id, char *out, size_t size, struct error *e);

/* ---- reading ----------------------------------------------------------- */

/* Which observations or series: every field is optional (NULL or 0). */
struct observations_query {
	const char	*indicator;	/* code */
	const char	*region;	/* code or alias */
	const char	*dims;		/* canonical "k=v;k=v", exactly; "" = none */
	const char	*from, *to;	/* periods: those inside [from, to] by the
					 * time they cover (--to 2018 takes 2018-06) */
	long long	 series_id;
};

struct observation_row {
	long long	 series_id;
	const char	*indicator;	/* code */
	const char	*region;	/* code */
	const char	*dims;
	const char	*period;
	bool		 has_value;
	double		 value;
	const char	*flag;		/* "" when none, as are the next three */
	const char	*unit;
	const char	*source;
	const char	*note;
	long long	 batch_id;
};

/* A callback returns 0 to go on, anything else to stop (that value is then
 * returned). */
typedef int (*observations_row_fn)(const struct observation_row *row, void *arg);

/* Observations ordered by indicator code, region code, dims, then period
 * (chronological within one kind of period). Returns 0, -1 on an error
 * (also for a bad period in from/to), or the callback's stop value. */
int	observations_query(struct db *db, const struct observations_query *q,
	    observations_row_fn fn, void *arg, struct error *e);

struct series_row {
	long long	 id;
	const char	*indicator;
	const char	*region;
	const char	*dims;
	long long	 count;		/* observations, missing ones included */
	const char	*first;		/* first and last period */
	const char	*last;
};
typedef int (*observations_series_fn)(const struct series_row *row, void *arg);

/* Series matching q (its periods are ignored), ordered by indicator code,
 * region code and dims. */
int	observations_series(struct db *db, const struct observations_query *q,
	    observations_series_fn fn, void *arg, struct error *e);

struct revision_row {
	long long	 id;
	const char	*period;
	bool		 had_value;
	double		 old_value;
	const char	*old_flag;
	bool		 has_value;
	double		 new_value;
	const char	*new_flag;
	long long	 old_batch_id, batch_id;
	const char	*batch_file;	/* of batch_id */
	const char	*batch_time;
};
typedef int (*observations_revision_fn)(const struct revision_row *row,
	    void *arg);

/* Revisions of one series, by period, oldest first. */
int	observations_revisions(struct db *db, long long series_id,
	    observations_revision_fn fn, void *arg, struct error *e);

struct latest_row {
	const char	*region;	/* code */
	const char	*period;	/* the latest with a value, in any series */
	long long	 count;		/* observations with a value */
};
typedef int (*observations_latest_fn)(const struct latest_row *row, void *arg);

/* For one indicator: per region (by code) its latest period with a value. */
int	observations_latest(struct db *db, const char *indicator,
	    observations_latest_fn fn, void *arg, struct error *e);

#endif
