/* Unit tests of io/catalog_json: every class of problem with its JSON path,
 * syntax errors with line and column, references into a stored catalogue, and
 * the canonical export's round trip. The expected messages are written out
 * here by hand from the rules in catalog_json.h and DESIGN.md. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* With the assessment's target type in the same file: the catalogue's record
 * names must stay apart from it (the assessment converts one to the other). */
#include "core/target.h"
#include "io/catalog_json.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/model.h"

/* A small valid catalogue; the cases below break one thing in a copy. */
#define REGIONS "\"regions\": [" \
	"{\"code\": \"05\", \"name_de\": \"NRW\", \"level\": \"state\", " \
	"\"aliases\": [{\"code\": \"DEA\", \"scheme\": \"nuts\"}]}, " \
	"{\"code\": \"05512000\", \"name_de\": \"Bottrop\", " \
	"\"level\": \"district_free_city\", \"parent\": \"05\"}]"
#define GOALS "\"goals\": [{\"code\": \"G\", \"title_de\": \"Gemeinsam\"}, " \
	"{\"code\": \"G2\", \"parent\": \"G\", \"title_de\": \"Arbeit\"}]"

static int
parse(const char *json, const struct catalog *known, struct catalog *c,
    struct diag_list *d)
{
	model_catalog_init(c);
	diag_list_init(d, 50);
	return catalog_json_parse(json, strlen(json), "t.json", known, c, d);
}

/* Asserts that parsing json reports `expected` (exactly, as one of its
 * messages) and fails. */
static void
expect_problem(const char *json, const char *expected)
{
	struct catalog c;
	struct diag_list d;
	size_t i;
	int found = 0;

	assert_int_equal(parse(json, NULL, &c, &d), -1);
	for (i = 0; i < d.count; i++)
		if (strcmp(d.items[i].message, expected) == 0)
			found = 1;
	if (!found) {
		fprintf(stderr, "# expected: %s\n", expected);
		for (i = 0; i < d.count; i++)
			fprintf(stderr, "#      got: %s\n", d.items[i].message);
	}
	assert_true(found);
	assert_string_equal(d.items[0].file, "t.json");
	diag_list_free(&d);
	model_catalog_free(&c);
}

static void
test_valid_catalogue(void **state)
{
	static const char json[] = "{\"vision\": {\"code\": \"v\", "
	    "\"title_de\": \"Gemeinsam. Innovativ. Nachhaltig.\", "
	    "\"adopted\": \"2017-11\"}, " GOALS ", \"indicators\": [{"
	    "\"code\": \"u\", \"title_de\": \"Arbeitslosenquote\", "
	    "\"unit\": \"percent\", \"polarity\": -1, \"dimension\": \"social\", "
	    "\"goals\": [\"G2\", \"G\"], \"sdgs\": [\"10\", \"8.5\", \"8\"], "
	    "\"targets\": [{\"code\": \"t\", \"kind\": \"reference\", "
	    "\"reference_region\": \"05\", \"year\": 2025}]}], " REGIONS "}";
	struct catalog c;
	struct diag_list d;
	const struct indicator *u;

	assert_int_equal(parse(json, NULL, &c, &d), 0);
	assert_int_equal(d.total, 0);
	assert_string_equal(c.vision->adopted, "2017-11");
	assert_int_equal(c.goal_count, 2);
	assert_int_equal(c.goals[0].level, 1);
	assert_int_equal(c.goals[1].level, 2);	/* computed from the parent */
	u = model_find_indicator(&c, "u");
	assert_non_null(u);
	assert_int_equal(u->polarity, -1);
	assert_int_equal(u->decimals, 1);	/* the documented default */
	assert_int_equal(u->annual, MODEL_ANNUAL_MEAN);
	assert_int_equal(u->dimension, MODEL_DIMENSION_SOCIAL);
	/* Canonical order: goal codes by byte, SDGs by number. */
	assert_string_equal(u->goals[0], "G");
	assert_string_equal(u->goals[1], "G2");
	assert_string_equal(u->sdgs[0], "8");
	assert_string_equal(u->sdgs[1], "8.5");
	assert_string_equal(u->sdgs[2], "10");
	assert_int_equal(u->targets[0].kind, MODEL_TARGET_REFERENCE);
	assert_int_equal(u->targets[0].year, 2025);
	assert_null(u->targets[0].valid_from);
	assert_non_null(model_find_region_any(&c, "DEA"));
	diag_list_free(&d);
	model_catalog_free(&c);
}

static void
test_required_and_unknown(void **state)
{
	expect_problem("{\"indicators\": [{\"code\": \"u\", \"title_de\": "
	    "\"x\", \"unit\": \"%\"}]}", "indicators[0].polarity: required");
	expect_problem("{\"indicators\": [{\"code\": \"u\", \"title_de\": "
	    "\"x\", \"unit\": \"%\", \"polarity\": 1, \"foo\": 2}]}",
	    "indicators[0].foo: unknown field");
	expect_problem("{\"goals\": [], \"bar\": 1}", "bar: unknown field");
	expect_problem("{\"goals\": [{\"title_de\": \"x\"}]}",
	    "goals[0].code: required");
	expect_problem("{\"goals\": [{\"code\": \"G\", \"title_de\": \"\"}]}",
	    "goals[0].title_de: must not be empty");
	/* null is the same as absent */
	expect_problem("{\"goals\": [{\"code\": null, \"title_de\": \"x\"}]}",
	    "goals[0].code: required");
	expect_problem("{\"vision\": {\"title_de\": \"x\"}}",
	    "vision.code: required");
}

static void
test_wrong_types(void **state)
{
	expect_problem("{\"goals\": [{\"code\": \"G\", \"title_de\": 5}]}",
	    "goals[0].title_de: expected a string, got an integer");
	expect_problem("{\"goals\": {}}", "goals: expected an array, got an "
	    "object");
	expect_problem("{\"goals\": [\"G\"]}",
	    "goals[0]: expected an object, got a string");
	expect_problem("{\"indicators\": [{\"code\": \"u\", \"title_de\": "
	    "\"x\", \"unit\": \"%\", \"polarity\": 1.0}]}",
	    "indicators[0].polarity: expected an integer, got a number");
	expect_problem("{\"indicators\": [{\"code\": \"u\", \"title_de\": "
	    "\"x\", \"unit\": \"%\", \"polarity\": 2}]}",
	    "indicators[0].polarity: 2 is out of range -1 to 1");
	expect_problem("{\"indicators\": [{\"code\": \"u\", \"title_de\": "
	    "\"x\", \"unit\": \"%\", \"polarity\": 1, \"targets\": [{\"code\": "
	    "\"t\", \"kind\": \"value\", \"value\": \"50\", \"year\": 2025}]}]}",
	    "indicators[0].targets[0].value: expected a number, got a string");
	expect_problem("{\"vision\": []}",
	    "vision: expected an object, got an array");
	expect_problem("[]", "a catalogue is a JSON object, not an array");
}

static void
test_enums_and_formats(void **state)
{
	expect_problem("{\"indicators\": [{\"code\": \"u\", \"title_de\": "
	    "\"x\", \"unit\": \"%\", \"polarity\": 1, \"dimension\": "
	    "\"economy\"}]}", "indicators[0].dimension: 'economy' is not one "
	    "of: economic, ecological, social, governance");
	expect_problem("{\"regions\": [{\"code\": \"X\", \"name_de\": \"x\", "
	    "\"level\": \"town\"}]}", "regions[0].level: 'town' is not one of: "
	    "nation, state, government_region, district, district_free_city, "
	    "municipality, area");
	expect_problem("{\"goals\": [{\"code\": \"G 1\", \"title_de\": "
	    "\"x\"}]}", "goals[0].code: 'G 1' is not a code: letters, digits, "
	    "'_', '-' and '.', starting with a letter or digit");
	expect_problem("{\"goals\": [{\"code\": \"G\", \"title_de\": "
	    "\"a\\nb\"}]}", "goals[0].title_de: must be one line without "
	    "control characters");
	expect_problem("{\"vision\": {\"code\": \"v\", \"title_de\": \"x\", "
	    "\"adopted\": \"2017-02-29\"}}", "vision.adopted: '2017-02-29' is "
	    "not a date YYYY-MM-DD, YYYY-MM or YYYY");
	expect_problem("{\"indicators\": [{\"code\": \"u\", \"title_de\": "
	    "\"x\", \"unit\": \"%\", \"polarity\": 1, \"sdgs\": [\"18\"]}]}",
	    "indicators[0].sdgs[0]: '18' is not an SDG goal or target: 8, 8.5 "
	    "or 8.a");
	expect_problem("{\"indicators\": [{\"code\": \"u\", \"title_de\": "
	    "\"x\", \"unit\": \"%\", \"polarity\": 1, \"source_url\": "
	    "\"www.it.nrw\"}]}", "indicators[0].source_url: 'www.it.nrw' is "
	    "not a URL: it starts with https:// or http://");
	expect_problem("{\"shocks\": [{\"code\": \"s\", \"name_de\": \"s\", "
	    "\"peak\": \"2017/18\", \"trough\": \"2019\", \"recovery_end\": "
	    "\"2020\"}]}", "shocks[0].peak: '2017/18' is not a period: 2017, "
	    "2017-Q2 or 2017-06");
	expect_problem("{\"shocks\": [{\"code\": \"s\", \"name_de\": \"s\", "
	    "\"peak\": \"2009\", \"trough\": \"2008\", \"recovery_end\": "
	    "\"2011\"}]}", "shocks[0].trough: 2008 is not after the peak 2009");
	expect_problem("{\"shocks\": [{\"code\": \"s\", \"name_de\": \"s\", "
	    "\"peak\": \"2008\", \"trough\": \"2009-Q1\", \"recovery_end\": "
	    "\"2011\"}]}", "shocks[0]: peak, trough and recovery_end must be "
	    "periods of one kind");
}

static void
test_duplicates(void **state)
{
	expect_problem("{\"goals\": [{\"code\": \"G1\", \"title_de\": \"a\"}, "
	    "{\"code\": \"G1\", \"title_de\": \"b\"}]}",
	    "goals[1].code: duplicate goal 'G1' (first at goals[0])");
	expect_problem("{\"classifications\": [{\"code\": \"N\", \"name_de\": "
	    "\"n\", \"sectors\": [{\"code\": \"A\", \"name_de\": \"a\"}, "
	    "{\"code\": \"A\", \"name_de\": \"b\"}]}]}",
	    "classifications[0].sectors[1].code: duplicate sector 'A' (first "
	    "at classifications[0].sectors[0])");
	expect_problem("{" GOALS ", \"indicators\": [{\"code\": \"u\", "
	    "\"title_de\": \"x\", \"unit\": \"%\", \"polarity\": 1, "
	    "\"goals\": [\"G\", \"G\"]}]}",
	    "indicators[0].goals[1]: 'G' is listed twice");
	expect_problem("{\"regions\": [{\"code\": \"A\", \"name_de\": \"a\", "
	    "\"level\": \"state\", \"aliases\": [{\"code\": \"X\"}]}, "
	    "{\"code\": \"B\", \"name_de\": \"b\", \"level\": \"state\", "
	    "\"aliases\": [{\"code\": \"X\"}]}]}",
	    "regions[1].aliases[0].code: 'X' already names region 'A'");
	expect_problem("{\"regions\": [{\"code\": \"A\", \"name_de\": \"a\", "
	    "\"level\": \"state\", \"aliases\": [{\"code\": \"B\"}]}, "
	    "{\"code\": \"B\", \"name_de\": \"b\", \"level\": \"state\"}]}",
	    "regions[0].aliases[0].code: 'B' already names region 'B'");
}

static void
test_references(void **state)
{
	expect_problem("{\"goals\": [{\"code\": \"G\", \"title_de\": \"a\"}, "
	    "{\"code\": \"G1\", \"title_de\": \"b\"}, {\"code\": \"G2\", "
	    "\"parent\": \"G9\", \"title_de\": \"c\"}]}",
	    "goals[2].parent: unknown goal 'G9'");
	expect_problem("{\"goals\": [{\"code\": \"A\", \"parent\": \"B\", "
	    "\"title_de\": \"a\"}, {\"code\": \"B\", \"parent\": \"A\", "
	    "\"title_de\": \"b\"}]}", "goals[0].parent: 'B' leads back to 'A': "
	    "goals must not form a cycle");
	expect_problem("{\"goals\": [{\"code\": \"A\", \"title_de\": \"a\"}, "
	    "{\"code\": \"B\", \"parent\": \"A\", \"level\": 3, \"title_de\": "
	    "\"b\"}]}", "goals[1].level: is 3, but its place under its parents "
	    "makes it 2");
	expect_problem("{" REGIONS ", \"indicators\": [{\"code\": \"u\", "
	    "\"title_de\": \"x\", \"unit\": \"%\", \"polarity\": 1, "
	    "\"goals\": [\"G7\"]}]}", "indicators[0].goals[0]: unknown goal "
	    "'G7'");
	expect_problem("{" REGIONS ", \"indicators\": [{\"code\": \"u\", "
	    "\"title_de\": \"x\", \"unit\": \"%\", \"polarity\": 1, "
	    "\"reference_region\": \"09\"}]}", "indicators[0].reference_region: "
	    "unknown region '09'");
	expect_problem("{" REGIONS ", \"indicators\": [{\"code\": \"u\", "
	    "\"title_de\": \"x\", \"unit\": \"%\", \"polarity\": 1, "
	    "\"reference_region\": \"DEA\"}]}",
	    "indicators[0].reference_region: 'DEA' is an alias of region '05'; "
	    "use the region's code");
	expect_problem("{\"indicators\": [{\"code\": \"u\", \"title_de\": "
	    "\"x\", \"unit\": \"%\", \"polarity\": 1, \"classification\": "
	    "\"WZ2008\"}]}", "indicators[0].classification: unknown "
	    "classification 'WZ2008'");
	expect_problem("{\"classifications\": [{\"code\": \"N\", \"name_de\": "
	    "\"n\", \"sectors\": [{\"code\": \"C\", \"parent\": \"B_E\", "
	    "\"name_de\": \"c\"}]}]}", "classifications[0].sectors[0].parent: "
	    "unknown sector 'B_E' in 'N'");
	expect_problem("{\"regions\": [{\"code\": \"X\", \"name_de\": \"x\", "
	    "\"level\": \"area\", \"parent\": \"X\"}]}", "regions[0].parent: "
	    "'X' leads back to 'X': regions must not form a cycle");
}

#define IND_OPEN "{" REGIONS ", \"indicators\": [{\"code\": \"u\", " \
	"\"title_de\": \"x\", \"unit\": \"%\", \"polarity\": 1, \"targets\": ["
#define IND_CLOSE "]}]}"

static void
test_target_rules(void **state)
{
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"value\", "
	    "\"year\": 2025}" IND_CLOSE,
	    "indicators[0].targets[0].value: required for kind 'value'");
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"value\", "
	    "\"value\": 3}" IND_CLOSE,
	    "indicators[0].targets[0].year: required for kind 'value'");
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"reference\", "
	    "\"value\": 3, \"reference_region\": \"05\"}" IND_CLOSE,
	    "indicators[0].targets[0].value: not allowed for kind 'reference'");
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"reference\"}"
	    IND_CLOSE, "indicators[0].targets[0].reference_region: required "
	    "for kind 'reference'");
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"every_year\", "
	    "\"value\": 3, \"year\": 2025}" IND_CLOSE,
	    "indicators[0].targets[0].year: not allowed for kind 'every_year'");
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"interval\", "
	    "\"low\": 5, \"high\": 4}" IND_CLOSE,
	    "indicators[0].targets[0].high: is below low");
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"interval\", "
	    "\"low\": 5}" IND_CLOSE,
	    "indicators[0].targets[0].high: required for kind 'interval'");
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"goal\"}"
	    IND_CLOSE, "indicators[0].targets[0].kind: 'goal' is not one of: "
	    "value, interval, every_year, direction, reference");
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"value\", "
	    "\"value\": 1, \"year\": 2025, \"reference_region\": \"05\"}"
	    IND_CLOSE, "indicators[0].targets[0].reference_region: not "
	    "allowed for kind 'value'");
	/* A direction needs a polarity to point. */
	expect_problem("{\"indicators\": [{\"code\": \"u\", \"title_de\": "
	    "\"x\", \"unit\": \"%\", \"polarity\": 0, \"targets\": [{\"code\": "
	    "\"t\", \"kind\": \"direction\"}]}]}",
	    "indicators[0].targets[0].kind: 'direction' needs the indicator's "
	    "polarity to be 1 or -1, not 0");
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"value\", "
	    "\"value\": 1, \"year\": 2025, \"valid_from\": \"2017-13-01\"}"
	    IND_CLOSE, "indicators[0].targets[0].valid_from: '2017-13-01' is "
	    "not a date YYYY-MM-DD");
}

static void
test_target_versions(void **state)
{
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"direction\"}, "
	    "{\"code\": \"t\", \"kind\": \"direction\"}" IND_CLOSE,
	    "indicators[0].targets[1]: a second current version of target 't' "
	    "(the first is targets[0]); give the older one a valid_to");
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"direction\", "
	    "\"valid_to\": \"2020-01-01\"}" IND_CLOSE,
	    "indicators[0].targets[0].valid_from: required when valid_to is "
	    "given");
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"direction\", "
	    "\"valid_from\": \"2020-01-01\", \"valid_to\": \"2020-01-01\"}"
	    IND_CLOSE, "indicators[0].targets[0].valid_to: 2020-01-01 is not "
	    "after valid_from 2020-01-01");
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"direction\", "
	    "\"valid_from\": \"2017-01-01\", \"valid_to\": \"2020-01-01\"}, "
	    "{\"code\": \"t\", \"kind\": \"direction\", \"valid_from\": "
	    "\"2019-06-01\"}" IND_CLOSE,
	    "indicators[0].targets[1]: overlaps version targets[0] of target "
	    "'t'");
	expect_problem(IND_OPEN "{\"code\": \"t\", \"kind\": \"direction\", "
	    "\"valid_from\": \"2017-01-01\", \"valid_to\": \"2020-01-01\"}, "
	    "{\"code\": \"t\", \"kind\": \"direction\", \"valid_from\": "
	    "\"2017-01-01\", \"valid_to\": \"2018-01-01\"}" IND_CLOSE,
	    "indicators[0].targets[1].valid_from: target 't' has another "
	    "version from 2017-01-01 (targets[0])");
}

static void
test_versions_that_fit(void **state)
{
	/* History then current, back to back: valid (the export's shape). */
	static const char json[] = IND_OPEN "{\"code\": \"t\", \"kind\": "
	    "\"value\", \"value\": 50, \"year\": 2025, \"valid_from\": "
	    "\"2017-11-29\", \"valid_to\": \"2021-01-01\"}, {\"code\": \"t\", "
	    "\"kind\": \"value\", \"value\": 40, \"year\": 2025, "
	    "\"valid_from\": \"2021-01-01\"}" IND_CLOSE;
	struct catalog c;
	struct diag_list d;

	assert_int_equal(parse(json, NULL, &c, &d), 0);
	assert_int_equal(c.indicators[0].target_count, 2);
	assert_non_null(model_current_target(&c.indicators[0], "t"));
	assert_true(model_current_target(&c.indicators[0], "t")->value == 40);
	diag_list_free(&d);
	model_catalog_free(&c);
}

/* Every problem is reported, not only the first; the list keeps its limit. */
static void
test_reports_all_problems(void **state)
{
	static const char json[] = "{\"goals\": [{\"code\": \"a b\"}, "
	    "{\"title_de\": 1}, {\"code\": \"G\", \"title_de\": \"x\", "
	    "\"parent\": \"Z\"}], \"indicators\": [{}], \"shocks\": 3}";
	struct catalog c;
	struct diag_list d;

	model_catalog_init(&c);
	diag_list_init(&d, 3);
	assert_int_equal(catalog_json_parse(json, strlen(json), "t.json", NULL,
	    &c, &d), -1);
	/* goals[0]: code, title_de (2); goals[1]: code, title_de (2);
	 * indicators[0]: code, title_de, unit, polarity (4); shocks (1);
	 * goals[2].parent (1): 10 in all. */
	assert_int_equal(d.total, 10);
	assert_int_equal(d.count, 3);
	diag_list_free(&d);
	model_catalog_free(&c);
}

static void
expect_syntax(const char *json, long line, long column, const char *text)
{
	struct catalog c;
	struct diag_list d;

	assert_int_equal(parse(json, NULL, &c, &d), -1);
	assert_int_equal(d.total, 1);
	assert_int_equal(d.items[0].line, line);
	assert_int_equal(d.items[0].column, column);
	if (strstr(d.items[0].message, text) == NULL)
		fail_msg("'%s' does not say '%s'", d.items[0].message, text);
	diag_list_free(&d);
	model_catalog_free(&c);
}

static void
test_syntax_errors(void **state)
{
	/* Line 3 is `    {"code": "G1",]`: the ']' is character 19. */
	expect_syntax("{\n  \"goals\": [\n    {\"code\": \"G1\",]\n}\n", 3, 19,
	    "invalid JSON: string or '}' expected");
	/* Line 2 is ` "xä` + a lone lead byte: 'ä' is one character, so the
	 * bad byte is character 5. */
	expect_syntax("{\"a\":\n \"x\xc3\xa4\xc3\"}", 2, 5, "invalid UTF-8");
	/* Keys may not repeat; jansson points at the end of the key. */
	expect_syntax("{\n\"vision\": {},\n\"vision\": 1}", 3, 8,
	    "duplicate object key");
	expect_syntax("", 1, 1, "'[' or '{' expected");
	expect_syntax("{\"goals\": []} }", 1, 15, "end of file expected");
	expect_syntax("{\"n\": 1e999}", 1, 11, "real number overflow");
	expect_syntax("{\"n\": \"\\u0000\"}", 1, 14, "\\u0000 is not allowed");
}

static void
test_byte_order_mark(void **state)
{
	struct catalog c;
	struct diag_list d;

	assert_int_equal(parse("\xef\xbb\xbf{\"goals\": []}", NULL, &c, &d), 0);
	diag_list_free(&d);
	model_catalog_free(&c);
}

/* A file may refer to what is stored: goals, regions, classifications and
 * sectors of the known catalogue resolve; aliases must not clash with it. */
static void
test_known_catalogue(void **state)
{
	static const char stored[] = "{" GOALS ", " REGIONS ", "
	    "\"classifications\": [{\"code\": \"N\", \"name_de\": \"n\", "
	    "\"sectors\": [{\"code\": \"TOTAL\", \"name_de\": \"t\"}]}]}";
	static const char adds[] = "{\"goals\": [{\"code\": \"G2.1\", "
	    "\"parent\": \"G2\", \"title_de\": \"Frauen\"}], \"indicators\": [{"
	    "\"code\": \"w\", \"title_de\": \"x\", \"unit\": \"%\", "
	    "\"polarity\": 1, \"goals\": [\"G2.1\"], \"classification\": \"N\", "
	    "\"reference_region\": \"05\"}], \"classifications\": [{\"code\": "
	    "\"N\", \"name_de\": \"n\", \"sectors\": [{\"code\": \"A\", "
	    "\"parent\": \"TOTAL\", \"name_de\": \"a\"}]}]}";
	struct catalog known, c;
	struct diag_list d;

	assert_int_equal(parse(stored, NULL, &known, &d), 0);
	diag_list_free(&d);
	assert_int_equal(parse(adds, &known, &c, &d), 0);
	assert_int_equal(c.goals[0].level, 3);	/* under stored G2 (level 2) */
	assert_int_equal(c.classifications[0].sectors[0].level, 2);
	diag_list_free(&d);
	model_catalog_free(&c);
	/* Without the stored catalogue the same file is broken: G2, 05 and
	 * TOTAL are unknown (N is defined in the file itself). */
	assert_int_equal(parse(adds, NULL, &c, &d), -1);
	assert_int_equal(d.total, 3);
	diag_list_free(&d);
	model_catalog_free(&c);
	/* A new region may not take a stored region's alias ... */
	assert_int_equal(parse("{\"regions\": [{\"code\": \"DEA\", "
	    "\"name_de\": \"x\", \"level\": \"state\"}]}", &known, &c, &d), -1);
	assert_string_equal(d.items[0].message, "regions[0].code: 'DEA' is "
	    "already an alias of region '05'");
	diag_list_free(&d);
	model_catalog_free(&c);
	/* ... but a region the file redefines gives its aliases up. */
	assert_int_equal(parse("{\"regions\": [{\"code\": \"05\", \"name_de\": "
	    "\"NRW\", \"level\": \"state\"}, {\"code\": \"X\", \"name_de\": "
	    "\"x\", \"level\": \"state\", \"aliases\": [{\"code\": \"DEA\"}]}]}",
	    &known, &c, &d), 0);
	diag_list_free(&d);
	model_catalog_free(&c);
	model_catalog_free(&known);
}

/* Export, read the export, export again: the same bytes; and the writer's
 * layout, fixed by hand here. */
static void
test_canonical_export(void **state)
{
	static const char json[] = "{\"shocks\": [{\"code\": \"b\", "
	    "\"name_de\": \"B\", \"peak\": \"2019\", \"trough\": \"2020\", "
	    "\"recovery_end\": \"2022\"}, {\"code\": \"a\", \"name_de\": \"A\", "
	    "\"peak\": \"2008\", \"trough\": \"2009\", \"recovery_end\": "
	    "\"2011\"}], \"indicators\": [{\"code\": \"u\", \"title_de\": "
	    "\"Quote \\\"neu\\\"\", \"unit\": \"%\", \"polarity\": 1, "
	    "\"definition_de\": \"Zeile 1\\nZeile 2\", \"targets\": [{\"code\": "
	    "\"t\", \"kind\": \"value\", \"value\": 0.1, \"year\": 2030}]}]}";
	static const char expected[] =
	    "{\n"
	    "  \"goals\": [],\n"
	    "  \"indicators\": [\n"
	    "    {\n"
	    "      \"code\": \"u\",\n"
	    "      \"title_de\": \"Quote \\\"neu\\\"\",\n"
	    "      \"definition_de\": \"Zeile 1\\nZeile 2\",\n"
	    "      \"unit\": \"%\",\n"
	    "      \"decimals\": 1,\n"
	    "      \"polarity\": 1,\n"
	    "      \"annual\": \"mean\",\n"
	    "      \"targets\": [\n"
	    "        {\n"
	    "          \"code\": \"t\",\n"
	    "          \"kind\": \"value\",\n"
	    "          \"value\": 0.1,\n"
	    "          \"year\": 2030\n"
	    "        }\n"
	    "      ]\n"
	    "    }\n"
	    "  ],\n"
	    "  \"regions\": [],\n"
	    "  \"classifications\": [],\n"
	    "  \"shocks\": [\n"
	    "    {\n"
	    "      \"code\": \"a\",\n"
	    "      \"name_de\": \"A\",\n"
	    "      \"peak\": \"2008\",\n"
	    "      \"trough\": \"2009\",\n"
	    "      \"recovery_end\": \"2011\"\n"
	    "    },\n"
	    "    {\n"
	    "      \"code\": \"b\",\n"
	    "      \"name_de\": \"B\",\n"
	    "      \"peak\": \"2019\",\n"
	    "      \"trough\": \"2020\",\n"
	    "      \"recovery_end\": \"2022\"\n"
	    "    }\n"
	    "  ]\n"
	    "}\n";
	struct catalog c, again;
	struct diag_list d;
	struct buf first = BUF_INIT, second = BUF_INIT;

	assert_int_equal(parse(json, NULL, &c, &d), 0);
	diag_list_free(&d);
	catalog_json_write(&c, &first);
	assert_string_equal(buf_cstr(&first), expected);
	assert_int_equal(parse(buf_cstr(&first), NULL, &again, &d), 0);
	diag_list_free(&d);
	catalog_json_write(&again, &second);
	assert_string_equal(buf_cstr(&first), buf_cstr(&second));
	buf_free(&first);
	buf_free(&second);
	model_catalog_free(&c);
	model_catalog_free(&again);
}

static void
test_missing_file(void **state)
{
	struct catalog c;
	struct diag_list d;

	model_catalog_init(&c);
	diag_list_init(&d, 10);
	assert_int_equal(catalog_json_read_file("/nonexistent/x.json", NULL, &c,
	    &d), -1);
	assert_string_equal(d.items[0].file, "/nonexistent/x.json");
	assert_non_null(strstr(d.items[0].message, "cannot open"));
	diag_list_free(&d);
	model_catalog_free(&c);
}

static void
test_goal_tree(void **state)
{
	static const char json[] = "{\"goals\": [{\"code\": \"G\", "
	    "\"title_de\": \"g\"}, {\"code\": \"N\", \"title_de\": \"n\"}, "
	    "{\"code\": \"G1\", \"parent\": \"G\", \"title_de\": \"g1\"}], "
	    "\"indicators\": [{\"code\": \"a\", \"title_de\": \"a\", \"unit\": "
	    "\"%\", \"polarity\": 1, \"goals\": [\"G1\"]}, {\"code\": \"b\", "
	    "\"title_de\": \"b\", \"unit\": \"%\", \"polarity\": 1, "
	    "\"goals\": [\"G1\", \"N\"]}]}";
	struct catalog c;
	struct diag_list d;
	struct goal_tree tree;

	assert_int_equal(parse(json, NULL, &c, &d), 0);
	model_goal_tree(&c, &tree);
	assert_int_equal(tree.root_count, 2);
	assert_string_equal(tree.roots[0]->goal->code, "G");
	assert_int_equal(tree.roots[0]->child_count, 1);
	assert_int_equal(tree.roots[0]->children[0]->indicator_count, 2);
	assert_int_equal(tree.roots[1]->indicator_count, 1);
	assert_string_equal(tree.roots[1]->indicators[0]->code, "b");
	diag_list_free(&d);
	model_catalog_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_catalogue),
		cmocka_unit_test(test_required_and_unknown),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_enums_and_formats),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_references),
		cmocka_unit_test(test_target_rules),
		cmocka_unit_test(test_target_versions),
		cmocka_unit_test(test_versions_that_fit),
		cmocka_unit_test(test_reports_all_problems),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_byte_order_mark),
		cmocka_unit_test(test_known_catalogue),
		cmocka_unit_test(test_canonical_export),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_goal_tree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
