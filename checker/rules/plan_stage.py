"""规划的阶段（plan_stage）：“××××年是‘十四五’规划开局之年”，而那一年不是这期规划的头一年。

五年规划的开局之年是规划期的第一年，收官之年是最后一年：“十四五”（2021—2025年）开局于2021年、
收官于2025年。照抄往年报告时，开头的“2022年是‘十四五’规划开局之年”“2024年是‘十四五’收官之年”
年份改了，说法没改。只比算术，不看报告年度：句子自己写出了年份和规划。

`plans` 列出各期规划：`key`（`pattern` 的命名组 plan 捕获的写法，如 十四五）、`name`（消息里的名称）、
`start`、`end`。`pattern` 用命名组 year（年份）、plan（规划）、stage（阶段）认出这样的说法；`stages`
把阶段的写法对到规划期的哪一头（{开局: start, 收官: end}）。年份不是那一头时报告。

消息占位符：{found} 原文，{year} 写的年份，{name} 规划，{stage} 阶段，{expected} 这个阶段应在的年份，
{start}、{end} 规划期。不提供修复：错的是年份还是说法只有作者知道。

示例（十四五 2021—2025，stages {开局: start, 收官: end}）：
  FAIL  2022年是“十四五”规划开局之年。
  PASS  2021年是建党100周年，也是“十四五”开局之年。
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import ViewSearch, compile_pattern
from checker.rules.plan_period import plans_by

TYPE = "plan_stage"
NEEDS: tuple[str, ...] = ()
OPTIONS = {
    "plans": Option(list, doc="各期规划：key, name, start, end"),
    "pattern": Option(str, doc="含命名组 year、plan、stage 的正则表达式"),
    "stages": Option(dict, doc="阶段的写法 → start | end"),
}
_ENDS = ("start", "end")


def compile(options: dict) -> Check:
    plans = plans_by(options["plans"], "key")
    stages = {str(stage): end for stage, end in options["stages"].items()}
    if not stages or any(end not in _ENDS for end in stages.values()):
        raise ValueError(f"stages 的值应为 {'/'.join(_ENDS)}")
    pattern = compile_pattern(options["pattern"], "pattern", regex.MULTILINE)
    if not {"year", "plan", "stage"} <= set(pattern.groupindex):
        raise ValueError("pattern 须有命名组 year、plan、stage")
    search = ViewSearch(pattern)

    def check(document: Document) -> Iterator[Hit]:
        for paragraph, start, end, match in search.matches(document):
            plan, stage = plans.get(match.group("plan")), match.group("stage")
            if plan is None or stage not in stages:
                continue
            expected = plan[stages[stage]]
            if int(match.group("year")) == expected:
                continue
            args = {"found": match.group(), "year": match.group("year"), "name": plan["name"], "stage": stage,
                    "expected": expected, "start": plan["start"], "end": plan["end"]}
            yield Hit(paragraph, start, end, args)

    return check
