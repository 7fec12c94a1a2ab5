"""styles.xml's w:style elements by styleId, each parsed only when the loader asks for it.

Why not parse the part whole: a template's styles.xml is large (python-docx's own is 350 KB,
9,000 elements) and parsing it cost more than reading the rest of a draft, while a draft uses a
handful of styles. So the part is scanned once for the start and end tags of its w:style
elements and each style is parsed on first use, inside a copy of the root's start tag (which
holds the namespace declarations).

The scan is exact only for plain XML: UTF-8, no DOCTYPE, comment, CDATA or processing
instruction (which could hide or fake a tag), every namespace declared on the root with "w"
bound to WordprocessingML once, no w:style inside another, plain attribute values; w:style
elements are taken to be the root's children, where the schema puts them. Any other
styles part is parsed whole, as before, and its DTD refused. A fault in a style nobody uses is
not noticed on the fast path (a whole parse would refuse the part).
"""

from __future__ import annotations

import re

from checker.loaders.errors import LoadError
from checker.loaders.numbering import W
from checker.loaders.package import parse_xml, refuse_dtd

_W_NS = W[1:-1].encode()
_DECLARATION = re.compile(rb"<\?xml\s[^>]*\?>")
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)""")
_ROOT = re.compile(rb"""\s*<([^\s/>!?]+)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*>""")
# A w:style start tag after its "<w:style": as Word writes it, or in general.
_WORD_TAG = re.compile(
    rb'\s+w:type="([a-z]+)"(?:\s+w:default="([^"&<\t\n\r]*)")?(?:\s+w:customStyle="1")?\s+w:styleId="([^"&<\t\n\r]*)"\s*(/?)>'
)
_STYLE_TAG = re.compile(rb"""((?:\s+[^\s=/>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(/?)>""")
_END_TAG = re.compile(rb"</w:style\s*>")
_NAME_CHAR = re.compile(rb"[^\s/>]")
_ATTRIBUTE = re.compile(rb"""\s(w:styleId|w:type|w:default)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# An entity or a character XML may normalise in an attribute value, or a namespace declaration.
_NOT_PLAIN = re.compile(rb"[&\t\n\r]|xmlns")


class StyleElements:
    """Style id → w:style element; `default` is the id of the default paragraph style."""

    def __init__(self, data: bytes | None) -> None:
        self.default: str | None = None
        # an element, or until first use (what follows "<w:style" up to the next one, its tag ends in "/>")
        self._elements: dict[str | None, object] = {}
        self._wrap = (b"", b"")
        if data is None:
            return
        indexed = self._index(data)
        if indexed is None:
            root = parse_xml(data)
            refuse_dtd(root)
            indexed = [(style.get(W + "styleId"), style.get(W + "type", "paragraph"), style.get(W + "default"), style)
                       for style in root.iterfind(W + "style")]
        for style_id, kind, default, element in indexed:
            self._elements[style_id] = element
            if kind == "paragraph" and default in ("1", "true", "on") and self.default is None:
                self.default = style_id

    def __contains__(self, style_id: str | None) -> bool:
        return style_id in self._elements

    def get(self, style_id: str | None):
        element = self._elements.get(style_id)
        if isinstance(element, tuple):
            chunk, empty = element
            end = _STYLE_TAG.match(chunk) if empty else _END_TAG.search(chunk)
            if end is None:
                raise LoadError("文档 XML 已损坏，无法解析")
            element = parse_xml(self._wrap[0] + b"<w:style" + chunk[: end.end()] + self._wrap[1])[0]
            self._elements[style_id] = element
        return element

    def _index(self, data: bytes) -> list[tuple] | None:
        """(id, type, default, bytes) of each w:style, found by scanning `data`; None unless plain XML."""
        declaration = _DECLARATION.match(data)
        encoding = _ENCODING.search(declaration.group()) if declaration else None
        if encoding and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
            return None
        root = _ROOT.match(data, declaration.end() if declaration else 0)
        if root is None or data.count(_W_NS) != 1 or b'xmlns:w="' + _W_NS + b'"' not in root.group():
            return None
        rest = root.end()
        if (data.find(b"!", rest) >= 0 or data.find(b"?", rest) >= 0) and (  # memchr first: "<!" is slow to find
            data.find(b"<!", rest) >= 0 or data.find(b"<?", rest) >= 0
        ):
            return None
        self._wrap = (root.group().lstrip(), b"</" + root.group(1) + b">")
        indexed = []
        try:
            for chunk in data[rest:].split(b"<w:style")[1:]:
                attributes = _attributes(chunk)
                if attributes is None:
                    return None
                if attributes:  # else another element whose name starts with "w:style"
                    indexed.append((*attributes[:3], (chunk, attributes[3])))
        except UnicodeDecodeError:
            return None
        return indexed


def _attributes(chunk: bytes) -> tuple | None:
    """(styleId, type, default, empty) of the w:style start tag that opens `chunk` (what follows
    "<w:style"), () if the chunk opens another element, None if the tag is not plain."""
    word = _WORD_TAG.match(chunk)
    if word is not None:
        kind, default, style_id, empty = word.groups()
        return style_id.decode(), kind.decode(), default.decode() if default is not None else None, bool(empty)
    tag = _STYLE_TAG.match(chunk)
    if tag is None:
        return () if _NAME_CHAR.match(chunk) else None
    if _NOT_PLAIN.search(tag.group(1)):
        return None
    found = {name: (double or single).decode() for name, double, single in _ATTRIBUTE.findall(tag.group(1))}
    return found.get(b"w:styleId"), found.get(b"w:type", "paragraph"), found.get(b"w:default"), bool(tag.group(2))
