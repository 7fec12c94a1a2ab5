"""What document analysis costs per MB of .txt, in process: reading alone, the title block and
outline, the report context (checker/document/context.py), each the least CPU of a few rounds.

    python bench/analysis_cost.py /tmp/benchcorpus/drafts [--limit 300] [--rounds 3] [--profile]

`--profile`: the report context's top functions by cumulative time (cProfile), over one round.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.document.context import report_context
from checker.document.structure import find_structure
from checker.loaders.discover import discover
from checker.loaders.txt import load_txt


def _timed(function, items) -> tuple[float, list]:
    started = time.process_time()
    results = [function(item) for item in items]
    return time.process_time() - started, results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--limit", type=int, default=300, help="first N .txt files")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    files = [f for f in discover(args.paths) if f.endswith(".txt")][: args.limit]
    megabytes = sum(Path(f).stat().st_size for f in files) / 1e6
    report_context(find_structure(load_txt(files[0])))  # tables loaded once, as in any run
    best = {"read": float("inf"), "title block + outline": float("inf"), "report context": float("inf")}
    for _ in range(args.rounds):
        seconds, documents = _timed(load_txt, files)
        best["read"] = min(best["read"], seconds)
        seconds, _ = _timed(find_structure, documents)
        best["title block + outline"] = min(best["title block + outline"], seconds)
        seconds, _ = _timed(report_context, documents)
        best["report context"] = min(best["report context"], seconds)
    print(f"{len(files)} files, {megabytes:.1f} MB; least CPU of {args.rounds} rounds:")
    for phase, seconds in best.items():
        print(f"  {phase:24s} {seconds / megabytes * 1000:6.1f} ms/MB")
    if args.profile:
        documents = [find_structure(load_txt(f)) for f in files]
        profiler = cProfile.Profile()
        profiler.enable()
        for document in documents:
            report_context(document)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
