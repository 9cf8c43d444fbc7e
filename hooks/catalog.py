"""Reads every report and policy page once per language build, and stops the build on bad input.

The reading and checking is annual_report's; this hook only calls it and turns a ContentError into
a build error that MkDocs prints as one message (file, line, problem, fix), without a traceback.
"""

from __future__ import annotations

import logging

import _state
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from annual_report.catalog import CatalogReader
from annual_report.errors import ContentError

# Not under "mkdocs.": an uncited policy is a warning that must not fail the strict build.
notices = logging.getLogger("annual_report")
if not notices.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    notices.addHandler(_handler)
    notices.propagate = False


@event_priority(100)
def on_pre_build(config):
    lang = _state.language(config)
    if lang == _state.DEFAULT_LANGUAGE:
        _state.catalogs.clear()  # a new build (mkdocs serve rebuilds in the same process)
    if lang != _state.DEFAULT_LANGUAGE and _state.DEFAULT_LANGUAGE in _state.catalogs:
        # The Chinese build read the translation too, measure by measure.
        _state.catalogs[lang] = _state.catalogs[_state.DEFAULT_LANGUAGE]
        return
    root = _state.project_root(config)
    reader = CatalogReader(_state.docs_root(config) / _state.DEFAULT_LANGUAGE, root / "data", root)
    try:
        catalog, warnings = reader.read(include_drafts=_state.show_drafts)
    except ContentError as err:
        raise PluginError(str(err)) from None
    for warning in warnings:
        notices.warning(warning)
    _state.catalogs[lang] = catalog
