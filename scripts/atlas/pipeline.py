"""The pure core in one call: model -> {path: content} of one language's site."""

from __future__ import annotations

from pathlib import Path

from .export import API, export_files
from .model import Model
from .redirects import redirect_pages
from .render import matrix_json, render, ui_strings

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("en", "zh")


def build_pages(model: Model, lang: str) -> dict[str, str]:
    """The Markdown pages only (what `scripts/build.py --out` writes)."""
    return render(model, lang)


def build_site_files(model: Model, lang: str) -> dict[str, str]:
    """Pages, data export and redirect pages: everything the MkDocs hook adds."""
    moved = ui_strings()["redirect-moved"][lang]
    matrices = {f"{API}/matrix.{code}.json": matrix_json(model, code) for code in LANGS}
    return {**render(model, lang), **export_files(model), **matrices, **redirect_pages(model, lang, moved)}
