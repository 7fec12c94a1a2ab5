"""Before a run reads or writes anything: every file it will write, checked against every file it
reads. Same file means same inode (os.stat follows symlinks; hard links share one), not the same
spelling. An existing file a report would replace must be a report of this tool (or empty) unless
--force: a typo in `-o` must not cost a draft, a config or anyone's notes.

What counts as "a report of this tool": its first lines name the tool where our json, sarif, junit
and html reports name it, or it starts the way one of our plain formats starts (a finding line of text, concise,
github, json-lines or gitlab; the checklist's title; the text summary of a clean run; the list of
Word files an annotate run wrote). tests/test_write_guard.py renders every format, with and without
findings, and checks that each is recognised, and that drafts and other files are not.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable

import regex

from checker.generated import BACKUP_SUFFIX, FIXED_SUFFIX
from checker.reporters import ReportSettings, reporters
from checker.reporters.outputs import make_folder, output_path

_HEAD = 8192
_OURS = regex.compile(
    r"""\A\s*(?:
        [{<][^\n]*\n?(?:[^\n]*\n){0,12}?[^\n]*                # json, sarif, junit, html: the tool's name
        (?:"name":\ "fazhi-lint"|<testsuites\ name="fazhi-lint"|<title>fazhi-lint\ )
      | [^\n]+:\d+:\d+:\ FZ\d{3}\                             # text, concise
      | (?:::group::[^\n]*\n)?::(?:error|warning|notice)\ [^\n]*title=FZ\d{3}\      # github (a file's group)
      | \{"path":\ [^\n]*"rule":\ "FZ\d{3}"                   # json-lines
      | \[\s*(?:\]|\{\s*"type":\ "issue",\s*"check_name":\ "FZ\d{3})   # gitlab
      | \#\ 修改清单                                           # checklist
      | \d+\ 个文件                                            # text, concise: a clean run's summary
      | [^\n]+\.(?:reviewed|checklist)\.docx：                # docx, checklist-docx: what was written
    )""",
    regex.VERBOSE,
)


class Clash(Exception):
    """A usage error found before the run: the message names the paths."""


def is_our_report(path: str) -> bool:
    """Whether the existing regular file at `path` is empty or a report this tool wrote."""
    with open(path, "rb") as handle:
        head = handle.read(_HEAD)
    return not head.strip() or bool(_OURS.search(head.decode("utf-8", "replace")))


def _identity(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def per_file_outputs(files: Iterable[str], formats: Iterable[str], settings: ReportSettings,
                     fix: bool, backup: bool) -> list[str]:
    """Every file named after an input that the run may write: reviewed copies, Word checklists,
    fixed copies of .docx drafts, backups of .txt drafts."""
    suffixes = [s for s in (getattr(reporters()[name], "SUFFIX", None) for name in formats) if s]
    outputs = []
    for file in files:
        outputs += [str(output_path(file, suffix, settings)) for suffix in suffixes]
        if fix and file.lower().endswith(".docx"):
            outputs.append(str(output_path(file, FIXED_SUFFIX, settings)))
        elif fix and backup and file != "-":
            outputs.append(os.path.realpath(file) + BACKUP_SUFFIX)
    return outputs


def check_outputs(inputs: Iterable[str], reports: Iterable[str], per_file: Iterable[str], force: bool) -> None:
    """Raise Clash when an output is an input, when a report goes where another report or a file's
    own output goes, or when a report would replace an existing file that is not ours (without `force`)."""
    read = {}
    for path in inputs:
        identity = _identity(path) if path != "-" else None
        if identity:
            read.setdefault(identity, path)
    reports = list(reports)
    for output in [*reports, *per_file]:
        source = read.get(_identity(output))
        if source is not None:
            raise Clash(f"输出文件 {output} 就是输入文件 {source}，已停止（没有读写任何文件）")
    seen: dict[str, str] = {os.path.realpath(output): output for output in per_file}
    for output in reports:
        key = os.path.realpath(output)
        if key in seen:
            raise Clash(f"两个输出写到同一个文件：{seen[key]} 和 {output}")
        seen[key] = output
        if not force and _replaces_other_file(output):
            raise Clash(f"{output} 已存在，且不是 fazhi-lint 的报告，未覆盖（确认要覆盖请加 --force）")


def _replaces_other_file(path: str) -> bool:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # /dev/null, a pipe: written, never replaced
        return not is_our_report(path)
    except OSError:
        return False  # missing: nothing replaced; unreadable: writing it will say why


def check_run(paths: Iterable[str], files: list[str], targets: list[tuple[str, str | None]],
              settings: ReportSettings, config: str | None, fix: bool, backup: bool) -> list[str]:
    """The checks above for one run of `check`/`annotate`: `files` (found from `paths`) and --config
    are read; its `targets` (format, file or None for stdout) and the files named after its inputs
    are written; --output-dir is made if they go there. WriteError if it cannot be. Returns the files to check: a report of an earlier run that a folder walk found
    where this run writes its report again is not a draft (`check 草稿/ -o 草稿/报告.txt`, twice)."""
    reports = [path for _, path in targets if path]
    rewritten = {_identity(path) for path in reports} - {None}
    named = set(paths)
    files = [f for f in files if f in named or _identity(f) not in rewritten or not is_our_report(f)]
    per_file = per_file_outputs(files, [name for name, _ in targets], settings, fix, backup)
    check_outputs([*files, *([config] if config else [])], reports, per_file, settings.force)
    if per_file and settings.output_dir:
        make_folder(settings.output_dir)  # a folder that cannot be made is the run's error, not each file's
    return files
