"""From a config and the command line to the rules that run: options, severities, select/ignore."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from checker.engine.config import Config
from checker.engine.option_shapes import option_problem
from checker.engine.registry import rule_types
from checker.engine.ruleset import Rule, load_rules, refuse_runaway_patterns
from checker.engine.selectors import check_given, check_written
from checker.findings import Severity
from checker.yamlfiles.reader import LineDict, YamlError

# Compiled rule sets a process keeps, the most recently used (per selection and config): a command uses
# one; `serve` and an embedder calling lint_text with select lists may make many, and every rule set kept
# keeps its prefilters, which each document's shared scan walks (matching/prefilter.py).
RULESETS_KEPT = 16


@dataclass
class RuleSet:
    rules: list[Rule]  # every rule, overrides applied
    select: list[str]
    ignore: list[str]
    _selected: dict[tuple[str, ...], list[Rule]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def by_name(self, name: str) -> Rule:
        return next(rule for rule in self.rules if rule.name == name)

    def selected(self, extra_ignores: list[str] = ()) -> list[Rule]:
        key = tuple(extra_ignores)
        chosen = self._selected.get(key)
        if chosen is None:  # asked once per file checked, with the same few ignore lists
            ignore = [*self.ignore, *extra_ignores]
            chosen = self._selected[key] = [
                rule for rule in self.rules
                if any(rule.matches(s) for s in self.select) and not any(rule.matches(s) for s in ignore)
            ]
        return list(chosen)


def _with_options(rule: Rule, overrides: dict, lines: dict[str, int], config: Config) -> Rule:
    rule_type = rule_types()[rule.type]
    for key, value in overrides.items():
        if key not in rule_type.OPTIONS:
            raise YamlError(config.path or "config", None, f"规则 {rule.id} 的类型 {rule.type} 没有选项「{key}」")
        line, kind = lines.get(key), rule_type.OPTIONS[key].kind
        problem = (None if isinstance(value, kind) else (f"的类型应为 {kind}，而不是 {type(value).__name__}", line)) \
            or option_problem(value, rule.options[key], line)
        if problem:
            raise YamlError(config.path or "config", problem[1], f"规则 {rule.id} 的选项「{key}」{problem[0]}")
    refuse_runaway_patterns(rule.id, overrides, config.path or "config", None)
    updated = replace(rule, options={**rule.options, **overrides}, configured=True)
    try:
        updated.check = rule_type.compile(updated.options)
    except (ValueError, KeyError, TypeError) as error:
        raise YamlError(config.path or "config", None, f"规则 {rule.id} 的 options 无效：{error}") from None
    return updated


def _severity(rule: Rule, overrides: dict[str, Severity]) -> Severity:
    matching = [level for selector, level in overrides.items() if rule.matches(selector)]
    return matching[-1] if matching else rule.severity


def build_ruleset(config: Config, select: list[str] = (), ignore: list[str] = (), extend_select: list[str] = ()) -> RuleSet:
    """Command-line --select replaces the config's; --ignore and --extend-select add to it (as in Ruff).
    A selector naming no rule, prefix or category is an error (selectors.py)."""
    loaded = load_rules(config.rules)
    check_written(config, loaded)
    for option, given in (("--select", select), ("--ignore", ignore), ("--extend-select", extend_select)):
        check_given(option, given, loaded)
    rules = []
    for rule in loaded:
        given = [opts for selector, opts in config.options.items() if selector.upper() == rule.id or selector == rule.name]
        if given:
            overrides = {k: v for opts in given for k, v in opts.items()}
            lines = {k: opts.line_of(k) for opts in given if isinstance(opts, LineDict) for k in opts}
            rule = _with_options(rule, overrides, lines, config)
        rules.append(replace(rule, severity=_severity(rule, config.severity)))
    return RuleSet(rules, [*(list(select) or config.select), *extend_select], [*config.ignore, *ignore])
