"""Did a speed-up change what is found? Save every finding of a set of drafts, then compare.

    python bench/same_findings.py save BASELINE.jsonl seeds/ examples/ /tmp/corpus
    python bench/same_findings.py compare BASELINE.jsonl seeds/ examples/ /tmp/corpus [--rules FZ601,FZ602]

`compare` prints the findings only one side has (at most 20 per rule) and exits 1 if any differ.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.engine.batch import Options, check_files
from checker.loaders.discover import discover


def _findings(paths: list[str]) -> list[str]:
    lines = []
    for result in check_files(discover(paths), Options(), jobs=2):
        for f in result.findings:
            fix = f.fix.to_dict() if f.fix else None
            lines.append(json.dumps([result.path, f.rule, f.line, f.column, f.end_line, f.end_column, f.message, fix],
                                    ensure_ascii=False))
    return sorted(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("baseline")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--rules", default="", help="comma-separated rule ids to compare (default: all)")
    args = parser.parse_args()
    current = _findings(args.paths)
    if args.action == "save":
        Path(args.baseline).write_text("\n".join(current) + "\n", encoding="utf-8")
        print(f"{len(current)} findings saved to {args.baseline}")
        return 0
    wanted = set(filter(None, args.rules.split(",")))
    keep = (lambda line: json.loads(line)[1] in wanted) if wanted else (lambda line: True)
    before = {line for line in Path(args.baseline).read_text(encoding="utf-8").splitlines() if line and keep(line)}
    after = {line for line in current if keep(line)}
    shown: dict[tuple[str, str], int] = defaultdict(int)
    for label, lines in (("only before", before - after), ("only after", after - before)):
        for line in sorted(lines):
            rule = json.loads(line)[1]
            shown[label, rule] += 1
            if shown[label, rule] <= 20:
                print(f"{label}: {line}")
    for (label, rule), count in sorted(shown.items()):
        print(f"{rule}: {count} findings {label}")
    print(f"{len(before)} before, {len(after)} after, {len(before ^ after)} differ")
    return 1 if before != after else 0


if __name__ == "__main__":
    sys.exit(main())
