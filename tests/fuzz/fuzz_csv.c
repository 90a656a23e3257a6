/* libFuzzer harness: the CSV reader and the long/wide observation readers on
 * arbitrary bytes. Every record must come back with fields inside the
 * record, and nothing may crash or leak. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "io/csv.h"
#include "io/obsfile.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_csv_plain(const uint8_t *data, size_t size, size_t cap)
{
	struct csv_options o = { 0 };
	struct csv_record *rec;
	struct csv_reader *r;
	struct error e;
	FILE *fp;
	int n = 0;

	if ((fp = fmemopen((void *)data, size, "rb")) == NULL)
		return;
	o.max_record = cap;
	r = csv_open_stream(fp, "fuzz", &o);
	for (;;) {
		enum csv_status st = csv_next(r, &rec, &e);
		if (st == CSV_END || (st == CSV_ERROR && csv_failed(r)))
			break;
		if (st == CSV_RECORD)
			for (size_t i = 0; i < rec->count; i++)
				if (strlen(rec->fields[i].data) > rec->fields[i].len ||
				    rec->fields[i].line < 1 || rec->fields[i].column < 1)
					__builtin_trap();
		if (++n > 100000)
			break;
	}
	csv_close(r);
	fclose(fp);
}

static void
fuzz_obsfile(const uint8_t *data, size_t size, int wide)
{
	struct obsfile_options o;
	struct obsfile_reader *r;
	struct obsfile_record *rec;
	struct diag_list d;
	struct error e;
	FILE *fp;

	if ((fp = fmemopen((void *)data, size, "rb")) == NULL)
		return;
	obsfile_options_init(&o);
	o.school_year = OBSFILE_SCHOOL_START;
	o.date_period = OBSFILE_DATE_QUARTER;
	if (wide) {
		obsfile_options_set(&o.value_pattern, "{region}{period}");
		obsfile_options_set(&o.indicator, "x");
		obsfile_options_add_dim_column(&o, "code=sector", &e);
		obsfile_options_add_total(&o, "TOTAL");
	}
	diag_list_init(&d, 50);
	if (obsfile_open_stream(fp, "fuzz", &o, &r, &d, &e) == 0) {
		while (obsfile_next(r, &rec, &d) == 1)
			if (rec->indicator == NULL || rec->region == NULL ||
			    rec->dims == NULL || rec->flag == NULL)
				__builtin_trap();
		obsfile_close(r);
	}
	diag_list_free(&d);
	obsfile_options_free(&o);
	fclose(fp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_csv_plain(data, size, 0);
	fuzz_csv_plain(data, size, 64);		/* small cap: the too-long path */
	fuzz_obsfile(data, size, 0);
	fuzz_obsfile(data, size, 1);
	return 0;
}
