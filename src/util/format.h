/* Numbers, dates and periods as people read them: German (decimal comma,
 * thousands dot, 26.11.2026) or English, written by wiall itself and never by
 * the C locale (DESIGN.md, "Conventions"). Every function appends to a caller's buf. */
#ifndef WIALL_UTIL_FORMAT_H
#define WIALL_UTIL_FORMAT_H

#include <stdbool.h>

#include "util/buf.h"
#include "util/period.h"

/* `lang` is "de" or "en"; anything that is not "en" is formatted as German,
 * the default UI language. */

/* v rounded to `decimals` places (0..10), with a thousands separator:
 * de 1.234.567,89  en 1,234,567.89. "-0,0" is written "0,0". A value that is
 * not finite is written as an en dash "–": callers show missing values as such. */
void	format_number(struct buf *out, double v, int decimals, const char *lang);
/* The same with an explicit sign for changes and effects: +1,5 / -1,5 / 0,0. */
void	format_signed(struct buf *out, double v, int decimals, const char *lang);
/* A value already in percent: de "12,5 %" (no-break space), en "12.5%". */
void	format_percent(struct buf *out, double v, int decimals, const char *lang);
/* A calendar date: de 26.11.2026, en 2026-11-26 (ISO 8601). Returns -1 and
 * writes nothing for an impossible date. */
int	format_date(struct buf *out, int year, int month, int day,
	    const char *lang);
/* An ISO date or date-time ("2026-11-26", "2026-11-26T10:00:00Z"): its date
 * part as format_date() writes it. Returns -1 and writes nothing if malformed. */
int	format_iso_date(struct buf *out, const char *iso, const char *lang);
/* A period for display: 2017; de "2. Quartal 2017", "Juni 2017"; en
 * "Q2 2017", "June 2017". */
void	format_period(struct buf *out, const struct period *p, const char *lang);
/* True when lang selects English conventions. */
bool	format_is_english(const char *lang);

#endif
