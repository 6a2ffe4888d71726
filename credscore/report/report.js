/* credscore HTML report: progressive enhancement only. Without this script every table,
   text view and evidence list still reads; the script adds column sorting and makes an
   evidence link show the cleaned view before jumping to its highlight. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function value(row, col) {
    var cell = row.cells[col];
    var v = cell ? cell.getAttribute("data-v") : null;
    return v === null || v === "" ? null : v;
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var kind = th.getAttribute("data-sort");
      if (!kind) { return; }
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var current = th.getAttribute("aria-sort");
        // First click: numbers high to low (the row number low to high), text A to Z.
        var dir = current === "ascending" ? -1 : current === "descending" ? 1
          : (kind === "num" && col > 0 ? -1 : 1);
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a, col), y = value(b, col);
          if (x === null || y === null) { return x === y ? 0 : x === null ? 1 : -1; } // blanks last
          if (kind === "num") { return dir * (parseFloat(x) - parseFloat(y)); }
          return dir * x.localeCompare(y);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.evlink") : null;
    if (!link) { return; }
    var article = link.closest("article");
    var radio = article ? article.querySelector("input.v-clean") : null;
    if (radio) { radio.checked = true; }
  });
})();
