"""Lets an override wrap one of Material's partials instead of copying it.

Templates in overrides/ shadow Material's of the same name, so an override of partials/x.html cannot
include the original by that name. This hook makes Material's own templates reachable under the
prefix material/ as well: {% include "material/partials/alternate.html" %}. Nothing else changes.
"""

from __future__ import annotations

from pathlib import Path

import material
from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader

MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"


def on_env(env, config, files):
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(str(MATERIAL_TEMPLATES))})])
    return env
