/*
 * Assessment results as JSON (docs/assess.md). Keys come in a fixed order,
 * two-space indentation, numbers in their shortest round-trip form (never the C
 * locale), a quantity the method did not use is absent, and a value that is
 * not there is null, never 0.
 */
#include "app/assess_json.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util/jsonw.h"
#include "util/text.h"

/* A number as util/text.h writes it (2030, 0.1); not finite: null. */
static void
assess_json_number(struct jsonw *w, const char *key, double value)
{
	char text[40];

	if (!isfinite(value)) {
		jsonw_null(w, key);
		return;
	}
	text_format_double(value, text, sizeof(text));
	jsonw_raw(w, key, text);
}

static void
assess_json_period(struct jsonw *w, const char *key, const struct period *p)
{
	char text[PERIOD_TEXT_MAX];

	period_format(p, text);
	jsonw_string(w, key, text);
}

/* enum series_flag bits as wiall's letters: b, e, p (sorted). */
static const char *
assess_json_flag_letters(unsigned flags, char out[4])
{
	size_t n = 0;

	if (flags & SERIES_FLAG_BREAK)
		out[n++] = 'b';
	if (flags & SERIES_FLAG_ESTIMATED)
		out[n++] = 'e';
	if (flags & SERIES_FLAG_PROVISIONAL)
		out[n++] = 'p';
	out[n] = '\0';
	return out;
}

static void
assess_json_annual(struct jsonw *w, const char *key,
    const struct assess_annual *a)
{
	char letters[4];
	size_t i;

	jsonw_array(w, key);
	for (i = 0; i < a->count; i++) {
		jsonw_object_line(w, NULL);
		assess_json_period(w, "period", &a->periods[i]);
		assess_json_number(w, "value", a->values[i]);
		jsonw_string(w, "flags", assess_json_flag_letters(a->flags[i], letters));
		jsonw_close(w);
	}
	jsonw_close(w);
}

static void
assess_json_sentence(struct jsonw *w, const char *key,
    const struct assess_result *r, const struct explain *rec, const char *lang)
{
	char text[2048];

	assess_sentence(r, rec, lang, text, sizeof(text));
	jsonw_string(w, key, text);
}

/* The explanation record of METHODS §1. */
static void
assess_json_record(struct jsonw *w, const char *key,
    const struct assess_result *r, const struct explain *rec)
{
	static const char *const groups[EXPLAIN_ROLE__MAX] = {
		[EXPLAIN_ROLE_PARAMETER] = "parameters",
		[EXPLAIN_ROLE_OBSERVATION] = "observations",
		[EXPLAIN_ROLE_INTERMEDIATE] = "intermediate",
		[EXPLAIN_ROLE_THRESHOLD] = "thresholds",
	};
	int role, q;
	double v;
	size_t i;

	jsonw_object(w, key);
	jsonw_string(w, "method", explain_method_names[rec->method]);
	jsonw_string(w, "version", rec->version);
	jsonw_string(w, "rule", explain_rule_names[rec->rule]);
	jsonw_string(w, "status", explain_status_names[rec->status]);
	jsonw_string(w, "reason", explain_reason_names[rec->reason]);
	jsonw_string(w, "verdict", explain_verdict_names[rec->verdict]);
	if (rec->verdict != EXPLAIN_VERDICT_NONE)
		jsonw_int(w, "verdict_level", explain_verdict_level(rec->verdict));
	else
		jsonw_null(w, "verdict_level");
	jsonw_string(w, "label_de", rec->verdict != EXPLAIN_VERDICT_NONE ?
	    explain_verdict_label(rec->verdict, "de") : NULL);
	jsonw_string(w, "label_en", rec->verdict != EXPLAIN_VERDICT_NONE ?
	    explain_verdict_label(rec->verdict, "en") : NULL);
	jsonw_bool(w, "after_break", rec->after_break);
	if (rec->after_break)
		assess_json_period(w, "break_period", &rec->break_period);
	else
		jsonw_null(w, "break_period");
	for (role = 0; role < EXPLAIN_ROLE__MAX; role++) {
		jsonw_object(w, groups[role]);
		for (q = 0; q < EXPLAIN_Q__MAX; q++)
			if (explain_quantity_role((enum explain_quantity)q) ==
			    (enum explain_role)role &&
			    explain_get(rec, (enum explain_quantity)q, &v))
				assess_json_number(w, explain_quantity_names[q], v);
		jsonw_close(w);
		if (role == EXPLAIN_ROLE_PARAMETER) {
			jsonw_array(w, "points");
			for (i = 0; i < rec->point_count; i++) {
				jsonw_object_line(w, NULL);
				assess_json_period(w, "period", &rec->points[i].period);
				assess_json_number(w, "value", rec->points[i].value);
				jsonw_close(w);
			}
			jsonw_close(w);
		}
	}
	assess_json_sentence(w, "reason_de", r, rec, "de");
	assess_json_sentence(w, "reason_en", r, rec, "en");
	jsonw_close(w);
}

static void
assess_json_target(struct jsonw *w, const struct assess_result *r,
    const struct assess_target *t, enum assess_method method)
{
	const struct target_version *v = t->version;

	jsonw_object(w, NULL);
	jsonw_string(w, "code", t->code);
	jsonw_string(w, "kind", model_target_kind_names[t->kind]);
	jsonw_bool(w, "implied", v == NULL);
	if (v != NULL && v->has_value)
		assess_json_number(w, "value", v->value);
	else
		jsonw_null(w, "value");
	if (v != NULL && v->has_low)
		assess_json_number(w, "low", v->low);
	else
		jsonw_null(w, "low");
	if (v != NULL && v->has_high)
		assess_json_number(w, "high", v->high);
	else
		jsonw_null(w, "high");
	if (v != NULL && v->year != 0)
		jsonw_int(w, "year", v->year);
	else
		jsonw_null(w, "year");
	jsonw_string(w, "reference_region", t->reference_region);
	jsonw_int(w, "polarity", t->polarity);
	jsonw_bool(w, "polarity_derived", t->polarity_derived);
	jsonw_string(w, "note_de", v != NULL ? v->note_de : NULL);
	jsonw_string(w, "note_en", v != NULL ? v->note_en : NULL);
	jsonw_string(w, "valid_from", v != NULL ? v->valid_from : NULL);
	if (t->kind == MODEL_TARGET_REFERENCE)
		assess_json_annual(w, "reference_values", &t->reference);
	if (r->ran[method])
		assess_json_record(w, "assessment", r, &t->records[method]);
	else
		jsonw_null(w, "assessment");
	jsonw_close(w);
}

static void
assess_json_indicator(struct jsonw *w, const struct assess_result *r,
    enum assess_method method)
{
	const struct explain *rec = &r->verdicts[method].combined;
	size_t i;

	jsonw_object(w, NULL);
	jsonw_string(w, "indicator", r->indicator);
	jsonw_string(w, "title_de", r->title_de);
	jsonw_string(w, "title_en", r->title_en);
	jsonw_string(w, "unit", r->unit);
	if (r->decimals >= 0)
		jsonw_int(w, "decimals", r->decimals);
	else
		jsonw_null(w, "decimals");
	jsonw_int(w, "polarity", r->polarity);
	jsonw_string(w, "annual", model_annual_names[r->annual]);
	jsonw_string(w, "region", r->region[0] != '\0' ? r->region : NULL);
	jsonw_string(w, "method", assess_method_names[method]);
	if (r->ran[method]) {
		jsonw_string(w, "status", explain_status_names[rec->status]);
		jsonw_string(w, "reason", explain_reason_names[rec->reason]);
		jsonw_string(w, "verdict", explain_verdict_names[rec->verdict]);
		assess_json_sentence(w, "reason_de", r, rec, "de");
		assess_json_sentence(w, "reason_en", r, rec, "en");
	}
	jsonw_int(w, "observations", (long long)r->observation_count);
	if (r->latest.has) {
		jsonw_object_line(w, "latest");
		assess_json_period(w, "period", &r->latest.period);
		assess_json_number(w, "value", r->latest.value);
		jsonw_string(w, "flags", r->latest.flag);
		jsonw_close(w);
	} else {
		jsonw_null(w, "latest");
	}
	assess_json_annual(w, "annual_values", &r->series);
	jsonw_int(w, "years_from_subannual", (long long)r->series.from_subannual);
	jsonw_int(w, "incomplete_years", (long long)r->series.incomplete);
	jsonw_object_line(w, "trend");
	jsonw_string(w, "direction", assess_direction_names[r->trend.direction]);
	if (r->trend.direction != ASSESS_DIRECTION_NONE) {
		assess_json_number(w, "change_per_year", r->trend.change);
		jsonw_int(w, "from_year", r->trend.from_year);
		jsonw_int(w, "to_year", r->trend.to_year);
	} else {
		jsonw_null(w, "change_per_year");
		jsonw_null(w, "from_year");
		jsonw_null(w, "to_year");
	}
	jsonw_int(w, "better", r->trend.better);
	jsonw_close(w);
	if (r->ran[method]) {
		assess_json_record(w, "assessment", r, rec);
		jsonw_int(w, "deciding_target", (long long)r->verdicts[method].deciding);
	} else {
		jsonw_null(w, "assessment");
		jsonw_null(w, "deciding_target");
	}
	jsonw_array(w, "targets");
	for (i = 0; i < r->target_count; i++)
		assess_json_target(w, r, &r->targets[i], method);
	jsonw_close(w);
	jsonw_close(w);
}

void
assess_json_result(struct buf *out, const struct assess_result *r,
    enum assess_method method)
{
	struct jsonw w;

	jsonw_init(&w, out);
	assess_json_indicator(&w, r, method);
	buf_putc(out, '\n');
}

void
assess_json_document(struct buf *out, enum assess_method method,
    const char *source, const char *region,
    const struct assess_result *results, size_t count)
{
	struct jsonw w;
	size_t i;

	jsonw_init(&w, out);
	jsonw_object(&w, NULL);
	jsonw_string(&w, "format", ASSESS_JSON_FORMAT);
	jsonw_string(&w, "method", assess_method_names[method]);
	jsonw_string(&w, "source", source);
	jsonw_string(&w, "region", region);
	jsonw_array(&w, "results");
	for (i = 0; i < count; i++)
		assess_json_indicator(&w, &results[i], method);
	jsonw_close(&w);
	jsonw_close(&w);
	buf_putc(out, '\n');
}
