"""Old and reversed URLs keep working: a small HTML page per alias that forwards, keeping #anchor."""

from __future__ import annotations

import html
import json
import posixpath

from .model import Model

_FOLDERS = {
    "products": "products",
    "virtualization-types": "types",
    "hypervisor-types": "hypervisor-types",
    "mechanisms": "mechanisms",
    "comparisons": "compare",
}


def redirect_targets(model: Model) -> dict[str, str]:
    """Old URL path -> current URL path, for every alias and every reversed comparison."""
    moves: dict[str, str] = {}
    for kind, folder in _FOLDERS.items():
        for record in model.all(kind):
            target = f"{folder}/{record['id']}/"
            for alias in record.get("aliases") or []:
                moves[f"{folder}/{alias}/"] = target
    for record in model.all("comparisons"):
        a, b = (record[k].partition(":")[2] for k in ("a", "b"))
        moves.setdefault(f"compare/{b}-vs-{a}/", f"compare/{record['id']}/")
        for alias in record.get("aliases") or []:
            parts = alias.split("-vs-")
            if len(parts) == 2:
                moves.setdefault(f"compare/{parts[1]}-vs-{parts[0]}/", f"compare/{record['id']}/")
    return dict(sorted(moves.items()))


def redirect_pages(model: Model, lang: str, moved_text: str) -> dict[str, str]:
    pages = {}
    for old, new in redirect_targets(model).items():
        target = posixpath.relpath(new, old) + "/"
        pages[f"{old}index.html"] = _page(target, lang, moved_text)
    return pages


def _page(target: str, lang: str, moved_text: str) -> str:
    href = html.escape(target, quote=True)
    script = json.dumps(target)
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(moved_text)}</title>"
        f'<meta name="robots" content="noindex"><link rel="canonical" href="{href}">'
        f'<meta http-equiv="refresh" content="0; url={href}">'
        f"<script>location.replace({script} + location.hash)</script></head>"
        f'<body><p>{html.escape(moved_text)} <a href="{href}">{href}</a></p></body></html>\n'
    )
