"""外地地名（foreign_place）：报告里以“本地”身份出现的地名不在发文机关所在地区。

照抄别地的报告时，“法治阆中”“阆中市委”之类的字样会留下来。本类型用地名表
（rules/data/places.tsv，省、地、县三级及简称）在 `pattern` 指定的语境中找地名，
再与发文机关的所在地区（上下文 region，如 北京市 › 东城区）比较：
- 所在地区本身、它的上级（北京市）和下级，都是“本地”，不报；
- 同省的其他地方是“邻近地区”（朝阳区之于东城区）；
- 其他省份的地方是“外地”（阆中市之于东城区）。
一个名字对应多处地方时（“朝阳”），只要其中一处是本地就不报。
书名号内的地名不报：《北京市物业管理条例》《大兴区人民政府行政规范性文件制定办法》是引用。

选项：
- pattern：正则表达式，其中 {place} 代入地名匹配器（命名组 place），如
  `(?:法治|平安){place}(?=建设|[、，。])`。
- names：all（全称与简称，默认）或 full（只用全称，如“阆中市”）。
- reach：chain（邻近地区和外地都报，默认）、province（只报外地）、neighbours（只报邻近地区）。
- not_places：在地名表里、但在此语境中是普通词语的名字（如“城区”“郊区”）。

示例（pattern 如上，发文机关在北京市东城区）：
  FAIL  法治阆中、法治政府、法治社会一体建设
  PASS  法治东城、法治政府、法治社会一体建设
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.model import Document
from checker.document.places import Gazetteer, Place, gazetteer
from checker.engine.ruletype import Check, Hit, Option
from checker.rules.book_titles import book_titles, inside_any

TYPE = "foreign_place"
NEEDS = ("region",)
OPTIONS = {
    "pattern": Option(str, doc="正则表达式，{place} 处代入地名匹配器"),
    "names": Option(str, "all", "all | full"),
    "reach": Option(str, "chain", "chain | province | neighbours"),
    "not_places": Option(list, [], "在此语境中是普通词语的地名"),
}
_REACH = {"chain": {"neighbour", "foreign"}, "province": {"foreign"}, "neighbours": {"neighbour"}}


def home_place(places: Gazetteer, region: list[str]) -> Place | None:
    """The deepest place of a region chain that the gazetteer knows (a township is not in it)."""
    home: Place | None = None
    for name in region:
        candidates = [p for p in places.lookup(name) if home is None or home in places.chain(p)]
        if candidates:
            home = candidates[0]
    return home


def relation(places: Gazetteer, place: Place, home: Place) -> str:
    """home (the region, its ancestors and descendants), neighbour (same province) or foreign."""
    chain, home_chain = places.chain(place), places.chain(home)
    if home in chain or place in home_chain:
        return "home"
    return "neighbour" if chain[0] == home_chain[0] else "foreign"


def _closest(places: Gazetteer, name: str, home: Place) -> tuple[str, Place]:
    """The relation of the nearest place that bears `name`: home before neighbour before foreign."""
    ranked = sorted(((relation(places, p, home), p) for p in places.lookup(name)),
                    key=lambda pair: ("home", "neighbour", "foreign").index(pair[0]))
    return ranked[0]


def compile_with(options: dict, places: Gazetteer) -> Check:
    """The check over a given gazetteer (the benchmark compares gazetteer sizes through this)."""
    if "{place}" not in options["pattern"] or options["reach"] not in _REACH or options["names"] not in ("all", "full"):
        raise ValueError("pattern 须含 {place}；reach 为 chain/province/neighbours；names 为 all/full")
    skip = set(options["not_places"])
    if options["names"] == "full":
        names = {p.name for p in places.places.values()}
    else:
        names = set(places.by_name)
    names -= skip
    matcher = regex.compile(options["pattern"].replace("{place}", r"(?P<place>\L<places>)"),
                            places=sorted(names, key=len, reverse=True))
    flagged = _REACH[options["reach"]]

    def check(document: Document) -> Iterator[Hit]:
        home = home_place(places, document.context.region)
        if home is None:
            return
        region = "".join(document.context.region)
        for paragraph in document.paragraphs:
            titles = None
            for match in matcher.finditer(paragraph.text):
                kind, place = _closest(places, match.group("place"), home)
                if kind not in flagged:
                    continue
                titles = titles if titles is not None else book_titles(paragraph.text)[0]
                if inside_any(titles, *match.span()):
                    continue
                where = "".join(p.name for p in places.chain(place))
                args = {"match": match.group(), "place": match.group("place"), "where": where, "region": region}
                yield Hit(paragraph, match.start(), match.end(), args)

    return check


def compile(options: dict) -> Check:
    return compile_with(options, gazetteer())
