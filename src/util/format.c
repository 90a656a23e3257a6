/* Locale-free formatting for the UI (see format.h). printf is used only for
 * the digits: wiall never calls setlocale(), so "%f" writes '.', and the
 * separators are put in here. */
#include "util/format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/text.h"

static const char *const format_months_de[12] = {
	"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
	"August", "September", "Oktober", "November", "Dezember"
};
static const char *const format_months_en[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

bool
format_is_english(const char *lang)
{
	return lang != NULL && strcmp(lang, "en") == 0;
}

/* Appends the digits of a "%.*f" result with grouping: `digits` holds
 * [-]DDDD[.DD]. The sign is dropped when every digit is zero, so that
 * -0.04 at one decimal reads 0,0 and not -0,0. */
static void
format_group(struct buf *out, const char *digits, const char *lang,
    bool force_sign)
{
	bool english = format_is_english(lang);
	char thousands = english ? ',' : '.', decimal = english ? '.' : ',';
	const char *p = digits, *dot, *q;
	bool negative = false, zero = true;
	size_t int_len, i;

	if (*p == '-') {
		negative = true;
		p++;
	}
	for (q = p; *q != '\0'; q++)
		if (*q >= '1' && *q <= '9')
			zero = false;
	if (zero)
		negative = false;
	if (negative)
		buf_putc(out, '-');
	else if (force_sign && !zero)
		buf_putc(out, '+');
	dot = strchr(p, '.');
	int_len = dot != NULL ? (size_t)(dot - p) : strlen(p);
	for (i = 0; i < int_len; i++) {
		if (i > 0 && (int_len - i) % 3 == 0)
			buf_putc(out, thousands);
		buf_putc(out, p[i]);
	}
	if (dot != NULL) {
		buf_putc(out, decimal);
		buf_puts(out, dot + 1);
	}
}

/* Rounds the decimal text of a number to `decimals` places, half away from
 * zero (kaufmännisches Runden, DIN 1333), in place. `digits` holds
 * [-]D+.D+ with at least decimals + 1 fraction digits. glibc prints the
 * exact binary value, so the first dropped digit decides: >= 5 means the
 * value is at least half a unit away, and it rounds up. (printf's own
 * rounding would send exact ties such as 0.125 or 2.5 to even.) */
static void
format_round_text(char *digits, int decimals)
{
	char *dot = strchr(digits, '.'), *p, *start;
	bool up;

	if (dot == NULL)
		return;
	up = dot[decimals + 1] >= '5';
	dot[decimals == 0 ? 0 : decimals + 1] = '\0';
	if (!up)
		return;
	start = digits[0] == '-' ? digits + 1 : digits;
	for (p = digits + strlen(digits) - 1; p >= start; p--) {
		if (*p == '.')
			continue;
		if (*p != '9') {
			(*p)++;
			return;
		}
		*p = '0';
	}
	/* 9.99 became 0.00: one more digit in front. */
	memmove(start + 1, start, strlen(start) + 1);
	*start = '1';
}

static void
format_number_signed(struct buf *out, double v, int decimals,
    const char *lang, bool force_sign)
{
	/* 1e308 with 50 fraction digits needs 309 + 51 characters. Forty
	 * digits beyond the kept ones are exact; a run of forty 9s that the
	 * last printed digit could round into the decision digit does not
	 * occur in the values we show. */
	char digits[400];

	if (!isfinite(v)) {
		buf_puts(out, "\xe2\x80\x93");	/* en dash */
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 10)
		decimals = 10;
	snprintf(digits, sizeof(digits) - 1, "%.*f", decimals + 40, v);
	format_round_text(digits, decimals);
	format_group(out, digits, lang, force_sign);
}

void
format_number(struct buf *out, double v, int decimals, const char *lang)
{
	format_number_signed(out, v, decimals, lang, false);
}

void
format_signed(struct buf *out, double v, int decimals, const char *lang)
{
	format_number_signed(out, v, decimals, lang, true);
}

void
format_percent(struct buf *out, double v, int decimals, const char *lang)
{
	format_number(out, v, decimals, lang);
	if (!isfinite(v))
		return;
	/* DIN 5008 puts a space between number and %; a no-break one keeps
	 * them on one line. */
	buf_puts(out, format_is_english(lang) ? "%" : "\xc2\xa0%");
}

static int
format_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

int
format_date(struct buf *out, int year, int month, int day, const char *lang)
{
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
	    day > format_days_in_month(year, month))
		return -1;
	if (format_is_english(lang))
		buf_printf(out, "%04d-%02d-%02d", year, month, day);
	else
		buf_printf(out, "%02d.%02d.%04d", day, month, year);
	return 0;
}

int
format_iso_date(struct buf *out, const char *iso, const char *lang)
{
	int y, m, d;

	if (iso == NULL || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-' ||
	    (iso[10] != '\0' && iso[10] != 'T' && iso[10] != ' '))
		return -1;
	y = text_digits(iso, 4);
	m = text_digits(iso + 5, 2);
	d = text_digits(iso + 8, 2);
	if (y < 0 || m < 0 || d < 0)
		return -1;
	return format_date(out, y, m, d, lang);
}

void
format_period(struct buf *out, const struct period *p, const char *lang)
{
	bool english = format_is_english(lang);

	switch (p->kind) {
	case PERIOD_QUARTER:
		if (english)
			buf_printf(out, "Q%d %d", p->sub, p->year);
		else
			buf_printf(out, "%d. Quartal %d", p->sub, p->year);
		break;
	case PERIOD_MONTH:
		if (p->sub >= 1 && p->sub <= 12) {
			buf_printf(out, "%s %d", english ?
			    format_months_en[p->sub - 1] :
			    format_months_de[p->sub - 1], p->year);
			break;
		}
		/* FALLTHROUGH */
	default:
		buf_printf(out, "%d", p->year);
		break;
	}
}
