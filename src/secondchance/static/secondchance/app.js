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

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // The writing timer on Move On: shown only when scripts run.
  function setUpTimers() {
    document.querySelectorAll("[data-timer]").forEach(function (box) {
      var display = box.querySelector("[data-timer-display]");
      var button = box.querySelector("[data-timer-start]");
      var total = parseInt(box.dataset.minutes, 10) * 60;
      box.hidden = false;
      button.addEventListener("click", function () {
        var left = total;
        button.disabled = true;
        var tick = setInterval(function () {
          left -= 1;
          display.textContent = pad(Math.floor(left / 60)) + ":" + pad(left % 60);
          if (left <= 0) {
            clearInterval(tick);
            display.textContent = "Time's up. Finish your thought, then log the session below.";
            button.disabled = false;
          }
        }, 1000);
      });
    });
    // The urge page's one-minute pause.
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      var left = parseInt(el.dataset.countdown, 10);
      var tick = setInterval(function () {
        left -= 1;
        if (left % 15 === 0 || left <= 0) {
          el.textContent = left > 0 ? left + " seconds to go." : "The minute is up. How do you feel now?";
        }
        if (left <= 0) clearInterval(tick);
      }, 1000);
    });
  }

  // "Copy text": the app never sends a message; the person copies it and sends it themselves.
  // A draft the coach says not to send asks for a second thought before it is copied.
  function setUpCopy() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      var source = document.querySelector(button.dataset.copy);
      var note = document.getElementById(button.getAttribute("aria-describedby") || "");
      if (!source || !navigator.clipboard) return;
      button.hidden = false;
      var label = button.textContent;
      source.addEventListener("input", function () {
        button.textContent = label;
        delete button.dataset.asked;
        if (note) note.textContent = "";
      });
      button.addEventListener("click", function () {
        var report = document.querySelector("#coach-report[data-verdict]");
        var blocked = report && report.dataset.verdict === "dont_send";
        if (blocked && !button.dataset.asked) {
          button.dataset.asked = "yes";
          button.textContent = "Copy anyway";
          if (note) note.textContent = "The coach thinks this one shouldn't be sent. Keep it as a draft and read it again tomorrow, or talk to someone first. If you still want it, press \u201cCopy anyway\u201d.";
          return;
        }
        navigator.clipboard.writeText(source.value).then(function () {
          button.textContent = "Copied";
          if (note) note.textContent = "";
        });
      });
    });
  }

  // After htmx swaps part of the page, focus stays where it was if it can; if the focused
  // element was replaced, move focus to the error summary or the main part, not the page's top.
  document.addEventListener("htmx:afterSettle", function () {
    var main = document.getElementById("main");
    if (!main || (document.activeElement && document.activeElement !== document.body)) return;
    var errors = main.querySelector("[data-autofocus]");
    (errors || main).focus();
  });

  // Installable, with Safety and the urge tool offline. Signed out, the kept pages are forgotten.
  function setUpServiceWorker() {
    if (!("serviceWorker" in navigator) || !document.body.dataset.serviceWorker) return;
    navigator.serviceWorker.register(document.body.dataset.serviceWorker, { scope: "/" }).then(function (registration) {
      var signedOut = document.body.dataset.signedIn === "no" && location.pathname.indexOf("/safety/") !== 0;
      if (signedOut && registration.active) registration.active.postMessage("forget-pages");
    }).catch(function () { /* the app works without it */ });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpServiceWorker();
    setUpCopy();
    setUpTimers();
    setUpQuickExit();
    guessTimeZone();
    focusErrors();
  });
})();
