"""Shared fixtures.

Three kinds of test, from the cheapest: tests/annual_report/ test the package on strings and small
files, with no build; tests of the built site read site/ (``site``: built once per session, and again
only when something it is built from changed); a check that only a build of a changed project can
show builds a copy (``copy_project``), and such copies are shared where the changes do not touch each
other (``built_elsewhere``, ``draft_builds`` per session; module fixtures in the test files).
"""

from __future__ import annotations

import datetime
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
DOCS = ROOT / "docs"
SOURCE = DOCS / "zh" / "reports" / "2023" / "2023-report.txt"
MKDOCS = [sys.executable, "-m", "mkdocs"]
FIXTURE_REPORTS = ROOT / "tests" / "fixtures" / "reports"
CST = datetime.timezone(datetime.timedelta(hours=8))  # the dates a page shows are days in China

_spec = importlib.util.spec_from_file_location("new_report", ROOT / "scripts" / "new_report.py")
new_report = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(new_report)


def build_env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


SOURCES = ("docs", "data", "hooks", "overrides", "schemas", "annual_report", "mkdocs.yml")


def newest_source() -> float:
    paths = [ROOT / name for name in SOURCES]
    return max(p.stat().st_mtime for path in paths for p in ([path] if path.is_file() else path.rglob("*"))
               if "__pycache__" not in p.parts)


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site: `make test` builds it first; a bare `pytest` builds it here when it is missing
    or older than anything it is built from (never a stale site/)."""
    index = SITE / "index.html"
    if not index.exists() or index.stat().st_mtime < newest_source():
        subprocess.run([*MKDOCS, "build", "--strict"], cwd=ROOT, check=True, env=build_env())
    return SITE


def page_url_to_file(site: Path, url: str) -> Path:
    """/reports/2023/plan/#x → site/reports/2023/plan/index.html"""
    path = url.split("#", 1)[0].lstrip("/")
    return site / path / "index.html" if not path.endswith(".html") else site / path


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "lxml")


@pytest.fixture(scope="session")
def soup(site):
    cache: dict[str, BeautifulSoup] = {}

    def get(url: str) -> BeautifulSoup:
        if url not in cache:
            cache[url] = soup_of(page_url_to_file(site, url))
        return cache[url]

    return get


PROJECT_FILES = ("docs", "data", "hooks", "overrides", "schemas", "mkdocs.yml")


def copy_project(dest: Path, reports: set[int] | None = None, files: tuple[str, ...] = PROJECT_FILES) -> Path:
    """The project's content and configuration copied into dest, to build or to break: the one way
    tests copy the project.

    ``reports`` keeps only those report years (the others are taken out with their nav entries), so
    that a test does not depend on which reports staff have added under docs/. ``files`` are the
    top-level files and folders copied (what a build needs, unless a test needs others).
    """
    for name in files:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    if reports is not None:
        removed = [int(h.parent.name) for h in (dest / "docs" / "zh" / "reports").glob("*/index.md")
                   if h.parent.name.isdigit() and int(h.parent.name) not in reports]
        for year in removed:
            new_report.remove_report(dest, year)
        # What staff recorded for the removed reports goes with them.
        (dest / "data" / "cited-documents.yml").write_text("[]\n", "utf-8")
        redirects = dest / "data" / "redirects.yml"
        kept = {old: new for old, new in (yaml.safe_load(redirects.read_text("utf-8")) or {}).items()
                if not any(f"reports/{year}/" in f"{old} {new}" for year in removed)}
        redirects.write_text(yaml.safe_dump(kept, allow_unicode=True) if kept else "{}\n", "utf-8")
    return dest


def urls_of_reports(urls: list[str], reports: set[int]) -> list[str]:
    """The URLs, less those of reports other than ``reports`` (for a copy that keeps only those)."""
    other = re.compile(r"^(?:/en)?/reports/(\d{4})/")
    return [u for u in urls if not (m := other.match(u)) or int(m[1]) in reports]


def import_report(project: Path, year: int, source: Path | None = None, *extra: str) -> subprocess.CompletedProcess:
    """`make new-report YEAR=… SOURCE=…` in a project copy."""
    args = [sys.executable, str(ROOT / "scripts" / "new_report.py"), str(year), "--root", str(project), *extra]
    return subprocess.run(args + (["--source", str(source)] if source else []), capture_output=True, text=True)


def complete_report(project: Path, year: int, area: str = "enforcement") -> None:
    """What staff do after an import, done by a test: every measure given an area, every page given
    an English text (a fixture translation with one 'First,' 'Second,' … per measure), the unknown
    citations recorded as cited documents, the reviewer filled in, and the report published."""
    from annual_report.catalog import CatalogReader, block_spans, is_measured, page_blocks
    from annual_report.draft import front_matter
    from annual_report.errors import ContentErrors
    from annual_report.frontmatter import split_page
    from annual_report.text import EN_ORDINALS

    zh, en = project / "docs" / "zh" / "reports" / str(year), project / "docs" / "en" / "reports" / str(year)
    for path in sorted(zh.rglob("*.md")):
        page = split_page(str(path), path.read_text("utf-8"))
        meta = page.meta
        if meta.get("kind") in ("done", "duties", "problem", "planned"):
            meta["area"] = area
        if "disclosure" in meta:
            meta["status"] = "published"
            meta["disclosure"]["reviewer"] = meta["disclosure"]["reviewer"] or "测试审核人"
            meta["disclosure"]["written"] = meta["disclosure"]["written"] or f"{year + 1}-03-01"
        path.write_text(front_matter(meta) + page.body, "utf-8")
        english = {k: v for k, v in meta.items() if k not in ("area", "measure_areas", "status", "reports_on")}
        english["title"] = f"Fixture translation of {path.relative_to(zh).as_posix()}"
        body = page.body if "section" not in meta else f"# {english['title']} {{ #fixture }}\n\n"
        for sub, block in page_blocks(page):
            if is_measured(meta, sub, block):
                count = sum(1 for span in block_spans(page, block, "zh") if span.ordinal)
                heading = f"## ({sub}) Fixture subsection {{ #fixture-{sub} }}\n\n" if sub and "subsection" not in meta else ""
                body += heading + " ".join(f"{EN_ORDINALS[n]}, fixture text {n + 1} of {path.relative_to(zh).with_suffix('').as_posix()} ({sub})."
                                           for n in range(count)) + "\n\n"
        (en / path.relative_to(zh)).write_text(front_matter(english) + body, "utf-8")
    try:
        CatalogReader(project / "docs" / "zh", project / "data", project).read()
    except ContentErrors as err:
        unknown = [e for e in err.errors if "not known to the site" in e.problem]
        titles = [t for e in unknown for t in re.findall(r"《([^《》]+)》 \(line", e.problem)]
        (project / "data" / "cited-documents.yml").write_text(
            yaml.safe_dump([{"title": t, "kind": "other", "note": "测试夹具"} for t in titles], allow_unicode=True), "utf-8")


@pytest.fixture
def project(tmp_path):
    """A copy of the project's content and configuration to break, with the 2023 report only (whatever
    other years staff have added), so that the tests' expectations hold."""
    return copy_project(tmp_path, reports={2023})



REPO = "https://github.com/example-org/example-repo"  # a stand-in for REPO_URL: the real address comes from GitHub
INJECTED_TITLE = '<b id="inj-title">粗</b> & 注'  # markup in a page title and a policy's note, which must stay text


@dataclass
class ElsewhereBuild:
    project: Path  # the copy: outside any git repository
    site: Path  # where it was built: outside the project and the working directory
    working_directory: Path  # where `mkdocs build -f …` ran; it must stay empty
    result: subprocess.CompletedProcess
    built_on: tuple[str, str]  # the day in China when the build started and when it ended
    injected_title: str  # the title of measures/figures.md as it must be shown, markup as text


@pytest.fixture(scope="session")
def built_elsewhere(tmp_path_factory) -> ElsewhereBuild:
    """One strict build shared by the checks that need a copy built outside git and the shared site/
    cannot give, built as the workflows build (REPO_URL set) with `-f` from another directory; each
    change serves one module and touches nothing another reads:

    - docs/en/about.md removed: an untranslated page edits the Chinese file it shows (test_edit_links)
      and says it is not translated (test_disclosure);
    - markup in the title of measures/figures.md and in a policy's note (test_sourced_statements);
    - outside git, pages take the build date (test_reader_features); the index is written into the
      site, not the working directory (test_search_dictionary).
    """
    project = copy_project(tmp_path_factory.mktemp("built-elsewhere"), reports={2023})
    (project / "docs" / "en" / "about.md").unlink()
    page = project / "docs/zh/measures/figures.md"
    text = page.read_text("utf-8")
    title = re.search(r"^title: (.*)$", text, re.M)[1]
    in_yaml = INJECTED_TITLE.replace('"', '\\"')  # inside a double-quoted YAML string
    page.write_text(text.replace(f"title: {title}", f'title: "{title} {in_yaml}"', 1), "utf-8")
    policy = project / "docs/zh/policies/xinjiang-transport-minor-violations-exemption-list.md"
    policy.write_text(policy.read_text("utf-8").replace("note: ", "note: <b id=inj-note>注</b>", 1), "utf-8")
    working_directory = tmp_path_factory.mktemp("working-directory")
    site = tmp_path_factory.mktemp("built") / "site"
    before = datetime.datetime.now(CST).date().isoformat()
    result = subprocess.run([*MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml"), "--site-dir", str(site)],
                            cwd=working_directory, capture_output=True, text=True, env={**build_env(), "REPO_URL": REPO})
    after = datetime.datetime.now(CST).date().isoformat()
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    return ElsewhereBuild(project, site, working_directory, result, (before, after), f"{title} {INJECTED_TITLE}")


DRAFT_MARK = "草稿标记XYZ"  # written into the draft report's home heading: no trace of it may be published


def add_notes_page(project: Path, front: str) -> None:
    """A page notes.md in both languages and in the nav, with ``front`` in its front matter."""
    for lang in ("zh", "en"):
        (project / "docs" / lang / "notes.md").write_text(f"---\ntitle: 笔记\n{front}---\n\n# 笔记\n\n草稿笔记XYZ。\n", "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - 关于本站: about.md\n", "  - 关于本站: about.md\n  - notes.md\n"), "utf-8")


def preview_build(project: Path, site_dir: str = "site") -> subprocess.CompletedProcess:
    """What `SHOW_DRAFTS=1 make build` does: drafts built as the preview shows them."""
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(project / site_dir)],
                          cwd=project, capture_output=True, text=True, env={**build_env(), "SHOW_DRAFTS": "1"})


@dataclass
class DraftBuilds:
    project: Path
    imported: subprocess.CompletedProcess  # `make new-report YEAR=2024 SOURCE=five-part-2024.txt`
    published: subprocess.CompletedProcess  # the plain build, into project/site
    preview: subprocess.CompletedProcess  # the preview (SHOW_DRAFTS=1), into project/preview


@pytest.fixture(scope="session")
def draft_builds(tmp_path_factory) -> DraftBuilds:
    """One copy with two drafts, built once as published and once as the preview shows it: the
    five-part fixture report imported as the 2024 draft (its home quoting its status, ``"draft"``,
    and its heading holding DRAFT_MARK), and a page notes.md marked ``draft: true``. The two drafts
    touch nothing of each other; test_import, test_drafts and test_staff_workflow read these builds."""
    project = copy_project(tmp_path_factory.mktemp("drafts"), reports={2023})
    imported = import_report(project, 2024, FIXTURE_REPORTS / "five-part-2024.txt")
    assert imported.returncode == 0, imported.stderr
    home = project / "docs" / "zh" / "reports" / "2024" / "index.md"
    text = home.read_text("utf-8")
    heading = "# 博州交通运输局2024年法治政府建设年度报告 {"
    assert "\nstatus: draft\n" in text and heading in text
    home.write_text(text.replace("\nstatus: draft\n", '\nstatus: "draft"\n', 1)
                    .replace(heading, heading.replace(" {", f"{DRAFT_MARK} {{"), 1), "utf-8")
    add_notes_page(project, "draft: true\n")
    published = build(project)
    assert published.returncode == 0, published.stderr[-3000:]
    preview = preview_build(project, "preview")
    assert preview.returncode == 0, preview.stderr[-3000:]
    return DraftBuilds(project, imported, published, preview)


def build(project, site_dir: str = "site") -> subprocess.CompletedProcess:
    """A strict build of a project copy (never --quiet: it hides the warnings strict counts)."""
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(project / site_dir)],
                          cwd=project, capture_output=True, text=True, env=build_env())


def search_records(site: Path, lang: str) -> list[dict]:
    """The records of a language's search index (site/search/ or site/en/search/), in their order:
    u (URL relative to the language's root), t (title), x (text), c (the page), n (a policy's level)."""
    import json

    folder = site / ("" if lang == "zh" else lang) / "search"
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    shards = range((manifest["count"] + manifest["shard"] - 1) // manifest["shard"])
    return [r for s in shards for r in json.loads((folder / "r" / f"{s}.json").read_text("utf-8"))]
