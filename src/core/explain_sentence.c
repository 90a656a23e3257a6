/*
 * Plain-language sentences about explanation records (METHODS §1), in German and
 * English. The sentences are for people who never studied statistics: one sentence,
 * the trend in the indicator's own unit per year, the target, and what follows.
 * Numbers go through explain_number(), never through the C locale. This file
 * holds the writer, the numbers and phrases every method uses, and why a record
 * is not assessable; the methods' sentences are in explain_sentence_dns.c and
 * explain_sentence_progress.c.
 */
#include "core/explain.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/explain_sentence_internal.h"

static bool
explain_sentence_english(const char *lang)
{
	return lang != NULL && strncmp(lang, "en", 2) == 0;
}

void
explain_sentence_put(struct explain_sentence_writer *w, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	if (w->len < w->size)
		n = vsnprintf(w->buf + w->len, w->size - w->len, fmt, ap);
	else
		n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		w->len += (size_t)n;
}

double
explain_sentence_q(const struct explain *e, enum explain_quantity q)
{
	double v = 0;

	explain_get(e, q, &v);
	return v;
}

/* Digits after the mark that show v exactly (up to 3), e.g. 136.8 → 1. */
int
explain_sentence_exact_decimals(double v)
{
	int k;
	double scale = 1;

	for (k = 0; k < 3; k++, scale *= 10)
		if (fabs(v * scale - round(v * scale)) < 1e-6 * fmax(1, fabs(v * scale)))
			return k;
	return 3;
}

static int
explain_sentence_auto_decimals(const struct explain *e,
    const struct explain_subject *s)
{
	double m = 0, v;

	if (s != NULL && s->decimals >= 0)
		return s->decimals > 6 ? 6 : s->decimals;
	if (explain_get(e, EXPLAIN_Q_LAST_VALUE, &v))
		m = fmax(m, fabs(v));
	if (explain_get(e, EXPLAIN_Q_TARGET_VALUE, &v))
		m = fmax(m, fabs(v));
	if (explain_get(e, EXPLAIN_Q_REFERENCE_VALUE, &v))
		m = fmax(m, fabs(v));
	if (m >= 100)
		return 0;
	if (m >= 1 || m == 0)
		return 1;
	if (m >= 0.1)
		return 2;
	return 3;
}

static const char *
explain_sentence_unit(const struct explain_sentence_writer *w)
{
	return w->subject != NULL && w->subject->unit != NULL &&
	    w->subject->unit[0] != '\0' ? w->subject->unit : NULL;
}

static bool
explain_sentence_percent_unit(const struct explain_sentence_writer *w)
{
	const char *u = explain_sentence_unit(w);

	return u != NULL && strcmp(u, "%") == 0;
}

void
explain_sentence_put_number(struct explain_sentence_writer *w, double v,
    int decimals)
{
	char tmp[600];

	explain_number(v, decimals, w->en ? "en" : "de", tmp, sizeof(tmp));
	explain_sentence_put(w, "%s", tmp);
}

/* A level in the indicator's unit: "6,0 %", "6.0%", "51 ha/Tag". */
static void
explain_sentence_put_level(struct explain_sentence_writer *w, double v,
    int decimals)
{
	const char *u = explain_sentence_unit(w);

	explain_sentence_put_number(w, v, decimals);
	if (u == NULL)
		return;
	if (strcmp(u, "%") == 0 && w->en)
		explain_sentence_put(w, "%%");
	else
		explain_sentence_put(w, " %s", u);
}

void
explain_sentence_put_value(struct explain_sentence_writer *w, double v)
{
	explain_sentence_put_level(w, v, w->level_decimals);
}

void
explain_sentence_put_target(struct explain_sentence_writer *w, double v)
{
	int k = explain_sentence_exact_decimals(v);

	explain_sentence_put_level(w, v,
	    k > w->level_decimals ? k : w->level_decimals);
}

/* A change per year, as a magnitude: percent changes read as percentage points,
 * and enough digits that a small change does not print as zero. */
void
explain_sentence_put_change(struct explain_sentence_writer *w, double v)
{
	int k = w->level_decimals;
	const char *u = explain_sentence_unit(w);
	char tmp[600];

	v = fabs(v);
	while (k < 6 && v != 0 && v * pow(10, k) < 0.5)
		k++;
	explain_number(v, k, w->en ? "en" : "de", tmp, sizeof(tmp));
	explain_sentence_put(w, "%s", tmp);
	if (explain_sentence_percent_unit(w)) {
		bool one = strcmp(tmp, "1") == 0;

		if (w->en)
			explain_sentence_put(w,
			    one ? " percentage point" : " percentage points");
		else
			explain_sentence_put(w,
			    one ? " Prozentpunkt" : " Prozentpunkte");
	} else if (u != NULL) {
		explain_sentence_put(w, " %s", u);
	}
}

/* A signed change: "+0,3", "−0,1", "0". */
void
explain_sentence_put_signed_change(struct explain_sentence_writer *w, double v)
{
	if (v > 0)
		explain_sentence_put(w, "+");
	else if (v < 0)
		explain_sentence_put(w, EXPLAIN_SENTENCE_MINUS);
	explain_sentence_put_change(w, v);
}

/* A ratio as a percentage: 0.12 → "12 %", 0.035 → "3,5 %". */
void
explain_sentence_put_percent(struct explain_sentence_writer *w, double ratio)
{
	double pct = ratio * 100;

	/* One decimal below 10 %, where 4,5 % and 5,0 % straddle a threshold;
	 * none above (9,96 % prints as 10 %, not 10,0 %). */
	explain_sentence_put_number(w, pct, fabs(pct) < 9.95 ? 1 : 0);
	explain_sentence_put(w, w->en ? "%%" : " %%");
}

/* A growth rate per year as a magnitude with one decimal: "1,2 %". */
void
explain_sentence_put_rate(struct explain_sentence_writer *w, double rate)
{
	explain_sentence_put_number(w, fabs(rate) * 100, 1);
	explain_sentence_put(w, w->en ? "%%" : " %%");
}

void
explain_sentence_put_subject(struct explain_sentence_writer *w)
{
	if (w->subject != NULL && w->subject->name != NULL &&
	    w->subject->name[0] != '\0')
		explain_sentence_put(w, "%s", w->subject->name);
	else
		explain_sentence_put(w, w->en ? "The value" : "Der Wert");
}

/* Verb forms by number: explain_sentence_verb(w, "steigt", "steigen", "rises", "rise"). */
void
explain_sentence_verb(struct explain_sentence_writer *w, const char *de1,
    const char *de2,
    const char *en1, const char *en2)
{
	bool plural = w->subject != NULL && w->subject->plural;

	if (w->en)
		explain_sentence_put(w, "%s", plural ? en2 : en1);
	else
		explain_sentence_put(w, "%s", plural ? de2 : de1);
}

/* "Die Quote steigt im Mittel um 0,3 Prozentpunkte pro Jahr" and its variants. */
void
explain_sentence_put_trend(struct explain_sentence_writer *w, double mean)
{
	explain_sentence_put_subject(w);
	explain_sentence_put(w, " ");
	if (mean == 0) {
		explain_sentence_verb(w, "hat", "haben", "has", "have");
		explain_sentence_put(w,
		    w->en ? " not changed on average over recent years" :
		    " sich im Mittel der letzten Jahre nicht verändert");
		return;
	}
	if (mean > 0)
		explain_sentence_verb(w, "steigt", "steigen", "rises", "rise");
	else
		explain_sentence_verb(w, "sinkt", "sinken", "falls", "fall");
	if (w->en) {
		explain_sentence_put(w, " by ");
		explain_sentence_put_change(w, mean);
		explain_sentence_put(w, " a year on average");
	} else {
		explain_sentence_put(w, " im Mittel um ");
		explain_sentence_put_change(w, mean);
		explain_sentence_put(w, " pro Jahr");
	}
}

/* "das Ziel von mindestens 41,0 % für 2030" / "das jährliche Ziel von höchstens 60 %" */
void
explain_sentence_put_target_phrase(struct explain_sentence_writer *w,
    bool article)
{
	const struct explain *e = w->e;
	double year;
	bool has_year = explain_get(e, EXPLAIN_Q_TARGET_YEAR, &year);
	bool up = explain_sentence_q(e, EXPLAIN_Q_POLARITY) > 0;

	if (w->en) {
		explain_sentence_put(w, "%s%s of %s ", article ? "the " : "",
		    has_year ? "target" : "annual target",
		    up ? "at least" : "at most");
		explain_sentence_put_target(w, explain_sentence_q(e,
		    EXPLAIN_Q_TARGET_VALUE));
		if (has_year)
			explain_sentence_put(w, " by %d", (int)year);
	} else {
		explain_sentence_put(w, "%s%s von %s ", article ? "das " : "",
		    has_year ? "Ziel" : "jährliche Ziel",
		    up ? "mindestens" : "höchstens");
		explain_sentence_put_target(w, explain_sentence_q(e,
		    EXPLAIN_Q_TARGET_VALUE));
		if (has_year)
			explain_sentence_put(w, " bis %d", (int)year);
	}
}

/* Why there is no verdict, after "Keine Bewertung möglich: ". */
static void
explain_sentence_not_assessable(struct explain_sentence_writer *w)
{
	const struct explain *e = w->e;
	double have = explain_sentence_q(e, EXPLAIN_Q_POINTS_AVAILABLE);
	double need = explain_sentence_q(e, EXPLAIN_Q_MIN_POINTS);
	bool en = w->en;

	explain_sentence_put(w, en ? "No assessment possible: " :
	    "Keine Bewertung möglich: ");
	switch (e->reason) {
	case EXPLAIN_REASON_EMPTY_SERIES:
		explain_sentence_put(w,
		    en ? "there are no values" : "es liegen keine Werte vor");
		break;
	case EXPLAIN_REASON_BAD_SERIES:
		explain_sentence_put(w,
		    en ? "the series is malformed (periods out of order or "
		    "mixed, or values not numbers)" : "die Zeitreihe ist fehlerhaft "
		    "(Zeiträume nicht aufsteigend oder gemischt, oder ungültige Werte)");
		break;
	case EXPLAIN_REASON_NOT_ANNUAL:
		explain_sentence_put(w, en ? "the method needs annual values" :
		    "die Methode braucht Jahreswerte");
		break;
	case EXPLAIN_REASON_TOO_FEW_POINTS:
		if (explain_get(e, EXPLAIN_Q_MIN_POINTS, NULL))
			explain_sentence_put(w,
			    en ? "only %d values, at least %d are needed" :
			    "nur %d Werte, mindestens %d sind nötig", (int)have,
			    (int)need);
		else
			explain_sentence_put(w,
			    en ? "too few values for a trend" :
			    "zu wenige Werte für einen Trend");
		break;
	case EXPLAIN_REASON_TOO_FEW_AFTER_BREAK:
		explain_sentence_put(w,
		    en ? "after the break in series in %d there %s only %d "
		    "value%s" : "nach dem Bruch in der Zeitreihe %d %s nur %d Wert%s vor",
		    e->break_period.year, have == 1 ? (en ? "is" : "liegt") :
		    (en ? "are" : "liegen"), (int)have, have == 1 ? "" :
		    (en ? "s" : "e"));
		if (explain_get(e, EXPLAIN_Q_MIN_POINTS, NULL))
			explain_sentence_put(w,
			    en ? ", at least %d are needed" :
			    ", mindestens %d sind nötig", (int)need);
		break;
	case EXPLAIN_REASON_SPAN_TOO_SHORT:
		explain_sentence_put(w, en ? "the values cover too few years" :
		    "die Werte umfassen zu wenige Jahre");
		if (explain_get(e, EXPLAIN_Q_MIN_SPAN, NULL) &&
		    explain_get(e, EXPLAIN_Q_START_YEAR, NULL))
			explain_sentence_put(w,
			    en ? " (%d to %d, at least %d years are needed)" :
			    " (%d bis %d, mindestens %d Jahre sind nötig)",
			    (int)explain_sentence_q(e, EXPLAIN_Q_START_YEAR),
			    (int)explain_sentence_q(e, EXPLAIN_Q_LAST_YEAR),
			    (int)explain_sentence_q(e, EXPLAIN_Q_MIN_SPAN));
		break;
	case EXPLAIN_REASON_NO_POLARITY:
		explain_sentence_put(w,
		    en ? "it is not set whether higher or lower values are "
		    "better" : "es ist nicht festgelegt, ob höhere oder niedrigere "
		    "Werte besser sind");
		break;
	case EXPLAIN_REASON_NO_TARGET:
		explain_sentence_put(w,
		    en ? "there is no target" : "es gibt kein Ziel");
		break;
	case EXPLAIN_REASON_BAD_TARGET:
		explain_sentence_put(w,
		    en ? "the target is incomplete or contradictory" :
		    "das Ziel ist unvollständig oder widersprüchlich");
		break;
	case EXPLAIN_REASON_TARGET_YEAR_PASSED:
		explain_sentence_put(w, en ? "the target year has passed" :
		    "das Zieljahr ist bereits vorbei");
		break;
	case EXPLAIN_REASON_UNSUPPORTED_TARGET:
		explain_sentence_put(w,
		    en ? "the method cannot assess this kind of target" :
		    "diese Art von Ziel kann die Methode nicht bewerten");
		break;
	case EXPLAIN_REASON_NO_REFERENCE:
		explain_sentence_put(w,
		    en ? "the reference region's series is missing" :
		    "die Zeitreihe der Vergleichsregion fehlt");
		break;
	case EXPLAIN_REASON_NO_COMMON_PERIODS:
		explain_sentence_put(w,
		    en ? "the region and the reference region have no year "
		    "in common" : "Region und Vergleichsregion haben kein gemeinsames "
		    "Jahr");
		break;
	case EXPLAIN_REASON_ZERO_BASE:
		explain_sentence_put(w,
		    en ? "the starting value is zero, so there is no growth "
		    "rate" : "der Ausgangswert ist null, daraus ergibt sich keine "
		    "Wachstumsrate");
		break;
	case EXPLAIN_REASON_ZERO_VALUE:
		explain_sentence_put(w,
		    en ? "a value is zero, so there is no growth rate" :
		    "ein Wert ist null, daraus ergibt sich keine Wachstumsrate");
		break;
	case EXPLAIN_REASON_SIGN_CHANGE:
		explain_sentence_put(w,
		    en ? "the values change sign, so there is no growth rate" :
		    "die Werte wechseln das Vorzeichen, daraus ergibt sich keine "
		    "Wachstumsrate");
		break;
	case EXPLAIN_REASON_BASE_AFTER_LAST:
		explain_sentence_put(w,
		    en ? "the base year %d lies after the last value" :
		    "das Basisjahr %d liegt nach dem letzten Wert",
		    (int)explain_sentence_q(e, EXPLAIN_Q_BASE_YEAR));
		break;
	case EXPLAIN_REASON_TARGET_EQUALS_BASE:
		explain_sentence_put(w,
		    en ? "the target equals the starting value" :
		    "das Ziel ist gleich dem Ausgangswert");
		break;
	case EXPLAIN_REASON_NO_SERIES_SCORES:
		explain_sentence_put(w,
		    en ? "none of the indicator's series has a score" :
		    "keine Zeitreihe des Indikators hat eine Punktzahl");
		break;
	default:
		explain_sentence_put(w,
		    en ? "unknown reason" : "unbekannter Grund");
		break;
	}
}

size_t
explain_sentence(const struct explain *e, const struct explain_subject *subject,
    const char *lang, char *buf, size_t size)
{
	struct explain_sentence_writer w = { buf, size, 0,
	    explain_sentence_english(lang), subject, e,
	    0 };

	if (size > 0)
		buf[0] = '\0';
	w.level_decimals = explain_sentence_auto_decimals(e, subject);
	if (e->status != EXPLAIN_ASSESSED) {
		explain_sentence_not_assessable(&w);
	} else {
		switch (e->rule) {
		case EXPLAIN_RULE_DNS_PROJECTION:
			explain_sentence_dns_projection(&w);
			break;
		case EXPLAIN_RULE_DNS_LEVEL:
			explain_sentence_dns_level(&w);
			break;
		case EXPLAIN_RULE_DNS_DIRECTION:
			explain_sentence_dns_direction(&w);
			break;
		case EXPLAIN_RULE_DNS_REFERENCE:
			explain_sentence_dns_reference(&w);
			break;
		case EXPLAIN_RULE_EUROSTAT_TARGET:
		case EXPLAIN_RULE_EUROSTAT_TREND:
			explain_sentence_progress_eurostat(&w);
			break;
		case EXPLAIN_RULE_OPENSDG_TARGET:
		case EXPLAIN_RULE_OPENSDG_TREND:
		case EXPLAIN_RULE_OPENSDG_INDICATOR:
			explain_sentence_progress_opensdg(&w);
			break;
		default:
			explain_sentence_put(&w, "%s",
			    explain_verdict_label(e->verdict, lang));
			break;
		}
		if (e->after_break)
			explain_sentence_put(&w,
			    w.en ? " (counting from the break in series in %d)" :
			    " (gezählt ab dem Bruch in der Zeitreihe %d)",
			    e->break_period.year);
	}
	explain_sentence_put(&w, ".");
	return w.len;
}
