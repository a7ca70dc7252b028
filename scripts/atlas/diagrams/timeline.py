"""The timeline as a chart: years along the top, one lane per `lane` vocabulary value, a dot and a
short label per event. Wide on purpose: it scrolls sideways instead of shrinking its text.

The year axis gives busy years more room than quiet ones (every year is still labelled on the
axis), so the labels of a crowded decade stay readable without making the chart huge.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from . import labels as lb
from .svg import LEAD, PAD, Drawing, clip, esc, figure, text_width, wrap

YEAR_BASE = 10
YEAR_PER_EVENT = 12
YEAR_MAX = 72
LEFT = 128
LABEL = 210
ROW = 22
AXIS = 40
PALETTE = ("hypervisor", "hardware", "container", "app", "guest", "kernel")


@dataclass
class Scale:
    """x of the start of each year, from the first decade to the year after the last event."""

    starts: dict[int, float]
    widths: dict[int, float]

    @classmethod
    def of(cls, events: list[dict[str, Any]]) -> Scale:
        per_year = Counter(e["year"] for e in events)
        first, last = events[0]["year"] // 10 * 10, events[-1]["year"] + 1
        starts, widths, x = {}, {}, float(LEFT)
        for year in range(first, last + 1):
            starts[year] = x
            widths[year] = min(YEAR_BASE + YEAR_PER_EVENT * per_year[year], YEAR_MAX)
            x += widths[year]
        return cls(starts, widths)

    def x(self, event: dict[str, Any]) -> float:
        offset = (event["month"] - 0.5) / 12 if event.get("month") else 0.5
        return self.starts[event["year"]] + offset * self.widths[event["year"]]

    @property
    def end(self) -> float:
        return max(self.starts.values())


def timeline(page: Any, ref: str) -> str:
    events = sorted(page.model.all("timeline"), key=lambda e: (e["year"], e.get("month", 0), e["id"]))
    if not events:
        return ""
    scale = Scale.of(events)
    d = Drawing(scale.end + LABEL)
    lanes = [
        (lane, name, _pack(page, scale, [e for e in events if e["lane"] == lane]))
        for lane, name in _lane_names(page)
    ]
    _axis(d, scale, AXIS + sum(_lane_height(rows) for _, _, rows in lanes))
    y = AXIS
    for i, (_, name, rows) in enumerate(lanes):
        _lane(page, d, scale, y, PALETTE[i % len(PALETTE)], name, rows)
        y += _lane_height(rows)
    title = lb.ui(page, "timeline-title", first=events[0]["year"], last=events[-1]["year"])
    desc = lb.ui(
        page, "timeline-desc", n=len(events), lanes=lb.joined(page, [n for _, n in _lane_names(page)])
    )
    return figure("atlas-dg-timeline", title, desc, d, wide=True, scroll_label=title)


def _lane_names(page: Any) -> list[tuple[str, str]]:
    return [(value, page.label("lane", value)) for value in page.model.vocab.get("lane", {})]


def _label(page: Any, event: dict[str, Any]) -> str:
    return clip(f"{event['year']} {lb.plain(page, event['title'])}", LABEL - 12, "s")


def _pack(page: Any, scale: Scale, events: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Events in rows: each goes into the first row where its dot and label clear the last one."""
    rows: list[list[dict[str, Any]]] = []
    ends: list[float] = []
    for event in events:
        x = scale.x(event)
        row = next((r for r, end in enumerate(ends) if end + 10 < x - 5), len(rows))
        if row == len(rows):
            rows.append([])
            ends.append(0)
        rows[row].append(event)
        ends[row] = x + 8 + text_width(_label(page, event), "s")
    return rows


def _lane_height(rows: list[list[dict[str, Any]]]) -> float:
    return max(len(rows), 1) * ROW + 2 * PAD


def _axis(d: Drawing, scale: Scale, height: float) -> None:
    """Decades in bold with a grid line down through every lane, a tick for every year."""
    free = 0.0
    for year, x in scale.starts.items():
        short = f"’{year % 100:02d}"
        if year % 10 == 0:
            d.line(x, AXIS - 8, x, height, dashed=True)
            d.text(x + 4, AXIS - 20, str(year), "l", bold=True)
        if year % 10 and (year % 5 == 0 or scale.widths[year] >= 36) and x + 3 > free:
            d.line(x, AXIS - 6, x, AXIS)
            d.text(x + 3, AXIS - 6, short, "s")
            free = x + 3 + text_width(short, "s") + 6
        elif year % 10:
            d.line(x, AXIS - 3, x, AXIS)
    d.line(LEFT, AXIS, scale.end, AXIS)


def _lane(
    page: Any, d: Drawing, scale: Scale, top: float, layer: str, name: str, rows: list[list[dict[str, Any]]]
) -> None:
    height = _lane_height(rows)
    d.rect(0, top + 2, d.width, height - 4, layer, cls="atlas-d-band")
    lines = wrap(name, LEFT - 2 * PAD, "l", bold=True)
    d.lines(PAD, top + (height - len(lines) * LEAD["l"]) / 2, lines, "l", bold=True)
    for r, row in enumerate(rows):
        y = top + PAD + r * ROW + ROW / 2
        for event in row:
            x = scale.x(event)
            d.raw(f"<g><title>{esc(event['year'])} {esc(lb.plain(page, event['title']))}</title>")
            d.circle(x, y, 5, layer, cls="atlas-d-dot")
            d.text(x + 8, y + 4, _label(page, event), "s")
            d.raw("</g>")
