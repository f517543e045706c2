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
  Object.defineProperty(window, "__e2e", { value: log });
})();
