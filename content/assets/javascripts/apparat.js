/* The edition's reading tools, on top of Material (no instant loading, so this runs once per page load).
 *
 * - a copy-link and a "Cite" control on every paragraph with a stable id (`ch03-l4521`);
 * - "Cite this passage": Chicago, BibTeX and RIS with the printed-page locator, from the page's citation
 *   data (the JSON block written by overrides/main.html from the front matter and works.yml);
 * - a page-number jump box (`#p123`), across chapters of the same work;
 * - accessible tooltips for notes (from the page's notes list) and for terms, factions, persons and
 *   citations (`a[data-ap]`, content from window.APPARAT_TIPS): hover, keyboard focus and tap, Esc to
 *   dismiss, hoverable (WCAG 1.4.13), with a link to the note or entry that Tab reaches from the host.
 * The search is apparat-search.js.
 *
 * Everything works from file:// with no network: no fetch, no import, no external host.
 */
(function () {
  "use strict";

  var article = document.querySelector("article.md-content__inner");
  var citeData = readJson("apparat-cite-data");
  var base = (readJson("__config") || {}).base || ".";
  var live = makeLiveRegion();

  function readJson(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (error) { return null; }
  }

  function makeLiveRegion() {
    var region = document.createElement("div");
    region.className = "apparat-visually-hidden apparat-live";
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    document.body.appendChild(region);
    return region;
  }

  function announce(text) {
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 30);
  }

  function pageUrl() {
    return (citeData && citeData.page_url) || location.href.split("#")[0];
  }

  /* Clipboard: the async API where allowed, else a hidden textarea (older browsers, some file:// cases). */
  function copyText(text, done) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      area.remove();
      done(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }

  /* ---- printed pages ---------------------------------------------------------------------------- */

  /* The printed page(s) a node spans: the last page marker before it, and the last one inside it. */
  function pagesOf(node) {
    var markers = article ? article.querySelectorAll(".pb[data-page]") : [];
    var first = null;
    var last = null;
    for (var i = 0; i < markers.length; i++) {
      var marker = markers[i];
      var position = node.compareDocumentPosition(marker);
      if (position & Node.DOCUMENT_POSITION_PRECEDING) {
        first = marker.getAttribute("data-page");
      } else if (position & Node.DOCUMENT_POSITION_CONTAINED_BY) {
        if (first === null) first = marker.getAttribute("data-page");
        last = marker.getAttribute("data-page");
      }
    }
    if (first === null && citeData && citeData.first_page) first = String(citeData.first_page);
    if (last === first) last = null;
    return { first: first, last: last };
  }

  function locator(pages) {
    if (!pages.first) return "";
    return pages.last ? pages.first + "–" + pages.last : pages.first;
  }

  /* ---- citations -------------------------------------------------------------------------------- */

  function authorsOf(work) {
    return work.authors && work.authors.length ? work.authors : [work.author || "Anonymous"];
  }

  /* "First Last" → "Last, First", for bibliographies and RIS; a corporate author stays as it is. */
  function inverted(name, work) {
    if (work && work.corporate) return name;
    var parts = name.trim().split(/\s+/);
    if (parts.length < 2) return name;
    return parts[parts.length - 1] + ", " + parts.slice(0, -1).join(" ");
  }

  function chicago(work, pages, url) {
    var authors = authorsOf(work).join(" and ");
    var where = locator(pages);
    var text;
    if (work.kind === "article") {
      text = authors + ", “" + work.title + ",”";
      if (work.container) {
        text += " " + work.container;
        if (work.year) text += " (" + work.year + ")";
        text += where ? ": " + where : "";
      } else {
        // Not (yet) published in a journal: cite the manuscript by its page (BibTeX @unpublished, RIS UNPB).
        text += " unpublished manuscript" + (work.year ? ", " + work.year : "");
        text += where ? ", " + where : "";
      }
    } else {
      text = authors + ", " + work.title;
      var imprint = [work.place ? work.place + ": " : "", work.publisher || "", work.year ? ", " + work.year : ""];
      var joined = imprint.join("").replace(/^, /, "");
      if (joined) text += " (" + joined + ")";
      text += where ? ", " + where : "";
    }
    return text + ", " + url + ".";
  }

  function bibtexKey(work) {
    var last = inverted(authorsOf(work)[0], work).split(/[,\s]/)[0].toLowerCase().replace(/[^a-z0-9]/g, "");
    var word = (work.title.toLowerCase().match(/[a-z]{4,}/) || ["work"])[0];
    return last + (work.year || "") + word;
  }

  /* One kind of work in every format: a published article, an unpublished manuscript, a book or its
   * chapter (the same rules as site/cite.py). */
  function kindOf(work, section) {
    if (work.kind === "article") return work.container ? "article" : "manuscript";
    return section ? "chapter" : "book";
  }
  var BIBTEX_TYPE = { article: "article", manuscript: "unpublished", chapter: "inbook", book: "book" };
  var RIS_TYPE = { article: "JOUR", manuscript: "UNPB", chapter: "CHAP", book: "BOOK" };

  function bibtex(work, section, pages, url) {
    var kind = kindOf(work, section);
    var article_ = work.kind === "article";
    var lines = ["@" + BIBTEX_TYPE[kind] + "{" + bibtexKey(work) + ","];
    function field(name, value) { if (value) lines.push("  " + name + " = {" + value + "},"); }
    // braces keep a corporate author whole (BibTeX would read "Apparat Editors" as first and last name)
    field("author", work.corporate ? "{" + authorsOf(work)[0] + "}" : authorsOf(work).join(" and "));
    field("title", work.title);
    if (!article_ && section && citeData.title) field("chapter", citeData.title);
    field("journal", article_ ? work.container : null);
    field("publisher", article_ ? null : work.publisher);
    field("address", article_ ? null : work.place);
    field("year", work.year);
    field("pages", locator(pages).replace("–", "--"));
    field("note", kind === "manuscript" ? "Unpublished manuscript" : null);
    field("url", url);
    lines.push("}");
    return lines.join("\n");
  }

  function ris(work, section, pages, url) {
    var article_ = work.kind === "article";
    var lines = ["TY  - " + RIS_TYPE[kindOf(work, section)]];
    function field(tag, value) { if (value) lines.push(tag + "  - " + value); }
    authorsOf(work).forEach(function (name) { field("AU", inverted(name, work)); });
    if (!article_ && section && citeData.title) {
      field("TI", citeData.title);
      field("BT", work.title);
    } else {
      field("TI", work.title);
    }
    field("JO", article_ ? work.container : null);
    field("PB", article_ ? null : work.publisher);
    field("CY", article_ ? null : work.place);
    field("PY", work.year);
    field("SP", pages.first);
    field("EP", pages.last);
    field("UR", url);
    lines.push("ER  - ");
    return lines.join("\n");
  }

  function closePanel(panel, returnTo) {
    panel.remove();
    if (returnTo) returnTo.focus();
  }

  function openCitePanel(block, button) {
    var existing = document.getElementById("apparat-cite-panel");
    if (existing) {
      var wasForThis = existing.getAttribute("data-for") === block.id;
      closePanel(existing, null);
      if (wasForThis) return;
    }
    var work = citeData.work;
    var pages = pagesOf(block);
    var url = pageUrl() + "#" + block.id;
    var formats = [
      ["Chicago (note)", chicago(work, pages, url)],
      ["BibTeX", bibtex(work, citeData.section, pages, url)],
      ["RIS", ris(work, citeData.section, pages, url)],
    ];
    var panel = document.createElement("section");
    panel.id = "apparat-cite-panel";
    panel.className = "apparat-panel";
    panel.setAttribute("data-for", block.id);
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-labelledby", "apparat-cite-heading");
    var heading = document.createElement("h2");
    heading.id = "apparat-cite-heading";
    heading.tabIndex = -1;
    heading.textContent = "Cite this passage" + (pages.first ? " (" + (pages.last ? "pp. " : "p. ") + locator(pages) + ")" : "");
    panel.appendChild(heading);
    formats.forEach(function (format) {
      var label = document.createElement("div");
      label.textContent = format[0];
      var pre = document.createElement("pre");
      pre.textContent = format[1];
      var copy = document.createElement("button");
      copy.type = "button";
      copy.textContent = "Copy " + format[0].split(" ")[0];
      copy.addEventListener("click", function () {
        copyText(format[1], function (ok) { announce(ok ? format[0] + " copied" : "Copy failed: select the text"); });
      });
      panel.appendChild(label);
      panel.appendChild(pre);
      panel.appendChild(copy);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Close";
    close.addEventListener("click", function () { closePanel(panel, button); });
    panel.appendChild(close);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.stopPropagation(); closePanel(panel, button); }
    });
    block.insertAdjacentElement("afterend", panel);
    heading.focus();
  }

  /* ---- paragraph tools -------------------------------------------------------------------------- */

  function addParagraphTools() {
    if (!article) return;
    var blocks = article.querySelectorAll("p[id], blockquote[id]");
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      if (block.closest(".footnote, .md-tooltip2, .apparat-panel")) continue;
      block.classList.add("apparat-anchored");
      var tools = document.createElement("span");
      tools.className = "apparat-tools";
      var link = document.createElement("button");
      link.type = "button";
      link.className = "apparat-copy-link";
      link.textContent = "¶";
      link.setAttribute("aria-label", "Copy link to paragraph " + block.id);
      link.title = "Copy link to this paragraph";
      link.addEventListener("click", onCopyLink);
      tools.appendChild(link);
      if (citeData) {
        var cite = document.createElement("button");
        cite.type = "button";
        cite.className = "apparat-cite";
        cite.textContent = "Cite";
        cite.setAttribute("aria-label", "Cite paragraph " + block.id);
        cite.addEventListener("click", onCite);
        tools.appendChild(cite);
      }
      block.appendChild(tools);
    }
  }

  function blockOf(button) { return button.closest(".apparat-anchored"); }

  function onCopyLink(event) {
    var block = blockOf(event.currentTarget);
    var url = pageUrl() + "#" + block.id;
    if (history.replaceState) history.replaceState(null, "", "#" + block.id);
    copyText(url, function (ok) { announce(ok ? "Link copied: " + url : "Link: " + url); });
  }

  function onCite(event) { openCitePanel(blockOf(event.currentTarget), event.currentTarget); }

  /* ---- page jump -------------------------------------------------------------------------------- */

  function chapterForPage(work, page) {
    var chapters = work.chapters || [];
    for (var i = 0; i < chapters.length; i++) {
      if (page >= chapters[i].first_page && page <= chapters[i].last_page) return chapters[i];
    }
    return null;
  }

  function addPageJump() {
    if (!article || !citeData || !citeData.work) return;
    var work = citeData.work;
    if (!(work.chapters && work.chapters.length) && !article.querySelector(".pb")) return;
    var form = document.createElement("form");
    form.className = "apparat-jump";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Go to a printed page");
    var label = document.createElement("label");
    label.htmlFor = "apparat-jump-input";
    label.textContent = "Go to printed page";
    var input = document.createElement("input");
    input.id = "apparat-jump-input";
    input.type = "text";
    input.inputMode = "numeric";
    input.autocomplete = "off";
    input.setAttribute("pattern", "[0-9]+");
    var button = document.createElement("button");
    button.type = "submit";
    button.textContent = "Go";
    var status = document.createElement("span");
    status.className = "apparat-status";
    status.setAttribute("role", "status");
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(button);
    form.appendChild(status);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var page = parseInt(input.value, 10);
      if (!(page > 0)) { status.textContent = "Type a page number."; return; }
      var here = document.getElementById("p" + page);
      if (here) {
        location.hash = "p" + page;
        here.classList.add("apparat-flash");
        status.textContent = "Page " + page + ".";
        return;
      }
      var chapter = chapterForPage(work, page);
      if (chapter) {
        location.href = base.replace(/\/?$/, "/") + chapter.url + "#p" + page;
      } else {
        status.textContent = "No page " + page + " in this work.";
      }
    });
    // A page may say where the box goes (a work's overview: after its byline); else under the title.
    var slot = article.querySelector(".apparat-jump-slot");
    var title = article.querySelector("h1");
    if (slot) slot.replaceWith(form);
    else if (title) title.insertAdjacentElement("afterend", form);
    else article.insertBefore(form, article.firstChild);
  }

  /* ---- tooltips: notes, terms, factions, persons, citations -------------------------------------- */

  /* Hosts are note references (`a.footnote-ref` → `#fn:N`: the tip shows the note from the page's notes
   * list) and annotated spans (`a[data-ap="term:nomenklatura"]`: the tip HTML is in window.APPARAT_TIPS,
   * generated/tips.js, keyed by data-ap). Each tip ends with a link to the note or the entry. The tip is
   * put in the document right after its host, so Tab goes from the host into the tip's link; it is placed
   * inside the text column, so it never covers the navigation or the table of contents. */
  var HOSTS = "a[data-ap], a.footnote-ref[href^='#']";
  var TIPS = window.APPARAT_TIPS || {};
  var ENTRY = { term: "Glossary entry", faction: "Factions entry", person: "Persons entry", cite: "Bibliography entry" };
  var tip = null;
  var tipHost = null;
  var hideTimer = null;
  var returning = false;

  function noteOf(host) {
    var id = "";
    try { id = decodeURIComponent((host.getAttribute("href") || "").slice(1)); } catch (error) { return null; }
    return id ? document.getElementById(id) : null;
  }

  function tipContent(host) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.className = "apparat-tip-link";
    if (host.classList.contains("footnote-ref")) {
      var note = noteOf(host);
      if (!note) return null;
      var number = host.textContent.trim();
      var title = document.createElement("p");
      title.className = "apparat-tip-title";
      // the title is the link to the note: the first stop of the keyboard in the tip
      link.href = "#" + note.id;
      link.textContent = "Note " + number;
      link.setAttribute("aria-label", "Go to note " + number + " in the notes");
      title.appendChild(link);
      box.appendChild(title);
      var body = note.querySelector("p") || note;
      var copy = body.cloneNode(true);
      copy.removeAttribute("id");
      Array.prototype.forEach.call(copy.querySelectorAll(".footnote-backref, [id]"), function (node) {
        if (node.classList.contains("footnote-backref")) node.remove(); else node.removeAttribute("id");
      });
      box.appendChild(copy);
      return box;
    } else {
      var key = host.getAttribute("data-ap");
      var html = TIPS[key];
      if (!html) return null;
      var content = document.createElement("div");
      content.innerHTML = html;  // generated at build time and sanitised (nh3): not user input
      box.appendChild(content);
      var locator = host.getAttribute("data-locator");
      if (locator) {
        var where = document.createElement("p");
        where.className = "apparat-tip-locator";
        where.textContent = "Cited at " + locator;
        box.appendChild(where);
      }
      link.href = host.getAttribute("href");
      link.textContent = ENTRY[key.split(":")[0]] || "Entry";
    }
    var line = document.createElement("p");
    line.className = "apparat-tip-more";
    line.appendChild(link);
    box.appendChild(line);
    return box;
  }

  function ensureTip() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.className = "apparat-tip md-typeset";
    tip.id = "apparat-tip";
    tip.hidden = true;
    tip.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", scheduleHide);
    tip.addEventListener("focusin", function () { window.clearTimeout(hideTimer); });
    tip.addEventListener("focusout", function (event) {
      if (!tip.contains(event.relatedTarget) && event.relatedTarget !== tipHost) scheduleHide();
    });
    return tip;
  }

  /* Viewport box of the text column: the tip stays inside it. */
  function columnBox() {
    var column = article || document.body;
    var box = column.getBoundingClientRect();
    return { left: box.left, right: box.right };
  }

  function placeTip(host) {
    var hostBox = host.getBoundingClientRect();
    var column = columnBox();
    tip.style.maxWidth = Math.max(160, column.right - column.left - 16) + "px";
    var left = Math.max(column.left + 8, Math.min(hostBox.left, column.right - 8 - tip.offsetWidth));
    var top = hostBox.bottom + 6;
    if (top + tip.offsetHeight > window.innerHeight - 8 && hostBox.top - tip.offsetHeight - 6 > 56) {
      top = hostBox.top - tip.offsetHeight - 6;  // no room below: above the line
    }
    var parent = (tip.offsetParent || document.body).getBoundingClientRect();
    tip.style.left = left - parent.left + "px";
    tip.style.top = top - parent.top + "px";
  }

  function showTip(host) {
    var content = tipContent(host);
    if (!content) return;
    window.clearTimeout(hideTimer);
    ensureTip();
    tip.textContent = "";
    tip.appendChild(content);
    var after = host.parentElement && host.parentElement.tagName === "SUP" ? host.parentElement : host;
    after.insertAdjacentElement("afterend", tip);
    tip.hidden = false;
    if (tipHost && tipHost !== host) tipHost.removeAttribute("aria-describedby");
    tipHost = host;
    host.setAttribute("aria-describedby", tip.id);
    host.setAttribute("aria-expanded", "true");
    placeTip(host);
  }

  function hideTip() {
    if (!tip || tip.hidden) return;
    var hadFocus = tip.contains(document.activeElement);
    tip.hidden = true;
    if (tipHost) {
      tipHost.removeAttribute("aria-describedby");
      tipHost.setAttribute("aria-expanded", "false");
      if (hadFocus) { returning = true; tipHost.focus(); returning = false; }  // back, without reopening
    }
    tipHost = null;
  }

  function scheduleHide() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hideTip, 300);
  }

  function addTooltips() {
    var hosts = document.querySelectorAll(HOSTS);
    for (var i = 0; i < hosts.length; i++) {
      var host = hosts[i];
      if (host.classList.contains("footnote-ref") ? !noteOf(host) : !TIPS[host.getAttribute("data-ap")]) continue;
      host.classList.add("apparat-tip-host");
      host.setAttribute("aria-expanded", "false");
      host.addEventListener("mouseenter", function (event) { showTip(event.currentTarget); });
      host.addEventListener("mouseleave", scheduleHide);
      host.addEventListener("focus", function (event) { if (!returning) showTip(event.currentTarget); });
      host.addEventListener("blur", function (event) {
        if (!(tip && tip.contains(event.relatedTarget))) scheduleHide();
      });
      host.addEventListener("pointerdown", function (event) {
        // Remember, before the browser's emulated mouseenter shows the tip, whether it was already open.
        var target = event.currentTarget;
        target.apparatTouch = event.pointerType === "touch";
        target.apparatWasOpen = tipHost === target && tip && !tip.hidden;
      });
      host.addEventListener("click", function (event) {
        // A tap has no hover: the first tap on a touch screen shows the tip, the second follows the link.
        var target = event.currentTarget;
        if (target.apparatTouch && !target.apparatWasOpen) {
          event.preventDefault();
          showTip(target);
        }
      });
    }
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && tip && !tip.hidden) {
        hideTip();
        event.stopPropagation();
      }
    }, true);
    document.addEventListener("pointerdown", function (event) {
      if (tip && !tip.hidden && !tip.contains(event.target) && !(tipHost && tipHost.contains(event.target))) hideTip();
    });
    window.addEventListener("resize", function () { if (tip && !tip.hidden && tipHost) placeTip(tipHost); });
  }

  /* A page that begins with a paragraph needs no hairline in the text, only the margin number. */
  function markPageStarts() {
    if (!article) return;
    var markers = article.querySelectorAll("p .pb");
    for (var i = 0; i < markers.length; i++) {
      var before = markers[i].previousSibling;
      while (before && before.nodeType === Node.ELEMENT_NODE && before.classList.contains("pb")) before = before.previousSibling;
      if (!before || (before.nodeType === Node.TEXT_NODE && !before.textContent.trim())) markers[i].classList.add("pb-start");
    }
  }

  markPageStarts();
  addParagraphTools();
  addPageJump();
  addTooltips();
})();
