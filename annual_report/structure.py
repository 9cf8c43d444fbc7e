"""The structure of a report read from its official text: opening, parts, subsections, closing.

The bureau's official file has one paragraph per line. Reports vary in shape from year to year
and from bureau to bureau (STYLE.md, "Real report shapes"), so nothing here assumes the 2023 one:

- the lines before ``一、`` are the opening: title lines, an addressee (主送机关), a preamble;
- parts are ``一、二、三…``, as many as the report has; each part's kind comes from the meaning of
  its heading (:data:`KIND_RULES`): ``done``, ``duties``, ``problem``, ``planned`` or ``other``;
- subsections are ``(一)`` ``（一）`` ``㈠…㈩`` ``(十一)``, on their own line or run in at the start of
  a paragraph and ending with 。; when text comes before a part's first heading and that heading
  is ``㈡``, the text is an unheaded first subsection (the 2023 report);
- the lines after the last part that read as a signature (the bureau's name, a date, 审核人) are
  the closing.

No character is changed: every heading and paragraph is a slice of a line of the file. Only line
breaks and the whitespace at either end of a line (indentation) are layout, and
:func:`canonical` removes exactly those to compare a text with its official file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import MarkerOrderError, chinese_number, find_markers, split_measures

KINDS = ("done", "duties", "problem", "planned", "other")
MEASURED_KINDS = ("done", "duties", "problem", "planned")  # "other" (其他需要报告的情况) holds no measures

# The first rule that matches a part's heading gives its kind. Order matters: 其他需要报告的情况
# also says 情况, and 存在的问题及下一步打算 is about problems first.
KIND_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("other", re.compile(r"其[他它](需要|需|应当|应)?(报告|说明)?的?(情况|事项)")),
    ("duties", re.compile(r"第一责任人|主要负责(人|同志)履行|履行.{0,12}职责|述法")),
    ("problem", re.compile(r"不足|问题|短板|差距|困难|薄弱")),
    ("planned", re.compile(r"下一?年度?|下一?步|明年|今后|安排|计划|打算|思路|展望|目标任务")),
    ("done", re.compile(r"举措|成效|做法|主要工作|工作情况|建设情况|开展情况|进展|成绩|推进法治政府建设")),
)
# A planned part's subsection with no measure markers whose heading names the year's direction is
# its goal statement: shown, not counted as a measure (三(一)2024年工作思路及目标任务 in 2023).
GOAL_HEADING = re.compile(r"思路|目标|总体要求|指导思想|总体安排")

PART_HEADING = re.compile(r"^(?P<numeral>[一二三四五六七八九十]{1,3})、")
_CIRCLED = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
SUBSECTION_HEADING = re.compile(rf"^(?:(?P<circled>[{_CIRCLED}])|[(（](?P<numeral>[一二三四五六七八九十]{{1,3}})[)）])")
# A heading on its own line is short and states a topic; a longer line is a run-in heading only up
# to its first 。, and the rest of the line is the subsection's first paragraph.
HEADING_MAX = 60
SENTENCE_END = "。"
ENDS_LIKE_A_HEADING = tuple("。：:；;！？!?）)”")
# A heading is broken over two lines only when it was long: a short topic (（二）深化改革) is whole.
WRAPPED_HEADING_MIN = 20

DATE_LINE = re.compile(r"^[(（]?\s*(?:\d{4}|[〇零○O０一二三四五六七八九]{4})\s*年\s*[\d０-９一二三四五六七八九十]{1,3}\s*月"
                       r"(?:\s*[\d０-９一二三四五六七八九十]{1,3}\s*日)?\s*[)）]?$")
CLOSING_FIELD = re.compile(r"^[(（]?\s*(审核人|审核|签发人|签发|联系人|联系电话|电话|附件|抄送)\s*[:：]|^[(（]此件.{1,20}[)）]$")
ORGANISATION = re.compile(r"^[^\s。，,；;：:！？!?]{2,40}(局|委员会|委|政府|办公室|厅|中心|院|处|站|所|队|组|部|办)"
                          r"(\s*[(（]\s*(公章|盖章|印章)\s*[)）])?$")


class StructureError(ValueError):
    """A line of the official file the reader cannot place: its line, the problem and the fix."""

    def __init__(self, line: int, problem: str, fix: str):
        self.line, self.problem, self.fix = line, problem, fix
        super().__init__(f"line {line}: {problem}")


@dataclass
class Paragraph:
    text: str  # verbatim, without the line's indentation
    line: int  # 1-based line of the official file


@dataclass
class Subsection:
    ordinal: int  # 1 for ㈠ / (一), and for an unheaded first subsection
    heading: str | None  # verbatim; None when the source gives the subsection no heading
    line: int  # line of the heading (of the first paragraph when unheaded)
    paragraphs: list[Paragraph] = field(default_factory=list)
    heading_lines: int = 1  # 2 when the source breaks the heading over two lines (㈢ in 2023)
    goal: bool = False  # a planned part's goal statement: shown, not a measure


@dataclass
class Part:
    ordinal: int  # 1 for 一、
    heading: str  # verbatim, with its numeral
    line: int
    kind: str
    paragraphs: list[Paragraph] = field(default_factory=list)  # before the first subsection (all, when none)
    subsections: list[Subsection] = field(default_factory=list)
    intro: list[Paragraph] = field(default_factory=list)  # official text before a list of items: never measures

    @property
    def title(self) -> str:
        """The heading without its numeral and final stop: 二、存在的问题。 → 存在的问题."""
        return PART_HEADING.sub("", self.heading).rstrip(SENTENCE_END)


@dataclass
class ReportText:
    opening: list[Paragraph]  # title lines, addressee, preamble: kept verbatim, never measures
    parts: list[Part]
    closing: list[Paragraph]  # signature, date, 审核人

    @property
    def title_lines(self) -> list[Paragraph]:
        """The opening lines that make the title: short lines before any sentence punctuation."""
        out = []
        for p in self.opening:
            if len(p.text) > 40 or any(ch in p.text for ch in "。，,；;：:"):
                break
            out.append(p)
        return out if any("报告" in p.text for p in out) else []

    @property
    def title(self) -> str | None:
        return "".join(p.text for p in self.title_lines) or None

    def closing_field(self, pattern: str) -> str | None:
        """The value of a closing line such as 审核人:王勇 (pattern 审核人)."""
        for p in self.closing:
            m = re.match(rf"^[(（]?\s*{pattern}\s*[:：]\s*(.+?)[)）]?$", p.text)
            if m:
                return m[1].strip()
        return None

    @property
    def date_written(self) -> str | None:
        """The closing's date as YYYY-MM-DD, when it is written in Arabic digits."""
        for p in self.closing:
            m = re.match(r"^[(（]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", p.text)
            if m:
                return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
        return None


def split_lines(text: str) -> list[str]:
    """The file's lines, whatever its line ends (CRLF, LF or CR); a byte-order mark is not text."""
    return re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))


# Whitespace after a 。 is where the site may break a run-in heading from its text: layout too.
_AFTER_STOP = re.compile(r"(?<=。)\s+")


def canonical_line(line: str) -> str:
    return _AFTER_STOP.sub("", line.strip())


def canonical(text: str) -> str:
    """The text with its layout removed: line breaks, each line's leading and trailing whitespace,
    and whitespace after a 。 (where a run-in heading is set apart from its text)."""
    return "".join(canonical_line(line) for line in split_lines(text))


def kind_of(heading: str) -> str | None:
    """The kind of a part from the meaning of its heading, or None when no rule places it."""
    title = PART_HEADING.sub("", heading)
    for kind, rule in KIND_RULES:
        if rule.search(title):
            return kind
    return None


def _part_numeral(text: str) -> int | None:
    m = PART_HEADING.match(text)
    return chinese_number(m["numeral"]) if m else None


def _subsection_numeral(text: str) -> int | None:
    m = SUBSECTION_HEADING.match(text)
    if not m:
        return None
    return _CIRCLED.index(m["circled"]) + 1 if m["circled"] else chinese_number(m["numeral"])


def _looks_like_heading(text: str) -> bool:
    return len(text) <= HEADING_MAX and SENTENCE_END not in text[:-1]


def _split_heading(text: str) -> tuple[str, str]:
    """A heading line cut into the heading and the run-in text after its first 。 (may be empty)."""
    if _looks_like_heading(text):
        return text, ""
    end = text.find(SENTENCE_END)
    if end == -1:
        return text, ""
    return text[: end + 1], text[end + 1:].lstrip()


def _closing_start(lines: list[tuple[int, str]]) -> int:
    """Index in ``lines`` where the closing begins (len(lines) when there is none)."""
    start, signed = len(lines), False
    for i in range(len(lines) - 1, -1, -1):
        text = lines[i][1]
        if DATE_LINE.match(text) or CLOSING_FIELD.match(text):
            signed = True
        elif not ORGANISATION.match(text):
            break
        start = i
    return start if signed else len(lines)


def read_report(text: str, kinds: dict[int, str] | None = None) -> ReportText:
    """Read an official report text. ``kinds`` sets a part's kind by hand ({5: "other"}).

    Raises StructureError for what cannot be placed: no part 一、, a heading whose kind no rule
    finds, a part or subsection numbered out of order.
    """
    kinds = kinds or {}
    lines = [(n, line.strip()) for n, line in enumerate(split_lines(text), 1) if line.strip()]
    first = next((i for i, (_, t) in enumerate(lines) if _part_numeral(t) == 1), None)
    if first is None:
        raise StructureError(1, "no part heading '一、' found: the report's parts must open with 一、 二、 三、…",
                             "check that this is the official text of the report, with one paragraph per line")
    opening = [Paragraph(t, n) for n, t in lines[:first]]
    body = lines[first:]
    cut = _closing_start(body)
    closing = [Paragraph(t, n) for n, t in body[cut:]]
    parts: list[Part] = []
    for number, line in body[:cut]:
        numeral = _part_numeral(line)
        expected = len(parts) + 1
        if numeral == expected:
            heading, rest = _split_heading(line)
            kind = kinds.get(expected) or kind_of(heading)
            if kind is None:
                raise StructureError(number, f"the heading '{heading}' of part {expected} does not say what kind of part it is",
                                     f"tell the import its kind: add KINDS=\"{expected}=done\" (or duties, problem, planned, "
                                     "other) to the make new-report command; after the import, the kind is the 'kind:' field "
                                     "in the front matter of the part's page")
            parts.append(Part(expected, heading, number, kind))
            if rest:
                parts[-1].paragraphs.append(Paragraph(rest, number))
            continue
        if numeral is not None and parts and numeral > expected and len(_split_heading(line)[0]) <= HEADING_MAX:
            raise StructureError(number, f"part heading '{line}' where part {expected} was expected (a part is missing or misnumbered)",
                                 "check the file against the signed original: parts count 一、二、三… with no gap")
        _add_line(parts[-1], number, line)
    for part in parts:
        _finish_part(part)
    return ReportText(opening, parts, closing)


def _add_line(part: Part, number: int, line: str) -> None:
    numeral = _subsection_numeral(line)
    expected = len(part.subsections) + 1
    if numeral is not None and not part.subsections and numeral == 2 and part.paragraphs:
        # Text before ㈡ with no ㈠: the source's first subsection has no heading (2023's part 一).
        part.subsections.append(Subsection(1, None, part.paragraphs[0].line, part.paragraphs))
        part.paragraphs = []
        expected = 2
    if numeral is not None and numeral == expected:
        heading, rest = _split_heading(line)
        sub = Subsection(numeral, heading, number)
        if rest:
            sub.paragraphs.append(Paragraph(rest, number))
        part.subsections.append(sub)
        return
    if numeral is not None and len(_split_heading(line)[0]) <= HEADING_MAX and (numeral > expected or numeral == expected - 1):
        what = "missing or misnumbered" if numeral > expected else "repeated"
        raise StructureError(number, f"subsection heading '{line}' where subsection {expected} of part {part.ordinal} was "
                                     f"expected (a subsection is {what})",
                             "check the file against the signed original: subsections count (一)(二)(三)… with no gap or repeat")
    target = part.subsections[-1].paragraphs if part.subsections else part.paragraphs
    target.append(Paragraph(line, number))


def _finish_part(part: Part) -> None:
    if part.kind in MEASURED_KINDS and part.subsections and all(s.heading and not s.paragraphs for s in part.subsections):
        # （一）…。（二）…。 each a sentence with nothing under it: a list of items, not of subsections.
        part.intro, part.paragraphs = part.paragraphs, [Paragraph(s.heading, s.line) for s in part.subsections]
        part.subsections = []
    headed = [s for s in part.subsections if s.heading]
    run_in = [s for s in headed if s.heading.endswith(SENTENCE_END)]
    for sub in part.subsections:
        _join_broken_heading(sub, headings_end_with_stop=len(run_in) * 2 > len(headed))
        if part.kind == "planned" and sub.heading and GOAL_HEADING.search(sub.heading) and not _has_markers(sub.paragraphs):
            sub.goal = True
    for block, line in _blocks(part):
        try:
            split_measures("\n\n".join(p.text for p in block))
        except MarkerOrderError as err:
            raise StructureError(_line_of(block, err.offset), f"measure marker '{err.found_as}' where '{err.expected_as}' was "
                                 f"expected: markers count up from '{err.first_as}' with no gap or repeat",
                                 "check the file against the signed original; the official text is published as it is, "
                                 "so a numbering slip in the original has to be corrected by the bureau, not here") from None


def _join_broken_heading(sub: Subsection, headings_end_with_stop: bool) -> None:
    """㈢进一步深化…法治化 / 交通运输行业营商环境。一是…: a heading broken over two lines.

    Only where the part's other headings end with 。 (so one without it is unfinished), the line is
    long enough to have been wrapped, and the next line's first sentence is short and opens no measure.
    """
    if not (sub.heading and headings_end_with_stop and len(sub.heading) >= WRAPPED_HEADING_MIN
            and not sub.heading.endswith(ENDS_LIKE_A_HEADING) and sub.paragraphs):
        return
    first = sub.paragraphs[0]
    if first.line == sub.line:  # run-in text, not a second line
        return
    end = first.text.find(SENTENCE_END)
    if end == -1 or end > 30 or _has_markers([Paragraph(first.text[: end + 1], first.line)]):
        return
    sub.heading += first.text[: end + 1]
    sub.heading_lines = 2
    rest = first.text[end + 1:]
    if rest:
        sub.paragraphs[0] = Paragraph(rest, first.line)
    else:
        sub.paragraphs.pop(0)


def _has_markers(paragraphs: list[Paragraph]) -> bool:
    try:
        return bool(find_markers("\n\n".join(p.text for p in paragraphs)))
    except MarkerOrderError:
        return True


def _blocks(part: Part):
    """(paragraphs, line) of each block whose measures are numbered on their own."""
    if part.paragraphs:
        yield part.paragraphs, part.line
    for sub in part.subsections:
        if sub.paragraphs:
            yield sub.paragraphs, sub.line


def _line_of(block: list[Paragraph], offset: int) -> int:
    at = 0
    for p in block:
        if offset <= at + len(p.text):
            return p.line
        at += len(p.text) + 2
    return block[-1].line
