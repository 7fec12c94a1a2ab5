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
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern

TYPE = "official_titles"
NEEDS: tuple[str, ...] = ()
OPTIONS = {
    "titles": Option(list, doc="[{official, variants, accepted, source}]：文件的正式名称和认出它的写法"),
    "report": Option(str, "name", "name | hyphen：报名称不符，或只报年份之间的短横线"),
}
_REPORTS = ("name", "hyphen")
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# two years joined by a hyphen (or an en dash), no 年 after the first (that one is FZ406's)
_HYPHENED_YEARS = regex.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-‐‑–]\s*(?:19|20)\d{2}(?!\d)")


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


def compile(options: dict) -> Check:
    entries = [_entry(raw) for raw in options["titles"]]
    if not entries:
        raise ValueError("titles 不能为空")
    if options["report"] not in _REPORTS:
        raise ValueError(f"report 应为 {'/'.join(_REPORTS)}")
    hyphens = options["report"] == "hyphen"
    documents = [document for _, document in entries]
    recognise = compile_pattern("|".join(f"(?P<t{n}>{variants})" for n, (variants, _) in enumerate(entries)), "variants")
    form_of = lru_cache(maxsize=4096)(cosmetic_form)

    @lru_cache(maxsize=4096)
    def misquoted(title: str) -> tuple[str, ...]:
        """The official names a cited title should have been; none when it is right (or when it is
        wrong another way than the rule reports)."""
        form = form_of(title)
        match = recognise.fullmatch(form)
        if match is None:
            return ()
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
