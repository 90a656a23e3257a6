/*
 * Assessment results as CSV (docs/assess.md): RFC 4180 quoting, a decimal
 * point, numbers in their shortest exact form (integers as integers), and an
 * empty cell for what is not there, never 0.
 */
#include "app/assess_csv.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/text.h"

/* Quoted when it holds a delimiter, a quote or a line break. */
static void
assess_csv_text(struct buf *out, const char *s)
{
	const char *p;

	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		buf_puts(out, s);
		return;
	}
	buf_putc(out, '"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_putc(out, '"');
		buf_putc(out, *p);
	}
	buf_putc(out, '"');
}

static void
assess_csv_number(struct buf *out, bool has, double v)
{
	char text[40];

	if (!has || !isfinite(v))
		return;
	text_format_double(v, text, sizeof(text));
	buf_puts(out, text);
}

static void
assess_csv_period(struct buf *out, bool has, const struct period *p)
{
	char text[PERIOD_TEXT_MAX];

	if (!has)
		return;
	period_format(p, text);
	buf_puts(out, text);
}

static void
assess_csv_sentence(struct buf *out, const struct assess_result *r,
    const struct explain *rec, const char *lang)
{
	char text[2048];

	assess_sentence(r, rec, lang, text, sizeof(text));
	assess_csv_text(out, text);
}

void
assess_csv_row(struct buf *out, const struct assess_result *r,
    enum assess_method method)
{
	static const enum explain_quantity quantities[] = {
		EXPLAIN_Q_START_YEAR, EXPLAIN_Q_LAST_YEAR, EXPLAIN_Q_LAST_VALUE,
		EXPLAIN_Q_TARGET_VALUE, EXPLAIN_Q_TARGET_YEAR,
		EXPLAIN_Q_REFERENCE_VALUE, EXPLAIN_Q_GAP, EXPLAIN_Q_MEAN_CHANGE,
		EXPLAIN_Q_PROJECTED_VALUE, EXPLAIN_Q_MISS_RATIO,
		EXPLAIN_Q_RATE_ACTUAL, EXPLAIN_Q_RATE_REQUIRED,
		EXPLAIN_Q_RATE_RATIO, EXPLAIN_Q_PROGRESS, EXPLAIN_Q_SCORE,
	};
	const struct assess_verdict *v = &r->verdicts[method];
	const struct explain *rec = &v->combined;
	const struct assess_target *t = &r->targets[v->deciding];
	size_t k;
	double x = 0;

	assess_csv_text(out, r->indicator);
	buf_putc(out, ',');
	assess_csv_text(out, r->region);
	buf_printf(out, ",%s,%s,%s,%s,", assess_method_names[method],
	    explain_status_names[rec->status], explain_reason_names[rec->reason],
	    explain_verdict_names[rec->verdict]);
	if (rec->verdict != EXPLAIN_VERDICT_NONE)
		buf_printf(out, "%d", explain_verdict_level(rec->verdict));
	buf_printf(out, ",%s,%zu,", explain_rule_names[rec->rule],
	    r->target_count);
	assess_csv_text(out, t->code);
	buf_printf(out, ",%s,", model_target_kind_names[t->kind]);
	assess_csv_period(out, r->latest.has, &r->latest.period);
	buf_putc(out, ',');
	assess_csv_number(out, r->latest.has, r->latest.value);
	buf_putc(out, ',');
	assess_csv_text(out, r->latest.flag);
	buf_printf(out, ",%s,", assess_direction_names[r->trend.direction]);
	assess_csv_number(out, r->trend.direction != ASSESS_DIRECTION_NONE,
	    r->trend.change);
	for (k = 0; k < sizeof(quantities) / sizeof(quantities[0]); k++) {
		bool has;

		buf_putc(out, ',');
		has = explain_get(rec, quantities[k], &x);
		assess_csv_number(out, has, x);
	}
	buf_putc(out, ',');
	assess_csv_period(out, rec->after_break, &rec->break_period);
	buf_putc(out, ',');
	assess_csv_sentence(out, r, rec, "de");
	buf_putc(out, ',');
	assess_csv_sentence(out, r, rec, "en");
	buf_putc(out, '\n');
}

void
assess_csv_document(struct buf *out, enum assess_method method,
    const struct assess_result *results, size_t count)
{
	size_t i;

	buf_puts(out, ASSESS_CSV_HEADER "\n");
	for (i = 0; i < count; i++)
		assess_csv_row(out, &results[i], method);
}
