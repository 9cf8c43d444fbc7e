"""Markdown the renderers write: escaping of YAML strings, pipe tables, links between pages.

Every string read from YAML (front matter, data/*.yml) is escaped where it lands: ``text`` for
Markdown text (Markdown keeps &lt; and &amp; as they are), ``cell`` for a table cell. Markdown of an
English translation is made plain text (``plain``) before it is cut into an excerpt, so that no
excerpt ends in half a link.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache

from ..links import href, url_path


def text(value) -> str:
    """A string from YAML as Markdown text: no character of it is read as HTML."""
    return html.escape(str(value), quote=False)


def cell(value) -> str:
    return text(value).replace("|", "\\|").replace("\n", " ")


def pipe_table(head: list[str], rows: list[list[str]], align: list[str] | None = None) -> str:
    """A Markdown table; ``align`` gives each column's rule (``---:`` for numbers)."""
    rule = "|" + "".join(f"{a}|" for a in align or ["---"] * len(head))
    return "\n".join([pipe_row(head), rule, *map(pipe_row, rows)]) + "\n"


def pipe_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


_LINK_TEXT = re.compile(r"\[([^\]]*)\]\([^)]*\)(?:\{[^}]*\})?")
_EMPHASIS = re.compile(r"(\*{1,2})(?=\S)(.+?)(?<=\S)\1")


def plain(markdown: str) -> str:
    """Markdown of a translated measure as plain text: links become their text, emphasis and
    attribute lists go. For excerpts and the open data, where half a link would be shown raw."""
    plain_text = _LINK_TEXT.sub(r"\1", markdown)
    plain_text = _EMPHASIS.sub(r"\2", plain_text)
    return re.sub(r"\s*\{\s*[.#:][^{}]*\}", "", plain_text)


def excerpt(sentence: str, limit: int = 60) -> str:
    """A measure's opening words, verbatim, cut at a clause where possible."""
    if len(sentence) <= limit:
        return sentence
    cut = max(sentence.rfind(ch, 0, limit) for ch in "。；;,，、")
    return sentence[: cut + 1 if cut > 20 else limit] + "…"


def site_href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A link for raw HTML from one page to another, as built with directory URLs (MkDocs rewrites
    the links of Markdown, not those of raw HTML; tests/test_links.py checks that every link lands)."""
    target = _relative_url(from_page, to_page)
    return f"{target}#{anchor}" if anchor else target or "./"


@lru_cache(maxsize=65536)  # an index links the same few pages from thousands of rows
def _relative_url(from_page: str, to_page: str) -> str:
    if to_page == from_page:
        return ""
    target = posixpath.relpath(url_path(to_page) or ".", url_path(from_page) or ".")
    return "./" if target == "." else target + "/"


_RELATIVE_LINK = re.compile(r"\]\((?!#|[a-z]+:|/)([^)\s#]+)(#[^)\s]*)?\)")


def relink(body: str, src: str, page: str) -> str:
    """Markdown links of a page at ``src`` made relative to ``page`` instead."""

    def moved(link: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src), link[1]))
        return f"]({href(page, target, (link[2] or '#')[1:] or None)})"

    return _RELATIVE_LINK.sub(moved, body)
