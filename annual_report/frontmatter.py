"""Front matter: split it off a Markdown page, parse it, and validate it against a JSON Schema.

Every error carries the line of the page where the problem is, so that staff can find it.
"""

from __future__ import annotations

import datetime
import json
import re
import weakref
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import jsonschema
import yaml

from .errors import ContentError

# libyaml's loader where PyYAML was built with it (the wheels are): the same documents, parsed in C.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CORRECTION_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


@dataclass
class SourcePage:
    """A Markdown page split into its front matter and its body."""

    path: str  # as shown in messages, e.g. docs/zh/reports/2023/problems.md
    meta: dict
    body: str
    body_line: int  # line number (1-based) of the body's first line in the file
    meta_lines: dict[tuple, int] = field(default_factory=dict)  # path of keys -> line

    def line_of(self, *path) -> int:
        """The line of a front-matter field, or of its nearest enclosing field."""
        path = tuple(str(p) for p in path)
        while path:
            if path in self.meta_lines:
                return self.meta_lines[path]
            path = path[:-1]
        return 1


@lru_cache(maxsize=16384)  # `mkdocs serve` reads every page after each save; most are as they were
def split_page(path: str, text: str) -> SourcePage:
    """Split ``---`` front matter from the body. A page without front matter has empty meta.

    The same text gives the same SourcePage object, which nobody changes: its meta is read, copied
    where a page adds to it.

    A byte-order mark and CR or CRLF line ends (what Windows editors may save) are read as plain
    text with LF line ends, as MkDocs reads them, so that no page is dropped for its encoding.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.startswith("---\n"):
        return SourcePage(path, {}, text, 1)
    end = text.find("\n---\n", 3)
    if end == -1 and text.endswith("\n---"):
        end = len(text) - 4
    if end == -1:
        raise ContentError(path, 1, "the front matter that starts on line 1 is never closed",
                           "add a line with only '---' after the last front-matter field")
    raw = text[4:end + 1]
    try:
        node = yaml.compose(raw, Loader=LOADER)
        meta = yaml.load(raw, Loader=LOADER) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise ContentError(path, line, f"the front matter is not valid YAML ({problem})",
                           "check this line: each field is 'name: value'; quote values that contain ':' or start with a special character") from None
    if not isinstance(meta, dict):
        raise ContentError(path, 2, "the front matter is not a list of 'name: value' fields",
                           "write each field on its own line as 'name: value'")
    meta = _as_json(meta)
    meta_lines: dict[tuple, int] = {}
    _record_lines(node, (), meta_lines)
    body_start = end + 5
    body_line = text.count("\n", 0, body_start) + 1
    return SourcePage(path, meta, text[body_start:], body_line, meta_lines)


def _record_lines(node, path: tuple, out: dict) -> None:
    """Map each key path in the YAML node tree to its line in the page (the file's line 1 is ---)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out[path + (str(key.value),)] = key.start_mark.line + 2
            _record_lines(value, path + (str(key.value),), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[path + (str(i),)] = item.start_mark.line + 2
            _record_lines(item, path + (str(i),), out)


def _as_json(value):
    """YAML gives ints as keys and dates as objects; JSON Schema and the data files want JSON."""
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


@cache
def load_schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text("utf-8"))


# Pages already found valid, by schema: split_page gives the same object for the same text, so a page
# unchanged since the last read (`mkdocs serve`) is not validated again. Weak: it keeps no page alive.
_valid: dict[str, weakref.WeakValueDictionary] = {}


def validate(page: SourcePage, schema_name: str) -> None:
    """Raise ContentError for the first schema violation, at the line of the offending field."""
    valid = _valid.setdefault(schema_name, weakref.WeakValueDictionary())
    if valid.get(id(page)) is page:
        return
    _check(page, schema_name)
    valid[id(page)] = page


def _check(page: SourcePage, schema_name: str) -> None:
    schema = load_schema(schema_name)
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(page.meta), key=lambda e: list(map(str, e.path)))
    if not errors:
        return
    err = jsonschema.exceptions.best_match(errors)
    if err.validator == "required":
        missing = err.message.split("'")[1]
        name = ".".join([*map(str, err.path), missing])
        raise ContentError(page.path, page.line_of(*err.path), f"the front matter has no '{name}' field",
                           f"add '{name}:' to the front matter (see {SCHEMA_DIR.name}/{schema_name} for what it holds)")
    if err.validator == "additionalProperties":
        raise ContentError(page.path, page.line_of(*err.path), f"the front matter has a field this page does not take ({err.message})",
                           f"remove or rename it; the allowed fields are listed in {SCHEMA_DIR.name}/{schema_name}")
    where = ".".join(map(str, err.path)) or "front matter"
    raise ContentError(page.path, page.line_of(*err.path),
                       f"front-matter field '{where}' is wrong: {err.message}",
                       f"correct the value; {SCHEMA_DIR.name}/{schema_name} says what it must be")


def checked_corrections(corrections, shown_path: str) -> list[dict]:
    """A page's ``corrections:`` (what was corrected after publication, and when) as plain dicts;
    ContentError naming the item when one lacks its date or its sentence."""
    out = []
    for i, c in enumerate(corrections if isinstance(corrections, list) else [None]):
        date = c.get("date") if isinstance(c, dict) else None
        date = date.isoformat() if isinstance(date, datetime.date) else str(date or "")
        what = c.get("what") if isinstance(c, dict) else None
        if not CORRECTION_DATE.match(date) or not isinstance(what, str) or not what.strip():
            raise ContentError(shown_path, None, f"front matter 'corrections', item {i + 1}, needs a 'date' (YYYY-MM-DD) "
                               "and a 'what' (the correction, in one sentence)",
                               "write each item as '- date: 2024-04-02' with 'what: …' on the next line, indented")
        out.append({"date": date, "what": what.strip()})
    return out
