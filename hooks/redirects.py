"""Redirects from moved pages, so that a published URL never disappears (published-urls.txt).

The map is data/redirects.yml (old page: new page, paths as in docs/zh, without a language). Each
language build writes its redirect pages with mkdocs-redirects' own writer. mkdocs-redirects as a
plugin is not used: its state is shared across mkdocs-static-i18n's nested per-language builds, so
it writes the English redirects into the Chinese site (checked with mkdocs-redirects 1.2.2).
"""

from __future__ import annotations

from pathlib import Path

import _state
from mkdocs.exceptions import PluginError
from mkdocs_redirects.plugin import get_html_path, get_relative_html_path, write_html

from annual_report.datafiles import load_yaml
from annual_report.errors import ContentError
from annual_report.links import url_path


def redirect_map(config) -> dict[str, str]:
    path = _state.project_root(config) / "data" / "redirects.yml"
    if not path.exists():
        return {}
    try:
        return load_yaml(path, "data/redirects.yml") or {}
    except ContentError as err:
        raise PluginError(str(err)) from None


def on_post_build(config):
    lang = _state.language(config)
    docs = _state.docs_root(config)
    site = Path(config.site_dir)
    if lang != _state.DEFAULT_LANGUAGE and site.name != lang:  # i18n may report the root site_dir here
        site = site / lang
    for old, new in redirect_map(config).items():
        if not ((docs / lang / new).exists() or (docs / _state.DEFAULT_LANGUAGE / new).exists()):
            raise PluginError(f"data/redirects.yml: the redirect {old} → {new} points to a page that does not exist\n"
                              f"  How to fix: give the new path of the page, as under docs/zh/ (e.g. reports/2023/plan.md)")
        if (docs / lang / old).exists():
            raise PluginError(f"data/redirects.yml: {old} still exists, so it cannot redirect\n"
                              f"  How to fix: remove the redirect, or move the page")
        write_html(str(site), get_html_path(old, True), get_relative_html_path(old, url_path(new), True))
