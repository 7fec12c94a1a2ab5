"""`check --fix` on a .docx writes its fixes as Word tracked changes, and a real client agrees:
LibreOffice (headless, Writer's own "accept all" / "reject all" run by a Basic macro) accepting every
change gives exactly the text `check --fix` gives the same draft as .txt, rejecting every change
gives the original back. Skipped, with the reason shown, where LibreOffice is not installed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_factory import Raw, make_docx
from lxml import etree
from office import SKIP_REASON, SOFFICE, Office

from checker.cli import main
from checker.loaders import load

pytestmark = pytest.mark.skipif(SOFFICE is None, reason=SKIP_REASON)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BOLD_PARAGRAPH = ('<w:p><w:r><w:t xml:space="preserve">一年来,我局</w:t></w:r>'
                  '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">认真贯彻(试行)办法,</w:t></w:r>'
                  '<w:r><w:t xml:space="preserve">推进依法行政:成效明显。</w:t></w:r></w:p>')
PARAGRAPHS = ["北城区示例局", "2021年法治政府建设年度报告", "分享:", Raw(BOLD_PARAGRAPH),
              "一、2021年推进法治政府建设的主要举措和成效", "加强组织领导,落实主体责任;完善制度。",
              "二、2022年推进法治政府建设的主要安排", "继续推进依法行政,提升治理水平。"]


@pytest.fixture(scope="module")
def fixed(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("tracked")
    draft = make_docx(folder / "稿.docx", PARAGRAPHS)
    as_text = folder / "稿.txt"
    as_text.write_text("\n".join(p.text for p in load(str(draft)).paragraphs) + "\n", encoding="utf-8")
    original = as_text.read_text(encoding="utf-8").splitlines()
    for path in (draft, as_text):
        run = CliRunner().invoke(main, ["check", str(path), "--no-config", "--fix"])
        assert run.exit_code in (0, 1), run.output
    return {"draft": draft, "copy": folder / "稿.fixed.docx", "txt_fixed": as_text, "original": original}


def test_fixes_are_revisions_by_fazhi_lint_and_keep_the_runs_formatting(fixed):
    with zipfile.ZipFile(fixed["copy"]) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    deletions, insertions = list(body.iter(f"{W}del")), list(body.iter(f"{W}ins"))
    assert deletions and insertions
    for change in deletions + insertions:
        assert change.get(f"{W}author") == "fazhi-lint" and change.get(f"{W}date")
    ids = [c.get(f"{W}id") for c in deletions + insertions]
    assert len(set(ids)) == len(ids)
    for insertion in insertions:
        deleted = insertion.getprevious()
        if deleted is not None and deleted.tag == f"{W}del":  # a replacement: the new text as the old was
            assert (insertion.find(f"{W}r/{W}rPr/{W}b") is None) == (deleted.find(f"{W}r/{W}rPr/{W}b") is None)
    bold_commas = [i for i in insertions if i.find(f"{W}r/{W}rPr/{W}b") is not None]
    assert ["".join(i.itertext()) for i in bold_commas] == ["（", "）", "，"]


def test_libreoffice_accepting_all_gives_the_text_check_fix_gives_and_rejecting_all_the_original(fixed, tmp_path):
    office = Office(tmp_path / "profile")
    accepted = office.decide_all(fixed["copy"], "Accept", tmp_path / "accepted.txt").splitlines()
    rejected = office.decide_all(fixed["copy"], "Reject", tmp_path / "rejected.txt").splitlines()
    assert accepted == fixed["txt_fixed"].read_text(encoding="utf-8").splitlines()
    assert accepted != fixed["original"]
    assert rejected == fixed["original"]


def test_after_a_fix_the_run_reports_what_remains_not_what_it_fixed(tmp_path: Path):
    draft = make_docx(tmp_path / "乙.docx", PARAGRAPHS)
    before = CliRunner().invoke(main, ["check", str(draft), "--no-config", "--format", "concise"]).stdout
    run = CliRunner().invoke(main, ["check", str(draft), "--no-config", "--fix", "--format", "concise"])
    assert "FZ601" in before and "FZ601" not in run.stdout
    assert "修订模式" in run.output


def test_annotate_fix_writes_comments_and_tracked_changes_into_one_copy(fixed, tmp_path):
    from word_reading import comments

    run = CliRunner().invoke(main, ["annotate", str(fixed["draft"]), "--no-config", "--fix", "--output-dir", str(tmp_path)])
    assert run.exit_code in (0, 1), run.output
    reviewed = tmp_path / "稿.reviewed.docx"
    assert "处修订" in run.stdout
    left = [c.text.split()[0] for c in comments(reviewed)]
    assert left and "FZ601" not in left and "FZ701" not in left  # fixed: revisions, not comments
    accepted = Office(tmp_path / "profile").decide_all(reviewed, "Accept", tmp_path / "accepted.txt").splitlines()
    assert accepted == fixed["txt_fixed"].read_text(encoding="utf-8").splitlines()
