"""一节的主语是本级另一个机关（duty_subject）：本机关负责人履职的一节，说的却是同级别的另一个机关。

照抄同一地方兄弟部门的报告时，“党政主要负责人履行推进法治建设第一责任人职责”一节的主语最容易整句留下：
卫生健康局的报告里写着“县市场监督管理局党组书记、局长认真履行……”。本类型在 `section` 一节
（rules/data/report_sections.yaml 的项）的段落里找 `subject`：级别字 + 机构名 + 负责人的称呼，其后同一句
有“履行”；级别是本机关的级别（县里的机关写“县……局”），机构名不是本机关的（也不是它的简称：“县卫健局”之于
“县卫生健康局”），又处在主语的位置（段首、标题序号之后、句号逗号等之后；前面可以有本地的地名：
“长白县市场监督管理局……”），就报告。发文机关是 `skip_bodies` 的（人民政府：一节里说到各部门负责人是常事）
不查；发文机关名称里没有地名的不查。

选项：
- section：查看的一节（report_sections.yaml 的 key），默认 first-responsible
- subject：主语（正则表达式；命名组 level 是级别字，organ 是机构名），如
  `(?P<level>[县市区])(?P<organ>\\p{Han}{2,12}?局)(?:党组书记|局长)(?=[^。]{0,60}?履行)`
- skip_bodies：不查的发文机关结尾（正则表达式），如 `人民政府|政府`

示例（发文机关 长白朝鲜族自治县卫生健康局，第一责任人一节）：
  FAIL  县市场监督管理局党组书记、局长认真履行推进法治建设第一责任人职责。
  PASS  县卫健局党组书记、局长认真履行推进法治建设第一责任人职责。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.body_names import same_body
from checker.document.characters import CLAUSE_END
from checker.document.model import Document
from checker.document.places import Place, gazetteer, home_place, relation
from checker.document.section_text import section_paragraphs
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern, heading_number_ends

TYPE = "duty_subject"
NEEDS = ("body",)
OPTIONS = {
    "section": Option(str, "first-responsible", "查看的一节（rules/data/report_sections.yaml 的 key）"),
    "subject": Option(str, doc="主语（正则表达式；命名组 level 为级别字，organ 为机构名）"),
    "skip_bodies": Option(str, "", "不查的发文机关结尾（正则表达式），如 人民政府|政府"),
}
_LONGEST_NAME = 12  # characters looked back for the own place's name ending at the level


def compile(options: dict) -> Check:
    places = gazetteer()
    subject = compile_pattern(options["subject"], "subject")
    skip = compile_pattern(f"(?:{options['skip_bodies']})$", "skip_bodies") if options["skip_bodies"] else None

    def named_start(text: str, at: int, home: Place) -> int:
        """Where the own area's place named with the level character `at` starts (长白县 of
        长白县市场监督管理局), else `at` itself."""
        return next((begin for begin, name in places.names_ending_at(text, at + 1, _LONGEST_NAME)
                     if any(relation(places, place, home) == "home" for place in places.lookup(name))), at)

    def check(document: Document) -> Iterator[Hit]:
        body = document.context.body.split()[-1]
        position, place = places.places_at(body, 0)
        home = home_place(places, document.context.region)
        if place is None or home is None or (skip is not None and skip.search(body)):
            return
        level, organ = place[-1], body[position:]
        title_starts = heading_number_ends(document)
        for paragraph in section_paragraphs(document, options["section"]):
            text = paragraph.text
            for match in subject.finditer(text):
                if match.group("level") != level or same_body(match.group("organ"), organ):
                    continue
                start = named_start(text, match.start("level"), home)
                before = text[: start].rstrip(" \t\u3000")
                if before and before[-1] not in CLAUSE_END and len(before) > title_starts.get(paragraph.index, 0):
                    continue
                yield Hit(paragraph, start, match.end(), {"match": text[start : match.end()], "body": body})

    return check
