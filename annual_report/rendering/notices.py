"""The notices that open English pages: an unofficial translation, or a page not yet translated
(shown in Chinese). Both are in English, whatever the language of the text below them."""

from __future__ import annotations

from ..model import Catalog
from .strings import Strings
from .templates import render


def not_translated_notice(catalog: Catalog, chinese_url: str) -> str:
    return render("not_translated.md", strings=Strings.of(catalog, "en"), chinese_url=chinese_url)


def unofficial_notice(catalog: Catalog, chinese_url: str) -> str:
    return render("unofficial.md", strings=Strings.of(catalog, "en"), chinese_url=chinese_url)
