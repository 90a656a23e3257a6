/* Writes a page with one chart of every kind (German, with a target, a
 * projection, gaps and a <script> in a label) for a person or the browser
 * test to look at: chart_gallery OUT.html [CSS-HREF [JS-HREF]]. */
#include <math.h>
#include <stdio.h>

#include "util/buf.h"
#include "web/chart.h"
#include "web/html.h"

static const char *const years[] = { "2014", "2015", "2016", "2017", "2018",
    "2019", "2020", "2021", "2022", "2023", "2024", "2025" };

int
main(int argc, char **argv)
{
	static const double city[] = { 49.1, 49.8, 50.6, 51.9, 53.0, 53.9,
	    53.2, 54.1, 55.0, NAN, NAN, NAN };
	static const double nrw[] = { 54.0, 54.6, 55.3, 56.1, 56.9, 57.6, 57.1,
	    57.9, 58.6, 58.9, NAN, NAN };
	static const double proj[] = { NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN,
	    55.0, 55.8, 56.6, 57.4 };
	static const double c_sec[] = { 9800, 9650, 9500, 9400, 9300, 9100, 8700,
	    8800, 8900, 8700, 8600, 8500 };
	static const double g_sec[] = { 6100, 6200, 6150, 6300, 6350, NAN, 6400,
	    6500, 6550, 6600, 6650, 6700 };
	static const double q_sec[] = { 7200, 7400, 7700, 8000, 8300, 8600, 8900,
	    9300, 9600, 9900, 10100, 10400 };
	static const double effects[] = { 412.5, -310.2, 95.0, -40.4, 0.0, NAN };
	static const char *const sectors[] = { "C Verarbeitendes Gewerbe",
	    "G Handel", "Q Gesundheit & Soziales", "F Baugewerbe",
	    "H Verkehr <script>", "J Information" };
	static const double ss_nat[] = { 120, 80, 90, 30, 20, 10 };
	static const double ss_mix[] = { -200, 40, 150, -20, 5, NAN };
	static const double ss_comp[] = { 412.5, -310.2, 95.0, -40.4, 0.0, 12 };
	struct chart_series line[] = {
		{ "Bottrop", city, CHART_STROKE_SOLID, -1 },
		{ "Nordrhein-Westfalen", nrw, CHART_STROKE_SOLID, -1 },
		{ "Projektion (DNS)", proj, CHART_STROKE_DASHED, 0 },
	};
	struct chart_target targets[] = {
		{ CHART_TARGET_POINT, 11, 58.0, NAN, NAN, "Ziel 2025" },
	};
	struct chart_series area[] = {
		{ "C Verarbeitendes Gewerbe", c_sec, CHART_STROKE_SOLID, -1 },
		{ "G Handel", g_sec, CHART_STROKE_SOLID, -1 },
		{ "Q Gesundheit", q_sec, CHART_STROKE_SOLID, -1 },
	};
	struct chart_series div1 = { "Standorteffekt", effects,
	    CHART_STROKE_SOLID, -1 };
	struct chart_series div3[] = {
		{ "Nationaler Effekt", ss_nat, CHART_STROKE_SOLID, -1 },
		{ "Struktureffekt", ss_mix, CHART_STROKE_SOLID, -1 },
		{ "Standorteffekt", ss_comp, CHART_STROKE_SOLID, -1 },
	};
	struct chart c, panels[3];
	struct buf b = BUF_INIT;
	struct html h;
	FILE *fp;
	size_t i;

	if (argc < 2) {
		fprintf(stderr, "usage: chart_gallery OUT.html [CSS-HREF [JS-HREF]]\n");
		return 2;
	}
	html_init(&h, &b);
	html_doctype(&h);
	html_open(&h, HTML_HTML);
	html_attr(&h, HTML_ATTR_LANG, "de");
	html_open(&h, HTML_HEAD);
	html_void(&h, HTML_META);
	html_attr(&h, HTML_ATTR_CHARSET, "utf-8");
	html_element_text(&h, HTML_TITLE, "wiall: Diagramme");
	if (argc > 2) {
		html_void(&h, HTML_LINK);
		html_attr(&h, HTML_ATTR_REL, "stylesheet");
		html_attr(&h, HTML_ATTR_HREF, argv[2]);
	}
	if (argc > 3) {
		html_open(&h, HTML_SCRIPT);
		html_attr(&h, HTML_ATTR_SRC, argv[3]);
		html_attr(&h, HTML_ATTR_DEFER, NULL);
		html_close(&h);
	}
	html_close(&h);
	html_open(&h, HTML_BODY);
	html_open(&h, HTML_MAIN);
	html_element_text(&h, HTML_H1, "Diagramme");

	chart_init(&c, CHART_LINE, "line", "Beschäftigungsquote", "de");
	c.categories = years;
	c.n_categories = 12;
	c.category_heading = "Jahr";
	c.series = line;
	c.n_series = 3;
	c.unit = "%";
	c.targets = targets;
	c.n_targets = 1;
	chart_figure(&h, &c);

	chart_init(&c, CHART_AREA_STACKED, "area", "Beschäftigte nach "
	    "Wirtschaftszweig", "de");
	c.categories = years;
	c.n_categories = 12;
	c.series = area;
	c.n_series = 3;
	c.unit = "Beschäftigte";
	c.decimals = 0;
	chart_figure(&h, &c);

	c.kind = CHART_BARS;
	c.id = "bars";
	c.title = "Beschäftigte (Balken)";
	c.categories = years + 8;
	c.n_categories = 4;
	for (i = 0; i < 3; i++)
		area[i].values += 8;
	chart_figure(&h, &c);
	for (i = 0; i < 3; i++)
		area[i].values -= 8;

	chart_init(&c, CHART_BARS_DIVERGING, "div1", "Standorteffekt nach "
	    "Wirtschaftszweig 2014–2023", "de");
	c.categories = sectors;
	c.n_categories = 6;
	c.category_heading = "Wirtschaftszweig";
	c.series = &div1;
	c.n_series = 1;
	c.unit = "Beschäftigte";
	c.decimals = 0;
	chart_figure(&h, &c);
	c.id = "div3";
	c.title = "Shift-Share-Zerlegung";
	c.series = div3;
	c.n_series = 3;
	chart_figure(&h, &c);

	for (i = 0; i < 3; i++) {
		chart_init(&panels[i], CHART_LINE, i == 0 ? "m1" : i == 1 ?
		    "m2" : "m3", area[i].label, "de");
		panels[i].categories = years;
		panels[i].n_categories = 12;
		panels[i].series = &area[i];
		panels[i].n_series = 1;
		panels[i].decimals = 0;
	}
	chart_multiples(&h, "multi", "Drei Wirtschaftszweige im Vergleich",
	    panels, 3, true);

	html_open(&h, HTML_P);
	html_text(&h, "Sparkline: ");
	chart_init(&c, CHART_SPARKLINE, "spark", "Beschäftigungsquote Bottrop",
	    "de");
	c.categories = years;
	c.n_categories = 12;
	c.series = line;
	c.n_series = 1;
	c.unit = "%";
	chart_svg(&h, &c, NULL);
	html_close_to(&h, 0);

	fp = fopen(argv[1], "w");
	if (fp == NULL) {
		perror(argv[1]);
		return 1;
	}
	fwrite(b.data, 1, b.len, fp);
	fclose(fp);
	buf_free(&b);
	return html_errors(&h) == 0 ? 0 : 1;
}
