// What every browser test needs: `wiall serve` on a free port, Debian's
// Chromium through playwright-core with a new empty profile, axe-core, and a
// place for screenshots (build/browser/).
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const top = process.env.TOP ?? new URL("../../..", import.meta.url).pathname;
const build = process.env.BUILD ?? "build";
export const wiall = process.env.WIALL ?? join(top, build, "wiall");
export const shots = join(top, build, "browser");
mkdirSync(shots, { recursive: true });

// Temporary directories of this test, removed when the process exits,
// however it exits (a failed assertion, an exception, the end).
const temps = [];
const children = [];
process.on("exit", () => {
	for (const c of children)
		if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
	for (const d of temps) rmSync(d, { recursive: true, force: true });
});

// A new empty directory under the system's temporary directory.
export function tempDir(prefix = "wiall-browser-") {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	temps.push(dir);
	return dir;
}

// How long the server may take to print its URL or to stop: generous, for
// a busy machine; a deadline against hanging, not a measurement.
const serverWait = 60000;

// Starts `wiall serve` on 127.0.0.1:0 over a fresh database (or `db`);
// resolves to { base, stop } once the server has printed its URL.
export async function startServer(db) {
	if (db === undefined) {
		db = join(tempDir(), "w.db");
		execFileSync(wiall, ["--db", db, "init"], { stdio: "ignore" });
	}
	const child = spawn(wiall, ["--db", db, "serve", "--listen", "127.0.0.1:0",
	    "--access-log", "off"], { stdio: ["ignore", "pipe", "pipe"] });
	children.push(child);
	let stderr = "";
	child.stderr.on("data", (d) => { stderr += d; });
	// Known as soon as it happens, so that stop() never waits for an exit
	// that has already been.
	const exited = new Promise((resolve) => {
		child.on("exit", (code, signal) => resolve(code ?? `signal ${signal}`));
	});
	const base = await new Promise((resolve, reject) => {
		let out = "";
		const timer = setTimeout(() => reject(new Error(
		    `wiall serve printed no URL within ${serverWait / 1000} s: ${stderr}`)), serverWait);
		child.stdout.on("data", (d) => {
			out += d;
			const m = /serving (http:\/\/[^/ ]+)\//.exec(out);
			if (m) { clearTimeout(timer); resolve(m[1]); }
		});
		exited.then((code) => { clearTimeout(timer); reject(new Error(`wiall serve exited ${code}: ${stderr}`)); });
	});
	return {
		base,
		// Resolves to the exit status (SIGKILL after the deadline:
		// "signal SIGKILL", which no test takes for a clean stop).
		stop() {
			if (child.exitCode === null && child.signalCode === null)
				child.kill("SIGTERM");
			const timer = setTimeout(() => child.kill("SIGKILL"), serverWait);
			return exited.finally(() => clearTimeout(timer));
		},
	};
}

// The flags this machine needs for Chromium as root (see the machine notes):
// no sandbox, no GPU, no background network traffic.
const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"];

// Launches Chromium with a new, empty user-data-dir; resolves to
// { context, close }.
export async function launch(options = {}) {
	const profile = tempDir("wiall-chromium-");
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
		headless: true,
		args: flags,
		viewport: { width: 1200, height: 900 },
		...options,
	});
	return {
		context,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

// Collects console errors and uncaught exceptions of a page.
export function watchConsole(page) {
	const errors = [];
	page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
	page.on("pageerror", (e) => errors.push(String(e)));
	return errors;
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// Runs axe-core on the page (WCAG 2.0/2.1 A and AA rules); resolves to its
// violations. Evaluated through the DevTools protocol, so the page's CSP
// (no inline script) stays in force.
export async function axe(page) {
	await page.evaluate(axeSource);
	const result = await page.evaluate(() => globalThis.axe.run(document, {
		runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
	}));
	return result.violations;
}

// One line per violation for a TAP diagnostic.
export function describeViolations(violations) {
	return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ` +
	    v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")).join("\n");
}

// A database with the Bottrop demo (`wiall demo`) in a new temporary
// directory; returns its path.
export function demoDatabase(prefix) {
	const db = join(tempDir(prefix), "demo.db");
	execFileSync(wiall, ["--db", db, "demo"], { stdio: "ignore" });
	return db;
}

// axe-core on the page as two checks of tap `t`: no serious or critical
// violation, and none at all.
export async function axeChecks(t, page, name) {
	const violations = await axe(page);
	const grave = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
	t.ok(grave.length === 0, `axe-core: no serious or critical violations on ${name}`,
	    describeViolations(grave));
	t.ok(violations.length === 0, `axe-core: no violations at all on ${name}`,
	    describeViolations(violations));
}

// Runs a test's body; whatever it throws is one failed check. Then closes
// the browser, checks that the server stops cleanly and ends the TAP output.
export async function session(t, server, browser, body) {
	try {
		await body();
	} catch (e) {
		t.ok(false, "the browser test ran to its end", e.stack);
	} finally {
		await browser.close();
		t.is(await server.stop(), 0, "the server stops cleanly");
		t.done();
	}
}
