"""A Content-Security-Policy for every page: only the site's own code runs, nothing loads from outside.

GitHub Pages sets no response headers, so the policy travels in the page as
<meta http-equiv="Content-Security-Policy">. Scripts: the site's own files ('self') and the inline
scripts that Material writes into each page, allowed one by one by the sha256 of their text, which
is computed here from the page's final HTML (one parse per page). No 'unsafe-inline', no eval.

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
from html.parser import HTMLParser

import _state

# Executable script types (HTML standard): no type, a JavaScript MIME type, or "module".
# <script type="application/json"> (Material's __config) is data, not code; CSP does not apply to it.
JS_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript",
            "text/ecmascript", "text/jscript", "text/livescript", "application/x-javascript"}

FIXED = {
    "default-src": "'self'",
    "img-src": "'self' data:",        # Material's icons are data: SVGs in its CSS (mask-image)
    "font-src": "'self'",
    "connect-src": "'self'",          # the search index (search/search_index.json)
    "worker-src": "'self'",           # the search worker (assets/javascripts/workers/…)
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


class InlineCode(HTMLParser):
    """One pass over a page: the inline scripts and styles, and where the policy goes."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0]
        at = html.find("\n")
        while at != -1:
            self.line_starts.append(at + 1)
            at = html.find("\n", at + 1)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.style_attributes: list[str] = []
        self.insert_at: int | None = None
        self._head_end: int | None = None     # just after <head …>
        self._first_in_head = True
        self._collecting: str | None = None   # "script" or "style" while inside an inline one
        self._text: list[str] = []

    @classmethod
    def of(cls, html: str) -> InlineCode:
        parser = cls(html)
        parser.feed(html)
        parser.close()
        return parser

    def _end_of_tag(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column + len(self.get_starttag_text())

    def handle_starttag(self, tag, attrs, closed=False):
        attrs = dict(attrs)
        if attrs.get("style"):
            self.style_attributes.append(source_hash(attrs["style"]))
        if tag == "head" and self._head_end is None:
            self._head_end = self.insert_at = self._end_of_tag()
        elif self._head_end is not None and self._first_in_head:
            self._first_in_head = False
            if tag == "meta" and "charset" in attrs:
                self.insert_at = self._end_of_tag()
        if closed:
            return
        if tag == "script" and "src" not in attrs and (attrs.get("type") or "").strip().lower() in JS_TYPES:
            self._collecting, self._text = "script", []
        elif tag == "style":
            self._collecting, self._text = "style", []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, closed=True)

    def handle_data(self, data):
        if self._collecting:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == self._collecting:
            (self.scripts if tag == "script" else self.styles).append(source_hash("".join(self._text)))
            self._collecting = None
