"""Files in a built site that no page or feature loads (issue 14): what a deploy carries for nothing.

Every HTML file is a page (a reader or a crawler may open any of them), and so are the files a
feature or a convention fetches by name: feeds, sitemap.xml, robots.txt, 404.html and the open data
under data/. From those, everything they reference is used:
- HTML: href, src, srcset, poster, a <meta content> that is a URL, and the data-* attributes that the
  site's scripts read as URLs (partials/search.html: data-engine, and data-index, a folder that
  site-search.js fetches files from by name: a referenced folder is used as a whole);
- CSS: url(…) and @import, followed from every used stylesheet;
- JavaScript: import … from / import(…) of a used script (site-search.js is a module).
Inline <script> text is not read: Material's __config names its search worker, which the site never
starts (partials/search.html mounts no Material search), and that is the kind of file this finds.

    python bench/unused.py site/
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ENTRY_NAMES = {"feed.xml", "feed.json", "sitemap.xml", "robots.txt", "404.html"}
URL_ATTRS = {"href", "src", "poster", "data-engine", "data-index"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
JS_IMPORT = re.compile(r"""(?:\bimport\s*\(\s*|\bimport\b[^'"();]*?\bfrom\s*|\bimport\s+)['"]([^'"]+)['"]""")
SITE = "http://site.invalid/"


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if not value:
                continue
            if name in URL_ATTRS:
                self.urls.append(value)
            elif name in ("srcset", "imagesrcset"):
                self.urls += [part.strip().split()[0] for part in value.split(",") if part.strip()]
            elif name == "content" and tag == "meta" and re.match(r"(https?:)?/|\.{1,2}/", value):
                self.urls.append(value)


def html_refs(text: str) -> list[str]:
    parser = _Refs()
    parser.feed(text)
    return parser.urls


def css_refs(text: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(text)]


def js_refs(text: str) -> list[str]:
    return JS_IMPORT.findall(text)


def entry_points(site: Path) -> set[Path]:
    entries = set()
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site)
        if path.suffix == ".html" or path.name in ENTRY_NAMES or (rel.parts[0] in ("data", "en") and "data" in rel.parts[:2]):
            entries.add(path)
    return entries


def resolve(site: Path, base: Path, ref: str, cache: dict | None = None) -> list[Path]:
    """The files of the site a reference from base names: none for another site, data: or a fragment;
    a folder's index.html, or a folder fetched by name as a whole."""
    if ref.startswith(("data:", "mailto:", "javascript:", "#", "tel:")):
        return []
    base_url = SITE + base.relative_to(site).as_posix()
    url = urlsplit(urljoin(base_url, ref))
    if f"{url.scheme}://{url.netloc}/" != SITE:
        # Absolute URLs of the site itself (canonical links, site_url) cannot be told apart here:
        # only paths count.
        return []
    target = site / unquote(url.path).lstrip("/")
    # Every page names the same folders (search/ holds thousands of files at 100 reports): look once.
    cache = {} if cache is None else cache
    if target not in cache:
        if target.is_file():
            cache[target] = [target]
        elif target.is_dir():
            index = target / "index.html"
            cache[target] = [index] if index.is_file() else [p for p in target.rglob("*") if p.is_file()]
        else:
            cache[target] = []
    return cache[target]


@dataclass
class Unused:
    files: list[Path]
    bytes: int
    total_files: int
    total_bytes: int


def find_unused(site: Path) -> Unused:
    files = [p for p in site.rglob("*") if p.is_file()]
    used = entry_points(site)
    todo = list(used)
    cache: dict = {}
    while todo:
        path = todo.pop()
        if path.suffix == ".html":
            refs = html_refs(path.read_text("utf-8", "replace"))
        elif path.suffix == ".css":
            refs = css_refs(path.read_text("utf-8", "replace"))
        elif path.suffix in (".js", ".mjs"):
            refs = js_refs(path.read_text("utf-8", "replace"))
        else:
            continue
        for ref in set(refs):
            for found in resolve(site, path, ref.strip(), cache):
                if found not in used:
                    used.add(found)
                    todo.append(found)
    unused = sorted(p for p in files if p not in used)
    return Unused(unused, sum(p.stat().st_size for p in unused), len(files), sum(p.stat().st_size for p in files))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    args = parser.parse_args(argv)
    found = find_unused(args.site)
    for path in found.files:
        print(f"{path.stat().st_size:>10}  {path.relative_to(args.site).as_posix()}")
    print(f"{len(found.files)} unused files, {found.bytes / 1024:.0f} KB of {found.total_files} files, "
          f"{found.total_bytes / 1024:.0f} KB")


if __name__ == "__main__":
    main()
