"""axe-core (axe-playwright-python) on the pages readers use most: no serious or critical violation
of WCAG 2.1 A and AA, in Chinese and in English, in the light scheme, and on a sample of pages in
the dark and the high-contrast schemes too. What axe finds is fixed in the site's CSS, never by
turning a rule off.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import PHONE, choose_palette

WCAG21_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

PAGES = [
    "/", "/en/",
    "/reports/2023/progress/05-decision-making/", "/en/reports/2023/progress/05-decision-making/",
    "/measures/", "/en/measures/",
    "/policies/major-administrative-decision-procedures/", "/en/policies/major-administrative-decision-procedures/",
    "/glossary/", "/en/glossary/",
]
SCHEME_SAMPLE = ["/", "/reports/2023/progress/05-decision-making/", "/en/reports/2023/progress/05-decision-making/",
                 "/glossary/"]


def blocking_violations(page) -> list[str]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG21_A_AA},
                                       "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(" ".join(n["target"]) + ": " + n["failureSummary"].replace("\n", " ") for n in v["nodes"][:5])
            for v in results.response["violations"] if v["impact"] in BLOCKING]


@pytest.mark.parametrize("url", PAGES)
def test_no_serious_violation(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert blocking_violations(page) == []


@pytest.mark.parametrize("scheme", ["slate", "contrast"])
@pytest.mark.parametrize("url", SCHEME_SAMPLE)
def test_no_serious_violation_in_the_other_schemes(page, url, scheme):
    page.goto(url)
    choose_palette(page, scheme)
    assert blocking_violations(page) == []


@pytest.mark.parametrize("url", ["/reports/2023/", "/reports/2023/progress/05-decision-making/"])
def test_no_serious_violation_on_a_phone_with_larger_text(new_context, url):
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(url)
    page.locator("[data-site-text-size]").click()
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.classList.contains('site-text-large')")
    assert blocking_violations(page) == []


def test_the_check_finds_a_violation(page):
    """A paragraph grey on grey: axe must report it, or the checks above prove nothing."""
    page.goto("/reports/2023/")
    page.wait_for_load_state("networkidle")
    page.evaluate("""() => {
        const p = document.querySelector("article p");
        p.style.setProperty("color", "#aaa", "important");
        p.style.setProperty("background", "#bbb", "important");
    }""")
    assert any(v.startswith("color-contrast") for v in blocking_violations(page))
