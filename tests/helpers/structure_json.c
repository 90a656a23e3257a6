/* A small JSON checker for the CLI tests of `wiall structure` (python and jq
 * are not on every machine). Paths separate members and array indices by '/':
 * "regions/3/periods/0/lq/B_E".
 *
 *   structure_json get FILE PATH          prints the value (numbers %.17g,
 *                                         strings as they are, null)
 *   structure_json close FILE PATH WANT REL
 *                                         exit 0 if |got − want| ≤
 *                                         REL·max(1, |want|)
 *   structure_json keys FILE PATH         the object's keys, comma-separated
 *   structure_json count FILE PATH        the array's length
 *   structure_json invariants FILE        checks METHODS §3 identities in
 *                                         every region and period; prints
 *                                         "N checks" or each failure
 *
 * FILE "-" is standard input. Exit 0 ok, 1 a failed check, 2 usage or
 * unreadable JSON. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *
load(const char *path)
{
	json_error_t err;
	json_t *j;

	j = strcmp(path, "-") == 0 ? json_loadf(stdin, 0, &err) :
	    json_load_file(path, 0, &err);
	if (j == NULL)
		fprintf(stderr, "structure_json: %s:%d:%d: %s\n", path, err.line,
		    err.column, err.text);
	return j;
}

static json_t *
walk(json_t *j, const char *path)
{
	char *copy = strdup(path), *part, *save = NULL, *end;

	for (part = strtok_r(copy, "/", &save); part != NULL && j != NULL;
	    part = strtok_r(NULL, "/", &save)) {
		if (json_is_array(j)) {
			long k = strtol(part, &end, 10);
			j = *end == '\0' && k >= 0 ? json_array_get(j, (size_t)k) :
			    NULL;
		} else
			j = json_object_get(j, part);
	}
	free(copy);
	return j;
}

static void
print_value(const json_t *v)
{
	if (v == NULL || json_is_null(v))
		printf("null\n");
	else if (json_is_string(v))
		printf("%s\n", json_string_value(v));
	else if (json_is_number(v))
		printf("%.17g\n", json_number_value(v));
	else if (json_is_true(v))
		printf("true\n");
	else if (json_is_false(v))
		printf("false\n");
	else {
		char *s = json_dumps(v, JSON_COMPACT);
		printf("%s\n", s);
		free(s);
	}
}

/* ---- invariants ----------------------------------------------------------- */

struct checker {
	long	checks;
	long	failures;
};

static void
expect_close(struct checker *c, const char *where, const char *what, double got,
    double want, double tol)
{
	c->checks++;
	if (!(fabs(got - want) <= tol * fmax(1.0, fabs(want)))) {
		c->failures++;
		printf("%s: %s: %.17g, expected %.17g\n", where, what, got, want);
	}
}

static int
number(const json_t *o, const char *key, double *out)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_number(v))
		return 0;
	*out = json_number_value(v);
	return 1;
}

static void
check_period(struct checker *c, const char *where, const json_t *p,
    const char *lq_basis)
{
	const json_t *share = json_object_get(p, "share");
	const json_t *ref = json_object_get(p, "reference_share");
	const json_t *lq = json_object_get(p, "lq");
	const char *sector;
	const json_t *v;
	double s = 0, S = 0, weighted = 0, h = 0, k = 0, x, y, l;
	double e, uv, rv, hhi, kr, eq;
	int complete = 1, lq_complete = 1;

	json_object_foreach((json_t *)share, sector, v) {
		if (!json_is_number(v) ||
		    !json_is_number(json_object_get(ref, sector))) {
			complete = 0;
			continue;
		}
		x = json_number_value(v);
		y = json_number_value(json_object_get(ref, sector));
		s += x;
		S += y;
		h += x * x;
		k += fabs(x - y);
		if (json_is_number(json_object_get(lq, sector))) {
			l = json_number_value(json_object_get(lq, sector));
			weighted += y * l;
			if (strcmp(lq_basis, "sector_sum") == 0 && y > 0)
				expect_close(c, where, "LQ = share / reference share",
				    l, x / y, 1e-12);
		} else
			lq_complete = 0;
	}
	if (complete && json_object_size(share) > 0) {
		expect_close(c, where, "shares sum to 1", s, 1, 1e-12);
		expect_close(c, where, "reference shares sum to 1", S, 1, 1e-12);
		if (number(p, "hhi", &hhi))
			expect_close(c, where, "HHI = sum of squared shares", hhi, h,
			    1e-12);
		if (number(p, "hhi", &hhi) && number(p, "hhi_equivalent", &eq))
			expect_close(c, where, "1/H * H = 1", hhi * eq, 1, 1e-12);
		if (number(p, "krugman", &kr))
			expect_close(c, where, "Krugman = sum |s - S|", kr, k, 1e-12);
		if (lq_complete && strcmp(lq_basis, "sector_sum") == 0)
			expect_close(c, where, "sum S_i LQ_i = 1", weighted, 1,
			    1e-12);
	}
	if (number(p, "entropy", &e) && number(p, "unrelated_variety", &uv) &&
	    number(p, "related_variety", &rv))
		expect_close(c, where, "UV + RV = entropy", uv + rv, e, 1e-9);
}

static void
check_components(struct checker *c, const char *where, const json_t *d)
{
	double g, ns, im, rs, net;

	if (d == NULL || !number(d, "growth", &g) ||
	    !number(d, "national_share", &ns) ||
	    !number(d, "industry_mix", &im) ||
	    !number(d, "regional_share", &rs) ||
	    !number(d, "net_total_shift", &net))
		return;
	expect_close(c, where, "NS + IM + RS = growth", ns + im + rs, g, 1e-9);
	expect_close(c, where, "IM + RS = net total shift", im + rs, net, 1e-9);
}

static void
check_region(struct checker *c, const json_t *reg, const char *lq_basis)
{
	const char *code = json_string_value(json_object_get(reg, "region"));
	const json_t *periods = json_object_get(reg, "periods"), *p, *em;
	char where[256];
	double comp, alloc, rs;
	size_t i;

	json_array_foreach(periods, i, p) {
		snprintf(where, sizeof(where), "%s %s", code != NULL ? code : "?",
		    json_string_value(json_object_get(p, "period")));
		check_period(c, where, p, lq_basis);
	}
	snprintf(where, sizeof(where), "%s shift-share", code != NULL ? code :
	    "?");
	check_components(c, where, json_object_get(reg, "shift_share"));
	check_components(c, where, json_object_get(reg, "shift_share_dynamic"));
	em = json_object_get(reg, "esteban_marquillas");
	if (em != NULL && number(em, "competitive", &comp) &&
	    number(em, "allocation", &alloc) &&
	    number(json_object_get(reg, "shift_share"), "regional_share", &rs))
		expect_close(c, where, "competitive + allocation = RS",
		    comp + alloc, rs, 1e-9);
}

static int
invariants(json_t *root)
{
	struct checker c = { 0, 0 };
	const char *basis = json_string_value(json_object_get(root, "lq_basis"));
	const json_t *regions = json_object_get(root, "regions"), *reg;
	size_t i;

	if (basis == NULL)
		basis = "";
	if (regions != NULL)
		json_array_foreach(regions, i, reg)
			check_region(&c, reg, basis);
	else
		check_region(&c, root, basis);
	if (c.failures == 0)
		printf("%ld checks\n", c.checks);
	return c.failures == 0 && c.checks > 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	json_t *root, *v;
	const char *key;
	json_t *item;
	int status = 2;

	if (argc < 3)
		goto usage;
	if ((root = load(argv[2])) == NULL)
		return 2;
	if (strcmp(argv[1], "invariants") == 0 && argc == 3)
		status = invariants(root);
	else if (argc >= 4) {
		v = walk(root, argv[3]);
		if (strcmp(argv[1], "get") == 0 && argc == 4) {
			print_value(v);
			status = v != NULL ? 0 : 1;
		} else if (strcmp(argv[1], "close") == 0 && argc == 6) {
			double want = strtod(argv[4], NULL), rel = strtod(argv[5],
			    NULL);
			if (!json_is_number(v)) {
				printf("%s: not a number\n", argv[3]);
				status = 1;
			} else {
				double got = json_number_value(v);
				status = fabs(got - want) <= rel * fmax(1.0,
				    fabs(want)) ? 0 : 1;
				if (status != 0)
					printf("%s = %.17g, expected %.17g\n",
					    argv[3], got, want);
			}
		} else if (strcmp(argv[1], "keys") == 0 && argc == 4 &&
		    json_is_object(v)) {
			int first = 1;
			json_object_foreach(v, key, item) {
				printf("%s%s", first ? "" : ",", key);
				first = 0;
			}
			printf("\n");
			status = 0;
		} else if (strcmp(argv[1], "count") == 0 && argc == 4 &&
		    json_is_array(v)) {
			printf("%zu\n", json_array_size(v));
			status = 0;
		} else {
			json_decref(root);
			goto usage;
		}
	} else {
		json_decref(root);
		goto usage;
	}
	json_decref(root);
	return status;
usage:
	fprintf(stderr, "usage: structure_json get|keys|count FILE PATH\n"
	    "       structure_json close FILE PATH WANT REL\n"
	    "       structure_json invariants FILE\n");
	return 2;
}
