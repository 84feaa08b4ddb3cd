// TwoHomes: the few behaviours a page needs beyond HTML. No inline scripts (CSP).
(function () {
  "use strict";
  var exitLink = document.getElementById("quick-exit");

  function quickExit(event) {
    if (event) { event.preventDefault(); }
    document.body.innerHTML = "";
    document.title = "";
    // replace(): the back button does not come back to TwoHomes.
    window.location.replace(exitLink ? exitLink.href : "https://www.bbc.com/weather");
  }

  if (exitLink) { exitLink.addEventListener("click", quickExit); }

  // After a message is sent with HTMX, empty the composer for the next one.
  document.body.addEventListener("twohomes:sent", function () {
    var composer = document.getElementById("composer");
    if (composer) { composer.reset(); }
    var errors = document.getElementById("composer-errors");
    if (errors) { errors.innerHTML = ""; }
  });

  // A second press while a form is being sent (a slow phone network) does not send it again.
  // HTMX forms are left to HTMX; a form unlocks when the page is shown again or after 15 s.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.hasAttribute("hx-post") ||
        form.method.toLowerCase() !== "post" || event.defaultPrevented) { return; }
    if (form.dataset.sending === "1") { event.preventDefault(); return; }
    form.dataset.sending = "1";
    form.setAttribute("aria-busy", "true");
    window.setTimeout(function () { unlock(form); }, 15000);
  });
  function unlock(form) {
    delete form.dataset.sending;
    form.removeAttribute("aria-busy");
  }
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-sending]"), unlock);
  });

  // Escape twice within a second also leaves, for a keyboard or a panic.
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    if (now - lastEscape < 1000) { quickExit(event); }
    lastEscape = now;
  });
})();
