"""Reading back what fazhi-lint wrote into a .docx: each comment with the exact text it is anchored
on (the runs between w:commentRangeStart and w:commentRangeEnd), and the runs' formatting."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class AnchoredComment:
    author: str
    text: str
    anchored: str  # the document text between the range marks


def _comment_texts(archive: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    if "word/comments.xml" not in archive.namelist():
        return {}
    root = etree.fromstring(archive.read("word/comments.xml"))
    return {
        c.get(W + "id"): (c.get(W + "author"), "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p")))
        for c in root.iter(W + "comment")
    }


def comments(path: Path) -> list[AnchoredComment]:
    """Comments in the order their ranges start in the document body."""
    with zipfile.ZipFile(path) as archive:
        texts = _comment_texts(archive)
        body = etree.fromstring(archive.read("word/document.xml"))
    anchored: dict[str, list[str]] = {}
    open_ids: list[str] = []
    for element in body.iter():
        if element.tag == W + "commentRangeStart":
            open_ids.append(element.get(W + "id"))
            anchored[element.get(W + "id")] = []
        elif element.tag == W + "commentRangeEnd":
            open_ids.remove(element.get(W + "id"))
        elif element.tag in (W + "t", W + "tab"):
            piece = (element.text or "") if element.tag == W + "t" else "\t"
            for comment_id in open_ids:
                anchored[comment_id].append(piece)
    return [AnchoredComment(texts[i][0], texts[i][1], "".join(parts)) for i, parts in anchored.items()]


def runs_of(path: Path) -> list[tuple[str, bool]]:
    """(text, bold) of every run with text in the body, in order."""
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    found = []
    for run in body.iter(W + "r"):
        text = "".join(t.text or "" for t in run.iter(W + "t"))
        if text:
            found.append((text, run.find(f"{W}rPr/{W}b") is not None))
    return found
