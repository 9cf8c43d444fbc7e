"""The glossary: terms a member of the public may not know, and where they stand in a text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ContentError


@dataclass(frozen=True)
class Term:
    id: str
    term: str  # as written in the report text
    en: str  # the English rendering used in the translation
    definition_zh: str
    definition_en: str

    def form(self, lang: str) -> str:
        return self.term if lang == "zh" else self.en

    def definition(self, lang: str) -> str:
        return self.definition_zh if lang == "zh" else self.definition_en


def load_glossary(path: Path) -> list[Term]:
    rows = yaml.safe_load(path.read_text("utf-8")) or []
    terms, seen = [], set()
    for i, row in enumerate(rows, 1):
        try:
            term = Term(**row)
        except TypeError as err:
            raise ContentError(str(path), None, f"glossary entry {i} ({row.get('term', '?')}) is malformed: {err}",
                               "each entry has exactly: id, term, en, definition_zh, definition_en") from None
        if term.id in seen:
            raise ContentError(str(path), None, f"glossary id '{term.id}' is used twice", "give each entry its own id")
        seen.add(term.id)
        terms.append(term)
    return terms


def find_terms(text: str, terms: list[Term], lang: str, skip: set[str] = frozenset()) -> list[tuple[int, int, Term]]:
    """Non-overlapping occurrences of the terms in ``text``, longest term first at each place.

    English forms match case-insensitively; terms whose id is in ``skip`` are ignored.
    """
    haystack = text if lang == "zh" else text.lower()
    candidates = sorted((t for t in terms if t.id not in skip), key=lambda t: -len(t.form(lang)))
    taken: list[tuple[int, int, Term]] = []
    for t in candidates:
        needle = t.form(lang) if lang == "zh" else t.form(lang).lower()
        start = haystack.find(needle)
        while start != -1:
            end = start + len(needle)
            if not any(s < end and start < e for s, e, _ in taken):
                taken.append((start, end, t))
                break  # the first free occurrence is enough
            start = haystack.find(needle, start + 1)
    return sorted(taken, key=lambda x: x[0])
