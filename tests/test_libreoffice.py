"""A real client opens the reviewed .docx: LibreOffice (headless) converts it to ODT and to PDF
without error, and in the ODT every comment is there, by fazhi-lint, on the same characters.
Skipped, with the reason shown, where LibreOffice is not installed (.ci/run installs it)."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from findings_factory import result_of, rule
from lxml import etree
from word_reading import comments
from word_samples import formatted_docx

from checker.engine.batch import Options, check_files
from checker.reporters import ReportSettings, reporters

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed: apt-get install libreoffice-writer-nogui")

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"


def convert(files: list[Path], to: str, out: Path, profile: Path) -> None:
    """One soffice process for all files (start-up is most of the cost)."""
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", to,
               "--outdir", str(out), *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=50, check=False)
    assert done.returncode == 0, done.stderr
    for file in files:
        assert (out / f"{file.stem}.{to}").stat().st_size > 0, f"{file.name}: no {to} written\n{done.stdout}{done.stderr}"


class _Annotations:
    """office:annotation elements of an ODT body with the text between each and its annotation-end."""

    def __init__(self, content: bytes) -> None:
        self.found: dict[str, dict] = {}
        self._open: list[str] = []
        self._walk(etree.fromstring(content).find(f"{OFFICE}body"))

    def _add(self, text: str | None) -> None:
        for name in self._open:
            self.found[name]["anchored"] += text or ""

    def _walk(self, element) -> None:
        for child in element:
            if child.tag == f"{OFFICE}annotation":
                name = child.get(f"{OFFICE}name")
                body = "\n".join("".join(p.itertext()) for p in child.iter(f"{TEXT}p"))
                self.found[name] = {"author": child.findtext(f"{DC}creator"), "text": body, "anchored": ""}
                self._open.append(name)
            elif child.tag == f"{OFFICE}annotation-end":
                self._open.remove(child.get(f"{OFFICE}name"))
            elif child.tag == f"{TEXT}s":
                self._add(" " * int(child.get(f"{TEXT}c", "1")))
            elif child.tag == f"{TEXT}tab":
                self._add("\t")
            else:
                self._add(child.text)
                self._walk(child)
            self._add(child.tail)


def odt_annotations(path: Path) -> list[dict]:
    with zipfile.ZipFile(path) as archive:
        return list(_Annotations(archive.read("content.xml")).found.values())


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> list[Path]:
    """Reviewed copies of the five seeds (findings of the rules as they are) and of a formatted .docx."""
    folder = tmp_path_factory.mktemp("reviewed")
    seeds = Path(__file__).parent.parent / "seeds"
    results = check_files(sorted(str(p) for p in seeds.glob("*.txt")), Options(no_config=True), keep_document=True)
    source = formatted_docx(folder / "格式.docx")
    term = rule("FZ501", "fazhi-not-fazhi", "terminology", "warning", "「{found}」应为「法治」", fix="unsafe")
    results.append(result_of(source, (3, ",", None, "，"), (3, "我局认真", term), (3, "法制", term)))
    reporters()["docx"].write(results, io.StringIO(), ReportSettings(output_dir=str(folder)))
    return sorted(folder.glob("*.reviewed.docx"))


def test_libreoffice_opens_every_reviewed_file_with_all_comments_on_the_same_text(reviewed, tmp_path):
    assert len(reviewed) == 6
    convert(reviewed, "odt", tmp_path, tmp_path / "profile")
    total = 0
    for path in reviewed:
        written = comments(path)
        opened = odt_annotations(tmp_path / f"{path.stem}.odt")
        # sorted: two comments on the same characters (a summary on the title, say) may come in either order
        assert sorted((a["author"], a["text"], a["anchored"]) for a in opened) == sorted(
            ("fazhi-lint", c.text, c.anchored) for c in written), path.name
        total += len(written)
    assert total >= 3


def test_libreoffice_converts_a_reviewed_file_to_pdf(reviewed, tmp_path):
    formatted = next(p for p in reviewed if p.name == "格式.reviewed.docx")
    convert([formatted], "pdf", tmp_path, tmp_path / "profile")
    assert (tmp_path / "格式.reviewed.pdf").read_bytes().startswith(b"%PDF")
