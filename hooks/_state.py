"""What the hooks share during one build: the catalog of each language, read once.

Imported by the hook modules (mkdocs puts this folder on sys.path while loading them); not a hook.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from annual_report.model import Catalog

catalogs: dict[str, Catalog] = {}
show_drafts = False  # set by hooks/drafts.py: true under `mkdocs serve` (or SHOW_DRAFTS=1)
command = "build"  # set by hooks/content_security_policy.py: "serve" under `mkdocs serve`
DEFAULT_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")


def language(config: MkDocsConfig) -> str:
    """The language being built: mkdocs-static-i18n builds each language in turn."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def catalog(config: MkDocsConfig) -> Catalog:
    return catalogs[language(config)]


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def docs_root(config: MkDocsConfig) -> Path:
    """docs/, holding one folder per language (config.docs_dir points into one of them during i18n)."""
    return project_root(config) / "docs"


def source_page(page) -> str:
    """A page's path inside its language folder, e.g. reports/2023/plan.md (src_uri is zh/reports/…)."""
    return strip_language(page.file.src_uri)


def strip_language(src_uri: str) -> str:
    first, _, rest = src_uri.partition("/")
    return rest if first in LANGUAGES and rest else src_uri


def language_of(page) -> str:
    """The language of the file a page was built from (an English build may use a Chinese file)."""
    return Path(page.file.abs_src_path).relative_to(_docs_of(page)).parts[0]


def _docs_of(page) -> Path:
    path = Path(page.file.abs_src_path)
    for parent in path.parents:
        if parent.name in LANGUAGES:
            return parent.parent
    return path.parent
