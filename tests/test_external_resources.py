"""No page may load anything from outside the site (readers in mainland China; no CDN, fonts, analytics)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from conftest import soup_of

LOADS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
         "embed": "src", "object": "data", "track": "src", "input": "src"}
LINK_RELS = {"stylesheet", "preload", "preconnect", "dns-prefetch", "prefetch", "modulepreload", "icon", "manifest", "apple-touch-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'");\s]+)""")


def is_external(ref: str) -> bool:
    ref = ref.strip()
    if ref.startswith(("data:", "#", "about:")):
        return False
    parts = urlsplit(ref)
    return bool(parts.scheme or parts.netloc or ref.startswith("//"))


def external_refs_in_html(path):
    soup = soup_of(path)
    for tag, attr in LOADS.items():
        for el in soup.find_all(tag):
            for a in (attr, "srcset", "poster"):
                for ref in (el.get(a) or "").split(","):
                    if ref.strip() and is_external(ref.split()[0]):
                        yield f"<{tag} {a}={ref.strip()}>"
    for el in soup.find_all("link"):
        if LINK_RELS & set(el.get("rel", [])) and is_external(el.get("href", "")):
            yield f"<link rel={el.get('rel')} href={el['href']}>"
    for css in [s.get_text() for s in soup.find_all("style")] + [el["style"] for el in soup.find_all(style=True)]:
        yield from external_refs_in_css(css)


def external_refs_in_css(css: str):
    for ref in dict.fromkeys(CSS_URL.findall(css) + CSS_IMPORT.findall(css)):
        if is_external(ref):
            yield f"css {ref}"


def test_no_built_file_loads_an_outside_resource(site):
    found = {}
    files = list(site.rglob("*.html")) + list(site.rglob("*.css"))
    assert len(files) > 40
    for path in files:
        refs = list(external_refs_in_html(path) if path.suffix == ".html" else external_refs_in_css(path.read_text("utf-8")))
        if refs:
            found[str(path.relative_to(site))] = refs
    assert found == {}


def test_the_check_catches_each_kind_of_outside_resource(tmp_path):
    page = tmp_path / "x.html"
    page.write_text("""<html><head>
      <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
      <link rel="preconnect" href="https://fonts.gstatic.com">
      <script src="//cdn.example.com/x.js"></script>
      <style>@import url("https://x.example/y.css"); body { background: url(https://x.example/a.png) }</style>
      </head><body><img src="http://x.example/i.png"><a href="https://ok.example/">outbound links are fine</a>
      <img src="../assets/local.png"><div style="background:url(data:image/png;base64,AA)"></div></body></html>""")
    refs = list(external_refs_in_html(page))
    assert len(refs) == 6, refs
    assert not any("ok.example" in r or "local.png" in r for r in refs)
    assert list(external_refs_in_css("@font-face{src:url(https://f.example/f.woff2)}")) == ["css https://f.example/f.woff2"]


def test_theme_uses_system_fonts(site):
    css = (site / "assets" / "stylesheets" / "extra.css").read_text("utf-8")
    stack = re.search(r"--md-text-font-family:([^;]+);", css)[1]
    fonts = [f.strip().strip('"') for f in stack.split(",")]
    assert "Noto Sans CJK SC" in fonts and fonts[0] != "PingFang SC"
