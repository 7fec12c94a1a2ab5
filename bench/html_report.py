"""The HTML batch report at scale: its size for the corpus, and how long headless Chromium takes to
open it (from navigation start to the first frame painted after the load event, the report's own
script run included), the median of --runs fresh pages.

    python bench/html_report.py [--corpus DIR] [--count 1000] [--seed 8] [--runs 5]

Needs Chromium (apt-get install chromium) and Playwright (pip install '.[test]'); the corpus is made
with make_corpus.py when DIR does not exist.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_FRAME_AFTER_LOAD = """() => new Promise(done => {
  const painted = () => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())));
  if (document.readyState === "complete") painted(); else addEventListener("load", painted);
})"""


def _report(corpus: Path, target: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "checker", "check", str(corpus), "--no-config", "--jobs", "2",
                           "--format", f"html:{target}"], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(done.stderr)
    return time.perf_counter() - started


def _render_times(page_url: str, runs: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        system = browser.new_browser_cdp_session()
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto("about:blank")
            before = _renderer_cpu(system)
            page.goto(page_url, wait_until="load", timeout=120_000)
            painted = page.evaluate(FIRST_FRAME_AFTER_LOAD)
            cpu = _renderer_cpu(system) - before
            timing = page.evaluate("() => performance.getEntriesByType('navigation')[0].toJSON()")
            times.append({"dom": timing["domContentLoadedEventEnd"] / 1000, "load": timing["loadEventEnd"] / 1000,
                          "painted": painted / 1000, "cpu": cpu})
            page.close()
        browser.close()
    return times


def _renderer_cpu(system) -> float:
    """CPU seconds used so far by the renderer processes: what the page costs, whatever else runs
    on the machine (wall-clock times grow with the load, this does not)."""
    processes = system.send("SystemInfo.getProcessInfo")["processInfo"]
    return sum(p["cpuTime"] for p in processes if p["type"] == "renderer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "fazhi-bench-corpus")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.corpus.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(args.corpus), "--count", str(args.count),
                        "--seed", str(args.seed)], check=True)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "report.html"
        wall = _report(args.corpus, target)
        size = target.stat().st_size
        times = _render_times(target.as_uri(), args.runs)
    files = sum(1 for p in args.corpus.iterdir() if p.is_file())
    median = {key: statistics.median(t[key] for t in times) for key in ("dom", "load", "painted", "cpu")}
    print(f"load average at the start: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
    print(f"{files} drafts: report {size / 1e6:.2f} MB ({size:,} bytes), written in {wall:.1f} s (check included, --jobs 2)")
    print(f"Chromium, median of {args.runs}: DOMContentLoaded {median['dom']:.2f} s, load {median['load']:.2f} s, "
          f"first frame after load {median['painted']:.2f} s; renderer CPU {median['cpu']:.2f} s")
    print("each run (first frame s / renderer CPU s): " + " ".join(f"{t['painted']:.2f}/{t['cpu']:.2f}" for t in times))


if __name__ == "__main__":
    main()
