"""Options for older and low-vision readers (适老化): larger text, and a high-contrast palette.

Larger text is the site's own switch in the header (partials/text-size.html, text-size.js); high
contrast is the third choice of Material's palette toggle (mkdocs.yml, accessibility.css).
"""

from __future__ import annotations

from .conftest import PHONE, choose_palette

TEXT_SIZE = """() => parseFloat(getComputedStyle(document.querySelector("article p")).fontSize)"""
LARGE = "document.documentElement.classList.contains('site-text-large')"

# Runs before any of the page's own scripts: notes whether <html> has the class when <body> appears,
# that is before anything of the page can have been painted.
AT_FIRST_BODY = """
new MutationObserver((records, observer) => {
  if (document.body) {
    window.largeAtFirstBody = document.documentElement.classList.contains("site-text-large");
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


def test_larger_text_is_larger_and_stays_on_across_pages_and_languages(new_context):
    context = new_context()
    context.add_init_script(AT_FIRST_BODY)
    page = context.new_page()
    page.goto("/reports/2023/")
    normal = page.evaluate(TEXT_SIZE)
    switch = page.locator("[data-site-text-size]")
    assert switch.get_attribute("aria-pressed") == "false"
    assert page.evaluate("window.largeAtFirstBody") is False

    switch.click()
    assert page.evaluate(LARGE)
    assert switch.get_attribute("aria-pressed") == "true"
    assert page.evaluate(TEXT_SIZE) >= 1.2 * normal

    page.locator("article a[href$='plan/']").first.click()  # another page, by its link
    page.wait_for_url("**/reports/2023/plan/")
    assert page.evaluate("window.largeAtFirstBody") is True  # applied before the first paint
    assert page.evaluate(TEXT_SIZE) >= 1.2 * normal
    assert page.locator("[data-site-text-size]").get_attribute("aria-pressed") == "true"

    page.goto("/en/reports/2023/")  # the whole site, both languages
    assert page.evaluate("window.largeAtFirstBody") is True

    page.locator("[data-site-text-size]").click()  # and off again, remembered as off
    page.goto("/reports/2023/")
    assert page.evaluate("window.largeAtFirstBody") is False
    assert page.evaluate(TEXT_SIZE) == normal


def test_larger_text_is_remembered_by_the_browser_not_the_page(new_context):
    first = new_context().new_page()
    first.goto("/reports/2023/")
    first.locator("[data-site-text-size]").click()
    again = first.context.new_page()  # a new tab of the same browser
    again.goto("/measures/")
    assert again.evaluate(LARGE)
    stranger = new_context().new_page()  # another browser profile knows nothing of it
    stranger.goto("/measures/")
    assert not stranger.evaluate(LARGE)


def test_larger_text_on_a_phone_keeps_the_page_within_the_screen(new_context):
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto("/reports/2023/progress/05-decision-making/")
    page.locator("[data-site-text-size]").click()
    assert page.evaluate(LARGE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_high_contrast_is_the_palette_toggles_third_choice_and_is_remembered(page):
    page.goto("/reports/2023/")
    page.wait_for_load_state("networkidle")
    toggle = page.locator("form[data-md-component=palette] label:visible")
    schemes = []
    for _ in range(3):
        toggle.click()
        schemes.append(page.evaluate("document.body.dataset.mdColorScheme"))
    assert schemes == ["slate", "contrast", "default"]

    choose_palette(page, "contrast")
    page.goto("/en/measures/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "contrast"
    colours = page.evaluate("""() => {
        const text = getComputedStyle(document.querySelector("article p"));
        const body = getComputedStyle(document.body);
        return [text.color, body.backgroundColor];
    }""")
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    label = page.locator("form[data-md-component=palette] label:visible")
    assert label.get_attribute("title") == "Switch to light mode"
