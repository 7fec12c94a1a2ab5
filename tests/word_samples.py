"""A small Word draft whose body paragraph has three runs, the middle one bold: where a comment or
a fix must cut runs and keep their formatting."""

from __future__ import annotations

from pathlib import Path

from docx_factory import Raw, make_docx

FORMATTED_PARAGRAPH = Raw('<w:p><w:r><w:t>一年来,我局</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>认真贯彻落实</w:t></w:r>'
                          '<w:r><w:t>法制宣传工作。</w:t></w:r></w:p>')


def formatted_docx(path: Path, *more, **options) -> Path:
    """Line 1 the body, 2 the title, 3 the formatted paragraph, then `more` items; `options` go to
    docx_factory.make_docx."""
    return make_docx(path, ["东城区示例局", "2021年法治政府建设年度情况报告", FORMATTED_PARAGRAPH, *more], **options)
