"""外地地名（foreign_place）：报告里以“本地”身份出现的地名不在发文机关所在地区。

照抄别地的报告时，“法治阆中”“阆中市委”之类的字样会留下来。本类型用地名表
（rules/data/places.tsv，省、地、县三级及简称）找紧挨着 `before` 之后或 `after` 之前的地名，
再与发文机关的所在地区（上下文 region，如 北京市 › 东城区）比较：
- 所在地区本身、它的上级（北京市）和下级，都是“本地”，不报；
- 同省的其他地方是“邻近地区”（朝阳区之于东城区）；
- 其他省份的地方是“外地”（阆中市之于东城区）。
一个名字对应多处地方时（“朝阳”），只要其中一处是本地就不报。紧挨着的几个地名取最长的
（“东城区”而不是“东城”）；最长的那个若是 `not_places` 中的普通词语（“城区”），就不是地名。
书名号内的地名不报：《北京市物业管理条例》《大兴区人民政府行政规范性文件制定办法》是引用。
落在地名陷阱里的不报：陷阱是报告上下文也用的数据（rules/data/context.yaml 的 place_traps），如
“守护群众幸福安康”的“安康”、“市政府和县委”的“和县”。

选项：
- before：紧挨在地名前的文字（正则表达式），如 `法治|平安`；
- after：紧挨在地名后的文字（正则表达式），如 `委|人民政府|政府`，或只作边界的 `(?=建设|[、，。])`。
  两者至少给一项；命中范围从 before 的开头到 after 的结尾。
- unless_before：地名前同一句内 10 个字以内出现这些说法（正则表达式）时不报，
  用于“与××区人民政府签订协议”“赴××市考察”这类合作、交流的句子。
- unless_after：命中之后同一句内 10 个字以内出现这些说法时不报，用于外地机关作主语、合作的对象是
  本机关的句子（“××县人民政府与我县签订执法协作协议”）。
- unless_both：为 true 时，unless_before 与 unless_after 都出现才不报（默认任一出现即不报），用于
  “对标法治××建设经验”这类学习外地的句子：只有“对标”（对标法治××建设目标）或只有“经验”（总结法治××建设经验）
  都还是把外地口号当作本地的。
- names：all（全称与简称，默认）或 full（只用全称，如“阆中市”；自治州、自治县、自治旗也可写作简称加
  州、县、旗，如“黄南州”“化隆县”）。
- reach：chain（邻近地区和外地都报，默认）、province（只报外地）、neighbours（只报邻近地区）。
- not_places：在地名表里、但在此语境中是普通词语的名字（如“城区”“郊区”）。
- slogan_verbs：紧挨在 before 之前的动词（正则表达式），如 `建设|打造`：“为建设法治建德打下坚实基础”里
  口号由动词领起，地名之后是什么字都行（不必是 after）；
- slogan_modifier：动词与口号之间可以有的修饰语（正则表达式，至多 12 个字），如“不带标点、以‘的’结尾的几个字”：
  “为建设更高水平的平安××作出贡献”同样由动词领起；
- plain_words：也是普通词语的地名（“公安”“合作”“光明”），动词之后也仍要紧跟 after 才算地名
  （“推进法治公安建设”不因动词而报）；
- longer_names：地名之后是这些字时（正则表达式），地名只是更长名称的一部分（“打造美丽江南水乡”的“江南”、
  “天河机场”的“天河”），动词之后也仍要紧跟 after 才算地名。
- towns：也找发文机关附近的乡镇街道（同一地级市的；地级市的机关：同一省的），写法是不带“镇/乡/街道”的
  名字（“平安乌镇”的“乌镇”是桐乡市乌镇镇）：两个字以上、不是区县的名字、不是普通词语
  （rules/data/town_words.txt：“法治建设”的“建设”不是建设镇）；后面要紧跟 after。乡镇街道的报告里，
  本县的其他乡镇街道也报（鸠坑乡的报告写“平安威坪”）。一个名字只要有一处是本地就不报。
- town_landforms：以这些字结尾的乡镇街道名不找（正则表达式）：以湖、山为名的乡镇（千岛湖镇）与湖、山同名，
  “美丽千岛湖”说的是湖。
- aliases：{简称: 地方全称}，地名表里没有的通行简称（“伊旗”是伊金霍洛旗，“锡盟”是锡林郭勒盟），与地名表里的
  名字一样找、一样比较；简称必须不在地名表中（在的，它的所指已由地名表决定）。
- nicknames：{名字: 地方全称（几处用顿号隔开）}，地名表里某地的简称同时是别处的别称时（“中原”是郑州市中原区，
  也是河南省的别称；“榕城”是揭阳市榕城区，也是福州市的别称），这些地方也算这个名字的所指：其中
  一处是本地就不报（郑州、洛阳的报告写“法治中原”）。

查找从 before（或 after）的命中出发，沿地名前缀树走几步即可，与地名表大小无关。

示例（before: 法治，after: (?=建设|[、，。])，发文机关在北京市东城区）：
  FAIL  法治阆中、法治政府、法治社会一体建设
  PASS  法治东城、法治政府、法治社会一体建设
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

import ahocorasick_rs
import regex

from checker.document.book_titles import book_titles, inside_any
from checker.document.context_words import trapped
from checker.document.model import Document, Paragraph
from checker.document.pieces import line_pieces
from checker.document.places import NEARNESS, Gazetteer, Place, chain_name, gazetteer, home_place, nearest
from checker.document.towns import (
    Town,
    nearby_prefix,
    own_township,
    stem_of,
    town_chain,
    town_nearness,
    town_words,
    towns_within,
)
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import Adjacent, Trie, affixes, compile_pattern, is_han, is_plain

TYPE = "foreign_place"
NEEDS = ("region",)
OPTIONS = {
    "before": Option(str, "", "紧挨在地名前的文字（正则表达式）"),
    "after": Option(str, "", "紧挨在地名后的文字（正则表达式）"),
    "unless_before": Option(str, "", "地名前同一句 10 字内出现时不报（正则表达式）"),
    "unless_after": Option(str, "", "命中之后同一句 10 字内出现时不报（正则表达式）"),
    "unless_both": Option(bool, False, "unless_before 与 unless_after 都出现才不报（默认任一出现即不报）"),
    "names": Option(str, "all", "all | full"),
    "reach": Option(str, "chain", "chain | province | neighbours"),
    "not_places": Option(list, [], "在此语境中是普通词语的地名"),
    "nicknames": Option(dict, {}, "{名字: 地方全称（几处用顿号隔开）}：也用这个名字称呼的地方（别称）"),
    "aliases": Option(dict, {}, "{简称: 地方全称}：地名表里没有的通行简称（伊旗、锡盟）"),
    "slogan_verbs": Option(str, "", "紧挨在 before 之前的动词（正则表达式）：有它时地名后不必是 after"),
    "slogan_modifier": Option(str, "", "动词与 before 之间可有的修饰语（正则表达式，至多 12 个字）：建设更高水平的法治××"),
    "plain_words": Option(list, [], "也是普通词语的地名：slogan_verbs 之后仍要紧跟 after 才算地名"),
    "longer_names": Option(str, "", "地名之后是这些字时，是更长名称的一部分（江南水乡、天河机场）：slogan_verbs 之后也不算地名（正则表达式）"),
    "towns": Option(bool, False, "也找附近的乡镇街道名（不带“镇/乡/街道”，如“乌镇”）：只用于 before"),
    "town_landforms": Option(str, "", "以这些字结尾的乡镇街道名不找（正则表达式）：湖、山的名字（美丽千岛湖）"),
}
_REACH = {"chain": {"neighbour", "foreign"}, "province": {"foreign"}, "neighbours": {"neighbour"}}
_EXCUSE_WINDOW = 10
_VERB_REACH = 4  # characters before the anchor a slogan's verb is looked for in
_MODIFIER_REACH = 12  # and the most its modifier may add (更高水平的)
_SENTENCE_END = regex.compile(r"[。！？；!?;\n]")


def _places_named(places: Gazetteer, name: str, targets: str, what: str) -> list[Place]:
    found = []
    for full in (t.strip() for t in targets.split("、")):
        if not (named := places.lookup(full)):
            raise ValueError(f"{what}「{name}」中的「{full}」不在地名表中（应写地方全称，如 河南省、福州市）")
        found += named
    return found


def _excused(before: regex.Pattern | None, after: regex.Pattern | None, both: bool, text: str, start: int, end: int) -> bool:
    """Whether `before` occurs in the same sentence within _EXCUSE_WINDOW characters before the hit,
    or (`both`: and) `after` within as many after it."""
    found_before = before is not None and before.search(
        _SENTENCE_END.split(text[max(0, start - _EXCUSE_WINDOW) : start])[-1]) is not None
    found_after = after is not None and after.search(_SENTENCE_END.split(text[end : end + _EXCUSE_WINDOW])[0]) is not None
    return found_before and found_after if both else found_before or found_after


def _span_finder(pattern: str) -> Callable[[str], list[tuple[int, int]]]:
    """The spans of `pattern`'s matches in a paragraph, left to right, not overlapping. A plain
    alternation of words ("法治|平安|…") runs as an Aho–Corasick automaton, leftmost-first like the
    regex alternation and faster."""
    words = pattern.split("|")
    if all(words) and all(is_plain(word) for word in words):
        automaton = ahocorasick_rs.AhoCorasick(
            words, matchkind=ahocorasick_rs.MatchKind.LeftmostFirst, implementation=ahocorasick_rs.Implementation.DFA
        )
        return lambda text: [(offset + start, offset + end) for offset, piece in line_pieces(text)
                             for _, start, end in automaton.find_matches_as_indexes(piece)]
    compiled = compile_pattern(pattern)
    return lambda text: [match.span() for match in compiled.finditer(text)]


def _anchor_ends(pattern: str, place_after: bool) -> frozenset[str] | None:
    """The strings next to the place that every anchor match holds there: the words of a plain
    alternation, else the strings its matches end with (place after) or start with (place before)."""
    words = pattern.split("|")
    if all(words) and all(is_plain(word) for word in words):
        return frozenset(words)
    prefixes, suffixes = affixes(pattern)
    return suffixes if place_after else prefixes


def compile_with(options: dict, places: Gazetteer) -> Check:
    """The check over a given gazetteer (the benchmark compares gazetteer sizes through this)."""
    if not (options["before"] or options["after"]):
        raise ValueError("before 与 after 至少给一项")
    if options["reach"] not in _REACH or options["names"] not in ("all", "full"):
        raise ValueError("reach 为 chain/province/neighbours；names 为 all/full")
    full_only = options["names"] == "full"
    not_places = set(options["not_places"])
    # a name's other readings first: where all are foreign, the message names the place the name is
    # used for (中原: 河南省) rather than the district that happens to bear it
    nicknames = {str(name): _places_named(places, str(name), str(targets), "nicknames") for name, targets in options["nicknames"].items()}
    aliases = {str(name): _places_named(places, str(name), str(target), "aliases") for name, target in options["aliases"].items()}
    if known := [name for name in aliases if places.lookup(name)]:
        raise ValueError(f"aliases 中的「{'、'.join(known)}」已是地名表中的名字")
    names = (set(places.full_names) if full_only else set(places.by_name)) | set(aliases)
    before = compile_pattern(options["before"], "before") if options["before"] else None
    after = compile_pattern(options["after"], "after") if options["after"] else None
    excuse = compile_pattern(options["unless_before"], "unless_before") if options["unless_before"] else None
    excuse_after = compile_pattern(options["unless_after"], "unless_after") if options["unless_after"] else None
    excuse_both = options["unless_both"]
    modifier = f"(?:{options['slogan_modifier']})?" if options["slogan_modifier"] else ""
    verb = compile_pattern(f"(?:{options['slogan_verbs']}){modifier}$", "slogan_verbs") if options["slogan_verbs"] else None
    verb_reach = _VERB_REACH + (_MODIFIER_REACH if modifier else 0)
    plain_words = set(options["plain_words"])
    longer_name = compile_pattern(options["longer_names"], "longer_names") if options["longer_names"] else None
    find_towns = options["towns"] and before is not None
    landform = compile_pattern(f"(?:{options['town_landforms']})$", "town_landforms") if options["town_landforms"] else None
    # all names, forward: the gazetteer's own trie (built anyway, for the report's context)
    trie = Trie.of_nodes(places.trie) if before is not None and not full_only else Trie(names, backwards=before is None)
    # the aliases beside the gazetteer's own trie
    alias_trie = Trie(aliases) if before is not None and not full_only and aliases else None
    flagged = _REACH[options["reach"]]

    # Only a paragraph where an anchor stands next to the first two characters of some place name
    # (before; its last two, after) can hold a hit: those are picked in one pass over the document,
    # and the anchors are searched in them alone.
    anchor = options["before"] or options["after"]
    anchor_spans = _span_finder(anchor)
    width = min([2, *map(len, names)])
    edges = {name[:width] for name in names} if before is not None else {name[-width:] for name in names}
    anchor_ends = _anchor_ends(anchor, before is not None)
    near = Adjacent(anchor_ends, edges, neighbours_before=before is None) if anchor_ends else None

    def edge_next_to(text: str, start: int, end: int) -> str:
        return text[end : end + width] if before is not None else text[max(start - width, 0) : start]

    def place_next_to(text: str, start: int, end: int) -> tuple[int, int, int, int] | None:
        """(hit start, place start, place end, hit end) of the place next to the anchor text[start:end]."""
        if before is None:
            for place_start, place_end in trie.words_at(text, start)[:1]:
                if text[place_start:place_end] in not_places or _inside_a_word(text, place_start, place_end):
                    return None
                return place_start, place_start, place_end, end
            return None
        names_here = trie.words_at(text, end)
        if alias_trie is not None and (also := alias_trie.words_at(text, end)):
            names_here = sorted(names_here + also, key=lambda span: span[0] - span[1])  # longest first
        for place_start, place_end in names_here:
            if text[place_start:place_end] in not_places:
                return None
            tail = after.match(text, place_end) if after else None
            if after is None or tail:
                return start, place_start, place_end, tail.end() if tail else place_end
        # 为建设法治建德打下…: after a slogan's verb the name ends the slogan whatever follows, unless
        # it is also a word (推进法治公安…)
        if names_here and verb is not None and verb.search(text, max(0, start - verb_reach), start):
            place_start, place_end = names_here[0]
            if text[place_start:place_end] not in plain_words and not (longer_name and longer_name.match(text, place_end)):
                return start, place_start, place_end, place_end
        return None

    def candidates(document: Document) -> Iterator[tuple[Paragraph, int, int, int, int]]:
        """(paragraph, hit start, place start, place end, hit end) of each place in the anchoring context."""
        for paragraph in near.paragraphs(document) if near is not None else document.paragraphs:
            text = paragraph.text
            for start, end in anchor_spans(text):
                if edge_next_to(text, start, end) in edges and (found := place_next_to(text, start, end)):
                    yield paragraph, *found

    @lru_cache(maxsize=64)  # a batch meets a few regions many times
    def nearby_towns(prefix: str) -> tuple[dict[str, list[Town]], Trie, Adjacent | None]:
        """The townships of a prefecture (or province) by their names without 镇/乡/街道: all of them,
        to tell whether a name is home (金乡 of 苍南县's 金乡镇 is no 金乡县), and a trie of those looked
        for in slogans: two characters or more, no county's name (the gazetteer finds those), no word."""
        by_stem: dict[str, list[Town]] = {}
        for town in towns_within(prefix):
            by_stem.setdefault(town.stem, []).append(town)
        words = town_words()
        sought = [stem for stem, listed in by_stem.items() if stem != listed[0].name and stem not in words
                  and stem not in not_places and stem not in plain_words and not places.lookup(stem)
                  and not (landform and landform.search(stem))]
        adjacent = Adjacent(anchor_ends, {stem[:width] for stem in sought}) if anchor_ends and sought else None
        return by_stem, Trie(sought), adjacent

    def town_candidates(document: Document, trie: Trie, adjacent: Adjacent | None,
                        taken: set[tuple[int, int]]) -> Iterator[tuple[Paragraph, int, int, int, int]]:
        """As `candidates`, for the townships of `trie`, at anchors no county-level name was `taken` at."""
        for paragraph in adjacent.paragraphs(document) if adjacent is not None else []:
            text = paragraph.text
            for start, end in anchor_spans(text):
                if (paragraph.index, start) in taken:
                    continue
                for place_start, place_end in trie.words_at(text, end)[:1]:
                    if tail := after.match(text, place_end) if after else None:
                        yield paragraph, start, place_start, place_end, tail.end()

    def check(document: Document) -> Iterator[Hit]:
        home = home_place(places, document.context.region)
        if home is None:
            return
        region = "".join(document.context.region)
        own_town = own_township(places, document.context.region)
        # its own name without 镇/乡, which may begin with another place's (文安驿 of 文安驿镇: not 文安县)
        own_stem = stem_of(own_town) if own_town else None
        prefix = nearby_prefix(places, home) if find_towns else None
        by_stem, town_trie, town_adjacent = nearby_towns(prefix) if prefix is not None else ({}, None, None)

        def nearest_reading(name: str) -> tuple[str, str]:
            """How near the nearest place a name may stand for is, and that place's chain as written."""
            readings = nicknames.get(name, []) + aliases.get(name, []) + places.lookup(name)
            kind, place = nearest(places, readings, home) if readings else (NEARNESS[-1], None)
            for town in by_stem.get(name, ()):
                if NEARNESS.index(town_kind := town_nearness(places, town, home, own_town)) < NEARNESS.index(kind):
                    kind, place = town_kind, town
            where = chain_name(places, place, name) if isinstance(place, Place) else \
                "".join(p.name for p in town_chain(place, places)) + place.name
            return kind, where

        titles: dict[int, list] = {}  # by paragraph, computed on its first suspect place
        traps: dict[int, set[int]] = {}  # the same
        found = list(candidates(document))
        if town_trie is not None:
            found += town_candidates(document, town_trie, town_adjacent, {(p.index, start) for p, start, *_ in found})
        for paragraph, start, place_start, place_end, end in found:
            text = paragraph.text
            name = text[place_start:place_end]
            if own_stem and len(own_stem) > len(name) and text.startswith(own_stem, place_start):
                continue
            kind, where = nearest_reading(name)
            if kind not in flagged or _excused(excuse, excuse_after, excuse_both, text, start, end):
                continue
            if paragraph.index not in titles:
                titles[paragraph.index] = book_titles(text)[0]
                traps[paragraph.index] = trapped(text)
            if inside_any(titles[paragraph.index], start, end) or place_start in traps[paragraph.index]:
                continue
            yield Hit(paragraph, start, end, {"match": text[start:end], "place": name, "where": where, "region": region})

    return check


# what may stand right before a one-character place's name: a level the name over it ends in (甘肃省成县),
# a preposition that brings in a body (在达旗委、旗政府的领导下)
_BEFORE_A_NAME = frozenset("省市州盟区县旗在由经据对为从受")


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """Whether a place named by one character and its level (理县, 成县, 达旗) follows another Han
    character: that character and the name's first may be one word (办理县政府, 完成县政府)."""
    return end - start == 2 and start > 0 and is_han(text[start - 1]) and text[start - 1] not in _BEFORE_A_NAME


def compile(options: dict) -> Check:
    return compile_with(options, gazetteer())
