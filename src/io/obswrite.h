/* Writes observation records as long CSV or SDMX-CSV 1.0, byte for byte the
 * same for the same records, so that export → import → export is identical.
 * The writer holds only its column list; records stay the caller's. */
#ifndef WIALL_IO_OBSWRITE_H
#define WIALL_IO_OBSWRITE_H

#include <stddef.h>
#include <stdio.h>

#include "io/obsfile.h"

enum obswrite_format {
	OBSWRITE_LONG,		/* indicator,region,<dims>,period,value,flag,unit,source,note */
	OBSWRITE_SDMX,		/* DATAFLOW,INDICATOR,REF_AREA,<DIMS>,TIME_PERIOD,... */
	OBSWRITE_FORMAT__MAX
};

extern const char *const obswrite_format_names[OBSWRITE_FORMAT__MAX];

#define OBSWRITE_DATAFLOW "WIALL:OBSERVATIONS(1.0)"

struct obswrite;

/* Writes the header. dim_keys: every dimension key the records use, sorted
 * (a column each; a record without that key leaves it empty). */
struct obswrite *obswrite_begin(FILE *fp, enum obswrite_format format,
	    const char *const *dim_keys, size_t dim_count);
/* One line per record; uses indicator, region, dims, period, has_value,
 * value, flag, unit, source and note. */
void	obswrite_record(struct obswrite *w, const struct obsfile_record *rec);
/* Frees the writer; returns -1 if the stream had a write error. */
int	obswrite_end(struct obswrite *w);

#endif
