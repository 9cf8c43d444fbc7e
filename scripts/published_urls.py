"""The list of every published URL (published-urls.txt), so that none disappears unnoticed.

`make urls` rewrites the list from site/ after a build. tests/test_permanent_urls.py fails when a
listed URL is gone from the site without a redirect (mkdocs-redirects' redirect_maps in mkdocs.yml).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIST = ROOT / "published-urls.txt"
KEPT = {".html", ".txt", ".json", ".csv", ".xml"}
# The search's files (search/ and en/search/, whose file names change with the content) are not pages.
SKIPPED = ("assets/", "search/", "en/search/", "404.html", "en/404.html", "sitemap.xml")


def site_urls(site: Path) -> list[str]:
    """Site-relative URLs of pages (as directory URLs) and of downloadable files."""
    urls = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or path.suffix not in KEPT or rel.startswith(SKIPPED):
            continue
        if path.name == "index.html":
            rel = rel[: -len("index.html")]
        urls.append("/" + rel)
    return urls


def read_list(path: Path = LIST) -> list[str]:
    return [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")]


def main() -> int:
    urls = site_urls(ROOT / "site")
    if not urls:
        print("site/ is empty: run `make build` first", file=sys.stderr)
        return 1
    kept = set(read_list()) if LIST.exists() else set()
    gone = sorted(kept - set(urls))
    header = ("# Every URL the site has published. A URL may leave the site only with a redirect\n"
              "# (redirect_maps in mkdocs.yml). Regenerate with `make urls` after a build.\n")
    LIST.write_text(header + "\n".join(sorted(set(urls) | kept)) + "\n", "utf-8")
    print(f"{len(urls)} URLs in site/; list written to {LIST.name}.")
    if gone:
        print("Still listed but no longer built (they need a redirect):\n  " + "\n  ".join(gone))
    return 0


if __name__ == "__main__":
    sys.exit(main())
