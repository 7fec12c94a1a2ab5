"""Word automatic list numbering: the labels Word draws in front of numbered paragraphs.

Drafts often number their headings with Word lists ("一、" from numFmt chineseCounting and
lvlText "%1、"); the digits are not in the paragraph text, so the loader renders them here.

How a paragraph gets its list (as Word does): its own w:numPr, else the w:numPr of its style or
of a style it is basedOn; numId 0 means "not numbered". A missing ilvl comes from the style, else
from the level whose w:pStyle names the paragraph's style, else 0. A w:abstractNum with
w:numStyleLink borrows the levels of the list that its numbering style points to.

Counting: one set of counters per abstractNum, shared by every w:num that uses it, so that
"restart numbering" is the only thing that restarts a list; a w:num carrying any
w:startOverride is a list of its own whose overridden levels begin at the override. Using a level
resets every deeper level unless that level's w:lvlRestart says otherwise (0 = never). A level
referenced in lvlText ("%1.%2") that has not been used yet shows its start value.

The label is lvlText with every %n rendered, nothing more: the w:suff after it (tab, space or
nothing) is not added, so `text == label + paragraph text` always holds. Bullets and numFmt
"none" give no label. Every numFmt a Chinese word processor writes is drawn as Word draws it
(LibreOffice writes taiwaneseCountingThousand for its 一, 二, 三 lists); a format not known here
is drawn in digits and noted in `unknown_formats`, so the run can say so (FZ005) instead of
passing digits off as what Word shows. Values are clamped to 0..32767 (Word's own range, counting
included) and a label is cut at MAX_LABEL characters, so hostile lists stay small.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import regex

from checker.document.numerals import int_to_chinese

if TYPE_CHECKING:
    from checker.loaders.styles import StyleElements

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = W + "val"
_MAX_VALUE = 32767
# A label longer than this is cut: real ones ("（十二）", "1.2.3.") are a few characters, but
# lowerLetter repeats its letter (32767 → 1,261 "g"s) and lvlText may use %1 nine times, so a
# hostile list would otherwise put megabytes before every paragraph.
MAX_LABEL = 64
_LEVEL_REF = regex.compile(r"%([1-9])")
_FALSE = ("0", "false", "off")
# The built-in styles python-docx names differently from styles.xml (its BabelFish), so that
# `Paragraph.style` reads as it always has.
_UI_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header"} | {
    f"heading {level}": f"Heading {level}" for level in range(1, 10)
}


def _val(element, tag: str) -> str | None:
    child = element.find(W + tag) if element is not None else None
    return child.get(_VAL) if child is not None else None


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return max(0, min(int(value), _MAX_VALUE)) if value is not None else default
    except ValueError:
        return default


_P_STYLE, _NUM_PR, _NUM_ID, _ILVL = W + "pStyle", W + "numPr", W + "numId", W + "ilvl"
_START, _NUM_FMT, _LVL_TEXT, _LVL_RESTART, _IS_LGL = (W + tag for tag in ("start", "numFmt", "lvlText", "lvlRestart", "isLgl"))


def _first_values(element) -> dict[str, str | None]:
    """The w:val of the first child with each tag (one pass: lxml's find() costs more per call)."""
    values: dict[str, str | None] = {}
    for child in element:
        values.setdefault(child.tag, child.get(_VAL))
    return values


# --- number formats (ECMA-376 ST_NumberFormat) ---

_CN_DIGITS = "〇一二三四五六七八九"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter (27 → "aa"), it does not count in base 26.
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _chinese_counting(n: int) -> str:
    # 十-style below 100 (十一, 二十), digit by digit from 100 (一〇〇), 〇 for zero.
    if 0 < n < 100:
        return int_to_chinese(n)
    return "".join(_CN_DIGITS[int(d)] for d in str(n))


def _grouped(n: int, digits: str, units: str, elide_one: bool) -> str:
    """Place-value reading below 10000: 一百零一; `elide_one` drops the 一 before 十/百/千 (十一, 百)."""
    if n == 0 or n >= 10000:
        return str(n) if n else digits[0]
    out, pending_zero = [], False
    for power in (3, 2, 1, 0):
        digit = n // 10**power % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(digits[0])
            pending_zero = False
        unit = units[power - 1] if power else ""
        out.append(unit if elide_one and digit == 1 and unit else digits[digit] + unit)
    return "".join(out)


def _from_set(n: int, symbols: str) -> str:
    return symbols[n - 1] if 1 <= n <= len(symbols) else str(n)


def _enclosed(n: int, first: int, count: int = 20) -> str:
    return chr(first + n - 1) if 1 <= n <= count else str(n)


def _counting_thousand(digits: str, units: str):
    """十一 below 100 (the 一 before 十 dropped), place values from 100 (一百零一, 一百一十)."""

    def render(n: int) -> str:
        below_hundred = _grouped(n, digits, units, elide_one=False)
        return below_hundred[1:] if 10 <= n < 20 else below_hundred

    return render


def _sexagenary(n: int) -> str:
    """The 60-year cycle: 甲子, 乙丑, … 癸亥."""
    return _HEAVENLY_STEMS[(n - 1) % 10] + _EARTHLY_BRANCHES[(n - 1) % 12] if 1 <= n <= 60 else str(n)


_FORMATS = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": lambda n: _roman(n).lower() if n else "0",
    "upperRoman": lambda n: _roman(n) if n else "0",
    "chineseCounting": _chinese_counting,
    # Chinese Word's "一, 二, 三 (简)": 十一 below 100, then place values (一百零一); no digit-by-digit form.
    "chineseCountingThousand": lambda n: (
        int_to_chinese(n) if 0 < n < 100 else _grouped(n, "零一二三四五六七八九", "十百千", False)
    ),
    # Traditional-Chinese Word's "一, 二, 三 (繁)", and LibreOffice's 一, 二, 三 list saved as .docx.
    "taiwaneseCountingThousand": _counting_thousand("〇一二三四五六七八九", "十百千"),
    "taiwaneseCounting": _chinese_counting,
    "taiwaneseDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),
    "ideographLegalTraditional": lambda n: _grouped(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟", elide_one=False),
    "ideographEnclosedCircle": lambda n: _enclosed(n, 0x3220, 10),
    "ideographZodiacTraditional": _sexagenary,
    "japaneseCounting": lambda n: _grouped(n, "〇一二三四五六七八九", "十百千", elide_one=True),
    "chineseLegalSimplified": lambda n: _grouped(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟", elide_one=False),
    "ideographTraditional": lambda n: _from_set(n, _HEAVENLY_STEMS),
    "ideographZodiac": lambda n: _from_set(n, _EARTHLY_BRANCHES),
    "ideographDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),
    "decimalEnclosedCircle": lambda n: _enclosed(n, 0x2460),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, 0x2460),
    "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488),
    "none": lambda n: "",
}
_FORMATS["decimalFullWidth2"] = _FORMATS["decimalFullWidth"]


# Word 2010 and later write a numFmt that ECMA-376's first edition lacks as w:numFmt w:val="custom"
# w:format="001, 002, 003, ..." inside mc:AlternateContent (mc:Choice, with a plain mc:Fallback). Kept as
# "custom:" + the w:format: the zero-padded ones are drawn, any other is reported like an unknown format.
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ZERO_PADDED = regex.compile(r"(0+)1, 0+2, 0+3, \.\.\.")


def _alternate_format(lvl) -> str | None:
    """The numFmt of a w:lvl that holds it only inside mc:AlternateContent: the Choice's, else the Fallback's."""
    for branch in ("Choice", "Fallback"):
        for number_format in lvl.iterfind(f"{_MC}AlternateContent/{_MC}{branch}/{_NUM_FMT}"):
            value = number_format.get(_VAL)
            if value == "custom" and number_format.get(W + "format"):
                return "custom:" + number_format.get(W + "format")
            if value:
                return value
    return None


def known_format(number_format: str) -> bool:
    if number_format.startswith("custom:"):
        return _ZERO_PADDED.fullmatch(number_format, 7) is not None
    return number_format in _FORMATS or number_format == "bullet"


def format_number(n: int, number_format: str) -> str:
    """`n` written in a Word numFmt; a format not known here (see `known_format`) in digits."""
    padded = _ZERO_PADDED.fullmatch(number_format, 7) if number_format.startswith("custom:") else None
    if padded:
        return str(n).zfill(len(padded.group(1)) + 1)
    return _FORMATS.get(number_format, str)(n)


# --- styles and numbering definitions ---


@dataclass(frozen=True)
class Level:
    start: int = 1
    number_format: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart only after levels above this one (1-based); 0 = never
    legal: bool = False  # w:isLgl: every %n in decimal
    style: str | None = None  # w:pStyle: the paragraph style linked to this level

    @cached_property
    def pieces(self) -> tuple[str | int, ...]:
        """`text` as its literal pieces and, between them, the 0-based levels its %n show: a label is
        drawn for every numbered paragraph, so it is split once, not substituted with a callback each time."""
        parts = _LEVEL_REF.split(self.text)  # the group makes every other part a level number
        return tuple(int(part) - 1 if i % 2 else part for i, part in enumerate(parts))


def _level(lvl) -> Level:
    values = _first_values(lvl)
    return Level(
        start=_int(values.get(_START), 1),
        number_format=values.get(_NUM_FMT) or _alternate_format(lvl) or "decimal",
        text=values.get(_LVL_TEXT) or "",
        restart=_int(values.get(_LVL_RESTART)),
        legal=_IS_LGL in values and values[_IS_LGL] not in _FALSE,
        style=values.get(_P_STYLE),
    )


def _levels(parent) -> dict[int, Level]:
    return {_int(lvl.get(W + "ilvl"), 0): _level(lvl) for lvl in parent.iterfind(W + "lvl")}


def paragraph_properties(ppr) -> tuple[str | None, tuple[str | None, int | None]]:
    """The w:pStyle and (numId, ilvl) a w:pPr (or None) names."""
    if ppr is None:
        return None, (None, None)
    style, num_pr = None, None
    for child in ppr:
        tag = child.tag
        if tag == _P_STYLE and style is None:
            style = child
        elif tag == _NUM_PR and num_pr is None:
            num_pr = child
    if num_pr is None:
        numbering = None, None
    else:
        values = _first_values(num_pr)
        numbering = values.get(_NUM_ID), _int(values.get(_ILVL))
    return (style.get(_VAL) if style is not None else None), numbering


@dataclass
class _Style:
    name: str | None
    kind: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None


class ParagraphStyles:
    """The styles of styles.xml (see styles.py): display names (as python-docx gives them) and inherited
    list numbering."""

    def __init__(self, elements: StyleElements) -> None:
        self._elements = elements
        self._styles: dict[str, _Style | None] = {}  # read on first use: a template has hundreds, a draft uses a few
        self.default = elements.default
        self._numbering: dict[str, tuple[str | None, int | None]] = {}

    def _style(self, style_id: str | None) -> _Style | None:
        if style_id not in self._styles:
            style = self._elements.get(style_id)
            if style is None:
                self._styles[style_id] = None
            else:
                name = _val(style, "name")
                num_id, ilvl = paragraph_properties(style.find(W + "pPr"))[1]
                self._styles[style_id] = _Style(_UI_NAMES.get(name, name) if name else None,
                                                style.get(W + "type", "paragraph"), _val(style, "basedOn"), num_id, ilvl)
        return self._styles[style_id]

    def paragraph_style(self, style_id: str | None) -> str | None:
        """The style that applies: `style_id` if it names a paragraph style, else the default one."""
        style = self._style(style_id) if style_id else None
        return style_id if style is not None and style.kind == "paragraph" else self.default

    def name(self, style_id: str | None) -> str | None:
        style = self._style(style_id) if style_id else None
        return style.name if style else None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a style carries, each inherited separately along basedOn."""
        if style_id is None:
            return None, None
        if style_id not in self._numbering:
            num_id = ilvl = None
            seen, current = set(), style_id
            while current in self._elements and current not in seen:  # basedOn may loop in bad files
                seen.add(current)
                style = self._style(current)
                num_id = num_id if num_id is not None else style.num_id
                ilvl = ilvl if ilvl is not None else style.ilvl
                current = style.based_on
            self._numbering[style_id] = (num_id, ilvl)
        return self._numbering[style_id]


@dataclass
class _Num:
    abstract: str | None
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride per level
    levels: dict[int, Level] = field(default_factory=dict)  # w:lvl inside w:lvlOverride


class ListDefinitions:
    """numbering.xml's lists as defined (the levels of each w:abstractNum, its numbering-style link, each
    w:num); never changed once read, so drafts from one template can share them."""

    def __init__(self, numbering_element) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}
        self.nums: dict[str, _Num] = {}
        if numbering_element is None:
            return
        for abstract in numbering_element.iterfind(W + "abstractNum"):
            abstract_id = abstract.get(W + "abstractNumId")
            self.abstracts[abstract_id] = _levels(abstract)
            if link := _val(abstract, "numStyleLink"):
                self.style_links[abstract_id] = link
        for num in numbering_element.iterfind(W + "num"):
            entry = _Num(_val(num, "abstractNumId"))
            for override in num.iterfind(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0)
                if (start := _int(_val(override, "startOverride"))) is not None:
                    entry.starts[ilvl] = start
                if (lvl := override.find(W + "lvl")) is not None:
                    entry.levels[ilvl] = _level(lvl)
            self.nums[num.get(W + "numId")] = entry


class WordNumbering:
    """Renders list labels paragraph by paragraph; call `label` in document order (it counts)."""

    def __init__(self, definitions: ListDefinitions, styles: ParagraphStyles) -> None:
        self._styles = styles
        self._abstracts = definitions.abstracts
        self._style_links = definitions.style_links
        self._nums = definitions.nums
        self._counters: dict[object, dict[int, int]] = {}
        self._resolved: dict[str, tuple[str | None, dict[int, Level]]] = {}  # numId → (abstractNumId, levels)
        self.unknown_formats: dict[str, None] = {}  # numFmts drawn in digits because not known here, in order met

    def _abstract_id(self, num: _Num) -> str | None:
        abstract_id = num.abstract
        for _ in range(3):  # numStyleLink → numbering style → its w:num → the abstractNum with the levels
            link = self._style_links.get(abstract_id)
            linked = self._nums.get(self._styles.numbering(link)[0]) if link else None
            if linked is None or linked.abstract == abstract_id:
                break
            abstract_id = linked.abstract
        return abstract_id

    def label(self, numbering: tuple[str | None, int | None], style_id: str | None) -> str | None:
        """The label of a paragraph whose w:pPr names `numbering` (numId, ilvl), with effective style `style_id`."""
        num_id, ilvl = numbering
        style_num_id, style_ilvl = self._styles.numbering(style_id)
        num_id = num_id if num_id is not None else style_num_id
        num = self._nums.get(num_id) if num_id not in (None, "0") else None
        if num is None:
            return None
        if num_id not in self._resolved:
            abstract_id = self._abstract_id(num)
            self._resolved[num_id] = abstract_id, {**self._abstracts.get(abstract_id, {}), **num.levels}
        abstract_id, levels = self._resolved[num_id]
        if ilvl is None:
            ilvl = style_ilvl
        if ilvl is None:
            ilvl = next((i for i, level in levels.items() if style_id and level.style == style_id), 0)
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(("num", num_id) if num.starts else abstract_id, {})
        counters[ilvl] = min(counters[ilvl] + 1, _MAX_VALUE) if ilvl in counters else num.starts.get(ilvl, level.start)
        for deeper in [i for i in counters if i > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if ilvl < (deeper if restart is None else restart):
                del counters[deeper]
        if level.number_format == "bullet":
            return None
        label = "".join([self._render(piece, level, levels, counters) if isinstance(piece, int) else piece
                         for piece in level.pieces])[:MAX_LABEL]
        if not level.legal:
            for piece in level.pieces:
                shown = levels.get(piece) if isinstance(piece, int) else None
                if shown is not None and not known_format(shown.number_format):
                    self.unknown_formats.setdefault(shown.number_format, None)
        return label or None

    @staticmethod
    def _render(ilvl: int, current: Level, levels: dict[int, Level], counters: dict[int, int]) -> str:
        level = levels.get(ilvl)
        if level is None:
            return ""
        value = counters.get(ilvl, level.start)
        if level.number_format == "none":
            return ""
        return (str(value) if current.legal else format_number(value, level.number_format))[:MAX_LABEL]
