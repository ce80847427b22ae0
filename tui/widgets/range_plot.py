"""Each claim's interval on one shared axis, one row per claim, in date order.

So a reader sees at a glance that mid-October "several thousand" became "about 12,000" two
weeks later. Drawn as text: ━ the interval, ● the stated figure, ▶ or ◀ where the hedge
leaves it open ("more than 10,000"). A logarithmic axis when the figures span more than
twentyfold, so "thousands" (2,000 to 99,999) does not flatten everything else.
"""

from __future__ import annotations

import math
import re

from rich.text import Text
from textual.widgets import Static

from extract.text import inert
from store import Comparable, day_in_words, number_in_words, tolerance_interval

LABEL_WIDTH = 30  # at most; a third of a narrow plot


def _label(claim: Comparable, room: int) -> str:
    """ "7 Mar Le Monde: CGT": the day it holds on, the outlet, and whom it cites."""
    day = day_in_words(claim.date, year=False) if claim.date else "?"
    outlet = re.split(r" \(|, ", claim.source)[0]  # "Le Monde (English edition), with AFP"
    who = f"{outlet}: {claim.attributed_to}" if claim.attributed_to else outlet
    text = inert(f"{day} {who}")
    return (text[: room - 1] + "…") if len(text) > room else text.ljust(room)


def range_plot(members: list[Comparable], width: int, height: int = 0) -> Text:
    """The plot as rich Text, width cells wide; given a height, as many rows as fit above
    the axis, which is always drawn."""
    rows = [(m, *tolerance_interval(m)) for m in members if m.kind == "quantity"]
    if height > 1:
        rows = rows[: height - 1]
    if not rows:
        return Text("No figures to plot: this group holds statements.", style="dim")
    finite = [v for _, lo, hi in rows for v in (lo, hi) if math.isfinite(v)]
    finite += [m.value for m, _, _ in rows if m.value is not None]
    low, high = min(finite), max(finite)
    log = low > 0 and high / low > 20
    if high == low:
        low, high = low * 0.9, high * 1.1 or 1
    pad = (math.log10(high) - math.log10(low)) * 0.05 if log else (high - low) * 0.05
    room = min(LABEL_WIDTH, width // 3)
    span = max(width - room - 2, 10)

    def col(value: float) -> int:
        if log:
            lo, hi = math.log10(low) - pad, math.log10(high) + pad
            position = (math.log10(max(value, 1e-9)) - lo) / (hi - lo)
        else:
            position = (value - (low - pad)) / ((high + pad) - (low - pad))
        return max(0, min(span - 1, round(position * (span - 1))))

    text = Text()
    for claim, lo, hi in rows:
        cells = [" "] * span
        start = 0 if not math.isfinite(lo) else col(lo)
        end = span - 1 if not math.isfinite(hi) else col(hi)
        for i in range(start, end + 1):
            cells[i] = "━"
        if not math.isfinite(lo):
            cells[0] = "◀"
        if not math.isfinite(hi):
            cells[-1] = "▶"
        if claim.value is not None:
            cells[col(claim.value)] = "●"
        text.append(_label(claim, room), style="dim")
        text.append("  ")
        text.append("".join(cells), style="bold cyan" if claim.hedge == "exact" else "cyan")
        text.append("\n")
    line = [" "] * span
    for value in _ticks(low, high, log):
        label = number_in_words(value)
        at = min(col(value), span - len(label))
        if all(c == " " for c in line[max(0, at - 1) : at + len(label) + 1]):
            line[at : at + len(label)] = label
    text.append(("log scale" if log else "").ljust(room + 2), style="dim italic")
    text.append("".join(line), style="dim")
    return text


def _ticks(low: float, high: float, log: bool) -> list[float]:
    """Round values to label the axis with: powers of ten on a log axis."""
    if log:
        first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
        marks = [m * 10.0**k for k in range(first, last + 1) for m in (1, 2, 5)]
        return [m for m in marks if low <= m <= high] or [low, high]
    step = 10 ** math.floor(math.log10(max(high - low, 1e-9)))
    start = math.ceil(low / step) * step
    return [start + i * step for i in range(int((high - start) // step) + 1)][:6] or [low]


class RangePlot(Static):
    """The plot of a group, redrawn to the width it is given."""

    DEFAULT_CSS = "RangePlot { height: 1fr; min-height: 3; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.members: list[Comparable] = []

    def plot(self, members: list[Comparable]) -> None:
        self.members = members
        self.refresh(layout=True)

    def render(self) -> Text:
        if not self.members:
            return Text("")
        return range_plot(self.members, max(self.content_size.width, 24), self.content_size.height)
