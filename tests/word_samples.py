"""Small Word drafts where a comment or a fix must cut runs and keep their formatting, or reach text
inside hyperlinks, tracked changes and tables."""

from __future__ import annotations

from pathlib import Path

from docx_factory import Raw, Table, make_docx

FORMATTED_PARAGRAPH = Raw('<w:p><w:r><w:t>一年来,我局</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>认真贯彻落实</w:t></w:r>'
                          '<w:r><w:t>法制宣传工作。</w:t></w:r></w:p>')


def formatted_docx(path: Path, *more, **options) -> Path:
    """Line 1 the body, 2 the title, 3 the formatted paragraph, then `more` items; `options` go to
    docx_factory.make_docx."""
    return make_docx(path, ["东城区示例局", "2021年法治政府建设年度情况报告", FORMATTED_PARAGRAPH, *more], **options)


def containers_docx(path: Path) -> Path:
    """Line 3 has a hyperlink in mid-paragraph, line 4 a tracked deletion and insertion, line 5 is a
    table cell: text inside containers that comments and fixes must reach."""
    return make_docx(path, [
        "东城区示例局", "2021年法治政府建设年度情况报告",
        Raw('<w:p><w:r><w:t>访问,</w:t></w:r><w:hyperlink w:anchor="x"><w:r><w:t>首都之窗,网站</w:t></w:r></w:hyperlink>'
            '<w:r><w:t>查看。</w:t></w:r></w:p>'),
        Raw('<w:p><w:r><w:t>甲,</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删掉的</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="a"><w:r><w:t>新增,文字</w:t></w:r></w:ins><w:r><w:t>结尾。</w:t></w:r></w:p>'),
        Table([["表格,单元格", "乙"]]),
    ])
