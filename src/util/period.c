#include "util/period.h"

#include <stdio.h>

const char *const period_kind_names[PERIOD_KIND__MAX] = {
	"year", "quarter", "month"
};

static int
period_digits(const char *s, size_t n, int *out)
{
	size_t i;
	int v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
period_parse(const char *s, size_t n, struct period *out)
{
	struct period p = { 0, PERIOD_YEAR, 0 };

	if (n < 4 || period_digits(s, 4, &p.year) == -1 || p.year < 1000)
		return -1;
	if (n == 4)
		goto done;
	if (s[4] != '-')
		return -1;
	if (n == 7 && s[5] == 'Q') {
		if (s[6] < '1' || s[6] > '4')
			return -1;
		p.kind = PERIOD_QUARTER;
		p.sub = s[6] - '0';
		goto done;
	}
	if (n == 7 && period_digits(s + 5, 2, &p.sub) == 0 &&
	    p.sub >= 1 && p.sub <= 12) {
		p.kind = PERIOD_MONTH;
		goto done;
	}
	return -1;
done:
	*out = p;
	return 0;
}

size_t
period_format(const struct period *p, char out[PERIOD_TEXT_MAX])
{
	int n;

	switch (p->kind) {
	case PERIOD_QUARTER:
		n = snprintf(out, PERIOD_TEXT_MAX, "%04d-Q%d", p->year, p->sub);
		break;
	case PERIOD_MONTH:
		n = snprintf(out, PERIOD_TEXT_MAX, "%04d-%02d", p->year, p->sub);
		break;
	default:
		n = snprintf(out, PERIOD_TEXT_MAX, "%04d", p->year);
		break;
	}
	return n < 0 ? 0 : (size_t)n;
}

static int
period_start_month(const struct period *p)
{
	switch (p->kind) {
	case PERIOD_QUARTER:
		return (p->sub - 1) * 3 + 1;
	case PERIOD_MONTH:
		return p->sub;
	default:
		return 1;
	}
}

int
period_compare(const struct period *a, const struct period *b)
{
	long sa = (long)a->year * 12 + period_start_month(a);
	long sb = (long)b->year * 12 + period_start_month(b);

	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return 0;
}

long
period_ordinal(const struct period *p)
{
	switch (p->kind) {
	case PERIOD_QUARTER:
		return (long)p->year * 4 + p->sub - 1;
	case PERIOD_MONTH:
		return (long)p->year * 12 + p->sub - 1;
	default:
		return p->year;
	}
}

struct period
period_from_ordinal(enum period_kind kind, long ordinal)
{
	struct period p = { 0, kind, 0 };

	switch (kind) {
	case PERIOD_QUARTER:
		p.year = (int)(ordinal / 4);
		p.sub = (int)(ordinal % 4) + 1;
		break;
	case PERIOD_MONTH:
		p.year = (int)(ordinal / 12);
		p.sub = (int)(ordinal % 12) + 1;
		break;
	default:
		p.year = (int)ordinal;
		break;
	}
	return p;
}

double
period_year_value(const struct period *p)
{
	return p->year + (period_start_month(p) - 1) / 12.0;
}
