"""render(model, lang) -> {path: Markdown}: one Jinja2 template per page kind."""

from __future__ import annotations

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
        undefined=_Undefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def ui_strings() -> dict[str, dict[str, str]]:
    return yaml.safe_load((TEMPLATES / "ui.yaml").read_text(encoding="utf-8"))


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
    tooltips = abbreviations(model, lang)
    pages = {}
    for file, template, context in plan(model):
        page = Page(model, lang, file, ui_strings())
        body = env.get_template(template).render(page=page, model=model, **context)
        pages[file] = body.rstrip() + "\n" + tooltips
    return pages


def abbreviations(model: Model, lang: str) -> str:
    """`*[VMM]: ...` lines for every glossary abbreviation: tooltips on every page."""
    lines = []
    for term in sorted(model.all("glossary"), key=lambda t: t.get("abbr", "")):
        if term.get("abbr"):
            expansion = term.get("expansion") or term["term"]["en"]
            if lang == "zh" and term["term"]["zh"] != term["abbr"]:
                expansion = f"{term['term']['zh']} ({expansion})"
            lines.append(f"*[{term['abbr']}]: {' '.join(expansion.split())}")
    return ("\n" + "\n".join(lines) + "\n") if lines else ""
