// Second Chance's service worker: the Safety page, the safety plan and the urge tool open
// even without a connection. Only those pages are kept, as last seen, and static files;
// signing out removes the kept pages (app.js asks for it).
"use strict";

var PAGES = "pages-v1";
var STATIC = "static-v1";
var KEPT_PAGES = ["/safety/", "/safety/plan/print/", "/urge/"];

var OFFLINE_PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  "<title>Offline</title><main style=\"font-family:system-ui;max-width:36rem;margin:2rem auto;padding:0 1rem\">" +
  "<h1>You're offline</h1><p>This page needs a connection. The Safety page and the urge tool work offline " +
  "once you've opened them here before.</p><p>In an emergency, call your local emergency number.</p></main></html>";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("message", function (event) {
  if (event.data === "forget-pages") {
    event.waitUntil(caches.delete(PAGES));
  }
});

function keptPage(url) {
  return url.origin === self.location.origin && KEPT_PAGES.indexOf(url.pathname) !== -1;
}

function networkFirst(request) {
  return fetch(request).then(function (response) {
    if (response.ok && !response.redirected) {
      var copy = response.clone();
      caches.open(PAGES).then(function (cache) { cache.put(request.url, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request.url, { cacheName: PAGES }).then(function (kept) {
      return kept || new Response(OFFLINE_PAGE, { headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
  });
}

function staticFile(request) {
  return caches.open(STATIC).then(function (cache) {
    return cache.match(request).then(function (kept) {
      var fresh = fetch(request).then(function (response) {
        if (response.ok) cache.put(request, response.clone());
        return response;
      });
      return kept || fresh;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (request.mode === "navigate" && keptPage(url)) {
    event.respondWith(networkFirst(request));
  } else if (url.origin === self.location.origin && url.pathname.indexOf("/static/") === 0) {
    event.respondWith(staticFile(request));
  } else if (request.mode === "navigate" && url.origin === self.location.origin) {
    event.respondWith(fetch(request).catch(function () {
      return new Response(OFFLINE_PAGE, { headers: { "Content-Type": "text/html; charset=utf-8" } });
    }));
  }
});
