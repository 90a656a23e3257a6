/* wiall assess --input: one series read from a long CSV file (and a
 * reference region's series), assessed with the target the options give. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_assess_internal.h"
#include "io/obsfile.h"
#include "util/xalloc.h"

/*
 * The target of file mode, checked as the catalogue checks one (a value needs a
 * year, an interval both bounds …). Returns 0 when there is no target, 1 when
 * there is one (in *v), -1 after a usage message.
 */
static int
cmd_assess_file_target(struct cmd_context *ctx, const struct cmd_assess_args *a,
    struct target_version *v)
{
	const char *problem = NULL;
	int kind = a->target_kind;

	memset(v, 0, sizeof(*v));
	if (kind < 0) {
		if (a->reference_input != NULL)
			kind = MODEL_TARGET_REFERENCE;
		else if (a->has_low || a->has_high)
			kind = MODEL_TARGET_INTERVAL;
		else if (a->has_target)
			kind = MODEL_TARGET_VALUE;
		else if (a->target_year != 0)
			problem = "--target-year needs --target V (or --target-low "
			    "and --target-high)";
		else
			return 0;
	}
	if (problem == NULL && ((a->has_target && kind != MODEL_TARGET_VALUE &&
	    kind != MODEL_TARGET_EVERY_YEAR) || ((a->has_low || a->has_high) &&
	    kind != MODEL_TARGET_INTERVAL) || (a->reference_input != NULL &&
	    kind != MODEL_TARGET_REFERENCE)))
		problem = "the target options given do not go together (see "
		    "--help: one kind of target at a time)";
	v->code = "target";
	v->kind = (enum model_target_kind)(kind < 0 ? 0 : kind);
	v->year = a->target_year;
	switch (problem == NULL ? kind : -1) {
	case MODEL_TARGET_VALUE:
		if (!a->has_target || a->target_year == 0)
			problem = "a value target needs --target V and --target-year "
			    "T (a value for every year: --target-kind every_year)";
		v->has_value = true;
		v->value = a->target;
		break;
	case MODEL_TARGET_INTERVAL:
		if (!a->has_low || !a->has_high || a->low > a->high)
			problem = "an interval target needs --target-low L and "
			    "--target-high H with L <= H";
		v->has_low = v->has_high = true;
		v->low = a->low;
		v->high = a->high;
		break;
	case MODEL_TARGET_EVERY_YEAR:
		if (!a->has_target || a->target_year != 0)
			problem = "an every_year target needs --target V and no "
			    "--target-year";
		v->has_value = true;
		v->value = a->target;
		break;
	case MODEL_TARGET_DIRECTION:
		if (a->polarity == 0)
			problem = "a direction target needs --polarity 1 or -1";
		break;
	case MODEL_TARGET_REFERENCE:
		if (a->reference_input == NULL)
			problem = "a reference target needs --reference-input FILE";
		break;
	default:
		break;
	}
	if (problem != NULL) {
		cmd_usage_error(&cmd_assess_entry, ctx, "%s", problem);
		return -1;
	}
	return 1;
}

/*
 * Whether the header line names an indicator and a region column, so that a
 * file of just `period,value` can be read too (the reader wants either the
 * column or a fixed value, never both). The reader checks the header again.
 */
static void
cmd_assess_file_peek(const char *path, bool *has_indicator, bool *has_region)
{
	char line[8192], *p, *field, *save = NULL;
	FILE *fp;

	*has_indicator = *has_region = false;
	if ((fp = fopen(path, "r")) == NULL)
		return;
	if (fgets(line, sizeof(line), fp) != NULL) {
		p = strncmp(line, "\xef\xbb\xbf", 3) == 0 ? line + 3 : line;
		for (field = strtok_r(p, ",;\t\r\n", &save); field != NULL;
		    field = strtok_r(NULL, ",;\t\r\n", &save)) {
			size_t n;
			char *q;

			while (*field == ' ' || *field == '"')
				field++;
			n = strlen(field);
			while (n > 0 && (field[n - 1] == ' ' || field[n - 1] == '"'))
				field[--n] = '\0';
			for (q = field; *q != '\0'; q++)
				*q = (char)tolower((unsigned char)*q);
			if (strcmp(field, "indicator") == 0)
				*has_indicator = true;
			else if (strcmp(field, "region") == 0)
				*has_region = true;
		}
	}
	fclose(fp);
}

/* One series read from a long CSV file, into the arena. */
struct cmd_assess_file_series {
	struct assess_region_series	 series;
	const char			*indicator;
	const char			*unit;		/* the first one given, or NULL */
};

static int
cmd_assess_file_read(struct cmd_context *ctx, const char *path,
    const char *default_region, struct arena *a, struct cmd_assess_file_series *out)
{
	struct obsfile_options ro;
	struct obsfile_reader *r = NULL;
	struct obsfile_record *rec;
	struct diag_list diags;
	struct assess_observation *obs = NULL, *copy;
	long *lines = NULL;
	size_t count = 0, cap = 0, lcap = 0, i;
	bool has_indicator, has_region;
	struct error e;
	int got, rc = -1;
	char text[PERIOD_TEXT_MAX];

	memset(out, 0, sizeof(*out));
	obsfile_options_init(&ro);
	diag_list_init(&diags, 50);
	ro.format = OBSFILE_LONG;
	cmd_assess_file_peek(path, &has_indicator, &has_region);
	if (!has_indicator)
		obsfile_options_set(&ro.indicator, "series");
	if (!has_region)
		obsfile_options_set(&ro.region, default_region);
	if (obsfile_open(path, &ro, &r, &diags, &e) == -1) {
		if (diags.total == 0)
			fprintf(ctx->err, "wiall assess: %s\n", e.message);
		diag_list_print(&diags, ctx->err);
		goto done;
	}
	while ((got = obsfile_next(r, &rec, &diags)) == 1) {
		if (rec->dims[0] != '\0') {
			diag_add(&diags, path, rec->line, rec->at_dims.column,
			    "a breakdown (%s): --input takes one series, the "
			    "total", rec->dims);
			continue;
		}
		if (out->indicator == NULL) {
			out->indicator = arena_strdup(a, rec->indicator);
			out->series.region = arena_strdup(a, rec->region);
		} else if (strcmp(rec->indicator, out->indicator) != 0 ||
		    strcmp(rec->region, out->series.region) != 0) {
			diag_add(&diags, path, rec->line, rec->at_indicator.column,
			    "a second series (%s in %s) after %s in %s: --input "
			    "takes one series", rec->indicator, rec->region,
			    out->indicator, out->series.region);
			continue;
		}
		for (i = 0; i < count; i++)
			if (period_compare(&obs[i].period, &rec->period_value) == 0)
				break;
		if (i < count) {
			period_format(&rec->period_value, text);
			diag_add(&diags, path, rec->line, rec->at_period.column,
			    "period %s comes twice (first on line %ld)", text,
			    lines[i]);
			continue;
		}
		if (out->unit == NULL && rec->unit[0] != '\0')
			out->unit = arena_strdup(a, rec->unit);
		obs = xgrow(obs, &cap, count + 1, sizeof(*obs));
		lines = xgrow(lines, &lcap, count + 1, sizeof(*lines));
		obs[count].period = rec->period_value;
		obs[count].has_value = rec->has_value;
		obs[count].value = rec->value;
		obs[count].flag = arena_strdup(a, rec->flag);
		lines[count] = rec->line;
		count++;
	}
	if (got == -1 || diags.total > 0) {
		diag_list_print(&diags, ctx->err);
		goto done;
	}
	if (count == 0) {
		fprintf(ctx->err, "wiall assess: %s: no observations (the file "
		    "has a header but no rows)\n", path);
		goto done;
	}
	copy = arena_alloc(a, count * sizeof(*copy));
	memcpy(copy, obs, count * sizeof(*copy));
	out->series.obs = copy;
	out->series.count = count;
	rc = 0;
done:
	obsfile_close(r);
	obsfile_options_free(&ro);
	diag_list_free(&diags);
	free(obs);
	free(lines);
	return rc;
}

int
cmd_assess_file(struct cmd_context *ctx, const struct cmd_assess_args *a)
{
	struct cmd_assess_file_series own, ref;
	struct target_version tv;
	struct indicator ind;
	struct assess_input in = { 0 };
	struct assess_result res;
	struct arena arena;
	struct error e;
	char region_text[256];
	int has_target, status = CMD_FAIL;

	if (!a->has_polarity)
		return cmd_usage_error(&cmd_assess_entry, ctx, "--input needs "
		    "--polarity 1, -1 or 0: which way is better is never "
		    "guessed");
	if ((has_target = cmd_assess_file_target(ctx, a, &tv)) == -1)
		return CMD_USAGE;
	arena_init(&arena);
	assess_result_init(&res);
	if (cmd_assess_file_read(ctx, a->input, "-", &arena, &own) == -1)
		goto done;
	memset(&ref, 0, sizeof(ref));
	if (a->reference_input != NULL) {
		if (cmd_assess_file_read(ctx, a->reference_input, "reference", &arena,
		    &ref) == -1)
			goto done;
		tv.reference_region = ref.series.region;
		in.references = &ref.series;
		in.reference_count = 1;
	}
	memset(&ind, 0, sizeof(ind));
	ind.code = own.indicator;
	ind.unit = a->unit != NULL ? a->unit : own.unit;
	ind.decimals = a->decimals;
	ind.polarity = a->polarity;
	ind.annual = a->annual;
	ind.targets = has_target ? &tv : NULL;
	ind.target_count = has_target ? 1 : 0;
	in.indicator = &ind;
	in.series = own.series;
	if (a->region != NULL)
		in.series.region = a->region;
	else if (strcmp(in.series.region, "-") == 0)
		in.series.region = NULL;	/* the file names none */
	if (assess_run(&in, &a->options, &res, &e) == -1) {
		fprintf(ctx->err, "wiall assess: %s: %s\n", a->input, e.message);
		goto done;
	}
	if (res.region[0] != '\0')
		snprintf(region_text, sizeof(region_text), "%s %s · Region %s",
		    cmd_assess_en(a) ? "File" : "Datei", a->input, res.region);
	else
		snprintf(region_text, sizeof(region_text), "%s %s",
		    cmd_assess_en(a) ? "File" : "Datei", a->input);
	cmd_assess_print(ctx, a, "file", res.region[0] != '\0' ? res.region :
	    NULL, region_text, &res, 1);
	status = CMD_OK;
done:
	assess_result_free(&res);
	arena_free(&arena);
	return status;
}
