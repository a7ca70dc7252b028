"""SVG primitives shared by every diagram: one type scale, one stroke, one corner radius.

Colours are never written here: shapes get a class (`atlas-d-<layer>`, defined in atlas.css) and
text is `currentColor`, so both palettes (light and dark) apply. Every string is XML-escaped.
"""

from __future__ import annotations

import html
import math
import unicodedata
from dataclasses import dataclass, field
from functools import cache

# Type scale (px in the SVG's own units) and the line height that goes with each size.
SIZE = {"h": 16, "l": 14, "s": 12}
LEAD = {"h": 20, "l": 18, "s": 15}
RADIUS = 6
PAD = 8
# Smallest text a reader gets on a phone; a diagram that would scale below it scrolls instead.
MIN_EFFECTIVE_PX = 10.5
PHONE_WIDTH = 358
# On wide screens a diagram may grow this much past its drawn size (14px labels -> 16px, body size).
MAX_SCALE = 1.15
LAYERS = ("hardware", "kernel", "hypervisor", "guest", "app", "container", "muted", "paper", "none")
_OPENING = "（「『“‘《〈【"
_CLOSING = "，。、；：！？）」』”’》〉】…"


def esc(text: object) -> str:
    return html.escape(" ".join(str(text).split()), quote=True)


# --- measuring and wrapping text -----------------------------------------------------------
@cache
def _char_width(char: str, mono: bool) -> float:
    if unicodedata.east_asian_width(char) in "WF":
        return 1.0
    if mono:
        return 0.61
    if char == " ":
        return 0.32
    if char in "iljtf.,:;'|!()[]`":
        return 0.34
    if char.isupper() or char in "mw%@":
        return 0.7
    return 0.56


@cache  # the same labels recur on every page that has the diagram
def text_width(text: str, size: str = "l", mono: bool = False, bold: bool = False) -> float:
    """A generous estimate of rendered width (system fonts differ; DejaVu is among the widest)."""
    width = sum(_char_width(c, mono) for c in text) * SIZE[size]
    return width * (1.06 if bold else 1.0)


def _units(text: str) -> list[tuple[str, bool]]:
    """(unit, space before) pieces a line may break between: words, and single CJK characters."""
    units: list[tuple[str, bool]] = []
    for word_index, word in enumerate(text.split()):
        space = word_index > 0
        current = ""
        for char in word:
            wide = unicodedata.east_asian_width(char) in "WF"
            if char in _CLOSING and (current or units):
                current += char
                continue
            if wide and current and current[-1] not in _OPENING:
                units.append((current, space))
                space, current = False, ""
            current += char
            if wide and char not in _OPENING:
                units.append((current, space))
                space, current = False, ""
        if current:
            units.append((current, space))
    return _attach_closing(units)


def _attach_closing(units: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for unit, space in units:
        if out and not space and unit[0] in _CLOSING:
            out[-1] = (out[-1][0] + unit, out[-1][1])
        else:
            out.append((unit, space))
    return out


def wrap(text: str, width: float, size: str = "l", mono: bool = False, bold: bool = False) -> list[str]:
    """Lines that fit `width`, broken at spaces and between CJK characters; a trailing
    parenthesis goes onto a line of its own when that costs no extra line."""
    return list(_wrapped(text, width, size, mono, bold))


@cache  # the same labels recur on every page that has the diagram
def _wrapped(text: str, width: float, size: str, mono: bool, bold: bool) -> tuple[str, ...]:
    lines = _greedy(text, width, size, mono, bold)
    cut = max(text.rfind("（"), text.rfind(" ("))
    if len(lines) > 1 and cut > 0 and text.rstrip()[-1] in ")）":
        head, tail = text[:cut].strip(), text[cut:].strip()
        split = _greedy(head, width, size, mono, bold) + _greedy(tail, width, size, mono, bold)
        if len(split) <= len(lines):
            return tuple(split)
    return tuple(lines)


def _greedy(text: str, width: float, size: str, mono: bool, bold: bool) -> list[str]:
    lines: list[str] = []
    line = ""
    for unit, space in _units(text):
        candidate = line + (" " if space and line else "") + unit
        if line and text_width(candidate, size, mono, bold) > width:
            lines.append(line)
            line = unit
        else:
            line = candidate
    if line:
        lines.append(line)
    return _no_orphan(lines, width, size, mono, bold)


def _no_orphan(lines: list[str], width: float, size: str, mono: bool, bold: bool) -> list[str]:
    """A single CJK character left alone on the last line takes one more from the line above."""
    if (
        len(lines) > 1
        and len(lines[-1]) <= 2
        and all(unicodedata.east_asian_width(c) in "WF" for c in lines[-1])
    ):
        before = lines[-2]
        if (
            len(before) > 2
            and unicodedata.east_asian_width(before[-1]) in "WF"
            and before[-1] not in _OPENING
        ):
            return [*lines[:-2], before[:-1], before[-1] + lines[-1]]
    return lines


def clip(text: str, width: float, size: str = "s") -> str:
    """The text, shortened with an ellipsis to fit `width`."""
    text = " ".join(text.split())
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip(" ,;:，、") + "…"


# --- drawing ---------------------------------------------------------------------------------
@dataclass
class Drawing:
    """Shapes in document order; `height` grows with what is drawn."""

    width: float
    height: float = 0
    parts: list[str] = field(default_factory=list)
    fonts: set[str] = field(default_factory=set)
    margin: float = 4

    def _grow(self, bottom: float) -> None:
        self.height = max(self.height, bottom)

    def raw(self, markup: str) -> None:
        self.parts.append(markup)

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        layer: str = "paper",
        *,
        dashed: bool = False,
        strong: bool = False,
        cls: str = "",
    ) -> None:
        classes = ["atlas-d-box", f"atlas-d-{layer}"]
        classes += ["atlas-d-dashed"] if dashed else []
        classes += ["atlas-d-strong"] if strong else []
        classes += [cls] if cls else []
        self.parts.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" '
            f'rx="{RADIUS}" class="{" ".join(classes)}"/>'
        )
        self._grow(y + h)

    def circle(self, cx: float, cy: float, r: float, layer: str = "paper", cls: str = "") -> None:
        extra = f" {cls}" if cls else ""
        self.parts.append(
            f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" class="atlas-d-box atlas-d-{layer}{extra}"/>'
        )
        self._grow(cy + r)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: str = "l",
        *,
        anchor: str = "start",
        bold: bool = False,
        mono: bool = False,
        cls: str = "",
    ) -> None:
        """One line of text; `y` is the baseline."""
        classes = [f"atlas-t-{size}"] + (["atlas-t-b"] if bold else []) + (["atlas-t-m"] if mono else [])
        classes += [cls] if cls else []
        self.fonts.add(size)
        anchor_attr = "" if anchor == "start" else f' text-anchor="{anchor}"'
        self.parts.append(
            f'<text x="{_n(x)}" y="{_n(y)}"{anchor_attr} class="{" ".join(classes)}">{esc(text)}</text>'
        )
        self._grow(y + SIZE[size] * 0.3)

    def lines(self, x: float, top: float, lines: list[str], size: str = "l", **kw) -> float:
        """Lines set from `top` (the top of the first line's box); returns the bottom."""
        y = top
        for line in lines:
            self.text(x, y + LEAD[size] * 0.75, line, size, **kw)
            y += LEAD[size]
        return y

    def line(
        self, x1: float, y1: float, x2: float, y2: float, *, accent: bool = False, dashed: bool = False
    ) -> None:
        classes = (
            ["atlas-d-line"] + (["atlas-d-accent"] if accent else []) + (["atlas-d-dashed"] if dashed else [])
        )
        self.parts.append(
            f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" class="{" ".join(classes)}"/>'
        )
        self._grow(max(y1, y2))

    def arrow(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        *,
        accent: bool = False,
        dashed: bool = False,
        both: bool = False,
    ) -> None:
        """A line with a solid head at (x2, y2) (and at the start when `both`)."""
        self.line(*_shorten(x1, y1, x2, y2, 6 if both else 0, 6), accent=accent, dashed=dashed)
        self._head(x1, y1, x2, y2, accent)
        if both:
            self._head(x2, y2, x1, y1, accent)

    def _head(self, x1: float, y1: float, x2: float, y2: float, accent: bool) -> None:
        angle = math.atan2(y2 - y1, x2 - x1)
        points = [(x2, y2)]
        for side in (-1, 1):
            a = angle + math.pi - side * 0.45
            points.append((x2 + 9 * math.cos(a), y2 + 9 * math.sin(a)))
        cls = "atlas-d-head" + (" atlas-d-accent" if accent else "")
        coords = " ".join(f"{_n(px)},{_n(py)}" for px, py in points)
        self.parts.append(f'<polygon points="{coords}" class="{cls}"/>')

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        layer: str,
        label: str,
        size: str = "l",
        *,
        bold: bool = False,
        mono: bool = False,
        sub: str = "",
        sub_mono: bool = False,
        pad: float = PAD,
        **rect_kw,
    ) -> None:
        """A box with its label (and an optional second, smaller line) centred inside."""
        self.rect(x, y, w, h, layer, **rect_kw)
        self.centered(
            x + w / 2, y, h, label, w - 2 * pad, size, bold=bold, mono=mono, sub=sub, sub_mono=sub_mono
        )

    def centered(
        self,
        cx: float,
        top: float,
        h: float,
        label: str,
        width: float,
        size: str = "l",
        *,
        bold: bool = False,
        mono: bool = False,
        sub: str = "",
        sub_mono: bool = False,
    ) -> None:
        """Wrapped label (and sub-label) centred horizontally at `cx` and vertically in `h`."""
        main = wrap(label, width, size, mono, bold) if label else []
        extra = wrap(sub, width, "s", mono=sub_mono) if sub else []
        total = len(main) * LEAD[size] + len(extra) * LEAD["s"]
        y = top + (h - total) / 2
        y = self.lines(cx, y, main, size, anchor="middle", bold=bold, mono=mono)
        self.lines(cx, y, extra, "s", anchor="middle", mono=sub_mono)


def block_height(
    text: str, width: float, size: str = "l", *, sub: str = "", bold: bool = False, sub_mono: bool = False
) -> float:
    """Height a `Drawing.box` needs for this label at this inner width (padding included)."""
    main = len(wrap(text, width, size, bold=bold)) * LEAD[size] if text else 0
    extra = len(wrap(sub, width, "s", mono=sub_mono)) * LEAD["s"] if sub else 0
    return main + extra + 2 * PAD


def _shorten(x1: float, y1: float, x2: float, y2: float, start: float, end: float):
    length = math.hypot(x2 - x1, y2 - y1) or 1
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    return x1 + ux * start, y1 + uy * start, x2 - ux * end, y2 - uy * end


def _n(value: float) -> str:
    """Numbers as short, stable strings (no float noise in the output)."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


# --- the figure around a drawing -----------------------------------------------------------------
def figure(
    fid: str, title: str, desc: str, drawing: Drawing, *, scroll_label: str = "", wide: bool = False
) -> str:
    """`<figure>` HTML: no blank line inside, blank lines around (Python-Markdown keeps it raw).

    A drawing scales down with the page until its smallest text would fall below
    MIN_EFFECTIVE_PX; from there it keeps its size inside a horizontally scrolling region.
    `wide` drawings (the timeline) never scale.
    """
    m = drawing.margin
    width, height = math.ceil(drawing.width + 2 * m), math.ceil(drawing.height + PAD + 2 * m)
    smallest = min((SIZE[s] for s in drawing.fonts), default=SIZE["l"])
    min_width = math.ceil(width * MIN_EFFECTIVE_PX / smallest)
    if wide:
        size = f'width="{width}" height="{height}"'
    else:
        style = f"max-width: {math.ceil(width * MAX_SCALE)}px" + (
            f"; min-width: {min_width}px" if min_width > PHONE_WIDTH else ""
        )
        size = f'width="100%" style="{style}"'
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="atlas-svg" '
        f'viewBox="{_n(-m)} {_n(-m)} {width} {height}" {size} '
        f'role="img" aria-labelledby="{fid}-t {fid}-d">\n'
        f'<title id="{fid}-t">{esc(title)}</title>\n<desc id="{fid}-d">{esc(desc)}</desc>\n'
        + "\n".join(drawing.parts)
        + "\n</svg>"
    )
    if wide or min_width > PHONE_WIDTH:
        label = esc(scroll_label or title)
        svg = f'<div class="atlas-scroll" tabindex="0" role="region" aria-label="{label}">\n{svg}\n</div>'
    # data-search-exclude: the drawing's labels repeat the page's text; search snippets skip them
    figure = '<figure class="atlas-figure" data-search-exclude="">'
    return f"\n{figure}\n{svg}\n<figcaption>{esc(title)}</figcaption>\n</figure>\n\n"
