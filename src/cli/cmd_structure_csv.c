/* wiall structure --format csv: one row per number (region, period, shock,
 * measure, sector, value, status); a missing number has an empty value. */
#include <math.h>
#include <string.h>

#include "app/structure_json.h"
#include "cli/cmd_structure_internal.h"
#include "io/csv.h"
#include "util/text.h"


/* One row: region,period,shock,measure,sector,value,status. */
static void
cmd_structure_csv_row(FILE *fp, const char *region, const char *period,
    const char *shock, const char *measure, const char *sector,
    const struct app_structure_value *v)
{
	const char *field[4] = { region, period, shock, measure };
	char num[40] = "";
	size_t k;

	for (k = 0; k < 4; k++) {
		csv_write_field(fp, field[k], strlen(field[k]), ',');
		fputc(',', fp);
	}
	csv_write_field(fp, sector, strlen(sector), ',');
	if (v->status == STRUCTURE_OK && isfinite(v->value))
		text_format_double(v->value, num, sizeof(num));
	fprintf(fp, ",%s,%s\n", num, structure_status_names[v->status ==
	    STRUCTURE_OK && !isfinite(v->value) ? STRUCTURE_NOT_FINITE :
	    v->status]);
}

void
cmd_structure_csv(FILE *fp, const struct app_structure_report *r)
{
	size_t i, j, k;
	char span[2 * PERIOD_TEXT_MAX + 2];

	fprintf(fp, "region,period,shock,measure,sector,value,status\n");
	for (i = 0; i < r->region_count; i++) {
		const struct app_structure_region *g = &r->regions[i];
		const char *c = g->code;
		for (j = 0; j < r->period_count; j++) {
			const struct app_structure_period *p = &g->periods[j];
			const struct { const char *name;
			    const struct app_structure_value *v; } m[] = {
				{ "total", &p->total }, { "hhi", &p->hhi },
				{ "hhi_normalised", &p->hhi_normalised },
				{ "hhi_equivalent", &p->hhi_equivalent },
				{ "entropy", &p->entropy },
				{ "unrelated_variety", &p->unrelated_variety },
				{ "related_variety", &p->related_variety },
				{ "krugman", &p->krugman },
			};
			for (k = 0; k < sizeof(m) / sizeof(m[0]); k++)
				cmd_structure_csv_row(fp, c, p->period, "",
				    m[k].name, "", m[k].v);
			for (k = 0; k < r->sector_count; k++)
				cmd_structure_csv_row(fp, c, p->period, "", "share",
				    r->sectors[k], &p->share[k]);
			for (k = 0; k < r->sector_count; k++)
				cmd_structure_csv_row(fp, c, p->period, "", "lq",
				    r->sectors[k], &p->lq[k]);
			if (p->coverage.published) {
				struct app_structure_value v = { p->coverage.
				    published_total, STRUCTURE_OK, NULL };
				cmd_structure_csv_row(fp, c, p->period, "",
				    "published_total", "", &v);
			}
		}
		if (g->has_span) {
			const struct app_structure_span *s = &g->span;
			const struct app_structure_shift_share *d[2] = {
				&s->shift_share, &s->dynamic };
			static const char *const dn[2] = { "shift_share",
			    "shift_share_dynamic" };
			snprintf(span, sizeof(span), "%s/%s", s->from, s->to);
			for (k = 0; k < 2; k++) {
				char name[64];
				const struct { const char *n;
				    const struct app_structure_value *v; } m[] = {
					{ "growth", &d[k]->growth },
					{ "national_share", &d[k]->national_share },
					{ "industry_mix", &d[k]->industry_mix },
					{ "regional_share", &d[k]->regional_share },
					{ "net_total_shift", &d[k]->net_total_shift },
				};
				for (j = 0; j < 5; j++) {
					snprintf(name, sizeof(name), "%s.%s", dn[k],
					    m[j].n);
					cmd_structure_csv_row(fp, c, span, "", name,
					    "", m[j].v);
				}
			}
			cmd_structure_csv_row(fp, c, span, "",
			    "esteban_marquillas.competitive", "", &s->competitive);
			cmd_structure_csv_row(fp, c, span, "",
			    "esteban_marquillas.allocation", "", &s->allocation);
			for (k = 0; k < r->sector_count; k++) {
				const struct app_structure_sector_change *x =
				    &s->sectors[k];
				cmd_structure_csv_row(fp, c, span, "",
				    "portfolio.location_quotient", r->sectors[k],
				    &x->location_quotient);
				cmd_structure_csv_row(fp, c, span, "",
				    "portfolio.region_rate", r->sectors[k],
				    &x->region_rate);
				cmd_structure_csv_row(fp, c, span, "",
				    "portfolio.reference_rate", r->sectors[k],
				    &x->reference_rate);
				cmd_structure_csv_row(fp, c, span, "",
				    "portfolio.relative_growth", r->sectors[k],
				    &x->relative_growth);
			}
		}
		for (k = 0; k < r->shock_count; k++) {
			const struct app_structure_shock *s = &g->shocks[k];
			cmd_structure_csv_row(fp, c, "", s->name, "sensitivity", "",
			    &s->sensitivity);
			cmd_structure_csv_row(fp, c, "", s->name, "resistance", "",
			    &s->resistance);
			cmd_structure_csv_row(fp, c, "", s->name, "recovery", "",
			    &s->recovery);
			cmd_structure_csv_row(fp, c, "", s->name,
			    "recovery_sensitivity", "", &s->recovery_sensitivity);
		}
	}
}
