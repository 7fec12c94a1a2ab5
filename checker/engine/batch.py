"""Checking a batch of files: one result per file, whatever happens to the others.

Every file gets its config (walked up from the file, or --config), its context overrides and its
rule selection. With --jobs > 1 files are checked in worker processes, forked after the rule sets
are compiled.
"""

from __future__ import annotations

import atexit
import gc
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import Any, Protocol

from checker.crossdoc.facts import CrossFacts, FileLinks
from checker.document.model import Document, GivenContext, Paragraph, ReportContext
from checker.document.structure import unpacked_structure
from checker.engine.config import Config, default_config, find_config, read_config
from checker.engine.registry import cross_needs
from checker.engine.ruletype import Hit
from checker.engine.run import lint, make_finding
from checker.engine.selection import RULESETS_KEPT, RuleSet, build_ruleset
from checker.findings import FileResult, Finding, RuleInfo, Severity
from checker.loaders import load, load_stdin
from checker.loaders.errors import LoadError
from checker.loaders.reading import DEFAULT_MAX_FILE_SIZE
from checker.matching import compile_deferred
from checker.yamlfiles.reader import YamlError


@dataclass(frozen=True)
class Options:
    """What the command line says about a run (None: not given)."""

    config: str | None = None
    no_config: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    body: str | None = None
    region: tuple[str, ...] | None = None
    year: int | None = None
    severity: Severity = Severity.INFO
    stdin_filename: str | None = None  # the name "-" goes by (config lookup, globs, reports)
    fail_on: Severity | None = None  # None: the file's config says, else warning (fail_level)
    max_file_size: int | None = None  # bytes; None: the config's, else the default
    previous: str | None = None  # --previous: last year's report (file or folder)


class FindingsSeen:
    """Results passed through once, noting whether any had findings (the exit code): a streamed
    batch cannot be looked at again afterwards. Rendered parts of a report (reporters/parts.py) pass
    too: their `findings` is a count."""

    def __init__(self, results: Iterable[Any]) -> None:
        self._results = results
        self.any = False
        self.failed = False  # a finding at the fail level (FileResult.fails)

    def __iter__(self) -> Iterator[Any]:
        for result in self._results:
            self.any = self.any or bool(result.findings)
            self.failed = self.failed or result.fails
            yield result


def _stamp(path: str | None) -> tuple[int, int]:
    """Part of the cache key: an edited config file is read again (a long-running server sees edits)."""
    if not path or not os.path.exists(path):
        return (0, 0)
    stat = os.stat(path)
    return (stat.st_mtime_ns, stat.st_size)


def _config(path: str | None, no_config: bool) -> Config:
    return _cached_config(path, no_config, _stamp(path))


def _ruleset(path: str | None, options: Options) -> RuleSet:
    return _cached_ruleset(path, options.no_config, options.select, options.ignore, options.extend_select, _stamp(path))


@cache
def _cached_config(path: str | None, no_config: bool, stamp: tuple[int, int]) -> Config:
    return default_config() if no_config or path is None else read_config(Path(path))


@lru_cache(maxsize=RULESETS_KEPT)
def _cached_ruleset(path: str | None, no_config: bool, select: tuple, ignore: tuple, extend_select: tuple,
                    stamp: tuple[int, int]) -> RuleSet:
    return build_ruleset(_cached_config(path, no_config, stamp), list(select), list(ignore), list(extend_select))


def config_path_for(file: str, options: Options) -> str | None:
    if options.no_config:
        return None
    if options.config:
        return options.config
    found = find_config(Path(file) if file != "-" else Path.cwd())
    return str(found) if found else None


def fail_level(config: Config, options: Options) -> Severity:
    """The least severe finding that fails a run: --fail-on, else the config's fail-on, else warning
    (as Ruff and yamllint: an info finding alone never fails a run)."""
    return options.fail_on or config.fail_on or Severity.WARNING


def _judged(result: FileResult, config: Config, options: Options) -> FileResult:
    level = fail_level(config, options).rank
    result.fails = any(finding.severity.rank >= level for finding in result.findings)
    return result


def judged_again(result: FileResult, options: Options) -> FileResult:
    """`result`'s `fails` decided anew, after findings were taken out of it (fixed in a copy)."""
    return _judged(result, _config(config_path_for(result.path, options), options.no_config), options)


def _load_failure(path: str, error: LoadError, ruleset: RuleSet, options: Options, config: Config) -> FileResult:
    """A file that could not be checked: its `error`, and a load finding unless deselected."""
    rule = ruleset.by_name("unsupported-format" if error.unsupported else "load-error")
    anchor = Paragraph(index=0, text="", line=1)
    finding = make_finding(rule, Hit(anchor, 0, 0, {"problem": error.message}))
    format_ = "docx" if path.lower().endswith(".docx") else "txt"
    reported = rule in ruleset.selected(config.ignored_for(path)) and finding.severity.rank >= options.severity.rank
    return _judged(FileResult(path, format_, error=error.message, findings=[finding] if reported else []), config, options)


def _named(path: str, options: Options) -> str:
    """The name a file goes by: standard input's is its --stdin-filename, if given."""
    return options.stdin_filename if path == "-" and options.stdin_filename else path


def given_context(configured: dict, options: Options) -> GivenContext:
    """The values given for a file: config `context`, then the command line over it. A body given on
    the command line takes its own region, not the config's (unless --region is given too)."""
    values: dict = {}
    origin: dict[str, str] = {}
    cli = {"body": options.body, "region": options.region, "year": options.year}
    if cli["body"] is not None and cli["region"] is None:
        configured = {key: value for key, value in configured.items() if key != "region"}
    for source, given in (("config", configured), ("cli", cli)):
        for key in ("body", "region", "year"):
            if given.get(key) is not None:
                values[key], origin[key] = given[key], source
    region = values.get("region")
    return GivenContext(values.get("body"), tuple(region) if region is not None else None, values.get("year"), origin)


def check_file(path: str, options: Options, stdin: bytes | None = None, keep_document: bool = False,
               links: Mapping[str, FileLinks] | None = None, previous_reports: dict | None = None) -> FileResult:
    """`previous_reports`: the last-year reports this process of the batch has loaded (_previous_document)."""
    from_stdin = path == "-"
    path = _named(path, options)
    config_path = config_path_for(path, options)
    config = _config(config_path, options.no_config)
    ruleset = _ruleset(config_path, options)
    try:
        return _check_loaded(path, options, config, ruleset, (stdin or b"") if from_stdin else None, keep_document, links,
                             previous_reports)
    except LoadError as error:
        return _load_failure(path, error, ruleset, options, config)
    except YamlError:
        raise
    except Exception as error:  # noqa: BLE001 (a bug must cost one file, not the batch)
        return _load_failure(path, LoadError(f"内部错误（请报告）：{type(error).__name__}: {error}"), ruleset, options, config)


def _size_cap(options: Options, config: Config) -> int:
    return options.max_file_size or config.max_file_size or DEFAULT_MAX_FILE_SIZE


def max_file_size_for(file: str, options: Options) -> int:
    """The size cap of `file` ("-": standard input): --max-file-size, else its config's, else the default."""
    return _size_cap(options, _config(config_path_for(_named(file, options), options), options.no_config))


def loaded_document(path: str, options: Options, stdin: bytes | None = None, config: Config | None = None,
                    context: ReportContext | None = None, structure: bytes | None = None) -> Document:
    """A file loaded and analysed, with the context its config and the command line give it. `stdin`:
    the draft's bytes when it came on standard input (then `path` is "-" or its --stdin-filename);
    `context`, `structure`: those already decided for this file in this run (the cross-document pass)."""
    config = config or _config(config_path_for(path, options), options.no_config)
    cap = _size_cap(options, config)
    given = given_context(config.context_for(path), options)
    if stdin is not None:
        return load_stdin(stdin, cap, given)
    return load(path, cap, given, context, unpacked_structure(structure) if structure else None)


# Last-year reports a process keeps for the next files of its batch: the drafts of one body (versions of
# one report) are compared with the same report, one after the other
_PREVIOUS_KEPT = 2


def _previous_document(link: FileLinks, options: Options, kept: dict | None) -> Document | None:
    """Last year's report: its context from the config, never from this run's --body/--year (so the
    context the pass decided for it, with this run's options, serves only when they give none). `kept`:
    the reports loaded before in this batch, by path (options and configs are the batch's throughout)."""
    if kept is not None and link.previous in kept:
        return kept[link.previous]
    given_none = options.body is None and options.region is None and options.year is None
    try:
        document = loaded_document(link.previous, replace(options, body=None, region=None, year=None),
                                   context=link.previous_context if given_none else None, structure=link.previous_structure)
    except LoadError:
        document = None  # said once, by the cross-document pass (crossdoc/prepare.py)
    if kept is not None:
        if len(kept) >= _PREVIOUS_KEPT:
            del kept[next(iter(kept))]
        kept[link.previous] = document
    return document


def _check_loaded(path: str, options: Options, config: Config, ruleset: RuleSet, stdin: bytes | None,
                  keep_document: bool, links: Mapping[str, FileLinks] | None, previous_reports: dict | None) -> FileResult:
    link = links.get(path) if links else None
    document = loaded_document(path, options, stdin, config, link.context if link else None,
                               link.structure if link else None)
    if link is not None and (link.previous or link.shared):
        previous = _previous_document(link, options, previous_reports) if link.previous else None
        document.cross = CrossFacts(document, previous, link.shared)
    rules = ruleset.selected(config.ignored_for(path))
    context_rule = ruleset.by_name("context-unknown") if any(r.name == "context-unknown" for r in rules) else None
    findings = [f for f in _conversion_note(document, rules) + lint(document, rules, context_rule)
                if f.severity.rank >= options.severity.rank]
    if not keep_document:
        return _judged(FileResult(path, document.format, document.context.to_dict(), None, findings), config, options)
    return _judged(FileResult(path, document.format, document.context.to_dict(), None, findings, document, word=config.word),
                   config, options)


def _conversion_note(document: Document, rules: list) -> list[Finding]:
    """A converted .doc/.wps/.rtf/.odt says so: its positions are those of the converted document."""
    rule = next((r for r in rules if r.name == "converted-document"), None)
    if document.converted_from is None or rule is None or not document.paragraphs:
        return []
    return [make_finding(rule, Hit(document.paragraphs[0], 0, 0, {"format": document.converted_from}))]


# A folder run holds one file to this many seconds unless told otherwise: far above any real draft,
# it stops a hostile one (a user pack's catastrophic regex, say) from hanging the batch.
DEFAULT_FOLDER_TIMEOUT = 60.0


def per_file_timeout(given: float | None, paths: list[str]) -> float | None:
    """`--timeout` as given (0: no limit), else DEFAULT_FOLDER_TIMEOUT when a folder is checked."""
    if given is None:
        return DEFAULT_FOLDER_TIMEOUT if any(os.path.isdir(p) for p in paths) else None
    return given or None


def default_jobs(paths: list[str]) -> int:
    return (os.cpu_count() or 1) if any(os.path.isdir(p) for p in paths) else 1


def check_files(files: list[str], options: Options, jobs: int = 1, stdin: bytes | None = None,
                timeout: float | None = None, keep_document: bool = False) -> list[FileResult]:
    """Every result of `check_each`, as a list."""
    return list(check_each(files, options, jobs, stdin, timeout, keep_document))


@contextmanager
def start_up() -> Iterator[Callable[[], None]]:
    """A batch's start-up (imports, compiled rules, the gazetteer: objects that live as long as the
    command) built with the collector paused, then frozen out of its reach by the call this yields,
    made once the rules are compiled (check_each returns). Frozen, they are not walked again by each
    of the collector's passes, and the workers check_each forks share their pages with this process
    instead of copying those the collector would write to (workers.py freezes them there too). When
    the command ends they are unfrozen, for an in-process caller (the tests' CliRunner, an embedder);
    at exit they are frozen again, left to the OS instead of walked and freed one by one."""
    enabled = gc.isenabled()
    gc.disable()
    _freeze_at_exit()

    def started() -> None:
        if enabled:
            gc.enable()
        gc.freeze()

    try:
        yield started
    finally:
        if enabled:
            gc.enable()
        gc.unfreeze()


@cache
def _freeze_at_exit() -> None:
    # registered once, before the exit handlers the run registers later (which atexit runs first):
    # output is flushed by then
    atexit.register(gc.freeze)


class ReportParts(Protocol):
    """What a batch yields for each file instead of its FileResult when the report is written file by
    file (reporters/parts.py PartsReport): a part made in the worker process that checked the file (sent
    back instead of the result), or in this process for a file checked (or lost with a worker) here."""

    def part_made_in_worker(self, result: FileResult) -> Any: ...

    def part_made_here(self, result: FileResult) -> Any: ...


def check_each(files: list[str], options: Options, jobs: int = 1, stdin: bytes | None = None,
               timeout: float | None = None, keep_document: bool = False,
               parts: ReportParts | None = None) -> Iterator[Any]:
    """Results in the order of `files`, each as soon as it is ready; a worker that dies, or passes
    `timeout` seconds on a file, takes only that file with it (see workers.py). With a timeout, files
    are checked in a worker process even with one job: only a process can be stopped mid-file.
    `keep_document`: results carry their Document (for reporters and fixes that need it).
    `parts`: each file comes out as its part of the report instead of its result.

    The rule sets are compiled here, before the first result: a broken config or rule pack stops the
    run before anything is reported, and forked workers share the compiled rules instead of each
    compiling its own copy."""
    for file in _one_file_per_folder(files):
        _compile_rules_for(file, options)
    if timeout is not None or jobs > 1:  # workers, or the cross-document pass's child, are forked
        _ready_to_fork(files, options)
    links = cross_document_links(files, options, jobs, timeout)
    check = partial(check_file, options=options, stdin=stdin, keep_document=keep_document, links=links,
                    previous_reports={} if links else None)
    lost = partial(_lost_in_worker, options=options)
    if parts is not None:
        lost = partial(_followed, lost, parts.part_made_here)
    if timeout is None and (jobs <= 1 or len(files) < 2):
        return map(check if parts is None else partial(_followed, check, parts.part_made_here), files)
    if parts is not None:
        check = partial(_followed, check, parts.part_made_in_worker)
    # imported here: a one-file check does not need multiprocessing
    from checker.engine.workers import run_in_workers

    return run_in_workers(check, files, jobs, timeout, lost, partial(_compile_rules_for, options=options))


def _given_previous(file: str, options: Options) -> str | None:
    return options.previous or _config(config_path_for(file, options), options.no_config).previous_for(file)


def cross_document_links(files: list[str], options: Options, jobs: int = 1,
                         timeout: float | None = None) -> dict[str, FileLinks]:
    """The cross-document pass (crossdoc/prepare.py): each file's last-year report and the paragraphs it
    shares with the batch's drafts of other bodies. Nothing to do for one file with no last year. Files
    are read under the same `timeout` as their check: one that hangs or kills its worker has no
    fingerprint (its check then reports it)."""
    if len(files) < 2 and not any(_given_previous(f, options) for f in files if f != "-"):
        return {}
    from checker.crossdoc.prepare import links_for

    config_path = config_path_for(files[0], options)
    needs = cross_needs(_ruleset(config_path, options).selected())
    load_file = partial(loaded_document, options=options)
    map_files = partial(_map_files, jobs=jobs, timeout=timeout)
    find = partial(links_for, files, needs, load_file, partial(_given_previous, options=options), map_files)
    if jobs <= 1 and timeout is None:
        return find()
    from checker.engine.workers import run_in_child

    # the fingerprints of the whole batch, and what comparing them leaves on the heap, stay out of the
    # process the checking workers are then forked from
    return run_in_child(find)


def _map_files(task: Callable[[str], Any], files: list[str], jobs: int, timeout: float | None) -> list:
    """`task` over `files`, in worker processes with jobs > 1 or a timeout (as check_each does); a file
    a worker lost gives None."""
    if timeout is None and (jobs <= 1 or len(files) < 2):
        return list(map(task, files))
    from checker.engine.workers import run_in_workers

    return list(run_in_workers(task, files, jobs, timeout, _none))


def _none(file: str, reason: str) -> None:
    return None


def _followed(first: Callable, then: Callable, *args: Any) -> Any:
    return then(first(*args))


def _ready_to_fork(files: list[str], options: Options) -> None:
    """What processes forked from here would each do on first need, done here once for them all to
    share: the deferred patterns compiled, the rules run over a short draft (warm_up.py)."""
    from checker.engine.warm_up import warm_up

    compile_deferred()
    with_docx = any(file.lower().endswith(".docx") for file in files)
    rulesets = {id(r): r for r in (_ruleset(config_path_for(_named(f, options), options), options)
                                   for f in _one_file_per_folder(files))}
    for ruleset in rulesets.values():
        # a rule's bug costs the files it meets, each reported by check_file, not the batch
        with suppress(Exception):
            warm_up(ruleset.selected(), with_docx)


def _compile_rules_for(file: str, options: Options) -> None:
    """The file's rule set, compiled once per process (a worker's one-off work before the clock starts)."""
    config_path = config_path_for(_named(file, options), options)
    _ruleset(config_path, options)


def _one_file_per_folder(files: list[str]) -> list[str]:
    """A file of each folder among `files`: a file's config, and so its rule set, depends on its folder only."""
    return list({os.path.dirname(f): f for f in files}.values())


def rules_described(files: list[str], options: Options) -> dict[str, RuleInfo]:
    """The run's rules as reports describe them (ReportSettings.rules): every rule of the rule sets the
    files' configs make (user packs included), at its configured severity. Where two configs of one
    run differ about a rule, the config of the folder met first describes it."""
    described: dict[str, RuleInfo] = {}
    for file in _one_file_per_folder(files):
        for rule in _ruleset(config_path_for(_named(file, options), options), options).rules:
            if rule.id not in described:
                described[rule.id] = rule.described()
    return described


def _lost_in_worker(file: str, reason: str, options: Options) -> FileResult:
    config_path = config_path_for(file, options)
    ruleset = _ruleset(config_path, options)
    return _load_failure(file, LoadError(reason), ruleset, options, _config(config_path, options.no_config))
