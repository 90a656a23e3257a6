/* libFuzzer harness: the SDMX mapping file parser and the SDMX-CSV reader.
 * The input is a mapping file, a line "---", then an SDMX-CSV file (without
 * the separator all of it is the CSV). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "io/obsfile.h"
#include "io/sdmx.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *csv = data;
	size_t csv_size = size;
	const uint8_t *sep = memmem(data, size, "\n---\n", 5);
	struct obsfile_options o;
	struct obsfile_reader *r;
	struct obsfile_record *rec;
	struct sdmx_mapping *m;
	struct diag_list d;
	struct error e;
	char out[PERIOD_TEXT_MAX];
	FILE *fp;

	diag_list_init(&d, 50);
	if (sep != NULL) {
		if ((fp = fmemopen((void *)data, (size_t)(sep - data) + 1, "r"))) {
			if (sdmx_mapping_parse(fp, "map", &m, &d) == 0)
				sdmx_mapping_free(m);
			fclose(fp);
		}
		csv = sep + 5;
		csv_size = size - (size_t)(csv - data);
	}
	sdmx_period_convert((const char *)data, size < 16 ? size : 16, out);
	if ((fp = fmemopen((void *)csv, csv_size, "rb")) != NULL) {
		obsfile_options_init(&o);
		o.format = OBSFILE_SDMX;
		if (obsfile_open_stream(fp, "fuzz", &o, &r, &d, &e) == 0) {
			while (obsfile_next(r, &rec, &d) == 1)
				if (rec->dims == NULL || rec->flag == NULL)
					__builtin_trap();
			obsfile_close(r);
		}
		obsfile_options_free(&o);
		fclose(fp);
	}
	diag_list_free(&d);
	return 0;
}
