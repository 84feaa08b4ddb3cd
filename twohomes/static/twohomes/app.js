// TwoHomes: the few behaviours a page needs beyond HTML. No inline scripts (CSP).
(function () {
  "use strict";
  var exitLink = document.getElementById("quick-exit");

  function quickExit(event) {
    if (event) { event.preventDefault(); }
    // Sign out as the page goes: pages left in the history then show only the sign-in
    // page. replace() takes this page itself out of the history.
    if (exitLink && exitLink.dataset.signOut && navigator.sendBeacon) {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", exitLink.dataset.token);
      navigator.sendBeacon(exitLink.dataset.signOut, data);
    }
    document.body.innerHTML = "";
    document.title = "";
    window.location.replace(exitLink ? exitLink.href : "https://www.bbc.com/weather");
  }

  if (exitLink) { exitLink.addEventListener("click", quickExit); }

  // A new family starts in the browser's own time zone, unless the parent already chose one
  // (a value other than the one the page came with, as after Back) or the zone is not offered.
  var zoneField = document.querySelector("select[data-browser-timezone]");
  var browserZone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zoneField && browserZone) {
    var offered = Array.prototype.some.call(zoneField.options, function (option) {
      return option.value === browserZone;
    });
    var chosen = zoneField.selectedOptions;
    var untouched = chosen.length === 1 && chosen[0].defaultSelected;
    if (offered && untouched) { zoneField.value = browserZone; }
  }

  // A form's one-time key (name="once") must survive Back: Chromium restores a field's value
  // on Back only when it differs from the one in the HTML, so the key becomes the field's
  // own value. Back then Send sends the first key, and the server answers "already sent".
  function pinKey(field) {
    if (field.value !== field.defaultValue) { return; }  // restored by Back: keep it
    var key = field.value;
    field.value = key;
    field.defaultValue = "";
  }
  function freshKey() {
    var bytes = new Uint8Array(24);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[data-once]"), pinKey);

  // After a message is sent with HTMX, empty the composer for the next one, with a new key.
  document.body.addEventListener("twohomes:sent", function () {
    var composer = document.getElementById("composer");
    if (composer) { composer.reset(); }
    var key = composer && composer.querySelector("input[data-once]");
    if (key) { key.value = freshKey(); }
    var errors = document.getElementById("composer-errors");
    if (errors) { errors.innerHTML = ""; }
    var body = document.getElementById("id_body");
    if (body) { clearTone(body); }
  });

  // A tone check answered after its field was emptied (the message was sent meanwhile)
  // would show the sent words again: it is dropped.
  // A field emptied (by the person, or by sending) shows no panel at all.
  function clearTone(field) {
    [field.id + "-tone", field.id + "-tone-status"].forEach(function (id) {
      var region = document.getElementById(id);
      if (region) { region.innerHTML = ""; }
    });
    var label = document.getElementById("composer-send-label");
    if (label && label.dataset.words && field.id === "id_body") {
      label.textContent = label.dataset.words;
    }
  }
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var field = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (field && field.hasAttribute && field.hasAttribute("data-tone") && !field.value.trim()) {
      event.detail.shouldSwap = false;
      clearTone(field);
    }
  });
  // Sending the composer cancels a check still on its way for the words being sent.
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt;
    if (form && form.id === "composer" && window.htmx) {
      var field = form.querySelector("[data-tone]");
      if (field) { window.htmx.trigger(field, "htmx:abort"); }
    }
  });
  // The short status line screen readers hear changes only when what it says changes.
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var panel = event.detail.target;
    if (!panel || !panel.classList || !panel.classList.contains("tone-panel")) { return; }
    var said = panel.querySelector("[data-tone-status]");
    var status = document.getElementById(panel.id + "-status");
    var words = said ? said.textContent : "";
    if (status && status.textContent !== words) { status.textContent = words; }
  });

  // Tone help: a fix button puts the fixed draft in its field, then the field is checked
  // again (the check itself is an HTMX request the field sends while it is typed in).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.tone-fix");
    if (!button) { return; }
    var field = document.getElementById(button.dataset.toneFor);
    if (!field) { return; }
    field.value = button.dataset.toneText;
    field.focus();
    if (window.htmx) { window.htmx.trigger(field, "tone-check"); }
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
    if (form.hasAttribute("data-download")) { unlockWhenDownloaded(form); }
  });
  // A download (the record export) shows no new page, so pageshow never comes: the form
  // sends a fresh key, the file's answer sets a cookie holding it, and the form unlocks
  // as soon as that cookie is there. A second download then needs no wait.
  function unlockWhenDownloaded(form) {
    var field = form.querySelector("input[name=download]");
    if (!field) {
      field = document.createElement("input");
      field.type = "hidden";
      field.name = "download";
      form.appendChild(field);
    }
    var key = freshKey();
    field.value = key;
    var started = Date.now();
    var timer = window.setInterval(function () {
      var arrived = document.cookie.split("; ").indexOf("twohomes_download=" + key) !== -1;
      if (arrived) { unlock(form); }
      if (arrived || Date.now() - started > 15000) { window.clearInterval(timer); }
    }, 150);
  }
  function unlock(form) {
    delete form.dataset.sending;
    form.removeAttribute("aria-busy");
  }
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-sending]"), unlock);
  });

  // A day's explanation in the calendar: one open at a time, closed when focus leaves it
  // (it covers the days below) or with Esc.
  function openDetails() {
    return Array.prototype.slice.call(
      document.querySelectorAll(
        "details.day-detail[open], details.inline-details[open], details.nav-more[open]"));
  }
  document.addEventListener("toggle", function (event) {
    var opened = event.target;
    if (!(opened instanceof HTMLDetailsElement) || !opened.open) { return; }
    openDetails().forEach(function (other) { if (other !== opened) { other.open = false; } });
  }, true);
  document.addEventListener("focusin", function (event) {
    openDetails().forEach(function (open) {
      if ((open.classList.contains("day-detail") || open.classList.contains("nav-more")) &&
          !open.contains(event.target)) {
        open.open = false;
      }
    });
  });

  // The menu's "More" closes when a tap lands anywhere else.
  document.addEventListener("click", function (event) {
    Array.prototype.forEach.call(document.querySelectorAll("details.nav-more[open]"),
      function (more) { if (!more.contains(event.target)) { more.open = false; } });
  });

  // Escape twice within a second also leaves, for a keyboard or a panic. An Esc that closes
  // an open explanation does only that.
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var open = openDetails();
    if (open.length) {
      open.forEach(function (details) { details.open = false; });
      open[0].querySelector("summary").focus();
      lastEscape = 0;
      return;
    }
    var now = Date.now();
    if (now - lastEscape < 1000) { quickExit(event); }
    lastEscape = now;
  });

  // A Copy button (the feed address): to the clipboard where the browser allows it,
  // otherwise the text is selected for the person to copy. A live region says which.
  function say(status, text) {
    if (!status) { return; }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 30);  // re-announced
  }
  // The words come from the page (data-copied, data-selected), in the reader's language.
  function selectAndCopy(field, status, button) {
    field.focus();
    field.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    say(status, copied ? button.dataset.copied : button.dataset.selected);
  }
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest("button[data-copy]");
    if (!button) { return; }
    var field = document.getElementById(button.dataset.copy);
    var status = document.getElementById(button.dataset.copyStatus);
    if (!field) { return; }
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      // A clipboard that neither succeeds nor fails within a second (a busy or unfocused
      // browser) is not waited for: the address is selected instead, so the button always
      // answers.
      var settled = false;
      var settle = function (copied) {
        if (settled) { return; }
        settled = true;
        window.clearTimeout(timer);
        if (copied) { say(status, button.dataset.copied); } else { selectAndCopy(field, status, button); }
      };
      var timer = window.setTimeout(function () { settle(false); }, 1000);
      navigator.clipboard.writeText(field.value).then(
        function () { settle(true); }, function () { settle(false); });
    } else {
      selectAndCopy(field, status, button);
    }
  });
})();
