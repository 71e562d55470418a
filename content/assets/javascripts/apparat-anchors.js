/* Old links land on the passage they cited.
 *
 * Paragraph ids of an earlier release (`ch03-b042`) and anchors moved by a declared redirect are no longer
 * in the pages; `apparat build` finds where each passage is now and writes generated/moved-anchors.js
 * (`window.APPARAT_MOVED = {"<work>/<page>.html": {"<old id>": "<work>/<page>.html#<new id>"}}`, see
 * docs/anchors.md). When a page is opened, or its address changes, at an id the page does not hold, this
 * script loads that file (a plain <script>, so it works from file:// and under the site's
 * Content-Security-Policy) and replaces the address with the new one, so that the Back button does not
 * return to the dead link. An id the page holds is never redirected: ids are not reused for other text.
 */
(function () {
  "use strict";

  var config = readJson("__config") || {};
  var root = new URL((config.base || ".").replace(/\/?$/, "/"), location.href);
  var loading = null;

  function readJson(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (error) { return null; }
  }

  function load() {
    if (window.APPARAT_MOVED) return Promise.resolve(window.APPARAT_MOVED);
    if (!loading) {
      loading = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = new URL("generated/moved-anchors.js", root).href;
        script.onload = function () { resolve(window.APPARAT_MOVED || {}); };
        script.onerror = function () { resolve({}); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  /* This page's path under the site root, as the map names it (`work/04-chapter-3.html`). */
  function pageKey() {
    var here = location.href.split("#")[0].split("?")[0];
    if (here.indexOf(root.href) !== 0) return null;
    try { return decodeURIComponent(here.slice(root.href.length)); } catch (error) { return null; }
  }

  function currentId() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (error) { return ""; }
  }

  function follow() {
    var id = currentId();
    if (!id || document.getElementById(id)) return;
    var page = pageKey();
    if (page === null) return;
    load().then(function (moved) {
      var target = Object.prototype.hasOwnProperty.call(moved, page) ? moved[page][id] : null;
      if (typeof target !== "string" || currentId() !== id) return;
      var url = new URL(target, root);
      if (url.href.indexOf(root.href) !== 0) return;  // only ever within this site
      if (url.href.split("#")[0] === location.href.split("#")[0].split("?")[0]) {
        location.replace(url.hash);
      } else {
        location.replace(url.href);
      }
    });
  }

  follow();
  window.addEventListener("hashchange", follow);
})();
