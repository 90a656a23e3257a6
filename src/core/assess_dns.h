/* The German Sustainability Strategy's weather symbols (METHODS §2.2, rules A–E)
 * and targets relative to a reference region (METHODS §2.5). Results go into
 * explanation records the caller provides; nothing is allocated. */
#ifndef WIALL_CORE_ASSESS_DNS_H
#define WIALL_CORE_ASSESS_DNS_H

#include <stddef.h>

#include "core/explain.h"
#include "core/series.h"
#include "core/target.h"

#define ASSESS_DNS_VERSION	"dns-weather/1"
#define ASSESS_DNS_WINDOW	6	/* the last six available values */
#define ASSESS_DNS_MIN_POINTS	4	/* fewer: not assessable */
#define ASSESS_DNS_SUN_BELOW	0.05	/* r < 0.05: sun */
#define ASSESS_DNS_CLOUD_ABOVE	0.20	/* r > 0.20: cloud */

/*
 * The weather symbol of an annual series against one target (METHODS §2.2):
 * TARGET_BY_YEAR uses rule A while the target is not met and rule C once it is
 * (an interval by its weaker bound, several target years by the nearest one not
 * past: rule B); TARGET_EVERY_YEAR uses rule C, TARGET_DIRECTION rule D, and
 * TARGET_REFERENCE the gap to the reference series with rule C (METHODS §2.5).
 * Only values from the last flagged break on count, and the record says so.
 * Returns the record's status.
 */
enum explain_status	assess_dns_weather(const struct series *s,
			    const struct target *t, struct explain *out);
/*
 * Several targets that must all hold (METHODS §2.2 E): each target's record goes
 * into each[i], and *combined is a copy of the worst one with EXPLAIN_Q_TARGET_COUNT
 * set. If any target is not assessable, neither is the combination.
 */
enum explain_status	assess_dns_weather_all(const struct series *s,
			    const struct target *targets, size_t n,
			    struct explain *each, struct explain *combined);

#endif
