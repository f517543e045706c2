/*! Reference bulletin widget: hand-written plain JavaScript, no framework,
 * no build step, no dependencies. A yardstick for benchmarking the Yew
 * widget: the same feed handling, the same markup and stylesheet, the list
 * features only (tabs, search, 加载更多). See README.md.
 *
 * One global: window.ReferenceBulletin.mount(hostElement, feedUrl).
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var CSS_URL = new URL('../../styles/widget.css', (script && script.src) || document.baseURI).href;
  var PAGE_SIZE = 20;
  var SUMMARY_CHARS = 80;
  var UNCATEGORIZED = '未分类';
  var ALL = '全部';
  var SEP = '\u0001';
  var ZONE_MS = 8 * 3600 * 1000; // UTC+8, Asia/Shanghai

  // ---- shared stylesheet (one per page, fetched once) ----------------------

  var sheet = null;
  var cssReady = null;
  function sharedSheet() {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      cssReady = fetch(CSS_URL)
        .then(function (r) { return r.ok ? r.text() : ''; })
        .then(function (css) { sheet.replaceSync(css); }, function () {});
    }
    return sheet;
  }

  // ---- text helpers --------------------------------------------------------

  /** A non-blank string (trimmed), or a finite number as text; else null. */
  function txt(v) {
    if (typeof v === 'string') {
      v = v.trim();
      return v ? v : null;
    }
    if (typeof v === 'number' && isFinite(v)) return String(v);
    return null;
  }

  function body(v) {
    return typeof v === 'string' && v.trim() ? v.trim() : null;
  }

  function foldSpace(s) {
    return s.replace(/\s+/g, ' ').trim();
  }

  /** Index just past the first `max` code points of `s`, or -1 when `s` has no more than `max`. */
  function cut(s, max) {
    var n = s.length;
    if (n <= max) return -1; // code units >= code points
    for (var i = 0, k = 0; i < n; k++) {
      if (k === max) return i;
      var c = s.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
    return -1;
  }

  /** At most `max` code points of `s`, with `…` when anything was cut. */
  function truncate(s, max) {
    var i = cut(s, max);
    return i < 0 ? s : s.slice(0, i).replace(/\s+$/, '') + '…';
  }

  /** The summary: whitespace folded, at most SUMMARY_CHARS code points. Only
   * a prefix is folded when that is long enough to decide. */
  function summarize(s) {
    var limit = SUMMARY_CHARS * 4;
    if (s.length > limit) {
      var head = foldSpace(s.slice(0, limit));
      var i = cut(head, SUMMARY_CHARS);
      if (i >= 0) return head.slice(0, i).replace(/\s+$/, '') + '…';
    }
    return truncate(foldSpace(s), SUMMARY_CHARS);
  }

  var ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·' };
  var BLOCK_TAG = /<\/?(?:p|br|div|li|ul|ol|h[1-6]|tr|table|blockquote|pre|section|article|figure|figcaption|hr|dd|dt)\b[^>]*>/gi;

  /** A plain-text reading of HTML: a simple regex strip (see README). */
  function stripHtml(html) {
    return html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|template|noscript|svg|iframe)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(BLOCK_TAG, '\n')
      .replace(/<[^>]*>/g, '')
      .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, function (m, e) {
        if (e.charAt(0) === '#') {
          var n = e.charAt(1) === 'x' || e.charAt(1) === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '\ufffd';
        }
        var d = ENTITIES[e.toLowerCase()];
        return d === undefined ? m : d;
      });
  }

  var WIDE = /[\uff01-\uff5e\u3000]/;
  var WIDE_G = /[\uff01-\uff5e\u3000]/g;
  var NARROW = { '\u3000': ' ' };
  for (var w = 0xff01; w <= 0xff5e; w++) NARROW[String.fromCharCode(w)] = String.fromCharCode(w - 0xfee0);
  function narrow(c) {
    return NARROW[c];
  }
  /** Full-width ASCII → ASCII, ideographic space → space, lower case. */
  function fold(s) {
    return (WIDE.test(s) ? s.replace(WIDE_G, narrow) : s).toLowerCase();
  }

  function parseDate(v) {
    if (typeof v !== 'string') return NaN;
    return Date.parse(v.trim());
  }

  function pad2(n) {
    return n < 10 ? '0' + n : String(n);
  }

  // ---- feed normalization --------------------------------------------------

  function normalize(doc) {
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('不是 JSON Feed');
    var version = typeof doc.version === 'string' && /jsonfeed\.org\/version\/1/.test(doc.version);
    if (!version && !Array.isArray(doc.items)) throw new Error('不是 JSON Feed');
    var raw = Array.isArray(doc.items) ? doc.items : [];
    var items = [];
    for (var i = 0; i < raw.length; i++) {
      var o = raw[i];
      if (!o || typeof o !== 'object' || Array.isArray(o)) continue;
      var url = txt(o.url);
      var id = txt(o.id) || url;
      if (!id) continue;
      var title = txt(o.title);
      var summary = txt(o.summary);
      var text = body(o.content_text);
      var html = body(o.content_html);
      if (!title && !summary && !text && !html) continue;

      var full = text || (html ? stripHtml(html) : '');
      summary = summarize(summary || full);

      var d = o._district && typeof o._district === 'object' && !Array.isArray(o._district) ? o._district : null;
      var category = d && txt(d.category);
      if (!category) {
        if (Array.isArray(o.tags)) {
          for (var t = 0; t < o.tags.length && !category; t++) category = txt(o.tags[t]);
        } else {
          category = txt(o.tags);
        }
      }
      var department = d && txt(d.department);
      if (!department && Array.isArray(o.authors)) {
        for (var a = 0; a < o.authors.length && !department; a++) {
          var au = o.authors[a];
          department = au && typeof au === 'object' ? txt(au.name) : txt(au);
        }
      }
      if (!department && o.author && typeof o.author === 'object') department = txt(o.author.name);
      var reporter = d && txt(d.reporter);

      var date = parseDate(o.date_published);
      if (date !== date) date = parseDate(o.date_modified);

      category = category || UNCATEGORIZED;
      items.push({
        key: id,
        title: title || truncate(summary, 30),
        summary: summary,
        category: category,
        department: department,
        date: date === date ? date : null,
        index: i,
        cat: -1, // index into the tab list, set below
        haystack: fold([title || '', summary, full, department || '', category, reporter || ''].join(SEP))
      });
    }
    items.sort(function (x, y) {
      if (x.date !== null && y.date !== null) {
        if (x.date !== y.date) return y.date - x.date;
      } else if (x.date !== null) {
        return -1;
      } else if (y.date !== null) {
        return 1;
      }
      return x.index - y.index;
    });
    return { title: txt(doc.title) || '', items: items };
  }

  /** Categories by count (ties: first appearance in sorted order), 未分类 last. */
  function categories(items) {
    var pos = Object.create(null);
    var list = [];
    for (var i = 0; i < items.length; i++) {
      var c = items[i].category;
      var p = pos[c];
      if (p === undefined) {
        pos[c] = p = list.length;
        list.push({ name: c, count: 0, first: p });
      }
      list[p].count++;
    }
    list.sort(function (a, b) {
      var ua = a.name === UNCATEGORIZED, ub = b.name === UNCATEGORIZED;
      if (ua !== ub) return ua ? 1 : -1;
      return b.count - a.count || a.first - b.first;
    });
    for (var j = 0; j < list.length; j++) pos[list[j].name] = j;
    for (var k = 0; k < items.length; k++) items[k].cat = pos[items[k].category];
    return list;
  }

  // ---- DOM helpers ---------------------------------------------------------

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function attr(e, name, value) {
    e.setAttribute(name, value);
    return e;
  }

  function replace(parent, child) {
    parent.textContent = '';
    parent.appendChild(child);
  }

  function skeleton() {
    var section = el('section', 'db');
    var header = section.appendChild(el('header', 'db-header'));
    header.appendChild(el('h2', 'db-title', '\u00a0'));
    var status = section.appendChild(attr(el('div', 'db-status db-loading'), 'role', 'status'));
    var ul = status.appendChild(attr(el('ul', 'db-skeleton'), 'aria-hidden', 'true'));
    for (var i = 0; i < 4; i++) {
      var li = ul.appendChild(el('li'));
      li.appendChild(el('span'));
      li.appendChild(el('span'));
    }
    return section;
  }

  function failure(reason) {
    var section = attr(el('section', 'db'), 'lang', 'zh-CN');
    section.appendChild(el('header', 'db-header')).appendChild(el('h2', 'db-title', '信息公告'));
    var box = section.appendChild(attr(el('div', 'db-status db-error'), 'role', 'alert'));
    box.appendChild(el('p', 'db-error-title', '信息加载失败'));
    box.appendChild(el('p', 'db-error-message', reason));
    return section;
  }

  // ---- the widget ----------------------------------------------------------

  function Widget(host, root, feed) {
    var self = this;
    this.host = host;
    this.items = feed.items;
    this.tabs = categories(feed.items);
    this.renders = 0;
    this.active = -1; // -1: 全部
    this.limit = PAGE_SIZE;
    this.raw = null; // the last processed search text
    this.prevRaw = ''; // the last non-empty search, for narrowing
    this.hits = null; // indices matching the search; null: all
    this.visible = [];
    this.rows = new Map(); // item index → <li> currently in the list
    var now = new Date(Date.now() + ZONE_MS);
    this.year = now.getUTCFullYear();

    var section = attr(el('section', 'db'), 'lang', 'zh-CN');
    var header = section.appendChild(el('header', 'db-header'));
    header.appendChild(el('h2', 'db-title', feed.title || '信息公告'));

    var search = section.appendChild(attr(el('div', 'db-search'), 'role', 'search'));
    search.appendChild(attr(el('label', 'db-visually-hidden', '搜索'), 'for', 'ref-q'));
    var input = search.appendChild(el('input', 'db-search-input'));
    input.id = 'ref-q';
    input.type = 'search';
    input.placeholder = '搜索标题、正文、发布机构…';
    input.addEventListener('input', function (e) {
      if (!e.isComposing) self.search(input.value);
    });
    input.addEventListener('compositionend', function () {
      self.search(input.value);
    });

    var tablist = section.appendChild(el('div', 'db-tabs'));
    attr(attr(tablist, 'role', 'tablist'), 'aria-label', '信息栏目');
    this.tabButtons = [];
    this.tabLabels = [];
    for (var t = -1; t < this.tabs.length; t++) {
      var b = tablist.appendChild(attr(attr(el('button'), 'type', 'button'), 'role', 'tab'));
      b.addEventListener('click', this.select.bind(this, t));
      this.tabButtons.push(b);
      this.tabLabels.push(null);
    }

    var results = section.appendChild(el('div', 'db-results'));
    this.count = results.appendChild(attr(attr(el('p', 'db-count'), 'role', 'status'), 'aria-live', 'polite'));
    this.list = section.appendChild(attr(el('ul', 'db-list'), 'aria-label', '信息列表'));
    this.empty = el('div', 'db-status db-empty');
    attr(this.empty, 'role', 'status').appendChild(el('p', null, '没有找到符合条件的信息'));
    this.more = el('div', 'db-more');
    this.moreButton = this.more.appendChild(attr(el('button', 'db-more-button'), 'type', 'button'));
    this.moreButton.addEventListener('click', function () { self.loadMore(); });
    this.section = section;

    this.update();
    replace(root, section);
  }

  /** Search text changed: narrow the hits, then update tabs and list. */
  Widget.prototype.search = function (raw) {
    if (raw === this.raw) return;
    this.raw = raw;
    var terms = fold(raw).split(/\s+/).filter(Boolean);
    if (!terms.length) {
      this.hits = null;
      this.prevRaw = '';
    } else {
      var from = this.hits && this.prevRaw && raw.indexOf(this.prevRaw) === 0 ? this.hits : null;
      var items = this.items;
      var n = from ? from.length : items.length;
      var hits = [];
      outer: for (var k = 0; k < n; k++) {
        var i = from ? from[k] : k;
        var h = items[i].haystack;
        for (var j = 0; j < terms.length; j++) if (!h.includes(terms[j])) continue outer;
        hits.push(i);
      }
      this.hits = hits;
      this.prevRaw = raw;
    }
    this.limit = PAGE_SIZE;
    this.update();
  };

  Widget.prototype.select = function (tab) {
    if (tab === this.active) return;
    this.active = tab;
    this.limit = PAGE_SIZE;
    this.update();
  };

  /** One pass over the search hits: tab counts and the visible list. */
  Widget.prototype.update = function () {
    var items = this.items, hits = this.hits, active = this.active;
    var n = hits ? hits.length : items.length;
    var counts = new Array(this.tabs.length).fill(0);
    var visible = [];
    for (var k = 0; k < n; k++) {
      var i = hits ? hits[k] : k;
      var c = items[i].cat;
      counts[c]++;
      if (active < 0 || c === active) visible.push(i);
    }
    this.visible = visible;
    for (var t = -1; t < counts.length; t++) {
      var count = t < 0 ? n : counts[t];
      var label = (t < 0 ? ALL : this.tabs[t].name) + ' ' + count;
      var b = this.tabButtons[t + 1];
      var selected = t === active;
      var cls = 'db-tab' + (selected ? ' db-tab-active' : '') + (count === 0 ? ' db-tab-empty' : '');
      if (this.tabLabels[t + 1] !== label) {
        b.textContent = label;
        this.tabLabels[t + 1] = label;
      }
      if (b.className !== cls) {
        b.className = cls;
        b.setAttribute('aria-selected', selected ? 'true' : 'false');
      }
    }
    this.count.textContent = visible.length + ' 条结果';
    this.renderList();
  };

  /** Replaces the rows (reusing the <li> of items already shown). */
  Widget.prototype.renderList = function () {
    var end = Math.min(this.limit, this.visible.length);
    var old = this.rows;
    var rows = new Map();
    var frag = document.createDocumentFragment();
    for (var k = 0; k < end; k++) {
      var i = this.visible[k];
      var li = old.get(i) || this.row(this.items[i]);
      rows.set(i, li);
      frag.appendChild(li);
    }
    this.rows = rows;
    this.list.textContent = '';
    this.list.appendChild(frag);
    this.placeMore(end);
    if (end === 0) {
      if (!this.empty.parentNode) this.section.insertBefore(this.empty, this.list.nextSibling);
    } else if (this.empty.parentNode) {
      this.empty.remove();
    }
    this.host.dataset.renders = String(++this.renders);
  };

  /** 加载更多: appends the next page of rows. */
  Widget.prototype.loadMore = function () {
    var start = Math.min(this.limit, this.visible.length);
    this.limit += PAGE_SIZE;
    var end = Math.min(this.limit, this.visible.length);
    var frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) {
      var i = this.visible[k];
      var li = this.row(this.items[i]);
      this.rows.set(i, li);
      frag.appendChild(li);
    }
    this.list.appendChild(frag);
    this.placeMore(end);
    this.host.dataset.renders = String(++this.renders);
  };

  Widget.prototype.placeMore = function (shown) {
    var remaining = this.visible.length - shown;
    if (remaining > 0) {
      this.moreButton.textContent = '加载更多（' + remaining + '）';
      if (!this.more.parentNode) this.section.appendChild(this.more);
    } else if (this.more.parentNode) {
      this.more.remove();
    }
  };

  Widget.prototype.row = function (item) {
    var li = el('li', 'db-row');
    li.setAttribute('data-key', item.key);
    var h3 = li.appendChild(el('h3', 'db-row-title'));
    h3.appendChild(attr(el('button', 'db-open', item.title), 'type', 'button'));
    var meta = li.appendChild(el('p', 'db-meta'));
    var time = meta.appendChild(el('time', 'db-date'));
    if (item.date === null) {
      time.textContent = '日期未知';
    } else {
      var d = new Date(item.date + ZONE_MS);
      var y = d.getUTCFullYear(), m = d.getUTCMonth() + 1, day = d.getUTCDate();
      time.setAttribute('datetime', y + '-' + pad2(m) + '-' + pad2(day));
      time.textContent = (y === this.year ? '' : y + '年') + m + '月' + day + '日';
    }
    if (item.department) meta.appendChild(el('span', 'db-dept', item.department));
    meta.appendChild(el('span', 'db-cat', item.category));
    if (item.summary) li.appendChild(el('p', 'db-summary', item.summary));
    return li;
  };

  // ---- mounting ------------------------------------------------------------

  function reason(e) {
    var m = e && e.message ? String(e.message) : String(e);
    return m.length > 120 ? m.slice(0, 120) + '…' : m;
  }

  function mount(host, feedUrl) {
    var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sharedSheet()];
    replace(root, skeleton());
    var feed = fetch(feedUrl, { credentials: 'same-origin' })
      .catch(function () { throw new Error('网络错误，无法获取信息源'); })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.text();
      })
      .then(function (text) {
        var doc;
        try {
          doc = JSON.parse(text);
        } catch (e) {
          throw new Error('信息源不是有效的 JSON');
        }
        return normalize(doc);
      });
    // The feed and the stylesheet load in parallel; the list is drawn once both are in.
    return Promise.all([feed, cssReady]).then(
      function (r) { new Widget(host, root, r[0]); },
      function (e) { replace(root, failure(reason(e))); }
    );
  }

  window.ReferenceBulletin = { mount: mount };
})();
