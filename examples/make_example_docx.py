"""Build examples/auto_numbering_example.docx: a short draft whose headings are real Word list numbers.

The department is made up. Level-1 headings are numbered by Word (chineseCounting, "%1、"),
level-2 headings too (chineseCounting, "（%2）"); none of those numbers is in the paragraph text.
Deliberate slips for the checker to find:
- the level-1 numbers run 一、二、四、五: the third section was given "set numbering value = 4",
  which Word stores as a new w:num with a w:startOverride (the usual way this slip happens);
- "法制政府" for 法治政府, and "截止12月31日" for 截至12月31日.

Run: python examples/make_example_docx.py   (the output is byte-for-byte reproducible)
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

OUTPUT = Path(__file__).with_name("auto_numbering_example.docx")
FIXED_TIME = datetime.datetime(2022, 3, 1, 9, 0, 0)

NUMBERING = f"""<w:numbering {nsdecls("w")}>
  <w:abstractNum w:abstractNumId="0">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
      <w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
      <w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
</w:numbering>"""

# (text, style, (numId, ilvl) or None)
CONTENT = [
    ("北京市东城区街巷治理服务局2021年法治政府建设年度情况报告", "Title", None),
    (
        (
            "2021年，我局在区委、区政府的坚强领导下，深入学习贯彻习近平法治思想，认真落实《法治政府建设实施纲要"
            "（2021－2025年）》，扎实推进法治政府建设各项工作。现将有关情况报告如下："
        ),
        None,
        None,
    ),
    ("2021年推进法治政府建设的主要举措和成效", "Heading 1", (1, 0)),
    ("加强组织领导", "Heading 2", (1, 1)),
    ("局党组将法治政府建设纳入年度重点工作，召开党组会专题研究法治工作4次，制定年度法治工作要点。", None, None),
    ("健全依法行政制度", "Heading 2", (1, 1)),
    ("严格落实重大行政决策程序，全年出台规范性文件2件，均经合法性审核，推动法制政府建设迈上新台阶。", None, None),
    ("严格规范公正文明执法", "Heading 2", (1, 1)),
    (
        (
            "全面推行行政执法公示、执法全过程记录、重大执法决定法制审核三项制度。截止12月31日，共办理行政"
            "处罚案件126件，无一被复议纠错。"
        ),
        None,
        None,
    ),
    ("2021年推进法治政府建设存在的不足和原因", "Heading 1", (1, 0)),
    ("一是法治宣传形式较为单一；二是执法人员专业能力有待提升。主要原因是培训针对性不强。", None, None),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", "Heading 1", (2, 0)),
    ("局主要负责人认真履行第一责任人职责，带头尊法学法守法用法，全年主持学法活动6次。", None, None),
    ("2022年推进法治政府建设的主要安排", "Heading 1", (2, 0)),
    ("深化普法宣传", "Heading 2", (2, 1)),
    ("落实“八五”普法规划，开展“宪法宣传周”等主题活动。", None, None),
    ("提升执法水平", "Heading 2", (2, 1)),
    ("组织执法人员全员培训，开展案卷评查，持续提升执法规范化水平。", None, None),
    ("北京市东城区街巷治理服务局", None, None),
    ("2022年3月1日", None, None),
]


def _num_pr(num_id: int, ilvl: int):
    return parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


def build() -> bytes:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(NUMBERING):
        numbering.append(child)
    for text, style, list_item in CONTENT:
        paragraph = document.add_paragraph(text, style)
        if list_item:
            paragraph._p.get_or_add_pPr().append(_num_pr(*list_item))
    properties = document.core_properties
    properties.title, properties.author = "2021年法治政府建设年度情况报告（示例）", "fazhi-lint"
    properties.created = properties.modified = FIXED_TIME
    properties.last_modified_by, properties.revision = "fazhi-lint", 1
    raw = io.BytesIO()
    document.save(raw)
    return _with_fixed_timestamps(raw.getvalue())


def _with_fixed_timestamps(data: bytes) -> bytes:
    """python-docx stamps every zip entry with the current time; rewrite them for a stable file."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


if __name__ == "__main__":
    OUTPUT.write_bytes(build())
    print(f"wrote {OUTPUT}")
