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
