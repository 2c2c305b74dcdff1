// Second Chance: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Quick exit: leave at once and replace this page in the history, so Back
  // does not return here. Escape pressed twice within a second does the same.
  function quickExit(url) {
    document.body.hidden = true;
    window.location.replace(url);
  }

  function setUpQuickExit() {
    var link = document.querySelector("[data-quick-exit]");
    if (!link) return;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      quickExit(link.href);
    });
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var now = Date.now();
      if (now - lastEscape < 1000) quickExit(link.href);
      lastEscape = now;
    });
  }

  // Fill the time zone from the browser when the field still shows the default.
  function guessTimeZone() {
    var select = document.getElementById("id_time_zone");
    if (!select || select.value !== "UTC" || !window.Intl) return;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && select.querySelector('option[value="' + zone + '"]')) select.value = zone;
  }

  // Move focus to an error summary so screen readers announce it.
  function focusErrors() {
    var summary = document.querySelector("[data-autofocus]");
    if (summary) summary.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpQuickExit();
    guessTimeZone();
    focusErrors();
  });
})();
