"""Layer stacks: containers next to virtual machines, and Type 1 next to Type 2 hypervisors.

Every row is ROW high on a PITCH grid, so the layers of two stacks drawn side by side line up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import labels as lb
from .svg import Drawing, figure, wrap

WIDTH = 400
COLUMN = 190
GAP = 20
ROW = 36
PITCH = 40
FRAME_HEAD = 6


@dataclass
class Layer:
    layer: str
    label: str
    size: str = "s"
    rows: int = 1


def heading(d: Drawing, x: float, y: float, w: float, text: str) -> float:
    """A column heading, wrapped and centred; returns the bottom."""
    return d.lines(x + w / 2, y, wrap(text, w, "h", bold=True), "h", anchor="middle", bold=True) + 6


def instances(d: Drawing, x: float, y: float, w: float, count: int, rows: list[Layer], frame: str) -> float:
    """`count` framed instances side by side (VMs, containers), each holding `rows` top down."""
    inner = (w - (count - 1) * 6) / count
    height = FRAME_HEAD + len(rows) * PITCH
    for i in range(count):
        left = x + i * (inner + 6)
        d.rect(left, y, inner, height, frame, dashed=True, cls="atlas-d-frame")
        for j, row in enumerate(rows):
            d.box(left + 4, y + FRAME_HEAD + j * PITCH, inner - 8, ROW, row.layer, row.label, row.size, pad=4)
    return y + height + 6


def layers(d: Drawing, x: float, y: float, w: float, rows: list[Layer]) -> float:
    """Full-width layers top down; returns the bottom."""
    for row in rows:
        height = ROW + (row.rows - 1) * PITCH
        d.box(x, y, w, height, row.layer, row.label, row.size)
        y += height + PITCH - ROW
    return y


def _columns(page: Any, d: Drawing, left: str, right: str) -> float:
    return max(heading(d, 0, 0, COLUMN, left), heading(d, COLUMN + GAP, 0, COLUMN, right))


# --- containers vs virtual machines ------------------------------------------------------------
def containers_vs_vms(page: Any, ref: str) -> str:
    d = Drawing(WIDTH)
    top = _columns(page, d, page.uiraw("vms"), page.uiraw("containers"))
    app, libs = Layer("app", lb.ui(page, "app")), Layer("paper", lb.ui(page, "libs"))
    guest = Layer("guest", lb.ui(page, "guest-os"))
    hardware = Layer("hardware", lb.ui(page, "hardware"), "l")
    below = instances(d, 0, top, COLUMN, 2, [app, libs, guest], "guest")
    layers(d, 0, below, COLUMN, [Layer("hypervisor", lb.ui(page, "hypervisor"), "l"), hardware])
    x = COLUMN + GAP
    below = instances(d, x, top, COLUMN, 3, [app, libs], "container")
    layers(
        d,
        x,
        below,
        COLUMN,
        [
            Layer("container", lb.ui(page, "engine"), "l"),
            Layer("kernel", lb.ui(page, "shared-kernel"), "l"),
            hardware,
        ],
    )
    return figure("atlas-dg-cvm", lb.ui(page, "cvm-title"), lb.ui(page, "cvm-desc"), d)


# --- Type 1 vs Type 2 ------------------------------------------------------------------------------
def hypervisor_types(page: Any, ref: str) -> str:
    records = [lb.record(page, f"hypervisor-type:type-{n}") for n in (1, 2)]
    if not all(records):
        return ""
    d = Drawing(WIDTH)
    names = [page.name("hypervisor-types", r) for r in records]
    top = _columns(page, d, *names)
    vm_rows = [Layer("app", lb.ui(page, "app")), Layer("guest", lb.ui(page, "guest-os"))]
    bottom = max(_type1(page, d, top, vm_rows), _type2(page, d, top, vm_rows))
    for i, record in enumerate(records):
        line = lb.ui(page, "examples", names=lb.product_names(page, record.get("examples", []), 3))
        d.lines(i * (COLUMN + GAP) + COLUMN / 2, bottom, wrap(line, COLUMN, "s"), "s", anchor="middle")
    current = {"hypervisor-type:type-1": 0, "hypervisor-type:type-2": 1}.get(ref)
    if current is not None:
        d.rect(current * (COLUMN + GAP) - 3, -3, COLUMN + 6, d.height + 6, "none", strong=True)
        d.parts.insert(0, d.parts.pop())
    title = lb.ui(page, "types-title", a=names[0], b=names[1])
    return figure("atlas-dg-hvtypes", title, lb.ui(page, "types-desc"), d)


def _type1(page: Any, d: Drawing, top: float, rows: list[Layer]) -> float:
    below = instances(d, 0, top, COLUMN, 2, rows, "guest")
    return layers(
        d,
        0,
        below,
        COLUMN,
        [
            Layer("hypervisor", lb.ui(page, "hypervisor"), "l", 2),
            Layer("hardware", lb.ui(page, "hardware"), "l"),
        ],
    )


def _type2(page: Any, d: Drawing, top: float, rows: list[Layer]) -> float:
    x, apps = COLUMN + GAP, 64
    vms = COLUMN - apps - 6
    below = instances(d, x, top, vms, 2, rows, "guest")
    d.box(x, below, vms, ROW, "hypervisor", lb.ui(page, "hypervisor"), "s")
    d.box(x + vms + 6, top, apps, below + ROW - top, "app", lb.ui(page, "other-apps"), "s")
    return layers(
        d,
        x,
        below + PITCH,
        COLUMN,
        [Layer("kernel", lb.ui(page, "host-os"), "l"), Layer("hardware", lb.ui(page, "hardware"), "l")],
    )
