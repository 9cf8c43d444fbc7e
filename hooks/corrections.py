"""The 更正记录 / Corrections box: on a page corrected after publication, what changed and when.

Staff record each correction in the page's front matter (the schemas in schemas/ define the field):

    corrections:
      - date: 2024-04-02
        what: 更正了第二段中的一处错字。

The box is marked as added by this site and opens the page, right under its title.
"""

from __future__ import annotations

import datetime
import re

import _state
from mkdocs.exceptions import PluginError

from annual_report.rendering.corrections import corrections_box
from report_pages import is_fallback

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TITLE = re.compile(r"^# .*$", re.M)


def check(corrections, page) -> list[dict]:
    out = []
    for i, c in enumerate(corrections if isinstance(corrections, list) else [None]):
        date = c.get("date") if isinstance(c, dict) else None
        date = date.isoformat() if isinstance(date, datetime.date) else str(date or "")
        what = c.get("what") if isinstance(c, dict) else None
        if not DATE.match(date) or not isinstance(what, str) or not what.strip():
            raise PluginError(f"{page.file.src_path}: front matter 'corrections', item {i + 1}, needs a 'date' (YYYY-MM-DD) "
                              "and a 'what' (the correction, in one sentence)\n"
                              "  How to fix: write each item as '- date: 2024-04-02' with 'what: …' on the next line, indented")
        out.append({"date": date, "what": what.strip()})
    return out


def on_page_markdown(markdown, page, config, files):
    corrections = page.meta.get("corrections")
    if not corrections:
        return markdown
    lang = "zh" if is_fallback(page) else _state.language(config)
    box = corrections_box(check(corrections, page), _state.catalog(config), lang)
    title = TITLE.search(markdown)
    if title is None:
        return box + "\n" + markdown
    return markdown[: title.end()] + "\n\n" + box + "\n" + markdown[title.end():]
