/*! district-bulletin @VERSION@ — a district news widget (Rust + Yew, WebAssembly).
 *
 * The loader: one classic script for webmasters. It finds the wasm next to
 * its own URL, defines <district-bulletin>, picks up
 * <div data-district-bulletin> (now and when added later), gives each
 * instance its own shadow root and stylesheet, paints at once (the first
 * screen the widget kept from the last page view, else a placeholder), and
 * starts an instance when it nears the viewport. The wasm is fetched (with
 * its SHA-384 checked) and instantiated once per page. No eval, no inline
 * styles, and one global: window.DistrictBulletin.
 *
 * This file is a template: scripts/bundle-loader.mjs fills in the
 * wasm-bindgen glue, the stylesheet, the wasm's hash and CONTRACT, the
 * contract with the widget written in Rust (src/native/contract.rs): the
 * version, attribute names, the boolean rule, the request options, the
 * language table, the classes, the stored values' keys and the
 * placeholder's markup as the widget's own components render it. Nothing
 * of that is listed here by hand.
 */
(() => {
  "use strict";
  if (window.DistrictBulletin) return; // the script was included twice

  const WASM_FILE = "@WASM_FILE@";
  const WASM_INTEGRITY = "@WASM_INTEGRITY@";
  const CSS = "@CSS@";
  // The same rules for a widget in the page's own DOM (`no-shadow`).
  const LIGHT_CSS = "@LIGHT_CSS@";
  const CONTRACT = "@CONTRACT@";
  const { version: VERSION, attributes: ATTRIBUTES, screen: SCREEN, snapshot: SNAPSHOT } = CONTRACT;

  // The bundle's own location, not the host page's: the wasm sits beside it.
  const me = document.currentScript;
  const BASE = (me && me.src) || document.baseURI;

  /*@GLUE@*/

  // One constructable stylesheet shared by every shadow root: no <style>
  // element, so a CSP without 'unsafe-inline' for styles is fine.
  let sheet = null;
  const stylesheet = () => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    return sheet;
  };
  // The page's own document adopts the light rules, once (still no <style> element).
  let lightSheet = null;
  const adoptLightStyles = () => {
    if (!lightSheet) {
      lightSheet = new CSSStyleSheet();
      lightSheet.replaceSync(LIGHT_CSS);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, lightSheet];
    }
  };

  const isElement = (host) => host.localName === CONTRACT.element;
  const attr = (host, name) => host.getAttribute(isElement(host) ? name : CONTRACT.prefix + name);
  const flag = (host, name) => {
    const v = attr(host, name);
    return v !== null && !CONTRACT.falseWords.includes(v.trim().toLowerCase());
  };
  // The widget's feeds as it reads them: duplicates dropped, then at most
  // maxFeeds (the order of config::feed_list).
  const feedsOf = (host) =>
    [...new Set((attr(host, "feed") || "").split(/\s+/).filter(Boolean))].slice(0, CONTRACT.maxFeeds);
  const absolute = (url) => {
    try {
      return new URL(url, document.baseURI).href;
    } catch {
      return null;
    }
  };
  // The interface language as far as it is known before the feed: the
  // `lang` attribute, else the page's, by the widget's own table.
  const language = (host) => {
    const page = (host.closest("[lang]") || document.documentElement).getAttribute("lang");
    for (const tag of [attr(host, "lang"), page]) {
      const primary = (tag || "").trim().split(/[-_]/)[0].toLowerCase();
      if (Object.hasOwn(CONTRACT.langs, primary)) return CONTRACT.langs[primary];
    }
    return CONTRACT.defaultLang;
  };
  const remembered = (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null; // storage disabled
    }
  };

  // Markup as [tag, {attributes}, child, …], text as strings (the
  // contract's, and the first screen the widget kept), built node by node:
  // no HTML is parsed, so nothing for a Trusted Types policy to refuse.
  const build = (node, heading) => {
    if (typeof node === "string") return document.createTextNode(node === CONTRACT.headingSlot ? heading : node);
    const e = document.createElement(node[0]);
    for (const [name, value] of Object.entries(node[1])) if (!/^on/i.test(name)) e.setAttribute(name, value);
    for (const child of node.slice(2)) e.appendChild(build(child, heading));
    return e;
  };

  // The widget's own loading state, as its components render it, so nothing
  // moves when the wasm takes over.
  const placeholder = (host) => {
    const elder = flag(host, "elder") || remembered(CONTRACT.elderKey) === CONTRACT.elderOn;
    const variant = (flag(host, "no-header") ? "bare" : "header") + (elder ? "-elder" : "");
    const section = build(CONTRACT.placeholder[language(host)][variant], (attr(host, "heading") || "").trim() || "\u00a0");
    const theme = CONTRACT.themes[(attr(host, "theme") || "").trim().toLowerCase()];
    if (theme) section.classList.add(theme);
    if (flag(host, "compact")) section.classList.add(CONTRACT.compactClass);
    // The reader's text size, else the attribute's (the widget's own rule).
    const size = CONTRACT.textSizes[(remembered(CONTRACT.textSizeKey) || attr(host, "text-size") || "").trim().toLowerCase()];
    if (size) section.classList.add(size);
    return section;
  };

  // Where the first screen of an instance like this one is kept: its
  // version, the page's language, its feeds, every attribute and the
  // reader's choices.
  const screenKey = (host) =>
    SCREEN.prefix +
    JSON.stringify([
      VERSION,
      host.closest("[lang]")?.getAttribute("lang") ?? null,
      feedsOf(host).map(absolute),
      ...ATTRIBUTES.map((name) => attr(host, name)),
      remembered(CONTRACT.elderKey),
      remembered(CONTRACT.textSizeKey),
    ]);
  // That first screen, built, and its line for the widget (when its data
  // was fetched, the clock it was drawn at, the data's digest); null when
  // none is kept or it does not read.
  const keptScreen = (host) => {
    const raw = remembered(screenKey(host));
    const cut = raw ? raw.indexOf("\n") : -1;
    if (cut < 0) return null;
    try {
      return { line: raw.slice(0, cut), nodes: JSON.parse(raw.slice(cut + 1)).map((n) => build(n, "")) };
    } catch {
      return null;
    }
  };

  // A node as it is kept ([tag, {attributes}, child, …], text as a string).
  const tree = (n) =>
    n.nodeType === 3
      ? n.data
      : n.nodeType === 1
        ? [n.localName, Object.fromEntries([...n.attributes].map((a) => [a.name, a.value])), ...kids(n)]
        : null;
  const kids = (n) => [...n.childNodes].map(tree).filter((t) => t !== null);
  // Keeps the first screen the widget drew in `container` (its `line` says
  // from what: src/app/fragment.rs), or with no line forgets it; at most
  // SCREEN.max per site, the least recently kept going first. The widget
  // says when (src/ui/hooks/use_first_screen.rs). A storage that is full
  // or disabled keeps nothing.
  const keepScreen = (host, container, line) => {
    const key = screenKey(host);
    try {
      const json = line && JSON.stringify(kids(container));
      const keys = (localStorage.getItem(SCREEN.index) || "").split("\n").filter((k) => k && k !== key);
      localStorage.removeItem(key);
      if (json && json.length <= SCREEN.maxChars) {
        keys.push(key);
        while (keys.length > SCREEN.max) localStorage.removeItem(keys.shift());
        localStorage.setItem(key, `${line}\n${json}`);
      }
      localStorage.setItem(SCREEN.index, keys.join("\n"));
    } catch {
      // (Full: nothing kept, and the older screen is gone.)
    }
  };

  // HTML fetched from the page's own site (`fragment`) is parsed inert; under
  // Trusted Types, through the widget's own policy (when the page allows it).
  let policy;
  const parse = (text) => {
    if (window.trustedTypes && policy === undefined) {
      try {
        policy = trustedTypes.createPolicy(CONTRACT.policy, { createHTML: (s) => s });
      } catch {
        policy = null;
      }
    }
    if (window.trustedTypes && !policy) return null;
    return new DOMParser().parseFromString(policy ? policy.createHTML(text) : text, "text/html");
  };
  // The widget's markup in a file `district-bulletin render` wrote, when it
  // is this version's (its container says so: the snapshot comes last);
  // event handlers and scripts dropped. `text` may end anywhere after the
  // markup.
  const fragmentNodes = (text, light) => {
    const doc = parse(text);
    const host = doc && doc.querySelector(CONTRACT.selector);
    const inShadow = host && host.querySelector("template[shadowrootmode]");
    const scope = light ? host : inShadow && inShadow.content;
    const rendered = scope && [...scope.children].find((e) => e.classList.contains(CONTRACT.container));
    if (!rendered || rendered.getAttribute(SNAPSHOT.version) !== VERSION) return null;
    rendered.querySelectorAll("script, iframe, object, embed").forEach((e) => e.remove());
    for (const e of rendered.querySelectorAll("*"))
      for (const a of [...e.attributes]) if (/^on/i.test(a.name)) e.removeAttribute(a.name);
    return [...document.importNode(rendered, true).childNodes];
  };
  // The feed the whole file carries, when it is this version's. It rides in
  // a hidden element, not a script: a script whose text the page's parser
  // did not write is what Trusted Types refuses.
  const fragmentSnapshot = (text) => {
    const doc = parse(text);
    const host = doc && doc.querySelector(CONTRACT.selector);
    const snapshot = host && host.querySelector(`script.${SNAPSHOT.class}`);
    if (!snapshot || snapshot.getAttribute(SNAPSHOT.version) !== VERSION) return null;
    const carrier = document.createElement("div");
    carrier.hidden = true;
    carrier.className = SNAPSHOT.class;
    for (const a of snapshot.attributes) if (a.name.startsWith("data-")) carrier.setAttribute(a.name, a.value);
    carrier.textContent = snapshot.textContent;
    return carrier;
  };

  // How long the wasm waits for a `fragment` file's markup, and a painted
  // file's snapshot for the wasm, before each goes on without the other.
  const WAIT_MS = 3000;

  let wasmReady = null;
  let wasmLoaded = false;
  // Feeds of widgets that start before the wasm is ready: fetched now, in
  // parallel with it (the very request the widget would make), and handed
  // over once it is (src/ui/net/early.rs), so the feed does not wait for the wasm.
  let early = [];
  // A pre-rendered page carries the feed: the widget decides whether it is
  // fresh, and asks for the feed itself only when it is not.
  const carriesFeed = (host) =>
    host.querySelector(`.${SNAPSHOT.class}`)?.getAttribute(SNAPSHOT.version) === VERSION;
  const prefetch = (host) => {
    if (wasmLoaded || carriesFeed(host)) return;
    for (const abs of feedsOf(host).map(absolute)) {
      if (!abs || !/^https?:/i.test(abs) || early.some((e) => e[0] === abs)) continue;
      const abort = new AbortController();
      const response = fetch(abs, {
        cache: CONTRACT.request.cache,
        credentials: CONTRACT.request.credentials,
        signal: abort.signal,
      });
      const entry = [abs, response, abort, false];
      // Whether a good answer is in by the time the wasm is: then a last
      // good copy is not worth showing first. (A failing one is retried,
      // which takes seconds: the copy is shown meanwhile.)
      response.then(
        (r) => {
          entry[3] = r.ok;
        },
        () => {} // the widget reports failures, not the console
      );
      early.push(entry);
    }
  };
  const loadWasm = () => {
    if (!wasmReady) {
      const init = { credentials: "same-origin" };
      if (WASM_INTEGRITY.startsWith("sha")) init.integrity = WASM_INTEGRITY;
      wasmReady = wasm_bindgen({ module_or_path: fetch(new URL(WASM_FILE, BASE).href, init) }).then(() => {
        wasmLoaded = true;
        for (const [url, response, abort, ok] of early) wasm_bindgen.offerFeed(url, response, abort, ok);
        early = [];
        return wasm_bindgen;
      });
    }
    return wasmReady;
  };

  const failure = (host, error) => {
    console.error(`[district-bulletin] could not load ${WASM_FILE}:`, error);
    return build(CONTRACT.failure[language(host)], "");
  };

  /** One widget on one host element. */
  class Instance {
    constructor(host) {
      this.host = host;
      this.widget = null;
      this.started = false;
      this.observer = null;
      this.destroyed = false;
      // What the page or the loader painted besides the placeholder.
      this.painted = false;
      this.fragment = null;
      // The `fragment` file read whole (a promise), once it is asked for.
      this.snapshot = null;
      if (flag(host, "no-shadow")) {
        this.light();
      } else {
        this.shadow();
      }
      this.container[SCREEN.hook] = (line) => keepScreen(host, this.container, line);
      this.watch();
    }

    // A pre-rendered page's shadow root (declarative, parsed with the page)
    // holds the widget's markup already: it stays on screen until the
    // widget takes it over.
    shadow() {
      const host = this.host;
      let root = host.shadowRoot;
      const rendered = root && root.querySelector(`.${CONTRACT.container}`);
      if (!root) root = host.attachShadow({ mode: "open" });
      root.adoptedStyleSheets = [stylesheet()];
      if (rendered) return this.adopt(rendered, root.querySelectorAll("style, link[rel=stylesheet]"));
      this.container = this.fresh();
      // A pre-rendered page without its shadow root (a CMS that strips
      // <template>) still has its plain list: shown until the widget mounts.
      if (host.querySelector(`.${CONTRACT.staticClass}`)) {
        this.container.replaceChildren(document.createElement("slot"));
        this.painted = true;
      }
      root.replaceChildren(this.container);
    }

    // `no-shadow`: the widget in the page's own DOM, where the portal's
    // 无障碍 toolbar (read on hover, contrast, zoom) reaches its text, and
    // the page's CSS reaches it too (README: Isolation).
    light() {
      const host = this.host;
      adoptLightStyles();
      host.setAttribute(CONTRACT.lightAttr, "");
      const rendered = host.querySelector(`:scope > .${CONTRACT.container}`);
      if (rendered) return this.adopt(rendered, host.querySelectorAll(":scope > style, :scope > link[rel=stylesheet]"));
      this.container = this.fresh();
      host.replaceChildren(this.container);
    }

    // The markup a pre-rendered page holds, kept on screen as it is; its
    // `styles` are the adopted sheet's text: one is enough.
    adopt(rendered, styles) {
      this.container = rendered;
      this.painted = true;
      styles.forEach((s) => s.remove());
    }

    // A container of the loader's: the first screen kept from the last
    // page view when there is one (the widget takes it over like a
    // pre-rendered page), else the placeholder.
    fresh() {
      const container = document.createElement("div");
      container.className = CONTRACT.container;
      const kept = !carriesFeed(this.host) && keptScreen(this.host);
      if (kept) {
        container.setAttribute(SCREEN.attr, kept.line);
        container.replaceChildren(...kept.nodes);
        this.painted = true;
      } else {
        container.replaceChildren(placeholder(this.host));
      }
      return container;
    }

    watch() {
      if (flag(this.host, "eager") || !("IntersectionObserver" in window)) return this.start();
      // Start only near the viewport: a widget far down the page costs nothing until scrolled to.
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) this.start();
      }, { rootMargin: "300px" });
      this.observer.observe(this.host);
    }

    start() {
      if (this.started) return;
      this.started = true;
      if (this.observer) this.observer.disconnect();
      const file = attr(this.host, "fragment");
      // A fragment published beside the feed comes first: on a slow link
      // its markup is the first screen, and the wasm would share the link
      // with it. The wasm is asked for once the markup is painted (or the
      // file failed). The file carries the feed, so the feed is not fetched
      // early too.
      if (file && file.trim() && !this.painted && !wasmLoaded) this.fetchFragment(file.trim()).then(() => this.boot());
      else {
        prefetch(this.host);
        this.boot();
      }
    }

    boot() {
      if (this.destroyed) return;
      loadWasm().then(
        // A fragment painted but not read whole yet (its snapshot, the
        // feed) is waited for: the widget would fetch the feed otherwise.
        // One not painted by now is of no use: the widget fetches the feed.
        (wasm) =>
          this.snapshot && this.painted
            ? Promise.race([this.snapshot, new Promise((resolve) => setTimeout(resolve, WAIT_MS))]).then(() => wasm)
            : wasm,
      ).then(
        (wasm) => {
          if (this.fragment) this.fragment.abort();
          if (this.destroyed) return;
          // What is painted stays until the widget mounts (it clears it then).
          this.widget = new wasm.Widget(this.host, this.container);
        },
        (error) => {
          if (!this.destroyed) this.container.replaceChildren(failure(this.host, error));
        }
      );
    }

    // Reads the `fragment` file as it streams in: its markup is painted as
    // soon as it is whole, when it is this version's (the promise returned
    // settles then, or when the file turns out to be of no use); its
    // snapshot is handed to the widget when the file is read. Anything else
    // (missing, another version, slow) leaves the placeholder, quietly.
    fetchFragment(file) {
      const url = absolute(file);
      if (!url) return Promise.resolve();
      const abort = (this.fragment = new AbortController());
      const light = flag(this.host, "no-shadow");
      // Where the markup ends: the shadow root's template, or (in the
      // page's own DOM) the snapshot that follows it.
      const end = light ? `class="${SNAPSHOT.class}"` : "</template>";
      let markupDone;
      const markup = new Promise((resolve) => (markupDone = resolve));
      // (A file that does not come holds the wasm back only so long.)
      setTimeout(markupDone, WAIT_MS);
      const paint = (text) => {
        const nodes = !this.painted && !this.widget && !this.destroyed && fragmentNodes(text, light);
        if (!nodes) return;
        this.container.replaceChildren(...nodes);
        this.painted = true;
      };
      this.snapshot = fetch(url, {
        cache: CONTRACT.request.cache,
        credentials: CONTRACT.request.credentials,
        signal: abort.signal,
      })
        .then(async (r) => {
          if (!r.ok || !r.body) return abort.abort();
          const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
          let text = "";
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            const from = Math.max(0, text.length - end.length);
            text += value;
            if (text.indexOf(end, from) >= 0 && !this.painted) {
              paint(text);
              markupDone();
            }
          }
          paint(text);
          const carrier = !this.widget && !this.destroyed && this.painted && fragmentSnapshot(text);
          if (carrier) this.host.append(carrier);
        })
        .catch(() => {}) // a fragment that does not come is a placeholder
        .finally(() => {
          if (this.fragment === abort) this.fragment = null;
          markupDone();
        });
      return markup;
    }

    update() {
      if (this.widget) this.widget.update(this.host);
    }

    destroy() {
      this.destroyed = true;
      if (this.observer) this.observer.disconnect();
      if (this.fragment) this.fragment.abort();
      if (this.widget) {
        this.widget.destroy();
        this.widget.free();
        this.widget = null;
      }
      this.container.replaceChildren();
      if (this.container.parentNode === this.host) this.host.removeChild(this.container);
    }
  }

  const instances = new Map(); // host element → Instance

  // While the page is still being parsed, a host may be connected before its
  // content is: a pre-rendered page's declarative shadow root comes with
  // that content, and a shadow root attached earlier would shut it out. So
  // a host is taken on once something follows it in the document (its
  // content is then parsed), or at DOMContentLoaded.
  const parsed = (host) => {
    if (document.readyState !== "loading") return true;
    for (let n = host; n && n !== document; n = n.parentNode) if (n.nextSibling) return true;
    return false;
  };
  let waiting = null;
  const waitParsed = (host) => {
    if (!waiting) {
      waiting = [];
      const retry = () => {
        // (DOMContentLoaded, or a last mutation, after every host was taken.)
        if (!waiting) return;
        const hosts = waiting;
        waiting = hosts.filter((h) => !parsed(h));
        hosts.filter((h) => !waiting.includes(h)).forEach(attach);
        if (!waiting.length) {
          watcher.disconnect();
          document.removeEventListener("DOMContentLoaded", retry);
          waiting = null;
        }
      };
      const watcher = new MutationObserver(retry);
      watcher.observe(document.documentElement, { childList: true, subtree: true });
      document.addEventListener("DOMContentLoaded", retry);
    }
    if (!waiting.includes(host)) waiting.push(host);
  };
  const attach = (host) => {
    if (!instances.has(host) && host.isConnected) {
      if (!parsed(host)) {
        waitParsed(host);
        return undefined;
      }
      instances.set(host, new Instance(host));
    }
    return instances.get(host);
  };
  const detach = (host) => {
    const inst = instances.get(host);
    if (inst) {
      instances.delete(host);
      inst.destroy();
    }
  };

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
          const inst = instances.get(this);
          if (inst && before !== after) inst.update();
        }
      }
    );
  }

  // <div data-district-bulletin data-feed="…">, including ones added later,
  // changed, or removed.
  const MARKED = `[${CONTRACT.marker}]`;
  const scan = (root) => {
    if (root.matches && root.matches(MARKED)) attach(root);
    if (root.querySelectorAll) root.querySelectorAll(MARKED).forEach(attach);
  };
  const watchDocument = () => {
    scan(document);
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "attributes") {
          const inst = instances.get(r.target);
          if (inst && !isElement(r.target)) inst.update();
          else if (r.attributeName === CONTRACT.marker) scan(r.target);
        } else {
          r.addedNodes.forEach((n) => {
            if (n.nodeType === 1) scan(n);
          });
        }
      }
      // A host taken out of the page is torn down.
      instances.forEach((inst, host) => {
        if (!host.isConnected && !isElement(host)) detach(host);
      });
    }).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: [CONTRACT.marker, ...ATTRIBUTES.map((a) => CONTRACT.prefix + a)],
    });
  };
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
    mount(element, options = {}) {
      for (const [key, value] of Object.entries(options || {})) {
        const name = key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
        const full = isElement(element) ? name : CONTRACT.prefix + name;
        if (value === false || value === null || value === undefined) element.removeAttribute(full);
        else element.setAttribute(full, value === true ? "" : String(value));
      }
      if (!isElement(element)) element.setAttribute(CONTRACT.marker, "");
      const inst = attach(element);
      if (inst) inst.update();
      return !!inst;
    },
    /** Removes the widget from `element`. */
    unmount(element) {
      detach(element);
    },
    /** Diagnostics: a promise of { instances, wasmMemoryBytes } (0 before the wasm is loaded). */
    stats() {
      const n = instances.size;
      return (wasmReady || Promise.resolve(null)).then((wasm) => ({
        instances: n,
        wasmMemoryBytes: wasm ? wasm.memoryBytes() : 0,
      }));
    },
  });
})();
