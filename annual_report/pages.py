"""The block structure of a report page: headings and the paragraphs of official text under them.

Official text is written as plain paragraphs. Everything the site adds is in a form this scanner
skips: admonitions (``!!! note "编者注"`` with an indented body), HTML blocks and HTML comments, and
headings marked ``{ .site-added }``. Official text that is not a measure sits in a marked block
(``<div class="report-opening" markdown>``, ``part-intro``, ``signature``): its paragraphs are read
with that role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{(?P<attrs>[^{}]*)\})?\s*$")
_OFFICIAL_DIV = re.compile(r'^<div class="(?P<css>[\w -]+)"[^>]*\bmarkdown\b[^>]*>\s*$')
# The class of a block of official text that is not a measure → its role.
ROLES = {"report-opening": "opening", "part-intro": "intro", "signature": "closing"}
LINE_BREAK = re.compile(r"<br\s*/?>\s*$")


@dataclass
class Paragraph:
    text: str
    first: int  # index of its first line in the body
    last: int  # index of its last line


@dataclass
class Block:
    heading: str | None
    level: int
    line: int  # index in the body of the heading (or of the first paragraph)
    paragraphs: list[Paragraph] = field(default_factory=list)
    role: str = "body"  # body (may hold measures), or opening, intro, closing (official, never measures)
    heading_added: bool = False  # the heading is the site's ({ .site-added }), not the report's

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    def offsets(self) -> list[int]:
        """Where each paragraph starts in ``text``."""
        out, at = [], 0
        for p in self.paragraphs:
            out.append(at)
            at += len(p.text) + 2
        return out


def scan_blocks(body: str) -> list[Block]:
    """Split a page body into blocks, one per heading or marked block, each with its official paragraphs."""
    lines = body.split("\n")
    blocks = [Block(None, 0, 0)]
    i = 0
    while i < len(lines):
        line = lines[i]
        heading = _HEADING.match(line)
        official = _OFFICIAL_DIV.match(line)
        role = next((ROLES[c] for c in official["css"].split() if c in ROLES), None) if official else None
        if heading:
            blocks.append(Block(heading[2], len(heading[1]), i, heading_added=".site-added" in (heading["attrs"] or "")))
            i += 1
        elif role:
            blocks.append(Block(None, 0, i, role=role))
            i += 1
        elif role is None and line.startswith("</div>") and blocks[-1].role != "body":
            blocks.append(Block(None, 0, i))  # text after a marked block is body text again
            i += 1
        elif line.startswith(("!!!", "???")):  # admonition: skip its indented body
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith(("    ", "\t"))):
                i += 1
        elif line.startswith("<!--"):  # a comment: skip to the line that closes it
            while i < len(lines) and "-->" not in lines[i]:
                i += 1
            i += 1
        elif line.startswith("<div"):  # a <div> the site added: skip to the line that closes it
            depth = 0
            while i < len(lines):
                depth += lines[i].count("<div") - lines[i].count("</div>")
                i += 1
                if depth <= 0:
                    break
        elif line.startswith("<"):  # another HTML block: skip to the blank line after it
            while i < len(lines) and lines[i].strip():
                i += 1
        elif line.strip():
            first = i
            while (i + 1 < len(lines) and lines[i + 1].strip() and not _HEADING.match(lines[i + 1])
                   and not lines[i + 1].startswith("</div>")):
                i += 1
            blocks[-1].paragraphs.append(Paragraph("\n".join(lines[first:i + 1]), first, i))
            i += 1
        else:
            i += 1
    return [b for b in blocks if b.heading is not None or b.paragraphs]


def heading_text(block: Block) -> str | None:
    """The heading as the reader sees it, or None when it is the site's own."""
    return None if block.heading is None or block.heading_added else block.heading


def official_lines(block: Block) -> list[tuple[int, str]]:
    """(index in the body, text) of each line of official text in the block: its heading, then its paragraphs.

    The text is as written in Markdown: a line break (<br>) that ends a line is layout, not text.
    """
    out = [(block.line, block.heading)] if heading_text(block) else []
    for p in block.paragraphs:
        for k, line in enumerate(p.text.split("\n")):
            out.append((p.first + k, LINE_BREAK.sub("", line)))
    return out
