"""annual_report.rendering.markers: one registry fills every marker; an unknown one is an error."""

from __future__ import annotations

import pytest
from rendering_factory import HOME, HOME_META, make_catalog, page

from annual_report.errors import ContentError
from annual_report.rendering.markers import MARKERS, fill_markers


def test_a_marker_is_replaced_by_its_section():
    out = fill_markers("# 标题\n\n<!-- glossary -->\n", page("glossary.md"), make_catalog())
    assert "<!--" not in out and "## 法治 { #rule-of-law }" in out


def test_other_comments_are_left_alone():
    markdown = "<!-- translation-notice -->\n\n<!-- 待填写：原文 -->\n"
    assert fill_markers(markdown, page(HOME, meta=HOME_META), make_catalog()) == markdown


def test_an_unknown_marker_names_its_line_and_every_registered_marker():
    with pytest.raises(ContentError) as err:
        fill_markers("# 标题\n\n<!-- report:contents -->\n<!-- measures:by-yaer -->\n", page(HOME, meta=HOME_META), make_catalog())
    assert err.value.path == f"docs/zh/{HOME}"
    assert err.value.problem == "line 4 of the body has the unknown marker '<!-- measures:by-yaer -->'"
    assert err.value.fix == "use one of " + ", ".join(sorted(MARKERS))
    assert "measures:by-year" in err.value.fix and "report:full" in err.value.fix


@pytest.mark.parametrize("name", sorted(MARKERS))
def test_every_registered_marker_renders_on_the_small_catalog(name):
    meta = {**HOME_META, "section": 1} if name == "report:section-contents" else HOME_META
    src = "policies/test-regulations.md" if name.startswith("policy:") else HOME
    assert fill_markers(f"<!-- {name} -->\n", page(src, meta=meta), make_catalog()).strip()
