"""The report home on a phone and on a desktop: nothing wider than the screen, the header readable.

Screenshots go to /tmp/screens/ (not part of the project) for a person to look at; the assertions are
what can be checked without looking.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import DESKTOP, PHONE

SCREENS = Path("/tmp/screens")

# Elements that stick out of the page on the right (a table or a long word that does not wrap).
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("article *, .md-header *")]
    .filter(el => el.checkVisibility({visibilityProperty: true, opacityProperty: true}))
    .filter(el => !el.closest(".md-typeset__scrollwrap, pre, .md-search, .md-select__inner"))
    .filter(el => el.getBoundingClientRect().right > width + 1)
    .map(el => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : "")
               + " " + (el.textContent || "").trim().slice(0, 30));
}"""


@pytest.mark.parametrize("large", [False, True], ids=["normal", "larger-text"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda v: f"{v['width']}x{v['height']}")
def test_report_home_fits_the_screen(new_context, viewport, large):
    phone = viewport is PHONE
    page = new_context(viewport=viewport, is_mobile=phone, has_touch=phone).new_page()
    page.goto("/reports/2023/")
    if large:
        page.locator("[data-site-text-size]").click()
        page.reload()  # as a reader comes back: the choice applied from the start, no focus, no hover
    page.wait_for_load_state("networkidle")
    page.mouse.move(1, viewport["height"] - 1)
    SCREENS.mkdir(parents=True, exist_ok=True)
    name = f"report-home-{viewport['width']}x{viewport['height']}{'-large' if large else ''}"
    page.screenshot(path=SCREENS / f"{name}.png")
    page.screenshot(path=SCREENS / f"{name}-full.png", full_page=True)

    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert page.evaluate(OVERFLOWING) == []
    title = page.locator(".md-header__topic").first.bounding_box()
    assert title and title["width"] > 80  # the site name is not squeezed away by the header buttons
    heading = page.locator("article h1").bounding_box()
    assert heading and 0 <= heading["x"] and heading["x"] + heading["width"] <= viewport["width"]
