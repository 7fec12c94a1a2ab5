"""Text boxes in a .docx body: their paragraphs are view lines right after the paragraph that anchors
them, read once (mc:Choice, not its mc:Fallback copy); a 落款 set in a box is the 落款. Findings on
them keep the view's line numbers, and the reviewed Word copy comments on the anchoring paragraph
and writes no fix into a box."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_factory import Raw, make_docx
from word_reading import comments

from checker.cli import main
from checker.document.model import Part
from checker.loaders import load

_NAMESPACES = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _box_paragraphs(lines: list[str]) -> str:
    return "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)


def _drawing(inner: str, uri: str = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape") -> str:
    return f'<w:drawing><wp:anchor><a:graphic><a:graphicData uri="{uri}">{inner}</a:graphicData></a:graphic></wp:anchor></w:drawing>'


def text_box(anchor_text: str, lines: list[str]) -> Raw:
    """A paragraph anchoring a DrawingML text box, Word's way: mc:Choice holds it, mc:Fallback the VML copy."""
    box = _box_paragraphs(lines)
    return Raw(f"<w:p {_NAMESPACES}><w:r><w:t>{anchor_text}</w:t></w:r><w:r><mc:AlternateContent>"
               f'<mc:Choice Requires="wps">{_drawing(f"<wps:wsp><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp>")}</mc:Choice>'
               f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{box}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
               "</mc:AlternateContent></w:r></w:p>")


def vml_box(anchor_text: str, lines: list[str], wrap: str = "") -> Raw:
    """A paragraph anchoring a VML text box (v:textbox), as WPS and older Word write a seal's box; its
    run inside `wrap` (a tracked change: "w:del") if given."""
    run = f"<w:r><w:t>{anchor_text}</w:t></w:r>" if anchor_text else ""
    box = f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{_box_paragraphs(lines)}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    return Raw(f"<w:p {_NAMESPACES}>{run}{f'<{wrap}>{box}</{wrap}>' if wrap else box}</w:p>")


SEAL_PICTURE = Raw(f"<w:p {_NAMESPACES}><w:r>"
                   + _drawing("<pic:pic><pic:blipFill><a:blip/></pic:blipFill></pic:pic>", "http://schemas.openxmlformats.org/drawingml/2006/picture")
                   + "</w:r></w:p>")
EMPTY_SEAL_BOX = vml_box("", [""])

REPORT = [
    "永春县司法局2023年法治政府建设年度报告",
    "2023年，永春县司法局在县委、县政府的领导下，扎实推进法治政府建设。现将有关情况报告如下。",
    "一、2023年推进法治政府建设的主要举措和成效",
    "全年办理行政复议案件12件，审查行政规范性文件9件。",
    "二、2023年推进法治政府建设存在的不足和原因",
    "基层执法力量仍显不足。",
    "三、2023年党政主要负责人履行推进法治建设第一责任人职责情况",
    "主要负责人带头学法，主持召开专题会议4次。",
    "四、2024年推进法治政府建设的主要安排",
]


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--no-config"] if args[0] != "text" else list(args))


def view_lines(path: Path) -> dict[int, str]:
    """`fazhi-lint text`'s lines by number: "标记| 文字"."""
    lines = run("text", str(path)).output.splitlines()
    return {int(line.split(maxsplit=1)[0]): line.split(" ", 1)[1].strip() for line in lines}


def findings(path: Path) -> list[dict]:
    return json.loads(run("check", str(path), "--format", "json").stdout)["files"][0]["findings"]


@pytest.fixture
def signed_in_a_box(tmp_path: Path) -> Path:
    """A 落款 in a text box (anchored on the last paragraph) naming another county's bureau, dated
    before the report's year ended; a seal picture and an empty seal box after it."""
    return make_docx(tmp_path / "box.docx", [*REPORT, text_box("持续加强执法队伍建设。", ["德化县司法局", "2023年3月2日"]),
                                             SEAL_PICTURE, EMPTY_SEAL_BOX])


def test_box_lines_follow_their_anchor_once_and_marked(signed_in_a_box: Path):
    document = load(str(signed_in_a_box))
    texts = [(p.text, p.part) for p in document.paragraphs]
    anchor = texts.index(("持续加强执法队伍建设。", Part.BODY))
    assert texts[anchor + 1 : anchor + 3] == [("德化县司法局", Part.TEXT_BOX), ("2023年3月2日", Part.TEXT_BOX)]
    assert [t for t, _ in texts].count("德化县司法局") == 1  # the mc:Fallback copy is not read
    view = view_lines(signed_in_a_box)
    assert view[anchor + 2].startswith("文本框") and view[anchor + 2].endswith("德化县司法局")


def test_a_deleted_box_is_not_read(tmp_path: Path):
    path = make_docx(tmp_path / "deleted.docx", [*REPORT, vml_box("持续加强执法队伍建设。", ["德化县司法局"], wrap="w:del")])
    assert "德化县司法局" not in [p.text for p in load(str(path)).paragraphs]


def test_a_signature_in_a_box_is_compared_and_dated(signed_in_a_box: Path):
    found = findings(signed_in_a_box)
    view = view_lines(signed_in_a_box)
    by_rule = {f["rule"]: f for f in found}
    assert view[by_rule["FZ112"]["line"]].endswith("德化县司法局")
    assert view[by_rule["FZ313"]["line"]].endswith("2023年3月2日")
    assert "FZ311" not in by_rule  # the title and the opening outweigh the 落款: the title's body is not foreign
    for finding in found:  # every finding's line is the view's line holding its excerpt
        assert finding["excerpt"].strip() in view[finding["line"]]


def test_a_seal_box_holding_the_name_under_the_plain_date_leaves_the_signature_alone(tmp_path: Path):
    path = make_docx(tmp_path / "seal.docx", [*REPORT, "持续加强执法队伍建设。", "永春县司法局",
                                              vml_box("2024年1月18日", ["永春县司法局"])])
    document = load(str(path))
    assert document.context.evidence["body"][0].kind == "signature"
    assert not {"FZ112", "FZ313"} & {f["rule"] for f in findings(path)}


def test_seal_pictures_and_empty_boxes_load_and_review(signed_in_a_box: Path, tmp_path: Path):
    out = tmp_path / "reviewed"
    result = run("annotate", str(signed_in_a_box), "--output-dir", str(out), "--word-detail", "all")
    assert result.exit_code in (0, 1) and "box.reviewed.docx" in result.output, result.output
    anchored = {c.anchored for c in comments(out / "box.reviewed.docx")}
    # the box's findings go on the whole paragraph anchoring the box, never inside the box
    assert "持续加强执法队伍建设。" in anchored
    assert not anchored & {"德化县司法局", "2023年3月2日"}


def test_no_fix_is_written_into_a_box(tmp_path: Path):
    path = make_docx(tmp_path / "fix.docx", [*REPORT, vml_box("持续加强执法队伍建设。", ["全面推进法制政府建设。"])])
    box_line = next(p.line for p in load(str(path)).paragraphs if p.part is Part.TEXT_BOX)
    assert any(f["line"] == box_line and f["fix"] for f in findings(path))  # the finding keeps its fix in reports
    out = tmp_path / "reviewed"
    result = run("annotate", str(path), "--output-dir", str(out), "--fix", "--unsafe-fixes")
    assert result.exit_code in (0, 1) and "fix.reviewed.docx" in result.output, result.output
    reviewed = out / "fix.reviewed.docx"
    assert "全面推进法制政府建设。" in [p.text for p in load(str(reviewed)).paragraphs if p.part is Part.TEXT_BOX]
    assert "持续加强执法队伍建设。" in {c.anchored for c in comments(reviewed)}  # not fixed: commented on the anchor
