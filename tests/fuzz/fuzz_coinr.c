/* libFuzzer harness: an iMeta and an iData table (the input split at the first
 * line "---") through io/coinr and the whole composite pipeline, with group-mean
 * imputation and treatment on. Bad tables must give an error, never a crash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/composite.h"
#include "io/coinr.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
fuzz_write(const char *path, const uint8_t *p, size_t n)
{
	FILE *fp = fopen(path, "wb");

	if (fp == NULL)
		return -1;
	fwrite(p, 1, n, fp);
	fclose(fp);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char meta[64], idata[64];
	const uint8_t *sep = NULL;
	struct arena a;
	struct coinr_coin coin;
	struct composite_hierarchy h;
	struct composite_data d;
	struct composite_spec s;
	struct composite_result r;
	struct error e;
	size_t i;

	for (i = 0; i + 4 <= size; i++)
		if (memcmp(data + i, "\n---", 4) == 0) {
			sep = data + i;
			break;
		}
	if (sep == NULL)
		return 0;
	snprintf(meta, sizeof(meta), "/tmp/fuzz_coinr_meta_%d.csv", (int)getpid());
	snprintf(idata, sizeof(idata), "/tmp/fuzz_coinr_data_%d.csv", (int)getpid());
	if (fuzz_write(meta, data, (size_t)(sep - data) + 1) < 0 ||
	    fuzz_write(idata, sep + 4, size - (size_t)(sep - data) - 4) < 0)
		return 0;
	arena_init(&a);
	if (coinr_read(idata, meta, &a, &coin, &e) == 0 &&
	    coinr_prepare(&coin, coin.n_groups > 0 ? coin.group[0] : NULL, &a, &h,
	    &d, &e) == 0 && d.n_units <= 1000) {
		composite_spec_default(&s);
		if (d.group == NULL)
			s.impute = IMPUTE_MEAN;
		composite_result_init(&r, &a, &h, d.n_units);
		(void)composite_run(&h, &d, &s, &r, &e);
	}
	arena_free(&a);
	unlink(meta);
	unlink(idata);
	return 0;
}
