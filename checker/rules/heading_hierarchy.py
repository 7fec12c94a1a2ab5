"""标题层级的衔接：越级使用下级序号，或下级标题前面根本没有上级标题。

GB/T 9704-2012 7.3.3：“文中结构层次序数依次可以用‘一、’‘（一）’‘1.’‘（1）’标注”。“依次”给出
层级的先后，“可以”说明并非每篇都要用满四级：只有两级的短报告写“一、”下接“1.”是通行做法，
真实报告中也常见。所以选项 problem 为
  skipped  越级：某个标题直接在隔了一级的上级之下（“一、”下直接“1.”），而全文别处用过被
           跳过的那一级（“（一）”）——同一篇里有的部分用、有的部分不用，才是不一致。每个上级
           下只在第一个越级标题处提示一次（提示级别）。全文都不用“（一）”时不报告。
  stand_in 错级的第一项：“一、”下唯一的“1.”之后接着“（二）（三）”，这个“1.”就在“（一）”的位置上，
           是打错了级别的序号（“（二）”也就不算跳号）：消息直接说应为“（一）”。skipped 不再报它。
  orphan   无上级：下级标题之前没有任何上级标题（“一、”之前就出现“（一）”），而全文用到了
           上级。
都不提供修复：改层级要重新组织内容。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document, Heading
from checker.document.sibling_groups import expected_marker, first_slot_stand_in, marker_span, sibling_groups
from checker.engine.ruletype import Check, Hit, Option

TYPE = "heading_hierarchy"
OPTIONS = {"problem": Option(str, doc="skipped：越级；stand_in：错级的第一项；orphan：无上级")}
NEEDS: tuple[str, ...] = ()

PROBLEMS = ("skipped", "stand_in", "orphan")


def _label(heading: Heading) -> str:
    return heading.marker.text.strip() if heading.marker else heading.title


def _hit(heading: Heading, args: dict) -> Hit:
    start, end = marker_span(heading) if heading.marker else (heading.title_start, heading.title_end)
    return Hit(heading.paragraph, start, end, {"found": _label(heading), **args})


# why a skipped level is pointed out: used elsewhere in the text, or the very place of the level's first item
_ELSEWHERE = "全文别处用了这一级"
_IN_ITS_PLACE = "其后的同级标题是“{next}”，这里应为“{missing}”"


def _stand_ins(document: Document) -> dict[int, Heading]:
    """id() of each “1.” holding the place of a “（一）” whose group goes on with “（二）” → that “（二）”."""
    return {id(s): group[0] for group in sibling_groups(document) if (s := first_slot_stand_in(document, group))}


def _skipped(document: Document) -> Iterator[Hit]:
    levels = {h.level for h in document.outline}
    reported: set[tuple[int, int]] = set()
    stand_ins = _stand_ins(document)
    for heading in document.outline:
        parent = heading.parent
        if parent is None or heading.level <= parent.level + 1 or (id(parent), heading.level) in reported:
            continue
        missing = [level for level in range(parent.level + 1, heading.level) if level in levels]
        if missing:
            reported.add((id(parent), heading.level))
            if id(heading) not in stand_ins:
                yield _hit(heading, {"parent": _label(parent), "missing": expected_marker(missing[0], 1), "why": _ELSEWHERE})


def _stand_in(document: Document) -> Iterator[Hit]:
    stand_ins = _stand_ins(document)
    for heading in document.outline:
        following = stand_ins.get(id(heading))
        if following is not None and heading.parent is not None:
            marker = expected_marker(following.level, 1)
            why = _IN_ITS_PLACE.format(next=_label(following), missing=marker)
            yield _hit(heading, {"parent": _label(heading.parent), "missing": marker, "why": why})


def _orphans(document: Document) -> Iterator[Hit]:
    top = min((h.level for h in document.outline), default=1)
    for heading in document.outline:
        if heading.parent is None and heading.level > top:
            yield _hit(heading, {"missing": expected_marker(top, 1)})


def compile(options: dict) -> Check:
    problem = options["problem"]
    if problem not in PROBLEMS:
        raise ValueError(f"problem 应为 {', '.join(PROBLEMS)} 之一")
    return {"skipped": _skipped, "stand_in": _stand_in, "orphan": _orphans}[problem]
