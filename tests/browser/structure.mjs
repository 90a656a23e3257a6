// The economic-structure page as a reader uses it, in headless Chromium, on
// the Bottrop demo (`wiall demo`: Eurostat persons employed by NACE group,
// Bottrop against Regierungsbezirk Münster, 2000–2017): reach it from the
// overview's navigation, walk the page by keyboard to the data-table toggles
// and open one, switch region and language; no console errors; axe-core on
// every page; screenshots under build/browser/.
import { join } from "node:path";
import { tap } from "./lib/tap.mjs";
import { startServer, launch, watchConsole, axeChecks, session, shots, demoDatabase } from "./lib/harness.mjs";

const t = tap();
const db = demoDatabase("wiall-structure-");

const server = await startServer(db);
const browser = await launch({ locale: "de-DE" });

await session(t, server, browser, async () => {
	const page = await browser.context.newPage();
	const errors = watchConsole(page);

	await page.goto(`${server.base}/`);
	await page.click("nav.site-nav >> text=Wirtschaftsstruktur");
	t.ok(page.url().endsWith("/structure"), "the overview's navigation leads to the structure page", page.url());
	t.is(await page.textContent("h1"), "Wirtschaftsstruktur: Bottrop", "it shows the home region");
	t.is(await page.getAttribute("nav.site-nav a[aria-current=page]", "href"), "./structure",
	    "the navigation marks where the reader is");
	const figures = await page.$$eval("figure.chart svg", (svgs) => svgs.map((s) => ({
		title: s.querySelector("title")?.textContent ?? "",
		desc: s.querySelector("desc")?.textContent ?? "",
		width: s.getBoundingClientRect().width,
	})));
	t.ok(figures.length >= 12, "composition, diversity, location quotients, shift-share and shocks are drawn",
	    `${figures.length} charts`);
	t.ok(figures.every((f) => f.title !== "" && f.desc !== "" && f.width > 100),
	    "every chart has a <title>, a <desc> and a size");
	const meaning = await page.$$eval("section.structure-figure p.meaning", (ps) => ps.map((p) => p.textContent));
	t.ok(meaning.length >= 5 && meaning.every((s) => s.length > 40), "every section says what it means for the city");
	t.ok(meaning.some((s) => /stärker auf den Bereich „Öffentliche und sonstige Dienstleister.*\(LQ 1,09\)/.test(s)),
	    "with its numbers in German format (LQ 1,09)", meaning.join("\n"));
	t.ok(await page.isVisible("text=keine Daten für diesen Zeitraum"), "shocks outside the data say so");
	// The notes on the computation in the page's language (METHODS §1).
	const notesDe = await page.$$eval("ul.notes li", (li) => li.map((l) => l.textContent));
	t.ok(notesDe.some((s) => s === "Weggelassen, damit nichts doppelt gezählt wird: C (Teil von B_E)."),
	    "the notes are German: C is left out so that nothing counts twice", notesDe.join("\n"));
	t.ok(notesDe.some((s) => /^Verglichen wird mit der Vergleichsregion des Indikators, Regierungsbezirk Münster/.test(s)),
	    "with the reference region's German name", notesDe.join("\n"));
	t.is(await page.getAttribute("ul.notes", "lang"), null, "and not marked as English");
	await axeChecks(t, page, "the structure page");
	await page.screenshot({ path: join(shots, "structure-de.png"), fullPage: true });

	// Keyboard: Tab from the top reaches every data-table toggle in order.
	const toggles = await page.$$eval("details.chart-data > summary", (s) => s.length);
	await page.focus("body");
	const reached = new Set();
	for (let i = 0; i < 400 && reached.size < toggles; i++) {
		await page.keyboard.press("Tab");
		const id = await page.evaluate(() => {
			const a = document.activeElement;
			return a && a.tagName === "SUMMARY" && a.parentElement.classList.contains("chart-data") ?
			    a.closest("figure").id : null;
		});
		if (id) reached.add(id);
	}
	t.is(reached.size, toggles, `Tab reaches all ${toggles} data-table toggles`);
	await page.focus("#location-chart details > summary");
	await page.keyboard.press("Enter");
	t.ok(await page.$eval("#location-chart details", (d) => d.open), "Enter opens a data table");
	t.ok(await page.isVisible("#location-chart table"), "and shows it");
	const rows = await page.$$eval("#location-chart table tbody tr", (r) => r.length);
	t.is(rows, 6, "the LQ table has the six NACE groups");
	await page.keyboard.press("Tab");
	t.is(await page.evaluate(() => document.activeElement?.className), "sort",
	    "the next Tab reaches the table's sort button");
	await page.keyboard.press("Enter");
	t.is(await page.getAttribute("#location-chart table thead th:first-child", "aria-sort"), "ascending",
	    "which sorts by keyboard");

	// Print: navigation hidden, the figures kept.
	await page.emulateMedia({ media: "print" });
	t.ok(!(await page.isVisible("nav.region-switch")) && !(await page.isVisible("nav.site-nav")),
	    "the printed page leaves the navigation out");
	t.ok(await page.isVisible("#composition-chart svg"), "and keeps the charts");
	await page.emulateMedia({ media: "screen" });

	await page.click("nav.region-switch >> text=Gelsenkirchen");
	t.ok(page.url().endsWith("/structure/05513000"), "the region switch leads to Gelsenkirchen", page.url());
	t.is(await page.textContent("h1"), "Wirtschaftsstruktur: Gelsenkirchen", "which the page then shows");
	await axeChecks(t, page, "Gelsenkirchen's page");

	await page.click("nav.lang-switch a");
	t.is(await page.getAttribute("html", "lang"), "en", "the language switch gives English");
	t.is(await page.textContent("h1"), "Economic structure: Gelsenkirchen", "for the same region");
	t.ok(await page.isVisible("text=no data for this period"), "with English texts");
	const notesEn = await page.$$eval("ul.notes li", (li) => li.map((l) => l.textContent));
	t.ok(notesEn.some((s) => s === "Left out so that nothing is counted twice: C (part of B_E)."),
	    "and English notes", notesEn.join("\n"));
	t.ok(!notesEn.some((s) => /Weggelassen|Vergleichsregion/.test(s)), "with no German one among them",
	    notesEn.join("\n"));
	await axeChecks(t, page, "the English page");
	await page.screenshot({ path: join(shots, "structure-en.png"), fullPage: true });

	t.is(errors.join("\n"), "", "no console errors on any page");
});
