"""A reproducible corpus of synthetic drafts built from the seeds' paragraphs, for the benchmarks.

    python bench/make_corpus.py OUT --count 1000 --seed 8 [--docx-share 0.2]

Each draft: a title block, then runs of consecutive seed paragraphs (so headings keep their
bodies) drawn from random seeds and shuffled, with the slips real drafts have mutated in
(法治→法制, 权力→权利, half-width commas, 近…余, a stray space, "二、"→"2、", a year shifted) until
it reaches its drawn size. Sizes (UTF-8 text) are log-uniform: 97 % between 5 and 40 KB, like
real reports, 3 % between 40 KB and 2 MB. A share of the drafts is written as .docx, half of them
with the heading numbers as Word automatic numbering (numbering.xml) instead of typed text.
The same --seed always gives the same files.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from docx_factory import abstract_num, make_docx, num

SEEDS = ROOT / "seeds"
KB = 1024
SMALL, LARGE, TAIL_SHARE = (5 * KB, 40 * KB), (40 * KB, 2048 * KB), 0.03
MUTATIONS = [
    (r"法治(?=政府|社会|宣传|思维|意识|建设)", "法制"),
    (r"权力(?=清单|运行)", "权利"),
    (r"(?<=\p{Han})，(?=\p{Han})", ","),
    (r"(?<=\d)(?=件|次)", "余"),
    (r"(?<=\p{Han})(?=\p{Han})", " "),
    (r"^二、", "2、"),
    (r"2021年", "2020年"),
    (r"截至", "截止"),
]
WORD_LEVELS = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）")]
TYPED_MARKER = regex.compile(r"^\s*(?:(?P<l1>[一二三四五六七八九十]+、)|(?P<l2>（[一二三四五六七八九十]+）)"
                             r"|(?P<l3>\d+\.(?!\d))|(?P<l4>（\d+）))\s*")
TITLES = ["东城区园林绿化局", "东城区人防办", "北京市延庆区人民政府", "西红门镇人民政府", "东城区科信局", "阆中市司法局",
          "朝阳区市场监督管理局", "大兴区人民政府"]


def seed_paragraphs() -> list[list[str]]:
    return [[line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            for path in sorted(SEEDS.glob("*.txt"))]


def draw_size(rng: random.Random) -> int:
    low, high = LARGE if rng.random() < TAIL_SHARE else SMALL
    return int(math.exp(rng.uniform(math.log(low), math.log(high))))


def mutate(line: str, rng: random.Random) -> str:
    if rng.random() < 0.08:
        pattern, replacement = rng.choice(MUTATIONS)
        matches = list(regex.finditer(pattern, line))
        if matches:
            match = rng.choice(matches)
            line = line[:match.start()] + replacement + line[match.end():]
    return line


def draft_lines(size: int, seeds: list[list[str]], rng: random.Random) -> list[str]:
    body = rng.choice(TITLES)
    year = rng.choice([2020, 2021, 2022])
    lines = [body, f"{year}年法治政府建设年度情况报告"] if rng.random() < 0.5 else [f"{body}{year}年法治政府建设年度情况报告"]
    total = sum(len(line.encode()) for line in lines)
    while total < size:
        seed = rng.choice(seeds)
        start = rng.randrange(len(seed))
        for line in seed[start:start + rng.randint(3, 12)]:
            line = mutate(line, rng)
            lines.append(line)
            total += len(line.encode()) + 1
    return lines


def docx_items(lines: list[str], auto_numbering: bool) -> list:
    """Paragraphs for make_docx; typed heading numbers become Word list numbers when asked."""
    items: list = []
    for line in lines:
        match = TYPED_MARKER.match(line) if auto_numbering else None
        if match and match.end() < len(line):
            level = int(match.lastgroup[1]) - 1
            items.append((line[match.end():], {"num": (1, level)}))
        else:
            items.append(line)
    return items


def make_corpus(out: Path, count: int, seed: int, docx_share: float) -> list[Path]:
    rng = random.Random(seed)
    seeds = seed_paragraphs()
    out.mkdir(parents=True, exist_ok=True)
    numbering = [abstract_num(1, WORD_LEVELS), num(1, 1)]
    written = []
    for index in range(count):
        lines = draft_lines(draw_size(rng), seeds, rng)
        if rng.random() < docx_share:
            auto = rng.random() < 0.5
            path = out / f"draft{index:05d}{'-autonum' if auto else ''}.docx"
            make_docx(path, docx_items(lines, auto), numbering=numbering if auto else None)
        else:
            path = out / f"draft{index:05d}.txt"
            newline = "\r\n" if rng.random() < 0.2 else "\n"
            path.write_bytes((newline.join(lines) + newline).encode("utf-8"))
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--docx-share", type=float, default=0.2)
    args = parser.parse_args()
    files = make_corpus(args.out, args.count, args.seed, args.docx_share)
    size = sum(p.stat().st_size for p in files)
    print(f"{len(files)} files, {size / 2**20:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
