"""外地同类机关作主语（foreign_counterpart）：报告里以主语出现的，是另一个地方与本机关同类的机关。

照抄兄弟单位的报告时，“安溪县司法局高度重视法治政府建设”这样的句子会原样留在永春县司法局的报告里。
本类型取发文机关的机构名（永春县司法局 → 司法局），找正文里“地名 + 同一机构名”的写法；地名不在发文
机关所在地区（上级、本级、下级）而又处在主语的位置（段首、标题序号之后、句号逗号等之后，可先有
“2023年，”），就报告。地名前写出的上级地名算在名称里（“泉州市德化县司法局”，主语位置从“泉州市”
算起）。人民政府不在此查（由 foreign_place 的“××区人民政府”规则查）。

不报：
- 不在主语位置的（“在××县司法局的指导下”“与××县司法局签订协议”）；
- 合作、交流的句子：同一句里地名前 10 字内有 `unless_before`（与、赴、交流……），或机构名后 20 字内有
  `unless_after`（来我局、交流、考察……）；
- 机构名后 20 字内有 `unless_after_jointly`（牵头）、而整句还写着合作（`jointly`：与、会同、配合、我局……）
  或本机关名称的：“××县司法局牵头开展跨县执法检查，我局积极参与”。光是“××市发改委牵头制定《××办法》”
  说的就是那个机关自己的工作，照报；
- 几个机关并列的（“××县司法局、××县司法局等”）；
- 书名号内的（引用外地机关的文件）；
- 落款（checker/document/context.py 的 signature_lines）：落款不是句子的主语，写了别的机关由 FZ112 报告。

乡镇街道的报告（发文机关所在地区的最后一级是乡镇街道）另查别的乡镇街道：“姚庄镇人民政府高度重视……”
出现在西塘镇的报告里，“水果湖街道办事处……”出现在中南路街道的报告里，同样要在主语位置，同样的例外；
乡镇街道名由报告上下文的地名识别（document/context_words.py），与本机关同名的不报。

选项：
- unless_before、unless_after：同一句里地名前 10 字内、机构名后 20 字内出现时不报（正则表达式）。
- unless_after_jointly、jointly：机构名后 20 字内有前者、同一句（整句）里又有后者或本机关名称时不报
  （正则表达式），如 `牵头` 与 `与|会同|配合|联合|我局`。
- skip_organs：不查的机构名结尾（正则表达式），如人民政府。
- township_organs：乡镇街道的报告里，紧跟另一个乡镇街道名的这些机构名也查（正则表达式），如
  `人民政府|政府|办事处|党委`。
- parent_names：垂直管理的机关，本地机构的正式名称以上级机关的名称开头（国家税务总局海口市税务局）：
  比较时发文机关与正文两边都不看这个开头，“国家税务总局三亚市税务局”“三亚市税务局”都是海口市税务局的
  同类机关，在主语位置的是整个名称。

示例（发文机关 永春县司法局，福建省 › 泉州市 › 永春县）：
  FAIL  （一）加强组织领导。安溪县司法局高度重视法治政府建设。
  PASS  与安溪县司法局签订执法协作协议。
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from checker.document.book_titles import book_titles, inside_any
from checker.document.context import signature_lines
from checker.document.context_words import places_in
from checker.document.look_back import sentence_around
from checker.document.model import Document
from checker.document.places import NEARNESS, Gazetteer, Place, chain_name, gazetteer, home_place, nearest
from checker.document.towns import own_township, stem_of, town_chain, town_nearness
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern, heading_number_ends

TYPE = "foreign_counterpart"
NEEDS = ("body", "region")
OPTIONS = {
    "unless_before": Option(str, "", "地名前同一句 10 字内出现时不报（正则表达式）"),
    "unless_after": Option(str, "", "机构名后同一句 20 字内出现时不报（正则表达式）"),
    "unless_after_jointly": Option(str, "", "机构名后同一句 20 字内出现、且整句又有 jointly 或本机关名称时不报（正则表达式），如 牵头"),
    "jointly": Option(str, "", "与 unless_after_jointly 同在一句才不报的合作说法（正则表达式），如 与|会同|配合|我局"),
    "skip_organs": Option(str, "", "不查的机构名结尾（正则表达式），如 人民政府|政府"),
    "township_organs": Option(str, "", "乡镇街道的报告里，紧跟另一个乡镇街道名的这些机构（正则表达式）也查，如 人民政府|党委"),
    "parent_names": Option(list, [], "垂直管理机关的上级名称，本地机构的正式名称以它开头（国家税务总局）：比较时两边都去掉"),
}
_BEFORE_WINDOW, _AFTER_WINDOW = 10, 20
_CLAUSE_END = regex.compile(r"[。！？；!?;，,：:\n]")
_SENTENCE_END = regex.compile(r"[。！？；!?;\n]")
_LISTED = ("、", "等", "和", "与", "及")  # right after the organ: one of several bodies named
# a township's party committee and government named together as one subject (某镇党委、政府), not a list
_JOINT_ORGAN = regex.compile(r"[、和]?(?:人民政府|政府|办事处)")


def _split_body(places: Gazetteer, body: str, parents: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """(its place as written, its organ): 永春县司法局 → (永春县, 司法局), and after a parent's name that
    begins it (国家税务总局海口市税务局 → 海口市, 税务局); None without a known place."""
    body = body[len(parent):] if (parent := next((p for p in parents if body.startswith(p)), None)) else body
    position, place = places.places_at(body, 0)
    return (place, body[position:]) if place is not None and len(body) - position >= 2 else None


def _at_clause_start(text: str, start: int, title_start: int) -> bool:
    """Whether a name at `start` opens a clause: the paragraph's first words (a heading's, after its
    number), or the first after ，。；： and the like, blanks aside."""
    point = start
    while point > 0 and text[point - 1] in " \t\u3000":
        point -= 1
    return point <= title_start or _CLAUSE_END.match(text, point - 1) is not None


def compile(options: dict) -> Check:
    places = gazetteer()
    excuse_before = compile_pattern(options["unless_before"], "unless_before") if options["unless_before"] else None
    excuse_after = compile_pattern(options["unless_after"], "unless_after") if options["unless_after"] else None
    lead = compile_pattern(options["unless_after_jointly"], "unless_after_jointly") if options["unless_after_jointly"] else None
    jointly = compile_pattern(options["jointly"], "jointly") if options["jointly"] else None
    skip = compile_pattern(f"(?:{options['skip_organs']})$", "skip_organs") if options["skip_organs"] else None
    township_organ = compile_pattern(options["township_organs"], "township_organs") if options["township_organs"] else None
    # a paragraph that may hold one: a township's suffix right before such an organ
    township_organ_near = compile_pattern(f"(?:镇|乡|街道|地区)(?:{options['township_organs']})", "township_organs") \
        if options["township_organs"] else None
    longest_name = max(len(p.name) for p in places.places.values())
    parents = tuple(options["parent_names"])

    def place_before(text: str, at: int) -> int | None:
        """Where the longest full place name that ends at `at` starts ("安溪县" of "安溪县司法局", "化隆县"
        of "化隆县司法局")."""
        return next((start for start, name in places.names_ending_at(text, at, longest_name)
                     if len(name) > 1 and name in places.full_names), None)

    @lru_cache(maxsize=64)
    def organ_of(body: str) -> str | None:
        split = _split_body(places, body, parents)
        if split is None or (skip is not None and skip.search(split[1])):
            return None
        return split[1]

    def excused(text: str, start: int, end: int, body: str) -> bool:
        if text.startswith(_LISTED, end):
            return True
        before = _SENTENCE_END.split(text[max(0, start - _BEFORE_WINDOW) : start])[-1]
        after = _SENTENCE_END.split(text[end : end + _AFTER_WINDOW])[0]
        if excuse_before and excuse_before.search(before) or excuse_after and excuse_after.search(after):
            return True
        return bool(lead and lead.search(after) and jointly_with(text, start, end, body))

    def jointly_with(text: str, start: int, end: int, body: str) -> bool:
        """Whether the whole sentence holding text[start:end] shows the body working with the other one:
        a word of `jointly` (与, 会同, 我局), or the body's own name (the other leading, the body taking part)."""
        sentence = sentence_around(text, start, end)
        own = "".join(split) if (split := _split_body(places, body, parents)) else body  # 北京市东城区司法局 → 东城区司法局
        return bool(jointly and jointly.search(sentence)) or own in sentence

    def township_counterparts(document: Document, home: Place, own_town: str, body: str) -> Iterator[Hit]:
        """Another township's government, office or party committee as a subject in a township's report."""
        title_starts = heading_number_ends(document)
        own = stem_of(own_town)
        signed = signature_lines(document)
        for paragraph in document.paragraphs:
            text = paragraph.text
            if township_organ_near is None or paragraph.index in signed or not township_organ_near.search(text):
                continue
            titles = None
            hits = places_in([text])[0]
            for index, hit in enumerate(hits):
                organ = township_organ.match(text, hit.end) if hit.towns else None
                if organ is None or any(town.stem == own for town in hit.towns):
                    continue
                first = index  # the township's county and prefecture written before it: 桐乡市乌镇镇
                while first and hits[first - 1].end == hits[first].start:
                    first -= 1
                start, end = hits[first].start, organ.end()
                if organ.group().startswith("党") and (joint := _JOINT_ORGAN.match(text, end)):
                    end = joint.end()
                if not _at_clause_start(text, start, title_starts.get(paragraph.index, 0)) or excused(text, start, end, body):
                    continue
                titles = titles if titles is not None else book_titles(text)[0]
                if inside_any(titles, start, end):
                    continue
                town = min(hit.towns, key=lambda t: NEARNESS.index(town_nearness(places, t, home, own_town)))
                where = "".join(p.name for p in town_chain(town, places)) + town.name
                yield Hit(paragraph, start, end, {"match": text[start:end], "where": where, "body": body})

    def check(document: Document) -> Iterator[Hit]:
        body = document.context.body.split()[-1]
        home = home_place(places, document.context.region)
        if home is None:
            return
        if own_town := own_township(places, document.context.region):  # a township's body
            yield from township_counterparts(document, home, own_town, body)
            return
        organ = organ_of(body)
        if organ is None:
            return
        title_starts = heading_number_ends(document)
        signed = signature_lines(document)
        for paragraph in document.paragraphs:
            if paragraph.index in signed:
                continue
            text = paragraph.text
            titles = None
            at = text.find(organ)
            while at != -1:
                end = at + len(organ)
                start = place = place_before(text, at)
                # the names of the places above it written out before it belong to the name: 重庆市江北区司法局
                while start is not None and (above := place_before(text, start)) is not None:
                    start = above
                if start is not None and (parent := next((p for p in parents if text.endswith(p, 0, start)), None)):
                    start -= len(parent)  # the whole name is the subject: 国家税务总局三亚市税务局
                if start is not None and _at_clause_start(text, start, title_starts.get(paragraph.index, 0)):
                    kind, nearest_place = nearest(places, places.lookup(text[place:at]), home)
                    if kind != "home" and not excused(text, start, end, body):
                        titles = titles if titles is not None else book_titles(text)[0]
                        if not inside_any(titles, start, end):
                            where = chain_name(places, nearest_place, text[place:at])
                            yield Hit(paragraph, start, end, {"match": text[start:end], "where": where, "body": body})
                at = text.find(organ, end)

    return check
