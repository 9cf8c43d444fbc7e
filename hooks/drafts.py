"""A draft report is never published; `make serve` shows it to staff with a 草稿 banner.

A report is a draft while its home page (docs/zh/reports/YEAR/index.md) says ``status: draft`` (read
as YAML: a quoted "draft" is a draft too); any other page is one while its front matter says
``draft: true``.
In a build, its pages (both languages) are dropped before anything sees them, and its nav entries
are pruned, so nothing of it reaches pages, navigation, search, sitemap, feeds or data files.
"""

from __future__ import annotations

import logging
import os

import _state
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from annual_report.catalog import draft_folders, draft_pages
from annual_report.draft import escape_markdown
from annual_report.links import href

log = logging.getLogger("mkdocs.hooks.drafts")

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


drafts: list[str] = []  # report folders that are drafts, read once per build


def on_startup(command, dirty):
    _state.show_drafts = command == "serve" or os.environ.get("SHOW_DRAFTS") == "1"


def folders(config) -> list[str]:
    """Draft report folders (reports/2024) and draft pages (about.md, `draft: true`)."""
    pages, errors = draft_pages(_state.docs_root(config))
    if errors:
        raise PluginError("\n".join(map(str, errors)))
    return draft_folders(_state.docs_root(config) / _state.DEFAULT_LANGUAGE) + pages


@event_priority(100)
def on_pre_build(config):
    drafts[:] = folders(config)


def is_draft(src: str, drafts: list[str]) -> bool:
    return any(src == f or src.startswith(f + "/") for f in drafts)


def prune(nav, drafts):
    """The nav without entries that point into a draft report (and sections left empty)."""
    out = []
    for item in nav or []:
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                value = prune(value, drafts)
                if value:
                    out.append({title: value})
            elif not is_draft(value, drafts):
                out.append(item)
        elif not is_draft(item, drafts):
            out.append(item)
    return out


@event_priority(100)
def on_config(config):
    drafts[:] = folders(config)
    if drafts and not _state.show_drafts:
        config.nav = prune(config.nav, drafts)
        log.info("Drafts left out of the build: %s", ", ".join(drafts))
    return config


@event_priority(100)  # before mkdocs-static-i18n sorts the files by language
def on_files(files, config):
    if not drafts or _state.show_drafts:
        return files
    return Files([f for f in files if not is_draft(_state.strip_language(f.src_uri), drafts)])


def on_page_markdown(markdown, page, config, files):
    src = _state.source_page(page)
    if _state.show_drafts and is_draft(src, drafts):
        if src.startswith("reports/") and src.split("/")[1].isdigit():
            return banner(_state.catalog(config).open_items.get(int(src.split("/")[1]), []), src) + markdown
        return PAGE_BANNER + markdown
    return markdown
