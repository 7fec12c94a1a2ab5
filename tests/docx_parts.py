"""A real draft as .docx with every part the loader reads, and its zip taken apart and put back
together: for the tests that damage or poison one part (test_hostile_docx, test_robustness)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx_factory import abstract_num, make_docx, num

SEEDS = Path(__file__).parent.parent / "seeds"


def draft_docx(path: Path) -> Path:
    """Seed 004 as .docx: Word list numbering (two levels), a comment, a footnote, a header."""
    lines = [line for line in (SEEDS / "004_b6b30a21da262d98.txt").read_text(encoding="utf-8").splitlines() if line]
    numbering = [abstract_num(1, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")]), num(1, 1)]
    paragraphs = [lines[0], lines[1], ("推进法治政府建设的主要举措和成效", {"num": (1, 0)}),
                  ("加强组织领导", {"num": (1, 1), "comment": "fazhi-lint: ignore FZ601"}),
                  (lines[4], {"footnote": "见附件。"}), *lines[5:]]
    return make_docx(path, paragraphs, numbering=numbering, header="东城区科信局")


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()
