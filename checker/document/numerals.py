"""Chinese numerals as used in heading numbers (一 … 九十九) and in counts of years (一百零五周年)."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
_VALUES = {c: i for i, c in enumerate(DIGITS)} | {"〇": 0, "两": 2}


def chinese_to_int(text: str) -> int | None:
    """"十二" → 12, "二十" → 20, "九十九" → 99, "一百" → 100, "一百零五" → 105, "一百一十" → 110; None when
    the text is not such a numeral."""
    if not text:
        return None
    if "百" in text:
        hundreds, _, rest = text.partition("百")
        if len(hundreds) != 1 or hundreds not in _VALUES or not _VALUES[hundreds]:
            return None
        if rest.startswith("零"):  # 一百零五: a zero stands for the missing tens
            rest = rest[1:]
            if len(rest) != 1:
                return None
        elif rest.startswith("十"):  # 一百一十 is written with its 一, not 一百十
            return None
        below = chinese_to_int(rest) if rest else 0
        return None if below is None else _VALUES[hundreds] * 100 + below
    if "十" not in text:
        if len(text) != 1 or text not in _VALUES:
            return None
        return _VALUES[text]
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or (tens and tens not in _VALUES) or (units and units not in _VALUES):
        return None
    return (_VALUES[tens] if tens else 1) * 10 + (_VALUES[units] if units else 0)


# a year written digit by digit in Chinese (二〇二〇, 二零二〇): the title and the signature's date
YEAR_IN_WORDS = "[〇○零一二三四五六七八九]{4}"
# a year as a title writes it, in digits or in Chinese digit by digit
YEAR = rf"(?:19|20)\d\d|{YEAR_IN_WORDS}"
_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def year_number(text: str) -> int:
    """2020 for "2020", "二〇二〇" or "二零二〇"."""
    return int(text.translate(_YEAR_DIGITS))


def int_to_chinese(number: int) -> str:
    """12 → "十二", 105 → "一百零五", 110 → "一百一十"; numbers above 999 fall back to digits."""
    if number < 0 or number > 999:
        return str(number)
    if number >= 100:
        hundreds, rest = divmod(number, 100)
        head = DIGITS[hundreds] + "百"
        if not rest:
            return head
        if rest < 10:  # a zero stands for the missing tens: 一百零五
            return head + "零" + DIGITS[rest]
        return head + ("一" if rest < 20 else "") + int_to_chinese(rest)  # 一百一十, not 一百十
    if number < 10:
        return DIGITS[number]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[units] if units else "")
