"""The parts of a .docx (an OPC zip package) that the loader needs, read safely and nothing more.

Only the parts the text view uses are inflated: the main document, the parts it relates to
(styles, numbering, comments, headers, footers, foot- and endnotes) and the relationships that
lead to them; images, fonts, themes and settings are never touched (so damage there, which could
not reach the view, is not noticed either). A part is inflated in steps
and refused as soon as it grows past the size the zip directory declares for it (zipfile would
inflate all of a member's data before cutting it to that size), and refused when its CRC fails.
The parts read share one budget of inflated bytes, so what a package makes us hold is bounded
whatever its compression ratio (python-docx's own output compresses XML well past 100×).

XML is parsed as python-docx parses it (blank text removed, entities not resolved, no network);
a part of the document (not the package's own [Content_Types].xml and .rels) that declares a DTD
is refused, so no entity is ever expanded into the view.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from lxml import etree

from checker.loaders.errors import LoadError

_INFLATE_STEP = 1 << 20
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_CORRUPT = "文件已损坏（压缩数据校验失败）"
MAX_KEPT_SIZE = 1 << 20
_KEPT_MEMBERS = 8

Built = TypeVar("Built")


@dataclass(frozen=True)
class Relationship:
    reltype: str
    target: str  # the zip member name of an internal target; the raw Target of an external one
    external: bool


@dataclass(frozen=True)
class Member:
    """A zip member's stored form. Equal members inflate to the same content or fail the same way,
    so a member can key a cache of what is derived from its content."""

    compress_type: int
    size: int  # as the zip directory declares it, like `crc`
    crc: int
    packed: bytes

    def content(self) -> bytes:
        """The inflated data, checked against the declared size and CRC."""
        if self.compress_type == zipfile.ZIP_STORED:
            content = self.packed
        elif self.compress_type == zipfile.ZIP_DEFLATED:
            content = _inflate(self.packed, self.size)
        else:
            raise LoadError("压缩方式不是 Word 所用的 deflate，已拒绝")
        if len(content) != self.size or zlib.crc32(content) != self.crc:
            raise LoadError(_CORRUPT)
        return content


def parse_xml(data: bytes):
    """The root element of an XML document, parsed with the loader's safe settings."""
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        if "amplification" in str(error) or "entity reference loop" in str(error):
            raise LoadError("文档含 DTD/实体声明，已拒绝") from None
        raise LoadError("文档 XML 已损坏，无法解析") from None


def refuse_dtd(root) -> None:
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise LoadError("文档含 DTD/实体声明，已拒绝")


def parse_part(data: bytes):
    """A part of the document parsed; one that declares a DTD is refused."""
    root = parse_xml(data)
    refuse_dtd(root)
    return root


class Package:
    """A zip whose directory has passed the loader's checks; parts are read by member name."""

    def __init__(self, data: bytes, infos: list[zipfile.ZipInfo], budget: int) -> None:
        """`budget`: bytes the parts read may inflate to, together."""
        self._data = data
        self._infos = {info.filename: info for info in infos}
        self._budget, self._left, self._charged = budget, budget, set()

    def __contains__(self, name: str) -> bool:
        return name in self._infos

    def member(self, name: str) -> Member:
        """Part `name` as stored in the zip, not yet inflated."""
        info = self._infos.get(name)
        if info is None:
            raise LoadError(f"不是完整的 Word 文档：缺少部件 {name}")
        if name not in self._charged:
            # A part never inflates past its declared size (see _inflate), so charging that size
            # bounds what is inflated; parts that are never read (images) cost nothing.
            self._charged.add(name)
            self._left -= info.file_size
            if self._left < 0:
                raise LoadError(f"要读取的部件解压后超过 {self._budget // 2**20} MB（疑似压缩炸弹），已拒绝")
        header = self._data[info.header_offset : info.header_offset + 30]
        if len(header) < 30 or not header.startswith(b"PK\x03\x04"):
            raise LoadError("文件已损坏（zip 结构不完整，可能下载或复制不完整）")
        start = info.header_offset + 30 + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
        return Member(info.compress_type, info.file_size, info.CRC, self._data[start : start + info.compress_size])

    def read(self, name: str) -> bytes:
        return self.member(name).content()

    def xml(self, name: str):
        return parse_part(self.read(name))

    def relationships(self, name: str) -> tuple[Relationship, ...]:
        """The relationships of part `name` ("" for the package itself), in the order of its .rels."""
        folder, base = posixpath.split(name)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        return _relationships(self.member(rels), folder) if rels in self else ()

    def content_type(self, name: str) -> str | None:
        """The content type [Content_Types].xml gives a part: its Override, else its extension's Default."""
        overrides, defaults = _content_types(self.member("[Content_Types].xml"))
        part_name = "/" + name.lower()
        if part_name in overrides:
            return overrides[part_name]
        return defaults.get(posixpath.splitext(name)[1][1:].lower())


def kept_per_member(build: Callable[..., Built]) -> Callable[..., Built]:
    """`build(member, *args)`, kept per process for the last few members of at most `MAX_KEPT_SIZE`
    bytes: drafts made from one template share every part but the main document. A member is the
    part exactly as stored, never its name (see `Member`), and a failure is not kept."""
    kept = lru_cache(maxsize=_KEPT_MEMBERS)(build)

    def built(member: Member, *args) -> Built:
        return kept(member, *args) if member.size <= MAX_KEPT_SIZE else build(member, *args)

    return built


def target_part(folder: str, target: str) -> str:
    """The member name an internal relationship's Target names, as python-docx resolves it: relative
    to the folder of its source part ("" for the package's own .rels)."""
    return posixpath.normpath(posixpath.join("/" + folder, target))[1:]


@kept_per_member
def _relationships(member: Member, folder: str) -> tuple[Relationship, ...]:
    found = []
    for rel in parse_xml(member.content()).iterfind(_RELS + "Relationship"):
        target, external = rel.get("Target"), rel.get("TargetMode") == "External"
        if not external:
            target = target_part(folder, target)
        found.append(Relationship(rel.get("Type"), target, external))
    return tuple(found)


@kept_per_member
def _content_types(member: Member) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """PartName → the ContentType of its first Override; Extension → that of its first Default (both lower case)."""
    types = parse_xml(member.content())
    overrides: dict[str, str | None] = {}
    for override in types.iterfind(_TYPES + "Override"):
        overrides.setdefault((override.get("PartName") or "").lower(), override.get("ContentType"))
    defaults: dict[str, str | None] = {}
    for default in types.iterfind(_TYPES + "Default"):
        defaults.setdefault((default.get("Extension") or "").lower(), default.get("ContentType"))
    return overrides, defaults


def _inflate(packed: bytes, declared: int) -> bytes:
    """The member's data, inflated 1 MiB at a time and refused once it passes `declared` bytes."""
    inflater, pieces, produced = zlib.decompressobj(-15), [], 0
    try:
        while packed and produced <= declared:
            piece = inflater.decompress(packed, _INFLATE_STEP)
            pieces.append(piece)
            produced += len(piece)
            packed = inflater.unconsumed_tail
    except zlib.error:
        raise LoadError(_CORRUPT) from None
    if produced > declared:
        raise LoadError("压缩数据比压缩包声明的大（疑似压缩炸弹），已拒绝")
    return b"".join(pieces)
