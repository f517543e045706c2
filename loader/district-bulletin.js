/*! district-bulletin @VERSION@ — a district news widget (Rust + Yew, WebAssembly).
 *
 * The loader: one classic script for webmasters. It finds the wasm next to
 * its own URL, defines <district-bulletin>, picks up
 * <div data-district-bulletin> (now and when added later), gives each
 * instance its own shadow root and stylesheet, draws a placeholder at once,
 * and starts an instance when it nears the viewport. The wasm is fetched
 * (with its SHA-384 checked) and instantiated once per page. No eval, no
 * inline styles, and one global: window.DistrictBulletin.
 *
 * This file is a template: scripts/bundle-loader.mjs fills in the
 * wasm-bindgen glue, the stylesheet, the wasm's hash and CONTRACT, the
 * contract with the widget written in Rust (src/contract.rs): attribute
 * names, the boolean rule, the request options, the language table, the
 * classes and the placeholder's markup as the widget's own components
 * render it. Nothing of that is listed here by hand.
 */
(function () {
  "use strict";
  if (window.DistrictBulletin) return; // the script was included twice

  var VERSION = "@VERSION@";
  var WASM_FILE = "@WASM_FILE@";
  var WASM_INTEGRITY = "@WASM_INTEGRITY@";
  var CSS = "@CSS@";
  // The same rules for a widget in the page's own DOM (`no-shadow`).
  var LIGHT_CSS = "@LIGHT_CSS@";
  var CONTRACT = "@CONTRACT@";
  var ATTRIBUTES = CONTRACT.attributes;

  // The bundle's own location, not the host page's: the wasm sits beside it.
  var me = document.currentScript;
  var BASE = (me && me.src) || document.baseURI;

  /*@GLUE@*/

  var sheet = null;
  function stylesheet() {
    // One constructable stylesheet shared by every shadow root: no <style>
    // element, so a CSP without 'unsafe-inline' for styles is fine.
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    return sheet;
  }
  var lightSheet = null;
  function adoptLightStyles() {
    // The page's own document adopts it, once (still no <style> element).
    if (!lightSheet) {
      lightSheet = new CSSStyleSheet();
      lightSheet.replaceSync(LIGHT_CSS);
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([lightSheet]);
    }
  }

  var wasmReady = null;
  var wasmLoaded = false;
  // Feeds of widgets that start before the wasm is ready: fetched now, in
  // parallel with it (the very request the widget would make), and handed
  // over once it is (src/net/early.rs), so the feed does not wait for the wasm.
  var early = [];
  // A pre-rendered page carries the feed: the widget decides whether it is
  // fresh, and asks for the feed itself only when it is not.
  function carriesFeed(host) {
    var s = host.querySelector("script." + CONTRACT.snapshot.class);
    return !!s && s.getAttribute(CONTRACT.snapshot.version) === VERSION;
  }
  function prefetch(host) {
    if (wasmLoaded || carriesFeed(host)) return;
    var feeds = (attr(host, "feed") || "").trim().split(/\s+/);
    for (var i = 0; i < feeds.length && i < CONTRACT.maxFeeds; i++) {
      var abs;
      try {
        abs = new URL(feeds[i], document.baseURI).href;
      } catch (e) {
        continue;
      }
      if (!/^https?:/i.test(abs) || early.some(function (e) { return e[0] === abs; })) continue;
      var abort = new AbortController();
      var response = fetch(abs, {
        cache: CONTRACT.request.cache,
        credentials: CONTRACT.request.credentials,
        signal: abort.signal
      });
      var entry = [abs, response, abort, false];
      // Whether a good answer is in by the time the wasm is: then a last
      // good copy is not worth showing first. (A failing one is retried,
      // which takes seconds: the copy is shown meanwhile.)
      response.then(
        function (r) {
          entry[3] = r.ok;
        },
        function () {} // the widget reports failures, not the console
      );
      early.push(entry);
    }
  }
  function loadWasm() {
    if (!wasmReady) {
      var url = new URL(WASM_FILE, BASE).href;
      var init = { credentials: "same-origin" };
      if (WASM_INTEGRITY.indexOf("sha") === 0) init.integrity = WASM_INTEGRITY;
      wasmReady = wasm_bindgen({ module_or_path: fetch(url, init) }).then(function () {
        wasmLoaded = true;
        early.forEach(function (e) {
          wasm_bindgen.offerFeed(e[0], e[1], e[2], e[3]);
        });
        early = [];
        return wasm_bindgen;
      });
    }
    return wasmReady;
  }

  function isElement(host) {
    return host.localName === CONTRACT.element;
  }
  function attr(host, name) {
    return host.getAttribute(isElement(host) ? name : CONTRACT.prefix + name);
  }
  function flag(host, name) {
    var v = attr(host, name);
    return v !== null && CONTRACT.falseWords.indexOf(v.trim().toLowerCase()) < 0;
  }
  // The interface language as far as it is known before the feed: the
  // `lang` attribute, else the page's, by the widget's own table.
  function language(host) {
    var tags = [attr(host, "lang"), ((host.closest("[lang]") || document.documentElement).getAttribute("lang"))];
    for (var i = 0; i < tags.length; i++) {
      var primary = (tags[i] || "").trim().split(/[-_]/)[0].toLowerCase();
      if (CONTRACT.langs.hasOwnProperty(primary)) return CONTRACT.langs[primary];
    }
    return CONTRACT.defaultLang;
  }
  function remembered(key) {
    try {
      return localStorage.getItem(key);
    } catch (e) {
      return null; // storage disabled
    }
  }
  // Markup from the contract ([tag, {attributes}, child, …]), built node by
  // node: no HTML is parsed in the page.
  function build(node, heading) {
    if (typeof node === "string") return document.createTextNode(node === CONTRACT.headingSlot ? heading : node);
    var e = document.createElement(node[0]);
    for (var name in node[1]) e.setAttribute(name, node[1][name]);
    for (var i = 2; i < node.length; i++) e.appendChild(build(node[i], heading));
    return e;
  }

  // The widget's own loading state, as its components render it, so nothing
  // moves when the wasm takes over.
  function placeholder(host) {
    var variant = (flag(host, "no-header") ? "bare" : "header") + (flag(host, "elder") || remembered(CONTRACT.elderKey) === "1" ? "-elder" : "");
    var section = build(CONTRACT.placeholder[language(host)][variant], (attr(host, "heading") || "").trim() || "\u00a0");
    var theme = CONTRACT.themes[(attr(host, "theme") || "").trim().toLowerCase()];
    if (theme) section.classList.add(theme);
    if (flag(host, "compact")) section.classList.add(CONTRACT.compactClass);
    // The reader's text size, else the attribute's (the widget's own rule).
    var size = CONTRACT.textSizes[(remembered(CONTRACT.textSizeKey) || attr(host, "text-size") || "").trim().toLowerCase()];
    if (size) section.classList.add(size);
    return section;
  }

  function failure(host, error) {
    if (window.console) console.error("[district-bulletin] could not load " + WASM_FILE + ":", error);
    return build(CONTRACT.failure[language(host)], "");
  }

  /** One widget on one host element. */
  function Instance(host) {
    this.host = host;
    this.widget = null;
    this.started = false;
    this.observer = null;
    if (flag(host, "no-shadow")) return this.light();
    // A pre-rendered page's shadow root (declarative, parsed with the page)
    // holds the widget's markup already: it stays on screen until the widget
    // takes it over.
    var root = host.shadowRoot;
    var rendered = root && root.querySelector("." + CONTRACT.container);
    if (!root) root = host.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [stylesheet()];
    if (rendered) {
      this.container = rendered;
      // Its inline <style> is the adopted sheet's text: one is enough.
      root.querySelectorAll("style, link[rel=stylesheet]").forEach(function (s) {
        s.remove();
      });
    } else {
      this.container = document.createElement("div");
      this.container.className = CONTRACT.container;
      // A pre-rendered page without its shadow root (a CMS that strips
      // <template>) still has its plain list: shown until the widget mounts.
      var plain = host.querySelector("." + CONTRACT.staticClass);
      this.container.appendChild(plain ? document.createElement("slot") : placeholder(host));
      root.replaceChildren(this.container);
    }
    this.watch();
  }
  // `no-shadow`: the widget in the page's own DOM, where the portal's
  // 无障碍 toolbar (read on hover, contrast, zoom) reaches its text, and the
  // page's CSS reaches it too (README: Isolation).
  Instance.prototype.light = function () {
    var host = this.host;
    adoptLightStyles();
    host.setAttribute(CONTRACT.lightAttr, "");
    var rendered = host.querySelector(":scope > ." + CONTRACT.container);
    if (rendered) {
      this.container = rendered;
      // A pre-rendered page's inline <style>: the adopted sheet is the same.
      host.querySelectorAll(":scope > style, :scope > link[rel=stylesheet]").forEach(function (s) {
        s.remove();
      });
    } else {
      this.container = document.createElement("div");
      this.container.className = CONTRACT.container;
      this.container.appendChild(placeholder(host));
      host.replaceChildren(this.container);
    }
    this.watch();
  };
  Instance.prototype.watch = function () {
    var self = this;
    if (flag(this.host, "eager") || !("IntersectionObserver" in window)) return this.start();
    // Start only near the viewport: a widget far down the page costs nothing until scrolled to.
    this.observer = new IntersectionObserver(
      function (entries) {
        for (var i = 0; i < entries.length; i++) if (entries[i].isIntersecting) return self.start();
      },
      { rootMargin: "300px" }
    );
    this.observer.observe(this.host);
  };
  Instance.prototype.start = function () {
    var self = this;
    if (this.started) return;
    this.started = true;
    if (this.observer) this.observer.disconnect();
    prefetch(this.host);
    loadWasm().then(
      function (wasm) {
        if (self.destroyed) return;
        // The placeholder stays until the widget mounts (it clears it then).
        self.widget = new wasm.Widget(self.host, self.container);
      },
      function (error) {
        if (!self.destroyed) self.container.replaceChildren(failure(self.host, error));
      }
    );
  };
  Instance.prototype.update = function () {
    if (this.widget) this.widget.update(this.host);
  };
  Instance.prototype.destroy = function () {
    this.destroyed = true;
    if (this.observer) this.observer.disconnect();
    if (this.widget) {
      this.widget.destroy();
      this.widget.free();
      this.widget = null;
    }
    this.container.replaceChildren();
    if (this.container.parentNode === this.host) this.host.removeChild(this.container);
  };

  var instances = new Map(); // host element → Instance

  // While the page is still being parsed, a host may be connected before its
  // content is: a pre-rendered page's declarative shadow root comes with
  // that content, and a shadow root attached earlier would shut it out. So
  // a host is taken on once something follows it in the document (its
  // content is then parsed), or at DOMContentLoaded.
  function parsed(host) {
    if (document.readyState !== "loading") return true;
    for (var n = host; n && n !== document; n = n.parentNode) if (n.nextSibling) return true;
    return false;
  }
  var waiting = null;
  function waitParsed(host) {
    if (!waiting) {
      waiting = [];
      var retry = function () {
        // (DOMContentLoaded, or a last mutation, after every host was taken.)
        if (!waiting) return;
        var hosts = waiting;
        waiting = hosts.filter(function (h) {
          return !parsed(h);
        });
        hosts.forEach(function (h) {
          if (waiting.indexOf(h) < 0) attach(h);
        });
        if (!waiting.length) {
          watcher.disconnect();
          document.removeEventListener("DOMContentLoaded", retry);
          waiting = null;
        }
      };
      var watcher = new MutationObserver(retry);
      watcher.observe(document.documentElement, { childList: true, subtree: true });
      document.addEventListener("DOMContentLoaded", retry);
    }
    if (waiting.indexOf(host) < 0) waiting.push(host);
  }
  function attach(host) {
    if (!instances.has(host) && host.isConnected) {
      if (!parsed(host)) {
        waitParsed(host);
        return undefined;
      }
      instances.set(host, new Instance(host));
    }
    return instances.get(host);
  }
  function detach(host) {
    var inst = instances.get(host);
    if (inst) {
      instances.delete(host);
      inst.destroy();
    }
  }

  // <district-bulletin feed="…">
  if (window.customElements && !customElements.get(CONTRACT.element)) {
    customElements.define(
      CONTRACT.element,
      class extends HTMLElement {
        static get observedAttributes() {
          return ATTRIBUTES;
        }
        connectedCallback() {
          attach(this);
        }
        disconnectedCallback() {
          detach(this);
        }
        attributeChangedCallback(name, before, after) {
          var inst = instances.get(this);
          if (inst && before !== after) inst.update();
        }
      }
    );
  }

  // <div data-district-bulletin data-feed="…">, including ones added later,
  // changed, or removed.
  var SELECTOR = "[" + CONTRACT.marker + "]";
  function scan(root) {
    if (root.matches && root.matches(SELECTOR)) attach(root);
    if (root.querySelectorAll) root.querySelectorAll(SELECTOR).forEach(attach);
  }
  function watchDocument() {
    scan(document);
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        var r = records[i];
        if (r.type === "attributes") {
          var inst = instances.get(r.target);
          if (inst && !isElement(r.target)) inst.update();
          else if (r.attributeName === CONTRACT.marker) scan(r.target);
        } else {
          r.addedNodes.forEach(function (n) {
            if (n.nodeType === 1) scan(n);
          });
        }
      }
      // A host taken out of the page is torn down.
      instances.forEach(function (inst, host) {
        if (!host.isConnected && !isElement(host)) detach(host);
      });
    }).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: [CONTRACT.marker].concat(
        ATTRIBUTES.map(function (a) {
          return CONTRACT.prefix + a;
        })
      )
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchDocument);
  else watchDocument();

  /** The one global: for single-page apps that create widgets themselves. */
  window.DistrictBulletin = Object.freeze({
    version: VERSION,
    /**
     * Shows a widget in `element` (any element that can have a shadow root,
     * e.g. a <div>). `options` keys are the attribute names (README's
     * Attributes table), as written or in camelCase (pageSize). Calling it
     * again updates the options.
     */
    mount: function (element, options) {
      options = options || {};
      Object.keys(options).forEach(function (key) {
        var name = key.replace(/[A-Z]/g, function (c) {
          return "-" + c.toLowerCase();
        });
        var value = options[key];
        var full = isElement(element) ? name : CONTRACT.prefix + name;
        if (value === false || value === null || value === undefined) element.removeAttribute(full);
        else element.setAttribute(full, value === true ? "" : String(value));
      });
      if (!isElement(element)) element.setAttribute(CONTRACT.marker, "");
      var inst = attach(element);
      if (inst) inst.update();
      return inst ? true : false;
    },
    /** Removes the widget from `element`. */
    unmount: function (element) {
      detach(element);
    },
    /** Diagnostics: a promise of { instances, wasmMemoryBytes } (0 before the wasm is loaded). */
    stats: function () {
      var n = instances.size;
      return (wasmReady || Promise.resolve(null)).then(function (wasm) {
        return { instances: n, wasmMemoryBytes: wasm ? wasm.memoryBytes() : 0 };
      });
    }
  });
})();
