"""Word .docx drafts → the text view: one line per body paragraph, as Word displays it.

What the view holds: the body's paragraphs in document order, the paragraphs of table cells in
reading order (row by row, cell by cell, nested tables in place; a cell covered by a vertical
merge is skipped, so merged text appears once) where the table sits, with Word's list numbers
rendered in front (see numbering.py). Headers, footers, footnotes and endnotes go to
`Document.furniture`, numbered on from the body's last line (the view `fazhi-lint text` prints shows
them after the body, marked): rules read the body, and a rule that reads furniture can still say where
it found something. A text box in the body (w:txbxContent, in a DrawingML wps:txbx or a VML
v:textbox) holds view paragraphs of its own (`Part.TEXT_BOX`), right after the paragraph that anchors
it: a 落款 or a seal set in a box is part of the report. Word keeps a drawing twice in
mc:AlternateContent (mc:Choice, and a VML copy in mc:Fallback for older readers); only the shown
Choice is read. Text boxes in headers, footers and notes, equations, embedded objects and w:altChunk
are not read.

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
includes text-box paragraphs, mc:Fallback copies too); for furniture, the position in its own part.

Hostile files: the zip directory is checked before anything is inflated (see `_check_archive`);
only the parts the view needs are inflated, each within the size the directory declares, and
parsed without resolving entities; a part that declares a DTD is refused (see package.py).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from checker.document.model import Comment, Document, Paragraph, Part, RunSpan
from checker.loaders.errors import LoadError
from checker.loaders.numbering import W, WordNumbering, paragraph_properties
from checker.loaders.package import OFFICE_DOCUMENT, WORD_MAIN, Member, Package
from checker.loaders.reading import DEFAULT_MAX_FILE_SIZE, read_regular
from checker.loaders.templates import list_definitions, paragraph_styles

MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all parts together, as declared in the zip directory
MAX_INFLATED_BYTES = 64 * 1024 * 1024  # the parts the loader reads (XML), together: bounds the parsed tree
MAX_PARTS = 10_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and Word 97-2003 files are OLE compound files

_P, _R, _T, _TBL, _TR, _TC = (W + tag for tag in ("p", "r", "t", "tbl", "tr", "tc"))
_PPR, _RPR, _VAL, _ID, _VANISH = W + "pPr", W + "rPr", W + "val", W + "id", W + "vanish"
_RANGE_START, _RANGE_END, _COMMENT_REF = W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference"
_NOT_SHOWN = {W + "del", W + "moveFrom"}
# Markup compatibility: Word shows mc:Choice; the mc:Fallback copy of the same content is skipped.
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_FALLBACK = _MC + "Fallback"
_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml"}  # containers that are not there for the reader
_RUN_TEXT = {W + "tab": "\t", W + "ptab": "\t", W + "br": " ", W + "cr": " ", W + "noBreakHyphen": "-"}
_LINE_BREAKS = re.compile("[\r\n\x85\u2028\u2029]")
_FALSE = ("0", "false", "off")

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_FURNITURE = {
    _RT + "header": Part.HEADER,
    _RT + "footer": Part.FOOTER,
    _RT + "footnotes": Part.FOOTNOTE,
    _RT + "endnotes": Part.FOOTNOTE,
}
_NOTES = {W + "footnote", W + "endnote"}
_TEXT_BOX = W + "txbxContent"
# what in a run may hold a text box: a DrawingML drawing, a VML picture or object, or Word's two copies of one
_DRAWINGS = {W + "drawing", W + "pict", W + "object", _MC + "AlternateContent"}


def load_docx(path: str, max_bytes: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    """The text view of a .docx file, not yet analysed; LoadError for anything unreadable."""
    try:
        data = read_regular(path, max_bytes)
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
        return _build(_open(data), path)
    except LoadError:
        raise
    except Exception as error:  # noqa: BLE001 -- the boundary: whatever lxml or zipfile trips over, no traceback
        raise LoadError(f"无法解析 .docx 文件（{type(error).__name__}）") from None


def _check_archive(data: bytes) -> list[zipfile.ZipInfo]:
    """The zip directory, refused before anything is inflated when its declared sizes are too big."""
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
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise LoadError(f"解压后超过 {MAX_UNPACKED_BYTES // 2**20} MB（疑似压缩炸弹），已拒绝")
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
            raise LoadError("这是 Excel 或 PowerPoint 文件，不是 Word 文档")
        raise LoadError("不是 Word 文档：缺少 word/document.xml")
    return infos


class _Word:
    """The main document part of a package and the parts it relates to."""

    def __init__(self, package: Package) -> None:
        main = [rel for rel in package.relationships("") if rel.reltype == OFFICE_DOCUMENT and not rel.external]
        if len(main) != 1:
            raise LoadError("不是完整的 Word 文档：缺少或重复的主文档关系")
        self.name = main[0].target
        if package.content_type(self.name) != WORD_MAIN:
            raise LoadError("不是 .docx 文档（可能是 .docm/.dotx 等改了扩展名），请另存为 .docx")
        self.package = package
        self.element = package.xml(self.name)
        self.rels = [rel for rel in package.relationships(self.name) if not rel.external]

    def related(self, reltype: str) -> list[str]:
        """The parts related by `reltype`, in the order of the relationships."""
        return [rel.target for rel in self.rels if rel.reltype == reltype]

    def first_xml(self, reltype: str):
        names = self.related(reltype)
        return self.package.xml(names[0]) if names else None

    def first_member(self, reltype: str) -> Member | None:
        names = self.related(reltype)
        return self.package.member(names[0]) if names else None


def _open(data: bytes) -> _Word:
    return _Word(Package(data, _check_archive(data), MAX_INFLATED_BYTES))


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


def _hidden(rpr) -> bool:
    vanish = next(rpr.iterchildren(_VANISH), None)  # as find() does, at half its cost: Word gives most runs a w:rPr
    return vanish is not None and vanish.get(_VAL) not in _FALSE


def _one_line(text: str) -> str:
    """`text` with every line-break character (only w:t text holds them) as a space, so that a
    paragraph stays one view line."""
    # Five substring tests cost a fifth of one search for the character class in CJK text.
    if "\n" in text or "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        return _LINE_BREAKS.sub(" ", text)
    return text


class _Rendered:
    """A paragraph's displayed text, its run spans, the comment marks inside it (tag, comment id,
    offset), the drawings of its shown runs (where its text boxes are) and its first w:pPr. Offsets
    count from the start of the paragraph's own text: a list label, known only once the w:pPr is
    read, goes in front of it (see `shifted`)."""

    def __init__(self, p) -> None:
        self.pieces: list[str] = []
        self.length = 0
        self.runs: list[RunSpan] = []
        self.marks: list[tuple[str, str, int]] = []
        self.drawings: list = []
        self.run_count = 0
        self.ppr = None
        self._visit(p, shown=True, top=True)
        self.text = _one_line("".join(self.pieces))

    def shifted(self, offset: int) -> tuple[RunSpan, ...]:
        """The run spans in a text that begins with `offset` more characters."""
        if not offset:
            return tuple(self.runs)
        return tuple(RunSpan(span.run, span.start + offset, span.end + offset) for span in self.runs)

    def _visit(self, element, shown: bool, top: bool = False) -> None:
        for child in element:
            tag = child.tag
            if tag == _R:
                self.run_count += 1
                if shown:
                    self._run(child, self.run_count - 1)
            elif tag == _RANGE_START or tag == _RANGE_END:
                self.marks.append((tag, child.get(_ID), self.length))
            elif tag == _PPR:
                if top and self.ppr is None:
                    self.ppr = child
            elif tag != _FALLBACK:
                self._visit(child, shown and tag not in _NOT_SHOWN)

    def _run(self, run, index: int) -> None:
        """A shown run's text and comment references; nothing if its (first) w:rPr hides it."""
        pieces, marks, drawings = self.pieces, self.marks, self.drawings
        pieces_before, marks_before, drawings_before, length, rpr_seen = len(pieces), len(marks), len(drawings), self.length, False
        for child in run:
            tag = child.tag
            if tag == _T:
                piece = child.text
                if piece:
                    pieces.append(piece)
                    length += len(piece)
            elif tag in _RUN_TEXT:
                piece = _RUN_TEXT[tag]
                pieces.append(piece)
                length += len(piece)
            elif tag == _COMMENT_REF:
                marks.append((tag, child.get(_ID), length))
            elif tag == _RPR and not rpr_seen:
                if _hidden(child):
                    del pieces[pieces_before:], marks[marks_before:], drawings[drawings_before:]
                    return
                rpr_seen = True
            elif tag in _DRAWINGS:
                drawings.append(child)
        self.runs.append(RunSpan(index, self.length, length))
        self.length = length


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
                        yield from _blocks(cell, Part.TABLE if part is Part.BODY else part)  # a box's table stays the box's
        elif tag in _WRAPPERS:
            yield from _blocks(child, part)


class _ViewBuilder:
    def __init__(self, word: _Word) -> None:
        self.paragraphs: list[Paragraph] = []
        self.anchors: dict[str, dict[str, tuple[int, int]]] = {}  # comment id → {tag: (line, column)}
        self.styles = paragraph_styles(word.first_member(_RT + "styles"))
        self.numbering = WordNumbering(list_definitions(word.first_member(_RT + "numbering")), self.styles)
        self.unknown_formats: dict[str, int] = {}  # numFmt → index of the first paragraph drawn with it
        # w:pStyle value → (the style that applies, its display name, whether it carries list numbering):
        # most paragraphs of a draft share a handful of styles, and most are not numbered
        self._style_of: dict[str | None, tuple[str | None, str | None, bool]] = {}

    def _style(self, style: str | None) -> tuple[str | None, str | None, bool]:
        known = self._style_of.get(style)
        if known is None:
            style_id = self.styles.paragraph_style(style)
            known = style_id, self.styles.name(style_id), self.styles.numbering(style_id)[0] is not None
            self._style_of[style] = known
        return known

    def add(self, p, part: Part, source_index: int) -> list:
        """Add `p` to the view; returns the text boxes it anchors (w:txbxContent), to be read after it."""
        rendered = _Rendered(p)
        style, numbering = paragraph_properties(rendered.ppr)
        style_id, style_name, style_numbered = self._style(style)
        # a paragraph that neither names a list nor has a style that does gets no label (and counts nothing)
        label = self.numbering.label(numbering, style_id) if numbering[0] is not None or style_numbered else None
        index = len(self.paragraphs)
        if len(self.numbering.unknown_formats) > len(self.unknown_formats):
            for number_format in self.numbering.unknown_formats:
                self.unknown_formats.setdefault(number_format, index)
        offset = len(label) if label else 0
        for tag, comment_id, at in rendered.marks:
            self.anchors.setdefault(comment_id, {}).setdefault(tag, (index + 1, offset + at + 1))
        text = label + rendered.text if label else rendered.text
        self.paragraphs.append(Paragraph(index, text, index + 1, part, style_name, label, rendered.shifted(offset), source_index))
        return [box for drawing in rendered.drawings for box in _text_boxes(drawing)] if rendered.drawings else []

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


def _text_boxes(element) -> Iterator:
    """The text boxes in a shown run's drawing, in document order: its w:txbxContent outside
    mc:Fallback, not those inside another box (each box's paragraphs anchor those)."""
    for child in element:
        if child.tag == _TEXT_BOX:
            yield child
        elif child.tag != _FALLBACK:
            yield from _text_boxes(child)


def _furniture(word: _Word, first_line: int) -> list[Paragraph]:
    parts = {}
    for rel in word.rels:
        if rel.reltype in _FURNITURE:
            parts[rel.target] = _FURNITURE[rel.reltype]
    furniture: list[Paragraph] = []
    order = list(Part)
    for name, kind in sorted(parts.items(), key=lambda item: (order.index(item[1]), item[0])):
        root = word.package.xml(name)
        index_of = {p: i for i, p in enumerate(root.iter(_P))}
        stories = [n for n in root if n.tag in _NOTES and n.get(W + "type", "normal") == "normal"]
        for story in stories if kind is Part.FOOTNOTE else [root]:
            for p, _part in _blocks(story, kind):
                if p.tag == _P:
                    rendered = _Rendered(p)
                    furniture.append(
                        Paragraph(len(furniture), rendered.text, first_line + len(furniture), kind, runs=tuple(rendered.runs),
                                  source_index=index_of[p])
                    )
    return furniture


def _build(word: _Word, path: str) -> Document:
    body = word.element.find(W + "body")
    index_of = {p: i for i, p in enumerate(body.iter(_P))}
    view = _ViewBuilder(word)

    def read(story, part: Part) -> None:
        for element, element_part in _blocks(story, part):
            if element.tag != _P:
                view.mark(element)
                continue
            for box in view.add(element, element_part, index_of[element]):
                read(box, Part.TEXT_BOX)

    read(body, Part.BODY)
    if not any(p.text.strip() for p in view.paragraphs):
        raise LoadError("文档正文中没有文字（文字可能在图片中）")
    comments = view.comments(word.first_xml(_RT + "comments"))
    return Document(path=path, format="docx", paragraphs=view.paragraphs, furniture=_furniture(word, len(view.paragraphs) + 1), comments=comments,
                    unknown_number_formats=view.unknown_formats)
