"""Charts as inline SVG, written by hand: no library, no script, no network.

Two kinds, as the report needs them:

* ``time_chart``: values over time as points coloured by series (a claimant), with an
  optional line (the reference series), date axis, value axis with its unit, and legend.
* ``stacked_bars``: counts per category (a month) stacked by group (a claimant party).

Every mark is an SVG element with class ``mark`` (points ``circle``, bars ``rect``) and a
``<title>`` a browser shows on hover; every text is XML-escaped.
"""

from __future__ import annotations

import datetime as dt
import math
from html import escape

# Colour-blind-safe palette (Okabe-Ito), then greys
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000",
           "#999999", "#666666", "#BBBBBB", "#444444"]
WIDTH, HEIGHT = 760, 320
LEFT, RIGHT, TOP, BOTTOM = 78, 190, 34, 46


def _nice_step(span: float, target: int = 5) -> float:
    raw = span / max(target, 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _ticks(low: float, high: float) -> list[float]:
    """Round ticks from at or below low to at or above high."""
    if high <= low:
        high = low + 1
    step = _nice_step(high - low)
    value = math.floor(low / step) * step
    ticks = [round(value, 10)]
    while ticks[-1] < high - step * 1e-9:
        value += step
        ticks.append(round(value, 10))
    return ticks


def format_number(value: float) -> str:
    """1234567 -> '1.2M', 15000 -> '15k', 812 -> '812'."""
    size = abs(value)
    if size >= 1e6:
        return f"{value / 1e6:.1f}M".replace(".0M", "M")
    if size >= 1e4:
        return f"{value / 1e3:.0f}k"
    if size >= 1e3:
        return f"{value / 1e3:.1f}k".replace(".0k", "k")
    return f"{value:g}"


def tick_labels(ticks: list[float]) -> list[str]:
    """Short labels, unless two would read the same: then the whole numbers."""
    short = [format_number(t) for t in ticks]
    return short if len(set(short)) == len(short) else [f"{t:,.0f}" for t in ticks]


def _date_ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """Month starts, thinned to at most about eight."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    every = max(1, math.ceil(months / 8))
    for candidate in (1, 2, 3, 6, 12, 24):
        if candidate >= every:
            every = candidate
            break
    ticks, year, month = [], first.year, first.month
    while dt.date(year, month, 1) <= last:
        if (month - 1) % every == 0 or every == 1:
            ticks.append(dt.date(year, month, 1))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return [t for t in ticks if first <= t <= last] or [first]


def _short(label: str, most: int = 28) -> str:
    return label if len(label) <= most else label[:most - 1] + "…"


def _frame(title: str, y_label: str, body: list[str], legend: list[tuple[str, str, str]]) -> str:
    items = []
    for i, (label, colour, shape) in enumerate(legend):
        y = TOP + 8 + i * 18
        x = WIDTH - RIGHT + 16
        mark = (f'<circle cx="{x}" cy="{y}" r="4.5" fill="{colour}"/>' if shape == "point" else
                f'<line x1="{x - 8}" y1="{y}" x2="{x + 8}" y2="{y}" stroke="{colour}" stroke-width="2.5"/>'
                if shape == "line" else f'<rect x="{x - 5}" y="{y - 5}" width="10" height="10" fill="{colour}"/>')
        items.append(f'<g class="legend-item">{mark}<text x="{x + 14}" y="{y + 4}">{escape(label)}</text></g>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'width="{WIDTH}" height="{HEIGHT}" font-family="sans-serif" font-size="11">'
            f'<title>{escape(title)}</title>'
            f'<text x="{LEFT}" y="18" font-size="13" font-weight="bold">{escape(title)}</text>'
            f'<text transform="translate(14 {TOP + (HEIGHT - TOP - BOTTOM) / 2}) rotate(-90)" '
            f'text-anchor="middle">{escape(y_label)}</text>'
            + "".join(body) + '<g class="legend">' + "".join(items) + "</g></svg>")


INNER_W, INNER_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


def _no_data(title: str, y_label: str) -> str:
    return _frame(title, y_label, ['<text x="300" y="160">no data</text>'], [])


def _plot_area(y_ticks: list[float], y) -> list[str]:
    """The plot's background and its value axis: a grid line and a label per tick (``y`` maps a
    value to its height)."""
    body = [f'<rect x="{LEFT}" y="{TOP}" width="{INNER_W}" height="{INNER_H}" fill="#fafafa" stroke="#ccc"/>']
    for t, label in zip(y_ticks, tick_labels(y_ticks), strict=True):
        body.append(f'<line x1="{LEFT}" x2="{LEFT + INNER_W}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="#e4e4e4"/>'
                    f'<text class="tick" x="{LEFT - 6}" y="{y(t) + 4:.1f}" text-anchor="end">{label}</text>')
    return body


def time_chart(title: str, y_label: str, points: dict[str, list[tuple[dt.date, float, str]]],
               line: list[tuple[dt.date, float]] | None = None, line_label: str = "reference") -> str:
    """Points per series (label -> [(date, value, hover text)]) and an optional line, over time."""
    dates = [d for pts in points.values() for d, _, _ in pts] + [d for d, _ in line or []]
    values = [v for pts in points.values() for _, v, _ in pts] + [v for _, v in line or []]
    if not dates:
        return _no_data(title, y_label)
    first, last = min(dates), max(dates)
    if first == last:
        first, last = first - dt.timedelta(days=15), last + dt.timedelta(days=15)
    # from zero, unless every value is far from it (running totals): then around the values
    smallest, largest = min(values), max(values)
    y_ticks = _ticks(0 if smallest < 0.3 * largest else smallest * 0.98, largest * 1.02 if largest > 0 else 1)
    low, high = y_ticks[0], y_ticks[-1]
    inner_w, inner_h = INNER_W, INNER_H
    span = (last - first).days or 1

    def x(d: dt.date) -> float:
        return LEFT + (d - first).days / span * inner_w

    def y(v: float) -> float:
        return TOP + inner_h - (v - low) / (high - low) * inner_h

    body = _plot_area(y_ticks, y)
    for t in _date_ticks(first, last):
        body.append(f'<line x1="{x(t):.1f}" x2="{x(t):.1f}" y1="{TOP + inner_h}" y2="{TOP + inner_h + 4}" '
                    f'stroke="#888"/><text class="tick" x="{x(t):.1f}" y="{TOP + inner_h + 17}" '
                    f'text-anchor="middle">{t.strftime("%b %Y")}</text>')
    body.append(f'<text x="{LEFT + inner_w / 2}" y="{HEIGHT - 6}" text-anchor="middle">date the figure '
                f'refers to (as_of)</text>')
    legend = []
    if line:
        path = " ".join(f"{'M' if i == 0 else 'L'}{x(d):.1f},{y(v):.1f}" for i, (d, v) in enumerate(sorted(line)))
        body.append(f'<path class="reference" d="{path}" fill="none" stroke="#333" stroke-width="1.6" '
                    f'opacity="0.8"><title>{escape(line_label)}</title></path>')
        legend.append((_short(line_label), "#333", "line"))
    for i, (label, pts) in enumerate(points.items()):
        colour = PALETTE[i % len(PALETTE)]
        legend.append((f"{_short(label)} ({len(pts)})", colour, "point"))
        for d, v, hover in pts:
            body.append(f'<circle class="mark" data-series="{escape(label)}" cx="{x(d):.1f}" cy="{y(v):.1f}" '
                        f'r="3.6" fill="{colour}" fill-opacity="0.85" stroke="#fff" stroke-width="0.6">'
                        f'<title>{escape(hover)}</title></circle>')
    return _frame(title, y_label, body, legend)


def stacked_bars(title: str, y_label: str, categories: list[str], groups: dict[str, list[int]]) -> str:
    """Counts per category (x) stacked by group: groups maps a label to one count per category."""
    if not categories:
        return _no_data(title, y_label)
    totals = [sum(g[i] for g in groups.values()) for i in range(len(categories))]
    y_ticks = _ticks(0, max(totals) if max(totals) else 1)
    high = y_ticks[-1]
    inner_w, inner_h = INNER_W, INNER_H
    slot = inner_w / len(categories)
    bar = max(1.0, slot * 0.8)
    body = _plot_area(y_ticks, lambda v: TOP + inner_h - v / high * inner_h)
    label_every = max(1, math.ceil(len(categories) / 12))
    for i, category in enumerate(categories):
        base = TOP + inner_h
        cx = LEFT + i * slot + (slot - bar) / 2
        for j, (label, counts) in enumerate(groups.items()):
            n = counts[i]
            if not n:
                continue
            h = n / high * inner_h
            base -= h
            body.append(f'<rect class="mark" data-series="{escape(label)}" x="{cx:.1f}" y="{base:.1f}" '
                        f'width="{bar:.1f}" height="{h:.1f}" fill="{PALETTE[j % len(PALETTE)]}">'
                        f'<title>{escape(category)}: {escape(label)} {n}</title></rect>')
        if i % label_every == 0:
            body.append(f'<text class="tick" x="{LEFT + i * slot + slot / 2:.1f}" y="{TOP + inner_h + 17}" '
                        f'text-anchor="middle">{escape(category)}</text>')
    body.append(f'<text x="{LEFT + inner_w / 2}" y="{HEIGHT - 6}" text-anchor="middle">month published</text>')
    legend = [(_short(label), PALETTE[j % len(PALETTE)], "bar") for j, label in enumerate(groups)]
    return _frame(title, y_label, body, legend)
