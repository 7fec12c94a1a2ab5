"""--fix, --unsafe-fixes, --diff and --backup on checked files.

A .txt draft is fixed in place: re-read, checked to be still the text that was linted, fixed line
by line, encoded as before (UTF-8, UTF-8 with BOM, UTF-16 with its BOM, GB18030), line endings
untouched, written to a temporary file and moved over the original (permissions kept); `--backup`
first writes FILE.bak. A .docx is never written: its fixes go into `<name>.fixed.docx` as Word
tracked changes, each to accept or reject (see checker/word/fixes.py for how and the limits). `--diff` writes nothing and prints a unified diff
(for .docx, of its paragraphs as `fazhi-lint text` shows them) of the fixes one pass would apply.

Fixes that overlap are applied one per pass; a .txt draft is checked and fixed again until no
fix is left (at most MAX_PASSES), so that a second `--fix` finds nothing to change. A .docx copy
gets one pass: the findings its revisions fix are not reported again, what is left is.
"""

from __future__ import annotations

import codecs
import difflib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import regex

from checker.engine.batch import Options, check_files, judged_again, max_file_size_for
from checker.findings import FileResult
from checker.fixes import applicable, fix_text
from checker.generated import BACKUP_SUFFIX, FIXED_SUFFIX
from checker.loaders.errors import LoadError
from checker.loaders.reading import read_regular
from checker.reporters import ReportSettings
from checker.reporters.describe import repo_relative
from checker.reporters.outputs import WriteError, output_path, refusal, write_atomically

MAX_PASSES = 10
_NO_OPTIONS = Options()
_NEWLINE = regex.compile(r"\r\n|\r|\n")


@dataclass
class FixOutcome:
    path: str
    applied: int = 0
    skipped: int = 0  # fixes that could not be applied (overlapping, or not plain text in Word)
    written: str | None = None  # the fixed copy written (a .docx's), or the draft itself
    in_place: bool = False  # the draft itself was rewritten
    note: str = ""  # said after what was written (broken parts left out of a .docx copy)
    fixed: list = field(default_factory=list, repr=False)  # a .docx copy's: the findings its revisions fix
    diff: str = ""
    problem: str | None = None


def view_text(result: FileResult) -> str:
    document = result.document
    return "".join(p.text + document.newline for p in document.paragraphs)


def unified_diff(before: str, after: str, path: str) -> str:
    name = repo_relative(path)
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{name}", tofile=f"b/{name}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def _decode(raw: bytes, encoding: str) -> str:
    return raw.decode(encoding).removeprefix("\ufeff")


def _encode(text: str, encoding: str, raw: bytes) -> bytes:
    if encoding == "utf-16":  # keep the byte order the file had
        bom = raw[:2]
        return bom + text.encode("utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be")
    return text.encode(encoding)


def _still_the_same(text: str, result: FileResult) -> bool:
    lines = _NEWLINE.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines == [p.text for p in result.document.paragraphs]


def _not_written(outcome: FixOutcome, problem: str) -> FixOutcome:
    """A file whose fixes were not written: it counts none (the summary counts what was written)."""
    outcome.problem, outcome.applied = problem, 0
    return outcome


def _fix_txt(result: FileResult, unsafe: bool, diff_only: bool, backup: bool, max_bytes: int) -> FixOutcome:
    outcome = FixOutcome(result.path)
    if result.path == "-":
        before = view_text(result)
    else:
        try:
            raw = read_regular(result.path, max_bytes)
        except OSError as error:
            return _not_written(outcome, f"无法再次读取：{error.strerror or error}，未修复")
        except LoadError as error:
            return _not_written(outcome, f"{error.message}，未修复")
        before = _decode(raw, result.document.encoding)
        if not _still_the_same(before, result):
            return _not_written(outcome, "文件在检查之后被改动过，未修复")
    after, applied = fix_text(before, result.findings, unsafe)
    outcome.skipped = len(applicable(result.findings, unsafe)) - applied
    outcome.applied = applied if after != before else 0  # a fix that changes nothing is not a fix
    if diff_only or not outcome.applied:
        outcome.diff = unified_diff(before, after, result.path) if outcome.applied else ""
        return outcome
    if result.path == "-":
        return _not_written(outcome, "标准输入不能就地修复（可用 --diff 查看修改）")
    target = Path(os.path.realpath(result.path))  # through a symlink: rewrite the file, keep the link
    mode = os.stat(target).st_mode & 0o7777
    fixed = _encode(after, result.document.encoding, raw)
    try:
        if backup:
            write_atomically(target.with_name(target.name + BACKUP_SUFFIX), lambda temp: Path(temp).write_bytes(raw), mode)
        write_atomically(target, lambda temp: Path(temp).write_bytes(fixed), mode)
    except WriteError as error:
        return _not_written(outcome, f"{error}，未修复")
    outcome.written, outcome.in_place = result.path, True
    return outcome


def _fix_docx(result: FileResult, unsafe: bool, diff_only: bool, settings: ReportSettings, written: set[Path]) -> FixOutcome:
    outcome = FixOutcome(result.path)
    if diff_only:
        before = view_text(result)
        after, outcome.applied = fix_text(before, result.findings, unsafe)
        outcome.diff = unified_diff(before, after, result.path) if outcome.applied else ""
        return outcome
    if not applicable(result.findings, unsafe):
        return outcome
    target = output_path(result.path, FIXED_SUFFIX, settings)
    outcome.problem = refusal(target, result.path, settings, written)
    if outcome.problem:
        return outcome
    from checker.word.files import word_source  # python-docx: imported only when needed
    from checker.word.fixes import FixedCopyMismatch, fix_docx
    from checker.word.opening import left_out_note

    try:
        fixed = fix_docx(word_source(result.path, result.document), result.document, result.findings, unsafe)
        write_atomically(target, lambda temp: Path(temp).write_bytes(fixed.data))
    except (FixedCopyMismatch, WriteError) as error:
        return _not_written(outcome, str(error))
    except Exception as error:  # noqa: BLE001 (python-docx on a damaged draft: one file's message, not the batch)
        return _not_written(outcome, f"无法生成修复副本：Word 文档结构异常（{type(error).__name__}）")
    outcome.applied, outcome.skipped, outcome.fixed = fixed.applied, fixed.skipped, fixed.fixed
    written.add(target.resolve())
    outcome.written, outcome.note = str(target), left_out_note(fixed.left_out)
    return outcome


def fix_results(results: list[FileResult], unsafe: bool, diff_only: bool, backup: bool,
                settings: ReportSettings, options: Options = _NO_OPTIONS) -> list[FixOutcome]:
    """Fix (or, with `diff_only`, show the fixes of) every checked file; results need documents."""
    outcomes = []
    written: set[Path] = set()
    for result in results:
        if result.document is None:
            continue
        if result.format == "docx":
            outcomes.append(_fix_docx(result, unsafe, diff_only, settings, written))
        else:
            outcomes.append(_fix_txt(result, unsafe, diff_only, backup, max_file_size_for(result.path, options)))
    return outcomes


def _merge(first: FixOutcome, later: FixOutcome) -> None:
    first.applied += later.applied
    first.skipped = later.skipped
    first.problem = later.problem or first.problem


def fix_paths(files: list[str], options: Options, jobs: int, stdin: bytes | None, unsafe: bool, diff_only: bool,
              backup: bool, settings: ReportSettings, timeout: float | None = None) -> tuple[list[FileResult], list[FixOutcome]]:
    """Check, fix, and check again what was fixed in place: the results left to report, and what
    the fixing did. A backup, if asked for, holds the draft as it was before the first pass."""
    results = check_files(files, options, jobs, stdin, timeout=timeout, keep_document=True)
    outcomes = fix_results(results, unsafe, diff_only, backup, settings, options)
    if diff_only:
        return results, outcomes
    by_path = {o.path: o for o in outcomes}
    pending = [o.path for o in outcomes if o.in_place]
    fixed_in_place = set(pending)
    for _ in range(MAX_PASSES - 1):
        if not pending:
            break
        rechecked = check_files(pending, options, 1, timeout=timeout, keep_document=True)
        again = fix_results(rechecked, unsafe, False, False, settings, options)
        for outcome in again:
            _merge(by_path[outcome.path], outcome)
        pending = [o.path for o in again if o.in_place]
    if fixed_in_place:
        final = check_files(sorted(fixed_in_place), options, 1, timeout=timeout, keep_document=True)
        by_file = {r.path: r for r in final}
        results = [by_file.get(r.path, r) for r in results]
    return [_what_remains(r, by_path.get(r.path), options) for r in results], outcomes


def _what_remains(result: FileResult, outcome: FixOutcome | None, options: Options) -> FileResult:
    """A .docx whose fixes went into a tracked-changes copy: reported without the findings fixed there."""
    if outcome is None or not outcome.fixed:
        return result
    fixed = set(map(id, outcome.fixed))
    return judged_again(replace(result, findings=[f for f in result.findings if id(f) not in fixed]), options)


def fix_summary(outcomes: list[FixOutcome], diff_only: bool) -> list[str]:
    """Lines for the user: what was fixed where, what could not be, the total."""
    lines = []
    for outcome in outcomes:
        if outcome.problem:
            lines.append(f"{outcome.path}：{outcome.problem}")
        elif outcome.written:
            copy = "" if outcome.in_place else f"，写入 {outcome.written}"
            revisions = "（修订模式：在 Word/WPS 中可逐处接受或拒绝）" if outcome.fixed else ""
            lines.append(f"{outcome.path}：修复 {outcome.applied} 处{copy}{revisions}{outcome.note}")
        if outcome.skipped:
            lines.append(f"{outcome.path}：{outcome.skipped} 处修复未能自动应用（重叠或格式复杂），请手工修改")
    total = sum(o.applied for o in outcomes)
    lines.append(f"可修复 {total} 处（--diff：未写入任何文件）" if diff_only else f"共修复 {total} 处")
    return lines
