"""The catalog of a build, read once, and not again while nothing it is read from has changed.

`mkdocs serve` rebuilds after every save, in the same process; reading every report again when only a
template or mkdocs.yml changed would cost a second or more at ten reports. The catalog is kept with
the fingerprint of what it was read from (every file under docs/, data/ and schemas/: path, size,
modification time) and read again only when that changes. A build reads it the same way, once.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from annual_report.catalog import read_site
from annual_report.model import Catalog

READ_FROM = ("docs", "data", "schemas")

_last: tuple[tuple, Catalog, list[str], str] | None = None


def fingerprint(root: Path) -> tuple:
    found = []
    for name in READ_FROM:
        for folder, _, files in os.walk(root / name):
            for file in files:
                stat = os.stat(os.path.join(folder, file))
                found.append((folder, file, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


def read_catalog(root: Path, include_drafts: bool) -> tuple[Catalog, list[str]]:
    """The catalog and the notices to print; ContentError (all problems at once) on bad input."""
    global _last
    key = (str(root), include_drafts, fingerprint(root))
    if _last is not None and _last[0] == key:
        return _last[1], _last[2]
    catalog, warnings = read_site(root, include_drafts)
    # Taken at once, before any lookup is cached on the catalog: the same content, the same digest.
    _last = (key, catalog, warnings, hashlib.sha256(pickle.dumps(catalog, protocol=5)).hexdigest())
    return catalog, warnings


def content_digest(catalog: Catalog) -> str:
    """A digest of everything the catalog holds, for a preview to tell whether what a generated page
    shows can have changed (hooks/preview.py)."""
    assert _last is not None and _last[1] is catalog, "only the catalog read last has a digest"
    return _last[3]
