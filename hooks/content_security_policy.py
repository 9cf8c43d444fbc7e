"""A Content-Security-Policy for every page: only the site's own code runs, nothing loads from outside.

GitHub Pages sets no response headers, so the policy travels in the page as
<meta http-equiv="Content-Security-Policy">. Scripts: the site's own files ('self') and the inline
scripts that Material writes into each page, allowed one by one by the sha256 of their text, which
is computed here from the page's final HTML. No 'unsafe-inline', no eval, no WebAssembly, no workers.

Styles: 'self' only. Material's pages carry no inline style attribute and no <style> element, and its
JavaScript changes styles through the CSSOM (element.style.x = …), which CSP does not restrict. If
a page ever has a <style> element it is allowed by hash like a script; a style="" attribute by hash
under 'unsafe-hashes' (the CSP 3 way to allow exactly those attributes) — never 'unsafe-inline'.
The browser tests (tests/browser/) fail on any violation the browser reports.

The meta goes right after <meta charset> (the HTML standard wants the charset declared in the first
1024 bytes, and a policy with a dozen hashes would push it out); it still comes before every
script, stylesheet and link, so it governs all of them.

`mkdocs serve` injects its own inline live-reload script into each response after the build, with a
timestamp in it that no hash can know in advance; under `serve` the policy is left out.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import unescape

import _state

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


def on_startup(command, dirty):
    # Hook modules are imported anew on every `mkdocs serve` rebuild; _state is not.
    _state.command = command


def on_post_page(output, page, config):
    return with_policy(output)


def on_post_template(output_content, template_name, config):
    """404.html is rendered as a template, not a page."""
    return with_policy(output_content) if template_name.endswith(".html") else output_content


def with_policy(html: str) -> str:
    if _state.command == "serve":
        return html
    found = InlineCode.of(html)
    if found.insert_at is None:  # not an HTML document (no <head>)
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(found)}">'
    return html[:found.insert_at] + meta + html[found.insert_at:]


def policy(found: InlineCode) -> str:
    scripts = ["'self'", *dict.fromkeys(found.scripts)]
    styles = ["'self'", *dict.fromkeys(found.styles)]
    if found.style_attributes:
        styles += ["'unsafe-hashes'", *dict.fromkeys(found.style_attributes)]
    directives = {**FIXED, "script-src": " ".join(scripts), "style-src": " ".join(styles)}
    order = ["default-src", "script-src", "style-src", "img-src", "font-src", "connect-src", "worker-src",
             "object-src", "base-uri", "form-action"]
    return "; ".join(f"{name} {directives[name]}" for name in order)


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
