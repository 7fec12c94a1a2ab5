"""Reliability suite (not part of the test run): hostile inputs and careless commands, each run as
`fazhi-lint` in a fresh process under a time limit (TIMEOUT s, then killed) and an address-space
limit (MEMORY_LIMIT), in a scratch folder. One table: case, outcome (exit code and the first line
of stderr, or what went wrong), wall time, peak resident memory of the largest process (VmHWM,
sampled), and whether every input stayed byte-identical. The last row is bench/load_serve.py:
`fazhi-lint serve` on 127.0.0.1 under 50 simultaneous uploads.

    python bench/reliability.py [--skip-serve] [--only SUBSTRING]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from docx_factory import Table, abstract_num, make_docx, num

FAZHI = [sys.executable, "-m", "checker"]
TIMEOUT = 120
MEMORY_LIMIT = 3 << 30
DRAFT = ("北碚区司法局\n\n2022年法治政府建设年度报告\n\n一、2022年推进法治政府建设的主要举措和成效\n"
         "（一）健全制度。全年修订制度三项,开展法制宣传五次，截止年底办结近90余件。\n")


@dataclass
class Case:
    name: str
    prepare: Callable[[Path], list[str]]  # builds the inputs in the folder, returns the arguments
    expect: str  # what a good outcome looks like (shown when it is not met)
    good: Callable[[int, str, str], bool]  # (exit code, stdout, stderr) → as expected


def _txt(folder: Path, name: str = "草稿.txt", text: str = DRAFT) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _zip_with(path: Path, members: dict[str, bytes], base: Path) -> None:
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in members:
                target.writestr(info.filename, source.read(info.filename))
        for name, data in members.items():
            target.writestr(name, data)


def _base_docx(folder: Path) -> Path:
    path = folder / "base.docx.src"
    make_docx(path, ["北碚区司法局", "2022年法治政府建设年度报告", "一、主要举措和成效", "全年修订制度三项。"])
    return path


def output_onto_input(folder: Path) -> list[str]:
    draft = _txt(folder)
    return ["check", str(draft), "-o", str(draft)]


def fifo_in_folder(folder: Path) -> list[str]:
    _txt(folder)
    os.mkfifo(folder / "管道.txt")
    return ["check", str(folder)]


def dev_zero(folder: Path) -> list[str]:
    (folder / "零.txt").symlink_to("/dev/zero")
    return ["check", str(folder / "零.txt")]


def long_paragraph_json(folder: Path) -> list[str]:
    draft = folder / "长段.docx"
    document = docx.Document()
    document.add_paragraph("修订制度,完善机制" * 60_000)  # 540k characters, a finding every 9
    document.save(draft)
    (folder / "out").mkdir()
    return ["check", str(draft), "--format", "json", "-o", str(folder / "out" / "report.json")]


def zip_bomb(folder: Path) -> list[str]:
    base = _base_docx(folder)
    draft = folder / "炸弹.docx"
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(draft, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, source.read(info.filename))
        with target.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(25):
                part.write(bytes(16 << 20))  # 400 MB of zeros
    base.unlink()
    return ["check", str(draft)]


def xml_bomb_under_the_declared_limit(folder: Path) -> list[str]:
    """190 MB of XML in a small file: under the 200 MB declared-size check, past what the loader reads."""
    base = _base_docx(folder)
    xml = zipfile.ZipFile(base).read("word/document.xml")
    body = xml.index(b"<w:body>") + len(b"<w:body>")
    _zip_with(folder / "xml炸弹.docx", {"word/document.xml": xml[:body] + b" " * (190 << 20) + xml[body:]}, base)
    base.unlink()
    return ["check", str(folder / "xml炸弹.docx")]


def xxe(folder: Path) -> list[str]:
    base = _base_docx(folder)
    xml = zipfile.ZipFile(base).read("word/document.xml")
    doctype = b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    at = xml.index(b"?>") + 2
    body = xml.index(b"<w:body>") + len(b"<w:body>")
    hostile = xml[:at] + doctype + xml[at:body] + b"<w:p><w:r><w:t>&x;</w:t></w:r></w:p>" + xml[body:]
    _zip_with(folder / "xxe.docx", {"word/document.xml": hostile}, base)
    base.unlink()
    return ["check", str(folder / "xxe.docx"), "--format", "json"]


def nested_tables(folder: Path) -> list[str]:
    table: object = "最内层：全年修订制度三项,完善机制。"
    for _ in range(40):
        table = Table([[[table]]])
    make_docx(folder / "嵌套.docx", ["北碚区司法局", table])
    return ["check", str(folder / "嵌套.docx")]


def numbering_labels(folder: Path) -> list[str]:
    paragraphs = [("加强领导。", {"num": (1, 0)}) for _ in range(2000)]
    make_docx(folder / "编号.docx", paragraphs, numbering=[abstract_num(1, [("lowerLetter", "%1" * 9, 32767)]), num(1, 1)])
    return ["check", str(folder / "编号.docx")]


def numbering_cycle(folder: Path) -> list[str]:
    cycle = ['<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="甲"/></w:abstractNum>',
             '<w:abstractNum w:abstractNumId="2"><w:styleLink w:val="甲"/><w:numStyleLink w:val="甲"/></w:abstractNum>']
    make_docx(folder / "循环.docx", [("一项工作。", {"num": (1, 0)})], numbering=[*cycle, num(1, 1), num(2, 2)])
    return ["check", str(folder / "循环.docx")]


def hundred_thousand_paragraphs(folder: Path) -> list[str]:
    _txt(folder, "十万段.txt", DRAFT + "（一）健全制度。全年修订制度三项,开展宣传五次。\n" * 100_000)
    (folder / "out").mkdir()
    return ["check", str(folder / "十万段.txt"), "--format", "json", "-o", str(folder / "out" / "r.json")]


def catastrophic_user_regex(folder: Path) -> list[str]:
    pack = folder / "规则" / "pack.yaml"
    pack.parent.mkdir()
    pack.write_text(
        "rules:\n  - id: ZZ901\n    name: slow-pattern\n    type: existence\n    category: terminology\n"
        "    severity: warning\n    message: 测试\n    source: 测试\n    options:\n      patterns: ['(a|aa)+$']\n",
        encoding="utf-8")
    (folder / ".fazhi-lint.yaml").write_text("rules: [规则/]\n", encoding="utf-8")
    drafts = folder / "稿"
    drafts.mkdir()
    _txt(drafts, "甲.txt", "a" * 45 + "b\n")
    _txt(drafts, "乙.txt")
    return ["check", str(drafts)]


def alias_bomb_in_options(folder: Path) -> list[str]:
    bomb = "".join(f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 10))
    (folder / ".fazhi-lint.yaml").write_text("options:\n  a0: &a0 [x]\n" + bomb, encoding="utf-8")
    _txt(folder)
    return ["check", str(folder / "草稿.txt")]


def region_as_list_of_lists(folder: Path) -> list[str]:
    (folder / ".fazhi-lint.yaml").write_text('context:\n  "*.txt": {region: [[北京市, 东城区]]}\n', encoding="utf-8")
    _txt(folder)
    return ["check", str(folder / "草稿.txt")]


def own_reviewed_docx(folder: Path) -> list[str]:
    _txt(folder, "长稿.txt", DRAFT * 3000)
    subprocess.run([*FAZHI, "annotate", str(folder / "长稿.txt"), "--no-config"], cwd=ROOT, capture_output=True,
                   timeout=TIMEOUT, check=False)
    (folder / "长稿.txt").unlink()
    return ["check", str(folder / "长稿.reviewed.docx"), "--no-config"]


def zero_width(folder: Path) -> list[str]:
    _txt(folder, "零宽.txt", DRAFT.replace("截止", "截\u200b止").replace("法制", "法\u200d制"))
    return ["check", str(folder / "零宽.txt"), "--no-config", "--format", "concise"]


def _exit(*codes: int) -> Callable[[int, str, str], bool]:
    return lambda code, out, err: code in codes and "Traceback" not in err + out


CASES = [
    Case("-o onto the input", output_onto_input, "exit 2, input kept", _exit(2)),
    Case("FIFO *.txt in a folder", fifo_in_folder, "skipped with a notice", _exit(1)),
    Case("symlink to /dev/zero", dev_zero, "one load finding", _exit(1)),
    Case("540k-char paragraph → JSON", long_paragraph_json, "report linear in findings", _exit(1)),
    Case("zip bomb (400 MB zeros)", zip_bomb, "refused as a bomb", _exit(1)),
    Case("190 MB XML, small file", xml_bomb_under_the_declared_limit, "refused, bounded memory", _exit(1)),
    Case("XXE (file:///etc/passwd)", xxe, "refused, nothing read", lambda c, o, e: c == 1 and "root:" not in o),
    Case("40 nested tables", nested_tables, "checked", _exit(0, 1)),
    Case("numbering %1×9 from 32767", numbering_labels, "checked, bounded", _exit(0, 1)),
    Case("numbering style cycle", numbering_cycle, "checked", _exit(0, 1)),
    Case("100k paragraphs → JSON", hundred_thousand_paragraphs, "checked", _exit(1)),
    Case("user regex (a|aa)+$", catastrophic_user_regex, "bounded by a time limit", _exit(0, 1, 2)),
    Case("YAML alias bomb in options", alias_bomb_in_options, "config error, exit 2", _exit(2)),
    Case("context.region list of lists", region_as_list_of_lists, "config error, exit 2", _exit(2)),
    Case("own .reviewed.docx (large)", own_reviewed_docx, "checked, not a bomb", _exit(0, 1)),
    Case("zero-width 截\\u200b止", zero_width, "截止 still found", lambda c, o, e: "截" in o),
]


def _hashes(folder: Path) -> dict[str, str]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink() and "out" not in path.parts and not path.name.endswith(".json"):
            found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _peak_mb(pid: int) -> float:
    """The largest VmHWM among the process and its descendants now, in MB."""
    peak, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        found = re.search(r"VmHWM:\s*(\d+)", status)
        peak = max(peak, int(found.group(1)) / 1024 if found else 0)
        todo += [int(child) for child in children]
    return peak


def _read(stream) -> str:
    stream.seek(0)
    return stream.read().decode("utf-8", "replace")


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_case(case: Case, folder: Path) -> tuple[str, float, float, bool]:
    arguments = case.prepare(folder)
    before = _hashes(folder)
    started = time.monotonic()
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        # its own process group, so that a hung run's worker processes are killed with it
        process = subprocess.Popen([*FAZHI, *arguments], cwd=ROOT, stdout=out_file, stderr=err_file,
                                   stdin=subprocess.DEVNULL, preexec_fn=_limit_memory, start_new_session=True)  # noqa: PLW1509 (no threads run here)
        peak, killed = 0.0, False
        while process.poll() is None:
            peak = max(peak, _peak_mb(process.pid))
            if time.monotonic() - started > TIMEOUT:
                os.killpg(process.pid, signal.SIGKILL)
                killed = True
            time.sleep(0.05)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # workers left behind by a run that exited
        out, err = (_read(stream) for stream in (out_file, err_file))
    seconds = time.monotonic() - started
    if killed:
        outcome = f"HUNG: killed after {TIMEOUT} s"
    else:
        first = next((line for line in err.splitlines() if line.strip()), "") or next(
            (line for line in out.splitlines() if line.strip()), "")
        verdict = "ok" if case.good(process.returncode, out, err) else f"NOT MET ({case.expect})"
        outcome = f"{verdict}; exit {process.returncode}: {first[:70]}"
    return outcome, seconds, peak, _hashes(folder) == before


def serve_row() -> tuple[str, float, float, bool]:
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "load_serve.py"), "--concurrent", "50", "--waves", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    rows = [line.split() for line in done.stdout.splitlines() if re.match(r"\s+1\s", line)]
    peak = float(rows[0][-1]) if rows else 0.0
    outcome = (f"{'ok' if done.returncode == 0 else 'NOT MET'}; {rows[0][2]}/{rows[0][1]} correct, p95 {rows[0][6]} s"
               if rows else f"NOT MET: {done.stdout[-200:]} {done.stderr[-200:]}")
    return outcome, time.monotonic() - started, peak, True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    print(f"{'case':<32} {'time s':>7} {'peak MB':>8} {'inputs':>7}  outcome")
    failed = 0
    for case in CASES:
        if args.only not in case.name:
            continue
        with tempfile.TemporaryDirectory(prefix="fazhi-reliability-") as scratch:
            outcome, seconds, peak, kept = run_case(case, Path(scratch))
        failed += not outcome.startswith("ok") or not kept
        print(f"{case.name:<32} {seconds:>7.1f} {peak:>8.0f} {'same' if kept else 'CHANGED':>7}  {outcome}", flush=True)
    if not args.skip_serve and args.only in "serve: 50 concurrent uploads":
        outcome, seconds, peak, kept = serve_row()
        failed += not outcome.startswith("ok")
        print(f"{'serve: 50 concurrent uploads':<32} {seconds:>7.1f} {peak:>8.0f} {'same':>7}  {outcome}", flush=True)
    print(f"{failed} case(s) not as expected")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
