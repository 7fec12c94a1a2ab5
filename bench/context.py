"""How well the report context is inferred: body, region and year of every ../shared/corpus file,
against bench/context_expected.tsv (written by reading the files' titles, signatures and SOURCES.md).

    python bench/context.py            # per-file table and the totals
    python bench/context.py --quiet    # the totals only

Each value is right, wrong or unknown; a wrong value is also counted by its confidence, since only a
wrong *certain* value turns into confident errors. Where the table says "?" the text does not tell,
and unknown is the right answer.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.loaders import load

CORPUS = ROOT.parent / "shared" / "corpus"
TABLE = Path(__file__).with_name("context_expected.tsv")
FIELDS = ("body", "region", "year")


def expected_rows() -> list[dict[str, str]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        file, body, region, year, *_ = line.split("\t")
        rows.append({"file": file, "body": body, "region": region, "year": year})
    return rows


def judge(field: str, expected: str, found) -> str:
    if found in (None, [], ""):
        return "right" if expected == "?" else "unknown"
    if expected == "?":
        return "wrong"
    if field == "body":
        return "right" if found in expected.split("|") else "wrong"
    if field == "region":
        return "right" if "›".join(found) == expected else "wrong"
    return "right" if str(found) == expected else "wrong"


def confidence_of(context, field: str) -> str:
    """The context's confidence in a value; a context without one (before confidence existed) acted
    on every value it had as if it were certain."""
    known = getattr(context, "confidence", None)
    if known is None:
        return "certain" if getattr(context, field) not in (None, []) else "unknown"
    return known.get(field, "unknown")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true")
    quiet = parser.parse_args().quiet
    totals: dict[str, Counter] = {field: Counter() for field in FIELDS}
    wrong_by_confidence: Counter = Counter()
    for row in expected_rows():
        context = load(str(CORPUS / row["file"])).context
        cells = []
        for field in FIELDS:
            found = getattr(context, field)
            verdict = judge(field, row[field], found)
            confidence = confidence_of(context, field)
            totals[field][verdict] += 1
            if verdict == "wrong":
                wrong_by_confidence[confidence] += 1
            shown = "›".join(found) if isinstance(found, list) else found
            cells.append(f"{verdict:7} {confidence[:4]:4} {shown or '-'}")
        if not quiet:
            print(f"{row['file'][:38]:38} | " + " | ".join(cells))
    print()
    count = sum(totals["body"].values())
    for field in FIELDS:
        t = totals[field]
        print(f"{field:6}: right {t['right']:2}  wrong {t['wrong']:2}  unknown {t['unknown']:2}  (of {count})")
    right = sum(t["right"] for t in totals.values())
    print(f"all   : right {right}/{3 * count} ({right / (3 * count):.0%}); wrong by confidence: "
          f"certain {wrong_by_confidence['certain']}, likely {wrong_by_confidence['likely']}")


if __name__ == "__main__":
    main()
