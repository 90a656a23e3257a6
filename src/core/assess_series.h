/* What every assessment method (DNS §2.2, Eurostat §2.3, Open SDG §2.4) checks
 * and notes about its series before it computes. Writes only into the
 * caller's explanation record; nothing is allocated. */
#ifndef WIALL_CORE_ASSESS_SERIES_H
#define WIALL_CORE_ASSESS_SERIES_H

#include <stddef.h>

#include "core/explain.h"
#include "core/series.h"

/* EXPLAIN_ASSESSED if s passes series_check() and holds only years;
 * otherwise out fails with EMPTY_SERIES, BAD_SERIES or NOT_ANNUAL and that
 * status is returned. */
enum explain_status	assess_series_annual(const struct series *s,
			    struct explain *out);
/* The index of the first value that counts: series_comparable_start(), the
 * value after the last flagged break. When it is not the first, out notes
 * after_break and the break's period. */
size_t			assess_series_start(const struct series *s,
			    struct explain *out);

#endif
