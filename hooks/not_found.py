"""One 404 page for the whole site, in both languages (overrides/404.html), built with the Chinese site.

mkdocs-static-i18n builds the English site into the same site_dir, so its 404.html would overwrite
the Chinese one at the root, carrying the header's language links of the last English page built.
The English build therefore leaves 404.html out; the page itself has both languages.
"""

from __future__ import annotations

import _state


def on_pre_build(config):
    if _state.language(config) == _state.DEFAULT_LANGUAGE:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
