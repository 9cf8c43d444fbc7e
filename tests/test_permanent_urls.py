"""Permanent URLs: a published URL never disappears, unless a redirect points to its new place."""

from __future__ import annotations

import importlib.util

import yaml
from conftest import ROOT, build, soup_of, urls_of_reports

spec = importlib.util.spec_from_file_location("published_urls", ROOT / "scripts" / "published_urls.py")
published_urls = importlib.util.module_from_spec(spec)
spec.loader.exec_module(published_urls)


def redirects(root) -> dict[str, str]:
    return yaml.safe_load((root / "data" / "redirects.yml").read_text("utf-8")) or {}


def missing_urls(site, listed, maps) -> list[str]:
    """Listed URLs that the site no longer serves, neither as a page or file nor as a redirect."""
    built = set(published_urls.site_urls(site))
    redirected = {"/" + k.removesuffix(".md").removesuffix("index") + ("/" if not k.endswith("index.md") else "") for k in maps}
    gone = []
    for url in listed:
        if url in built:
            continue
        if url in redirected or url.removeprefix("/en") in redirected:
            page = site / url.lstrip("/") / "index.html"
            if page.exists() and soup_of(page).find("meta", attrs={"http-equiv": "refresh"}):
                continue
        gone.append(url)
    return gone


def test_no_published_url_disappears(site):
    listed = published_urls.read_list()
    assert len(listed) > 50
    assert missing_urls(site, listed, redirects(ROOT)) == []


def test_every_built_url_is_on_the_list(site):
    listed = set(published_urls.read_list())
    new = [u for u in published_urls.site_urls(site) if u not in listed]
    assert new == [], "new URLs: run `make urls` and commit published-urls.txt"


def test_a_moved_page_needs_a_redirect(project):
    listed = urls_of_reports(published_urls.read_list(), {2023})  # the copy holds the 2023 report only
    for lang in ("zh", "en"):
        (project / "docs" / lang / "about.md").rename(project / "docs" / lang / "about-site.md")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("about.md", "about-site.md"), "utf-8")
    zh_home = project / "docs" / "zh" / "index.md"
    zh_home.write_text(zh_home.read_text("utf-8").replace("(about.md)", "(about-site.md)"), "utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "/about/" in missing_urls(project / "site", listed, redirects(project))

    (project / "data" / "redirects.yml").write_text("about.md: about-site.md\n", "utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    assert missing_urls(project / "site", listed, redirects(project)) == []
    target = soup_of(project / "site" / "en" / "about" / "index.html").find("meta", attrs={"http-equiv": "refresh"})
    assert target["content"].endswith("../about-site/")
    # Issue 12: a redirect page carries the site's policy too, its one inline script allowed by hash.
    import base64
    import hashlib
    page = soup_of(project / "site" / "about" / "index.html")
    policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    script = page.find("script").string
    script_src = next(d for d in policy.split(";") if d.split()[0] == "script-src").split()[1:]
    assert script_src == ["'self'", "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"]
    assert "unsafe-inline" not in policy and "worker-src 'none'" in policy  # the same policy as every other page


def test_a_redirect_to_nowhere_fails_the_build(project):
    (project / "data" / "redirects.yml").write_text("about.md: nowhere.md\n", "utf-8")
    output = build(project).stderr
    assert "data/redirects.yml: the redirect about.md → nowhere.md points to a page that does not exist" in output
    assert "Traceback" not in output


def test_a_redirect_path_that_is_not_a_page_path_fails_the_build(project):
    """Issue 12: the paths are written into the redirect page's HTML and name the file written."""
    (project / "data" / "redirects.yml").write_text('"../../outside.md": about.md\n', "utf-8")
    output = build(project).stderr
    assert "data/redirects.yml: '../../outside.md' is not a page path" in output and "Traceback" not in output
    assert not (project.parent / "outside").exists()
