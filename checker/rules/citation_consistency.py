"""同一文件两种写法（citation_consistency）：同一部法规在一份报告里写成了两个名称。

把每个书名号里的名称化为“同一性键”：先去掉不改变所指文件的差异（空格、括号全半角、连接号、
区间首年的“年”、“（2021年修订版）”之类的版本说明、“中华人民共和国”前缀——《行政处罚法》
是《中华人民共和国行政处罚法》的通行简称，不算不一致），再把名称开头的地名换成地名表中的地方
（“北京”与“北京市”、“北京市延庆区”与“延庆区”是同一地方），去掉地名后面的“人民政府”“人民政府办公室（厅）”“办公厅”
（《兰州市人民政府重大行政决策程序规定》与《兰州市重大行政决策程序规定》；后面是“关于”的不去：政府和它的办公厅
各自发文，《××市人民政府关于……》与《××市人民政府办公厅关于……》是两份文件），并去掉结构助词“的”（《××制度的实施办法》与
《××制度实施办法》只差一个“的”，是同一文件，至少有一处没照录正式名称）和年份后的“度”（《××市2022年工作要点》与
《××市2022年度工作要点》）。键相同而写法不同，就是同一文件
的两种写法：以地名写得最完整的写法为准（同样完整时以先出现的为准），其余写法每处报告一次，
并给出不安全修复（换成为准的写法）。规划、纲要带规划期与不带规划期的写法（《××规划（2021－2025年）》
与《××规划》）也算同一文件的两种写法、以带规划期的为准，除非报告引用了两个规划期，或用“以下简称
《××规划》”把不带规划期的名称定为简称。

不带地名的名称（《行政程序条例》）与报告里带地名的同名文件（《江苏省行政程序条例》）也算同一文件的两种写法，以带地名的
为准，但要同时满足：这个名称不是全国性的法律法规（`national` 列出的名称；以“法”“法典”结尾而不是“办法”的，是法律，
也不算），带地名的写法只有一个地方的，不带地名的写法都出现在带地名的写法之后（国务院的《物业管理条例》与
《北京市物业管理条例》常常先后并列引用：先写的不带地名的多半是全国的那一份），名称不短于 `bare_min_length` 个字
（《实施方案》这类只有文种的简称不算），报告也没有用“以下简称”把它定为简称。

选项：
- min_length：参与比较的名称最短长度（去掉地名后），太短的名称（《决定》）不比较。
- national：全国性法律法规的名称，不带地名时不与地方的同名文件合并。
- national_titles：同上，写成 official_titles 类型 titles 的项（读 official、accepted，其余的键不读），可直接引用
  那条规则的名单。
- bare_min_length：与带地名的写法合并的不带地名名称的最短长度。

示例：
  FAIL  ……《北京市物业管理条例》……《北京物业管理条例》……（后者）
  FAIL  ……《某区行政执法公示制度的实施办法》……《某区行政执法公示制度实施办法》……（后者）
  PASS  ……《中华人民共和国行政处罚法》……《行政处罚法》……
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import regex

from checker.document.book_titles import BookTitle, cosmetic_form, national_prefixed
from checker.document.cited_titles import titled_paragraphs
from checker.document.model import Document, Paragraph
from checker.document.places import Gazetteer, gazetteer
from checker.engine.ruletype import Check, Hit, Option

# a plan's period at the end of a title's cosmetic form (brackets and dashes already made alike)
_PERIOD = regex.compile(r"\(\d{4}-\d{4}年\)$")
_SHORT_NAME = ("简称", "简称为")  # "（以下简称《…》）": the report's own short name for a title
_PARTICLE = "的"  # 《…制度的实施办法》 and 《…制度实施办法》 name one document
_YEAR_DU = regex.compile(r"(?<=\d{4}年)度")  # 《某市2022年工作要点》 and 《某市2022年度工作要点》 name one too
# the government, or its office, written between the place and the name (《兰州市人民政府重大行政决策程序规定》);
# not before 关于: the government and its office each issue their own 《…关于…》
_ORGAN = regex.compile(r"(?>人民政府办公[厅室]|人民政府|办公厅)(?!关于)")
# a national law: only the NPC names a document …法 (a local one is an 办法), and a law's 实施条例 is the State Council's
_LAW = regex.compile(r"(?<!办)法(?:典|实施条例|实施细则)?$")

TYPE = "citation_consistency"
NEEDS: tuple[str, ...] = ()
OPTIONS = {
    "min_length": Option(int, 4, "参与比较的名称（去掉开头地名后）的最短长度"),
    "national": Option(list, [], "全国性法律法规的名称"),
    "national_titles": Option(list, [], "全国性文件，official_titles 类型 titles 的项（读 official、accepted）"),
    "bare_min_length": Option(int, 5, "与带地名的同名文件合并的不带地名名称的最短长度"),
}


class _Citation(NamedTuple):  # a tuple: one for each title of every draft
    paragraph: Paragraph
    title: BookTitle
    form: str  # the cosmetic form
    place_length: int  # characters of place names at its start


def _join_bare_to_its_period(groups: dict[tuple, list[_Citation]]) -> None:
    """A plan cited with its period (《…规划（2021－2025年）》) and without it (《…规划》) in one report
    is one document written two ways: the bare citations join the group of the period, unless two
    periods are cited (the bare one could be either) or the report named the bare title its short
    form (“以下简称《…规划》”)."""
    periods: dict[tuple, list[tuple]] = {}
    for key in groups:
        codes, rest = key
        if found := _PERIOD.search(rest):
            periods.setdefault((codes, rest[: found.start()]), []).append(key)
    for bare, with_period in periods.items():
        if len(with_period) != 1 or bare not in groups:
            continue
        if any(c.paragraph.text.endswith(_SHORT_NAME, 0, c.title.start) for c in groups[bare]):
            continue
        groups[with_period[0]] += groups.pop(bare)


def _join_bare_to_its_place(groups: dict[tuple, list[_Citation]], national: frozenset[str], bare_min_length: int) -> None:
    """A title without a place (《行政程序条例》) cited only after the one same-named title with a place
    (《江苏省行政程序条例》) is that document written two ways, unless the name is a national one's."""
    placed: dict[str, list[tuple]] = {}
    for key in groups:
        if key[0]:
            placed.setdefault(key[1], []).append(key)
    for rest, keys in placed.items():
        bare = groups.get(((), rest))
        if len(keys) != 1 or bare is None or len(rest) < bare_min_length:
            continue
        if any(c.form in national or _LAW.search(c.form) or national_prefixed(c.title.text) for c in bare):
            continue
        if any(c.paragraph.text.endswith(_SHORT_NAME, 0, c.title.start) for c in bare):
            continue  # the report's own short name for it
        first_placed = min((c.paragraph.index, c.title.start) for c in groups[keys[0]])
        if min((c.paragraph.index, c.title.start) for c in bare) > first_placed:
            groups[keys[0]] += groups.pop(((), rest))


def _names(entries: list) -> Iterator[str]:
    """The names the entries of official_titles' `titles` hold: official and accepted."""
    for entry in entries:
        if not isinstance(entry, dict):
            raise TypeError(f"national_titles 的项须是带 official 的映射：{entry}")
        official = entry.get("official", [])
        yield from [official] if isinstance(official, str) else official
        yield from entry.get("accepted", [])


def identity(form: str, places: Gazetteer) -> tuple[tuple[str, ...], str, int]:
    """(the places a title starts with, as codes of the deepest one; the rest, without the government or
    office named after the places; length of the place part)."""
    position, codes = 0, ()
    while name := places.longest_at(form, position):
        codes = tuple(sorted(p.code for p in places.lookup(name)))
        position += len(name)
    organ = _ORGAN.match(form, position) if codes else None
    return codes, form[organ.end() if organ else position :], position


def compile(options: dict) -> Check:
    places = gazetteer()
    min_length, bare_min_length = options["min_length"], options["bare_min_length"]
    national = frozenset(map(cosmetic_form, [*map(str, options["national"]), *_names(options["national_titles"])]))

    @lru_cache(maxsize=4096)  # the same few hundred titles come back in draft after draft
    def key_of(title: str) -> tuple[str, tuple | None, int]:
        """(cosmetic form, identity key, length of the place part) of a title's text."""
        form = cosmetic_form(title)
        codes, rest, place_length = identity(form, places)
        key = (codes, _YEAR_DU.sub("", rest.replace(_PARTICLE, ""))) if len(rest) >= min_length else None
        return form, key, place_length

    def check(document: Document) -> Iterator[Hit]:
        groups: dict[tuple, list[_Citation]] = {}
        for paragraph, titles in titled_paragraphs(document):
            for title in titles:
                form, key, place_length = key_of(title.text)
                if key is not None:
                    groups.setdefault(key, []).append(_Citation(paragraph, title, form, place_length))
        _join_bare_to_its_period(groups)
        _join_bare_to_its_place(groups, national, bare_min_length)
        for citations in groups.values():
            if len({c.form for c in citations}) < 2:
                continue
            # the fullest form: with its period, then with the most place (max keeps the first of equals)
            preferred = max(citations, key=lambda c: (_PERIOD.search(c.form) is not None, c.place_length))
            for citation in citations:
                if citation.form != preferred.form:
                    args = {"title": citation.title.text, "preferred": preferred.title.text, "line": preferred.paragraph.line}
                    yield Hit(citation.paragraph, citation.title.start, citation.title.end, args,
                              replacement=f"《{preferred.title.text}》")

    return check
