/* wiall structure: economic structure and resilience of regions (METHODS §3)
 * from the database or a file, as a table for people, CSV or JSON. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/structure.h"
#include "app/structure_json.h"
#include "cli/cmd.h"
#include "io/csv.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/xalloc.h"

extern const struct cmd_entry cmd_structure_entry;

enum cmd_structure_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON };

enum {
	OPT_INDICATOR = 256, OPT_BY, OPT_LEVEL, OPT_INPUT, OPT_REGION,
	OPT_REFERENCE, OPT_PERIOD, OPT_FROM, OPT_TO, OPT_GROUPS, OPT_BASE,
	OPT_SHOCK, OPT_NO_REGISTERED, OPT_EXCLUDE_SECTOR, OPT_EXCLUDE_REGION,
	OPT_TOLERANCE, OPT_FORMAT, OPT_COLUMN_SUMS,
	/* how to read a file, as in `wiall import` */
	OPT_FILE_FORMAT, OPT_DELIMITER, OPT_DECIMAL, OPT_INDICATOR_COLUMN,
	OPT_REGION_COLUMN, OPT_PERIOD_COLUMN, OPT_DIM_COLUMN, OPT_IGNORE_COLUMN,
	OPT_VALUE_COLUMNS, OPT_TOTAL_LABEL, OPT_MAP_REGION, OPT_MAP_PERIOD,
	OPT_MAP_DIM, OPT_SCHOOL_YEAR, OPT_DATE_PERIOD, OPT_MAPPING
};

static const struct option cmd_structure_options[] = {
	{ "indicator", required_argument, NULL, OPT_INDICATOR },
	{ "by", required_argument, NULL, OPT_BY },
	{ "level", required_argument, NULL, OPT_LEVEL },
	{ "input", required_argument, NULL, OPT_INPUT },
	{ "region", required_argument, NULL, OPT_REGION },
	{ "reference", required_argument, NULL, OPT_REFERENCE },
	{ "column-sums", no_argument, NULL, OPT_COLUMN_SUMS },
	{ "period", required_argument, NULL, OPT_PERIOD },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "groups", required_argument, NULL, OPT_GROUPS },
	{ "base", required_argument, NULL, OPT_BASE },
	{ "shock", required_argument, NULL, OPT_SHOCK },
	{ "no-registered-shocks", no_argument, NULL, OPT_NO_REGISTERED },
	{ "exclude-sector", required_argument, NULL, OPT_EXCLUDE_SECTOR },
	{ "exclude-region", required_argument, NULL, OPT_EXCLUDE_REGION },
	{ "tolerance", required_argument, NULL, OPT_TOLERANCE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "file-format", required_argument, NULL, OPT_FILE_FORMAT },
	{ "delimiter", required_argument, NULL, OPT_DELIMITER },
	{ "decimal", required_argument, NULL, OPT_DECIMAL },
	{ "indicator-column", required_argument, NULL, OPT_INDICATOR_COLUMN },
	{ "region-column", required_argument, NULL, OPT_REGION_COLUMN },
	{ "period-column", required_argument, NULL, OPT_PERIOD_COLUMN },
	{ "dim-column", required_argument, NULL, OPT_DIM_COLUMN },
	{ "ignore-column", required_argument, NULL, OPT_IGNORE_COLUMN },
	{ "value-columns", required_argument, NULL, OPT_VALUE_COLUMNS },
	{ "total-label", required_argument, NULL, OPT_TOTAL_LABEL },
	{ "map-region", required_argument, NULL, OPT_MAP_REGION },
	{ "map-period", required_argument, NULL, OPT_MAP_PERIOD },
	{ "map-dim", required_argument, NULL, OPT_MAP_DIM },
	{ "school-year", required_argument, NULL, OPT_SCHOOL_YEAR },
	{ "date-period", required_argument, NULL, OPT_DATE_PERIOD },
	{ "mapping", required_argument, NULL, OPT_MAPPING },
	{ NULL, 0, NULL, 0 }
};

/* The long name of option value c, for messages. */
static const char *
cmd_structure_option_name(int c)
{
	const struct option *o;

	for (o = cmd_structure_options; o->name != NULL; o++)
		if (o->val == c)
			return o->name;
	return "?";
}

static int
cmd_structure_pick(const char *s, const char *const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* A list of option arguments (pointers into argv). */
struct cmd_structure_list {
	const char	**item;
	size_t		  count, cap;
};

static void
cmd_structure_push(struct cmd_structure_list *l, const char *s)
{
	l->item = xgrow(l->item, &l->cap, l->count + 1, sizeof(*l->item));
	l->item[l->count++] = s;
}

/* ---- how a file is read --------------------------------------------------- */

/* Applies one of the reading options of `wiall import`; -1 on a bad value
 * (the usage error is printed). */
static int
cmd_structure_reader(struct cmd_context *ctx, int c, const char *arg,
    struct obsfile_options *ro)
{
	static const char *const formats[] = { "auto", "long", "wide", "sdmx" };
	static const char *const decimals[] = { "auto", "point", "comma" };
	static const char *const school[] = { "", "start", "end" };
	static const char *const dates[] = { "", "month", "quarter", "year" };
	struct error e;
	int k;

	switch (c) {
	case OPT_FILE_FORMAT:
		if ((k = cmd_structure_pick(arg, formats, 4)) < 0)
			goto bad;
		ro->format = (enum obsfile_format)k;
		break;
	case OPT_DELIMITER:
		if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0)
			ro->delimiter = '\t';
		else if (strcmp(arg, ",") == 0 || strcmp(arg, ";") == 0)
			ro->delimiter = arg[0];
		else
			goto bad;
		break;
	case OPT_DECIMAL:
		if ((k = cmd_structure_pick(arg, decimals, 3)) < 0)
			goto bad;
		ro->decimal = (enum obsfile_decimal)k;
		break;
	case OPT_INDICATOR_COLUMN:
		obsfile_options_set(&ro->indicator_column, arg);
		break;
	case OPT_REGION_COLUMN:
		obsfile_options_set(&ro->region_column, arg);
		break;
	case OPT_PERIOD_COLUMN:
		obsfile_options_set(&ro->period_column, arg);
		break;
	case OPT_VALUE_COLUMNS:
		obsfile_options_set(&ro->value_pattern, arg);
		break;
	case OPT_MAPPING:
		obsfile_options_set(&ro->sdmx_mapping, arg);
		break;
	case OPT_DIM_COLUMN:
		if (obsfile_options_add_dim_column(ro, arg, &e) == -1) {
			cmd_usage_error(&cmd_structure_entry, ctx, "--dim-column %s",
			    e.message);
			return -1;
		}
		break;
	case OPT_IGNORE_COLUMN:
		obsfile_options_add_ignore(ro, arg);
		break;
	case OPT_TOTAL_LABEL:
		obsfile_options_add_total(ro, arg);
		break;
	case OPT_MAP_REGION:
	case OPT_MAP_PERIOD:
	case OPT_MAP_DIM:
		if (obsfile_options_add_map(ro, c == OPT_MAP_REGION ?
		    OBSFILE_SCOPE_REGION : c == OPT_MAP_PERIOD ?
		    OBSFILE_SCOPE_PERIOD : OBSFILE_SCOPE_DIM, arg, &e) == -1) {
			cmd_usage_error(&cmd_structure_entry, ctx, "--%s %s",
			    cmd_structure_option_name(c), e.message);
			return -1;
		}
		break;
	case OPT_SCHOOL_YEAR:
		if ((k = cmd_structure_pick(arg, school, 3)) < 1)
			goto bad;
		ro->school_year = (enum obsfile_school_year)k;
		break;
	case OPT_DATE_PERIOD:
		if ((k = cmd_structure_pick(arg, dates, 4)) < 1)
			goto bad;
		ro->date_period = (enum obsfile_date_period)k;
		break;
	}
	return 0;
bad:
	cmd_usage_error(&cmd_structure_entry, ctx, "--%s '%s': see 'wiall "
	    "structure --help'", cmd_structure_option_name(c), arg);
	return -1;
}

/* ---- table ---------------------------------------------------------------- */

/* Distinct reasons of the numbers shown as "n/a", each printed once: the
 * sentence without its place "(sector C, 2009)", with how often it came and
 * the first place. */
struct cmd_structure_reasons {
	struct {
		char		*text;
		const char	*first;		/* the first full reason */
		size_t		 count;
	} *item;
	size_t	count, cap;
};

static void
cmd_structure_cell(FILE *fp, const struct app_structure_value *v, int width,
    int decimals, struct cmd_structure_reasons *why)
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
cmd_structure_reasons_print(FILE *fp, struct cmd_structure_reasons *why)
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
cmd_structure_region_label(const char *code, const char *name, char *out,
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
		fprintf(fp, "Reference: %s\n", cmd_structure_region_label(
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
    const struct app_structure_region *g, struct cmd_structure_reasons *why)
{
	size_t j;

	fprintf(fp, "\n%-9s %12s %8s %8s %7s %8s %8s %8s %8s\n", "period",
	    "total", "HHI", "H*", "1/H", "entropy", "UV", "RV", "Krugman");
	for (j = 0; j < r->period_count; j++) {
		const struct app_structure_period *p = &g->periods[j];
		fprintf(fp, "%-9s", p->period);
		cmd_structure_cell(fp, &p->total, 12, 0, why);
		cmd_structure_cell(fp, &p->hhi, 8, 4, why);
		cmd_structure_cell(fp, &p->hhi_normalised, 8, 4, why);
		cmd_structure_cell(fp, &p->hhi_equivalent, 7, 2, why);
		cmd_structure_cell(fp, &p->entropy, 8, 4, why);
		cmd_structure_cell(fp, &p->unrelated_variety, 8, 4, why);
		cmd_structure_cell(fp, &p->related_variety, 8, 4, why);
		cmd_structure_cell(fp, &p->krugman, 8, 4, why);
		fputc('\n', fp);
	}
}

static void
cmd_structure_table_lq(FILE *fp, const struct app_structure_report *r,
    const struct app_structure_region *g, struct cmd_structure_reasons *why)
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
		cmd_structure_cell(fp, &first->share[i], 9, 4, why);
		cmd_structure_cell(fp, &first->lq[i], 9, 3, why);
		if (two) {
			cmd_structure_cell(fp, &last->share[i], 9, 4, why);
			cmd_structure_cell(fp, &last->lq[i], 9, 3, why);
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
    const struct app_structure_span *s, struct cmd_structure_reasons *why)
{
	const struct app_structure_shift_share *d = &s->shift_share;
	size_t i;

	fprintf(fp, "\nShift-share %s to %s (Dunn)\n", s->from, s->to);
	fprintf(fp, "  growth         ");
	cmd_structure_cell(fp, &d->growth, 12, 1, why);
	fprintf(fp, "\n  national share ");
	cmd_structure_cell(fp, &d->national_share, 12, 1, why);
	fprintf(fp, "   growth had the region grown like the reference\n"
	    "  industry mix   ");
	cmd_structure_cell(fp, &d->industry_mix, 12, 1, why);
	fprintf(fp, "   due to its sector mix (> 0: its sectors grew fast in "
	    "the reference)\n  regional share ");
	cmd_structure_cell(fp, &d->regional_share, 12, 1, why);
	fprintf(fp, "   its sectors against the same sectors in the reference\n"
	    "  net total shift");
	cmd_structure_cell(fp, &d->net_total_shift, 12, 1, why);
	fprintf(fp, "   industry mix + regional share\n");
	fprintf(fp, "Dynamic (sum of %zu yearly steps): growth", s->dynamic_steps);
	cmd_structure_cell(fp, &s->dynamic.growth, 0, 1, why);
	fprintf(fp, ", national share");
	cmd_structure_cell(fp, &s->dynamic.national_share, 0, 1, why);
	fprintf(fp, ", industry mix");
	cmd_structure_cell(fp, &s->dynamic.industry_mix, 0, 1, why);
	fprintf(fp, ", regional share");
	cmd_structure_cell(fp, &s->dynamic.regional_share, 0, 1, why);
	fprintf(fp, "\nEsteban-Marquillas: competitive");
	cmd_structure_cell(fp, &s->competitive, 0, 1, why);
	fprintf(fp, ", allocation");
	cmd_structure_cell(fp, &s->allocation, 0, 1, why);
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
		cmd_structure_cell(fp, &c->location_quotient, 9, 3, why);
		cmd_structure_cell(fp, &pct, 10, 1, why);
		cmd_structure_cell(fp, &rel, 10, 1, why);
		fprintf(fp, "  %s\n", c->has_quadrant ?
		    portfolio_quadrant_names[c->quadrant] : "-");
	}
}

static void
cmd_structure_table_shocks(FILE *fp, const struct app_structure_report *r,
    const struct app_structure_region *g, struct cmd_structure_reasons *why)
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
		cmd_structure_cell(fp, &s->sensitivity, 11, 3, why);
		cmd_structure_cell(fp, &s->resistance, 11, 3, why);
		cmd_structure_cell(fp, &s->recovery, 11, 3, why);
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
		fprintf(fp, "  - %s\n", r->notes[k]);
}

static void
cmd_structure_table_single(FILE *fp, const struct app_structure_report *r)
{
	const struct app_structure_region *g = &r->regions[0];
	struct cmd_structure_reasons why = { 0 };
	char name[256];

	fprintf(fp, "Economic structure of %s\n", cmd_structure_region_label(
	    g->code, g->name, name, sizeof(name)));
	cmd_structure_table_head(fp, r);
	cmd_structure_table_periods(fp, r, g, &why);
	cmd_structure_table_lq(fp, r, g, &why);
	cmd_structure_table_coverage(fp, r, g);
	if (g->has_span)
		cmd_structure_table_span(fp, r, &g->span, &why);
	cmd_structure_table_shocks(fp, r, g, &why);
	cmd_structure_reasons_print(fp, &why);
	cmd_structure_table_meaning(fp);
	cmd_structure_table_notes(fp, r);
}

static void
cmd_structure_table_matrix(FILE *fp, const struct app_structure_report *r)
{
	struct cmd_structure_reasons why = { 0 };
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
			cmd_structure_cell(fp, &p->total, 12, 0, &why);
			cmd_structure_cell(fp, &p->hhi, 8, 4, &why);
			cmd_structure_cell(fp, &p->hhi_normalised, 8, 4, &why);
			cmd_structure_cell(fp, &p->entropy, 8, 4, &why);
			cmd_structure_cell(fp, &p->unrelated_variety, 8, 4, &why);
			cmd_structure_cell(fp, &p->related_variety, 8, 4, &why);
			cmd_structure_cell(fp, &p->krugman, 8, 4, &why);
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
			cmd_structure_cell(fp, &g->span.shift_share.growth, 12, 1,
			    &why);
			cmd_structure_cell(fp, &g->span.shift_share.national_share,
			    12, 1, &why);
			cmd_structure_cell(fp, &g->span.shift_share.industry_mix,
			    12, 1, &why);
			cmd_structure_cell(fp, &g->span.shift_share.regional_share,
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
			cmd_structure_cell(fp, &g->shocks[k].sensitivity, 11, 3,
			    &why);
			cmd_structure_cell(fp, &g->shocks[k].resistance, 11, 3, &why);
			cmd_structure_cell(fp, &g->shocks[k].recovery, 11, 3, &why);
			fputc('\n', fp);
		}
	}
	cmd_structure_reasons_print(fp, &why);
	cmd_structure_table_meaning(fp);
	cmd_structure_table_notes(fp, r);
}

/* ---- CSV ------------------------------------------------------------------ */

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
		app_structure_json_number_text(v->value, num, sizeof(num));
	fprintf(fp, ",%s,%s\n", num, structure_status_names[v->status ==
	    STRUCTURE_OK && !isfinite(v->value) ? STRUCTURE_NOT_FINITE :
	    v->status]);
}

static void
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

/* ---- the command ---------------------------------------------------------- */

static int
cmd_structure_exec(struct cmd_context *ctx, int argc, char **argv)
{
	static const char *const formats[] = { "table", "csv", "json" };
	struct app_structure_options o = { 0 };
	struct app_structure_report report;
	struct app_structure_shock_spec *shocks = NULL;
	size_t shock_count = 0, shock_cap = 0;
	struct cmd_structure_list ex_sectors = { 0 }, ex_regions = { 0 };
	struct obsfile_options ro;
	enum cmd_structure_format format = FORMAT_TABLE;
	struct diag_list diags;
	struct db *db = NULL;
	struct buf json = BUF_INIT;
	struct error e;
	bool reader_used = false, have_report = false;
	int c, k, status = CMD_USAGE;
	char *end;

	if (cmd_wants_help(argc, argv))
		return cmd_print_help(&cmd_structure_entry, ctx);
	obsfile_options_init(&ro);
	diag_list_init(&diags, 50);
	o.base = STRUCTURE_BASE_2;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", cmd_structure_options, NULL)) !=
	    -1) {
		switch (c) {
		case OPT_INDICATOR:
			o.indicator = optarg;
			break;
		case OPT_BY:
			o.by = optarg;
			break;
		case OPT_LEVEL:
			o.level = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || o.level < 1 || o.level > 99) {
				cmd_usage_error(&cmd_structure_entry, ctx,
				    "--level is a number from 1");
				goto done;
			}
			break;
		case OPT_INPUT:
			o.input = optarg;
			break;
		case OPT_REGION:
			o.region = optarg;
			break;
		case OPT_REFERENCE:
			o.reference = optarg;
			break;
		case OPT_COLUMN_SUMS:
			o.column_sums = true;
			break;
		case OPT_PERIOD:
			o.period = optarg;
			break;
		case OPT_FROM:
			o.from = optarg;
			break;
		case OPT_TO:
			o.to = optarg;
			break;
		case OPT_GROUPS:
			o.groups = optarg;
			break;
		case OPT_BASE:
			if ((k = cmd_structure_pick(optarg, structure_base_names,
			    STRUCTURE_BASE__MAX)) < 0) {
				cmd_usage_error(&cmd_structure_entry, ctx,
				    "--base is 2 or e");
				goto done;
			}
			o.base = (enum structure_base)k;
			break;
		case OPT_SHOCK:
			shocks = xgrow(shocks, &shock_cap, shock_count + 1,
			    sizeof(*shocks));
			if (app_structure_shock_parse(optarg, &shocks[shock_count],
			    &e) == -1) {
				cmd_usage_error(&cmd_structure_entry, ctx,
				    "--shock %s", e.message);
				goto done;
			}
			shock_count++;
			break;
		case OPT_NO_REGISTERED:
			o.no_registered_shocks = true;
			break;
		case OPT_EXCLUDE_SECTOR:
			cmd_structure_push(&ex_sectors, optarg);
			break;
		case OPT_EXCLUDE_REGION:
			cmd_structure_push(&ex_regions, optarg);
			break;
		case OPT_TOLERANCE:
			if (text_parse_double(optarg, strlen(optarg), '.',
			    &o.tolerance) == -1 || !(o.tolerance > 0 &&
			    o.tolerance < 100)) {
				cmd_usage_error(&cmd_structure_entry, ctx,
				    "--tolerance is a percentage above 0");
				goto done;
			}
			o.tolerance /= 100;
			break;
		case OPT_FORMAT:
			if ((k = cmd_structure_pick(optarg, formats, 3)) < 0) {
				cmd_usage_error(&cmd_structure_entry, ctx,
				    "--format is table, csv or json");
				goto done;
			}
			format = (enum cmd_structure_format)k;
			break;
		case '?':
		case ':':
			cmd_usage_error(&cmd_structure_entry, ctx, "unknown option "
			    "or missing argument: '%s'", argv[optind - 1]);
			goto done;
		default:
			if (cmd_structure_reader(ctx, c, optarg, &ro) == -1)
				goto done;
			reader_used = true;
		}
	}
	if (optind < argc) {
		cmd_usage_error(&cmd_structure_entry, ctx, "unexpected argument "
		    "'%s' (a file is given with --input)", argv[optind]);
		goto done;
	}
	if (o.input == NULL && o.indicator == NULL) {
		cmd_usage_error(&cmd_structure_entry, ctx, "which figures? "
		    "--indicator CODE (database) or --input FILE");
		goto done;
	}
	if (o.period != NULL && (o.from != NULL || o.to != NULL)) {
		cmd_usage_error(&cmd_structure_entry, ctx, "--period or "
		    "--from/--to, not both");
		goto done;
	}
	if (o.input == NULL && reader_used) {
		cmd_usage_error(&cmd_structure_entry, ctx, "the reading options "
		    "are for --input FILE");
		goto done;
	}
	o.source = o.input != NULL ? APP_STRUCTURE_FILE : APP_STRUCTURE_DATABASE;
	o.reader = &ro;
	o.shocks = shocks;
	o.shock_count = shock_count;
	o.exclude_sectors = ex_sectors.item;
	o.exclude_sector_count = ex_sectors.count;
	o.exclude_regions = ex_regions.item;
	o.exclude_region_count = ex_regions.count;
	status = CMD_FAIL;
	if (o.source == APP_STRUCTURE_DATABASE &&
	    cmd_open_db(ctx, DB_READ_ONLY, &db) == -1)
		goto done;
	have_report = true;
	if (app_structure_run(db, &o, &report, &diags, &e) == -1) {
		diag_list_print(&diags, ctx->err);
		fprintf(ctx->err, "wiall structure: %s\n", e.message);
		goto done;
	}
	switch (format) {
	case FORMAT_TABLE:
		if (report.matrix)
			cmd_structure_table_matrix(ctx->out, &report);
		else
			cmd_structure_table_single(ctx->out, &report);
		break;
	case FORMAT_CSV:
		cmd_structure_csv(ctx->out, &report);
		break;
	case FORMAT_JSON:
		app_structure_json_write(&report, &json);
		fwrite(json.data, 1, json.len, ctx->out);
		break;
	}
	status = fflush(ctx->out) == 0 ? CMD_OK : CMD_FAIL;
done:
	if (have_report)
		app_structure_report_free(&report);
	db_close(db);
	buf_free(&json);
	diag_list_free(&diags);
	obsfile_options_free(&ro);
	free(shocks);
	free(ex_sectors.item);
	free(ex_regions.item);
	return status;
}

const struct cmd_entry cmd_structure_entry = {
	.name = "structure",
	.usage = "(--indicator CODE | --input FILE) [--region R] [--reference R] "
	    "[--period P | --from P0 --to P1] [OPTIONS]",
	.summary = "Economic structure and resilience: shares, HHI, entropy, "
	    "variety, Krugman, LQ, shift-share, shocks.",
	.help =
	    "Compares the sector structure of regions with a reference (METHODS 3):\n"
	    "per period the total, HHI (normalised H*, 1/H), entropy, related and\n"
	    "unrelated variety, Krugman and location quotients (LQ); over a span\n"
	    "shift-share (Dunn, dynamic, Esteban-Marquillas) and the portfolio; and\n"
	    "sensitivity, resistance and recovery for each shock. A number that\n"
	    "cannot be computed is n/a (JSON null) with its reason, never 0; sectors\n"
	    "that do not add up to a published total are reported.\n"
	    "\n"
	    "  --indicator CODE         figures from the database (with --input: the\n"
	    "                           file's rows of this indicator)\n"
	    "  --input FILE             figures from a file: long CSV with columns\n"
	    "                           region,period,<dimension>,value, or a layout\n"
	    "                           `wiall import` reads; rows without the\n"
	    "                           dimension are the all-sector total\n"
	    "  --by KEY                 the dimension of the sectors (default sector;\n"
	    "                           in a file the one it has)\n"
	    "  --level N                database: the classification level compared\n"
	    "                           (default: the one below the total); a sector\n"
	    "                           with one sub-sector (B_E, C) is kept whole\n"
	    "  --exclude-sector S       leave a sector out, e.g. C inside B-E\n"
	    "  --exclude-region R       leave a region out (repeatable, as above)\n"
	    "  --groups FILE            CSV 'sector,group' for variety (default in the\n"
	    "                           database: the sectors' parents)\n"
	    "  --region R               one region; without it every region (matrix)\n"
	    "  --reference R            the reference (default: the indicator's\n"
	    "                           reference region, else the column sums of\n"
	    "                           the regions, the region included)\n"
	    "  --column-sums            the column sums even so\n"
	    "  --period P               one period (default: all)\n"
	    "  --from P0, --to P1       the periods P0..P1, with shift-share and\n"
	    "                           the portfolio from P0 to P1\n"
	    "  --shock NAME:PEAK:TROUGH:END  a shock (repeatable); the database's\n"
	    "                           registered shocks come too, unless\n"
	    "  --no-registered-shocks\n"
	    "  --base 2|e               logarithm for entropy (default 2: bits)\n"
	    "  --tolerance PCT          sectors within PCT % of a published total are\n"
	    "                           complete (default 0.5)\n"
	    "  --format table|csv|json  default table; CSV columns region,period,\n"
	    "                           shock,measure,sector,value,status; JSON keys\n"
	    "                           in docs/structure.md\n"
	    "\n"
	    "Reading a file, as `wiall import` (docs/formats.md): --file-format\n"
	    "auto|long|wide|sdmx, --delimiter D, --decimal point|comma,\n"
	    "--region-column C, --period-column C, --indicator-column C,\n"
	    "--dim-column C[=KEY], --ignore-column C, --value-columns PATTERN,\n"
	    "--total-label L, --map-region OLD=NEW, --map-period OLD=NEW,\n"
	    "--map-dim KEY:OLD=NEW, --school-year start|end,\n"
	    "--date-period month|quarter|year, --mapping FILE (SDMX-CSV).\n"
	    "\n"
	    "Example: wiall structure --indicator employment_persons --region DEA31\n"
	    "    --from 2000 --to 2017\n"
	    "Exit codes: 0 ok, 1 the input cannot be used (unknown region, empty\n"
	    "file, bad rows as file:line:column), 2 usage error.\n",
	.exec = cmd_structure_exec,
};
