"""Reading the YAML data files (data/*.yml): a syntax error names the file and the line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import ContentError


def load_yaml(path: Path, shown_as: str | None = None):
    """The parsed content of a YAML file; ContentError naming the file and line when it cannot be read.

    ``shown_as`` is the path printed in the message (e.g. data/glossary.yml); the full path otherwise.
    """
    shown = shown_as or _shown(path)
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError as err:
        raise ContentError(shown, None, f"the file is not UTF-8 text ({err.reason} at byte {err.start})",
                           "save the file as UTF-8 (in VS Code: 'Save with Encoding' → UTF-8)") from None
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml where the wheel has it
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(err, "problem", None) or str(err).split("\n", 1)[0]
        context = getattr(err, "context", None)
        what = f"{context}, {problem}" if context else problem
        raise ContentError(shown, line, f"the YAML cannot be read: {what}",
                           "check the indentation and the quotes on this line and the one before it; "
                           "put a value that holds ': ' or starts with a special character in double quotes") from None


def _shown(path: Path) -> str:
    """The path from the project folder (the parent of data/ or docs/) where it can be found."""
    parts = path.resolve().parts
    for anchor in ("data", "docs"):
        if anchor in parts:
            i = len(parts) - 1 - parts[::-1].index(anchor)
            return Path(*parts[i:]).as_posix()
    return str(path)
