"""Marks English pages: an unofficial translation, or a Chinese page not yet translated.

A page that has no English version is still built under /en/ (from the Chinese source), so that
no English link is a dead end; it opens with a notice that links the Chinese page.
"""

from __future__ import annotations

import logging

import _state
from mkdocs.plugins import event_priority

from annual_report.frontmatter import split_page

from report_pages import is_fallback

log = logging.getLogger("mkdocs.hooks.translation_notice")
untranslated: list[str] = []

NOT_TRANSLATED = """\
<div class="admonition warning translation-missing site-added" lang="en" markdown>
<p class="admonition-title">Not yet translated</p>

This page has not been translated into English yet, so it is shown in Chinese below.
<a href="{zh}" hreflang="zh" lang="en">Read the Chinese page (中文原文)</a>.

</div>
"""

UNOFFICIAL = """\
<div class="admonition info translation-notice site-added" markdown>
<p class="admonition-title">Unofficial translation</p>

This English text is an unofficial translation made by this site for reference. The Chinese
original prevails: <a href="{zh}" hreflang="zh">read the Chinese page (中文原文)</a>.

</div>
"""


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
        return NOT_TRANSLATED.format(zh=chinese_url(page)) + "\n" + markdown
    return markdown.replace("<!-- translation-notice -->", UNOFFICIAL.format(zh=chinese_url(page)), 1)


def on_post_build(config):
    if untranslated:
        log.info("Pages without an English translation (shown in Chinese under /en/ with a notice): %d\n  %s",
                 len(untranslated), "\n  ".join(sorted(untranslated)))
