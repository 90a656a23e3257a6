// The dashboard as a reader uses it, in headless Chromium: open the
// overview, follow a goal to an indicator, open "Warum?", switch the
// language; no console errors; axe-core on every page; screenshots under
// build/browser/. Data: tests/data/web (titles with <script>, quotes, &).
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { tap } from "./lib/tap.mjs";
import { startServer, launch, watchConsole, axe, describeViolations, session, shots, wiall, tempDir } from "./lib/harness.mjs";

const t = tap();
const top = process.env.TOP ?? new URL("../..", import.meta.url).pathname;
const db = join(tempDir("wiall-dash-"), "w.db");
execFileSync(wiall, ["--db", db, "init"], { stdio: "ignore" });
execFileSync(wiall, ["--db", db, "catalog", "load", join(top, "tests/data/web/catalog.json")], { stdio: "ignore" });
execFileSync(wiall, ["--db", db, "import", join(top, "tests/data/web/observations.csv")], { stdio: "ignore" });

const server = await startServer(db);
const browser = await launch({ locale: "de-DE" });

async function checkAxe(page, name) {
	const violations = await axe(page);
	t.ok(violations.length === 0, `axe-core: no violations on ${name}`, describeViolations(violations));
}

await session(t, server, browser, async () => {
	const page = await browser.context.newPage();
	const errors = watchConsole(page);
	let alerted = false;
	page.on("dialog", async (d) => { alerted = true; await d.dismiss(); });

	const r = await page.goto(`${server.base}/`);
	t.is(r.status(), 200, "the overview opens");
	t.is(await page.getAttribute("html", "lang"), "de", "in German");
	t.ok((await page.textContent("h1")).includes('<script>alert("v")</script>'),
	    "the vision's <script> is shown as text");
	t.is(await page.$$eval("script", (s) => s.length), 1, "and no script from the catalogue runs");
	t.ok(await page.isVisible("text=Arbeitslosenquote"), "the indicators are listed");
	t.ok(await page.isVisible(".weather-cloud >> text=Wolke"), "with the weather in words");
	await checkAxe(page, "the overview");
	await page.screenshot({ path: join(shots, "overview-de.png"), fullPage: true });

	await page.click("h3 >> text=Arbeit \"und\" Beschäftigung");
	t.ok(page.url().endsWith("/goals/G2"), "a goal link leads to the goal page", page.url());
	t.is(await page.textContent("h1"), 'Arbeit "und" Beschäftigung', "the goal page shows the goal");
	await checkAxe(page, "the goal page");
	await page.screenshot({ path: join(shots, "goal-de.png"), fullPage: true });

	await page.click("table.indicators >> text=Arbeitslosenquote");
	t.ok(page.url().endsWith("/indicators/unemployment"), "the goal links to its indicator", page.url());
	t.ok(await page.isVisible("figure.chart svg"), "the indicator page draws its chart");
	t.ok(!(await page.isVisible("details.why table")), "the numbers of Warum? start folded");
	await page.click("details.why summary");
	t.ok(await page.isVisible("details.why table"), "Warum? opens with a click");
	const sentence = await page.textContent("details.why p");
	t.ok(sentence.includes("deutlich verfehlt"), "and explains the cloud in words", sentence);
	await page.focus("details.why summary");
	await page.keyboard.press("Enter");
	t.ok(!(await page.isVisible("details.why table")), "and closes from the keyboard");
	await page.keyboard.press("Enter");
	await checkAxe(page, "the indicator page");
	await page.screenshot({ path: join(shots, "indicator-de.png"), fullPage: true });

	await page.click("nav.lang-switch a");
	t.is(await page.getAttribute("html", "lang"), "en", "the language switch gives English");
	t.is(await page.textContent("details.why summary"), "Why?", "Warum? becomes Why?");
	await page.goto(`${server.base}/indicators/emp_women`);
	t.is(await page.getAttribute("html", "lang"), "en", "English stays chosen on the next page");
	t.ok((await page.textContent("h1")).includes("<script>alert('x')</script>"),
	    "the indicator's <script> title is text");
	await checkAxe(page, "the English indicator page");
	await page.screenshot({ path: join(shots, "indicator-en.png"), fullPage: true });

	t.ok(!alerted, "no alert() from the catalogue ever ran");
	t.is(errors.join("\n"), "", "no console errors on any page");
});
