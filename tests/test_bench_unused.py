"""bench/unused.py: the files of a built site that no page or feature loads, on a small fake site."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_unused", ROOT / "bench" / "unused.py")
unused = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = unused  # dataclasses look their module up there
_spec.loader.exec_module(unused)


def write(site: Path, rel: str, text: str = "x") -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def test_files_reached_from_pages_and_features_are_used_and_the_rest_listed(tmp_path):
    site = tmp_path / "site"
    write(site, "index.html", """<html><head>
      <link rel="stylesheet" href="assets/main.css">
      <link rel="icon" href="assets/favicon.png">
      <meta property="og:image" content="/assets/card.png">
      <meta name="description" content="not a URL">
      <link rel="canonical" href="https://example.org/">
      <script id="__config" type="application/json">{"search": "assets/worker.js"}</script>
      <script src="assets/loader.js"></script>
    </head><body>
      <a href="reports/2023/">report</a> <a href="#top">top</a> <a href="mailto:a@b.c">mail</a>
      <img srcset="assets/small.png 1x, assets/large.png 2x">
      <div data-site-search data-index="search/" data-engine="assets/engine.js"></div>
      <a href="reports/2023/2023-report.txt">official text</a>
    </body></html>""")
    write(site, "reports/2023/index.html", '<img src="../../assets/chart.svg?v=1#x">')
    write(site, "assets/main.css", "@import 'fonts.css'; body { background: url(\"bg.png\") }")
    write(site, "assets/fonts.css", "@font-face { src: url(font.woff2) }")
    for name in ("favicon.png", "card.png", "small.png", "large.png", "chart.svg", "bg.png", "font.woff2",
                 "loader.js"):
        write(site, f"assets/{name}")
    write(site, "assets/engine.js", "import { tokens } from './tokens.js'; const lazy = import('./lazy.js')")
    write(site, "assets/tokens.js")
    write(site, "assets/lazy.js")
    write(site, "search/manifest.json")
    write(site, "search/t/0.txt")
    write(site, "reports/2023/2023-report.txt")
    for name in ("feed.xml", "feed.json", "sitemap.xml", "robots.txt", "404.html", "data/measures.json",
                 "en/data/measures.csv", "en/feed.xml"):
        write(site, name)
    # Nothing loads these: Material's worker (named only inside an inline script), a stray script,
    # an image no page shows, the gzip twin of the sitemap.
    for name in ("assets/worker.js", "assets/unused.js", "assets/orphan.png", "sitemap.xml.gz"):
        write(site, name, "unused!")

    found = unused.find_unused(site)

    assert [p.relative_to(site).as_posix() for p in found.files] == [
        "assets/orphan.png", "assets/unused.js", "assets/worker.js", "sitemap.xml.gz"]
    assert found.bytes == 4 * len("unused!")
    assert found.total_files == len([p for p in site.rglob("*") if p.is_file()])


def test_a_reference_to_a_missing_file_or_another_site_marks_nothing(tmp_path):
    site = tmp_path / "site"
    write(site, "index.html", '<a href="https://example.org/assets/a.css"></a><script src="gone.js"></script>')
    write(site, "assets/a.css")

    assert [p.name for p in unused.find_unused(site).files] == ["a.css"]
