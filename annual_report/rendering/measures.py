"""Measures on report pages (an anchored span with ID, area and outcome badges; cited policies
linked) and the tables of measures that the indexes and the policy pages show."""

from __future__ import annotations

from markupsafe import Markup

from ..catalog import block_spans, is_measured, page_blocks
from ..frontmatter import SourcePage
from ..links import href
from ..model import Catalog, Measure
from ..structure import MEASURED_KINDS
from ..text import find_citations
from .citations import cited_as, link_citations
from .markdown import excerpt, plain, site_href, text
from .strings import Strings
from .templates import render

AREAS_PAGE = "measures/by-area.md"
OUTCOMES_PAGE = "measures/outcomes.md"


def area_name(catalog: Catalog, area_id: str, lang: str, short: bool = False) -> str:
    area = catalog.areas[area_id]
    return getattr(area, f"{'short' if short else 'name'}_{lang}")


def kind_title(strings: Strings, kind: str, year: int) -> str:
    return strings[f"kind.{kind}"].format(year=year)


def outcome_label(m: Measure, strings: Strings) -> str:
    return strings[f"outcome.{m.outcome['status']}"].format(year=m.year)


def measure_badges(m: Measure, page: str, catalog: Catalog, strings: Strings, id_target: str) -> list[str]:
    """The measure's ID (linking to ``id_target``), its area and, for a planned measure, its outcome."""
    badges = [f'[{m.id}]({id_target}){{ .measure-id .site-added title="{strings["measure_id"]}" }}',
              f'[{text(area_name(catalog, m.area, strings.lang, short=True))}]({href(page, AREAS_PAGE, "area-" + m.area)})'
              f'{{ .area-tag .site-added title="{strings["area_tag"]}" }}']
    if m.outcome:
        badges.append(f'[{outcome_label(m, strings)}]({href(page, OUTCOMES_PAGE, "outcome-" + m.id)})'
                      f'{{ .outcome-tag .outcome--{m.outcome["status"]} .site-added title="{strings["outcome_tag"]}" }}')
    return badges


def annotate_report_page(markdown: str, meta: dict, page: str, catalog: Catalog, lang: str = "zh",
                         anchored: bool = True) -> str:
    """Wrap each measure of a report page in a span with its ID and area, and link its citations.
    Paragraphs of official text keep every character.

    ``anchored=False`` is for a copy of the page shown elsewhere (the one-page report): its measures
    get no id, so that a link never lands on the copy, and each ID links to the measure's own page.
    """
    source = SourcePage(page, meta, markdown, 1)
    strings = Strings.of(catalog, lang)
    lines = markdown.split("\n")
    section, report = meta.get("section"), meta.get("report")
    for sub, block in page_blocks(source):
        if section is None and block.role != "opening":
            continue  # a report home: only its opening is official text
        spans = block_spans(source, block, lang) if is_measured(meta, sub, block) else []
        citations = find_citations(block.text, catalog.unbracketed) if lang == "zh" else []
        for p, start in zip(block.paragraphs, block.offsets()):
            end = start + len(p.text)
            out = []
            for span in spans or [None]:
                a, b = (span.start, span.end) if span else (start, end)
                a, b = max(a, start), min(b, end)
                if a >= b:
                    continue
                piece = link_citations(block.text[a:b], a, citations, page, catalog)
                m = catalog.by_id.get(f"{report}-{section}-{sub:02d}-{span.ordinal}") if span and span.ordinal else None
                if m is None:
                    out.append(piece)
                    continue
                badges = ""
                if a == span.start:
                    id_target = f"#{m.anchor}" if anchored else href(page, measure_page(m, lang), m.anchor)
                    # On the one-page report the badges need no space after them (their margin parts them
                    # from the text on screen), so that a print without them shows no gap between measures.
                    after = " " if anchored else ""
                    badges = "".join(badge + after for badge in measure_badges(m, page, catalog, strings, id_target))
                out.append(render("measure.html", measure=m, anchored=anchored, continued=a != span.start,
                                  badges=Markup(badges), text=Markup(piece)))
            lines[p.first] = "".join(out)
            for i in range(p.first + 1, p.last + 1):
                lines[i] = None
    return "\n".join(line for line in lines if line is not None)


def measure_text(m: Measure, lang: str) -> str:
    return plain(m.text_en) or m.text if lang == "en" else m.text


def measure_page(m: Measure, lang: str) -> str:
    """The page that carries the measure in ``lang``: its English page where there is one."""
    return m.page_en if lang == "en" and m.page_en else m.page


def measure_link(m: Measure, page: str, lang: str) -> str:
    return f"[{m.id}]({href(page, measure_page(m, lang), m.anchor)})"


def measure_row(m: Measure, page: str, catalog: Catalog, lang: str, area: bool = True) -> dict:
    """One row of a measure table, its links as the built page needs them (site_href)."""
    return {
        "id": m.id, "href": site_href(page, measure_page(m, lang), m.anchor),
        "area": {"name": area_name(catalog, m.area, lang, short=True),
                 "href": site_href(page, AREAS_PAGE, "area-" + m.area)} if area else None,
        "text": excerpt(measure_text(m, lang), 80 if lang == "en" else 60),
        "policies": [{"title_en": catalog.policies[pid].title_en if lang == "en" else "", "cited": cited_as(catalog, pid),
                      "href": site_href(page, catalog.policies[pid].page)} for pid in m.policies],
    }


def measure_table(measures: list[Measure], page: str, catalog: Catalog, lang: str, area: bool = True) -> str:
    """A table of measures, marked as one (class measure-table, data-search-ignore): the search
    leaves these excerpts out, since each measure is a search result of its own."""
    strings = Strings.of(catalog, lang)
    columns = ["id", "area", "text", "policies"] if area else ["id", "text", "policies"]
    return render("measure_table.html", headings=[strings[f"measures_head.{c}"] for c in columns],
                  rows=[measure_row(m, page, catalog, lang, area) for m in measures])


def groups(measures: list[Measure]) -> list[tuple[tuple[int, str, int], list[Measure]]]:
    """((report year, kind, year), measures) in reading order: done, problems, then the plan."""
    order = {k: i for i, k in enumerate(MEASURED_KINDS)}
    grouped: dict[tuple, list[Measure]] = {}
    for m in measures:
        grouped.setdefault((m.report_year, m.kind, m.year), []).append(m)
    return [(k, grouped[k]) for k in sorted(grouped, key=lambda k: (k[0], order[k[1]]))]

