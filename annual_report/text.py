"""Reading report text: ordinal markers, headings, measures, policy citations and figures.

Functions here work on plain strings and return offsets into them, so that what they find can be
turned into anchors and links without changing a character of the official text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

# ㈠..㈩ are U+3220..U+3229; the reports also write (十一), (一) and （一）.
_CIRCLED = {chr(0x3220 + i): i + 1 for i in range(10)}
_HEADING_ORDINAL = re.compile(r"^\s*(?:(?P<circled>[\u3220-\u3229])|[(（](?:(?P<paren>[一二三四五六七八九十]+)|(?P<digits>\d+))[)）]|(?P<section>[一二三四五六七八九十]+)、)")

CHINESE_NUMERAL = "[一二三四五六七八九十]{1,3}"
# A marker (一是、二是 …) opens a paragraph or follows the end of a sentence.
ZH_MARKER = re.compile(rf"(?:^|(?<=[。；;：:\n]))(?P<numeral>{CHINESE_NUMERAL})是")
EN_ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
               "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth"]
EN_MARKER = re.compile(rf"(?:^|(?<=[.;:]\s)|(?<=\n))(?P<numeral>{'|'.join(EN_ORDINALS)}),")


def chinese_number(numeral: str) -> int:
    return int(cn2an.cn2an(numeral, "normal"))


def heading_ordinal(heading: str) -> int | None:
    """The ordinal a heading opens with: ㈢ → 3, (十一) → 11, （二） → 2, (2) → 2, 三、 → 3; else None."""
    m = _HEADING_ORDINAL.match(heading)
    if not m:
        return None
    if m["circled"]:
        return _CIRCLED[m["circled"]]
    if m["digits"]:  # the English pages write (1), (2)
        return int(m["digits"])
    return chinese_number(m["paren"] or m["section"])


@dataclass(frozen=True)
class Marker:
    ordinal: int
    start: int
    end: int  # end of the marker itself (一是)


@dataclass(frozen=True)
class Span:
    """Part of a block's text: a measure (ordinal ≥ 1) or the text before the first marker (0)."""

    ordinal: int
    start: int
    end: int


class MarkerOrderError(ValueError):
    def __init__(self, offset: int, found: int, expected: int):
        self.offset, self.found, self.expected = offset, found, expected
        super().__init__(f"marker {found} where {expected} was expected")


def find_markers(text: str, lang: str = "zh") -> list[Marker]:
    """Every ordinal marker in ``text``; they must count up from one with no gap or repeat."""
    pattern = ZH_MARKER if lang == "zh" else EN_MARKER
    markers = []
    for m in pattern.finditer(text):
        numeral = m["numeral"]
        try:
            ordinal = chinese_number(numeral) if lang == "zh" else EN_ORDINALS.index(numeral) + 1
        except ValueError:  # not a numeral (九九十): ordinary text, not a marker
            continue
        expected = len(markers) + 1
        if ordinal != expected:
            raise MarkerOrderError(m.start(), ordinal, expected)
        markers.append(Marker(ordinal, m.start(), m.end()))
    return markers


def split_measures(text: str, lang: str = "zh") -> list[Span]:
    """Cut a block's text into the text before the first marker and one span per measure.

    A measure runs from its marker to the next marker or the end of the block. A block with no
    marker is one measure. The spans cover ``text`` exactly, in order.
    """
    markers = find_markers(text, lang)
    if not markers:
        return [Span(1, 0, len(text))] if text.strip() else [Span(0, 0, len(text))]
    spans = [Span(0, 0, markers[0].start)] if markers[0].start else []
    ends = [m.start for m in markers[1:]] + [len(text)]
    spans += [Span(m.ordinal, m.start, end) for m, end in zip(markers, ends)]
    return spans


@dataclass(frozen=True)
class Citation:
    """A cited title: 《title》, a 〈title〉 nested in one, or a title cited without brackets."""

    title: str
    start: int  # offsets of the title with its brackets
    end: int
    outer: str | None = None  # for a nested 〈title〉, the title it sits in
    doc_number: str | None = None  # a document number given right after it, e.g. 国办发〔2023〕27号


_TITLE = re.compile(r"《([^《》\n]+)》")
_NESTED = re.compile(r"〈([^〈〉《》\n]+)〉")
_DOC_NUMBER_AFTER = re.compile(r"[(（]([^()（）\n]*?〔\d{4}〕\d+号)[)）]")


def find_citations(text: str, unbracketed: tuple[str, ...] = ()) -> list[Citation]:
    """Every cited title in ``text``, in order, nested ones right after their outer title."""
    found: list[Citation] = []
    for m in _TITLE.finditer(text):
        after = _DOC_NUMBER_AFTER.match(text, m.end())
        found.append(Citation(m[1], m.start(), m.end(), doc_number=after[1] if after else None))
        for n in _NESTED.finditer(m[1]):
            offset = m.start(1)
            found.append(Citation(n[1], offset + n.start(), offset + n.end(), outer=m[1]))
    inside = [(c.start, c.end) for c in found if c.outer is None]
    for title in unbracketed:
        for m in re.finditer(re.escape(title), text):
            if not any(s <= m.start() < e for s, e in inside):
                found.append(Citation(title, m.start(), m.end()))
    return sorted(found, key=lambda c: (c.start, c.outer is not None))


@dataclass(frozen=True)
class Figure:
    """A number with its unit and its qualifiers, as written (约37件次, 不少于60学时, 60余家, 60学时以上),
    and the clause it sits in.

    ``value`` is the number with the qualifiers written around it before the unit (约37, 不少于60,
    60余); ``after`` is a qualifier written after the unit (以上). A qualifier is never dropped: 约37件次
    is not 37件次. ``text`` is exactly the characters of the source, qualifiers included.
    """

    value: str
    unit: str
    start: int
    end: int
    context: str
    after: str = ""

    @property
    def text(self) -> str:
        return self.value + self.unit + self.after

    @property
    def number(self) -> str:
        return _NUMBER.search(self.value)[0]

    @property
    def qualifiers(self) -> tuple[str, str, str]:
        """(before the number, between number and unit, after the unit), e.g. ('约', '', '')."""
        m = _NUMBER.search(self.value)
        return self.value[:m.start()], self.value[m.end():], self.after


_UNITS = ["万元", "万辆", "件次", "学时", "小时", "%", "项", "次", "名", "辆", "元", "人", "家", "个", "起", "条", "公里"]
QUALIFIERS_BEFORE = ["不少于", "不低于", "不超过", "超过", "至少", "约", "近", "逾"]
QUALIFIERS_BETWEEN = ["余", "多"]
QUALIFIERS_AFTER = ["以上", "以下", "以内"]
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_FIGURE = re.compile(r"(?P<before>" + "|".join(QUALIFIERS_BEFORE) + r")?(?<![\d.〔])(?P<number>\d+(?:\.\d+)?)"
                     r"(?P<between>" + "|".join(QUALIFIERS_BETWEEN) + r")?"
                     r"(?P<unit>" + "|".join(map(re.escape, _UNITS)) + r")(?P<after>" + "|".join(QUALIFIERS_AFTER) + r")?")
_CLAUSE_END = "。；;,，:：!！?？\n"


def find_figures(text: str) -> list[Figure]:
    """Numbers with units in ``text``, with their qualifiers; years, dates and numbers inside titles
    are not figures."""
    titles = [(m.start(), m.end()) for m in _TITLE.finditer(text)]
    figures = []
    for m in _FIGURE.finditer(text):
        if any(s <= m.start("number") < e for s, e in titles):
            continue
        start = max(text.rfind(c, 0, m.start()) for c in _CLAUSE_END) + 1
        ends = [i for i in (text.find(c, m.end()) for c in _CLAUSE_END) if i != -1]
        end = min(ends) if ends else len(text)
        value = (m["before"] or "") + m["number"] + (m["between"] or "")
        figures.append(Figure(value, m["unit"], m.start(), m.end(), text[start:end].strip(), m["after"] or ""))
    return figures
