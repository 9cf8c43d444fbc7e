"""What a renderer knows of the page it writes into, filled in by the hook from MkDocs' page."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageContext:
    src: str  # the path inside the language folder, e.g. reports/2023/index.md
    lang: str  # the language of the text shown: "zh" on an English page that shows the Chinese text
    meta: dict = field(default_factory=dict)  # the front matter
    url: str = ""  # MkDocs' page.url, e.g. en/reports/2023/
    name: str = ""  # the file name without .md: a policy page's policy id
    shown_path: str = ""  # the file as messages name it, e.g. docs/zh/reports/2023/index.md
