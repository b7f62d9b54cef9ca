// Filter the event lists by cause from the legend; mark the page ready.
(function () {
  "use strict";
  var active = null;
  var buttons = document.querySelectorAll(".cause-filter");
  var note = document.getElementById("filter-note");
  function apply() {
    document.querySelectorAll(".event").forEach(function (ev) {
      ev.classList.toggle("hidden", active !== null && ev.getAttribute("data-cause") !== active);
    });
    buttons.forEach(function (b) { b.classList.toggle("on", b.getAttribute("data-cause") === active); });
    if (note) { note.textContent = active ? "(cause: " + active + ")" : ""; }
  }
  buttons.forEach(function (b) {
    b.addEventListener("click", function () {
      var c = b.getAttribute("data-cause");
      active = active === c ? null : c;
      apply();
    });
  });
  apply();
  document.body.setAttribute("data-ready", "ok");
  document.body.setAttribute("data-events", String(document.querySelectorAll("#all .event").length));
})();
