// Test harness for the end-to-end test, loaded before the bundle: records
// CSP violations, errors and console.error calls, the globals and the light
// DOM as they were, so the test can check that the widget changed none of it.
(function () {
  "use strict";
  var log = {
    violations: [],
    errors: [],
    globals: Object.getOwnPropertyNames(window),
    head: null,
    body: null
  };
  document.addEventListener("securitypolicyviolation", function (e) {
    log.violations.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sourceFile || "") + ":" + e.lineNumber);
  });
  window.addEventListener("error", function (e) {
    log.errors.push("error: " + e.message);
  });
  window.addEventListener("unhandledrejection", function (e) {
    log.errors.push("unhandled rejection: " + e.reason);
  });
  var original = console.error;
  console.error = function () {
    log.errors.push("console.error: " + Array.prototype.map.call(arguments, String).join(" "));
    return original.apply(console, arguments);
  };
  document.addEventListener("DOMContentLoaded", function () {
    log.body = document.body.innerHTML;
    log.head = document.head.innerHTML;
  });
  // Layout shifts (the takeover of a pre-rendered page must cause none).
  log.shifts = [];
  if (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes.indexOf("layout-shift") >= 0) {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        if (e.hadRecentInput) return;
        log.shifts.push(e.value);
        (e.sources || []).forEach(function (src) {
          var n = src.node;
          var what = n ? (n.nodeName + (n.className ? "." + n.className : "")) : "?";
          var r = function (b) { return [Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)].join(","); };
          log.shiftSources = (log.shiftSources || []).concat(what + " " + r(src.previousRect) + " → " + r(src.currentRect) + " @" + Math.round(e.startTime));
        });
      });
    }).observe({ type: "layout-shift", buffered: true });
  }
  Object.defineProperty(window, "__e2e", { value: log });
})();
