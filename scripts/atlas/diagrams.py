"""Inline SVG diagrams drawn from the data (filled in by the diagrams work)."""

from __future__ import annotations

from typing import Any


def diagrams_for(page: Any, ref: str) -> str:
    return ""
