"""x86 protection rings as concentric circles, what Linux runs in each (data/rings.yaml on_linux),
and the VMX root / non-root split that hardware virtualization adds below ring 0."""

from __future__ import annotations

from typing import Any

from . import labels as lb
from .svg import LEAD, PAD, Drawing, block_height, figure, wrap

WIDTH = 400
LEVEL_LAYER = {-1: "hypervisor", 0: "kernel", 1: "muted", 2: "muted", 3: "app"}
CORE = 30
STEP = 26
SWATCH = 14


def rings(page: Any, ref: str) -> str:
    levels = sorted((r for r in page.model.all("rings") if "level" in r), key=lambda r: r["level"])
    if not levels:
        return ""
    d = Drawing(WIDTH)
    bottom = _circles(d, levels)
    bottom = _legend(page, d, bottom + 12, levels)
    minus_one = next((r for r in levels if r["level"] == -1), None)
    if minus_one:
        _vmx(page, d, bottom + 16, minus_one)
    return figure("atlas-dg-rings", lb.ui(page, "rings-title"), _describe(page, levels), d)


def _layer(level: int) -> str:
    return LEVEL_LAYER.get(level, "muted")


def _circles(d: Drawing, levels: list[dict[str, Any]]) -> float:
    """Innermost (most privileged) at the centre; each ring's number sits in its band."""
    outer = CORE + STEP * (len(levels) - 1)
    cx, cy = WIDTH / 2, outer + 2
    for i, ring in reversed(list(enumerate(levels))):
        d.circle(cx, cy, CORE + STEP * i, _layer(ring["level"]))
    for i, ring in enumerate(levels):
        y = cy + 5 if i == 0 else cy - CORE - STEP * (i - 0.5) + 5
        d.text(cx, y, _number(ring["level"]), "l", anchor="middle", bold=True)
    return cy + outer


def _number(level: int) -> str:
    return str(level).replace("-", "−")


def _legend(page: Any, d: Drawing, top: float, levels: list[dict[str, Any]]) -> float:
    """One row per ring, ring 3 first: swatch, name, and the first sentence of on_linux."""
    x, inner = SWATCH + 10, WIDTH - SWATCH - 10
    y = top
    for ring in reversed(levels):
        d.circle(SWATCH / 2, y + 9, SWATCH / 2, _layer(ring["level"]))
        y = d.lines(x, y, wrap(page.t(ring["name"]), inner, "l", bold=True), "l", bold=True)
        if ring.get("on_linux"):
            y = d.lines(x, y, wrap(lb.first_sentence(page, ring["on_linux"]), inner, "s"), "s")
        y += 8
    return y


def _vmx(page: Any, d: Drawing, top: float, minus_one: dict[str, Any]) -> None:
    """Root mode (the host, with the hypervisor) beside non-root mode (the guest), entries and exits."""
    heading = wrap(page.t(minus_one["name"]), WIDTH, "l", bold=True)
    y = d.lines(WIDTH / 2, top, heading, "l", anchor="middle", bold=True) + 6
    column, gap = 150, WIDTH - 300
    sides = (
        ("hypervisor", "root", ("host-apps", "host-kernel")),
        ("guest", "non-root", ("guest-apps", "guest-kernel")),
    )
    box_h = max(
        block_height(lb.ui(page, f"vmx.{k}"), column - 4 * PAD, "s", sub="ring 0")
        for s in sides
        for k in s[2]
    )
    head_h = (
        max(len(wrap(lb.ui(page, f"vmx.{s[1]}"), column - 2 * PAD, "s", bold=True)) for s in sides)
        * LEAD["s"]
    )
    frame_h = PAD + head_h + 6 + 2 * box_h + 6 + PAD
    for i, (layer, mode, keys) in enumerate(sides):
        x = i * (column + gap)
        d.rect(x, y, column, frame_h, layer)
        d.lines(
            x + column / 2,
            y + PAD,
            wrap(lb.ui(page, f"vmx.{mode}"), column - 2 * PAD, "s", bold=True),
            "s",
            anchor="middle",
            bold=True,
        )
        for j, (key, level) in enumerate(zip(keys, (3, 0), strict=True)):
            box_y = y + PAD + head_h + 6 + j * (box_h + 6)
            d.box(
                x + PAD,
                box_y,
                column - 2 * PAD,
                box_h,
                _layer(level),
                lb.ui(page, f"vmx.{key}"),
                "s",
                sub=lb.ui(page, "ring", n=level),
            )
    kernel_y = y + PAD + head_h + 6 + box_h + 6
    _crossing(page, d, column, gap, kernel_y, box_h)


def _crossing(page: Any, d: Drawing, column: float, gap: float, top: float, height: float) -> None:
    """VM entry (root -> non-root) above VM exit (non-root -> root), between the two kernels."""
    left, right = column + 4, column + gap - 4
    upper, lower = top + height * 0.3, top + height * 0.7 + 12
    d.arrow(left, upper, right, upper, accent=True)
    d.text(WIDTH / 2, upper - 5, lb.ui(page, "vm-entry"), "s", anchor="middle")
    d.arrow(right, lower, left, lower, accent=True)
    d.text(WIDTH / 2, lower + 15, lb.ui(page, "vm-exit"), "s", anchor="middle")


def _describe(page: Any, levels: list[dict[str, Any]]) -> str:
    parts = [
        f"{page.t(r['name'])}{lb.colon(page)}{lb.first_sentence(page, r['on_linux'])}"
        for r in levels
        if r.get("on_linux")
    ]
    return lb.ui(page, "rings-desc") + " " + " ".join(parts)
