"""The pages of a new report, written from its official text (``make new-report … SOURCE=…``).

One page per part, and per subsection where a part has them, each holding the official text
verbatim (escaped only where Markdown would otherwise read it as markup), with the front matter
the build needs. What a machine cannot know is left for staff and listed by the build as the
draft's open items: areas, policy pages, metadata no source gives, the translation.

Page names become permanent URLs once published: parts are named by kind (progress, duties,
problems, plan, other), subsections by number (progress/03.md).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

import yaml
from markupsafe import Markup

from .structure import Part, ReportText, Subsection

SLUG_OF_KIND = {"done": "progress", "duties": "duties", "problem": "problems", "planned": "plan", "other": "other"}
TITLE_NOTE = "原文没有标题行；本页标题由本站按报告年份和发布机构拟定。"
OPENING_CLASS = "report-opening"  # the title lines, addressee and preamble on the report home
INTRO_CLASS = "part-intro"  # a part's text before its first subsection
CLOSING_CLASS = "signature"  # the bureau's name, the date, 审核人


@dataclass
class DraftPage:
    path: str  # inside the report folder, e.g. progress/03.md
    meta: dict
    body: str

    def text(self) -> str:
        return front_matter(self.meta) + self.body


def front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


# --- Markdown that shows the text as it is -------------------------------------------------------
# Characters Python-Markdown reads as markup (its ESCAPED_CHARS, with | from the tables extension).
_INLINE = re.compile(r"([\\`*_{}\[\]|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# At the start of a line: a heading, a quote, a list item, a rule or a setext underline.
_LINE_START = re.compile(r"^(#|>|[-+*](?=\s)|[-=*_]+\s*$|\d+(?=\.\s))")


def escape_markdown(line: str) -> str:
    """One line of official text as Markdown that renders exactly that text."""
    line = _INLINE.sub(r"\\\1", line)
    line = _ENTITY.sub("&amp;", line).replace("<", "&lt;")
    m = _LINE_START.match(line)
    if m and m[1][0].isdigit():
        return line[: m.end()] + "\\" + line[m.end():]  # 1. 加强 → 1\. 加强: not an ordered list
    if m or line.startswith("!"):
        return "\\" + line
    if line.startswith("?"):  # ??? opens a collapsible block (pymdownx.details); ? has no backslash escape
        return "&#63;" + line[1:]
    return line


_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])|&(?:lt|gt|amp|#\d+|#[xX][0-9a-fA-F]+);")


def unescape_markdown(text: str) -> str:
    """The text a reader sees for Markdown written by :func:`escape_markdown` (or by hand)."""
    return _UNESCAPE.sub(lambda m: m[1] if m[1] is not None else html.unescape(m[0]), text)


def _paragraphs(paragraphs) -> str:
    return "\n\n".join(escape_markdown(p.text) for p in paragraphs)


def _wrapped(css: str, paragraphs, line_breaks: bool = False) -> str:
    """Official text that is not a measure, in a marked block; the signature keeps its lines."""
    from .rendering.templates import render  # not at the top: rendering reads the catalog, which imports this module

    return render("marked_block.md", css=css, paragraphs=[Markup(escape_markdown(p.text)) for p in paragraphs],
                  separator=Markup("<br>\n" if line_breaks else "\n\n"))


def _note(text: str) -> str:
    return f'!!! note "编者注"\n\n    {text}\n\n'


def _title(heading: str) -> str:
    return heading.rstrip("。")


# --- The report's pages ----------------------------------------------------------------------------

def draft_pages(report: ReportText, year: int, issuer: str, original: str) -> list[DraftPage]:
    """Every Chinese page of the report, in reading order: the home, then each part."""
    issuer = next((p.text for p in report.closing if not any(ch.isdigit() for ch in p.text) and ":" not in p.text
                   and "：" not in p.text and p.text.endswith(("局", "委员会", "政府", "办公室"))), issuer)
    title = report.title or f"{issuer}{year}年法治政府建设年度报告"
    disclosure = {"issuer": issuer, "written": report.date_written, "reviewer": report.closing_field("审核人"),
                  "doc_number": None, "index_number": None, "topic": None, "published": None, "portal_url": None,
                  "original": original}
    if not report.title:
        disclosure["title_note"] = TITLE_NOTE
    opening = ""
    if report.opening:
        opening = ("## 原文开头 { #opening .site-added }\n\n" + _wrapped(OPENING_CLASS, report.opening) + "\n")
    home = DraftPage("index.md", {"title": title, "report": year, "status": "draft", "disclosure": disclosure},
                     f"# {title} {{ #report-{year} }}\n\n<!-- disclosure-metadata -->\n\n<!-- report:original -->\n\n"
                     f"{opening}## 报告目录 {{ #contents }}\n\n<!-- report:contents -->\n\n"
                     "也可[在一页上阅读报告全文](full.md)，便于通读和打印。\n\n"
                     "## 本年数据 { #at-a-glance }\n\n<!-- report:figures-panel -->\n\n<!-- report:areas-chart -->\n")
    pages = [home]
    slugs: dict[str, int] = {}
    for part in report.parts:
        slug = SLUG_OF_KIND[part.kind]
        slugs[slug] = slugs.get(slug, 0) + 1
        if slugs[slug] > 1:
            slug = f"{slug}-{slugs[slug]}"
        pages += _part_pages(part, year, slug)
    if report.closing:
        pages[-1].body += "\n" + _wrapped(CLOSING_CLASS, report.closing, line_breaks=True)
    pages.append(DraftPage("full.md", {"title": "报告全文（单页阅读与打印）", "report": year, "search": {"exclude": True}},
                           f"# {title} {{ #report-{year}-full .site-added }}\n\n<!-- report:full -->\n"))
    return pages


def _part_pages(part: Part, year: int, slug: str) -> list[DraftPage]:
    meta = {"title": _title(part.heading), "report": year, "section": part.ordinal, "kind": part.kind}
    heading = f"# {escape_markdown(part.heading)} {{ #{slug} }}\n\n"
    if not part.subsections:
        intro = _wrapped(INTRO_CLASS, part.intro) + "\n" if part.intro else ""
        return [DraftPage(f"{slug}.md", meta, heading + intro + _paragraphs(part.paragraphs) + "\n")]
    intro = _wrapped(INTRO_CLASS, part.paragraphs) + "\n" if part.paragraphs else ""
    pages = [DraftPage(f"{slug}/index.md", meta, heading + intro + "<!-- report:section-contents -->\n")]
    pages += [_subsection_page(part, sub, year, slug) for sub in part.subsections]
    return pages


def _subsection_page(part: Part, sub: Subsection, year: int, slug: str) -> DraftPage:
    anchor = f"subsection-{sub.ordinal:02d}"
    if sub.heading is None:
        title = f"第{sub.ordinal}小节(原文无小标题)"
        heading = f"# 第{sub.ordinal}小节 {{ #{anchor} .site-added }}\n\n" + _note(
            f"原文这一部分在第一个小标题之前的文字没有小标题。本页标题“第{sub.ordinal}小节”为本站所加，不属于原文。")
    else:
        title = _title(sub.heading)
        heading = f"# {escape_markdown(sub.heading)} {{ #{anchor} }}\n\n"
        if sub.heading_lines > 1:
            heading += _note("原文此小标题跨两行排印，本站合为一个标题，文字未改动。")
    meta = {"title": title, "report": year, "section": part.ordinal, "subsection": sub.ordinal, "kind": part.kind}
    if sub.goal:
        meta["goal_subsections"] = [sub.ordinal]
    return DraftPage(f"{slug}/{sub.ordinal:02d}.md", meta, heading + _paragraphs(sub.paragraphs) + "\n")


def english_stub(page: DraftPage) -> DraftPage:
    """The English page until it is translated: the build shows the Chinese text with a notice."""
    keep = ("report", "section", "subsection", "kind", "search")
    return DraftPage(page.path, {"title": page.meta["title"], **{k: v for k, v in page.meta.items() if k in keep},
                                 "translation": "pending"}, "")


def nav_block(year: int, pages: list[DraftPage]) -> str:
    """The report's entries for the nav's 历年报告 section of mkdocs.yml (YAML, indented to fit)."""
    lines = [f"      - {year}年报告:", f"          - reports/{year}/index.md"]
    for page in pages[1:]:
        if page.path.endswith("/index.md"):
            lines.append(f"          - {json.dumps(page.meta['title'], ensure_ascii=False)}:")
            lines.append(f"              - reports/{year}/{page.path}")
        elif "/" in page.path:
            lines.append(f"              - reports/{year}/{page.path}")
        else:
            lines.append(f"          - reports/{year}/{page.path}")
    return "\n".join(lines) + "\n"
