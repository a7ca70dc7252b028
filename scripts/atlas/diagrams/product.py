"""A product at a glance: where it sits in the stack, its category and its isolation boundary.

The position is read from the product's fields (category, hypervisor_type, host_os, built_on and
uses); the category and isolation labels are the matrix columns' own labels and values.
"""

from __future__ import annotations

from typing import Any

from . import labels as lb
from .svg import LEAD, PAD, Drawing, figure, wrap

WIDTH = 400
STACK = 168
ROW = 28
# Bottom to top: the order of privilege, so a hypervisor is drawn below the kernels it hosts.
LEVELS = (("user", "app"), ("kernel", "kernel"), ("hypervisor", "hypervisor"), ("hardware", "hardware"))
KERNEL_HYPERVISOR = frozenset({"kernel", "hypervisor"})
BARE_METAL = "bare-metal"


def placement(model: Any, product: dict[str, Any], seen: frozenset[str] = frozenset()) -> frozenset[str]:
    """The levels of the stack a product runs in, from its fields."""
    category = lb.value(product.get("category"))
    kind = lb.value(product.get("hypervisor_type"))
    hosts = set(lb.values(product.get("host_os")))
    if category == "os-partitioning":
        return frozenset({"kernel"})
    if category != "hypervisor":
        return frozenset({"user"})
    if kind == "hybrid":  # partition design: the hypervisor below every OS, the root partition's included
        return frozenset({"hypervisor"})
    if _on_kernel_hypervisor(model, product, seen | {product["id"]}):
        return KERNEL_HYPERVISOR if BARE_METAL in hosts else frozenset({"user"})
    if kind == "type-1":
        return frozenset({"hypervisor"}) if BARE_METAL in hosts else KERNEL_HYPERVISOR
    return frozenset({"user"})


def _on_kernel_hypervisor(model: Any, product: dict[str, Any], seen: frozenset[str]) -> bool:
    """Whether it builds on or uses a product that turns a kernel into the hypervisor (KVM-like)."""
    for other_id in sorted({*(product.get("built_on") or []), *(product.get("uses") or [])} - seen):
        other = model.get("products", other_id)
        if other and placement(model, other, seen) == KERNEL_HYPERVISOR:
            return True
    return False


def strip(page: Any, ref: str) -> str:
    product = lb.record(page, ref)
    if not product:
        return ""
    d = Drawing(WIDTH)
    where = placement(page.model, product)
    name = page.name("products", product)
    _stack(page, d, where, name)
    _facts(page, d, product)
    levels = lb.joined(page, [lb.ui(page, f"level.{key}") for key, _ in LEVELS if key in where])
    facts = ("；" if page.lang == "zh" else "; ").join(
        f"{label}{lb.colon(page)}{value}" for label, value in _fact_rows(page, product)
    )
    desc = lb.ui(page, "product-desc", name=name, levels=levels, facts=facts)
    return figure("atlas-dg-product", lb.ui(page, "product-title", name=name), desc, d)


def _stack(page: Any, d: Drawing, where: frozenset[str], name: str) -> None:
    """The four levels, top down; the product's levels are filled and marked, the others muted."""
    d.text(0, LEAD["s"] - 3, lb.ui(page, "where"), "s", bold=True)
    top = LEAD["s"] + 4
    marked = [i for i, (key, _) in enumerate(LEVELS) if key in where]
    for i, (key, layer) in enumerate(LEVELS):
        y = top + i * (ROW + 4)
        shown = layer if key in where else "muted"
        d.box(
            0, y, STACK, ROW, shown, lb.ui(page, f"level.{key}"), "s", bold=key in where, strong=key in where
        )
    if marked:
        first, last = top + marked[0] * (ROW + 4), top + marked[-1] * (ROW + 4) + ROW
        d.arrow(STACK + 26, (first + last) / 2, STACK + 6, (first + last) / 2, accent=True)


def _fact_rows(page: Any, product: dict[str, Any]) -> list[tuple[str, str]]:
    rows = []
    for column in page.model.columns:
        if column["field"] in ("category", "isolation"):
            value = ", ".join(label for _, label in page.column_values(product, column))
            rows.append((page.t(column["label"]), value))
    return rows


def _facts(page: Any, d: Drawing, product: dict[str, Any]) -> None:
    x, width = STACK + 36, WIDTH - STACK - 36
    y = 0.0
    for label, value in _fact_rows(page, product):
        y = d.lines(x, y, wrap(label, width, "s"), "s")
        y = d.lines(x, y, wrap(value, width, "l", bold=True), "l", bold=True) + PAD
