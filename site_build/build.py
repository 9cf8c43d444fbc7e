"""One build of the site, as the hooks see it: its catalog, its languages, its pages.

MkDocs makes a new config for every build (``mkdocs serve`` makes one per rebuild), and
mkdocs-static-i18n builds every language with that same config, one after the other. So a Build is
kept on the config: created by whichever hook asks first, read by all, written by none.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from annual_report.errors import ContentError
from annual_report.model import Catalog

from .reading import read_catalog

DEFAULT_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")

# Not under "mkdocs.": an uncited policy or a draft's open items are notices that must not fail the
# strict build.
notices = logging.getLogger("annual_report")
if not notices.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    notices.addHandler(_handler)
    notices.propagate = False


@dataclass
class Build:
    config: MkDocsConfig
    root: Path
    serving: bool  # `mkdocs serve`: pages get MkDocs' live-reload script, so no CSP hashes them
    shows_drafts: bool  # a preview: `mkdocs serve`, or SHOW_DRAFTS=1
    catalog: Catalog = field(repr=False, default=None)

    @classmethod
    def of(cls, config: MkDocsConfig) -> Build:
        build = getattr(config, "_annual_report_build", None)
        if build is None:
            root = Path(config.config_file_path).resolve().parent
            serving = is_served(config)
            build = cls(config, root, serving, serving or os.environ.get("SHOW_DRAFTS") == "1")
            try:
                build.catalog, warnings = read_catalog(root, build.shows_drafts)
            except ContentError as err:
                raise PluginError(str(err)) from None
            for warning in warnings:
                notices.warning(warning)
            config._annual_report_build = build
        return build

    @property
    def language(self) -> str:
        """The language being built: mkdocs-static-i18n builds each language in turn."""
        i18n = self.config.plugins.get("i18n")
        return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE

    @property
    def builds_default_language(self) -> bool:
        return self.language == DEFAULT_LANGUAGE

    def text_language(self, page) -> str:
        """The language of the text a page shows: Chinese on an English page not yet translated."""
        return DEFAULT_LANGUAGE if is_fallback(page) else self.language

    def is_unpublished(self, src: str) -> bool:
        """Whether a page (as under a language folder) belongs to a draft report or is a draft page."""
        return any(src == path or src.startswith(path + "/") for path in self.catalog.unpublished)


def is_served(config: MkDocsConfig) -> bool:
    """`mkdocs serve` points site_url at its own address before the build starts."""
    host, port = config.dev_addr
    return urlsplit(config.site_url or "").netloc in (f"{host}:{port}", f"[{host}]:{port}")


def source_page(page) -> str:
    """A page's path inside its language folder, e.g. reports/2023/plan.md (src_uri is zh/reports/…)."""
    return strip_language(page.file.src_uri)


def strip_language(src_uri: str) -> str:
    first, _, rest = src_uri.partition("/")
    return rest if first in LANGUAGES and rest else src_uri


def language_of(page) -> str:
    """The language of the file a page was built from (an English build may use a Chinese file)."""
    path = Path(page.file.abs_src_path)
    for parent in path.parents:
        if parent.name in LANGUAGES:
            return parent.name
    return DEFAULT_LANGUAGE


def is_fallback(page) -> bool:
    """An English page that shows the Chinese text: filled by mkdocs-static-i18n, or a stub."""
    return language_of(page) == DEFAULT_LANGUAGE or page.meta.get("translation") == "pending"


_kept: dict[str, dict] = {}


def kept(name: str) -> dict:
    """What one hook keeps from one build to the next in the same process, under its own name: from
    one `mkdocs serve` rebuild to the next (hook modules are loaded anew for each; this module is not),
    and from one language's build to the other's."""
    return _kept.setdefault(name, {})


def events_of(capability: object) -> dict:
    """The capability's on_* methods, for its hook module to expose as functions: MkDocs calls a hook
    module's functions by event name, and each capability keeps its state on one object."""
    return {name: getattr(capability, name) for name in dir(type(capability)) if name.startswith("on_")}


def escape_strings(meta: dict) -> dict:
    """The top-level strings of a page's front matter escaped for HTML, in place, as markupsafe.Markup:
    Material's templates print some of them (the title in <title>, the header and the navigation) as
    they are (hooks/security.py says more). Nested values are rendered by annual_report.rendering,
    which escapes them where they land."""
    for key, value in meta.items():
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)
    return meta
