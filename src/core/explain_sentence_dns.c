/* Sentences for the weather symbols of the German Sustainability Strategy
 * (METHODS §2.2, §2.5): projection to the target year, level, direction, and
 * the comparison with a reference region. Written through the caller's
 * writer; nothing is allocated. */
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "core/explain.h"
#include "core/explain_sentence_internal.h"

/* §2.2 A. */
void
explain_sentence_dns_projection(struct explain_sentence_writer *w)
{
	const struct explain *e = w->e;
	double mean = explain_sentence_q(e, EXPLAIN_Q_MEAN_CHANGE), r;
	double year = explain_sentence_q(e, EXPLAIN_Q_TARGET_YEAR);
	double goal = explain_sentence_q(e, EXPLAIN_Q_TARGET_VALUE);

	explain_sentence_put_trend(w, mean);
	if (e->verdict == EXPLAIN_VERDICT_THUNDERSTORM) {
		if (mean == 0) {
			explain_sentence_put(w,
			    w->en ? "; at this rate the target of " :
			    "; so wird das Ziel ");
			explain_sentence_put_target(w, goal);
			explain_sentence_put(w,
			    w->en ? " by %d will not be reached" :
			    " bis %d nicht erreicht", (int)year);
		} else {
			if (w->en) {
				explain_sentence_put(w,
				    ", away from the target of ");
			} else {
				explain_sentence_put(w, " und ");
				explain_sentence_verb(w, "entfernt",
				    "entfernen", "", "");
				explain_sentence_put(w,
				    " sich damit vom Ziel ");
			}
			explain_sentence_put_target(w, goal);
			explain_sentence_put(w, w->en ? " by %d" : " bis %d",
			    (int)year);
		}
		return;
	}
	r = explain_sentence_q(e, EXPLAIN_Q_MISS_RATIO);
	explain_sentence_put(w, w->en ? "; at this pace the target of " :
	    "; bei diesem Tempo wird das Ziel ");
	explain_sentence_put_target(w, goal);
	explain_sentence_put(w, w->en ? " by %d will be " : " bis %d ",
	    (int)year);
	if (r <= 0) {
		explain_sentence_put(w, w->en ? "reached (projected: " :
		    "erreicht (voraussichtlich ");
		explain_sentence_put_value(w, explain_sentence_q(e,
		    EXPLAIN_Q_PROJECTED_VALUE));
		explain_sentence_put(w, ")");
		return;
	}
	if (e->verdict == EXPLAIN_VERDICT_SUN)
		explain_sentence_put(w,
		    w->en ? "almost reached" : "fast erreicht");
	else if (e->verdict == EXPLAIN_VERDICT_SUN_BEHIND_CLOUD)
		explain_sentence_put(w,
		    w->en ? "narrowly missed" : "knapp verfehlt");
	else
		explain_sentence_put(w,
		    w->en ? "clearly missed" : "deutlich verfehlt");
	explain_sentence_put(w, w->en ? " (shortfall " : " (Abweichung ");
	explain_sentence_put_percent(w, r);
	explain_sentence_put(w, w->en ? " of today's distance to the target)" :
	    " des heutigen Abstands zum Ziel)");
}

/* §2.2 C. */
void
explain_sentence_dns_level(struct explain_sentence_writer *w)
{
	const struct explain *e = w->e;
	double mean = explain_sentence_q(e, EXPLAIN_Q_MEAN_CHANGE);
	bool up = explain_sentence_q(e, EXPLAIN_Q_POLARITY) > 0;
	bool met = e->verdict == EXPLAIN_VERDICT_SUN ||
	    e->verdict == EXPLAIN_VERDICT_SUN_BEHIND_CLOUD;

	explain_sentence_put_subject(w);
	explain_sentence_put(w, " ");
	if (w->en) {
		if (met) {
			explain_sentence_verb(w, "", "", "is", "are");
			explain_sentence_put(w, " at ");
		} else {
			explain_sentence_verb(w, "", "", "misses", "miss");
			explain_sentence_put(w, " ");
			explain_sentence_put_target_phrase(w, true);
			explain_sentence_put(w, " at ");
		}
		explain_sentence_put_value(w, explain_sentence_q(e,
		    EXPLAIN_Q_LAST_VALUE));
		explain_sentence_put(w, " (%d)", (int)explain_sentence_q(e,
		    EXPLAIN_Q_LAST_YEAR));
		if (met) {
			explain_sentence_put(w, ", meeting ");
			explain_sentence_put_target_phrase(w, true);
		}
	} else {
		if (met)
			explain_sentence_verb(w, "liegt", "liegen", "", "");
		else
			explain_sentence_verb(w, "verfehlt", "verfehlen", "",
			    "");
		explain_sentence_put(w, " mit ");
		explain_sentence_put_value(w, explain_sentence_q(e,
		    EXPLAIN_Q_LAST_VALUE));
		explain_sentence_put(w, " (%d) ", (int)explain_sentence_q(e,
		    EXPLAIN_Q_LAST_YEAR));
		if (met) {
			explain_sentence_put(w, "im Rahmen des %s von %s ",
			    explain_get(e, EXPLAIN_Q_TARGET_YEAR, NULL) ? "Ziels" :
			    "jährlichen Ziels", up ? "mindestens" : "höchstens");
			explain_sentence_put_target(w, explain_sentence_q(e,
			    EXPLAIN_Q_TARGET_VALUE));
			if (explain_get(e, EXPLAIN_Q_TARGET_YEAR, NULL))
				explain_sentence_put(w, " bis %d",
				    (int)explain_sentence_q(e,
				    EXPLAIN_Q_TARGET_YEAR));
		} else {
			explain_sentence_put_target_phrase(w, true);
		}
	}
	switch (e->verdict) {
	case EXPLAIN_VERDICT_SUN:
		explain_sentence_put(w, w->en ?
		    ", and the trend of recent years does not point the wrong way" :
		    ", und der Trend der letzten Jahre weist nicht in die falsche Richtung");
		return;
	case EXPLAIN_VERDICT_THUNDERSTORM:
		if (w->en) {
			explain_sentence_put(w, " and ");
			explain_sentence_verb(w, "", "", "moves", "move");
			explain_sentence_put(w, " further away by ");
			explain_sentence_put_change(w, mean);
			explain_sentence_put(w, " a year on average");
		} else {
			explain_sentence_put(w, " und ");
			explain_sentence_verb(w, "entfernt", "entfernen", "",
			    "");
			explain_sentence_put(w, " sich im Mittel um ");
			explain_sentence_put_change(w, mean);
			explain_sentence_put(w, " pro Jahr weiter davon");
		}
		return;
	default:
		break;
	}
	/* Sun behind cloud (met, moving the wrong way) or cloud (not met, moving the
	 * right way or not at all). */
	if (mean == 0) {
		explain_sentence_put(w, w->en ? ", but " : ", ");
		explain_sentence_verb(w, "hat", "haben", "has", "have");
		explain_sentence_put(w,
		    w->en ? " not moved closer on average over recent years" :
		    " sich im Mittel der letzten Jahre aber auch nicht darauf zubewegt");
		return;
	}
	explain_sentence_put(w, ", ");
	if (w->en)
		explain_sentence_put(w, "but ");
	if (mean > 0)
		explain_sentence_verb(w, "steigt", "steigen", "rises", "rise");
	else
		explain_sentence_verb(w, "sinkt", "sinken", "falls", "fall");
	if (w->en) {
		explain_sentence_put(w, " by ");
		explain_sentence_put_change(w, mean);
		explain_sentence_put(w, " a year on average, the %s way",
		    met ? "wrong" : "right");
	} else {
		explain_sentence_put(w, " aber im Mittel um ");
		explain_sentence_put_change(w, mean);
		explain_sentence_put(w, " pro Jahr in die %s Richtung",
		    met ? "falsche" : "richtige");
	}
}

/* §2.2 D. */
void
explain_sentence_dns_direction(struct explain_sentence_writer *w)
{
	const struct explain *e = w->e;
	double mean = explain_sentence_q(e, EXPLAIN_Q_MEAN_CHANGE);
	double delta = explain_sentence_q(e, EXPLAIN_Q_LAST_CHANGE);
	bool good_mean = e->verdict == EXPLAIN_VERDICT_SUN ||
	    e->verdict == EXPLAIN_VERDICT_SUN_BEHIND_CLOUD;
	bool good_last = e->verdict == EXPLAIN_VERDICT_SUN ||
	    e->verdict == EXPLAIN_VERDICT_CLOUD;

	explain_sentence_put_trend(w, mean);
	if (mean != 0)
		explain_sentence_put(w, "%s",
		    good_mean ? (w->en ? ", as desired" :
		    ", wie gewünscht") : (w->en ? ", against the desired direction" :
		    ", entgegen der gewünschten Richtung"));
	if (delta == 0) {
		explain_sentence_put(w,
		    w->en ? "; the latest value did not change" :
		    "; zuletzt hat sich der Wert nicht verändert");
		return;
	}
	explain_sentence_put(w,
	    w->en ? "; the latest change (" : "; die letzte Veränderung (");
	explain_sentence_put_signed_change(w, delta);
	if (w->en)
		explain_sentence_put(w, ") points the %s way%s",
		    good_last ? "desired" : "wrong",
		    good_last == good_mean ? " too" : "");
	else
		explain_sentence_put(w, ") weist %sin die %s Richtung",
		    good_last == good_mean ? "ebenfalls " : "aber ",
		    good_last ? "gewünschte" : "falsche");
}

/* §2.5. */
void
explain_sentence_dns_reference(struct explain_sentence_writer *w)
{
	const struct explain *e = w->e;
	double x = explain_sentence_q(e, EXPLAIN_Q_LAST_VALUE);
	double ref = explain_sentence_q(e, EXPLAIN_Q_REFERENCE_VALUE);
	double mean = explain_sentence_q(e, EXPLAIN_Q_MEAN_CHANGE);
	bool met = e->verdict == EXPLAIN_VERDICT_SUN ||
	    e->verdict == EXPLAIN_VERDICT_SUN_BEHIND_CLOUD;

	explain_sentence_put_subject(w);
	explain_sentence_put(w, " ");
	explain_sentence_verb(w, "liegt", "liegen", "is", "are");
	explain_sentence_put(w, w->en ? " at " : " mit ");
	explain_sentence_put_value(w, x);
	explain_sentence_put(w, w->en ? " (%d)" : " (%d) ",
	    (int)explain_sentence_q(e, EXPLAIN_Q_LAST_YEAR));
	if (w->en)
		explain_sentence_put(w, ", %s the reference region's value of ",
		    x > ref ?
		    "above" : x < ref ? "below" : "level with");
	else
		explain_sentence_put(w, "%s dem Wert der Vergleichsregion (",
		    x > ref ?
		    "über" : x < ref ? "unter" : "gleichauf mit");
	explain_sentence_put_value(w, ref);
	if (!w->en)
		explain_sentence_put(w, ")");
	if (x == ref)
		explain_sentence_put(w,
		    w->en ? ", so as good" : ", also gleich gut");
	else if (met)
		explain_sentence_put(w,
		    w->en ? ", so better" : ", also besser");
	else
		explain_sentence_put(w,
		    w->en ? ", so worse" : ", also schlechter");
	if (mean == 0) {
		explain_sentence_put(w,
		    w->en ? ", and the gap stays the same on average" :
		    ", und der Abstand bleibt im Mittel gleich");
		return;
	}
	if (met && mean > 0)
		explain_sentence_put(w, w->en ? ", and the lead grows by " :
		    ", und der Vorsprung wächst im Mittel um ");
	else if (met)
		explain_sentence_put(w, w->en ? ", but the lead shrinks by " :
		    ", aber der Vorsprung schrumpft im Mittel um ");
	else if (mean > 0) {
		explain_sentence_put(w, ", ");
		explain_sentence_verb(w, "holt", "holen", "but catches",
		    "but catch");
		explain_sentence_put(w,
		    w->en ? " up by " : " aber im Mittel um ");
	} else {
		explain_sentence_put(w, w->en ? ", and the gap grows by " :
		    ", und der Rückstand wächst im Mittel um ");
	}
	explain_sentence_put_change(w, mean);
	if (w->en)
		explain_sentence_put(w, " a year on average");
	else
		explain_sentence_put(w, " pro Jahr%s",
		    !met && mean > 0 ? " auf" : "");
}
