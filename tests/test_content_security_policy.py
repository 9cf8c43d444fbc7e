"""The Content-Security-Policy meta of every built page (hooks/content_security_policy.py).

What the browser makes of it is tested in tests/browser/test_security.py; here, the policy itself:
on every page, before anything it governs, allowing exactly the page's inline scripts by hash.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import sys

import pytest

from conftest import ROOT, soup_of

sys.path.insert(0, str(ROOT / "hooks"))
csp = importlib.import_module("content_security_policy")
_state = importlib.import_module("_state")

JS_TYPES = {None, "", "module", "text/javascript", "application/javascript"}


def directives(content: str) -> dict[str, list[str]]:
    out = {}
    for part in content.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def html_pages(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    return pages


def test_every_page_has_one_policy_before_anything_it_governs(site):
    for path in html_pages(site):
        head = soup_of(path).head
        metas = head.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert len(metas) == 1, path
        children = head.find_all(True, recursive=False)
        assert children[0].name == "meta" and children[0].has_attr("charset"), path
        assert children[1] is metas[0], f"{path}: the policy must follow <meta charset> at once"


def test_scripts_are_the_sites_own_and_its_inline_ones_by_exact_hash(site):
    for path in html_pages(site):
        soup = soup_of(path)
        policy = directives(soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"])
        inline = {sha256(s.string or "") for s in soup.find_all("script")
                  if not s.has_attr("src") and s.get("type") in JS_TYPES}
        assert inline, path  # Material writes some on every page
        scripts = policy["script-src"]
        assert scripts[0] == "'self'" and set(scripts[1:]) == inline, path
        assert not {"'unsafe-inline'", "'unsafe-eval'", "data:", "*"} & set(scripts), path
        for src in (s["src"] for s in soup.find_all("script", src=True)):
            assert "://" not in src and not src.startswith("//"), (path, src)


def test_the_rest_of_the_policy(site):
    policy = directives(soup_of(site / "index.html").find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"])
    assert policy["default-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]  # Material's pages carry no inline style to allow
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    for name in ("font-src", "connect-src", "base-uri", "form-action"):
        assert policy[name] == ["'self'"], name


def test_hashes_what_the_browser_hashes():
    page = ("<!doctype html><html><head>\r\n<meta charset=\"utf-8\"><title>t</title>"
            "<script>if (a < b) { x = \"</div>\"; }\r\n</script>"
            "<script type=\"application/json\">{\"data\": true}</script>"
            "<script type=\"module\">import './m.js'</script>"
            "<script src=\"app.js\"></script><style>p { color: red }</style></head>"
            "<body><p style=\"color: blue\">x</p><script>done()</script></body></html>")
    found = csp.InlineCode.of(page)
    assert found.scripts == [sha256("if (a < b) { x = \"</div>\"; }\n"), sha256("import './m.js'"), sha256("done()")]
    assert found.styles == [sha256("p { color: red }")]
    assert found.style_attributes == [sha256("color: blue")]
    out = csp.with_policy(page)
    meta_at = out.index("<meta http-equiv")
    assert out[:meta_at].endswith('<meta charset="utf-8">')
    policy = directives(out[meta_at:].split('content="', 1)[1].split('"', 1)[0])
    assert policy["style-src"] == ["'self'", sha256("p { color: red }"), "'unsafe-hashes'", sha256("color: blue")]
    assert out.replace(out[meta_at:out.index(">", meta_at) + 1], "") == page


def test_without_charset_the_policy_opens_the_head():
    assert csp.with_policy("<html><head><title>t</title></head></html>").startswith(
        "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self';")


@pytest.mark.parametrize("text", ["<?xml version=\"1.0\"?><urlset></urlset>", "no head here"])
def test_leaves_what_is_not_an_html_page_alone(text):
    assert csp.with_policy(text) == text


def test_left_out_under_mkdocs_serve_whose_live_reload_script_cannot_be_hashed(monkeypatch):
    page = "<html><head><meta charset=\"utf-8\"></head><body></body></html>"
    monkeypatch.setattr(_state, "command", "serve")
    assert csp.with_policy(page) == page
    monkeypatch.setattr(_state, "command", "build")
    assert "Content-Security-Policy" in csp.with_policy(page)


def test_style_attributes_are_found_by_name_and_unescaped_like_the_browser_does():
    page = ("<html><head></head><body><div data-style=\"a\" class=x style='color: red'>"
            "<p title=\"x\" style=\"content: &quot;&#x2014;&quot;\">"
            "<pre>style=\"not an attribute\"</pre></body></html>")
    found = csp.InlineCode.of(page)
    assert found.style_attributes == [sha256("color: red"), sha256('content: "\u2014"')]


def test_a_script_element_ends_at_the_first_end_tag_as_in_the_html_tokenizer():
    found = csp.InlineCode.of("<html><head><SCRIPT type=\"text/javascript\">a()</SCRIPT >"
                              "<script src='x.js'>ignored()</script><script>b('</scr' + 'ipt>')</script></head></html>")
    assert found.scripts == [sha256("a()"), sha256("b('</scr' + 'ipt>')")]
