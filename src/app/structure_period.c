/* The structure report for one region in one period (METHODS §3): the
 * profile (HHI, entropy, variety, Krugman) and the location quotients, and
 * the check of the sectors against the published totals that decides what
 * the quotients divide by. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/structure_internal.h"
#include "core/variety.h"
#include "util/buf.h"
#include "util/format.h"
#include "util/xalloc.h"

static void
app_structure_period_coverage(struct app_structure_ctx *c, size_t region,
    size_t period, struct app_structure_coverage *out)
{
	const struct app_structure_table *t = c->t;
	size_t tc = region * t->periods.count + period;
	struct structure_values x = app_structure_row(c, region, period);
	struct structure_total_check check;

	memset(out, 0, sizeof(*out));
	out->published = t->has_total[tc];
	out->difference = out->relative = NAN;
	out->published_total = NAN;
	if (!out->published) {
		struct structure_measure m;
		structure_total(&x, &m, NULL);
		app_structure_value_of(c, &out->sector_sum, &m, NULL, 0,
		    c->period_names[period]);
		return;
	}
	structure_check_total(&x, t->total[tc], c->r->tolerance *
	    fabs(t->total[tc]), &check);
	out->published_total = t->total[tc];
	app_structure_value_of(c, &out->sector_sum, &check.sector_sum, NULL, 0,
	    c->period_names[period]);
	out->difference = check.difference;
	out->relative = check.relative;
	out->coverage = check.coverage;
}

struct app_structure_period_tally {
	struct buf	 regions;	/* their names, the first few */
	struct buf	 regions_de;	/* the same in German */
	size_t		 region_count;
	size_t		 count;		/* region-periods */
	double		 worst;
	const char	*worst_region, *worst_region_de, *worst_period;
	size_t		 last_region;
};

static void
app_structure_period_tally_add(struct app_structure_period_tally *tally,
    const struct app_structure_coverage *cov, size_t region,
    const char *label, const char *label_de, const char *period)
{
	double rel = fabs(cov->relative);

	if (tally->count == 0 || tally->last_region != region) {
		if (tally->region_count < 6) {
			buf_printf(&tally->regions, "%s%s", tally->region_count > 0 ?
			    ", " : "", label);
			buf_printf(&tally->regions_de, "%s%s",
			    tally->region_count > 0 ? ", " : "", label_de);
		} else if (tally->region_count == 6) {
			buf_puts(&tally->regions, ", …");
			buf_puts(&tally->regions_de, ", …");
		}
		tally->region_count++;
	}
	tally->last_region = region;
	tally->count++;
	if (tally->worst_region == NULL || rel > tally->worst) {
		tally->worst = rel;
		tally->worst_region = label;
		tally->worst_region_de = label_de;
		tally->worst_period = period;
	}
}

/* The German middle of a coverage note: "in 10 von 20 geprüften …;
 * höchstens 12,3 %, Region 2017". */
static void
app_structure_period_tally_de(struct buf *de,
    const struct app_structure_period_tally *tally, size_t checked)
{
	buf_puts(de, "in ");
	format_number(de, (double)tally->count, 0, "de");
	buf_puts(de, " von ");
	format_number(de, (double)checked, 0, "de");
	buf_puts(de, " geprüften Kombinationen aus Region und Zeitraum; "
	    "höchstens ");
	format_percent(de, 100 * tally->worst, 1, "de");
	buf_printf(de, ", %s ", tally->worst_region_de);
	app_structure_period_de(de, tally->worst_period);
}

/* When the sectors go over the published totals: the sectors without which
 * they would meet every total (within the tolerance) are probably parts of
 * another one, as C of B-E. Appends a sentence naming them to en and de. */
static void
app_structure_period_inside(struct app_structure_ctx *c, struct buf *en,
    struct buf *de)
{
	const struct app_structure_table *t = c->t;
	struct buf names = BUF_INIT, names_de = BUF_INIT;
	size_t a, i, j, found = 0;

	for (a = 0; a < c->S; a++) {
		bool fits = true, any = false;
		for (i = 0; i <= c->row_count && fits; i++) {
			size_t region = i < c->row_count ? c->rows[i] : c->reference;
			if (region == APP_STRUCTURE_NOT_FOUND)
				continue;
			for (j = 0; j < c->sel_count && fits; j++) {
				const struct app_structure_coverage *cov = i <
				    c->row_count ? &c->r->regions[i].periods[j].coverage :
				    &c->r->reference_coverage[j];
				size_t cell = app_structure_cell(t, region, c->sel[j],
				    a);
				if (!cov->published ||
				    cov->sector_sum.status != STRUCTURE_OK)
					continue;
				any = true;
				fits = !t->missing[cell] &&
				    fabs(cov->published_total - (cov->sector_sum.value -
				    t->value[cell])) <= c->r->tolerance *
				    fabs(cov->published_total);
			}
		}
		if (fits && any) {
			buf_printf(&names, "%s'%s'", found > 0 ? ", " : "",
			    t->sectors.name[a]);
			buf_printf(&names_de, "%s„%s“", found > 0 ? ", " : "",
			    t->sectors.name[a]);
			found++;
		}
	}
	if (found == 1) {
		buf_printf(en, " Without %s the sectors meet every published "
		    "total: it is probably part of another sector.",
		    buf_cstr(&names));
		buf_printf(de, " Ohne %s stimmen die Bereiche mit jeder "
		    "veröffentlichten Gesamtzahl überein: Dieser Bereich ist "
		    "wahrscheinlich Teil eines anderen.", buf_cstr(&names_de));
	} else if (found > 1) {
		buf_printf(en, " Without any one of %s the sectors would meet "
		    "every published total: one of them is probably part of "
		    "another sector.", buf_cstr(&names));
		buf_printf(de, " Ohne jeweils einen von %s stimmten die Bereiche "
		    "mit jeder veröffentlichten Gesamtzahl überein: Einer von "
		    "ihnen ist wahrscheinlich Teil eines anderen Bereichs.",
		    buf_cstr(&names_de));
	}
	buf_free(&names);
	buf_free(&names_de);
}

/* Checks the reported regions and the reference against their published
 * totals in every period, says where the sectors fall short or go over, and
 * decides what the location quotients divide by: the published totals when
 * the sectors fall short of them (REAT locq takes the over-all employment),
 * else the sector sums. */
enum app_structure_lq_basis
app_structure_period_check_coverage(struct app_structure_ctx *c)
{
	struct app_structure_report *r = c->r;
	struct app_structure_period_tally tally[STRUCTURE_COVERAGE__MAX];
	struct app_structure_coverage *cov;
	size_t i, j, checked = 0, k;
	bool all = true;
	enum app_structure_lq_basis basis = APP_STRUCTURE_LQ_SECTOR_SUM;

	memset(tally, 0, sizeof(tally));
	if (c->reference != APP_STRUCTURE_NOT_FOUND)
		r->reference_coverage = arena_alloc(&r->arena, c->sel_count *
		    sizeof(*r->reference_coverage));
	for (i = 0; i <= c->row_count; i++) {
		size_t region = i < c->row_count ? c->rows[i] : c->reference;
		if (region == APP_STRUCTURE_NOT_FOUND)
			continue;
		for (j = 0; j < c->sel_count; j++) {
			cov = i < c->row_count ? &r->regions[i].periods[j].coverage :
			    &r->reference_coverage[j];
			app_structure_period_coverage(c, region, c->sel[j], cov);
			if (!cov->published) {
				all = false;
				continue;
			}
			checked++;
			if (cov->sector_sum.status == STRUCTURE_OK &&
			    cov->coverage != STRUCTURE_COVERAGE_COMPLETE)
				app_structure_period_tally_add(&tally[cov->coverage], cov,
				    region, app_structure_region_label(c->t, region),
				    app_structure_region_label_de(c->t, region),
				    r->periods[j]);
		}
	}
	k = STRUCTURE_COVERAGE_SHORT;
	if (tally[k].count > 0) {
		struct buf en = BUF_INIT, de = BUF_INIT;
		buf_printf(&en, "The sectors fall short of the published "
		    "all-sector total for %s (%zu of %zu region-periods checked; "
		    "at most %.1f %%, %s %s): sectors are missing from the input, "
		    "so shares, HHI, entropy and Krugman describe only the sectors "
		    "listed.", buf_cstr(&tally[k].regions), tally[k].count, checked,
		    100 * tally[k].worst, tally[k].worst_region,
		    tally[k].worst_period);
		buf_printf(&de, "Die Bereiche bleiben für %s hinter der "
		    "veröffentlichten Gesamtzahl aller Bereiche zurück (",
		    buf_cstr(&tally[k].regions_de));
		app_structure_period_tally_de(&de, &tally[k], checked);
		buf_puts(&de, "): In der Eingabe fehlen Bereiche, daher "
		    "beschreiben Anteile, HHI, Entropie und Krugman-Index nur die "
		    "aufgeführten Bereiche.");
		app_structure_note_add(r, buf_cstr(&en), buf_cstr(&de));
		buf_free(&en);
		buf_free(&de);
	}
	k = STRUCTURE_COVERAGE_EXCESS;
	if (tally[k].count > 0) {
		struct buf en = BUF_INIT, de = BUF_INIT;
		buf_printf(&en, "The sectors add up to more than the "
		    "published all-sector total for %s (%zu of %zu region-periods "
		    "checked; at most %.1f %%, %s %s): do some sectors contain "
		    "others (as C is part of B-E)? Leave those out with "
		    "--exclude-sector.", buf_cstr(&tally[k].regions),
		    tally[k].count, checked, 100 * tally[k].worst,
		    tally[k].worst_region, tally[k].worst_period);
		buf_printf(&de, "Die Bereiche ergeben für %s mehr als die "
		    "veröffentlichte Gesamtzahl aller Bereiche (",
		    buf_cstr(&tally[k].regions_de));
		app_structure_period_tally_de(&de, &tally[k], checked);
		buf_puts(&de, "): Enthalten manche Bereiche andere (wie B-E den "
		    "Bereich C)? Lassen Sie diese mit --exclude-sector weg.");
		app_structure_period_inside(c, &en, &de);
		app_structure_note_add(r, buf_cstr(&en), buf_cstr(&de));
		buf_free(&en);
		buf_free(&de);
	}
	if (c->reference != APP_STRUCTURE_NOT_FOUND && all && checked > 0 &&
	    tally[STRUCTURE_COVERAGE_SHORT].count > 0) {
		basis = APP_STRUCTURE_LQ_PUBLISHED;
		app_structure_note(r, "Location quotients divide by the published "
		    "all-sector totals (as REAT locq does), because the sectors do "
		    "not cover everything; Krugman, HHI and entropy use the sector "
		    "sums.", "Die Standortquotienten teilen durch die "
		    "veröffentlichten Gesamtzahlen aller Bereiche (wie REAT locq), "
		    "weil die Bereiche nicht alles abdecken; Krugman-Index, HHI und "
		    "Entropie verwenden die Summen der Bereiche.");
	}
	for (k = 0; k < STRUCTURE_COVERAGE__MAX; k++) {
		buf_free(&tally[k].regions);
		buf_free(&tally[k].regions_de);
	}
	return basis;
}

void
app_structure_period_compute(struct app_structure_ctx *c, size_t region,
    size_t period, struct app_structure_period *out)
{
	const struct app_structure_table *t = c->t;
	struct app_structure_report *r = c->r;
	struct structure_values x = app_structure_row(c, region, period);
	const struct structure_reference *ref = &c->ref[period];
	const char *name = c->period_names[period];
	struct structure_profile_input in;
	struct structure_profile prof;
	struct structure_lq_summary sum;
	struct structure_measure total;
	struct variety_groups groups;
	struct structure_lq *lq;
	double *share;
	size_t tc = region * t->periods.count + period, i;

	out->period = name;
	memset(&in, 0, sizeof(in));
	in.region = x;
	in.reference = ref;
	in.base = r->base;
	if (t->groups.count > 0) {
		groups.group = t->sector_group;
		groups.n = c->S;
		groups.count = t->groups.count;
		in.groups = &groups;
		in.group_workspace = c->workspace;
	}
	structure_profile_compute(&in, &prof);
	app_structure_value_of(c, &out->total, &prof.total, NULL, 0, name);
	app_structure_value_of(c, &out->hhi, &prof.herfindahl.hhi, NULL, 0, name);
	app_structure_value_of(c, &out->hhi_normalised,
	    &prof.herfindahl.normalised, NULL, 0, name);
	app_structure_value_of(c, &out->hhi_equivalent,
	    &prof.herfindahl.equivalent, NULL, 0, name);
	app_structure_value_of(c, &out->entropy, &prof.entropy, NULL, 0, name);
	app_structure_value_of(c, &out->unrelated_variety,
	    &prof.unrelated_variety, NULL, 0, name);
	app_structure_value_of(c, &out->related_variety, &prof.related_variety,
	    NULL, 0, name);
	app_structure_value_of(c, &out->krugman, &prof.krugman, NULL, 0, name);
	out->nonzero = prof.nonzero;
	out->groups_nonempty = prof.groups_nonempty;

	share = xcalloc(c->S + 1, sizeof(*share));
	lq = xcalloc(c->S + 1, sizeof(*lq));
	out->share = arena_alloc(&r->arena, (c->S + 1) * sizeof(*out->share));
	out->lq = arena_alloc(&r->arena, (c->S + 1) * sizeof(*out->lq));
	structure_shares(&x, share, &total);
	/* METHODS §3.5, on the totals chosen for the whole report. */
	structure_location_quotients(&x, r->lq_basis ==
	    APP_STRUCTURE_LQ_PUBLISHED && t->has_total[tc] ? &t->total[tc] :
	    NULL, ref, lq, &sum);
	for (i = 0; i < c->S; i++) {
		struct structure_where w = { i, STRUCTURE_NONE, STRUCTURE_NONE,
		    lq[i].reference };
		if (total.status == STRUCTURE_OK)
			app_structure_value_ok(&out->share[i], share[i]);
		else
			app_structure_value_of(c, &out->share[i], &total, NULL, 0,
			    name);
		if (lq[i].status == STRUCTURE_OK)
			app_structure_value_ok(&out->lq[i], lq[i].value);
		else
			app_structure_value_fail(c, &out->lq[i], lq[i].status,
			    sum.status != STRUCTURE_OK ? &sum.where : &w, NULL, 0,
			    name);
	}
	free(share);
	free(lq);
}
