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

// Starts `wiall serve` on 127.0.0.1:0 over a fresh database (or `db`);
// resolves to { base, stop } once the server has printed its URL.
export async function startServer(db) {
	const dir = mkdtempSync(join(tmpdir(), "wiall-browser-"));
	if (db === undefined) {
		db = join(dir, "w.db");
		execFileSync(wiall, ["--db", db, "init"], { stdio: "ignore" });
	}
	const child = spawn(wiall, ["--db", db, "serve", "--listen", "127.0.0.1:0",
	    "--access-log", "off"], { stdio: ["ignore", "pipe", "pipe"] });
	let stderr = "";
	child.stderr.on("data", (d) => { stderr += d; });
	const base = await new Promise((resolve, reject) => {
		let out = "";
		const timer = setTimeout(() => reject(new Error(`wiall serve did not start: ${stderr}`)), 20000);
		child.stdout.on("data", (d) => {
			out += d;
			const m = /serving (http:\/\/[^/ ]+)\//.exec(out);
			if (m) { clearTimeout(timer); resolve(m[1]); }
		});
		child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`wiall serve exited ${code}: ${stderr}`)); });
	});
	return {
		base,
		stop() {
			return new Promise((resolve) => {
				child.removeAllListeners("exit");
				child.on("exit", (code) => { rmSync(dir, { recursive: true, force: true }); resolve(code); });
				child.kill("SIGTERM");
			});
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
	const profile = mkdtempSync(join(tmpdir(), "wiall-chromium-"));
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
