"""How lint time grows with list size: a benchmark, not a test.

Two comparisons, measured in the same run over the same document (the five seed drafts repeated):
  - the foreign-place rules (FZ301, FZ302), alone and within a lint by every built-in rule, with a
    gazetteer of 100 places vs the full one (~3,200 places, ~6,100 names with short forms); the
    100 include 阆中, so that both find the same hits and only the list's size differs;
  - an existence rule with 10 vs 1,000 terms (the 10 plus 990 that never occur, so both find the
    same hits and only the matcher's size differs).
Each list compiles once into one matcher, so the ratio (large / small) should stay near 1; the
target is ≤ 1.15×. Run: python bench/bench_rule_growth.py [--repeat N] [--copies N]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from checker.api import document_from_text
from checker.document.model import Document
from checker.document.places import Gazetteer, gazetteer
from checker.engine.ruleset import Rule, load_rules
from checker.engine.run import lint
from checker.rules import existence, foreign_place

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TARGET = 1.15
REAL_TERMS = ["法制宣传", "法制教育", "权利运行", "近290余件", "行政处罚法", "信访条例", "法治阆中", "已归档", "我局", "文明城区"]


@dataclass
class Row:
    what: str
    small: str
    large: str
    small_seconds: float
    large_seconds: float
    alone: bool = False  # one rule measured by itself, not a whole lint

    @property
    def ratio(self) -> float:
        return self.large_seconds / self.small_seconds


def document_of(copies: int) -> Document:
    drafts = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    document = document_from_text("\n".join([drafts] * copies))
    document.context.region = ["北京市", "东城区"]
    document.context.body = "东城区园林绿化局"
    return document


def _best_of(repeat: int, small: Callable[[], object], large: Callable[[], object]) -> tuple[float, float]:
    """The best CPU time of each (other processes on the machine do not count), the two runs
    interleaved so that warm-up and noise hit both alike."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for index, run in enumerate((small, large)):
            start = time.process_time()
            run()
            best[index] = min(best[index], time.process_time() - start)
    return best[0], best[1]


def _small_gazetteer(full: Gazetteer, size: int, keep: list[str]) -> Gazetteer:
    """`size` places: those named in `keep` with their ancestors, then the first ones in code order
    (北京 comes first, so the report's region is known)."""
    kept = {p.code for name in keep for place in full.lookup(name) for p in full.chain(place)}
    codes = sorted(kept) + [c for c in sorted(full.places) if c not in kept][: size - len(kept)]
    return Gazetteer({code: full.places[code] for code in codes})


def _with_gazetteer(rules: list[Rule], places: Gazetteer) -> list[Rule]:
    """The rule set with its foreign-place rules compiled over `places`."""
    return [replace(rule, check=foreign_place.compile_with(rule.options, places)) if rule.type == foreign_place.TYPE
            else rule for rule in rules]


def unused_terms(count: int) -> list[str]:
    """Four-character terms from CJK Extension A, which no draft contains."""
    return [chr(0x3400 + i) + chr(0x3500 + i % 97) + chr(0x3600 + i % 89) + chr(0x3700 + i % 83) for i in range(count)]


def measure(repeat: int = 20, copies: int = 20) -> list[Row]:
    document = document_of(copies)
    rules = [rule for rule in load_rules() if rule.check is not None]
    full = gazetteer()
    # the places the seeds' findings name (阆中) are in both lists, so that both find the same hits, and
    # those the rules' options name (nicknames' and aliases' places), which a rule compiled over the list must find
    named = [full_name for rule in rules if rule.type == foreign_place.TYPE for option in ("nicknames", "aliases")
             for targets in rule.options.get(option, {}).values() for full_name in str(targets).split("、")]
    small = _small_gazetteer(full, 100 + len(named), keep=["阆中市", *named])
    sizes = f"{len(small.by_name)} 名", f"{len(full.by_name)} 名"
    rows = []
    for rule in (r for r in rules if r.type == foreign_place.TYPE):
        checks = [foreign_place.compile_with(rule.options, places) for places in (small, full)]
        seconds = _best_of(repeat, *(lambda c=check: list(c(document)) for check in checks))
        rows.append(Row(f"{rule.id} 地名表", *sizes, *seconds, alone=True))
    rule_sets = [_with_gazetteer(rules, places) for places in (small, full)]
    # a whole lint takes ~100× longer than one rule: fewer runs give the same confidence
    seconds = _best_of(max(3, repeat // 5), *(lambda r=rule_set: lint(document, r, None) for rule_set in rule_sets))
    rows.append(Row(f"全部{len(rules)}条规则 地名表", *sizes, *seconds))
    defaults = {name: option.default for name, option in existence.OPTIONS.items()}
    checks = [existence.compile({**defaults, "tokens": terms}) for terms in (REAL_TERMS, REAL_TERMS + unused_terms(990))]
    seconds = _best_of(repeat, *(lambda c=check: list(c(document)) for check in checks))
    rows.append(Row("existence 词表", "10 词", "1000 词", *seconds, alone=True))
    seconds = in_whole_lint(document, rules, existence.TYPE, checks, repeat)
    rows.append(Row(f"全部{len(rules)}条规则＋existence 词表", "10 词", "1000 词", *seconds))
    return rows


def in_whole_lint(document: Document, rules: list[Rule], rule_type: str, checks: list[Callable], repeat: int) -> tuple[float, float]:
    """What a user waits for: the whole rule set with one more rule of `rule_type` whose check is each
    of `checks` (the short list's, the long list's)."""
    host = next(rule for rule in rules if rule.type == rule_type)
    rule_sets = [[*rules, replace(host, id="FZ999", check=check)] for check in checks]
    return _best_of(max(3, repeat // 5), *(lambda r=rule_set: lint(document, r, None) for rule_set in rule_sets))


def report(rows: list[Row]) -> str:
    lines = [f"{'比较':<16}{'小':>10}{'大':>10}{'小(ms)':>10}{'大(ms)':>10}{'比值':>8}"]
    for row in rows:
        flag = "" if row.ratio <= TARGET else f"  > {TARGET}"
        lines.append(f"{row.what:<16}{row.small:>10}{row.large:>10}{row.small_seconds * 1000:>10.1f}"
                     f"{row.large_seconds * 1000:>10.1f}{row.ratio:>7.2f}×{flag}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs per measurement; the best is kept")
    parser.add_argument("--copies", type=int, default=20, help="copies of the five seeds in the document")
    arguments = parser.parse_args()
    print(report(measure(arguments.repeat, arguments.copies)))


if __name__ == "__main__":
    main()
