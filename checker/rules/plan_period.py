"""规划期（plan_period）：把报告年度之前已经结束的五年规划当作现行规划来写（2021年的报告
“深入实施七五普法规划”，而 2021—2025 年是八五普法）。需要报告年度。

选项 `plans` 列出各期规划：`ordinal`（期次用字，如「七」）、`name`、`start`、`end`（起止年份），可选
`series`（期次在哪一轮里数：十九届、二十届的全会各自从一中全会数起，写「十九」「二十」）。
`mentions` 是提到某期规划的写法（正则，须含命名分组 `ordinal`，如 `(?P<ordinal>[五六七八九])五[”"]?普法`；
有命名分组 `series` 时，按它与期次一起找规划，现行的也只在同一轮里找）。
一处提及所在的分句（以逗号、句号、分号等为界）里没有 `retrospective` 中的词（总结、验收、收官、
期间…；缺省为 rules/data/look_back.yaml 的回顾用词，FZ403 也用它）时，算“当作现行规划”，不论用的是什么动词（「深入实施七五普法规划」「以七五普法为主线」）：
回顾上一期的成效（「七五普法顺利通过总结验收」）是正常的。给了 `ongoing`（落实、实施…）时，分句里
还须有其中的词才报告。`plan_next_year: true` 时，“下一年度主要安排”部分里的提及按次年核对（2025年度
报告为2026年作安排，写“深入实施八五普法规划”就是把已结束的规划当作现行规划）。
`not_started: true` 时反过来，报告还没有开始的一期（开始年份晚于核对的年份）被当作现行规划来写
（2024年的报告“扎实推进九五普法规划实施”）；分句里有 `preparing` 中的词（编制、谋划、启动……：
为下一期做准备）时不报。

消息占位符：{found} 原文，{name} 提到的规划，{start}、{end} 它的起止年份，{year} 报告年度，{when} 按哪一年核对
（“报告年度（2025年）”，或安排部分的“下一年度（2026年）的安排”），{current} 现行
规划，{start_current}、{end_current} 现行规划的起止年份。修复把期次改为现行规划的期次（需作者确认）。

通过（报告年度 2021）：
    落实“八五”普法规划。
    七五普法顺利通过总结验收。
不通过（报告年度 2021）：
    深入实施“七五”普法规划。 → 深入实施“八五”普法规划。
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.look_back import clause_around, look_back_words
from checker.document.model import Document
from checker.document.section_text import plan_paragraphs
from checker.engine.ruletype import Hit, Option
from checker.matching import Alternation, any_of, compile_patterns, view_matches

TYPE = "plan_period"
OPTIONS = {
    "plans": Option(list, doc="各期规划：ordinal, name, start, end"),
    "mentions": Option(list, doc="提到某期规划的写法（正则，含命名分组 ordinal）"),
    "ongoing": Option(list, [], "表示正在执行的词（正则）；给出时分句须含其一才报告"),
    "retrospective": Option(list, look_back_words(), "表示回顾已完成规划的词（正则）"),
    "plan_next_year": Option(bool, False, "“下一年度主要安排”部分按次年核对"),
    "not_started": Option(bool, False, "改为报告尚未开始的一期（而不是已经结束的）"),
    "preparing": Option(list, [], "not_started：表示为下一期做准备的词（正则）；分句含其一时不报"),
}
NEEDS = ("year",)


def plans_by(raw: list, key: str) -> dict[str, dict]:
    """The `plans` option's entries by their `key` field, after their `series` if any ("十九" + "六": the
    numbering restarts with each series), each with key, name, start, end: years, start ≤ end;
    ValueError with the user's message otherwise. Read the same by plan_stage."""
    plans = {}
    for plan in raw:
        if not isinstance(plan, dict) or not {key, "name", "start", "end"} <= set(plan):
            raise ValueError(f"plans 的每一项应含 {key}, name, start, end")
        if not (isinstance(plan["start"], int) and isinstance(plan["end"], int) and plan["start"] <= plan["end"]):
            raise ValueError(f"规划「{plan['name']}」的起止年份无效")
        plans[str(plan.get("series", "")) + str(plan[key])] = plan
    return plans


def compile(options: dict):
    plans = plans_by(options["plans"], "ordinal")
    mentions = compile_patterns(options["mentions"], "mentions 的项")
    if any("ordinal" not in m.groupindex for m in mentions):
        raise ValueError("mentions 的每一项都要有命名分组 (?P<ordinal>…)")
    # One search of the whole view (MULTILINE: `^`/`$` at paragraph edges) instead of one per paragraph.
    mention_in_view = Alternation(options["mentions"], regex.MULTILINE) if options["mentions"] else None
    ongoing = any_of(options["ongoing"], "ongoing 的项")
    # a clause looking back at a plan, or preparing the next one, does not use it as current
    exempt = any_of([*options["retrospective"], *options["preparing"]], "retrospective、preparing 的项")
    not_started = options["not_started"]

    def out_of_date(plan: dict, year: int) -> bool:
        return plan["start"] > year if not_started else plan["end"] < year

    def current_in(year: int, series: str) -> dict | None:
        return next((p for p in plans.values() if p["start"] <= year <= p["end"] and str(p.get("series", "")) == series), None)

    def check(document: Document) -> Iterator[Hit]:
        report_year = document.context.year
        planned: set[int] | None = None  # the plan section's paragraphs, read for the first mention
        for paragraph, start, end, match in view_matches(document, mention_in_view):
            if options["plan_next_year"] and planned is None:
                planned = {id(p) for p in plan_paragraphs(document)}
            in_plan = bool(planned) and id(paragraph) in planned
            year = report_year + 1 if in_plan else report_year
            series = match.groupdict().get("series") or ""
            plan, current = plans.get(series + match.group("ordinal")), current_in(year, series)
            if plan is None or current is None or not out_of_date(plan, year):
                continue
            clause = clause_around(paragraph.text, start, end)
            if (ongoing and not ongoing.search(clause)) or (exempt and exempt.search(clause)):
                continue
            found = match.group()
            ordinal_start, ordinal_end = (i - match.start() for i in match.span("ordinal"))
            args = {
                "found": found, "name": plan["name"], "start": plan["start"], "end": plan["end"],
                "year": report_year,
                "when": f"下一年度（{year}年）的安排" if in_plan else f"报告年度（{year}年）",
                "current": current["name"], "start_current": current["start"], "end_current": current["end"],
            }
            replacement = found[:ordinal_start] + str(current["ordinal"]) + found[ordinal_end:]
            yield Hit(paragraph, start, end, args, replacement)

    return check
