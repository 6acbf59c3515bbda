// Small behaviours of the web app, in a static file: the Content-Security-Policy allows no inline script.
"use strict";

// "Other round" on the dashboard: each option's value is that round's address; go there.
document.addEventListener("submit", function (event) {
  var pick = event.target.querySelector("select#round-pick");
  if (pick && pick.value.charAt(0) === "/") {
    event.preventDefault();
    window.location.assign(pick.value);
  }
});

// Facilitator's participants table: "copy link" and "copy reminder text" buttons.
// data-copy-target names the element whose text is copied; data-copy-text holds the text itself.
function samenspelCopied(button) {
  var label = button.getAttribute("data-copied") || "Copied";
  var status = document.getElementById("copy-status");
  if (status) { status.textContent = label; }
  if (!button.hasAttribute("data-label")) { button.setAttribute("data-label", button.innerHTML); }
  button.textContent = "\u2713 " + label;
  button.classList.add("copied");
  window.setTimeout(function () {
    button.innerHTML = button.getAttribute("data-label");
    button.classList.remove("copied");
  }, 2000);
}

function samenspelCopyFallback(text) {
  // Without the Clipboard API (plain http on another host): a hidden text area and the copy command.
  var area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.top = "-1000px";
  document.body.appendChild(area);
  area.select();
  var ok = false;
  try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
  document.body.removeChild(area);
  return ok;
}

document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("button[data-copy-target], button[data-copy-text]") : null;
  if (!button) { return; }
  event.preventDefault();
  var text = button.getAttribute("data-copy-text");
  if (text === null) {
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    text = source ? source.textContent.trim() : "";
  }
  if (!text) { return; }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(function () { samenspelCopied(button); }, function () {
      if (samenspelCopyFallback(text)) { samenspelCopied(button); }
    });
  } else if (samenspelCopyFallback(text)) {
    samenspelCopied(button);
  }
});

// Dashboard: the print view's "print" button, and every folded detail unfolded on paper (then folded back).
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("button[data-print]") : null;
  if (button) { event.preventDefault(); window.print(); }
});
var samenspelFolded = [];
window.addEventListener("beforeprint", function () {
  samenspelFolded = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
    d.setAttribute("open", ""); return true;
  });
});
window.addEventListener("afterprint", function () {
  samenspelFolded.forEach(function (d) { d.removeAttribute("open"); });
  samenspelFolded = [];
});
