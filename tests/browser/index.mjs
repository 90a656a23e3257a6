// The index page as a reader uses it, in headless Chromium, on the Bottrop
// demo (`wiall demo`: the catalogue's example index over the eight districts
// of Regierungsbezirk Münster): reach it from the overview's navigation,
// read the sentence on Bottrop's rank, open the ranking's data table by
// keyboard, switch the language; no console errors; axe-core on each page;
// screenshots under build/browser/ (the whole page, and the ranking chart
// alone at the width of a phone).
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { tap } from "./lib/tap.mjs";
import { startServer, launch, watchConsole, axeChecks, session, shots, wiall, demoDatabase } from "./lib/harness.mjs";

const t = tap();
const db = demoDatabase("wiall-index-");
const api = JSON.parse(execFileSync(wiall, ["--db", db, "index", "uncertainty", "--catalog",
    "resilience_muenster", "--format", "json"]).toString());

const server = await startServer(db);
const browser = await launch({ locale: "de-DE" });

await session(t, server, browser, async () => {
	const page = await browser.context.newPage();
	const errors = watchConsole(page);

	await page.goto(`${server.base}/`);
	await page.click("nav.site-nav >> text=Index");
	t.ok(page.url().endsWith("/indices"), "the overview's navigation leads to the index page", page.url());
	t.is(await page.textContent("h1"), "Resilienz und Wirtschaftskraft im Regierungsbezirk Münster",
	    "it shows the catalogue's index");
	t.is(await page.getAttribute("nav.site-nav a[aria-current=page]", "href"), "./indices",
	    "the navigation marks where the reader is");
	t.ok(/Beispielkonstruktion von wiall/.test(await page.textContent("p.lead")),
	    "the lead says it is wiall's example, not an official index");

	// Bottrop's sentence: its nominal rank and the interval of the
	// command's analysis, rounded outwards to whole ranks.
	const bottrop = api.units.find((u) => u.uCode === "05512000");
	const lo = Math.floor(bottrop.Q5), hi = Math.ceil(bottrop.Q95);
	const sentence = await page.textContent("#ranking p.meaning");
	const expect = lo === hi ?
	    `Bottrop liegt auf Rang ${bottrop.Nominal} von 8; in 90 % der Varianten auf Rang ${lo}.` :
	    `Bottrop liegt auf Rang ${bottrop.Nominal} von 8; in 90 % der Varianten zwischen Rang ${lo} und ${hi}.`;
	t.ok(sentence.startsWith(expect), "the page says where Bottrop stands and how sure that is", sentence);

	const chart = await page.$eval("#ranking-chart svg", (s) => ({
		title: s.querySelector("title")?.textContent ?? "",
		desc: s.querySelector("desc")?.textContent ?? "",
		rows: s.querySelectorAll("g.row").length,
		home: s.querySelector("g.row.home text.label")?.textContent ?? "",
		width: s.getBoundingClientRect().width,
	}));
	t.ok(chart.title !== "" && chart.desc.length > 100 && chart.width > 300,
	    "the ranking chart has a <title>, a <desc> and a size", JSON.stringify(chart));
	t.is(chart.rows, 8, "one row per region");
	t.is(chart.home, "Bottrop (eigene Stadt)", "the home region is marked in words, not by colour alone");
	await axeChecks(t, page, "the index page");
	await page.screenshot({ path: join(shots, "index-de.png"), fullPage: true });

	// Keyboard: Tab reaches the data table's toggle, Enter opens it.
	await page.focus("body");
	let reached = false;
	for (let i = 0; i < 80 && !reached; i++) {
		await page.keyboard.press("Tab");
		reached = await page.evaluate(() => document.activeElement?.tagName === "SUMMARY" &&
		    document.activeElement.closest("figure")?.id === "ranking-chart");
	}
	t.ok(reached, "Tab reaches the ranking's data-table toggle");
	await page.keyboard.press("Enter");
	t.ok(await page.isVisible("#ranking-chart table"), "Enter opens the data table");
	const rows = await page.$$eval("#ranking-chart table tbody tr", (r) => r.map((tr) =>
	    [...tr.children].map((c) => c.textContent)));
	t.is(rows.length, 8, "the table has the eight regions");
	const order = api.units.map((u) => u.uCode);
	t.is(rows[order.indexOf("05512000")][1], "Bottrop (eigene Stadt)",
	    "in the command's order of ranks");

	// The components: a table per group, each number with its points.
	const tables = await page.$$eval("#components table.components", (ts) => ts.length);
	t.is(tables, 2, "the two groups (Wirtschaftskraft, Widerstandsfähigkeit) have their tables");

	// Print: the navigation goes, the chart stays.
	await page.emulateMedia({ media: "print" });
	t.ok(!(await page.isVisible("nav.site-nav")), "the printed page leaves the navigation out");
	t.ok(await page.isVisible("#ranking-chart svg"), "and keeps the chart");
	await page.emulateMedia({ media: "screen" });

	// A phone: the chart keeps a readable size and scrolls sideways in
	// its frame; the page itself does not.
	await page.setViewportSize({ width: 390, height: 844 });
	const narrow = await page.evaluate(() => ({
		svg: document.querySelector("#ranking-chart svg").getBoundingClientRect().width,
		frame: document.querySelector("#ranking-chart .chart-scroll").getBoundingClientRect().width,
		page: document.documentElement.scrollWidth,
	}));
	t.ok(narrow.svg >= 500 && narrow.frame <= 390, "on a phone the chart stays readable and scrolls in its frame",
	    JSON.stringify(narrow));
	await page.$eval("#ranking-chart", (f) => f.scrollIntoView());
	await page.screenshot({ path: join(shots, "index-phone.png") });
	await page.setViewportSize({ width: 1280, height: 900 });

	await page.click("nav.lang-switch a");
	t.is(await page.getAttribute("html", "lang"), "en", "the language switch gives English");
	t.is(await page.textContent("h1"), "Resilience and economic strength in the Münster government region",
	    "with the English title");
	t.ok((await page.textContent("#ranking p.meaning")).startsWith(`Bottrop is ranked ${bottrop.Nominal} of 8`),
	    "and an English sentence");
	await axeChecks(t, page, "the English page");
	await page.screenshot({ path: join(shots, "index-en.png"), fullPage: true });

	t.is(errors.join("\n"), "", "no console errors on any page");
});
