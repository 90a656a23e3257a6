// Every kind of chart in Chromium: the gallery page written by
// build/tests/helpers/chart_gallery (with the real stylesheet and script),
// opened from file://. Checks the SVGs render with their titles, the data
// tables open and sort by keyboard-reachable buttons, there are no console
// errors, runs axe-core, and saves a screenshot under build/browser/.
import { execFileSync } from "node:child_process";
import { dirname, join, relative } from "node:path";
import { tap } from "./lib/tap.mjs";
import { launch, watchConsole, axe, describeViolations, shots } from "./lib/harness.mjs";

const t = tap();
const top = process.env.TOP ?? new URL("../..", import.meta.url).pathname;
const build = process.env.BUILD ?? "build";
const gallery = join(top, build, "browser", "chart-gallery.html");
// Relative links: the writer refuses file: URLs, as it refuses any scheme
// but http(s) and mailto.
const assets = relative(dirname(gallery), join(top, "src/web/assets"));
execFileSync(join(top, build, "tests", "helpers", "chart_gallery"), [gallery,
    `${assets}/style.css`, `${assets}/app.js`]);

const browser = await launch({ locale: "de-DE" });
try {
	const page = await browser.context.newPage();
	const errors = watchConsole(page);
	await page.goto(`file://${gallery}`);
	const figures = await page.$$eval("figure.chart svg", (svgs) => svgs.map((s) => ({
		title: s.querySelector("title")?.textContent ?? "",
		desc: s.querySelector("desc")?.textContent ?? "",
		labelledby: s.getAttribute("aria-labelledby"),
		width: s.getBoundingClientRect().width,
	})));
	t.ok(figures.length >= 8, "the gallery shows every kind of chart", `${figures.length} charts`);
	t.ok(figures.every((f) => f.title !== "" && f.desc !== ""), "every chart has a <title> and a <desc>");
	t.ok(figures.every((f) => f.width > 100), "every chart is drawn with a width");
	const label = await page.$eval("#line svg", (s) => s.getAttribute("aria-labelledby"));
	t.is(label, "line-title line-desc", "the chart names its title and description for screen readers");
	t.ok(await page.$eval("body", (b) => b.textContent.includes("H Verkehr <script>")),
	    "a <script> in a label is shown as text");
	t.is(await page.$$eval("script", (s) => s.length), 1, "and did not become a script element");

	// The data table: opened from its <summary>, sorted by a header button.
	await page.focus("#line details summary");
	await page.keyboard.press("Enter");
	t.ok(await page.$eval("#line details", (d) => d.open), "the data table opens from the keyboard");
	const before = await page.$$eval("#line table tbody th", (ths) => ths.map((th) => th.textContent));
	t.is(before[0], "2014", "the table lists the periods in order");
	await page.click("#line table thead th:nth-child(2) button");
	await page.click("#line table thead th:nth-child(2) button");
	const sort = await page.$eval("#line table thead th:nth-child(2)", (th) => th.getAttribute("aria-sort"));
	t.is(sort, "descending", "a second click sorts descending (aria-sort)");
	const firstRow = await page.$eval("#line table tbody tr", (tr) => tr.cells[0].textContent);
	t.is(firstRow, "2022", "the highest Bottrop value comes first (55,0 in 2022)");
	const lastRow = await page.$eval("#line table tbody tr:last-child", (tr) => tr.cells[1].textContent);
	t.is(lastRow, "–", "missing values sort last and stay marked as missing");

	// Before axe, which tries to fetch the stylesheets (refused from file://).
	t.is(errors.join("\n"), "", "no console errors");
	const violations = await axe(page);
	t.ok(violations.length === 0, "axe-core finds no violations on the charts",
	    describeViolations(violations));
	await page.screenshot({ path: join(shots, "charts.png"), fullPage: true });
} catch (e) {
	t.ok(false, "the browser test ran to its end", e.stack);
} finally {
	await browser.close();
	t.done();
}
