"""Relative links between pages, given as paths relative to a language folder (reports/2023/plan.md)."""

from __future__ import annotations

import posixpath


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A Markdown link target from one source page to another, which MkDocs then validates."""
    if to_page == from_page:
        target = ""
    else:
        target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


def url_path(src: str) -> str:
    """The site path of a page built with directory URLs: reports/2023/plan.md → reports/2023/plan/."""
    stem = src[:-3] if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return stem + "/"
