"""Lets an override wrap one of Material's partials instead of copying it.

Templates in overrides/ shadow Material's of the same name, so an override of partials/x.html cannot
include the original by that name. This hook makes Material's own templates reachable under the
prefix material/ as well: {% include "material/partials/alternate.html" %}.

It also gives the overrides one filter, without_language_links (overrides/main.html says why).
"""

from __future__ import annotations

import re
from pathlib import Path

import material
from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader
from markupsafe import Markup

MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"


LANGUAGE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_language_links(head: str) -> Markup:
    """Material's <head> markup without its <link rel="alternate" hreflang> lines."""
    return Markup(LANGUAGE_LINK.sub("", str(head)))


def on_env(env, config, files):
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(str(MATERIAL_TEMPLATES))})])
    env.filters["without_language_links"] = without_language_links
    return env
