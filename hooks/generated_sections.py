"""Fills the ``<!-- name -->`` markers of real stub pages with content generated from the catalog.

Stub pages exist in docs/zh and docs/en, so the language switcher, hreflang and sitemap stay right
(mkdocs-static-i18n breaks virtual pages). An unknown marker fails the build rather than vanish.
"""

from __future__ import annotations

from pathlib import Path

import _state
from mkdocs.exceptions import PluginError

from annual_report.errors import ContentError
from annual_report.rendering.context import PageContext
from annual_report.rendering.markers import fill_markers
from report_pages import is_fallback


def on_page_markdown(markdown, page, config, files):
    context = PageContext(src=_state.source_page(page), lang="zh" if is_fallback(page) else _state.language(config),
                          meta=page.meta, url=page.url, name=page.file.name,
                          shown_path=Path(page.file.abs_src_path).resolve().relative_to(_state.project_root(config)).as_posix())
    try:
        return fill_markers(markdown, context, _state.catalog(config))
    except ContentError as err:
        raise PluginError(str(err)) from None
