"""Every benchmark side by side in one run, printed as one table with targets and ratios.

    python bench/run.py                 # the full run (corpus of 1,000 drafts, peers installed)
    python bench/run.py --count 200     # smaller corpus
    python bench/run.py --skip-peers    # no ripgrep / zhlint / AutoCorrect
    python bench/run.py --json-peers-only --keep DIR  # only the 300-draft JSON rows against AutoCorrect and ripgrep
    python bench/run.py --with-50mb     # also the 50 MB .txt (time and peak RSS)
    python bench/run.py --from-checkout # `python -m checker` from this checkout instead of a fresh `pip install .`

Run it on a quiet machine: the load average is printed first, and every ratio means little when
other processes share the cores. Not part of the test run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_rule_growth
import copy_detection
from make_corpus import make_corpus
from measure import best_cpu, run
from peers import autocorrect, ripgrep, zhlint
from rule_count import absent_terms, substitution_growth

from checker.document.places import gazetteer
from checker.engine.config import default_config
from checker.engine.run import lint
from checker.engine.selection import build_ruleset
from checker.loaders import load

# From the checkout until main() installs the package (--from-checkout keeps these)
FAZHI = [sys.executable, "-m", "checker"]
CHECK_ARGUMENTS = ["check", "--no-config", "-o", os.devnull]  # the default text format
CHECK = [*FAZHI, *CHECK_ARGUMENTS]
MB = 2**20


@dataclass
class Row:
    number: str
    measurement: str
    result: str
    target: str
    ok: bool | None  # None: no target, or not measured


def _mb(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / MB


def _gather(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.glob(pattern))


def startup(seed: Path) -> list[Row]:
    rows = []
    for label, command in (("fazhi-lint --version", [*FAZHI, "--version"]), ("检查一个文件（种子 000）", [*CHECK, str(seed)])):
        run(command)  # warm the page cache and the .pyc files
        runs = [run(command) for _ in range(7)]
        wall = statistics.median(r.seconds for r in runs)
        cpu = statistics.median(r.cpu_seconds for r in runs)
        rows.append(Row("2", f"启动：{label}（7 次中位数）", f"{wall * 1000:.0f} ms（CPU {cpu * 1000:.0f} ms）", "≤ 300 ms",
                        wall <= 0.3))
    return rows


def throughput(folder: Path, texts: list[Path]) -> list[Row]:
    """MB/s per core: bytes over the CPU time of one process (--jobs 1), so other load does not count."""
    size = _mb(texts)
    end_to_end = min((run([*CHECK, "--jobs", "1", "--include", "*.txt", str(folder)]) for _ in range(3)), key=lambda r: r.cpu_seconds)
    ruleset = build_ruleset(default_config())
    rules = ruleset.selected()
    context_rule = ruleset.by_name("context-unknown")
    started = time.process_time()
    documents = [load(str(p)) for p in texts]
    loading = time.process_time() - started
    engine = best_cpu(lambda: [lint(d, rules, context_rule) for d in documents], 1)
    rows = [
        Row("1", f".txt 吞吐，端到端（{len(texts)} 个文件 {size:.1f} MB，--jobs 1，文本输出，3 次最少）",
            f"{size / end_to_end.cpu_seconds:.2f} MB/s（墙钟 {end_to_end.seconds:.1f} s）", "≥ 5 MB/s/核",
            size / end_to_end.cpu_seconds >= 5),
        Row("1", ".txt 吞吐，读取与分析（进程内）", f"{size / loading:.2f} MB/s", "", None),
        Row("1", f".txt 吞吐，仅规则引擎（{len(rules)} 条规则，进程内）", f"{size / engine:.2f} MB/s", "≥ 5 MB/s/核",
            size / engine >= 5),
    ]
    return rows


def folder_jobs(folder: Path, count: int) -> list[Row]:
    """Wall time, so --jobs 1 and --jobs 2 alternate three times and each side keeps its fastest run:
    both meet the same moments of this shared machine, whose speed drifts by 20% between minutes."""
    ones, twos = [], []
    for _ in range(3):
        ones.append(run([*CHECK, "--jobs", "1", str(folder)]))
        twos.append(run([*CHECK, "--jobs", "2", str(folder)]))
    one, two = min(ones, key=lambda r: r.seconds), min(twos, key=lambda r: r.seconds)
    two_json = run([*CHECK, "--jobs", "2", "--format", "json", str(folder)])
    # memory in runs of their own: sampling it slows the run it samples (measure.run)
    text_memory = max((run([*CHECK, "--jobs", "2", str(folder)], memory=True) for _ in range(2)), key=lambda r: r.peak_pss_mb)
    json_memory = run([*CHECK, "--jobs", "2", "--format", "json", str(folder)], memory=True)
    speedup = one.seconds / two.seconds
    return [
        Row("3", f"{count} 份文稿的文件夹：--jobs 1（3 次最快）", f"{one.seconds:.1f} s", "", None),
        Row("3", f"{count} 份文稿的文件夹：--jobs 2（3 次最快）", f"{two.seconds:.1f} s", "≤ 5 s（2 核）", two.seconds <= 5),
        Row("3", "--jobs 2 相对 --jobs 1 的加速", f"{speedup:.2f}×", "≥ 1.7×", speedup >= 1.7),
        Row("3", f"{count} 份文稿的文件夹：--jobs 2 --format json", f"{two_json.seconds:.1f} s", "", None),
        *(Row("8", f"{count} 份文稿 --jobs 2 峰值内存，{label}", f"PSS {r.peak_pss_mb:.0f} MB，RSS 合计 "
              f"{r.peak_total_mb:.0f} MB，单进程最大 {r.peak_single_mb:.0f} MB", "≤ 150 MB", r.peak_pss_mb <= 150)
          for label, r in (("文本输出，2 次中最高", text_memory), ("JSON 输出", json_memory))),
    ]


def cross_document(folder: Path, count: int) -> list[Row]:
    """Issue 19: the folder with the cross-document checks (the default) and without them."""
    off, on, memory = copy_detection.time_ratio([*CHECK, "--jobs", "2", str(folder)], 3)
    ratio = on.seconds / off.seconds
    return [
        Row("3", f"{count} 份文稿 --jobs 2：跨文稿检查关闭 → 开启（3 次最快）", f"{off.seconds:.1f} s → {on.seconds:.1f} s，"
            f"{ratio:.2f}×（CPU {on.cpu_seconds / off.cpu_seconds:.2f}×）", "≤ 1.5×", ratio <= 1.5),
        Row("8", f"{count} 份文稿 --jobs 2 峰值内存，跨文稿检查开启", f"PSS {memory.peak_pss_mb:.0f} MB", "≤ 150 MB",
            memory.peak_pss_mb <= 150),
    ]


def growth(work: Path) -> list[Row]:
    from checker.engine.batch import Options, check_file

    base = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))) + "\n"
    times = {}
    for factor in (1, 10, 100):
        path = work / f"growth{factor}.txt"
        path.write_text(base * factor, encoding="utf-8")
        check_file(str(path), Options(no_config=True))  # compile the rules outside the timing
        times[factor] = best_cpu(lambda file=str(path): check_file(file, Options(no_config=True)), 3 if factor < 100 else 1)
    size = len(base.encode()) / 1024
    return [Row("4", f"规模增长：{factor}× 文本（{size * factor:.0f} KB）耗时 ÷ 1× 耗时 ÷ {factor}",
                f"{times[factor] / times[1] / factor:.2f}（{times[factor]:.2f} s）", "≈ 1（线性）",
                times[factor] / times[1] / factor <= 1.3) for factor in (10, 100)]


def rule_count() -> list[Row]:
    """The target is what a user waits for, a whole lint; the rows of one rule alone show its matcher's
    own growth, which the ripgrep rows put beside the physical limit's."""
    rows = [*bench_rule_growth.measure(repeat=5, copies=20), *substitution_growth(repeat=5, copies=20)]
    return [Row("5", f"规则表增长：{r.what} {r.large} ÷ {r.small}{'（单条规则单独运行，诊断）' if r.alone else ''}",
                f"{r.ratio:.2f}×（{r.small_seconds * 1000:.0f} → {r.large_seconds * 1000:.0f} ms CPU）",
                "" if r.alone else "≤ 1.15×", None if r.alone else r.ratio <= 1.15) for r in rows]


def physical_limit(folder: Path, texts: list[Path], work: Path) -> list[Row]:
    """ripgrep and our end-to-end check, alternated, the least CPU of three each: the two sides are
    measured alike and at the same moments (this shared machine's speed drifts by 20% from minute to
    minute)."""
    rg = ripgrep()
    if rg is None:
        return [Row("6", "ripgrep 固定串扫描", "未安装（apt-get install ripgrep）", "", None)]
    patterns = scanned_words(work)
    scans, ours = [], []
    for _ in range(3):
        scans.append(run([rg, "-F", "-f", str(patterns), "-j", "1", "--count-matches", "-g", "*.txt", str(folder)]).cpu_seconds)
        ours.append(run([*CHECK, "--jobs", "1", "--include", "*.txt", str(folder)]).cpu_seconds)
    scan, check = min(scans), min(ours)
    return [Row("6", f"ripgrep -F -f（{len(patterns.read_text().splitlines())} 个固定串，单线程，3 次最少）", f"{scan:.2f} s CPU", "", None),
            Row("6", f"我们（端到端 --jobs 1，3 次最少）：{check:.2f} s CPU ÷ ripgrep", f"{check / scan:.1f}×", "≤ 20×", check / scan <= 20)]


def scanned_words(work: Path) -> Path:
    """The file of what rg scans for: the gazetteer's names and the rule packs' plain words."""
    patterns = work / "patterns.txt"
    patterns.write_text("\n".join(sorted(set(gazetteer().by_name) | rule_pack_words())) + "\n", encoding="utf-8")
    return patterns


def json_peers(texts: list[Path], work: Path) -> list[Row]:
    """Issue 20: the first 300 .txt drafts, --jobs 1, JSON output, against AutoCorrect (one thread, JSON)
    and a one-thread `rg -F -f` of the gazetteer and term lists over the same files; alternated, the
    least CPU of three each."""
    sample = work / "first300"
    sample.mkdir(exist_ok=True)
    for path in texts[:300]:
        if not (sample / path.name).exists():
            shutil.copy(path, sample / path.name)
    chosen = _gather(sample, "*.txt")
    size = _mb(chosen)
    rg, corrector = ripgrep(), autocorrect(work / "npm")
    patterns = scanned_words(work) if rg else None
    ours, theirs, scans = [], [], []
    for _ in range(3):
        ours.append(run([*CHECK, "--jobs", "1", "--format", "json", str(sample)]).cpu_seconds)
        if corrector:
            # in the folder itself: it applies the .gitignore of the folder it runs in (this checkout's
            # ignores /tmp/) to the paths it is given
            theirs.append(run([*corrector, "."], cwd=sample).cpu_seconds)
        if rg:
            scans.append(run([rg, "-F", "-f", str(patterns), "-j", "1", "--count-matches", str(sample)]).cpu_seconds)
    check = min(ours)
    rows = [Row("7", f"我们 --format json（前 300 个 .txt，{len(chosen)} 个，{size:.1f} MB，--jobs 1，3 次最少）",
                f"{check:.2f} s CPU（{size / check:.2f} MB/s）", "", None)]
    if corrector:
        rows.append(Row("7", f"我们 ÷ AutoCorrect 2.14.0（--lint --threads 1 --format json，同一 300 个，3 次最少 {min(theirs):.2f} s CPU）",
                        f"{check / min(theirs):.2f}×", "≤ 1×", check <= min(theirs)))
    else:
        rows.append(Row("7", "AutoCorrect（npm autocorrect-node）", "无法安装", "", None))
    if rg:
        rows.append(Row("6", f"我们 --format json ÷ ripgrep -F -f 单线程（同一 300 个，3 次最少 {min(scans):.2f} s CPU）",
                        f"{check / min(scans):.1f}×", "≤ 15×", check / min(scans) <= 15))
    return rows


def list_growth_of_ripgrep(work: Path) -> list[Row]:
    """The physical limit's own growth, beside row 5: `rg -F -f` with the 10 real words vs those plus 990
    absent ones (CJK Extension A, or the document's own characters as in rule_count.py) over the rule-growth
    document repeated 20 times (~17 MB, so that the scan outweighs rg's start-up); the least CPU of five
    alternated runs each. No target: it shows what a fixed-string scan pays for a longer list."""
    rg = ripgrep()
    if rg is None:
        return []
    document = bench_rule_growth.document_of(20)
    text = work / "list-growth.txt"
    text.write_text("\n".join([document.view_text] * 20), encoding="utf-8")
    small = bench_rule_growth.REAL_TERMS
    rows = []
    for label, extra in (("CJK 扩展 A 字", bench_rule_growth.unused_terms(990)), ("文中常用字", absent_terms(document, 990))):
        lists = [work / "list-growth-small.txt", work / "list-growth-large.txt"]
        for patterns, words in zip(lists, (small, small + extra)):
            patterns.write_text("\n".join(words) + "\n", encoding="utf-8")
        command = [rg, "-F", "-j", "1", "--count-matches", "-f"]
        best = [float("inf"), float("inf")]
        for _ in range(5):
            for index, patterns in enumerate(lists):
                best[index] = min(best[index], run([*command, str(patterns), str(text)], ok=range(2)).cpu_seconds)
        rows.append(Row("5", f"参照：ripgrep -F 词表 1000 词（{label}）÷ 10 词，同一文本×20", f"{best[1] / best[0]:.2f}×（{best[0] * 1000:.0f} → "
                        f"{best[1] * 1000:.0f} ms CPU）", "", None))
    return rows


def rule_pack_words() -> set[str]:
    """The plain words in the rule packs' lists (term swaps, tokens, exceptions): what rg scans for."""
    words = set()
    for rule in build_ruleset(default_config()).rules:
        for value in rule.options.values():
            items = value.keys() if isinstance(value, dict) else value if isinstance(value, list) else ()
            words.update(item for item in items if isinstance(item, str) and item.isalpha())
    return words


def peer(texts: list[Path], work: Path) -> list[Row]:
    """zhlint and us over the same .txt files, one process each: the first 100 (there start-up weighs:
    our start-up is a large share) and all of them (zhlint's cost per MB grows with the larger drafts)."""
    command = zhlint(work / "npm")
    if command is None:
        return [Row("7", "zhlint（npm）", "无法安装", "", None)]
    rows = []
    # zhlint takes minutes over the whole corpus: three alternated runs (the least CPU of each side) only
    # over the first 100 files, where our share is small and the machine's drift weighs most
    for label, chosen, runs in (("前 100 个", texts[:100], 3), ("全部", texts, 1)):
        sample = work / ("peer" if len(chosen) == 100 else "peer-all")
        sample.mkdir(exist_ok=True)
        for path in chosen:
            shutil.copy(path, sample / path.name)
        size = _mb(_gather(sample, "*.txt"))
        theirs, ours = float("inf"), float("inf")
        for _ in range(runs):
            theirs = min(theirs, run([*command, "*.txt"], cwd=sample, ok=range(256)).cpu_seconds)
            ours = min(ours, run([*CHECK, "--jobs", "1", str(sample)]).cpu_seconds)
        least = f"，{runs} 次最少" if runs > 1 else ""
        # the target is the corpus's ratio; over the first 100 files our start-up weighs (a third of our time)
        whole = chosen is texts
        rows += [Row("7", f"zhlint 0.8.2（{label} .txt，{len(chosen)} 个，{size:.1f} MB{least}）", f"{size / theirs:.2f} MB/s", "", None),
                 Row("7", f"我们 ÷ zhlint 的吞吐（{label}{'' if whole else '，启动占比大，诊断'}）", f"{theirs / ours:.1f}×",
                     "≥ 10×" if whole else "", theirs / ours >= 10 if whole else None)]
    return rows


def docx_rate(folder: Path, documents: list[Path]) -> list[Row]:
    elapsed = min(run([*CHECK, "--jobs", "1", "--include", "*.docx", str(folder)]).cpu_seconds for _ in range(3))
    rate = len(documents) / elapsed
    return [Row("8", f".docx（{len(documents)} 个，{_mb(documents):.1f} MB，--jobs 1，端到端，CPU，3 次最少）", f"{rate:.0f} 个/秒",
                "≥ 100 个/秒/核", rate >= 100)]


def fifty_mb(work: Path) -> list[Row]:
    base = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))).encode()
    path = work / "big.txt"
    path.write_bytes(base * (50 * MB // len(base) + 1))
    done = run([*CHECK, str(path)], memory=True)
    return [Row("8", "50 MB .txt：耗时与峰值 RSS", f"{done.seconds:.0f} s，{done.peak_total_mb:.0f} MB",
                "内存有界", None)]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def print_table(rows: list[Row]) -> None:
    header = Row("#", "测量", "结果", "目标", None)
    widths = [max(_width(getattr(r, name)) for r in [header, *rows]) for name in ("measurement", "result", "target")]
    for row in [header, *rows]:
        verdict = "达标" if row is header else {True: "是", False: "否", None: "—"}[row.ok]
        cells = [_pad(getattr(row, name), width) for name, width in zip(("measurement", "result", "target"), widths)]
        print(f"{row.number:<2} {'  '.join(cells)}  {verdict}")


def compile_bytecode() -> None:
    """Write the package's .pyc files, as `pip install .` does: without them (PYTHONDONTWRITEBYTECODE=1,
    or an editable install never run before) every process recompiles its sources, which is not
    what a user's start-up costs."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "checker")], check=True)


def install(work: Path) -> list[str]:
    """fazhi-lint as the README's quick start installs it: `pip install .` into a fresh venv (pip
    byte-compiles it). Run from the checkout, every process also pays for the editable install's
    import finder and for whatever .pth start-up hooks this Python's site-packages hold, in every
    process, which no user's installed fazhi-lint pays."""
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(ROOT)], check=True)
    return [str(venv / "bin" / "fazhi-lint")]


def main() -> None:
    global FAZHI, CHECK
    parser = argparse.ArgumentParser(description="fazhi-lint benchmarks")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument("--with-50mb", action="store_true")
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    parser.add_argument("--from-checkout", action="store_true", help="run `python -m checker` from this checkout, not installed")
    parser.add_argument("--json-peers-only", action="store_true", help="only the 300-draft rows against AutoCorrect and ripgrep")
    args = parser.parse_args()
    compile_bytecode()  # the in-process measurements import the checkout
    print(f"负载（1/5/15 分钟）：{' '.join(f'{x:.2f}' for x in os.getloadavg())}，核心数 {os.cpu_count()}")
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-") as temporary:
        work = args.keep or Path(temporary)
        if not args.from_checkout:
            FAZHI = install(work)
            CHECK = [*FAZHI, *CHECK_ARGUMENTS]
        print(f"被测命令：{' '.join(FAZHI)}")
        folder = work / "drafts"
        if not folder.exists():
            make_corpus(folder, args.count, args.seed, docx_share=0.2)
        texts, documents = _gather(folder, "*.txt"), _gather(folder, "*.docx")
        print(f"语料：{len(texts)} 个 .txt（{_mb(texts):.1f} MB），{len(documents)} 个 .docx（{_mb(documents):.1f} MB），种子 {args.seed}")
        if args.json_peers_only:
            print_table(json_peers(texts, work))
            return
        rows = startup(ROOT / "seeds" / "000_c8eddf8a4fb2ca4f.txt")
        rows += throughput(folder, texts) + folder_jobs(folder, args.count) + cross_document(folder, args.count)
        rows += growth(work) + rule_count()
        if not args.skip_peers:
            rows += physical_limit(folder, texts, work) + json_peers(texts, work) + list_growth_of_ripgrep(work) + peer(texts, work)
        rows += docx_rate(folder, documents)
        if args.with_50mb:
            rows += fifty_mb(work)
        print_table(sorted(rows, key=lambda r: r.number))


if __name__ == "__main__":
    main()
