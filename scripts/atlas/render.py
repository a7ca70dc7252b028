"""render(model, lang) -> {path: Markdown}: one Jinja2 template per page kind."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import yaml

from .model import Model
from .page import Page
from .urls import PAGES

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it


class _Undefined(jinja2.StrictUndefined):
    """Missing optional fields are falsy and iterate as empty; printing one is still an error."""

    def __bool__(self) -> bool:
        return False

    def __iter__(self):
        return iter(())


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Compiled templates kept in the user's temp folder, checked against the source: each
        # build after the first (the second language, every `make serve` reload) skips compiling.
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
        undefined=_Undefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def ui_strings() -> dict[str, dict[str, str]]:
    return yaml.load((TEMPLATES / "ui.yaml").read_text(encoding="utf-8"), Loader=_LOADER)


def plan(model: Model) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(file, template, context) of every generated page."""
    yield PAGES["home"], "home.md.j2", {}
    yield PAGES["products"], "products.md.j2", {}
    for kind, folder, template in (
        ("products", "products", "product.md.j2"),
        ("virtualization-types", "types", "type.md.j2"),
        ("hypervisor-types", "hypervisor-types", "hypervisor-type.md.j2"),
        ("mechanisms", "mechanisms", "mechanism.md.j2"),
        ("comparisons", "compare", "comparison.md.j2"),
    ):
        for record in model.all(kind):
            yield f"{folder}/{record['id']}.md", template, {"record": record, "kind": kind}
    for name, kind in (
        ("types", "virtualization-types"),
        ("hypervisor-types", "hypervisor-types"),
        ("mechanisms", "mechanisms"),
    ):
        yield PAGES[name], "section.md.j2", {"section": name, "kind": kind}
    yield PAGES["kernel"], "kernel.md.j2", {}
    for name, groups in (
        ("namespaces", ["namespace"]),
        ("cgroups", ["cgroup-version", "cgroup-controller"]),
        ("security", ["security"]),
        ("filesystems", ["filesystem"]),
    ):
        yield PAGES[name], "kernel-group.md.j2", {"section": name, "groups": groups}
    for name in (
        "rings",
        "containers-vs-vms",
        "compare",
        "guide",
        "glossary",
        "timeline",
        "sources",
        "corrections",
        "api",
    ):
        yield PAGES[name], f"{name}.md.j2", {}


def render(model: Model, lang: str) -> dict[str, str]:
    env = _environment()
    definitions = abbreviations(model, lang)
    pages = {}
    for file, template, context in plan(model):
        page = Page(model, lang, file, ui_strings())
        body = env.get_template(template).render(page=page, model=model, **context)
        pages[file] = with_tooltips(body, definitions)
    return pages


def matrix_json(model: Model, lang: str) -> str:
    """The product matrix as shown, in one language: what the comparer draws its table from
    (a few KB, where products.json is the whole record of every product)."""
    page = Page(model, lang, PAGES["compare"], ui_strings())
    data = {
        "columns": [{"id": c["id"], "label": page.t(c["label"])} for c in model.columns],
        "products": [
            {
                "id": p["id"],
                "name": page.name("products", p),
                "cells": [", ".join(label for _, label in page.column_values(p, c)) for c in model.columns],
            }
            for p in sorted(model.all("products"), key=lambda p: p["id"])
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def abbreviations(model: Model, lang: str) -> dict[str, str]:
    """abbreviation -> its `*[VMM]: ...` definition, for every glossary abbreviation."""
    definitions: dict[str, str] = {}
    for term in sorted(model.all("glossary"), key=lambda t: t.get("abbr", "")):
        if term.get("abbr") and term["abbr"] not in definitions:
            expansion = term.get("expansion") or term["term"]["en"]
            if lang == "zh" and term["term"]["zh"] != term["abbr"]:
                expansion = f"{term['term']['zh']} ({expansion})"
            definitions[term["abbr"]] = f"*[{term['abbr']}]: {' '.join(expansion.split())}"
    return definitions


def with_tooltips(markdown: str, definitions: dict[str, str]) -> str:
    """The page with the definitions of the abbreviations it contains (tooltips). Only those: each
    definition costs Markdown a pass, and a definition per block keeps that pass linear (a run of
    definition lines is re-scanned once per line)."""
    used = set(_finder(tuple(definitions)).findall(markdown)) if definitions else set()
    lines = [line for abbr, line in definitions.items() if abbr in used]
    return markdown.rstrip() + "\n" + "".join(f"\n{line}\n" for line in lines)


@cache
def _finder(abbrs: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(a) for a in sorted(abbrs, key=len, reverse=True)))
