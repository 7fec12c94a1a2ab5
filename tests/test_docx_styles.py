"""styles.xml read style by style (checker/loaders/styles.py) gives what a whole parse gives."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from checker.loaders.errors import LoadError
from checker.loaders.numbering import W
from checker.loaders.package import parse_xml
from checker.loaders.styles import StyleElements

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"


def _template_styles() -> bytes:
    template = Path(docx.__file__).parent / "templates" / "default.docx"
    with zipfile.ZipFile(template) as archive:
        return archive.read("word/styles.xml")


def _styles(body: str, root: str = f"<w:styles {NS}>", declaration: str = DECLARATION) -> bytes:
    return (declaration + root + body + "</w:styles>").encode()


def _whole(data: bytes) -> tuple[str | None, dict]:
    """What a whole parse says: the default paragraph style and every style's XML by id."""
    root = parse_xml(data)
    by_id, default = {}, None
    for style in root.iterfind(W + "style"):
        by_id[style.get(W + "styleId")] = etree.tostring(style)
        is_default = style.get(W + "type", "paragraph") == "paragraph" and style.get(W + "default") in ("1", "true", "on")
        if is_default and default is None:
            default = style.get(W + "styleId")
    return default, by_id


def _scanned(data: bytes) -> tuple[str | None, dict]:
    styles = StyleElements(data)
    return styles.default, {style_id: etree.tostring(styles.get(style_id)) for style_id in styles._elements}


NORMAL = '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
HEADING = (
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
)

SAME_AS_A_WHOLE_PARSE = {
    "python-docx template": _template_styles(),
    "word order": _styles(NORMAL + HEADING),
    "attributes in another order, single quotes, spaces": _styles(
        "<w:style w:styleId='Standard' w:default = '1' w:type='paragraph'><w:name w:val='Standard'/></w:style>"
        + HEADING
    ),
    "pretty-printed": _styles(
        "\n  " + NORMAL.replace("><", ">\n    <") + "\n  <w:style\n      w:type=\"paragraph\"\n      w:styleId=\"Body\">"
        "\n    <w:name w:val=\"Body\"/>  <w:pPr> <w:jc w:val=\"both\"/> </w:pPr>\n  </w:style >\n"
    ),
    "empty style element": _styles('<w:style w:type="character" w:styleId="Empty"/>' + NORMAL),
    "no declaration, more namespaces": _styles(
        NORMAL, root=f'<w:styles xmlns:mc="urn:mc" {NS} xmlns:w14="urn:w14" mc:Ignorable="w14">', declaration=""
    ),
    "duplicate id: the last one counts": _styles(NORMAL + NORMAL.replace('"Normal"/>', '"Second"/>')),
    "other elements named w:style…": _styles('<w:docDefaults/><w:styleExtras w:count="1"/>' + NORMAL),
    "character style marked default is not the paragraph default": _styles(
        '<w:style w:type="character" w:default="1" w:styleId="Font"/>' + HEADING.replace(
            'w:styleId="Heading1"', 'w:default="true" w:styleId="Heading1"'
        )
    ),
    # whole parse (the scan refuses these shapes)
    "entity in an id": _styles('<w:style w:type="paragraph" w:styleId="A&amp;B"/>' + NORMAL),
    "comment": _styles("<!-- <w:style w:styleId='Fake'/> -->" + NORMAL),
    "processing instruction": _styles("<?pi <w:style w:styleId='Fake'/> ?>" + NORMAL),
    "another prefix for WordprocessingML": _styles(
        NORMAL + '<x:style xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'x:type="paragraph" x:styleId="Other"/>'
    ),
    "default namespace": (
        b'<styles xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b'<style type="paragraph" default="1" styleId="Normal"/></styles>'
    ),
    "utf-16": (
        '<?xml version="1.0" encoding="UTF-16"?>' + f"<w:styles {NS}>{NORMAL}</w:styles>"
    ).encode("utf-16"),
}


@pytest.mark.parametrize("data", SAME_AS_A_WHOLE_PARSE.values(), ids=SAME_AS_A_WHOLE_PARSE.keys())
def test_styles_read_one_by_one_are_those_of_a_whole_parse(data: bytes):
    assert _scanned(data) == _whole(data)


def test_the_template_is_read_without_a_whole_parse():
    styles = StyleElements(_template_styles())
    assert styles.default == "Normal"
    assert all(isinstance(entry, tuple) for entry in styles._elements.values())  # nothing parsed yet
    assert styles.get("Heading1").find(W + "name").get(W + "val") == "heading 1"


def test_a_doctype_is_refused():
    data = _styles(NORMAL, declaration=DECLARATION + '<!DOCTYPE d [<!ENTITY x "x">]>')
    with pytest.raises(LoadError, match="DTD"):
        StyleElements(data)


def test_a_broken_style_is_refused_when_it_is_used():
    styles = StyleElements(_styles(NORMAL + '<w:style w:type="paragraph" w:styleId="Broken"><w:name>'))
    assert styles.get("Normal") is not None
    with pytest.raises(LoadError, match="XML 已损坏"):
        styles.get("Broken")
