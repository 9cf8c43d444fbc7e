"""Every report's pages, read in order with the site's additions removed, are its official file.

The one freedom is layout (:func:`annual_report.structure.canonical`): line breaks, blank lines, the
whitespace at either end of a line, and whitespace after a 。 (where a run-in heading is set apart). Everything else — a changed, missing or added character,
a full-width comma for an ASCII one — is a difference, reported at the page and line where it is
found, with the official file's line and both texts.

What counts as official text on a page: its headings and paragraphs, except headings marked
``.site-added``, admonitions (editor's notes), HTML comments and other HTML blocks; on the report
home, only the marked opening (``<div class="report-opening" markdown>``).
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass

from .draft import unescape_markdown
from .errors import ContentError
from .frontmatter import SourcePage
from .pages import official_lines, scan_blocks
from .structure import canonical_line, split_lines

# Comparing sentence by sentence keeps each difference to the sentence it is in, and is fast.
_SENTENCE = re.compile(r"[^。；;]*[。；;]|[^。；;]+$")
MAX_REPORTED = 20
CONTEXT = 12


@dataclass
class Located:
    """A text with layout removed, and where each of its lines starts (offset → file and line)."""

    text: str
    starts: list[int]
    places: list[tuple[str, int]]

    def place(self, offset: int) -> tuple[str, int]:
        i = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return self.places[i] if self.places else ("", 1)


def locate(lines: list[tuple[str, int, str]]) -> Located:
    text, starts, places = [], [], []
    at = 0
    for path, line, content in lines:
        content = canonical_line(content)
        if not content:
            continue
        starts.append(at)
        places.append((path, line))
        text.append(content)
        at += len(content)
    return Located("".join(text), starts, places)


def page_lines(page: SourcePage, home: bool) -> list[tuple[str, int, str]]:
    """(file, line, text as a reader sees it) of the official text on one page, in order."""
    out = []
    for block in scan_blocks(page.body):
        if home and block.role != "opening":
            continue
        for index, text in official_lines(block):
            out.append((page.path, page.body_line + index, unescape_markdown(text)))
    return out


def official_file_lines(name: str, text: str) -> list[tuple[str, int, str]]:
    return [(name, n, line) for n, line in enumerate(split_lines(text), 1)]


def _sentences(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m[0]) for m in _SENTENCE.finditer(text) if m[0]]


def _excerpt(text: str, start: int, end: int) -> str:
    """The differing part with a little context either side, quoted."""
    a, b = max(start - CONTEXT, 0), min(end + CONTEXT, len(text))
    return ("…" if a else "") + text[a:b] + ("…" if b < len(text) else "")


def compare(expected: Located, found: Located, official: str, fix: str) -> list[ContentError]:
    """One error per difference between the official text and the pages' text."""
    want, have = _sentences(expected.text), _sentences(found.text)
    matcher = difflib.SequenceMatcher(None, [s for _, s in want], [s for _, s in have], autojunk=False)
    errors = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        e_start = want[i1][0] if i1 < len(want) else len(expected.text)
        e_end = want[i2 - 1][0] + len(want[i2 - 1][1]) if i2 > i1 else e_start
        f_start = have[j1][0] if j1 < len(have) else len(found.text)
        f_end = have[j2 - 1][0] + len(have[j2 - 1][1]) if j2 > j1 else f_start
        e_text, f_text = expected.text[e_start:e_end], found.text[f_start:f_end]
        # Narrow a replaced sentence to the characters that differ.
        prefix = len(_common_prefix(e_text, f_text))
        suffix = len(_common_prefix(e_text[prefix:][::-1], f_text[prefix:][::-1]))
        path, line = found.place(min(f_start + prefix, max(len(found.text) - 1, 0)))
        _, official_line = expected.place(e_start + prefix)
        e_shown = _excerpt(expected.text, e_start + prefix, e_end - suffix)
        f_shown = _excerpt(found.text, f_start + prefix, f_end - suffix)
        if tag == "delete":
            problem = f"text of the official file ({official}, line {official_line}) is missing here: “{e_shown}”"
        elif tag == "insert":
            problem = f"text that is not in the official file ({official}) was added here: “{f_shown}”"
        else:
            problem = (f"the text differs from the official file ({official}, line {official_line}): "
                       f"expected “{e_shown}”, found “{f_shown}”")
        errors.append(ContentError(path, line, problem, fix))
    if len(errors) > MAX_REPORTED:
        rest = len(errors) - MAX_REPORTED
        errors = errors[:MAX_REPORTED]
        errors[-1].problem += f" (and {rest} more differences after this one)"
    return errors


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def check_report(official_name: str, official_text: str, pages: list[tuple[SourcePage, bool]]) -> list[ContentError]:
    """The differences between a report's official file and its pages (page, is the home), in reading order."""
    expected = locate(official_file_lines(official_name, official_text))
    found = locate([line for page, home in pages for line in page_lines(page, home)])
    if expected.text == found.text:
        return []
    fix = (f"make the page's text the same as {official_name}, character for character (only line breaks and "
           "indentation may differ); never correct the official text: if the file itself is wrong, ask the bureau for "
           "the corrected official file")
    return compare(expected, found, official_name, fix)
