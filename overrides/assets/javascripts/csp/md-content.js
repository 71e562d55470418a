/* Material for MkDocs 9.8.1, partials/javascripts/content.html: its inline script moved into a file, so that the
   Content-Security-Policy needs no 'unsafe-inline' for scripts (see overrides/partials/javascripts/content.html).
   Re-copy when upgrading Material. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
