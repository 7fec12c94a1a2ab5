"""同级标题的序号顺序：跳号、重号、倒退重排，以及夹在有序号同级标题中的无序号标题。

同级指同一上级标题下、同一层级的标题（第一级即全文的第一级）。逐个比较序号（Word 自动编号
与手打序号同样对待），选项 problem 选一种问题，各自成为一条规则：
  jump        跳号：“一、二、四、”在“四、”报告，应为“三、”。第一个子标题不是从一开始也算。
  repeat      重号：“（二）（二）”在第二个报告。下一个序号若正好是它应有的序号加一（“（一）（二）（二）
              （四）”），重号就是写错了一个数，“（四）”不算跳号；否则照所写的往下数，“（一）（二）（二）
              （三）”只报第二个“（二）”一处。
  restart     倒退：序号比上一个小（“（一）（二）（一）”），而中间没有新的上级标题。
  unnumbered  同级标题都有序号，唯独它没有（种子 000、004 第二至四部分）。消息给出它应有的
              序号；修复在标题前插入该序号（安全修复）。

无序号标题占一个位置：“一、”之后两个无序号部分标题、再接“四、”，则它们应为“二、”“三、”，
“四、”不算跳号。若之后的序号表明它们不在编号之内（“一、”无序号“二、”），两种读法都说得通，
不报告该无序号标题，也不把“二、”算作问题。

第一个位置上是更深一级的“1.”（“一、”下“1.”之后接“（二）（三）”）时，写错的是那个“1.”（由
heading_hierarchy 提示），“（二）”不算跳号。
下级标题跨上级连续编号（（一）下“1. 2.”，（二）下接着“3. 4.”）是一些单位的习惯：一组同级标题
的第一个序号恰好接着前一组同级标题的最后一个时，按接续计，不算跳号。
为了不误报，倒退回“一”的序号前若有一行像标题的短句（不以句读结尾、未被认作标题），就当作
有一个没认出的上级标题；若有一段以冒号结尾（“原因主要有：”），就当作另起的一组列举。这两种
都不报告。修改序号会牵动后面所有序号，跳号、重号、倒退都不提供修复。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document, Heading
from checker.document.outline import standalone_line
from checker.document.per_document import per_document
from checker.document.sibling_groups import expected_marker, first_slot_stand_in, marker_span, sibling_groups
from checker.engine.ruletype import Check, Hit, Option

TYPE = "heading_sequence"
OPTIONS = {"problem": Option(str, doc="jump：跳号；repeat：重号；restart：倒退；unnumbered：缺序号")}
NEEDS: tuple[str, ...] = ()

PROBLEMS = ("jump", "repeat", "restart", "unnumbered")


def _starts_a_new_list(text: str) -> bool:
    """A short line that looks like a heading the outline did not recognise, or a lead-in ending in a colon."""
    text = text.strip()
    if not text:
        return False
    return text[-1] in "：:" or standalone_line(text)


def _new_list_between(document: Document, headings: set[int], before: Heading | None, heading: Heading) -> bool:
    start = before.paragraph.index + 1 if before else 0
    between = document.paragraphs[start : heading.paragraph.index]
    return any(id(p) not in headings and _starts_a_new_list(p.text) for p in between)


def sequence_problems(document: Document, group: list[Heading], headings: set[int],
                      continued_from: int = 0) -> Iterator[tuple[str, Heading, int]]:
    """(problem, heading, the number it should have) for one group of siblings; `headings` holds
    id() of every outline paragraph; `continued_from`: the number the group carries on from."""
    if not any(h.marker for h in group):
        return
    previous_number, previous, pending = continued_from, None, []
    for position, heading in enumerate(group):
        if heading.marker is None:
            pending.append(heading)
            continue
        number, filled = heading.marker.number, previous_number + 1 + len(pending)
        if pending and number == filled:
            yield from (("unnumbered", h, previous_number + 1 + i) for i, h in enumerate(pending))
        if number > filled:
            yield "jump", heading, filled
        elif number <= previous_number and not (number == 1 and _new_list_between(document, headings, previous, heading)):
            yield ("repeat" if number == previous_number else "restart"), heading, previous_number + 1
            following = next((h.marker.number for h in group[position + 1 :] if h.marker), None)
            if number == previous_number and following == number + 2:
                number += 1  # a slip for the number the next one confirms: "（二）（二）（四）" has one slip, not two
        previous_number, previous, pending = number, heading, []
    yield from (("unnumbered", h, previous_number + 1 + i) for i, h in enumerate(pending))


def _continues(group: list[Heading], last_at_level: dict[int, int]) -> int:
    """The number a sub-level group carries on from when it goes on counting from the group before
    it at its level ("1. 2." under （一）, "3. 4." under （二）: a house style), else 0."""
    first = next((h for h in group if h.marker), None)
    level = group[0].level
    last = last_at_level.get(level, 0)
    return last if level > 1 and first is not None and first.marker.number == last + 1 > 1 else 0


@per_document
def _problems(document: Document) -> list[tuple[str, Heading, int]]:
    """Every problem of every sibling group: one rule per problem kind, all from the same pass."""
    headings = {id(h.paragraph) for h in document.outline}
    found, last_at_level = [], {}
    for group in sibling_groups(document):
        # a deeper “1.” in the first place (“一、 1. （二）”) is that place's slip (FZ213), not a jump of “（二）”
        continued_from = 1 if first_slot_stand_in(document, group) else _continues(group, last_at_level)
        found += sequence_problems(document, group, headings, continued_from)
        numbered = [h for h in group if h.marker]
        if numbered:
            last_at_level[group[0].level] = numbered[-1].marker.number
    return found


def compile(options: dict) -> Check:
    problem = options["problem"]
    if problem not in PROBLEMS:
        raise ValueError(f"problem 应为 {', '.join(PROBLEMS)} 之一")

    def check(document: Document) -> Iterator[Hit]:
        for found, heading, number in _problems(document):
            if found != problem:
                continue
            expected = expected_marker(heading.level, number)
            if problem == "unnumbered":
                yield Hit(heading.paragraph, heading.title_start, heading.title_end,
                          {"expected": expected, "title": heading.title}, replacement=expected + heading.title)
                continue
            start, end = marker_span(heading)
            yield Hit(heading.paragraph, start, end, {"found": heading.marker.text.strip(), "expected": expected})

    return check
