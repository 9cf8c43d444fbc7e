"""Gives each measure in a report page its anchor, ID and area tag, and links its cited policies.

The official text passes through unchanged; what is added is marked ``site-added``.
"""

from __future__ import annotations

import _state

from annual_report.rendering.measures import annotate_report_page


def is_fallback(page) -> bool:
    """An English page that shows the Chinese text: filled by mkdocs-static-i18n, or a stub."""
    return _state.language_of(page) == _state.DEFAULT_LANGUAGE or page.meta.get("translation") == "pending"


def on_page_markdown(markdown, page, config, files):
    if not _state.source_page(page).startswith("reports/") or "report" not in page.meta:
        return markdown
    lang = "zh" if is_fallback(page) else _state.language(config)
    return annotate_report_page(markdown, page.meta, _state.source_page(page), _state.catalog(config), lang)
