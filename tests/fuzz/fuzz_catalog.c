/* libFuzzer harness of the catalogue reader (io/catalog_json): any bytes are
 * parsed and checked; whatever is accepted must export, read back and export
 * to the same bytes, and must still be accepted when read against itself as
 * the stored catalogue (loading a catalogue over itself is always valid).
 * A broken property aborts, which libFuzzer reports as a crash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io/catalog_json.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_catalog_round_trip(const struct catalog *c, const char *input,
    size_t size)
{
	struct catalog again, over;
	struct diag_list d;
	struct buf first = BUF_INIT, second = BUF_INIT;

	catalog_json_write(c, &first);
	model_catalog_init(&again);
	diag_list_init(&d, 10);
	if (catalog_json_parse(first.data, first.len, "export", NULL, &again,
	    &d) == -1)
		abort();	/* the export must read back */
	catalog_json_write(&again, &second);
	if (first.len != second.len ||
	    memcmp(first.data, second.data, first.len) != 0)
		abort();	/* and write the same bytes */
	diag_list_free(&d);

	model_catalog_init(&over);
	diag_list_init(&d, 10);
	if (catalog_json_parse(input, size, "again", c, &over, &d) == -1)
		abort();
	diag_list_free(&d);
	model_catalog_free(&over);
	model_catalog_free(&again);
	buf_free(&first);
	buf_free(&second);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalog c;
	struct diag_list d;

	model_catalog_init(&c);
	diag_list_init(&d, 20);
	if (catalog_json_parse((const char *)data, size, "fuzz", NULL, &c,
	    &d) == 0)
		fuzz_catalog_round_trip(&c, (const char *)data, size);
	else if (d.total == 0)
		abort();	/* a rejected file always says why */
	diag_list_free(&d);
	model_catalog_free(&c);
	return 0;
}
