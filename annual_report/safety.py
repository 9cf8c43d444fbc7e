"""Content safety: nothing in a content file may run code in a reader's browser.

Markdown lets raw HTML through unchanged, and attr_list (``{ … }`` after a heading or link) lets a
page set any attribute. So a content file must not hold:

- the tags that run or embed code or other pages: <script>, <iframe>, <frame>, <object>, <embed>, …
- an inline event handler (``onclick=``, ``onerror=``, any ``on…=``), in an HTML tag or an attr_list;
- a ``javascript:`` (or ``vbscript:``) address, in a Markdown link or an HTML attribute, also when it
  is disguised with upper case, spaces, tabs, line breaks or character references (``&#106;``);
- a ``style`` attribute or a <style> element: they can lay text over the page or hide it, and a CSP
  that allowed them by hash would allow them for good.

The check reads the whole file as written (front matter, code and comments included): staff never
need any of these, so nothing is exempt, and no parser can be tricked into skipping a part. The
strings of the front matter and of data/*.yml are checked again as YAML reads them, so that an
escape (``"\u003cscript\u003e"``) cannot hide a tag from the check.

Which files may be under docs/ at all is checked too (``check_docs_files``): Markdown pages (``.md``
only: MkDocs would also render ``.markdown`` and friends), the official text files and raster
images; anything else (an .html page or an .svg image is published as it is and can run a script)
fails the build unless ``data/allowed-files.txt`` lists it after review. File names must work in a
web address, and a file too large for a page fails with its size, before anything is built from it.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import ContentError

# libyaml's parser where PyYAML has it (the wheels do): the same nodes and lines, parsed in C.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Tags a content page never needs, and what each one does.
FORBIDDEN_TAGS = {
    "script": "runs a program in the reader's browser",
    "iframe": "embeds another web page",
    "frame": "embeds another web page",
    "frameset": "embeds other web pages",
    "object": "embeds a program or another page",
    "embed": "embeds a program or another page",
    "applet": "runs a program in the reader's browser",
    "base": "redirects every link on the page",
    "meta": "can send the reader to another site",
    "form": "sends what the reader types somewhere",
    "style": "restyles the page: it can hide text or lay other text over it",
    "link": "loads a stylesheet or another resource into the page",
}

TAG = re.compile(r"<\s*(" + "|".join(FORBIDDEN_TAGS) + r")(?![\w-])", re.I)  # opening tags
# An attribute named on… with a value, after whitespace, '/', a quote or '{' (attr_list): onclick=,
# onerror =, <svg/onload=…>, { onmouseover="…" }. Inside prose this never occurs by accident.
HANDLER = re.compile(r"""(?:^|(?<=[\s/"'{;:]))(on[a-z]+)\s*=""", re.I | re.M)
# A style attribute, in a tag or an attr_list ({ style="…" }, {: style=… }).
STYLE_ATTRIBUTE = re.compile(r"""(?:^|(?<=[\s/"'{;:]))(style)\s*=""", re.I | re.M)
# A script address, with anything a browser ignores (spaces, tabs, line breaks, controls) between
# its letters; matched after character references are decoded.
SCHEME = re.compile(r"(?<![a-z0-9])(" + "|".join(
    r"[\x00-\x20]*".join(word) for word in ("javascript", "vbscript")) + r")[\x00-\x20]*:", re.I)
REFERENCE = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


@dataclass(frozen=True)
class Finding:
    line: int
    problem: str
    fix: str


def decode_references(text: str) -> tuple[str, list[int]]:
    """The text with &#106; &amp; … decoded as a browser would, and for each decoded character its
    offset in the original text (so that a finding can be put on its line)."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in REFERENCE.finditer(text):
        decoded = html.unescape(m[0])
        if decoded == m[0]:
            continue
        for i in range(pos, m.start()):
            out.append(text[i])
            where.append(i)
        out.append(decoded)
        where.extend([m.start()] * len(decoded))
        pos = m.end()
    for i in range(pos, len(text)):
        out.append(text[i])
        where.append(i)
    return "".join(out), where


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def check_text(text: str) -> list[Finding]:
    """Every unsafe construct in the text of one content file, in the order of the file."""
    found: list[Finding] = []
    for m in TAG.finditer(text):
        tag = m[1].lower()
        found.append(Finding(_line(text, m.start()),
                             f"raw HTML tag <{tag}> ({FORBIDDEN_TAGS[tag]}): content pages may not contain it",
                             f"remove the <{tag}> tag; to show a document, link to it with [text](address) instead"))
    for m in HANDLER.finditer(text):
        found.append(Finding(_line(text, m.start(1)),
                             f"inline event handler '{m[1]}=' (it runs a program in the reader's browser): "
                             "content pages may not contain it",
                             f"remove the '{m[1]}=…' attribute; pages need no programs, only text and links"))
    for m in STYLE_ATTRIBUTE.finditer(text):
        found.append(Finding(_line(text, m.start(1)),
                             "a 'style=' attribute (it can hide text or lay other text over it): content pages may not contain it",
                             "remove the 'style=…' attribute; the site's stylesheets give every page its look"))
    decoded, where = decode_references(text)
    for m in SCHEME.finditer(decoded):
        scheme = re.sub(r"[\x00-\x20]", "", m[1]).lower()
        found.append(Finding(_line(text, where[m.start()]),
                             f"a '{scheme}:' address (it runs a program when clicked): content pages may not contain it",
                             "link to a page or file address (https://… or a path such as ../policies/index.md) instead"))
    return sorted(found, key=lambda f: f.line)


def check_file(path: Path, shown_as: str) -> None:
    """Raise ContentError for the first unsafe construct in the file (as written, then as YAML reads it)."""
    found = findings(path.read_text("utf-8"), path.suffix in (".yml", ".yaml"))
    if found:
        first = found[0]
        more = f" (and {len(found) - 1} more in this file)" if len(found) > 1 else ""
        raise ContentError(shown_as, first.line, first.problem + more, first.fix)


@lru_cache(maxsize=16384)  # `mkdocs serve` checks every file after each save; most are as they were
def findings(text: str, whole_yaml_file: bool) -> tuple[Finding, ...]:
    """What check_file reports for a file's text: the unsafe constructs as written, else as YAML reads them."""
    return tuple(check_text(text) or check_yaml_strings(text, whole_yaml_file))


def _front_matter(text: str) -> tuple[str, int] | None:
    """The front matter of a page and the line it starts on, or None."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    return (text[4:end + 1], 2) if end != -1 else None


def check_yaml_strings(text: str, whole_file: bool) -> list[Finding]:
    """The findings in the strings of a YAML file (or a page's front matter), as YAML decodes them.

    A YAML string can spell any character with an escape (\\u003c is <), which the check of the text
    as written cannot see. A file that is not valid YAML is left to the reader that loads it, which
    names the line of the error."""
    if whole_file:
        source, first = text.lstrip("\ufeff"), 1
    else:
        part = _front_matter(text)
        if part is None:
            return []
        source, first = part
    try:
        root = yaml.compose(source, Loader=YAML_LOADER)
    except yaml.YAMLError:
        return []
    found: list[Finding] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if isinstance(node.value, str):
                for f in check_text(node.value):
                    found.append(Finding(first + node.start_mark.line, f.problem + " (in a YAML string)", f.fix))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(value for _, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return sorted(found, key=lambda f: f.line)


# What may be under docs/: pages, the official text files, raster images. Anything else is published
# as it is (an .html page, an .svg image or a .js file can run a script) and needs a reviewed entry in
# data/allowed-files.txt.
PAGE_SUFFIX = ".md"
OFFICIAL_TEXT = re.compile(r"^zh/reports/\d{4}/\d{4}-report\.txt$")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
ALLOW_LIST = "data/allowed-files.txt"
# A path segment that works in a web address as it is: letters, digits, '.', '_', '-'.
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MAX_TEXT_BYTES = 512 * 1024  # a report's largest page is under 20 KB; a whole report is under 100 KB
MAX_IMAGE_BYTES = 5 * 1024 * 1024


def allowed_files(root: Path) -> set[str]:
    """The reviewed exceptions: paths under docs/, one a line; '#' starts a comment."""
    path = root / ALLOW_LIST
    if not path.exists():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return {line for line in lines if line}


# How each kind of raster image starts: a file named .png that is really HTML or SVG is refused.
IMAGE_SIGNATURES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
                    ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",), ".avif": (b"\x00\x00\x00",)}


def check_docs_file(rel: str, size: int, allowed: set[str] = frozenset(), head: bytes | None = None) -> Finding | None:
    """What is wrong with the file at ``rel`` (its path under docs/, e.g. zh/about.md), or None.
    ``head`` is the file's first bytes, to tell a real image from something named like one."""
    name = rel.rsplit("/", 1)[-1]
    bad = next((part for part in rel.split("/") if not SAFE_NAME.match(part)), None)
    if bad is not None:
        kind = "a space" if " " in bad else ("characters" if len(bad) > 1 else "a character")
        return Finding(0, f"the name '{bad}' has {kind} that a web address cannot hold as it is",
                       "rename it with only letters, digits and hyphens (a-z, 0-9, -), e.g. "
                       + (re.sub(r"[^A-Za-z0-9._-]+", "-", bad).strip("-").lower() or "new-page.md"))
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if rel in allowed:
        return None
    if suffix == PAGE_SUFFIX or OFFICIAL_TEXT.match(rel):
        limit = MAX_TEXT_BYTES
    elif suffix in IMAGE_SUFFIXES:
        limit = MAX_IMAGE_BYTES
        if head is not None and not head.startswith(IMAGE_SIGNATURES[suffix]):
            return Finding(0, f"the file is named '{suffix}' but is not a {suffix[1:].upper()} image",
                           "export the picture again as a real image file; a page goes into a .md file")
    else:
        return Finding(0, f"a '{suffix or name}' file under docs/ is published as it is and is not checked "
                          "(only .md pages, the official text files and raster images are)",
                       f"give the content as a .md page (or a .png/.jpg image); a file that must be published as it is "
                       f"needs review and a line in {ALLOW_LIST}")
    if size > limit:
        return Finding(0, f"the file is {size // 1024} KB, more than the {limit // 1024} KB a "
                          f"{'page' if limit == MAX_TEXT_BYTES else 'image'} may have",
                       "split a page into several (one per section), or make an image smaller")
    return None


def check_docs_files(root: Path) -> None:
    """Raise ContentError for the first file under docs/ that may not be published as it is."""
    docs, allowed = root / "docs", allowed_files(root)
    for path in files_under(docs):
        rel = path.relative_to(docs).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue  # MkDocs publishes no dot-file (exclude_docs)
        with path.open("rb") as f:
            head = f.read(16)
        found = check_docs_file(rel, path.stat().st_size, allowed, head)
        if found:
            raise ContentError(f"docs/{rel}", None, found.problem, found.fix)


def content_files(root: Path) -> list[Path]:
    """The files staff edit whose text reaches the pages: docs/**/*.md and data/*.yml."""
    pages = [p for p in files_under(root / "docs") if p.suffix.lower() == PAGE_SUFFIX]  # about.MD too
    return pages + sorted((root / "data").glob("*.yml"))


def files_under(folder: Path) -> list[Path]:
    """Every file under the folder, sorted (os.walk: a build lists docs/ more than once)."""
    return sorted(Path(top, name) for top, _, names in os.walk(folder) for name in names)


def check_project(root: Path) -> None:
    check_docs_files(root)
    for path in content_files(root):
        check_file(path, path.relative_to(root).as_posix())
