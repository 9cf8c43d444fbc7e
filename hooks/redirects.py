"""Redirects from moved pages, so that a published URL never disappears (published-urls.txt).

The map is data/redirects.yml (old page: new page, paths as in docs/zh, without a language). Each
language build writes its redirect pages with mkdocs-redirects' own writer. mkdocs-redirects as a
plugin is not used: its state is shared across mkdocs-static-i18n's nested per-language builds, so
it writes the English redirects into the Chinese site (checked with mkdocs-redirects 1.2.2).

Both paths must be plain page paths (letters, digits, '-', '_', '.', '/', ending in .md, no '..'):
they are written into the redirect page's HTML and script, and the old one names the file written.
Each redirect page gets the same Content-Security-Policy as every other page, its one inline script
(mkdocs-redirects' own) allowed by hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import _state
from mkdocs.exceptions import PluginError
from mkdocs_redirects.plugin import get_html_path, get_relative_html_path, write_html

from annual_report.datafiles import load_yaml
from annual_report.errors import ContentError
from annual_report.links import url_path


def redirect_map(config) -> dict[str, str]:
    path = _state.project_root(config) / "data" / "redirects.yml"
    if not path.exists():
        return {}
    try:
        return load_yaml(path, "data/redirects.yml") or {}
    except ContentError as err:
        raise PluginError(str(err)) from None


PAGE_PATH = re.compile(r"^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._/-]*\.md$")
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
POLICY = ("default-src 'self'; script-src {hash}; style-src 'self'; img-src 'self' data:; font-src 'self'; "
          "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")


def with_policy(html: str) -> str:
    """A redirect page with the site's policy: its one inline script allowed by hash, nothing else."""
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(m.encode("utf-8")).digest()).decode() + "'"
                      for m in _SCRIPT.findall(html))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY.format(hash=hashes or chr(39) + "none" + chr(39))}">'
    return html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n    ' + meta, 1)


def on_post_build(config):
    lang = _state.language(config)
    docs = _state.docs_root(config)
    site = Path(config.site_dir)
    if lang != _state.DEFAULT_LANGUAGE and site.name != lang:  # i18n may report the root site_dir here
        site = site / lang
    for old, new in redirect_map(config).items():
        for path in (old, new):
            if not isinstance(path, str) or not PAGE_PATH.match(path):
                raise PluginError(f"data/redirects.yml: '{path}' is not a page path\n"
                                  "  How to fix: write both paths as under docs/zh/, e.g. reports/2023/plan.md (letters, "
                                  "digits, '-', '/', ending in .md)")
        if not ((docs / lang / new).exists() or (docs / _state.DEFAULT_LANGUAGE / new).exists()):
            raise PluginError(f"data/redirects.yml: the redirect {old} → {new} points to a page that does not exist\n"
                              f"  How to fix: give the new path of the page, as under docs/zh/ (e.g. reports/2023/plan.md)")
        if (docs / lang / old).exists():
            raise PluginError(f"data/redirects.yml: {old} still exists, so it cannot redirect\n"
                              f"  How to fix: remove the redirect, or move the page")
        html_path = get_html_path(old, True)
        write_html(str(site), html_path, get_relative_html_path(old, url_path(new), True))
        written = site / html_path
        written.write_text(with_policy(written.read_text("utf-8")), "utf-8")
