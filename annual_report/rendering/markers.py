"""The one registry of generated sections: each ``<!-- name -->`` marker and the function that fills it.

A comment is a marker when its name starts with a word some marker starts with (``measures``,
``report`` …); any other comment (``<!-- translation-notice -->``, a note to staff) is left alone. A
marker that is not registered fails the build rather than vanish from the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..errors import ContentError
from ..model import Catalog
from . import glossary, indexes, policies, report_home
from .context import PageContext

Renderer = Callable[[PageContext, Catalog], str]

MARKERS: dict[str, Renderer] = {
    "reports:list": indexes.reports_list,
    "measures:by-year": indexes.measures_by_year,
    "measures:by-area": indexes.measures_by_area,
    "measures:by-policy": indexes.measures_by_policy,
    "measures:problems-to-plans": indexes.problems_to_plans,
    "measures:figures": indexes.figures,
    "measures:outcomes": indexes.outcomes,
    "policies:list": policies.policies_list,
    "policy:facts": policies.policy_facts,
    "policy:cited-by": policies.policy_cited_by,
    "disclosure-metadata": report_home.disclosure_metadata,
    "report:contents": report_home.report_contents,
    "report:section-contents": report_home.section_contents,
    "report:original": report_home.original_links,
    "report:figures-panel": report_home.figures_panel,
    "report:areas-chart": report_home.areas_chart,
    "report:full": report_home.full_report,
    "glossary": glossary.glossary,
}

_FAMILIES = sorted({re.match(r"[a-z]+", name)[0] for name in MARKERS}, key=len, reverse=True)
MARKER = re.compile(rf"^<!-- ((?:{'|'.join(_FAMILIES)})[\w:-]*) -->$", re.M)


def fill_markers(markdown: str, page: PageContext, catalog: Catalog) -> str:
    """``markdown`` with each marker replaced by its section. Raises ContentError for an unknown one."""

    def fill(marker: re.Match) -> str:
        renderer = MARKERS.get(marker[1])
        if renderer is None:
            line = markdown.count("\n", 0, marker.start()) + 1
            raise ContentError(page.shown_path, None, f"line {line} of the body has the unknown marker '<!-- {marker[1]} -->'",
                               f"use one of {', '.join(sorted(MARKERS))}")
        return renderer(page, catalog)

    return MARKER.sub(fill, markdown)
