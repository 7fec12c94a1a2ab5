"""A horizontal bar chart as inline SVG (no script, no network): one bar per category."""

from __future__ import annotations

from html import escape

_BAR_HEIGHT = 22
_GAP = 8
_LABEL_WIDTH = 96
_BAR_WIDTH = 420


def bar_chart(bars: list[tuple[str, str, int]], title: str) -> str:
    """`bars`: (key, label, count). Bars scale to the largest count."""
    if not bars:
        return '<p class="empty">未发现问题</p>'
    largest = max(count for _, _, count in bars) or 1
    height = len(bars) * (_BAR_HEIGHT + _GAP) + _GAP
    width = _LABEL_WIDTH + _BAR_WIDTH + 60
    rows = []
    for position, (key, label, count) in enumerate(bars):
        y = _GAP + position * (_BAR_HEIGHT + _GAP)
        length = max(2, round(_BAR_WIDTH * count / largest))
        middle = y + _BAR_HEIGHT / 2
        rows.append(
            f'<g class="bar" data-category="{escape(key)}" data-count="{count}">'
            f'<title>{escape(label)}：{count}</title>'
            f'<text x="{_LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" dominant-baseline="middle">{escape(label)}</text>'
            f'<rect x="{_LABEL_WIDTH}" y="{y}" width="{length}" height="{_BAR_HEIGHT}" rx="3"></rect>'
            f'<text x="{_LABEL_WIDTH + length + 6}" y="{middle}" dominant-baseline="middle">{count}</text></g>'
        )
    return (f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>')
