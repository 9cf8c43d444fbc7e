"""Stops the build when a content file holds something that could run code in a reader's browser.

Raw <script>, <iframe>, <object>/<embed> and the like, inline event handlers (onclick=…) and
javascript: links fail the build with the file, the line and the fix (annual_report.safety). Every
file under docs/ and data/ is checked, drafts and pages outside the navigation included.
"""

from __future__ import annotations

import _state
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from annual_report.errors import ContentError
from annual_report.safety import check_project


@event_priority(110)  # before hooks/catalog.py (100): an unsafe file is reported first
def on_pre_build(config):
    if _state.language(config) != _state.DEFAULT_LANGUAGE:
        return  # docs/ holds every language: it was checked in the build of the first one
    try:
        check_project(_state.project_root(config))
    except ContentError as err:
        raise PluginError(str(err)) from None
