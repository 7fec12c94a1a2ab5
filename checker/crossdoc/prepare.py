"""The cross-document pass, before the batch is checked: fingerprints in the workers, comparison here.

Runs only when a selected rule needs it (its type declares CROSS = "previous" or "batch") and there is
something to compare: a last-year report given or pairable, or a batch of two drafts or more.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from functools import partial

from checker.crossdoc.boilerplate import boilerplate_pattern
from checker.crossdoc.compare import shared_paragraphs
from checker.crossdoc.facts import CrossFacts, FileLinks
from checker.crossdoc.fingerprint import Fingerprint, fingerprint
from checker.crossdoc.pairing import last_year_of
from checker.document.model import Document
from checker.document.structure import packed_structure
from checker.loaders.discover import discover

Loader = Callable[[str], object]  # a path → its analysed Document, context overrides applied (engine/batch.py)
# What the selected rules need of this pass (engine/registry.py cross_needs): "previous" and/or "batch",
# each with the options of the first rule that needs it
Needs = Mapping[str, Mapping]


def _fingerprint_file(path: str, load: Loader, boilerplate_extra: tuple[str, ...]) -> Fingerprint | None:
    try:
        document = load(path)
    except Exception:  # noqa: BLE001 (an unreadable file is reported by its own check; here it has no fingerprint)
        return None
    found = fingerprint(document, path, boilerplate_pattern(boilerplate_extra))
    found.structure = packed_structure(document)
    return found


def _given_previous(files: list[str], given: Callable[[str], str | None]) -> dict[str, str]:
    return {file: target for file in files if (target := given(file))}


def links_for(files: list[str], needs: Needs, load: Loader, given: Callable[[str], str | None],
              map_files: Callable[[Callable, list[str]], list]) -> dict[str, FileLinks]:
    """Each file's last-year report and shared paragraphs. `given(file)`: the last-year file or folder
    named for it (--previous, config); `map_files(task, paths)`: the task over the paths, in workers."""
    if not needs:
        return {}
    files = [f for f in files if f != "-"]
    targets = _given_previous(files, given) if "previous" in needs else {}
    folders = sorted({t for t in targets.values() if os.path.isdir(t)})
    given_files = sorted({t for t in targets.values() if not os.path.isdir(t)})
    batch = len(files) > 1
    if not (batch or targets):
        return {}
    extra = tuple(needs["batch"].get("boilerplate", ())) if "batch" in needs else ()
    in_folders = [path for folder in folders for path in discover([folder])]
    wanted = list(dict.fromkeys([*(files if batch or folders else ()), *in_folders, *given_files]))
    task = partial(_fingerprint_file, load=load, boilerplate_extra=extra)
    prints = {path: fp for path, fp in zip(wanted, map_files(task, wanted)) if fp is not None}
    for path in given_files:
        if path not in prints:
            print(f"fazhi-lint: {path}: 去年的报告无法读取，未与去年比较", file=sys.stderr)
    drafts = [prints[f] for f in files if f in prints]
    previous: dict[str, str | None] = {}
    if "previous" in needs:
        by_body = _by_body(drafts)
        previous = {file: _previous_of(file, targets.get(file), prints, by_body, in_folders) for file in files}
    shared: dict[str, list] = {}
    if "batch" in needs and len(drafts) > 1:
        options = needs["batch"]
        shared = shared_paragraphs(drafts, options["threshold"], options["share"], options["partners"])
    return {file: _links(file, previous.get(file), tuple(shared.get(file, ())), prints) for file in files}


def _links(file: str, previous: str | None, shared: tuple, prints: dict[str, Fingerprint]) -> FileLinks:
    own, last_year = prints.get(file), prints.get(previous) if previous else None
    return FileLinks(previous, shared, own and own.context, own and own.structure,
                     last_year and last_year.context, last_year and last_year.structure)


def _by_body(drafts: list[Fingerprint]) -> dict[str | None, list[Fingerprint]]:
    """The batch's drafts by issuing body, in batch order: among the batch's own files a draft's
    last-year report is one of its own body's (pairing.py), and each draft looks among those only."""
    grouped: dict[str | None, list[Fingerprint]] = {}
    for draft in drafts:
        grouped.setdefault(draft.body, []).append(draft)
    return grouped


def _previous_of(file: str, target: str | None, prints: dict[str, Fingerprint],
                 drafts_by_body: dict[str | None, list[Fingerprint]], in_folders: list[str]) -> str | None:
    if target and not os.path.isdir(target):
        return target if target in prints else None
    draft = prints.get(file)
    if draft is None:
        return None
    if target:
        folder = [prints[p] for p in in_folders if p in prints and _inside(p, target)]
        found = last_year_of(draft, folder, given_folder=True)
        if found is None:
            print(f"fazhi-lint: {file}: 在 {target} 中找不到同一发文机关上一年度的报告，未与去年比较", file=sys.stderr)
        return found
    return last_year_of(draft, drafts_by_body.get(draft.body, ()), given_folder=False)


def _inside(path: str, folder: str) -> bool:
    return os.path.abspath(path).startswith(os.path.abspath(folder).rstrip(os.sep) + os.sep)


def in_memory_facts(document: Document, previous: Document | None, others: list[Document], needs: Needs) -> CrossFacts:
    """The facts of a draft checked with its last-year report and a batch given as documents (the API,
    the rules' examples): the same comparison as a batch of files, without files."""
    shared: tuple = ()
    if others and "batch" in needs:
        options = needs["batch"]
        pattern = boilerplate_pattern(tuple(options["boilerplate"]))
        prints = [fingerprint(d, d.path, pattern) for d in (document, *others)]
        found = shared_paragraphs(prints, options["threshold"], options["share"], options["partners"])
        shared = tuple(found.get(document.path, ()))
    return CrossFacts(document, previous, shared)
