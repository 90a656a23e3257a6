/* wiall structure: the report as tables for people (one region in detail,
 * or every region as a matrix), with each "n/a" reason listed once below. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_structure_internal.h"
#include "util/xalloc.h"


/* Distinct reasons of the numbers shown as "n/a", each printed once: the
 * sentence without its place "(sector C, 2009)", with how often it came and
 * the first place. */
struct cmd_structure_table_reasons {
	struct {
		char		*text;
		const char	*first;		/* the first full reason */
		size_t		 count;
	} *item;
	size_t	count, cap;
};

static void
cmd_structure_table_cell(FILE *fp, const struct app_structure_value *v, int width,
    int decimals, struct cmd_structure_table_reasons *why)
{
	const char *reason, *place;
	size_t k, n;

	if (v->status == STRUCTURE_OK && isfinite(v->value)) {
		fprintf(fp, " %*.*f", width, decimals, v->value);
		return;
	}
	fprintf(fp, " %*s", width, "n/a");
	reason = v->reason != NULL ? v->reason : structure_status_reason(
	    v->status);
	place = strstr(reason, " (");
	n = place != NULL && reason[strlen(reason) - 1] == ')' ?
	    (size_t)(place - reason) : strlen(reason);
	for (k = 0; k < why->count; k++)
		if (strlen(why->item[k].text) == n &&
		    memcmp(why->item[k].text, reason, n) == 0) {
			why->item[k].count++;
			return;
		}
	why->item = xgrow(why->item, &why->cap, why->count + 1,
	    sizeof(*why->item));
	why->item[why->count].text = xstrndup(reason, n);
	why->item[why->count].first = reason;
	why->item[why->count++].count = 1;
}

static void
cmd_structure_table_reasons_print(FILE *fp, struct cmd_structure_table_reasons *why)
{
	size_t k, n;

	if (why->count > 0)
		fprintf(fp, "\nn/a: not computable.\n");
	for (k = 0; k < why->count; k++) {
		const char *first = why->item[k].first;
		size_t count = why->item[k].count;
		n = strlen(why->item[k].text);
		fprintf(fp, "  - %s", why->item[k].text);
		if (first[n] != '\0')
			fprintf(fp, " (%s%.*s", count > 1 ? "first: " : "",
			    (int)(strlen(first) - n - 3), first + n + 2);
		else if (count > 1)
			fprintf(fp, " (");
		if (count > 1)
			fprintf(fp, "%s%zu numbers", first[n] != '\0' ? "; " : "",
			    count);
		fprintf(fp, "%s\n", first[n] != '\0' || count > 1 ? ")" : "");
		free(why->item[k].text);
	}
	free(why->item);
	memset(why, 0, sizeof(*why));
}

static const char *
cmd_structure_table_region_label(const char *code, const char *name, char *out,
    size_t size)
{
	if (name != NULL && strcmp(name, code) != 0)
		snprintf(out, size, "%s (%s)", name, code);
	else
		snprintf(out, size, "%s", code);
	return out;
}

static void
cmd_structure_table_head(FILE *fp, const struct app_structure_report *r)
{
	char ref[256];
	size_t i;

	if (r->reference != NULL)
		fprintf(fp, "Reference: %s\n", cmd_structure_table_region_label(
		    r->reference, r->reference_name, ref, sizeof(ref)));
	else
		fprintf(fp, "Reference: the column sums of the regions (the "
		    "region included)\n");
	fprintf(fp, "Figures: %s%sby %s from %s; %zu sector%s:", r->indicator !=
	    NULL ? r->indicator : "", r->indicator != NULL ? " " : "",
	    r->dimension, r->source, r->sector_count, r->sector_count == 1 ?
	    "" : "s");
	for (i = 0; i < r->sector_count; i++)
		fprintf(fp, " %s", r->sectors[i]);
	fprintf(fp, "\nEntropy and variety in %s; LQ divide by the %s.\n",
	    r->base == STRUCTURE_BASE_2 ? "bits (log base 2)" : "nats (log base e)",
	    r->lq_basis == APP_STRUCTURE_LQ_PUBLISHED ? "published totals" :
	    "sector sums");
}

static void
cmd_structure_table_periods(FILE *fp, const struct app_structure_report *r,
    const struct app_structure_region *g, struct cmd_structure_table_reasons *why)
{
	size_t j;

	fprintf(fp, "\n%-9s %12s %8s %8s %7s %8s %8s %8s %8s\n", "period",
	    "total", "HHI", "H*", "1/H", "entropy", "UV", "RV", "Krugman");
	for (j = 0; j < r->period_count; j++) {
		const struct app_structure_period *p = &g->periods[j];
		fprintf(fp, "%-9s", p->period);
		cmd_structure_table_cell(fp, &p->total, 12, 0, why);
		cmd_structure_table_cell(fp, &p->hhi, 8, 4, why);
		cmd_structure_table_cell(fp, &p->hhi_normalised, 8, 4, why);
		cmd_structure_table_cell(fp, &p->hhi_equivalent, 7, 2, why);
		cmd_structure_table_cell(fp, &p->entropy, 8, 4, why);
		cmd_structure_table_cell(fp, &p->unrelated_variety, 8, 4, why);
		cmd_structure_table_cell(fp, &p->related_variety, 8, 4, why);
		cmd_structure_table_cell(fp, &p->krugman, 8, 4, why);
		fputc('\n', fp);
	}
}

static void
cmd_structure_table_lq(FILE *fp, const struct app_structure_report *r,
    const struct app_structure_region *g, struct cmd_structure_table_reasons *why)
{
	const struct app_structure_period *first = &g->periods[0];
	const struct app_structure_period *last = &g->periods[r->period_count - 1];
	bool two = r->period_count > 1;
	size_t i;

	fprintf(fp, "\nSector shares and location quotients (LQ)\n%-12s %9s %9s",
	    "sector", "share", "LQ");
	if (two)
		fprintf(fp, " %9s %9s", "share", "LQ");
	fprintf(fp, "\n%-12s %19s", "", first->period);
	if (two)
		fprintf(fp, " %19s", last->period);
	fputc('\n', fp);
	for (i = 0; i < r->sector_count; i++) {
		fprintf(fp, "%-12s", r->sectors[i]);
		cmd_structure_table_cell(fp, &first->share[i], 9, 4, why);
		cmd_structure_table_cell(fp, &first->lq[i], 9, 3, why);
		if (two) {
			cmd_structure_table_cell(fp, &last->share[i], 9, 4, why);
			cmd_structure_table_cell(fp, &last->lq[i], 9, 3, why);
		}
		fputc('\n', fp);
	}
}

static void
cmd_structure_table_coverage(FILE *fp, const struct app_structure_report *r,
    const struct app_structure_region *g)
{
	size_t j, off = 0;

	for (j = 0; j < r->period_count; j++)
		if (g->periods[j].coverage.published &&
		    g->periods[j].coverage.sector_sum.status == STRUCTURE_OK &&
		    g->periods[j].coverage.coverage != STRUCTURE_COVERAGE_COMPLETE)
			off++;
	if (off == 0)
		return;
	fprintf(fp, "\nThe sectors against the published all-sector total\n"
	    "%-9s %12s %12s %12s %8s\n", "period", "sector sum", "published",
	    "difference", "%");
	for (j = 0; j < r->period_count; j++) {
		const struct app_structure_coverage *c = &g->periods[j].coverage;
		if (!c->published || c->sector_sum.status != STRUCTURE_OK)
			continue;
		fprintf(fp, "%-9s %12.0f %12.0f %12.0f %8.2f %s\n",
		    g->periods[j].period, c->sector_sum.value, c->published_total,
		    c->difference, 100 * c->relative,
		    structure_coverage_names[c->coverage]);
	}
}

static void
cmd_structure_table_span(FILE *fp, const struct app_structure_report *r,
    const struct app_structure_span *s, struct cmd_structure_table_reasons *why)
{
	const struct app_structure_shift_share *d = &s->shift_share;
	size_t i;

	fprintf(fp, "\nShift-share %s to %s (Dunn)\n", s->from, s->to);
	fprintf(fp, "  growth         ");
	cmd_structure_table_cell(fp, &d->growth, 12, 1, why);
	fprintf(fp, "\n  national share ");
	cmd_structure_table_cell(fp, &d->national_share, 12, 1, why);
	fprintf(fp, "   growth had the region grown like the reference\n"
	    "  industry mix   ");
	cmd_structure_table_cell(fp, &d->industry_mix, 12, 1, why);
	fprintf(fp, "   due to its sector mix (> 0: its sectors grew fast in "
	    "the reference)\n  regional share ");
	cmd_structure_table_cell(fp, &d->regional_share, 12, 1, why);
	fprintf(fp, "   its sectors against the same sectors in the reference\n"
	    "  net total shift");
	cmd_structure_table_cell(fp, &d->net_total_shift, 12, 1, why);
	fprintf(fp, "   industry mix + regional share\n");
	fprintf(fp, "Dynamic (sum of %zu yearly steps): growth", s->dynamic_steps);
	cmd_structure_table_cell(fp, &s->dynamic.growth, 0, 1, why);
	fprintf(fp, ", national share");
	cmd_structure_table_cell(fp, &s->dynamic.national_share, 0, 1, why);
	fprintf(fp, ", industry mix");
	cmd_structure_table_cell(fp, &s->dynamic.industry_mix, 0, 1, why);
	fprintf(fp, ", regional share");
	cmd_structure_table_cell(fp, &s->dynamic.regional_share, 0, 1, why);
	fprintf(fp, "\nEsteban-Marquillas: competitive");
	cmd_structure_table_cell(fp, &s->competitive, 0, 1, why);
	fprintf(fp, ", allocation");
	cmd_structure_table_cell(fp, &s->allocation, 0, 1, why);
	fprintf(fp, " (together the regional share)\n");

	fprintf(fp, "\nPortfolio: LQ in %s against growth relative to the "
	    "reference\n%-12s %9s %10s %10s  %s\n", s->to, "sector", "LQ",
	    "region %", "r - g (pp)", "quadrant");
	for (i = 0; i < r->sector_count; i++) {
		const struct app_structure_sector_change *c = &s->sectors[i];
		struct app_structure_value pct = c->region_rate, rel =
		    c->relative_growth;
		pct.value *= 100;
		rel.value *= 100;
		fprintf(fp, "%-12s", r->sectors[i]);
		cmd_structure_table_cell(fp, &c->location_quotient, 9, 3, why);
		cmd_structure_table_cell(fp, &pct, 10, 1, why);
		cmd_structure_table_cell(fp, &rel, 10, 1, why);
		fprintf(fp, "  %s\n", c->has_quadrant ?
		    portfolio_quadrant_names[c->quadrant] : "-");
	}
}

static void
cmd_structure_table_shocks(FILE *fp, const struct app_structure_report *r,
    const struct app_structure_region *g, struct cmd_structure_table_reasons *why)
{
	size_t k;

	if (r->shock_count == 0)
		return;
	fprintf(fp, "\nShocks (peak → trough → recovery end)\n%-24s %-24s %11s "
	    "%11s %11s\n", "shock", "periods", "sensitivity", "resistance",
	    "recovery");
	for (k = 0; k < r->shock_count; k++) {
		const struct app_structure_shock *s = &g->shocks[k];
		char when[64];
		snprintf(when, sizeof(when), "%s → %s → %s", s->peak, s->trough,
		    s->recovery_end);
		fprintf(fp, "%-24s %-28s", s->name, when);
		cmd_structure_table_cell(fp, &s->sensitivity, 11, 3, why);
		cmd_structure_table_cell(fp, &s->resistance, 11, 3, why);
		cmd_structure_table_cell(fp, &s->recovery, 11, 3, why);
		fputc('\n', fp);
	}
	fprintf(fp, "Sensitivity above 1: the region shrank more than the "
	    "reference in the downturn. Resistance and recovery above 0: it did "
	    "better than its sector mix made expected.\n");
}

static void
cmd_structure_table_meaning(FILE *fp)
{
	fprintf(fp, "\nWhat the figures mean\n"
	    "  HHI is the sum of the squared sector shares: the closer to 1, the "
	    "more the\n  region depends on few sectors. H* rescales it to 0 (all "
	    "sectors equal) .. 1;\n  1/H is the number of equally large sectors "
	    "that would be as concentrated.\n"
	    "  Entropy grows with diversity. UV is the diversity between groups "
	    "of unrelated\n  sectors, RV the diversity within related groups; "
	    "UV + RV = entropy.\n"
	    "  Krugman compares the sector shares with the reference's: 0 the "
	    "same structure,\n  2 nothing in common. LQ above 1: the sector's "
	    "share is larger than in the\n  reference (a specialisation).\n");
}

static void
cmd_structure_table_notes(FILE *fp, const struct app_structure_report *r)
{
	size_t k;

	if (r->note_count > 0)
		fprintf(fp, "\nNotes\n");
	for (k = 0; k < r->note_count; k++)
		fprintf(fp, "  - %s\n", r->notes[k].en);
}

static void
cmd_structure_table_single(FILE *fp, const struct app_structure_report *r)
{
	const struct app_structure_region *g = &r->regions[0];
	struct cmd_structure_table_reasons why = { 0 };
	char name[256];

	fprintf(fp, "Economic structure of %s\n", cmd_structure_table_region_label(
	    g->code, g->name, name, sizeof(name)));
	cmd_structure_table_head(fp, r);
	cmd_structure_table_periods(fp, r, g, &why);
	cmd_structure_table_lq(fp, r, g, &why);
	cmd_structure_table_coverage(fp, r, g);
	if (g->has_span)
		cmd_structure_table_span(fp, r, &g->span, &why);
	cmd_structure_table_shocks(fp, r, g, &why);
	cmd_structure_table_reasons_print(fp, &why);
	cmd_structure_table_meaning(fp);
	cmd_structure_table_notes(fp, r);
}

static void
cmd_structure_table_matrix(FILE *fp, const struct app_structure_report *r)
{
	struct cmd_structure_table_reasons why = { 0 };
	size_t i, j, k;

	fprintf(fp, "Economic structure of %zu regions\n", r->region_count);
	cmd_structure_table_head(fp, r);
	fprintf(fp, "\n%-24s %-9s %12s %8s %8s %8s %8s %8s %8s\n", "region",
	    "period", "total", "HHI", "H*", "entropy", "UV", "RV", "Krugman");
	for (i = 0; i < r->region_count; i++) {
		const struct app_structure_region *g = &r->regions[i];
		for (j = 0; j < r->period_count; j++) {
			const struct app_structure_period *p = &g->periods[j];
			fprintf(fp, "%-24s %-9s", g->name != NULL ? g->name :
			    g->code, p->period);
			cmd_structure_table_cell(fp, &p->total, 12, 0, &why);
			cmd_structure_table_cell(fp, &p->hhi, 8, 4, &why);
			cmd_structure_table_cell(fp, &p->hhi_normalised, 8, 4, &why);
			cmd_structure_table_cell(fp, &p->entropy, 8, 4, &why);
			cmd_structure_table_cell(fp, &p->unrelated_variety, 8, 4, &why);
			cmd_structure_table_cell(fp, &p->related_variety, 8, 4, &why);
			cmd_structure_table_cell(fp, &p->krugman, 8, 4, &why);
			fputc('\n', fp);
		}
	}
	if (r->region_count > 0 && r->regions[0].has_span) {
		fprintf(fp, "\nShift-share %s to %s (Dunn)\n%-24s %12s %12s %12s "
		    "%12s\n", r->regions[0].span.from, r->regions[0].span.to,
		    "region", "growth", "national", "ind. mix", "regional");
		for (i = 0; i < r->region_count; i++) {
			const struct app_structure_region *g = &r->regions[i];
			fprintf(fp, "%-24s", g->name != NULL ? g->name : g->code);
			cmd_structure_table_cell(fp, &g->span.shift_share.growth, 12, 1,
			    &why);
			cmd_structure_table_cell(fp, &g->span.shift_share.national_share,
			    12, 1, &why);
			cmd_structure_table_cell(fp, &g->span.shift_share.industry_mix,
			    12, 1, &why);
			cmd_structure_table_cell(fp, &g->span.shift_share.regional_share,
			    12, 1, &why);
			fputc('\n', fp);
		}
	}
	for (k = 0; k < r->shock_count; k++) {
		fprintf(fp, "\nShock %s (%s → %s → %s)\n%-24s %11s %11s %11s\n",
		    r->regions[0].shocks[k].name, r->regions[0].shocks[k].peak,
		    r->regions[0].shocks[k].trough,
		    r->regions[0].shocks[k].recovery_end, "region",
		    "sensitivity", "resistance", "recovery");
		for (i = 0; i < r->region_count; i++) {
			const struct app_structure_region *g = &r->regions[i];
			fprintf(fp, "%-24s", g->name != NULL ? g->name : g->code);
			cmd_structure_table_cell(fp, &g->shocks[k].sensitivity, 11, 3,
			    &why);
			cmd_structure_table_cell(fp, &g->shocks[k].resistance, 11, 3, &why);
			cmd_structure_table_cell(fp, &g->shocks[k].recovery, 11, 3, &why);
			fputc('\n', fp);
		}
	}
	cmd_structure_table_reasons_print(fp, &why);
	cmd_structure_table_meaning(fp);
	cmd_structure_table_notes(fp, r);
}

void
cmd_structure_table(FILE *fp, const struct app_structure_report *r)
{
	if (r->matrix)
		cmd_structure_table_matrix(fp, r);
	else
		cmd_structure_table_single(fp, r);
}
