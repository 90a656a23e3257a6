// The OpenAPI document and the API checked by other people's code, on the
// Bottrop demo: the document is valid against the official OpenAPI 3.1
// schema (@seriousme/openapi-schema-validator), the 200 answer of every GET
// fits its schema as ajv's JSON Schema 2020-12 reads it (a second
// implementation beside tests/helpers/openapi_check.c), and Chromium reads
// the API from another origin: a plain GET, and a GET with If-None-Match,
// which needs the CORS preflight and must see the 304 and the exposed ETag.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import { tap } from "./lib/tap.mjs";
import { startServer, launch, watchConsole, wiall } from "./lib/harness.mjs";

const t = tap();
const dir = mkdtempSync(join(tmpdir(), "wiall-openapi-"));
const db = join(dir, "demo.db");
execFileSync(wiall, ["--db", db, "demo"], { stdio: "ignore" });
const server = await startServer(db);
let browser;

try {
	const doc = await (await fetch(`${server.base}/api/v1/openapi.json`)).json();
	const validator = new Validator();
	const result = await validator.validate(structuredClone(doc));
	t.ok(result.valid, "the document is valid OpenAPI 3.1 (the official schema)",
	    JSON.stringify(result.errors ?? "", null, 1).slice(0, 2000));
	t.is(validator.version, "3.1", "read as 3.1");

	// Every GET's 200 schema, compiled by ajv with the document's
	// components; each path with its parameters' examples.
	const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
	ajv.addSchema({ $id: "doc", components: doc.components });
	for (const [path, item] of Object.entries(doc.paths)) {
		const params = [...(item.parameters ?? []), ...(item.get.parameters ?? [])];
		let url = path;
		for (const p of params.filter((q) => q.in === "path"))
			url = url.replace(`{${p.name}}`, encodeURIComponent(p.example));
		const query = params.filter((q) => q.in === "query")
		    .map((q) => `${q.name}=${encodeURIComponent(q.example)}`).join("&");
		for (const u of query === "" ? [url] : [url, `${url}?${query}`]) {
			const res = await fetch(`${server.base}${u}`);
			t.is(res.status, 200, `GET ${u} is 200`);
			const ref = item.get.responses["200"].content["application/json"].schema.$ref;
			const validate = ajv.getSchema(`doc${ref}`);
			const ok = validate(await res.json());
			t.ok(ok, `GET ${u}: ajv finds the body fits ${ref}`,
			    JSON.stringify(validate.errors?.slice(0, 5), null, 1));
		}
	}

	// From another origin, in a browser.
	browser = await launch();
	// Chromium asks before a page reaches the loopback from elsewhere
	// (Local Network Access); the test says yes, as a user would.
	await browser.context.grantPermissions(["local-network-access"]);
	const page = await browser.context.newPage();
	const errors = watchConsole(page);
	// Another origin: a blank page playwright makes up.
	await page.route("http://127.0.0.2:9/", (route) => route.fulfill({
		contentType: "text/html", body: "<!doctype html><title>elsewhere</title>" }));
	await page.goto("http://127.0.0.2:9/");
	const url = `${server.base}/api/v1/indicators`;
	const first = await page.evaluate(async (u) => {
		const r = await fetch(u);
		return { status: r.status, etag: r.headers.get("ETag"), n: (await r.json()).indicators.length };
	}, url);
	t.is(first.status, 200, "a page of another origin reads /api/v1/indicators");
	t.ok(first.n > 50, "with the demo's indicators", String(first.n));
	t.ok(/^"[0-9a-f]{16}"$/.test(first.etag ?? ""), "and sees the ETag (exposed)", first.etag);
	const again = await page.evaluate(async ([u, etag]) => {
		const r = await fetch(u, { headers: { "If-None-Match": etag }, cache: "no-store" });
		return { status: r.status, etag: r.headers.get("ETag") };
	}, [url, first.etag]);
	t.is(again.status, 304, "If-None-Match (after the CORS preflight) gives 304");
	t.is(again.etag, first.etag, "with the same ETag");
	const bad = await page.evaluate(async (u) => {
		const r = await fetch(`${u}?regoin=x`);
		return { status: r.status, message: (await r.json()).error.message };
	}, url);
	t.is(bad.status, 400, "a misspelt parameter is 400 across origins too");
	t.ok(bad.message.includes("regoin"), "and its JSON message can be read", bad.message);
	t.is(errors.filter((e) => !/status of 400/.test(e)).join("\n"), "",
	    "no console errors but the expected 400");
} finally {
	if (browser !== undefined)
		await browser.close();
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
	t.done();
}
