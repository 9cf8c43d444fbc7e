"""Stops the build when a content file holds something that could run code in a reader's browser.

Raw <script>, <iframe>, <object>/<embed>, <style> and the like, inline event handlers (onclick=…),
style attributes and javascript: links fail the build with the file, the line and the fix
(annual_report.safety), also when a YAML string spells them with escapes. Every file under docs/
and data/ is checked, drafts and pages outside the navigation included.

Which files may be under docs/ at all (.md pages, official .txt files, raster images, or a reviewed
entry in data/allowed-files.txt), their names and their sizes are checked first, in on_config: other
hooks read the policy pages there already, and a bad file must be named before anything reads it.
"""

from __future__ import annotations

import _state
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
