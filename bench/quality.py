"""Detection quality in one command: the evaluation corpus's scores, then the precision of the
free-text rules (issue 16 class 6) on synthetic drafts with slips put in at known places.

    python bench/quality.py                  # corpus score + 200 synthetic drafts
    python bench/quality.py --count 50 --seed 3 --skip-corpus

1. `../shared/corpus/score.py` (recall, traps, false findings per corpus), when the corpus is there.
2. The class-6 rules on the corpus: every finding of theirs is either an expected defect of the
   corpus or a false one (score.py's matching, read from its -v output).
3. `--count` drafts from `make_corpus.draft_lines` (the seeds' paragraphs, shuffled, with their
   mutations), each given `--slips` slips of the kinds the class-6 rules look for, at recorded
   places: a doubled function character or 的/了, a doubled word, a repeated clause, a typo from the
   rules' own confusion lists (a correct word turned into its listed misspelling). A finding that
   overlaps a slip put in is true. One that does not is true only when it flags what the same rule
   flags on a seed line that the seeds' reading (seeds/expected) lists (the seeds' own slips, which
   the drafts repeat); every other finding is false. Precision = true / all, per rule.
A rule ships at warning only with precision >= 90 % on both (corpus: no false finding).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import regex
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import draft_lines, draw_size, seed_paragraphs

from checker.api import lint_text
from checker.engine.ruleset import load_rules

FREE_TEXT = ["FZ504", "FZ505", "FZ506", "FZ514", "FZ515", "FZ516", "FZ530"]
CORPUS = ROOT.parent / "shared" / "corpus"
_HAN_RUN = regex.compile(r"\p{Han}{2,4}")
_CLAUSE = regex.compile(r"(?<=^|[，。；])[^，。；\n]{6,30}，")
_SENTENCE = regex.compile(r"[^。；\n]{19,}[。；]")


def _rules() -> dict:
    return {rule.id: rule for rule in load_rules() if rule.id in FREE_TEXT}


def _injectors(rules: dict) -> dict:
    """kind -> function(line, rng) -> (new line, start, end) or None; kinds named after the rule they test."""
    function_characters = regex.sub(r"[\[\]]", "", rules["FZ514"].options["unit"])

    def typo_of(rule: str):
        typos = {right: wrong for wrong, right in rules[rule].options["swap"].items() if not regex.search(r"[\\(\[?]", wrong)}

        def inject(line: str, rng: random.Random):
            present = [word for word in typos if word in line]
            if not present:
                return None
            word = rng.choice(present)
            at = line.index(word)
            return line[:at] + typos[word] + line[at + len(word):], at, at + len(typos[word])
        return inject

    def doubled(characters: str):
        def inject(line: str, rng: random.Random):
            places = [m.start() for m in regex.finditer(f"[{characters}]", line)]
            if not places:
                return None
            at = rng.choice(places)
            return line[:at + 1] + line[at] + line[at + 1:], at, at + 2
        return inject

    def doubled_word(line: str, rng: random.Random):
        runs = list(_HAN_RUN.finditer(line))
        if not runs:
            return None
        run = rng.choice(runs).group()
        at = line.index(run)
        return line[:at + len(run)] + run + line[at + len(run):], at, at + 2 * len(run)

    def repeated_clause(line: str, rng: random.Random):
        clauses = list(_CLAUSE.finditer(line))
        if not clauses:
            return None
        clause = rng.choice(clauses)
        return line[:clause.end()] + clause.group() + line[clause.end():], clause.start(), clause.end() + len(clause.group())

    def repeated_sentence(line: str, rng: random.Random):
        """A sentence of the line written again after the sentence that follows it (pasted twice)."""
        sentences = list(_SENTENCE.finditer(line))
        if len(sentences) < 2:
            return None
        first = rng.randrange(len(sentences) - 1)
        copy, after = sentences[first].group(), sentences[first + 1].end()
        return line[:after] + copy + line[after:], after, after + len(copy)

    return {"FZ505": doubled("的了"), "FZ514": doubled(function_characters), "FZ506": doubled_word,
            "FZ515": repeated_clause, "FZ504": typo_of("FZ504"), "FZ516": typo_of("FZ516"),
            "FZ530": repeated_sentence}


def _known_seed_slips() -> set[tuple[str, str]]:
    """(rule, text flagged) for every class-6 finding on the seeds that their reading (seeds/expected) lists."""
    listed = set()
    seeds = ROOT / "seeds"
    for path in (seeds / "expected").glob("*.yaml"):
        for seed, items in (yaml.safe_load(path.read_text(encoding="utf-8")).get("findings") or {}).items():
            listed |= {(seed, item["rule"], item["line"]) for item in items or [] if item["rule"] in FREE_TEXT}
    known = set()
    for seed in sorted({seed for seed, _, _ in listed}):
        lines = (seeds / seed).read_text(encoding="utf-8").splitlines()
        for finding in lint_text("\n".join(lines), select=FREE_TEXT):
            if (seed, finding.rule, finding.line) in listed:
                known.add((finding.rule, _flagged(lines[finding.line - 1], finding)))
    return known


def _flagged(line: str, finding) -> str:
    return line[finding.column - 1 : finding.end_column - 1]


def synthetic(count: int, seed: int, slips: int) -> tuple[Counter, Counter, Counter, Counter]:
    rules = _rules()
    injectors = _injectors(rules)
    known = _known_seed_slips()
    rng, seeds = random.Random(seed), seed_paragraphs()
    true, false, put_in, caught = Counter(), Counter(), Counter(), Counter()
    for _ in range(count):
        lines = draft_lines(draw_size(rng), seeds, rng)
        placed: dict[int, tuple[str, int, int]] = {}
        for _ in range(slips * 20):
            if len(placed) == slips:
                break
            number, kind = rng.randrange(len(lines)), rng.choice(sorted(injectors))
            made = injectors[kind](lines[number], rng) if number not in placed else None
            if made:
                lines[number], start, end = made
                placed[number] = (kind, start, end)
                put_in[kind] += 1
        for finding in lint_text("\n".join(lines), select=FREE_TEXT):
            number = finding.line - 1
            slip = placed.get(number)
            if slip and finding.column - 1 < slip[2] and slip[1] < finding.end_column - 1:
                true[finding.rule] += 1
                caught[finding.rule] += slip[0] == finding.rule
            elif (finding.rule, _flagged(lines[number], finding)) in known:
                true[finding.rule] += 1
            else:
                false[finding.rule] += 1
                print(f"  false {finding.rule}: {lines[number][max(0, finding.column - 15):finding.end_column + 10]}")
    return true, false, put_in, caught


def corpus_findings() -> tuple[Counter, Counter]:
    """Class-6 findings on the corpus: (matched an expected defect, false), from score.py -v."""
    out = subprocess.run([sys.executable, str(CORPUS / "score.py"), "-v"], check=False, capture_output=True, text=True, cwd=ROOT).stdout
    print(out.rstrip())
    false = Counter(line.split()[2] for line in out.splitlines() if line.startswith("  false ") and line.split()[2] in FREE_TEXT)
    found = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--format", "json", "--select",
                            ",".join(FREE_TEXT), str(CORPUS / "real"), str(CORPUS / "seeded")],
                           check=False, capture_output=True, text=True, cwd=ROOT).stdout
    total = Counter(f["rule"] for file in json.loads(found)["files"] for f in file["findings"] if f["severity"] != "info")
    return total - false, false


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--slips", type=int, default=5, help="slips put in each draft")
    parser.add_argument("--skip-corpus", action="store_true")
    args = parser.parse_args()
    corpus_true, corpus_false = (Counter(), Counter()) if args.skip_corpus or not CORPUS.exists() else corpus_findings()
    true, false, put_in, caught = synthetic(args.count, args.seed, args.slips)
    severities = {rule.id: rule.severity.value for rule in _rules().values()}
    print(f"\nclass-6 rules: corpus findings and synthetic precision ({args.count} drafts, seed {args.seed}, {args.slips} slips each)")
    print("| rule | level | corpus true/false | synthetic true/false | precision | slips put in | recall of them |")
    print("|---|---|---|---|---|---|---|")
    for rule in FREE_TEXT:
        found = true[rule] + false[rule]
        precision = f"{true[rule] / found:.1%}" if found else "–"
        recall = f"{caught[rule] / put_in[rule]:.0%}" if put_in.get(rule) else "–"
        print(f"| {rule} | {severities[rule]} | {corpus_true[rule]}/{corpus_false[rule]} | {true[rule]}/{false[rule]} | {precision} "
              f"| {put_in.get(rule, 0)} | {recall} |")


if __name__ == "__main__":
    main()
