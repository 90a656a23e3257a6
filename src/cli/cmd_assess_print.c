/* wiall assess: the results as a table for people (verdict, latest value,
 * trend arrow and the reason per indicator), as CSV or as JSON. */
#include <math.h>
#include <string.h>

#include "app/assess_csv.h"
#include "app/assess_json.h"
#include "cli/cmd_assess_internal.h"
#include "cli/cmd_table.h"
#include "util/buf.h"
#include "util/text.h"

static const char *
cmd_assess_print_method_title(const struct cmd_assess_args *a)
{
	bool en = cmd_assess_en(a);
	bool long_term = a->options.eurostat_term == ASSESS_EUROSTAT_LONG;

	switch (a->method) {
	case ASSESS_EUROSTAT:
		if (long_term)
			return en ? "Eurostat SDG progress categories (long term, "
			    "15 years)" : "Fortschrittskategorien von Eurostat "
			    "(langfristig, 15 Jahre)";
		return en ? "Eurostat SDG progress categories (short term, 5 years)" :
		    "Fortschrittskategorien von Eurostat (kurzfristig, 5 Jahre)";
	case ASSESS_OPENSDG:
		return en ? "Open SDG progress measure" :
		    "Fortschrittsmaß von Open SDG";
	default:
		return en ? "weather symbols of the German Sustainability Strategy" :
		    "Wettersymbole der Deutschen Nachhaltigkeitsstrategie";
	}
}

/* Digits after the mark that show v exactly, up to 6. */
static int
cmd_assess_print_exact_decimals(double v)
{
	double scale = 1;
	int k;

	for (k = 0; k < 6; k++, scale *= 10)
		if (fabs(v * scale - round(v * scale)) < 1e-9 * fmax(1, fabs(v * scale)))
			return k;
	return 6;
}

/* "8,2 % (2025-03)" */
static void
cmd_assess_print_latest(const struct assess_result *r, const char *lang,
    char *buf, size_t size)
{
	char number[64], period[PERIOD_TEXT_MAX];
	const char *unit = assess_unit_label(r->unit, lang);
	bool en = strcmp(lang, "en") == 0;

	if (!r->latest.has) {
		snprintf(buf, size, "–");
		return;
	}
	explain_number(r->latest.value, r->decimals >= 0 ? r->decimals :
	    cmd_assess_print_exact_decimals(r->latest.value), lang, number,
	    sizeof(number));
	period_format(&r->latest.period, period);
	if (unit == NULL)
		snprintf(buf, size, "%s (%s)", number, period);
	else if (en && strcmp(unit, "%") == 0)
		snprintf(buf, size, "%s%% (%s)", number, period);
	else
		snprintf(buf, size, "%s %s (%s)", number, unit, period);
}

static const char *
cmd_assess_print_arrow(const struct assess_result *r)
{
	switch (r->trend.direction) {
	case ASSESS_DIRECTION_UP:
		return "↑";
	case ASSESS_DIRECTION_DOWN:
		return "↓";
	case ASSESS_DIRECTION_FLAT:
		return "→";
	default:
		return "·";
	}
}

static const char *
cmd_assess_print_label(const struct explain *rec, const char *lang)
{
	return explain_verdict_label(rec->status == EXPLAIN_ASSESSED ?
	    rec->verdict : EXPLAIN_VERDICT_NONE, lang);
}

/* Writes s and pads it with spaces to width characters (not bytes). */
static void
cmd_assess_print_cell(FILE *fp, const char *s, size_t width)
{
	size_t n = text_utf8_chars(s, strlen(s));

	fputs(s, fp);
	for (; n < width; n++)
		fputc(' ', fp);
}

static void
cmd_assess_print_table(struct cmd_context *ctx, const struct cmd_assess_args *a,
    const char *region_text, const struct assess_result *results, size_t n)
{
	const char *lang = a->lang;
	bool en = cmd_assess_en(a);
	const char *h_ind = en ? "Indicator" : "Indikator";
	const char *h_verdict = en ? "Assessment" : "Bewertung";
	const char *h_latest = en ? "Latest value" : "Letzter Wert";
	char latest[128], sentence[2048];
	size_t w_ind = cmd_table_width(h_ind), w_verdict = cmd_table_width(h_verdict);
	size_t w_latest = cmd_table_width(h_latest), i, j;

	for (i = 0; i < n; i++) {
		const struct explain *rec = &results[i].verdicts[a->method].combined;

		if (cmd_table_width(results[i].indicator) > w_ind)
			w_ind = cmd_table_width(results[i].indicator);
		if (cmd_table_width(cmd_assess_print_label(rec, lang)) > w_verdict)
			w_verdict = cmd_table_width(cmd_assess_print_label(rec, lang));
		cmd_assess_print_latest(&results[i], lang, latest, sizeof(latest));
		if (cmd_table_width(latest) > w_latest)
			w_latest = cmd_table_width(latest);
	}
	fprintf(ctx->out, "%s · %s: %s (%s)\n\n", region_text,
	    en ? "method" : "Methode", cmd_assess_print_method_title(a),
	    n > 0 ? results[0].verdicts[a->method].combined.version : "");
	cmd_assess_print_cell(ctx->out, h_ind, w_ind + 2);
	cmd_assess_print_cell(ctx->out, h_verdict, w_verdict + 2);
	cmd_assess_print_cell(ctx->out, h_latest, w_latest + 2);
	fprintf(ctx->out, "%s  %s\n", "Trend", en ? "Why" : "Warum");
	for (i = 0; i < n; i++) {
		const struct assess_result *r = &results[i];
		const struct explain *rec = &r->verdicts[a->method].combined;

		cmd_assess_print_cell(ctx->out, r->indicator, w_ind + 2);
		cmd_assess_print_cell(ctx->out, cmd_assess_print_label(rec, lang), w_verdict + 2);
		cmd_assess_print_latest(r, lang, latest, sizeof(latest));
		cmd_assess_print_cell(ctx->out, latest, w_latest + 2);
		cmd_assess_print_cell(ctx->out, cmd_assess_print_arrow(r), 5 + 2);
		assess_sentence(r, rec, lang, sentence, sizeof(sentence));
		fprintf(ctx->out, "%s\n", sentence);
		if (r->target_count < 2)
			continue;
		for (j = 0; j < r->target_count; j++) {
			const struct assess_target *t = &r->targets[j];
			const struct explain *each = &t->records[a->method];

			assess_sentence(r, each, lang, sentence, sizeof(sentence));
			fprintf(ctx->out, "    %s %s (%s): %s – %s\n",
			    en ? "target" : "Ziel", t->code != NULL ? t->code : "-",
			    model_target_kind_names[t->kind],
			    cmd_assess_print_label(each, lang), sentence);
		}
	}
}

void
cmd_assess_print(struct cmd_context *ctx, const struct cmd_assess_args *a,
    const char *source, const char *region, const char *region_text,
    const struct assess_result *results, size_t n)
{
	struct buf text = BUF_INIT;

	switch (a->format) {
	case FORMAT_JSON:
		assess_json_document(&text, a->method, source, region, results, n);
		fwrite(text.data, 1, text.len, ctx->out);
		break;
	case FORMAT_CSV:
		assess_csv_document(&text, a->method, results, n);
		fwrite(text.data, 1, text.len, ctx->out);
		break;
	default:
		cmd_assess_print_table(ctx, a, region_text, results, n);
		break;
	}
	buf_free(&text);
}
