"""开头的主体与发文机关不符（body_name）：开头一句写的是另一个机关。

报告开头通常以“2021年，××局……”起句。照抄其他机关的报告时，标题改了，这一句的机关名称却
常常没改。本类型在标题之后、第一个章节标题之前的开头几段里，找段首（可先有“2021年，”）的
机关名称：地名 + 机构名（以 `body_suffix` 结尾；不以地名开头的不算，“现将我局……”不是机关名称），
与发文机关比较：
- 地名：开头写的最深一级地名要与发文机关的相同；
- 机构名：两者相同，或一方是另一方的简称（按字序包含，且结尾相同：“园林局”之于“园林绿化局”、
  “人防办”之于“人民防空办公室”），都算一致。
发文机关只取自标题、命令行或配置文件；它本来就是从开头一句推断出来的时候，不比较。开头写的是上级
机关、同一句又用“我县”“我局”说到本机关（“温州市人民政府高度重视我县法治建设”）时，那是另一个
主语，不报。

选项：
- body_suffix：机构名称的结尾（正则表达式），如 `人民政府|政府|局|办公室|办|委员会|委|中心`。
- not_in_name：不会出现在机构名称里、紧跟主语的词（深入、推进、贯彻……）：“延庆区深入推进法治政府
  建设”里没有叫“深入推进法治政府”的机关。
- short_suffixes：机构名称结尾的全称与简写（办公室 → 办），比较前先化为简写。
- opening_paragraphs：查看开头的几段。

示例（标题中的发文机关为 东城区园林绿化局）：
  FAIL  2021年东城区水务局为落实《法治政府建设实施纲要（2021－2025年）》工作要求……
  PASS  2021年东城区园林绿化局为落实《法治政府建设实施纲要（2021－2025年）》工作要求……
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.body_names import same_body, short_suffixes
from checker.document.context import opening_paragraphs
from checker.document.frame import is_addressee
from checker.document.model import Document, Paragraph
from checker.document.places import gazetteer
from checker.document.towns import own_township, stem_of
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern

TYPE = "body_name"
NEEDS = ("body",)
OPTIONS = {
    "body_suffix": Option(str, doc="机构名称的结尾（正则表达式）"),
    "not_in_name": Option(list, [], "不会出现在机构名称里、紧跟主语之后的词（如 深入、推进）"),
    "short_suffixes": Option(dict, short_suffixes(), "机构名称结尾的简写，如 {办公室: 办, 委员会: 委, 人民政府: 政府}"),
    "opening_paragraphs": Option(int, 3, "查看开头的几段"),
}
_LEAD = regex.compile(r"[\s\u3000]*(?:(?:19|20)\d{2}\s*年度?\s*[，,、]?\s*)?")
_NOT_A_START = "我本全各该其在"  # a self-reference or a determiner ("我局", "各科室") is no body name


def _opening(document: Document, count: int) -> list[Paragraph]:
    """The first paragraphs after the title, before the first heading, but an addressee line such as
    "市委、市政府：" (主送机关), which names the recipients, not the reporting body: an opening sentence
    that ends with a colon ("……现将有关情况报告如下：") is read."""
    return [p for p in opening_paragraphs(document, count) if not is_addressee(p)]


def compile(options: dict) -> Check:
    places = gazetteer()
    suffixes = {str(k): str(v) for k, v in options["short_suffixes"].items()}
    # "延庆区深入推进法治政府建设" names no body called "深入推进法治政府": a name stops at such words
    stop = "|".join(regex.escape(str(w)) for w in options["not_in_name"]) or "(?!)"
    organisation = compile_pattern(rf"(?![{_NOT_A_START}])(?:(?!{stop})\p{{Han}}){{1,12}}?(?:{options['body_suffix']})", "body_suffix")

    def superior_speaking_of_us(place: str, body: str, body_place: str | None, text: str, end: int) -> bool:
        """The opening names a superior of the body (温州市人民政府 over 平阳县) whose sentence speaks of
        the body as 我县/我局 (温州市人民政府高度重视我县法治建设): another actor, no copied subject."""
        ours = places.lookup(body_place) if body_place else []
        ancestors = {above.code for own in ours for above in places.chain(own)[:-1]}
        named = places.lookup(place)
        if not named or any(p.code not in ancestors for p in named):
            return False
        stop = text.find("。", end)
        sentence = text[end : stop if stop >= 0 else len(text)]
        return any("我" + ending in sentence for ending in (body_place[-1], body[-1]))

    def check(document: Document) -> Iterator[Hit]:
        body = document.context.body
        if document.context.provenance.get("body") == "opening":  # nothing to compare the opening with
            return
        body_place_end, body_place = places.places_at(body, 0)
        body_organisation = organisation.match(body, body_place_end)
        if body_organisation is None:
            return
        # a township's body (its region ends in the township) speaks as its 党委、政府 by its own name, which
        # may begin like another place's (城关镇 of 竹山县 against 拉萨's 城关区)
        town = own_township(places, document.context.region)
        for paragraph in _opening(document, options["opening_paragraphs"]):
            start = _LEAD.match(paragraph.text).end()
            if town and paragraph.text.startswith(stem_of(town), start):
                continue
            place_end, place = places.places_at(paragraph.text, start)
            found = organisation.match(paragraph.text, place_end) if place else None
            if found is None:
                continue
            if body.endswith(paragraph.text[start : found.end()]):
                continue  # the end of the body's own name: 城关分局 of 兰州市公安局城关分局
            same_place = body_place is None or places.lookup(place) == places.lookup(body_place)
            if same_place and same_body(found.group(), body_organisation.group(), suffixes):
                continue
            if superior_speaking_of_us(place, body, body_place, paragraph.text, found.end()):
                continue
            args = {"found": paragraph.text[start : found.end()], "body": body}
            yield Hit(paragraph, start, found.end(), args, replacement=body)

    return check
