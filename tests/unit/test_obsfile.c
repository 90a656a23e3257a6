/* Unit tests of src/io/obsfile, sdmx and obswrite: the three readers, the
 * period and decimal rules, code maps, located problems, the SDMX mapping
 * file, and the writers. Every input is written out here; expected values are
 * read off the input by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/obsfile.h"
#include "io/obswrite.h"
#include "io/sdmx.h"
#include "util/error.h"

struct run {
	FILE			*fp;
	struct obsfile_reader	*r;
	struct diag_list	 diags;
	int			 open_rc;
};

static void
run_open(struct run *t, const char *text, const struct obsfile_options *o)
{
	struct error e;

	diag_list_init(&t->diags, 0);
	t->fp = fmemopen((void *)text, strlen(text), "rb");
	assert_non_null(t->fp);
	t->open_rc = obsfile_open_stream(t->fp, "f.csv", o, &t->r, &t->diags, &e);
}

static void
run_close(struct run *t)
{
	obsfile_close(t->r);
	fclose(t->fp);
	diag_list_free(&t->diags);
}

static struct obsfile_record *
next_ok(struct run *t)
{
	struct obsfile_record *rec;

	assert_int_equal(obsfile_next(t->r, &rec, &t->diags), 1);
	return rec;
}

/* "file:line:column: message" of diagnostic i, for comparing. */
static const char *
diag_text(struct run *t, size_t i)
{
	static char s[1200];

	assert_true(i < t->diags.count);
	snprintf(s, sizeof(s), "%ld:%ld: %s", t->diags.items[i].line,
	    t->diags.items[i].column, t->diags.items[i].message);
	return s;
}

static void
assert_prefix(const char *s, const char *prefix)
{
	if (strncmp(s, prefix, strlen(prefix)) != 0)
		fail_msg("'%s' does not start with '%s'", s, prefix);
}

static void
test_long_basic(void **state)
{
	static const char in[] = "indicator,region,period,value,flag,unit,sector\n"
	    "emp,05512000,2017,48230,,persons,C\n"
	    "emp,05512000,2017-Q2,1.5e3,p,persons,\n"
	    "emp,DE,2017-06,,,persons,TOTAL\n";
	struct obsfile_options o;
	struct obsfile_record *rec;
	struct run t;

	obsfile_options_init(&o);
	obsfile_options_add_total(&o, "TOTAL");
	run_open(&t, in, &o);
	assert_int_equal(t.open_rc, 0);
	rec = next_ok(&t);
	assert_string_equal(rec->indicator, "emp");
	assert_string_equal(rec->region, "05512000");
	assert_string_equal(rec->period, "2017");
	assert_string_equal(rec->dims, "sector=C");
	assert_true(rec->has_value);
	assert_true(rec->value == 48230);
	assert_string_equal(rec->flag, "");
	assert_string_equal(rec->unit, "persons");
	assert_int_equal(rec->at_value.line, 2);
	assert_int_equal(rec->at_value.column, 19);
	rec = next_ok(&t);
	assert_string_equal(rec->period, "2017-Q2");
	assert_true(rec->value == 1500);
	assert_string_equal(rec->flag, "p");
	assert_string_equal(rec->dims, "");	/* empty: no sector */
	rec = next_ok(&t);
	assert_false(rec->has_value);		/* missing, never 0 */
	assert_string_equal(rec->flag, "m");
	assert_string_equal(rec->dims, "");	/* TOTAL: no sector */
	assert_int_equal(obsfile_next(t.r, &rec, &t.diags), 0);
	assert_string_equal(obsfile_format_detected(t.r), "long-csv");
	assert_int_equal(t.diags.total, 0);
	run_close(&t);
	obsfile_options_free(&o);
}

/* The unit's place: its cell (so that an import can point at it), or line
 * 0 when an option gives it (--unit) or the cell is empty. */
static void
test_unit_position(void **state)
{
	static const char in[] = "indicator,region,period,value,unit\n"
	    "gva,05512000,2014,2.1,billion EUR\n"
	    "gva,05512000,2013,2049,\n";
	struct obsfile_options o;
	struct obsfile_record *rec;
	struct run t;

	obsfile_options_init(&o);
	run_open(&t, in, &o);
	rec = next_ok(&t);
	assert_string_equal(rec->unit, "billion EUR");
	assert_int_equal(rec->at_unit.line, 2);
	assert_int_equal(rec->at_unit.column, 23);	/* gva,05512000,2014,2.1, */
	rec = next_ok(&t);
	assert_string_equal(rec->unit, "");
	assert_int_equal(rec->at_unit.line, 0);
	run_close(&t);
	obsfile_options_set(&o.unit, "million EUR");
	run_open(&t, in, &o);
	rec = next_ok(&t);
	assert_string_equal(rec->unit, "billion EUR");	/* the cell wins */
	rec = next_ok(&t);
	assert_string_equal(rec->unit, "million EUR");	/* empty: the option */
	assert_int_equal(rec->at_unit.line, 0);
	run_close(&t);
	obsfile_options_free(&o);
}

/* Dimensions are sorted by key whatever the column order. */
static void
test_long_dims_canonical(void **state)
{
	static const char in[] = "sex;indicator;region;period;value;age\n"
	    "f;emp;DE;2017;1;Y15-64\n";
	struct obsfile_options o;
	struct run t;

	obsfile_options_init(&o);
	run_open(&t, in, &o);
	assert_string_equal(next_ok(&t)->dims, "age=Y15-64;sex=f");
	run_close(&t);
	obsfile_options_free(&o);
}

/* The decimal rule of docs/formats.md, case by case. */
static void
test_decimal_rule(void **state)
{
	static const struct {
		const char	*in;
		double		 first, second;
		const char	*problem;	/* NULL: both rows read */
	} cases[] = {
		/* `;` with a decimal comma; 1.234 after that is a thousand */
		{ "indicator;region;period;value\na;b;2017;1,5\na;b;2018;1.234\n",
		    1.5, 1234, NULL },
		/* `;` with a decimal point (observations.csv) */
		{ "indicator;region;period;value\na;b;2017;61.4\na;b;2018;1.234\n",
		    61.4, 1.234, NULL },
		/* 1.234.567 can only be thousands */
		{ "indicator;region;period;value\na;b;2017;1.234.567\na;b;2018;2,5\n",
		    1234567, 2.5, NULL },
		/* 1.234 read as a point, then a comma: contradiction */
		{ "indicator;region;period;value\na;b;2017;1.234\na;b;2018;2,5\n",
		    1.234, 0, "3:10: bad number '2,5': this number has a decimal "
		    "comma" },
		/* `,` files: decimal point only */
		{ "indicator,region,period,value\na,b,2017,1.234\na,b,2018,\"2,5\"\n",
		    1.234, 0, "3:10: bad number '2,5': not a number" },
	};
	struct obsfile_record *rec;
	struct obsfile_options o;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct run t;
		obsfile_options_init(&o);
		run_open(&t, cases[i].in, &o);
		rec = next_ok(&t);
		assert_true(rec->value == cases[i].first);
		if (cases[i].problem == NULL) {
			rec = next_ok(&t);
			assert_true(rec->value == cases[i].second);
		} else {
			assert_int_equal(obsfile_next(t.r, &rec, &t.diags), 0);
			assert_prefix(diag_text(&t, 0), cases[i].problem);
		}
		run_close(&t);
		obsfile_options_free(&o);
	}
	/* Only 1.234s, nothing decides: 2.100 may be 2.1 or 2100, so the file
	 * ends with an error at the first of them (line 2) rather
	 * than a guess (column 10: after "a;b;2017;"); 0.250 is no thousands
	 * group and decides for a point. */
	{
		struct run t;
		obsfile_options_init(&o);
		run_open(&t, "indicator;region;period;value\n"
		    "a;b;2017;2.100\na;b;2018;3.500\n", &o);
		assert_true(next_ok(&t)->value == 2.1);
		assert_true(next_ok(&t)->value == 3.5);
		assert_int_equal(obsfile_next(t.r, &rec, &t.diags), -1);
		assert_prefix(diag_text(&t, 0), "2:10: '2.100' could be a "
		    "decimal point or a thousands separator");
		run_close(&t);
		obsfile_options_free(&o);
		obsfile_options_init(&o);
		run_open(&t, "indicator;region;period;value\n"
		    "a;b;2017;2.100\na;b;2018;0.250\n", &o);
		assert_true(next_ok(&t)->value == 2.1);
		assert_true(next_ok(&t)->value == 0.25);
		assert_int_equal(obsfile_next(t.r, &rec, &t.diags), 0);
		run_close(&t);
		obsfile_options_free(&o);
	}
	/* --decimal comma forces it */
	obsfile_options_init(&o);
	o.decimal = OBSFILE_DECIMAL_COMMA;
	{
		struct run t;
		run_open(&t, "indicator;region;period;value\na;b;2017;1.234\n", &o);
		assert_true(next_ok(&t)->value == 1234);
		run_close(&t);
	}
	obsfile_options_free(&o);
}

static void
test_period_options(void **state)
{
	static const char in[] = "indicator;region;period;value\n"
	    "a;b;2017/18;1\na;b;2019/2020;2\na;b;2015-09-30;3\na;b;old;4\n";
	struct obsfile_options o;
	struct error e;
	struct run t;

	obsfile_options_init(&o);
	o.school_year = OBSFILE_SCHOOL_END;
	o.date_period = OBSFILE_DATE_QUARTER;
	assert_int_equal(obsfile_options_add_map(&o, OBSFILE_SCOPE_PERIOD,
	    "old=2001", &e), 0);
	run_open(&t, in, &o);
	assert_string_equal(next_ok(&t)->period, "2018");
	assert_string_equal(next_ok(&t)->period, "2020");
	assert_string_equal(next_ok(&t)->period, "2015-Q3");
	assert_string_equal(next_ok(&t)->period, "2001");
	run_close(&t);
	obsfile_options_free(&o);

	obsfile_options_init(&o);
	o.school_year = OBSFILE_SCHOOL_START;
	o.date_period = OBSFILE_DATE_MONTH;
	run_open(&t, in, &o);
	assert_string_equal(next_ok(&t)->period, "2017");
	assert_string_equal(next_ok(&t)->period, "2019");
	assert_string_equal(next_ok(&t)->period, "2015-09");
	run_close(&t);
	obsfile_options_free(&o);
}

/* Without options such periods are located errors with a hint; the good
 * rows still come through, so that every problem is reported. */
static void
test_period_errors(void **state)
{
	static const char in[] = "indicator;region;period;value\n"
	    "a;b;2017/18;1\na;b;2015-09-30;2\na;b;2005-2012;3\na;b;2017-H1;4\n"
	    "a;b;2017/19;5\na;b;2015-02-30;6\na;b;2017;7\n";
	struct obsfile_options o;
	struct obsfile_record *rec;
	struct run t;

	obsfile_options_init(&o);
	run_open(&t, in, &o);
	rec = next_ok(&t);
	assert_true(rec->value == 7);
	assert_int_equal(obsfile_next(t.r, &rec, &t.diags), 0);
	assert_int_equal(t.diags.total, 6);
	assert_prefix(diag_text(&t, 0), "2:5: bad period '2017/18': a school or "
	    "financial year: say --school-year");
	assert_prefix(diag_text(&t, 1), "3:5: bad period '2015-09-30': a "
	    "reference date: say --date-period");
	assert_prefix(diag_text(&t, 2), "4:5: bad period '2005-2012': a span of "
	    "years");
	assert_prefix(diag_text(&t, 3), "5:5: bad period '2017-H1': half years");
	assert_prefix(diag_text(&t, 4), "6:5: bad period '2017/19': not a "
	    "school or financial year");
	assert_prefix(diag_text(&t, 5), "7:5: bad period '2015-02-30': not a "
	    "valid date");
	run_close(&t);
	obsfile_options_free(&o);
}

static void
test_row_problems_located(void **state)
{
	static const char in[] = "indicator,region,period,value,flag\n"
	    "a,b,2017,x1,\n"		/* bad number */
	    "a,b,2017,1\n"		/* too few fields */
	    "a,b,2017,1,,9\n"		/* too many */
	    "a,b,2017,-,\n"		/* '-' */
	    "a,b,2017,1,q\n"		/* unknown flag */
	    ",b,2017,1,\n"		/* no indicator */
	    "a,b,2017,2,pe\n";
	struct obsfile_options o;
	struct obsfile_record *rec;
	struct run t;

	obsfile_options_init(&o);
	run_open(&t, in, &o);
	rec = next_ok(&t);
	assert_true(rec->value == 2);
	assert_string_equal(rec->flag, "ep");	/* canonical: sorted */
	assert_int_equal(obsfile_next(t.r, &rec, &t.diags), 0);
	assert_int_equal(t.diags.total, 6);
	assert_prefix(diag_text(&t, 0), "2:10: bad number 'x1'");
	assert_prefix(diag_text(&t, 1), "3:11: 4 fields, but the header has 5");
	assert_prefix(diag_text(&t, 2), "4:13: 6 fields, but the header has 5");
	assert_prefix(diag_text(&t, 3), "5:10: '-' is ambiguous");
	assert_prefix(diag_text(&t, 4), "6:12: unknown flag 'q'");
	assert_prefix(diag_text(&t, 5), "7:1: no indicator code");
	run_close(&t);
	obsfile_options_free(&o);
}

static void
test_header_problems(void **state)
{
	static const struct {
		const char *in;
		const char *problem;
	} cases[] = {
		{ "", "1:1: empty file" },
		{ "indicator,region,period,value\n", "2:1: no data rows after the "
		    "header" },
		{ "indicator,region,value\na,b,1\n", "1:1: no period" },
		{ "indicator,region,period,value,Value\n", "1:31: column 'Value' "
		    "has the same role" },
		{ "indicator,region,period,value,region\n", "1:31: column 'region' "
		    "appears twice" },
		{ "indicator,region,period,value,Sector Code\n", "1:31: 'sector "
		    "code' cannot be a dimension key" },
		{ "indi\xff" "cator,region\n", "1:5: invalid UTF-8" },
	};
	struct obsfile_options o;
	struct obsfile_record *rec;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct run t;
		obsfile_options_init(&o);
		run_open(&t, cases[i].in, &o);
		if (t.open_rc == 0)
			assert_int_equal(obsfile_next(t.r, &rec, &t.diags), -1);
		assert_true(t.diags.total >= 1);
		assert_prefix(diag_text(&t, 0), cases[i].problem);
		run_close(&t);
		obsfile_options_free(&o);
	}
}

/* Göttingen-style wide file: sector rows, {region}{period} columns. */
static void
test_wide_region_period(void **state)
{
	static const char in[] = "\"WZ2008_Code\",\"WZ2008_Name\",\"Goettingen2016\","
	    "\"Goettingen2017\",\"BRD2017\"\n"
	    "\"A-R\",\"A-R Insgesamt\",67818,69403,32164973\n"
	    "\"C\",\"C Verarbeitendes Gewerbe\",7999,7874,6797172\n";
	struct obsfile_options o;
	struct obsfile_record *rec;
	struct error e;
	struct run t;

	obsfile_options_init(&o);
	obsfile_options_set(&o.indicator, "employees");
	obsfile_options_set(&o.value_pattern, "{region}{period}");
	assert_int_equal(obsfile_options_add_dim_column(&o, "WZ2008_Code=sector",
	    &e), 0);
	obsfile_options_add_ignore(&o, "WZ2008_Name");
	obsfile_options_add_total(&o, "A-R");
	assert_int_equal(obsfile_options_add_map(&o, OBSFILE_SCOPE_REGION,
	    "Goettingen=03159016", &e), 0);
	assert_int_equal(obsfile_options_add_map(&o, OBSFILE_SCOPE_REGION,
	    "BRD=DE", &e), 0);
	run_open(&t, in, &o);
	assert_int_equal(t.open_rc, 0);
	rec = next_ok(&t);
	assert_string_equal(rec->indicator, "employees");
	assert_string_equal(rec->region, "03159016");
	assert_string_equal(rec->period, "2016");
	assert_string_equal(rec->dims, "");
	assert_true(rec->value == 67818);
	assert_int_equal(rec->at_region.line, 1);	/* from the header */
	assert_int_equal(rec->at_region.column, 29);
	next_ok(&t);
	rec = next_ok(&t);
	assert_string_equal(rec->region, "DE");
	assert_true(rec->value == 32164973);
	rec = next_ok(&t);
	assert_string_equal(rec->dims, "sector=C");
	assert_true(rec->value == 7999);
	assert_int_equal(rec->at_value.line, 3);
	assert_int_equal(rec->at_value.column, 32);
	next_ok(&t);
	next_ok(&t);
	assert_int_equal(obsfile_next(t.r, &rec, &t.diags), 0);
	assert_string_equal(obsfile_format_detected(t.r), "wide-csv");
	run_close(&t);
	obsfile_options_free(&o);
}

/* Eurostat-style: one column per sector, TOTAL = no sector dimension. */
static void
test_wide_dimension_columns(void **state)
{
	static const char in[] = "geo,year,A,B_E,TOTAL\nDEA31,2017,500,7950,48230\n";
	struct obsfile_options o;
	struct obsfile_record *rec;
	struct error e;
	struct run t;

	obsfile_options_init(&o);
	obsfile_options_set(&o.indicator, "emp");
	obsfile_options_set(&o.region_column, "geo");
	obsfile_options_set(&o.period_column, "year");
	obsfile_options_set(&o.value_pattern, "{sector}");
	obsfile_options_add_total(&o, "TOTAL");
	assert_int_equal(obsfile_options_add_map(&o, OBSFILE_SCOPE_DIM,
	    "sector:B_E=B-E", &e), 0);
	run_open(&t, in, &o);
	rec = next_ok(&t);
	assert_string_equal(rec->dims, "sector=A");
	assert_string_equal(rec->region, "DEA31");
	assert_string_equal(next_ok(&t)->dims, "sector=B-E");
	rec = next_ok(&t);
	assert_string_equal(rec->dims, "");
	assert_true(rec->value == 48230);
	run_close(&t);
	obsfile_options_free(&o);
}

static void
test_wide_problems(void **state)
{
	static const char in[] = "region_code,gdp1992,gdp1994,regional\n"
	    "05512,1895.336,1959.595,West\n";
	struct obsfile_options o;
	struct run t;

	obsfile_options_init(&o);
	obsfile_options_set(&o.region_column, "region_code");
	obsfile_options_set(&o.value_pattern, "{indicator}{period}");
	run_open(&t, in, &o);
	assert_int_equal(t.open_rc, -1);
	assert_prefix(diag_text(&t, 0), "1:29: column 'regional' does not match "
	    "--value-columns '{indicator}{period}'");
	run_close(&t);
	obsfile_options_add_ignore(&o, "regional");
	run_open(&t, in, &o);
	assert_int_equal(t.open_rc, 0);
	assert_string_equal(next_ok(&t)->indicator, "gdp");
	assert_true(next_ok(&t)->value == 1959.595);
	run_close(&t);
	obsfile_options_free(&o);
}

/* SDMX-CSV 1.0 as Eurostat writes it, read with a mapping file. */
static const char sdmx_v1[] =
    "DATAFLOW,LAST UPDATE,freq,unit,nace_r2,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
    "ESTAT:NAMA_10R_3EMPERS(1.0),20/04/23 23:00:00,A,THS,TOTAL,DEA31,2017,48.23,\n"
    "ESTAT:NAMA_10R_3EMPERS(1.0),20/04/23 23:00:00,A,THS,B-E,DEA31,2017-A1,7.95,p\n"
    "ESTAT:NAMA_10R_3EMPERS(1.0),20/04/23 23:00:00,A,PC,B-E,DEA31,2017,16.5,\n";

static const char sdmx_map[] =
    "# Eurostat nama_10r_3empers\n"
    "indicator\temp_ths\n"
    "region-column geo\n"
    "dimension sector nace_r2\n"
    "flag-column OBS_FLAG\n"
    "ignore freq \"LAST UPDATE\"\n"
    "keep unit THS\n"
    "map nace_r2 TOTAL \"\"\n"
    "map geo DEA31 05512000\n";

static void
test_sdmx_v1_with_mapping(void **state)
{
	struct obsfile_options o;
	struct obsfile_record *rec;
	struct run t;
	char path[] = "/tmp/wiall-test-map-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");

	fputs(sdmx_map, fp);
	fclose(fp);
	obsfile_options_init(&o);
	obsfile_options_set(&o.sdmx_mapping, path);
	run_open(&t, sdmx_v1, &o);
	assert_int_equal(t.open_rc, 0);
	assert_string_equal(obsfile_format_detected(t.r), "sdmx-csv-1");
	rec = next_ok(&t);
	assert_string_equal(rec->indicator, "emp_ths");
	assert_string_equal(rec->region, "05512000");
	assert_string_equal(rec->dims, "");
	assert_string_equal(rec->period, "2017");
	assert_true(rec->value == 48.23);
	rec = next_ok(&t);
	assert_string_equal(rec->dims, "sector=B-E");
	assert_string_equal(rec->period, "2017");	/* 2017-A1 */
	assert_string_equal(rec->flag, "p");
	assert_int_equal(obsfile_next(t.r, &rec, &t.diags), 0);
	assert_int_equal(obsfile_rows_filtered(t.r), 1);	/* unit PC */
	assert_int_equal(t.diags.total, 0);
	run_close(&t);
	obsfile_options_free(&o);
	unlink(path);
}

/* Without a mapping file every column must be known or become a dimension;
 * with one, an unmapped column is a located error. */
static void
test_sdmx_unmapped_column(void **state)
{
	struct obsfile_options o;
	struct run t;
	char path[] = "/tmp/wiall-test-map-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");

	fputs("indicator emp\nregion-column geo\ndimension sector nace_r2\n", fp);
	fclose(fp);
	obsfile_options_init(&o);
	obsfile_options_set(&o.sdmx_mapping, path);
	run_open(&t, sdmx_v1, &o);
	assert_int_equal(t.open_rc, -1);
	assert_prefix(diag_text(&t, 0), "1:10: column 'LAST UPDATE' is not in "
	    "the mapping file");
	run_close(&t);
	obsfile_options_free(&o);
	unlink(path);
}

/* SDMX-CSV 2.0 with ACTION; status codes; 2017-M06; D is refused. */
static void
test_sdmx_v2(void **state)
{
	static const char in[] =
	    "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD,"
	    "OBS_VALUE,OBS_STATUS\n"
	    "dataflow,WIALL:OBS(1.0),I,u,DE,2017-M06,5.5,E\n"
	    "dataflow,WIALL:OBS(1.0),,u,DE,2017-Q2,5.4,A\n"
	    "dataflow,WIALL:OBS(1.0),D,u,DE,2017,5.6,\n"
	    "dataflow,WIALL:OBS(1.0),I,u,DE,2018,5.6,Z\n";
	struct obsfile_options o;
	struct obsfile_record *rec;
	struct run t;

	obsfile_options_init(&o);
	run_open(&t, in, &o);
	assert_int_equal(t.open_rc, 0);
	assert_string_equal(obsfile_format_detected(t.r), "sdmx-csv-2");
	rec = next_ok(&t);
	assert_string_equal(rec->period, "2017-06");
	assert_string_equal(rec->flag, "e");
	rec = next_ok(&t);
	assert_string_equal(rec->flag, "");
	assert_int_equal(obsfile_next(t.r, &rec, &t.diags), 0);
	assert_int_equal(t.diags.total, 2);
	assert_prefix(diag_text(&t, 0), "4:25: ACTION D (delete) is not supported");
	assert_prefix(diag_text(&t, 1), "5:41: unknown flag 'Z'");
	run_close(&t);
	obsfile_options_free(&o);
}

static void
test_mapping_file_problems(void **state)
{
	static const char text[] = "indicator a b\nfrobnicate x\nmap geo X\n"
	    "dimension Sector geo\nkeep unit\nignore \"open\n";
	struct sdmx_mapping *m;
	struct diag_list d;
	FILE *fp = fmemopen((void *)text, strlen(text), "r");

	diag_list_init(&d, 0);
	assert_int_equal(sdmx_mapping_parse(fp, "m.map", &m, &d), -1);
	assert_null(m);
	assert_int_equal(d.total, 6);
	assert_int_equal(d.items[0].line, 1);
	assert_int_equal(d.items[1].line, 2);
	assert_string_equal(d.items[1].message, "unknown directive 'frobnicate' "
	    "(indicator, indicator-column, region-column, dimension, ignore, map, "
	    "keep, flag-column, unit, unit-column, source, source-column, "
	    "note-column)");
	assert_int_equal(d.items[3].column, 11);	/* "Sector" */
	assert_int_equal(d.items[5].column, 8);		/* the open quote */
	fclose(fp);
	diag_list_free(&d);
}

static void
test_sdmx_periods_and_status(void **state)
{
	char out[PERIOD_TEXT_MAX];

	assert_int_equal(sdmx_period_convert("2017-M06", 8, out), 0);
	assert_string_equal(out, "2017-06");
	assert_int_equal(sdmx_period_convert("2017M12", 7, out), 0);
	assert_string_equal(out, "2017-12");
	assert_int_equal(sdmx_period_convert("2017Q2", 6, out), 0);
	assert_string_equal(out, "2017-Q2");
	assert_int_equal(sdmx_period_convert("2017-A1", 7, out), 0);
	assert_string_equal(out, "2017");
	assert_int_equal(sdmx_period_convert("2017-M13", 8, out), -1);
	assert_int_equal(sdmx_period_convert("2017-S1", 7, out), -1);
	assert_string_equal(sdmx_status_flag("B", 1), "b");
	assert_string_equal(sdmx_status_flag("A", 1), "");
	assert_null(sdmx_status_flag("X", 1));
}

static void
test_flag_canonical(void **state)
{
	char out[16];

	assert_int_equal(obsfile_flag_canonical("pbe", 3, out), 0);
	assert_string_equal(out, "bep");
	assert_int_equal(obsfile_flag_canonical("pp", 2, out), 0);
	assert_string_equal(out, "p");
	assert_int_equal(obsfile_flag_canonical("P", 1, out), -1);
	assert_int_equal(obsfile_flag_canonical("x", 1, out), -1);
}

/* The writers: exact bytes for a known set of records. */
static void
test_writers(void **state)
{
	static const char *keys[] = { "sector", "sex" };
	struct obsfile_record a = { 0 }, b = { 0 };
	char *text = NULL;
	size_t len = 0;
	FILE *fp;
	struct obswrite *w;

	a.indicator = "emp";
	a.region = "05512000";
	a.dims = "sector=C";
	strcpy(a.period, "2017");
	a.has_value = true;
	a.value = 0.1 + 0.2;		/* 0.30000000000000004: 17 digits */
	a.flag = "p";
	a.unit = "persons";
	a.source = "IT.NRW, Tabelle 1";
	a.note = "";
	b = a;
	b.dims = "sector=C;sex=f";
	b.has_value = false;
	b.flag = "m";
	b.value = 47740;
	b.note = "say \"x\"";
	fp = open_memstream(&text, &len);
	w = obswrite_begin(fp, OBSWRITE_LONG, keys, 2);
	obswrite_record(w, &a);
	obswrite_record(w, &b);
	a.has_value = true;
	a.value = 47740;
	obswrite_record(w, &a);
	assert_int_equal(obswrite_end(w), 0);
	fclose(fp);
	assert_string_equal(text,
	    "indicator,region,sector,sex,period,value,flag,unit,source,note\n"
	    "emp,05512000,C,,2017,0.30000000000000004,p,persons,"
	    "\"IT.NRW, Tabelle 1\",\n"
	    "emp,05512000,C,f,2017,,m,persons,\"IT.NRW, Tabelle 1\","
	    "\"say \"\"x\"\"\"\n"
	    "emp,05512000,C,,2017,47740,p,persons,\"IT.NRW, Tabelle 1\",\n");
	free(text);
	text = NULL;
	fp = open_memstream(&text, &len);
	w = obswrite_begin(fp, OBSWRITE_SDMX, keys, 1);
	obswrite_record(w, &a);
	obswrite_end(w);
	fclose(fp);
	assert_string_equal(text,
	    "DATAFLOW,INDICATOR,REF_AREA,SECTOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS,"
	    "UNIT_MEASURE,SOURCE_DETAIL,COMMENT_OBS\n"
	    "WIALL:OBSERVATIONS(1.0),emp,05512000,C,2017,47740,p,persons,"
	    "\"IT.NRW, Tabelle 1\",\n");
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_basic),
		cmocka_unit_test(test_unit_position),
		cmocka_unit_test(test_long_dims_canonical),
		cmocka_unit_test(test_decimal_rule),
		cmocka_unit_test(test_period_options),
		cmocka_unit_test(test_period_errors),
		cmocka_unit_test(test_row_problems_located),
		cmocka_unit_test(test_header_problems),
		cmocka_unit_test(test_wide_region_period),
		cmocka_unit_test(test_wide_dimension_columns),
		cmocka_unit_test(test_wide_problems),
		cmocka_unit_test(test_sdmx_v1_with_mapping),
		cmocka_unit_test(test_sdmx_unmapped_column),
		cmocka_unit_test(test_sdmx_v2),
		cmocka_unit_test(test_mapping_file_problems),
		cmocka_unit_test(test_sdmx_periods_and_status),
		cmocka_unit_test(test_flag_canonical),
		cmocka_unit_test(test_writers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
