// Meeting mode (steering): show one step at a time and move with the keyboard.
// A static file because the Content-Security-Policy allows no inline script.
"use strict";

(function () {
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slides .slide"));
  if (!slides.length) { return; }
  document.documentElement.classList.add("js-meeting");
  var links = Array.prototype.slice.call(document.querySelectorAll(".meeting-steps a[data-step]"));

  function indexOfHash() {
    var i = slides.findIndex(function (s) { return "#" + s.id === window.location.hash; });
    return i < 0 ? 0 : i;
  }

  function show(i, focus) {
    i = Math.max(0, Math.min(slides.length - 1, i));
    slides.forEach(function (s, k) { s.classList.toggle("current", k === i); });
    links.forEach(function (a, k) {
      if (k === i) { a.setAttribute("aria-current", "step"); } else { a.removeAttribute("aria-current"); }
    });
    if (window.location.hash !== "#" + slides[i].id) {
      history.replaceState(null, "", "#" + slides[i].id);
    }
    if (focus) {
      var heading = slides[i].querySelector("h1");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus({ preventScroll: true }); }
    }
    window.scrollTo(0, 0);
    current = i;
  }

  var current = indexOfHash();
  show(current, false);

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    var next = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 }[event.key];
    if (next) {
      event.preventDefault();
      show(current + next, true);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      show(event.key === "Home" ? 0 : slides.length - 1, true);
    }
  });

  document.addEventListener("click", function (event) {
    var go = event.target.closest("[data-go]");
    if (go) { show(current + (go.getAttribute("data-go") === "next" ? 1 : -1), true); return; }
    var link = event.target.closest(".meeting-steps a[data-step]");
    if (link) { event.preventDefault(); show(Number(link.getAttribute("data-step")) - 1, true); return; }
    if (event.target.closest("[data-fullscreen]")) {
      if (document.fullscreenElement) { document.exitFullscreen(); }
      else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen(); }
    }
  });

  // a step's address (#step-2) makes the browser scroll its slide under the bar; start each step at the top
  window.addEventListener("load", function () { window.scrollTo(0, 0); });
  window.addEventListener("hashchange", function () { show(indexOfHash(), false); });
  window.addEventListener("beforeprint", function () { document.documentElement.classList.remove("js-meeting"); });
  window.addEventListener("afterprint", function () { document.documentElement.classList.add("js-meeting"); });
}());
