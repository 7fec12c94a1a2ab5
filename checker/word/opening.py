"""Opening a checked .docx with python-docx, to write its reviewed or fixed copy.

python-docx reads every part the package relates to and parses every XML part it knows, where the
loader reads only what the text view needs: a draft that `check` reads fine may stop python-docx
(a relationship to a part missing from the zip, a broken settings.xml or webSettings.xml). Such a
draft is opened from a copy made in memory without what is broken: relationships whose target is
missing, XML parts and .rels that do not parse. The copy says what it left out; the file on disk is
only read.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

import docx
from lxml import etree

from checker.loaders.errors import LoadError
from checker.loaders.package import parse_xml, target_part

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CONTENT_TYPES = "[Content_Types].xml"


def open_word(path: str | io.BytesIO):
    """The python-docx Document of `path` (a file, or the bytes of one), and the parts left out to
    open it (empty: none)."""
    try:
        return docx.Document(path), []
    except Exception as error:  # noqa: BLE001 (whatever python-docx trips over: try again without the broken parts)
        failure = error
    if isinstance(path, io.BytesIO):
        data, left_out = without_broken_parts(path.getvalue())
    else:
        with open(path, "rb") as handle:
            data, left_out = without_broken_parts(handle.read())
    if not left_out:
        raise failure  # nothing broken that could be left out: python-docx's own error, said by the caller
    return docx.Document(io.BytesIO(data)), left_out


def left_out_note(left_out: list[str]) -> str:
    """What the user reads after a copy's description when parts were left out of it."""
    return f"（原文件中损坏或缺失的部件未带入：{'、'.join(left_out)}）" if left_out else ""


def _parses(data: bytes) -> bool:
    try:
        parse_xml(data)
    except LoadError:
        return False
    return True


def _source_folder(rels_name: str) -> str:
    """"word/_rels/document.xml.rels" → "word"; "_rels/.rels" → "" (the package)."""
    return posixpath.dirname(posixpath.dirname(rels_name))


def _kept_relationships(rels_name: str, data: bytes, present: set[str]) -> tuple[bytes, list[str]]:
    root = parse_xml(data)
    gone = []
    for rel in list(root.iter(_RELS)):
        if rel.get("TargetMode") == "External":
            continue
        target = target_part(_source_folder(rels_name), rel.get("Target") or "")
        if target not in present:
            root.remove(rel)
            gone.append(target)
    return (etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if gone else data), gone


def without_broken_parts(data: bytes) -> tuple[bytes, list[str]]:
    """The package `data` without XML parts that do not parse and relationships to missing parts;
    the names of what was left out (in order, each once)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        contents = {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
    broken = {name for name, content in contents.items()
              if name != _CONTENT_TYPES and name.endswith((".xml", ".rels")) and not _parses(content)}
    present = set(contents) - broken
    left_out = sorted(broken)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in contents.items():
            if name in broken:
                continue
            if name.endswith(".rels"):
                content, gone = _kept_relationships(name, content, present)
                left_out += [target for target in gone if target not in left_out]
            archive.writestr(name, content)
    return out.getvalue(), left_out
