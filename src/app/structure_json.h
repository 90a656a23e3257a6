/* The JSON form of a structure report (app/structure.h): the contract of
 * `wiall structure --format json` (issue 3 §2) that other tools script against.
 * Writes into the caller's buffer; nothing is handed out.
 *
 * One region (--region):
 *   { "region", "region_name", "reference", "reference_name", "reference_kind",
 *     "periods": [ { "period", "total", "hhi", "hhi_normalised", "entropy",
 *                    "unrelated_variety", "related_variety", "krugman",
 *                    "lq": { sector: value }, "share": { sector: value },
 *                    "hhi_equivalent", "reference_share", "nonzero_sectors",
 *                    "coverage" } ],
 *     with a span (--from/--to):
 *     "shift_share": { "from", "to", "growth", "national_share",
 *                      "industry_mix", "regional_share", "net_total_shift" },
 *     "shift_share_dynamic": { the same keys, "steps" },
 *     "esteban_marquillas": { "competitive", "allocation" },
 *     "portfolio": [ { "sector", "location_quotient", "region_rate",
 *                      "reference_rate", "relative_growth", "quadrant" } ],
 *     "shocks": [ { "name", "title", "registered", "peak", "trough",
 *                   "recovery_end", "sensitivity", "resistance", "recovery",
 *                   "recovery_sensitivity" } ],
 *     and the report's description: "indicator", "dimension", "source",
 *     "base", "lq_basis", "sectors", "groups", "notes", "notes_de" }
 * Matrix mode (no --region): the description and "reference" at the top, and
 * "regions": [ one object as above per region ].
 *
 * A number that could not be computed is null, never 0, and the object holding
 * it has "unavailable": { key: { "status", "reason" } } naming it: key is the
 * member's name ("hhi_normalised", "krugman", "lq.B_E", "growth"); status is a
 * structure_status_names word ("zero_total", "one_sector", "missing", …) and
 * reason one English sentence naming the sector and period. "coverage" is null
 * without a published total, else { "sector_sum", "published_total",
 * "difference", "relative", "status": "complete"|"short"|"excess" }. Numbers
 * are written in the shortest form that reads back to the same double. */
#ifndef WIALL_APP_STRUCTURE_JSON_H
#define WIALL_APP_STRUCTURE_JSON_H

#include "app/structure.h"
#include "util/buf.h"

/* A number as the report's files write it: whole numbers below 2^53 in plain
 * digits (47740, not 4.774e+04), others with the fewest significant digits
 * that read back to the same double (0.1, not 0.10000000000000001). Returns
 * the length; out holds at least 32 bytes. */
size_t	app_structure_json_number_text(double v, char *out, size_t size);

/* Appends the report as pretty-printed JSON and a final newline to out. */
void	app_structure_json_write(const struct app_structure_report *r,
	    struct buf *out);

#endif
