"""A container process with the namespaces it sees through and the cgroup controllers that limit it.

Drawn from data/kernel-features.yaml: every `namespace` record is a card (name and clone flag),
every `cgroup-controller` record a chip, so a new record shows up without touching this file.
"""

from __future__ import annotations

import math
from typing import Any

from . import labels as lb
from .svg import LEAD, PAD, Drawing, block_height, figure, wrap

WIDTH = 400
CARD = 140
GAP = 8
COLUMNS = 3


def container_process(page: Any, ref: str) -> str:
    namespaces = page.kernel_features("namespaces")
    groups = page.kernel_features("cgroups")
    controllers = [f for f in groups if f["group"] == "cgroup-controller"]
    versions = [f for f in groups if f["group"] == "cgroup-version"]
    if not namespaces and not controllers:
        return ""
    d = Drawing(WIDTH)
    process = _namespaces(page, d, namespaces)
    _cgroups(page, d, process, controllers, versions)
    return figure("atlas-dg-kernel", lb.ui(page, "kernel-title"), _describe(page, namespaces, controllers), d)


def _card_height(page: Any, features: list[dict[str, Any]]) -> float:
    inner = CARD - 2 * PAD
    return max(
        (block_height(page.t(f["name"]), inner, "l", sub=f.get("flag", ""), sub_mono=True) for f in features),
        default=0,
    )


def _namespaces(page: Any, d: Drawing, features: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    """Cards in two columns around the process box; returns the process box (x, bottom, width)."""
    d.text(WIDTH / 2, LEAD["l"] - 4, lb.ui(page, "namespaces-heading"), "l", anchor="middle", bold=True)
    top = LEAD["l"] + 6
    height = _card_height(page, features)
    left_count = math.ceil(len(features) / 2)
    columns = (features[:left_count], features[left_count:])
    rows = max(len(c) for c in columns) if features else 0
    span = max(rows * height + (rows - 1) * GAP, 70)
    box_w = WIDTH - 2 * CARD - 2 * 14
    box_x, box_h = CARD + 14, min(span, 90)
    box_y = top + (span - box_h) / 2
    for side, column in enumerate(columns):
        x = 0 if side == 0 else WIDTH - CARD
        for i, feature in enumerate(column):
            y = top + i * (height + GAP)
            edge = x + CARD if side == 0 else x
            d.line(edge, y + height / 2, box_x if side == 0 else box_x + box_w, box_y + box_h / 2)
            d.box(
                x,
                y,
                CARD,
                height,
                "kernel",
                page.t(feature["name"]),
                "l",
                sub=feature.get("flag", ""),
                sub_mono=True,
            )
    d.box(box_x, box_y, box_w, box_h, "container", lb.ui(page, "process"), "l", bold=True, strong=True)
    return box_x, box_y + box_h, box_w, top + span


def _cgroups(
    page: Any,
    d: Drawing,
    process: tuple[float, float, float, float],
    controllers: list[dict[str, Any]],
    versions: list[dict[str, Any]],
) -> None:
    if not controllers:
        return
    box_x, box_bottom, box_w, bottom = process
    top = bottom + 24
    d.line(box_x + box_w / 2, box_bottom, box_x + box_w / 2, top)
    heading = wrap(lb.ui(page, "cgroups-heading"), WIDTH - 2 * PAD, "l", bold=True)
    version_lines = [line for v in versions for line in wrap(_version_line(page, v), WIDTH - 2 * PAD, "s")]
    chips_top = top + PAD + len(heading) * LEAD["l"] + len(version_lines) * LEAD["s"] + 6
    chip_w = (WIDTH - 2 * PAD - (COLUMNS - 1) * 6) / COLUMNS
    chip_h = max(
        block_height(page.t(c["name"]), chip_w - 2 * PAD, "s", sub=_versions(c)) for c in controllers
    )
    rows = math.ceil(len(controllers) / COLUMNS)
    frame_h = chips_top - top + rows * (chip_h + 6) + PAD - 6
    d.rect(0, top, WIDTH, frame_h, "none", dashed=True)
    y = d.lines(WIDTH / 2, top + PAD, heading, "l", anchor="middle", bold=True)
    d.lines(WIDTH / 2, y, version_lines, "s", anchor="middle")
    for i, controller in enumerate(controllers):
        x = PAD + (i % COLUMNS) * (chip_w + 6)
        y = chips_top + (i // COLUMNS) * (chip_h + 6)
        d.box(x, y, chip_w, chip_h, "app", page.t(controller["name"]), "s", sub=_versions(controller))


def _version_line(page: Any, version: dict[str, Any]) -> str:
    return f"{page.t(version['name'])}{lb.colon(page)}{lb.ui(page, 'linux', v=version['kernel_version'])}"


def _versions(feature: dict[str, Any]) -> str:
    return " · ".join(feature.get("cgroup_versions", []))


def _describe(page: Any, namespaces: list[dict[str, Any]], controllers: list[dict[str, Any]]) -> str:
    ns = lb.joined(page, [f"{page.t(f['name'])} ({f.get('flag', '')})" for f in namespaces])
    cg = lb.joined(page, [page.t(f["name"]) for f in controllers])
    return lb.ui(page, "kernel-desc", namespaces=ns, controllers=cg)
