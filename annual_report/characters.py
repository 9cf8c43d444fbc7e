"""Characters that do not belong in the content: invisible ones, and letters that only look right.

Text copied from a web page, a PDF or a chat message can carry characters a reader never sees
(zero-width spaces, direction marks, soft hyphens), and an input method can slip a Latin or
Cyrillic letter into a Chinese word (法о治 with a Cyrillic о, 二O二三 with a Latin O). They break
search, copying and citation matching, so the content must hold none of them.

What is fine: ASCII commas and colons in the official text, ㈡–㈩, (十一), the ideographic space
(U+3000), tabs and line ends, and Latin words such as APP, JSON or A级 that are written on purpose.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

ZERO_WIDTH = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}
# Invisible, although Unicode does not class them as format characters.
BLANK_LOOKING = {0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x180B, 0x180C, 0x180D, 0x180E, 0x180F,
                 *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)}
ALLOWED_CONTROLS = {"\t", "\n", "\r"}
ALLOWED_SPACES = {" ", "\u3000"}
CHINESE_NUMERALS = set("〇零一二三四五六七八九十百千")
ZERO_OR_ONE_LOOKALIKES = set("OoIlОоΟοІі")  # Latin, Cyrillic and Greek O/o, I/l/і


@dataclass(frozen=True)
class Finding:
    line: int
    column: int  # 1-based, in characters
    char: str
    problem: str

    @property
    def codepoint(self) -> str:
        return f"U+{ord(self.char):04X}"

    @property
    def name(self) -> str:
        return unicodedata.name(self.char, "unnamed character")

    def format(self, path: str) -> str:
        return f"{path}:{self.line}:{self.column}: {self.codepoint} {self.name}: {self.problem}"


def is_han(ch: str) -> bool:
    """A Chinese character (CJK unified or compatibility ideograph, or 〇)."""
    cp = ord(ch)
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF
            or 0x20000 <= cp <= 0x3FFFF or ch == "〇")


def script(ch: str) -> str | None:
    """'Latin', 'Cyrillic' or 'Greek' for a letter of those alphabets (full-width Latin included)."""
    if not ch.isalpha() or is_han(ch):
        return None
    name = unicodedata.name(ch, "")
    for prefix, result in (("LATIN", "Latin"), ("FULLWIDTH LATIN", "Latin"), ("CYRILLIC", "Cyrillic"), ("GREEK", "Greek")):
        if name.startswith(prefix):
            return result
    return None


def invisible_problem(ch: str) -> str | None:
    cp = ord(ch)
    if ch in ALLOWED_CONTROLS or ch in ALLOWED_SPACES:
        return None
    if cp in ZERO_WIDTH:
        return "zero-width character (invisible): delete it"
    category = unicodedata.category(ch)
    if category == "Cf":
        return "invisible format character: delete it"
    if cp in BLANK_LOOKING:
        return "invisible character: delete it"
    if category == "Cc":
        return "control character: delete it"
    if category in ("Co", "Cn"):
        return "private-use or unassigned character (shows as a box or not at all): delete it or type the intended character"
    if category in ("Zs", "Zl", "Zp"):
        return "unusual space or line separator: replace it with an ordinary space (or U+3000 in Chinese text) or a line break"
    return None


def check_line(text: str) -> list[tuple[int, str, str]]:
    """(0-based column, character, problem) for each character of one line that does not belong."""
    found = []
    for i, ch in enumerate(text):
        problem = invisible_problem(ch)
        if problem:
            found.append((i, ch, problem))
    # Runs of letters of the Latin, Cyrillic and Greek alphabets, with what stands either side.
    i = 0
    while i < len(text):
        if not script(text[i]):
            i += 1
            continue
        j = i
        while j < len(text) and script(text[j]):
            j += 1
        run, before, after = text[i:j], text[i - 1] if i else "", text[j] if j < len(text) else ""
        found += [(i + k, ch, problem) for k, ch, problem in _run_problems(run, before, after)]
        i = j
    return sorted(found)


def _run_problems(run: str, before: str, after: str) -> list[tuple[int, str, str]]:
    scripts = [script(ch) for ch in run]
    touches_han = (before and is_han(before)) or (after and is_han(after))
    out = []
    if len(set(scripts)) > 1:  # JSОN with a Cyrillic О: a word mixing alphabets
        counts = Counter(scripts)
        main = max(counts, key=lambda s: (counts[s], s == "Latin"))  # on a tie, Latin is the word
        out += [(k, ch, f"{s} letter inside a {main} word (a look-alike): retype the word")
                for k, (ch, s) in enumerate(zip(run, scripts)) if s != main]
        return out
    kind = scripts[0]
    if kind in ("Cyrillic", "Greek") and touches_han:
        out += [(k, ch, f"{kind} letter inside Chinese text (a look-alike): retype the Chinese word")
                for k, ch in enumerate(run)]
    elif (len(run) == 1 and before and after and is_han(before) and is_han(after)
          and (not run.isascii() or run.islower() or (run in ZERO_OR_ONE_LOOKALIKES and before in CHINESE_NUMERALS))):
        zero = " (write 〇 in Chinese numerals)" if run in "Oo" and before in CHINESE_NUMERALS else ""
        out.append((0, run, f"Latin letter inside a Chinese word (a look-alike or a typing slip){zero}: "
                            "retype the Chinese word"))
    if len(run) == 1 and run in ZERO_OR_ONE_LOOKALIKES and before.isdigit() and after.isdigit() and before.isascii():
        out.append((0, run, "letter between digits (looks like 0 or 1): type the digit"))
    return out


def check_text(text: str) -> list[Finding]:
    findings = []
    for number, line in enumerate(text.split("\n"), 1):
        for column, ch, problem in check_line(line):
            findings.append(Finding(number, column + 1, ch, problem))
    return findings
