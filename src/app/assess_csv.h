/* The CSV form of assessment results (docs/assess.md): one row per indicator,
 * stable columns, both languages' sentences. Writers append to the caller's
 * buffer; nothing is handed out. */
#ifndef WIALL_APP_ASSESS_CSV_H
#define WIALL_APP_ASSESS_CSV_H

#include <stddef.h>

#include "app/assess.h"
#include "util/buf.h"

/* The header line; the columns never change order (new ones go at the end). */
#define ASSESS_CSV_HEADER \
	"indicator,region,method,status,reason,verdict,verdict_level,rule," \
	"target_count,deciding_target,target_kind,latest_period,latest_value," \
	"latest_flags,trend,change_per_year,start_year,last_year,last_value," \
	"target_value,target_year,reference_value,gap,mean_change," \
	"projected_value,miss_ratio,rate_actual,rate_required,rate_ratio," \
	"progress,score,break_period,reason_de,reason_en"

/* The header and one row per result, for method's verdicts. */
void	assess_csv_document(struct buf *out, enum assess_method method,
	    const struct assess_result *results, size_t count);
/* One row (with its line end). */
void	assess_csv_row(struct buf *out, const struct assess_result *r,
	    enum assess_method method);

#endif
