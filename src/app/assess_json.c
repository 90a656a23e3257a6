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

#include "util/text.h"

#define JSON_DEPTH_MAX	16

struct json_writer {
	struct buf	*out;
	int		 depth;
	bool		 first[JSON_DEPTH_MAX];
	bool		 inline_[JSON_DEPTH_MAX];
};

static void
json_string_value(struct buf *out, const char *s)
{
	const unsigned char *p;

	buf_putc(out, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':	buf_puts(out, "\\\""); break;
		case '\\':	buf_puts(out, "\\\\"); break;
		case '\n':	buf_puts(out, "\\n"); break;
		case '\t':	buf_puts(out, "\\t"); break;
		case '\r':	buf_puts(out, "\\r"); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				buf_printf(out, "\\u%04x", *p);
			else
				buf_putc(out, (char)*p);
		}
	}
	buf_putc(out, '"');
}

static void
json_newline(struct json_writer *w)
{
	int i;

	buf_putc(w->out, '\n');
	for (i = 0; i < w->depth; i++)
		buf_puts(w->out, "  ");
}

/* Before an element (with its key, when key is not NULL). */
static void
json_item(struct json_writer *w, const char *key)
{
	if (w->depth > 0) {
		if (!w->first[w->depth])
			buf_putc(w->out, ',');
		if (w->inline_[w->depth]) {
			if (!w->first[w->depth])
				buf_putc(w->out, ' ');
		} else {
			json_newline(w);
		}
		w->first[w->depth] = false;
	}
	if (key != NULL) {
		json_string_value(w->out, key);
		buf_puts(w->out, ": ");
	}
}

static void
json_open(struct json_writer *w, const char *key, char bracket, bool inline_)
{
	json_item(w, key);
	buf_putc(w->out, bracket);
	if (w->depth + 1 < JSON_DEPTH_MAX)
		w->depth++;
	w->first[w->depth] = true;
	w->inline_[w->depth] = inline_ || w->inline_[w->depth - 1];
}

static void
json_close(struct json_writer *w, char bracket)
{
	bool empty = w->first[w->depth], inline_ = w->inline_[w->depth];

	w->depth--;
	if (!empty && !inline_)
		json_newline(w);
	buf_putc(w->out, bracket);
}

static void
json_string(struct json_writer *w, const char *key, const char *value)
{
	json_item(w, key);
	if (value == NULL)
		buf_puts(w->out, "null");
	else
		json_string_value(w->out, value);
}

static void
json_number(struct json_writer *w, const char *key, double value)
{
	char text[40];

	json_item(w, key);
	if (!isfinite(value)) {
		buf_puts(w->out, "null");
		return;
	}
	/* Years and counts as integers: the shortest form of 2030 is 2.03e+03. */
	if (value == trunc(value) && fabs(value) < 1e15)
		snprintf(text, sizeof(text), "%.0f", value);
	else
		text_format_double(value, text, sizeof(text));
	buf_puts(w->out, text);
}

static void
json_int(struct json_writer *w, const char *key, long long value)
{
	json_item(w, key);
	buf_printf(w->out, "%lld", value);
}

static void
json_bool(struct json_writer *w, const char *key, bool value)
{
	json_item(w, key);
	buf_puts(w->out, value ? "true" : "false");
}

static void
json_null(struct json_writer *w, const char *key)
{
	json_item(w, key);
	buf_puts(w->out, "null");
}

static void
json_period(struct json_writer *w, const char *key, const struct period *p)
{
	char text[PERIOD_TEXT_MAX];

	period_format(p, text);
	json_string(w, key, text);
}

/* enum series_flag bits as wiall's letters: b, e, p (sorted). */
static const char *
json_flag_letters(unsigned flags, char out[4])
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
json_annual(struct json_writer *w, const char *key,
    const struct assess_annual *a)
{
	char letters[4];
	size_t i;

	json_open(w, key, '[', false);
	for (i = 0; i < a->count; i++) {
		json_open(w, NULL, '{', true);
		json_period(w, "period", &a->periods[i]);
		json_number(w, "value", a->values[i]);
		json_string(w, "flags", json_flag_letters(a->flags[i], letters));
		json_close(w, '}');
	}
	json_close(w, ']');
}

static void
json_sentence(struct json_writer *w, const char *key,
    const struct assess_result *r, const struct explain *rec, const char *lang)
{
	char text[2048];

	assess_sentence(r, rec, lang, text, sizeof(text));
	json_string(w, key, text);
}

/* The explanation record of METHODS §1. */
static void
json_record(struct json_writer *w, const char *key,
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

	json_open(w, key, '{', false);
	json_string(w, "method", explain_method_names[rec->method]);
	json_string(w, "version", rec->version);
	json_string(w, "rule", explain_rule_names[rec->rule]);
	json_string(w, "status", explain_status_names[rec->status]);
	json_string(w, "reason", explain_reason_names[rec->reason]);
	json_string(w, "verdict", explain_verdict_names[rec->verdict]);
	if (rec->verdict != EXPLAIN_VERDICT_NONE)
		json_int(w, "verdict_level", explain_verdict_level(rec->verdict));
	else
		json_null(w, "verdict_level");
	json_string(w, "label_de", rec->verdict != EXPLAIN_VERDICT_NONE ?
	    explain_verdict_label(rec->verdict, "de") : NULL);
	json_string(w, "label_en", rec->verdict != EXPLAIN_VERDICT_NONE ?
	    explain_verdict_label(rec->verdict, "en") : NULL);
	json_bool(w, "after_break", rec->after_break);
	if (rec->after_break)
		json_period(w, "break_period", &rec->break_period);
	else
		json_null(w, "break_period");
	for (role = 0; role < EXPLAIN_ROLE__MAX; role++) {
		json_open(w, groups[role], '{', false);
		for (q = 0; q < EXPLAIN_Q__MAX; q++)
			if (explain_quantity_role((enum explain_quantity)q) ==
			    (enum explain_role)role &&
			    explain_get(rec, (enum explain_quantity)q, &v))
				json_number(w, explain_quantity_names[q], v);
		json_close(w, '}');
		if (role == EXPLAIN_ROLE_PARAMETER) {
			json_open(w, "points", '[', false);
			for (i = 0; i < rec->point_count; i++) {
				json_open(w, NULL, '{', true);
				json_period(w, "period", &rec->points[i].period);
				json_number(w, "value", rec->points[i].value);
				json_close(w, '}');
			}
			json_close(w, ']');
		}
	}
	json_sentence(w, "reason_de", r, rec, "de");
	json_sentence(w, "reason_en", r, rec, "en");
	json_close(w, '}');
}

static void
json_target(struct json_writer *w, const struct assess_result *r,
    const struct assess_target *t, enum assess_method method)
{
	const struct target_version *v = t->version;

	json_open(w, NULL, '{', false);
	json_string(w, "code", t->code);
	json_string(w, "kind", model_target_kind_names[t->kind]);
	json_bool(w, "implied", v == NULL);
	if (v != NULL && v->has_value)
		json_number(w, "value", v->value);
	else
		json_null(w, "value");
	if (v != NULL && v->has_low)
		json_number(w, "low", v->low);
	else
		json_null(w, "low");
	if (v != NULL && v->has_high)
		json_number(w, "high", v->high);
	else
		json_null(w, "high");
	if (v != NULL && v->year != 0)
		json_int(w, "year", v->year);
	else
		json_null(w, "year");
	json_string(w, "reference_region", t->reference_region);
	json_int(w, "polarity", t->polarity);
	json_bool(w, "polarity_derived", t->polarity_derived);
	json_string(w, "note_de", v != NULL ? v->note_de : NULL);
	json_string(w, "note_en", v != NULL ? v->note_en : NULL);
	json_string(w, "valid_from", v != NULL ? v->valid_from : NULL);
	if (t->kind == MODEL_TARGET_REFERENCE)
		json_annual(w, "reference_values", &t->reference);
	if (r->ran[method])
		json_record(w, "assessment", r, &t->records[method]);
	else
		json_null(w, "assessment");
	json_close(w, '}');
}

static void
json_result(struct json_writer *w, const struct assess_result *r,
    enum assess_method method)
{
	const struct explain *rec = &r->verdicts[method].combined;
	size_t i;

	json_open(w, NULL, '{', false);
	json_string(w, "indicator", r->indicator);
	json_string(w, "title_de", r->title_de);
	json_string(w, "title_en", r->title_en);
	json_string(w, "unit", r->unit);
	if (r->decimals >= 0)
		json_int(w, "decimals", r->decimals);
	else
		json_null(w, "decimals");
	json_int(w, "polarity", r->polarity);
	json_string(w, "annual", model_annual_names[r->annual]);
	json_string(w, "region", r->region[0] != '\0' ? r->region : NULL);
	json_string(w, "method", assess_method_names[method]);
	if (r->ran[method]) {
		json_string(w, "status", explain_status_names[rec->status]);
		json_string(w, "reason", explain_reason_names[rec->reason]);
		json_string(w, "verdict", explain_verdict_names[rec->verdict]);
		json_sentence(w, "reason_de", r, rec, "de");
		json_sentence(w, "reason_en", r, rec, "en");
	}
	json_int(w, "observations", (long long)r->observation_count);
	if (r->latest.has) {
		json_open(w, "latest", '{', true);
		json_period(w, "period", &r->latest.period);
		json_number(w, "value", r->latest.value);
		json_string(w, "flags", r->latest.flag);
		json_close(w, '}');
	} else {
		json_null(w, "latest");
	}
	json_annual(w, "annual_values", &r->series);
	json_int(w, "years_from_subannual", (long long)r->series.from_subannual);
	json_int(w, "incomplete_years", (long long)r->series.incomplete);
	json_open(w, "trend", '{', true);
	json_string(w, "direction", assess_direction_names[r->trend.direction]);
	if (r->trend.direction != ASSESS_DIRECTION_NONE) {
		json_number(w, "change_per_year", r->trend.change);
		json_int(w, "from_year", r->trend.from_year);
		json_int(w, "to_year", r->trend.to_year);
	} else {
		json_null(w, "change_per_year");
		json_null(w, "from_year");
		json_null(w, "to_year");
	}
	json_int(w, "better", r->trend.better);
	json_close(w, '}');
	if (r->ran[method]) {
		json_record(w, "assessment", r, rec);
		json_int(w, "deciding_target", (long long)r->verdicts[method].deciding);
	} else {
		json_null(w, "assessment");
		json_null(w, "deciding_target");
	}
	json_open(w, "targets", '[', false);
	for (i = 0; i < r->target_count; i++)
		json_target(w, r, &r->targets[i], method);
	json_close(w, ']');
	json_close(w, '}');
}

void
assess_json_result(struct buf *out, const struct assess_result *r,
    enum assess_method method)
{
	struct json_writer w = { out, 0, { false }, { false } };

	json_result(&w, r, method);
	buf_putc(out, '\n');
}

void
assess_json_document(struct buf *out, enum assess_method method,
    const char *source, const char *region,
    const struct assess_result *results, size_t count)
{
	struct json_writer w = { out, 0, { false }, { false } };
	size_t i;

	json_open(&w, NULL, '{', false);
	json_string(&w, "format", ASSESS_JSON_FORMAT);
	json_string(&w, "method", assess_method_names[method]);
	json_string(&w, "source", source);
	json_string(&w, "region", region);
	json_open(&w, "results", '[', false);
	for (i = 0; i < count; i++)
		json_result(&w, &results[i], method);
	json_close(&w, ']');
	json_close(&w, '}');
	buf_putc(out, '\n');
}
