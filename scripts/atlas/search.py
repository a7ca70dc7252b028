"""Search vocabulary taken from the data (names and aliases in Chinese, for segmentation)."""

from __future__ import annotations

import re

from .model import Model

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
