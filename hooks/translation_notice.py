"""Marks English pages: an unofficial translation, or a Chinese page not yet translated.

A page that has no English version is still built under /en/ (from the Chinese source), so that
no English link is a dead end; it opens with a notice that links the Chinese page.
"""

from __future__ import annotations

import logging

import _state
from mkdocs.plugins import event_priority

from annual_report.frontmatter import split_page
from annual_report.rendering.notices import not_translated_notice, unofficial_notice

from report_pages import is_fallback

log = logging.getLogger("mkdocs.hooks.translation_notice")
untranslated: list[str] = []


def chinese_url(page) -> str:
    """Relative link from /en/… to the same page at the site root."""
    depth = page.url.count("/")  # "en/reports/2023/plan/" → 4
    return "../" * depth + page.url.removeprefix("en/")


def on_pre_build(config):
    untranslated.clear()


@event_priority(50)  # before the hooks that annotate the text, so they see the Chinese text of a stub
def on_page_markdown(markdown, page, config, files):
    if _state.language(config) == _state.DEFAULT_LANGUAGE:
        return markdown
    if page.meta.get("translation") == "pending":  # an English stub from `make new-report`
        chinese = _state.docs_root(config) / _state.DEFAULT_LANGUAGE / _state.source_page(page)
        source = split_page(str(chinese), chinese.read_text("utf-8"))
        page.meta.update(source.meta, translation="pending")
        markdown = source.body
    if is_fallback(page):
        untranslated.append(page.file.src_uri)
        return not_translated_notice(_state.catalog(config), chinese_url(page)) + "\n" + markdown
    return markdown.replace("<!-- translation-notice -->", unofficial_notice(_state.catalog(config), chinese_url(page)), 1)


def on_post_build(config):
    if untranslated:
        log.info("Pages without an English translation (shown in Chinese under /en/ with a notice): %d\n  %s",
                 len(untranslated), "\n  ".join(sorted(untranslated)))
