"""Cited policies: the title as the report cites it, and the links the site adds to citations."""

from __future__ import annotations

from ..links import href
from ..model import Catalog


def cited_as(catalog: Catalog, pid: str) -> str:
    """The title as the report cites it (Catalog.cited_titles, worked out once per catalog)."""
    return catalog.cited_titles[pid]


def policy_label(catalog: Catalog, pid: str, lang: str = "zh") -> str:
    """The title as cited; in English, the site's translated title (in italics) before it."""
    p = catalog.policies[pid]
    if lang == "en" and p.title_en:
        return f"*{p.title_en}* {cited_as(catalog, pid)}"
    return cited_as(catalog, pid)


def cited_page(catalog: Catalog, title: str) -> str | None:
    """The page a cited title links to: its policy page, a page given for a cited document, or none
    (a document the site has no page for, or a title a draft cites that is not known yet)."""
    if title in catalog.by_title:
        return catalog.policies[catalog.by_title[title]].page
    return (catalog.cited_documents.get(title) or {}).get("page")


def link_citations(text: str, offset: int, citations, page: str, catalog: Catalog) -> str:
    """``text`` (which starts at ``offset`` in the block) with each cited title made a link.

    A nested 〈title〉 gets its own link; the outer title's link is split around it, since links
    cannot nest. No character of the text changes.
    """
    pieces, at = [], 0
    outer = [c for c in citations if c.outer is None and offset <= c.start and c.end <= offset + len(text)]
    for c in outer:
        pieces.append(text[at:c.start - offset])
        nested = [n for n in citations if n.outer and c.start < n.start < c.end]
        cuts = [(c.start, c.end, c.title)]
        if nested:
            cuts, cursor = [], c.start
            for n in nested:
                cuts += [(cursor, n.start, c.title), (n.start, n.end, n.title)]
                cursor = n.end
            cuts.append((cursor, c.end, c.title))
        for a, b, title in cuts:
            target = cited_page(catalog, title)
            shown = text[a - offset:b - offset]
            pieces.append(f"[{shown}]({href(page, target)}){{ .policy-link }}" if target else shown)
        at = c.end - offset
    pieces.append(text[at:])
    return "".join(pieces)
