"""How long `fazhi-lint annotate` takes on one long draft (issue 21 item 7: linear, not quadratic).

    python bench/annotate_time.py                     # 2,500, 5,000 and 10,000 paragraphs
    python bench/annotate_time.py --paragraphs 10000  # one size

Each draft is a .docx of the seeds' lines repeated until it holds N paragraphs (the seeds carry
their slips, so the reviewed copy gets thousands of comments); the command is the installed
`fazhi-lint annotate --word-detail all` (one comment per finding, the most work) into a temporary
folder. Prints paragraphs, comments, wall seconds and seconds per 1,000 paragraphs: a linear
annotate keeps the last column flat.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_lines() -> list[str]:
    return [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]


def long_draft(target: Path, paragraphs: int) -> None:
    lines = seed_lines()
    word = docx.Document()
    for index in range(paragraphs):
        word.add_paragraph(lines[index % len(lines)])
    word.save(target)


def fazhi_lint() -> str:
    beside = Path(sys.executable).with_name("fazhi-lint")
    return str(beside) if beside.exists() else shutil.which("fazhi-lint") or "fazhi-lint"


def annotate_seconds(draft: Path, out: Path, detail: str) -> tuple[float, str]:
    start = time.perf_counter()
    run = subprocess.run([fazhi_lint(), "annotate", str(draft), "--output-dir", str(out), "--force",
                          "--word-detail", detail, "--year", "2021", "--body", "东城区人民政府"],
                         check=False, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode not in (0, 1):
        raise SystemExit(f"annotate failed ({run.returncode}): {run.stderr[-500:]}")
    return seconds, run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, action="append")
    parser.add_argument("--detail", default="all", choices=["all", "grouped"])
    args = parser.parse_args()
    sizes = args.paragraphs or [2500, 5000, 10000]
    print(f"{'paragraphs':>10}  {'seconds':>8}  {'s/1k':>6}  output")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            draft = Path(folder) / f"long{size}.docx"
            long_draft(draft, size)
            seconds, said = annotate_seconds(draft, Path(folder) / "out", args.detail)
            print(f"{size:>10}  {seconds:>8.1f}  {seconds / size * 1000:>6.2f}  {said}")


if __name__ == "__main__":
    main()
