"""Rule selectors must name something: a typo in --select or a config's `ignore:` would otherwise turn
checks off without a word (issue 17). Ids are matched without regard to case ("fz601" is FZ601)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from checker.engine.config import Config
from checker.engine.ruleset import Rule
from checker.yamlfiles.reader import YamlError


def find_rule(rules: Iterable[Rule], text: str) -> Rule | None:
    """The rule whose id (any case) or name is `text`."""
    wanted = text.strip()
    return next((r for r in rules if r.id == wanted.upper() or r.name == wanted), None)


def names_something(selector: str, rules: list[Rule]) -> bool:
    return any(rule.matches(selector) for rule in rules)


# Characters a typist swaps for a digit of an id: "FZ60l", "FZ1O1".
_LOOK_ALIKE = str.maketrans("LIO", "110")


def _closeness(typed: str, candidate: str) -> float:
    typed, candidate = typed.upper(), candidate.upper()
    plain = difflib.SequenceMatcher(None, typed, candidate).ratio()
    return max(plain, difflib.SequenceMatcher(None, typed.translate(_LOOK_ALIKE), candidate).ratio())


def suggestion(selector: str, rules: list[Rule], whole_rules_only: bool = False) -> str:
    """"；是否指 FZ601？" when known ids, names or categories are close to the mistyped one, else ""."""
    candidates = {rule.id for rule in rules} | {rule.name for rule in rules}
    if not whole_rules_only:
        candidates |= {rule.category for rule in rules}
    scored = sorted(((_closeness(selector, c), c) for c in candidates), key=lambda pair: (-pair[0], pair[1]))
    close = [candidate for score, candidate in scored[:3] if score >= 0.6]
    return f"；是否指 {'、'.join(close)}？" if close else ""


def _refusal(selector: str, rules: list[Rule], whole_rules_only: bool) -> str:
    what = "规则（编号或名称）" if whole_rules_only else "规则、编号前缀或类别"
    return f"没有名为「{selector}」的{what}{suggestion(selector, rules, whole_rules_only)}（fazhi-lint rules 列出全部规则）"


def check_written(config: Config, rules: list[Rule]) -> None:
    """Every selector a config wrote names a rule, an id prefix or a category (`options:` a rule)."""
    for written in config.written:
        whole_rule = written.key == "options"
        known = find_rule(rules, written.selector) if whole_rule else names_something(written.selector, rules)
        if not known:
            raise YamlError(written.path, written.line,
                            f"{written.key} 中：{_refusal(written.selector, rules, whole_rule)}")


def check_given(option: str, selectors: Iterable[str], rules: list[Rule]) -> None:
    """The command line's --select/--ignore/--extend-select."""
    for selector in selectors:
        if not names_something(selector, rules):
            raise YamlError(option, None, _refusal(selector, rules, False))

