"""The glossary page: one entry per term (data/glossary.yml), each with a permanent anchor (its id)."""

from __future__ import annotations

from ..model import Catalog
from .context import PageContext
from .markdown import text
from .strings import Strings


def glossary(page: PageContext, catalog: Catalog) -> str:
    strings = Strings.of(catalog, page.lang)
    entries = []
    for term in catalog.glossary:
        names = {"term": text(term.term), "en": text(term.en)}
        heading = f"## {strings['glossary_heading'].format(**names)} {{ #{term.id} }}"
        body = [strings["glossary_translation"].format(**names), text(term.definition(page.lang))]
        entries.append("\n\n".join([heading, *filter(None, body)]) + "\n")
    return "\n".join(entries)


def definition_label(catalog: Catalog, lang: str) -> str:
    """What the tooltip of a glossary term on a report page says before the definition."""
    return Strings.of(catalog, lang)["glossary_definition"]
