// Benchmark page helper (inlined first into widget.html, reference.html and the
// pre-rendered pages): mounts the widget under test on ?feed=… (a
// pre-rendered page holds it already), and records when the first row is in
// the DOM at an animation frame (≈ first paint of an item), when the feed's
// response ended (from Resource Timing), and when the widget answers input
// (its script ran: the wasm's widget mounted, or the reference drew).
(function () {
  "use strict";
  var feed = new URLSearchParams(location.search).get("feed") || "/feeds/seed.json";
  // A first visit: no last good copy left by an earlier load (the widget
  // would show it at once). Return-visit pages keep theirs.
  if (!/-return\.html$/.test(location.pathname)) {
    try {
      Object.keys(localStorage).forEach(function (k) {
        if (k.indexOf("district-bulletin:") === 0) localStorage.removeItem(k);
      });
    } catch (e) {}
  }
  var kind = document.documentElement.getAttribute("data-kind");
  var bench = { kind: kind, feed: feed, firstRow: null, feedEnd: null, ready: null };
  Object.defineProperty(window, "__bench", { value: bench });

  function host() {
    return document.getElementById("w");
  }
  // The widget's markup when the first row showed: a pre-rendered page's
  // own, until the widget mounts and renders its own in its place.
  var firstSection = null;
  function check() {
    var h = host();
    var row = h && h.shadowRoot && h.shadowRoot.querySelector(".db-row");
    if (!row) return requestAnimationFrame(check);
    bench.firstRow = performance.now();
    firstSection = h.shadowRoot.querySelector(".db");
    var abs = new URL(feed, location.href).href;
    var entry = performance.getEntriesByType("resource").filter(function (e) {
      return e.name === abs;
    })[0];
    bench.feedEnd = entry ? entry.responseEnd : null;
    if (kind === "reference") bench.ready = bench.firstRow;
  }
  requestAnimationFrame(check);
  // The wasm widget is live once its instance exists (it mounts in the same
  // task as the wasm's start, with its first answer or the page's snapshot).
  function live() {
    if (!window.DistrictBulletin) return requestAnimationFrame(live);
    DistrictBulletin.stats().then(function (s) {
      if (s.wasmMemoryBytes > 0) {
        var poll = function () {
          var h = host();
          var r = h && h.shadowRoot;
          // On a pre-rendered page the widget is live once its own render
          // replaced the page's markup (at once on the snapshot, or with
          // the feed it fetched when the page carries none).
          var mounted = kind !== "prerendered" || (r && r.querySelector(".db") !== firstSection);
          if (r && r.querySelector(".db-row") && bench.firstRow !== null && mounted) {
            bench.ready = Math.max(performance.now(), bench.firstRow);
          } else requestAnimationFrame(poll);
        };
        poll();
      } else requestAnimationFrame(live);
    });
  }
  if (kind !== "reference") requestAnimationFrame(live);

  document.addEventListener("DOMContentLoaded", function () {
    if (kind === "prerendered") return; // the page holds the widget already
    if (kind === "widget") {
      var el = document.createElement("district-bulletin");
      el.id = "w";
      el.setAttribute("feed", feed);
      el.setAttribute("eager", "");
      document.body.appendChild(el);
    } else {
      var div = document.createElement("div");
      div.id = "w";
      document.body.appendChild(div);
      window.ReferenceBulletin.mount(div, feed);
    }
  });
})();
