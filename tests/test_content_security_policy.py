"""The Content-Security-Policy meta of every built page (site_build/content_security_policy.py, hooks/security.py).

What the browser makes of it is tested in tests/browser/test_security.py; here, the policy itself:
on every page, before anything it governs, allowing exactly the page's inline scripts by hash.
"""

from __future__ import annotations

import base64
import hashlib
from types import SimpleNamespace

import pytest

import site_build.content_security_policy as csp
from conftest import ROOT, soup_of
from site_build.build import is_served

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
            "<script src=\"app.js\"></script></head>"
            "<body><p>x</p><script>done()</script></body></html>")
    found = csp.InlineCode.of(page)
    assert found.scripts == [sha256("if (a < b) { x = \"</div>\"; }\n"), sha256("import './m.js'"), sha256("done()")]
    allowed = [csp.script_pattern(t) for t in ("if (a < b) { x = \"</div>\"; }\r\n", "import './m.js'", "done()")]
    out = csp.with_policy(page, allowed)
    meta_at = out.index("<meta http-equiv")
    assert out[:meta_at].endswith('<meta charset="utf-8">')
    policy = directives(out[meta_at:].split('content="', 1)[1].split('"', 1)[0])
    assert policy["script-src"][1:] == found.scripts and policy["style-src"] == ["'self'"]
    assert out.replace(out[meta_at:out.index(">", meta_at) + 1], "") == page


# --- Issue 12: only the templates' inline scripts are hashed; anything else inline fails the build -----

MATERIAL_SCOPE = '__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location)'


def test_the_allowed_scripts_are_read_from_the_templates_before_any_content():
    from pathlib import Path

    import material
    patterns = csp.template_scripts([ROOT / "overrides", Path(material.__file__).parent / "templates"])
    texts = ['__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
             '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
             '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}',
             'var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
             '(target.checked=target.name.startsWith("__tabbed_"))']
    for text in texts:
        assert any(p.fullmatch(text) for p in patterns), text
    assert not any(p.fullmatch("alert(document.domain)") for p in patterns)
    # An expression can print a path, never a quote that would end the string it stands in.
    scope = csp.script_pattern(MATERIAL_SCOPE)
    assert scope.fullmatch('__md_scope=new URL("../../..",location)')
    assert not scope.fullmatch('__md_scope=new URL("",alert(1),"",location)')


@pytest.mark.parametrize("injected, problem", [
    ("<script>alert(document.domain)</script>", "inline script that none of the site's templates writes"),
    ("<style>body{display:none}</style>", "a <style> element"),
    ('<p style="position:fixed;inset:0">x</p>', "a style attribute"),
])
def test_an_inline_script_or_style_that_no_template_writes_is_refused(injected, problem):
    page = "<html><head><meta charset=\"utf-8\"></head><body><script>done()</script>" + injected + "</body></html>"
    with pytest.raises(csp.InlineNotAllowed) as err:
        csp.with_policy(page, [csp.script_pattern("done()")])
    assert problem in err.value.problem and err.value.fix


def test_the_build_fails_on_an_inline_script_a_hook_lets_through(project):
    """The content checks stop a script in a page; if anything else gets one into a page, the CSP hook
    refuses to approve it (before issue 12 it hashed it, and the script ran)."""
    from conftest import build
    from test_bad_input import assert_fails_cleanly

    hook = project / "hooks" / "theme.py"
    hook.write_text(hook.read_text("utf-8") + '\n\ndef on_page_content(html, page, config, files):\n'
                    '    return html + "<script>alert(document.domain)</script>" if page.file.src_uri == "zh/about.md" else html\n',
                    "utf-8")
    assert_fails_cleanly(build(project), "docs/zh/about.md: the page has an inline script that none of the site's templates writes",
                         "How to fix:")


def test_without_charset_the_policy_opens_the_head():
    assert csp.with_policy("<html><head><title>t</title></head></html>", []).startswith(
        "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self';")


@pytest.mark.parametrize("text", ["<?xml version=\"1.0\"?><urlset></urlset>", "no head here"])
def test_leaves_what_is_not_an_html_page_alone(text):
    assert csp.with_policy(text, []) == text


@pytest.mark.parametrize("site_url, served", [("http://127.0.0.1:8000/", True), ("http://127.0.0.1:8000/sub/", True),
                                              ("", False), ("https://example.org/", False), ("http://127.0.0.1:8001/", False)])
def test_a_build_knows_it_is_served_by_mkdocs_serve_whose_live_reload_script_cannot_be_hashed(site_url, served):
    """`mkdocs serve` points site_url at its own address; hooks/security.py then leaves the policy out."""
    config = SimpleNamespace(dev_addr=("127.0.0.1", 8000), site_url=site_url)
    assert is_served(config) is served


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
