"""Words for diagrams in the page's language: interface words (ui.yaml) and data text as plain text."""

from __future__ import annotations

import re
from typing import Any

from ..model import cell_value, cell_values

_SENTENCE = re.compile(r"^(.+?(?:[.!?;](?=\s|$)|[。！？；]))")


def ui(page: Any, key: str, **values: Any) -> str:
    """An interface string (raw, not Markdown), with `{name}` placeholders filled in."""
    template = page.uiraw(f"dg.{key}")
    return template.format(**values) if values else template


def plain(page: Any, text: Any) -> str:
    """Data text with our markup resolved to plain words, white space folded."""
    return " ".join(page.unmarked(text).split())


def first_sentence(page: Any, text: Any) -> str:
    raw = plain(page, text)
    match = _SENTENCE.match(raw)
    if not match:
        return raw
    sentence = match.group(1)
    return sentence[:-1] + {";": ".", "；": "。"}.get(sentence[-1], sentence[-1])


def _ref_name(page: Any, ref: str) -> str:
    try:
        return page.ref_name(ref)
    except (KeyError, TypeError):
        return ref.partition(":")[2]


def record(page: Any, ref: str) -> dict[str, Any] | None:
    found = page.model.resolve(ref)
    return found[1] if found else None


def name_of(page: Any, ref: str, fallback: str = "") -> str:
    """Display name of a record, or the ui fallback when the record does not exist (yet)."""
    found = page.model.resolve(ref)
    if found:
        return page.name(*found)
    return ui(page, fallback) if fallback else ref.partition(":")[2]


def value(cell: Any) -> Any:
    return cell_value(cell)


def values(cell: Any) -> list[Any]:
    return cell_values(cell)


def product_names(page: Any, ids: list[str], limit: int = 4) -> str:
    """'A, B, C, …' from product ids that exist, in the order given."""
    names = [
        page.name("products", page.model.get("products", i)) for i in ids if page.model.has("products", i)
    ]
    shown = names[:limit] + (["…"] if len(names) > limit else [])
    return ("、" if page.lang == "zh" else ", ").join(shown)


def joined(page: Any, items: list[str]) -> str:
    return ("、" if page.lang == "zh" else ", ").join(items)


def sentence_end(page: Any) -> str:
    return "。" if page.lang == "zh" else "."


def colon(page: Any) -> str:
    """': ' in English, '：' in Chinese (which takes no space after it)."""
    return "：" if page.lang == "zh" else ": "
