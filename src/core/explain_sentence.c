/*
 * Plain-language sentences about explanation records (METHODS §1), in German and
 * English. The sentences are for people who never studied statistics: one sentence,
 * the trend in the indicator's own unit per year, the target, and what follows.
 * Numbers go through explain_number(), never through the C locale.
 */
#include "core/explain.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define SENTENCE_MINUS	"\xe2\x88\x92"	/* U+2212 MINUS SIGN */

static bool
sentence_english(const char *lang)
{
	return lang != NULL && strncmp(lang, "en", 2) == 0;
}

/* A bounded writer: keeps counting when the buffer is full, like snprintf. */
struct sentence_writer {
	char	*buf;
	size_t	 size;
	size_t	 len;
	bool	 en;
	const struct explain_subject *subject;
	const struct explain *e;
	int	 level_decimals;
};

static void sentence_put(struct sentence_writer *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
sentence_put(struct sentence_writer *w, const char *fmt, ...)
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

static double
sentence_q(const struct explain *e, enum explain_quantity q)
{
	double v = 0;

	explain_get(e, q, &v);
	return v;
}

/* Digits after the mark that show v exactly (up to 3), e.g. 136.8 → 1. */
static int
sentence_exact_decimals(double v)
{
	int k;
	double scale = 1;

	for (k = 0; k < 3; k++, scale *= 10)
		if (fabs(v * scale - round(v * scale)) < 1e-6 * fmax(1, fabs(v * scale)))
			return k;
	return 3;
}

static int
sentence_auto_decimals(const struct explain *e, const struct explain_subject *s)
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
sentence_unit(const struct sentence_writer *w)
{
	return w->subject != NULL && w->subject->unit != NULL &&
	    w->subject->unit[0] != '\0' ? w->subject->unit : NULL;
}

static bool
sentence_percent_unit(const struct sentence_writer *w)
{
	const char *u = sentence_unit(w);

	return u != NULL && strcmp(u, "%") == 0;
}

static void
sentence_put_number(struct sentence_writer *w, double v, int decimals)
{
	char tmp[600];

	explain_number(v, decimals, w->en ? "en" : "de", tmp, sizeof(tmp));
	sentence_put(w, "%s", tmp);
}

/* A level in the indicator's unit: "6,0 %", "6.0%", "51 ha/Tag". */
static void
sentence_put_level(struct sentence_writer *w, double v, int decimals)
{
	const char *u = sentence_unit(w);

	sentence_put_number(w, v, decimals);
	if (u == NULL)
		return;
	if (strcmp(u, "%") == 0 && w->en)
		sentence_put(w, "%%");
	else
		sentence_put(w, " %s", u);
}

static void
sentence_put_value(struct sentence_writer *w, double v)
{
	sentence_put_level(w, v, w->level_decimals);
}

static void
sentence_put_target(struct sentence_writer *w, double v)
{
	int k = sentence_exact_decimals(v);

	sentence_put_level(w, v, k > w->level_decimals ? k : w->level_decimals);
}

/* A change per year, as a magnitude: percent changes read as percentage points,
 * and enough digits that a small change does not print as zero. */
static void
sentence_put_change(struct sentence_writer *w, double v)
{
	int k = w->level_decimals;
	const char *u = sentence_unit(w);
	char tmp[600];

	v = fabs(v);
	while (k < 6 && v != 0 && v * pow(10, k) < 0.5)
		k++;
	explain_number(v, k, w->en ? "en" : "de", tmp, sizeof(tmp));
	sentence_put(w, "%s", tmp);
	if (sentence_percent_unit(w)) {
		bool one = strcmp(tmp, "1") == 0;

		if (w->en)
			sentence_put(w, one ? " percentage point" : " percentage points");
		else
			sentence_put(w, one ? " Prozentpunkt" : " Prozentpunkte");
	} else if (u != NULL) {
		sentence_put(w, " %s", u);
	}
}

/* A signed change: "+0,3", "−0,1", "0". */
static void
sentence_put_signed_change(struct sentence_writer *w, double v)
{
	if (v > 0)
		sentence_put(w, "+");
	else if (v < 0)
		sentence_put(w, SENTENCE_MINUS);
	sentence_put_change(w, v);
}

/* A ratio as a percentage: 0.12 → "12 %", 0.035 → "3,5 %". */
static void
sentence_put_percent(struct sentence_writer *w, double ratio)
{
	double pct = ratio * 100;

	/* One decimal below 10 %, where 4,5 % and 5,0 % straddle a threshold;
	 * none above (9,96 % prints as 10 %, not 10,0 %). */
	sentence_put_number(w, pct, fabs(pct) < 9.95 ? 1 : 0);
	sentence_put(w, w->en ? "%%" : " %%");
}

/* A growth rate per year as a magnitude with one decimal: "1,2 %". */
static void
sentence_put_rate(struct sentence_writer *w, double rate)
{
	sentence_put_number(w, fabs(rate) * 100, 1);
	sentence_put(w, w->en ? "%%" : " %%");
}

static void
sentence_put_subject(struct sentence_writer *w)
{
	if (w->subject != NULL && w->subject->name != NULL &&
	    w->subject->name[0] != '\0')
		sentence_put(w, "%s", w->subject->name);
	else
		sentence_put(w, w->en ? "The value" : "Der Wert");
}

/* Verb forms by number: sentence_verb(w, "steigt", "steigen", "rises", "rise"). */
static void
sentence_verb(struct sentence_writer *w, const char *de1, const char *de2,
    const char *en1, const char *en2)
{
	bool plural = w->subject != NULL && w->subject->plural;

	if (w->en)
		sentence_put(w, "%s", plural ? en2 : en1);
	else
		sentence_put(w, "%s", plural ? de2 : de1);
}

/* "Die Quote steigt im Mittel um 0,3 Prozentpunkte pro Jahr" and its variants. */
static void
sentence_put_trend(struct sentence_writer *w, double mean)
{
	sentence_put_subject(w);
	sentence_put(w, " ");
	if (mean == 0) {
		sentence_verb(w, "hat", "haben", "has", "have");
		sentence_put(w, w->en ? " not changed on average over recent years" :
		    " sich im Mittel der letzten Jahre nicht verändert");
		return;
	}
	if (mean > 0)
		sentence_verb(w, "steigt", "steigen", "rises", "rise");
	else
		sentence_verb(w, "sinkt", "sinken", "falls", "fall");
	if (w->en) {
		sentence_put(w, " by ");
		sentence_put_change(w, mean);
		sentence_put(w, " a year on average");
	} else {
		sentence_put(w, " im Mittel um ");
		sentence_put_change(w, mean);
		sentence_put(w, " pro Jahr");
	}
}

/* "das Ziel von mindestens 41,0 % für 2030" / "das jährliche Ziel von höchstens 60 %" */
static void
sentence_put_target_phrase(struct sentence_writer *w, bool article)
{
	const struct explain *e = w->e;
	double year;
	bool has_year = explain_get(e, EXPLAIN_Q_TARGET_YEAR, &year);
	bool up = sentence_q(e, EXPLAIN_Q_POLARITY) > 0;

	if (w->en) {
		sentence_put(w, "%s%s of %s ", article ? "the " : "",
		    has_year ? "target" : "annual target",
		    up ? "at least" : "at most");
		sentence_put_target(w, sentence_q(e, EXPLAIN_Q_TARGET_VALUE));
		if (has_year)
			sentence_put(w, " by %d", (int)year);
	} else {
		sentence_put(w, "%s%s von %s ", article ? "das " : "",
		    has_year ? "Ziel" : "jährliche Ziel",
		    up ? "mindestens" : "höchstens");
		sentence_put_target(w, sentence_q(e, EXPLAIN_Q_TARGET_VALUE));
		if (has_year)
			sentence_put(w, " bis %d", (int)year);
	}
}

/* §2.2 A. */
static void
sentence_dns_projection(struct sentence_writer *w)
{
	const struct explain *e = w->e;
	double mean = sentence_q(e, EXPLAIN_Q_MEAN_CHANGE), r;
	double year = sentence_q(e, EXPLAIN_Q_TARGET_YEAR);
	double goal = sentence_q(e, EXPLAIN_Q_TARGET_VALUE);

	sentence_put_trend(w, mean);
	if (e->verdict == EXPLAIN_VERDICT_THUNDERSTORM) {
		if (mean == 0) {
			sentence_put(w, w->en ? "; at this rate the target of " :
			    "; so wird das Ziel ");
			sentence_put_target(w, goal);
			sentence_put(w, w->en ? " by %d will not be reached" :
			    " bis %d nicht erreicht", (int)year);
		} else {
			if (w->en) {
				sentence_put(w, ", away from the target of ");
			} else {
				sentence_put(w, " und ");
				sentence_verb(w, "entfernt", "entfernen", "", "");
				sentence_put(w, " sich damit vom Ziel ");
			}
			sentence_put_target(w, goal);
			sentence_put(w, w->en ? " by %d" : " bis %d", (int)year);
		}
		return;
	}
	r = sentence_q(e, EXPLAIN_Q_MISS_RATIO);
	sentence_put(w, w->en ? "; at this pace the target of " :
	    "; bei diesem Tempo wird das Ziel ");
	sentence_put_target(w, goal);
	sentence_put(w, w->en ? " by %d will be " : " bis %d ", (int)year);
	if (r <= 0) {
		sentence_put(w, w->en ? "reached (projected: " :
		    "erreicht (voraussichtlich ");
		sentence_put_value(w, sentence_q(e, EXPLAIN_Q_PROJECTED_VALUE));
		sentence_put(w, ")");
		return;
	}
	if (e->verdict == EXPLAIN_VERDICT_SUN)
		sentence_put(w, w->en ? "almost reached" : "fast erreicht");
	else if (e->verdict == EXPLAIN_VERDICT_SUN_BEHIND_CLOUD)
		sentence_put(w, w->en ? "narrowly missed" : "knapp verfehlt");
	else
		sentence_put(w, w->en ? "clearly missed" : "deutlich verfehlt");
	sentence_put(w, w->en ? " (shortfall " : " (Abweichung ");
	sentence_put_percent(w, r);
	sentence_put(w, w->en ? " of today's distance to the target)" :
	    " des heutigen Abstands zum Ziel)");
}

/* §2.2 C. */
static void
sentence_dns_level(struct sentence_writer *w)
{
	const struct explain *e = w->e;
	double mean = sentence_q(e, EXPLAIN_Q_MEAN_CHANGE);
	bool up = sentence_q(e, EXPLAIN_Q_POLARITY) > 0;
	bool met = e->verdict == EXPLAIN_VERDICT_SUN ||
	    e->verdict == EXPLAIN_VERDICT_SUN_BEHIND_CLOUD;

	sentence_put_subject(w);
	sentence_put(w, " ");
	if (w->en) {
		if (met) {
			sentence_verb(w, "", "", "is", "are");
			sentence_put(w, " at ");
		} else {
			sentence_verb(w, "", "", "misses", "miss");
			sentence_put(w, " ");
			sentence_put_target_phrase(w, true);
			sentence_put(w, " at ");
		}
		sentence_put_value(w, sentence_q(e, EXPLAIN_Q_LAST_VALUE));
		sentence_put(w, " (%d)", (int)sentence_q(e, EXPLAIN_Q_LAST_YEAR));
		if (met) {
			sentence_put(w, ", meeting ");
			sentence_put_target_phrase(w, true);
		}
	} else {
		if (met)
			sentence_verb(w, "liegt", "liegen", "", "");
		else
			sentence_verb(w, "verfehlt", "verfehlen", "", "");
		sentence_put(w, " mit ");
		sentence_put_value(w, sentence_q(e, EXPLAIN_Q_LAST_VALUE));
		sentence_put(w, " (%d) ", (int)sentence_q(e, EXPLAIN_Q_LAST_YEAR));
		if (met) {
			sentence_put(w, "im Rahmen des %s von %s ",
			    explain_get(e, EXPLAIN_Q_TARGET_YEAR, NULL) ? "Ziels" :
			    "jährlichen Ziels", up ? "mindestens" : "höchstens");
			sentence_put_target(w, sentence_q(e, EXPLAIN_Q_TARGET_VALUE));
			if (explain_get(e, EXPLAIN_Q_TARGET_YEAR, NULL))
				sentence_put(w, " bis %d",
				    (int)sentence_q(e, EXPLAIN_Q_TARGET_YEAR));
		} else {
			sentence_put_target_phrase(w, true);
		}
	}
	switch (e->verdict) {
	case EXPLAIN_VERDICT_SUN:
		sentence_put(w, w->en ?
		    ", and the trend of recent years does not point the wrong way" :
		    ", und der Trend der letzten Jahre weist nicht in die falsche Richtung");
		return;
	case EXPLAIN_VERDICT_THUNDERSTORM:
		if (w->en) {
			sentence_put(w, " and ");
			sentence_verb(w, "", "", "moves", "move");
			sentence_put(w, " further away by ");
			sentence_put_change(w, mean);
			sentence_put(w, " a year on average");
		} else {
			sentence_put(w, " und ");
			sentence_verb(w, "entfernt", "entfernen", "", "");
			sentence_put(w, " sich im Mittel um ");
			sentence_put_change(w, mean);
			sentence_put(w, " pro Jahr weiter davon");
		}
		return;
	default:
		break;
	}
	/* Sun behind cloud (met, moving the wrong way) or cloud (not met, moving the
	 * right way or not at all). */
	if (mean == 0) {
		sentence_put(w, w->en ? ", but " : ", ");
		sentence_verb(w, "hat", "haben", "has", "have");
		sentence_put(w, w->en ? " not moved closer on average over recent years" :
		    " sich im Mittel der letzten Jahre aber auch nicht darauf zubewegt");
		return;
	}
	sentence_put(w, ", ");
	if (w->en)
		sentence_put(w, "but ");
	if (mean > 0)
		sentence_verb(w, "steigt", "steigen", "rises", "rise");
	else
		sentence_verb(w, "sinkt", "sinken", "falls", "fall");
	if (w->en) {
		sentence_put(w, " by ");
		sentence_put_change(w, mean);
		sentence_put(w, " a year on average, the %s way", met ? "wrong" : "right");
	} else {
		sentence_put(w, " aber im Mittel um ");
		sentence_put_change(w, mean);
		sentence_put(w, " pro Jahr in die %s Richtung", met ? "falsche" : "richtige");
	}
}

/* §2.2 D. */
static void
sentence_dns_direction(struct sentence_writer *w)
{
	const struct explain *e = w->e;
	double mean = sentence_q(e, EXPLAIN_Q_MEAN_CHANGE);
	double delta = sentence_q(e, EXPLAIN_Q_LAST_CHANGE);
	bool good_mean = e->verdict == EXPLAIN_VERDICT_SUN ||
	    e->verdict == EXPLAIN_VERDICT_SUN_BEHIND_CLOUD;
	bool good_last = e->verdict == EXPLAIN_VERDICT_SUN ||
	    e->verdict == EXPLAIN_VERDICT_CLOUD;

	sentence_put_trend(w, mean);
	if (mean != 0)
		sentence_put(w, "%s", good_mean ? (w->en ? ", as desired" :
		    ", wie gewünscht") : (w->en ? ", against the desired direction" :
		    ", entgegen der gewünschten Richtung"));
	if (delta == 0) {
		sentence_put(w, w->en ? "; the latest value did not change" :
		    "; zuletzt hat sich der Wert nicht verändert");
		return;
	}
	sentence_put(w, w->en ? "; the latest change (" : "; die letzte Veränderung (");
	sentence_put_signed_change(w, delta);
	if (w->en)
		sentence_put(w, ") points the %s way%s", good_last ? "desired" : "wrong",
		    good_last == good_mean ? " too" : "");
	else
		sentence_put(w, ") weist %sin die %s Richtung",
		    good_last == good_mean ? "ebenfalls " : "aber ",
		    good_last ? "gewünschte" : "falsche");
}

/* §2.5. */
static void
sentence_dns_reference(struct sentence_writer *w)
{
	const struct explain *e = w->e;
	double x = sentence_q(e, EXPLAIN_Q_LAST_VALUE);
	double ref = sentence_q(e, EXPLAIN_Q_REFERENCE_VALUE);
	double mean = sentence_q(e, EXPLAIN_Q_MEAN_CHANGE);
	bool met = e->verdict == EXPLAIN_VERDICT_SUN ||
	    e->verdict == EXPLAIN_VERDICT_SUN_BEHIND_CLOUD;

	sentence_put_subject(w);
	sentence_put(w, " ");
	sentence_verb(w, "liegt", "liegen", "is", "are");
	sentence_put(w, w->en ? " at " : " mit ");
	sentence_put_value(w, x);
	sentence_put(w, w->en ? " (%d)" : " (%d) ", (int)sentence_q(e, EXPLAIN_Q_LAST_YEAR));
	if (w->en)
		sentence_put(w, ", %s the reference region's value of ", x > ref ?
		    "above" : x < ref ? "below" : "level with");
	else
		sentence_put(w, "%s dem Wert der Vergleichsregion (", x > ref ?
		    "über" : x < ref ? "unter" : "gleichauf mit");
	sentence_put_value(w, ref);
	if (!w->en)
		sentence_put(w, ")");
	if (x == ref)
		sentence_put(w, w->en ? ", so as good" : ", also gleich gut");
	else if (met)
		sentence_put(w, w->en ? ", so better" : ", also besser");
	else
		sentence_put(w, w->en ? ", so worse" : ", also schlechter");
	if (mean == 0) {
		sentence_put(w, w->en ? ", and the gap stays the same on average" :
		    ", und der Abstand bleibt im Mittel gleich");
		return;
	}
	if (met && mean > 0)
		sentence_put(w, w->en ? ", and the lead grows by " :
		    ", und der Vorsprung wächst im Mittel um ");
	else if (met)
		sentence_put(w, w->en ? ", but the lead shrinks by " :
		    ", aber der Vorsprung schrumpft im Mittel um ");
	else if (mean > 0) {
		sentence_put(w, ", ");
		sentence_verb(w, "holt", "holen", "but catches", "but catch");
		sentence_put(w, w->en ? " up by " : " aber im Mittel um ");
	} else {
		sentence_put(w, w->en ? ", and the gap grows by " :
		    ", und der Rückstand wächst im Mittel um ");
	}
	sentence_put_change(w, mean);
	if (w->en)
		sentence_put(w, " a year on average");
	else
		sentence_put(w, " pro Jahr%s", !met && mean > 0 ? " auf" : "");
}

/* "wächst seit 2019 um durchschnittlich 1,2 % pro Jahr" */
static void
sentence_put_growth(struct sentence_writer *w, double rate, int since)
{
	sentence_put_subject(w);
	sentence_put(w, " ");
	if (rate == 0) {
		sentence_verb(w, "ist", "sind", "has", "have");
		sentence_put(w, w->en ? " not changed since %d" :
		    " seit %d unverändert", since);
		return;
	}
	if (w->en) {
		sentence_verb(w, "", "", "has", "have");
		sentence_put(w, rate > 0 ? " grown by " : " shrunk by ");
		sentence_put_rate(w, rate);
		sentence_put(w, " a year on average since %d", since);
	} else {
		if (rate > 0)
			sentence_verb(w, "wächst", "wachsen", "", "");
		else
			sentence_verb(w, "schrumpft", "schrumpfen", "", "");
		sentence_put(w, " seit %d um durchschnittlich ", since);
		sentence_put_rate(w, rate);
		sentence_put(w, " pro Jahr");
	}
}

/* §2.3. */
static void
sentence_eurostat(struct sentence_writer *w)
{
	const struct explain *e = w->e;
	double actual = sentence_q(e, EXPLAIN_Q_RATE_ACTUAL);
	int since = (int)sentence_q(e, EXPLAIN_Q_START_YEAR);
	const char *label = explain_verdict_label(e->verdict, w->en ? "en" : "de");

	sentence_put_growth(w, actual, since);
	if (e->rule == EXPLAIN_RULE_EUROSTAT_TREND) {
		if (actual != 0)
			sentence_put(w, "%s", (sentence_q(e, EXPLAIN_Q_GROWTH_SIGNED) > 0) ?
			    (w->en ? ", the desired way" : ", in die gewünschte Richtung") :
			    (w->en ? ", the wrong way" : ", in die falsche Richtung"));
		sentence_put(w, ": %s", label);
		return;
	}
	sentence_put(w, w->en ? "; reaching " : "; für ");
	sentence_put_target_phrase(w, true);
	sentence_put(w, w->en ? " would need %s of " : " wäre ein %s von ",
	    sentence_q(e, EXPLAIN_Q_RATE_REQUIRED) >= 0 ?
	    (w->en ? "growth" : "Wachstum") : (w->en ? "a decline" : "Rückgang"));
	sentence_put_rate(w, sentence_q(e, EXPLAIN_Q_RATE_REQUIRED));
	sentence_put(w, w->en ? " a year: %s (" : " pro Jahr nötig: %s (", label);
	sentence_put_percent(w, sentence_q(e, EXPLAIN_Q_RATE_RATIO));
	sentence_put(w, w->en ? " of the pace needed)" : " des nötigen Tempos)");
}

static void
sentence_put_score(struct sentence_writer *w)
{
	double score = sentence_q(w->e, EXPLAIN_Q_SCORE);
	int k = sentence_exact_decimals(score);

	sentence_put(w, w->en ? " (score " : " (Punktzahl ");
	sentence_put_number(w, score, k > 2 ? 2 : k);
	sentence_put(w, w->en ? " on a scale from " SENTENCE_MINUS "5 to 5)" :
	    " auf der Skala von " SENTENCE_MINUS "5 bis 5)");
}

/* §2.4. */
static void
sentence_opensdg(struct sentence_writer *w)
{
	const struct explain *e = w->e;
	const char *label = explain_verdict_label(e->verdict, w->en ? "en" : "de");
	double n;

	if (e->rule == EXPLAIN_RULE_OPENSDG_INDICATOR) {
		n = sentence_q(e, EXPLAIN_Q_SERIES_COUNT);
		if (e->verdict == EXPLAIN_VERDICT_TARGET_ACHIEVED)
			sentence_put(w, w->en ? "All %d series of the indicator have "
			    "reached their target" : "Alle %d Zeitreihen des Indikators "
			    "haben ihr Ziel erreicht", (int)n);
		else
			sentence_put(w, w->en ? "Averaged over its %d series, the "
			    "indicator shows %s" : "Im Mittel seiner %d Zeitreihen "
			    "zeigt der Indikator %s", (int)n, label);
		sentence_put_score(w);
		return;
	}
	if (e->verdict == EXPLAIN_VERDICT_TARGET_ACHIEVED) {
		sentence_put_subject(w);
		sentence_put(w, " ");
		sentence_verb(w, "hat", "haben", "has", "have");
		sentence_put(w, w->en ? " reached " : " mit ");
		if (w->en) {
			sentence_put_target_phrase(w, true);
			sentence_put(w, " at ");
			sentence_put_value(w, sentence_q(e, EXPLAIN_Q_LAST_VALUE));
			sentence_put(w, " (%d)", (int)sentence_q(e, EXPLAIN_Q_LAST_YEAR));
		} else {
			sentence_put_value(w, sentence_q(e, EXPLAIN_Q_LAST_VALUE));
			sentence_put(w, " (%d) ", (int)sentence_q(e, EXPLAIN_Q_LAST_YEAR));
			sentence_put_target_phrase(w, true);
			sentence_put(w, " erreicht");
		}
		sentence_put_score(w);
		return;
	}
	sentence_put_growth(w, sentence_q(e, EXPLAIN_Q_RATE_ACTUAL),
	    (int)sentence_q(e, EXPLAIN_Q_START_YEAR));
	if (e->rule == EXPLAIN_RULE_OPENSDG_TARGET) {
		double p = sentence_q(e, EXPLAIN_Q_PROGRESS);

		if (w->en) {
			if (p >= 0) {
				sentence_put(w, ", ");
				sentence_put_percent(w, p);
				sentence_put(w, " of the pace needed for ");
			} else {
				sentence_put(w, ", away from ");
			}
			sentence_put_target_phrase(w, true);
		} else {
			if (p >= 0) {
				sentence_put(w, ", das sind ");
				sentence_put_percent(w, p);
				sentence_put(w, " des Tempos für das Ziel von ");
			} else {
				sentence_put(w, ", also weg vom Ziel von ");
			}
			sentence_put(w, "%s ", sentence_q(e, EXPLAIN_Q_POLARITY) > 0 ?
			    "mindestens" : "höchstens");
			sentence_put_target(w, sentence_q(e, EXPLAIN_Q_TARGET_VALUE));
			sentence_put(w, " bis %d", (int)sentence_q(e, EXPLAIN_Q_TARGET_YEAR));
		}
	} else if (sentence_q(e, EXPLAIN_Q_RATE_ACTUAL) != 0) {
		sentence_put(w, "%s", sentence_q(e, EXPLAIN_Q_PROGRESS) > 0 ?
		    (w->en ? ", the desired way" : ", in die gewünschte Richtung") :
		    (w->en ? ", the wrong way" : ", in die falsche Richtung"));
	}
	sentence_put(w, ": %s", label);
	sentence_put_score(w);
}

/* Why there is no verdict, after "Keine Bewertung möglich: ". */
static void
sentence_not_assessable(struct sentence_writer *w)
{
	const struct explain *e = w->e;
	double have = sentence_q(e, EXPLAIN_Q_POINTS_AVAILABLE);
	double need = sentence_q(e, EXPLAIN_Q_MIN_POINTS);
	bool en = w->en;

	sentence_put(w, en ? "No assessment possible: " :
	    "Keine Bewertung möglich: ");
	switch (e->reason) {
	case EXPLAIN_REASON_EMPTY_SERIES:
		sentence_put(w, en ? "there are no values" : "es liegen keine Werte vor");
		break;
	case EXPLAIN_REASON_BAD_SERIES:
		sentence_put(w, en ? "the series is malformed (periods out of order or "
		    "mixed, or values not numbers)" : "die Zeitreihe ist fehlerhaft "
		    "(Zeiträume nicht aufsteigend oder gemischt, oder ungültige Werte)");
		break;
	case EXPLAIN_REASON_NOT_ANNUAL:
		sentence_put(w, en ? "the method needs annual values" :
		    "die Methode braucht Jahreswerte");
		break;
	case EXPLAIN_REASON_TOO_FEW_POINTS:
		if (explain_get(e, EXPLAIN_Q_MIN_POINTS, NULL))
			sentence_put(w, en ? "only %d values, at least %d are needed" :
			    "nur %d Werte, mindestens %d sind nötig", (int)have,
			    (int)need);
		else
			sentence_put(w, en ? "too few values for a trend" :
			    "zu wenige Werte für einen Trend");
		break;
	case EXPLAIN_REASON_TOO_FEW_AFTER_BREAK:
		sentence_put(w, en ? "after the break in series in %d there %s only %d "
		    "value%s" : "nach dem Bruch in der Zeitreihe %d %s nur %d Wert%s vor",
		    e->break_period.year, have == 1 ? (en ? "is" : "liegt") :
		    (en ? "are" : "liegen"), (int)have, have == 1 ? "" :
		    (en ? "s" : "e"));
		if (explain_get(e, EXPLAIN_Q_MIN_POINTS, NULL))
			sentence_put(w, en ? ", at least %d are needed" :
			    ", mindestens %d sind nötig", (int)need);
		break;
	case EXPLAIN_REASON_SPAN_TOO_SHORT:
		sentence_put(w, en ? "the values cover too few years" :
		    "die Werte umfassen zu wenige Jahre");
		if (explain_get(e, EXPLAIN_Q_MIN_SPAN, NULL) &&
		    explain_get(e, EXPLAIN_Q_START_YEAR, NULL))
			sentence_put(w, en ? " (%d to %d, at least %d years are needed)" :
			    " (%d bis %d, mindestens %d Jahre sind nötig)",
			    (int)sentence_q(e, EXPLAIN_Q_START_YEAR),
			    (int)sentence_q(e, EXPLAIN_Q_LAST_YEAR),
			    (int)sentence_q(e, EXPLAIN_Q_MIN_SPAN));
		break;
	case EXPLAIN_REASON_NO_POLARITY:
		sentence_put(w, en ? "it is not set whether higher or lower values are "
		    "better" : "es ist nicht festgelegt, ob höhere oder niedrigere "
		    "Werte besser sind");
		break;
	case EXPLAIN_REASON_NO_TARGET:
		sentence_put(w, en ? "there is no target" : "es gibt kein Ziel");
		break;
	case EXPLAIN_REASON_BAD_TARGET:
		sentence_put(w, en ? "the target is incomplete or contradictory" :
		    "das Ziel ist unvollständig oder widersprüchlich");
		break;
	case EXPLAIN_REASON_TARGET_YEAR_PASSED:
		sentence_put(w, en ? "the target year has passed" :
		    "das Zieljahr ist bereits vorbei");
		break;
	case EXPLAIN_REASON_UNSUPPORTED_TARGET:
		sentence_put(w, en ? "the method cannot assess this kind of target" :
		    "diese Art von Ziel kann die Methode nicht bewerten");
		break;
	case EXPLAIN_REASON_NO_REFERENCE:
		sentence_put(w, en ? "the reference region's series is missing" :
		    "die Zeitreihe der Vergleichsregion fehlt");
		break;
	case EXPLAIN_REASON_NO_COMMON_PERIODS:
		sentence_put(w, en ? "the region and the reference region have no year "
		    "in common" : "Region und Vergleichsregion haben kein gemeinsames "
		    "Jahr");
		break;
	case EXPLAIN_REASON_ZERO_BASE:
		sentence_put(w, en ? "the starting value is zero, so there is no growth "
		    "rate" : "der Ausgangswert ist null, daraus ergibt sich keine "
		    "Wachstumsrate");
		break;
	case EXPLAIN_REASON_ZERO_VALUE:
		sentence_put(w, en ? "a value is zero, so there is no growth rate" :
		    "ein Wert ist null, daraus ergibt sich keine Wachstumsrate");
		break;
	case EXPLAIN_REASON_SIGN_CHANGE:
		sentence_put(w, en ? "the values change sign, so there is no growth rate" :
		    "die Werte wechseln das Vorzeichen, daraus ergibt sich keine "
		    "Wachstumsrate");
		break;
	case EXPLAIN_REASON_BASE_AFTER_LAST:
		sentence_put(w, en ? "the base year %d lies after the last value" :
		    "das Basisjahr %d liegt nach dem letzten Wert",
		    (int)sentence_q(e, EXPLAIN_Q_BASE_YEAR));
		break;
	case EXPLAIN_REASON_TARGET_EQUALS_BASE:
		sentence_put(w, en ? "the target equals the starting value" :
		    "das Ziel ist gleich dem Ausgangswert");
		break;
	case EXPLAIN_REASON_NO_SERIES_SCORES:
		sentence_put(w, en ? "none of the indicator's series has a score" :
		    "keine Zeitreihe des Indikators hat eine Punktzahl");
		break;
	default:
		sentence_put(w, en ? "unknown reason" : "unbekannter Grund");
		break;
	}
}

size_t
explain_sentence(const struct explain *e, const struct explain_subject *subject,
    const char *lang, char *buf, size_t size)
{
	struct sentence_writer w = { buf, size, 0, sentence_english(lang), subject, e,
	    0 };

	if (size > 0)
		buf[0] = '\0';
	w.level_decimals = sentence_auto_decimals(e, subject);
	if (e->status != EXPLAIN_ASSESSED) {
		sentence_not_assessable(&w);
	} else {
		switch (e->rule) {
		case EXPLAIN_RULE_DNS_PROJECTION:
			sentence_dns_projection(&w);
			break;
		case EXPLAIN_RULE_DNS_LEVEL:
			sentence_dns_level(&w);
			break;
		case EXPLAIN_RULE_DNS_DIRECTION:
			sentence_dns_direction(&w);
			break;
		case EXPLAIN_RULE_DNS_REFERENCE:
			sentence_dns_reference(&w);
			break;
		case EXPLAIN_RULE_EUROSTAT_TARGET:
		case EXPLAIN_RULE_EUROSTAT_TREND:
			sentence_eurostat(&w);
			break;
		case EXPLAIN_RULE_OPENSDG_TARGET:
		case EXPLAIN_RULE_OPENSDG_TREND:
		case EXPLAIN_RULE_OPENSDG_INDICATOR:
			sentence_opensdg(&w);
			break;
		default:
			sentence_put(&w, "%s", explain_verdict_label(e->verdict, lang));
			break;
		}
		if (e->after_break)
			sentence_put(&w, w.en ? " (counting from the break in series in %d)" :
			    " (gezählt ab dem Bruch in der Zeitreihe %d)",
			    e->break_period.year);
	}
	sentence_put(&w, ".");
	return w.len;
}
