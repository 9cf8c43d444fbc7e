""""Edit this page": with REPO_URL set (as the workflows do), every page links to the file it was built
from — docs/zh/… or docs/en/…, and docs/zh/… for an English page not yet translated; without it, no
page has the button (the repository's address is never invented)."""

from __future__ import annotations

import os

import pytest
from conftest import REPO, soup_of

EDIT = f"{REPO}/edit/main/docs/"


def pages(site):
    return [p for p in site.rglob("index.html") if p.parent.name not in ("assets", "search")]


def edit_link(path):
    link = soup_of(path).find("a", rel="edit")
    return link["href"] if link else None


@pytest.fixture(scope="module")
def built(built_elsewhere):
    """A project copy with one page left untranslated (docs/en/about.md), built with REPO_URL set:
    conftest.built_elsewhere."""
    return built_elsewhere


def test_every_page_has_an_edit_link_to_an_existing_source_file(built):
    found = {}
    for path in pages(built.site):
        href = edit_link(path)
        assert href and href.startswith(EDIT), f"{path}: {href}"
        source = built.project / "docs" / href.removeprefix(EDIT)
        assert source.is_file(), f"{path} → {href}"
        found[path.relative_to(built.site).as_posix()] = href.removeprefix(EDIT)
    assert len(found) > 40
    assert found["index.html"] == "zh/index.md"
    assert found["reports/2023/plan/index.html"] == "zh/reports/2023/plan.md"
    assert found["en/reports/2023/plan/index.html"] == "en/reports/2023/plan.md"
    assert found["en/policies/rule-of-law-china-plan/index.html"] == "en/policies/rule-of-law-china-plan.md"


def test_an_untranslated_english_page_edits_the_chinese_file_it_shows(built):
    assert edit_link(built.site / "en" / "about" / "index.html") == f"{EDIT}zh/about.md"


def test_the_repository_link_fetches_nothing_from_github(built):
    """Material's own repository widget asks api.github.com for stars and forks; this site's does not."""
    soup = soup_of(built.site / "index.html")
    links = soup.select("a.md-source")
    assert links and all(a["href"] == REPO for a in links)
    assert not soup.select('[data-md-component="source"]')


def test_the_site_has_edit_links_only_when_the_repository_is_known(site):
    expected = os.environ.get("REPO_URL")  # set by the workflows, unset locally
    for path in pages(site):
        href = edit_link(path)
        if expected:
            assert href and href.startswith(f"{expected}/edit/main/docs/"), path
        else:
            assert href is None, f"{path}: {href}"
