"""Where each record lives: the Markdown file that holds it and its anchor there.

The file path below the language root is the URL (`products/kvm.md` -> `/products/kvm/`), the
same in both languages. Links between pages are relative `.md` paths, so MkDocs checks them.
"""

from __future__ import annotations

import posixpath
from functools import cache
from typing import Any

PAGES = {
    "home": "index.md",
    "products": "products/index.md",
    "compare": "compare/index.md",
    "containers-vs-vms": "compare/containers-vs-vms.md",
    "guide": "guide.md",
    "glossary": "glossary.md",
    "timeline": "timeline.md",
    "sources": "sources.md",
    "corrections": "corrections.md",
    "rings": "rings.md",
    "types": "types/index.md",
    "hypervisor-types": "hypervisor-types/index.md",
    "mechanisms": "mechanisms/index.md",
    "kernel": "kernel/index.md",
    "namespaces": "kernel/namespaces.md",
    "cgroups": "kernel/cgroups.md",
    "security": "kernel/security.md",
    "filesystems": "kernel/filesystems.md",
    "api": "api.md",
    "about": "about.md",
}

_KERNEL_PAGE = {
    "namespace": "namespaces",
    "cgroup-version": "cgroups",
    "cgroup-controller": "cgroups",
    "security": "security",
    "filesystem": "filesystems",
}
_OWN_PAGE = {
    "products": "products",
    "virtualization-types": "types",
    "hypervisor-types": "hypervisor-types",
    "mechanisms": "mechanisms",
    "comparisons": "compare",
}
_ON_PAGE = {
    "rings": "rings",
    "criteria": "containers-vs-vms",
    "glossary": "glossary",
    "timeline": "timeline",
    "corrections": "corrections",
    "sources": "sources",
}


def location(kind: str, record: dict[str, Any]) -> tuple[str, str]:
    """(Markdown file, anchor) of a record; the anchor is '' for a record with its own page."""
    ident = record["id"]
    if kind in _OWN_PAGE:
        return f"{_OWN_PAGE[kind]}/{ident}.md", ""
    if kind in _ON_PAGE:
        return PAGES[_ON_PAGE[kind]], ident
    if kind == "kernel-features":
        return PAGES[_KERNEL_PAGE[record["group"]]], ident
    raise KeyError(f"no page for kind {kind!r}")


def relative(from_file: str, to_file: str, anchor: str = "") -> str:
    """Relative link from one Markdown file to another (or to an anchor on the same page)."""
    if from_file == to_file:
        return f"#{anchor}" if anchor else posixpath.basename(to_file)
    path = relpath(to_file, posixpath.dirname(from_file) or ".")
    return f"{path}#{anchor}" if anchor else path


@cache
def relpath(path: str, start: str) -> str:
    """posixpath.relpath, remembered: pages link to the same few targets thousands of times."""
    return posixpath.relpath(path, start)


def url_path(md_file: str) -> str:
    """`products/kvm.md` -> `products/kvm/`; `index.md` -> ``."""
    stem = md_file.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"
