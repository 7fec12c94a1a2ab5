"""正式名称（official_titles）：几乎每份报告都引用的中央文件，书名号里的名称与正式名称不符。

`titles` 每项一份文件：
- official：正式名称（一个，或同一名称的几个版本，如两期纲要）；
- variants：认出这份文件的正则表达式，与书名号里名称的“比较形式”整体匹配（比较形式去掉了空格、
  括号全半角、连接号样式、区间首年的“年”、版本说明和“中华人民共和国”前缀，见 book_titles.cosmetic_form；
  正则里的括号写半角 `\\(`）。写得宽一些，好认出抄错的写法（多了“政府”、少了“人”、督察写成督查）；
- accepted：通行的其他写法（不带规划期的《法治政府建设实施纲要》），可省；
- source：正式名称的出处。
认出是这份文件、而比较形式不同于正式名称和通行写法时报告；正式名称不带“中华人民共和国”的文件
（国务院的《优化营商环境条例》、中共中央和国务院的《信访工作条例》），书名号里加了这个前缀也报告
（比较形式去掉了前缀，前缀看原文）。连接号、括号全半角、区间首年的“年”这类写法差异不报（首年的“年”由 FZ406
提示）。几个版本（两期纲要）中，给出年份与原文最接近的一个（原文写“2021-2025”就是2021－2025年那一期），
一样接近或原文没有年份时都列出。只有一个版本可给时给出不安全修复（换成正式名称）。

选项 `near: true` 时，正则没有认出的名称再与各份文件的正式名称和通行写法逐一比较（编辑距离，见 near_name）：
名称（不算规划期）不到十六个字的差一处、十六个字及以上的差两处以内，算抄错了的这份文件（“推进法治建设第一
责任人职责规定”少了“履行”，“法制政府建设实施纲要”）。近似的名称也可能是另一份文件，这些不算：书名号里有地名的
（《法治浙江建设规划》，地方的文件），多了“实施、细则、清单、方案、意见、指引、解读”的（《××职责清单》，
据它制定的文件），文种不同的（《××督察工作方案》）；文种之间只有“规定、办法、条例、规则”互换
（《……督察工作办法》，名称十六个字及以上时），或正式名称后面多写了一个文种（《法治中国建设规划纲要》），仍算抄错。

选项 `report: hyphen` 的规则只报另一种情形：名称就是某个正式名称，只是年份之间的连接号写成了短横线“-”
（《法治中国建设规划（2020-2025年）》）；首年后多写了“年”的（2021年-2025年）由 FZ406 提示，不在此列。

消息占位符：{cited} 原文名称，{official} 正式名称（几个版本用“或”连接）。

示例（official: 党政主要负责人履行推进法治建设第一责任人职责规定）：
  FAIL  严格落实《党政主要负责人履行推进法治政府建设第一责任人职责规定》。
  PASS  严格落实《党政主要负责人履行推进法治建设第一责任人职责规定》。
示例（official: 优化营商环境条例）：
  FAIL  认真贯彻《中华人民共和国优化营商环境条例》。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from checker.document.book_titles import NATIONAL_PREFIX, cosmetic_form, national_prefixed
from checker.document.cited_titles import titled_paragraphs
from checker.document.model import Document
from checker.document.places import gazetteer
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern
from checker.rules.near_name import edits

TYPE = "official_titles"
NEEDS: tuple[str, ...] = ()
OPTIONS = {
    "titles": Option(list, doc="[{official, variants, accepted, source}]：文件的正式名称和认出它的写法"),
    "report": Option(str, "name", "name | hyphen：报名称不符，或只报年份之间的短横线"),
    "near": Option(bool, False, "正则没有认出的名称，与正式名称只差一两个字的也报"),
}
_REPORTS = ("name", "hyphen")
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# two years joined by a hyphen (or an en dash), no 年 after the first (that one is FZ406's)
_HYPHENED_YEARS = regex.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-‐‑–]\s*(?:19|20)\d{2}(?!\d)")
# near: a plan's period at the end of a cosmetic form, weighed apart from the name
_PERIOD = regex.compile(r"\(\d{4}-\d{4}年?\)$")
_CHARS_PER_EDIT, _MOST_EDITS = 8, 2  # a name under 16 characters may be one off, a longer one two
_KIND = 2  # a document's kind is the last two characters of its name: 规定, 纲要, 意见
_REGULATIONS = frozenset({"规定", "办法", "条例", "规则"})  # kinds a central regulation is misremembered as
# words of an official name that a citation drops and still means the document (法治政府建设纲要)
_DROPPED_WORDS = ("实施", "履行", "推进")  # not 工作: 《信访条例》 (2005) is a document of its own
# words that make a near name another document: one made to carry out the central one, or a list of it
_ANOTHER_DOCUMENT = ("实施", "细则", "清单", "方案", "意见", "指引", "解读")


@dataclass(frozen=True)
class _Document:
    official: tuple[str, ...]
    accepted: frozenset[str]  # cosmetic forms that are right
    unprefixed: bool  # no official name starts with 中华人民共和国: a cited one must not either


def _entry(raw: dict) -> tuple[str, _Document]:
    if not isinstance(raw, dict) or not raw.get("official") or not raw.get("variants") or not raw.get("source"):
        raise ValueError(f"每项须有 official、variants、source：{raw}")
    official = (raw["official"],) if isinstance(raw["official"], str) else tuple(raw["official"])
    accepted = frozenset(cosmetic_form(str(t)) for t in (*official, *raw.get("accepted", [])))
    unprefixed = not any(name.startswith(NATIONAL_PREFIX) for name in official)
    return str(raw["variants"]), _Document(official, accepted, unprefixed)


def _closest(official: tuple[str, ...], cited: str) -> tuple[str, ...]:
    """The editions whose years are nearest the cited title's (all of them when it has none, or several are as near)."""
    years = [int(year) for year in _YEAR.findall(cited)]
    if len(official) == 1 or not years:
        return official
    distance = {name: sum(abs(a - b) for a, b in zip(years, map(int, _YEAR.findall(name)))) for name in official}
    nearest = min(distance.values())
    return tuple(name for name in official if distance[name] == nearest)


def _split(form: str) -> tuple[str, str]:
    period = _PERIOD.search(form)
    return (form[: period.start()], period.group()) if period else (form, "")


def _near_enough(form: str, official: str) -> int | None:
    """How far a cited title's cosmetic form is from an official one's, when near enough to be that
    document miscopied; None when it is farther, or is another document."""
    name, period = _split(form)
    official_name, official_period = _split(official)
    if any(word in name and word not in official_name for word in _ANOTHER_DOCUMENT):
        return None
    most = min(_MOST_EDITS, max(1, len(official_name) // _CHARS_PER_EDIT))
    kind, official_kind = name[-_KIND:], official_name[-_KIND:]
    if kind != official_kind:
        # another kind is another document, but for a kind written after the whole name (法治中国建设规划
        # 纲要) and, in a long name, one regulation's kind for another (督察工作办法)
        appended = name == official_name + kind
        swapped = most == _MOST_EDITS and name[:-_KIND] == official_name[:-_KIND] and {kind, official_kind} <= _REGULATIONS
        return _KIND if (appended or swapped) and period == official_period else None
    if period == official_period and _word_dropped(name, official_name):
        return 1
    count = edits(form, official, most)
    return count if count <= most else None


def _word_dropped(name: str, official_name: str) -> bool:
    """The official name with one of its words that are easily left out missing (法治政府建设纲要 of
    法治政府建设实施纲要): one slip, however many characters it takes. Another word left out (法治建设实施
    纲要, no 政府) names another thing, and is weighed by edits as any other."""
    return any(word in official_name and official_name.replace(word, "", 1) == name for word in _DROPPED_WORDS)


def compile(options: dict) -> Check:
    entries = [_entry(raw) for raw in options["titles"]]
    if not entries:
        raise ValueError("titles 不能为空")
    if options["report"] not in _REPORTS:
        raise ValueError(f"report 应为 {'/'.join(_REPORTS)}")
    hyphens = options["report"] == "hyphen"
    documents = [document for _, document in entries]
    # near: every right form, the accepted ones (法治政府建设实施纲要) as they are, with the name to suggest for it
    right_forms = {form: form for document in documents for form in document.accepted}
    right_forms |= {cosmetic_form(name): name for document in documents for name in document.official}
    places = gazetteer() if options["near"] else None
    recognise = compile_pattern("|".join(f"(?P<t{n}>{variants})" for n, (variants, _) in enumerate(entries)), "variants")
    form_of = lru_cache(maxsize=4096)(cosmetic_form)

    def near(form: str) -> tuple[str, ...]:
        """The official names of the nearest document a title not recognised is a miscopy of."""
        if form in right_forms or any(places.longest_at(form, i) for i in range(len(form))):
            return ()  # a place's name: a local document (法治浙江建设规划)
        distances = {right: _near_enough(form, right) for right in right_forms}
        found = {right: count for right, count in distances.items() if count is not None}
        if not found:
            return ()
        nearest = min(found.values())
        return tuple(right_forms[right] for right, count in found.items() if count == nearest)

    @lru_cache(maxsize=4096)
    def misquoted(title: str) -> tuple[str, ...]:
        """The official names a cited title should have been; none when it is right (or when it is
        wrong another way than the rule reports)."""
        form = form_of(title)
        match = recognise.fullmatch(form)
        if match is None:
            return near(form) if places is not None and not hyphens else ()
        group = next(name for name, value in match.groupdict().items() if value is not None)
        document = documents[int(group[1:])]
        wrong_name = form not in document.accepted or national_prefixed(title) and document.unprefixed
        if not hyphens:
            return _closest(document.official, form) if wrong_name else ()
        if wrong_name or not _HYPHENED_YEARS.search(title):
            return ()
        return tuple(name for name in document.official if form_of(name) == form)  # the official name, but for the hyphen

    def check(document: Document) -> Iterator[Hit]:
        for paragraph, titles in titled_paragraphs(document):
            for title in titles:
                names = misquoted(title.text)
                if not names:
                    continue
                official = "或".join(f"《{name}》" for name in names)
                fix = official if len(names) == 1 else None
                yield Hit(paragraph, title.start, title.end, {"cited": f"《{title.text}》", "official": official}, fix)

    return check
