// Adds up the estimated answering time while a facilitator ticks modules and tensions
// (the numbers come from the server: samenspel.instrument.selection.costs). Without
// JavaScript the page shows the default round's time and each choice's own minutes.
(function () {
  "use strict";
  function ready(fn) { if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); } }
  ready(function () {
    var data = document.getElementById("round-costs");
    var form = document.getElementById("round-form");
    var out = document.getElementById("round-minutes");
    if (!data || !form || !out) { return; }
    var costs = JSON.parse(data.textContent);
    function checked(name) {
      return Array.prototype.map.call(form.querySelectorAll("input[name='" + name + "']:checked"), function (el) { return el.value; });
    }
    function seconds() {
      var version = (form.querySelector("[name='version']") || {}).value || "2.0";
      var short = (form.querySelector("[name='short']") || {}).checked;
      if (version === "1.0") { return short ? costs.v1.pulse : costs.v1.full; }
      if (short) { return costs.pulse; }
      var total = costs.core;
      var modules = checked("modules");
      modules.forEach(function (m) { total += costs.modules[m] || 0; });
      if (modules.indexOf("paradoxes") >= 0) {
        var chosen = checked("paradoxes");
        if (chosen.length) { total += costs.page; }
        chosen.forEach(function (p) { total += costs.paradoxes[p] || 0; });
      }
      return total;
    }
    function show() { out.textContent = Math.max(1, Math.floor((seconds() + 30) / 60)); }
    var phase = form.querySelector("[name='phase']");
    if (phase) {
      phase.addEventListener("change", function () {
        var wanted = costs.defaults[phase.value] || [];
        form.querySelectorAll("input[name='paradoxes']").forEach(function (el) { el.checked = wanted.indexOf(el.value) >= 0; });
        show();
      });
    }
    form.addEventListener("change", show);
    show();
  });
})();
