"""Drafts are decided by parsed YAML and never published; pages with a byte-order mark or CRLF are read whole."""

from __future__ import annotations

import pytest
from conftest import add_notes_page, build, copy_project, soup_of

from annual_report.catalog import CatalogReader


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path, reports={2023})


def test_a_quoted_draft_status_is_a_draft(draft_builds):
    """The 2024 draft's home says status: "draft" (conftest.draft_builds)."""
    site = draft_builds.project / "site"
    assert not (site / "reports" / "2024").exists() and "2024年报告" not in (site / "index.html").read_text("utf-8")


def test_draft_true_keeps_any_page_out_of_the_site_and_the_preview_shows_it(draft_builds):
    site = draft_builds.project / "site"
    assert not (site / "notes").exists() and not (site / "en" / "notes").exists()
    assert "草稿笔记XYZ" not in (site / "sitemap.xml").read_text("utf-8") + (site / "index.html").read_text("utf-8")
    banner = soup_of(draft_builds.project / "preview" / "notes" / "index.html").select_one("article .admonition.danger")
    assert "draft: true" in banner.get_text()


def test_a_draft_value_that_is_not_true_or_false_fails_the_build(project):
    add_notes_page(project, "draft: maybe\n")
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/zh/notes.md:3: 'draft: maybe' is neither true nor false" in result.stderr


@pytest.mark.parametrize("change", [lambda t: "\ufeff" + t, lambda t: t.replace("\n", "\r\n")], ids=["bom", "crlf"])
def test_a_page_saved_with_a_bom_or_crlf_keeps_its_measures(project, change):
    page = project / "docs" / "zh" / "reports" / "2023" / "progress" / "02-stability.md"
    page.write_bytes(change(page.read_text("utf-8")).encode("utf-8"))
    catalog, _ = CatalogReader(project / "docs" / "zh", project / "data", project).read()
    assert len(catalog.measures) == 45 and "2023-1-02-1" in catalog.by_id
