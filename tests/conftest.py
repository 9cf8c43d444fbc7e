"""Shared fixtures. Tests of the built site read site/, which `make test` builds first (strict)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
DOCS = ROOT / "docs"
SOURCE = DOCS / "zh" / "reports" / "2023" / "2023-report.txt"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build_env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / "index.html").exists():  # `make test` builds first; a bare `pytest` builds here
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


def copy_project(dest: Path) -> Path:
    """The project's content and configuration copied into dest, to build or to break."""
    for name in ("docs", "data", "hooks", "overrides", "schemas", "mkdocs.yml"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    return dest


@pytest.fixture
def project(tmp_path):
    """A copy of the project's content and configuration to break."""
    return copy_project(tmp_path)



def build(project) -> subprocess.CompletedProcess:
    """A strict build of a project copy (never --quiet: it hides the warnings strict counts)."""
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(project / "site")],
                          cwd=project, capture_output=True, text=True, env=build_env())


def search_records(site: Path, lang: str) -> list[dict]:
    """The records of a language's search index (site/search/ or site/en/search/), in their order:
    u (URL relative to the language's root), t (title), x (text), c (the page), n (a policy's level)."""
    import json

    folder = site / ("" if lang == "zh" else lang) / "search"
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    shards = range((manifest["count"] + manifest["shard"] - 1) // manifest["shard"])
    return [r for s in shards for r in json.loads((folder / "r" / f"{s}.json").read_text("utf-8"))]
