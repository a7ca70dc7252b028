"""Hyper-V's partition design: a root partition and child partitions above the hypervisor, joined by VMBus."""

from __future__ import annotations

from typing import Any

from . import labels as lb
from .svg import LEAD, PAD, Drawing, figure, wrap

WIDTH = 400
ROOT = 196
CHILD = 92
GAP = 10
ROW = 40
KERNEL_ROW = 52
DIRECT = 150


def hyper_v(page: Any, ref: str) -> str:
    d = Drawing(WIDTH)
    head = _head_height(page)
    user_y = head + PAD
    kernel_y = user_y + ROW + 8
    bottom = kernel_y + KERNEL_ROW + PAD
    _root(page, d, head, user_y, kernel_y, bottom)
    for i in range(2):
        _child(page, d, ROOT + GAP + i * (CHILD + GAP), head, user_y, kernel_y, bottom, i + 1)
    bus_y = bottom + 18
    _vmbus(page, d, kernel_y + KERNEL_ROW, bus_y)
    hv_y = bus_y + 28 + 14
    d.rect(0, hv_y, WIDTH, ROW + 4, "hypervisor")
    d.centered(
        (DIRECT + WIDTH) / 2,
        hv_y,
        ROW + 4,
        lb.ui(page, "hypervisor"),
        WIDTH - DIRECT - PAD,
        "l",
        sub=lb.ui(page, "hv.hypercalls"),
    )
    hw_y = hv_y + ROW + 10
    d.box(0, hw_y, WIDTH, ROW - 4, "hardware", lb.ui(page, "hardware"), "l")
    drivers_x = PAD + (ROOT - 3 * PAD) / 4
    d.arrow(drivers_x, kernel_y + KERNEL_ROW + 2, drivers_x, hw_y - 2, dashed=True)
    d.lines(drivers_x + 6, hv_y + 4, wrap(lb.ui(page, "hv.direct"), DIRECT - drivers_x - 6, "s"), "s")
    title = lb.ui(page, "hv.title", name=lb.name_of(page, "product:hyper-v", "hv.product"))
    return figure("atlas-dg-hyperv", title, lb.ui(page, "hv.desc"), d)


def _head_height(page: Any) -> float:
    root = wrap(lb.ui(page, "hv.root"), ROOT - 2 * PAD, "s", bold=True)
    child = wrap(lb.ui(page, "hv.child", n=1), CHILD - 2 * PAD, "s", bold=True)
    return PAD + max(len(root), len(child)) * LEAD["s"]


def _root(page: Any, d: Drawing, head: float, user_y: float, kernel_y: float, bottom: float) -> None:
    d.rect(0, 0, ROOT, bottom, "none", dashed=True)
    d.lines(
        ROOT / 2,
        PAD,
        wrap(lb.ui(page, "hv.root"), ROOT - 2 * PAD, "s", bold=True),
        "s",
        anchor="middle",
        bold=True,
    )
    d.box(PAD, user_y, ROOT - 2 * PAD, ROW, "app", lb.ui(page, "hv.stack"), "s")
    half = (ROOT - 3 * PAD) / 2
    d.box(PAD, kernel_y, half, KERNEL_ROW, "kernel", lb.ui(page, "hv.drivers"), "s")
    d.box(2 * PAD + half, kernel_y, half, KERNEL_ROW, "kernel", lb.ui(page, "hv.vsp"), "s")


def _child(
    page: Any, d: Drawing, x: float, head: float, user_y: float, kernel_y: float, bottom: float, n: int
) -> None:
    d.rect(x, 0, CHILD, bottom, "none", dashed=True)
    d.lines(
        x + CHILD / 2,
        PAD,
        wrap(lb.ui(page, "hv.child", n=n), CHILD - 2 * PAD, "s", bold=True),
        "s",
        anchor="middle",
        bold=True,
    )
    d.box(x + PAD, user_y, CHILD - 2 * PAD, ROW, "app", lb.ui(page, "app"), "s")
    d.box(x + PAD, kernel_y, CHILD - 2 * PAD, KERNEL_ROW, "guest", lb.ui(page, "hv.vsc"), "s")


def _vmbus(page: Any, d: Drawing, top: float, bus_y: float) -> None:
    """A bus under the partitions with a drop from the VSP and from each VSC."""
    vsp_x = 2 * PAD + (ROOT - 3 * PAD) * 0.75
    drops = [vsp_x] + [ROOT + GAP + i * (CHILD + GAP) + CHILD / 2 for i in range(2)]
    d.rect(vsp_x - 36, bus_y, WIDTH - vsp_x + 36, 28, "container")
    d.text((vsp_x - 36 + WIDTH) / 2, bus_y + 19, lb.ui(page, "hv.vmbus"), "l", anchor="middle", bold=True)
    for x in drops:
        d.arrow(x, top + 2, x, bus_y - 1, both=True, accent=True)
