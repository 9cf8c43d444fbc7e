"""The site's own words in the page's language, from data/ui-strings.yml (both languages side by side)."""

from __future__ import annotations

from ..errors import ContentError
from ..model import Catalog

UI_STRINGS = "data/ui-strings.yml"


class Strings:
    """``Strings(catalog.ui_strings, "en")["measure_id"]``: a missing key or language is a build error
    naming the file and the key, never a blank on the page."""

    def __init__(self, ui_strings: dict, lang: str):
        self.ui_strings, self.lang = ui_strings, lang

    @classmethod
    def of(cls, catalog: Catalog, lang: str) -> Strings:
        return cls(catalog.ui_strings, lang)

    def __getitem__(self, key: str) -> str:
        texts = self.ui_strings.get(key)
        if not isinstance(texts, dict) or not isinstance(texts.get(self.lang), str):
            raise ContentError(UI_STRINGS, None, f"the key '{key}' has no '{self.lang}' text",
                               f"add '{key}: {{zh: …, en: …}}' to {UI_STRINGS} (its comment at the top explains the format)")
        return texts[self.lang]
