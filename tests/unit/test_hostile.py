"""Hostile text: whatever a contributor writes, it reaches the page as that text, or the build
rejects it with a file:line problem; it never crashes or turns into markup."""

from __future__ import annotations

import html
import re

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas import text as esc
from atlas.load import parse

EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.inlinehilite",
]
NASTY = [
    "|",
    "<script>",
    "</p>",
    "{{",
    "}}",
    "{%",
    "{: .x }",
    "*",
    "_",
    "**",
    "#",
    "- ",
    "1. ",
    "> ",
    "!!! note",
    "???",
    "[x](javascript:alert(1))",
    "&amp;",
    "&",
    "\\",
    "~~",
    "==",
    "^^",
    ":",
    "*[X]: y",
    "\u202e",
    "\u200b",
    "مرحبا",
    "半虚拟化",
    "  ",
    "\t",
    "<!--",
    "-->",
    "```",
    "***",
    "[^1]",
    "@",
    "%",
]
texts = st.lists(
    st.one_of(
        st.sampled_from(NASTY),
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    ),
    max_size=12,
).map("".join)


def visible(markdown_text: str) -> str:
    rendered = markdown.markdown(markdown_text, extensions=EXTENSIONS)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", rendered)).split())


@settings(max_examples=300, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(texts.filter(lambda t: "`" not in t and "[[" not in t))
def test_plain_text_shows_exactly_as_written(text):
    for line_start in (True, False):
        shown = esc.block_safe(esc.plain(text)) if line_start else "x " + esc.plain(text)
        expected = " ".join(text.split()) if line_start else " ".join(("x " + text).split())
        assert visible(shown) == expected


@settings(max_examples=300, derandomize=True)
@given(texts, texts)
def test_code_spans_show_exactly_as_written(before, inside):
    inside = inside.replace("`", "")
    shown = esc.block_safe(esc.plain("x " + before)) + " " + esc.code(inside) + " " + esc.plain(before)
    rendered = markdown.markdown(shown, extensions=EXTENSIONS)
    assert set(re.findall(r"<([a-z0-9]+)", rendered)) <= {"p", "code"}, rendered
    assert " ".join(inside.split()) in html.unescape(rendered)


@settings(max_examples=200, derandomize=True)
@given(texts)
def test_plain_text_never_becomes_an_element(text):
    rendered = markdown.markdown(esc.block_safe(esc.plain(text)), extensions=EXTENSIONS)
    tags = set(re.findall(r"<([a-z0-9]+)", rendered))
    assert tags <= {"p"}, (text, rendered)


@settings(max_examples=200, derandomize=True)
@given(texts)
def test_attributes_and_front_matter_hold_any_text(text):
    value = yaml.safe_load("k: " + esc.yaml_string(text))["k"]
    assert value == " ".join(text.split())
    assert '"' not in esc.attr(text) and "<" not in esc.attr(text)


@settings(max_examples=300, derandomize=True)
@given(st.text(max_size=200))
def test_loader_reports_problems_instead_of_raising(text):
    doc, problems = parse(text, "data/x.yaml")
    assert (doc is None) == bool(problems and problems[0].field == "(file)") or doc is not None
    for problem in problems:
        assert re.match(r"data/x\.yaml:\d+:\d+: ", str(problem))
