"""What happens to a privileged instruction: one column of four steps per technique.

Every technique uses the same layout (step rows aligned across columns, box colour = who does
the work, accent arrow = control passes to someone else), so the columns compare at a glance.
"""

from __future__ import annotations

from typing import Any

from . import labels as lb
from .svg import LEAD, PAD, SIZE, Drawing, block_height, figure, text_width, wrap

# Technique -> (record whose name titles the column, actor of each step). Step texts: ui.yaml.
TECHNIQUES = {
    "trap-and-emulate": ("mechanism:trap-and-emulate", ("guest", "cpu", "vmm", "guest")),
    "binary-translation": ("mechanism:binary-translation", ("vmm", "vmm", "cpu", "guest")),
    "hypercalls": ("mechanism:hypercalls", ("guest", "cpu", "vmm", "guest")),
    "vt-x-amd-v": ("mechanism:vt-x-amd-v", ("guest", "cpu", "vmm", "cpu")),
    "emulation": ("type:emulation", ("emulator", "emulator", "cpu", "emulator")),
}
ACTOR_LAYER = {"guest": "guest", "cpu": "hardware", "vmm": "hypervisor", "emulator": "app"}
SHOWN_ON = {
    "page:types": ("trap-and-emulate", "binary-translation", "hypercalls", "vt-x-amd-v"),
    "type:full-virtualization": ("trap-and-emulate", "binary-translation"),
    "type:paravirtualization": ("hypercalls",),
    "type:hardware-assisted": ("vt-x-amd-v",),
    "type:emulation": ("emulation",),
    "mechanism:trap-and-emulate": ("trap-and-emulate",),
    "mechanism:binary-translation": ("binary-translation",),
    "mechanism:hypercalls": ("hypercalls",),
    "mechanism:vt-x-amd-v": ("vt-x-amd-v",),
}
COLUMN = {1: 400, 2: 192}
NARROW = 164
GAP = 12
ARROW = 24


def flows(page: Any, ref: str) -> str:
    shown = SHOWN_ON.get(ref, ())
    if not shown:
        return ""
    width = COLUMN.get(len(shown), NARROW)
    size = "l" if len(shown) == 1 else "s"
    d = Drawing(len(shown) * width + (len(shown) - 1) * GAP)
    titles = [_title(page, t) for t in shown]
    top = max(_heading(d, i * (width + GAP), width, title) for i, title in enumerate(titles))
    rows = _row_heights(page, shown, width, size)
    for i, technique in enumerate(shown):
        _column(page, d, i * (width + GAP), top, width, technique, rows, size)
    _legend(page, d, d.height + 14, shown)
    title = lb.ui(page, "flows-title", names=lb.joined(page, titles))
    desc = " ".join(_describe(page, t) for t in shown)
    return figure(
        f"atlas-dg-flow-{'-'.join(shown) if len(shown) < 4 else 'all'}", title, desc, d, scroll_label=title
    )


def _title(page: Any, technique: str) -> str:
    return lb.name_of(page, TECHNIQUES[technique][0], f"flow.{technique}")


def _heading(d: Drawing, x: float, width: float, text: str) -> float:
    lines = wrap(text, width, "l", bold=True)
    return d.lines(x + width / 2, 0, lines, "l", anchor="middle", bold=True) + 6


def _step(page: Any, technique: str, n: int) -> tuple[str, str]:
    actor = TECHNIQUES[technique][1][n]
    return lb.ui(page, f"actor.{actor}"), lb.ui(page, f"flow.{technique}.{n + 1}")


def _row_heights(page: Any, shown: tuple[str, ...], width: float, size: str) -> list[float]:
    """Height of each step row: the tallest box of that step over all columns."""
    heights = []
    for n in range(4):
        tallest = 0.0
        for technique in shown:
            _, text = _step(page, technique, n)
            tallest = max(tallest, block_height(text, width - 2 * PAD, size) + LEAD["s"])
        heights.append(tallest)
    return heights


def _column(
    page: Any, d: Drawing, x: float, top: float, width: float, technique: str, rows: list[float], size: str
) -> None:
    actors = TECHNIQUES[technique][1]
    y = top
    for n, height in enumerate(rows):
        actor, text = _step(page, technique, n)
        d.rect(x, y, width, height, ACTOR_LAYER[actors[n]])
        d.text(x + PAD, y + PAD + SIZE["s"], f"{n + 1} · {actor}", "s", bold=True)
        lines = wrap(text, width - 2 * PAD, size)
        text_top = y + LEAD["s"] + PAD + 2 + (height - LEAD["s"] - 2 * PAD - len(lines) * LEAD[size]) / 2
        d.lines(x + width / 2, text_top, lines, size, anchor="middle")
        if n < len(rows) - 1:
            cx = x + width / 2
            d.arrow(cx, y + height + 2, cx, y + height + ARROW - 2, accent=actors[n] != actors[n + 1])
        y += height + ARROW


def _legend(page: Any, d: Drawing, y: float, shown: tuple[str, ...]) -> None:
    """Colour swatches for the actors in view, then the hand-over arrow; wraps to the width."""
    actors = sorted({a for t in shown for a in TECHNIQUES[t][1]}, key=list(ACTOR_LAYER).index)
    items = [(ACTOR_LAYER[a], lb.ui(page, f"actor.{a}")) for a in actors] + [("", lb.ui(page, "handover"))]
    x = 0.0
    for layer, label in items:
        mark = 34 if not layer else 20
        if x and x + mark + text_width(label, "s") > d.width:
            x, y = 0.0, y + 22
        if layer:
            d.rect(x, y, 14, 14, layer)
        else:
            d.arrow(x, y + 7, x + 28, y + 7, accent=True)
        d.text(x + mark, y + 11.5, label, "s")
        x += mark + text_width(label, "s") + 16


def _describe(page: Any, technique: str) -> str:
    steps = []
    for n in range(4):
        actor, text = _step(page, technique, n)
        steps.append(f"{n + 1}. {actor}{lb.colon(page)}{text}{lb.sentence_end(page)}")
    return f"{_title(page, technique)}{lb.colon(page)}" + " ".join(steps)
