"""Search vocabulary taken from the data (names and aliases in Chinese, for segmentation)."""

from __future__ import annotations

import re

from .model import Model

# Search rank multiplier per page kind: the page about a thing outranks pages that mention it
# (a product above the comparisons naming it, a concept above the glossary and lists).
SEARCH_BOOST = {
    "products": 8.0,
    "virtualization-types": 8.0,
    "hypervisor-types": 8.0,
    "mechanisms": 6.0,
    "kernel-features": 6.0,
    "rings": 6.0,
    "containers-vs-vms": 6.0,
    "comparisons": 5.0,
    "guide": 4.0,
    "home": 3.0,
    "products-index": 3.0,
    "compare": 2.0,
    "timeline": 2.0,
    "corrections": 2.0,
    "api": 1.0,
    "glossary": 0.5,
    "sources": 0.3,
}
_HAN = re.compile(r"[\u3400-\u9fff]")


def chinese_terms(model: Model) -> set[str]:
    """Every Chinese name and alias of every record: words jieba must keep whole."""
    terms: set[str] = set()
    for records in model.records.values():
        for record in records:
            for key in ("name", "term"):
                value = record.get(key)
                if isinstance(value, dict) and isinstance(value.get("zh"), str):
                    terms.add(value["zh"])
            aliases = record.get("also_known_as")
            if isinstance(aliases, dict):
                terms.update(a for a in aliases.get("zh", []) if isinstance(a, str))
    return {t for t in terms if _HAN.search(t) and not re.search(r"\s", t) and len(t) <= 12}
