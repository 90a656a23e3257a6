// The pages the server can honestly serve before the catalogue exists: an
// error page in German and, after the language switch, in English. Checks
// that the stylesheet and script load under the CSP, that there are no
// console errors, that the keyboard reaches the skip link, runs axe-core,
// and saves screenshots under build/browser/.
import { join } from "node:path";
import { tap } from "./lib/tap.mjs";
import { startServer, launch, watchConsole, axe, describeViolations, session, shots } from "./lib/harness.mjs";

const t = tap();
const server = await startServer();
// A German reader: Chromium sends Accept-Language: de-DE.
const browser = await launch({ locale: "de-DE" });
await session(t, server, browser, async () => {
	const page = await browser.context.newPage();
	const errors = watchConsole(page);
	const failed = [];
	page.on("response", (r) => {
		if (r.request().resourceType() !== "document" && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
	});

	const response = await page.goto(`${server.base}/keine/seite`);
	t.is(response.status(), 404, "an unknown address answers 404");
	t.is(await page.getAttribute("html", "lang"), "de", "the page is German for a German browser");
	t.is(await page.title(), "Seite nicht gefunden · wiall", "the title says what happened");
	t.is(await page.textContent("h1"), "Seite nicht gefunden", "so does the heading");
	const background = await page.$eval(".site-header", (e) => getComputedStyle(e).backgroundColor);
	t.is(background, "rgb(244, 246, 248)", "the stylesheet is applied (allowed by the CSP)");
	const scripts = await page.evaluate(() => performance.getEntriesByType("resource")
	    .filter((e) => e.name.includes("/assets/app.js")).length);
	t.is(scripts, 1, "the enhancing script is loaded from /assets/");
	t.is(failed.join("\n"), "", "every asset of the page loads");

	await page.keyboard.press("Tab");
	t.is(await page.evaluate(() => document.activeElement.textContent), "Zum Inhalt springen",
	    "the first Tab reaches the skip link");
	// page.keyboard.press resolves once the key is handled, not once the
	// navigation the key starts has reached Playwright (a click waits for
	// that; a key press does not): wait for the URL, then check it.
	await page.keyboard.press("Enter");
	await page.waitForURL((u) => u.hash === "#main", { timeout: 10000 }).catch(() => {});
	t.ok(page.url().endsWith("#main"), "the skip link leads to the content", page.url());

	let violations = await axe(page);
	t.ok(violations.length === 0, "axe-core finds no violations on the German page",
	    describeViolations(violations));
	await page.screenshot({ path: join(shots, "error-page-de.png"), fullPage: true });

	await page.click("text=English");
	t.ok(page.url().endsWith("?lang=en"), "the language switch is a link", page.url());
	t.is(await page.getAttribute("html", "lang"), "en", "the switch gives English");
	t.is(await page.textContent("h1"), "Page not found", "in English");
	await page.goto(`${server.base}/another/missing/page`);
	t.is(await page.getAttribute("html", "lang"), "en", "the choice is remembered (cookie)");
	violations = await axe(page);
	t.ok(violations.length === 0, "axe-core finds no violations on the English page",
	    describeViolations(violations));
	await page.screenshot({ path: join(shots, "error-page-en.png"), fullPage: true });

	// The document itself is a 404, which Chromium reports on the console;
	// anything else there is an error of ours.
	const unexpected = errors.filter((e) => !/status of 404/.test(e));
	t.is(unexpected.join("\n"), "", "no console errors");

	const api = await page.goto(`${server.base}/api/v1/`);
	t.is(api.status(), 200, "the API index opens in the browser");
	t.ok((await api.json()).version !== undefined, "and names the version");
});
