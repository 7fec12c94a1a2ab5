"""Chinese numerals as used in heading numbers (一 … 九十九)."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
_VALUES = {c: i for i, c in enumerate(DIGITS)} | {"〇": 0, "两": 2}


def chinese_to_int(text: str) -> int | None:
    """"十二" → 12, "二十" → 20, "九十九" → 99; None when the text is not such a numeral."""
    if not text:
        return None
    if "十" not in text:
        if len(text) != 1 or text not in _VALUES:
            return None
        return _VALUES[text]
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or (tens and tens not in _VALUES) or (units and units not in _VALUES):
        return None
    return (_VALUES[tens] if tens else 1) * 10 + (_VALUES[units] if units else 0)


def int_to_chinese(number: int) -> str:
    """12 → "十二"; numbers above 99 fall back to digits (never seen as headings)."""
    if number < 0 or number > 99:
        return str(number)
    if number < 10:
        return DIGITS[number]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[units] if units else "")
