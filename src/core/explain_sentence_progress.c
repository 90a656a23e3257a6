/* Sentences for the progress measures: Eurostat's progress categories
 * (METHODS §2.3) and Open SDG's progress measure and score (§2.4). Written
 * through the caller's writer; nothing is allocated. */
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "core/explain.h"
#include "core/explain_sentence_internal.h"

/* "wächst seit 2019 um durchschnittlich 1,2 % pro Jahr" */
static void
explain_sentence_progress_growth(struct explain_sentence_writer *w, double rate,
    int since)
{
	explain_sentence_put_subject(w);
	explain_sentence_put(w, " ");
	if (rate == 0) {
		explain_sentence_verb(w, "ist", "sind", "has", "have");
		explain_sentence_put(w, w->en ? " not changed since %d" :
		    " seit %d unverändert", since);
		return;
	}
	if (w->en) {
		explain_sentence_verb(w, "", "", "has", "have");
		explain_sentence_put(w,
		    rate > 0 ? " grown by " : " shrunk by ");
		explain_sentence_put_rate(w, rate);
		explain_sentence_put(w, " a year on average since %d", since);
	} else {
		if (rate > 0)
			explain_sentence_verb(w, "wächst", "wachsen", "", "");
		else
			explain_sentence_verb(w, "schrumpft", "schrumpfen", "",
			    "");
		explain_sentence_put(w, " seit %d um durchschnittlich ", since);
		explain_sentence_put_rate(w, rate);
		explain_sentence_put(w, " pro Jahr");
	}
}

/* §2.3. */
void
explain_sentence_progress_eurostat(struct explain_sentence_writer *w)
{
	const struct explain *e = w->e;
	double actual = explain_sentence_q(e, EXPLAIN_Q_RATE_ACTUAL);
	int since = (int)explain_sentence_q(e, EXPLAIN_Q_START_YEAR);
	const char *label = explain_verdict_label(e->verdict, w->en ? "en" : "de");

	explain_sentence_progress_growth(w, actual, since);
	if (e->rule == EXPLAIN_RULE_EUROSTAT_TREND) {
		if (actual != 0)
			explain_sentence_put(w, "%s", (explain_sentence_q(e,
			    EXPLAIN_Q_GROWTH_SIGNED) > 0) ?
			    (w->en ? ", the desired way" : ", in die gewünschte Richtung") :
			    (w->en ? ", the wrong way" : ", in die falsche Richtung"));
		explain_sentence_put(w, ": %s", label);
		return;
	}
	explain_sentence_put(w, w->en ? "; reaching " : "; für ");
	explain_sentence_put_target_phrase(w, true);
	explain_sentence_put(w,
	    w->en ? " would need %s of " : " wäre ein %s von ",
	    explain_sentence_q(e, EXPLAIN_Q_RATE_REQUIRED) >= 0 ?
	    (w->en ? "growth" : "Wachstum") : (w->en ? "a decline" : "Rückgang"));
	explain_sentence_put_rate(w, explain_sentence_q(e,
	    EXPLAIN_Q_RATE_REQUIRED));
	explain_sentence_put(w,
	    w->en ? " a year: %s (" : " pro Jahr nötig: %s (", label);
	explain_sentence_put_percent(w, explain_sentence_q(e,
	    EXPLAIN_Q_RATE_RATIO));
	explain_sentence_put(w,
	    w->en ? " of the pace needed)" : " des nötigen Tempos)");
}

static void
explain_sentence_progress_score(struct explain_sentence_writer *w)
{
	double score = explain_sentence_q(w->e, EXPLAIN_Q_SCORE);
	int k = explain_sentence_exact_decimals(score);

	explain_sentence_put(w, w->en ? " (score " : " (Punktzahl ");
	explain_sentence_put_number(w, score, k > 2 ? 2 : k);
	explain_sentence_put(w,
	    w->en ? " on a scale from " EXPLAIN_SENTENCE_MINUS "5 to 5)" :
	    " auf der Skala von " EXPLAIN_SENTENCE_MINUS "5 bis 5)");
}

/* §2.4. */
void
explain_sentence_progress_opensdg(struct explain_sentence_writer *w)
{
	const struct explain *e = w->e;
	const char *label = explain_verdict_label(e->verdict, w->en ? "en" : "de");
	double n;

	if (e->rule == EXPLAIN_RULE_OPENSDG_INDICATOR) {
		n = explain_sentence_q(e, EXPLAIN_Q_SERIES_COUNT);
		if (e->verdict == EXPLAIN_VERDICT_TARGET_ACHIEVED)
			explain_sentence_put(w,
			    w->en ? "All %d series of the indicator have "
			    "reached their target" : "Alle %d Zeitreihen des Indikators "
			    "haben ihr Ziel erreicht", (int)n);
		else
			explain_sentence_put(w,
			    w->en ? "Averaged over its %d series, the "
			    "indicator shows %s" : "Im Mittel seiner %d Zeitreihen "
			    "zeigt der Indikator %s", (int)n, label);
		explain_sentence_progress_score(w);
		return;
	}
	if (e->verdict == EXPLAIN_VERDICT_TARGET_ACHIEVED) {
		explain_sentence_put_subject(w);
		explain_sentence_put(w, " ");
		explain_sentence_verb(w, "hat", "haben", "has", "have");
		explain_sentence_put(w, w->en ? " reached " : " mit ");
		if (w->en) {
			explain_sentence_put_target_phrase(w, true);
			explain_sentence_put(w, " at ");
			explain_sentence_put_value(w, explain_sentence_q(e,
			    EXPLAIN_Q_LAST_VALUE));
			explain_sentence_put(w, " (%d)",
			    (int)explain_sentence_q(e, EXPLAIN_Q_LAST_YEAR));
		} else {
			explain_sentence_put_value(w, explain_sentence_q(e,
			    EXPLAIN_Q_LAST_VALUE));
			explain_sentence_put(w, " (%d) ",
			    (int)explain_sentence_q(e, EXPLAIN_Q_LAST_YEAR));
			explain_sentence_put_target_phrase(w, true);
			explain_sentence_put(w, " erreicht");
		}
		explain_sentence_progress_score(w);
		return;
	}
	explain_sentence_progress_growth(w, explain_sentence_q(e,
	    EXPLAIN_Q_RATE_ACTUAL),
	    (int)explain_sentence_q(e, EXPLAIN_Q_START_YEAR));
	if (e->rule == EXPLAIN_RULE_OPENSDG_TARGET) {
		double p = explain_sentence_q(e, EXPLAIN_Q_PROGRESS);

		if (w->en) {
			if (p >= 0) {
				explain_sentence_put(w, ", ");
				explain_sentence_put_percent(w, p);
				explain_sentence_put(w,
				    " of the pace needed for ");
			} else {
				explain_sentence_put(w, ", away from ");
			}
			explain_sentence_put_target_phrase(w, true);
		} else {
			if (p >= 0) {
				explain_sentence_put(w, ", das sind ");
				explain_sentence_put_percent(w, p);
				explain_sentence_put(w,
				    " des Tempos für das Ziel von ");
			} else {
				explain_sentence_put(w,
				    ", also weg vom Ziel von ");
			}
			explain_sentence_put(w, "%s ", explain_sentence_q(e,
			    EXPLAIN_Q_POLARITY) > 0 ?
			    "mindestens" : "höchstens");
			explain_sentence_put_target(w, explain_sentence_q(e,
			    EXPLAIN_Q_TARGET_VALUE));
			explain_sentence_put(w, " bis %d",
			    (int)explain_sentence_q(e, EXPLAIN_Q_TARGET_YEAR));
		}
	} else if (explain_sentence_q(e, EXPLAIN_Q_RATE_ACTUAL) != 0) {
		explain_sentence_put(w, "%s", explain_sentence_q(e,
		    EXPLAIN_Q_PROGRESS) > 0 ?
		    (w->en ? ", the desired way" : ", in die gewünschte Richtung") :
		    (w->en ? ", the wrong way" : ", in die falsche Richtung"));
	}
	explain_sentence_put(w, ": %s", label);
	explain_sentence_progress_score(w);
}
