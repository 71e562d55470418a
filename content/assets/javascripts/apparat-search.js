/* The edition's search: passages, not page sections; a query expanded instead of hidden words in the pages.
 *
 * The index (search/apparat-index.js, one entry per paragraph, note, heading and glossary or bibliography
 * entry, with the text the reader sees) and the expansion data (generated/search-terms.js) are plain
 * scripts, loaded when the search is first opened: no fetch, no worker, so it works from file:// too.
 *
 * A query is cut into concepts. An English gloss of a glossary term ("chief directorate") is one concept,
 * satisfied by the phrase or by any spelling of the term; a Cyrillic word is transliterated with the
 * glossary's own table (главкократия → glavkokratiia); a word that is a spelling of a term stands for
 * all of them (glavki → glavk, glavkov, …); any other word matches at the start of a word, after a light
 * English suffix strip (bureaucracies → bureaucrac…). Entries are ranked by the concepts they match, then
 * by kind (a chapter passage, a note, the apparatus, other pages), then by how often they match, then in
 * reading order. A result links to `page.html?hl=…#anchor`; the target page marks the words in the passage
 * it lands on (`mark.apparat-hit`) and drops `?hl=` from the address.
 */
(function () {
  "use strict";

  var config = readJson("__config") || {};
  var base = (config.base || ".").replace(/\/?$/, "/");
  var STOP = ("a an and are as at be by for from in into is it its of on or that the this to was were " +
    "with").split(" ");
  var APOSTROPHES = /['\u2019\u02bc\u201d"\u02ba]/;
  var WORD_CHAR = /[\p{L}\p{N}]/u;
  var PAGE_SIZE = 30;

  function readJson(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (error) { return null; }
  }

  /* ---- folding: lower case, no diacritics, no apostrophes (kul’tura = kultura = kul'tura) ---------- */

  function foldChar(c) {
    if (APOSTROPHES.test(c)) return "";
    return c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /* The folded text and, for each folded character, the index of the character it came from. */
  function foldWithMap(text) {
    var out = "";
    var map = [];
    for (var i = 0; i < text.length; i++) {
      var f = foldChar(text[i]);
      for (var j = 0; j < f.length; j++) { out += f[j]; map.push(i); }
    }
    map.push(text.length);
    return { text: out, map: map };
  }

  function fold(text) { return foldWithMap(text).text; }

  /* ---- the query ----------------------------------------------------------------------------------- */

  var TERMS = null;   // {letters, terms, byForm, glosses}
  var INDEX = null;   // {pages, headings, kinds, entries, folded}

  function transliterate(word) {
    var letters = (TERMS && TERMS.letters) || {};
    var out = "";
    for (var i = 0; i < word.length; i++) out += letters.hasOwnProperty(word[i]) ? letters[word[i]] : word[i];
    return out;
  }

  function prepareTerms(data) {
    var byForm = {};
    var byGloss = {};  // one gloss may belong to several terms ("red tape"): it stands for all of them
    (data.terms || []).forEach(function (term) {
      var forms = term.forms.map(fold);
      forms.forEach(function (form) { (byForm[form] = byForm[form] || []).push(forms); });
      term.glosses.forEach(function (gloss) {
        var key = fold(gloss);
        byGloss[key] = (byGloss[key] || []).concat(forms);
      });
    });
    var glosses = Object.keys(byGloss).map(function (key) { return { words: key.split(/\s+/), forms: byGloss[key] }; });
    glosses.sort(function (a, b) { return b.words.length - a.words.length; });
    return { letters: data.letters || {}, byForm: byForm, glosses: glosses };
  }

  function stem(word) {
    if (word.length <= 4) return word;
    var m = word.match(/^(.*?)(ies|es|s|ing|ed|ly)$/);
    return m && m[1].length >= 4 ? m[1] : word;
  }

  /* A concept: alternatives, each a folded string matched at a word start, `whole` to its end too. */
  function parseQuery(query) {
    var words = fold(query).split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
    var concepts = [];
    var used = [];
    // glosses first, longest first: "chief directorate" is one concept, not two words
    if (TERMS) {
      TERMS.glosses.forEach(function (gloss) {
        for (var i = 0; i + gloss.words.length <= words.length; i++) {
          var same = gloss.words.every(function (w, k) { return words[i + k] === w && !used[i + k]; });
          if (!same) continue;
          var alternatives = [{ text: gloss.words.join(" "), whole: true }];
          gloss.forms.forEach(function (form) { alternatives.push({ text: form, whole: true }); });
          concepts.push({ label: gloss.words.join(" "), alternatives: alternatives });
          for (var k = 0; k < gloss.words.length; k++) used[i + k] = true;
        }
      });
    }
    words.forEach(function (word, i) {
      if (used[i] || STOP.indexOf(word) >= 0) return;
      var latin = /[\u0400-\u04ff]/.test(word) ? fold(transliterate(word)) : null;
      var alternatives = [{ text: stem(word), whole: false }];
      if (latin) alternatives.push({ text: latin, whole: false });
      [word, latin].forEach(function (spelling) {
        var forms = spelling && TERMS && TERMS.byForm[spelling];
        (forms || []).forEach(function (list) {
          list.forEach(function (form) { alternatives.push({ text: form, whole: true }); });
        });
      });
      concepts.push({ label: word, alternatives: alternatives });
    });
    return concepts.map(function (concept) {
      concept.patterns = concept.alternatives.map(function (alt) {
        var escaped = alt.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[\\s\\p{P}]+");
        return escaped + (alt.whole ? "(?![\\p{L}\\p{N}])" : "");
      });
      concept.regex = new RegExp("(?:^|[^\\p{L}\\p{N}])(?:" + concept.patterns.join("|") + ")", "gu");
      return concept;
    });
  }

  /* ---- ranking ------------------------------------------------------------------------------------ */

  function search(query) {
    var concepts = parseQuery(query);
    if (!concepts.length) return { concepts: concepts, hits: [] };
    var hits = [];
    var folded = INDEX.folded;
    for (var i = 0; i < folded.length; i++) {
      var matched = 0;
      var count = 0;
      for (var c = 0; c < concepts.length; c++) {
        var regex = concepts[c].regex;
        regex.lastIndex = 0;
        var found = 0;
        while (regex.exec(folded[i]) && found < 20) found++;
        if (found) { matched++; count += found; }
      }
      if (matched) hits.push({ entry: i, matched: matched, count: count });
    }
    hits.sort(function (a, b) {
      return (b.matched - a.matched) ||
        (INDEX.entries[a.entry][3] - INDEX.entries[b.entry][3]) ||
        (b.count - a.count) ||
        (a.entry - b.entry);
    });
    return { concepts: concepts, hits: hits };
  }

  /* ---- marking words in a text ---------------------------------------------------------------------- */

  /* [start, end) ranges of the original text where a concept matches. */
  function ranges(text, concepts) {
    var folded = foldWithMap(text);
    var found = [];
    concepts.forEach(function (concept) {
      var regex = new RegExp("(?:" + concept.patterns.join("|") + ")", "gu");
      var match;
      while ((match = regex.exec(folded.text))) {
        if (match[0] === "") { regex.lastIndex++; continue; }
        var before = match.index ? folded.text[match.index - 1] : "";
        if (before && WORD_CHAR.test(before)) continue;
        var end = folded.map[match.index + match[0].length - 1] + 1;
        while (end < text.length && (WORD_CHAR.test(text[end]) || (APOSTROPHES.test(text[end]) &&
          WORD_CHAR.test(text[end + 1] || "")))) end++;  // the whole word: "bureaucrac" marks "bureaucracy"
        found.push([folded.map[match.index], end]);
      }
    });
    return found.sort(function (a, b) { return a[0] - b[0]; });
  }

  function snippet(text, concepts) {
    var found = ranges(text, concepts);
    var start = found.length ? Math.max(0, found[0][0] - 80) : 0;
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + 260);
    if (end < text.length) {  // end between words ("Trots …" reads as a typo)
      var space = text.lastIndexOf(" ", end);
      if (space > start + 160) end = space;
    }
    var fragment = document.createDocumentFragment();
    if (start > 0) fragment.appendChild(document.createTextNode("… "));
    var cursor = start;
    found.forEach(function (range) {
      if (range[0] < cursor || range[1] > end) return;
      fragment.appendChild(document.createTextNode(text.slice(cursor, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      fragment.appendChild(mark);
      cursor = range[1];
    });
    fragment.appendChild(document.createTextNode(text.slice(cursor, end) + (end < text.length ? " …" : "")));
    return fragment;
  }

  /* ---- loading ------------------------------------------------------------------------------------- */

  var loading = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = base + src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  function load() {
    if (loading) return loading;
    loading = Promise.all([loadScript("generated/search-terms.js"), loadScript("search/apparat-index.js")])
      .then(function () {
        TERMS = prepareTerms(window.APPARAT_SEARCH_TERMS || {});
        var data = window.APPARAT_SEARCH_INDEX;
        // an empty anchor repeats the previous entry's (the index leaves it out to stay small)
        // entry: [page, anchor, heading entry, text] → [page, anchor, heading entry, kind, text]
        var note = data.kinds.indexOf("note");
        data.entries.forEach(function (entry, i) {
          var previous = data.entries[i - 1];
          if (!entry[1] && previous && previous[0] === entry[0]) entry[1] = previous[1];
          var kind = data.pages[entry[0]][3];
          if (data.kinds[kind] === "text" && entry[1].indexOf("fn:") === 0) kind = note;
          entry.splice(3, 0, kind);
        });
        data.folded = data.entries.map(function (entry) { return fold(entry[4]); });
        INDEX = data;
      });
    return loading;
  }

  /* ---- the panel ---------------------------------------------------------------------------------- */

  var ui = null;
  var last = null;

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  var ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A' +
    '6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 ' +
    '9.5 12 5 9.5 5z"/></svg>';

  function build() {
    var header = document.querySelector(".md-header__inner");
    if (!header) return null;
    var button = element("button", {
      type: "button", "class": "md-header__button md-icon apparat-search-button",
      "aria-label": "Search the edition", "aria-keyshortcuts": "/", "aria-expanded": "false",
      "aria-controls": "apparat-search", title: "Search (/)"
    });
    button.innerHTML = ICON;
    var anchor = header.querySelector(".md-header__option, .md-header__source");
    header.insertBefore(button, anchor);

    var panel = element("div", { id: "apparat-search", "class": "apparat-search", role: "dialog",
      "aria-label": "Search the edition" });
    panel.hidden = true;
    var form = element("form", { role: "search", "class": "apparat-search__form" });
    var label = element("label", { "for": "apparat-search-input", "class": "apparat-visually-hidden" }, "Search the edition");
    var input = element("input", { id: "apparat-search-input", type: "search", autocomplete: "off",
      spellcheck: "false", placeholder: "Search the edition", "aria-describedby": "apparat-search-help",
      "aria-controls": "apparat-search-results" });
    var close = element("button", { type: "button", "class": "apparat-search__close", "aria-label": "Close search" }, "×");
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(close);
    var help = element("p", { id: "apparat-search-help", "class": "apparat-search__help" },
      "English, Russian in Cyrillic (бюрократия) or in transliteration (biurokratiia); a glossary term " +
      "also by its English meaning.");
    var status = element("p", { "class": "apparat-search__status", role: "status", "aria-live": "polite" });
    var list = element("ol", { id: "apparat-search-results", "class": "apparat-search__results" });
    var more = element("button", { type: "button", "class": "apparat-search__more" }, "More results");
    more.hidden = true;
    panel.appendChild(form);
    panel.appendChild(help);
    panel.appendChild(status);
    panel.appendChild(list);
    panel.appendChild(more);
    document.body.appendChild(panel);

    var timer = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { run(input.value); }, 120);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(input.value); });
    close.addEventListener("click", function () { hide(true); });
    more.addEventListener("click", function () { show(ui.shown + PAGE_SIZE); });
    panel.addEventListener("keydown", onPanelKey);
    button.addEventListener("click", function () { if (panel.hidden) open(); else hide(true); });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        open();
      }
    });
    document.addEventListener("pointerdown", function (event) {
      if (!panel.hidden && !panel.contains(event.target) && !button.contains(event.target)) hide(false);
    });
    window.addEventListener("resize", function () { if (!panel.hidden) place(); });
    return { button: button, panel: panel, input: input, status: status, list: list, more: more, shown: 0 };
  }

  /* Over the text column only (the navigation and the table of contents stay readable); full width on
   * narrow screens. */
  function place() {
    var header = document.querySelector(".md-header");
    var column = document.querySelector(".md-content");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var width = document.documentElement.clientWidth;
    var box = column ? column.getBoundingClientRect() : null;
    var left = 0;
    var right = width;
    if (box && box.width > 0 && box.width < width - 40) {
      left = Math.max(0, box.left + 8);
      right = Math.min(width, box.right - 8);
    }
    var style = ui.panel.style;
    style.top = top + "px";
    style.left = left + "px";
    style.width = right - left + "px";
    // down to the foot of a phone's screen (a strip of page text under the panel read as part of it)
    var gap = right - left >= width ? 0 : 16;
    style.maxHeight = Math.max(160, window.innerHeight - top - gap) + "px";
  }

  function open() {
    if (!ui) return;
    ui.panel.hidden = false;
    ui.button.setAttribute("aria-expanded", "true");
    place();
    ui.input.focus();
    ui.input.select();
    if (!INDEX) ui.status.textContent = "Loading the index…";
    load().then(function () {
      if (ui.input.value) run(ui.input.value); else ui.status.textContent = "";
    }, function () {
      ui.status.textContent = "The search index could not be loaded.";
    });
  }

  function hide(returnFocus) {
    if (!ui || ui.panel.hidden) return;
    ui.panel.hidden = true;
    ui.button.setAttribute("aria-expanded", "false");
    if (returnFocus) ui.button.focus();
  }

  function run(query) {
    if (!INDEX) return;
    query = query.trim();
    if (!query) { last = null; ui.list.textContent = ""; ui.status.textContent = ""; ui.more.hidden = true; return; }
    last = search(query);
    ui.list.textContent = "";
    ui.shown = 0;
    var all = last.hits.filter(function (hit) { return hit.matched === last.concepts.length; }).length;
    ui.status.textContent = last.hits.length
      ? (all || last.hits.length) + (all ? " passages with every word" : " passages with some of the words") +
        (all && all < last.hits.length ? " (" + (last.hits.length - all) + " with some)" : "")
      : "No passage found.";
    show(PAGE_SIZE);
  }

  /* The link of a result: the words found in the passage go along (`?hl=`), so the page can mark them. */
  function resultUrl(entry, concepts) {
    var page = INDEX.pages[entry[0]][0];
    var words = [];
    ranges(entry[4], concepts).forEach(function (range) {
      var word = fold(entry[4].slice(range[0], range[1]));
      if (words.indexOf(word) < 0) words.push(word);
    });
    var query = words.length ? "?hl=" + encodeURIComponent(words.join("~")) : "";
    return base + page + query + (entry[1] ? "#" + encodeURIComponent(entry[1]) : "");
  }

  function show(count) {
    var hits = last ? last.hits : [];
    for (var i = ui.shown; i < Math.min(count, hits.length); i++) {
      var entry = INDEX.entries[hits[i].entry];
      var page = INDEX.pages[entry[0]];
      var heading = entry[2] >= 0 && entry[2] !== hits[i].entry ? INDEX.entries[entry[2]][4] : "";
      var item = element("li", { "class": "apparat-search__item apparat-search__item--" + INDEX.kinds[entry[3]] });
      var link = element("a", { href: resultUrl(entry, last.concepts), "class": "apparat-search__link" });
      var where = element("span", { "class": "apparat-search__where" },
        (page[2] ? page[2] + " › " : "") + page[1] + (heading && heading !== page[1] ? " › " + heading : "") +
        (INDEX.kinds[entry[3]] === "note" ? " › note " + entry[1].replace(/^fn:/, "") : ""));
      var text = element("span", { "class": "apparat-search__text" });
      text.appendChild(snippet(entry[4], last.concepts));
      link.appendChild(where);
      link.appendChild(text);
      item.appendChild(link);
      ui.list.appendChild(item);
    }
    ui.shown = Math.min(count, hits.length);
    ui.more.hidden = ui.shown >= hits.length;
  }

  function onPanelKey(event) {
    if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); hide(true); return; }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(ui.list.querySelectorAll("a"));
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    event.preventDefault();
    if (event.key === "ArrowDown") (at < 0 ? links[0] : links[Math.min(at + 1, links.length - 1)]).focus();
    else if (at <= 0) ui.input.focus();
    else links[at - 1].focus();
  }

  /* ---- landing on a result ------------------------------------------------------------------------- */

  function markHits() {
    var params;
    try { params = new URLSearchParams(location.search); } catch (error) { return; }
    var words = params.get("hl");
    if (!words) return;
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { /* a malformed #%E0: no target */ }
    var target = (id && document.getElementById(id)) || document.querySelector("article");
    // a result's link carries the few words it found; a longer list is not ours, and costs the reader time
    var concepts = [{ patterns: words.slice(0, 500).split("~").filter(Boolean).slice(0, 16).map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "[\\s\\p{P}]+") + "(?![\\p{L}\\p{N}])";
    }) }].filter(function (c) { return c.patterns.length; });
    if (target && concepts.length) {
      var walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        if (node.parentNode.closest(".apparat-tools, script, style")) return;
        var found = ranges(node.nodeValue, concepts);
        for (var i = found.length - 1; i >= 0; i--) {
          var range = found[i];
          if (i < found.length - 1 && range[1] > found[i + 1][0]) continue;
          var hit = node.splitText(range[0]);
          hit.splitText(range[1] - range[0]);
          var mark = document.createElement("mark");
          mark.className = "apparat-hit";
          hit.parentNode.replaceChild(mark, hit);
          mark.appendChild(hit);
        }
      });
      target.classList.add("apparat-hit-target");
      var first = target.querySelector("mark.apparat-hit");
      (first || target).scrollIntoView({ block: "center" });
    }
    try { history.replaceState(history.state, "", location.pathname + location.hash); } catch (error) { /* file:// */ }
  }

  ui = build();
  markHits();
  window.apparatSearch = { search: function (q) { return load().then(function () { return search(q); }); },
    transliterate: function (w) { return load().then(function () { return transliterate(w); }); } };
})();
