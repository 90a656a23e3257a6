// A small TAP producer for the browser tests: "ok N - name" / "not ok N -
// name" lines with "# " diagnostics, and the plan at the end.
export function tap() {
	let n = 0;
	let failed = 0;
	const t = {
		ok(cond, name, diagnostics) {
			n++;
			console.log(`${cond ? "ok" : "not ok"} ${n} - ${name}`);
			if (!cond) {
				failed++;
				for (const line of String(diagnostics ?? "").split("\n"))
					if (line !== "") console.log(`#   ${line}`);
			}
			return cond;
		},
		is(got, want, name) {
			return t.ok(got === want, name,
			    `got:      ${JSON.stringify(got)}\nexpected: ${JSON.stringify(want)}`);
		},
		note(text) {
			for (const line of String(text).split("\n")) console.log(`# ${line}`);
		},
		done() {
			console.log(`1..${n}`);
			process.exitCode = failed > 0 ? 1 : 0;
		},
	};
	return t;
}
