import { chromium } from "playwright-core";
const [url, out, lang, width] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const ctx = await b.newContext({ viewport: { width: Number(width ?? 1200), height: 900 }, locale: lang ?? "de-DE" });
const p = await ctx.newPage();
p.on("console", (m) => { if (m.type() === "error") console.log("CONSOLE", m.text()); });
await p.goto(url);
const h = await p.evaluate(() => document.documentElement.scrollHeight);
const w = Number(width ?? 1200);
let i = 0;
for (let y = 0; y < h; y += 1200, i++)
	await p.screenshot({ path: `${out}_${i}.png`, fullPage: true, clip: { x: 0, y, width: w, height: Math.min(1200, h - y) } });
console.log(h, i);
await b.close();
