"""A draft's fingerprint for the batch comparison, computed where the draft is loaded (a worker).

Compact on purpose: the main process holds one per draft of the batch. For each compared paragraph:
its view line, its normalised text without boilerplate (the similarity of a candidate pair is
computed from it), and the keys of its anchored shingles: the six characters that follow each
clause boundary (start, ，。；：、！？). Anchors are chosen by content, so a paragraph copied into
another draft has the same anchors there; a key is the shingle's code units read as one integer,
hashed as an integer (exact and the same in every process: integers' hashes are not salted).
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

import regex

from checker.crossdoc.previous import compared_texts
from checker.document.model import Document

_ANCHOR = regex.compile(r"(?:^|(?<=[，。；：、！？]))(?=([^，。；：、！？]{6}))")


@dataclass(slots=True)
class Fingerprint:
    path: str
    body: str | None
    year: int | None
    lines: array  # 'l': view line of each compared paragraph
    texts: list[str]
    keys: array  # 'q': anchored-shingle keys, paragraph after paragraph
    ends: array  # 'l': keys[ends[i - 1]:ends[i]] are paragraph i's


def anchor_keys(text: str) -> set[int]:
    return {hash(int.from_bytes(shingle.encode("utf-16-le"), "little")) for shingle in _ANCHOR.findall(text)}


def fingerprint(document: Document, path: str, boilerplate: regex.Pattern) -> Fingerprint:
    lines, texts, keys, ends = array("l"), [], array("q"), array("l")
    for paragraph, text in compared_texts(document, boilerplate):
        anchors = anchor_keys(text)
        if not anchors:
            continue
        lines.append(paragraph.line)
        texts.append(text)
        keys.extend(anchors)
        ends.append(len(keys))
    return Fingerprint(path, document.context.body, document.context.year, lines, texts, keys, ends)
