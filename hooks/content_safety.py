"""Stops the build when a content file holds something that could run code in a reader's browser.

Raw <script>, <iframe>, <object>/<embed>, <style> and the like, inline event handlers (onclick=…),
style attributes and javascript: links fail the build with the file, the line and the fix
(annual_report.safety), also when a YAML string spells them with escapes. Every file under docs/
and data/ is checked, drafts and pages outside the navigation included.

Which files may be under docs/ at all (.md pages, official .txt files, raster images, or a reviewed
entry in data/allowed-files.txt), their names and their sizes are checked first, in on_config: other
hooks read the policy pages there already, and a bad file must be named before anything reads it.

Material's templates print some front-matter strings as they are (the title in <title>, the header
and the navigation; description, subtitle, status), with no escaping: MkDocs' Jinja environment has
none by default. So every top-level string of a page's front matter is escaped here once, after every
other hook has read it, as markupsafe.Markup: printed as it is it is already escaped, and a template
that escapes it (`| e`) leaves it as it is. A title like 《A & B》 < C shows as written, and a tag in
a title is text, never markup. overrides/main.html prints <title> with `| e` (Material's `striptags`
would turn an escaped &lt; back into <).
"""

from __future__ import annotations

import _state
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from annual_report.errors import ContentError
from annual_report.safety import check_docs_files, check_project


@event_priority(110)  # before every other hook's on_config (hooks/search_index.py reads the policy pages)
def on_config(config):
    try:
        check_docs_files(_state.project_root(config))
    except ContentError as err:
        raise PluginError(str(err)) from None
    return config


@event_priority(110)  # before hooks/catalog.py (100): an unsafe file is reported first
def on_pre_build(config):
    if _state.language(config) != _state.DEFAULT_LANGUAGE:
        return  # docs/ holds every language: it was checked in the build of the first one
    try:
        check_project(_state.project_root(config))
    except ContentError as err:
        raise PluginError(str(err)) from None


@event_priority(-100)  # after every other hook's on_page_markdown: they read the strings as written
def on_page_markdown(markdown, page, config, files):
    escape_strings(page.meta)
    return markdown


def escape_strings(meta: dict) -> dict:
    """The top-level strings of the front matter escaped for HTML, in place (nested values are
    rendered by annual_report.rendering, which escapes them where they land)."""
    for key, value in meta.items():
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)
    return meta
