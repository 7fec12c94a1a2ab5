"""Cross-document checks on the bench corpus: recall and false findings on seeded copies, and the cost.

    python bench/copy_detection.py [--corpus /tmp/corpus] [--copies 100] [--repeat 3]

Builds the 1,000-draft corpus (make_corpus.py, seed 8) unless --corpus names one, copies it, and seeds
it with paragraphs written here from a phrase bank (found nowhere in the seeds): each of `--copies`
goes into two .txt drafts of different issuing bodies, in the second with 0–3 characters changed;
as many decoys go into two drafts each as one paragraph and a rewrite of it on the same topic (they
must not be reported). Then `fazhi-lint check --select FZ355 --format json` over the seeded copy:
- recall: the seeded pairs found, both ways, by number of characters changed;
- false findings: decoys reported, and reported pairs whose two paragraphs an independent measure
  (difflib's ratio) puts below 0.7; pairs the corpus itself copied from one seed paragraph into drafts
  of different bodies are counted apart (true copies by construction).
And the time: `check --jobs 2` over the unseeded corpus, text output, with the cross-document rules and
without them (--ignore FZ351,...,FZ355), alternated `--repeat` times, the fastest of each; with peak
memory (PSS of the process tree) in a run of its own.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import TITLES, make_corpus
from measure import Run, run

CROSS = "FZ351,FZ352,FZ353,FZ354,FZ355"
TOPICS = ["推进“互联网+监管”", "规范涉企行政检查", "开展行政执法案卷评查", "深化政务公开", "办理人大代表建议",
          "化解信访积案", "建设公共法律服务站点", "推行柔性执法", "清理规范性文件", "培育法治宣传志愿者",
          "开展合同合法性审查", "完善行政裁量基准", "推进数字法治平台", "规范罚没财物管理", "组织旁听庭审"]
ACTIONS = ["制定工作台账并按月调度", "抽调业务骨干组成专班", "会同街道逐户走访", "引入第三方机构评估",
           "在门户网站开设专栏", "建立问题清单限期销号", "邀请律师全程参与", "开展交叉检查", "编印操作指引",
           "召开推进会通报进展", "设立群众意见箱", "组织集中培训考试", "对照标准逐项打分", "试行周末预约服务"]
RESULTS = ["群众满意率明显提升", "问题整改全部完成", "办理时限平均缩短", "未发生行政败诉案件",
           "形成可复制的经验做法", "相关做法被市级部门推广", "执法规范化水平稳步提高", "企业反映良好"]


def fresh_paragraph(rng: random.Random, topic: str | None = None) -> str:
    topic = topic or rng.choice(TOPICS)
    actions = rng.sample(ACTIONS, 3)
    return (f"{topic}。{actions[0]}，累计{rng.randint(11, 989)}次，{actions[1]}，覆盖{rng.randint(12, 97)}个社区，"
            f"{actions[2]}，{rng.choice(RESULTS)}。")


def edited(text: str, changes: int, rng: random.Random) -> str:
    characters = list(text)
    for position in rng.sample([i for i, c in enumerate(characters) if "\u4e00" <= c <= "\u9fff"], changes):
        characters[position] = rng.choice("甲乙丙丁戊己庚辛壬癸")
    return "".join(characters)


def body_of(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return next(title for title in TITLES if first.startswith(title))


def insert(path: Path, paragraph: str, rng: random.Random) -> None:
    data = path.read_bytes().decode("utf-8")
    newline = "\r\n" if "\r\n" in data else "\n"
    lines = data.split(newline)
    lines.insert(rng.randrange(3, max(4, len(lines) - 1)), paragraph)
    path.write_bytes(newline.join(lines).encode("utf-8"))


def line_of(path: Path, paragraph: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(paragraph) + 1


def seed(folder: Path, copies: int, rng: random.Random) -> tuple[list[tuple], list[tuple]]:
    """(file, text, file, text, changes) of each seeded copy, and (file, text, file, text) of each decoy."""
    drafts = sorted(folder.glob("*.txt"))
    bodies = {path: body_of(path) for path in drafts}
    pairs, decoys = [], []
    for number in range(2 * copies):
        first = rng.choice(drafts)
        second = rng.choice([d for d in drafts if bodies[d] != bodies[first]])
        paragraph = fresh_paragraph(rng, TOPICS[number % len(TOPICS)])
        if number < copies:
            changes = number % 4
            other = edited(paragraph, changes, rng)
            pairs.append((first, paragraph, second, other, changes))
        else:
            other = fresh_paragraph(rng, paragraph.split("。")[0])
            decoys.append((first, paragraph, second, other))
        insert(first, paragraph, rng)
        insert(second, other, rng)
    return pairs, decoys


def findings(folder: Path) -> list[tuple[str, int, str, int, str]]:
    command = [sys.executable, "-m", "checker", "check", str(folder), "--select", "FZ355", "--format", "json",
               "--jobs", "2", "--no-config"]
    report = json.loads(subprocess.run(command, capture_output=True, check=False).stdout)
    return [(r["path"], f["line"], f["related"][0]["path"], f["related"][0]["line"], f["excerpt"])
            for r in report["files"] for f in r["findings"]]


def paragraph_at(path: str, line: int) -> str:
    from checker.loaders import load

    return load(path).line(line).text


def quality(folder: Path, copies: int, rng: random.Random) -> None:
    pairs, decoys = seed(folder, copies, rng)
    reported = {(a, la, b, lb) for a, la, b, lb, _ in findings(folder)}
    by_changes: dict[int, list[int]] = {}
    seeded = set()
    for first, text, second, other, changes in pairs:
        ends = ((str(first), line_of(first, text)), (str(second), line_of(second, other)))
        found = [(a, la, b, lb) in reported for (a, la), (b, lb) in (ends, ends[::-1])]
        by_changes.setdefault(changes, []).extend(found)
        seeded |= {(*ends[0], *ends[1]), (*ends[1], *ends[0])}
    decoy_hits = 0
    for first, text, second, other in decoys:
        ends = ((str(first), line_of(first, text)), (str(second), line_of(second, other)))
        decoy_hits += sum((*a, *b) in reported for a, b in (ends, ends[::-1]))
    own, false = 0, 0
    for a, la, b, lb in reported - seeded:
        ratio = difflib.SequenceMatcher(None, paragraph_at(a, la), paragraph_at(b, lb)).ratio()
        own, false = (own + 1, false) if ratio >= 0.7 else (own, false + 1)
    total = sum(len(v) for v in by_changes.values())
    print(f"seeded copies: {len(pairs)} pairs, {total} findings expected (both ways)")
    for changes in sorted(by_changes):
        hits = by_changes[changes]
        print(f"  {changes} characters changed: found {sum(hits)}/{len(hits)}")
    print(f"recall {sum(sum(v) for v in by_changes.values())}/{total}")
    print(f"decoys (a paragraph and its rewrite): {len(decoys)} pairs, reported {decoy_hits} times")
    print(f"other findings: {own} between paragraphs the corpus copied from one seed paragraph (difflib ≥ 0.7), "
          f"{false} false (difflib < 0.7)")


def time_ratio(check: list[str], repeat: int) -> tuple[Run, Run, Run]:
    """`check` (a command over the corpus, --jobs 2) without and with the cross-document rules,
    alternated `repeat` times, the fastest of each; and the peak memory with them, in a run of its own."""
    on, off = [], []
    for _ in range(repeat):
        off.append(run([*check, "--ignore", CROSS]))
        on.append(run(check))
    return min(off, key=lambda r: r.seconds), min(on, key=lambda r: r.seconds), run(check, memory=True)


def timing(folder: Path, repeat: int) -> None:
    check = [sys.executable, "-m", "checker", "check", str(folder), "--jobs", "2", "--no-config"]
    best_off, best_on, memory = time_ratio(check, repeat)
    print(f"--jobs 2, text output: without cross-document rules {best_off.seconds:.2f} s (CPU {best_off.cpu_seconds:.2f} s), "
          f"with them {best_on.seconds:.2f} s (CPU {best_on.cpu_seconds:.2f} s): {best_on.seconds / best_off.seconds:.2f}× "
          f"(target ≤ 1.5×), CPU {best_on.cpu_seconds / best_off.cpu_seconds:.2f}×")
    print(f"peak memory with them: PSS {memory.peak_pss_mb:.0f} MB, RSS total {memory.peak_total_mb:.0f} MB, "
          f"largest process {memory.peak_single_mb:.0f} MB (target ≤ 150 MB PSS)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-timing", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fazhi-copy-") as work:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(work) / "corpus"
            make_corpus(corpus, 1000, 8, 0.2)
        seeded = Path(work) / "seeded"
        shutil.copytree(corpus, seeded)
        quality(seeded, args.copies, random.Random(19))
        if not args.skip_timing:
            timing(corpus, args.repeat)


if __name__ == "__main__":
    main()
