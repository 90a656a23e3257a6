/* libFuzzer harness of the catalogue reader (io/catalog_json): any bytes are
 * parsed and checked; whatever is accepted must export, read back and export
 * to the same bytes, and must still be accepted when read against itself as
 * the stored catalogue (loading a catalogue over itself is always valid).
 * The bytes are also read against a small stored catalogue, which exercises
 * references, parent chains and aliases that run into what is stored.
 * A broken property aborts, which libFuzzer reports as a crash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io/catalog_json.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fuzz_catalog_stored[] = "{\"goals\": [{\"code\": \"G\", "
    "\"title_de\": \"g\"}, {\"code\": \"G1\", \"parent\": \"G\", "
    "\"title_de\": \"g1\"}], \"regions\": [{\"code\": \"05\", "
    "\"name_de\": \"NRW\", \"level\": \"state\", \"aliases\": "
    "[{\"code\": \"DEA\"}]}, {\"code\": \"X\", \"name_de\": \"x\", "
    "\"level\": \"area\", \"parent\": \"05\", \"aliases\": [{\"code\": "
    "\"Y\"}]}], \"classifications\": [{\"code\": \"N\", \"name_de\": "
    "\"n\", \"sectors\": [{\"code\": \"T\", \"name_de\": \"t\"}, "
    "{\"code\": \"A\", \"parent\": \"T\", \"name_de\": \"a\"}]}]}";

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
	struct catalog c, stored;
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

	model_catalog_init(&stored);
	diag_list_init(&d, 5);
	if (catalog_json_parse(fuzz_catalog_stored,
	    sizeof(fuzz_catalog_stored) - 1, "stored", NULL, &stored, &d) == -1)
		abort();
	diag_list_free(&d);
	model_catalog_init(&c);
	diag_list_init(&d, 20);
	if (catalog_json_parse((const char *)data, size, "fuzz", &stored, &c,
	    &d) == 0) {
		struct buf out = BUF_INIT;

		catalog_json_write(&c, &out);	/* must not crash */
		buf_free(&out);
	} else if (d.total == 0)
		abort();
	diag_list_free(&d);
	model_catalog_free(&c);
	model_catalog_free(&stored);
	return 0;
}
