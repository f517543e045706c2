// Benchmark page helper (loaded first by widget.html and reference.html):
// mounts the widget under test on ?feed=…, and records when the first row is
// in the DOM at an animation frame (≈ first paint of an item) and when the
// feed's response ended (from Resource Timing).
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
  var bench = { kind: kind, feed: feed, firstRow: null, feedEnd: null };
  Object.defineProperty(window, "__bench", { value: bench });

  function host() {
    return document.getElementById("w");
  }
  function check() {
    var h = host();
    var row = h && h.shadowRoot && h.shadowRoot.querySelector(".db-row");
    if (!row) return requestAnimationFrame(check);
    bench.firstRow = performance.now();
    var abs = new URL(feed, location.href).href;
    var entry = performance.getEntriesByType("resource").filter(function (e) {
      return e.name === abs;
    })[0];
    bench.feedEnd = entry ? entry.responseEnd : null;
  }
  requestAnimationFrame(check);

  document.addEventListener("DOMContentLoaded", function () {
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
