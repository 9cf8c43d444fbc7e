"""The Jinja environment of annual_report/rendering/templates/: made once per process, autoescaped.

A template gets Markdown made by this package (official text with its links, tables) as Markup, so
that it passes unchanged; every other string, YAML's included, is escaped where it lands. The
``md`` filter escapes a string for Markdown text instead (``markdown.text``: quotes stay as they are).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import markdown
from .strings import Strings

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md"] = lambda value: Markup(markdown.text(value))
    env.filters["cell"] = lambda value: Markup(markdown.cell(value))
    return env


def render(name: str, **values) -> str:
    if isinstance(values.get("strings"), Strings):
        values["strings"] = TemplateStrings(values["strings"])
    return environment().get_template(name).render(**values)


class TemplateStrings:
    """The site's words as a template shows them: &lt; and &amp; escaped, quotes as written (they stand
    in text, never in an attribute), so that "Editor's note" is not written Editor&#39;s."""

    def __init__(self, strings: Strings):
        self.strings = strings

    def __getitem__(self, key: str) -> Markup:
        return Markup(markdown.text(self.strings[key]))
