"""自称与机关不符（self_reference）：“我局”“我办”“我镇”“我县”等自称要和发文机关对得上。

自称分两类：
- 机构自称（organisational）：我局、我办、我委、我中心、我厅……只能是发文机关自己的类别：
  东城区人防办 → 我办；园林绿化局 → 我局。发文机关是人民政府时，不用机构自称。
- 地域自称（territorial）：我市、我区、我县、我镇、我乡、我街道……政府部门的地域自称指所在地区链上的
  某一级：东城区的部门说“我区”（东城区）、“我市”（北京市）都对；说“我县”“我镇”就不对。
  人民政府和乡镇、街道（所在地区链的最后一级就是机关自己）只用本级的自称：县政府说“我县”，
  不说“我市”；镇说“我镇”，不说“我县”；街道说“我街道”，不说“我区”。这一级由名称决定
  （朝阳镇人民政府、联合署名的“中共朝阳镇委员会 朝阳镇人民政府”、朝阳街道办事处），不必知道所在
  地区；政府部门（东城区司法局）的地域自称要知道所在地区才查。管理某个区的机关（某开发区管理委员会、
  某高新区管委会）还可以用这个区的自称“我区”。
发文机关的类别由名称结尾决定（`body_kinds`，最长的结尾优先）。`exceptions` 是含有自称字样
的普通词语（“自我”“本办法”），与之重叠的不报。

说到本地某一级的说法（`level_words`：全县、县委县政府、县直各部门……）不带“我”字，也要指本机关所在
地区链上的某一级：本级或任一上级都对（县政府的报告说“全市”“市委、市政府”指所在的地级市），哪一级都
不是的才报（旗的报告写“县委、县政府”，盟写“全市”，区写“全县”）。所在地区的曾用名也算（2020 年孟津县
的报告说“全县”）；地名紧挨在前的（“通辽市委、市政府”“准格尔旗全旗”）说的是那个地方，不报；整个说法
就是本地区内的地名的（桂林的“全州”是全州县）不报，连同紧接的地名结尾（县、市、区、旗、镇、乡）
是哪里的地名的（“全州县”“全州镇”）也不报。要知道所在地区才查。

选项：
- organisational：{自称: 机构类别}，如 {我局: 局, 本局: 局, 我办: 办}
- territorial：{自称: 地名结尾}，如 {我区: 区, 我县: 县, 我镇: 镇}
- body_kinds：{机关名称结尾: 机构类别}，如 {局: 局, 办: 办, 人民政府: 政府}；类别“政府”表示人民政府
- exceptions：例外（正则表达式）
- level_words：说到本地某一级的说法（正则表达式；命名组 level 是那一级的地名结尾），如
  `全(?P<level>县|市)|(?P<level>县|市)委、(?P=level)政府`；给了它，这条规则只查这些说法

示例（发文机关 东城区人防办，北京市 › 东城区）：
  FAIL  我局高度重视依法行政工作。
  FAIL  我县人防工程全部纳入监管。
  PASS  将我办的法治政府建设工作持续而深入地开展。
  PASS  及时消除我区地下人防安全隐患。
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.model import Document
from checker.document.places import Place, gazetteer, home_place, relation
from checker.document.towns import towns_named
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import ViewSearch, any_of, compile_pattern

TYPE = "self_reference"
NEEDS = ("body",)
OPTIONS = {
    "organisational": Option(dict, {}, "{自称: 机构类别}"),
    "territorial": Option(dict, {}, "{自称: 地名结尾}"),
    "body_kinds": Option(dict, doc="{机关名称结尾: 机构类别}；“政府”表示人民政府"),
    "exceptions": Option(list, [], "含有自称字样的普通词语（正则表达式）"),
    "level_words": Option(str, "", "说到本地某一级的说法（正则表达式，命名组 level 为那一级的地名结尾）"),
}
GOVERNMENT = "政府"
_TOWNSHIP_LEVELS = ("镇", "乡", "街道", "苏木")
_LEVELS = ("省", "市", "区", "县", "州", "盟", "旗", *_TOWNSHIP_LEVELS)
_LONGEST_NAME = 12  # characters looked back for a place's name ending at a level word's level
# a place's name ends in one of these: a level word written straight before one (全州县, 全州镇) begins that name
_PLACE_SUFFIXES = frozenset("县市区旗镇乡")


def needs_for(options: dict) -> tuple[str, ...]:
    """Level words are judged against the region; self-references against the body only."""
    return ("body", "region") if options["level_words"] else NEEDS


def _ending(body: str, body_kinds: dict[str, str]) -> str | None:
    return max((e for e in body_kinds if body.endswith(e)), key=len, default=None)


def body_kind(body: str, body_kinds: dict[str, str]) -> str | None:
    ending = _ending(body, body_kinds)
    return body_kinds[ending] if ending else None


def _level(name: str, levels_longest_first: list[str]) -> str | None:
    return next((level for level in levels_longest_first if name.endswith(level)), None)


def _without_organ(body: str, body_kinds: dict[str, str]) -> tuple[str, str | None]:
    """The body's name before its organ ending (朝阳镇人民政府 → 朝阳镇), and the ending."""
    ending = _ending(body, body_kinds)
    return (body[: -len(ending)] if ending else body), ending


def _place_it_governs(body: str, body_kinds: dict[str, str], levels_longest_first: list[str]) -> str | None:
    """The level of the place whose own organ the body is, as its name says: a government (北京市东城区
    人民政府 → 区; a joint issuer 中共朝阳镇委员会 朝阳镇人民政府 → 镇), or any organ named after a
    township (朝阳街道办事处 → 街道, 中共朝阳镇委员会 → 镇). None for a department (东城区司法局): it
    may speak of any level of its region."""
    name, ending = _without_organ(body, body_kinds)
    level = _level(name, levels_longest_first)
    if level is None or not (body_kinds.get(ending) == GOVERNMENT or level in _TOWNSHIP_LEVELS):
        return None
    return level


def _zone_level(body: str, body_kinds: dict[str, str], levels_longest_first: list[str]) -> str | None:
    """The level of a zone the body runs, as its name says (温州经济技术开发区管理委员会, 某高新区管委会 →
    区): the zone is the body's own place, which it calls 我区, whatever region it lies in."""
    name, ending = _without_organ(body, body_kinds)
    return _level(name.removesuffix("管理"), levels_longest_first) if ending else None


def compile(options: dict) -> Check:
    organisational: dict[str, str] = {str(k): str(v) for k, v in options["organisational"].items()}
    territorial: dict[str, str] = {str(k): str(v) for k, v in options["territorial"].items()}
    body_kinds = {str(k): str(v) for k, v in options["body_kinds"].items()}
    # longest first (where two start at one place, the alternation takes the longer), ties in order:
    # the same source every run, so that the compile kept by an earlier run is used
    tokens = sorted({*organisational, *territorial}, key=lambda token: (-len(token), token))
    matcher = ViewSearch(compile_pattern("|".join(map(regex.escape, tokens)), "organisational/territorial 的项"))
    exceptions = any_of(options["exceptions"], "exceptions 的项")
    levels_known = sorted({*territorial.values(), *_LEVELS}, key=len, reverse=True)
    if options["level_words"]:
        return _level_words_check(compile_pattern(options["level_words"], "level_words"), body_kinds, levels_known)

    def fitting(document: Document) -> tuple[set[str], str | None, bool]:
        """The self-references that fit the body, the suffix it uses for itself (办, 局, 区), and
        whether the levels it may speak of are known (from its name or its region)."""
        body = document.context.body
        kind = body_kind(body, body_kinds)
        levels = [level for name in document.context.region if (level := _level(name, levels_known))]
        # the body is the place itself: only its own level, which its name says best (a region given
        # down to the county only still leaves a town's government a town)
        if (governed := _place_it_governs(body, body_kinds, levels_known)) is not None:
            levels = [governed]
        elif levels and (kind == GOVERNMENT or levels[-1] in _TOWNSHIP_LEVELS):
            levels = levels[-1:]
        elif (zone := _zone_level(body, body_kinds, levels_known)) is not None and zone not in levels:
            levels.append(zone)
        allowed = {token for token, k in organisational.items() if k == kind}
        allowed |= {token for token, level in territorial.items() if level in levels}
        own = (levels[-1] if levels else None) if kind == GOVERNMENT else kind
        # own is None: the body's kind is unknown, its organisational self-references are not checked
        return allowed, own, bool(levels)

    def check(document: Document) -> Iterator[Hit]:
        allowed, own, levels_known_here = fitting(document)
        excluded: dict[int, list[tuple[int, int]]] = {}  # by paragraph, computed on its first suspect token
        for paragraph, start, end, match in matcher.matches(document):
            token = match.group()
            unknown = not levels_known_here if token in territorial else own is None
            if token in allowed or unknown:
                continue
            if paragraph.index not in excluded:
                spans = exceptions.finditer(paragraph.text, overlapped=True) if exceptions else ()
                excluded[paragraph.index] = [m.span() for m in spans]
            if any(s < end and start < e for s, e in excluded[paragraph.index]):
                continue
            if token in organisational and own:
                suggestion = token[0] + own
            else:
                suggestion = "、".join(sorted(t for t in allowed if t[0] == token[0] and t in territorial)) or "其他说法"
            args = {"token": token, "body": document.context.body, "expected": suggestion}
            replacement = suggestion if token in organisational and own else None
            yield Hit(paragraph, start, end, args, replacement=replacement)

    return check


def _level_words_check(words: regex.Pattern, body_kinds: dict[str, str], levels_known: list[str]) -> Check:
    """`level_words`: a word naming a level of the body's own area (全县, 县委、县政府, 县直各部门) whose
    level is neither the body's nor any of its region's parents'."""
    places = gazetteer()
    finder = ViewSearch(words)

    def spoken_levels(document: Document, home: Place | None) -> list[str]:
        """The levels of the region chain, top down (its places' other names too: 孟津县 of 孟津区), and
        of the place or zone the body's name says it runs (某开发区管理委员会 → 区)."""
        names = list(document.context.region)
        names += [other for place in (places.chain(home) if home else []) for other in place.other_names]
        body = document.context.body
        levels = [_level(name, levels_known) for name in names]
        levels += [_place_it_governs(body, body_kinds, levels_known), _zone_level(body, body_kinds, levels_known)]
        return [level for level in dict.fromkeys(levels) if level is not None]

    def of_a_named_place(text: str, start: int, end: int, at: int, home: Place | None) -> bool:
        """A place's name ends at the level character `at` (通辽市委、市政府: 通辽市's), the word itself
        is a place of the body's own area (全州: 全州县, in 桂林), or the word and the place suffix right
        after it are a place's name, wherever it lies (与全州县、恭城县联合执法: 全州县, not 全州 the level)."""
        if text[end : end + 1] in _PLACE_SUFFIXES and (places.lookup(name := text[start : end + 1]) or towns_named([name])):
            return True
        return any(begin < start or home is not None and relation(places, place, home) == "home"
                   for begin, name in places.names_ending_at(text, at + 1, _LONGEST_NAME) for place in places.lookup(name))

    def check(document: Document) -> Iterator[Hit]:
        if not document.context.region:
            return
        home = home_place(places, document.context.region)
        spoken = spoken_levels(document, home)
        region = "".join(document.context.region)
        for paragraph, start, end, match in finder.matches(document):
            level = match.group("level")
            at = start + match.start("level") - match.start()  # the match is the view's
            if level in spoken or of_a_named_place(paragraph.text, start, end, at, home):
                continue
            args = {"token": match.group(), "level": level, "body": document.context.body, "region": region,
                    "expected": "、".join(spoken)}
            yield Hit(paragraph, start, end, args)

    return check
