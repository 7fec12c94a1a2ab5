"""`.fazhi-lint.yaml`, or `[tool.fazhi-lint]` in pyproject.toml (pyproject.py): found by walking up
from each checked path (in each folder the YAML file first, then a pyproject.toml that has the table),
or given with --config. Both are read into the same LineDicts and checked by the one schema below.

Keys (a public contract: add, never rename):
  extends           a built-in profile (default, government, department) or a config file
  select, ignore    rule ids, id prefixes, names or categories
  per-file-ignores  {glob: [selectors]}
  severity          {selector: error|warning|info}
  rules             extra rule packs (files or folders of YAML), relative to the config file
  options           {rule id or name: {option: value}} — override a rule type's options
  context           {glob: {body, region, year}}
  include, exclude  globs for files found in folders
  fail-on           error|warning|info: the least severe finding that fails the run (default warning)
  max-file-size     the size cap of a checked file (100MB, 512KB, 2GB; a bare number is MB)
  word              {group: summary|paragraph|none, summary-after: N} — how the Word comments of
                    `annotate` are grouped (checker/word/comment_groups.py)
  previous          {glob: file or folder} — last year's report of the drafts the glob matches,
                    relative to the config file (cross-document checks, docs/copy-detection.md)
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

from checker.engine.pyproject import has_table, read_table
from checker.findings import Severity
from checker.loaders.reading import parse_size
from checker.resources import builtin_rules_dir
from checker.yamlfiles.reader import LineDict, LineList, YamlError, read_yaml

CONFIG_NAMES = (".fazhi-lint.yaml", ".fazhi-lint.yml")
PYPROJECT = "pyproject.toml"
_LIST_KEYS = ("select", "ignore", "rules", "include", "exclude")
_MAP_KEYS = ("per-file-ignores", "severity", "options", "context", "word", "previous")
_KEYS = ("extends", *_LIST_KEYS, *_MAP_KEYS, "fail-on", "max-file-size")
_CONTEXT_KEYS = ("body", "region", "year")
WORD_GROUPS = ("summary", "paragraph", "none")  # checker/word/comment_groups.py reads them


@dataclass(frozen=True)
class Written:
    """A rule selector as a config file wrote it."""

    selector: str
    path: Path
    line: int
    key: str


@dataclass
class Config:
    path: Path | None = None
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    rules: list[Path] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict] = field(default_factory=dict)
    context: dict[str, dict] = field(default_factory=dict)
    max_file_size: int | None = None  # bytes
    word: dict = field(default_factory=dict)
    previous: dict[str, Path] = field(default_factory=dict)
    # where each rule selector of the chain was written (select, ignore, per-file-ignores, severity,
    # options), so that one naming no rule is reported at its file:line (selectors.py)
    written: list[Written] = field(default_factory=list)
    fail_on: Severity | None = None

    @property
    def base(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def ignored_for(self, file: str) -> list[str]:
        if not self.per_file_ignores:  # the common case: no path to resolve
            return []
        relative = _relative(file, self.base)
        return [s for glob, selectors in self.per_file_ignores.items() if _glob(relative, glob) for s in selectors]

    def context_for(self, file: str) -> dict:
        if not self.context:
            return {}
        relative = _relative(file, self.base)
        merged: dict = {}
        for glob, values in self.context.items():
            if _glob(relative, glob):
                merged.update(values)
        return merged


    def previous_for(self, file: str) -> str | None:
        """Last year's report (file or folder) the config names for `file`: the last matching glob's."""
        if not self.previous:
            return None
        relative = _relative(file, self.base)
        matching = [target for glob, target in self.previous.items() if _glob(relative, glob)]
        return str(matching[-1]) if matching else None


def _relative(file: str, base: Path) -> str:
    try:
        return Path(file).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return Path(file).as_posix()


def _glob(relative: str, pattern: str) -> bool:
    return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(relative).name, pattern)


def _check_list(data: LineDict, key: str, path: Path) -> list[str]:
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise YamlError(path, data.line_of(key), f"「{key}」应为字符串列表")
    return [str(v) for v in value]


def _check_map(data: LineDict, key: str, path: Path) -> LineDict:
    value = data[key]
    if not isinstance(value, dict):
        raise YamlError(path, data.line_of(key), f"「{key}」应为映射")
    return value


def _severity(mapping: LineDict, key: str, level: object, path: Path) -> Severity:
    if level not in {s.value for s in Severity}:
        raise YamlError(path, mapping.line_of(key), f"严重程度「{level}」无效（可用：error, warning, info）")
    return Severity(level)


def _note_list(config: Config, values: list, path: Path, line: int, key: str) -> None:
    for index, value in enumerate(values):
        at = values.line_of_item(index, line) if isinstance(values, LineList) else line
        config.written.append(Written(str(value), path, at, key))


def _note_keys(config: Config, mapping: LineDict, path: Path, key: str) -> None:
    for selector in mapping:
        config.written.append(Written(str(selector), path, mapping.line_of(selector), key))


def _apply(config: Config, data: LineDict, path: Path) -> None:
    for key in data:
        if key not in _KEYS:
            raise YamlError(path, data.line_of(key), f"未知的配置项「{key}」（可用：{', '.join(_KEYS)}）")
    for key in _LIST_KEYS:
        if key in data:
            values = _check_list(data, key, path)
            if key == "rules":
                values = [path.parent / v for v in values]
            elif key in ("select", "ignore"):
                _note_list(config, data[key], path, data.line_of(key), key)
            setattr(config, key, values)
    if "per-file-ignores" in data:
        for glob, selectors in _check_map(data, "per-file-ignores", path).items():
            if not isinstance(selectors, list):
                raise YamlError(path, data["per-file-ignores"].line_of(glob), "per-file-ignores 的值应为列表")
            _note_list(config, selectors, path, data["per-file-ignores"].line_of(glob), "per-file-ignores")
            config.per_file_ignores[str(glob)] = [str(s) for s in selectors]
    if "fail-on" in data:
        config.fail_on = _severity(data, "fail-on", data["fail-on"], path)
    if "severity" in data:
        _note_keys(config, _check_map(data, "severity", path), path, "severity")
        for selector, level in _check_map(data, "severity", path).items():
            config.severity[str(selector)] = _severity(data["severity"], selector, level, path)
    if "options" in data:
        _note_keys(config, _check_map(data, "options", path), path, "options")
        for selector, values in _check_map(data, "options", path).items():
            if not isinstance(values, dict):
                raise YamlError(path, data["options"].line_of(selector), "options 的值应为映射")
            earlier = config.options.get(str(selector), LineDict())
            merged = config.options[str(selector)] = LineDict({**earlier, **values})  # lines kept for errors
            merged.line = getattr(values, "line", 0)
            merged.key_lines = {**getattr(earlier, "key_lines", {}), **getattr(values, "key_lines", {})}
    if "max-file-size" in data:
        try:
            config.max_file_size = parse_size(data["max-file-size"])
        except ValueError as error:
            raise YamlError(path, data.line_of("max-file-size"), str(error)) from None
    if "context" in data:
        for glob, values in _check_map(data, "context", path).items():
            line = data["context"].line_of(glob)
            if not isinstance(values, dict) or not set(values) <= set(_CONTEXT_KEYS):
                raise YamlError(path, line, f"context 的值应为含 {', '.join(_CONTEXT_KEYS)} 的映射")
            if "year" in values and not isinstance(values["year"], int):
                raise YamlError(path, line, "context 中的 year 应为整数")
            if "body" in values and not isinstance(values["body"], str):
                raise YamlError(path, line, "context 中的 body 应为字符串（发文机关名称）")
            if "region" in values and isinstance(values["region"], str):
                values = {**values, "region": [r for r in values["region"].replace("›", " ").split() if r]}
            region = values.get("region", [])
            if not isinstance(region, list) or not all(isinstance(place, str) for place in region):
                raise YamlError(path, line, "context 中的 region 应为地名列表（如 [北京市, 东城区]）或以空格分隔的地名")
            config.context[str(glob)] = dict(values)
    if "word" in data:
        config.word = {**config.word, **_word(_check_map(data, "word", path), path)}
    if "previous" in data:
        _apply_previous(config, data, path)


def _word(values: LineDict, path: Path) -> dict:
    for key, value in values.items():
        line = values.line_of(key)
        if key == "group" and value not in WORD_GROUPS:
            raise YamlError(path, line, f"word.group 应为 {', '.join(WORD_GROUPS)} 之一")
        if key == "summary-after" and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise YamlError(path, line, "word.summary-after 应为非负整数")
        if key not in ("group", "summary-after"):
            raise YamlError(path, line, f"未知的 word 配置项「{key}」（可用：group, summary-after）")
    return dict(values)


def _apply_previous(config: Config, data: LineDict, path: Path) -> None:
    for glob, target in _check_map(data, "previous", path).items():
        if not isinstance(target, str) or not target.strip():
            raise YamlError(path, data["previous"].line_of(glob), "previous 的值应为去年报告的文件或文件夹路径")
        config.previous[str(glob)] = path.parent / target


def _profile_path(name: str, relative_to: Path | None) -> Path:
    builtin = builtin_rules_dir() / "profiles" / f"{name}.yaml"
    if builtin.is_file():
        return builtin
    candidate = (relative_to.parent if relative_to else Path.cwd()) / name
    if candidate.is_file():
        return candidate
    raise YamlError(relative_to or name, None, f"extends 指向的配置「{name}」不存在（内置：default, government, department）")


def read_config(path: Path, _chain: tuple[Path, ...] = ()) -> Config:
    """A config file with its `extends` chain resolved (the extending file's values win)."""
    if path.suffix == ".toml":
        data = read_table(path)
    else:
        data = read_yaml(path, cached=path.parent == builtin_rules_dir() / "profiles")
    if data is None:
        data = LineDict()
    if not isinstance(data, LineDict):
        raise YamlError(path, 1, "配置文件应为映射")
    config = Config(path=path)
    if "extends" in data:
        parent = _profile_path(str(data["extends"]), path)
        if parent.resolve() in _chain:
            raise YamlError(path, data.line_of("extends"), "extends 形成循环")
        config = read_config(parent, (*_chain, path.resolve()))
        config.path = path
    _apply(config, data, path)
    return config


def find_config(start: Path) -> Path | None:
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        if (candidate / PYPROJECT).is_file() and has_table(candidate / PYPROJECT):
            return candidate / PYPROJECT
    return None


def default_config() -> Config:
    return read_config(builtin_rules_dir() / "profiles" / "default.yaml")
