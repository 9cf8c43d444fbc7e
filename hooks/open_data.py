"""Writes the open data: site/data/measures.json|csv, policies.json|csv and their JSON Schemas."""

from __future__ import annotations

from pathlib import Path

import _state

from annual_report.open_data import write_open_data


def on_post_build(config):
    if _state.language(config) != _state.DEFAULT_LANGUAGE:
        return
    root = _state.project_root(config)
    write_open_data(_state.catalog(config), Path(config.site_dir) / "data", root / "schemas")
