"""Every link between the site's own pages lands: on a page that exists and, with a #fragment, on an
element of that page with that id.

MkDocs checks the links of Markdown; the generated tables are written as HTML (annual_report.rendering),
whose links it does not check, so this checks the built site as a reader's browser follows it.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from conftest import soup_of

SKIP = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # another site, mailto:, data:


def target_file(site: Path, page: Path, href: str) -> Path | None:
    """The file a relative link from ``page`` opens, or None when it leaves the site."""
    base = "/" + page.relative_to(site).as_posix()
    path = unquote(urlsplit(urljoin(base, href)).path)
    if not path.startswith("/"):
        return None
    found = site / path.lstrip("/")
    return found / "index.html" if path.endswith("/") or found.is_dir() else found


def test_every_link_between_pages_lands_on_a_page_and_its_anchor(site):
    pages = sorted(site.rglob("*.html"))
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in pages:
        soup = soup_of(page)
        if soup.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # a redirect page (data/redirects.yml): its link is checked where it points
        ids.setdefault(page, {tag["id"] for tag in soup.select("[id]")})
        for link in soup.select("a[href]"):
            href = link["href"]
            if SKIP.match(href):
                continue
            target = page if href.startswith("#") else target_file(site, page, href)
            if target is None:
                continue
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {href} (no such page)")
                continue
            fragment = unquote(urlsplit(href).fragment)
            if fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {tag["id"] for tag in soup_of(target).select("[id]")}
                if fragment not in ids[target]:
                    broken.append(f"{page.relative_to(site)}: {href} (no #{fragment} there)")
    assert len(pages) > 40
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:30])
