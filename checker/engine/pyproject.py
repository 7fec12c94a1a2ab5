"""`[tool.fazhi-lint]` in pyproject.toml: the same keys as `.fazhi-lint.yaml`, read into the same
LineDicts, so one schema (config.py) checks both and its errors name the line.

TOML readers keep no positions, so a key's line is found in the text: the line that assigns it inside
its table (`key = …`), or the header of its own table (`[tool.fazhi-lint.severity]`). A nested key
written inline (`severity = {FZ201 = "warning"}`) gets the line of the inline table.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import regex

from checker.yamlfiles.reader import LineDict, YamlError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover (3.10)
    import tomli as tomllib

TABLE = ("tool", "fazhi-lint")
_HEADER = regex.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_ASSIGNMENT = regex.compile(r'^\s*("(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_\-]+)\s*=')


def _dotted(header: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in regex.split(r"\.(?=(?:[^\"']|\"[^\"]*\"|'[^']*')*$)", header))


def _key_lines(text: str) -> dict[tuple[str, ...], int]:
    """(table path + key) → line, for every `key =` line and every table header of the file."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header and not line.lstrip().startswith("[["):
            table = _dotted(header.group(1))
            lines.setdefault(table, number)
            continue
        assignment = _ASSIGNMENT.match(line)
        if assignment:
            lines.setdefault((*table, assignment.group(1).strip("\"'")), number)
    return lines


def _with_lines(value: object, where: tuple[str, ...], lines: dict[tuple[str, ...], int], fallback: int) -> object:
    if not isinstance(value, dict):
        return value
    mapping = LineDict()
    mapping.line = lines.get(where, fallback)
    mapping.key_lines = {}
    for key, item in value.items():
        line = lines.get((*where, key), mapping.line)
        mapping[key] = _with_lines(item, (*where, key), lines, line)
        mapping.key_lines[key] = line
    return mapping


def has_table(path: Path) -> bool:
    """Whether a pyproject.toml has a [tool.fazhi-lint] table (one without is not our config). Asked
    for every file checked in its tree: kept per file version."""
    try:
        stat = path.stat()
    except OSError:
        return False
    return _has_table(str(path), stat.st_mtime_ns, stat.st_size)


@cache
def _has_table(path: str, mtime: int, size: int) -> bool:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "fazhi-lint" not in text:  # most pyproject.toml files: no parse needed
        return False
    try:
        return isinstance(tomllib.loads(text).get("tool", {}).get("fazhi-lint"), dict)
    except tomllib.TOMLDecodeError:
        return True  # ours to report, with its line: read_table says what is wrong


def read_table(path: Path) -> LineDict:
    """The [tool.fazhi-lint] table as a LineDict; a TOML error names the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise YamlError(path, None, f"无法读取：{error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None) or _line_in_message(str(error))
        raise YamlError(path, line, f"TOML 语法错误：{error}") from None
    table = data.get("tool", {}).get("fazhi-lint")
    lines = _key_lines(text)
    if not isinstance(table, dict):
        raise YamlError(path, None, "没有 [tool.fazhi-lint] 表")
    return _with_lines(table, TABLE, lines, lines.get(TABLE, 1))


def _line_in_message(message: str) -> int | None:
    found = regex.search(r"line (\d+)", message)
    return int(found.group(1)) if found else None
