"""Escaping: every data value passes one of these on its way into Markdown, HTML or YAML."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from functools import cache

# Characters Python-Markdown gives a meaning to inside a line; each is backslash-escaped.
_INLINE = re.compile(r"([\\`*_{}\[\]|])")
_LINE_START = re.compile(r"^(\s*)([#+\-!>=:?]|\d+[.)])")
_TOKEN = re.compile(r"`([^`\n]+)`|\[\[([a-z-]+):([a-z0-9]+(?:-[a-z0-9]+)*)(?:\|([^\]\n]+))?\]\]")


@cache  # the same names and labels are escaped thousands of times per build
def plain(text: str) -> str:
    """Plain text as Markdown that shows exactly this text: no markup, links, HTML or breaks.

    White space is folded to single spaces; a space at either end is kept (it separates this
    text from a link or code span next to it)."""
    lead = " " if text[:1].isspace() else ""
    tail = " " if text[-1:].isspace() and text.strip() else ""
    text = lead + " ".join(text.split()) + tail
    text = html.escape(text, quote=False)
    return _INLINE.sub(r"\\\1", text)


def block_safe(markdown: str) -> str:
    """Neutralise what would start a block (heading, list, quote, admonition) at line start."""
    match = _LINE_START.match(markdown)
    if not match:
        return markdown
    mark, rest = match.group(2), markdown[match.end() :]
    if mark[0].isdigit():
        return f"{match.group(1)}{mark[:-1]}&#{ord(mark[-1])};{rest}"
    return f"{match.group(1)}&#{ord(mark)};{rest}"


_CODE_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+\-.!|~^=:<>&\"']")


def code(text: str) -> str:
    """An inline code span as HTML. Markdown still parses text between inline tags, so every
    character it could read as markup is written as an entity (also safe in table cells)."""
    body = _CODE_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", " ".join(text.split()))
    return f"<code>{body}</code>"


def tokens(text: str):
    """Split our text markup into ('text', s), ('code', s) and ('ref', (ref, label)) parts."""
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            yield "text", text[pos : match.start()]
        if match.group(1) is not None:
            yield "code", match.group(1)
        else:
            yield "ref", (f"{match.group(2)}:{match.group(3)}", match.group(4))
        pos = match.end()
    if pos < len(text):
        yield "text", text[pos:]


def attr(text: str) -> str:
    """Safe inside a double-quoted HTML attribute."""
    return html.escape(" ".join(str(text).split()), quote=True)


def html_text(text: str) -> str:
    return html.escape(" ".join(str(text).split()), quote=False)


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON is valid YAML; line separators escaped too)."""
    out = json.dumps(" ".join(str(text).split()), ensure_ascii=False)
    for char in ("\u2028", "\u2029", "\x85"):
        out = out.replace(char, f"\\u{ord(char):04x}")
    return out


def fold(name: str) -> str:
    """A name reduced to lower-case letters and digits: `Hyper-V`, `hyper v` and `HyperV` are one
    key. The search worker (docs/assets/javascripts/workers/atlas-search.js) folds queries alike."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", name).lower() if ch.isalnum())
