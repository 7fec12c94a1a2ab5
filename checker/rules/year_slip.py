r"""年份错位（year_slip）：写报告年度工作的地方出现了别的年份。

照抄上一年的报告时，开头句和“现将2020年……报告如下”这样的句子最容易漏改年份。
报告年度 Y 由标题或开头推断（上下文 year）。查找范围（scope）：
- opening：标题之后、第一个章节标题之前的开头几段，以年份起句（“2020年，我局……”）时应是 Y。
- text：正文（不含标题块、必备章节标题、书名号内）中 `pattern` 的命中，年份应是 Y 加 `allowed`
  中的某个偏移。
- plan：“下一年度主要安排”部分（其标题之后、下一个同级标题之前）中 `pattern` 的命中，同样按
  `allowed` 比较：2024年度报告的安排部分写“2024年，我县将……”是照抄往年安排未改年份。编号的
  条目（“（一）2024年，……”“2. 2024年，……”，手打的或 Word 自动编号）从编号之后查起。
- review：写报告年度的几个部分（举措和成效、不足和原因、第一责任人）中 `pattern` 的命中，编号条目同样
  从编号之后查起：2025年度报告写“2024年，我局坚持……”起段，是照抄往年报告未改年份。
（必备章节标题里的年份由结构类规则 section_year 检查。）
书名号内的年份不报（引用往年的文件），除非 `in_titles: true`：pattern 自己写出书名号和前面的
动词时（“制定印发《2023年度……工作要点》”），本年制定的计划写成往年就是错的。
`pattern` 用命名组 year 标出年份；紧跟年份之后的文字若符合 `historical`（“以来”“前”“—2025年”……），
这是历史年份或年份区间，不报。`reported` 给出时只报告这些偏移的年份（-1：前一年；更早的多是往事）。
前一年的命中，所在句子符合 `last_year_sentence`（正则，其中 {year} 代报告年度）时不报：讲上一年度报告
的公开、报送、审议（“按期公开2022年度法治政府建设年度报告”“……报告于2023年3月底前公开”），或拿前一年
与本年比较，说的就是前一年。`own_subject: true` 时，命中之后须是报告自己的主语才报：`pattern` 的命名组
subject 捕获到的（我局、本县……），或本机关的名称、本地的地名（“2024年，某区住建局……”），或按本地
层级称呼的本级政府、党委（区的报告里的“区政府常务会议”“区委”，镇的“镇党委”）。`pattern` 的
命名组 clause 参与了的命中（分句中间的年份，“……，2024年我局将……”）不论 own_subject 都须如此：分句中间的
年份多半是在讲往事或比较，后面紧跟报告自己的主语才是起句。
修复（不安全）把年份换成应有的年份。

示例（报告年度 2021，scope: opening，pattern: ^(?P<year>\d{4})年）：
  FAIL  2020年，我局深入推进依法行政。
  PASS  2016年以来，我局持续推进依法行政。
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from checker.document.book_titles import book_titles, inside_any
from checker.document.context import opening_paragraphs
from checker.document.context_words import is_page_debris
from checker.document.frame import running_text
from checker.document.look_back import sentence_around
from checker.document.model import Document, Paragraph
from checker.document.section_text import plan_paragraphs, review_paragraphs
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import ViewSearch, compile_pattern, heading_number_ends
from checker.rules.page_debris import page_lines

TYPE = "year_slip"
NEEDS = ("year",)
OPTIONS = {
    "scope": Option(str, doc="opening | text | plan | review"),
    "pattern": Option(str, doc="含命名组 year 的正则表达式"),
    "allowed": Option(list, [0], "允许的年份相对报告年度的偏移（0 = 报告年度，1 = 次年）"),
    "historical": Option(str, "", "紧跟年份之后、表示历史年份或区间的文字（正则表达式）"),
    "opening_paragraphs": Option(int, 3, "opening：查看开头的几段"),
    "in_titles": Option(bool, False, "也查书名号内的年份（pattern 本身写出书名号时，如本年制定的工作要点）"),
    "reported": Option(list, [], "只报告这些偏移的年份（缺省：allowed 之外的都报）"),
    "last_year_sentence": Option(str, "", "前一年的命中所在句子符合它时不报（正则表达式，{year} 代报告年度）"),
    "own_subject": Option(bool, False, "命中之后须是报告自己的主语（命名组 subject，或本机关名称、本地地名）"),
}
_SCOPES = ("opening", "text", "plan", "review")
# the levels a home place's name ends with, and what its own government and party committee are called
# after the level alone (区政府常务会议, 县委, 镇党委, 街道党工委)
_LEVELS = ("街道", "苏木", "区", "县", "市", "旗", "镇", "乡", "州", "盟")
_ORGANS = ("人民政府", "政府", "党委", "党工委", "委", "办事处")


def _not_body(document: Document) -> set[int]:
    """id() of the title block's lines, the required-section headings (checked by section_year), the
    lines after the last sentence (a site's "上一篇：…2020年…报告" link) and the page's lines above the
    report. A stale second title over the opening is the report's, and read."""
    skip = {id(p) for p in document.title_block.lines} if document.title_block else set()
    body = running_text(document)
    return skip | {id(h.paragraph) for h in document.outline if h.section} | {
        id(p) for p in document.paragraphs if p.index >= body.stop or (p.index < body.start and is_page_debris(p.text))}


def compile(options: dict) -> Check:
    scope = options["scope"]
    if scope not in _SCOPES:
        raise ValueError(f"scope 应为 {'/'.join(_SCOPES)}")
    # MULTILINE: `^` and `$` stay paragraph edges when the text scope searches the view.
    pattern = compile_pattern(options["pattern"], "pattern", regex.MULTILINE)
    in_view = ViewSearch(pattern) if scope == "text" else None
    if "year" not in pattern.groupindex:
        raise ValueError("pattern 须有命名组 year")
    historical = compile_pattern(options["historical"], "historical") if options["historical"] else None
    offsets = [int(o) for o in options["allowed"]]
    reported = [int(o) for o in options["reported"]]
    last_year_sentence = options["last_year_sentence"]

    @lru_cache(maxsize=16)
    def last_year_form(year: int) -> regex.Pattern:
        return compile_pattern(last_year_sentence.replace("{year}", str(year)), "last_year_sentence")

    if last_year_sentence:
        last_year_form(2020)  # a bad pattern is the loader's error, not the first report's
    by_clause = "clause" in pattern.groupindex
    if (options["own_subject"] or by_clause) and "subject" not in pattern.groupindex:
        raise ValueError("own_subject 和命名组 clause 需要 pattern 有命名组 subject")

    def about_last_year(text: str, start: int, end: int, year: int) -> bool:
        """Whether the sentence around a mention of the year before the report's speaks of that year as
        such: its report published or reviewed in the report year, or compared with the report year."""
        return last_year_form(year).search(sentence_around(text, start, end)) is not None

    def own_subject_after(document: Document, match: regex.Match, text: str, end: int) -> bool:
        """Whether the report's own subject follows the match: the pattern's, the body or home place by
        name, or the home place's government or party committee by its level (区政府, 县委, 镇党委)."""
        context = document.context
        home = context.region[-1] if context.region else None
        names = [name for name in (context.body, home) if name]
        level = next((suffix for suffix in _LEVELS if home and home.endswith(suffix)), None)
        return (bool(match.group("subject")) or any(text.startswith(name, end) for name in names)
                or (level is not None and text.startswith(tuple(level + organ for organ in _ORGANS), end)))

    def matches(document: Document) -> Iterator[tuple[Paragraph, int, regex.Match]]:
        """(paragraph, where it starts in the searched text, match) for each match in the scope."""
        if scope != "text":
            chosen = {"opening": lambda: opening_paragraphs(document, options["opening_paragraphs"]),
                      "plan": lambda: plan_paragraphs(document), "review": lambda: review_paragraphs(document)}[scope]()
            # a numbered item is searched from its title on: "（一）2023年，我县将……" opens with the year
            title_starts = heading_number_ends(document)
            for paragraph in chosen:
                start = title_starts.get(paragraph.index, 0)
                yield from ((paragraph, -start, match) for match in pattern.finditer(paragraph.text[start:]))
            return
        skip = _not_body(document)
        page: frozenset[int] | None = None
        for paragraph, start, _, match in in_view.matches(document):
            if id(paragraph) in skip:
                continue
            if page is None:  # only for a draft with a match
                page = page_lines(document)
            if paragraph.index not in page:  # a link to last year's report among the page's lines is no slip
                yield paragraph, match.start() - start, match

    def check(document: Document) -> Iterator[Hit]:
        year = document.context.year
        expected = [year + offset for offset in offsets]
        what = {"opening": "报告开头", "text": "正文", "plan": "下一年度工作安排", "review": "本年度工作部分的段落"}[scope]
        titles: dict[int, list] = {}
        for paragraph, offset, match in matches(document):
            year_start, year_end = (i - offset for i in match.span("year"))
            found = int(match.group("year"))
            if found in expected or (reported and found - year not in reported):
                continue
            if paragraph.index not in titles:
                titles[paragraph.index] = book_titles(paragraph.text)[0]
            if not options["in_titles"] and inside_any(titles[paragraph.index], year_start, year_end):
                continue
            if historical and historical.match(paragraph.text, year_end):
                continue
            if last_year_sentence and found == year - 1 and about_last_year(paragraph.text, year_start, year_end, year):
                continue
            needs_subject = options["own_subject"] or (by_clause and match.group("clause") is not None)
            if needs_subject and not own_subject_after(document, match, paragraph.text, match.end() - offset):
                continue
            args = {"year": match.group("year"), "expected": expected[0], "what": what}
            yield Hit(paragraph, year_start, year_end, args, replacement=str(expected[0]))

    return check
