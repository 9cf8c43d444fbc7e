"""What the site adds to a page's Markdown, in one order, as a function of the page and the build.

hooks/reports.py applies it to every page MkDocs renders; hooks/preview.py applies it to every page
before a preview's rebuild, to find the pages whose Markdown changed.
"""

from __future__ import annotations

import re

from annual_report.draft import escape_markdown
from annual_report.frontmatter import checked_corrections
from annual_report.links import href
from annual_report.rendering.context import PageContext
from annual_report.rendering.corrections import corrections_box
from annual_report.rendering.markers import fill_markers
from annual_report.rendering.measures import annotate_report_page
from annual_report.rendering.notices import not_translated_notice, unofficial_notice

from .build import Build, is_fallback, source_page

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
TITLE = re.compile(r"^# .*$", re.M)


def with_additions(markdown: str, page, build: Build) -> str:
    """The page's Markdown with what the site adds, in this order: the Chinese text of an English
    stub and the translation notices; a draft's banner; the measures' anchors, tags and links; the
    generated sections; the corrections box. ContentError on bad input."""
    src = source_page(page)
    markdown = translated(markdown, page, build, src)
    if build.shows_drafts and build.is_unpublished(src):
        year = src.split("/")[1] if src.startswith("reports/") else ""
        markdown = (banner(build.catalog.open_items.get(int(year), []), src) if year.isdigit() else PAGE_BANNER) + markdown
    lang = build.text_language(page)
    if src.startswith("reports/") and "report" in page.meta:
        markdown = annotate_report_page(markdown, page.meta, src, build.catalog, lang)
    if "<!-- " in markdown:
        context = PageContext(src=src, lang=lang, meta=page.meta, url=page.url, name=page.file.name,
                              shown_path=f"docs/{page.file.src_uri}")
        markdown = fill_markers(markdown, context, build.catalog)
    if page.meta.get("corrections"):
        markdown = with_corrections(markdown, page, build, lang)
    return markdown


def translated(markdown: str, page, build: Build, src: str) -> str:
    if build.builds_default_language:
        return markdown
    if page.meta.get("translation") == "pending":  # an English stub from `make new-report`
        source = build.catalog.sources.get(("zh", src))
        if source is not None:
            page.meta.update(source.meta, translation="pending")
            markdown = source.body
    if is_fallback(page):
        return not_translated_notice(build.catalog, chinese_url(page)) + "\n" + markdown
    if "<!-- translation-notice -->" not in markdown:
        return markdown
    return markdown.replace("<!-- translation-notice -->", unofficial_notice(build.catalog, chinese_url(page)), 1)


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


def chinese_url(page) -> str:
    """Relative link from /en/… to the same page at the site root."""
    return "../" * page.url.count("/") + page.url.removeprefix("en/")


def with_corrections(markdown: str, page, build: Build, lang: str) -> str:
    """The 更正记录 / Corrections box right under the page's title."""
    box = corrections_box(checked_corrections(page.meta["corrections"], page.file.src_path), build.catalog, lang)
    title = TITLE.search(markdown)
    if title is None:
        return box + "\n" + markdown
    return markdown[: title.end()] + "\n\n" + box + "\n" + markdown[title.end():]
