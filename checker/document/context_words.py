"""What the report context reads in a draft: page debris to pass over, places in a line (county level
from the gazetteer, townships from the township table), body names, dates.

The words themselves (debris labels, place traps, township names that are ordinary words) are data:
rules/data/context.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

from checker.document.frame import SENTENCE_MARK
from checker.document.numerals import YEAR_IN_WORDS, chinese_to_int, year_number
from checker.document.places import Gazetteer, Place, gazetteer
from checker.document.towns import Town, towns_named
from checker.resources import data_file
from checker.yamlfiles.reader import read_yaml

# The organ a body name ends with, longest first; 委 alone (区委) is a party committee that leads.
ORGANS = ("街道办事处", "人民政府", "办事处", "委员会", "办公室", "政府", "中心", "局", "办", "厅", "署")
_ORGAN = regex.compile("|".join(ORGANS))
_DEPARTMENT = regex.compile(r"\p{Han}{0,10}?(?:" + "|".join(ORGANS) + ")")
# 苏木: a township of 内蒙古
_TOWN_END = regex.compile(r"镇|乡|街道|苏木")
_TOWN_LONGEST = 8  # characters before 镇/乡/街道/苏木 a township name may have
_DATE = regex.compile(r"^(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?$")
_DATE_WORDS = regex.compile(rf"^(?P<year>{YEAR_IN_WORDS})年(?P<month>[一二三四五六七八九十]{{1,2}})月")
# Words that start a clause, not a department: "武汉市司法局推进…" is 武汉市司法局.
_VERBISH = regex.compile(r"推进|深入|贯彻|落实|坚持|认真|扎实|全面|切实|积极|不断|持续|按照|根据|围绕|聚焦|加强|开展|关于|的")
_BULLETS = " \t\u3000•·●○■□◆◇▪►>【［[（(|｜"
_AFTER_LABEL = " \t\u3000:：】]"  # a label ends at a blank, a colon or its bracket: 【打印】【关闭】
_LABEL_AFTER_SPACE = re.compile(r"\s(?:发布时间|来源|浏览次数|点击数)[:：]")
# A site's navigation path (首页 > 政务公开 > …) and a web address: page debris here and for FZ701
# (rules/page_debris.py), whatever the path's labels and the site.
BREADCRUMB_SEPARATOR = regex.compile(r"[ \t\u3000]*(?:>>|[>＞›»→])[ \t\u3000]*")
# what parts a page's buttons, menu words and labels on one line: blanks, bars, slashes, any brackets
BUTTON_GAP = regex.compile(r"[ \t\u3000|｜/／【】〖〗〔〕\[\]（）()、:：]+")
# after a link to the site's home page, a bar or a slash separates a path's parts too: 首页 | 政务公开
_HOME_SEPARATOR = regex.compile(r"[ \t\u3000]*(?:>>|[>＞›»→|｜/／])[ \t\u3000]*")
WEB_ADDRESS = regex.compile(r"(?:https?://|www\.)[\w./%?=&#:-]+|[\w-]+(?:\.[\w-]+)*\.(?:gov\.cn|com\.cn|org\.cn|net\.cn|com|cn|net|org)\b",
                            regex.ASCII)
_PATH_PARTS = 3  # parts of a navigation path: 首页 > 信息公开 > 其他
_LONGEST_PATH_PART = 30
_LONGEST_ADDRESS_LINE = 100


@cache
def _words() -> dict:
    return read_yaml(data_file("context.yaml"), cached=True)


@cache
def web_page_words() -> dict:
    """The words of a site's page around a copied report (rules/data/web_page.yaml): labels,
    generic_labels, locators, widgets, navigation. FZ701 and FZ702 read them as their defaults."""
    return read_yaml(data_file("web_page.yaml"), cached=True)


@cache
def _debris_labels() -> tuple[frozenset[str], tuple[int, ...]]:
    page = web_page_words()
    labels = frozenset([*_words()["debris_labels"], *page["labels"], *page["generic_labels"], *page["locators"],
                        *page["title_labels"]])
    return labels, tuple(sorted({len(label) for label in labels}, reverse=True))


@cache
def _traps() -> re.Pattern:
    # stdlib `re`: a few small patterns, compiled on every start-up, where `regex` compiles far slower
    return re.compile("|".join(f"(?:{trap})" for trap in _words()["place_traps"]))


def trapped(text: str) -> set[int]:
    """The positions of `text` inside a place trap (rules/data/context.yaml place_traps): a place
    name starting at one of them is an ordinary word there (市政府和县委, 守护群众幸福安康), for the
    report context and for the rules that look for places alike."""
    return {i for m in _traps().finditer(text) for i in range(*m.span())}


# a label spaced out to line up in a page's box, single characters parted by blanks (名　　称, 索 引 号：),
# up to a colon, a tab or the line's end; or before blanks and its value, in a box without colons (标　题 某区…
# 报告), when it is one of the page's labels (中 共 某县委 is the title block's spacing)
_SPACED_LABEL = regex.compile(r"\p{Han}(?:[ \u3000]+\p{Han}){1,7}(?=[ \u3000]*(?:[:：\t]|$))")
_SPACED_BEFORE_VALUE = regex.compile(r"\p{Han}(?:[ \u3000]+\p{Han}){1,7}(?=[ \u3000]+\S)")
_LABEL_GAP = regex.compile(r"[ \u3000]+")


def closed_label(text: str) -> str:
    """`text` with a label at its start that is spaced out to line up in a box written close: 名　　称 →
    名称, 索 引 号：某 → 索引号：某, 标　题 某 → 标题 某. Other text is returned as it is (首页 政务公开 keeps
    its space)."""
    if spaced := _SPACED_LABEL.match(text):
        return _LABEL_GAP.sub("", spaced.group()) + text[spaced.end():]
    if (spaced := _SPACED_BEFORE_VALUE.match(text)) and (label := _LABEL_GAP.sub("", spaced.group())) in _debris_labels()[0]:
        return label + text[spaced.end():]
    return text


# a label of a metadata table's row pasted as text: 生成日期：, 文　　号：
_ROW_LABEL = regex.compile(r"\p{Han}{2,8}[ \u3000]*[:：]")
_LONGEST_VALUE = 40  # characters of a value in a page's metadata (FZ701's value_length)


def is_metadata_row(text: str) -> bool:
    """A row of a page's metadata table pasted as text: two or more label：⇥value pairs, each label
    with its colon in a cell of its own (信息索引号：⇥…⇥生成日期：⇥2024-02-26), whatever the labels. A
    report's own table pasted so holds no label cells (类别⇥2023年⇥2024年)."""
    if "\t" not in text:
        return False
    labels, after_label = 0, False
    for cell in text.strip().split("\t"):
        cell = cell.strip(" \u3000")
        if not cell:
            continue
        if _ROW_LABEL.fullmatch(closed_label(cell)):
            labels, after_label = labels + 1, True
        elif not after_label or len(cell) > _LONGEST_VALUE or SENTENCE_MARK.search(cell):
            return False  # a value without its label, or no value
        else:
            after_label = False
    return labels >= 2


@cache
def _home_pages() -> regex.Pattern:
    words = [*web_page_words()["homes"], *web_page_words()["locators"]]
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?:{alternatives})[ \t\u3000]*[:：]?[ \t\u3000]*")


def from_home_page(text: str) -> bool:
    """A site's navigation path: a link to its home page (or a locator such as 当前位置：) and a separator
    first, then anything but a sentence (首页 | 政务公开 | 法治政府建设, 当前位置：首页/专题)."""
    text = text.strip()
    start = _home_pages().match(text)
    while start is not None and start.end() < len(text):  # 当前位置：首页 > …: the locator, then the home page
        if (separator := _HOME_SEPARATOR.match(text, start.end())) and separator.end() > start.end() and separator.end() < len(text):
            return SENTENCE_MARK.search(text) is None
        start = _home_pages().match(text, start.end())
    return False


def _starts_with_label(text: str) -> bool:
    labels, lengths = _debris_labels()
    text = closed_label(text)
    return any(len(text) >= length and text[:length] in labels and (len(text) == length or text[length] in _AFTER_LABEL)
               for length in lengths)


def _label_alone(text: str) -> str:
    """A line as the label it would be on its own: without blanks and a closing colon."""
    return closed_label(text.strip()).rstrip(" \t\u3000:：")


def is_bare_label(text: str) -> bool:
    """A line that is a page's label and nothing else (发布机构): its value stands on the next line,
    as a metadata box copied as a table gives it, a cell a line."""
    return _label_alone(text) in _debris_labels()[0]


def is_title_label(text: str) -> bool:
    """A label of the page's copy of the report's title standing alone (名　　称, 标题：): the line under
    it is that copy, never the report's own title."""
    return _label_alone(text) in web_page_words()["title_labels"]


def is_link_list_label(text: str) -> bool:
    """A label over a page's links listed one a line (相关链接：): the lines under it are links,
    government names among them, never a signature."""
    return _label_alone(text) in web_page_words()["link_lists"]


def _buttons(text: str) -> bool:
    """A line of the page's buttons (【我要纠错】 【打印此页】, 大 中 小): FZ701's widgets and nothing else."""
    parts = [part for part in BUTTON_GAP.split(text) if part]
    return bool(parts) and all(part in _widgets() for part in parts)


@cache
def _listed() -> regex.Pattern:
    """The whole lines web_page.yaml writes out (tokens, patterns): 今天是…星期二, a footer's ICP number."""
    page = web_page_words()
    # a token's words with any blanks between them, or none (点击蓝字　关注我们), as FZ701 reads them
    tokens = (r"[ \t\u3000]*".join(map(regex.escape, str(t).split())) for t in page["tokens"])
    return regex.compile("|".join([*tokens, *(f"(?:{p})" for p in page["patterns"])]))


@cache
def _widgets() -> frozenset[str]:
    return frozenset(web_page_words()["widgets"])


def is_page_debris(text: str) -> bool:
    """A line of the web page around the report: it starts with a label such as 今天是, 发布时间, 来源,
    索引号 (after bullets and brackets), or holds one after a space and has no sentence end; it is one
    that web_page.yaml writes out (a welcome with the day's date, however punctuated); or, with
    no sentence end, it is a navigation path of short parts or holds a web address."""
    stripped = text.strip().lstrip(_BULLETS)
    if _starts_with_label(stripped) or is_metadata_row(stripped) or _listed().fullmatch(text.strip()):
        return True
    if "。" not in stripped and len(stripped) <= 80 and _LABEL_AFTER_SPACE.search(stripped) is not None:
        return True
    if SENTENCE_MARK.search(stripped):
        return False
    if from_home_page(stripped) or _buttons(text):
        return True
    parts = [part for part in BREADCRUMB_SEPARATOR.split(stripped) if part]
    if len(parts) >= _PATH_PARTS and all(len(part) <= _LONGEST_PATH_PART for part in parts):
        return True
    return len(stripped) <= _LONGEST_ADDRESS_LINE and WEB_ADDRESS.search(stripped) is not None


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    name: str
    places: tuple[Place, ...] = ()  # county level and above
    towns: tuple[Town, ...] = ()


def _town_candidates(text: str) -> list[tuple[int, str]]:
    """(start, text) of every stretch that ends in 镇/乡/街道/苏木 and might be a township's name."""
    found = []
    for match in _TOWN_END.finditer(text):
        for start in range(max(0, match.start() - _TOWN_LONGEST), match.start() - 1):
            found.append((start, text[start : match.end()]))
    return found


def places_in(lines: list[str], places: Gazetteer | None = None) -> list[list[PlaceHit]]:
    """The places of each line, left to right, not overlapping, the longest at each point (a
    township before the county-level name inside it: 鼓楼街道 is no 鼓楼区); none that starts inside
    a trap (市政府和县委)."""
    places = places or gazetteer()
    not_towns = set(_words()["not_townships"])
    candidates = [_town_candidates(line) for line in lines]
    towns = towns_named(name for found in candidates for _, name in found if name not in not_towns)
    result = []
    for text, found in zip(lines, candidates):
        in_trap = trapped(text)
        town_at: dict[int, str] = {}  # the longest township name starting at each position
        for start, name in found:
            if name in towns and len(name) > len(town_at.get(start, "")):
                town_at[start] = name
        hits: list[PlaceHit] = []
        position = 0  # where the last hit ends: no hit starts inside another
        for start in places.starts(text, town_at):
            if start < position or start in in_trap or (start and text[start - 1] in "我本全各该"):
                continue
            town = town_at.get(start)
            name = places.longest_at(text, start)
            if town and (name is None or len(town) > len(name)):
                hits.append(PlaceHit(start, start + len(town), town, towns=tuple(towns[town])))
                position = start + len(town)
            elif name:
                hits.append(PlaceHit(start, start + len(name), name, places=tuple(places.lookup(name))))
                position = start + len(name)
        result.append(hits)
    return result


def body_in(text: str, hits: list[PlaceHit]) -> tuple[str, int] | None:
    """The first body name of a line: a run of adjacent places, then a department and organ
    (东城区园林绿化局, 息县人民政府, 金龙街道办事处); a party committee (区委) is no body. With its start."""
    index = 0
    while index < len(hits):
        first = last = hits[index]
        while index + 1 < len(hits) and hits[index + 1].start == last.end:
            index += 1
            last = hits[index]
        department = _DEPARTMENT.match(text, last.end)
        if department and not _VERBISH.search(department.group()):
            return text[first.start : department.end()], first.start
        index += 1
    return None


def clean_body(name: str) -> str:
    """A title's body without what follows the last organ: 武汉市司法局推进 → 武汉市司法局."""
    name = name.strip()
    ends = [m.end() for m in _ORGAN.finditer(name)]
    if ends and ends[-1] < len(name) and _VERBISH.match(name, ends[-1]):
        return name[: ends[-1]]
    return name


def date_of(text: str) -> tuple[int, int] | None:
    """(year, month) of a signature date line: 2022年3月12日, 二〇二二年三月十二日."""
    text = text.strip()
    if match := _DATE.match(text):
        return int(match.group("year")), int(match.group("month"))
    if match := _DATE_WORDS.match(text):
        return year_number(match.group("year")), chinese_to_int(match.group("month"))
    return None
