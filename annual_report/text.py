"""Reading report text: ordinal markers, headings, measures, policy citations and figures.

Functions here work on plain strings and return offsets into them, so that what they find can be
turned into anchors and links without changing a character of the official text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


# ㈠..㈩ are U+3220..U+3229; the reports also write (十一), (一) and （一）.
_CIRCLED = {chr(0x3220 + i): i + 1 for i in range(10)}
_HEADING_ORDINAL = re.compile(r"^\s*(?:(?P<circled>[\u3220-\u3229])|[(（](?:(?P<paren>[一二三四五六七八九十]+)|(?P<digits>\d+))[)）]|(?P<section>[一二三四五六七八九十]+)、)")

CHINESE_NUMERAL = "[一二三四五六七八九十]{1,3}"
# Where a marker may stand: opening a paragraph, or after the end of a sentence or clause.
_OPENS = r"(?:^|(?<=[。；;：:\n]))"
CIRCLED_DIGITS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class MarkerStyle:
    """One way the reports number their measures: 一是…二是…, 1. 2., （1）（2）, ①②."""

    name: str
    pattern: re.Pattern
    ordinal: object  # the numeral as written → its number
    written: object  # a number → the marker as written, for messages


ZH_STYLES = (
    MarkerStyle("是", re.compile(rf"{_OPENS}(?P<numeral>{CHINESE_NUMERAL})是"),
                lambda n: chinese_number(n), lambda n: f"{chinese_numeral(n)}是"),
    # 1. 1、 1． open a paragraph (mid-sentence they are too often part of a number: 3、4月, 2.9万辆).
    MarkerStyle("1.", re.compile(r"(?:^|(?<=\n))(?P<numeral>\d{1,2})[.．、](?!\d)"), int, lambda n: f"{n}."),
    MarkerStyle("（1）", re.compile(rf"{_OPENS}[(（](?P<numeral>\d{{1,2}})[)）]"), int, lambda n: f"（{n}）"),
    MarkerStyle("①", re.compile(rf"(?:^|(?<=[。；;：:，,\n]))(?P<numeral>[{CIRCLED_DIGITS}])"),
                lambda n: CIRCLED_DIGITS.index(n) + 1, lambda n: CIRCLED_DIGITS[n - 1]),
)
EN_ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
               "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth",
               "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth", "Twentieth"]
EN_STYLE = MarkerStyle("First,", re.compile(rf"(?:^|(?<=[.;:]\s)|(?<=\n))(?P<numeral>{'|'.join(EN_ORDINALS)}),"),
                       lambda n: EN_ORDINALS.index(n) + 1, lambda n: f"{EN_ORDINALS[n - 1]},")


# The numerals the reports number with (一 to 九十九), read and written by hand rather than with cn2an:
# importing cn2an took a second of every build and preview, for what these few lines do.
# tests/annual_report/test_text.py checks both against cn2an on every string of up to three of
# 一…十 and every number from 1 to 99.
CHINESE_DIGITS = "〇一二三四五六七八九"


def chinese_number(numeral: str) -> int:
    """十二 → 12, 二十 → 20, 一一 → 11 (digit by digit, as cn2an reads it); ValueError if it is none."""
    tens, ten, units = numeral.partition("十")
    if not ten:
        return int("".join(str(CHINESE_DIGITS.index(digit)) for digit in numeral))
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        raise ValueError(f"not a Chinese numeral: {numeral}")
    return (CHINESE_DIGITS.index(tens) if tens else 1) * 10 + (CHINESE_DIGITS.index(units) if units else 0)


def chinese_numeral(number: int) -> str:
    """12 → 十二, 20 → 二十 (1 to 99)."""
    tens, units = divmod(number, 10)
    return ("" if not tens else ("" if tens == 1 else CHINESE_DIGITS[tens]) + "十") + (CHINESE_DIGITS[units] if units else "")


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
    def __init__(self, offset: int, found: int, expected: int, style: MarkerStyle = ZH_STYLES[0]):
        self.offset, self.found, self.expected, self.style = offset, found, expected, style
        super().__init__(f"marker {self.found_as} where {self.expected_as} was expected")

    @property
    def found_as(self) -> str:
        return self.style.written(self.found)

    @property
    def expected_as(self) -> str:
        return self.style.written(self.expected)

    @property
    def first_as(self) -> str:
        return self.style.written(1)


def _candidates(text: str, style: MarkerStyle) -> list[tuple[int, re.Match]]:
    out = []
    for m in style.pattern.finditer(text):
        try:
            out.append((style.ordinal(m["numeral"]), m))
        except ValueError:  # not a numeral (九九十): ordinary text, not a marker
            continue
    return out


def marker_style(text: str, lang: str = "zh") -> MarkerStyle | None:
    """The style that numbers the measures of ``text``: the one whose first marker comes first.

    Styles nest (1. 2. with 一是…二是… inside each, or 一是 with ①② inside); the outer one opens
    the block, so its first marker is the earliest.
    """
    if lang != "zh":
        return EN_STYLE if _candidates(text, EN_STYLE) else None
    firsts = [(found[0][1].start(), i, style) for i, style in enumerate(ZH_STYLES) if (found := _candidates(text, style))]
    return min(firsts)[2] if firsts else None


def find_markers(text: str, lang: str = "zh") -> list[Marker]:
    """Every measure marker in ``text``, numbered in reading order.

    Markers count up from one with no gap or repeat. A paragraph may start the count again
    (一是…二是… in one paragraph, 一是… again in the next, as some reports number each paragraph's
    points): the measures are then numbered on through the block.
    """
    style = marker_style(text, lang)
    if style is None:
        return []
    markers, counted = [], 0
    for ordinal, m in _candidates(text, style):
        opens_paragraph = m.start() == 0 or text[m.start() - 1] == "\n"
        if ordinal == 1 and opens_paragraph:
            counted = 0
        if ordinal != counted + 1:
            raise MarkerOrderError(m.start(), ordinal, counted + 1, style)
        counted = ordinal
        markers.append(Marker(len(markers) + 1, m.start(), m.end()))
    return markers


PARAGRAPH_BREAK = "\n\n"  # how a block's paragraphs are joined into its text


def split_measures(text: str, lang: str = "zh") -> list[Span]:
    """Cut a block's text into the text before the first marker and one span per measure.

    A measure runs from its marker to the next marker or the end of the block. In a block with no
    marker, each paragraph is one measure. The spans cover ``text`` exactly, in order.
    """
    markers = find_markers(text, lang)
    if not markers:
        if not text.strip():
            return [Span(0, 0, len(text))]
        starts, at = [], 0
        for piece in text.split(PARAGRAPH_BREAK):
            if piece.strip():
                starts.append(at)
            at += len(piece) + len(PARAGRAPH_BREAK)
        starts[0] = 0
        return [Span(n, start, end) for n, (start, end) in enumerate(zip(starts, starts[1:] + [len(text)]), 1)]
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
