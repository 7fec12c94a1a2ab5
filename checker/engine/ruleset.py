"""Rule packs: YAML files of concrete rules, validated at load and compiled once.

A pack is a YAML file with a top-level `rules:` list. Each rule:
  id, name, type, category, severity, message, source      required
  description, rationale                                   the rule's documentation (中文)
  fix: {safety: safe|unsafe, replacement: template}        optional
  options: {...}                                           the rule type's options
  examples: {bad: [...], good: [...]}                      run by the tests
  reads_hidden: true                                       reads invisible format characters too
  reads_furniture: [footnote, header, footer]              reads a .docx's furniture too, as the body
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import regex

from checker.document.model import FURNITURE_LABELS, Part
from checker.engine.backtracking import catastrophic
from checker.engine.option_shapes import option_problem
from checker.engine.registry import rule_types
from checker.engine.ruletype import Check
from checker.findings import CATEGORIES, FixSafety, RuleInfo, Severity
from checker.matching import built_in_pack
from checker.resources import builtin_rules_dir
from checker.yamlfiles.reader import LineDict, LineList, YamlError, read_yaml

_ID = regex.compile(r"^[A-Z]{2,5}\d{3}$")
_NAME = regex.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REQUIRED = ("id", "name", "type", "category", "severity", "message", "source")
_OPTIONAL = ("description", "rationale", "fix", "options", "examples", "reads_hidden", "reads_furniture")


@dataclass
class Rule:
    id: str
    name: str
    type: str
    category: str
    severity: Severity
    message: str
    source: str
    description: str = ""
    rationale: str = ""
    fix_safety: FixSafety | None = None
    fix_template: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    examples: dict[str, list] = field(default_factory=dict)
    pack: str = ""
    line: int = 0
    needs: tuple[str, ...] = ()
    # A rule about the invisible format characters themselves reads the text with them; every other
    # rule reads it as a reader sees it, without them (checker/document/hidden.py).
    reads_hidden: bool = False
    # A .docx's furniture the rule reads as well as the body (a foreign slogan in a footnote is as wrong
    # as in the text): its parts, out of header, footer, footnote (checker/engine/run.py).
    reads_furniture: frozenset[Part] = frozenset()
    configured: bool = False  # its options changed by a config (selection.py)
    check: Check | None = field(default=None, repr=False)

    @property
    def shipped(self) -> bool:
        """A built-in pack's rule with the options it ships with."""
        return not self.configured and Path(self.pack).parent == builtin_rules_dir()

    def described(self) -> RuleInfo:
        """The rule as reports describe it, with the severity it runs at."""
        return RuleInfo(self.id, self.name, self.category, self.severity, self.description.split("\n")[0] or self.message,
                        self.description or self.message, self.rationale, self.source)

    def matches(self, selector: str) -> bool:
        """--select/--ignore: an id or id prefix ("FZ1", "fz1": ids in any case), a name, a category, or "ALL"."""
        upper = selector.upper()
        return selector in (self.name, self.category) or upper == "ALL" or self.id.startswith(upper)


def _expect(condition: bool, path: Path, line: int, message: str) -> None:
    if not condition:
        raise YamlError(path, line, message)


def _options(raw: LineDict, rule_type, path: Path) -> dict[str, Any]:
    given = raw.get("options") or LineDict()
    _expect(isinstance(given, dict), path, raw.line_of("options"), "options 必须是映射")
    line = getattr(given, "line", raw.line_of("options"))
    for key in given:
        _expect(key in rule_type.OPTIONS, path, given.line_of(key) if isinstance(given, LineDict) else line,
                f"规则类型 {rule_type.TYPE} 没有选项「{key}」（可用：{', '.join(rule_type.OPTIONS) or '无'}）")
    options: dict[str, Any] = {}
    for key, spec in rule_type.OPTIONS.items():
        if key not in given:
            _expect(not spec.required, path, line, f"规则类型 {rule_type.TYPE} 需要选项「{key}」")
            options[key] = spec.default
            continue
        value = given[key]
        at = given.line_of(key) if isinstance(given, LineDict) else line
        _expect(isinstance(value, spec.kind), path, at, f"选项「{key}」的类型应为 {spec.kind}，而不是 {type(value).__name__}")
        problem = option_problem(value, None if spec.required else spec.default, at)
        if problem:
            raise YamlError(path, problem[1], f"选项「{key}」{problem[0]}")
        options[key] = value
    return options


def _texts(value: object, line: int) -> Iterator[tuple[str, int]]:
    """Every string inside an option value, keys included, with the nearest line known for it."""
    if isinstance(value, str):
        yield value, line
    elif isinstance(value, dict):
        for key, item in value.items():
            at = value.line_of(key) if isinstance(value, LineDict) else line
            yield from _texts(key, at)
            yield from _texts(item, at)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, value.line_of_item(index, line) if isinstance(value, LineList) else line)


def refuse_runaway_patterns(rule_id: str, given: dict, path: Path | str, line: int | None) -> None:
    """A user's option string shaped like (a|aa)+ is refused at its line: one such pattern can hold a
    file's check for hours (backtracking.py). Built-in packs are not checked: their tests time them."""
    for key, value in given.items():
        at = given.line_of(key) if isinstance(given, LineDict) else line
        for text, text_line in _texts(value, at):
            reason = catastrophic(text)
            if reason:
                raise YamlError(path, text_line, f"规则 {rule_id} 的选项「{key}」中的正则表达式「{text}」可能回溯失控（{reason}），"
                                                 "一行文字就可能查上几个小时；请改写（如 (a|aa)+ 改为 a+）")


def _rule(raw: object, path: Path, builtin: bool = False) -> Rule:
    _expect(isinstance(raw, LineDict), path, 0, "每条规则必须是映射")
    line = raw.line
    for key in raw:
        _expect(key in _REQUIRED + _OPTIONAL, path, raw.line_of(key), f"未知的规则字段「{key}」")
    for key in _REQUIRED:
        _expect(isinstance(raw.get(key), str) and raw[key].strip() != "", path, line, f"规则缺少字段「{key}」（或不是字符串）")
    _expect(bool(_ID.match(raw["id"])), path, raw.line_of("id"), f"规则编号「{raw['id']}」格式应如 FZ101")
    _expect(bool(_NAME.match(raw["name"])), path, raw.line_of("name"), f"规则名「{raw['name']}」应为小写连字符形式")
    _expect(raw["category"] in CATEGORIES, path, raw.line_of("category"),
            f"类别「{raw['category']}」无效（可用：{', '.join(CATEGORIES)}）")
    _expect(raw["severity"] in {s.value for s in Severity}, path, raw.line_of("severity"),
            f"严重程度「{raw['severity']}」无效（可用：error, warning, info）")
    types = rule_types()
    _expect(raw["type"] in types, path, raw.line_of("type"), f"未知的规则类型「{raw['type']}」（可用：{', '.join(sorted(types))}）")
    rule_type = types[raw["type"]]
    fix = raw.get("fix")
    if fix is not None:
        _expect(isinstance(fix, dict) and fix.get("safety") in ("safe", "unsafe") and set(fix) <= {"safety", "replacement"},
                path, raw.line_of("fix"), "fix 应为 {safety: safe|unsafe, replacement: 可选模板}")
    if not builtin and isinstance(raw.get("options"), dict):
        refuse_runaway_patterns(raw["id"], raw["options"], path, raw.line_of("options"))
    examples = raw.get("examples") or {}
    _expect(isinstance(raw.get("reads_hidden", False), bool), path, raw.line_of("reads_hidden"), "reads_hidden 应为 true 或 false")
    furniture = raw.get("reads_furniture", [])
    _expect(isinstance(furniture, list) and all(isinstance(p, str) for p in furniture)
            and set(furniture) <= {p.value for p in FURNITURE_LABELS}, path,
            raw.line_of("reads_furniture"), f"reads_furniture 应为列表，只能含 {', '.join(p.value for p in FURNITURE_LABELS)}")
    _expect(isinstance(examples, dict) and set(examples) <= {"bad", "good"}, path, raw.line_of("examples"),
            "examples 应为 {bad: [...], good: [...]}")
    options = _options(raw, rule_type, path)
    rule = Rule(
        id=raw["id"], name=raw["name"], type=raw["type"], category=raw["category"],
        severity=Severity(raw["severity"]), message=raw["message"].strip(), source=raw["source"].strip(),
        description=(raw.get("description") or "").strip(), rationale=(raw.get("rationale") or "").strip(),
        fix_safety=FixSafety(fix["safety"]) if fix else None, fix_template=fix.get("replacement") if fix else None,
        options=options, examples=examples, pack=str(path), line=line,
        needs=_needs(rule_type, options), reads_hidden=raw.get("reads_hidden", False),
        reads_furniture=frozenset(Part(p) for p in furniture),
    )
    try:
        rule.check = rule_type.compile(rule.options)
    except (ValueError, regex.error, KeyError, TypeError) as error:
        raise YamlError(path, raw.line_of("options"), f"规则 {rule.id} 的选项无效：{error}") from None
    return rule


def load_pack(path: Path, builtin: bool = False) -> list[Rule]:
    data = read_yaml(path, cached=builtin)
    _expect(isinstance(data, LineDict) and isinstance(data.get("rules"), list), path, 1, "规则包应为含 rules: 列表的映射")
    for key in data:
        _expect(key in ("rules", "pack", "description"), path, data.line_of(key), f"未知的规则包字段「{key}」")
    with built_in_pack(path) if builtin else nullcontext():
        return [_rule(raw, path, builtin) for raw in data["rules"]]


def _pack_files(location: Path) -> list[Path]:
    if location.is_dir():
        return sorted(p for p in location.glob("*.yaml") if p.is_file())
    if location.is_file():
        return [location]
    raise YamlError(location, None, "规则包路径不存在")


def load_rules(extra: list[str | Path] = ()) -> list[Rule]:
    """The built-in packs plus the user's; ids and names must be unique across all of them."""
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    builtin = builtin_rules_dir()
    for location in [builtin, *map(Path, extra)]:
        for path in _pack_files(location):
            for rule in load_pack(path, builtin=location == builtin):
                for key in (rule.id, rule.name):
                    if key in seen:
                        raise YamlError(path, rule.line, f"规则「{key}」与 {seen[key].pack}:{seen[key].line} 重复")
                    seen[key] = rule
                rules.append(rule)
    return rules


def _needs(rule_type: ModuleType, options: dict) -> tuple[str, ...]:
    """The context a rule cannot run without: its type's NEEDS, and for a type whose options decide
    it (self_reference's level words ask for the region), what its needs_for(options) says."""
    if hasattr(rule_type, "needs_for"):
        return tuple(rule_type.needs_for(options))
    return tuple(getattr(rule_type, "NEEDS", ()))
