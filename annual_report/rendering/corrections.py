"""The 更正记录 / Corrections box of a page corrected after publication: when, and what changed."""

from __future__ import annotations

from ..model import Catalog
from .strings import Strings
from .templates import render


def corrections_box(corrections: list[dict], catalog: Catalog, lang: str) -> str:
    """``corrections`` as checked by the hook: each a {date: YYYY-MM-DD, what: one sentence}."""
    return render("corrections.md", strings=Strings.of(catalog, lang),
                  corrections=sorted(corrections, key=lambda c: str(c["date"])))
