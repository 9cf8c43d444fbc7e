/* Larger text (大字模式): a class on <html>, remembered in localStorage for the whole site.
 *
 * Loaded from <head> (overrides/main.html), synchronously, so that the class is on <html> before the
 * first paint and a page never shows small text first. The header button (partials/text-size.html)
 * is wired once the page has been parsed. The key is scoped to the site's root path, as Material
 * scopes its own, so that sites sharing an origin (GitHub Pages) do not share the setting. */
(function () {
  "use strict";
  var CLASS = "site-text-large";
  var root = document.documentElement;
  var script = document.currentScript;
  var scope = script ? new URL("../..", script.src).pathname : "/";  // assets/javascripts/ → site root
  var KEY = scope + ".site-text-large";

  function stored() {
    try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }

  function remember(on) {
    try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
  }

  function apply(on) {
    root.classList.toggle(CLASS, on);
    var buttons = document.querySelectorAll("[data-site-text-size]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
    }
  }

  apply(stored());

  document.addEventListener("DOMContentLoaded", function () {
    apply(root.classList.contains(CLASS));
    var buttons = document.querySelectorAll("[data-site-text-size]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function () {
        var on = !root.classList.contains(CLASS);
        remember(on);
        apply(on);
      });
    }
  });
})();
