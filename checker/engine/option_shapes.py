"""A rule option's value checked at every depth against a value of the right shape.

`swap: {法制: [法治]}` or `exceptions: [[法制审核]]` are valid YAML and pass the option's top-level
type, but a rule would read "['法治']" as the replacement or never match: such a value is refused at
its line instead. The right shape is taken from a value the rule type is known to read well: the
rule's own value when a config file overrides it, the option's default in a pack.
"""

from __future__ import annotations

from checker.yamlfiles.reader import LineDict, LineList

_NUMBERS = (int, float)


def _family(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, _NUMBERS):
        return "数"
    if isinstance(value, str):
        return "文字"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "映射"
    return "空值" if value is None else type(value).__name__


def _typical(values: list) -> object:
    """The shape every item of a container has, when they share one (text and numbers count alike)."""
    families = {"文字" if _family(v) == "数" else _family(v) for v in values}
    return values[0] if len(families) == 1 else None


def misshapen(value: object, example: object, line: int | None, where: str = "") -> tuple[str, int | None] | None:
    """(what is wrong, its line) where `value` leaves the shape of `example`; None when it keeps it
    (or when `example` says nothing: None, an empty list or mapping)."""
    if example is None:
        return None
    expected, found = _family(example), _family(value)
    if isinstance(example, str):
        fits = isinstance(value, (str, *_NUMBERS)) and not isinstance(value, bool)  # 2021 in a word list is text
    elif isinstance(example, _NUMBERS) and not isinstance(example, bool):
        fits = isinstance(value, _NUMBERS) and not isinstance(value, bool)
    else:
        fits = expected == found
    if not fits:
        return f"{where}应为{expected}，而不是{found}", line
    if isinstance(example, list) and example:
        typical = _typical(example)
        for index, item in enumerate(value):
            at = value.line_of_item(index, line or 0) if isinstance(value, LineList) else line
            if problem := misshapen(item, typical, at, f"{where}第 {index + 1} 项"):
                return problem
    if isinstance(example, dict) and example:
        typical = _typical(list(example.values()))
        for key, item in value.items():
            at = value.line_of(key) if isinstance(value, LineDict) else line
            if problem := misshapen(item, example.get(key, typical), at, f"{where}「{key}」的值"):
                return problem
    return None


def misshapen_without_example(value: object, line: int | None) -> tuple[str, int | None] | None:
    """The floor for an option whose default says nothing of its items (required, or an empty list or
    mapping): no rule type reads a list inside a list, and the mappings they read map words to words."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, list):
                at = value.line_of_item(index, line or 0) if isinstance(value, LineList) else line
                return f"第 {index + 1} 项应为文字或映射，而不是列表", at
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (list, dict)):
                return f"「{key}」的值应为文字，而不是{_family(item)}", value.line_of(key) if isinstance(value, LineDict) else line
    return None


def option_problem(value: object, example: object, line: int | None) -> tuple[str, int | None] | None:
    """misshapen() against `example` when it shows a shape, else the floor."""
    if example is None or example == [] or example == {}:
        return misshapen_without_example(value, line)
    return misshapen(value, example, line)
