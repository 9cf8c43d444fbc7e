"""Drafts are decided by parsed YAML and never published; pages with a byte-order mark or CRLF are read whole."""

from __future__ import annotations

import os
import subprocess

import pytest
from conftest import FIXTURE_REPORTS, MKDOCS, build, copy_project, import_report, soup_of

from annual_report.catalog import CatalogReader


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path, reports={2023})


def add_page(project, front: str):
    for lang in ("zh", "en"):
        (project / "docs" / lang / "notes.md").write_text(f"---\ntitle: 笔记\n{front}---\n\n# 笔记\n\n草稿笔记XYZ。\n", "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - 关于本站: about.md\n", "  - 关于本站: about.md\n  - notes.md\n"), "utf-8")


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    """One copy with two drafts that do not touch each other, built once as published and once as a
    preview: a report whose home quotes its draft status, and a page marked draft: true."""
    project = copy_project(tmp_path_factory.mktemp("drafts"), reports={2023})
    assert import_report(project, 2024, FIXTURE_REPORTS / "five-part-2024.txt").returncode == 0
    home = project / "docs" / "zh" / "reports" / "2024" / "index.md"
    home.write_text(home.read_text("utf-8").replace("status: draft", 'status: "draft"'), "utf-8")
    add_page(project, "draft: true\n")
    published = build(project)
    assert published.returncode == 0, published.stderr[-2000:]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SHOW_DRAFTS": "1"}
    preview = subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(project / "preview")], cwd=project,
                             capture_output=True, text=True, env=env)
    assert preview.returncode == 0, preview.stderr[-2000:]
    return project


def test_a_quoted_draft_status_is_a_draft(drafts):
    assert not (drafts / "site" / "reports" / "2024").exists() and "2024年报告" not in (drafts / "site" / "index.html").read_text("utf-8")


def test_draft_true_keeps_any_page_out_of_the_site_and_the_preview_shows_it(drafts):
    site = drafts / "site"
    assert not (site / "notes").exists() and not (site / "en" / "notes").exists()
    assert "草稿笔记XYZ" not in (site / "sitemap.xml").read_text("utf-8") + (site / "index.html").read_text("utf-8")
    banner = soup_of(drafts / "preview" / "notes" / "index.html").select_one("article .admonition.danger")
    assert "draft: true" in banner.get_text()


def test_a_draft_value_that_is_not_true_or_false_fails_the_build(project):
    add_page(project, "draft: maybe\n")
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/zh/notes.md:3: 'draft: maybe' is neither true nor false" in result.stderr


@pytest.mark.parametrize("change", [lambda t: "\ufeff" + t, lambda t: t.replace("\n", "\r\n")], ids=["bom", "crlf"])
def test_a_page_saved_with_a_bom_or_crlf_keeps_its_measures(project, change):
    page = project / "docs" / "zh" / "reports" / "2023" / "progress" / "02-stability.md"
    page.write_bytes(change(page.read_text("utf-8")).encode("utf-8"))
    catalog, _ = CatalogReader(project / "docs" / "zh", project / "data", project).read()
    assert len(catalog.measures) == 45 and "2023-1-02-1" in catalog.by_id
