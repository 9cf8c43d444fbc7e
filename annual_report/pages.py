"""The block structure of a report page: headings and the paragraphs of official text under them.

Official text is written as plain paragraphs. Everything the site adds is in a form this scanner
skips: admonitions (``!!! note "编者注"`` with an indented body), HTML blocks and HTML comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^{}]*\})?\s*$")


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
    """Split a page body into blocks, one per heading, each with its official paragraphs."""
    lines = body.split("\n")
    blocks = [Block(None, 0, 0)]
    i = 0
    while i < len(lines):
        line = lines[i]
        heading = _HEADING.match(line)
        if heading:
            blocks.append(Block(heading[2], len(heading[1]), i))
            i += 1
        elif line.startswith(("!!!", "???")):  # admonition: skip its indented body
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith(("    ", "\t"))):
                i += 1
        elif line.startswith("<"):  # HTML block or comment: skip to the blank line after it
            while i < len(lines) and lines[i].strip():
                i += 1
            if line.startswith("<div") or line.startswith("<!--") and "-->" not in line:
                closing = "</div>" if line.startswith("<div") else "-->"
                while i < len(lines) and closing not in lines[i]:
                    i += 1
                i += 1
        elif line.strip():
            first = i
            while i + 1 < len(lines) and lines[i + 1].strip() and not _HEADING.match(lines[i + 1]):
                i += 1
            blocks[-1].paragraphs.append(Paragraph("\n".join(lines[first:i + 1]), first, i))
            i += 1
        else:
            i += 1
    return [b for b in blocks if b.heading is not None or b.paragraphs]
