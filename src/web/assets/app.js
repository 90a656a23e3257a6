/* wiall: small enhancements only; every page works without this file.
 * - data tables get sortable column headers (buttons, aria-sort);
 * - before printing, every <details> opens so the data tables print. */
(function () {
	"use strict";

	function cellValue(row, index) {
		var cell = row.cells[index];
		if (!cell) return "";
		var raw = cell.getAttribute("data-value");
		if (raw !== null && raw !== "") return parseFloat(raw);
		return cell.textContent.trim();
	}

	function isMissing(row, index) {
		var cell = row.cells[index];
		return !cell || cell.classList.contains("missing");
	}

	function compare(a, b) {
		var an = typeof a === "number", bn = typeof b === "number";
		if (an && bn) return a - b;
		if (an) return -1;
		if (bn) return 1;
		return String(a).localeCompare(String(b), document.documentElement.lang);
	}

	function sortBy(table, index, th) {
		var body = table.tBodies[0];
		if (!body) return;
		var descending = th.getAttribute("aria-sort") === "ascending";
		var rows = Array.prototype.slice.call(body.rows);
		rows.sort(function (r1, r2) {
			/* Missing values go last in either direction. */
			var m1 = isMissing(r1, index), m2 = isMissing(r2, index), c;
			if (m1 || m2) return m1 === m2 ? 0 : (m1 ? 1 : -1);
			c = compare(cellValue(r1, index), cellValue(r2, index));
			return descending ? -c : c;
		});
		rows.forEach(function (r) { body.appendChild(r); });
		Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) {
			c.removeAttribute("aria-sort");
		});
		th.setAttribute("aria-sort", descending ? "descending" : "ascending");
	}

	function enhanceTable(table) {
		if (!table.tHead || table.tHead.rows.length !== 1) return;
		Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
			var button = document.createElement("button");
			button.type = "button";
			button.className = "sort";
			while (th.firstChild) button.appendChild(th.firstChild);
			th.appendChild(button);
			button.addEventListener("click", function () { sortBy(table, index, th); });
		});
	}

	function init() {
		Array.prototype.forEach.call(document.querySelectorAll("table.data"), enhanceTable);
		var opened = [];
		window.addEventListener("beforeprint", function () {
			Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) {
				d.open = true;
				opened.push(d);
			});
		});
		window.addEventListener("afterprint", function () {
			opened.forEach(function (d) { d.open = false; });
			opened = [];
		});
	}

	if (document.readyState === "loading")
		document.addEventListener("DOMContentLoaded", init);
	else
		init();
}());
