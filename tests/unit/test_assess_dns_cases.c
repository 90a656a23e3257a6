/*
 * The 79 real DNS cases (tests/data/trend/dns_cases.csv): wiall's weather symbol
 * must equal the official one wherever the official symbol is known
 * (tests/data/trend/dns_official.csv, 68 cases, each with its source URL), and
 * every case must satisfy the rules of METHODS §2.2 recomputed independently here.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/assess_dns.h"
#include "util/text.h"
#include "unit/fixture.h"
#include "unit/near.h"

#define CASES_MAX	100
#define POINTS_MAX	64

struct dns_case {
	char		name[64];
	int		report_year;
	char		type[16];
	int		polarity;
	double		target;
	int		target_year;
	int		assess_from;		/* 0: no break */
	struct period	periods[POINTS_MAX];
	double		values[POINTS_MAX];
	unsigned	flags[POINTS_MAX];
	size_t		count;
	struct series	series;
	struct target	goal;
};

static struct dns_case cases[CASES_MAX];
static size_t ncases;

static FILE *
open_data(const char *name)
{
	char path[1024];
	const char *top = getenv("TOP");

	snprintf(path, sizeof(path), "%s/tests/data/trend/%s", top ? top : ".", name);
	return fopen(path, "r");
}

/* Splits line at ';' in place; returns the number of fields. */
static size_t
split(char *line, char **field, size_t max)
{
	size_t n = 0;
	char *p = line;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		field[n++] = p;
		p = strchr(p, ';');
		if (p == NULL)
			break;
		*p++ = '\0';
	}
	return n;
}

static int
parse_series(struct dns_case *c, char *text)
{
	char *item, *save = NULL;

	for (item = strtok_r(text, "|", &save); item != NULL;
	    item = strtok_r(NULL, "|", &save)) {
		char *colon = strchr(item, ':');

		if (colon == NULL || c->count == POINTS_MAX ||
		    period_parse(item, (size_t)(colon - item),
		    &c->periods[c->count]) == -1 ||
		    text_parse_double(colon + 1, strlen(colon + 1), '.',
		    &c->values[c->count]) == -1)
			return -1;
		c->flags[c->count] = c->periods[c->count].year == c->assess_from ?
		    SERIES_FLAG_BREAK : 0;
		c->count++;
	}
	return 0;
}

static int
load_cases(void **state)
{
	char line[8192], *f[12];
	FILE *fp = open_data("dns_cases.csv");

	if (fp == NULL)
		return -1;
	ncases = 0;
	fgets(line, sizeof(line), fp);	/* header */
	while (fgets(line, sizeof(line), fp) != NULL && ncases < CASES_MAX) {
		struct dns_case *c = &cases[ncases];

		memset(c, 0, sizeof(*c));
		if (split(line, f, 12) != 10)
			goto fail;
		snprintf(c->name, sizeof(c->name), "%s", f[0]);
		c->report_year = atoi(f[3]);
		snprintf(c->type, sizeof(c->type), "%s", f[6]);
		c->polarity = strcmp(f[7], "increase") == 0 ? 1 : -1;
		c->target = f[4][0] != '\0' ? strtod(f[4], NULL) : NAN;
		c->target_year = atoi(f[5]);
		c->assess_from = atoi(f[9]);
		if (parse_series(c, f[8]) == -1)
			goto fail;
		c->series.periods = c->periods;
		c->series.values = c->values;
		c->series.flags = c->flags;
		c->series.count = c->count;
		if (strcmp(c->type, "year_target") == 0)
			c->goal = target_by_year(c->polarity, c->target,
			    c->target_year);
		else if (strcmp(c->type, "annual") == 0)
			c->goal = target_every_year(c->polarity, c->target);
		else if (strcmp(c->type, "direction") == 0)
			c->goal = target_direction(c->polarity);
		else
			goto fail;
		ncases++;
	}
	fclose(fp);
	return ncases == 79 ? 0 : -1;
fail:
	fclose(fp);
	return -1;
}

static struct dns_case *
find_case(const char *name)
{
	size_t i;

	for (i = 0; i < ncases; i++)
		if (strcmp(cases[i].name, name) == 0)
			return &cases[i];
	return NULL;
}

static enum explain_verdict
verdict_named(const char *name)
{
	int v;

	for (v = 1; v <= EXPLAIN_VERDICT_THUNDERSTORM; v++)
		if (strcmp(explain_verdict_names[v], name) == 0)
			return (enum explain_verdict)v;
	return EXPLAIN_VERDICT_NONE;
}

static void
test_official_symbols(void **state)
{
	char line[4096], *f[6];
	FILE *fp = open_data("dns_official.csv");
	size_t checked = 0, agreed = 0;

	assert_non_null(fp);
	fgets(line, sizeof(line), fp);
	while (fgets(line, sizeof(line), fp) != NULL) {
		struct dns_case *c;
		struct explain e;
		enum explain_verdict want;

		assert_int_equal(split(line, f, 6), 5);
		c = find_case(f[0]);
		assert_non_null(c);
		want = verdict_named(f[2]);
		assert_int_not_equal(want, EXPLAIN_VERDICT_NONE);
		assess_dns_weather(&c->series, &c->goal, &e);
		checked++;
		if (e.verdict == want)
			agreed++;
		else
			print_error("%s: official %s (%s), wiall %s\n", c->name, f[1],
			    f[3], explain_verdict_names[e.verdict]);
	}
	fclose(fp);
	assert_int_equal(checked, 68);
	assert_int_equal(agreed, checked);
}

/* Rules A, C and D recomputed from the raw arrays, independently of the code
 * under test, for all 79 cases. */
static void
test_invariants_all_cases(void **state)
{
	size_t i;

	for (i = 0; i < ncases; i++) {
		struct dns_case *c = &cases[i];
		struct explain e;
		size_t end = c->count, start = 0, s;
		double mean, xt, dm;
		int t, d = c->polarity;

		assert_int_equal(assess_dns_weather(&c->series, &c->goal, &e),
		    EXPLAIN_ASSESSED);
		assert_int_equal(c->periods[end - 1].year, c->report_year);
		while (c->assess_from != 0 && c->periods[start].year < c->assess_from)
			start++;
		s = end - start > 6 ? end - 6 : start;
		xt = c->values[end - 1];
		t = c->periods[end - 1].year;
		mean = (xt - c->values[s]) / (t - c->periods[s].year);
		dm = d * mean;
		assert_rel(fixture_q(&e, EXPLAIN_Q_MEAN_CHANGE), mean, 1e-12);
		assert_int_equal(e.after_break, c->assess_from != 0);
		assert_int_equal(e.first, s);
		if (strcmp(c->type, "direction") == 0) {
			double delta = d * (xt - c->values[end - 2]);

			assert_int_equal(e.rule, EXPLAIN_RULE_DNS_DIRECTION);
			assert_int_equal(e.verdict, dm > 0 ?
			    (delta > 0 ? EXPLAIN_VERDICT_SUN :
			    EXPLAIN_VERDICT_SUN_BEHIND_CLOUD) : (delta > 0 ?
			    EXPLAIN_VERDICT_CLOUD : EXPLAIN_VERDICT_THUNDERSTORM));
		} else if (strcmp(c->type, "annual") == 0 ||
		    d * (xt - c->target) >= 0) {
			bool met = d * (xt - c->target) >= 0;

			assert_int_equal(e.rule, EXPLAIN_RULE_DNS_LEVEL);
			assert_int_equal(e.verdict, met ?
			    (dm >= 0 ? EXPLAIN_VERDICT_SUN :
			    EXPLAIN_VERDICT_SUN_BEHIND_CLOUD) : (dm >= 0 ?
			    EXPLAIN_VERDICT_CLOUD : EXPLAIN_VERDICT_THUNDERSTORM));
		} else {
			double proj = xt + (c->target_year - t) * mean;
			double r = d * (c->target - proj) / fabs(c->target - xt);

			assert_int_equal(e.rule, EXPLAIN_RULE_DNS_PROJECTION);
			if (dm <= 0) {
				assert_int_equal(e.verdict,
				    EXPLAIN_VERDICT_THUNDERSTORM);
				continue;
			}
			assert_rel(fixture_q(&e, EXPLAIN_Q_MISS_RATIO), r,
			    1e-12);
			assert_int_equal(e.verdict, r < 0.05 ? EXPLAIN_VERDICT_SUN :
			    r <= 0.20 ? EXPLAIN_VERDICT_SUN_BEHIND_CLOUD :
			    EXPLAIN_VERDICT_CLOUD);
		}
	}
}

/* Four cases worked out by hand from the series in dns_cases.csv. */
static void
test_hand_calculated_cases(void **state)
{
	struct explain e;
	struct dns_case *c;

	/* 7.2.a@2024, renewables share, at least 41 by 2030: last six values
	 * 2019 17.3 … 2024 22.4, Δ̄ = 5.1/5 = 1.02, x̂_2030 = 22.4 + 6·1.02 =
	 * 28.52, r = (41 − 28.52)/(41 − 22.4) = 12.48/18.6 = 0.670968 > 0.20:
	 * cloud (official: Wolke). */
	c = find_case("7.2.a@2024");
	assess_dns_weather(&c->series, &c->goal, &e);
	assert_rel(fixture_q(&e, EXPLAIN_Q_MEAN_CHANGE), 1.02, 1e-12);
	assert_rel(fixture_q(&e, EXPLAIN_Q_PROJECTED_VALUE), 28.52, 1e-12);
	assert_rel(fixture_q(&e, EXPLAIN_Q_MISS_RATIO), 12.48 / 18.6, 1e-12);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_CLOUD);

	/* 13.1.a@2024, greenhouse gases (1990 = 100), at most 35 by 2030:
	 * 2019 63.722 … 2024 51.821, Δ̄ = −11.901/5 = −2.3802,
	 * x̂ = 51.821 − 6·2.3802 = 37.5398, r = −(35 − 37.5398)/16.821 = 0.150990:
	 * sun behind cloud (official: Leicht bewölkt). */
	c = find_case("13.1.a@2024");
	assess_dns_weather(&c->series, &c->goal, &e);
	assert_rel(fixture_q(&e, EXPLAIN_Q_MEAN_CHANGE), -2.3802, 1e-12);
	assert_rel(fixture_q(&e, EXPLAIN_Q_PROJECTED_VALUE), 37.5398, 1e-12);
	assert_rel(fixture_q(&e, EXPLAIN_Q_MISS_RATIO), 2.5398 / 16.821, 1e-12);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN_BEHIND_CLOUD);

	/* 4.3.a@2022, adult learning, at least 65 by 2030, surveyed in gappy
	 * years: the last six available values are 2012 50.0 … 2022 60.4, so
	 * Δ̄ = 10.4/10 = 1.04, x̂ = 60.4 + 8·1.04 = 68.72,
	 * r = (65 − 68.72)/4.6 = −0.808696: sun (official: Sonne, "achieved by
	 * 2027": 60.4 + 5·1.04 = 65.6). */
	c = find_case("4.3.a@2022");
	assess_dns_weather(&c->series, &c->goal, &e);
	assert_true(fixture_q(&e, EXPLAIN_Q_START_YEAR) == 2012);
	assert_rel(fixture_q(&e, EXPLAIN_Q_MEAN_CHANGE), 1.04, 1e-12);
	assert_rel(fixture_q(&e, EXPLAIN_Q_MISS_RATIO), -3.72 / 4.6, 1e-12);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN);

	/* 11.3.a@2024, housing cost overload, at most 13 by 2030, break in 2020:
	 * only 2020 9.0 … 2024 12.0 count (five values), Δ̄ = 3/4 = 0.75; the
	 * target is met (12 ≤ 13) but the trend rises: sun behind cloud (official:
	 * Leicht bewölkt, "values from 2020 to 2024 are considered"). */
	c = find_case("11.3.a@2024");
	assess_dns_weather(&c->series, &c->goal, &e);
	assert_true(e.after_break);
	assert_int_equal(e.break_period.year, 2020);
	assert_int_equal(e.point_count, 5);
	assert_true(fixture_q(&e, EXPLAIN_Q_MEAN_CHANGE) == 0.75);
	assert_int_equal(e.rule, EXPLAIN_RULE_DNS_LEVEL);
	assert_int_equal(e.verdict, EXPLAIN_VERDICT_SUN_BEHIND_CLOUD);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_official_symbols),
		cmocka_unit_test(test_invariants_all_cases),
		cmocka_unit_test(test_hand_calculated_cases),
	};
	return cmocka_run_group_tests(tests, load_cases, NULL);
}
