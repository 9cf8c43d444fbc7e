"""A Content-Security-Policy for every page: only the site's own code runs, nothing loads from outside.

GitHub Pages sets no response headers, so the policy travels in the page as
<meta http-equiv="Content-Security-Policy">. Scripts: the site's own files ('self') and the inline
scripts that the theme's templates write into each page, allowed one by one by the sha256 of their
text. No 'unsafe-inline', no eval, no WebAssembly, no workers.

Which inline scripts may be hashed is known before any content is read: in on_config, every inline
<script> of the templates in the theme's folders (overrides/, then Material's) is turned into a
pattern, its Jinja expressions ({{ base_url }}) standing for text without quotes or angle brackets.
An inline script in a finished page that matches none of them came from content, a front-matter
string or a hook, and fails the build naming the page: a hash computed from the finished HTML would
approve whatever was injected into it.

Styles: 'self' only, and nothing inline. Material's pages carry no style attribute and no <style>
element (Python-Markdown's table alignment is written as align="…", mkdocs.yml), and its JavaScript
changes styles through the CSSOM (element.style.x = …), which CSP does not restrict. A <style>
element or a style="" attribute in a finished page fails the build.
The browser tests (tests/browser/) fail on any violation the browser reports.

What the <meta> policy cannot do (a response header could; GitHub Pages sets none): frame-ancestors
(clickjacking: the site can be framed), report-uri/report-to (no violation reports reach anyone) and
sandbox are ignored in a meta; and the policy governs only what comes after it in the page. A host
that can set headers should send this same policy as a Content-Security-Policy header, adding
frame-ancestors 'none'. CONTRIBUTING.md (English summary, hosting) says the same for whoever moves the site.

The meta goes right after <meta charset> (the HTML standard wants the charset declared in the first
1024 bytes, and a policy with a dozen hashes would push it out); it still comes before every
script, stylesheet and link, so it governs all of them.

`mkdocs serve` injects its own inline live-reload script into each response after the build, with a
timestamp in it that no hash can know in advance; under `serve` the policy is left out (hooks/security.py).
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape, unescape


# Executable script types (HTML standard): no type, a JavaScript MIME type, or "module".
# <script type="application/json"> (Material's __config) is data, not code; CSP does not apply to it.
JS_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript",
            "text/ecmascript", "text/jscript", "text/livescript", "application/x-javascript"}

FIXED = {
    "default-src": "'self'",
    "img-src": "'self' data:",        # Material's icons are data: SVGs in its CSS (mask-image)
    "font-src": "'self'",
    "connect-src": "'self'",          # the search's index files (search/…), fetched when the reader searches
    "worker-src": "'none'",           # the search runs in the page: no worker
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


class InlineNotAllowed(ValueError):
    def __init__(self, problem: str, fix: str):
        self.problem, self.fix = problem, fix
        super().__init__(problem)


_TEMPLATE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script", re.S | re.I)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_EXPRESSION_TEXT = r"""[^"'`<>\\\n]*"""  # what a {{ … }} in a script may print: no quote, tag or escape


def script_pattern(body: str) -> re.Pattern | None:
    """The inline scripts a template's <script> body can render to; None if it holds {% … %}."""
    if "{%" in body:
        return None  # logic inside a script: not allowed by pattern (none of Material's has any)
    pieces = _JINJA.split(body)
    exprs = _JINJA.findall(body)
    regex = "".join(re.escape(text) + (_EXPRESSION_TEXT if i < len(exprs) and not exprs[i].startswith("{#") else "")
                    for i, text in enumerate(pieces))
    return re.compile(regex, re.S)


def template_scripts(dirs) -> list[re.Pattern]:
    """Patterns of every inline executable <script> in the templates under ``dirs``."""
    patterns = {}
    for folder in dirs:
        for path in sorted(folder.rglob("*.html")):
            for attrs, body in _TEMPLATE_SCRIPT.findall(path.read_text("utf-8")):
                values = InlineCode.attributes(attrs)
                if "src" in values or values.get("type", "").strip().lower() not in JS_TYPES or not body.strip():
                    continue
                pattern = script_pattern(body)
                if pattern is not None:
                    patterns[pattern.pattern] = pattern
    return list(patterns.values())


def with_policy(html: str, allowed_scripts: list[re.Pattern]) -> str:
    """The page with its policy; InlineNotAllowed for an inline script that none of
    ``allowed_scripts`` (template_scripts) matches, or for any inline style."""
    found = InlineCode.of(html)
    if found.insert_at is None:  # not an HTML document (no <head>)
        return html
    for text in found.script_texts:
        if not any(p.fullmatch(text) for p in allowed_scripts):
            raise InlineNotAllowed(
                f"the page has an inline script that none of the site's templates writes ({shorten(text)})",
                "remove the script from the page's source or the string it came from; a script the site needs "
                "goes into a template under overrides/ or a file under overrides/assets/javascripts/")
    if found.styles or found.style_attributes:
        what = "a <style> element" if found.styles else "a style attribute"
        raise InlineNotAllowed(f"the page has {what}, which the policy does not allow",
                               "remove it from the page's source; styles go into overrides/assets/stylesheets/")
    return html[:found.insert_at] + META.format(escape(policy(found), quote=False).replace('"', "&quot;")) + html[found.insert_at:]


META = '<meta http-equiv="Content-Security-Policy" content="{}">'  # the policy goes in escaped


def policy(found: InlineCode) -> str:
    scripts = ["'self'", *dict.fromkeys(found.scripts)]
    directives = {**FIXED, "script-src": " ".join(scripts), "style-src": "'self'"}
    order = ["default-src", "script-src", "style-src", "img-src", "font-src", "connect-src", "worker-src",
             "object-src", "base-uri", "form-action"]
    return "; ".join(f"{name} {directives[name]}" for name in order)


def shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def source_hash(text: str) -> str:
    """What a browser hashes: the element's text after the parser turned CRLF and CR into LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


class InlineCode:
    """The inline scripts and styles of a page, and where the policy goes.

    Found with a few regular expressions, not an HTML parser: tokenizing every tag of every page
    (the navigation alone is hundreds of links) was a fifth of the build (bench/ANALYSIS.md), and the
    policy needs only the text of <script> and <style> elements, style="" attributes and the start of
    <head>. A script or style element's text runs to the first </script or </style, as in the HTML
    standard's tokenizer. Something that only looks like one (inside a comment, say) would add a hash
    that allows nothing that runs; a missed one is blocked, and the browser tests fail on it.
    """

    SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script", re.S | re.I)
    STYLE = re.compile(r"<style\b[^>]*>(.*?)</style", re.S | re.I)
    STYLE_ATTRIBUTE = re.compile(r"""<[a-z][^\s/>]*\s[^>]*?(?<=[\s"'])style\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
    ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
    HEAD = re.compile(r"<head\b[^>]*>", re.I)
    CHARSET_FIRST = re.compile(r"\s*<meta\b[^>]*\bcharset\s*=[^>]*>", re.I)

    def __init__(self, html: str):
        self.scripts: list[str] = []
        self.script_texts: list[str] = []
        self.styles: list[str] = []
        self.style_attributes: list[str] = []
        self.insert_at: int | None = None
        head = self.HEAD.search(html)
        if head:
            charset = self.CHARSET_FIRST.match(html, head.end())
            self.insert_at = (charset or head).end()
        for match in self.SCRIPT.finditer(html):
            attrs = self.attributes(match.group(1))
            if "src" not in attrs and attrs.get("type", "").strip().lower() in JS_TYPES:
                self.scripts.append(source_hash(match.group(2)))
                self.script_texts.append(match.group(2))
        self.styles = [source_hash(text) for text in self.STYLE.findall(html)]
        for double, single in self.STYLE_ATTRIBUTE.findall(html):
            if double or single:
                self.style_attributes.append(source_hash(unescape(double or single)))

    @classmethod
    def of(cls, html: str) -> InlineCode:
        return cls(html)

    @classmethod
    def attributes(cls, text: str) -> dict[str, str]:
        return {name.lower(): unescape(next((v for v in values if v), ""))
                for name, *values in cls.ATTRIBUTE.findall(text)}
