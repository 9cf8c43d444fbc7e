"""annual_report.links: links between pages given by their paths in a language folder."""

from __future__ import annotations

import pytest

from annual_report.links import href, url_path


@pytest.mark.parametrize("src, url", [
    ("index.md", ""),
    ("reports/2023/index.md", "reports/2023/"),
    ("reports/2023/plan.md", "reports/2023/plan/"),
    ("policies/foo.md", "policies/foo/"),
    ("reindex.md", "reindex/"),  # only a page named index is its folder's URL
])
def test_url_path_of_a_page_with_directory_urls(src, url):
    assert url_path(src) == url


def test_href_is_relative_to_the_linking_page():
    assert href("reports/2023/plan.md", "policies/foo.md") == "../../policies/foo.md"
    assert href("index.md", "measures/index.md", "2023-done") == "measures/index.md#2023-done"
    assert href("reports/2023/plan.md", "reports/2023/problems.md") == "problems.md"


def test_a_link_to_the_same_page_is_its_anchor_alone():
    assert href("reports/2023/plan.md", "reports/2023/plan.md", "m-2023-3-02-1") == "#m-2023-3-02-1"
    assert href("reports/2023/plan.md", "reports/2023/plan.md") == ""
