/* SDMX-CSV support: the mapping file that says how an SDMX-CSV file's columns
 * and codes become wiall's indicators, regions and dimensions, the SDMX time
 * and status conventions, and the SDMX-CSV 1.0 writer. A loaded mapping is
 * owned by the caller and freed with sdmx_mapping_free(). Syntax: docs/formats.md. */
#ifndef WIALL_IO_SDMX_H
#define WIALL_IO_SDMX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "io/obsfile.h"

struct diag_list;

struct sdmx_keep {
	char	*column;
	char	**values;
	size_t	 count;
};

struct sdmx_mapping {
	char	*file;			/* its path, for messages */
	char	*indicator;		/* fixed indicator code */
	char	*indicator_column;
	char	*region_column;
	char	*flag_column;
	char	*unit, *unit_column;
	char	*source, *source_column;
	char	*note_column;
	struct obsfile_dim_column *dims;
	size_t	 dim_count;
	char	**ignore;
	size_t	 ignore_count;
	struct obsfile_map *maps;	/* scope OBSFILE_SCOPE_COLUMN, key = column */
	size_t	 map_count;
	struct sdmx_keep *keeps;
	size_t	 keep_count;
};

/* Reads a mapping file; each problem goes to diags as file:line:column.
 * Returns 0, or -1 (then *out is NULL). */
int	sdmx_mapping_load(const char *path, struct sdmx_mapping **out,
	    struct diag_list *diags);
int	sdmx_mapping_parse(FILE *fp, const char *name, struct sdmx_mapping **out,
	    struct diag_list *diags);
void	sdmx_mapping_free(struct sdmx_mapping *m);

/* SDMX time formats beyond wiall's own: "2017-M06" and "2017M06" → 2017-06,
 * "2017Q2" → 2017-Q2, "2017-A1"/"2017A" → 2017. Writes the canonical text into
 * out and returns 0, or -1 when s is none of those. */
int	sdmx_period_convert(const char *s, size_t n, char out[PERIOD_TEXT_MAX]);
/* The wiall flag of an SDMX OBS_STATUS code (code list CL_OBS_STATUS): "A"
 * (normal) → "", "B" → "b", "E" → "e", "P" → "p" ... NULL if unknown. */
const char *sdmx_status_flag(const char *code, size_t n);

#endif
