// Phidex console: progressive enhancement only. Every page works without this script;
// with it, tables marked data-filter get a "filter rows" box. No network requests, no values.
(function () {
  "use strict";
  document.documentElement.setAttribute("data-enhanced", "1");
  var tables = document.querySelectorAll("table[data-filter]");
  tables.forEach(function (table, index) {
    var id = "row-filter-" + index;
    var wrap = document.createElement("div");
    wrap.className = "filter";
    var label = document.createElement("label");
    label.setAttribute("for", id);
    label.textContent = "Filter rows ";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.setAttribute("aria-controls", table.id || "");
    input.setAttribute("autocomplete", "off");
    label.appendChild(input);
    wrap.appendChild(label);
    var status = document.createElement("span");
    status.className = "muted";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrap.appendChild(status);
    table.parentNode.insertBefore(wrap, table);
    var rows = Array.prototype.slice.call(table.tBodies[0] ? table.tBodies[0].rows : []);
    input.addEventListener("input", function () {
      var needle = input.value.toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var match = !needle || row.textContent.toLowerCase().indexOf(needle) >= 0;
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      status.textContent = needle ? " " + shown + " of " + rows.length + " rows" : "";
    });
  });
})();
