"""本机关名称写错（own_name）：报告里写本机关全称时，缩短或写错了名称。

发文机关（上下文 body）由地名和机构名组成（东城区 + 园林绿化局，永春县 + 人民政府）。正文里以本机关
地名（全称、简称或曾用名）开头、以同一机构结尾的名称，若不是本机关的名称，而是它的残缺写法，就报告：
- 机构名缺一个词：“东城区园林局”之于“东城区园林绿化局”（漏了连续的一段“绿化”，其余照旧；“农业局”之于
  改革后的“农业农村局”）。每个词留一两个字的规范化简称（市场监管局、人社局、城管局、住建局）漏的是
  好几段，不报；漏的是 `usual_drops` 里的词（综合执法局之于综合行政执法局）也不报；
- 人民政府前的地名用了简称：“永春人民政府”之于“永春县人民政府”（“永春县政府”是通行简称，不报）；
  其他机构前的地名用简称（“永春司法局”）是通行写法，不报，但机构名以 `level_starts` 之一开头、地名简称
  与它连读成了另一级地名的要报：“准格尔市场监督管理局”之于“准格尔旗市场监督管理局”（读作“准格尔市”）；
  简称也是别处地名的（本溪县的“本溪”也是本溪市）不报；
- 机构名照旧、结尾写成了别的机构（`wrong_organs` 之一）：“赣州市发展和改革局”之于“赣州市发展和改革委员会”，
  “东城区人民防空局”之于“东城区人民防空办公室”。结尾的简写（委员会写作“委”，办公室写作“办”）不报；
  “中心”这类可能是另一个机构（下属单位）的结尾不在 `wrong_organs` 里，不报。
其他机构（“东城区水务局”）不是本机关的残缺写法，不报。联合发文时取最后一个机关。
修复（不安全）换成本机关的名称。

选项：
- organs：机构名的结尾（最长的优先），如 [人民政府, 局, 办公室, 委员会, 中心]
- usual_drops：机构名里漏掉后仍是通行简称的词，如 [行政]（综合行政执法局 → 综合执法局）
- level_starts：机构名以这些字开头时，地名简称与它连读成另一级的地名（正则表达式），如 `市|区|县`
- government：表示人民政府的结尾
- wrong_organs：本机关的机构名之后，写成这些结尾就是写错了机构（正则表达式，最长的在前），如
  `委员会|委(?!托)|办公室|局(?!面)|厅`

示例（发文机关 东城区园林绿化局）：
  FAIL  东城区园林局持续推进执法规范化。
  PASS  东城区水务局配合开展联合执法。
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.model import Document
from checker.document.places import gazetteer
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern, view_matches

TYPE = "own_name"
NEEDS = ("body",)
OPTIONS = {
    "organs": Option(list, doc="机构名的结尾"),
    "government": Option(str, "人民政府", "表示人民政府的结尾"),
    "wrong_organs": Option(str, "", "紧跟本机关机构名、写错了机构的结尾（正则表达式）"),
    "usual_drops": Option(list, [], "机构名里漏掉后仍是通行简称的词（综合行政执法局 → 综合执法局 的“行政”）"),
    "level_starts": Option(str, "", "机构名以这些字开头时，地名简称与它连读成另一级的地名（正则表达式）"),
}
_SHORTEST_STEM = 2  # characters of the organ before its ending: 司法 of 司法局


def _is_shortening(written: str, own: str, usual_drops: frozenset[str]) -> bool:
    """园林局 of 园林绿化局: one run of characters left out (a word dropped, 绿化), the rest as it was,
    unless the run is one of `usual_drops` (行政: 综合执法局 of 综合行政执法局 is the usual short form).
    A short form that keeps a character or two of each word (市场监管局, 人社局, 城管局) leaves out
    several runs: the 规范化简称 GB/T 9704 allows, not a slip."""
    if len(written) >= len(own) or written[-1] != own[-1] or own.startswith(written):
        # the head of a name ending as the whole does is the body above it: 公安局 of 公安局城关分局
        return False
    kept = next((i for i, (a, b) in enumerate(zip(written, own)) if a != b), len(written))
    return own.endswith(written[kept:]) and own[kept : kept + len(own) - len(written)] not in usual_drops


def _same_ending(written: str, own: str) -> bool:
    """The same organ, or one of them its short form: 委 of 委员会, 办 of 办公室."""
    return written.startswith(own) or own.startswith(written)


def compile(options: dict) -> Check:
    organs = sorted(map(str, options["organs"]), key=len, reverse=True)
    government = options["government"]
    wrong_organs = options["wrong_organs"]
    usual_drops = frozenset(map(str, options["usual_drops"]))
    level_start = compile_pattern(options["level_starts"], "level_starts") if options["level_starts"] else None
    places = gazetteer()

    def check(document: Document) -> Iterator[Hit]:
        body = document.context.body.split()[-1]
        position, place = places.places_at(body, 0)
        organ = body[position:]
        ending = next((o for o in organs if organ.endswith(o)), None)
        if place is None or ending is None:
            return
        own = places.lookup(place)[0]
        # the body as its title writes it from its deepest place on (白沙县人力资源和社会保障局: the
        # place written 白沙县, not 白沙黎族自治县)
        as_written = place + organ
        names = sorted({own.name, *own.short_forms, *own.other_names, *own.abbreviations}, key=len, reverse=True)
        place_names = "|".join(map(regex.escape, names))
        pattern = regex.compile(rf"(?P<place>{place_names})(?P<organ>\p{{Han}}{{0,8}}?{regex.escape(ending)})")
        for paragraph, start, end, match in view_matches(document, pattern):
            written_place, written = match.group("place"), match.group("organ")
            if ending == government:
                wrong = written == government and written_place != own.name and written_place in own.short_forms
            elif written == organ:
                # 准格尔市场监督管理局: the short form reads with the organ's first character as another
                # place (准格尔市); a short form that names another place too (本溪: 本溪市) may be that one's
                wrong = level_start is not None and written_place in own.short_forms and \
                    level_start.match(organ) is not None and places.lookup(written_place) == [own]
            else:
                wrong = _is_shortening(written, organ, usual_drops)
            if wrong:
                yield Hit(paragraph, start, end, {"found": match.group(), "how": "残缺写法", "body": as_written},
                          replacement=as_written)
        stem = organ[: -len(ending)]
        if not wrong_organs or len(stem) < _SHORTEST_STEM:
            return
        # 赣州市发展和改革局 for 赣州市发展和改革委员会: the organ's own words, another organ's ending
        pattern = regex.compile(rf"(?:{place_names}){regex.escape(stem)}(?P<ending>{wrong_organs})")
        for paragraph, start, end, match in view_matches(document, pattern):
            if not _same_ending(match.group("ending"), ending):
                how = f"错误写法（机构名的结尾“{match.group('ending')}”应为“{ending}”）"
                yield Hit(paragraph, start, end, {"found": match.group(), "how": how, "body": as_written},
                          replacement=as_written)

    return check
