"""The plain data the site is built from: areas, policies, measures, and the catalog that links them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from typing import TYPE_CHECKING

from .text import Figure

if TYPE_CHECKING:
    from .frontmatter import SourcePage

@dataclass(frozen=True)
class Area:
    id: str
    name_zh: str
    name_en: str
    basis: str  # where the area comes from, e.g. the chapter of the 纲要 it follows
    short_zh: str = ""
    short_en: str = ""


@dataclass
class Policy:
    id: str
    page: str  # src path relative to the language folder, e.g. policies/foo.md
    title: str
    meta: dict
    cited_by: list[str] = field(default_factory=list)
    title_en: str = ""  # this site's translation, from docs/en/policies/<id>.md

    @property
    def titles(self) -> list[str]:
        return [self.title, *self.meta.get("aliases", [])]

    @property
    def official_title(self) -> str | None:
        fact = self.meta.get("official_title")
        return fact["value"] if fact else None

    def fact(self, name: str) -> str | None:
        value = self.meta.get(name)
        return value["value"] if isinstance(value, dict) else None


@dataclass
class Measure:
    id: str
    report_year: int
    year: int
    kind: str
    area: str
    section: int
    subsection: int
    ordinal: int
    text: str  # verbatim, as in the official text
    page: str  # src path relative to the language folder
    line: int
    policies: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    text_en: str = ""
    page_en: str | None = None
    outcome: dict | None = None  # planned measures: {"status": …, "reported_by": [ids]} from the later report

    @property
    def anchor(self) -> str:
        return f"m-{self.id}"


@dataclass(frozen=True)
class OfficialFile:
    """A report's official text file, published beside its Chinese home page."""

    name: str  # e.g. 2023-report.txt
    sha256: str


@dataclass
class Catalog:
    areas: dict[str, Area]
    policies: dict[str, Policy]
    measures: list[Measure]
    problem_links: list[tuple[str, str]] = field(default_factory=list)  # (problem id, planned id), editorial
    report_pages: dict[int, list[dict]] = field(default_factory=dict)  # report year -> pages in reading order
    drafts: set[int] = field(default_factory=set)  # report years read as drafts (only when previewing)
    open_items: dict[int, list[str]] = field(default_factory=dict)  # draft year -> what it lacks before publishing
    cited_documents: dict[str, dict] = field(default_factory=dict)  # cited titles that are not policies
    # What else the build reads from docs/ and data/, so that nothing else reads them.
    glossary: list = field(default_factory=list)  # glossary.Term, data/glossary.yml
    terms: list[dict] = field(default_factory=list)  # official terms and their English, data/terms.yml
    redirects: dict[str, str] = field(default_factory=dict)  # moved page -> its new path, data/redirects.yml
    ui_strings: dict = field(default_factory=dict)  # the site's own words in both languages, data/ui-strings.yml
    unpublished: list[str] = field(default_factory=list)  # draft report folders and `draft: true` pages
    official_files: dict[int, OfficialFile] = field(default_factory=dict)  # report year -> its official text
    sources: dict[tuple[str, str], SourcePage] = field(default_factory=dict)  # (lang, path) -> a report page as read

    # Lookups built once per catalog: the pages of a build use them, each page in constant time.
    @cached_property
    def by_id(self) -> dict[str, Measure]:
        return {m.id: m for m in self.measures}

    @cached_property
    def by_page(self) -> dict[str, list[Measure]]:
        """Measures by the page that carries them (Chinese pages)."""
        return grouped(self.measures, lambda m: m.page)

    @cached_property
    def by_page_en(self) -> dict[str, list[Measure]]:
        """Measures by the English page that carries them (its own, or the Chinese fallback's path)."""
        return grouped(self.measures, lambda m: m.page_en or m.page)

    @cached_property
    def by_report(self) -> dict[int, list[Measure]]:
        """Measures by report year, in reading order."""
        return grouped(self.measures, lambda m: m.report_year)

    @cached_property
    def by_title(self) -> dict[str, str]:
        """Every title a report may cite (as cited, aliases, unbracketed forms) → policy id."""
        return {t: p.id for p in self.policies.values() for t in p.titles + p.meta.get("cited_without_brackets", [])}

    @cached_property
    def cited_titles(self) -> dict[str, str]:
        """Each policy's title as the reports cite it, with their own brackets: 《title》, a 〈title〉
        nested in another title, or the bare title where a report cites it without brackets. The site
        adds none; a policy no measure cites is shown 《title》."""
        return {pid: _cited_title(p, [self.by_id[i].text.replace("\n", "") for i in p.cited_by if i in self.by_id])
                for pid, p in self.policies.items()}

    @cached_property
    def unbracketed(self) -> tuple[str, ...]:
        return tuple(t for p in self.policies.values() for t in p.meta.get("cited_without_brackets", []))

    def measures_of(self, **where) -> list[Measure]:
        return [m for m in self.measures if all(getattr(m, k) == v for k, v in where.items())]

    def measure(self, measure_id: str) -> Measure:
        return self.by_id[measure_id]

    @property
    def report_years(self) -> list[int]:
        return sorted({m.report_year for m in self.measures})


def _cited_title(policy: Policy, texts: list[str]) -> str:
    for opening, closing in (("《", "》"), ("〈", "〉")):
        for title in policy.titles:
            if any(f"{opening}{title}{closing}" in text for text in texts):
                return f"{opening}{title}{closing}"
    for title in policy.meta.get("cited_without_brackets", []):
        if not texts or any(title in text for text in texts):
            return title
    return f"《{policy.title}》"


def grouped(items, key) -> dict:
    """The items by key, each group in the items' order."""
    out: dict = {}
    for item in items:
        out.setdefault(key(item), []).append(item)
    return out
