"""必备部分：报告是否写了《法治政府建设与责任落实督察工作规定》所列的各项内容。

每一项（主要举措和成效、存在的不足和原因、第一责任人职责、下一年度主要安排、其他需要报告的情况）
及其常见说法见 rules/data/report_sections.yaml。一项算“已写”，只要下列任一处按其说法命名了它：
任一层级的标题（有无序号均可、顺序不限），或一行独立的短句（不以句读结尾）。标了 themed 的项
（主要举措和成效）常按工作主题分成几个一级标题来写（“一、深学笃用习近平法治思想，推进…”），
哪个标题都不点它的名：有不点任何一项之名的一级标题时，也算已写。宁可认作已写，也不误报缺失。

缺失的每一项报告一次，位置是它按《规定》顺序本应出现之处：它前面最近一个已写部分的标题
（“应在其后”）；前面没有已写部分时，是后面最近一个已写部分的标题（“应在其前”）；
全文没有任何部分标题时，是正文第一行。

选项 items 列出本规则检查的项（键名），由此可以把“必备”与“可选”（如“其他需要报告的情况”）
分成两条严重程度不同的规则。

选项 when：missing（默认）报告没写的项；一项没有自己的标题、内容却写在了别的部分的段落里（按
report_sections.yaml 的 in_text 认：“局党组书记、局长认真履行推进法治建设第一责任人职责”），算写了，
不在此报告。folded 报告的正是这样的项：内容有了，没有单列一部分，报在写它的那一段。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checker.document.model import Document, Paragraph
from checker.document.outline import MAX_STANDALONE_LINE, standalone_line
from checker.document.per_document import per_document
from checker.document.sections import SectionItem, vocabulary
from checker.engine.ruletype import Check, Hit, Option

TYPE = "required_sections"
OPTIONS = {
    "items": Option(list, doc="要检查的部分（report_sections.yaml 中的 key），如 [measures, shortcomings]"),
    "when": Option(str, "missing", "missing：报告没写的项；folded：没有单列、写在别的部分段落里的项"),
}
NEEDS: tuple[str, ...] = ()



@dataclass(frozen=True)
class _Place:
    paragraph: Paragraph
    start: int
    end: int


@per_document
def _places(document: Document) -> dict[str, _Place]:
    """Where each item is first named: a heading of any level, else a standalone short line."""
    # a heading the outline took for an item names it, also where the text does not hold its wording
    # as written (a letter-spaced "存 在 的 不 足 和 原 因")
    headed = {heading.section for heading in document.outline if heading.section}
    items = [item for item in vocabulary().items if item.key in headed or item.may_be_named_within(document.view_text)]
    found: dict[str, _Place] = {}
    limit = vocabulary().max_heading_length
    for heading in document.outline:
        if heading.section is None and (len(heading.title) > limit or not vocabulary().names_some_item(heading.title)):
            continue  # names no item: most headings, spared a search per item
        for item in items:
            if item.key in found:
                continue
            if heading.section == item.key or (len(heading.title) <= limit and item.named_in(heading.title)):
                found[item.key] = _Place(heading.paragraph, heading.title_start, heading.title_end)
        if len(found) == len(items):
            return found
    title_lines = {id(p) for p in document.title_block.lines} if document.title_block else set()
    # Cheap tests first: a line longer than the limit is short once stripped only if it starts or ends with a space.
    short = [p for p in document.paragraphs if len(p.text) <= MAX_STANDALONE_LINE or p.text[0].isspace() or p.text[-1].isspace()]
    for paragraph in short:
        if id(paragraph) in title_lines or not standalone_line(paragraph.text):
            continue
        for item in items:
            if item.key not in found and item.named_in(paragraph.text):
                start = len(paragraph.text) - len(paragraph.text.lstrip())
                found[item.key] = _Place(paragraph, start, len(paragraph.text.rstrip()))
    _themed(document, items, found)
    return found


def _themed(document: Document, items: list[SectionItem], found: dict[str, _Place]) -> None:
    """An item written as topic headings (themed in report_sections.yaml) and named nowhere is there
    when a level-1 heading names no item: the first such heading stands for it."""
    missing = [item for item in vocabulary().items if item.themed and item.key not in found]
    if not missing:
        return
    names_some = vocabulary().names_some_item
    topic = next((h for h in document.outline if h.level == 1 and h.section is None and not names_some(h.title)), None)
    if topic is not None:
        for item in missing:
            found[item.key] = _Place(topic.paragraph, topic.title_start, topic.title_end)


@per_document
def _told_in_text(document: Document) -> dict[str, _Place]:
    """For each item with an in_text wording, where the first body paragraph telling its content does."""
    headings = {heading.paragraph.index for heading in document.outline if not heading.run_in}
    told: dict[str, _Place] = {}
    for item in vocabulary().items:
        if item.in_text is None or not item.in_text.search(document.view_text):
            continue
        for paragraph in document.paragraphs:
            if paragraph.index not in headings and (match := item.in_text.search(paragraph.text)):
                told[item.key] = _Place(paragraph, match.start(), match.end())
                break
    return told


def _first_body_line(document: Document) -> _Place | None:
    title_lines = {id(p) for p in document.title_block.lines} if document.title_block else set()
    for paragraph in document.paragraphs:
        if not paragraph.is_blank and id(paragraph) not in title_lines:
            return _Place(paragraph, 0, 0)
    return None


def _anchor(missing: int, items: tuple[SectionItem, ...], found: dict[str, _Place]) -> tuple[_Place | None, str]:
    """Where a missing item belongs: after the nearest earlier item, else before the nearest later one."""
    for index in range(missing - 1, -1, -1):
        if items[index].key in found:
            return found[items[index].key], f"（应在“{items[index].name}”部分之后）"
    for index in range(missing + 1, len(items)):
        if items[index].key in found:
            return found[items[index].key], f"（应在“{items[index].name}”部分之前）"
    return None, ""


def compile(options: dict) -> Check:
    all_items = vocabulary().items
    known = {item.key for item in all_items}
    unknown = [key for key in options["items"] if key not in known]
    if unknown:
        raise ValueError(f"未知的部分：{', '.join(unknown)}（可用：{', '.join(sorted(known))}）")
    checked = set(options["items"])
    if options["when"] not in ("missing", "folded"):
        raise ValueError(f"when 应为 missing 或 folded，不是 {options['when']}")
    folded = options["when"] == "folded"

    def check(document: Document) -> Iterator[Hit]:
        found = _places(document)
        told = _told_in_text(document) if any(item.key not in found for item in all_items) else {}
        for index, item in enumerate(all_items):
            if item.key not in checked or item.key in found:
                continue
            if folded:
                if (place := told.get(item.key)) is not None:
                    yield Hit(place.paragraph, place.start, place.end, {"item": item.name, "where": ""})
                continue
            if item.key in told:
                continue  # written, in a paragraph of another part: FZ116's
            place, where = _anchor(index, all_items, found)
            place = place or _first_body_line(document)
            if place is not None:
                yield Hit(place.paragraph, place.start, place.end, {"item": item.name, "where": where})

    return check
