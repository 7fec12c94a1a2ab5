"""Which report is a draft's "last year": given (--previous, config `previous:`), or found in the batch.

A given file is the draft's last-year report. In a given folder, and among the batch's other files
when nothing is given, it is the report of the same issuing body for the year before (both years
known), or the only report of that body when the years are not known; in a folder, a file of the
draft's own name last. Nothing is guessed beyond that: two candidates, no pairing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from checker.crossdoc.fingerprint import Fingerprint


def _same_body(first: Fingerprint, second: Fingerprint) -> bool:
    return first.body is not None and first.body == second.body


def last_year_of(draft: Fingerprint, candidates: Iterable[Fingerprint], given_folder: bool) -> str | None:
    """The path of `draft`'s last-year report among `candidates`. Among the batch's own files
    (`given_folder` false) only a report whose year is known to be the year before counts."""
    candidates = [c for c in candidates if c.path != draft.path]
    same_body = [c for c in candidates if _same_body(draft, c)]
    dated = [c for c in same_body if draft.year is not None and c.year == draft.year - 1]
    if not given_folder:
        return dated[0].path if len(dated) == 1 else None
    if dated or any(c.year is not None for c in same_body) and draft.year is not None:
        same_body = dated
    if len(same_body) == 1:
        return same_body[0].path
    named = [c for c in candidates if os.path.basename(c.path) == os.path.basename(draft.path)]
    return named[0].path if len(named) == 1 else None
