"""Content safety: nothing in a content file may run code in a reader's browser.

Markdown lets raw HTML through unchanged, and attr_list (``{ … }`` after a heading or link) lets a
page set any attribute. So a content file must not hold:

- the tags that run or embed code or other pages: <script>, <iframe>, <frame>, <object>, <embed>, …
- an inline event handler (``onclick=``, ``onerror=``, any ``on…=``), in an HTML tag or an attr_list;
- a ``javascript:`` (or ``vbscript:``) address, in a Markdown link or an HTML attribute, also when it
  is disguised with upper case, spaces, tabs, line breaks or character references (``&#106;``).

The check reads the whole file as written (front matter, code and comments included): staff never
need any of these, so nothing is exempt, and no parser can be tricked into skipping a part.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError

# Tags a content page never needs, and what each one does.
FORBIDDEN_TAGS = {
    "script": "runs a program in the reader's browser",
    "iframe": "embeds another web page",
    "frame": "embeds another web page",
    "frameset": "embeds other web pages",
    "object": "embeds a program or another page",
    "embed": "embeds a program or another page",
    "applet": "runs a program in the reader's browser",
    "base": "redirects every link on the page",
    "meta": "can send the reader to another site",
    "form": "sends what the reader types somewhere",
}

TAG = re.compile(r"<\s*(" + "|".join(FORBIDDEN_TAGS) + r")(?![\w-])", re.I)  # opening tags
# An attribute named on… with a value, after whitespace, '/', a quote or '{' (attr_list): onclick=,
# onerror =, <svg/onload=…>, { onmouseover="…" }. Inside prose this never occurs by accident.
HANDLER = re.compile(r"""(?:^|(?<=[\s/"'{;]))(on[a-z]+)\s*=""", re.I | re.M)
# A script address, with anything a browser ignores (spaces, tabs, line breaks, controls) between
# its letters; matched after character references are decoded.
SCHEME = re.compile(r"(?<![a-z0-9])(" + "|".join(
    r"[\x00-\x20]*".join(word) for word in ("javascript", "vbscript")) + r")[\x00-\x20]*:", re.I)
REFERENCE = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


@dataclass(frozen=True)
class Finding:
    line: int
    problem: str
    fix: str


def decode_references(text: str) -> tuple[str, list[int]]:
    """The text with &#106; &amp; … decoded as a browser would, and for each decoded character its
    offset in the original text (so that a finding can be put on its line)."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in REFERENCE.finditer(text):
        decoded = html.unescape(m[0])
        if decoded == m[0]:
            continue
        for i in range(pos, m.start()):
            out.append(text[i])
            where.append(i)
        out.append(decoded)
        where.extend([m.start()] * len(decoded))
        pos = m.end()
    for i in range(pos, len(text)):
        out.append(text[i])
        where.append(i)
    return "".join(out), where


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def check_text(text: str) -> list[Finding]:
    """Every unsafe construct in the text of one content file, in the order of the file."""
    found: list[Finding] = []
    for m in TAG.finditer(text):
        tag = m[1].lower()
        found.append(Finding(_line(text, m.start()),
                             f"raw HTML tag <{tag}> ({FORBIDDEN_TAGS[tag]}): content pages may not contain it",
                             f"remove the <{tag}> tag; to show a document, link to it with [text](address) instead"))
    for m in HANDLER.finditer(text):
        found.append(Finding(_line(text, m.start(1)),
                             f"inline event handler '{m[1]}=' (it runs a program in the reader's browser): "
                             "content pages may not contain it",
                             f"remove the '{m[1]}=…' attribute; pages need no programs, only text and links"))
    decoded, where = decode_references(text)
    for m in SCHEME.finditer(decoded):
        scheme = re.sub(r"[\x00-\x20]", "", m[1]).lower()
        found.append(Finding(_line(text, where[m.start()]),
                             f"a '{scheme}:' address (it runs a program when clicked): content pages may not contain it",
                             "link to a page or file address (https://… or a path such as ../policies/index.md) instead"))
    return sorted(found, key=lambda f: f.line)


def check_file(path: Path, shown_as: str) -> None:
    """Raise ContentError for the first unsafe construct in the file."""
    found = check_text(path.read_text("utf-8"))
    if found:
        first = found[0]
        more = f" (and {len(found) - 1} more in this file)" if len(found) > 1 else ""
        raise ContentError(shown_as, first.line, first.problem + more, first.fix)


def content_files(root: Path) -> list[Path]:
    """The files staff edit whose text reaches the pages: docs/**/*.md and data/*.yml."""
    return sorted((root / "docs").glob("**/*.md")) + sorted((root / "data").glob("*.yml"))


def check_project(root: Path) -> None:
    for path in content_files(root):
        check_file(path, path.relative_to(root).as_posix())
