#!/usr/bin/env python3
"""Run AutoCorrect (the Chinese copywriting linter, PyPI autocorrect-py) over what the site itself
writes, and never over the official report text.

Checked, whole: CONTRIBUTING.md, README.md, the .github templates, the UI text in overrides/, and every
Chinese page outside docs/zh/reports/ (home, about, open data, glossary, index-page intros, policy
pages), plus a report's home page (no `section`: its body is the site's, except the official opening
in its `<div class="report-opening" markdown>` block).
Checked in part: in report pages that hold official text (front matter with `section`), only the
editor's notes and other admonitions (`!!! note "编者注"`); in data/glossary.yml, only the
definitions (definition_zh, definition_en).
Not checked: the official paragraphs of the reports, the official file, data/terms.yml (official terms),
and the English pages (AutoCorrect is a Chinese linter; the English text is a translation).

House style, on top of .autocorrectrc (which the AutoCorrect CLI and editor plugins read too): a
number next to Chinese takes no space (2023年, 第3项), as in the official text; AutoCorrect would
add one. Its other suggestions (full-width punctuation in Chinese, a space around Latin words such
as JSON, no space beside full-width punctuation) stand.

Usage: scripts/check_copywriting.py [FILE ...]    Exits 1 on any finding; `make lint` runs it.
To quote official text with half-width punctuation inside a note, put the quotation between
<!-- autocorrect-disable --> and <!-- autocorrect-enable --> lines.
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from lint_report import run, shown  # noqa: E402

ADMONITION = re.compile(r"^( *)(?:!!!|\?\?\?\+?) ")
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
DIGIT_SPACE = re.compile(rf"(?<=[0-9])(?=[{HAN}])|(?<=[{HAN}])(?=[0-9])")


def site_files(root: Path = ROOT) -> list[Path]:
    files = [root / "CONTRIBUTING.md", root / "README.md", root / ".github" / "pull_request_template.md"]
    files += sorted((root / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    files += sorted((root / "overrides").glob("**/*.html"))
    files += sorted((root / "docs" / "zh").glob("**/*.md"))
    files.append(root / "data" / "glossary.yml")
    return [f for f in files if f.is_file()]


def holds_official_text(path: Path, text: str) -> bool:
    """A report page with a `section` holds official paragraphs."""
    if "reports" not in path.parts or not text.startswith("---\n"):
        return False
    front = text[4:text.find("\n---", 4)]
    try:
        meta = yaml.safe_load(front) or {}
    except yaml.YAMLError:
        return True  # the build reports the broken front matter; do not lint the page meanwhile
    return isinstance(meta, dict) and "section" in meta


OFFICIAL_BLOCK = re.compile(r'^<div class="(?:report-opening|part-intro|signature)"[^>]*\bmarkdown\b')


def without_official_blocks(text: str) -> str:
    """The page with the official text of its marked blocks (the opening on a report's home page, a
    part's intro, the signature) and a report home's title blanked, so that line numbers stay: that
    text is the bureau's."""
    lines = text.split("\n")
    inside = False
    for i, line in enumerate(lines):
        if line.startswith("# ") and "\ndisclosure:" in text:  # a report home's title: the report's own words
            lines[i] = ""
        elif OFFICIAL_BLOCK.match(line):
            inside = True
        elif inside and line.startswith("</div>"):
            inside = False
        elif inside:
            lines[i] = ""
    return "\n".join(lines)


def dedent_admonitions(text: str, only: bool = False) -> tuple[str, dict[int, int]]:
    """Admonition bodies are indented by four spaces, which AutoCorrect takes for code and skips.
    With ``only``, every line outside an admonition becomes empty (line numbers stay)."""
    lines = text.split("\n")
    shift: dict[int, int] = {}
    inside = None  # the indentation of the admonition's body
    for i, line in enumerate(lines):
        m = ADMONITION.match(line)
        if m:
            inside = len(m[1]) + 4
            lines[i] = line.strip() if only else line
        elif inside is not None and (not line.strip() or line.startswith(" " * inside)):
            lines[i] = line[inside:]
            shift[i + 1] = inside
        else:
            inside = None
            if only:
                lines[i] = ""
    return "\n".join(lines), shift


def glossary_lines(text: str) -> set[int]:
    """The lines that hold the site's definitions in data/glossary.yml (the terms are official)."""
    lines: set[int] = set()
    node = yaml.compose(text)
    for entry in getattr(node, "value", []):
        for key, value in getattr(entry, "value", []):
            if key.value in ("definition_zh", "definition_en"):
                lines.update(range(value.start_mark.line + 1, value.end_mark.line + 2))
    return lines


def without_number_spaces(old: str, new: str) -> str:
    """AutoCorrect's suggestion minus the spaces it puts between a number and Chinese."""
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        inserted = new[b1:b2]
        if op == "insert" and inserted == " " and DIGIT_SPACE.match(old, a1) and 0 < a1 < len(old):
            continue
        out.append(old[a1:a2] if op == "equal" else inserted)
    return "".join(out)


def lint(path: Path, text: str | None = None) -> list[tuple[int, int, str, str]]:
    """(line, column, old, new) for each line AutoCorrect would change."""
    import autocorrect_py

    text = path.read_text("utf-8") if text is None else text
    keep_lines = None
    if path.name == "glossary.yml":
        keep_lines = glossary_lines(text)
    if path.suffix == ".md":
        text, shift = (dedent_admonitions(text, only=True) if holds_official_text(path, text)
                       else dedent_admonitions(without_official_blocks(text)))
    else:
        shift = {}
    findings = []
    for r in autocorrect_py.lint_for(text, path.name).lines:
        if keep_lines is not None and r.line not in keep_lines:
            continue
        new = without_number_spaces(r.old, r.new)
        if new != r.old:
            findings.append((r.line, r.col + shift.get(r.line, 0), r.old, new))
    return findings


def load_config(root: Path = ROOT) -> None:
    import autocorrect_py

    autocorrect_py.load_config((root / ".autocorrectrc").read_text("utf-8"))


def main(argv: list[str]) -> int:
    load_config()
    return run("check_copywriting", [Path(a) for a in argv] or site_files(),
               lambda path: (f"{shown(path)}:{line}:{col}:\n  - {old.strip()}\n  + {new.strip()}"
                             for line, col, old, new in lint(path)),
               lambda count, files: f"{count} line(s) to correct in {files} file(s) of the site's own text "
                                    "(+ is the corrected line; see CONTRIBUTING.md)",
               lambda files: f"{files} file(s) of the site's own text, zero AutoCorrect findings")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
