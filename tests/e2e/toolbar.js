// A portal's 无障碍 toolbar, written the way they are: it listens on the
// document, reads aloud the text of what is under the pointer
// (event.target), and switches high contrast with a class on <body>.
(function () {
  "use strict";
  var toolbar = (window.__toolbar = { read: [] });
  document.addEventListener("mouseover", function (e) {
    var t = e.target;
    toolbar.read.push({ tag: t.tagName, id: t.id || "", text: (t.innerText || t.textContent || "").trim() });
  });
  toolbar.contrast = function (on) {
    document.body.classList.toggle("tb-contrast", on);
  };
})();
