"""Where the engine's time goes: CPU ms per MB of each rule (hits, then findings), over loaded drafts.

    python bench/per_rule.py /tmp/corpus [--limit 300] [--top 30]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.engine.config import Config
from checker.engine.run import findings_of, lint
from checker.engine.selection import build_ruleset
from checker.loaders import load
from checker.loaders.discover import discover


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--limit", type=int, default=300, help="first N .txt files")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    files = [f for f in discover(args.paths) if f.endswith(".txt")][: args.limit]
    megabytes = sum(Path(f).stat().st_size for f in files) / 1e6
    started = time.process_time()
    documents = [load(f) for f in files]
    gc.freeze()  # the loaded drafts are long-lived: a full collection would land on a random rule
    print(f"{len(files)} files, {megabytes:.1f} MB; load and analyse {(time.process_time() - started) / megabytes * 1000:.0f} ms/MB")
    rules = build_ruleset(Config(), [], []).selected()
    rows = []
    for rule in rules:
        if rule.check is None:
            continue
        # as lint() does: a rule needing a context value the document lacks (year, body) is not run on it
        runnable = [d for d in documents if all(d.context.to_dict().get(need) for need in rule.needs)]
        started = time.process_time()
        hits = [list(rule.check(document)) for document in runnable]
        hit_seconds = time.process_time() - started
        started = time.process_time()
        for document_hits in hits:  # findings kept per document, as lint() keeps them
            findings_of(rule, document_hits)
        rows.append((hit_seconds, time.process_time() - started, rule.id, rule.name, sum(map(len, hits))))
    rows.sort(reverse=True)
    for hit_seconds, finding_seconds, rule_id, name, count in rows[: args.top]:
        print(f"{rule_id} {name:32s} hits {hit_seconds / megabytes * 1000:6.1f} ms/MB"
              f"  findings {finding_seconds / megabytes * 1000:5.1f} ms/MB  ({count})")
    print(f"sum: hits {sum(r[0] for r in rows) / megabytes * 1000:.0f} ms/MB,"
          f" findings {sum(r[1] for r in rows) / megabytes * 1000:.0f} ms/MB")
    context_rule = next((r for r in rules if r.name == "context-unknown"), None)
    documents = [load(f) for f in files]  # fresh: values rules share per document were filled above
    started = time.process_time()
    total = sum(len(lint(document, rules, context_rule)) for document in documents)
    seconds = time.process_time() - started
    print(f"lint(): {seconds / megabytes * 1000:.0f} ms/MB = {megabytes / seconds:.2f} MB/s, {total} findings")


if __name__ == "__main__":
    main()
