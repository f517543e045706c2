// Benchmark page helper (inlined first into every bench page): mounts the
// widget under test on ?feed=… (a pre-rendered or `fragment` page holds its
// element already), and records
// - firstRow: the first animation frame with a row in the DOM (the frame
//   that will show it begins);
// - firstPaint: when that frame has done its style and layout, right
//   before its paint (a ResizeObserver's first callback). This is "first
//   title painted": under a 4× slower CPU the layout of a long CJK list is
//   most of the wait, and the frame's start alone leaves it out;
// - fcp, lcp: the browser's own paint timings (buffered), as a check;
// - feedEnd: when the feed's response ended (Resource Timing);
// - ready: when the widget answers input (its script ran: the wasm's widget
//   mounted, or the reference drew).
(function () {
  "use strict";
  // Typing as a reader does: words built up key by key, then cleared
  // (examples/bench.rs and bench/trace.mjs --typing type these).
  var KEYSTROKES = ["扬", "扬尘", "扬尘治", "扬尘治理", "", "石", "石佛", "石佛村", "", "安", "安全",
    "安全生", "安全生产", "安全生产 检", "安全生产 检查", "", "培", "培训", "职业", "职业技能", ""];
  // Types `queries` into the search box of the widget (or the reference),
  // one at a time, and calls `done([dom, paint, unchanged])`: for each
  // keystroke the time until the shadow DOM changed, and until the frame
  // after it was painted (what the reader sees: a timer queued from the
  // next animation frame runs once that frame is done). A keystroke whose
  // answer changes nothing (a second letter after a word with no match) is
  // counted, not timed: the widget leaves such a DOM alone, the reference
  // redraws it.
  function type(queries, done) {
    var root = document.getElementById("w").shadowRoot;
    var input = root.querySelector(".db-search-input");
    var dom = [], paint = [], i = 0, unchanged = 0;
    function step() {
      if (i >= queries.length) return done([dom, paint, unchanged]);
      var q = queries[i++], t0;
      var mo = new MutationObserver(function () {
        mo.disconnect();
        clearTimeout(to);
        dom.push(performance.now() - t0);
        requestAnimationFrame(function () {
          setTimeout(function () {
            paint.push(performance.now() - t0);
            setTimeout(step, 20);
          }, 0);
        });
      });
      mo.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
      // No change within 1.5 s: the answer left the DOM as it was (no
      // matches, then still none), nothing to paint.
      var to = setTimeout(function () {
        mo.disconnect();
        unchanged++;
        step();
      }, 1500);
      t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new InputEvent("input", { bubbles: true }));
    }
    step();
  }
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
  var bench = {
    kind: kind, feed: feed, firstRow: null, firstPaint: null, fcp: null, lcp: null, feedEnd: null, ready: null,
    keystrokes: KEYSTROKES, type: type,
  };
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
    // A ResizeObserver's first callback runs in this very frame, after its
    // style and layout, right before its paint: a task posted from here
    // would wait behind whatever the page queued meanwhile (parsing, the
    // loader), a later frame likewise.
    var laidOut = new ResizeObserver(function () {
      laidOut.disconnect();
      bench.firstPaint = performance.now();
    });
    laidOut.observe(row);
    firstSection = h.shadowRoot.querySelector(".db");
    var abs = new URL(feed, location.href).href;
    var entry = performance.getEntriesByType("resource").filter(function (e) {
      return e.name === abs;
    })[0];
    bench.feedEnd = entry ? entry.responseEnd : null;
    if (kind === "reference") bench.ready = bench.firstRow;
  }
  requestAnimationFrame(check);
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        if (e.name === "first-contentful-paint") bench.fcp = e.startTime;
      });
    }).observe({ type: "paint", buffered: true });
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        if (bench.lcp === null) bench.lcp = e.renderTime || e.startTime;
      });
    }).observe({ type: "largest-contentful-paint", buffered: true });
  } catch (e) {}
  // The wasm widget is live once its instance exists (it mounts in the same
  // task as the wasm's start, with its first answer or the page's snapshot).
  function live() {
    if (!window.DistrictBulletin) return requestAnimationFrame(live);
    DistrictBulletin.stats().then(function (s) {
      if (s.wasmMemoryBytes > 0) {
        var liveAt = performance.now();
        var poll = function () {
          var h = host();
          var r = h && h.shadowRoot;
          // On a pre-rendered page the widget is live once its own render
          // replaced the page's markup (at once on the snapshot, or with
          // the feed it fetched when the page carries none).
          var painted = kind === "widget" || kind === "reference";
          // (A page whose markup did not come (a `fragment` that fell
          // back) shows the widget's own first render: 2 s on, say so.)
          var fellBack = performance.now() - liveAt > 2000;
          if (fellBack) bench.fellBack = true;
          var mounted = painted || fellBack || (r && r.querySelector(".db") !== firstSection);
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
    if (kind !== "widget" && kind !== "reference") return; // the page holds the widget already
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
