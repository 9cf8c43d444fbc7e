"""With the keyboard alone: Tab reaches every link on the page, the language switcher, the search, the
palette toggle and the larger-text switch, and each shows where the focus is (its computed outline or
box-shadow while focused differs from its own when not focused).
"""

from __future__ import annotations

import pytest

# Marks what must be reachable and notes how each looks unfocused. A link counts when it is rendered
# (not inside a collapsed section); the language menu's links are hidden until the menu has focus.
MARK_TARGETS = """() => {
  const shown = el => el.checkVisibility({visibilityProperty: true});
  const targets = [];
  for (const a of document.querySelectorAll("a[href]")) {
    if (shown(a) || a.closest(".md-select")) targets.push([a, "link " + (a.textContent.trim() || a.title || a.getAttribute("href"))]);
  }
  targets.push([document.querySelector(".md-select > button"), "the language switcher"]);
  targets.push([document.querySelector("input.md-search__input"), "the search"]);
  targets.push([document.querySelector("[data-site-text-size]"), "the larger-text switch"]);
  // Tab enters a radio group at its checked radio, or at its first when none is checked yet.
  const palette = document.querySelector("form[data-md-component=palette]");
  targets.push([palette && (palette.querySelector("input:checked") || palette.querySelector("input")), "the palette toggle"]);
  const missing = targets.filter(([el]) => !el).map(([, name]) => name);
  if (missing.length) throw new Error("not on the page: " + missing.join(", "));
  return targets.map(([el, name], i) => {
    el.dataset.kbTarget = String(i);
    return {name: name.replace(/\\s+/g, " ").slice(0, 60), look: window.focusLook(el)};
  });
}"""

# What shows focus: the element's outline and shadow; for the palette's hidden radio, its visible label.
FOCUS_LOOK = """() => {
  window.focusLook = el => {
    const shown = el.matches(".md-option") ? el.nextElementSibling : el;
    const s = getComputedStyle(shown);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(" ");
  };
}"""

FOCUSED = """() => {
  const el = document.activeElement;
  return el && el !== document.body ? {target: el.dataset.kbTarget ?? null, look: window.focusLook(el)} : null;
}"""


def shows_focus(unfocused: str, focused: str) -> bool:
    style, width, *_ = focused.split(" ")
    outline = style != "none" and width != "0px"
    shadow = not focused.endswith(" none")
    return focused != unfocused and (outline or shadow)


@pytest.mark.parametrize("url", ["/reports/2023/progress/05-decision-making/", "/en/"])
def test_tab_reaches_everything_with_a_visible_focus(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate(FOCUS_LOOK)
    targets = page.evaluate(MARK_TARGETS)
    assert len(targets) > 10

    reached: dict[int, str] = {}
    first = None
    for _ in range(3 * len(targets) + 50):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        key = (focused["target"], focused["look"])
        if first is None:
            first = key
        elif key == first and len(reached) > 0:
            break  # around once
        if focused["target"] is not None:
            reached.setdefault(int(focused["target"]), focused["look"])
        if len(reached) == len(targets):
            break

    unreached = [t["name"] for i, t in enumerate(targets) if i not in reached]
    assert not unreached, f"not reachable with Tab: {unreached}"
    no_focus = [t["name"] for i, t in enumerate(targets) if not shows_focus(t["look"], reached[i])]
    assert not no_focus, f"no visible focus: {no_focus}"


def test_the_check_sees_a_focus_that_does_not_show(page):
    """The same link, reached with Tab: with the site's focus styles it shows focus; with outline and
    shadow taken away (colour alone left) the check must say that it does not."""
    page.goto("/reports/2023/")
    page.wait_for_load_state("networkidle")
    page.evaluate(FOCUS_LOOK)
    unfocused = page.locator(".md-nav__link[href]").first.evaluate("el => window.focusLook(el)")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-nav__link[href]')"):
            break
    look = "() => window.focusLook(document.activeElement)"
    assert shows_focus(unfocused, page.evaluate(look))
    page.evaluate("""() => document.styleSheets[0].insertRule(
        "a:focus, a:focus-visible, a.focus-visible { outline: none !important; box-shadow: none !important }",
        document.styleSheets[0].cssRules.length)""")
    assert not shows_focus(unfocused, page.evaluate(look))
