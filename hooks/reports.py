"""Reports, measures and policies: what a reader sees on a page, and what staff see in a preview.

- A draft report (its home says ``status: draft``) or a ``draft: true`` page is never built: its files
  and nav entries are dropped before MkDocs sees them. A preview (`make serve`, SHOW_DRAFTS=1) shows
  it, with a 草稿 banner listing what it still lacks.
- An English page not yet translated shows the Chinese text with a notice; a translated one says it
  is an unofficial translation.
- In a report page each measure gets its anchor, ID and area tag, and its cited policies a link;
  ``<!-- name -->`` markers are filled with generated sections (indexes, tables, policy facts); a
  corrected page gets its 更正记录 box; glossary terms get their definition where they first appear.

The reading and rendering are annual_report's; the catalog comes from the build (site_build).
"""

from __future__ import annotations

import logging
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from annual_report.draft import escape_markdown
from annual_report.errors import ContentError
from annual_report.glossary import annotate_html
from annual_report.links import href
from annual_report.render import annotate_report_page, corrections_box
from annual_report.frontmatter import checked_corrections
from site_build.build import Build, is_fallback, source_page, strip_language
from site_build.legacy_markers import fill_markers

log = logging.getLogger("mkdocs.hooks.reports")

BANNER = """\
!!! danger "草稿 · Draft — 尚未发布 / not published"

    本页属于草稿报告（`status: draft`），只在本地预览（make serve）中显示，不会发布到网站上。
    发布前请清除下列待办事项，再把报告首页的 `status` 改为 `published`（见 CONTRIBUTING.md）。

"""
PAGE_BANNER = """\
!!! danger "草稿 · Draft — 尚未发布 / not published"

    本页的前置信息写有 `draft: true`：只在本地预览中显示，不会发布到网站上。删去这一行即可发布。

"""
NO_OPEN_ITEMS = "    这份草稿没有待办事项：核对无误后即可把 `status` 改为 `published`。\n\n"
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
TITLE = re.compile(r"^# .*$", re.M)
GLOSSARY_ADDED = {"zh": "释义（本站添加）：", "en": "Definition (added by this site): "}


def banner(open_items: list[str], src: str) -> str:
    """The draft banner: on the report home every open item of the report; on another page its own
    items (each names its file, line and fix) and a link to the home, where all are listed."""
    if not open_items:
        return BANNER + NO_OPEN_ITEMS
    home = "/".join(src.split("/")[:2]) + "/index.md"  # reports/2024/index.md
    shown = open_items if src == home else [i for i in open_items if i.startswith((f"docs/zh/{src}:", f"docs/en/{src}:"))]
    # Inside the admonition, each item is a list entry whose text Markdown must not read as markup.
    out = BANNER + (f"    待办事项（{len(shown)}）：\n\n" if shown else "")
    out += "".join(f"    {n}. {escape_markdown(' '.join(line.strip() for line in item.splitlines()))}\n"
                   for n, item in enumerate(shown, 1))
    if src != home:
        out += f"\n    这份草稿共有 {len(open_items)} 项待办事项，全部列在[报告首页]({href(src, home)})。\n"
    return out + "\n"


def prune(nav, is_unpublished):
    """The nav without entries that point into a draft (and sections left empty)."""
    out = []
    for item in nav or []:
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                value = prune(value, is_unpublished)
                if value:
                    out.append({title: value})
            elif not is_unpublished(value):
                out.append(item)
        elif not is_unpublished(item):
            out.append(item)
    return out


def chinese_url(page) -> str:
    """Relative link from /en/… to the same page at the site root."""
    return "../" * page.url.count("/") + page.url.removeprefix("en/")


class Reports:
    def __init__(self):
        self.untranslated: list[str] = []  # English pages shown in Chinese, listed after the build

    @event_priority(100)  # the catalog is read before any other hook's on_config needs it
    def on_config(self, config):
        build = Build.of(config)
        if build.catalog.unpublished and not build.shows_drafts:
            config.nav = prune(config.nav, build.is_unpublished)
            if build.builds_default_language:
                log.info("Drafts left out of the build: %s", ", ".join(build.catalog.unpublished))
        return config

    @event_priority(100)  # before mkdocs-static-i18n sorts the files by language
    def on_files(self, files, config):
        build = Build.of(config)
        if build.shows_drafts or not build.catalog.unpublished:
            return files
        return Files([f for f in files if not build.is_unpublished(strip_language(f.src_uri))])

    def on_pre_build(self, config):
        if Build.of(config).builds_default_language:
            self.untranslated.clear()

    def on_page_markdown(self, markdown, page, config, files):
        """The page's Markdown with what the site adds, in this order: the Chinese text of an English
        stub and the translation notices; a draft's banner; the measures' anchors, tags and links; the
        generated sections; the corrections box."""
        build = Build.of(config)
        src = source_page(page)
        markdown = self.translation(markdown, page, build, src)
        if build.shows_drafts and build.is_unpublished(src):
            year = src.split("/")[1] if src.startswith("reports/") else ""
            markdown = (banner(build.catalog.open_items.get(int(year), []), src) if year.isdigit() else PAGE_BANNER) + markdown
        lang = build.text_language(page)
        if src.startswith("reports/") and "report" in page.meta:
            markdown = annotate_report_page(markdown, page.meta, src, build.catalog, lang)
        if "<!-- " in markdown:
            try:
                markdown = fill_markers(markdown, page, build.catalog, lang)
            except ContentError as err:
                raise PluginError(str(err)) from None
        if page.meta.get("corrections"):
            markdown = with_corrections(markdown, page, lang)
        return markdown

    def translation(self, markdown, page, build: Build, src: str) -> str:
        if build.builds_default_language:
            return markdown
        if page.meta.get("translation") == "pending":  # an English stub from `make new-report`
            source = build.catalog.sources.get(("zh", src))
            if source is not None:
                page.meta.update(source.meta, translation="pending")
                markdown = source.body
        if is_fallback(page):
            self.untranslated.append(page.file.src_uri)
            return NOT_TRANSLATED.format(zh=chinese_url(page)) + "\n" + markdown
        return markdown.replace("<!-- translation-notice -->", UNOFFICIAL.format(zh=chinese_url(page)), 1)

    def on_page_content(self, html, page, config, files):
        """Glossary definitions, on the rendered HTML so that no link, tag or attribute is touched."""
        if not source_page(page).startswith("reports/") or "section" not in page.meta:
            return html
        build = Build.of(config)
        lang = build.text_language(page)
        return annotate_html(html, build.catalog.glossary, lang, GLOSSARY_ADDED[lang])

    def on_post_build(self, config):
        if self.untranslated and not Build.of(config).builds_default_language:
            log.info("Pages without an English translation (shown in Chinese under /en/ with a notice): %d\n  %s",
                     len(self.untranslated), "\n  ".join(sorted(self.untranslated)))


def with_corrections(markdown: str, page, lang: str) -> str:
    """The 更正记录 / Corrections box right under the page's title."""
    try:
        box = corrections_box(checked_corrections(page.meta["corrections"], page.file.src_path), lang)
    except ContentError as err:
        raise PluginError(str(err)) from None
    title = TITLE.search(markdown)
    if title is None:
        return box + "\n" + markdown
    return markdown[: title.end()] + "\n\n" + box + "\n" + markdown[title.end():]


reports = Reports()
on_config = reports.on_config
on_files = reports.on_files
on_pre_build = reports.on_pre_build
on_page_markdown = reports.on_page_markdown
on_page_content = reports.on_page_content
on_post_build = reports.on_post_build
