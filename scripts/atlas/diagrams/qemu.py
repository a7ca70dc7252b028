"""KVM and QEMU: the QEMU process in user space, its vCPU threads entering /dev/kvm, the kvm module,
virtio devices between guest drivers and QEMU's device models, and the hardware underneath."""

from __future__ import annotations

from typing import Any

from . import labels as lb
from .svg import LEAD, PAD, Drawing, figure, wrap

WIDTH = 400
ROW = 40
THREAD = 70
DEVICES_X = PAD + 2 * (THREAD + 8) + 10
KVM_W = DEVICES_X - 2 * PAD
KERNEL_ROW = 52


def kvm_qemu(page: Any, ref: str) -> str:
    d = Drawing(WIDTH)
    qemu, kvm = (
        lb.name_of(page, "product:qemu", "kvm.qemu-name"),
        lb.name_of(page, "product:kvm", "kvm.kvm-name"),
    )
    threads_bottom, devices_x = _user_space(page, d, qemu)
    kernel_top = threads_bottom + PAD + 44
    kernel_bottom = _kernel(page, d, kernel_top, kvm, devices_x)
    _hardware(page, d, kernel_bottom + 34, kernel_top + 24, devices_x)
    _calls(page, d, threads_bottom, kernel_top, devices_x)
    title = lb.ui(page, "kvm.title", kvm=kvm, qemu=qemu)
    return figure("atlas-dg-kvm", title, lb.ui(page, "kvm.desc", kvm=kvm, qemu=qemu), d)


def _user_space(page: Any, d: Drawing, qemu: str) -> tuple[float, float]:
    """QEMU's process box: the guest on top, vCPU threads and device models below; returns
    (bottom of the thread row, x of the device-model box)."""
    head = wrap(lb.ui(page, "kvm.process", qemu=qemu), WIDTH - 2 * PAD, "l", bold=True)
    guest_y = PAD + len(head) * LEAD["l"] + 4
    threads_y = guest_y + ROW + 30
    bottom = threads_y + ROW + PAD
    d.rect(0, 0, WIDTH, bottom, "app")
    d.lines(WIDTH / 2, PAD, head, "l", anchor="middle", bold=True)
    d.box(PAD, guest_y, WIDTH - 2 * PAD, ROW, "guest", lb.ui(page, "kvm.guest"), "s")
    for i in range(2):
        d.box(PAD + i * (THREAD + 8), threads_y, THREAD, ROW, "paper", lb.ui(page, "kvm.vcpu", n=i + 1), "s")
    devices_x = DEVICES_X
    d.box(devices_x, threads_y, WIDTH - PAD - devices_x, ROW, "paper", lb.ui(page, "kvm.devices"), "s")
    queue_x = devices_x + (WIDTH - PAD - devices_x) / 2
    d.arrow(queue_x, guest_y + ROW + 2, queue_x, threads_y - 2, both=True, dashed=True)
    d.text(queue_x + 8, guest_y + ROW + 19, lb.ui(page, "kvm.virtqueues"), "s")
    for i in range(2):
        x = PAD + i * (THREAD + 8) + THREAD / 2
        d.line(x, threads_y - 2, x, guest_y + ROW + 2, dashed=True)
    d.text(PAD + THREAD * 1.5 + 8 + 6, guest_y + ROW + 19, lb.ui(page, "kvm.runs"), "s")
    return threads_y + ROW, devices_x


def _kernel(page: Any, d: Drawing, top: float, kvm: str, devices_x: float) -> float:
    bottom = top + 24 + KERNEL_ROW + PAD
    d.rect(0, top, WIDTH, bottom - top, "none", dashed=True)
    d.text(WIDTH - PAD, top + 17, lb.ui(page, "kvm.kernel"), "s", anchor="end", bold=True)
    d.box(
        PAD,
        top + 24,
        KVM_W,
        KERNEL_ROW,
        "kernel",
        lb.ui(page, "kvm.module", kvm=kvm),
        "s",
        sub=lb.ui(page, "kvm.module-files"),
        sub_mono=True,
    )
    d.box(devices_x, top + 24, WIDTH - PAD - devices_x, KERNEL_ROW, "kernel", lb.ui(page, "kvm.drivers"), "s")
    dev_w = 96
    d.box(PAD + THREAD + 4 - dev_w / 2, top - 14, dev_w, 28, "paper", lb.ui(page, "kvm.dev"), "s", mono=True)
    return bottom


def _hardware(page: Any, d: Drawing, top: float, module_top: float, devices_x: float) -> None:
    d.box(PAD, top, KVM_W, ROW, "hardware", lb.ui(page, "kvm.cpu"), "s")
    d.box(devices_x, top, WIDTH - PAD - devices_x, ROW, "hardware", lb.ui(page, "kvm.io"), "s")
    x = PAD + KVM_W / 2
    d.arrow(x, module_top + KERNEL_ROW + 2, x, top - 2, accent=True, both=True)
    d.text(x + 8, top - 12, lb.ui(page, "kvm.entry-exit"), "s")
    io_x = devices_x + (WIDTH - PAD - devices_x) / 2
    d.arrow(io_x, module_top + KERNEL_ROW + 2, io_x, top - 2, both=True)


def _calls(page: Any, d: Drawing, threads_bottom: float, kernel_top: float, devices_x: float) -> None:
    """vCPU threads call KVM_RUN on /dev/kvm; device models reach the host drivers by system calls."""
    target = PAD + THREAD + 4
    for i in range(2):
        x = PAD + i * (THREAD + 8) + THREAD / 2
        d.arrow(x, threads_bottom + 2, target + (i - 0.5) * 24, kernel_top - 16, accent=True)
    d.text(target + 40, threads_bottom + 22, lb.ui(page, "kvm.ioctl"), "s", mono=True)
    io_x = devices_x + (WIDTH - PAD - devices_x) / 2
    d.arrow(io_x, threads_bottom + 2, io_x, kernel_top + 22, both=True)
    d.text(io_x + 8, threads_bottom + 22, lb.ui(page, "kvm.syscalls"), "s")
