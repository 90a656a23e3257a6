// The dashboard on the REAL demo data (`wiall demo`: the Bottrop catalogue
// and published figures), as a reader uses it in headless Chromium: the
// overview in German, a goal, an indicator with an assessment
// (unemployment_rate), "Warum?" with the very sentence `wiall assess`
// writes, the language switch; no console errors; axe-core on every page
// (every violation reported, serious and critical ones fail); a print view
// of the overview; screenshots under build/browser/demo-*.png.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { tap } from "./lib/tap.mjs";
import { startServer, launch, watchConsole, axe, describeViolations, session, shots, wiall, demoDatabase } from "./lib/harness.mjs";

const t = tap();
const db = demoDatabase("wiall-demo-");
const assess = (code) => JSON.parse(execFileSync(wiall, ["--db", db, "assess", code,
    "--format", "json"], { encoding: "utf8" })).results[0];
const unemployment = assess("unemployment_rate");

const server = await startServer(db);
const browser = await launch({ locale: "de-DE" });

async function checkAxe(page, name) {
	const violations = await axe(page);
	if (violations.length > 0)
		t.note(`axe-core on ${name}:\n${describeViolations(violations)}`);
	const grave = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
	t.ok(grave.length === 0, `axe-core: no serious or critical violations on ${name} ` +
	    `(${violations.length} in all)`, describeViolations(grave));
}

await session(t, server, browser, async () => {
	const page = await browser.context.newPage();
	const errors = watchConsole(page);
	const failed = [];
	page.on("response", (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });

	// The overview: a tally per guiding goal, the assessed indicators,
	// the rest folded.
	const r = await page.goto(`${server.base}/`);
	t.is(r.status(), 200, "the overview opens");
	t.is(await page.getAttribute("html", "lang"), "de", "in German");
	t.is(await page.textContent("h1"), "Gemeinsam. Innovativ. Nachhaltig.", "with the vision of the Bottrop catalogue");
	t.ok(await page.isVisible("section.goal ul.tally >> text=Gewitter"), "each guiding goal has a tally in words");
	t.ok(await page.isVisible("table.indicators >> text=Arbeitslosenquote"), "the assessed indicators are listed");
	const more = page.locator("details.more").first();
	t.ok(!(await more.locator("li").first().isVisible()), "the indicators without enough data start folded");
	await more.locator("summary").focus();
	await page.keyboard.press("Enter");
	t.ok(await more.locator("li").first().isVisible(), "and open from the keyboard (no JavaScript needed)");
	await page.keyboard.press("Enter");
	const height = await page.evaluate(() => document.documentElement.scrollHeight);
	t.ok(height < 6000, `the overview is compact (${height} px high for 88 indicators)`);
	await checkAxe(page, "the overview");
	await page.screenshot({ path: join(shots, "demo-overview-de.png"), fullPage: true });

	// Printing: the folded lists are on paper too.
	await page.emulateMedia({ media: "print" });
	t.ok(await more.locator("li").first().isVisible(), "in print, the folded indicators are shown");
	t.ok(!(await page.isVisible("nav.lang-switch")), "and the language switch is not");
	await page.locator("summary").first().blur();
	await page.screenshot({ path: join(shots, "demo-overview-print.png") });
	await page.emulateMedia({ media: "screen" });

	// A goal, then its indicator.
	await page.click("h3 >> text=Arbeit und Beschäftigung");
	t.ok(page.url().endsWith("/goals/G2"), "a goal's heading leads to its page", page.url());
	t.is(await page.textContent("h1"), "Arbeit und Beschäftigung", "the goal page shows the goal");
	await checkAxe(page, "the goal page");
	await page.screenshot({ path: join(shots, "demo-goal-de.png"), fullPage: true });

	await page.click("table.indicators >> text=Arbeitslosenquote");
	t.ok(page.url().endsWith("/indicators/unemployment_rate"), "the goal links to the indicator", page.url());
	t.is((await page.textContent(".assessment p.verdict")).trim(), "Gewitter",
	    "its weather is the thunderstorm wiall assess gives");
	t.ok(await page.isVisible("figure.chart svg"), "the chart is drawn");
	t.ok((await page.textContent("p.annual-note")).startsWith("Jahreswerte: Mittel der Monatswerte"),
	    "the page says how the monthly values became annual ones");
	t.ok(!(await page.isVisible("details.why p.sentence")), "Warum? starts folded");
	await page.click("details.why summary");
	const sentence = await page.textContent("details.why p.sentence");
	t.is(sentence, unemployment.reason_de, "Warum? tells wiall assess's sentence");
	t.ok(await page.isVisible("details.why table.numbers"), "with the numbers behind it");
	t.is(await page.locator(".other-methods dt").count(), 2, "the other methods: Eurostat and Open SDG");
	t.ok(await page.isVisible("ul.downloads >> text=Beobachtungen als CSV"), "the downloads are offered");
	await checkAxe(page, "the indicator page");
	await page.screenshot({ path: join(shots, "demo-indicator-de.png"), fullPage: true });

	// English.
	await page.click("nav.lang-switch a");
	t.is(await page.getAttribute("html", "lang"), "en", "the language switch gives English");
	await page.click("details.why summary");
	t.is(await page.textContent("details.why p.sentence"), unemployment.reason_en,
	    "Why? tells the English sentence");
	t.ok(await page.isVisible("h2 >> text=Other methods"), "the other methods in English");
	await checkAxe(page, "the English indicator page");
	await page.screenshot({ path: join(shots, "demo-indicator-en.png"), fullPage: true });
	await page.goto(`${server.base}/`);
	t.ok(await page.isVisible("text=indicators without enough data"), "the English overview folds in English");
	await checkAxe(page, "the English overview");
	await page.screenshot({ path: join(shots, "demo-overview-en.png"), fullPage: true });

	t.is(errors.join("\n"), "", "no console errors on any page");
	t.is(failed.join("\n"), "", "no request failed (assets, icons)");
});
