"""Inline SVG diagrams drawn from the data: `diagrams_for(page, ref)` -> Markdown-safe HTML or "".

Each drawer takes (page, ref) and returns one `<figure>` block (or "" when its data is missing).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import flows, kernel, partitions, product, qemu, rings, stacks, timeline

Drawer = Callable[[Any, str], str]

PAGES: dict[str, list[Drawer]] = {
    "page:home": [stacks.containers_vs_vms],
    "page:containers-vs-vms": [stacks.containers_vs_vms],
    "page:hypervisor-types": [stacks.hypervisor_types],
    "page:rings": [rings.rings],
    "page:namespaces": [kernel.container_process],
    "page:cgroups": [kernel.container_process],
    "page:timeline": [timeline.timeline],
    "page:types": [flows.flows],
    "type:full-virtualization": [flows.flows],
    "type:paravirtualization": [flows.flows],
    "type:hardware-assisted": [flows.flows],
    "type:emulation": [flows.flows],
    "type:os-level": [stacks.containers_vs_vms],
    "hypervisor-type:type-1": [stacks.hypervisor_types],
    "hypervisor-type:type-2": [stacks.hypervisor_types],
    "hypervisor-type:hybrid": [partitions.hyper_v],
    "mechanism:trap-and-emulate": [flows.flows],
    "mechanism:binary-translation": [flows.flows],
    "mechanism:hypercalls": [flows.flows],
    "mechanism:vt-x-amd-v": [flows.flows],
    "mechanism:kvm-qemu": [qemu.kvm_qemu],
}
KINDS: dict[str, list[Drawer]] = {"product": [product.strip]}


def drawers(ref: str) -> list[Drawer]:
    return PAGES.get(ref) or KINDS.get(ref.partition(":")[0], [])


def diagrams_for(page: Any, ref: str) -> str:
    """Every diagram of `ref` as raw HTML blocks, blank lines around each; "" when there is none."""
    return "".join(draw(page, ref) for draw in drawers(ref))
