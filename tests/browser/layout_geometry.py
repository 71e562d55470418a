"""Bounding boxes of a chapter page in Chromium: what our reading tools cover of the navigation.

`collisions(page)` returns, for the page as it is laid out now, every intersection of a margin page label,
a paragraph tool, the open tooltip or the open search panel with the text of the navigation or the table
of contents (the text itself, measured with a Range, not the sidebar's box). A page label is CSS generated
content (`.pb::before`); its box is computed from its used style: absolutely placed against its paragraph
in the margin, inline in the text on narrow screens. Used by test_layout.py (sample) and the real-edition
measurement.

`spacing(page)` measures what a reader sees as uneven or spilled layout, not collisions: a paragraph with
an empty-looking line after its text (hidden tools that wrapped onto a line of their own), content of the
text column reaching past its edge (a table under the table of contents), and the gap between a page's
title and the page box under it.
"""

from __future__ import annotations

from typing import Any

_MEASURE = """
() => {
  const view = { w: document.documentElement.clientWidth, h: window.innerHeight };
  const onScreen = r => r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < view.w && r.top < view.h;
  const box = r => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const visible = node => {
    for (let n = node; n && n !== document.body; n = n.parentElement) {
      const style = getComputedStyle(n);
      if (style.display === 'none' || style.visibility === 'hidden' || n.hidden) return false;
    }
    return true;
  };
  // what of an element its scrolling or clipping ancestors let through (a closed drawer shows nothing)
  const clipOf = node => {
    let clip = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
    for (let n = node.parentElement; n && n !== document.body; n = n.parentElement) {
      const style = getComputedStyle(n);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const r = n.getBoundingClientRect();
      clip = { left: Math.max(clip.left, r.left), top: Math.max(clip.top, r.top),
               right: Math.min(clip.right, r.right), bottom: Math.min(clip.bottom, r.bottom) };
    }
    return clip;
  };
  const clipped = (r, c) => {
    const left = Math.max(r.left, c.left), right = Math.min(r.right, c.right);
    const top = Math.max(r.top, c.top), bottom = Math.min(r.bottom, c.bottom);
    return { left: left, right: right, top: top, bottom: bottom, width: right - left, height: bottom - top };
  };
  // navigation and table of contents: the text of their links, as far as it is shown
  const navText = [];
  for (const link of document.querySelectorAll('.md-sidebar .md-nav__link, .md-sidebar .md-nav__title')) {
    if (!visible(link)) continue;
    const clip = clipOf(link);
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode;
      if (!text.nodeValue.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      for (const raw of range.getClientRects()) {
        const r = clipped(raw, clip);
        if (onScreen(r)) navText.push({ what: (link.closest('.md-sidebar--secondary') ? 'toc: ' : 'nav: ') + text.nodeValue.trim().slice(0, 40), ...box(r) });
      }
    }
  }
  const ours = [];
  // margin page labels (generated content of .pb)
  for (const marker of document.querySelectorAll('article .pb')) {
    const style = getComputedStyle(marker, '::before');
    if (style.content === 'none' || style.display === 'none') continue;
    const label = 'page label p. ' + marker.dataset.page;
    if (style.position === 'absolute') {
      const holder = marker.offsetParent || marker.parentElement;
      const cb = holder.getBoundingClientRect();
      const line = marker.getBoundingClientRect();
      const left = cb.left + holder.clientLeft + parseFloat(style.left);
      const width = parseFloat(style.width);
      const height = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
      const r = { left: left, right: left + width, top: line.top, bottom: line.top + height, width: width, height: height };
      if (onScreen(r)) ours.push({ what: label, ...box(r) });
    } else {
      for (const r of marker.getClientRects()) if (onScreen(r)) ours.push({ what: label, ...box(r) });
    }
  }
  for (const tools of document.querySelectorAll('.apparat-tools')) {
    for (const r of tools.getClientRects()) if (onScreen(r)) ours.push({ what: 'paragraph tools of ' + tools.parentElement.id, ...box(r) });
  }
  for (const [selector, what] of [['#apparat-tip', 'tooltip'], ['#apparat-search', 'search panel']]) {
    const node = document.querySelector(selector);
    if (node && !node.hidden && visible(node)) {
      const r = node.getBoundingClientRect();
      if (onScreen(r)) ours.push({ what: what, ...box(r) });
    }
  }
  const hits = [];
  for (const a of ours) for (const b of navText) {
    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
      hits.push(a.what + ' × ' + b.what);
    }
  }
  return { hits: hits, ours: ours.length, nav: navText.length };
}
"""


def collisions(page: Any) -> dict[str, Any]:
    """{'hits': ['page label p. 3 × nav: Chapter 1', ...], 'ours': boxes measured, 'nav': text boxes}."""
    result: dict[str, Any] = page.evaluate(_MEASURE)
    return result


def scan(page: Any) -> dict[str, Any]:
    """Collisions over the whole chapter: the page scrolled a screen at a time, plus a tooltip opened on a
    note reference and on an annotation near the right edge of the text, and the search panel open."""
    found: list[str] = []
    measured = 0
    height = page.evaluate("document.documentElement.scrollHeight")
    step = page.viewport_size["height"] - 100
    for y in range(0, height, step):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(30)
        result = collisions(page)
        found += result["hits"]
        measured += result["ours"]
    for kind, selector in (("note", "article a.footnote-ref"), ("entry", "article a[data-ap]")):
        count = page.evaluate(
            """([kind, selector]) => {
                const hosts = [...document.querySelectorAll(selector)].filter(n => !n.closest('#apparat-tip'));
                hosts.forEach((n, i) => n.setAttribute('data-geometry', kind + i));
                return hosts.length;
            }""",
            [kind, selector],
        )
        for i in sorted({0, count // 2, count - 1}) if count else []:
            host = page.locator(f"[data-geometry='{kind}{i}']")
            host.scroll_into_view_if_needed()
            host.hover()
            page.wait_for_timeout(120)
            result = collisions(page)
            found += result["hits"]
            measured += result["ours"]
            page.mouse.move(1, 1)
            page.wait_for_timeout(350)
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("button.apparat-search-button").click()
    page.locator("#apparat-search-input").fill("bureaucracy")
    page.wait_for_timeout(300)
    result = collisions(page)
    found += result["hits"]
    measured += result["ours"]
    page.keyboard.press("Escape")
    return {"hits": sorted(set(found)), "measured": measured}


_SPACING = """
() => {
  const article = document.querySelector('article.md-content__inner');
  if (!article) return { blank: [], spill: [], titleGap: null, lineHeight: 0 };
  const column = article.getBoundingClientRect();
  const blank = [];
  for (const p of article.querySelectorAll('p.apparat-anchored')) {
    const range = document.createRange();
    range.setStart(p, 0);
    const tools = p.querySelector(':scope > .apparat-tools');
    if (tools) range.setEndBefore(tools); else range.setEnd(p, p.childNodes.length);
    let bottom = -Infinity;
    for (const r of range.getClientRects()) if (r.height > 0) bottom = Math.max(bottom, r.bottom);
    const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
    if (bottom > -Infinity && p.getBoundingClientRect().bottom - bottom > 0.6 * lineHeight) blank.push(p.id);
  }
  // what reaches past the column, unless a scrolling box inside the column holds it (code blocks scroll
  // themselves; on a phone Material lets them bleed to the screen edge on purpose)
  const scrolls = n => { const s = getComputedStyle(n); return s.overflowX === 'auto' || s.overflowX === 'scroll'; };
  const spill = [];
  for (const node of article.querySelectorAll('table, figure, .apparat-report, .apparat-contents, img, svg')) {
    let held = false;
    for (let n = node.parentElement; n && n !== article; n = n.parentElement) if (scrolls(n)) { held = true; break; }
    if (held || node.closest('#apparat-tip')) continue;
    const r = node.getBoundingClientRect();
    if (r.width && (r.right > column.right + 1 || r.left < column.left - 1)) {
      spill.push(node.tagName.toLowerCase() + (node.className && node.className.baseVal === undefined ? '.' + node.className : '') + ' ' + Math.round(r.right - column.right) + ' px');
    }
  }
  const title = article.querySelector('h1');
  const jump = article.querySelector('.apparat-jump');
  const gap = title && jump && title.nextElementSibling === jump
    ? jump.getBoundingClientRect().top - title.getBoundingClientRect().bottom : null;
  return { blank: blank, spill: spill, titleGap: gap,
           lineHeight: parseFloat(getComputedStyle(article).lineHeight) || 24 };
}
"""


def spacing(page: Any) -> dict[str, Any]:
    """{'blank': ids of paragraphs with an empty line after their text, 'spill': what reaches past the text
    column, 'titleGap': px between the title and a page box right under it (None without one),
    'lineHeight': the column's line height in px}."""
    result: dict[str, Any] = page.evaluate(_SPACING)
    return result
