"""Word .docx drafts → the text view: one line per body paragraph, as Word displays it.

What the view holds: the body's paragraphs in document order, the paragraphs of table cells in
reading order (row by row, cell by cell, nested tables in place; a cell covered by a vertical
merge is skipped, so merged text appears once) where the table sits, with Word's list numbers
rendered in front (see numbering.py). Headers, footers, footnotes and endnotes go to
`Document.furniture` with line 0. Text boxes, equations, embedded objects and w:altChunk are not
read.

A paragraph's text is what Word shows with all tracked changes accepted: runs inside w:del and
w:moveFrom, runs formatted w:vanish (hidden) and mc:Fallback copies contribute nothing; w:t gives
its text, w:tab and w:ptab a "\\t", w:br and w:cr a single space (so a paragraph stays one view
line), w:noBreakHyphen a "-"; field codes (w:instrText), w:sym, footnote marks and drawings
contribute nothing. A body without any text is refused, as an empty .txt is.

Run numbering (`RunSpan.run`), for writers that must find a run again: the runs of a w:p are its
w:r descendants in document order that are not inside another w:r (a text box's runs are inside
its anchoring run) nor inside mc:Fallback; runs in hyperlinks, content controls, fields and
tracked changes (deleted ones too) count. `paragraph_runs(p)` returns exactly that list.
Runs Word does not display have no RunSpan.
`Paragraph.source_index` is the position of the w:p in `body.iter(qn("w:p"))` (that iteration
includes text-box paragraphs); for furniture, the position in its own part.

Hostile files: the archive is checked before anything is inflated (see `_check_archive`), and
every XML part is parsed by python-docx's parser (resolve_entities=False, no network, libxml2's
amplification limit); a part that declares a DTD is refused all the same.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

from checker.document.model import Comment, Document, Paragraph, Part, RunSpan
from checker.loaders.errors import LoadError
from checker.loaders.numbering import ParagraphStyles, W, WordNumbering

MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all parts together, as declared in the zip directory
MAX_RATIO = 100  # uncompressed/compressed, for parts over 1 MiB: a real document.xml stays far below
MAX_PARTS = 10_000
_INFLATE_STEP = 1 << 20
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and Word 97-2003 files are OLE compound files

_P, _R, _T, _TBL, _TR, _TC = (W + tag for tag in ("p", "r", "t", "tbl", "tr", "tc"))
_PPR, _RPR, _VAL, _ID = W + "pPr", W + "rPr", W + "val", W + "id"
_RANGE_START, _RANGE_END, _COMMENT_REF = W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference"
_NOT_SHOWN = {W + "del", W + "moveFrom"}
# Markup compatibility: Word shows mc:Choice; the mc:Fallback copy of the same content is skipped.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml"}  # containers that are not there for the reader
_RUN_TEXT = {W + "tab": "\t", W + "ptab": "\t", W + "br": " ", W + "cr": " ", W + "noBreakHyphen": "-"}
_ONE_LINE = str.maketrans({c: " " for c in "\r\n\x85\u2028\u2029"})
_FALSE = ("0", "false", "off")

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_FURNITURE = {
    _RT + "header": Part.HEADER,
    _RT + "footer": Part.FOOTER,
    _RT + "footnotes": Part.FOOTNOTE,
    _RT + "endnotes": Part.FOOTNOTE,
}
_NOTES = {W + "footnote", W + "endnote"}


def load_docx(path: str) -> Document:
    """The text view of a .docx file, not yet analysed; LoadError for anything unreadable."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except PermissionError:
        raise LoadError("没有读取权限") from None
    except OSError as error:
        raise LoadError(f"无法读取：{error.strerror or error}") from None
    return load_docx_bytes(data, path)


def load_docx_bytes(data: bytes, path: str) -> Document:
    if not data:
        raise LoadError("文件为空")
    if data.startswith(OLE_MAGIC):
        raise LoadError("文件已加密或为旧版 Word 格式，无法读取")
    try:
        _check_archive(data)
        return _build(_open(data), path)
    except LoadError:
        raise
    except Exception as error:  # noqa: BLE001 -- the boundary: whatever python-docx or lxml trips over, no traceback
        raise LoadError(f"无法解析 .docx 文件（{type(error).__name__}）") from None


def _check_archive(data: bytes) -> None:
    """Refuse before python-docx inflates anything: sizes come from the zip directory, and no
    member may inflate past the size the directory declares for it (see `_check_declared_sizes`)."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except zipfile.BadZipFile:
        if data.startswith(b"PK"):
            raise LoadError("文件已损坏（zip 结构不完整，可能下载或复制不完整）") from None
        raise LoadError("不是有效的 .docx 文件（不是 zip 压缩包，可能是其他格式改了扩展名）") from None
    if len(infos) > MAX_PARTS:
        raise LoadError(f"压缩包内文件超过 {MAX_PARTS} 个，已拒绝")
    if any(info.flag_bits & 0x1 for info in infos):
        raise LoadError("文件已加密，无法读取")
    if any(i.file_size > 2**20 and i.file_size > MAX_RATIO * max(i.compress_size, 1) for i in infos):
        raise LoadError("压缩比异常（疑似压缩炸弹），已拒绝")
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise LoadError(f"解压后超过 {MAX_UNPACKED_BYTES // 2**20} MB，已拒绝")
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
            raise LoadError("这是 Excel 或 PowerPoint 文件，不是 Word 文档")
        raise LoadError("不是 Word 文档：缺少 word/document.xml")
    _check_declared_sizes(data, infos)


def _check_declared_sizes(data: bytes, infos: list[zipfile.ZipInfo]) -> None:
    """zipfile inflates all of a member's compressed data before cutting it to the declared size,
    so a directory that understates a size (4 KB declared, 64 MB inside) would bring the whole of
    it into memory. Each member is inflated here once, in steps of at most 1 MiB, and only counted."""
    for info in infos:
        if info.compress_type == zipfile.ZIP_STORED:
            continue
        if info.compress_type != zipfile.ZIP_DEFLATED:
            raise LoadError("压缩方式不是 Word 所用的 deflate，已拒绝")
        header = data[info.header_offset : info.header_offset + 30]
        if len(header) < 30 or not header.startswith(b"PK\x03\x04"):
            raise LoadError("文件已损坏（zip 结构不完整，可能下载或复制不完整）")
        start = info.header_offset + 30 + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
        inflater, pending, produced = zlib.decompressobj(-15), data[start : start + info.compress_size], 0
        try:
            while pending and produced <= info.file_size:
                produced += len(inflater.decompress(pending, _INFLATE_STEP))
                pending = inflater.unconsumed_tail
        except zlib.error:
            raise LoadError("文件已损坏（压缩数据校验失败）") from None
        if produced > info.file_size:
            raise LoadError("压缩数据比压缩包声明的大（疑似压缩炸弹），已拒绝")


def _open(data: bytes):
    import docx
    from docx.opc.part import XmlPart
    from lxml import etree

    try:
        word = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise LoadError("文件已损坏（压缩数据校验失败）") from None
    except etree.XMLSyntaxError as error:
        if "amplification" in str(error) or "entity reference loop" in str(error):
            raise LoadError("文档含 DTD/实体声明，已拒绝") from None
        raise LoadError("文档 XML 已损坏，无法解析") from None
    except KeyError as error:
        raise LoadError(f"不是完整的 Word 文档：缺少部件 {error}") from None
    except ValueError as error:
        if "not a Word file" in str(error):
            raise LoadError("不是 .docx 文档（可能是 .docm/.dotx 等改了扩展名），请另存为 .docx") from None
        raise
    for part in word.part.package.iter_parts():
        if isinstance(part, XmlPart) and _has_dtd(part.element):
            raise LoadError("文档含 DTD/实体声明，已拒绝")
    return word


def _has_dtd(element) -> bool:
    info = element.getroottree().docinfo
    return bool(info.doctype) or info.internalDTD is not None


def paragraph_runs(p) -> list:
    """The w:r elements that `RunSpan.run` numbers, in order (see the module docstring)."""
    runs: list = []

    def visit(element) -> None:
        for child in element:
            if child.tag == _R:
                runs.append(child)
            elif child.tag != _FALLBACK:
                visit(child)

    visit(p)
    return runs


def _hidden(run) -> bool:
    rpr = run.find(_RPR)
    vanish = rpr.find(W + "vanish") if rpr is not None else None
    return vanish is not None and vanish.get(_VAL) not in _FALSE


class _Rendered:
    """A paragraph's displayed text, its run spans and the comment marks inside it (offsets in text)."""

    def __init__(self, p) -> None:
        self.pieces: list[str] = []
        self.length = 0
        self.spans: list[tuple[int, int, int]] = []
        self.marks: list[tuple[str, str, int]] = []  # (tag, comment id, offset)
        self.run_count = 0
        self._visit(p, shown=True)
        self.text = "".join(self.pieces)

    def _visit(self, element, shown: bool) -> None:
        for child in element:
            tag = child.tag
            if tag == _R:
                self.run_count += 1
                if shown and not _hidden(child):
                    self._run(child, self.run_count - 1)
            elif tag in (_RANGE_START, _RANGE_END):
                self.marks.append((tag, child.get(_ID), self.length))
            elif tag != _PPR and tag != _FALLBACK:
                self._visit(child, shown and tag not in _NOT_SHOWN)

    def _run(self, run, index: int) -> None:
        start = self.length
        for child in run:
            tag = child.tag
            if tag == _T:
                piece = (child.text or "").translate(_ONE_LINE)
            elif tag in _RUN_TEXT:
                piece = _RUN_TEXT[tag]
            else:
                if tag == _COMMENT_REF:
                    self.marks.append((tag, child.get(_ID), self.length))
                continue
            self.pieces.append(piece)
            self.length += len(piece)
        self.spans.append((index, start, self.length))


def _merged_away(cell) -> bool:
    tcpr = cell.find(W + "tcPr")
    if tcpr is None:
        return False
    merge = tcpr.find(W + "vMerge")
    if merge is not None and merge.get(_VAL, "continue") == "continue":
        return True
    legacy = tcpr.find(W + "hMerge")
    return legacy is not None and legacy.get(_VAL, "continue") == "continue"


def _children(element, tag: str) -> Iterator:
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _blocks(container, part: Part) -> Iterator[tuple[object, Part]]:
    """Paragraphs (and block-level comment marks) of a story, tables in reading order."""
    for child in container:
        tag = child.tag
        if tag == _P or tag in (_RANGE_START, _RANGE_END):
            yield child, part
        elif tag == _TBL:
            for row in _children(child, _TR):
                for cell in _children(row, _TC):
                    if not _merged_away(cell):
                        yield from _blocks(cell, Part.TABLE)
        elif tag in _WRAPPERS:
            yield from _blocks(child, part)


class _ViewBuilder:
    def __init__(self, word) -> None:
        self.paragraphs: list[Paragraph] = []
        self.anchors: dict[str, dict[str, tuple[int, int]]] = {}  # comment id → {tag: (line, column)}
        self.styles = ParagraphStyles(_related_element(word.part, _RT + "styles"))
        self.numbering = WordNumbering(_related_element(word.part, _RT + "numbering"), self.styles)

    def add(self, p, part: Part, source_index: int) -> None:
        ppr = p.find(_PPR)
        style_id = self.styles.paragraph_style(_style_of(ppr))
        label = self.numbering.label(ppr, style_id) or ""
        rendered = _Rendered(p)
        line = len(self.paragraphs) + 1
        offset = len(label)
        for tag, comment_id, at in rendered.marks:
            self.anchors.setdefault(comment_id, {}).setdefault(tag, (line, offset + at + 1))
        self.paragraphs.append(
            Paragraph(
                index=line - 1,
                text=label + rendered.text,
                line=line,
                part=part,
                style=self.styles.name(style_id),
                auto_number=label or None,
                runs=tuple(RunSpan(i, offset + start, offset + end) for i, start, end in rendered.spans),
                source_index=source_index,
            )
        )

    def mark(self, element) -> None:
        """A comment range that starts or ends between paragraphs."""
        if element.tag == _RANGE_START:
            position = (len(self.paragraphs) + 1, 1)
        elif self.paragraphs:
            position = (len(self.paragraphs), len(self.paragraphs[-1].text) + 1)
        else:
            return
        self.anchors.setdefault(element.get(_ID), {}).setdefault(element.tag, position)

    def comments(self, comments_element) -> list[Comment]:
        found = []
        last = (len(self.paragraphs), len(self.paragraphs[-1].text) + 1) if self.paragraphs else (0, 0)
        for comment in comments_element.iterfind(W + "comment") if comments_element is not None else ():
            anchor = self.anchors.get(comment.get(_ID), {})
            start = anchor.get(_RANGE_START) or anchor.get(_COMMENT_REF)
            if start is None:
                continue  # anchored outside the view (header, footnote) or nowhere
            start = min(start, last)
            end = max(min(anchor.get(_RANGE_END, start), last), start)
            text = "\n".join(_Rendered(p).text for p in comment.iter(_P))
            found.append(Comment(text, start[0], start[1], end[0], end[1]))
        return found


def _style_of(ppr) -> str | None:
    style = ppr.find(W + "pStyle") if ppr is not None else None
    return style.get(_VAL) if style is not None else None


def _part_element(part):
    """A part's XML root: python-docx parses the parts it knows; others (footnotes) are parsed here."""
    from docx.opc.part import XmlPart
    from docx.oxml.parser import parse_xml

    element = part.element if isinstance(part, XmlPart) else parse_xml(part.blob)
    if _has_dtd(element):
        raise LoadError("文档含 DTD/实体声明，已拒绝")
    return element


def _related_element(source_part, reltype: str):
    for rel in source_part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return _part_element(rel.target_part)
    return None


def _furniture(word) -> list[Paragraph]:
    parts = {}
    for rel in word.part.rels.values():
        if rel.reltype in _FURNITURE and not rel.is_external:
            parts[str(rel.target_part.partname)] = (rel.target_part, _FURNITURE[rel.reltype])
    furniture: list[Paragraph] = []
    order = list(Part)
    for _, (part, kind) in sorted(parts.items(), key=lambda item: (order.index(item[1][1]), item[0])):
        root = _part_element(part)
        index_of = {p: i for i, p in enumerate(root.iter(_P))}
        stories = [n for n in root if n.tag in _NOTES and n.get(W + "type", "normal") == "normal"]
        for story in stories if kind is Part.FOOTNOTE else [root]:
            for p, _part in _blocks(story, kind):
                if p.tag == _P:
                    rendered = _Rendered(p)
                    runs = tuple(RunSpan(*span) for span in rendered.spans)
                    furniture.append(
                        Paragraph(len(furniture), rendered.text, 0, kind, runs=runs, source_index=index_of[p])
                    )
    return furniture


def _build(word, path: str) -> Document:
    body = word.element.body
    index_of = {p: i for i, p in enumerate(body.iter(_P))}
    view = _ViewBuilder(word)
    for element, part in _blocks(body, Part.BODY):
        if element.tag == _P:
            view.add(element, part, index_of[element])
        else:
            view.mark(element)
    if not any(p.text.strip() for p in view.paragraphs):
        raise LoadError("文档正文中没有文字（文字可能在图片或文本框中）")
    comments = view.comments(_related_element(word.part, _RT + "comments"))
    return Document(path=path, format="docx", paragraphs=view.paragraphs, furniture=_furniture(word), comments=comments)
